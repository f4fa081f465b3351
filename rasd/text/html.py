"""Main text of HTML pages, through trafilatura, keeping headings apart.

trafilatura finds the article among navigation, sidebars and footers far
better than anything we would write; we ask it for XML so that sub-headings
(``<head>``) stay distinct from paragraphs, then lay the blocks out one per
line as the article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

from rasd.acquire.model import Document
from rasd.errors import MainTextError
from rasd.text.model import Article, Block, BlockKind
from rasd.text.structure import _same_title

_SPACE = re.compile(r"\s+")
_BLOCK_TAGS = {"head": "subheading", "p": "paragraph", "item": "paragraph", "quote": "paragraph"}


@dataclass(frozen=True)
class HtmlResult:
    title: str | None
    published: str | None
    outlet: str | None
    blocks: list[tuple[BlockKind, str]]
    warning: str | None


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _visible_chars(html: str) -> int:
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return len(html)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return len(_clean(root.text_content()))


def _from_trafilatura(html: str, recall: bool) -> HtmlResult | None:
    xml = trafilatura.extract(
        html, output_format="xml", with_metadata=True, include_comments=False,
        include_tables=False, favor_recall=recall, deduplicate=False,
    )
    if not xml:
        return None
    root = lxml.etree.fromstring(xml.encode("utf-8"))
    blocks: list[tuple[BlockKind, str]] = []
    main = root.find("main")
    for el in (main if main is not None else root).iter(*_BLOCK_TAGS):
        if el.tag == "p" and el.getparent() is not None and el.getparent().tag in ("item", "quote"):
            continue
        text = _clean("".join(el.itertext()))
        if text:
            kind: BlockKind = "subheading" if el.tag == "head" else "paragraph"
            blocks.append((kind, text))
    if not blocks:
        return None
    return HtmlResult(root.get("title"), root.get("date"), root.get("sitename"), blocks, None)


def _fallback(html: str) -> HtmlResult | None:
    """All paragraphs of the page, for fragments too small for trafilatura."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    for bad in root.xpath("//script|//style|//noscript|//nav|//footer"):
        bad.drop_tree()
    blocks: list[tuple[BlockKind, str]] = []
    for el in root.iter("h1", "h2", "h3", "h4", "p", "li", "blockquote", "div"):
        if el.tag == "div" and el.find(".//p") is not None:
            continue
        if el.tag == "div" and any(child.tag in ("div", "ul", "ol") for child in el):
            continue
        text = _clean(el.text_content())
        if text:
            kind: BlockKind = "subheading" if el.tag in ("h2", "h3", "h4") else "paragraph"
            blocks.append((kind, text))
    if not blocks:
        text = _clean(root.text_content())
        if not text:
            return None
        blocks = [("paragraph", text)]
    title_el = root.find(".//title")
    title = _clean(title_el.text_content()) if title_el is not None else None
    h1 = root.find(".//h1")
    if h1 is not None:
        title = _clean(h1.text_content())
        blocks = [b for b in blocks if b[1] != title]
    return HtmlResult(title or None, None, None, blocks,
                      "the main-text extractor found no article; all paragraphs were kept")


def extract_html(doc: Document) -> Article:
    """Article from an HTML document, or ``MainTextError`` when there is none."""
    result = _from_trafilatura(doc.content, recall=False) or _from_trafilatura(
        doc.content, recall=True
    ) or _fallback(doc.content)
    if result is None:
        raise MainTextError("the HTML page holds no readable text", source=doc.label)
    title = doc.title or result.title
    blocks = list(result.blocks)
    if blocks and title and blocks[0][0] == "subheading" and _same_title(blocks[0][1], title):
        title = blocks[0][1]
        blocks = blocks[1:]
    parts: list[str] = []
    spans: list[Block] = []
    pos = 0
    head: list[tuple[BlockKind, str]] = [("headline", _clean(title))] if title else []
    for kind, text in head + blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append(Block(kind, pos, pos + len(text)))
        parts.append(text)
        pos += len(text)
    text = "".join(parts)
    provenance = doc.provenance
    return Article(
        text=text,
        blocks=tuple(spans),
        provenance=provenance,
        format="html",
        title=_clean(title) if title else None,
        published=provenance.published or result.published,
        removed_chars=max(0, _visible_chars(doc.content) - len(text)),
        extractor=f"trafilatura {trafilatura.__version__}",
        warnings=(result.warning,) if result.warning else (),
    )


def html_outlet(doc: Document) -> str | None:
    """The site name a page declares (og:site_name), for provenance."""
    match = re.search(r'<meta[^>]+property=["\']og:site_name["\'][^>]+content=["\']([^"\']+)',
                      doc.content[:20000], re.I)
    return match.group(1).strip() if match else None
