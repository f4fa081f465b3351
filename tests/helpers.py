"""Paths shared by the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PAGES = FIXTURES / "pages"
SAMPLES = ROOT / "samples"
SHARED_SAMPLE = ROOT.parent / "shared" / "samples" / "orient-hajin-truce.txt"
