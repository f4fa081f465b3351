"""Tables of the store, in SQLAlchemy Core so SQLite and PostgreSQL share them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

outlets = Table(
    "outlets", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False, unique=True),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text),
    Column("outlet_id", Integer, ForeignKey("outlets.id")),
    Column("source", Text, nullable=False),
    Column("record", Integer),
    Column("offset", Integer),
    Column("fetched", String(40)),
    Column("published", String(40)),
    Column("encoding", String(40)),
    Column("input_format", String(20)),
    Column("format", String(10), nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("blocks", JSON, nullable=False),
    Column("relevant", Integer),
    Column("relevance_reason", Text),
    Column("extractor", JSON, nullable=False),
    Column("revision", Integer, nullable=False, default=1),
    Column("previous_id", Integer, ForeignKey("articles.id")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("ref", String(100), index=True),
    Column("rule", Text, nullable=False),
    Column("data", JSON, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("event_type", String(60), nullable=False, index=True),
    Column("sub_event_type", String(60), nullable=False),
    Column("plover", String(20)),
    Column("actor1", String(100), index=True),
    Column("actor2", String(100), index=True),
    Column("location_id", String(40)),
    Column("location_name", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("admin1", Text),
    Column("country", String(4), index=True),
    Column("geo_precision", Integer),
    Column("event_date", String(10), index=True),
    Column("time_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_qualifier", String(20)),
    Column("injuries", Integer),
    Column("modality", String(20), nullable=False),
    Column("notes", Text),
    Column("record", JSON, nullable=False),
)

event_evidence = Table(
    "event_evidence", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", Text, nullable=False),
)

event_sources = Table(
    "event_sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("kind", String(20), nullable=False),
    Column("ref", String(100), nullable=False),
    Column("text", Text),
)

tolls = Table(
    "tolls", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("perpetrator", String(100)),
    Column("victims", String(60)),
    Column("count", Integer),
    Column("qualifier", String(20)),
    Column("effect", String(20)),
    Column("source", String(100)),
    Column("record", JSON, nullable=False),
)

quarantine = Table(
    "quarantine", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("record", Integer),
    Column("offset", Integer),
    Column("stage", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("sample", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("resolved_article_id", Integer, ForeignKey("articles.id")),
    # A hash of source, record, offset, stage and reason: the same failure twice is one row.
    Column("key", String(64), nullable=False, unique=True),
)

incidents = Table(
    "incidents", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("country", String(4)),
    Column("location_id", String(40)),
    Column("location_name", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("event_date", String(10), index=True),
    Column("actor1", String(100)),
    Column("fatalities", Integer),
    Column("fatalities_rule", Text),
    Column("reports", Integer, nullable=False),
)

incident_events = Table(
    "incident_events", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("incident_id", Integer, ForeignKey("incidents.id", ondelete="CASCADE"),
           nullable=False, index=True),
)

# --- people and what they do on the site (migration 4) ---

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(40), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),  # reader, reviewer, admin
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled", Integer, nullable=False, default=0),
)

sessions = Table(
    "sessions", metadata,
    # Only a hash of the cookie's token is stored: a leaked database opens no session.
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

comments = Table(
    "comments", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("parent_id", Integer, ForeignKey("comments.id", ondelete="CASCADE")),
    Column("body", Text, nullable=False),  # as written; escaped when shown
    Column("address", String(64)),
    Column("status", String(20), nullable=False),  # visible, hidden, deleted
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
)

comment_reports = Table(
    "comment_reports", metadata,
    Column("id", Integer, primary_key=True),
    Column("comment_id", Integer, ForeignKey("comments.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("comment_id", "user_id"),
)

page_views = Table(
    "page_views", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("viewed_at", DateTime(timezone=True), nullable=False),
    Index("page_views_time", "viewed_at", "article_id"),
)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("decision", String(20), nullable=False),  # confirm, correct, reject
    # The corrected fields only; the extraction itself stays in events.record.
    Column("corrections", JSON, nullable=False),
    Column("comment", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# --- scale-out runs (migration 5) ---

batch_partitions = Table(
    "batch_partitions", metadata,
    # A hash of the partition's inputs (paths, sizes, modification times): the same
    # inputs in a later run are the same partition, and a finished one is not redone.
    Column("id", String(64), primary_key=True),
    Column("sources", JSON, nullable=False),
    Column("counts", JSON, nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False),
)

skipped = Table(
    "skipped", metadata,
    Column("id", Integer, primary_key=True),
    Column("partition_id", String(64), index=True),
    Column("source", Text, nullable=False),
    Column("record", Integer),
    Column("url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("reason", String(200), nullable=False),
    UniqueConstraint("content_hash", "reason"),
)

# --- what the stored articles name (migration 6) ---

actors = Table(
    "actors", metadata,
    # The lexicon's id; name and type as the lexicon gave them when first stored.
    Column("id", String(100), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(40)),
)

places = Table(
    "places", metadata,
    # GeoNames id, or admin1:/country: ids for governorates and countries.
    Column("id", String(40), primary_key=True),
    Column("name", Text),
    Column("name_ar", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("admin1", Text),
    Column("country", String(4), index=True),
    Column("feature", String(20)),
)
