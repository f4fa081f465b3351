from __future__ import annotations

from pathlib import Path

import pytest

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.geo.gazetteer import Gazetteer, distance_km, import_geonames
from rasd.geo.places import PlaceFinder


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> PlaceFinder:
    empty = tmp_path_factory.mktemp("no-imports")
    return PlaceFinder(Gazetteer.load(import_dir=empty))


def places(finder: PlaceFinder, text: str) -> list[tuple[str, str, int]]:
    return [(m.text, str(m.data["name"]), int(m.data["geo_precision"]))  # type: ignore[call-overload]
            for m in finder.find(normalize(text, MATCH_CONFIG))]


def test_a_town_with_proclitics_resolves_with_coordinates(finder: PlaceFinder) -> None:
    [mention] = finder.find(normalize("تقدمت القوات بهجين بعد معارك عنيفة", MATCH_CONFIG))
    assert mention.text == "هجين" and mention.data["country"] == "SY"
    assert mention.data["admin1"] == "Deir ez-Zor Governorate"
    assert 34.0 < float(mention.data["latitude"]) < 35.5  # type: ignore[arg-type]


def test_countryside_phrase_is_the_governorate_region_not_the_city(finder: PlaceFinder) -> None:
    [(text, name, precision)] = places(finder, "اشتباكات في ريف دير الزور الشرقي")
    assert text == "ريف دير الزور الشرقي"
    assert name == "Deir ez-Zor Governorate" and precision == 2


def test_hama_city_and_hama_governorate(finder: PlaceFinder) -> None:
    assert places(finder, "قصفت الطائرات مدينة حماة")[0][1:] == ("Ḩamāh", 1)
    assert places(finder, "في محافظة حماة")[0][1:] == ("Hama Governorate", 3)
    [city] = finder.find(normalize("قصفت الطائرات مدينة حماة", MATCH_CONFIG))
    assert any(r["feature"] == "admin1" for r in city.data["rejected"])  # type: ignore[union-attr]


def test_ordinary_words_and_person_names_are_not_places(finder: PlaceFinder) -> None:
    assert places(finder, "وصلت الشاحنات إلى مناطق سيطرة التنظيم مقابل مبالغ كبيرة") == []
    assert places(finder, "وقال الشيخ حلب إن الوضع هادئ") == []


def test_country_in_focus_decides_between_namesakes(finder: PlaceFinder) -> None:
    # طرابلس is in Libya and in Lebanon; the article's other places decide.
    libya = finder.find(normalize("اشتباكات في طرابلس ومصراتة وبنغازي", MATCH_CONFIG))
    lebanon = finder.find(normalize("غارة قرب صيدا وصور، وتوتر في طرابلس", MATCH_CONFIG))
    tripoli_ly = next(m for m in libya if m.text == "طرابلس")
    tripoli_lb = next(m for m in lebanon if m.text == "طرابلس")
    assert tripoli_ly.data["country"] == "LY" and tripoli_lb.data["country"] == "LB"


def test_geonames_dump_import_adds_villages(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    row = ["9990001", "Tall Qarah", "Tall Qarah", "Tell Qara,تل قرة", "35.51", "40.61", "P",
           "PPL", "SY", "", "07", "", "", "", "0", "", "220", "Asia/Damascus", "2024-01-01"]
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    out, read, kept = import_geonames(dump, tmp_path / "gaz")
    assert (read, kept) == (1, 1) and out.exists()
    finder = PlaceFinder(Gazetteer.load(import_dir=tmp_path / "gaz"))
    [mention] = finder.find(normalize("قصف على قرية تل قرة شرقي المحافظة", MATCH_CONFIG))
    assert mention.ref == "9990001" and mention.data["admin1"] == "Deir ez-Zor Governorate"
    place = finder.gazetteer.places["9990001"]
    assert distance_km(place, finder.gazetteer.places["admin1:SY.07"]) < 200


def test_the_governorates_building_is_in_its_capital(finder: PlaceFinder) -> None:
    [(_, name, precision)] = places(finder, "وقفة احتجاجية أمام مبنى ديوان محافظة البصرة")
    assert (name, precision) == ("Basrah", 1)
    [(_, name, precision)] = places(finder, "قصفت المدفعية قرى في محافظة البصرة")
    assert (name, precision) == ("Basra Governorate", 3)


def test_a_city_whose_name_is_also_a_word_needs_its_country_in_view(
        finder: PlaceFinder) -> None:
    first = places(finder, "اقتحم محتجون مقر أمن الزاوية غربي طرابلس")[0]
    assert first[0] == "الزاوية" and first[1] in ("Az Zāwīyah", "Zawiya")
    syria = "قصفت قوات النظام الزاوية الشمالية من حي في مدينة حلب شمالي سوريا"
    assert "الزاوية الشمالية" not in [p[0] for p in places(finder, syria)]


def test_towns_without_an_arabic_name_in_geonames_are_found(finder: PlaceFinder) -> None:
    found = places(finder, "استعاد الجيش السيطرة على مدينة الدلنج ومناطق قرب بارا")
    assert [name for _, name, _ in found] == ["Dilling", "Bārah"]
    assert [p[1] for p in places(finder, "انتشال رفات من مقبرة جماعية في ترهونة")] == ["Tarhuna"]


def test_a_word_that_is_a_place_needs_its_country_not_outnumbered(finder: PlaceFinder) -> None:
    text = ("قصف على عيترون وكفركلا والخيام وبنت جبيل، وحزب الله يعلن استهداف موقع المالكية. "
            "غارة إسرائيلية تدمّر منزلاً في بلدة حولا")
    found = [m.text for m in finder.find(normalize(text, MATCH_CONFIG))]
    assert "حولا" in found and "تدمّر" not in found
    syria = finder.find(normalize("اشتباكات في ريف حمص الشرقي قرب تدمر والسخنة", MATCH_CONFIG))
    assert "تدمر" in [m.text for m in syria]


def test_squares_streets_and_far_roads_are_not_towns(finder: PlaceFinder) -> None:
    square = [m.text for m in finder.find(normalize(
        "اعتصام في ساحة الكرامة وسط مدينة السويداء", MATCH_CONFIG))]
    assert square == ["السويداء"]
    road = [m.text for m in finder.find(normalize(
        "تفجير انتحاري استهدف مقهى على طريق مكة المكرمة في العاصمة الصومالية مقديشو",
        MATCH_CONFIG))]
    assert "مكة المكرمة" not in road and "مقديشو" in road


def test_capitals_named_like_their_state_are_the_town(finder: PlaceFinder) -> None:
    assert places(finder, "قصفت مسيرة حياً سكنياً في الخرطوم")[0][1:] == ("Khartoum", 1)
    assert places(finder, "في ولاية الخرطوم")[0][1:] == ("Khartoum State", 3)
    assert places(finder, "غارة على مدينة النبطية")[0][1:] == ("Nabatieh", 1)
    assert places(finder, "ضبط مخزن للأسلحة قرب الكفرة")[0][1] == "Kufra"


@pytest.mark.parametrize("text", [
    "وقال إن الاتفاق يفتح الباب أمام مفاوضات أوسع في شمال سوريا",
    "ولعبت الوساطة العشائرية دوراً كبيراً في التهدئة بريف الخليل",
    "وتداولت قنوات التواصل الاجتماعي في السويداء مقاطع مصورة",
    "المواصي بالصور: خيام محترقة بعد ليلة القصف في خان يونس",
])
def test_ordinary_words_that_are_also_place_names(finder: PlaceFinder, text: str) -> None:
    found = {name for _, name, _ in places(finder, text)}
    assert not found & {"Al Bāb", "Dūrā", "Qanawāt", "Tyre"}
    assert found  # the real place of each sentence is still found
