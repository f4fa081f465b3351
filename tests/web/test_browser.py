"""End-to-end tests: Debian's Chromium, driven by Playwright, against `rasd serve`.

Each test gets a fresh browser context (no shared cookies). Full-page screenshots
of the main pages go to artifacts/screenshots/ for a human to look at.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from helpers import ROOT
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# The password tests/web/conftest.py gives admin1, reviewer1 and reader1 (that conftest
# cannot be imported by name: --import-mode=importlib, and tests/conftest.py is `conftest`).
PASSWORD = "a long test password"
Site = Any  # tests/web/conftest.py's Site: url, db, tokens, client(), login()
WAIT = 15_000  # ms, for every auto-waiting assertion
HOSTILE_COMMENT = ('<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
                   " تعليق عربي \u202eمقلوب\u202c نهاية")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium "
                    "(apt-get install chromium) for the browser tests")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Tab:
    """One page in its own browser context, with what it reported."""

    page: Page
    site: Site
    errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        response = self.page.goto(self.site.url + path)
        assert response is not None and response.ok, (path, response and response.status)

    def pwned(self) -> Any:
        return self.page.evaluate("() => window.pwned")

    def login(self, username: str, password: str = PASSWORD, then: str = "/") -> None:
        self.goto(f"/login?next={quote(then)}")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", password)
        self.page.click("#account-submit")
        self.page.wait_for_url(re.compile(re.escape(self.site.url + then) + r"([?#].*)?$"))
        expect(self.page.locator(".account .who")).to_contain_text(username, timeout=WAIT)

    def shoot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def tab(browser: Browser, site: Site) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WAIT)
    page = context.new_page()
    found = Tab(page, site)
    page.on("pageerror", lambda exc: found.errors.append(str(exc)))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.console_errors.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        found.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("dialog", on_dialog)
    try:
        yield found
    finally:
        context.close()
    assert not found.errors, f"uncaught script errors: {found.errors}"


def api(site: Site, path: str, **params: Any) -> Any:
    with site.client() as client:
        response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def plain_articles(site: Site) -> list[dict[str, Any]]:
    """Articles with events, not the hostile one."""
    items = api(site, "/api/articles", limit=200)["items"]
    return [a for a in items if a["events"] and "<script>" not in (a["title"] or "")]


# --- 1 ---------------------------------------------------------------------------------

def test_home_is_arabic_with_latest_and_most_read(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar", timeout=WAIT)
    expect(html).to_have_attribute("dir", "rtl", timeout=WAIT)
    expect(page.locator(".latest h1")).to_have_text("أحدث المقالات", timeout=WAIT)
    latest = api(tab.site, "/api/articles", limit=15)["items"]
    teasers = page.locator(".latest article.teaser")
    expect(teasers).to_have_count(len(latest), timeout=WAIT)
    assert len(latest) >= 10
    # The newest article comes first, and every teaser links to its article.
    expect(teasers.first.locator("h2 a")).to_have_attribute(
        "href", f"/articles/{latest[0]['id']}", timeout=WAIT)
    expect(teasers.nth(1).locator("h2 a")).to_have_text(latest[1]["title"], timeout=WAIT)
    most_read = page.locator("#most-read")
    expect(most_read).to_be_visible(timeout=WAIT)
    expect(most_read.locator("h2")).to_have_text("الأكثر قراءة", timeout=WAIT)
    expect(most_read.locator("ol > li").first).to_be_visible(timeout=WAIT)
    expect(page.locator("#top-topics .chips li").first).to_be_visible(timeout=WAIT)
    assert tab.pwned() is None
    tab.shoot("home")


# --- 2 ---------------------------------------------------------------------------------

def test_article_highlights_places_and_evidence(tab: Tab) -> None:
    page = tab.page
    chosen = plain_articles(tab.site)[0]
    tab.goto("/")
    page.locator(f".latest a[href='/articles/{chosen['id']}']").click()
    page.wait_for_url(f"{tab.site.url}/articles/{chosen['id']}")
    expect(page.locator("h1.headline")).to_have_text(chosen["title"], timeout=WAIT)
    expect(page.locator("article.article")).to_have_attribute("dir", "rtl", timeout=WAIT)

    place = page.locator("mark.mention-place[data-resolved]:not([data-resolved=''])").first
    expect(place).to_be_visible(timeout=WAIT)
    resolved = place.get_attribute("data-resolved")
    assert resolved and resolved.strip(), "a place mention without its resolution"
    expect(place).to_have_attribute("title", resolved, timeout=WAIT)
    place.hover()
    place.focus()
    expect(place).to_be_focused(timeout=WAIT)
    tab.shoot("article")

    events = page.locator("#events ol.events > li.event")
    expect(events.first).to_be_visible(timeout=WAIT)
    assert events.count() == chosen["events"]
    expect(page.locator(".evidence-active")).to_have_count(0, timeout=WAIT)
    link = events.first.locator("a.evidence-link")
    href = link.get_attribute("href") or ""
    event_id = re.fullmatch(r"\?evidence=(\d+)#evidence-\d+", href)
    assert event_id, href
    link.click()
    page.wait_for_url(re.compile(rf"\?evidence={event_id.group(1)}#evidence-"))
    active = page.locator("article.article .evidence-active")
    expect(active.first).to_be_visible(timeout=WAIT)
    expect(page.locator(f"#evidence-{event_id.group(1)}")).to_have_count(1, timeout=WAIT)
    # The highlighted text is (part of) the event's evidence.
    record = api(tab.site, f"/api/events/{event_id.group(1)}")["record"]
    quoted = " ".join(e["text"] for e in record.get("evidence") or [])
    shown = "".join(active.all_inner_texts())
    assert shown.strip() and shown.split()[0] in quoted, (shown, quoted)


# --- 3 ---------------------------------------------------------------------------------

def test_register_and_comment_shows_markup_as_text(tab: Tab) -> None:
    page = tab.page
    chosen = plain_articles(tab.site)[-1]
    username = f"e2e-{uuid.uuid4().hex[:10]}"
    tab.goto(f"/register?next=/articles/{chosen['id']}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("#account-submit")
    page.wait_for_url(f"{tab.site.url}/articles/{chosen['id']}")
    expect(page.locator(".account .who")).to_contain_text(username, timeout=WAIT)

    count = page.locator("#comments .comment-count")
    before = int(count.inner_text())
    page.fill("#comment-body", HOSTILE_COMMENT)
    page.click("#comment-send")
    page.wait_for_url(re.compile(rf"/articles/{chosen['id']}#comment-\d+$"))
    expect(count).to_have_text(str(before + 1), timeout=WAIT)

    mine = page.locator(".comment", has=page.locator(".comment-meta strong",
                                                     has_text=username))
    expect(mine).to_have_count(1, timeout=WAIT)
    body = mine.locator(".comment-body")
    expect(body).to_contain_text("<script>window.pwned=1</script>", timeout=WAIT)
    expect(body).to_contain_text('<img src=x onerror="window.pwned=2">', timeout=WAIT)
    expect(body).to_contain_text("تعليق عربي", timeout=WAIT)
    assert body.text_content() == HOSTILE_COMMENT.strip()
    assert "\u202e" in (body.text_content() or "")
    # Nothing was parsed as markup inside the comment.
    expect(body.locator("script, img")).to_have_count(0, timeout=WAIT)
    assert tab.pwned() is None
    assert not tab.dialogs


# --- 4 ---------------------------------------------------------------------------------

def test_hostile_article_renders_tags_as_text(tab: Tab) -> None:
    page = tab.page
    hostile = [a for a in api(tab.site, "/api/articles", limit=200)["items"]
               if "<script>" in (a["title"] or "")]
    assert len(hostile) == 1, hostile
    title = hostile[0]["title"]
    assert "<img src=x onerror=" in title
    tab.goto("/articles")
    link = page.locator("ul.list a", has_text="<script>window.pwned=1</script>")
    expect(link).to_have_count(1, timeout=WAIT)
    expect(link).to_have_text(title, timeout=WAIT)
    expect(link).to_have_attribute("href", f"/articles/{hostile[0]['id']}", timeout=WAIT)
    link.click()
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    headline = page.locator("h1.headline")
    expect(headline).to_have_text(title, timeout=WAIT)
    expect(page).to_have_title(re.compile(re.escape("<script>window.pwned=1</script>")),
                               timeout=WAIT)
    article = page.locator("article.article")
    expect(article).to_contain_text("<script>window.pwned=3</script>", timeout=WAIT)
    expect(article).to_contain_text('<a href="javascript:alert(1)">', timeout=WAIT)
    # No element came out of the article's text: no script, image or link.
    expect(page.locator("main script, main img, article.article a")).to_have_count(
        0, timeout=WAIT)
    # Every script on the page is our own file; no element carries an event handler.
    scripts = page.evaluate("() => [...document.scripts].map(s => s.src || s.textContent)")
    assert all(src.startswith(tab.site.url + "/static/") for src in scripts), scripts
    assert page.evaluate("() => document.querySelectorAll('[onerror], [onload]').length") == 0
    # Give a handler the chance to run if one had been planted (images load async).
    page.wait_for_load_state("load")
    assert tab.pwned() is None
    assert tab.dialogs == []


# --- 5 ---------------------------------------------------------------------------------

def test_events_explorer_filters_by_actor(tab: Tab) -> None:
    page = tab.page
    counts: dict[str, int] = {}
    for item in api(tab.site, "/api/events", limit=500)["items"]:
        for side in ("actor1", "actor2"):
            actor = item["record"].get(side)
            if actor and actor.get("id"):
                counts[actor["id"]] = counts.get(actor["id"], 0) + 1
    actor = max(sorted(counts), key=lambda a: counts[a])
    items = api(tab.site, "/api/events", actor=actor, limit=500)["items"]
    assert len(items) == counts[actor] >= 2
    located = [e for e in items if (e["record"].get("location") or {}).get("latitude")
               is not None and e["record"]["location"].get("longitude") is not None]
    assert located, f"no event of {actor} has coordinates"

    tab.goto("/events")
    expect(page.locator("[data-rasd-map]")).to_have_attribute("data-ready", "1", timeout=WAIT)
    page.locator("#filters select[name=actor]").select_option(actor)
    page.click("#apply-filters")
    page.wait_for_url(re.compile(rf"/events\?.*actor={re.escape(actor)}(&|$)"))
    expect(page.locator("#filters select[name=actor]")).to_have_value(actor, timeout=WAIT)

    rows = page.locator("#events-table tbody tr")
    expect(rows).to_have_count(len(items), timeout=WAIT)
    link = f"/actors/{quote(actor, safe='')}"
    for i in range(rows.count()):
        expect(rows.nth(i).locator(f"a[href='{link}']")).not_to_have_count(0, timeout=WAIT)

    the_map = page.locator("[data-rasd-map]")
    expect(the_map).to_have_attribute("data-ready", "1", timeout=WAIT)
    expect(the_map).to_have_attribute("data-markers", str(len(located)), timeout=WAIT)
    expect(the_map).to_have_class(re.compile(r"\brasd-map-fallback\b"), timeout=WAIT)
    expect(the_map.locator("path.rasd-marker")).to_have_count(len(located), timeout=WAIT)
    chart = page.locator("canvas[data-rasd-chart]")
    expect(chart).to_have_attribute("data-ready", "1", timeout=WAIT)
    box = chart.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 50, box
    tab.shoot("events")
    # The bundle honours the CSP: nothing was refused.
    assert not [m for m in tab.console_errors if "Content Security Policy" in m], \
        tab.console_errors


# --- 6 ---------------------------------------------------------------------------------

def test_reviewer_corrects_fatalities(tab: Tab) -> None:
    page = tab.page
    items = api(tab.site, "/api/events", limit=500)["items"]
    target = next(e for e in items if e["review"] is None
                  and e["record"].get("fatalities") is not None)
    event_id, original = target["id"], target["record"]["fatalities"]
    corrected = original + 17
    note = f"تصحيح العدد حسب مصدر ثانٍ {uuid.uuid4().hex[:6]}"

    tab.login("reviewer1", then=f"/events/{event_id}")
    form = page.locator("#review-form")
    expect(form).to_be_visible(timeout=WAIT)
    form.locator("input[name=decision][value=correct]").check()
    form.locator("input[name=fatalities]").fill(str(corrected))
    form.locator("textarea[name=comment]").fill(note)
    tab.shoot("event-review")
    page.click("#review-submit")
    page.wait_for_url(re.compile(rf"/events/{event_id}#reviews$"))

    decision = page.locator("#reviews ol > li", has_text=note)
    expect(decision).to_have_count(1, timeout=WAIT)
    expect(decision.locator("strong")).to_have_text("مصحَّح", timeout=WAIT)
    expect(decision).to_contain_text("reviewer1", timeout=WAIT)
    expect(decision.locator("code")).to_contain_text(f"fatalities={corrected}", timeout=WAIT)
    expect(page.locator("table.fields")).to_contain_text(str(corrected), timeout=WAIT)

    found = api(tab.site, f"/api/events/{event_id}")
    assert found["record"]["fatalities"] == corrected
    assert found["extracted"]["fatalities"] == original
    assert found["reviews"][-1]["decision"] == "correct"
    assert found["reviews"][-1]["comment"] == note


# --- 7 ---------------------------------------------------------------------------------

def test_switch_to_english(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "ar", timeout=WAIT)
    page.click("#lang-switch")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "en", timeout=WAIT)
    expect(html).to_have_attribute("dir", "ltr", timeout=WAIT)
    nav = page.locator("header nav")
    expect(nav.locator("a[href='/events']")).to_have_text("Events", timeout=WAIT)
    expect(nav.locator("a[href='/articles']")).to_have_text("Articles", timeout=WAIT)
    expect(page.locator(".latest h1")).to_have_text("Latest articles", timeout=WAIT)
    expect(page.locator("#most-read h2")).to_have_text("Most read", timeout=WAIT)
    expect(page.locator("#lang-switch")).to_have_text("العربية", timeout=WAIT)
    assert page.url.rstrip("/") == tab.site.url
    tab.shoot("home-en")
    # The choice sticks for the next page.
    page.locator("header nav a[href='/events']").click()
    expect(page.locator("html")).to_have_attribute("lang", "en", timeout=WAIT)
    expect(page.locator("#apply-filters")).to_have_text("Apply", timeout=WAIT)


# --- 8 ---------------------------------------------------------------------------------

def test_reader_cannot_review_or_moderate(tab: Tab) -> None:
    page = tab.page
    event_id = api(tab.site, "/api/events", limit=1)["items"][0]["id"]
    tab.login("reader1", then=f"/events/{event_id}")
    expect(page.locator("#reviews h2")).to_be_visible(timeout=WAIT)
    expect(page.locator("#review-form")).to_have_count(0, timeout=WAIT)
    expect(page.locator("#review-submit")).to_have_count(0, timeout=WAIT)
    expect(page.locator("header nav a[href='/moderation']")).to_have_count(0, timeout=WAIT)

    response = page.goto(tab.site.url + "/moderation")
    assert response is not None and response.status in (401, 403), response and response.status
    expect(page.locator("table")).to_have_count(0, timeout=WAIT)
    expect(page.locator("main")).to_contain_text("لا يسمح حسابك بهذا", timeout=WAIT)

    # Posting a review without the form is refused too, and records nothing.
    csrf = page.context.cookies(tab.site.url)
    token = next(c["value"] for c in csrf if c["name"] == "rasd_csrf")
    posted = page.request.post(f"{tab.site.url}/events/{event_id}/review",
                                form={"csrf": token, "decision": "reject"},
                                max_redirects=0)
    assert posted.status == 403
    assert all(r["username"] != "reader1"
               for r in api(tab.site, f"/api/events/{event_id}")["reviews"])


def test_anonymous_moderation_needs_login(tab: Tab) -> None:
    response = tab.page.goto(tab.site.url + "/moderation")
    assert response is not None and response.status == 401
    with httpx.Client(base_url=tab.site.url) as client:
        assert client.get("/moderation").status_code == 401
