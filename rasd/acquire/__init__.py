"""Read articles from pages, dumps, feeds and archives, with provenance."""

from rasd.acquire.formats import AcquireConfig, read_feed, read_jsonl, read_page, read_warc
from rasd.acquire.model import Document, Provenance, Rejected, content_hash
from rasd.acquire.sources import expand_sources, read_source, read_sources

__all__ = [
    "AcquireConfig",
    "Document",
    "Provenance",
    "Rejected",
    "content_hash",
    "expand_sources",
    "read_feed",
    "read_jsonl",
    "read_page",
    "read_source",
    "read_sources",
    "read_warc",
]
