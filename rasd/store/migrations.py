"""Numbered, recorded schema steps, so an existing database upgrades in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from rasd.store.schema import metadata, schema_migrations

Step = Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        # Full-text search over the matching form of title and body, with the
        # clitic-free stems added, so هجين finds بهجين (see rasd.store.search).
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 2')"))


def _postgres_search(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        # The same matching forms as SQLite's index, as a tsvector with the
        # 'simple' configuration: no stemming but ours.
        conn.execute(text(
            "CREATE TABLE IF NOT EXISTS article_search ("
            "article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, "
            "document tsvector NOT NULL)"))
        conn.execute(text("CREATE INDEX IF NOT EXISTS article_search_document "
                          "ON article_search USING gin(document)"))


def _incidents(conn: Connection) -> None:
    from rasd.store.schema import incident_events, incidents

    incidents.create(conn, checkfirst=True)
    incident_events.create(conn, checkfirst=True)


def _people(conn: Connection) -> None:
    from rasd.store import schema

    for table in (schema.users, schema.sessions, schema.api_tokens, schema.comments,
                  schema.comment_reports, schema.page_views, schema.reviews):
        table.create(conn, checkfirst=True)


def _batches(conn: Connection) -> None:
    from rasd.store import schema

    schema.batch_partitions.create(conn, checkfirst=True)
    schema.skipped.create(conn, checkfirst=True)


def _entities(conn: Connection) -> None:
    """Actors and places of articles stored before this step are filled from
    their mentions, so an upgraded database is as complete as a new one."""
    from rasd.store import schema
    from rasd.store.entities import backfill

    schema.actors.create(conn, checkfirst=True)
    schema.places.create(conn, checkfirst=True)
    backfill(conn)


def _reading_indexes(conn: Connection) -> None:
    """The pages' lookups: "is there a newer revision" runs for every article and
    event listed, and the home page counts events by type and by country."""
    for name, table, columns in (
            ("ix_articles_previous_id", "articles", "previous_id"),
            ("ix_events_type_modality", "events", "event_type, modality"),
            ("ix_events_country_modality", "events", "country, modality"),
            ("ix_events_location_id", "events", "location_id")):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})"))


MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "initial schema and full-text index", _initial),
    (2, "PostgreSQL full-text index", _postgres_search),
    (3, "incidents across articles", _incidents),
    (4, "accounts, comments, page views and reviews", _people),
    (5, "scale-out partitions and articles skipped early", _batches),
    (6, "actors and places named by stored articles", _entities),
    (7, "indexes for the pages' lookups", _reading_indexes),
]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_migrations"):
        return 0
    versions = conn.execute(select(schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(conn: Connection) -> list[int]:
    """Apply the steps a database lacks, each in the caller's transaction."""
    done = current_version(conn)
    applied = []
    for version, name, step in MIGRATIONS:
        if version <= done:
            continue
        step(conn)
        conn.execute(schema_migrations.insert().values(
            version=version, name=name, applied_at=datetime.now(UTC)))
        applied.append(version)
    return applied
