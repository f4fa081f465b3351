"""What the acquire stage hands on: documents with provenance, and rejects."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["text", "html"]


@dataclass(frozen=True)
class Provenance:
    """Where a document came from, as precisely as the input tells.

    ``record`` numbers the document inside a multi-document input (JSON Lines
    line, feed entry, WARC record, counting from 1); ``offset`` is the byte
    offset of a WARC record. ``content_hash`` is the SHA-256 of the decoded
    content, so one article saved in two encodings hashes the same.
    """

    source: str
    content_hash: str
    record: int | None = None
    offset: int | None = None
    url: str | None = None
    outlet: str | None = None
    fetched: str | None = None
    published: str | None = None
    encoding: str | None = None
    input_format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """One article as read: decoded content, its format, where it came from.

    ``title`` is set when the container names it (feed entry, JSON Lines
    field); the main-text stage finds it in the page otherwise.
    """

    content: str
    format: Format
    provenance: Provenance
    title: str | None = None

    @property
    def label(self) -> str:
        """Short name of the document for messages."""
        p = self.provenance
        return f"{p.source}#{p.record}" if p.record is not None else p.source


@dataclass(frozen=True)
class Rejected:
    """An input, or part of one, that could not be processed, and why.

    ``sample`` keeps the first bytes of the raw input so a person can see
    what it was; nothing is dropped without a record like this.
    """

    source: str
    stage: str
    reason: str
    record: int | None = None
    offset: int | None = None
    sample: bytes = field(default=b"", repr=False)

    @property
    def label(self) -> str:
        return f"{self.source}#{self.record}" if self.record is not None else self.source

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sample"] = self.sample.decode("utf-8", errors="replace")
        return data


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
