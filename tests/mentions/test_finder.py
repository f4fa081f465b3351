"""All finders together, as the pipeline runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SHARED_SAMPLE

from rasd.acquire import Document, Provenance, content_hash, read_sources
from rasd.mentions import MentionFinder
from rasd.mentions.model import Mention
from rasd.pipeline import Pipeline


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.load()


def find(finder: MentionFinder, text: str, published: str | None = "2024-03-07") -> list[Mention]:
    return finder(text, published)


def test_a_toll_sentence_links_figure_qualifier_victims_and_effect(finder: MentionFinder) -> None:
    found = find(finder, "ووثقت الشبكة السورية لحقوق الإنسان مقتل أكثر من 400 مدني "
                         "بقصف التحالف الدولي")
    [figure] = [m for m in found if m.kind == "quantity"]
    assert (figure.data["value"], figure.data["qualifier"]) == (400, "more_than")
    assert (figure.data["counts"], figure.data["effect"]) == ("civilians", "killed")
    assert [m.ref for m in found if m.kind == "actor"] == ["snhr", "intl_coalition"]


def test_participant_groups_in_their_forms(finder: MentionFinder) -> None:
    text = "نزح المدنيون، وقتل طفلان وامرأة، واعتقلت القوات عناصر من الفصيل وأفرجت عن معتقلين"
    groups = [m.ref for m in find(finder, text) if m.kind == "group"]
    assert "civilians" in groups and "detainees" in groups and "fighters" in groups


def test_years_inside_dates_are_not_counted_as_figures(finder: MentionFinder) -> None:
    found = find(finder, "في 14 كانون الأول 2018 قتل 3 مدنيين")
    assert [m.data["value"] for m in found if m.kind == "quantity"] == [3]
    assert [m.ref for m in found if m.kind == "date"] == ["2018-12-14"]


def test_latin_names_and_hyphenated_names(finder: MentionFinder) -> None:
    found = find(finder, "قالت قوات سوريا-الديمقراطية إن ISIS خسر مواقعه، بحسب SOHR")
    refs = [m.ref for m in found if m.kind == "actor"]
    assert refs[:2] == ["sdf", "isis"]


def test_the_place_in_focus_follows_the_actors(finder: MentionFinder) -> None:
    found = find(finder, "قصفت قوات الدعم السريع أحياء في الفاشر")
    [place] = [m for m in found if m.kind == "place"]
    assert place.data["country"] == "SD"


def test_the_same_village_name_in_two_governorates(tmp_path: Path) -> None:
    from rasd.arabic.normalize import MATCH_CONFIG, normalize
    from rasd.geo.gazetteer import Gazetteer, import_geonames
    from rasd.geo.places import PlaceFinder

    def row(gid: str, lat: str, lon: str, admin1: str) -> str:
        return "\t".join([gid, "Khirbet Nakhla", "Khirbet Nakhla", "خربة نخلة", lat, lon, "P",
                          "PPL", "SY", "", admin1, "", "", "", "0", "", "300",
                          "Asia/Damascus", "2024-01-01"])

    dump = tmp_path / "SY.txt"
    dump.write_text(row("9990011", "35.12", "36.75", "10") + "\n"      # Hama
                    + row("9990012", "35.95", "36.63", "12") + "\n",   # Idlib
                    encoding="utf-8")
    import_geonames(dump, tmp_path / "gaz")
    places = PlaceFinder(Gazetteer.load(import_dir=tmp_path / "gaz"))
    hama = places.find(normalize("قصفت الطائرات بلدة خربة نخلة في ريف حماة الغربي",
                                 MATCH_CONFIG))
    idlib = places.find(normalize("قصفت الطائرات قرية خربة نخلة جنوبي إدلب", MATCH_CONFIG))
    assert next(m for m in hama if m.text == "خربة نخلة").ref == "9990011"
    assert next(m for m in idlib if m.text == "خربة نخلة").ref == "9990012"


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="sample page not present")
def test_the_sample_page_mentions(finder: MentionFinder) -> None:
    [document] = list(read_sources([str(SHARED_SAMPLE)]))
    assert isinstance(document, Document)
    doc = Pipeline.default(mentions=finder)(document)
    mentions = doc.mentions or []
    actors = {m.ref for m in mentions if m.kind == "actor"}
    assert {"isis", "sdf", "intl_coalition", "snhr", "orient_news"} <= actors
    places = {m.data["name"] for m in mentions if m.kind == "place"}
    assert {"Hajīn", "Deir ez-Zor Governorate", "Ar Raqqah"} <= places
    region = next(m for m in mentions if m.kind == "place" and m.text.startswith("ريف"))
    assert region.data["geo_precision"] == 2 and region.data["direction"] == "east"
    toll = next(m for m in mentions if m.kind == "quantity" and m.data["value"] == 400)
    assert toll.data["qualifier"] == "more_than" and toll.data["counts"] == "civilians"
    latter = next(m for m in mentions if m.text == "الأخير")
    assert latter.ref == "isis"
    text = doc.require_article().text
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_mentions_need_no_publication_date(finder: MentionFinder) -> None:
    doc = Document("اشتباكات في حلب\nقتل ثلاثة أمس.", "text",
                   Provenance("t", content_hash("x")))
    result = Pipeline.default(mentions=finder)(doc)
    [date] = [m for m in result.mentions or [] if m.kind == "date"]
    assert date.ref is None and date.data["resolved"] is False


def test_an_impossible_date_is_neither_a_date_nor_three_figures(finder: MentionFinder) -> None:
    found = find(finder, "في 31/02/2024 قتل 3 مدنيين")
    assert [m.kind for m in found if m.kind in ("date", "quantity")] == ["quantity"]
    assert [m.data["value"] for m in found if m.kind == "quantity"] == [3]


@pytest.mark.parametrize(("text", "expected"), [
    # «اثنين» after what it counts, adjectives between, and the verb after them all
    ("قال مسؤولون إن صحفيين فلسطينيين اثنين قُتلا يوم الأربعاء",
     [("صحفيين فلسطينيين اثنين", 2, "killed")]),
    ("أفاد مصدر أمني بأن جنديين اثنين قُتلا وأصيب ثالث بجروح", [("جنديين", 2, "killed")]),
    ("قال مصدر طبي إن شخصين قُتلا وأصيب ستة آخرون",
     [("شخصين", 2, "killed"), ("ستة", 6, "injured")]),
    ("ما أدى إلى مقتل مدنيين اثنين وإصابة ثلاثة",
     [("مدنيين اثنين", 2, "killed"), ("ثلاثة", 3, "injured")]),
    # one person in the accusative before a verb after أن, but not a state
    ("أعلن الدفاع المدني أن فلسطينياً قُتل برصاص القوات الإسرائيلية",
     [("فلسطينياً", 1, "killed")]),
    ("وقالت الشرطة إن شاباً أصيب بجروح", [("شاباً", 1, "injured")]),
    ("وقال إن تركيا قتلت 20 مسلحاً", [("20", 20, "killed")]),
    # a dual noun agreed with by a dual nisba, and Turkey's word for kills
    ("قُتل عتّالان كرديان وأصيب ثالث بجروح", [("عتّالان", 2, "killed")]),
    ("أعلنت الوزارة تحييد 5 إرهابيين في منطقة قنديل", [("5", 5, "killed")]),
    ("فقد عنصران من قوى الأمن الداخلي حياتهما", [("عنصران", 2, "killed")]),
    ("لقيت امرأة حتفها في القصف", [("امرأة", 1, "killed")]),
    ("وقال الجيش إن قواته قضت على نحو عشرين مسلحاً", [("نحو عشرين", 20, "killed")]),
    ("فقُتل الشخصان اللذان كانا بداخلها", [("الشخصان", 2, "killed")]),
    # a headline's count takes no verb from the line after it
    ("والجيش يوقف خمسة\nقتل شخصان في اشتباك", [("خمسة", 5, None), ("شخصان", 2, "killed")]),
])
def test_counts_told_after_what_they_count(finder: MentionFinder, text: str,
                                           expected: list[tuple[str, object, object]]) -> None:
    found = [(m.text, m.data["value"], m.data.get("effect"))
             for m in find(finder, text) if m.kind == "quantity"]
    assert found == expected
