"""Clitic-aware multi-pattern matching of lexicon phrases over normalized text.

Names are matched in the matching form of the text (see
``rasd.arabic.normalize.MATCH_CONFIG``) with an Aho-Corasick automaton, so a
lexicon of thousands of aliases costs one pass per article. A match counts
only on word boundaries, where the word may carry proclitics: بنيران قسد,
لقسد, والتحالف, and للتحالف (ل + التحالف with the article's alef elided).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

from rasd.arabic.normalize import MATCH_CONFIG, normalize

T = TypeVar("T")

_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
# Place names take و ف ب ل but rarely ك, and ك + a short name is too often a
# word (كبيرة is not ك + بيرة).
PLACE_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})
# Common nouns and verbs (event triggers) also take the article: بالقذائف، والاشتباكات.
TRIGGER_PROCLITICS = _PROCLITICS | {p + "ال" for p in _PROCLITICS} | {"لل", "ولل", "فلل"}
# Object and possessive pronouns attached to verbs and verbal nouns, and the
# accusative ending. Not ه:
# in the matching form ة is ه too, and سيطرة is not سيطر + ه; nor ي (قتلى).
ENCLITICS = frozenset({"ها", "هم", "هما", "هن", "نا", "كم", "وا", "تها", "تهم",
                       "ا"})  # the accusative ending: قصفا، تفجيرا، كمينا


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def match_key(phrase: str) -> str:
    """The form a lexicon phrase is matched in."""
    return normalize(phrase, MATCH_CONFIG).text.strip()


@dataclass(frozen=True)
class Match(Generic[T]):
    """A phrase found at ``[start, end)`` of the normalized text.

    ``word_start`` includes the proclitics; ``prefix`` is them.
    """

    start: int
    end: int
    word_start: int
    prefix: str
    key: str
    values: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases in text; each phrase carries one or more values."""

    def __init__(self, phrases: Iterable[tuple[str, T]],
                 proclitics: frozenset[str] = _PROCLITICS,
                 enclitics: frozenset[str] = frozenset()) -> None:
        self.proclitics = proclitics
        # Pronoun suffixes a word may carry (قصفها، اعتقاله); names take none.
        self.enclitics = enclitics
        table: dict[str, list[T]] = {}
        for phrase, value in phrases:
            key = match_key(phrase)
            if len(key) < 2:
                continue
            table.setdefault(key, []).append(value)
        self._automaton = ahocorasick.Automaton()
        for key, values in table.items():
            self._automaton.add_word(key, (key, False, tuple(values)))
            if key.startswith("ال") and len(key) > 3:
                # للتحالف: ل + التحالف; the automaton sees لتحالف after a ل.
                elided = key[1:]
                if elided not in table:
                    self._automaton.add_word(elided, (key, True, tuple(values)))
        self.size = len(table)
        if self.size:
            self._automaton.make_automaton()

    def _prefix(self, text: str, start: int, elided: bool) -> tuple[int, str] | None:
        word_start = start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        prefix = text[word_start:start]
        if elided and not prefix.endswith("ل"):
            return None
        if prefix not in self.proclitics:
            return None
        return word_start, prefix

    def find_all(self, text: str) -> list[Match[T]]:
        """Every boundary-respecting match, overlapping ones included."""
        if not self.size:
            return []
        found: list[Match[T]] = []
        for last, (key, elided, values) in self._automaton.iter(text):
            length = len(key) - 1 if elided else len(key)
            start = last - length + 1
            end = last + 1
            if end < len(text) and is_word_char(text[end]):
                tail_end = end
                while tail_end < len(text) and is_word_char(text[tail_end]):
                    tail_end += 1
                if text[end:tail_end] not in self.enclitics:
                    continue
            located = self._prefix(text, start, elided)
            if located is None:
                continue
            word_start, prefix = located
            found.append(Match(start, end, word_start, prefix, key, values))
        return found

    def find(self, text: str) -> list[Match[T]]:
        """Longest matches first, then leftmost, without overlaps, in text order."""
        chosen: list[Match[T]] = []
        taken = bytearray(len(text) + 1)
        for match in sorted(self.find_all(text), key=lambda m: (-(m.end - m.start), m.start)):
            if any(taken[match.word_start : match.end]):
                continue
            taken[match.word_start : match.end] = b"\x01" * (match.end - match.word_start)
            chosen.append(match)
        return sorted(chosen, key=lambda m: m.start)
