"""Query-string filters → the store's EventFilter, with clear errors for bad values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from fastapi import HTTPException

from rasd.store.site import EventFilter

TEXT = ("country", "admin1", "event_type", "sub_event_type", "actor", "modality", "outlet")


def _number(params: Mapping[str, str], name: str, kind: type = int) -> float | int | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = kind(raw)
    except ValueError as exc:
        raise HTTPException(400, f"{name} must be a number, not {raw[:40]!r}") from exc
    return value  # type: ignore[no-any-return]


def _day(params: Mapping[str, str], name: str) -> str | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError as exc:
        raise HTTPException(400, f"{name} must be a date as YYYY-MM-DD") from exc


def event_filter(params: Mapping[str, str]) -> EventFilter:
    values: dict[str, object] = {name: (params.get(name) or "").strip()[:200] or None
                                 for name in TEXT}
    values["since"] = _day(params, "since")
    values["until"] = _day(params, "until")
    values["min_fatalities"] = _number(params, "min_fatalities")
    values["max_fatalities"] = _number(params, "max_fatalities")
    values["location_id"] = (params.get("place") or "").strip()[:100] or None
    lat, lon = _number(params, "lat", float), _number(params, "lon", float)
    radius = _number(params, "radius", float)
    if lat is not None and lon is not None:
        if abs(lat) > 90 or abs(lon) > 180:
            raise HTTPException(400, "lat and lon are out of range")
        values["near"] = (float(lat), float(lon), float(min(max(radius or 25.0, 0.1), 2000.0)))
    reviewed = params.get("reviewed")
    values["reviewed"] = {"yes": True, "no": False}.get(reviewed or "")
    values["include_background"] = params.get("background") in ("1", "yes", "true")
    return EventFilter(**values)  # type: ignore[arg-type]


def filter_query(flt: EventFilter) -> dict[str, str]:
    """The filter back as query parameters, for links that keep it."""
    out = {name: str(getattr(flt, name)) for name in TEXT if getattr(flt, name)}
    for name in ("since", "until"):
        if getattr(flt, name):
            out[name] = str(getattr(flt, name))
    for name in ("min_fatalities", "max_fatalities"):
        if getattr(flt, name) is not None:
            out[name] = str(getattr(flt, name))
    if flt.location_id:
        out["place"] = flt.location_id
    if flt.near:
        out["lat"], out["lon"], out["radius"] = (str(v) for v in flt.near)
    if flt.reviewed is not None:
        out["reviewed"] = "yes" if flt.reviewed else "no"
    return out
