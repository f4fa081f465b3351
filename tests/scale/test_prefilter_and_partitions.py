"""Partitions are stable units of work; the prefilter skips only what the
extractor could not have coded anyway."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FIXTURES

from rasd.scale.partition import plan
from rasd.scale.prefilter import NO_CONFLICT, NOT_ARABIC, Prefilter, arabic_share


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return Prefilter.load()


def gold() -> list[dict[str, object]]:
    return [json.loads(line) for path in sorted((FIXTURES / "gold").glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_no_annotated_incident_is_filtered_out(prefilter: Prefilter) -> None:
    articles = gold()
    with_events = [a for a in articles if a["events"] or a["tolls"]]
    assert len(with_events) > 60
    lost = [a["id"] for a in with_events if prefilter.reason(str(a["text"])) is not None]
    assert lost == []


def test_articles_not_about_conflict_are_skipped(prefilter: Prefilter) -> None:
    sports = ("تأهل المنتخب الوطني لكرة القدم إلى نهائي البطولة العربية بعد فوزه على نظيره "
              "بهدفين مقابل هدف، وسط احتفالات الجماهير في شوارع العاصمة.")
    prices = "ارتفعت أسعار الخضار في الأسواق المحلية خلال الأسبوع الجاري بسبب موجة الصقيع."
    assert prefilter.reason(sports) == NO_CONFLICT
    assert prefilter.reason(prices) == NO_CONFLICT
    english = "Heavy clashes were reported near the city, according to local sources."
    assert prefilter.reason(english) == NOT_ARABIC
    assert arabic_share("قصف Aleppo") == pytest.approx(3 / 9)
    assert prefilter.reason("قصفت طائرات حربية بلدة كفرنبل صباح اليوم.") is None


def test_partitions_group_pages_and_keep_archives_alone(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"خبر رقم {i}", encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text('{"text": "خبر"}\n', encoding="utf-8")
    first = plan([str(tmp_path)], files_per_partition=2)
    assert sorted(len(p.files) for p in first) == [1, 1, 2, 2]
    assert any(p.files == (str(tmp_path / "dump.jsonl"),) for p in first)
    assert [p.id for p in plan([str(tmp_path)], 2)] == [p.id for p in first]  # stable
    (tmp_path / "0.txt").write_text("خبر معدّل أطول", encoding="utf-8")
    changed = {p.id for p in plan([str(tmp_path)], 2)}
    assert len(changed - {p.id for p in first}) == 1  # only the partition with the edit
    with pytest.raises(FileNotFoundError, match="no such file"):
        plan([str(tmp_path / "missing")])
