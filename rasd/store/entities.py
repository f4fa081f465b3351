"""The actors and places that stored articles name, one row each.

Filled as articles are stored, from their mentions and events, so pages and
exports can name an actor or a place without loading the lexicons or the
gazetteer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from rasd.store import schema as t


def _rows(mentions: Iterable[tuple[str, str | None, Any]],
          events: Iterable[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]],
                                                     dict[str, dict[str, Any]]]:
    actors: dict[str, dict[str, Any]] = {}
    places: dict[str, dict[str, Any]] = {}
    for kind, ref, data in mentions:
        data = json.loads(data) if isinstance(data, str) else data or {}
        if not ref:
            continue
        if kind == "actor" and data.get("name"):
            actors.setdefault(ref, {"id": ref, "name": data["name"],
                                    "type": data.get("actor_type")})
        elif kind == "place":
            places.setdefault(ref, _place(ref, data))
    for record in events:
        for side in ("actor1", "actor2"):
            actor = record.get(side) or {}
            if actor.get("id") and actor.get("name"):
                actors.setdefault(actor["id"], {"id": actor["id"], "name": actor["name"],
                                                "type": None})
        location = record.get("location") or {}
        if location.get("id"):
            places.setdefault(str(location["id"]), _place(str(location["id"]), location))
    return actors, places


def _place(ref: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"id": ref, "name": data.get("name"), "name_ar": data.get("name_ar"),
            "latitude": data.get("latitude"), "longitude": data.get("longitude"),
            "admin1": data.get("admin1"), "country": data.get("country"),
            "feature": data.get("feature")}


def register(conn: Connection, mentions: Iterable[tuple[str, str | None, Any]],
             events: Iterable[dict[str, Any]]) -> None:
    """Add the actors and places not stored yet (a concurrent writer adding the
    same one makes the caller's transaction retry; see Store.ingest)."""
    actors, places = _rows(mentions, events)
    for table, rows in ((t.actors, actors), (t.places, places)):
        if not rows:
            continue
        known = set(conn.execute(select(table.c.id).where(table.c.id.in_(list(rows))))
                    .scalars())
        new = [row for key, row in rows.items() if key not in known]
        if new:
            conn.execute(table.insert(), new)


def backfill(conn: Connection) -> None:
    mentions = conn.execute(select(t.mentions.c.kind, t.mentions.c.ref, t.mentions.c.data)
                            .where(t.mentions.c.kind.in_(("actor", "place")))).all()
    events = [json.loads(r) if isinstance(r, str) else r
              for r in conn.execute(select(t.events.c.record)).scalars()]
    register(conn, [(m.kind, m.ref, m.data) for m in mentions], events)
