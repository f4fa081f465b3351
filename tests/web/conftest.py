"""The web tests' site: see tests/live_site.py (import helpers from there)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_site import Site, populate, start_server


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    workdir = tmp_path_factory.mktemp("site")
    db = str(workdir / "site.db")
    tokens = populate(db, workdir)
    process, url = start_server(db, "--comments-per-address", "1000")
    try:
        yield Site(url, db, tokens)
    finally:
        process.terminate()
        process.wait(timeout=20)
