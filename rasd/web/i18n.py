"""Interface text from message catalogs (``locales/*.yaml``), never from templates.

Arabic is the first language; English is a switch away. A key missing from a
catalog falls back to the other one, and then to the key itself, so a missing
translation shows up as a readable key rather than an error page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import yaml

LANGUAGES = {"ar": "rtl", "en": "ltr"}
# Keys built from data (type.Attack, country.RU): a value with no entry shows as itself.
_FROM_DATA = ("type.", "country.", "modality.", "effect.", "review.", "role.")


@cache
def catalog(language: str) -> dict[str, str]:
    text = resources.files("rasd.web").joinpath(f"locales/{language}.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return {str(k): str(v) for k, v in data.items()}


def translator(language: str) -> Callable[..., str]:
    own = catalog(language)
    other = catalog("en" if language == "ar" else "ar")

    def gettext(key: str, **values: Any) -> str:
        fallback = key.split(".", 1)[1] if key.startswith(_FROM_DATA) else key
        message = own.get(key) or other.get(key) or fallback
        return message.format(**values) if values else message

    return gettext


def choose_language(query: str | None, cookie: str | None, default: str = "ar") -> str:
    """The reader's explicit choice wins; otherwise the site's language (Arabic),
    not the browser's, since the articles themselves are Arabic."""
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return candidate
    return default
