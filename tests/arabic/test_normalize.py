from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.arabic.normalize import (
    DEFAULT_CONFIG,
    MATCH_CONFIG,
    NormalizeConfig,
    _expand,
    _table,
    normalize,
    normalize_key,
    renormalize,
)

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
OTHER = "\u0640\u200c\u200f\u200e\ufeff٠١٢٣٤٥٦٧٨٩۰۴«»“”\"'  \n\t.،؛؟-–ABCxyz0123ﻻﻷé"

mixed_text = st.text(alphabet=ARABIC_LETTERS + DIACRITICS + OTHER, max_size=200)


def test_variants_share_one_matching_form() -> None:
    assert normalize_key("الرَّقَّة") == normalize_key("الرقه") == normalize_key("الرقــة")
    assert normalize_key("إدلب") == normalize_key("ادلب") == normalize_key("أدلب")
    assert normalize_key("مستشفى") == normalize_key("مستشفي")
    assert normalize_key("٤٠٠") == "400" == normalize_key("۴۰۰")
    assert normalize_key("«قسد»") == normalize_key("“قسد”") == '"قسد"'
    assert normalize_key("\u200fقسد\u200e") == "قسد"
    assert normalize_key("ﻻ") == "لا"


def test_original_is_untouched_and_spans_map_back() -> None:
    original = "قصفت الطائراتُ مدينةَ الرَّقَّة يوم ٣ آذار"
    norm = normalize(original)
    assert norm.original is original
    start = norm.text.index("الرقه")
    ostart, oend = norm.to_original(start, start + len("الرقه"))
    assert original[ostart:oend] == "الرَّقَّة"
    dstart = norm.text.index("3")
    assert norm.original_slice(dstart, dstart + 1) == "٣"


def test_whitespace_runs_collapse_but_newlines_survive() -> None:
    norm = normalize("سطر  أول\n\n  سطر ثان ")
    assert norm.text == "سطر اول\nسطر ثان"


def test_options_can_be_switched_off() -> None:
    config = NormalizeConfig(ta_marbuta=False, alef_maqsura=False)
    assert normalize("مدينة على", config).text == "مدينة على"


@settings(max_examples=400, deadline=None)
@given(mixed_text)
def test_offset_map_is_exact(text: str) -> None:
    norm = normalize(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    # Every normalized character comes from the original span it claims.
    for i, ch in enumerate(norm.text):
        source = text[norm.starts[i] : norm.ends[i]]
        assert source, (i, ch)
        if ch in " \n":
            # A collapsed run: whitespace, plus marks deleted in between.
            assert normalize(source).text.strip() == ""
            assert source[0].isspace() and source[-1].isspace()
        else:
            assert normalize(source).text.strip() in (ch, normalize(source).text.strip())
            assert ch in normalize(source).text
    # Maps are monotonic, so spans stay ordered.
    assert list(norm.starts) == sorted(norm.starts)
    assert list(norm.ends) == sorted(norm.ends)


@settings(max_examples=300, deadline=None)
@given(mixed_text, st.data())
def test_any_normalized_span_round_trips(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    if not norm.text:
        return
    start = data.draw(st.integers(0, len(norm.text) - 1))
    end = data.draw(st.integers(start + 1, len(norm.text)))
    ostart, oend = norm.to_original(start, end)
    assert 0 <= ostart < oend <= len(text)
    # Normalizing the original span gives back the normalized span (modulo edge
    # spaces); a span cutting through a ligature (ﻷ → لا) gets the whole ligature.
    renormalized = normalize(text[ostart:oend]).text.strip()
    assert norm.text[start:end].strip() in renormalized
    assert len(renormalized) <= len(norm.text[start:end].strip()) + 2
    # And the original span maps back to a span covering the normalized one.
    nstart, nend = norm.from_original(ostart, oend)
    assert nstart <= start and nend >= end


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_normalization_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


def _one_by_one(original: str, config: NormalizeConfig) -> tuple[str, list[int], list[int]]:
    """The matching form computed character by character: what ``normalize``
    does in pieces, written plainly (for configurations that collapse spaces)."""
    table = _table(config)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last_space = False
    for i, ch in enumerate(original):
        rep = table.get(ch)
        if ch.isspace() or ch == "\u00a0" or rep == " ":
            newline = ch in "\n\r\u2028\u2029"
            if last_space:
                ends[-1] = i + 1
                out[-1] = "\n" if newline else out[-1]
            elif out:
                out.append("\n" if newline else " ")
                starts.append(i)
                ends.append(i + 1)
                last_space = True
            continue
        rep = _expand(ch, table, config) if rep is None else rep
        for piece in rep:
            out.append(piece)
            starts.append(i)
            ends.append(i + 1)
        last_space = last_space and not rep
    if last_space:
        out.pop()
        starts.pop()
        ends.pop()
    return "".join(out), starts, ends


wide_text = st.text(alphabet=ARABIC_LETTERS + DIACRITICS + OTHER + "    \r\u00a0\u2028\u3000_—‘’"
                    "ﺃﺓﻯﷲﷺ\ufdfa\ufe70ÀÉİßǉ", max_size=300)


@settings(max_examples=500, deadline=None)
@given(wide_text)
def test_normalize_equals_the_character_by_character_form(text: str) -> None:
    for config in (DEFAULT_CONFIG, MATCH_CONFIG):
        norm = normalize(text, config)
        assert (norm.text, list(norm.starts), list(norm.ends)) == _one_by_one(text, config)


@settings(max_examples=1000, deadline=None)
@given(wide_text)
def test_matching_form_from_the_default_form_equals_a_fresh_one(text: str) -> None:
    fresh = normalize(text, MATCH_CONFIG)
    derived = renormalize(normalize(text), MATCH_CONFIG)
    assert (derived.text, derived.starts, derived.ends) == (fresh.text, fresh.starts, fresh.ends)
    assert derived.config == MATCH_CONFIG
    assert renormalize(fresh, MATCH_CONFIG) is fresh
