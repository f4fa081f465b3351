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
from collections.abc import Callable, Iterable
from functools import partial
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


# ``Token(...)`` without NamedTuple's Python-level ``__new__``: a tokenizer makes
# hundreds per article, and the fields are given in order by construction.
_new_token: Callable[[tuple[object, ...]], Token] = partial(tuple.__new__, Token)
# A word's analysis as a token carries it: prefix, stem, base and the splits.
_Analysis = tuple[str, str, str, tuple[tuple[str, str], ...]]
# A token of a run of text between spaces: its span in the run, its text, its analysis.
_Piece = tuple[int, int, str, str, str, str, tuple[tuple[str, str], ...]]


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
        # ... and the tokens of a run of text between spaces on it.
        self._chunks: dict[str, tuple[_Piece, ...]] = {}

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

    def _token_analysis(self, word: str) -> _Analysis:
        """What a token of ``word`` carries besides its offsets."""
        if word[0].isalpha() and not word.isascii():
            prefix, stem, splits = self.analyse(word)
        else:
            prefix, stem, splits = "", word, (("", word),)
        return prefix, stem, _strip_article(stem), splits

    def _read(self, chunk: str) -> tuple[_Piece, ...]:
        """The tokens of ``chunk`` as pieces, offsets relative to it."""
        return tuple((*match.span(), match.group(), *self._token_analysis(match.group()))
                     for match in _WORD.finditer(chunk))

    def _pieces(self, chunk: str) -> tuple[_Piece, ...]:
        """The pieces of a run of text without whitespace, kept for the next time:
        news text repeats its words and the punctuation on them."""
        pieces = self._read(chunk)
        if len(self._chunks) < 100_000:
            self._chunks[chunk] = pieces
        return pieces

    def __call__(self, norm: NormalizedText) -> list[Token]:
        text = norm.text
        chunks = text.split()
        if not chunks:
            return []
        # A token never spans whitespace, so the text's tokens are those of its
        # whitespace-free runs, each run's read once and kept. Their offsets follow
        # from their lengths when single whitespace characters part them, as in a
        # form with collapsed whitespace; other text is read match by match.
        if sum(map(len, chunks)) + len(chunks) - 1 != len(text):
            chunks = [text]
            pieces_of = {text: self._read(text)}.get
        else:
            pieces_of = self._chunks.get
        tokens: list[Token] = []
        append, new = tokens.append, _new_token
        original, starts, ends = norm.original, norm.starts, norm.ends
        size = len(original)
        pos = 0
        for chunk in chunks:
            for a, b, word, prefix, stem, base, splits in (pieces_of(chunk)
                                                           or self._pieces(chunk)):
                nstart = pos + a
                ostart = starts[nstart]
                oend = ends[pos + b - 1]
                if oend < size and original[oend] in MARKS:
                    oend = extend_over_marks(original, oend)
                append(new((ostart, oend, nstart, pos + b, word, prefix, stem, base,
                            starts[nstart + len(prefix)] if prefix else ostart, splits)))
            pos += len(chunk) + 1
        return tokens
