from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT
from postgres_server import postgres_server
from sqlalchemy import create_engine, text


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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


_counter = iter(range(1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database per test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "rasd.db")
    base = request.getfixturevalue("postgres_url")
    name = f"test_{next(_counter)}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.rsplit("/", 1)[0] + "/" + name
