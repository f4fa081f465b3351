"""Decoding crawled bytes: UTF-8 (with or without BOM), UTF-16, Windows-1256.

Detection looks at the bytes, never at the file name. Arabic pages in the
wild are UTF-8, UTF-16 from some Windows tools, or the legacy code page
Windows-1256; charset-normalizer alone often calls short Arabic Windows-1256
text another single-byte code page, so we try the likely Arabic encodings
first and check that the result reads as Arabic.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from charset_normalizer import from_bytes

from rasd.errors import BinaryInput, EmptyInput, UnknownEncoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1 for ch in text
        if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t\f"
    )
    return bad / len(text)


def _arabic_ratio(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM shows as NUL in every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    # Arabic code units are 0x06xx: the high byte is 0x06, not NUL.
    even_06 = sample[0::2].count(6) / (len(sample) / 2)
    odd_06 = sample[1::2].count(6) / (len(sample) / 2)
    for encoding, high_nul, high_06 in (
        ("utf-16-le", odd_nul, odd_06),
        ("utf-16-be", even_nul, even_06),
    ):
        if high_nul + high_06 > 0.6:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return None


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise an ``AcquireError`` naming why."""
    if not data.strip():
        raise EmptyInput("the input is empty" if not data else "the input holds only whitespace",
                         source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnknownEncoding(f"starts with a {encoding} mark but does not decode: {exc}",
                                      source=source) from exc
    text16 = _utf16_without_bom(data)
    if text16 is not None and _control_ratio(text16) < 0.01:
        return text16, "utf-16"
    if b"\x00" in data[:8000]:
        raise BinaryInput("the input looks binary (it contains NUL bytes), not a text page",
                          source=source)
    with contextlib.suppress(UnicodeDecodeError):
        return data.decode("utf-8"), "utf-8"
    with contextlib.suppress(UnicodeDecodeError):
        text = data.decode("cp1256")
        if _arabic_ratio(text) > 0.5 and _control_ratio(text) < 0.01:
            return text, "cp1256"
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        try:
            text = data.decode(best.encoding, errors="strict")
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text and _control_ratio(text) < 0.01:
            return text, best.encoding
    if _control_ratio(data.decode("latin-1")) > 0.05:
        raise BinaryInput("the input looks binary (many control bytes), not a text page",
                          source=source)
    raise UnknownEncoding(
        "cannot tell the text encoding (tried UTF-8, UTF-16, Windows-1256 and detection); "
        "convert the file to UTF-8",
        source=source,
    )
