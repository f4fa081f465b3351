from __future__ import annotations

from pathlib import Path

import pytest

from rasd.acquire.model import Document, Provenance, content_hash
from rasd.errors import ConfigError, MainTextError
from rasd.text import ChromePatterns, ChromeRemover, MainTextExtractor
from rasd.text.model import Article


def page(text: str, title: str | None = None) -> Article:
    doc = Document(text, "text", Provenance("test.txt", content_hash(text)), title=title)
    return MainTextExtractor()(doc)


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, article.block_text(b)) for b in article.blocks]


HEADLINE = "غارات روسية على أطراف جسر الشغور غربي إدلب"
P1 = ("شنت طائرات حربية روسية صباح اليوم الثلاثاء خمس غارات جوية على أطراف مدينة جسر الشغور "
      "غربي إدلب، ما أدى إلى دمار واسع في الأراضي الزراعية، بحسب ما أفاد مراسلنا.")
P2 = ("وقال الدفاع المدني في بيان إن فرقه أخلت عائلتين من منزل تضرر جراء الغارات، دون "
      "تسجيل إصابات في صفوف المدنيين.")


def test_title_repeat_counters_and_blocks_at_the_end_are_removed() -> None:
    text = "\n".join([
        HEADLINE, "", HEADLINE + "  ", P1, "", "ما الذي جرى", "", P2, "",
        "التعليقات (2)", "    2", "الأكثر قراءة", "عنوان خبر آخر عن الحسكة",
        "عنوان خبر ثالث عن درعا", "🔥 أهم المواضيع", "✨ أهم التصنيفات",
    ])
    article = page(text)
    assert kinds(article) == [
        ("headline", HEADLINE), ("paragraph", P1), ("subheading", "ما الذي جرى"),
        ("paragraph", P2),
    ]
    assert [r.rule for r in article.removed] == [
        "title-repeat", "comments-counter", "symbols", "most-read", "most-read", "most-read",
        "top-topics", "top-categories",
    ]
    assert article.text == text  # never altered


def test_sentences_with_chrome_words_are_kept() -> None:
    traps = [
        "الأكثر دموية منذ بداية العام كان القصف الذي طال سوق المدينة الشعبي يوم الجمعة.",
        "وأثارت التعليقات على مواقع التواصل موجة غضب واسعة.",
        "وقال الناطق: «تابعونا وسترون ما سيحدث في الأيام المقبلة».",
        "120 عائلة نزحت من القرية خلال ليلة واحدة.",
        "ولم يصدر أي تعليق.",
    ]
    article = page("\n".join([HEADLINE, P1, *traps]))
    assert [t for _, t in kinds(article)[2:]] == traps
    assert article.removed == ()


def test_share_follow_cookie_and_related_blocks_are_removed() -> None:
    text = "\n".join([
        "الرئيسية | أخبار | سوريا", HEADLINE, "الثلاثاء 5 آذار 2024 - 10:30", P1,
        "اقرأ أيضاً:", "قتلى بانفجار في ريف حلب", "مظاهرات في السويداء", "", P2,
        "شارك: فيسبوك | تويتر | واتساب", "طباعة",
        "تابعونا على تلغرام", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق",
        "© 2024 جميع الحقوق محفوظة", "سياسة الخصوصية", "اتصل بنا",
    ])
    article = page(text)
    assert kinds(article) == [("headline", HEADLINE), ("paragraph", P1), ("paragraph", P2)]
    reasons = {article.text[r.start : r.end]: r.rule for r in article.removed}
    assert reasons["الرئيسية | أخبار | سوريا"] == "breadcrumb"
    assert reasons["قتلى بانفجار في ريف حلب"] == "related"
    assert reasons["اتصل بنا"] == "footer"
    assert reasons["الثلاثاء 5 آذار 2024 - 10:30"] == "dateline"


def test_a_related_list_stops_before_the_next_section() -> None:
    sub = "مصير المعتقلين"
    text = "\n".join([HEADLINE, P1, "مواضيع ذات صلة", "هدنة جديدة في درعا", "", sub, P2])
    article = page(text)
    assert ("subheading", sub) in kinds(article)
    assert ("paragraph", P2) in kinds(article)


def test_question_subheading_and_colon_lines() -> None:
    text = "\n".join([HEADLINE, P1, "ما مصير المعتقلين؟", P2, "وجاء في البيان:", P1])
    article = page(text)
    assert kinds(article)[2] == ("subheading", "ما مصير المعتقلين؟")
    assert kinds(article)[4] == ("paragraph", "وجاء في البيان:")


def test_title_from_the_container_is_matched_with_a_site_suffix() -> None:
    article = page(f"{HEADLINE} | شبكة الشمال\n{P1}", title=HEADLINE)
    assert article.title == HEADLINE
    assert kinds(article)[0] == ("headline", HEADLINE)
    assert [r.rule for r in article.removed] == ["site-name"]


def test_the_plain_copy_of_a_title_wins_over_the_one_with_the_site_name() -> None:
    article = page(f"{HEADLINE} - شبكة الشمال\n{HEADLINE}\n{P1}")
    assert article.title == HEADLINE
    assert len(article.removed) == 1 and article.removed[0].start == 0


def test_page_with_nothing_but_chrome_is_an_error() -> None:
    with pytest.raises(MainTextError, match="no article paragraph"):
        page("التعليقات (0)\n0\nالأكثر قراءة\n")


def test_pattern_file_is_data_and_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nrules:\n  - id: x\n    kind: line\n    reason: r\n"
                   "    pattern: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad rule"):
        ChromePatterns.load(bad)
    custom = tmp_path / "custom.yaml"
    custom.write_text("version: 7\nrules:\n  - id: ad\n    kind: line\n    reason: advert\n"
                      "    pattern: 'إعلان'\n", encoding="utf-8")
    remover = ChromeRemover(ChromePatterns.load(custom))
    kept, removed = remover(f"{HEADLINE}\nإعلان\n{P1}")
    assert [r.rule for r in removed] == ["ad"] and len(kept) == 2
    assert remover.patterns.version == "7"


def test_a_menu_with_footer_words_at_the_top_keeps_the_headline_under_it() -> None:
    article = page("\n".join(["الرئيسية | أخبار | رياضة | اتصل بنا", HEADLINE, P1, P2,
                              "جميع الحقوق محفوظة 2024"]))
    assert kinds(article) == [("headline", HEADLINE), ("paragraph", P1), ("paragraph", P2)]


def test_a_headline_of_liberation_is_no_byline() -> None:
    body = "أعلنت قوات الدعم السريع في بيان تحرير مدينة النهود بولاية غرب كردفان بالكامل."
    article = page("\n".join(["تحرير النهود", body]))
    assert kinds(article) == [("headline", "تحرير النهود"), ("paragraph", body)]
    signed = page("\n".join([HEADLINE, "تحرير: سامر الخطيب", P1]))
    assert [r.rule for r in signed.removed] == ["byline"]
