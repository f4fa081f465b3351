"""Readers' comments on articles, with replies, moderation and rate limits.

Comment text is stored exactly as written; escaping is the pages' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from rasd.store import schema as t
from rasd.store.database import StoreError

STATUSES = ("visible", "hidden", "deleted")


class CommentError(StoreError):
    """A comment that is refused (too long, too many, no such article)."""


@dataclass(frozen=True)
class CommentLimits:
    """Defaults suit a news site: a long comment is a few thousand characters."""

    max_length: int = 5000
    per_user: int = 5  # comments per window and account
    per_address: int = 20  # comments per window and network address
    window: timedelta = timedelta(minutes=10)


@dataclass
class Comment:
    id: int
    article_id: int
    user_id: int
    username: str
    parent_id: int | None
    body: str
    status: str
    created_at: datetime
    reports: int = 0
    replies: list[Comment] = field(default_factory=list)


class Comments:
    def __init__(self, engine: Engine, limits: CommentLimits | None = None) -> None:
        self.engine = engine
        self.limits = limits or CommentLimits()

    def add(self, article_id: int, user_id: int, body: str, *, parent_id: int | None = None,
            address: str | None = None) -> int:
        body = body.strip()
        if not body:
            raise CommentError("a comment cannot be empty")
        if len(body) > self.limits.max_length:
            raise CommentError(f"a comment is at most {self.limits.max_length} characters; "
                               f"this one has {len(body)}")
        since = datetime.now(UTC) - self.limits.window
        c = t.comments
        with self.engine.begin() as conn:
            if conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)
                            ).first() is None:
                raise CommentError(f"no article with id {article_id}")
            if parent_id is not None:
                parent = conn.execute(select(c.c.article_id).where(c.c.id == parent_id)).first()
                if parent is None or parent.article_id != article_id:
                    raise CommentError("a reply must answer a comment on the same article")
            recent = conn.execute(select(func.count()).select_from(c).where(
                c.c.user_id == user_id, c.c.created_at >= since)).scalar() or 0
            if recent >= self.limits.per_user:
                raise CommentError("too many comments in a short time; try again later")
            if address:
                recent = conn.execute(select(func.count()).select_from(c).where(
                    c.c.address == address, c.c.created_at >= since)).scalar() or 0
                if recent >= self.limits.per_address:
                    raise CommentError("too many comments from this network; try again later")
            result = conn.execute(c.insert().values(
                article_id=article_id, user_id=user_id, parent_id=parent_id, body=body,
                address=address, status="visible", created_at=datetime.now(UTC)))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def thread(self, article_id: int, include_hidden: bool = False) -> list[Comment]:
        """Top-level comments, oldest first, each with its replies."""
        c, u, r = t.comments, t.users, t.comment_reports
        reports = (select(func.count()).select_from(r).where(r.c.comment_id == c.c.id)
                   .scalar_subquery())
        query = (select(c, u.c.username, reports.label("reports"))
                 .select_from(c.join(u, u.c.id == c.c.user_id))
                 .where(c.c.article_id == article_id, c.c.status != "deleted")
                 .order_by(c.c.created_at, c.c.id))
        if not include_hidden:
            query = query.where(c.c.status == "visible")
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        by_id = {row.id: Comment(row.id, row.article_id, row.user_id, row.username,
                                 row.parent_id, row.body, row.status, row.created_at,
                                 int(row.reports or 0)) for row in rows}
        top: list[Comment] = []
        for comment in by_id.values():
            parent = by_id.get(comment.parent_id) if comment.parent_id else None
            if parent is not None:
                parent.replies.append(comment)
            elif comment.parent_id is None:
                top.append(comment)
        return top

    def count(self, article_id: int) -> int:
        c = t.comments
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(c).where(
                c.c.article_id == article_id, c.c.status == "visible")).scalar() or 0)

    def get(self, comment_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.comments).where(t.comments.c.id == comment_id)).first()
        return None if row is None else dict(row._mapping)

    def set_status(self, comment_id: int, status: str) -> None:
        if status not in STATUSES:
            raise CommentError(f"status must be one of {', '.join(STATUSES)}")
        with self.engine.begin() as conn:
            done = conn.execute(t.comments.update().where(t.comments.c.id == comment_id)
                                .values(status=status)).rowcount
        if not done:
            raise CommentError(f"no comment with id {comment_id}")

    def report(self, comment_id: int, user_id: int, reason: str) -> bool:
        """Flag a comment for moderators; False when this user already did."""
        r = t.comment_reports
        with self.engine.begin() as conn:
            if conn.execute(select(r.c.id).where(r.c.comment_id == comment_id,
                                                 r.c.user_id == user_id)).first():
                return False
            conn.execute(r.insert().values(comment_id=comment_id, user_id=user_id,
                                           reason=reason.strip()[:500] or "no reason given",
                                           created_at=datetime.now(UTC)))
            return True

    def reported(self) -> list[dict[str, Any]]:
        """Comments with reports, most reported first: the moderators' queue."""
        c, r, u = t.comments, t.comment_reports, t.users
        query = (select(c.c.id, c.c.article_id, c.c.body, c.c.status, u.c.username,
                        func.count(r.c.id).label("reports"))
                 .select_from(c.join(r, r.c.comment_id == c.c.id)
                              .join(u, u.c.id == c.c.user_id))
                 .where(c.c.status != "deleted")
                 .group_by(c.c.id, c.c.article_id, c.c.body, c.c.status, u.c.username)
                 .order_by(func.count(r.c.id).desc(), c.c.id))
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]
