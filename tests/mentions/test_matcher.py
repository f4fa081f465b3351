from __future__ import annotations

from rasd.mentions.matcher import PhraseMatcher, SubstringMatcher, share_scan


def test_substrings_are_found_inside_words_and_in_a_shared_scan() -> None:
    text = "وصباح اليوم قصفت الجيش بلدة يومية"
    alone = SubstringMatcher([("يوم", "day"), ("صباح", "part")])
    found = [(m.start, m.end, m.values) for m in alone.find_all(text)]
    assert found == [(1, 5, ("part",)), (8, 11, ("day",)), (28, 31, ("day",))]
    words = PhraseMatcher([("اليوم", "today"), ("الجيش", "artillery")])
    share_scan([words, alone])
    assert [(m.start, m.end, m.values) for m in alone.find_all(text)] == found
    assert [(m.key, m.prefix) for m in words.find(text)] == [("اليوم", ""), ("الجيش", "")]


def test_overlapping_matches_keep_the_longest() -> None:
    matcher = PhraseMatcher([("دير الزور", "place"), ("الزور", "other"), ("ريف دير", "x")])
    text = "في ريف دير الزور الشرقي"
    assert [m.key for m in matcher.find(text)] == ["دير الزور"]
    assert [m.key for m in matcher.find_all(text)] == ["ريف دير", "دير الزور", "الزور"]
