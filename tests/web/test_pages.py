"""The site's pages over real HTTP: escaping, CSRF, roles, limits and headers."""

from __future__ import annotations

import uuid

import httpx
from live_site import PASSWORD, Site, csrf_of


def hostile_article_id(site: Site) -> int:
    items = httpx.get(site.url + "/api/articles?limit=500").json()["items"]
    return next(a["id"] for a in items if "<script>" in (a["title"] or ""))


def register(site: Site) -> tuple[httpx.Client, str]:
    client = site.client()
    name = "u" + uuid.uuid4().hex[:10]
    csrf = csrf_of(client.get("/register"))
    response = client.post("/register", data={"username": name, "password": PASSWORD,
                                              "password2": PASSWORD, "csrf": csrf})
    assert response.status_code == 303, response.text
    return client, name


def test_article_text_is_escaped_everywhere(site: Site) -> None:
    article_id = hostile_article_id(site)
    with site.client() as client:
        for path in (f"/articles/{article_id}", "/", "/articles", "/search?q=الشعار"):
            page = client.get(path).text
            assert "<script>window.pwned" not in page, path
            assert '<img src=x onerror' not in page, path
        page = client.get(f"/articles/{article_id}").text
        assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
        assert 'href="javascript:' not in page


def test_pages_send_security_headers(site: Site) -> None:
    response = httpx.get(site.url + "/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "server" not in response.headers


def test_forms_without_the_csrf_token_are_refused(site: Site) -> None:
    client, _ = register(site)
    response = client.post(f"/articles/{hostile_article_id(site)}/comments",
                           data={"body": "بلا رمز"})
    assert response.status_code == 403
    forged = client.post(f"/articles/{hostile_article_id(site)}/comments",
                         data={"body": "رمز مزور", "csrf": "forged"})
    assert forged.status_code == 403
    anonymous = site.client()
    assert anonymous.post("/login", data={"username": "admin1",
                                          "password": PASSWORD}).status_code == 403


def test_comments_are_stored_as_written_and_shown_escaped(site: Site) -> None:
    client, name = register(site)
    article_id = hostile_article_id(site)
    page = client.get(f"/articles/{article_id}")
    body = '<script>alert("x")</script> <b onmouseover="x()">نص</b> \u202eمعكوس'
    response = client.post(f"/articles/{article_id}/comments",
                           data={"body": body, "csrf": csrf_of(page)})
    assert response.status_code == 303
    shown = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in shown
    assert '<b onmouseover' not in shown
    assert "\u202eمعكوس" in shown  # kept, inside an isolating <bdi>
    assert f"<strong>{name}</strong>" in shown


def test_a_megabyte_comment_is_refused_with_a_reason(site: Site) -> None:
    client, _ = register(site)
    article_id = hostile_article_id(site)
    csrf = csrf_of(client.get(f"/articles/{article_id}"))
    response = client.post(f"/articles/{article_id}/comments",
                           data={"body": "ا" * 1_000_000, "csrf": csrf})
    assert response.status_code in (400, 413)
    assert "5000" in response.text or "5,000" in response.text or "limit" in response.text


def test_too_many_comments_from_one_account_are_refused(site: Site) -> None:
    client, _ = register(site)
    article_id = hostile_article_id(site)
    csrf = csrf_of(client.get(f"/articles/{article_id}"))
    codes = [client.post(f"/articles/{article_id}/comments",
                         data={"body": f"تعليق رقم {i}", "csrf": csrf}).status_code
             for i in range(6)]
    assert codes == [303] * 5 + [400]


def test_roles_are_checked_on_the_server(site: Site) -> None:
    reader = site.login("reader1")
    assert reader.get("/moderation").status_code == 403
    event_id = httpx.get(site.url + "/api/events?limit=1").json()["items"][0]["id"]
    page = reader.get(f"/events/{event_id}")
    assert 'id="review-form"' not in page.text
    refused = reader.post(f"/events/{event_id}/review",
                          data={"decision": "reject", "csrf": csrf_of(page)})
    assert refused.status_code == 403
    assert site.client().get("/moderation").status_code == 401
    reviewer = site.login("reviewer1")
    assert reviewer.get("/moderation").status_code == 200


def test_moderators_hide_and_readers_report(site: Site) -> None:
    author, _ = register(site)
    article_id = hostile_article_id(site)
    csrf = csrf_of(author.get(f"/articles/{article_id}"))
    location = author.post(f"/articles/{article_id}/comments",
                           data={"body": "تعليق سيُخفى", "csrf": csrf}).headers["location"]
    comment_id = int(location.rsplit("-", 1)[1])
    reader = site.login("reader1")
    csrf = csrf_of(reader.get(f"/articles/{article_id}"))
    assert reader.post(f"/comments/{comment_id}/report",
                       data={"reason": "إساءة", "csrf": csrf}).status_code == 303
    assert reader.post(f"/comments/{comment_id}/moderate",
                       data={"action": "hide", "csrf": csrf}).status_code == 403
    reviewer = site.login("reviewer1")
    assert "تعليق سيُخفى" in reviewer.get("/moderation").text
    csrf = csrf_of(reviewer.get("/moderation"))
    assert reviewer.post(f"/comments/{comment_id}/moderate",
                         data={"action": "hide", "csrf": csrf}).status_code == 303
    assert "تعليق سيُخفى" not in site.client().get(f"/articles/{article_id}").text


def test_login_failures_and_logout(site: Site) -> None:
    client = site.client()
    csrf = csrf_of(client.get("/login"))
    bad = client.post("/login", data={"username": "reader1", "password": "wrong password",
                                      "csrf": csrf})
    assert bad.status_code == 400
    good = site.login("reader1")
    assert "reader1" in good.get("/").text
    csrf = csrf_of(good.get("/"))
    assert good.post("/logout", data={"csrf": csrf}).status_code == 303
    assert "reader1" not in good.get("/").text


def test_redirects_stay_on_the_site(site: Site) -> None:
    client = site.client()
    response = client.get("/lang/en?next=//evil.example/")
    assert response.headers["location"] == "/"
    response = client.get("/lang/en?next=/events")
    assert response.headers["location"] == "/events"


def test_interface_language_follows_the_switch(site: Site) -> None:
    client = site.client()
    assert '<html lang="ar" dir="rtl">' in client.get("/").text
    client.get("/lang/en?next=/")
    page = client.get("/").text
    assert '<html lang="en" dir="ltr">' in page and "Latest articles" in page


def test_bad_filters_get_a_clear_message(site: Site) -> None:
    response = httpx.get(site.url + "/events?since=yesterday")
    assert response.status_code == 400 and "YYYY-MM-DD" in response.text
    assert httpx.get(site.url + "/articles/999999").status_code == 404


def test_most_read_counts_page_views(site: Site) -> None:
    article_id = hostile_article_id(site)
    for _ in range(40):
        httpx.get(f"{site.url}/articles/{article_id}")
    home = httpx.get(site.url + "/?days=1").text
    most_read = home.split('id="most-read"', 1)[1].split("</section>", 1)[0]
    assert f'href="/articles/{article_id}"' in most_read
