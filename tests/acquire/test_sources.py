from __future__ import annotations

import os
from pathlib import Path

from rasd.acquire import AcquireConfig, Document, Rejected, read_sources

BODY = "اندلعت اشتباكات بين فصائل المعارضة وقوات النظام على محور كبانة في ريف اللاذقية.\n"


def test_folders_are_walked_and_globs_expanded(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{BODY}</p></body></html>",
                                            encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    from_folder = list(read_sources([str(tmp_path)]))
    assert [Path(d.provenance.source).name for d in from_folder] == ["a.txt", "b.html"]
    assert [d.format for d in from_folder if isinstance(d, Document)] == ["text", "html"]
    from_glob = list(read_sources([str(tmp_path / "**" / "*.html")]))
    assert [Path(d.provenance.source).name for d in from_glob] == ["b.html"]


def test_missing_sources_and_empty_globs_are_rejects_not_silence(tmp_path: Path) -> None:
    items = list(read_sources([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert all(isinstance(i, Rejected) for i in items) and len(items) == 2
    assert "no such file" in items[0].reason


def test_a_huge_single_page_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.write(BODY.encode())
        fh.truncate(200 * 1024 * 1024)
    assert os.path.getsize(huge) == 200 * 1024 * 1024
    [item] = list(read_sources([str(huge)], AcquireConfig()))
    assert isinstance(item, Rejected)
    assert "209,715,200 bytes" in item.reason and "--max-bytes" in item.reason
    assert item.sample.startswith(BODY.encode()[:20])


def test_format_is_sniffed_from_content_when_the_name_says_nothing(tmp_path: Path) -> None:
    page = tmp_path / "page"
    page.write_text(f"<!DOCTYPE html><html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    [doc] = list(read_sources([str(page)]))
    assert isinstance(doc, Document) and doc.format == "html"
