"""Reading the store for the web pages and the API.

Everything a page or an endpoint shows comes through here, so the site, the
API and the CLI read the same rows the same way (and all SQL stays in this
package).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, exists, func, select

from rasd.geo.gazetteer import km_between
from rasd.store import schema as t
from rasd.store.database import _json
from rasd.store.incidents import incident_reports
from rasd.store.reviews import Reviews, apply_review

SORTABLE = ("event_date", "fatalities", "event_type", "country", "id")


@dataclass(frozen=True)
class EventFilter:
    """The filters that the explorer, the API, search and exports share."""

    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    outlet: str | None = None
    location_id: str | None = None
    min_fatalities: int | None = None
    max_fatalities: int | None = None
    near: tuple[float, float, float] | None = None  # latitude, longitude, km
    reviewed: bool | None = None
    include_background: bool = False

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def is_empty(self) -> bool:
        return self == EventFilter()

    def conditions(self) -> list[ColumnElement[bool]]:
        e, a, o = t.events, t.articles, t.outlets
        found: list[ColumnElement[bool]] = []
        for column, value in ((e.c.country, self.country), (e.c.admin1, self.admin1),
                              (e.c.event_type, self.event_type),
                              (e.c.sub_event_type, self.sub_event_type),
                              (e.c.modality, self.modality), (o.c.name, self.outlet),
                              (e.c.location_id, self.location_id)):
            if value:
                found.append(column == value)
        if self.actor:
            found.append((e.c.actor1 == self.actor) | (e.c.actor2 == self.actor))
        if self.since:
            found.append(e.c.event_date >= self.since)
        if self.until:
            found.append(e.c.event_date <= self.until)
        if self.min_fatalities is not None:
            found.append(e.c.fatalities >= self.min_fatalities)
        if self.max_fatalities is not None:
            found.append(e.c.fatalities <= self.max_fatalities)
        if self.near is not None:
            lat, lon, km = self.near  # a box in SQL; the exact distance is checked after
            dlat = km / 111.0
            dlon = km / (111.0 * max(0.1, math.cos(math.radians(lat))))
            found.append(e.c.latitude.between(lat - dlat, lat + dlat))
            found.append(e.c.longitude.between(lon - dlon, lon + dlon))
        if self.reviewed is not None:
            reviewed = exists().where(t.reviews.c.event_id == e.c.id)
            found.append(reviewed if self.reviewed else ~reviewed)
        if not self.include_background and not self.modality:
            found.append(e.c.modality != "background")
        newer = t.articles.alias("newer")
        found.append(~exists().where(newer.c.previous_id == a.c.id))  # latest revision only
        return found

    def within(self, latitude: float | None, longitude: float | None) -> bool:
        if self.near is None:
            return True
        if latitude is None or longitude is None:
            return False
        lat, lon, km = self.near
        return km_between((lat, lon), (latitude, longitude)) <= km


def _lead(text: str, blocks: list[dict[str, Any]], width: int = 240) -> str:
    """The start of the first paragraph: never the page chrome around the article."""
    for block in blocks:
        if block.get("kind") == "paragraph":
            return str(text[int(block["start"]):int(block["end"])][:width])
    return text[:width]


def _since(days: int) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


class Site:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.reviews = Reviews(engine)

    # --- articles ---
    def latest_articles(self, limit: int = 20, before_id: int | None = None,
                        outlet: str | None = None) -> list[dict[str, Any]]:
        a, o = t.articles, t.outlets
        events = (select(func.count()).select_from(t.events)
                  .where(t.events.c.article_id == a.c.id).scalar_subquery())
        newer = t.articles.alias("newer")
        query = (select(a.c.id, a.c.title, a.c.published, a.c.url, a.c.relevant, a.c.text,
                        a.c.blocks, o.c.name.label("outlet"), events.label("events"))
                 .select_from(a.outerjoin(o, o.c.id == a.c.outlet_id))
                 .where(~exists().where(newer.c.previous_id == a.c.id))
                 .order_by(a.c.id.desc()).limit(limit))
        if before_id is not None:
            query = query.where(a.c.id < before_id)
        if outlet:
            query = query.where(o.c.name == outlet)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        out = []
        for row in rows:
            item = {k: v for k, v in row._mapping.items() if k not in ("text", "blocks")}
            item["lead"] = _lead(row.text, _json(row.blocks))
            out.append(item)
        return out

    def record_view(self, article_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.page_views.insert().values(article_id=article_id,
                                                      viewed_at=datetime.now(UTC)))

    def most_read(self, days: int = 7, limit: int = 10) -> list[dict[str, Any]]:
        a, v = t.articles, t.page_views
        views = func.count(v.c.id).label("views")
        query = (select(a.c.id, a.c.title, views)
                 .select_from(v.join(a, a.c.id == v.c.article_id))
                 .where(v.c.viewed_at >= _since(days))
                 .group_by(a.c.id, a.c.title).order_by(views.desc(), a.c.id.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def top_topics(self, recent: int = 200, limit: int = 10) -> dict[str, list[dict[str, Any]]]:
        """The actors and places named in the most of the latest articles."""
        m = t.mentions
        latest = select(t.articles.c.id).order_by(t.articles.c.id.desc()).limit(recent)
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for kind in ("actor", "place"):
                articles = func.count(m.c.article_id.distinct()).label("articles")
                rows = conn.execute(
                    select(m.c.ref, articles, func.min(m.c.id).label("first"))
                    .where(m.c.kind == kind, m.c.ref.is_not(None),
                           m.c.article_id.in_(latest.scalar_subquery()))
                    .group_by(m.c.ref).order_by(articles.desc(), m.c.ref).limit(limit)).all()
                names = {row.id: _json(row.data) for row in conn.execute(
                    select(m.c.id, m.c.data).where(m.c.id.in_([r.first for r in rows])))}
                out[kind] = [{"ref": r.ref, "articles": r.articles,
                              "name": (names.get(r.first) or {}).get("name") or r.ref,
                              "name_ar": (names.get(r.first) or {}).get("name_ar")}
                             for r in rows]
        return out

    def top_categories(self, limit: int = 10) -> dict[str, list[dict[str, Any]]]:
        e = t.events
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for column in ("event_type", "country"):
                field = e.c[column]
                n = func.count().label("events")
                out[column] = [dict(row._mapping) for row in conn.execute(
                    select(field.label("value"), n).where(field.is_not(None),
                                                          e.c.modality != "background")
                    .group_by(field).order_by(n.desc(), field).limit(limit))]
        return out

    def article(self, article_id: int) -> dict[str, Any] | None:
        a, o = t.articles, t.outlets
        with self.engine.connect() as conn:
            row = conn.execute(select(a, o.c.name.label("outlet"))
                               .select_from(a.outerjoin(o, o.c.id == a.c.outlet_id))
                               .where(a.c.id == article_id)).first()
            if row is None:
                return None
            mentions = conn.execute(select(t.mentions).where(
                t.mentions.c.article_id == article_id).order_by(t.mentions.c.start)).all()
            events = conn.execute(select(t.events.c.id, t.events.c.record).where(
                t.events.c.article_id == article_id).order_by(t.events.c.id)).all()
            tolls = conn.execute(select(t.tolls.c.id, t.tolls.c.record).where(
                t.tolls.c.article_id == article_id).order_by(t.tolls.c.id)).all()
            newer = conn.execute(select(a.c.id).where(a.c.previous_id == article_id)).scalar()
        decisions = self.reviews.latest([ev.id for ev in events])
        return {
            **{k: (_json(v) if k in ("blocks", "extractor") else v)
               for k, v in row._mapping.items()},
            "newer_id": newer,
            "mentions": [{**dict(m._mapping), "data": _json(m.data)} for m in mentions],
            "events": [{"id": ev.id, "record": _json(ev.record),
                        "review": decisions.get(ev.id)} for ev in events],
            "tolls": [{"id": x.id, "record": _json(x.record)} for x in tolls],
        }

    # --- events ---
    def events(self, flt: EventFilter | None = None, *, sort: str = "event_date",
               descending: bool = True, limit: int = 100, after_id: int | None = None,
               apply_reviews: bool = True) -> list[dict[str, Any]]:
        """Events with their article; ``after_id`` pages by id (the API's cursor)."""
        flt = flt or EventFilter()
        e, a, o = t.events, t.articles, t.outlets
        if sort not in SORTABLE:
            sort = "event_date"
        order = e.c[sort].desc() if descending else e.c[sort].asc()
        query = (select(e.c.id, e.c.article_id, e.c.record, a.c.title, a.c.url, a.c.published,
                        a.c.content_hash, o.c.name.label("outlet"))
                 .select_from(e.join(a, a.c.id == e.c.article_id)
                              .outerjoin(o, o.c.id == a.c.outlet_id))
                 .where(*flt.conditions()).limit(limit))
        if after_id is not None:
            query = query.where(e.c.id > after_id).order_by(e.c.id)
        else:
            query = query.order_by(order.nulls_last(), e.c.id.desc())
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        decisions = self.reviews.latest([r.id for r in rows]) if rows else {}
        out = []
        for r in rows:
            record = _json(r.record)
            review = decisions.get(r.id)
            if apply_reviews:
                record = apply_review(record, review)
            loc = record.get("location") or {}
            if not flt.within(loc.get("latitude"), loc.get("longitude")):
                continue
            out.append({"id": r.id, "article_id": r.article_id, "record": record,
                        "review": review, "article": {
                            "title": r.title, "url": r.url, "published": r.published,
                            "content_hash": r.content_hash, "outlet": r.outlet}})
        return out

    def event(self, event_id: int) -> dict[str, Any] | None:
        e = t.events
        with self.engine.connect() as conn:
            row = conn.execute(select(e.c.id, e.c.article_id, e.c.record)
                               .where(e.c.id == event_id)).first()
            incident = conn.execute(select(t.incident_events.c.incident_id).where(
                t.incident_events.c.event_id == event_id)).scalar()
        if row is None:
            return None
        history = self.reviews.history(event_id)
        record = _json(row.record)
        return {"id": row.id, "article_id": row.article_id, "extracted": record,
                "record": apply_review(record, history[-1] if history else None),
                "reviews": history, "incident_id": incident}

    def timeline(self, events: list[dict[str, Any]], bucket: str = "day") -> dict[str, Any]:
        """Counts per period and event type, and fatalities per period, for a chart."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        dead: Counter[str] = Counter()
        for item in events:
            record = item["record"]
            day = record.get("event_date")
            if not day:
                continue
            key = day
            if bucket == "week":
                d = date.fromisoformat(day)
                key = (d - timedelta(days=d.weekday())).isoformat()
            counts[record["event_type"]][key] += 1
            dead[key] += record.get("fatalities") or 0
        labels = sorted({k for c in counts.values() for k in c})
        return {"labels": labels,
                "datasets": [{"label": kind, "kind": kind, "counts": [c[x] for x in labels]}
                             for kind, c in sorted(counts.items())],
                "fatalities": {"label": "fatalities", "values": [dead[x] for x in labels]}}

    def facets(self) -> dict[str, list[str]]:
        """Values the explorer's filter menus offer."""
        e, o = t.events, t.outlets
        out: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            for name in ("country", "admin1", "event_type", "sub_event_type", "modality"):
                out[name] = [v for v in conn.execute(select(e.c[name]).distinct()
                                                     .order_by(e.c[name])).scalars() if v]
            actors = set(conn.execute(select(e.c.actor1).distinct()).scalars())
            actors |= set(conn.execute(select(e.c.actor2).distinct()).scalars())
            out["actor"] = sorted(a for a in actors if a)
            out["outlet"] = [v for v in conn.execute(select(o.c.name).order_by(o.c.name))
                             .scalars() if v]
        return out

    # --- actors, places, incidents, tolls ---
    def actor_events(self, actor_id: str, limit: int = 500) -> dict[str, Any]:
        rows = self.events(EventFilter(actor=actor_id, include_background=True),
                           limit=limit)
        as1 = [r for r in rows if (r["record"].get("actor1") or {}).get("id") == actor_id]
        as2 = [r for r in rows if (r["record"].get("actor2") or {}).get("id") == actor_id]
        places = Counter((r["record"].get("location") or {}).get("name") for r in rows)
        places.pop(None, None)
        months = Counter((r["record"].get("event_date") or "")[:7] for r in rows)
        months.pop("", None)
        return {"events": rows, "as_actor1": as1, "as_actor2": as2,
                "places": places.most_common(15), "months": sorted(months.items())}

    def place(self, location_id: str, radius_km: float = 25.0) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.places).where(t.places.c.id == location_id)).first()
        if row is None:
            return None
        location = dict(row._mapping)
        here = self.events(EventFilter(location_id=location_id, include_background=True))
        nearby: list[dict[str, Any]] = []
        if location.get("latitude") is not None:
            near = (float(location["latitude"]), float(location["longitude"]), radius_km)
            nearby = [r for r in self.events(EventFilter(near=near))
                      if (r["record"].get("location") or {}).get("id") != location_id]
        return {"location": location, "events": here, "nearby": nearby,
                "radius_km": radius_km}

    def incidents(self, limit: int = 100, after_id: int | None = None,
                  country: str | None = None) -> list[dict[str, Any]]:
        i = t.incidents
        query = select(i).order_by(i.c.id).limit(limit)
        if after_id is not None:
            query = query.where(i.c.id > after_id)
        if country:
            query = query.where(i.c.country == country)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def incident(self, incident_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.incidents).where(t.incidents.c.id == incident_id)
                               ).first()
            if row is None:
                return None
            reports = incident_reports(conn, incident_id)
        return {**dict(row._mapping),
                "reports_detail": [{**r, "record": _json(r["record"])} for r in reports]}

    def tolls(self, limit: int = 100, after_id: int | None = None) -> list[dict[str, Any]]:
        x, a = t.tolls, t.articles
        query = (select(x.c.id, x.c.article_id, x.c.record, a.c.title)
                 .select_from(x.join(a, a.c.id == x.c.article_id)).order_by(x.c.id).limit(limit))
        if after_id is not None:
            query = query.where(x.c.id > after_id)
        with self.engine.connect() as conn:
            return [{"id": r.id, "article_id": r.article_id, "title": r.title,
                     "record": _json(r.record)} for r in conn.execute(query)]

    def places(self, limit: int = 200) -> list[dict[str, Any]]:
        """Places where stored events happened, most events first."""
        e, p = t.events, t.places
        n = func.count(e.c.id).label("events")
        query = (select(p, n).select_from(p.join(e, e.c.location_id == p.c.id))
                 .group_by(*p.c).order_by(n.desc(), p.c.id).limit(limit))
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def actor_names(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            return {row.id: dict(row._mapping) for row in conn.execute(
                select(t.actors).where(t.actors.c.id.in_(ids)))}

    def actor_counts(self) -> Counter[str]:
        e = t.events
        counts: Counter[str] = Counter()
        with self.engine.connect() as conn:
            for column in (e.c.actor1, e.c.actor2):
                for ref, n in conn.execute(select(column, func.count()).where(
                        column.is_not(None)).group_by(column)):
                    counts[ref] += n
        return counts
