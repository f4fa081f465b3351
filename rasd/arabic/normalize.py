"""A matching form of Arabic text, with an exact map back to the original.

The original string is never changed. ``normalize`` returns a
``NormalizedText`` whose every character knows the span of original text it
came from, so a match found in the normalized form can be shown, highlighted
and cited in the original.

We write this ourselves rather than use a normalizer from a library because
none we know keeps an offset map, and spans into the untouched text are the
contract every later stage relies on.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

# Harakat, shadda, sukun, superscript alef, Quranic annotation marks.
_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
_DIACRITICS |= {chr(c) for c in range(0x06D6, 0x06DD)} | {chr(c) for c in range(0x06DF, 0x06E9)}
_DIACRITICS |= {chr(c) for c in range(0x06EA, 0x06EE)} | {chr(c) for c in range(0x0610, 0x061B)}
_TATWEEL = "\u0640"
# Zero-width and bidi controls, BOM, soft hyphen, Arabic letter mark.
_INVISIBLE = {chr(c) for c in range(0x200B, 0x2010)} | {chr(c) for c in range(0x202A, 0x202F)}
_INVISIBLE |= {chr(c) for c in range(0x2066, 0x206A)} | {"\ufeff", "\u00ad", "\u061c", "\u2060"}
_ALEFS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_DIGITS |= {chr(0x06F0 + i): str(i) for i in range(10)}
_DOUBLE_QUOTES = "\"“”„‟«»″‶〝〞＂"
_SINGLE_QUOTES = "‘’‚‛‹›′`"
_DASHES = "‐‑‒–—―−"


@dataclass(frozen=True)
class NormalizeConfig:
    """Which equivalences the matching form applies; all on by default."""

    alef: bool = True
    alef_maqsura: bool = True  # ى → ي
    ta_marbuta: bool = True  # ة → ه
    hamza_seats: bool = True  # ؤ → و, ئ → ي
    digits: bool = True
    quotes: bool = True
    dashes: bool = True
    casefold_latin: bool = True
    collapse_space: bool = True
    # For lexicon matching: names are written with and without quote marks
    # (ميليشيا "قسد") and hyphens (آل-دقلو), so these can be dropped.
    drop_quotes: bool = False
    dash_as_space: bool = False


DEFAULT_CONFIG = NormalizeConfig()
MATCH_CONFIG = NormalizeConfig(drop_quotes=True, dash_as_space=True)


@lru_cache(maxsize=8)
def _table(config: NormalizeConfig) -> dict[str, str]:
    """Character → replacement ('' deletes). Whitespace is handled apart."""
    table: dict[str, str] = {}
    for ch in _DIACRITICS | _INVISIBLE | {_TATWEEL}:
        table[ch] = ""
    if config.alef:
        table.update(_ALEFS)
    table.update({"ک": "ك", "ی": "ي", "ۀ": "ه", "ە": "ه"})
    if config.alef_maqsura:
        table["ى"] = "ي"
        table["ی"] = "ي"
    if config.ta_marbuta:
        table["ة"] = "ه"
        table["ۀ"] = "ه"
    if config.hamza_seats:
        table["ؤ"] = "و"
        table["ئ"] = "ي"
    if config.digits:
        table.update(_DIGITS)
        table["٫"] = "."
        table["٬"] = ","
    if config.quotes:
        table.update({q: '"' for q in _DOUBLE_QUOTES})
        table.update({q: "'" for q in _SINGLE_QUOTES})
    if config.dashes:
        table.update({d: "-" for d in _DASHES})
    if config.drop_quotes:
        table.update({q: "" for q in _DOUBLE_QUOTES + _SINGLE_QUOTES})
    if config.dash_as_space:
        table.update({d: " " for d in _DASHES + "-_"})
    return table


@dataclass(frozen=True)
class NormalizedText:
    """The matching form of ``original`` with per-character source spans.

    ``starts[i]``/``ends[i]`` give the original span that produced normalized
    character ``i``. They are non-decreasing, which makes both directions of
    mapping a binary search.
    """

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    # The equivalences applied; not data: two forms are equal by their text and map.
    config: NormalizeConfig = field(default=DEFAULT_CONFIG, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalized span ``[start, end)``."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside 0:{len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def from_original(self, start: int, end: int) -> tuple[int, int]:
        """Smallest normalized span covering what survives of ``[start, end)``."""
        if not 0 <= start <= end <= len(self.original):
            raise IndexError(f"span {start}:{end} outside 0:{len(self.original)}")
        if start == end:
            pos = bisect_left(self.starts, start)
            return pos, pos
        return bisect_left(self.ends, start + 1), bisect_right(self.starts, end - 1)

    def original_slice(self, start: int, end: int) -> str:
        ostart, oend = self.to_original(start, end)
        return self.original[ostart:oend]


def _expand(ch: str, table: dict[str, str], config: NormalizeConfig) -> str:
    """Replacement for characters outside the table: presentation forms, Latin."""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:
        decomposed = unicodedata.normalize("NFKC", ch)
        return "".join(table.get(c, c) for c in decomposed if c not in " ")
    if config.casefold_latin and ch.isascii() and ch.isupper():
        return ch.lower()
    if config.casefold_latin and "\u00c0" <= ch <= "\u024f":
        return unicodedata.normalize("NFKD", ch)[0].lower()
    return ch


def _is_space(ch: str, rep: str | None) -> bool:
    """Whether ``ch`` belongs to a whitespace run when spaces are collapsed."""
    return ch.isspace() or ch == "\u00a0" or rep == " "


# Code points ``_expand`` rewrites: presentation forms, and Latin when casefolded.
_EXPANDED = (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFD))
_LATIN = (range(ord("A"), ord("Z") + 1), range(0xC0, 0x250))


# What ``str.isspace`` (and the regex ``\\s``) calls whitespace, bar the space itself.
_WHITESPACE = frozenset(c for c in map(chr, range(sys.maxunicode + 1))
                        if c.isspace() and c != " ")


@dataclass(frozen=True)
class _Plan:
    """How ``normalize`` treats each character under one configuration.

    Most characters map to exactly one character (copied, or replaced one
    for one: أ → ا, ة → ه); those keep their offsets, so a run of them is
    copied in one piece after a length-preserving translation. Only the
    ``special`` ones (deleted, expanded, whitespace to collapse) are walked
    one by one.
    """

    special: re.Pattern[str]
    # One-for-one replacements applied with ``str.replace``; no target is a key.
    pairs: tuple[tuple[str, str], ...]
    # The rarer one-for-one replacements (Latin, presentation forms), by regex.
    rare: re.Pattern[str] | None
    rare_map: dict[str, str]

    def translate(self, text: str) -> str:
        """``text`` with every one-for-one replacement made; same length."""
        for key, rep in self.pairs:
            if key in text:
                text = text.replace(key, rep)
        if self.rare is not None and self.rare.search(text):
            rare_map = self.rare_map
            text = self.rare.sub(lambda m: rare_map[m.group()], text)
        return text


def _char_class(chars: set[str]) -> str:
    """A regex class body for ``chars`` written as ranges: a class listing
    hundreds of single characters is tested one by one and is slow."""
    codes = sorted(map(ord, chars))
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


@lru_cache(maxsize=8)
def _plan(config: NormalizeConfig) -> _Plan:
    table = _table(config)
    special: set[str] = set()
    pairs: dict[str, str] = {}
    for ch, rep in table.items():
        if len(rep) != 1 or (config.collapse_space and _is_space(ch, rep)):
            special.add(ch)
        elif rep != ch:
            pairs[ch] = rep
    rare_map: dict[str, str] = {}
    for block in _EXPANDED + (_LATIN if config.casefold_latin else ()):
        for code in block:
            ch = chr(code)
            if ch in table:
                continue
            rep = _expand(ch, table, config)
            if len(rep) != 1 or (config.collapse_space and _is_space(ch, None)):
                special.add(ch)
            elif rep != ch:
                rare_map[ch] = rep
    if any(rep in pairs or rep in rare_map for rep in (*pairs.values(), *rare_map.values())):
        raise ValueError("a replacement is itself replaced; str.replace order would matter")
    if config.collapse_space:
        # Single spaces are copied; other whitespace is collapsed, and so are
        # runs of spaces (found apart, by ``_space_runs``: an alternative in
        # this pattern would halve its speed).
        special |= _WHITESPACE
    # «C+» written «CC*»: a pattern that opens with a class is searched for by
    # testing the class alone at each position, not by a full match attempt there.
    pattern = f"[{_char_class(special)}][{_char_class(special)}]*"
    rare = f"[{_char_class(set(rare_map))}]" if rare_map else None
    return _Plan(re.compile(pattern), tuple(pairs.items()),
                 re.compile(rare) if rare else None, rare_map)


# Offsets as shared int objects: most of an offset map is runs of consecutive
# positions, and slicing this list is cheaper than making the ints anew.
_POSITIONS: list[int] = []
_MAX_SHARED = 1 << 17


def _positions(a: int, b: int) -> list[int] | range:
    """The positions ``a`` to ``b - 1``."""
    if b > len(_POSITIONS):
        if b > _MAX_SHARED:
            return range(a, b)
        _POSITIONS.extend(range(len(_POSITIONS), min(_MAX_SHARED, 2 * b)))
    return _POSITIONS[a:b]


def _copy(original: str, mapped: str, a: int, b: int, out: list[str], starts: list[int],
          ends: list[int], last_space: bool) -> bool:
    """Copy ``mapped[a:b]`` (``original[a:b]`` translated one for one); a leading
    space joins a run before it."""
    if original[a] == " " and (last_space or not starts):
        if last_space:
            ends[-1] = a + 1
        a += 1
        if a == b:
            return last_space
    out.append(mapped[a:b])
    starts.extend(_positions(a, b))
    ends.extend(_positions(a + 1, b + 1))
    return original[b - 1] == " "


def _space_runs(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """Runs of two or more spaces in ``text[a:b]``."""
    run = text.find("  ", a, b)
    while run >= 0:
        end = run + 2
        while end < b and text[end] == " ":
            end += 1
        yield run, end
        run = text.find("  ", end, b)


def _segments(text: str, plan: _Plan, collapse_space: bool) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` to walk character by character, in order."""
    if not collapse_space or "  " not in text:  # no run of spaces: the special ones alone
        for match in plan.special.finditer(text):
            yield match.span()
        return
    pos = 0
    for match in plan.special.finditer(text):
        start, end = match.span()
        if start > pos:
            yield from _space_runs(text, pos, start)
        yield start, end
        pos = end
    yield from _space_runs(text, pos, len(text))


def normalize(original: str, config: NormalizeConfig = DEFAULT_CONFIG) -> NormalizedText:
    """Return the matching form of ``original`` with its offset map."""
    table = _table(config)
    plan = _plan(config)
    mapped = plan.translate(original)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last_space = False  # the last piece out is a collapsed whitespace run
    pos = 0
    for seg_start, seg_end in _segments(original, plan, config.collapse_space):
        if seg_start > pos:
            last_space = _copy(original, mapped, pos, seg_start, out, starts, ends, last_space)
        for i in range(seg_start, seg_end):
            ch = original[i]
            rep = table.get(ch)
            if config.collapse_space and _is_space(ch, rep):
                newline = ch in "\n\r\u2028\u2029"
                if last_space:
                    ends[-1] = i + 1
                    if newline:
                        out[-1] = out[-1][:-1] + "\n"
                elif starts:
                    out.append("\n" if newline else " ")
                    starts.append(i)
                    ends.append(i + 1)
                    last_space = True
                continue
            if rep is None:
                rep = _expand(ch, table, config)
            if not rep:
                continue
            out.append(rep)
            starts.extend([i] * len(rep))
            ends.extend([i + 1] * len(rep))
            last_space = False
        pos = seg_end
    if pos < len(original):
        last_space = _copy(original, mapped, pos, len(original), out, starts, ends, last_space)
    if last_space and config.collapse_space:
        out[-1] = out[-1][:-1]
        starts.pop()
        ends.pop()
    return NormalizedText(original, "".join(out), tuple(starts), tuple(ends), config)


# What the matching form changes in the default one: the quote marks it drops,
# and the dashes, hyphen and underscore it reads as spaces.
_MATCH_CHANGES = re.compile(r"[\"'\-_]")


def renormalize(norm: NormalizedText, config: NormalizeConfig) -> NormalizedText:
    """``normalize(norm.original, config)``; from the default form to the matching
    form (the one every lexicon is matched in) without walking the original again:
    the two differ only where the default form has a quote mark, dash or underscore."""
    if norm.config == config:
        return norm
    if norm.config != DEFAULT_CONFIG or config != MATCH_CONFIG:
        return normalize(norm.original, config)
    text, original, nstarts, nends = norm.text, norm.original, norm.starts, norm.ends
    if _MATCH_CHANGES.search(text) is None:
        return NormalizedText(original, text, nstarts, nends, config)
    table = _table(config)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last_space = False  # as in ``normalize``: the last piece out is a whitespace run

    def copy(a: int, b: int) -> bool:
        """Copy ``text[a:b]``; a whitespace run opening it joins one before it."""
        first = text[a]
        if first in " \n" and (last_space or not starts):
            if last_space:
                ends[-1] = nends[a]
                if first == "\n":
                    out[-1] = out[-1][:-1] + "\n"
            a += 1
            if a == b:
                return last_space
        out.append(text[a:b])
        starts.extend(nstarts[a:b])
        ends.extend(nends[a:b])
        return text[b - 1] in " \n"

    pos = 0
    for found in _MATCH_CHANGES.finditer(text):
        i = found.start()
        source = nstarts[i]
        rep = table.get(original[source]) if nends[i] - source == 1 else None
        if rep != "" and rep != " ":
            continue  # the same in both forms: an ASCII apostrophe
        if i > pos:
            last_space = copy(pos, i)
        if rep == " ":
            if last_space:
                ends[-1] = nends[i]
            elif starts:
                out.append(" ")
                starts.append(source)
                ends.append(nends[i])
                last_space = True
        pos = i + 1
    if pos < len(text):
        last_space = copy(pos, len(text))
    if last_space:
        out[-1] = out[-1][:-1]
        starts.pop()
        ends.pop()
    return NormalizedText(original, "".join(out), tuple(starts), tuple(ends), config)


# Diacritics, tatweel and invisible marks: what ``extend_over_marks`` steps over.
MARKS = frozenset(_DIACRITICS | _INVISIBLE | {_TATWEEL})


def extend_over_marks(original: str, end: int) -> int:
    """Move ``end`` past diacritics and tatweel that belong to the word before it."""
    while end < len(original) and original[end] in MARKS:
        end += 1
    return end


def normalize_key(text: str, config: NormalizeConfig = DEFAULT_CONFIG) -> str:
    """Just the matching form, for lexicon keys and queries."""
    return normalize(text, config).text.strip()
