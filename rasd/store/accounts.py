"""Accounts, login sessions and API tokens.

Passwords are hashed with Argon2id; session and API tokens are random and only
their SHA-256 is stored, so a copy of the database opens no account.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from rasd.store import schema as t
from rasd.store.database import StoreError

ROLES = ("reader", "reviewer", "admin")
USERNAME = re.compile(r"^[\w.-]{3,40}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 1000  # hashing a megabyte on every login attempt is a cheap attack

_hasher = PasswordHasher()


class AccountError(StoreError):
    """A request about an account that cannot be granted, with the reason."""


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str

    def can(self, role: str) -> bool:
        """Roles are ordered: an admin may do what a reviewer may, and so on."""
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create_user(self, username: str, password: str, role: str = "reader") -> User:
        if not USERNAME.match(username):
            raise AccountError("a user name is 3 to 40 letters, digits, dots, dashes or "
                               "underscores")
        if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
            raise AccountError(f"a password is {MIN_PASSWORD} to {MAX_PASSWORD} characters")
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        try:
            with self.engine.begin() as conn:
                result = conn.execute(t.users.insert().values(
                    username=username, password_hash=_hasher.hash(password), role=role,
                    created_at=datetime.now(UTC), disabled=0))
                user_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        except IntegrityError as exc:
            raise AccountError(f"the user name {username!r} is taken") from exc
        return User(user_id, username, role)

    def user_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.users)).scalar() or 0)

    def set_role(self, username: str, role: str) -> None:
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        with self.engine.begin() as conn:
            done = conn.execute(t.users.update().where(t.users.c.username == username)
                                .values(role=role)).rowcount
        if not done:
            raise AccountError(f"no user named {username!r}")

    def authenticate(self, username: str, password: str) -> User | None:
        if len(password) > MAX_PASSWORD:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(t.users).where(t.users.c.username == username)).first()
        if row is None or row.disabled:
            _hasher.hash(password)  # the same cost whether or not the name exists
            return None
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            with self.engine.begin() as conn:
                conn.execute(t.users.update().where(t.users.c.id == row.id)
                             .values(password_hash=_hasher.hash(password)))
        return User(row.id, row.username, row.role)

    # --- browser sessions ---
    def start_session(self, user: User, days: int = 14) -> str:
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.expires_at < now))
            conn.execute(t.sessions.insert().values(
                token_hash=_digest(token), user_id=user.id, csrf=secrets.token_urlsafe(32),
                created_at=now, expires_at=now + timedelta(days=days)))
        return token

    def session(self, token: str) -> Session | None:
        u, s = t.users, t.sessions
        with self.engine.connect() as conn:
            row = conn.execute(
                select(u.c.id, u.c.username, u.c.role, u.c.disabled, s.c.csrf, s.c.expires_at)
                .select_from(s.join(u, u.c.id == s.c.user_id))
                .where(s.c.token_hash == _digest(token))).first()
        if row is None or row.disabled:
            return None
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires < datetime.now(UTC):
            return None
        return Session(User(row.id, row.username, row.role), row.csrf)

    def end_session(self, token: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.token_hash == _digest(token)))

    # --- API tokens ---
    def create_token(self, username: str, name: str = "api") -> str:
        token = "rasd_" + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            user_id = conn.execute(select(t.users.c.id)
                                   .where(t.users.c.username == username)).scalar()
            if user_id is None:
                raise AccountError(f"no user named {username!r}")
            conn.execute(t.api_tokens.insert().values(
                user_id=user_id, token_hash=_digest(token), name=name,
                created_at=datetime.now(UTC)))
        return token

    def token_user(self, token: str) -> User | None:
        u, k = t.users, t.api_tokens
        with self.engine.connect() as conn:
            row = conn.execute(select(u.c.id, u.c.username, u.c.role, u.c.disabled)
                               .select_from(k.join(u, u.c.id == k.c.user_id))
                               .where(k.c.token_hash == _digest(token))).first()
        if row is None or row.disabled:
            return None
        return User(row.id, row.username, row.role)
