from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import postgres_server
from sqlalchemy import create_engine, text

from rasd.events.extract import EventExtractor
from rasd.events.lexicon import EventLexicon
from rasd.mentions import MentionFinder
from rasd.pipeline import Pipeline


@pytest.fixture(scope="session")
def full_pipeline() -> Pipeline:
    finder = MentionFinder.load()
    return Pipeline.default(mentions=finder,
                            events=EventExtractor(EventLexicon.load(), finder.actors))


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
