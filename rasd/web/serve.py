"""The application as the server process builds it, from `rasd serve`'s settings."""

from __future__ import annotations

import os

from fastapi import FastAPI

from rasd.store import Store
from rasd.store.comments import CommentLimits
from rasd.web.app import create_app
from rasd.web.settings import DEFAULT_TILES, WebSettings


def app_from_environment() -> FastAPI:
    """Each server worker opens its own connection pool to the database."""
    per_user, per_address = (int(x) for x in os.environ.get(
        "RASD_WEB_COMMENT_LIMITS", "5,20").split(","))
    settings = WebSettings(
        comment_limits=CommentLimits(per_user=per_user, per_address=per_address),
        tile_url=os.environ.get("RASD_WEB_TILES", DEFAULT_TILES),
        secure_cookies=os.environ.get("RASD_WEB_SECURE_COOKIES", "1") == "1",
        record_views=os.environ.get("RASD_WEB_VIEWS", "1") == "1")
    return create_app(Store.open(os.environ.get("RASD_WEB_DB", "rasd.db"), must_exist=True),
                      settings)
