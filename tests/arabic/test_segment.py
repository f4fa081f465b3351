from __future__ import annotations

from rasd.arabic.segment import split_sentences


def sentences(text: str, heading: bool = False) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, [(0, len(text), heading)])]


def test_full_stop_and_arabic_question_mark_end_sentences() -> None:
    text = "قصفت الطائرات البلدة. هل انتهت الهدنة؟ لا أحد يعرف"
    assert sentences(text) == ["قصفت الطائرات البلدة.", "هل انتهت الهدنة؟", "لا أحد يعرف"]


def test_arabic_comma_does_not_end_a_sentence_but_semicolon_does() -> None:
    text = "سقط ثلاثة قتلى، وأصيب خمسة آخرون؛ ونزحت عشرات العائلات."
    assert sentences(text) == ["سقط ثلاثة قتلى، وأصيب خمسة آخرون؛", "ونزحت عشرات العائلات."]


def test_stops_inside_a_quotation_stay_in_the_quoting_sentence() -> None:
    text = "وقال المتحدث: «لن نسلم المدينة. سنقاتل حتى النهاية» وفق البيان. ثم انتهى المؤتمر."
    assert sentences(text) == [
        "وقال المتحدث: «لن نسلم المدينة. سنقاتل حتى النهاية» وفق البيان.",
        "ثم انتهى المؤتمر.",
    ]


def test_quotation_ending_a_sentence_keeps_its_closing_mark() -> None:
    text = 'وأضاف: "لم يسقط أي ضحايا." وتابع القصف ليلا.'
    assert sentences(text) == ['وأضاف: "لم يسقط أي ضحايا."', "وتابع القصف ليلا."]


def test_a_stray_quote_mark_does_not_swallow_the_paragraph() -> None:
    text = "قالت المصادر « إن القصف استمر. " + "ثم توقف. " * 100
    assert len(sentences(text)) > 50


def test_decimal_numbers_are_not_sentence_ends() -> None:
    assert sentences("بلغت الخسائر 2.5 مليون دولار. وانتهى") == [
        "بلغت الخسائر 2.5 مليون دولار.",
        "وانتهى",
    ]


def test_headings_are_one_unit_whatever_their_punctuation() -> None:
    assert sentences('هكذا سلّم التنظيم البلدة.. ما التفاصيل؟', heading=True) == [
        "هكذا سلّم التنظيم البلدة.. ما التفاصيل؟"
    ]


def test_sentences_carry_their_block_index() -> None:
    text = "عنوان\nجملة أولى. جملة ثانية."
    result = split_sentences(text, [(0, 5, True), (6, len(text), False)])
    assert [s.block for s in result] == [0, 1, 1]


def test_initials_do_not_end_a_sentence() -> None:
    text = "اعتقلت الشرطة الضابط (م. س.)، وهو من أبناء المدينة. وقال مصدر إن التحقيق جار."
    assert len(split_sentences(text, [(0, len(text), False)])) == 2
