"""The web application and JSON API (FastAPI) over the store."""

from rasd.web.app import create_app
from rasd.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
