"""Clitic-aware multi-pattern matching of lexicon phrases over normalized text.

Names are matched in the matching form of the text (see
``rasd.arabic.normalize.MATCH_CONFIG``) with an Aho-Corasick automaton, so a
lexicon of thousands of aliases costs one pass per article. A match counts
only on word boundaries, where the word may carry proclitics: بنيران قسد,
لقسد, والتحالف, and للتحالف (ل + التحالف with the article's alef elided).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

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


# ``\w`` is exactly ``is_word_char``: alphanumeric (str.isalnum) or the underscore.
_WORD_CHARS = re.compile(r"\w+")


def match_key(phrase: str) -> str:
    """The form a lexicon phrase is matched in."""
    return normalize(phrase, MATCH_CONFIG).text.strip()


class Match(NamedTuple, Generic[T]):
    """A phrase found at ``[start, end)`` of the normalized text.

    ``word_start`` includes the proclitics; ``prefix`` is them.
    """

    start: int
    end: int
    word_start: int
    prefix: str
    key: str
    values: tuple[T, ...]


# What an automaton string stands for: the lexicon key, whether it is the key
# with the article's alef elided (لتحالف for التحالف), and the key's values.
_Entry = tuple[str, bool, tuple[Any, ...]]
# A raw hit: the index of its last character, and its entry.
_Hit = tuple[int, _Entry]


class SharedScan:
    """One Aho-Corasick automaton over the strings of several matchers.

    An article is matched against some thirty lexicons, all on the same
    matching form; scanning it once for all of them and handing each matcher
    its own hits costs a fraction of thirty scans. The hits of the last text
    are kept (the text itself is the cache key, by identity).
    """

    def __init__(self, members: Sequence[PhraseMatcher[Any]]) -> None:
        self._entries = [member.entries for member in members]
        # Built on first use: matchers are regrouped as stages are put together.
        self._automaton: Any = None
        self._last: tuple[str, list[list[_Hit]]] | None = None

    def _build(self) -> Any:
        combined: dict[str, list[tuple[int, _Entry]]] = {}
        for slot, entries in enumerate(self._entries):
            for string, entry in entries.items():
                combined.setdefault(string, []).append((slot, entry))
        automaton = ahocorasick.Automaton()
        for string, found in combined.items():
            automaton.add_word(string, tuple(found))
        if combined:
            automaton.make_automaton()
        return automaton

    def hits(self, text: str, slot: int) -> list[_Hit]:
        """The raw hits of member ``slot`` in ``text``, in the automaton's order."""
        last = self._last  # read once: another thread may replace it
        if last is None or last[0] is not text:
            if self._automaton is None:
                self._automaton = self._build()
            found: list[list[_Hit]] = [[] for _ in self._entries]
            if len(self._automaton):
                for end, entries in self._automaton.iter(text):
                    for member, entry in entries:
                        found[member].append((end, entry))
            last = self._last = (text, found)
        return last[1][slot]

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_last": None}


def share_scan(matchers: Iterable[PhraseMatcher[Any]]) -> SharedScan:
    """Make ``matchers`` scan each text together, in one automaton pass."""
    members = list(dict.fromkeys(matchers))
    scan = SharedScan(members)
    for slot, member in enumerate(members):
        member.scan, member.slot = scan, slot
    return scan


def _longest_first(hit: tuple[int, int, int, str, str, tuple[Any, ...]]) -> tuple[int, int]:
    return hit[0] - hit[1], hit[0]


class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases in text; each phrase carries one or more values."""

    def __init__(self, phrases: Iterable[tuple[str, T]],
                 proclitics: frozenset[str] = _PROCLITICS,
                 enclitics: frozenset[str] = frozenset()) -> None:
        self.proclitics = proclitics
        self._max_prefix = max(map(len, proclitics), default=0)
        # Pronoun suffixes a word may carry (قصفها، اعتقاله); names take none.
        self.enclitics = enclitics
        table: dict[str, list[T]] = {}
        for phrase, value in phrases:
            key = match_key(phrase)
            if len(key) < 2:
                continue
            table.setdefault(key, []).append(value)
        # The strings to look for, each with what it stands for.
        self.entries: dict[str, _Entry] = {}
        for key, values in table.items():
            self.entries[key] = (key, False, tuple(values))
            if key.startswith("ال") and len(key) > 3:
                # للتحالف: ل + التحالف; the automaton sees لتحالف after a ل.
                elided = key[1:]
                if elided not in table:
                    self.entries[elided] = (key, True, tuple(values))
        self.size = len(table)
        self.scan = SharedScan([self])
        self.slot = 0

    def _hits(self, text: str) -> list[tuple[int, int, int, str, str, tuple[T, ...]]]:
        """``find_all``'s matches as plain tuples, in the same order."""
        if not self.size:
            return []
        found: list[tuple[int, int, int, str, str, tuple[T, ...]]] = []
        length = len(text)
        proclitics, enclitics, max_prefix = self.proclitics, self.enclitics, self._max_prefix
        for last, (key, elided, values) in self.scan.hits(text, self.slot):
            end = last + 1
            start = end - (len(key) - 1 if elided else len(key))
            if end < length and ((ch := text[end]).isalnum() or ch == "_"):
                tail = _WORD_CHARS.match(text, end)
                if tail is None or tail.group() not in enclitics:
                    continue
            # Back to the start of the word (is_word_char, inlined: this runs for
            # every hit of every lexicon).
            word_start = start
            while word_start > 0 and ((ch := text[word_start - 1]).isalnum() or ch == "_"):
                word_start -= 1
                if start - word_start > max_prefix:
                    break  # longer than any proclitic: inside a word
            prefix = text[word_start:start]
            if elided and not prefix.endswith("ل"):
                continue
            if prefix not in proclitics:
                continue
            found.append((start, end, word_start, prefix, key, values))
        return found

    def find_all(self, text: str) -> list[Match[T]]:
        """Every boundary-respecting match, overlapping ones included."""
        return [Match(*hit) for hit in self._hits(text)]

    def find(self, text: str) -> list[Match[T]]:
        """Longest matches first, then leftmost, without overlaps, in text order."""
        hits = self._hits(text)
        if not hits:
            return []
        hits.sort(key=_longest_first)
        chosen = []
        taken = bytearray(len(text) + 1)
        for hit in hits:
            word_start, end = hit[2], hit[1]
            if taken.find(1, word_start, end) >= 0:
                continue
            taken[word_start:end] = b"\x01" * (end - word_start)
            chosen.append(hit)
        chosen.sort(key=itemgetter(0))
        return [Match(*hit) for hit in chosen]
