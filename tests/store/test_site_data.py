"""Accounts, comments, page views and reviews in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rasd.acquire import Document, Provenance, content_hash
from rasd.pipeline import Doc, Pipeline
from rasd.store import Store
from rasd.store.accounts import AccountError
from rasd.store.comments import CommentError, CommentLimits
from rasd.store.reviews import ReviewError
from rasd.store.site import EventFilter

PASSWORD = "correct horse battery"
PAGE = ("قصف على سراقب\nقصفت قوات النظام مدينة سراقب بريف إدلب الشرقي، ما أدى إلى مقتل "
        "ثلاثة مدنيين، بحسب مصادر محلية.\n")


def doc(pipeline: Pipeline, text_: str) -> Doc:
    return pipeline(Document(text_, "text", Provenance("t", content_hash(text_))))


def stored(db_target: str, pipeline: Pipeline) -> tuple[Store, int, int]:
    store = Store.open(db_target)
    article_id = store.ingest(doc(pipeline, PAGE)).article_id
    event_id = store.site.events()[0]["id"]
    return store, article_id, event_id


def test_passwords_are_hashed_and_checked(db_target: str) -> None:
    accounts = Store.open(db_target).accounts
    user = accounts.create_user("muna", PASSWORD, "reviewer")
    with Store.open(db_target).engine.connect() as conn:
        from sqlalchemy import text

        stored_hash = conn.execute(text("SELECT password_hash FROM users")).scalar()
    assert PASSWORD not in stored_hash and stored_hash.startswith("$argon2id$")
    assert accounts.authenticate("muna", PASSWORD) == user
    assert accounts.authenticate("muna", PASSWORD + "x") is None
    assert accounts.authenticate("nobody", PASSWORD) is None
    with pytest.raises(AccountError, match="taken"):
        accounts.create_user("muna", PASSWORD)
    with pytest.raises(AccountError, match="password"):
        accounts.create_user("short", "abc")
    with pytest.raises(AccountError, match="user name"):
        accounts.create_user("<script>", PASSWORD)


def test_sessions_and_tokens_open_only_with_the_secret(db_target: str) -> None:
    accounts = Store.open(db_target).accounts
    user = accounts.create_user("salim", PASSWORD)
    token = accounts.start_session(user)
    session = accounts.session(token)
    assert session is not None and session.user == user and len(session.csrf) > 20
    assert accounts.session(token + "x") is None
    accounts.end_session(token)
    assert accounts.session(token) is None
    api = accounts.create_token("salim")
    assert accounts.token_user(api) == user and accounts.token_user("rasd_forged") is None
    assert not user.can("reviewer") and user.can("reader")


def test_comments_thread_moderation_and_limits(db_target: str, full_pipeline: Pipeline) -> None:
    store, article_id, _ = stored(db_target, full_pipeline)
    alice = store.accounts.create_user("alice", PASSWORD)
    bob = store.accounts.create_user("bob", PASSWORD)
    comments = store.comments(CommentLimits(max_length=50, per_user=2, per_address=3,
                                            window=timedelta(minutes=10)))
    hostile = "<script>alert(1)</script>\u202e"
    first = comments.add(article_id, alice.id, hostile, address="10.0.0.1")
    reply = comments.add(article_id, bob.id, "رد", parent_id=first, address="10.0.0.1")
    [top] = comments.thread(article_id)
    assert top.body == hostile  # stored exactly as written
    assert [r.id for r in top.replies] == [reply]
    assert comments.count(article_id) == 2
    with pytest.raises(CommentError, match="at most 50"):
        comments.add(article_id, alice.id, "x" * 51)
    with pytest.raises(CommentError, match="empty"):
        comments.add(article_id, alice.id, "   ")
    comments.add(article_id, alice.id, "ثانية", address="10.0.0.2")
    with pytest.raises(CommentError, match="too many comments in a short time"):
        comments.add(article_id, alice.id, "ثالثة", address="10.0.0.3")
    comments.add(article_id, bob.id, "من نفس الشبكة", address="10.0.0.1")
    carol = store.accounts.create_user("carol", PASSWORD)
    with pytest.raises(CommentError, match="this network"):
        comments.add(article_id, carol.id, "وأنا كذلك", address="10.0.0.1")
    assert comments.report(first, bob.id, "spam") and not comments.report(first, bob.id, "x")
    assert comments.reported()[0]["id"] == first
    comments.set_status(first, "hidden")
    assert first not in [c.id for c in comments.thread(article_id)]
    assert first in [c.id for c in comments.thread(article_id, include_hidden=True)]
    with pytest.raises(CommentError, match="no article"):
        comments.add(article_id + 999, carol.id, "x")
    with pytest.raises(CommentError, match="same article"):
        comments.add(article_id, carol.id, "x", parent_id=first + 999)


def test_reviews_keep_the_extraction_and_apply_on_demand(db_target: str,
                                                        full_pipeline: Pipeline) -> None:
    store, _, event_id = stored(db_target, full_pipeline)
    reviewer = store.accounts.create_user("rana", PASSWORD, "reviewer")
    reviews = store.site.reviews
    with pytest.raises(ReviewError, match="at least one field"):
        reviews.record(event_id, reviewer.id, "correct", {})
    with pytest.raises(ReviewError, match="whole number"):
        reviews.record(event_id, reviewer.id, "correct", {"fatalities": "many"})
    reviews.record(event_id, reviewer.id, "correct", {"fatalities": "4"}, "قرأت المصدر")
    [row] = [e for e in store.site.events() if e["id"] == event_id]
    assert row["record"]["fatalities"] == 4 and row["review"]["decision"] == "correct"
    [raw] = [e for e in store.site.events(apply_reviews=False) if e["id"] == event_id]
    assert raw["record"]["fatalities"] == 3  # the extraction itself is untouched
    assert store.site.events(EventFilter(reviewed=True))
    assert not store.site.events(EventFilter(reviewed=False))
    [gold] = list(reviews.annotated_articles())
    assert gold["events"][0]["fatalities"] == 4
    assert gold["events"][0]["evidence"] in gold["text"]
    reviews.record(event_id, reviewer.id, "reject", comment="ليس حدثاً")
    assert [r["decision"] for r in reviews.history(event_id)] == ["correct", "reject"]
    [after] = reviews.annotated_articles()
    assert after["events"] == []


def test_page_views_make_most_read(db_target: str, full_pipeline: Pipeline) -> None:
    store, article_id, _ = stored(db_target, full_pipeline)
    for _ in range(3):
        store.site.record_view(article_id)
    [top] = store.site.most_read(days=1)
    assert (top["id"], top["views"]) == (article_id, 3)
    topics = store.site.top_topics()
    assert "saa" in [t["ref"] for t in topics["actor"]]
    assert store.site.top_categories()["country"][0]["value"] == "SY"


def test_actors_and_places_are_kept_and_backfilled_on_upgrade(db_target: str,
                                                             full_pipeline: Pipeline) -> None:
    from sqlalchemy import text

    store, _, _ = stored(db_target, full_pipeline)
    [place] = [p for p in store.site.places() if p["name"] == "Saraqib"]
    assert place["events"] == 1 and place["country"] == "SY" and place["name_ar"]
    assert store.site.actor_names(["saa"])["saa"]["name"]
    with store.engine.begin() as conn:  # a database from before the step
        conn.execute(text("DELETE FROM actors"))
        conn.execute(text("DELETE FROM places"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 6"))
    upgraded = Store.open(db_target)
    assert [p["name"] for p in upgraded.site.places()] == [p["name"]
                                                          for p in store.site.places()]
    assert "saa" in upgraded.site.actor_names(["saa"])


def test_article_leads_skip_the_page_chrome(db_target: str, full_pipeline: Pipeline) -> None:
    store = Store.open(db_target)
    page = ("الرئيسية | أخبار | رياضة | اتصل بنا\n"
            "مقتل ثلاثة مدنيين بقصف لقوات النظام على مدينة سراقب شرقي إدلب\n"
            + PAGE.split("\n", 1)[1]
            + "وقال ناشطون إن القصف تركز على الأحياء الشرقية من المدينة، وإن فرق الدفاع المدني "
            "عملت لساعات على إخماد الحرائق التي خلفها.\n"
            "جميع الحقوق محفوظة 2024\n")
    store.ingest(doc(full_pipeline, page))
    [item] = store.site.latest_articles()
    assert item["lead"].startswith("قصفت قوات النظام مدينة سراقب")
