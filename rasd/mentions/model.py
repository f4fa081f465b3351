"""Mentions: spans of the article text that name an actor, group, place, date or number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    """One mention, as a span of ``Article.text`` with what it resolved to.

    ``ref`` is the resolved identifier (actor or group id, GeoNames id, ISO
    date, number as text); ``rule`` names the lexicon entry or grammar rule
    that produced it, so a coder can see why; ``data`` holds kind-specific
    fields (actor name and type, date precision, qualifier, …); ``via``
    records how a generic reference (التنظيم، الأخير) was resolved.
    """

    kind: str
    start: int
    end: int
    text: str
    norm: str
    ref: str | None
    rule: str
    data: dict[str, Any] = field(default_factory=dict)
    via: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "norm": self.norm, "ref": self.ref, "rule": self.rule, **self.data,
        }
        if self.via:
            out["via"] = list(self.via)
        return out
