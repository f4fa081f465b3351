"""Line-level quality of main-text extraction on annotated crawled pages.

For each folder with an ``expected.yaml`` (headline, sub-headings, chrome
lines per page), prints how many pages come out exactly right and, over all
lines: body recall (article lines kept), body precision (kept lines that are
article), chrome recall (chrome lines dropped), headline and sub-heading
accuracy.

    python bench/chrome_quality.py tests/fixtures/pages tests/fixtures/heldout
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from rasd.acquire import Document, read_sources
from rasd.pipeline import Pipeline


def score(folder: Path, pipeline: Pipeline) -> dict[str, float]:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    totals = {"pages": 0, "exact": 0, "headline": 0, "subheadings": 0, "body_kept": 0,
              "body_total": 0, "kept": 0, "chrome_dropped": 0, "chrome_total": 0}
    for name, exp in sorted(expected.items()):
        if name.endswith(".html"):
            continue
        [document] = list(read_sources([str(folder / name)]))
        assert isinstance(document, Document), document
        article = pipeline(document).require_article()
        kept = [article.block_text(b).strip() for b in article.blocks]
        lines = [ln.strip() for ln in article.text.splitlines() if ln.strip()]
        chrome = {ln.strip() for ln in exp.get("must_drop") or []}
        gold = [ln for ln in dict.fromkeys(lines) if ln not in chrome]
        gold_set = set(gold)
        subs = [article.block_text(b) for b in article.blocks if b.kind == "subheading"]
        paras = [t for b, t in zip(article.blocks, kept, strict=True) if b.kind == "paragraph"]
        totals["pages"] += 1
        totals["headline"] += (article.title or "").strip() == exp["headline"]
        totals["subheadings"] += subs == exp["subheadings"]
        totals["exact"] += (
            (article.title or "").strip() == exp["headline"] and subs == exp["subheadings"]
            and len(paras) == exp["paragraphs"]
        )
        totals["body_total"] += len(gold_set)
        totals["body_kept"] += len(gold_set & set(kept))
        totals["kept"] += len(set(kept))
        totals["chrome_total"] += len(chrome)
        totals["chrome_dropped"] += len(chrome - set(kept))
    return totals


def main() -> None:
    pipeline = Pipeline.default()
    for arg in sys.argv[1:] or ["tests/fixtures/pages"]:
        t = score(Path(arg), pipeline)
        body_precision = (t["body_kept"] / t["kept"]) if t["kept"] else 0.0
        print(f"{arg}: {t['pages']} text pages, {t['exact']} exactly right; "
              f"headline {t['headline']}/{t['pages']}, "
              f"sub-headings {t['subheadings']}/{t['pages']}; "
              f"body recall {t['body_kept'] / t['body_total']:.3f}, "
              f"body precision {body_precision:.3f}, "
              f"chrome recall {t['chrome_dropped'] / t['chrome_total']:.3f}")


if __name__ == "__main__":
    main()
