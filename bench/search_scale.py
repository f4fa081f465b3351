"""Search latency at ten times a bench database's size, without re-ingesting.

    python bench/search_scale.py DB [--copies 9]

DB is a SQLite database made by ``bench/store_bench.py`` or
``bench/web_load.py`` (e.g. 20,000 articles). Its articles, events and
full-text rows are copied ``--copies`` more times under new ids and hashes
into a new file beside it, and ``Store.search`` is timed on both, on the
store bench's queries alone and with a country filter. Ingesting 200,000
articles one by one would take most of an hour; search only sees the index.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import QUERIES

from rasd.store import Store


def enlarge(source: Path, copies: int) -> Path:
    target = source.with_name(f"{source.stem}-x{copies + 1}.db")
    shutil.copy(source, target)
    con = sqlite3.connect(target)
    n = con.execute("SELECT max(id) FROM articles").fetchone()[0]
    cols = [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    ecols = [r[1] for r in con.execute("PRAGMA table_info(events)") if r[1] != "id"]
    for k in range(1, copies + 1):
        sel = ", ".join(f"id + {k * n}" if c == "id" else f"content_hash || '-{k}'"
                        if c == "content_hash" else "NULL" if c == "previous_id" else c
                        for c in cols)
        con.execute(f"INSERT INTO articles ({', '.join(cols)}) "
                    f"SELECT {sel} FROM articles WHERE id <= {n}")
        con.execute("INSERT INTO articles_fts (rowid, title, body) "
                    f"SELECT rowid + {k * n}, title, body FROM articles_fts WHERE rowid <= {n}")
        esel = ", ".join(f"article_id + {k * n}" if c == "article_id" else c for c in ecols)
        con.execute(f"INSERT INTO events ({', '.join(ecols)}) "
                    f"SELECT {esel} FROM events WHERE article_id <= {n}")
        con.commit()
    con.close()
    return target


def timings(path: Path, rounds: int = 3) -> list[float]:
    store = Store.open(path)
    for q in QUERIES:
        store.search(q, limit=20)  # warm the page cache
    out = []
    for _ in range(rounds):
        for q in QUERIES:
            start = time.perf_counter()
            store.search(q, limit=20)
            out.append((time.perf_counter() - start) * 1000)
        for q in QUERIES[:5]:
            start = time.perf_counter()
            store.search(q, limit=20, country="SY")
            out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--copies", type=int, default=9)
    args = parser.parse_args()
    start = time.perf_counter()
    bigger = enlarge(args.db, args.copies)
    print(f"copied in {time.perf_counter() - start:.0f} s → {bigger}")
    for path in (args.db, bigger):
        times = timings(path)
        articles = Store.open(path).counts()["articles"]
        print(f"{articles:>9,} articles: search median {statistics.median(times):.1f} ms, "
              f"p95 {times[int(0.95 * len(times)) - 1]:.1f} ms ({len(times)} queries)")


if __name__ == "__main__":
    main()
