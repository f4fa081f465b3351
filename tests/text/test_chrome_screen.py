"""The chrome remover's word screen never keeps a rule from a line it matches."""

from __future__ import annotations

import re

import pytest

from rasd.arabic.normalize import normalize
from rasd.text.chrome import ChromeRemover, _first_rule, _needs

LINES = [
    "نستخدم ملفات تعريف الارتباط لتحسين تجربتك",
    "نستخدم COOKIES لتحسين تجربتك",
    "we use cooKieſ here",  # Kelvin sign and long s: IGNORECASE matches them with k and s
    "حمل التطبيق الآن من المتجر",
    "جميع الحقوق محفوظة © 2024",
    "اقرأ أيضا: قصف على ريف إدلب",
    "Tags: سوريا",
    "قتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي صباح اليوم.",
    "موافق",
    "12:30",
]


@pytest.fixture(scope="module")
def remover() -> ChromeRemover:
    return ChromeRemover()


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("forced_only", [False, True])
def test_screen_agrees_with_the_combined_rules(remover: ChromeRemover, line: str,
                                               forced_only: bool) -> None:
    text = normalize(line).text
    fit = [(i, r) for i, r in enumerate(remover.patterns.rules)
           if r.force or not forced_only]
    regex, rules = _first_rule(fit)
    assert regex is not None
    m = regex.fullmatch(text)
    expected = rules[m.lastindex or 0] if m is not None else None
    assert remover._first(text, forced_only) == expected


def test_needs_are_held_by_every_match() -> None:
    regex = re.compile(r".{0,30}(حمل|نزل) (تطبيق|التطبيق).{0,20}|(كوكيز|cookies)", re.IGNORECASE)
    needs = _needs(regex)
    assert needs is not None
    assert "حمل تطبيق" in needs and "كوكيز" in needs
