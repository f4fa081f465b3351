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
    return record_row(event.to_dict(), {"content_hash": p.content_hash, "url": p.url,
                                        "outlet": p.outlet}, index)


def record_row(record: dict[str, Any], article: dict[str, Any], index: int) -> dict[str, Any]:
    """One CSV row from an event record (``Event.to_dict``) and its article."""
    loc = record.get("location") or {}
    country = str(loc.get("country") or "")
    sources = "; ".join(str(s.get("name") or s["id"]) for s in record.get("sources") or [])
    outlet = article.get("outlet") or ""
    date = record.get("event_date") or ""
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    return {
        "event_id_cnty": f"{country or 'XX'}-{str(article['content_hash'])[:10]}-{index}",
        "event_date": date, "year": date[:4], "time_precision": record.get("time_precision") or "",
        "event_type": record["event_type"], "sub_event_type": record["sub_event_type"],
        "actor1": actor1.get("name", ""), "actor2": actor2.get("name", ""),
        "country": _COUNTRY_NAMES.get(country, country), "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or "", "latitude": loc.get("latitude") or "",
        "longitude": loc.get("longitude") or "", "geo_precision": loc.get("geo_precision") or "",
        "source": "; ".join(s for s in (outlet, sources) if s), "notes": record.get("notes", ""),
        "fatalities": record.get("fatalities") if record.get("fatalities") is not None else 0,
        "injuries": record.get("injuries") if record.get("injuries") is not None else "",
        "fatalities_qualifier": record.get("fatalities_qualifier") or "",
        "victims": "; ".join(record.get("victims") or []), "modality": record["modality"],
        "plover": record.get("plover") or "", "url": article.get("url") or "", "outlet": outlet,
        "evidence": " … ".join(e["text"] for e in record.get("evidence") or []),
    }


def rows_csv(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def rows_geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point",
                      "coordinates": [float(r["longitude"]), float(r["latitude"])]},
         "properties": r}
        for r in rows if r.get("latitude") not in ("", None)
    ]
    return {"type": "FeatureCollection", "features": features}


def acled_csv(docs: Iterable[Doc]) -> str:
    return rows_csv(event_row(doc, index, event) for doc, index, event in _events(docs))


def geojson(docs: Iterable[Doc]) -> dict[str, Any]:
    return rows_geojson(event_row(doc, index, event) for doc, index, event in _events(docs))
