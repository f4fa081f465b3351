"""Ingest throughput, search latency and database size, for SQLite and PostgreSQL.

Articles are extracted once from a generated corpus, then stored as many
unique variants as asked for (a numbered paragraph is appended), so the
figures measure the store, not extraction.

    python bench/store_bench.py [--articles 20000] [--postgres]

With --postgres a throwaway PostgreSQL cluster is started (Debian's package).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus import PLACES, article

from rasd.acquire import Document, Provenance, content_hash
from rasd.events.extract import EventExtractor
from rasd.events.lexicon import EventLexicon
from rasd.mentions import MentionFinder
from rasd.pipeline import Doc, Pipeline
from rasd.store import Store
from rasd.text.model import Block

QUERIES = ["قسد", "الرقة", "هجين", "داعش", "مدنيين", "قصف", "إدلب", "الحوثي", "الفاشر",
           "غارات", "اشتباكات", "الأتارب", "تعز", "نزوح", "مخيم"]


def base_docs(count: int) -> list[Doc]:
    finder = MentionFinder.load()
    pipeline = Pipeline.default(mentions=finder, tokens=False,
                                events=EventExtractor(EventLexicon.load(), finder.actors))
    rng = random.Random(5)
    docs = []
    for i in range(count):
        headline, blocks = article(rng)
        text = "\n".join([headline, *(t for _, t in blocks)])
        docs.append(pipeline(Document(text, "text", Provenance(
            f"gen/{i}", content_hash(text), outlet=rng.choice(["شبكة الشمال", "صوت الجنوب"]),
            published="2024-03-07"))))
    return docs


def variant(doc: Doc, n: int) -> Doc:
    article_ = doc.require_article()
    extra = f"\nتحديث رقم {n}"
    text = article_.text + extra
    blocks = (*article_.blocks, Block("paragraph", len(article_.text) + 1, len(text)))
    return replace(doc, article=replace(article_, text=text, blocks=blocks), match=None)


def run(target: str, label: str, docs: list[Doc], total: int) -> None:
    store = Store.open(target)
    start = time.perf_counter()
    for n in range(total):
        store.ingest(variant(docs[n % len(docs)], n))
    elapsed = time.perf_counter() - start
    cluster_start = time.perf_counter()
    store.cluster()
    cluster_time = time.perf_counter() - cluster_start
    latencies = []
    for _ in range(3):
        for q in QUERIES + [f"{a} {b}" for a, b in itertools.pairwise(QUERIES)]:
            t0 = time.perf_counter()
            store.search(q, limit=20)
            latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    counts = store.counts()
    print(f"{label}: {total:,} articles ingested in {elapsed:.1f} s = {total / elapsed:,.0f} "
          f"articles/s ({counts['events']:,} events, {counts['mentions']:,} mentions); "
          f"clustering {cluster_time:.1f} s")
    print(f"{label}: search latency median {statistics.median(latencies):.1f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)]:.1f} ms over {len(latencies)} queries")
    if target.endswith(".db"):
        size = sum(p.stat().st_size for p in Path(target).parent.glob(Path(target).name + "*"))
        print(f"{label}: database size {size / 1e6:.1f} MB = {size / total / 1024:.1f} KB "
              "per article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--distinct", type=int, default=1000,
                        help="articles actually extracted; the rest are variants")
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    docs = base_docs(args.distinct)
    print(f"extracted {len(docs)} distinct articles (places used: {len(PLACES)})")
    with tempfile.TemporaryDirectory() as tmp:
        run(str(Path(tmp) / "bench.db"), "SQLite", docs, args.articles)
    if args.postgres:
        from postgres_server import postgres_server

        with postgres_server() as url:
            run(url, "PostgreSQL", docs, args.articles)


if __name__ == "__main__":
    main()
