"""What every page needs: the store, the reader's language, account and CSRF token."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from rasd.store import Store
from rasd.store.accounts import User
from rasd.web.i18n import LANGUAGES, choose_language, translator
from rasd.web.security import (
    CSRF_COOKIE,
    LANGUAGE_COOKIE,
    SESSION_COOKIE,
    csrf_ok,
    new_csrf,
)
from rasd.web.settings import WebSettings


class State:
    """The application's long-lived parts, made once at start-up."""

    def __init__(self, store: Store, settings: WebSettings) -> None:
        self.store = store
        self.settings = settings
        self.site = store.site
        self.accounts = store.accounts
        self.comments = store.comments(settings.comment_limits)
        folder = str(resources.files("rasd.web").joinpath("templates"))
        # Templates ship with the package: no need to look at file times per render.
        self.templates = Environment(loader=FileSystemLoader(folder),
                                     autoescape=select_autoescape(default=True),
                                     trim_blocks=True, lstrip_blocks=True, auto_reload=False)
        self._cached: dict[str, tuple[float, Any]] = {}
        self._lock = threading.Lock()
        self._pipeline: Any = None
        self._actors: Any = None

    def cached(self, key: str, make: Callable[[], Any], seconds: float = 30.0) -> Any:
        """A value computed at most every ``seconds``: the home page's counts over
        all events need not be exact to the second."""
        now = time.monotonic()
        with self._lock:
            hit = self._cached.get(key)
            if hit is not None and now - hit[0] < seconds:
                return hit[1]
        value = make()
        with self._lock:
            if len(self._cached) >= 4096:  # keep memory bounded: drop the oldest half
                for old in sorted(self._cached, key=lambda k: self._cached[k][0])[:2048]:
                    del self._cached[old]
            self._cached[key] = (now, value)
        return value

    def forget(self, key: str) -> None:
        with self._lock:
            self._cached.pop(key, None)

    def actors(self) -> Any:
        """The actor lexicon, for names and aliases; loaded on first use."""
        with self._lock:
            if self._actors is None:
                from rasd.mentions.actors import ActorLexicon

                self._actors = ActorLexicon.load()
            return self._actors

    def pipeline(self) -> Any:
        """The full extraction pipeline for /api/extract; loaded on first use."""
        with self._lock:
            if self._pipeline is None:
                from rasd.events.extract import EventExtractor
                from rasd.events.lexicon import EventLexicon
                from rasd.mentions import MentionFinder
                from rasd.pipeline import Pipeline

                finder = MentionFinder.load(with_places=True)
                self._pipeline = Pipeline.default(
                    mentions=finder, events=EventExtractor(EventLexicon.load(), finder.actors))
            return self._pipeline


@dataclass
class Page:
    """One request's view of the reader."""

    request: Request
    state: State
    language: str
    user: User | None
    csrf: str
    new_csrf: bool

    @property
    def _(self) -> Callable[..., str]:
        return translator(self.language)

    def require(self, role: str) -> User:
        if self.user is None:
            raise HTTPException(401, self._("error.login_needed"))
        if not self.user.can(role):
            raise HTTPException(403, self._("error.forbidden"))
        return self.user

    async def form(self) -> dict[str, Any]:
        """The posted form, after the CSRF check."""
        data = await self.request.form()
        if not csrf_ok(self.request.cookies.get(CSRF_COOKIE), data.get("csrf")):
            raise HTTPException(403, self._("error.csrf"))
        return {k: v for k, v in data.items() if isinstance(v, str)}

    def render(self, template: str, status: int = 200, **values: Any) -> Response:
        html = self.state.templates.get_template(template).render(
            _=self._, lang=self.language, dir=LANGUAGES[self.language], user=self.user,
            csrf=self.csrf, path=self.request.url.path,
            here=str(self.request.url.path) + (f"?{self.request.url.query}"
                                               if self.request.url.query else ""),
            settings=self.state.settings, **values)
        return self.finish(HTMLResponse(html, status_code=status))

    def redirect(self, to: str) -> Response:
        return self.finish(RedirectResponse(to, status_code=303))

    def finish(self, response: Response) -> Response:
        secure = self.state.settings.secure_cookies
        if self.new_csrf:
            response.set_cookie(CSRF_COOKIE, self.csrf, httponly=True, samesite="lax",
                                secure=secure)
        if self.request.query_params.get("lang") in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, self.language, max_age=365 * 86400,
                                samesite="lax", secure=secure)
        return response


def page(request: Request) -> Page:
    """FastAPI dependency: the reader behind this request."""
    state: State = request.app.state.rasd
    language = choose_language(request.query_params.get("lang"),
                               request.cookies.get(LANGUAGE_COOKIE),
                               state.settings.default_language)
    user = None
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        session = state.accounts.session(token)
        user = session.user if session else None
    csrf = request.cookies.get(CSRF_COOKIE)
    fresh = not csrf
    return Page(request, state, language, user, csrf or new_csrf(), fresh)
