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
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
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


@lru_cache(maxsize=8)
def _special(config: NormalizeConfig) -> re.Pattern[str]:
    """Characters that are not copied as they are; everything else is a fast copy."""
    keys = "".join(sorted(_table(config)))
    extra = "\uFB50-\uFDFF\uFE70-\uFEFC"
    if config.casefold_latin:
        extra += "A-Z\u00C0-\u024F"
    pattern = f"[{re.escape(keys)}{extra}]+"
    if config.collapse_space:
        # Single spaces are copied; other whitespace and runs are collapsed.
        pattern += "|[^\\S ]+|  +"
    return re.compile(pattern)


def _copy(original: str, a: int, b: int, out: list[str], starts: list[int], ends: list[int],
          last_space: bool) -> bool:
    """Copy ``original[a:b]`` unchanged; a leading space joins a run before it."""
    if original[a] == " " and (last_space or not starts):
        if last_space:
            ends[-1] = a + 1
        a += 1
        if a == b:
            return last_space
    out.append(original[a:b])
    starts.extend(range(a, b))
    ends.extend(range(a + 1, b + 1))
    return original[b - 1] == " "


def normalize(original: str, config: NormalizeConfig = DEFAULT_CONFIG) -> NormalizedText:
    """Return the matching form of ``original`` with its offset map."""
    table = _table(config)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last_space = False  # the last piece out is a collapsed whitespace run
    pos = 0
    for match in _special(config).finditer(original):
        seg_start, seg_end = match.span()
        if seg_start > pos:
            last_space = _copy(original, pos, seg_start, out, starts, ends, last_space)
        for i in range(seg_start, seg_end):
            ch = original[i]
            rep = table.get(ch)
            if config.collapse_space and (ch.isspace() or ch == "\u00a0" or rep == " "):
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
        last_space = _copy(original, pos, len(original), out, starts, ends, last_space)
    if last_space and config.collapse_space:
        out[-1] = out[-1][:-1]
        starts.pop()
        ends.pop()
    return NormalizedText(original, "".join(out), tuple(starts), tuple(ends))


_MARKS = frozenset(_DIACRITICS | _INVISIBLE | {_TATWEEL})


def extend_over_marks(original: str, end: int) -> int:
    """Move ``end`` past diacritics and tatweel that belong to the word before it."""
    while end < len(original) and original[end] in _MARKS:
        end += 1
    return end


def normalize_key(text: str, config: NormalizeConfig = DEFAULT_CONFIG) -> str:
    """Just the matching form, for lexicon keys and queries."""
    return normalize(text, config).text.strip()
