"""Reviewers' decisions on extracted events.

The extraction is never overwritten: a decision is a row of its own, the
latest one per event is the current one, and exports choose whether to apply
it. Reviewed articles can be written out as annotated articles for
``rasd evaluate`` (see docs/gold-format.md).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select

from rasd.store import schema as t
from rasd.store.database import StoreError, _json

DECISIONS = ("confirm", "correct", "reject")
# Fields a reviewer may correct, and how each is checked.
INT_FIELDS = ("fatalities", "injuries", "arrested", "captured", "released", "displaced")
TEXT_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "event_date", "modality",
               "notes")
LOCATION_FIELDS = ("location_name", "latitude", "longitude", "country", "admin1")
MODALITIES = ("reported", "claimed", "denied", "planned", "negated", "background")


class ReviewError(StoreError):
    """A decision that cannot be recorded as given."""


def clean_corrections(raw: dict[str, Any]) -> dict[str, Any]:
    """Keep the fields a reviewer filled in, typed; refuse what makes no sense."""
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        value = value.strip() if isinstance(value, str) else value
        if name in INT_FIELDS:
            try:
                number = int(value)
            except (TypeError, ValueError) as exc:
                raise ReviewError(f"{name} must be a whole number") from exc
            if not 0 <= number <= 1_000_000:
                raise ReviewError(f"{name} must be between 0 and 1,000,000")
            out[name] = number
        elif name in ("latitude", "longitude"):
            try:
                coordinate = float(value)
            except (TypeError, ValueError) as exc:
                raise ReviewError(f"{name} must be a number") from exc
            if abs(coordinate) > (90 if name == "latitude" else 180):
                raise ReviewError(f"{name} is out of range")
            out[name] = coordinate
        elif name in TEXT_FIELDS or name in LOCATION_FIELDS:
            if len(str(value)) > 500:
                raise ReviewError(f"{name} is too long")
            if name == "modality" and value not in MODALITIES:
                raise ReviewError(f"modality must be one of {', '.join(MODALITIES)}")
            if name == "event_date":
                try:
                    datetime.strptime(str(value), "%Y-%m-%d")
                except ValueError as exc:
                    raise ReviewError("event_date must be YYYY-MM-DD") from exc
            out[name] = str(value)
        else:
            raise ReviewError(f"{name} is not a field a review can correct")
    return out


def apply_review(record: dict[str, Any], review: dict[str, Any] | None) -> dict[str, Any]:
    """The event as the reviewer left it; None-safe, and the input is not changed."""
    if review is None or review["decision"] != "correct":
        return record
    result = copy.deepcopy(record)
    corrections = _json(review["corrections"]) or {}
    for name, value in corrections.items():
        if name in ("actor1", "actor2"):
            result[name] = {"id": value, "name": value, "reviewed": True}
        elif name in LOCATION_FIELDS:
            location = dict(result.get("location") or {})
            location["name" if name == "location_name" else name] = value
            location["reviewed"] = True
            result["location"] = location
        else:
            result[name] = value
    return result


class Reviews:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, event_id: int, user_id: int, decision: str,
               corrections: dict[str, Any] | None = None, comment: str | None = None) -> int:
        if decision not in DECISIONS:
            raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}")
        cleaned = clean_corrections(corrections or {}) if decision == "correct" else {}
        if decision == "correct" and not cleaned:
            raise ReviewError("a correction must change at least one field")
        with self.engine.begin() as conn:
            if conn.execute(select(t.events.c.id).where(t.events.c.id == event_id)
                            ).first() is None:
                raise ReviewError(f"no event with id {event_id}")
            result = conn.execute(t.reviews.insert().values(
                event_id=event_id, user_id=user_id, decision=decision, corrections=cleaned,
                comment=(comment or "").strip()[:5000] or None, created_at=datetime.now(UTC)))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def history(self, event_id: int) -> list[dict[str, Any]]:
        r, u = t.reviews, t.users
        with self.engine.connect() as conn:
            rows = conn.execute(select(r, u.c.username)
                                .select_from(r.join(u, u.c.id == r.c.user_id))
                                .where(r.c.event_id == event_id).order_by(r.c.id)).all()
        return [{**dict(row._mapping), "corrections": _json(row.corrections)} for row in rows]

    def latest(self, event_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The current decision for each of these events that has one."""
        if not event_ids:
            return {}
        r = t.reviews
        newest = (select(func.max(r.c.id)).where(r.c.event_id.in_(event_ids))
                  .group_by(r.c.event_id))
        with self.engine.connect() as conn:
            rows = conn.execute(select(r).where(r.c.id.in_(newest))).all()
        return {row.event_id: dict(row._mapping) for row in rows}

    def annotated_articles(self, complete_only: bool = True) -> Iterator[dict[str, Any]]:
        """Reviewed articles in the annotated-article format ``rasd evaluate`` reads;
        with ``complete_only``, only articles whose every event has a decision."""
        e, a, o = t.events, t.articles, t.outlets
        with self.engine.connect() as conn:
            ids = conn.execute(select(e.c.article_id).distinct()
                               .select_from(e.join(t.reviews, t.reviews.c.event_id == e.c.id))
                               .order_by(e.c.article_id)).scalars().all()
            for article_id in ids:
                article = conn.execute(select(a, o.c.name.label("outlet"))
                                       .select_from(a.outerjoin(o, o.c.id == a.c.outlet_id))
                                       .where(a.c.id == article_id)).one()
                events = conn.execute(select(e.c.id, e.c.record).where(
                    e.c.article_id == article_id).order_by(e.c.id)).all()
                tolls = conn.execute(select(t.tolls.c.record).where(
                    t.tolls.c.article_id == article_id)).scalars().all()
                decisions = self.latest([row.id for row in events])
                if complete_only and len(decisions) < len(events):
                    continue
                kept = [gold_event(apply_review(_json(row.record), decisions.get(row.id)))
                        for row in events
                        if decisions.get(row.id, {}).get("decision") != "reject"]
                yield {"id": f"reviewed-{article.content_hash[:12]}", "split": "dev",
                       "outlet": article.outlet, "outlet_side": None,
                       "published": (article.published or "")[:10] or None,
                       "title": article.title,
                       "text": "\n".join(x for x in (article.title, article.text) if x),
                       "relevant": bool(kept) or bool(article.relevant),
                       "relevance_reason": article.relevance_reason,
                       "events": kept, "tolls": [gold_toll(_json(x)) for x in tolls]}


def _ref(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value


def gold_event(record: dict[str, Any]) -> dict[str, Any]:
    """An event record in the annotated-article shape (ids instead of spans)."""
    location = record.get("location") or None
    evidence = record.get("evidence") or []
    return {
        "event_type": record["event_type"], "sub_event_type": record["sub_event_type"],
        "plover": record.get("plover"), "actor1": _ref(record.get("actor1")),
        "actor2": _ref(record.get("actor2")), "victims": list(record.get("victims") or []),
        "location": None if location is None else {
            key: location.get(key) for key in ("text", "name", "country", "admin1",
                                               "latitude", "longitude", "geo_precision")},
        "event_date": record.get("event_date"), "time_precision": record.get("time_precision"),
        **{key: record.get(key) for key in (
            "fatalities", "fatalities_qualifier", "injuries", "injuries_qualifier",
            "arrested", "captured", "released", "displaced")},
        "sources": [_ref(s) for s in record.get("sources") or []],
        "modality": record.get("modality"),
        "evidence": evidence[0]["text"] if evidence else None,
    }


def gold_toll(record: dict[str, Any]) -> dict[str, Any]:
    evidence = record.get("evidence") or []
    return {"perpetrator": _ref(record.get("perpetrator")), "victims": record.get("victims"),
            "count": record.get("count"), "qualifier": record.get("qualifier"),
            "effect": record.get("effect"), "period": record.get("period"),
            "source": _ref(record.get("source")),
            "evidence": evidence[0]["text"] if evidence else None}
