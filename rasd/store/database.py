"""The store: articles with provenance, mentions, events, tolls and quarantine.

SQLite (a file path, the default) or PostgreSQL (a ``postgresql://`` URL),
through SQLAlchemy Core so that the CLI, the web application and the batch
runner share one data-access layer. Each article is written in its own
transaction: a run killed at any point leaves a consistent database, and a
rerun adds only what is missing (the content hash makes ingest idempotent).
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from rasd.acquire.model import Document, Provenance, Rejected, content_hash
from rasd.arabic.normalize import normalize
from rasd.arabic.tokens import Tokenizer
from rasd.errors import RasdError
from rasd.pipeline import Doc
from rasd.store import schema as t
from rasd.store.migrations import migrate
from rasd.store.search import Snippet, fts_query, index_forms, query_forms, snippet, ts_query

if TYPE_CHECKING:
    from rasd.store.accounts import Accounts
    from rasd.store.batches import Batches
    from rasd.store.comments import CommentLimits, Comments
    from rasd.store.site import Site


class StoreError(RasdError):
    stage = "store"


@dataclass(frozen=True)
class IngestResult:
    status: str  # added, duplicate or revision
    article_id: int


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str | None
    outlet: str | None
    published: str | None
    score: float
    snippet: Snippet


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL from a path (SQLite) or a URL (PostgreSQL)."""
    value = str(target)
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).resolve()}"


R = TypeVar("R")


def _retrying(work: Callable[[], R], attempts: int,
              also: tuple[str, ...] = ()) -> R:
    """Run one transaction, again when another writer got there first.

    Two writers can both see a row missing and both insert it: the second
    hits a unique constraint (or a locked SQLite file), its transaction rolls
    back, and the next try finds what the first one wrote.
    """
    for attempt in range(attempts):
        try:
            return work()
        except (IntegrityError, OperationalError) as exc:
            racing = isinstance(exc, IntegrityError) or any(
                word in str(exc) for word in ("locked", *also))
            if not racing or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("the loop returns or raises")


def _json(value: Any) -> Any:
    """A JSON column read through a text query comes back as a string."""
    return json.loads(value) if isinstance(value, str) else value


def _new_id(result: Any) -> int:
    key = result.inserted_primary_key
    if key is None:
        raise StoreError("the database returned no id for a new row")
    return int(key[0])


def _body(doc: Doc) -> str:
    """The article without its page chrome: what is indexed and searched."""
    article = doc.require_article()
    return "\n".join(article.block_text(b) for b in article.blocks)


def main_text_hash(doc: Doc, body: str | None = None) -> str:
    """Hash of the normalized main text: the same article saved twice, or in two
    encodings or with different page chrome, is one article."""
    body = _body(doc) if body is None else body
    return hashlib.sha256(normalize(body).text.encode("utf-8")).hexdigest()


class Store:
    """One database; ``Store.open`` creates or upgrades it."""

    def __init__(self, engine: Engine, tokenizer: Tokenizer | None = None) -> None:
        self.engine = engine
        self.tokenizer = tokenizer or Tokenizer()

    @classmethod
    def open(cls, target: str | Path = "rasd.db", tokenizer: Tokenizer | None = None,
             must_exist: bool = False) -> Store:
        """Open (and create or upgrade) a database; with ``must_exist``, a SQLite
        file that is not there is an error rather than a new empty database."""
        if must_exist and "://" not in str(target) and not Path(target).is_file():
            raise StoreError("no such database; create it with `rasd ingest`",
                             source=str(target))
        # As many connections as the web server's request threads may use at once.
        engine = create_engine(database_url(target), pool_size=20, max_overflow=20)
        if engine.dialect.name == "sqlite":
            @event.listens_for(engine, "connect")
            def _pragmas(conn: Any, _record: Any) -> None:
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                # Safe against a killed process in WAL mode; only a power cut
                # can lose the last transactions, never corrupt the file.
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=10000")
                cur.close()
        store = cls(engine, tokenizer)

        def upgrade() -> None:
            with engine.begin() as conn:
                migrate(conn)

        try:
            # Another process may be creating the same database (SQLite runs DDL
            # outside transactions): "already exists" then means "look again".
            _retrying(upgrade, attempts=20, also=("already exists",))
        except Exception as exc:  # driver errors differ between SQLite and PostgreSQL
            raise StoreError(f"cannot open the database: {str(exc).splitlines()[0]}",
                             source=str(target)) from exc
        return store

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    # --- the site's parts, over the same engine ---
    @property
    def accounts(self) -> Accounts:
        from rasd.store.accounts import Accounts

        return Accounts(self.engine)

    @property
    def site(self) -> Site:
        from rasd.store.site import Site

        return Site(self.engine)

    @property
    def batches(self) -> Batches:
        from rasd.store.batches import Batches

        return Batches(self.engine)

    def comments(self, limits: CommentLimits | None = None) -> Comments:
        from rasd.store.comments import Comments

        return Comments(self.engine, limits)

    # --- writing ---
    def ingest(self, doc: Doc, attempts: int = 5) -> IngestResult:
        """Store one article; safe with other writers on the same database.

        Two writers can both see an article or outlet missing and both insert
        it: the second hits a unique constraint, its transaction rolls back,
        and the retry then finds the row the first one wrote.
        """
        return _retrying(lambda: self._ingest(doc), attempts=attempts)

    def _ingest(self, doc: Doc) -> IngestResult:
        article = doc.require_article()
        body = _body(doc)
        digest = main_text_hash(doc, body)
        with self.engine.begin() as conn:
            found = conn.execute(select(t.articles.c.id).where(
                t.articles.c.content_hash == digest)).scalar()
            if found is not None:
                return IngestResult("duplicate", int(found))
            p = article.provenance
            previous = None
            if p.url:
                previous = conn.execute(
                    select(t.articles.c.id, t.articles.c.revision)
                    .where(t.articles.c.url == p.url)
                    .order_by(t.articles.c.revision.desc()).limit(1)).first()
            article_id = self._insert_article(conn, doc, digest, previous)
            self._insert_layers(conn, doc, article_id)
            title = index_forms(article.title or "", self.tokenizer)
            body = index_forms(body, self.tokenizer)
            if self.is_sqlite:
                conn.execute(text("INSERT INTO articles_fts(rowid, title, body) "
                                  "VALUES (:id, :title, :body)"),
                             {"id": article_id, "title": title, "body": body})
            else:
                conn.execute(text(
                    "INSERT INTO article_search(article_id, document) VALUES (:id, "
                    "setweight(to_tsvector('simple', :title), 'A') || "
                    "to_tsvector('simple', :body))"),
                    {"id": article_id, "title": title, "body": body})
            return IngestResult("revision" if previous else "added", article_id)

    def _outlet_id(self, conn: Connection, name: str | None) -> int | None:
        if not name:
            return None
        found = conn.execute(select(t.outlets.c.id).where(t.outlets.c.name == name)).scalar()
        if found is not None:
            return int(found)
        return _new_id(conn.execute(t.outlets.insert().values(name=name)))

    def _insert_article(self, conn: Connection, doc: Doc, digest: str,
                        previous: Any) -> int:
        article = doc.require_article()
        p = article.provenance
        extraction = doc.extraction
        row = {
            "content_hash": digest, "url": p.url, "outlet_id": self._outlet_id(conn, p.outlet),
            "source": p.source, "record": p.record, "offset": p.offset, "fetched": p.fetched,
            "published": article.published or p.published, "encoding": p.encoding,
            "input_format": p.input_format, "format": article.format, "title": article.title,
            "text": article.text,
            "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in article.blocks],
            "relevant": None if extraction is None else int(extraction.relevant),
            "relevance_reason": None if extraction is None else extraction.reason,
            "extractor": {"main_text": article.extractor},
            "revision": (previous.revision + 1) if previous else 1,
            "previous_id": previous.id if previous else None,
            "ingested_at": datetime.now(UTC),
        }
        return _new_id(conn.execute(t.articles.insert().values(**row)))

    def _insert_layers(self, conn: Connection, doc: Doc, article_id: int) -> None:
        from rasd.store.entities import register

        register(conn, [(m.kind, m.ref, m.data) for m in doc.mentions or []],
                 [e.to_dict() for e in (doc.extraction.events if doc.extraction else [])])
        if doc.mentions:
            conn.execute(t.mentions.insert(), [
                {"article_id": article_id, "kind": m.kind, "start": m.start, "end": m.end,
                 "text": m.text, "ref": m.ref, "rule": m.rule, "data": m.data}
                for m in doc.mentions])
        if doc.extraction is None:
            return
        rows = []
        for e in doc.extraction.events:
            loc = e.location or {}
            rows.append(dict(
                article_id=article_id, event_type=e.event_type, sub_event_type=e.sub_event_type,
                plover=e.plover, actor1=e.actor1.id if e.actor1 else None,
                actor2=e.actor2.id if e.actor2 else None, location_id=loc.get("id"),
                location_name=loc.get("name"), latitude=loc.get("latitude"),
                longitude=loc.get("longitude"), admin1=loc.get("admin1"),
                country=loc.get("country"), geo_precision=loc.get("geo_precision"),
                event_date=e.event_date, time_precision=e.time_precision,
                fatalities=e.fatalities, fatalities_qualifier=e.fatalities_qualifier,
                injuries=e.injuries, modality=e.modality, notes=e.notes, record=e.to_dict()))
        if rows:
            # One statement for all events, ids back in order, then their evidence and sources.
            ids = conn.execute(t.events.insert().returning(t.events.c.id,
                                                           sort_by_parameter_order=True),
                               rows).scalars().all()
            evidence = [{"event_id": i, "start": ev.start, "end": ev.end, "rule": ev.rule}
                        for i, e in zip(ids, doc.extraction.events, strict=True)
                        for ev in e.evidence]
            sources = [{"event_id": i, "kind": s["kind"], "ref": str(s["id"]),
                        "text": s.get("text")}
                       for i, e in zip(ids, doc.extraction.events, strict=True)
                       for s in e.sources]
            if evidence:
                conn.execute(t.event_evidence.insert(), evidence)
            if sources:
                conn.execute(t.event_sources.insert(), sources)
        for toll in doc.extraction.tolls:
            conn.execute(t.tolls.insert().values(
                article_id=article_id,
                perpetrator=toll.perpetrator.id if toll.perpetrator else None,
                victims=toll.victims, count=toll.count, qualifier=toll.qualifier,
                effect=toll.effect, source=(toll.source or {}).get("id"),
                record=toll.to_dict()))

    def keep(self, item: Doc | Rejected) -> str:
        """Store a processed article, or quarantine what could not be processed or
        stored; returns what happened. One bad article never ends a run."""
        if isinstance(item, Rejected):
            return "quarantined" if self.quarantine(item) else "already quarantined"
        try:
            return self.ingest(item).status
        except Exception as exc:  # driver errors differ between SQLite and PostgreSQL
            p = item.document.provenance
            reason = f"cannot store the article: {type(exc).__name__}: {exc}"
            self.quarantine(Rejected(p.source, "store", reason[:500], record=p.record,
                                     offset=p.offset,
                                     sample=item.document.content[:2048].encode("utf-8")))
            return "quarantined"

    def article_ids(self) -> list[int]:
        with self.engine.connect() as conn:
            return [int(i) for i in conn.execute(
                select(t.articles.c.id).order_by(t.articles.c.id)).scalars()]

    def stored_document(self, article_id: int) -> Document:
        """A stored article as a document again, for re-extraction."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.articles, t.outlets.c.name.label("outlet_name"))
                .outerjoin(t.outlets, t.outlets.c.id == t.articles.c.outlet_id)
                .where(t.articles.c.id == article_id)).first()
        if row is None:
            raise StoreError(f"no article with id {article_id}")
        return Document(row.text, "text", Provenance(
            source=row.source, content_hash=content_hash(row.text), record=row.record,
            offset=row.offset, url=row.url, outlet=row.outlet_name, fetched=row.fetched,
            published=row.published, encoding=row.encoding, input_format=row.input_format),
            title=row.title)

    def replace_extraction(self, article_id: int, doc: Doc) -> dict[str, int]:
        """Swap an article's mentions, events and tolls for a new extraction, in one
        transaction; returns how many events were added, removed and kept."""
        def signature(record: dict[str, Any]) -> tuple[Any, ...]:
            loc = record.get("location") or {}
            return (record["sub_event_type"], loc.get("id"), record.get("event_date"),
                    (record.get("actor1") or {}).get("id"), record.get("fatalities"),
                    record.get("modality"))

        with self.engine.begin() as conn:
            old = [_json(r) for r in conn.execute(select(t.events.c.record).where(
                t.events.c.article_id == article_id)).scalars()]
            conn.execute(t.events.delete().where(t.events.c.article_id == article_id))
            conn.execute(t.mentions.delete().where(t.mentions.c.article_id == article_id))
            conn.execute(t.tolls.delete().where(t.tolls.c.article_id == article_id))
            extraction = doc.extraction
            conn.execute(t.articles.update().where(t.articles.c.id == article_id).values(
                relevant=None if extraction is None else int(extraction.relevant),
                relevance_reason=None if extraction is None else extraction.reason))
            self._insert_layers(conn, doc, article_id)
        new = [e.to_dict() for e in (doc.extraction.events if doc.extraction else [])]
        before, after = {signature(r) for r in old}, {signature(r) for r in new}
        return {"added": len(after - before), "removed": len(before - after),
                "kept": len(before & after)}

    def resolve_quarantined(self, item_id: int, article_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.quarantine.update().where(t.quarantine.c.id == item_id)
                         .values(resolved_article_id=article_id))

    def cluster(self, country: str | None = None) -> int:
        """Group newly stored events into incidents across articles; with a country,
        only its events, a week at a time (the batch runner's unit of work)."""
        from rasd.store.incidents import cluster

        if country is None:
            def run() -> int:
                with self.engine.begin() as conn:
                    return cluster(conn)

            return _retrying(run, attempts=10)  # another writer may cluster the same events
        placed = 0
        for since, until in self._pending_weeks(country):
            def week(since: str | None = since, until: str | None = until) -> int:
                with self.engine.begin() as conn:
                    return cluster(conn, country, since, until)

            placed += _retrying(week, attempts=10)
        return placed

    def _pending_weeks(self, country: str) -> list[tuple[str | None, str | None]]:
        """Monday-to-Monday windows that hold a country's unclustered events, in
        order, then an open window for events without a date."""
        from datetime import date, timedelta

        from rasd.store.incidents import _pending

        pending = _pending(country).subquery()
        with self.engine.connect() as conn:
            days = conn.execute(select(pending.c.event_date).distinct()).scalars().all()
        mondays = sorted({date.fromisoformat(d) - timedelta(days=date.fromisoformat(d).weekday())
                          for d in days if d})
        windows: list[tuple[str | None, str | None]] = [
            (m.isoformat(), (m + timedelta(days=7)).isoformat()) for m in mondays]
        return [*windows, (None, None)]

    def pending_countries(self) -> list[str | None]:
        from rasd.store.incidents import pending_countries

        with self.engine.connect() as conn:
            return pending_countries(conn)

    def incidents(self, min_reports: int = 1) -> list[dict[str, Any]]:
        from rasd.store.incidents import incident_reports

        with self.engine.connect() as conn:
            rows = conn.execute(select(t.incidents).where(t.incidents.c.reports >= min_reports)
                                .order_by(t.incidents.c.event_date, t.incidents.c.id)).all()
            return [{**dict(r._mapping), "reports_detail": incident_reports(conn, r.id)}
                    for r in rows]

    def quarantine(self, item: Rejected, max_sample: int = 65536) -> bool:
        """Keep an input that could not be processed; False when already kept."""
        key = hashlib.sha256("\x1f".join(str(v) for v in (
            item.source, item.record, item.offset, item.stage, item.reason)).encode()).hexdigest()
        with self.engine.begin() as conn:
            if conn.execute(select(t.quarantine.c.id).where(t.quarantine.c.key == key)).scalar():
                return False
            conn.execute(t.quarantine.insert().values(
                source=item.source, record=item.record, offset=item.offset, stage=item.stage,
                reason=item.reason, sample=item.sample[:max_sample],
                created_at=datetime.now(UTC), key=key))
            return True

    # --- reading ---
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: int(conn.execute(select(func.count()).select_from(table)).scalar()
                              or 0)
                    for name, table in (("articles", t.articles), ("mentions", t.mentions),
                                        ("events", t.events), ("tolls", t.tolls),
                                        ("quarantine", t.quarantine))}

    def quarantined(self, item_id: int | None = None,
                    unresolved: bool = False) -> list[dict[str, Any]]:
        query = select(t.quarantine).order_by(t.quarantine.c.id)
        if unresolved:
            query = query.where(t.quarantine.c.resolved_article_id.is_(None))
        if item_id is not None:
            query = query.where(t.quarantine.c.id == item_id)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def event_records(self, *, include_background: bool = False, reviewed_values: bool = True,
                      **filters: Any) -> list[dict[str, Any]]:
        """Stored events with their article's provenance, filtered as in
        ``EventFilter``; background recollections are left out unless asked for.
        With ``reviewed_values``, reviewers' corrections are applied and events
        they rejected are left out."""
        from rasd.store.reviews import Reviews, apply_review
        from rasd.store.site import EventFilter

        flt = EventFilter(include_background=include_background, **filters)
        e, a, o = t.events, t.articles, t.outlets
        query = (select(e.c.id, e.c.record, a.c.content_hash, a.c.url, a.c.published,
                        o.c.name.label("outlet"))
                 .select_from(e.join(a, a.c.id == e.c.article_id)
                              .outerjoin(o, o.c.id == a.c.outlet_id))
                 .where(*flt.conditions()).order_by(e.c.event_date, e.c.id))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        decisions = Reviews(self.engine).latest([r.id for r in rows]) if reviewed_values else {}
        out = []
        for r in rows:
            review = decisions.get(r.id)
            if review is not None and review["decision"] == "reject":
                continue
            record = apply_review(_json(r.record), review)
            loc = record.get("location") or {}
            if not flt.within(loc.get("latitude"), loc.get("longitude")):
                continue
            out.append({"id": r.id, "record": record,
                        "article": {"content_hash": r.content_hash, "url": r.url,
                                    "published": r.published, "outlet": r.outlet}})
        return out

    def search(self, query: str, limit: int = 20, country: str | None = None,
               event_type: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None,
               sub_event_type: str | None = None, admin1: str | None = None,
               modality: str | None = None, outlet: str | None = None,
               min_fatalities: int | None = None, max_fatalities: int | None = None,
               near: tuple[float, float, float] | None = None) -> list[SearchHit]:
        """Ranked articles for an Arabic query, with structured filters on their events.

        ``near`` is (latitude, longitude, radius in km) around an event's place.
        """
        groups = query_forms(query, self.tokenizer)
        if not groups:
            return []
        if self.is_sqlite:
            # Rank inside the index first and join the (large) article rows after,
            # so sorting thousands of matches does not carry their text along.
            sql = ("SELECT a.id, a.title, a.text, a.blocks, a.published, o.name AS outlet, "
                   "r.rank FROM (SELECT rowid, bm25(articles_fts, 2.0, 1.0) AS rank "
                   "FROM articles_fts WHERE articles_fts MATCH :q) r "
                   "JOIN articles a ON a.id = r.rowid "
                   "LEFT JOIN outlets o ON o.id = a.outlet_id WHERE 1 = 1")
            params: dict[str, Any] = {"q": fts_query(groups), "limit": limit}
        else:
            sql = ("SELECT a.id, a.title, a.text, a.blocks, a.published, o.name AS outlet, "
                   "-ts_rank(s.document, to_tsquery('simple', :q)) AS rank "
                   "FROM article_search s JOIN articles a ON a.id = s.article_id "
                   "LEFT JOIN outlets o ON o.id = a.outlet_id "
                   "WHERE s.document @@ to_tsquery('simple', :q)")
            params = {"q": ts_query(groups), "limit": limit}
        event_filters = []
        for column, value in (("country", country), ("event_type", event_type),
                              ("sub_event_type", sub_event_type), ("admin1", admin1),
                              ("modality", modality)):
            if value:
                event_filters.append(f"e.{column} = :{column}")
                params[column] = value
        if min_fatalities is not None:
            event_filters.append("e.fatalities >= :min_fatalities")
            params["min_fatalities"] = min_fatalities
        if max_fatalities is not None:
            event_filters.append("e.fatalities <= :max_fatalities")
            params["max_fatalities"] = max_fatalities
        if near is not None:
            # A box around the point in SQL; the exact distance is checked below.
            lat, lon, km = near
            dlat = km / 111.0
            dlon = km / (111.0 * max(0.1, math.cos(math.radians(lat))))
            event_filters.append("e.latitude BETWEEN :lat_lo AND :lat_hi AND "
                                 "e.longitude BETWEEN :lon_lo AND :lon_hi")
            params.update(lat_lo=lat - dlat, lat_hi=lat + dlat, lon_lo=lon - dlon,
                          lon_hi=lon + dlon)
        if actor:
            event_filters.append("(e.actor1 = :actor OR e.actor2 = :actor)")
            params["actor"] = actor
        if since:
            event_filters.append("e.event_date >= :since")
            params["since"] = since
        if until:
            event_filters.append("e.event_date <= :until")
            params["until"] = until
        if event_filters:
            sql += (" AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND "
                    + " AND ".join(event_filters) + ")")
        if outlet:
            sql += " AND o.name = :outlet"
            params["outlet"] = outlet
        if not event_filters and not outlet:
            sql = sql.replace(") r ", " ORDER BY rank LIMIT :limit) r ", 1)
        sql += " ORDER BY rank LIMIT :limit"
        with self.engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
        return [SearchHit(int(r.id), r.title, r.outlet, r.published, float(-r.rank),
                          snippet(r.text, groups, blocks=[(b["start"], b["end"])
                                                          for b in _json(r.blocks)]))
                for r in rows]
