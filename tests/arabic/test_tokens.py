from __future__ import annotations

from rasd.arabic.normalize import normalize
from rasd.arabic.tokens import Tokenizer, clitic_splits


def analyse(text: str, tokenizer: Tokenizer | None = None) -> list[tuple[str, str, str]]:
    tok = tokenizer or Tokenizer()
    norm = normalize(text)
    return [(text[t.start : t.end], t.prefix, t.stem) for t in tok(norm)]


def test_proclitics_are_peeled_from_known_words() -> None:
    result = analyse("بهجين لقسد والتحالف للتنظيم")
    assert result == [
        ("بهجين", "ب", "هجين"),
        ("لقسد", "ل", "قسد"),
        ("والتحالف", "و", "التحالف"),
        ("للتنظيم", "ل", "التنظيم"),
    ]


def test_unknown_words_with_article_after_a_proclitic_are_still_split() -> None:
    [(_, prefix, stem)] = analyse("وبالمستودعات")
    assert (prefix, stem) == ("وب", "المستودعات")


def test_words_that_only_look_prefixed_stay_whole() -> None:
    # وليد, بلدة and كتائب start with proclitic letters but are words themselves.
    assert [p for _, p, _ in analyse("وليد بلدة كتائب")] == ["", "", ""]


def test_vocabulary_can_be_extended_by_later_stages() -> None:
    tokenizer = Tokenizer().extend(["أورينت"])
    assert analyse("لأورينت", tokenizer) == [("لأورينت", "ل", "اورينت")]


def test_token_offsets_point_into_the_untouched_original() -> None:
    text = "قصفت قواتُ النظام بلدةَ الأتارب بـ٣ قذائف"
    tokens = Tokenizer()(normalize(text))
    assert [text[t.start : t.end] for t in tokens] == [
        "قصفت", "قواتُ", "النظام", "بلدةَ", "الأتارب", "بـ", "٣", "قذائف",
    ]
    stem_token = next(t for t in Tokenizer()(normalize("والتحالف")) if t.prefix)
    assert "والتحالف"[stem_token.stem_start :] == "التحالف"
    assert stem_token.base == "تحالف"


def test_all_splits_are_offered() -> None:
    assert ("وب", "الرقه") in clitic_splits("وبالرقه")
    assert ("ل", "التنظيم") in clitic_splits("للتنظيم")
    assert clitic_splits("قسد") == (("", "قسد"),)
