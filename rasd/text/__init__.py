"""Main text: the article's headline, sub-headings and paragraphs, minus page chrome."""

from __future__ import annotations

from dataclasses import replace

from rasd.acquire.model import Document
from rasd.arabic.normalize import normalize
from rasd.errors import MainTextError
from rasd.text.chrome import ChromePatterns, ChromeRemover
from rasd.text.html import extract_html, html_outlet
from rasd.text.model import Article, Block, Removed
from rasd.text.structure import build_blocks

__all__ = [
    "Article",
    "Block",
    "ChromePatterns",
    "ChromeRemover",
    "MainTextExtractor",
    "Removed",
]


class MainTextExtractor:
    """Chooses the HTML or the crawled-text path and returns an ``Article``."""

    def __init__(self, remover: ChromeRemover | None = None) -> None:
        self.remover = remover or ChromeRemover()

    @property
    def version(self) -> str:
        return f"chrome-patterns {self.remover.patterns.version}"

    def __call__(self, doc: Document) -> Article:
        if doc.format == "html":
            article = extract_html(doc)
            outlet = doc.provenance.outlet or html_outlet(doc)
            if outlet != doc.provenance.outlet:
                article = replace(article, provenance=replace(doc.provenance, outlet=outlet))
            return article
        return self.from_text(doc)

    def from_text(self, doc: Document) -> Article:
        norm = normalize(doc.content)
        lines, removed = self.remover(doc.content, norm)
        blocks, repeats, title = build_blocks(doc.content, lines, doc.title)
        if not any(b.kind == "paragraph" for b in blocks):
            raise MainTextError(
                "no article paragraph is left once page chrome is removed "
                f"({len(removed)} chrome lines, {len(blocks)} heading lines)",
                source=doc.label,
            )
        return Article(
            text=doc.content,
            blocks=tuple(blocks),
            provenance=doc.provenance,
            format="text",
            title=title,
            published=doc.provenance.published,
            removed=tuple(sorted(removed + repeats, key=lambda r: r.start)),
            extractor=self.version,
            norm=norm,
        )
