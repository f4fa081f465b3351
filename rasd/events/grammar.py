"""Sentence patterns of the events stage, built from the words in ``triggers.yaml``.

The patterns are small grammars (a verb of coming, up to three words, then «بعد»);
their words are data, kept in the ``grammar`` section of the lexicon, so that a
reviewer reads and extends them there. They run over the original text, where a
word may carry short vowels or a tatweel, so each letter may be followed by them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rasd.arabic.normalize import MARKS

# what may follow a letter in the original text: the marks normalization drops
_MARKS = "[" + "".join(re.escape(c) for c in sorted(MARKS)) + "]*"


def _loose(word: str) -> str:
    """A word as a regex that lets short vowels, tatweel and other marks follow each
    letter."""
    parts = []
    for ch in word:
        if ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(ch) + (_MARKS if "\u0621" <= ch <= "\u064a" else ""))
    return "".join(parts)


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(_loose(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class Grammar:
    since_start: re.Pattern[str]  # «منذ بدء الحرب»، «منذ دخول الاتفاق»
    scene: re.Pattern[str]        # «وفي مدينة»: a sentence opening on its town
    road_start: re.Pattern[str]   # «على طريق»، «الطريق بين»: before a road's first town
    road_end: re.Pattern[str]     # «–» or «و» between a road's two towns
    comes_after: re.Pattern[str]  # «وتأتي العملية بعد»: today's news placed after another
    toll_of: re.Pattern[str]      # «حصيلة الشهداء إلى»: whose count a bare figure is
    died_after: re.Pattern[str]   # «خمسة أشخاص ... قُتلوا»: a plural verb after a count

    @classmethod
    def from_words(cls, g: Mapping[str, list[str]]) -> Grammar:
        def alt(key: str) -> str:
            words = g.get(key) or []
            return _alt(words) if words else "(?!x)x"  # a list left out matches nothing

        optional_and = "(?:و|ف)?"
        return cls(
            since_start=re.compile(rf"(?<!\w){optional_and}{alt('since')}\s+(?:\S+\s+)?"
                                   rf"{alt('since_start')}(?!\w)"),
            scene=re.compile(rf"\s*{optional_and}{alt('in')}\s+(?:{alt('scene_places')}\s+)?$"),
            road_start=re.compile(rf"{alt('road')}(?:\s+\S+){{0,2}}?\s+(?:{alt('between')}\s+)?"
                                  rf"(?:{alt('towns')}\s+)?$"),
            road_end=re.compile(rf"\s*[–—\-]\s*|\s+و\s*(?:{alt('towns')}\s+)?"),
            comes_after=re.compile(rf"\s*{optional_and}{alt('coming')}\s+(?:\S+\s+){{0,3}}?"
                                   rf"(?P<after>{alt('after')})(?!\w)"),
            toll_of=re.compile(rf"{alt('count_nouns')}\s+(?:(?P<dead>{alt('dead')})|"
                               rf"(?P<hurt>{alt('hurt')}))\s+(?:\S+\s+){{0,3}}?{alt('to')}\s*$"),
            died_after=re.compile(rf"^[^.،؛\d]{{0,45}}?(?<!\w)(?P<verb>{alt('died')})(?!\w)"),
        )
