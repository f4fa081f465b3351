"""Readers for each input format, all yielding documents or rejects.

A reader never raises for a bad input: it yields a ``Rejected`` naming the
input, the record and the reason, and goes on with the next record, so one
corrupt WARC record or malformed JSON line costs only itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time
from typing import IO, Any
from urllib.parse import urlsplit

from rasd.acquire.encoding import decode
from rasd.acquire.model import Document, Format, Provenance, Rejected, content_hash
from rasd.errors import AcquireError

Item = Document | Rejected


@dataclass(frozen=True)
class AcquireConfig:
    """Limits and defaults for reading inputs.

    ``max_bytes`` bounds a single-document input (a page, a feed); dumps and
    archives are streamed, and ``max_record_bytes`` bounds each record.
    """

    max_bytes: int = 20_000_000
    max_record_bytes: int = 5_000_000
    sample_bytes: int = 2048
    outlet: str | None = None


def _reject(source: str, reason: str, data: bytes = b"", config: AcquireConfig | None = None,
            record: int | None = None, offset: int | None = None) -> Rejected:
    limit = (config or AcquireConfig()).sample_bytes
    return Rejected(source=source, stage="acquire", reason=reason, record=record,
                    offset=offset, sample=data[:limit])


_HTML_SNIFF = re.compile(
    rb"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<article|<p[ >])", re.I
)
_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)


def sniff_format(name: str, head: bytes) -> str:
    """Format of an input from its name and first bytes: warc, jsonl, feed, html or text."""
    lower = name.lower()
    if lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or head.startswith(b"WARC/"):
        return "warc"
    if head[:2] == b"\x1f\x8b" and ("warc" in lower or ".arc" in lower):
        return "warc"
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return "jsonl"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if lower.endswith((".rss", ".atom")) or (
        (lower.endswith(".xml") or stripped.startswith(b"<?xml") or stripped.startswith(b"<rss"))
        and _FEED_SNIFF.search(head[:4000])
    ):
        return "feed"
    if lower.endswith((".html", ".htm", ".xhtml")) or _HTML_SNIFF.match(stripped[:200]):
        return "html"
    if stripped.startswith(b"{") and lower.endswith(".json"):
        return "jsonl"
    return "text"


def _looks_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text.lstrip()[:200].encode("utf-8", "ignore")))


def read_page(data: bytes, source: str, fmt: str, config: AcquireConfig) -> Iterator[Item]:
    """A single page (text or HTML) held in ``data``."""
    try:
        text, encoding = decode(data, source)
    except AcquireError as exc:
        yield _reject(source, exc.message, data, config)
        return
    page_format: Format = "html" if fmt == "html" else "text"
    yield Document(
        content=text,
        format=page_format,
        provenance=Provenance(source=source, content_hash=content_hash(text),
                              outlet=config.outlet, encoding=encoding, input_format=fmt),
    )


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    return str(value)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def read_jsonl(stream: IO[bytes], source: str, config: AcquireConfig) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, optional title, url, outlet, published."""
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen_any = True
        if len(raw) > config.max_record_bytes:
            yield _reject(source, f"line is {len(raw):,} bytes, over the record limit of "
                          f"{config.max_record_bytes:,}", raw, config, record=number)
            continue
        try:
            obj = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield _reject(source, f"line is not valid JSON: {exc}", raw.rstrip(b"\r\n"), config,
                          record=number)
            continue
        if not isinstance(obj, dict):
            yield _reject(source, "line is JSON but not an object", raw, config, record=number)
            continue
        body = obj.get("html") or obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield _reject(source, "object has no non-empty 'text' or 'html' field", raw,
                          config, record=number)
            continue
        fmt: Format = "html" if obj.get("html") or _looks_html(body) else "text"
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        yield Document(
            content=body,
            format=fmt,
            title=title,
            provenance=Provenance(
                source=source, record=number, url=url,
                outlet=obj.get("outlet") or config.outlet or _domain(url),
                published=_iso(obj.get("published")), fetched=_iso(obj.get("fetched")),
                content_hash=content_hash(body), encoding="utf-8", input_format="jsonl",
            ),
        )
    if not seen_any:
        yield _reject(source, "the JSON Lines file holds no records", b"", config)


def read_feed(data: bytes, source: str, config: AcquireConfig) -> Iterator[Item]:
    """RSS or Atom: one document per entry, its HTML content or summary as body."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield _reject(source, f"the feed has no entries{why}", data, config)
        return
    outlet = config.outlet or parsed.feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        body = ""
        if entry.get("content"):
            body = "\n".join(c.get("value", "") for c in entry.content)
        body = body or entry.get("summary", "") or entry.get("description", "")
        if not body.strip():
            yield _reject(source, "feed entry has no content or summary",
                          json.dumps(dict(entry), default=str, ensure_ascii=False).encode(),
                          config, record=number)
            continue
        link = entry.get("link")
        yield Document(
            content=body,
            format="html" if "<" in body else "text",
            title=entry.get("title"),
            provenance=Provenance(
                source=source, record=number, url=link,
                outlet=outlet or _domain(link),
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                content_hash=content_hash(body), encoding="utf-8", input_format="feed",
            ),
        )


def read_warc(stream: IO[bytes], source: str, config: AcquireConfig) -> Iterator[Item]:
    """Response and resource records of a WARC or ARC file, one document each."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    iterator = ArchiveIterator(stream, arc2warc=True)
    try:
        for record in iterator:
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            fetched = record.rec_headers.get_header("WARC-Date")
            try:
                payload = record.content_stream().read(config.max_record_bytes + 1)
                read_error = None
            except Exception as exc:  # decompression and chunking errors vary by codec
                payload, read_error = b"", exc
            # Only valid once the record has been read.
            offset = iterator.get_record_offset()
            if read_error is not None:
                yield _reject(source, f"record payload cannot be read: {read_error}", b"",
                              config, record=number, offset=offset)
                continue
            mime = ""
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if record.rec_type == "response" and not status:
                    yield _reject(source, "the HTTP response in the record cannot be parsed "
                                  "(the record is truncated or damaged)", payload, config,
                                  record=number, offset=offset)
                    continue
                if record.rec_type == "response" and status != "200":
                    yield _reject(source, f"HTTP status {status}, not a page", payload, config,
                                  record=number, offset=offset)
                    continue
                mime = record.http_headers.get_header("Content-Type") or ""
            mime = mime or record.rec_headers.get_header("Content-Type") or ""
            label = f"{source}@{offset}"
            if len(payload) > config.max_record_bytes:
                yield _reject(source, "record is over the record limit of "
                              f"{config.max_record_bytes:,} bytes", payload, config,
                              record=number, offset=offset)
                continue
            if mime.startswith("application/http"):
                yield _reject(source, "the HTTP response in the record cannot be parsed "
                              "(the record is truncated or damaged)", payload, config,
                              record=number, offset=offset)
                continue
            if mime and not any(t in mime for t in ("html", "text", "xml")):
                yield _reject(source, f"record is {mime.split(';')[0]}, not a text page",
                              payload, config, record=number, offset=offset)
                continue
            fmt = "html" if "html" in mime or sniff_format(url or "", payload[:512]) == "html" \
                else "text"
            for item in read_page(payload, label, fmt, config):
                if isinstance(item, Rejected):
                    yield Rejected(source=source, stage=item.stage, reason=item.reason,
                                   record=number, offset=offset, sample=item.sample)
                else:
                    yield Document(
                        content=item.content, format=item.format,
                        provenance=Provenance(
                            source=source, record=number, offset=offset, url=url,
                            outlet=config.outlet or _domain(url), fetched=fetched,
                            content_hash=item.provenance.content_hash,
                            encoding=item.provenance.encoding, input_format="warc",
                        ),
                    )
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        yield _reject(source, f"archive is corrupt after record {number}, the rest of it "
                      f"cannot be read: {detail}", b"", config, record=number + 1)
    if number == 0:
        yield _reject(source, "the archive holds no records", b"", config)
