"""The store on a real SQLite file: idempotent ingest, revisions, quarantine, search."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, SAMPLES
from sqlalchemy import text

from rasd.acquire import Document, Provenance, Rejected, content_hash
from rasd.pipeline import Doc, Pipeline
from rasd.store import Store
from rasd.store.migrations import MIGRATIONS, current_version

PAGE = ("قصف على هجين\nقصفت طائرات التحالف الدولي بلدة هجين بريف دير الزور الشرقي، ما أدى "
        "إلى مقتل ثلاثة مدنيين، بحسب مصادر محلية.\n")


def write_corpus(folder: Path, count: int) -> Path:
    """``count`` distinct short reports, one file each."""
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(
            f"قصف على البلدة رقم {i}\nقصفت قوات النظام بلدة الأتارب للمرة {i} بعشرات القذائف، "
            f"ما أدى إلى مقتل {i % 7 + 1} مدنيين، وفق مصادر محلية.\n", encoding="utf-8")
    return folder


def doc(pipeline: Pipeline, text_: str, url: str | None = None) -> Doc:
    return pipeline(Document(text_, "text", Provenance("t", content_hash(text_), url=url,
                                                       outlet="شبكة الشمال")))


def test_ingest_is_idempotent_and_keeps_every_layer(db_target: str,
                                                   full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    first = store.ingest(doc(full_pipeline, PAGE))
    again = store.ingest(doc(full_pipeline, PAGE + "\nالتعليقات (0)\n"))  # only chrome differs
    assert (first.status, again.status) == ("added", "duplicate")
    assert again.article_id == first.article_id
    counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] >= 1 and counts["mentions"] > 3
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT sub_event_type, location_name, fatalities FROM events"
                                )).first()
        assert row is not None and row.fatalities == 3
        if store.is_sqlite:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_a_changed_version_of_a_url_is_a_new_revision(db_target: str,
                                                      full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    url = "https://north.example/news/1"
    first = store.ingest(doc(full_pipeline, PAGE, url))
    second = store.ingest(doc(full_pipeline, PAGE.replace("ثلاثة", "أربعة"), url))
    assert second.status == "revision" and second.article_id != first.article_id
    with store.engine.connect() as conn:
        revisions = conn.execute(text("SELECT revision, previous_id FROM articles ORDER BY id")
                                 ).all()
    assert [tuple(r) for r in revisions] == [(1, None), (2, first.article_id)]


def test_failures_are_quarantined_once_with_their_bytes(db_target: str) -> None:
    store = Store.open(db_target)
    item = Rejected("bad.txt", "acquire", "the input looks binary", sample=b"\x00\x01ab")
    assert store.quarantine(item) is True
    assert store.quarantine(item) is False
    [row] = store.quarantined()
    assert row["reason"] == "the input looks binary" and bytes(row["sample"]) == b"\x00\x01ab"


def test_arabic_search_ignores_variants_and_clitics(db_target: str,
                                                    full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    store.ingest(doc(full_pipeline, PAGE))
    store.ingest(doc(full_pipeline, "اشتباكات في الرقه\nاندلعت اشتباكات عنيفة في مدينة الرقه "
                                    "بين قسد وخلايا داعش، وفق ناشطين.\n"))
    store.ingest(doc(full_pipeline, "غارة قرب رقة\nقصفت مسيرة موقعا قرب رقة، دون وقوع إصابات.\n"))
    assert [h.title for h in store.search("هجين")] == ["قصف على هجين"]  # found in بهجين too
    raqqa = {h.title for h in store.search("الرقة")}
    assert raqqa == {"اشتباكات في الرقه", "غارة قرب رقة"}
    [hit] = store.search("بلدة هجين")
    assert hit.snippet.highlight is not None
    start, end = hit.snippet.highlight
    assert "هجين" in hit.snippet.text[start:end]
    assert store.search("هجين", country="IQ") == []
    assert store.search("هجين", country="SY")


def test_a_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(
        tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 150)
    db = tmp_path / "rasd.db"
    command = [sys.executable, "-m", "rasd.cli", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.5)
        if db.exists() and Store.open(db).counts()["articles"] >= 20:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = Store.open(db).counts()["articles"]
    assert 0 < partial < 150
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=600)
    store = Store.open(db)
    assert store.counts()["articles"] == 150
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        orphans = conn.execute(text("SELECT count(*) FROM events e LEFT JOIN articles a "
                                    "ON a.id = e.article_id WHERE a.id IS NULL")).scalar()
        assert orphans == 0


@pytest.mark.parametrize("query", ["قسد", "داعش"])
def test_search_command_on_the_samples(run_cli, tmp_path: Path, query: str) -> None:
    db = tmp_path / "rasd.db"
    assert run_cli("ingest", str(SAMPLES), "--db", str(db)).returncode == 0
    result = run_cli("search", query, "--db", str(db), "--format", "json")
    assert result.returncode == 0
    assert b"article_id" in result.stdout


def test_migrations_are_recorded_and_rerun_safely(db_target: str) -> None:
    Store.open(db_target)
    store = Store.open(db_target)  # a second open applies nothing new
    with store.engine.connect() as conn:
        assert current_version(conn) == MIGRATIONS[-1][0]
        rows = conn.execute(text("SELECT count(*) FROM schema_migrations")).scalar()
        assert rows == len(MIGRATIONS)


def test_reports_from_several_outlets_are_one_incident_with_each_figure(
        db_target: str, full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    reports = [
        ("مرصد الشمال", "مقتل 12 مدنيا بقصف على الأتارب\nقصفت قوات النظام يوم 5 آذار 2024 بلدة "
         "الأتارب غربي حلب، ما أدى إلى مقتل 12 مدنيا، وفق مصادر محلية.\n"),
        ("وكالة الأنباء", "قصف على الأتارب\nقصفت قوات النظام في 5 آذار 2024 مواقع في بلدة "
         "الأتارب، ما أدى إلى مقتل ثلاثة أشخاص، بحسب مصادر محلية.\n"),
        ("شبكة الجنوب", "اشتباكات في درعا\nاندلعت اشتباكات في 5 آذار 2024 بين فصائل المعارضة "
         "وقوات النظام في مدينة طفس، ما أدى إلى مقتل عنصرين.\n"),
    ]
    for outlet, body in reports:
        d = full_pipeline(Document(body, "text", Provenance("t", content_hash(body),
                                                            outlet=outlet,
                                                            published="2024-03-06")))
        store.ingest(d)
    assert store.cluster() >= 3
    assert store.cluster() == 0  # incremental: nothing new to place
    [atarib] = [i for i in store.incidents() if i["reports"] == 2]
    figures = sorted(r["fatalities"] for r in atarib["reports_detail"])
    assert figures == [3, 12]
    assert atarib["fatalities"] == 3 and "lowest" in atarib["fatalities_rule"]
    assert {r["outlet"] for r in atarib["reports_detail"]} == {"مرصد الشمال", "وكالة الأنباء"}


def test_export_of_stored_events(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "rasd.db"
    assert run_cli("ingest", str(SAMPLES), "--db", str(db)).returncode == 0
    result = run_cli("export", "--db", str(db), "--format", "jsonl")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and lines
    assert all('"modality": "background"' not in line for line in lines)
    csv_out = run_cli("export", "--db", str(db), "--country", "SY").stdout.decode()
    assert csv_out.startswith("event_id_cnty,event_date")
    incidents = run_cli("incidents", "--db", str(db), "--format", "json")
    assert incidents.returncode == 0 and incidents.stdout.startswith(b"[")


def test_reprocess_replaces_extraction_and_reports_changes(db_target: str,
                                                           full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    text_only = Pipeline.default(tokens=False)  # as if stored before events existed
    result = store.ingest(doc(text_only, PAGE))
    assert store.counts()["events"] == 0
    changes = store.replace_extraction(result.article_id,
                                       full_pipeline(store.stored_document(result.article_id)))
    assert changes["added"] >= 1 and changes["removed"] == 0
    assert store.counts()["events"] == changes["added"]
    again = store.replace_extraction(result.article_id,
                                     full_pipeline(store.stored_document(result.article_id)))
    assert again == {"added": 0, "removed": 0, "kept": changes["added"]}


def test_quarantine_retry_stores_an_input_once_it_is_fixed(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "rasd.db"
    page = tmp_path / "late.txt"
    page.write_bytes(b"")
    assert run_cli("ingest", str(page), "--db", str(db)).returncode == 1
    assert Store.open(db).counts()["quarantine"] == 1
    page.write_text(PAGE, encoding="utf-8")
    retry = run_cli("quarantine", "retry", "--db", str(db))
    assert retry.returncode == 0 and b"1 stored" in retry.stdout
    store = Store.open(db)
    assert store.counts()["articles"] == 1
    assert store.quarantined(unresolved=True) == []
    assert run_cli("reprocess", "--db", str(db)).returncode == 0


def test_search_filters_combine_with_text(db_target: str, full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    store.ingest(doc(full_pipeline, PAGE))
    assert store.search("هجين", near=(34.70, 40.83, 25))  # Hajin
    assert not store.search("هجين", near=(36.20, 37.15, 25))  # Aleppo
    assert store.search("هجين", min_fatalities=3, max_fatalities=3)
    assert not store.search("هجين", min_fatalities=4)
    assert store.search("هجين", outlet="شبكة الشمال")
    assert not store.search("هجين", outlet="غيرها")
    assert not store.search("هجين", modality="background")


def test_following_a_feed_served_on_localhost(run_cli, tmp_path: Path) -> None:
    """A fake news site on 127.0.0.1 serves a feed; two polls add its entries once."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    site = tmp_path / "site"
    site.mkdir()
    (site / "feed.xml").write_bytes((SAMPLES / "feeds" / "rss.xml").read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(SimpleHTTPRequestHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        db = tmp_path / "rasd.db"
        result = run_cli("ingest", "--db", str(db), "--follow", url, "--polls", "2",
                         "--interval", "0.1")
        assert result.returncode == 0, result.stderr.decode()
        assert b"added" in result.stderr and b"duplicate" in result.stderr
        assert Store.open(db).counts()["articles"] >= 3
        missing = run_cli("ingest", "--db", str(db), "--follow", url.replace("feed", "gone"),
                          "--polls", "1")
        assert b"cannot fetch the feed" in missing.stderr
    finally:
        server.shutdown()


def test_reading_commands_do_not_create_a_database(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = run_cli("search", "إدلب", "--db", str(missing))
    assert result.returncode == 1 and b"no such database" in result.stderr
    assert not missing.exists()


def test_an_article_that_cannot_be_stored_is_quarantined_and_the_run_goes_on(
        run_cli, tmp_path: Path) -> None:
    db = tmp_path / "rasd.db"
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text("عدد كبير\nقتل 99999999999999999999 مدنيا في قصف جوي على مدينة إدلب، "
                    "بحسب مصادر محلية.\n", encoding="utf-8")
    result = run_cli("ingest", str(huge), str(good), "--db", str(db))
    assert result.returncode == 0, result.stderr.decode()
    assert Store.open(db).counts()["articles"] == 2  # the absurd figure is simply not a figure


def test_superseded_revisions_are_left_out_of_exports_and_incidents(
        db_target: str, full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    url = "https://north.example/news/9"
    first = ("قصف على الأتارب\nقصفت قوات النظام يوم 5 آذار 2024 بلدة الأتارب، ما أدى إلى "
             "مقتل 5 مدنيين.\n")
    store.ingest(doc(full_pipeline, first, url))
    store.ingest(doc(full_pipeline, first.replace("مقتل 5", "مقتل 7"), url))
    store.cluster()
    figures = [r["record"]["fatalities"] for r in store.event_records()]
    assert figures == [7]
    assert [i["reports"] for i in store.incidents()] == [1]


def test_two_ingests_of_the_same_corpus_at_once_store_each_article_once(
        tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 40)
    db = tmp_path / "rasd.db"
    Store.open(db)  # both writers find the schema in place
    command = [sys.executable, "-m", "rasd.cli", "ingest", str(corpus), "--db", str(db),
               "--outlet", "شبكة الشمال"]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()[-2000:]
    store = Store.open(db)
    assert store.counts()["articles"] == 40
    assert store.counts()["quarantine"] == 0
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM outlets")).scalar() == 1
