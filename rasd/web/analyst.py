"""Analyst pages: events explorer with map and chart, actors, places, incidents,
search, review of events and the moderation queue."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from rasd.store.reviews import INT_FIELDS, LOCATION_FIELDS, TEXT_FIELDS, ReviewError
from rasd.web.context import Page, page
from rasd.web.filters import event_filter, filter_query

router = APIRouter()
Ctx = Annotated[Page, Depends(page)]
Id = Annotated[int, Path(ge=1, le=2**53)]
OptionalId = Annotated[int | None, Query(ge=0, le=2**53)]
MAP_LIMIT = 2000


def points(rows: list[dict[str, Any]]) -> str:
    """Map points as JSON for a <script type="application/json"> element; '<' is
    escaped so article text cannot close the element."""
    out = []
    for row in rows:
        record = row["record"]
        loc = record.get("location") or {}
        if loc.get("latitude") is None:
            continue
        label = " · ".join(str(x) for x in (record.get("event_date"), record["sub_event_type"],
                                            loc.get("name")) if x)
        out.append({"id": row["id"], "lat": loc["latitude"], "lon": loc["longitude"],
                    "label": label, "url": f"/events/{row['id']}",
                    "kind": record["event_type"], "fatalities": record.get("fatalities") or 0})
    return script_json(out)


def script_json(value: Any) -> str:
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026"))


@router.get("/events")
def explorer(ctx: Ctx, sort: str = "event_date", order: str = "desc",
             bucket: str = "day") -> Response:
    flt = event_filter(ctx.request.query_params)
    rows = ctx.state.site.events(flt, sort=sort, descending=order != "asc", limit=MAP_LIMIT)
    query = filter_query(flt)
    series = ctx.state.site.timeline(rows, bucket="week" if bucket == "week" else "day")
    for dataset in series["datasets"]:
        dataset["label"] = ctx._("type." + dataset["kind"])
    series["fatalities"]["label"] = ctx._("chart.fatalities")
    facets = ctx.state.site.facets()
    known = ctx.state.site.actor_names(facets["actor"])
    actor_names = {ref: known[ref]["name"] if ref in known else ref for ref in facets["actor"]}
    return ctx.render("events.html", rows=rows, flt=flt, query=query, sort=sort, order=order,
                      bucket=bucket, facets=facets, points=points(rows),
                      actor_names=actor_names,
                      series=script_json(series), limit=MAP_LIMIT,
                      sort_link=lambda column: "?" + urlencode(
                          {**query, "sort": column,
                           "order": "asc" if sort == column and order == "desc" else "desc"}))


@router.get("/events/{event_id}")
def event_page(ctx: Ctx, event_id: Id) -> Response:
    found = ctx.state.site.event(event_id)
    if found is None:
        raise HTTPException(404, ctx._("error.not_found"))
    return ctx.render("event.html", event=found, fields=TEXT_FIELDS + INT_FIELDS
                      + LOCATION_FIELDS, error=None)


@router.post("/events/{event_id}/review")
async def review(ctx: Ctx, event_id: Id) -> Response:
    form = await ctx.form()
    user = ctx.require("reviewer")
    corrections = {name: form.get(name) for name in TEXT_FIELDS + INT_FIELDS + LOCATION_FIELDS
                   if form.get(name)}
    try:
        ctx.state.site.reviews.record(event_id, user.id, form.get("decision", ""),
                                      corrections, form.get("comment"))
    except ReviewError as exc:
        found = ctx.state.site.event(event_id)
        if found is None:
            raise HTTPException(404, ctx._("error.not_found")) from exc
        return ctx.render("event.html", status=400, event=found,
                          fields=TEXT_FIELDS + INT_FIELDS + LOCATION_FIELDS, error=exc.message)
    found = ctx.state.site.event(event_id)
    if found is not None:
        ctx.state.forget(f"article:{found['article_id']}")  # its panel shows the decision
    return ctx.redirect(f"/events/{event_id}#reviews")


@router.get("/actors")
def actors(ctx: Ctx) -> Response:
    counts = ctx.state.site.actor_counts()
    known = ctx.state.site.actor_names(list(counts))
    listed = [(known.get(ref), ref, n) for ref, n in counts.most_common()]
    return ctx.render("actors.html", actors=listed)


@router.get("/actors/{actor_id}")
def actor(ctx: Ctx, actor_id: str) -> Response:
    known = ctx.state.actors().actors.get(actor_id)
    found = ctx.state.site.actor_events(actor_id)
    if known is None and not found["events"]:
        raise HTTPException(404, ctx._("error.not_found"))
    return ctx.render("actor.html", actor=known, actor_id=actor_id, found=found,
                      points=points(found["events"]))


@router.get("/places/{location_id}")
def place(ctx: Ctx, location_id: str, radius: float = 25.0) -> Response:
    found = ctx.state.site.place(location_id, radius_km=min(max(radius, 1.0), 500.0))
    if found is None:
        raise HTTPException(404, ctx._("error.not_found"))
    return ctx.render("place.html", found=found,
                      points=points(found["events"] + found["nearby"]))


@router.get("/incidents")
def incidents(ctx: Ctx, after: OptionalId = None) -> Response:
    rows = ctx.state.site.incidents(limit=100, after_id=after)
    return ctx.render("incidents.html", rows=rows,
                      more=rows[-1]["id"] if len(rows) == 100 else None)


@router.get("/incidents/{incident_id}")
def incident(ctx: Ctx, incident_id: Id) -> Response:
    found = ctx.state.site.incident(incident_id)
    if found is None:
        raise HTTPException(404, ctx._("error.not_found"))
    return ctx.render("incident.html", incident=found)


@router.get("/search")
def search(ctx: Ctx, q: str = "") -> Response:
    q = q.strip()[:300]
    flt = event_filter(ctx.request.query_params)
    hits = ctx.state.store.search(
        q, limit=50, country=flt.country, event_type=flt.event_type, actor=flt.actor,
        since=flt.since, until=flt.until, outlet=flt.outlet) if q else []
    return ctx.render("search.html", q=q, hits=hits)


@router.get("/moderation")
def moderation(ctx: Ctx) -> Response:
    ctx.require("reviewer")
    return ctx.render("moderation.html", reported=ctx.state.comments.reported())
