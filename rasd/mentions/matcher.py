"""Clitic-aware multi-pattern matching of lexicon phrases over normalized text.

Names are matched in the matching form of the text (see
``rasd.arabic.normalize.MATCH_CONFIG``) with an Aho-Corasick automaton, so a
lexicon of thousands of aliases costs one pass per article. A match counts
only on word boundaries, where the word may carry proclitics: بنيران قسد,
لقسد, والتحالف, and للتحالف (ل + التحالف with the article's alef elided).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from itertools import pairwise
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


@lru_cache(maxsize=8192)
def match_key(phrase: str) -> str:
    """The form a lexicon phrase is matched in (kept: rules ask for single words'
    forms article after article)."""
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


# A match as the scan makes it: ``Match``'s fields, in order, as a plain tuple.
_Hit = tuple[int, int, int, str, str, tuple[Any, ...]]
# What an automaton string stands for in one member: its slot, the lexicon key,
# whether the string is the key with the article's alef elided (لتحالف for
# التحالف), and the key's values. The member's proclitics and enclitics are
# looked up by slot: with no set in them, the automaton's tuples hold nothing the
# garbage collector need follow, and it leaves them out of its passes.
_Entry = tuple[int, str, bool, tuple[Any, ...]]


class SharedScan:
    """One Aho-Corasick automaton over the strings of several matchers.

    An article is matched against some forty lexicons, all on the same
    matching form; scanning it once for all of them and handing each matcher
    its own matches costs a fraction of forty scans. Where a string ends and
    what word it sits in are worked out once for every lexicon that lists it.
    The matches of the last text are kept (the text itself is the cache key,
    by identity).
    """

    def __init__(self, members: Sequence[PhraseMatcher[Any]]) -> None:
        self._members = list(members)
        # Built on first use: matchers are regrouped as stages are put together.
        self._automaton: Any = None
        self._max_prefix = max((m.max_prefix for m in self._members), default=0)
        self._last: tuple[str, list[list[_Hit]]] | None = None
        self._proclitics: list[frozenset[str]] = []
        self._enclitics: list[frozenset[str]] = []

    def _build(self) -> Any:
        combined: dict[str, tuple[list[_Entry], list[_Entry]]] = {}
        for slot, member in enumerate(self._members):
            for string, (key, elided, values) in member.entries.items():
                anywhere, bounded = combined.setdefault(string, ([], []))
                (anywhere if member.anywhere else bounded).append((slot, key, elided, values))
        self._proclitics = [member.proclitics for member in self._members]
        self._enclitics = [member.enclitics for member in self._members]
        automaton = ahocorasick.Automaton()
        for string, (anywhere, bounded) in combined.items():
            # With the enclitics any member lets the string carry (few: a tuple), a
            # string that ends inside a word is passed over before its word is looked at.
            suffixes = tuple(sorted(set().union(*(self._enclitics[e[0]] for e in bounded))))
            automaton.add_word(string, (len(string), tuple(anywhere), tuple(bounded), suffixes))
        if combined:
            automaton.make_automaton()
        return automaton

    def _scan(self, text: str) -> list[list[_Hit]]:
        """Every member's matches in ``text``, in the automaton's order (by end)."""
        if self._automaton is None:
            self._automaton = self._build()
        found: list[list[_Hit]] = [[] for _ in self._members]
        if not len(self._automaton):
            return found
        length = len(text)
        max_prefix = self._max_prefix
        word_chars = _WORD_CHARS.match
        proclitics_of, enclitics_of = self._proclitics, self._enclitics
        for last, (size, anywhere, bounded, suffixes) in self._automaton.iter(text):
            end = last + 1
            start = end - size  # an elided string starts after its ل
            if anywhere:
                for slot, key, _, values in anywhere:
                    found[slot].append((start, end, start, "", key, values))
                if not bounded:
                    continue
            # A string ending inside a word counts only before an enclitic (is_word_char,
            # inlined: this runs for every string found).
            tail = None
            if end < length and ((ch := text[end]).isalnum() or ch == "_"):
                if not suffixes:
                    continue
                tail = word_chars(text, end).group()  # type: ignore[union-attr]
                if tail not in suffixes:
                    continue
            # Back to the start of the word: what lies between is the proclitics.
            word_start = start
            while word_start > 0 and ((ch := text[word_start - 1]).isalnum() or ch == "_"):
                word_start -= 1
                if start - word_start > max_prefix:
                    break  # longer than any proclitic: inside a word
            else:
                prefix = text[word_start:start]
                for slot, key, elided, values in bounded:
                    if tail is not None and tail not in enclitics_of[slot]:
                        continue
                    if elided and not prefix.endswith("ل"):
                        continue
                    if prefix not in proclitics_of[slot]:
                        continue
                    found[slot].append((start, end, word_start, prefix, key, values))
        return found

    def hits(self, text: str, slot: int) -> list[_Hit]:
        """The matches of member ``slot`` in ``text``, in the automaton's order; the
        list is shared, not to be changed."""
        last = self._last  # read once: another thread may replace it
        if last is None or last[0] is not text:
            last = self._last = (text, self._scan(text))
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


def _longest_first(hit: _Hit) -> tuple[int, int]:
    return hit[0] - hit[1], hit[0]


# ``Match._make`` without its length check, which a Python-level call makes costly:
# the scan's tuples have Match's fields by construction.
_make_match: Callable[[_Hit], Match[Any]] = partial(tuple.__new__, Match)


class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases in text; each phrase carries one or more values."""

    anywhere = False  # found inside words too (``SubstringMatcher``)

    def __init__(self, phrases: Iterable[tuple[str, T]],
                 proclitics: frozenset[str] = _PROCLITICS,
                 enclitics: frozenset[str] = frozenset()) -> None:
        self.proclitics = proclitics
        self.max_prefix = max(map(len, proclitics), default=0)
        # Pronoun suffixes a word may carry (قصفها، اعتقاله); names take none.
        self.enclitics = enclitics
        table: dict[str, list[T]] = {}
        for phrase, value in phrases:
            key = match_key(phrase)
            if len(key) < 2:
                continue
            table.setdefault(key, []).append(value)
        # The strings to look for, each with what it stands for: the key, whether
        # the string is the key with its alef elided, and the key's values.
        self.entries: dict[str, tuple[str, bool, tuple[T, ...]]] = {}
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

    def find_all(self, text: str) -> list[Match[T]]:
        """Every boundary-respecting match, overlapping ones included."""
        return [_make_match(hit) for hit in self.scan.hits(text, self.slot)]

    def find_all_tuples(self, text: str) -> list[tuple[int, int, int, str, str, tuple[T, ...]]]:
        """``find_all``'s matches as plain tuples of ``Match``'s fields (the list is
        shared, not to be changed)."""
        return self.scan.hits(text, self.slot)

    def find(self, text: str) -> list[Match[T]]:
        """Longest matches first, then leftmost, without overlaps, in text order."""
        return [_make_match(hit) for hit in self.find_tuples(text)]

    def find_tuples(self, text: str) -> list[tuple[int, int, int, str, str, tuple[T, ...]]]:
        """``find``'s matches as plain tuples of ``Match``'s fields, for callers that
        read many and keep none (the list may be shared, not to be changed)."""
        hits = self.scan.hits(text, self.slot)
        # The scan gives matches by end: when none reaches into the next, none
        # overlaps another, and text order is that order (most articles, most lexicons).
        if len(hits) < 2 or all(a[1] <= b[2] for a, b in pairwise(hits)):
            return hits
        chosen = []
        taken = bytearray(len(text) + 1)
        for hit in sorted(hits, key=_longest_first):
            word_start, end = hit[2], hit[1]
            if taken.find(1, word_start, end) >= 0:
                continue
            taken[word_start:end] = b"\x01" * (end - word_start)
            chosen.append(hit)
        chosen.sort(key=itemgetter(0))
        return chosen


class SubstringMatcher(PhraseMatcher[T]):
    """Finds strings of the matching form wherever they are, inside words too, as a
    regex search of them would; in the scan other lexicons share."""

    anywhere = True

    def __init__(self, strings: Iterable[tuple[str, T]]) -> None:
        super().__init__((), proclitics=frozenset({""}))
        table: dict[str, list[T]] = {}
        for string, value in strings:
            if string:
                table.setdefault(string, []).append(value)
        self.entries = {string: (string, False, tuple(values))
                        for string, values in table.items()}
        self.size = len(table)
