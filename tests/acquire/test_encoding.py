from __future__ import annotations

import pytest

from rasd.acquire.encoding import decode
from rasd.errors import BinaryInput, EmptyInput, UnknownEncoding

PAGE = (
    "قصف مدفعي على بلدة الأتارب غرب حلب\n\n"
    "قصفت قوات النظام بلدة الأتارب بعشرات القذائف صباح اليوم، ما أدى إلى "
    "مقتل مدنيين اثنين وإصابة خمسة آخرين بجروح، وفق ما أفاد مراسلنا.\n"
)


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (PAGE.encode("utf-8"), "utf-8"),
        (PAGE.encode("utf-8-sig"), "utf-8-sig"),
        (PAGE.encode("utf-16"), "utf-16"),
        (PAGE.encode("utf-16-le"), "utf-16"),
        (PAGE.encode("utf-16-be"), "utf-16"),
        (PAGE.encode("cp1256"), "cp1256"),
    ],
)
def test_arabic_pages_decode_from_their_bytes(encoded: bytes, expected: str) -> None:
    text, encoding = decode(encoded, "page")
    assert encoding == expected
    assert text.lstrip("\ufeff") == PAGE


def test_short_windows_1256_text_is_still_recognized_as_arabic() -> None:
    text, encoding = decode("مقتل ثلاثة".encode("cp1256"), "short")
    assert (text, encoding) == ("مقتل ثلاثة", "cp1256")


def test_empty_and_blank_inputs_say_so() -> None:
    with pytest.raises(EmptyInput, match="empty"):
        decode(b"", "empty.txt")
    with pytest.raises(EmptyInput, match="whitespace"):
        decode(b" \n\t\n", "blank.txt")


def test_binary_input_is_named_binary() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(BinaryInput, match="binary") as info:
        decode(png, "image.txt")
    assert "image.txt" in str(info.value)


def test_bytes_that_fit_no_encoding_are_refused_with_advice() -> None:
    junk = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50 + b"\xff\xfe"[::-1] * 3
    with pytest.raises((UnknownEncoding, BinaryInput)) as info:
        decode(b"ok " + junk + bytes(range(1, 9)) * 40, "weird.txt")
    assert "weird.txt" in str(info.value)
