"""Reader pages: home, articles with highlighted mentions, comments and accounts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from rasd.store.accounts import AccountError
from rasd.store.comments import CommentError
from rasd.web import highlight
from rasd.web.context import Page, page
from rasd.web.i18n import LANGUAGES
from rasd.web.security import SESSION_COOKIE, local_path

router = APIRouter()
Ctx = Annotated[Page, Depends(page)]
Id = Annotated[int, Path(ge=1, le=2**53)]
OptionalId = Annotated[int | None, Query(ge=0, le=2**53)]


@router.get("/")
def home(ctx: Ctx, days: int | None = None) -> Response:
    site = ctx.state.site
    days = min(max(days or ctx.state.settings.most_read_days, 1), 365)
    cached = ctx.state.cached
    return ctx.render("home.html", latest=site.latest_articles(limit=15),
                      most_read=cached(f"most_read:{days}", lambda: site.most_read(days=days)),
                      days=days, topics=cached("topics", site.top_topics),
                      categories=cached("categories", site.top_categories))


@router.get("/articles")
def articles(ctx: Ctx, outlet: str | None = None, before: OptionalId = None) -> Response:
    items = ctx.state.site.latest_articles(limit=ctx.state.settings.page_size,
                                           before_id=before, outlet=outlet)
    more = items[-1]["id"] if len(items) == ctx.state.settings.page_size else None
    return ctx.render("articles.html", items=items, outlet=outlet, more=more)


@router.get("/articles/{article_id}")
def article(ctx: Ctx, article_id: Id,
            evidence: Annotated[int | None, Query(ge=-(2**53), le=2**53)] = None) -> Response:
    found, body = ctx.state.cached(f"article:{article_id}", lambda: _article(ctx, article_id),
                                   seconds=60)
    if found is None:
        raise HTTPException(404, ctx._("error.no_article"))
    if ctx.state.settings.record_views:
        ctx.state.site.record_view(article_id)
    moderator = ctx.user is not None and ctx.user.can("reviewer")
    return ctx.render("article.html", article=found, body=body, active=evidence,
                      resolved_to=highlight.resolved_to,
                      comments=ctx.state.comments.thread(article_id, include_hidden=moderator),
                      comment_count=ctx.state.comments.count(article_id),
                      max_comment=ctx.state.settings.comment_limits.max_length,
                      message=ctx.request.query_params.get("message"))


def _article(ctx: Page, article_id: int) -> tuple[dict[str, Any] | None, list[Any]]:
    """An article with its layers and its highlighted text: the costly part of
    the page, the same for every reader until the article is reviewed."""
    found = ctx.state.site.article(article_id)
    if found is None:
        return None, []
    spans = {ev["id"]: [(int(x["start"]), int(x["end"])) for x in ev["record"].get("evidence")
                        or []] for ev in found["events"]}
    spans |= {-x["id"]: [(int(y["start"]), int(y["end"])) for y in x["record"].get("evidence")
                         or []] for x in found["tolls"]}
    return found, highlight.blocks(found["text"], found["blocks"], found["mentions"], spans)


@router.post("/articles/{article_id}/comments")
async def post_comment(ctx: Ctx, article_id: Id) -> Response:
    form = await ctx.form()
    user = ctx.require("reader")
    parent = form.get("parent_id") or None
    address = ctx.request.client.host if ctx.request.client else None
    try:
        comment_id = ctx.state.comments.add(
            article_id, user.id, form.get("body", ""),
            parent_id=int(parent) if parent and parent.isdigit() else None, address=address)
    except CommentError as exc:
        return ctx.render("message.html", status=400, title=ctx._("comments.refused"),
                          message=exc.message, back=f"/articles/{article_id}#comments")
    return ctx.redirect(f"/articles/{article_id}#comment-{comment_id}")


def _comment(ctx: Page, comment_id: int) -> dict[str, Any]:
    found = ctx.state.comments.get(comment_id)
    if found is None:
        raise HTTPException(404, ctx._("error.no_comment"))
    return found


@router.post("/comments/{comment_id}/report")
async def report_comment(ctx: Ctx, comment_id: Id) -> Response:
    form = await ctx.form()
    user = ctx.require("reader")
    found = _comment(ctx, comment_id)
    ctx.state.comments.report(comment_id, user.id, form.get("reason", ""))
    return ctx.redirect(f"/articles/{found['article_id']}?message=reported#comment-{comment_id}")


@router.post("/comments/{comment_id}/moderate")
async def moderate_comment(ctx: Ctx, comment_id: Id) -> Response:
    form = await ctx.form()
    user = ctx.require("reader")
    found = _comment(ctx, comment_id)
    action = form.get("action")
    own = found["user_id"] == user.id
    status = {"hide": "hidden", "show": "visible", "delete": "deleted"}.get(action or "")
    # Authors may delete their own comments; hiding and restoring is for moderators.
    if status is None or not (user.can("reviewer") or (own and status == "deleted")):
        raise HTTPException(403, ctx._("error.forbidden"))
    ctx.state.comments.set_status(comment_id, status)
    return ctx.redirect(f"/articles/{found['article_id']}#comments")


@router.get("/register")
def register_form(ctx: Ctx, next: str | None = None) -> Response:
    return ctx.render("account.html", mode="register", next=local_path(next), error=None)


@router.post("/register")
async def register(ctx: Ctx) -> Response:
    form = await ctx.form()
    target = local_path(form.get("next"))
    if form.get("password") != form.get("password2"):
        return ctx.render("account.html", status=400, mode="register", next=target,
                          error=ctx._("account.mismatch"))
    try:
        user = ctx.state.accounts.create_user(form.get("username", ""),
                                              form.get("password", ""))
    except AccountError as exc:
        return ctx.render("account.html", status=400, mode="register", next=target,
                          error=exc.message)
    return _logged_in(ctx, ctx.state.accounts.start_session(user), target)


@router.get("/login")
def login_form(ctx: Ctx, next: str | None = None) -> Response:
    return ctx.render("account.html", mode="login", next=local_path(next), error=None)


@router.post("/login")
async def login(ctx: Ctx) -> Response:
    form = await ctx.form()
    target = local_path(form.get("next"))
    user = ctx.state.accounts.authenticate(form.get("username", ""), form.get("password", ""))
    if user is None:
        return ctx.render("account.html", status=400, mode="login", next=target,
                          error=ctx._("account.bad_login"))
    return _logged_in(ctx, ctx.state.accounts.start_session(user), target)


def _logged_in(ctx: Page, token: str, target: str) -> Response:
    response = ctx.redirect(target)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=ctx.state.settings.secure_cookies, max_age=14 * 86400)
    return response


@router.post("/logout")
async def logout(ctx: Ctx) -> Response:
    await ctx.form()
    token = ctx.request.cookies.get(SESSION_COOKIE)
    if token:
        ctx.state.accounts.end_session(token)
    response = ctx.redirect("/")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/lang/{code}")
def language(ctx: Ctx, code: str, next: str | None = None) -> Response:
    if code not in LANGUAGES:
        raise HTTPException(404, ctx._("error.not_found"))
    response = ctx.redirect(local_path(next))
    response.set_cookie("rasd_lang", code, max_age=365 * 86400, samesite="lax",
                        secure=ctx.state.settings.secure_cookies)
    return response
