from __future__ import annotations

import pytest

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.mentions.quantities import QuantityFinder

FINDER = QuantityFinder()


def quantities(text: str) -> list[tuple[str, object, str]]:
    return [(m.text, m.data["value"], m.data["qualifier"])
            for m in FINDER.find(normalize(text, MATCH_CONFIG))]


@pytest.mark.parametrize(("text", "expected"), [
    ("مقتل 400 مدني", ("400", 400, "exact")),
    ("مقتل ٤٠٠ مدني", ("٤٠٠", 400, "exact")),
    ("نزوح ١٬٢٠٠ عائلة", ("١٬٢٠٠", 1200, "exact")),
    ("نزوح 1,200 عائلة", ("1,200", 1200, "exact")),
    ("مقتل أكثر من 400 مدني", ("أكثر من 400", 400, "more_than")),
    ("إصابة ما يزيد عن عشرين شخصاً", ("ما يزيد عن عشرين", 20, "more_than")),
    ("نزوح نحو ثلاثة آلاف شخص", ("نحو ثلاثة آلاف", 3000, "about")),
    ("اعتقال قرابة خمسين شاباً", ("قرابة خمسين", 50, "about")),
    ("مقتل ما لا يقل عن سبعة عناصر", ("ما لا يقل عن سبعة", 7, "at_least")),
    ("سقوط خمسة وعشرين قتيلاً", ("خمسة وعشرين", 25, "exact")),
    ("إصابة ثلاثة عشر طفلاً", ("ثلاثة عشر", 13, "exact")),
    ("إصابة اثني عشر مدنياً", ("اثني عشر", 12, "exact")),
    ("تدمير مئتين وخمسين منزلاً", ("مئتين وخمسين", 250, "exact")),
    ("نزوح 3 آلاف عائلة", ("3 آلاف", 3000, "exact")),
    ("سقط قتيلان في القصف", ("قتيلان", 2, "exact")),
    ("ارتفعت الحصيلة إلى 57 ألفاً و575 شهيداً", ("57 ألفاً و575", 57575, "exact")),
    ("نزوح عشرات العائلات", ("عشرات", None, "dozens")),
    ("فرار مئات المدنيين", ("مئات", None, "hundreds")),
    ("مقتل عدد من المدنيين", ("عدد من", None, "several")),
])
def test_figures_and_qualifiers(text: str, expected: tuple[str, object, str]) -> None:
    assert quantities(text) == [expected]


def test_a_figure_is_linked_to_what_happened_and_what_it_counts() -> None:
    text = "أسفر القصف عن مقتل أكثر من 400 وإصابة 12 جريحاً"
    found = FINDER.find(normalize(text, MATCH_CONFIG))
    assert [(m.data["value"], m.data.get("effect")) for m in found] == [
        (400, "killed"), (12, "injured")]
    [dual] = FINDER.find(normalize("سقط قتيلان", MATCH_CONFIG))
    assert dual.data["counts"] == "killed" and dual.data["effect"] == "killed"


def test_spans_taken_by_dates_are_skipped() -> None:
    norm = normalize("في 14 كانون الأول 2018 قتل 3 مدنيين", MATCH_CONFIG)
    found = FINDER.find(norm, skip=[(3, 22)])
    assert [m.data["value"] for m in found] == [3]


def test_counts_joined_by_and_share_their_verb_but_a_range_does_not() -> None:
    text = "قتل ضابط برتبة ملازم أول وثلاثة جنود، وأصيب خمسة آخرون"
    found = FINDER.find(normalize(text, MATCH_CONFIG))
    assert [(m.data["value"], m.data.get("effect"), m.data.get("joined")) for m in found] == [
        (1, "killed", None), (3, "killed", True), (5, "injured", None)]
    ranged = FINDER.find(normalize("أسفرت عن مقتل ما بين 15 و20 مقاتلاً", MATCH_CONFIG))
    assert not any(m.data.get("joined") for m in ranged)


def test_a_count_reaches_its_verb_across_an_aside_or_a_partitive() -> None:
    finder = QuantityFinder()
    for text, value in (("قالت الغرفة إن أربعة نازحين، بينهم امرأة، قُتلوا أمس", 4),
                        ("إن أكثر من 460 من المرضى ومرافقيهم قُتلوا داخل المستشفى", 460)):
        found = finder.find(normalize(text, MATCH_CONFIG))
        assert [(q.data.get("value"), q.data.get("effect")) for q in found] == [
            (value, "killed")]


def test_a_nisba_dual_a_named_person_and_a_described_one_count_right() -> None:
    def killed(text: str) -> list[object]:
        return [m.data["value"] for m in FINDER.find(normalize(text, MATCH_CONFIG))
                if m.data.get("effect") == "killed"]

    assert killed("قُتل فلسطينيان بنيران طائرة مسيرة") == [2]
    assert killed("قُتل المزارع خالد برصاص مسلحين مجهولين") == [1]
    assert killed("قُتل متعاقد مدني أجنبي في هجوم صاروخي") == [1]
