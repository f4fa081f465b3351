"""Interface text lives in the catalogs, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from rasd.web.i18n import translator

WEB = Path(__file__).resolve().parents[2] / "rasd" / "web"


def catalog(language: str) -> dict[str, str]:
    return yaml.safe_load((WEB / "locales" / f"{language}.yaml").read_text("utf-8"))


def test_both_catalogs_have_the_same_keys() -> None:
    assert set(catalog("ar")) == set(catalog("en"))


def test_every_key_the_templates_use_is_in_the_catalogs() -> None:
    used: set[str] = set()
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]:
        used |= set(re.findall(r"""_\(['"]([a-z_0-9]+\.[a-z_0-9]+)['"]""", path.read_text()))
    # A key ending in "_" is completed in the template (home.window_ ~ 7).
    used = {key for key in used if not key.endswith("_")} | {
        f"home.window_{days}" for days in (1, 7, 30)}
    assert len(used) > 100, "few interface keys found; has the template syntax changed?"
    assert sorted(used - set(catalog("en"))) == []


def test_values_from_data_fall_back_to_themselves() -> None:
    _ = translator("ar")
    assert _("type.Attack") == "اعتداء"
    assert _("country.XK") == "XK"  # a country without a translation shows its code
    assert _("home.events_n", n=3) == "الأحداث: 3"
