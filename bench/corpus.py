"""A generated corpus of Arabic news pages for benchmarks.

Pages are assembled from sentence templates with real place and group names,
wrapped in crawled-text chrome or in an HTML page with navigation, sidebars
and a footer, so that every stage does realistic work. Deterministic per seed.
"""

from __future__ import annotations

import random
from pathlib import Path

ACTORS = ["قوات النظام", "ميليشيا قسد", "تنظيم داعش", "فصائل المعارضة", "جماعة الحوثي",
          "قوات الدعم السريع", "الجيش السوداني", "التحالف الدولي", "الحشد الشعبي",
          "هيئة تحرير الشام", "القوات الحكومية", "الطيران الروسي"]
PLACES = ["بلدة الأتارب", "مدينة هجين", "ريف دير الزور الشرقي", "مدينة الفاشر", "مديرية صرواح",
          "قرية كفرنبل", "مدينة سرمدا", "حي الشيخ مقصود", "مدينة تعز", "ريف حماة الشمالي",
          "بلدة الباغوز", "مخيم الهول", "مدينة بنغازي", "قضاء سنجار", "مدينة أم درمان"]
VERBS = ["قصفت", "استهدفت", "هاجمت", "شنت غارات على", "اقتحمت", "سيطرت على"]
SOURCES = ["بحسب ما أفاد مراسلنا", "وفق مصادر محلية", "بحسب شهود عيان",
           "وفقاً لبيان صادر عن الدفاع المدني", "نقلاً عن ناشطين في المنطقة"]
OUTCOMES = ["ما أدى إلى مقتل {n} مدنيين وإصابة آخرين", "دون ورود أنباء عن إصابات",
            "ما أسفر عن دمار واسع في المنازل", "وأسفر الهجوم عن مقتل {n} عناصر",
            "ما دفع عشرات العائلات إلى النزوح"]
FILLER = ["وتشهد المنطقة تصعيداً عسكرياً منذ مطلع الشهر الجاري، وسط مخاوف من موجة نزوح جديدة.",
          "وقال مسؤول محلي إن الأوضاع الإنسانية تزداد سوءاً مع نقص المواد الغذائية والطبية.",
          "وأكدت منظمات إنسانية أن فرقها لم تتمكن من الوصول إلى المنطقة بسبب استمرار القصف.",
          "ويأتي ذلك بعد أيام من اتفاق على وقف إطلاق النار لم يصمد سوى ساعات.",
          "وارتفعت أسعار الوقود والخبز في الأسواق المحلية بنسبة كبيرة خلال الأسبوع الماضي."]
SUBHEADS = ["تفاصيل الهجوم", "حصيلة الضحايا", "ردود الفعل", "مصير النازحين", "خلفية التصعيد"]
NON_CONFLICT = ["افتتح وزير الاقتصاد معرضاً للصناعات المحلية بمشاركة عشرات الشركات.",
                "فاز فريق الكرامة على ضيفه بثلاثة أهداف مقابل هدف في الدوري المحلي.",
                "ارتفع سعر صرف الدولار أمام العملة المحلية في تعاملات اليوم.",
                "أعلنت وزارة التربية مواعيد امتحانات الشهادة الثانوية للعام الحالي."]
CHROME_TAIL = ["التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع", "✨ أهم التصنيفات"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(VERBS)} {rng.choice(ACTORS)} {rng.choice(PLACES)}، "
            f"{rng.choice(OUTCOMES).format(n=rng.randint(2, 30))}، {rng.choice(SOURCES)}.")


def article(rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """A headline and (kind, text) blocks of a few thousand characters."""
    conflict = rng.random() > 0.3
    headline = (f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(PLACES)}" if conflict
                else rng.choice(NON_CONFLICT).split("،")[0].rstrip("."))
    blocks: list[tuple[str, str]] = []
    for section in range(rng.randint(2, 4)):
        if section:
            blocks.append(("subheading", rng.choice(SUBHEADS)))
        for _ in range(rng.randint(2, 4)):
            parts = [sentence(rng) if conflict else rng.choice(NON_CONFLICT)]
            parts += [rng.choice(FILLER) for _ in range(rng.randint(1, 3))]
            blocks.append(("paragraph", " ".join(parts)))
    return headline, blocks


def as_text(headline: str, blocks: list[tuple[str, str]]) -> str:
    lines = [headline, "", headline]
    for _kind, text in blocks:
        lines += [text, ""]
    return "\n".join(lines + CHROME_TAIL) + "\n"


def as_html(headline: str, blocks: list[tuple[str, str]], rng: random.Random) -> str:
    body = "\n".join(f"<h2>{t}</h2>" if k == "subheading" else f"<p>{t}</p>" for k, t in blocks)
    most_read = "".join(
        f"<li><a href='/n/{rng.randint(1, 9999)}'>{rng.choice(FILLER)[:40]}</a></li>"
        for _ in range(5)
    )
    date = f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    return (
        "<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        f"<title>{headline} | شبكة الأخبار</title>"
        "<meta property='og:site_name' content='شبكة الأخبار'>"
        f"<meta property='article:published_time' content='{date}'>"
        "<script>window.dataLayer=[];</script></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/syria'>سوريا</a> <a href='/iraq'>العراق</a></nav>"
        f"<main><article><h1>{headline}</h1>{body}</article>"
        f"<aside><h3>الأكثر قراءة</h3><ul>{most_read}</ul></aside></main>"
        "<footer>جميع الحقوق محفوظة © 2024</footer></body></html>"
    )


def write_corpus(folder: Path, count: int, seed: int = 7) -> tuple[list[Path], list[Path]]:
    """Write ``count`` text pages and ``count`` HTML pages; 5% are exact duplicates."""
    rng = random.Random(seed)
    text_dir, html_dir = folder / "text", folder / "html"
    text_dir.mkdir(parents=True, exist_ok=True)
    html_dir.mkdir(parents=True, exist_ok=True)
    texts: list[Path] = []
    htmls: list[Path] = []
    previous: tuple[str, list[tuple[str, str]]] | None = None
    for i in range(count):
        if previous is not None and rng.random() < 0.05:
            headline, blocks = previous
        else:
            headline, blocks = article(rng)
        previous = (headline, blocks)
        t = text_dir / f"{i:06d}.txt"
        t.write_text(as_text(headline, blocks), encoding="utf-8")
        h = html_dir / f"{i:06d}.html"
        h.write_text(as_html(headline, blocks, rng), encoding="utf-8")
        texts.append(t)
        htmls.append(h)
    return texts, htmls
