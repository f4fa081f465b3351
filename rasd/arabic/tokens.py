"""Tokens with clitic analysis, keeping offsets into the original text.

Arabic attaches conjunctions, prepositions and the article to the word they
govern: بهجين is ب + هجين, لقسد is ل + قسد, والتحالف is و + التحالف, and
للتنظيم is ل + (ا)لتنظيم with the article's alef elided. Off-the-shelf
tokenizers either leave these joined or need a full morphological analyzer
(and its model files); news entity matching needs only the proclitics, so we
peel them here: a split is taken where the remainder is a known word, and
every possible split is kept for later stages that know more words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from rasd.arabic.normalize import MARKS, NormalizedText, extend_over_marks, normalize_key
from rasd.data import load_wordlist

_WORD = re.compile(r"[\u0621-\u064A\u066E-\u06D3]+|[A-Za-z\u00C0-\u024F]+|\d+(?:[.,]\d+)*|\S")
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_MIN_STEM = 2
_ARTICLE = "ال"


class Token(NamedTuple):
    """One token: original span, matching form, and its proclitic analysis.

    ``prefix`` is the peeled proclitics (``وب``), ``stem`` the remainder with
    any article (``الرقه``), ``base`` the stem without the article (``رقه``).
    ``candidates`` lists every (prefix, stem) split the letters allow.
    """

    start: int
    end: int
    norm_start: int
    norm_end: int
    text: str
    prefix: str
    stem: str
    base: str
    stem_start: int
    candidates: tuple[tuple[str, str], ...]

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def _strip_article(stem: str) -> str:
    if stem.startswith(_ARTICLE) and len(stem) - 2 >= _MIN_STEM:
        return stem[2:]
    return stem


def clitic_splits(word: str) -> tuple[tuple[str, str], ...]:
    """All (proclitics, stem) splits of ``word``, unsplit first."""
    splits: list[tuple[str, str]] = [("", word)]
    for conj in _CONJ:
        for prep in _PREP:
            prefix = conj + prep
            if not prefix or not word.startswith(prefix):
                continue
            rest = word[len(prefix) :]
            if prep == "ل" and rest.startswith("ل") and len(rest) > _MIN_STEM:
                splits.append((prefix, "ا" + rest))  # لل: the article's alef elided
            if len(rest) >= _MIN_STEM:
                splits.append((prefix, rest))
    return tuple(splits)


class Tokenizer:
    """Splits normalized text into clitic-analysed tokens.

    ``vocabulary`` holds matching forms of known words; later stages pass
    their lexicons' forms in so that their names are peeled correctly.
    """

    def __init__(self, vocabulary: Iterable[str] | None = None) -> None:
        words = load_wordlist("vocabulary.txt") if vocabulary is None else vocabulary
        self.vocabulary = frozenset(normalize_key(w) for w in words)
        # News vocabulary repeats; the analysis of a word depends only on it.
        self._cache: dict[str, tuple[str, str, tuple[tuple[str, str], ...]]] = {}

    def extend(self, words: Iterable[str]) -> Tokenizer:
        """A tokenizer that also knows ``words``."""
        return Tokenizer(self.vocabulary | {normalize_key(w) for w in words})

    def _known(self, stem: str) -> bool:
        return stem in self.vocabulary or _strip_article(stem) in self.vocabulary

    def analyse(self, word: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """Choose a split of ``word``: the longest-prefixed known stem.

        With no known stem, a proclitic followed by the article (وال، بال،
        لل…) is still split, since such words are almost never unprefixed.
        """
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result = self._analyse(word)
        if len(self._cache) < 200_000:
            self._cache[word] = result
        return result

    def _analyse(self, word: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        splits = clitic_splits(word)
        if len(splits) == 1 or word in self.vocabulary:
            return "", word, splits
        for prefix, stem in sorted(splits[1:], key=lambda s: -len(s[0])):
            if self._known(stem):
                return prefix, stem, splits
        for prefix, stem in sorted(splits[1:], key=lambda s: -len(s[0])):
            if stem.startswith(_ARTICLE) and len(stem) >= 2 + 3:
                return prefix, stem, splits
        return "", word, splits

    def __call__(self, norm: NormalizedText) -> list[Token]:
        tokens: list[Token] = []
        original, starts, ends = norm.original, norm.starts, norm.ends
        size = len(original)
        plain: dict[str, tuple[str, str, str, tuple[tuple[str, str], ...]]] = {}
        for match in _WORD.finditer(norm.text):
            nstart, nend = match.span()
            word = match.group()
            ostart = starts[nstart]
            oend = ends[nend - 1]
            if oend < size and original[oend] in MARKS:
                oend = extend_over_marks(original, oend)
            analysis = plain.get(word)
            if analysis is None:
                if word[0].isalpha() and not word.isascii():
                    prefix, stem, splits = self.analyse(word)
                else:
                    prefix, stem, splits = "", word, (("", word),)
                analysis = plain[word] = (prefix, stem, _strip_article(stem), splits)
            prefix, stem, base, splits = analysis
            stem_start = starts[nstart + len(prefix)] if prefix else ostart
            tokens.append(Token(ostart, oend, nstart, nend, word, prefix, stem, base, stem_start,
                                splits))
        return tokens
