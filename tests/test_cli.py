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
