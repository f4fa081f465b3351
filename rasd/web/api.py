"""The JSON API: reading everything the site shows, reviews with a token, and
extraction of a posted document without storing it.

Lists page with an opaque ``cursor`` (the last id seen): stable while new rows
arrive, unlike offsets.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import PlainTextResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from rasd.acquire.model import Document, Provenance, content_hash
from rasd.errors import RasdError
from rasd.export import doc_to_dict
from rasd.export.events import record_row, rows_csv, rows_geojson
from rasd.store.accounts import User
from rasd.store.reviews import ReviewError
from rasd.web.context import State
from rasd.web.filters import event_filter


class Problem(BaseModel):
    """Why a request failed, in words a person can act on."""

    detail: str


_problems: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": text} for code, text in (
        (400, "A filter has a value that cannot be used"),
        (404, "No such item"), (413, "The request is over the size limit"))}
router = APIRouter(prefix="/api", tags=["api"], responses=_problems)
_write_problems: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "No valid API token"},
    403: {"model": Problem, "description": "The token's account may not write"}}
# Ids fit SQLite's and PostgreSQL's 64-bit integers.
Id = Annotated[int, Path(ge=1, le=2**53)]
bearer = HTTPBearer(auto_error=False)
Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=15, pattern=r"^\d*$",
                                    description="next_cursor of the previous page")]

FILTER_DOC = ("Filters: country, admin1, event_type, sub_event_type, actor, since, until "
              "(YYYY-MM-DD), modality, outlet, place (location id), lat+lon+radius (km), "
              "min_fatalities, max_fatalities, reviewed (yes|no), background (1).")


def state(request: Request) -> State:
    return request.app.state.rasd  # type: ignore[no-any-return]


St = Annotated[State, Depends(state)]


def writer(st: St, credentials: Annotated[HTTPAuthorizationCredentials | None,
                                          Depends(bearer)]) -> User:
    """Writing needs an API token (``rasd users token NAME``) of a reviewer or admin."""
    if credentials is None:
        raise HTTPException(401, "an API token is needed: Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    user = st.accounts.token_user(credentials.credentials)
    if user is None:
        raise HTTPException(401, "the token is not valid", headers={"WWW-Authenticate": "Bearer"})
    if not user.can("reviewer"):
        raise HTTPException(403, "only reviewers and admins may write")
    return user


def page(items: list[dict[str, Any]], limit: int) -> dict[str, Any]:
    cursor = str(items[-1]["id"]) if len(items) == limit and items else None
    return {"items": items, "next_cursor": cursor}


def _after(cursor: str | None) -> int | None:
    return int(cursor) if cursor else None


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(row, default=str))  # type: ignore[no-any-return]


@router.get("/articles", summary="Articles, newest first")
def list_articles(st: St, limit: Limit = 50, cursor: Cursor = None,
                  outlet: Annotated[str | None, Query(max_length=300)] = None
                  ) -> dict[str, Any]:
    items = st.site.latest_articles(limit=limit, before_id=_after(cursor), outlet=outlet)
    return _jsonable(page(items, limit))


@router.get("/articles/{article_id}", summary="One article with mentions, events and tolls")
def get_article(st: St, article_id: Id) -> dict[str, Any]:
    found = st.site.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id}")
    found["comment_count"] = st.comments.count(article_id)
    return _jsonable(found)


@router.get("/events", summary="Events, by id", description=FILTER_DOC)
def list_events(st: St, request: Request, limit: Limit = 100, cursor: Cursor = None,
                reviewed_values: bool = True) -> dict[str, Any]:
    flt = event_filter(request.query_params)
    items = st.site.events(flt, limit=limit, after_id=_after(cursor) or 0,
                           apply_reviews=reviewed_values)
    return _jsonable(page(items, limit))


@router.get("/events/{event_id}", summary="One event, as extracted and as reviewed")
def get_event(st: St, event_id: Id) -> dict[str, Any]:
    found = st.site.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id}")
    return _jsonable(found)


class ReviewIn(BaseModel):
    decision: Literal["confirm", "correct", "reject"]
    corrections: dict[str, str | int | float | None] = Field(default_factory=dict)
    comment: str | None = Field(default=None, max_length=5000)


@router.post("/events/{event_id}/reviews", status_code=201, responses=_write_problems,
             summary="Confirm, correct or reject an event (reviewer token)")
def post_review(st: St, event_id: Id, body: ReviewIn,
                user: Annotated[User, Depends(writer)]) -> dict[str, Any]:
    try:
        review_id = st.site.reviews.record(event_id, user.id, body.decision,
                                           dict(body.corrections), body.comment)
    except ReviewError as exc:
        raise HTTPException(404 if "no event" in exc.message else 422, exc.message) from exc
    found = st.site.event(event_id)
    if found is not None:
        st.forget(f"article:{found['article_id']}")
    return {"id": review_id, "event_id": event_id, "decision": body.decision}


@router.get("/incidents", summary="Incidents across articles")
def list_incidents(st: St, limit: Limit = 100, cursor: Cursor = None,
                   country: Annotated[str | None, Query(max_length=4)] = None
                   ) -> dict[str, Any]:
    return _jsonable(page(st.site.incidents(limit=limit, after_id=_after(cursor),
                                            country=country), limit))


@router.get("/incidents/{incident_id}", summary="One incident with every report")
def get_incident(st: St, incident_id: Id) -> dict[str, Any]:
    found = st.site.incident(incident_id)
    if found is None:
        raise HTTPException(404, f"no incident with id {incident_id}")
    return _jsonable(found)


@router.get("/tolls", summary="Cumulative tolls")
def list_tolls(st: St, limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    return _jsonable(page(st.site.tolls(limit=limit, after_id=_after(cursor)), limit))


@router.get("/actors", summary="Actors in stored events, with counts")
def list_actors(st: St) -> dict[str, Any]:
    counts = st.site.actor_counts()
    known = st.site.actor_names(list(counts))
    items = [{"id": ref, "name": known.get(ref, {}).get("name", ref),
              "type": known.get(ref, {}).get("type"), "events": n}
             for ref, n in counts.most_common()]
    return {"items": items, "next_cursor": None}


@router.get("/actors/{actor_id}", summary="An actor: names, aliases and events")
def get_actor(st: St, actor_id: str) -> dict[str, Any]:
    actor = st.actors().actors.get(actor_id)
    found = st.site.actor_events(actor_id, limit=200)
    if actor is None and not found["events"]:
        raise HTTPException(404, f"no actor {actor_id!r}")
    about = None
    if actor is not None:
        about = {k: v for k, v in asdict(actor).items() if k in (
            "id", "name", "type", "country", "parent", "aliases")}
    return _jsonable({"actor": about, "events": found["events"], "places": found["places"],
                      "months": found["months"]})


@router.get("/places", summary="Places of stored events, with counts")
def list_places(st: St, limit: Limit = 200) -> dict[str, Any]:
    return _jsonable({"items": st.site.places(limit=limit), "next_cursor": None})


@router.get("/places/{location_id}", summary="Events at a place and nearby")
def get_place(st: St, location_id: str,
              radius: Annotated[float, Query(ge=1, le=500)] = 25.0) -> dict[str, Any]:
    found = st.site.place(location_id, radius_km=radius)
    if found is None:
        raise HTTPException(404, f"no events at {location_id!r}")
    return _jsonable(found)


@router.get("/search", summary="Arabic full-text search", description=FILTER_DOC)
def search(st: St, request: Request, q: Annotated[str, Query(min_length=1, max_length=300)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    flt = event_filter(request.query_params)
    hits = st.store.search(q, limit=limit, country=flt.country, event_type=flt.event_type,
                           actor=flt.actor, since=flt.since, until=flt.until,
                           sub_event_type=flt.sub_event_type, admin1=flt.admin1,
                           modality=flt.modality, outlet=flt.outlet,
                           min_fatalities=flt.min_fatalities,
                           max_fatalities=flt.max_fatalities, near=flt.near)
    return _jsonable({"items": [asdict(h) for h in hits], "next_cursor": None})


@router.get("/export", summary="Events as ACLED-style CSV, GeoJSON or JSON Lines",
            description=FILTER_DOC, response_class=PlainTextResponse,
            responses={200: {"content": {"text/csv": {}, "application/geo+json": {},
                                         "application/x-ndjson": {}}}})
def export(st: St, request: Request,
           format: Literal["acled-csv", "geojson", "jsonl"] = "acled-csv",
           reviewed_values: bool = True, limit: Annotated[int, Query(ge=1, le=100000)] = 10000
           ) -> Response:
    flt = event_filter(request.query_params)
    found = st.site.events(flt, limit=limit, after_id=0, apply_reviews=reviewed_values)
    if reviewed_values:
        found = [f for f in found if (f["review"] or {}).get("decision") != "reject"]
    if format == "jsonl":
        text = "".join(json.dumps({"id": f["id"], **f["record"], "article": f["article"]},
                                  ensure_ascii=False, default=str) + "\n" for f in found)
        return PlainTextResponse(text, media_type="application/x-ndjson")
    rows = [record_row(f["record"], f["article"], f["id"]) for f in found]
    if format == "geojson":
        return PlainTextResponse(json.dumps(rows_geojson(rows), ensure_ascii=False),
                                 media_type="application/geo+json")
    return PlainTextResponse(rows_csv(rows), media_type="text/csv",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


class ExtractIn(BaseModel):
    content: str = Field(min_length=1, description="The page: plain text or HTML")
    format: Literal["text", "html"] = "text"
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, max_length=40)


@router.post("/extract", summary="Extract one document without storing it")
def extract(st: St, body: ExtractIn) -> dict[str, Any]:
    if len(body.content.encode("utf-8")) > st.settings.max_extract_bytes:
        raise HTTPException(413, f"the document is larger than the limit of "
                                 f"{st.settings.max_extract_bytes:,} bytes")
    document = Document(body.content, body.format, Provenance(
        source="api", content_hash=content_hash(body.content), url=body.url,
        outlet=body.outlet, published=body.published, input_format=body.format))
    try:
        doc = st.pipeline()(document)
    except RasdError as exc:
        raise HTTPException(422, f"{exc.stage}: {exc.message}") from exc
    return _jsonable(doc_to_dict(doc))
