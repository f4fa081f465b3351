"""The JSON API over real HTTP, on SQLite and on PostgreSQL, and its OpenAPI
description checked by schemathesis."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live_site import Site, populate, start_server

SAMPLE = ("اشتباكات في الفاشر\nاندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع "
          "في مدينة الفاشر أمس الأحد، ما أسفر عن مقتل سبعة مدنيين، بحسب مصادر طبية.\n")


@pytest.fixture(scope="module")
def postgres_site(postgres_url: str, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[Site]:
    """The same site on a new PostgreSQL database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text('CREATE DATABASE "web_api"'))
    engine.dispose()
    db = postgres_url.rsplit("/", 1)[0] + "/web_api"
    tokens = populate(db, Path(tmp_path_factory.mktemp("pg-site")))
    process, url = start_server(db)
    try:
        yield Site(url, db, tokens)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_site(request: pytest.FixtureRequest) -> Site:
    name = "site" if request.param == "sqlite" else "postgres_site"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def test_lists_page_with_a_cursor(any_site: Site) -> None:
    with any_site.client() as client:
        first = client.get("/api/events", params={"limit": 5}).json()
        assert len(first["items"]) == 5 and first["next_cursor"]
        second = client.get("/api/events", params={"limit": 5,
                                                   "cursor": first["next_cursor"]}).json()
        ids = [e["id"] for e in first["items"] + second["items"]]
        assert ids == sorted(set(ids))  # no repeats, in order
        everything = client.get("/api/events", params={"limit": 500}).json()
        assert everything["next_cursor"] is None
        assert ids == [e["id"] for e in everything["items"]][:len(ids)]
        articles = client.get("/api/articles", params={"limit": 3}).json()
        more = client.get("/api/articles", params={"limit": 3,
                                                   "cursor": articles["next_cursor"]}).json()
        assert max(a["id"] for a in more["items"]) < min(a["id"] for a in articles["items"])


def test_filters_narrow_events(any_site: Site) -> None:
    with any_site.client() as client:
        events = client.get("/api/events", params={"limit": 500}).json()["items"]
        actor = next(e["record"]["actor1"]["id"] for e in events if e["record"]["actor1"])
        found = client.get("/api/events", params={"actor": actor, "limit": 500}).json()["items"]
        assert found and all(actor in ((e["record"]["actor1"] or {}).get("id"),
                                       (e["record"]["actor2"] or {}).get("id")) for e in found)
        syria = client.get("/api/events", params={"country": "SY", "limit": 500}).json()
        assert syria["items"] and all(e["record"]["location"]["country"] == "SY"
                                      for e in syria["items"])
        bad = client.get("/api/events", params={"since": "last week"})
        assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["detail"]


def test_search_finds_arabic_variants(any_site: Site) -> None:
    with any_site.client() as client:
        hits = client.get("/api/search", params={"q": "الحوثي"}).json()["items"]
        assert hits and all(h["snippet"]["text"] for h in hits)


def test_reviews_need_a_reviewers_token(any_site: Site) -> None:
    with any_site.client() as client:
        event_id = client.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]
        body = {"decision": "correct", "corrections": {"fatalities": 9}, "comment": "مراجعة"}
        path = f"/api/events/{event_id}/reviews"
        assert client.post(path, json=body).status_code == 401
        reader = {"Authorization": f"Bearer {any_site.tokens['reader']}"}
        assert client.post(path, json=body, headers=reader).status_code == 403
        forged = {"Authorization": "Bearer rasd_forged"}
        assert client.post(path, json=body, headers=forged).status_code == 401
        reviewer = {"Authorization": f"Bearer {any_site.tokens['reviewer']}"}
        done = client.post(path, json=body, headers=reviewer)
        assert done.status_code == 201, done.text
        event = client.get(f"/api/events/{event_id}").json()
        assert event["record"]["fatalities"] == 9
        assert event["extracted"]["fatalities"] != 9 or event["reviews"]
        bad = client.post(path, json={"decision": "correct", "corrections": {"x": 1}},
                          headers=reviewer)
        assert bad.status_code == 422


def test_export_uses_reviewed_values_by_choice(any_site: Site) -> None:
    with any_site.client() as client:
        csv_text = client.get("/api/export", params={"format": "acled-csv"}).text
        header = csv_text.splitlines()[0].split(",")
        assert header[:3] == ["event_id_cnty", "event_date", "year"]
        geo = client.get("/api/export", params={"format": "geojson"}).json()
        assert geo["type"] == "FeatureCollection" and geo["features"]


def test_extract_returns_events_without_storing(any_site: Site) -> None:
    with any_site.client() as client:
        before = client.get("/api/articles", params={"limit": 500}).json()["items"]
        response = client.post("/api/extract", json={"content": SAMPLE,
                                                     "published": "2024-05-13"})
        assert response.status_code == 200, response.text
        events = response.json()["events"]
        assert events and events[0]["fatalities"] == 7
        after = client.get("/api/articles", params={"limit": 500}).json()["items"]
        assert len(after) == len(before)
        assert client.post("/api/extract", json={"content": ""}).status_code == 422


def test_request_size_limits(site: Site) -> None:
    with site.client() as client:
        big = client.post("/api/extract", json={"content": "ا" * 600_000})
        assert big.status_code == 413 and "limit" in big.json()["detail"]
        huge = client.post("/api/extract", content=b"{" + b" " * 3_000_000 + b"}",
                           headers={"content-type": "application/json"})
        assert huge.status_code == 413


def test_not_found_is_json(site: Site) -> None:
    response = httpx.get(site.url + "/api/articles/999999")
    assert response.status_code == 404 and "no article" in response.json()["detail"]


def test_api_conforms_to_its_openapi_description(site: Site, tmp_path: Path) -> None:
    """Schemathesis generates requests from /api/openapi.json and checks every
    answer: no server errors, documented status codes and response shapes."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "schemathesis"), "run",
         site.url + "/api/openapi.json", "--checks", "all", "--max-examples", "25",
         "--exclude-method", "POST", "--generation-deterministic",
         "--suppress-health-check", "all"],
        capture_output=True, text=True, timeout=900, cwd=tmp_path)  # its cache stays there
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
