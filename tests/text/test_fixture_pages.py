"""Main text of the project's fixture pages against their expectations.

``tests/fixtures/pages/expected.yaml`` gives, per page, the headline, the
sub-headings, the number of paragraphs, how the body starts and ends, body
phrases that look like chrome and must stay, and chrome lines that must go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES, PAGES

from rasd.acquire import Document, read_sources
from rasd.pipeline import Pipeline

EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (PAGES / "expected.yaml").read_text(encoding="utf-8"))
HELDOUT = FIXTURES / "heldout"
EXPECTED_HELDOUT: dict[str, dict[str, Any]] = yaml.safe_load(
    (HELDOUT / "expected.yaml").read_text(encoding="utf-8"))
CASES = [(PAGES, name, exp) for name, exp in sorted(EXPECTED.items())] + [
    (HELDOUT, name, exp) for name, exp in sorted(EXPECTED_HELDOUT.items())]
PIPELINE = Pipeline.default()


def test_there_are_enough_fixture_pages_in_several_encodings() -> None:
    files = sorted(p.name for p in PAGES.iterdir() if p.name != "expected.yaml")
    assert set(files) == set(EXPECTED)
    assert len(files) >= 15
    suffixes = {".".join(name.split(".")[1:]) for name in files}
    assert {"txt", "html", "cp1256.txt", "utf16.txt", "utf16le.txt", "bom.txt"} <= suffixes


@pytest.mark.parametrize(("folder", "name", "expected"), CASES,
                         ids=[f"{f.name}/{n}" for f, n, _ in CASES])
def test_fixture_page_structure(folder: Path, name: str, expected: dict[str, Any]) -> None:
    [document] = list(read_sources([str(folder / name)]))
    assert isinstance(document, Document), document
    doc = PIPELINE(document)
    article = doc.require_article()
    blocks = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert article.title is not None
    assert article.title.strip() == expected["headline"]
    assert [t for k, t in blocks if k == "subheading"] == expected["subheadings"]
    paragraphs = [t for k, t in blocks if k == "paragraph"]
    assert len(paragraphs) == expected["paragraphs"], paragraphs
    assert paragraphs[0].startswith(expected["first_paragraph_starts"])
    assert paragraphs[-1].rstrip().endswith(expected["last_paragraph_ends"])
    kept = "\n".join(t for _, t in blocks)
    for phrase in expected.get("must_keep") or []:
        assert phrase in kept, phrase
    for line in expected.get("must_drop") or []:
        if article.format == "html":
            assert line not in kept, line
        else:
            assert line not in [t.strip() for _, t in blocks], line
    if "published" in expected:
        assert (article.published or "")[:10] == expected["published"]


def test_encoded_copies_give_the_same_article_as_their_originals() -> None:
    for copy in sorted(PAGES.glob("*.*.txt")):
        original = PAGES / (copy.name.split(".")[0] + ".txt")
        [a] = list(read_sources([str(copy)]))
        [b] = list(read_sources([str(original)]))
        assert isinstance(a, Document) and isinstance(b, Document)
        ta, tb = PIPELINE(a).require_article(), PIPELINE(b).require_article()
        assert [ta.block_text(x) for x in ta.blocks] == [tb.block_text(x) for x in tb.blocks]
        assert a.provenance.encoding != b.provenance.encoding or copy.name.endswith(".crlf.txt")
