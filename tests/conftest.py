from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT


@pytest.fixture
def run_cli():
    """Run the installed ``rasd`` command as a real subprocess."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None
            ) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"}
        return subprocess.run(
            [sys.executable, "-m", "rasd.cli", *args],
            input=stdin, capture_output=True, cwd=cwd or ROOT, env=env, timeout=300,
        )

    return run
