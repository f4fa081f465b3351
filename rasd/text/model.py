"""The main-text stage's output: the article's text and its structure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rasd.acquire.model import Provenance
from rasd.arabic.normalize import NormalizedText

BlockKind = Literal["headline", "subheading", "paragraph"]


@dataclass(frozen=True)
class Block:
    """A headline, sub-heading or paragraph: a span of ``Article.text``."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Removed:
    """A span of the page dropped as chrome, with the rule that dropped it."""

    start: int
    end: int
    rule: str
    reason: str


@dataclass(frozen=True)
class Article:
    """An article's text and structure; all spans point into ``text``.

    For crawled text pages ``text`` is the decoded page itself, untouched,
    and chrome is listed in ``removed``. For HTML it is the main text the
    extractor found, laid out one block per line; ``removed_chars`` then says
    how much of the page's visible text was left out.
    """

    text: str
    blocks: tuple[Block, ...]
    provenance: Provenance
    format: str
    title: str | None = None
    published: str | None = None
    removed: tuple[Removed, ...] = ()
    removed_chars: int = 0
    extractor: str = ""
    warnings: tuple[str, ...] = field(default=())
    # The matching form of ``text`` when a stage already computed it; not data.
    norm: NormalizedText | None = field(default=None, compare=False, repr=False)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == "headline"), None)

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind != "headline")
