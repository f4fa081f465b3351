"""One incident, several reports: events from different articles clustered.

Two events are reports of one incident when their types agree, their places
are the same entry or within a few kilometres, their days are at most one
apart, and their first actors do not contradict each other. Clustering is
incremental (new events join existing incidents) and reproducible (events
are taken in the order they were stored).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, exists, func, select

from rasd.geo.gazetteer import km_between
from rasd.store import schema as t

NEAR_KM = 5.0
# Background recollections, threats and denied events are not incidents.
NOT_INCIDENTS = ("background", "planned", "negated", "denied")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def same_incident(event: Any, incident: Any) -> bool:
    if event.event_type != incident.event_type or not event.event_date:
        return False
    d1, d2 = _day(event.event_date), _day(incident.event_date)
    if d1 is None or d2 is None or abs((d1 - d2).days) > 1:
        return False
    same_place = event.location_id is not None and event.location_id == incident.location_id
    if not same_place:
        if None in (event.latitude, incident.latitude):
            return False
        if km_between((event.latitude, event.longitude),
               (incident.latitude, incident.longitude)) > NEAR_KM:
            return False
    return not (event.actor1 and incident.actor1 and event.actor1 != incident.actor1)


def best_fatalities(reports: Sequence[Any]) -> tuple[int | None, str]:
    """ACLED's rule: the most conservative credible figure. Figures a party
    gives about its enemies' losses are used only when nothing else is."""
    credible = [r.fatalities for r in reports if r.fatalities is not None
                and r.modality != "claimed"]
    if credible:
        return min(credible), "lowest figure among reports not made by a party"
    claimed = [r.fatalities for r in reports if r.fatalities is not None]
    if claimed:
        return min(claimed), "lowest figure; only parties' claims report one"
    return None, "no report gives a figure"


def _pending(country: str | None = None, since: str | None = None,
             until: str | None = None) -> Select[Any]:
    """Events not yet in an incident (latest revisions, real incidents only)."""
    e, ie = t.events, t.incident_events
    newer = t.articles.alias("newer")
    query = (select(e).outerjoin(ie, ie.c.event_id == e.c.id)
             .where(ie.c.event_id.is_(None)).where(e.c.modality.notin_(NOT_INCIDENTS))
             .where(~exists().where(newer.c.previous_id == e.c.article_id)))
    if country is not None:
        query = query.where(e.c.country == country)
    if since is not None:
        query = query.where(e.c.event_date >= since)
    if until is not None:
        query = query.where(e.c.event_date < until)
    return query


def pending_countries(conn: Connection) -> list[str | None]:
    """Countries with events waiting for clustering: the unit the batch runner
    spreads over workers (incidents never cross a border)."""
    pending = _pending().subquery()
    return list(conn.execute(select(pending.c.country).distinct()).scalars())


def cluster(conn: Connection, country: str | None = None, since: str | None = None,
            until: str | None = None) -> int:
    """Attach unclustered events (all, or one country's within [since, until)) to
    incidents; returns how many were placed."""
    e, ie, inc = t.events, t.incident_events, t.incidents
    if country is None:
        # Only the whole-database pass tidies: per-country passes run in parallel,
        # and one must not judge (and delete) another country's fresh incidents.
        _tidy(conn)
    pending = conn.execute(_pending(country, since, until).order_by(e.c.id)).all()
    placed = 0
    for event in pending:
        day = _day(event.event_date)
        candidates = conn.execute(
            select(inc).where(inc.c.event_type == event.event_type)
            .where(inc.c.country == event.country)
            .where(inc.c.event_date.between((day - timedelta(days=1)).isoformat(),
                                            (day + timedelta(days=1)).isoformat()))
        ).all() if day is not None else []
        match = next((c for c in candidates if same_incident(event, c)), None)
        if match is None:
            incident_id = conn.execute(inc.insert().values(
                event_type=event.event_type, sub_event_type=event.sub_event_type,
                country=event.country, location_id=event.location_id,
                location_name=event.location_name, latitude=event.latitude,
                longitude=event.longitude, event_date=event.event_date, actor1=event.actor1,
                fatalities=event.fatalities,
                fatalities_rule="the only report" if event.fatalities is not None else
                "no report gives a figure", reports=1)).inserted_primary_key
            assert incident_id is not None
            conn.execute(ie.insert().values(event_id=event.id, incident_id=incident_id[0]))
        else:
            conn.execute(ie.insert().values(event_id=event.id, incident_id=match.id))
            reports = conn.execute(select(e).join(ie, ie.c.event_id == e.c.id)
                                   .where(ie.c.incident_id == match.id)).all()
            figure, rule = best_fatalities(reports)
            conn.execute(inc.update().where(inc.c.id == match.id).values(
                reports=len(reports), fatalities=figure, fatalities_rule=rule,
                actor1=match.actor1 or event.actor1))
        placed += 1
    return placed


def _tidy(conn: Connection) -> None:
    """After re-extraction removed events: drop incidents left without reports and
    recompute the others' figures."""
    e, ie, inc = t.events, t.incident_events, t.incidents
    counts: dict[int, int] = dict(conn.execute(select(ie.c.incident_id, func.count())
                               .group_by(ie.c.incident_id)).all())
    for row in conn.execute(select(inc.c.id, inc.c.reports)).all():
        reports = counts.get(row.id, 0)
        if reports == 0:
            conn.execute(inc.delete().where(inc.c.id == row.id))
        elif reports != row.reports:
            events = conn.execute(select(e).join(ie, ie.c.event_id == e.c.id)
                                  .where(ie.c.incident_id == row.id)).all()
            figure, rule = best_fatalities(events)
            conn.execute(inc.update().where(inc.c.id == row.id).values(
                reports=reports, fatalities=figure, fatalities_rule=rule))


def incident_reports(conn: Connection, incident_id: int) -> list[dict[str, Any]]:
    """Every report of an incident, with its article's outlet and its figures."""
    e, ie, a, o = t.events, t.incident_events, t.articles, t.outlets
    rows = conn.execute(
        select(e.c.id, e.c.fatalities, e.c.fatalities_qualifier, e.c.modality, e.c.record,
               a.c.title, a.c.url, o.c.name.label("outlet"))
        .join(ie, ie.c.event_id == e.c.id).join(a, a.c.id == e.c.article_id)
        .outerjoin(o, o.c.id == a.c.outlet_id)
        .where(ie.c.incident_id == incident_id).order_by(e.c.id)).all()
    return [dict(r._mapping) for r in rows]
