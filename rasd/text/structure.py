"""Headline, sub-headings and paragraphs from the lines of an article.

News sub-headings are short lines without final punctuation that open a
section (``تفاصيل الهدنة``); a short line that ends a sentence, or one that
introduces a quotation with a colon, is a paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.arabic.normalize import normalize
from rasd.text.chrome import Line, ends_sentence
from rasd.text.model import Block, BlockKind, Removed

_MAX_HEADLINE_WORDS = 30
_MAX_SUBHEADING_WORDS = 10
_MAX_SUBHEADING_CHARS = 90
_NON_FINAL = ":،,؛;-"
_SITE_SUFFIX = re.compile(r"\s*[|\-–—:]\s*[^|\-–—:]{1,40}$")
_PUNCT = re.compile(r"[^\w\s]")


@lru_cache(maxsize=64)
def _normal(text: str) -> str:
    """The normalized form of a title or line; a title is compared with one line
    after another, and each comparison needs both forms twice."""
    return normalize(text).text


def title_key(text: str) -> str:
    """Comparison form of a title: normalized, without punctuation or spaces."""
    return _PUNCT.sub("", _normal(text)).replace(" ", "")


def _same_title(a: str, b: str) -> bool:
    """True for the same headline, or one with the site name appended."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    for longer, shorter in ((a, kb), (b, ka)):
        if title_key(_SITE_SUFFIX.sub("", _normal(longer))) == shorter:
            return True
    return False


_MASTHEAD_MARKS = re.compile(
    r"[|•·☰›‹>◂▸≫≪←→]|::|\s[-–—/»«]\s|[\U0001F300-\U0001FAFF].*[\U0001F300-\U0001FAFF]"
    r"|\S(\s{2,}|\t)\S+(\s{2,}|\t)\S"  # menu items spaced apart: أخبار    تقارير    رأي
)
_BYLINE = re.compile(r"^[^\n]{0,40}(\s[-–—|/]\s|:\s)")
_HEADLINE_WINDOW = 20


def is_masthead(text: str, line: Line) -> bool:
    """Site names, section labels and menus that crawlers keep above a headline."""
    raw = text[line.start : line.end]
    return line.words <= 3 or bool(_MASTHEAD_MARKS.search(raw)) or \
        line.norm.startswith("عاجل")


def _find_headline(text: str, lines: list[Line], hint: str | None) -> int | None:
    """Index of the headline line among the first lines, or None when there is none.

    Above the body sit the site name, menus, section labels and the headline;
    the headline is the fullest of them that is not a menu or label.
    """
    window = lines[:_HEADLINE_WINDOW]
    if hint is not None:
        return next((i for i, line in enumerate(window)
                     if _same_title(text[line.start : line.end], hint)), None)
    candidates: list[int] = []
    for i, line in enumerate(window):
        question = line.norm.rstrip().endswith(("?", "؟"))
        if line.words > _MAX_HEADLINE_WORDS or (
            ends_sentence(line.norm) and line.words >= 8 and not question
        ):
            break  # the body has started
        if not is_masthead(text, line):
            candidates.append(i)
    if candidates:
        return max(candidates, key=lambda i: (window[i].words >= 4, window[i].words, -i))
    first = lines[0] if lines else None
    if first is None or first.words > _MAX_HEADLINE_WORDS or (
        ends_sentence(first.norm) and first.words > 20
    ):
        return None
    return 0


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
    index = _find_headline(text, rest, title_hint)
    if index is not None:
        first = rest[index]
        removed.extend(Removed(m.start, m.end, "masthead", "site name or navigation above the "
                               "headline") for m in rest[:index])
        start, end = first.start, first.end
        hint = (title_hint or "").strip()
        if hint and text.startswith(hint, start) and start + len(hint) < end:
            end = start + len(hint)  # "Headline | Site": keep the site name apart
            removed.append(Removed(end, first.end, "site-name", "site name after title"))
        blocks.append(Block("headline", start, end))
        title = text[start:end]
        rest = rest[index + 1 :]
        # "حلب - مراسلنا", "الخرطوم: الموقع": a short byline between headline and lead.
        while len(rest) > 1 and rest[0].words <= 8 and not ends_sentence(rest[0].norm) \
                and _BYLINE.search(text[rest[0].start : rest[0].end]):
            byline = rest.pop(0)
            removed.append(Removed(byline.start, byline.end, "byline", "byline or dateline"))
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
        kind: BlockKind = "subheading" if is_subheading(line, following) else "paragraph"
        blocks.append(Block(kind, line.start, line.end))
    return blocks, removed, title
