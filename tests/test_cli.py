from __future__ import annotations

import json
from pathlib import Path

from helpers import SAMPLES

PAGE = ("اشتباكات في محيط الفاشر\n\nاندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم "
        "السريع في الأحياء الشرقية لمدينة الفاشر، وفق ما أفاد شهود عيان.\n\nالتعليقات (0)\n")


def test_extract_json_from_stdin(run_cli) -> None:
    result = run_cli("extract", "--format", "json", "-", stdin=PAGE.encode("cp1256"))
    assert result.returncode == 0, result.stderr.decode()
    payload = json.loads(result.stdout)
    [doc] = payload["documents"]
    assert doc["schema"] == "rasd.doc/1"
    assert doc["provenance"]["source"] == "<stdin>"
    assert doc["provenance"]["encoding"] == "cp1256"
    assert doc["title"] == "اشتباكات في محيط الفاشر"
    assert [b["kind"] for b in doc["blocks"]] == ["headline", "paragraph"]
    assert [r["text"] for r in doc["removed"]] == ["التعليقات (0)"]
    for block in doc["blocks"]:
        assert doc["text"][block["start"] : block["end"]] == block["text"]
    assert payload["summary"] == {"processed": 1, "skipped": 0}


def test_bad_inputs_are_reported_and_the_run_goes_on(run_cli, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    rejects = tmp_path / "rejects.jsonl"
    result = run_cli("extract", "--format", "jsonl", "--rejects", str(rejects),
                     str(empty), str(good), str(binary), str(tmp_path / "missing.html"))
    assert result.returncode == 0
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["schema"] for line in lines] == [
        "rasd.rejected/1", "rasd.doc/1", "rasd.rejected/1", "rasd.rejected/1"]
    stderr = result.stderr.decode()
    assert "processed 1, skipped 3" in stderr
    assert "empty.txt" in stderr and "the input is empty" in stderr
    assert "photo.jpg" in stderr and "binary" in stderr
    saved = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in saved] == ["empty.txt", "photo.jpg", "missing.html"]
    assert saved[1]["stage"] == "acquire" and saved[1]["sample"]


def test_exit_code_is_non_zero_only_when_nothing_was_processed(run_cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("extract", str(empty))
    assert result.returncode == 1
    assert "processed 0, skipped 1" in result.stderr.decode()


def test_table_output_shows_structure_and_removed_chrome(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = run_cli("extract", str(page))
    out = result.stdout.decode()
    assert "headline" in out and "paragraph" in out
    assert "removed as page chrome" in out and "comments-counter" in out


def test_bundled_samples_all_process(run_cli) -> None:
    result = run_cli("extract", "--format", "json", str(SAMPLES))
    payload = json.loads(result.stdout)
    assert payload["summary"]["skipped"] == 0, payload["rejected"]
    assert payload["summary"]["processed"] >= 10
    formats = {d["provenance"]["input_format"] for d in payload["documents"]}
    assert formats == {"text", "html", "feed", "jsonl"}


def test_every_command_has_help(run_cli) -> None:
    top = run_cli("--help")
    assert top.returncode == 0
    commands = [line.split()[0] for line in top.stdout.decode().split("Commands:")[1]
                .strip().splitlines()]
    assert "extract" in commands
    for command in commands:
        sub = run_cli(command, "--help")
        assert sub.returncode == 0 and b"Usage:" in sub.stdout


STORED = ("قصف على الأتارب\nقصفت قوات النظام بلدة الأتارب غربي حلب يوم 5 آذار 2024 بقذائف "
          "المدفعية، ما أدى إلى مقتل مدنيين اثنين بينهم امرأة، بحسب مصادر محلية.\n")


def _store_with_one_article(run_cli, tmp_path: Path) -> Path:
    article = tmp_path / "atarib.txt"
    article.write_text(STORED, encoding="utf-8")
    db = tmp_path / "rasd.db"
    result = run_cli("ingest", str(article), "--db", str(db), "--outlet", "شبكة الشمال")
    assert result.returncode == 0, result.stderr.decode()
    return db


def test_export_writes_parquet_to_a_file(run_cli, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from rasd.export.events import COLUMNS

    db = _store_with_one_article(run_cli, tmp_path)
    out = tmp_path / "events.parquet"
    result = run_cli("export", "--db", str(db), "--format", "parquet", "--output", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b"" and "wrote 1 event to" in result.stderr.decode()
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    assert table.schema.field("event_date").type == pa.date32()
    [row] = table.to_pylist()
    assert str(row["event_date"]) == "2024-03-05" and row["fatalities"] == 2
    assert row["actor2"] == "Civilians (Syria)" and row["interaction"] == 17
    assert row["outlet"] == "شبكة الشمال" and 36 < row["latitude"] < 37
    # The same rows as the CSV, which --output writes byte for byte as on stdout.
    csv_file = tmp_path / "events.csv"
    assert run_cli("export", "--db", str(db), "-o", str(csv_file)).returncode == 0
    on_stdout = run_cli("export", "--db", str(db)).stdout
    assert csv_file.read_bytes() == on_stdout
    header = on_stdout.decode().splitlines()[0].split(",")
    assert header == COLUMNS


def test_export_refuses_parquet_on_stdout(run_cli, tmp_path: Path) -> None:
    db = _store_with_one_article(run_cli, tmp_path)
    for extra in ((), ("--output", "-")):
        result = run_cli("export", "--db", str(db), "--format", "parquet", *extra)
        assert result.returncode == 2 and result.stdout == b""
        assert "--output FILE" in result.stderr.decode()


def test_export_jsonl_carries_each_events_article(run_cli, tmp_path: Path) -> None:
    db = _store_with_one_article(run_cli, tmp_path)
    out = tmp_path / "events.jsonl"
    result = run_cli("export", "--db", str(db), "--format", "jsonl", "--output", str(out))
    assert result.returncode == 0 and result.stdout == b""
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["sub_event_type"] == "Shelling/artillery/missile attack"
    assert record["article"]["outlet"] == "شبكة الشمال"
    assert len(record["article"]["content_hash"]) == 64


def test_export_applies_reviews_unless_asked_not_to(run_cli, tmp_path: Path) -> None:
    from rasd.store import Store

    db = _store_with_one_article(run_cli, tmp_path)
    store = Store.open(db)
    reviewer = store.accounts.create_user("rana", "a long test password", "reviewer")
    [event] = store.event_records()
    store.site.reviews.record(event["id"], reviewer.id, "correct", {"fatalities": "3"})

    def exported(*extra: str) -> list[dict[str, object]]:
        result = run_cli("export", "--db", str(db), "--format", "jsonl", *extra)
        assert result.returncode == 0, result.stderr.decode()
        return [json.loads(line) for line in result.stdout.decode().splitlines()]

    assert [r["fatalities"] for r in exported()] == [3]
    assert [r["fatalities"] for r in exported("--extracted-values")] == [2]
    assert exported("--near", "36.14,36.83,20") and not exported("--near", "33.5,36.3,20")
    store.site.reviews.record(event["id"], reviewer.id, "reject")
    assert exported() == [] and len(exported("--extracted-values")) == 1
    gold = run_cli("reviews", "export", "--db", str(db))
    [article] = [json.loads(line) for line in gold.stdout.decode().splitlines()]
    assert article["events"] == [] and article["text"].startswith("قصف على الأتارب")
