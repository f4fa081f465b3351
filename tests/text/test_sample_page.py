"""The example page from the brief, when it is present beside the project."""

from __future__ import annotations

import pytest
from helpers import SHARED_SAMPLE

from rasd.acquire import Document, read_sources
from rasd.pipeline import Pipeline

pytestmark = pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="sample page not present")


def test_sample_page_keeps_the_whole_body_and_drops_the_chrome() -> None:
    [document] = list(read_sources([str(SHARED_SAMPLE)]))
    assert isinstance(document, Document)
    doc = Pipeline.default()(document)
    article = doc.require_article()
    text = article.text
    blocks = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert blocks[0][0] == "headline" and blocks[0][1].startswith("هكذا سلّمت")
    subheadings = [t for k, t in blocks if k == "subheading"]
    assert subheadings == ["تفاصيل الهدنة", "المدنيون هم الخاسر الأكبر",
                           'مصير آلاف النازحين عند "قسد"']
    paragraphs = [t for k, t in blocks if k == "paragraph"]
    # Every non-empty line of the body between the repeated title and the comment counter.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = lines[2 : lines.index("التعليقات (0)")]
    assert paragraphs == [line for line in body if line not in subheadings]
    assert len(paragraphs) == 10
    removed = [text[r.start : r.end] for r in article.removed]
    assert removed == [lines[1], "التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع",
                       "✨ أهم التصنيفات"]
    assert "بنيران" in text and len(doc.sentences) >= len(paragraphs) + 4
