"""Headline, sub-headings and paragraphs from the lines of an article.

News sub-headings are short lines without final punctuation that open a
section (``تفاصيل الهدنة``); a short line that ends a sentence, or one that
introduces a quotation with a colon, is a paragraph.
"""

from __future__ import annotations

import re

from rasd.arabic.normalize import normalize
from rasd.text.chrome import Line, ends_sentence
from rasd.text.model import Block, Removed

_MAX_HEADLINE_WORDS = 30
_MAX_SUBHEADING_WORDS = 10
_MAX_SUBHEADING_CHARS = 90
_NON_FINAL = ":،,؛;-"
_SITE_SUFFIX = re.compile(r"\s*[|\-–—:]\s*[^|\-–—:]{1,40}$")
_PUNCT = re.compile(r"[^\w\s]")


def title_key(text: str) -> str:
    """Comparison form of a title: normalized, without punctuation or spaces."""
    return _PUNCT.sub("", normalize(text).text).replace(" ", "")


def _same_title(a: str, b: str) -> bool:
    """True for the same headline, or one with the site name appended."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    for longer, shorter in ((a, kb), (b, ka)):
        if title_key(_SITE_SUFFIX.sub("", normalize(longer).text)) == shorter:
            return True
    return False


def is_subheading(line: Line, following: Line | None) -> bool:
    if following is None or following.words <= line.words:
        return False
    if line.words > _MAX_SUBHEADING_WORDS or line.end - line.start > _MAX_SUBHEADING_CHARS:
        return False
    stripped = line.norm.rstrip("\"'»”’)] ")
    if not stripped or stripped[-1] in _NON_FINAL:
        return False
    if ends_sentence(line.norm):
        # A question can head a section (ما مصير المعتقلين؟) when short.
        return stripped.endswith(("?", "؟")) and line.words <= 8
    return not stripped[0].isdigit()


def build_blocks(
    text: str, lines: list[Line], title_hint: str | None = None
) -> tuple[list[Block], list[Removed], str | None]:
    """Blocks from kept lines; repeated titles go to the returned removals."""
    blocks: list[Block] = []
    removed: list[Removed] = []
    title: str | None = None
    rest = list(lines)
    if rest and (title_hint is None or _same_title(text[rest[0].start : rest[0].end], title_hint)):
        first = rest[0]
        if first.words <= _MAX_HEADLINE_WORDS and not (
            title_hint is None and ends_sentence(first.norm) and first.words > 20
        ):
            start, end = first.start, first.end
            hint = (title_hint or "").strip()
            if hint and text.startswith(hint, start) and start + len(hint) < end:
                end = start + len(hint)  # "Headline | Site": keep the site name apart
                removed.append(Removed(end, first.end, "site-name", "site name after title"))
            blocks.append(Block("headline", start, end))
            title = text[start:end]
            rest = rest[1:]
    if title_hint is not None and title is None:
        title = title_hint.strip()
    if title is not None:
        while rest and _same_title(text[rest[0].start : rest[0].end], title):
            repeat = rest.pop(0)
            repeat_text = text[repeat.start : repeat.end]
            if blocks and len(repeat_text) < len(title) and title.startswith(repeat_text):
                # The first copy carried the site name; the plain copy is the headline.
                old = blocks[0]
                removed.append(Removed(old.start, old.end, "title-repeat", "title repeated"))
                blocks[0] = Block("headline", repeat.start, repeat.end)
                title = repeat_text
            else:
                removed.append(Removed(repeat.start, repeat.end, "title-repeat",
                                       "title repeated"))
    for index, line in enumerate(rest):
        following = rest[index + 1] if index + 1 < len(rest) else None
        kind = "subheading" if is_subheading(line, following) else "paragraph"
        blocks.append(Block(kind, line.start, line.end))
    return blocks, removed, title
