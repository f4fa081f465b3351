"""The curated localities (rasd/data/geo/localities.yaml): well-formed, in their
country, and found in sentences through the real place finder."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.data import load_wordlist, load_yaml
from rasd.geo.gazetteer import Gazetteer, km_between, name_keys
from rasd.geo.places import PlaceFinder
from rasd.mentions.matcher import match_key
from rasd.mentions.model import Mention

# Rough boxes (south, north, west, east) around each country the file covers.
BOXES = {
    "SY": (32.3, 37.4, 35.6, 42.4),
    "IQ": (29.0, 37.4, 38.7, 48.7),
    "YE": (12.0, 19.0, 42.5, 54.6),
    "SD": (8.6, 22.3, 21.8, 38.7),
    "LY": (19.5, 33.3, 9.3, 25.2),
    "LB": (33.0, 34.7, 35.1, 36.7),
    "PS": (31.2, 32.6, 34.2, 35.6),
    "SO": (-1.7, 12.0, 40.9, 51.5),
}
FEATURES = {"populated", "district", "neighbourhood", "camp", "landmark"}
FIELDS = {"id", "name", "arabic", "latitude", "longitude", "country", "admin1", "population",
          "feature"}
_ARABIC = re.compile(r"^[\u0621-\u064A ]+$")


@pytest.fixture(scope="module")
def localities() -> list[dict[str, Any]]:
    data = load_yaml("geo/localities.yaml")
    assert re.fullmatch(r"\d{4}\.\d+\.\d+", data.version)
    entries: list[dict[str, Any]] = data.content["localities"]
    return entries


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> PlaceFinder:
    empty = tmp_path_factory.mktemp("no-imports")
    return PlaceFinder(Gazetteer.load(import_dir=empty))


def test_every_entry_has_legal_fields(localities: list[dict[str, Any]]) -> None:
    assert len(localities) >= 350
    for e in localities:
        assert set(e) == FIELDS, e
        country = e["country"]
        assert country in BOXES, e
        assert re.fullmatch(rf"rasd:{country.lower()}-[a-z0-9]+(-[a-z0-9]+)*", e["id"]), e
        assert isinstance(e["name"], str) and e["name"].strip(), e
        assert isinstance(e["arabic"], list) and e["arabic"], e
        for alias in e["arabic"]:
            assert isinstance(alias, str) and _ARABIC.match(alias), (e["id"], alias)
        keys = [match_key(a) for a in e["arabic"]]
        assert len(keys) == len(set(keys)), ("spellings that fold together", e["id"])
        for coordinate in (e["latitude"], e["longitude"]):
            assert isinstance(coordinate, float) and round(coordinate, 4) == coordinate, e
        assert isinstance(e["admin1"], str), e
        assert isinstance(e["population"], int) and e["population"] >= 0, e
        assert e["feature"] in FEATURES, e


def test_ids_are_unique(localities: list[dict[str, Any]]) -> None:
    ids = [e["id"] for e in localities]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_coordinates_fall_inside_the_country(localities: list[dict[str, Any]]) -> None:
    for e in localities:
        south, north, west, east = BOXES[e["country"]]
        assert south <= e["latitude"] <= north and west <= e["longitude"] <= east, e["id"]


def test_admin1_codes_exist(localities: list[dict[str, Any]]) -> None:
    codes = {(str(r["country"]), str(r["admin1code"]))
             for r in load_yaml("geo/admin1.yaml").content["admin1"]}
    for e in localities:
        assert (e["country"], e["admin1"]) in codes, e["id"]


def test_aliases_shared_across_countries_need_context(localities: list[dict[str, Any]]) -> None:
    """A name two localities in different countries share is only safe where the
    article's other places tell the country: it must be in needs_context.txt."""
    needs_context = {match_key(w) for w in load_wordlist("geo/needs_context.txt")}
    not_places = {match_key(w) for w in load_wordlist("geo/not_places.txt")}
    countries: dict[str, set[str]] = defaultdict(set)
    for e in localities:
        for alias in e["arabic"]:
            for key in name_keys(alias):
                assert key not in not_places, (e["id"], alias)
                countries[key].add(e["country"])
    shared = {k: c for k, c in countries.items() if len(c) > 1 and k not in needs_context}
    assert not shared, shared


def test_localities_do_not_repeat_a_place_the_gazetteer_has(finder: PlaceFinder,
                                                            localities: list[dict[str, Any]]
                                                            ) -> None:
    """A name that already finds a place of the same country nearby is a duplicate."""
    gazetteer = finder.gazetteer
    for e in localities:
        here = (e["latitude"], e["longitude"])
        for alias in e["arabic"]:
            for key in name_keys(alias):
                for pid in gazetteer.index.get(key, []):
                    other = gazetteer.places[pid]
                    if pid.startswith("rasd:") or other.country != e["country"]:
                        continue
                    assert km_between(here, (other.latitude, other.longitude)) > 25, \
                        (e["id"], alias, pid)


def test_the_gazetteer_loads_them(finder: PlaceFinder) -> None:
    place = finder.gazetteer.places["rasd:sy-kansafra"]
    assert (place.country, place.admin1, place.feature) == ("SY", "12", "populated")
    assert finder.gazetteer.admin1_of(place) is not None
    assert "localities 20" in finder.gazetteer.version
    only_iraq = Gazetteer.load(countries=["IQ"], import_dir=Path("/nonexistent"))
    assert "rasd:iq-al-karrada" in only_iraq.places
    assert not any(pid.startswith("rasd:sy-") for pid in only_iraq.places)


def found(finder: PlaceFinder, text: str) -> dict[str, Mention]:
    return {m.text: m for m in finder.find(normalize(text, MATCH_CONFIG))}


@pytest.mark.parametrize(("text", "name", "ref"), [
    ("قصفت قوات النظام بلدة كنصفرة في ريف إدلب الجنوبي", "كنصفرة", "rasd:sy-kansafra"),
    ("غارات روسية على جبل الزاوية جنوبي إدلب", "جبل الزاوية", "rasd:sy-jabal-al-zawiya"),
    ("اشتباكات عنيفة في حي جوبر الدمشقي", "جوبر", "rasd:sy-jobar"),
    ("سقطت قذائف على حي الكلاكلة جنوبي الخرطوم", "الكلاكلة", "rasd:sd-al-kalakla"),
    ("قصف مدفعي على مخيم أبو شوك للنازحين في الفاشر", "أبو شوك", "rasd:sd-abu-shouk"),
    ("اقتحمت قوات الاحتلال مخيم نور شمس شرق طولكرم", "نور شمس", "rasd:ps-nur-shams"),
    ("استشهد ثلاثة في قصف على حي الشجاعية شرق مدينة غزة", "الشجاعية",
     "rasd:ps-al-shujaiya"),
    ("قصف حوثي على حي الجحملية شرقي مدينة تعز", "الجحملية", "rasd:ye-al-jahmaliya"),
    ("انفجار عبوة ناسفة في الكرادة وسط بغداد", "الكرادة", "rasd:iq-al-karrada"),
    ("استهدفت مسيرة قاعدة عين الأسد غربي الأنبار", "عين الأسد", "rasd:iq-ain-al-asad"),
    ("غارة إسرائيلية على مطار المزة العسكري في دمشق", "مطار المزة العسكري",
     "rasd:sy-mezzeh-airport"),
    ("غارة إسرائيلية على مبنى في حارة حريك بالضاحية الجنوبية لبيروت", "حارة حريك",
     "rasd:lb-haret-hreik"),
    ("قصف إسرائيلي على بلدة عيتا الشعب في جنوب لبنان", "عيتا الشعب", "rasd:lb-aita-al-shaab"),
    ("اشتباكات مسلحة في منطقة أبو سليم بطرابلس", "أبو سليم", "rasd:ly-abu-salim"),
])
def test_sentences_resolve_to_the_locality(finder: PlaceFinder, text: str, name: str,
                                           ref: str) -> None:
    mentions = {m.ref: m for m in finder.find(normalize(text, MATCH_CONFIG))}
    assert ref in mentions, {r: (m.text, m.data["name"]) for r, m in mentions.items()}
    mention = mentions[ref]
    assert mention.text == name
    assert mention.data["geo_precision"] == 1
    assert mention.data["admin1"] is not None


def test_a_quarter_with_its_place_word_is_the_quarter_not_the_city(finder: PlaceFinder) -> None:
    # A curated quarter is itself the place: not flagged to give way to the city.
    mention = found(finder, "سقطت قذائف على حي الكلاكلة جنوبي الخرطوم")["الكلاكلة"]
    assert mention.data["feature"] == "neighbourhood" and "neighbourhood" not in mention.data


def test_a_locality_does_not_take_a_bigger_namesake_abroad(finder: PlaceFinder) -> None:
    # بئر العبد is a town in Sinai and a quarter of Beirut's southern suburbs.
    egypt = found(finder, "هجوم مسلح على كمين للجيش في بئر العبد")["بئر العبد"]
    assert egypt.data["country"] == "EG"
    lebanon = found(finder, "غارة إسرائيلية على بئر العبد في الضاحية الجنوبية لبيروت قرب "
                            "حارة حريك")["بئر العبد"]
    assert lebanon.ref == "rasd:lb-bir-al-abed"
    # حلفايا is a Syrian town and a quarter of Khartoum North.
    syria = found(finder, "قصفت قوات النظام بلدة حلفايا في ريف حماة")["حلفايا"]
    assert syria.data["country"] == "SY"
    sudan = found(finder, "اشتباكات في الحلفايا وشمبات شمال الخرطوم بحري")["الحلفايا"]
    assert sudan.ref == "rasd:sd-al-halfaya"


def test_names_that_are_words_need_their_country_in_view(finder: PlaceFinder) -> None:
    assert "الحاج يوسف" not in found(finder, "وقال الحاج يوسف إن الأسعار ارتفعت كثيرا")
    assert "الخيام" not in found(finder, "نصب النازحون الخيام في المواصي غرب خان يونس")
    assert found(finder, "قصف مدفعي على الخيام ومرجعيون في جنوب لبنان")["الخيام"].ref == \
        "rasd:lb-khiam"
    # Four letters or fewer without a place word: not a place (بري, "by land").
    assert "بري" not in found(finder, "نقل المصابين بري إلى الخرطوم")
