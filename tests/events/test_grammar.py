from __future__ import annotations

from rasd.events.lexicon import EventLexicon

GRAMMAR = EventLexicon.load().grammar


def test_the_patterns_read_their_words_from_the_lexicon_and_allow_short_vowels() -> None:
    assert GRAMMAR.since_start.search("ارتفعت الحصيلة منذ بدء الحرب إلى 500")
    assert GRAMMAR.comes_after.match("وتأتي العملية بعد ثلاثة أسابيع من التفجير")["after"] == "بعد"
    assert GRAMMAR.scene.fullmatch("وفي مدينة ")
    assert GRAMMAR.died_after.match(" من عائلة واحدة قُتِلُوا مساء أمس")
    found = GRAMMAR.toll_of.search("ارتفاع حصيلة الشهداء إلى ")
    assert found is not None and found["dead"]
    assert GRAMMAR.road_start.search("على الطريق الواصل بين ")
    assert not GRAMMAR.died_after.match(" من عائلة واحدة نجوا")
