"""Throughput of the text stages on a generated corpus.

Prints documents per second and MB per second for:
  - the crawled-text path (read, decode, chrome removal, normalization,
    sentences, tokens),
  - the HTML path (the same stages, with trafilatura for main text),
  - trafilatura alone on the same HTML files, in the same run, so the cost
    of our layers over the extractor is visible.

    python bench/extract_throughput.py [--docs 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus

from rasd.acquire import AcquireConfig, Document, read_source
from rasd.pipeline import Pipeline


def run_pipeline(paths: list[Path], pipeline: Pipeline) -> int:
    config = AcquireConfig()
    done = 0
    for path in paths:
        for item in pipeline.run(read_source(path, config)):
            done += isinstance(item, Document) or hasattr(item, "article")
    return done


def run_trafilatura(paths: list[Path]) -> int:
    done = 0
    for path in paths:
        if trafilatura.extract(path.read_text(encoding="utf-8"), with_metadata=True):
            done += 1
    return done


def timed(label: str, fn: Callable[[], int], size: int, count: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = fn()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(f"{label:<38} {count / median:>9.1f} docs/s {size / median / 1e6:>7.2f} MB/s  "
          f"(median of {repeat}, best {count / best:.1f} docs/s, {done}/{count} ok)")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts, htmls = write_corpus(Path(tmp), args.docs)
        text_size = sum(p.stat().st_size for p in texts)
        html_size = sum(p.stat().st_size for p in htmls)
        print(f"corpus: {len(texts)} text pages ({text_size / 1e6:.1f} MB), "
              f"{len(htmls)} HTML pages ({html_size / 1e6:.1f} MB), one process, one core")
        pipeline = Pipeline.default()
        t_text = timed("text pages, full text stages", lambda: run_pipeline(texts, pipeline),
                       text_size, len(texts), args.repeat)
        t_html = timed("HTML pages, full text stages", lambda: run_pipeline(htmls, pipeline),
                       html_size, len(htmls), args.repeat)
        t_traf = timed("HTML pages, trafilatura.extract alone", lambda: run_trafilatura(htmls),
                       html_size, len(htmls), args.repeat)
        print(f"HTML path / trafilatura alone: {t_html / t_traf:.2f}x the time; "
              f"text path is {t_html / t_text:.1f}x faster than the HTML path")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
