"""`rasd batch` on a real dask.distributed LocalCluster with worker processes,
into a real PostgreSQL server: exactly once under a killed worker and an
interrupted run, early skips recorded, incidents clustered by country."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import FIXTURES, ROOT
from sqlalchemy import create_engine, func, select, text

from rasd.scale.batch import connect, run_batch
from rasd.scale.partition import Partition
from rasd.scale.worker import Target
from rasd.store import Store
from rasd.store import schema as t

NOT_CONFLICT = [
    "المنتخب يتأهل إلى نهائي البطولة العربية\n"
    "تأهل المنتخب الوطني لكرة القدم إلى المباراة النهائية في البطولة العربية، بعد فوزه "
    "مساء أمس على نظيره بهدفين مقابل هدف واحد في مباراة مثيرة احتضنها الملعب الدولي.\n"
    "وسجل هدفي المنتخب مهاجمه الشاب في الشوط الأول، فيما قلص الضيوف الفارق قبل نهاية "
    "اللقاء بدقائق، وسط حضور جماهيري كبير ملأ المدرجات حتى صافرة النهاية.\n"
    "ويلتقي المنتخب في النهائي الأسبوع المقبل مع الفائز من مباراة نصف النهائي الثانية.\n",
    "وزارة التربية تحدد موعد امتحانات الشهادة الثانوية\n"
    "أعلنت وزارة التربية والتعليم أن امتحانات الشهادة الثانوية بفرعيها العلمي والأدبي ستبدأ "
    "مطلع الشهر المقبل، وتستمر ثلاثة أسابيع في جميع المحافظات.\n"
    "وقال مدير الامتحانات في الوزارة إن عدد المتقدمين هذا العام يزيد على مئتي ألف طالب "
    "وطالبة، وإن البطاقات الامتحانية ستوزع على المدارس خلال الأيام القليلة القادمة.\n",
]
ENGLISH = ("Fuel prices rise again in the capital\n"
           "Prices of fuel rose again this week in the capital, traders said on Monday, "
           "the third increase since the start of the year.\n"
           "Drivers queued for hours outside stations in the city centre, and several "
           "bakeries said they would cut their opening hours until supplies improve.\n")


def _articles() -> list[dict[str, str]]:
    return [json.loads(line) for path in sorted((FIXTURES / "gold").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_corpus(folder: Path, pages: int) -> tuple[Path, int]:
    """Text pages of annotated articles, and a JSON Lines shard that repeats some
    of them and adds articles the prefilter skips; returns the folder and how
    many distinct articles should be stored."""
    folder.mkdir()
    articles = [a for a in _articles() if a["relevant"]][:pages]
    for i, article in enumerate(articles):
        (folder / f"{i:03d}.txt").write_text(article["text"] + "\n", encoding="utf-8")
    shard = [{"text": a["text"], "url": f"https://repeat.example/{i}"}
             for i, a in enumerate(articles[:5])]
    shard += [{"text": body} for body in [*NOT_CONFLICT, ENGLISH]]
    (folder / "shard.jsonl").write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in shard), encoding="utf-8")
    return folder, len(articles)


def fresh_db(postgres_url: str, name: str) -> str:
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return postgres_url.rsplit("/", 1)[0] + "/" + name


def stored(db: str) -> tuple[int, int]:
    with Store.open(db).engine.connect() as conn:
        rows = conn.execute(select(func.count(), func.count(t.articles.c.content_hash.distinct()))
                            .select_from(t.articles)).one()
    return int(rows[0]), int(rows[1])


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    client, local = connect("local", workers=2)
    try:
        yield client
    finally:
        client.close()
        if local is not None:
            local.close()


def test_a_killed_worker_loses_nothing_and_stores_nothing_twice(
        cluster: object, postgres_url: str, tmp_path: Path) -> None:
    from distributed import Client

    assert isinstance(cluster, Client)
    corpus, expected = build_corpus(tmp_path / "corpus", 40)
    db = fresh_db(postgres_url, "batch_kill")
    Store.open(db)
    finished: list[str] = []
    killed: list[int] = []

    def kill_one_worker(partition: Partition, counts: dict[str, int]) -> None:
        finished.append(partition.id)
        if len(finished) == 2 and not killed:
            pids = cluster.run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)  # mid-run: other partitions are in flight
            killed.append(victim)

    result = run_batch([str(corpus)], Target(db=db), cluster, files_per_partition=2,
                       progress=kill_one_worker)
    assert killed, "no worker was killed; the test did not test anything"
    assert result.partitions == 21 and result.already_done == 0
    rows, distinct = stored(db)
    assert rows == distinct == expected  # every article once, the repeats not again
    store = Store.open(db)
    assert len(store.batches.finished(p for p in finished)) == len(finished)
    skipped = store.batches.skipped_counts()
    assert sum(skipped.values()) == 3 and len(skipped) == 2
    with store.engine.connect() as conn:
        events = conn.execute(select(func.count()).select_from(t.events)).scalar()
        placed = conn.execute(select(func.count()).select_from(t.incident_events)).scalar()
    assert events and placed and result.joined_incidents == placed


def test_an_interrupted_run_resumes_with_only_what_is_missing(
        postgres_url: str, tmp_path: Path) -> None:
    corpus, expected = build_corpus(tmp_path / "corpus", 30)
    db = fresh_db(postgres_url, "batch_resume")
    Store.open(db)
    command = [sys.executable, "-m", "rasd.cli", "batch", str(corpus), "--db", db,
               "--workers", "1", "--files-per-partition", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    store = Store.open(db)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(store.batches.totals()) == 0:
        time.sleep(0.2)
    with store.engine.connect() as conn:
        while time.monotonic() < deadline and (conn.execute(
                select(func.count()).select_from(t.batch_partitions)).scalar() or 0) < 3:
            time.sleep(0.2)
            conn.rollback()
    os.killpg(process.pid, signal.SIGKILL)  # the whole run, workers included
    process.wait()
    done_before = len(store.batches.finished(
        row for row in _partition_ids(store)))
    assert 3 <= done_before < 16, "the run finished before it could be interrupted"
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{done_before} already finished" in again.stderr
    rows, distinct = stored(db)
    assert rows == distinct == expected


def _partition_ids(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(t.batch_partitions.c.id)).scalars())


def test_parquet_output_is_whole_partitions(cluster: object, tmp_path: Path) -> None:
    import pyarrow.parquet as pq
    from distributed import Client

    assert isinstance(cluster, Client)
    corpus, expected = build_corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out"
    result = run_batch([str(corpus)], Target(parquet=str(out)), cluster, files_per_partition=4)
    assert result.counts["articles written"] == expected + 5  # repeats differ in partition
    articles = pq.read_table(out / "articles").to_pylist()
    assert len({a["text_hash"] for a in articles}) == expected  # dedupe key across files
    events = pq.read_table(out / "events").to_pylist()
    assert events and {e["text_hash"] for e in events} <= {a["text_hash"] for a in articles}
    assert not list(out.rglob("*.tmp"))
    rerun = run_batch([str(corpus)], Target(parquet=str(out)), cluster, files_per_partition=4)
    assert rerun.already_done == rerun.partitions and not rerun.counts
