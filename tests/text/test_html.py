from __future__ import annotations

import pytest

from rasd.acquire.model import Document, Provenance, content_hash
from rasd.errors import MainTextError
from rasd.text import MainTextExtractor
from rasd.text.model import Article

P1 = ("استهدفت طائرة مسيرة تابعة لجماعة الحوثي مواقع للقوات الحكومية في مديرية صرواح غربي "
      "مأرب، ما أسفر عن مقتل جنديين وإصابة ثلاثة آخرين، وفق مصدر عسكري تحدث لمراسلنا.")
P2 = ("وأضاف المصدر أن القوات الحكومية ردت بقصف مدفعي على مواقع الجماعة في المنطقة، "
      "وسط تحليق مكثف لطيران الاستطلاع.")
P3 = "ولم تعلق الجماعة على الهجوم حتى ساعة إعداد هذا التقرير."


def html_page(body_end: str = "</body></html>") -> str:
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مسيرة حوثية تستهدف مواقع حكومية في صرواح | صوت سبأ</title>
<meta property="og:title" content="مسيرة حوثية تستهدف مواقع حكومية في صرواح">
<meta property="og:site_name" content="صوت سبأ">
<meta property="article:published_time" content="2024-02-11T08:15:00+03:00">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/yemen">اليمن</a></li></ul></nav>
<main><article>
<h1>مسيرة حوثية تستهدف مواقع حكومية في صرواح</h1>
<p>{P1}</p>
<h2>رد مدفعي</h2>
<p>{P2}</p>
<p>{P3}</p>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/1">ارتفاع أسعار الوقود في عدن</a></li>
<li><a href="/2">افتتاح مدرسة في تعز</a></li></ul></aside></main>
<footer><p>جميع الحقوق محفوظة © 2024 صوت سبأ</p>
<div class="cookies">نستخدم ملفات تعريف الارتباط لتحسين تجربتك.</div></footer>
{body_end}"""


def extract(html: str, title: str | None = None) -> Article:
    doc = Document(html, "html", Provenance("page.html", content_hash(html)), title=title)
    return MainTextExtractor()(doc)


def test_article_structure_metadata_and_outlet_come_from_the_page() -> None:
    article = extract(html_page())
    blocks = [(b.kind, article.block_text(b)) for b in article.blocks]
    assert blocks == [
        ("headline", "مسيرة حوثية تستهدف مواقع حكومية في صرواح"),
        ("paragraph", P1), ("subheading", "رد مدفعي"), ("paragraph", P2), ("paragraph", P3),
    ]
    assert article.published == "2024-02-11"
    assert article.provenance.outlet == "صوت سبأ"
    assert "الأكثر قراءة" not in article.text and "ملفات تعريف" not in article.text
    assert article.removed_chars > 50
    assert article.extractor.startswith("trafilatura")


def test_truncated_html_still_gives_the_article() -> None:
    html = html_page(body_end="")
    cut = html[: html.index("<aside>") + 30]
    article = extract(cut)
    assert P1 in article.text and P3 in article.text


def test_feed_fragment_too_small_for_the_extractor_falls_back_to_paragraphs() -> None:
    article = extract("<p>اشتباكات عنيفة في مأرب.</p>", title="اشتباكات في مأرب")
    assert [article.block_text(b) for b in article.blocks] == [
        "اشتباكات في مأرب", "اشتباكات عنيفة في مأرب."]


def test_page_without_text_is_an_error_naming_it() -> None:
    with pytest.raises(MainTextError, match="no readable text") as info:
        extract("<html><body><script>var x = 1;</script></body></html>")
    assert "page.html" in str(info.value)
