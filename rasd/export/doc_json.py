"""The JSON form of an analysed document (schema ``rasd.doc/1``).

Documented field by field in ``docs/schema.md``; every span is a pair of
character offsets into ``text``, which is the article text as read.
"""

from __future__ import annotations

from typing import Any

from rasd import __version__
from rasd.acquire.model import Rejected
from rasd.pipeline import Doc

SCHEMA = "rasd.doc/1"


def doc_to_dict(doc: Doc, *, tokens: bool = False) -> dict[str, Any]:
    article = doc.require_article()
    text = article.text
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "provenance": article.provenance.to_dict(),
        "format": article.format,
        "title": article.title,
        "published": article.published,
        "extractor": {"rasd": __version__, "main_text": article.extractor},
        "text": text,
        "blocks": [
            {"kind": b.kind, "start": b.start, "end": b.end, "text": text[b.start : b.end]}
            for b in article.blocks
        ],
        "sentences": [
            {"block": s.block, "start": s.start, "end": s.end, "text": text[s.start : s.end]}
            for s in doc.sentences
        ],
        "removed": [
            {"rule": r.rule, "reason": r.reason, "start": r.start, "end": r.end,
             "text": text[r.start : r.end]}
            for r in article.removed
        ],
        "removed_chars": article.removed_chars
        or sum(r.end - r.start for r in article.removed),
        "warnings": list(article.warnings),
    }
    if doc.extraction is not None:
        out["relevant"] = doc.extraction.relevant
        out["relevance_reason"] = doc.extraction.reason
        out["events"] = [e.to_dict() for e in doc.extraction.events]
        out["tolls"] = [t.to_dict() for t in doc.extraction.tolls]
    if doc.mentions is not None:
        out["mentions"] = [m.to_dict() for m in doc.mentions]
    if tokens:
        out["tokens"] = [
            {"start": t.start, "end": t.end, "norm": t.text, "prefix": t.prefix,
             "stem": t.stem, "base": t.base, "stem_start": t.stem_start}
            for t in doc.tokens
        ]
    return out


def rejected_to_dict(item: Rejected) -> dict[str, Any]:
    return {"schema": "rasd.rejected/1", **item.to_dict()}
