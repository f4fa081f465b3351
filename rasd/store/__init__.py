"""The store: SQLite by default, PostgreSQL by URL; ingest, quarantine and search."""

from rasd.store.database import IngestResult, SearchHit, Store, StoreError, database_url

__all__ = ["IngestResult", "SearchHit", "Store", "StoreError", "database_url"]
