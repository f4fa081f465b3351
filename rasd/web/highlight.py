"""An article's text cut into pieces for the page: plain text, mentions, evidence.

The text itself is never changed; pieces are spans of it, and the template
escapes each one. Mentions may not overlap on the page, so where two do the
longer one wins (a place inside an actor's name shows as the actor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SHOWN = ("actor", "place", "date", "quantity", "group")


@dataclass
class Piece:
    text: str
    mention: dict[str, Any] | None = None
    evidence: set[int] = field(default_factory=set)
    anchor: int | None = None  # the event whose evidence starts here


@dataclass
class Block:
    kind: str
    pieces: list[Piece]


def _pick(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    chosen: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for m in sorted((m for m in mentions if m["kind"] in SHOWN),
                    key=lambda m: (-(m["end"] - m["start"]), m["start"])):
        if all(m["end"] <= s or m["start"] >= e for s, e in taken):
            chosen.append(m)
            taken.append((m["start"], m["end"]))
    return sorted(chosen, key=lambda m: m["start"])


def resolved_to(mention: dict[str, Any]) -> str:
    """What a mention resolved to, in a line for a tooltip."""
    data = mention.get("data") or {}
    kind = mention["kind"]
    if kind == "place":
        where = ", ".join(str(x) for x in (data.get("name"), data.get("admin1"),
                                           data.get("country")) if x)
        if data.get("latitude") is not None:
            where += f" ({float(data['latitude']):.3f}, {float(data['longitude']):.3f})"
        return where
    if kind == "date":
        return str(mention.get("ref") or "")
    if kind == "quantity":
        parts = [str(data.get("value")), str(data.get("qualifier") or ""),
                 str(data.get("effect") or data.get("counts") or "")]
        return " ".join(p for p in parts if p and p != "None")
    return str(data.get("name") or mention.get("ref") or "")


def blocks(text: str, layout: list[dict[str, Any]], mentions: list[dict[str, Any]],
           evidence: dict[int, list[tuple[int, int]]]) -> list[Block]:
    """``evidence`` maps an event id to its evidence spans."""
    shown = _pick(mentions)
    cuts: set[int] = set()
    for m in shown:
        cuts.update((m["start"], m["end"]))
    for spans in evidence.values():
        for start, end in spans:
            cuts.update((start, end))
    starts = {m["start"]: m for m in shown}
    anchors: dict[int, int] = {}
    for event_id, spans in sorted(evidence.items()):
        if spans:
            anchors.setdefault(spans[0][0], event_id)
    out: list[Block] = []
    for block in layout:
        b_start, b_end = int(block["start"]), int(block["end"])
        points = sorted({b_start, b_end, *(c for c in cuts if b_start < c < b_end)})
        pieces: list[Piece] = []
        position = b_start
        for point in points[1:]:
            if point <= position:
                continue
            mention = starts.get(position)
            end = min(mention["end"], b_end) if mention else point
            covering = {eid for eid, spans in evidence.items()
                        if any(s <= position < e for s, e in spans)}
            pieces.append(Piece(text[position:end], mention, covering, anchors.get(position)))
            position = end
        out.append(Block(str(block.get("kind") or "paragraph"), pieces))
    return out
