"""Sentence splitting for Arabic news text.

Arabic reporting strings clauses together with the Arabic comma and with
``و``; only the full stop, question and exclamation marks and the Arabic
semicolon end a sentence. A stop inside a quoted statement does not end the
sentence that quotes it. Headlines and sub-headings are units of their own,
so splitting works per block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_ENDERS = frozenset(".!?؟؛;…")
_OPEN_QUOTES = {"«": "»", "“": "”", "„": "”", "‹": "›"}
_CLOSERS = frozenset("»”›\"')]")
# An opening quote that does not close within this many characters is taken
# as a stray mark, not as a quotation, so one typo cannot glue a paragraph.
_MAX_QUOTE = 600
# The characters a split can start from; the scan jumps from one to the next.
_STOPS_AND_QUOTES = re.compile(
    "[" + re.escape("".join(sorted(_ENDERS | set(_OPEN_QUOTES) | {'"'}))) + "]")


@dataclass(frozen=True)
class Sentence:
    """A sentence as a span of the article text, inside block ``block``."""

    start: int
    end: int
    block: int


def _quote_end(text: str, i: int, limit: int) -> int | None:
    """Index of the mark closing the quotation opened at ``i``, if any."""
    opener = text[i]
    closer = _OPEN_QUOTES.get(opener, '"')
    j = text.find(closer, i + 1, min(limit, i + 1 + _MAX_QUOTE))
    return None if j < 0 else j


def _is_decimal_point(text: str, i: int, end: int) -> bool:
    return (
        text[i] in ".٫"
        and i > 0
        and i + 1 < end
        and text[i - 1].isdigit()
        and text[i + 1].isdigit()
    )


def _is_initial(text: str, i: int, start: int) -> bool:
    """A stop after a lone letter is an initial («العميد المتقاعد (ن. ع.)»), not a
    sentence's end."""
    return text[i] == "." and i > start and text[i - 1].isalpha() and (
        i - 1 == start or text[i - 2] in " («\"")


def _split_span(text: str, start: int, end: int, block: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    sent_start = start
    i = start
    while i < end:
        mark = _STOPS_AND_QUOTES.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in _OPEN_QUOTES or ch == '"':
            close = _quote_end(text, i, end)
            if close is not None:
                i = close + 1
                # A quotation that itself ends a sentence ends the quoting one too.
                if text[close - 1] in _ENDERS and (i >= end or text[i].isspace()):
                    sentences.append(Sentence(sent_start, i, block))
                    while i < end and text[i].isspace():
                        i += 1
                    sent_start = i
                continue
        if ch in _ENDERS and not _is_decimal_point(text, i, end) and \
                not _is_initial(text, i, start):
            j = i + 1
            while j < end and (text[j] in _ENDERS or text[j] in _CLOSERS):
                j += 1
            if j >= end or text[j].isspace():
                sentences.append(Sentence(sent_start, j, block))
                while j < end and text[j].isspace():
                    j += 1
                sent_start = j
                i = j
                continue
        i += 1
    tail_end = end
    while tail_end > sent_start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > sent_start:
        sentences.append(Sentence(sent_start, tail_end, block))
    return sentences


def split_sentences(
    text: str, blocks: Iterable[tuple[int, int, bool]]
) -> list[Sentence]:
    """Split each block ``(start, end, is_heading)`` of ``text`` into sentences.

    Headings are one sentence each, whatever punctuation they carry.
    """
    out: list[Sentence] = []
    for index, (start, end, is_heading) in enumerate(blocks):
        if is_heading:
            out.append(Sentence(start, end, index))
        else:
            out.extend(_split_span(text, start, end, index))
    return out
