"""Events as ACLED-style CSV rows and as GeoJSON features."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from rasd.events.model import Event
from rasd.pipeline import Doc

# ACLED's column names where one exists; rasd's additions after them.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
]
EXTRA_COLUMNS = ["injuries", "fatalities_qualifier", "victims", "modality", "plover",
                 "url", "outlet", "evidence"]

_COUNTRY_NAMES = {"SY": "Syria", "IQ": "Iraq", "YE": "Yemen", "LY": "Libya", "SD": "Sudan",
                  "LB": "Lebanon", "PS": "Palestine", "JO": "Jordan", "TR": "Turkey",
                  "SO": "Somalia", "IL": "Israel", "EG": "Egypt", "SA": "Saudi Arabia",
                  "IR": "Iran", "SS": "South Sudan"}


def _events(docs: Iterable[Doc]) -> Iterable[tuple[Doc, int, Event]]:
    for doc in docs:
        if doc.extraction is None:
            continue
        for index, event in enumerate(doc.extraction.events, start=1):
            yield doc, index, event


def event_row(doc: Doc, index: int, event: Event) -> dict[str, Any]:
    p = doc.require_article().provenance
    loc = event.location or {}
    country = str(loc.get("country") or "")
    sources = "; ".join(str(s.get("name") or s["id"]) for s in event.sources)
    outlet = p.outlet or ""
    return {
        "event_id_cnty": f"{country or 'XX'}-{p.content_hash[:10]}-{index}",
        "event_date": event.event_date or "",
        "year": (event.event_date or "")[:4],
        "time_precision": event.time_precision or "",
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else "",
        "actor2": event.actor2.name if event.actor2 else "",
        "country": _COUNTRY_NAMES.get(country, country), "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "", "latitude": loc.get("latitude") or "",
        "longitude": loc.get("longitude") or "", "geo_precision": loc.get("geo_precision") or "",
        "source": "; ".join(s for s in (outlet, sources) if s), "notes": event.notes,
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "injuries": event.injuries if event.injuries is not None else "",
        "fatalities_qualifier": event.fatalities_qualifier or "",
        "victims": "; ".join(event.victims), "modality": event.modality,
        "plover": event.plover, "url": p.url or "", "outlet": outlet,
        "evidence": " … ".join(e.text for e in event.evidence),
    }


def acled_csv(docs: Iterable[Doc]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
    writer.writeheader()
    for doc, index, event in _events(docs):
        writer.writerow(event_row(doc, index, event))
    return buffer.getvalue()


def geojson(docs: Iterable[Doc]) -> dict[str, Any]:
    features = []
    for doc, index, event in _events(docs):
        loc = event.location
        if not loc or loc.get("latitude") is None:
            continue
        properties = event_row(doc, index, event)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point",
                         "coordinates": [float(loc["longitude"]), float(loc["latitude"])]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features}
