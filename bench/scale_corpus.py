"""A mixed corpus for the scale-out benchmark, built on ``corpus.py``.

Conflict articles are ``corpus.article``'s own; the rest (about 30%) are
sports, economy, weather and culture pieces written here from templates that
hold no event trigger or toll cue, so the prefilter can skip them. Pages are
written as plain text or HTML (``corpus.as_text`` / ``corpus.as_html``), some
as exact byte copies of earlier pages, and optionally some as JSON Lines
shards. Deterministic per seed.
"""

from __future__ import annotations

import json
import random
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path

from corpus import NON_CONFLICT, article, as_html, as_text

Blocks = list[tuple[str, str]]

CITIES = ["دمشق", "عمّان", "القاهرة", "الرياض", "بيروت", "تونس", "الدوحة", "الرباط", "الكويت",
          "مسقط", "الجزائر", "حلب", "الإسكندرية", "جدة", "صفاقس", "إربد"]
TEAMS = ["الكرامة", "الوحدات", "الأهلي", "الزمالك", "الهلال", "النصر", "الترجي", "الرجاء",
         "الوداد", "السد", "الاتحاد", "الفيصلي", "الجيش الملكي", "العربي", "الشباب"]
NAMES = ["سامر الحلبي", "ليلى منصور", "خالد العمري", "ريم الزعبي", "يوسف بن علي",
         "هند السعدي", "مازن القاسم", "نور الهدى عيسى", "عمر الفاسي", "سلمى الخطيب"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]

# Each topic: headlines, lead sentences and background sentences, with slots.
TOPICS: dict[str, dict[str, list[str]]] = {
    "sports": {
        "head": ["{team} يتصدر الدوري بعد فوزه على {team2}", "{name} يحرز لقب بطولة {city} للتنس",
                 "منتخب الشباب يتأهل إلى نهائي كأس العرب"],
        "lead": [
            "فاز فريق {team} على ضيفه {team2} بنتيجة {n} أهداف مقابل هدف في المرحلة {m} من "
            "الدوري الممتاز، على ملعب مدينة {city} أمام نحو {k} ألف متفرج.",
            "تعادل {team} مع {team2} سلبياً في مباراة غلب عليها الحذر، ليبقى الفريقان في "
            "المركز {n} من جدول الترتيب برصيد {m} نقطة.",
            "أحرز اللاعب {name} هدفين في الشوط الثاني، ليقود {team} إلى فوز ثمين خارج أرضه "
            "في {city}.",
            "توجت العداءة {name} بالميدالية الذهبية في سباق {k} متر خلال البطولة العربية "
            "لألعاب القوى التي تستضيفها {city}.",
        ],
        "more": [
            "وقال مدرب الفريق في المؤتمر الصحفي إن لاعبيه قدموا أداءً مميزاً ونفذوا الخطة "
            "الفنية بدقة.",
            "ويستعد الفريق لخوض مباراة الإياب الأسبوع المقبل في ظل غياب {n} من لاعبيه "
            "الأساسيين بسبب الإيقاف.",
            "وشهدت المدرجات حضوراً جماهيرياً لافتاً، ورفع المشجعون لافتات تحيي تاريخ النادي.",
            "وأعلنت إدارة النادي تجديد عقد المدرب لموسمين إضافيين بعد النتائج الجيدة هذا "
            "العام.",
        ],
    },
    "economy": {
        "head": ["ارتفاع صادرات {city} من زيت الزيتون", "المصرف المركزي يبقي سعر الفائدة دون "
                 "تغيير", "افتتاح معرض {city} الدولي للصناعات الغذائية"],
        "lead": [
            "ارتفع سعر صرف الدولار أمام العملة المحلية إلى {k} في تعاملات {month}، وفق "
            "نشرة المصرف المركزي الصادرة صباح اليوم.",
            "أعلنت وزارة الاقتصاد أن صادرات البلاد من المنتجات الزراعية نمت بنسبة {n} في "
            "المئة خلال الربع الأول من العام.",
            "افتتح وزير الصناعة معرضاً للمنتجات المحلية في {city} بمشاركة {k} شركة من {m} "
            "دولة عربية.",
            "قالت غرفة تجارة {city} إن حركة الأسواق تحسنت في شهر {month} مع اقتراب موسم "
            "الأعياد.",
        ],
        "more": [
            "وتوقع خبراء أن تستمر الأسعار في الارتفاع خلال الأشهر المقبلة بسبب تكاليف النقل.",
            "وأشار التقرير إلى أن قطاع السياحة سجل نمواً ملحوظاً مع زيادة عدد الزوار بنسبة "
            "{n} في المئة.",
            "ودعا رجال أعمال الحكومة إلى تخفيف الرسوم الجمركية على المواد الأولية.",
            "ووصلت قيمة التجارة بين البلدين إلى نحو {k} مليون دولار في العام الماضي.",
        ],
    },
    "weather": {
        "head": ["أجواء ربيعية معتدلة في معظم المناطق", "الأرصاد تتوقع أمطاراً غزيرة على {city}",
                 "موجة حارة ترفع درجات الحرارة إلى {k} درجة"],
        "lead": [
            "توقعت دائرة الأرصاد الجوية أن تشهد {city} طقساً غائماً جزئياً مع فرصة لهطول "
            "زخات من المطر، وأن تتراوح درجات الحرارة بين {n} و{k} درجة.",
            "تتأثر المنطقة اعتباراً من مساء اليوم بمنخفض جوي يرافقه هطول أمطار متفرقة ورياح "
            "نشطة تصل سرعتها إلى {k} كيلومتراً في الساعة.",
            "سجلت محطات الرصد في {city} أعلى درجة حرارة لشهر {month} منذ {m} عاماً.",
        ],
        "more": [
            "ونصحت الأرصاد السائقين بتوخي الحذر على الطرق الجبلية بسبب تشكل الضباب صباحاً.",
            "ويعود الطقس إلى الاستقرار مع نهاية الأسبوع مع ارتفاع تدريجي في درجات الحرارة.",
            "ودعا المزارعون إلى حماية المحاصيل من الصقيع المتوقع في ساعات الليل.",
            "ووصلت كمية الأمطار في الموسم الحالي إلى {n} أضعاف ما هطل في الموسم الماضي.",
        ],
    },
    "culture": {
        "head": ["انطلاق معرض {city} الدولي للكتاب", "{name} تفوز بجائزة الرواية العربية",
                 "مهرجان {city} السينمائي يعلن أفلام دورته الجديدة"],
        "lead": [
            "انطلقت فعاليات معرض {city} الدولي للكتاب بمشاركة {k} دار نشر من {m} دولة، "
            "ويستمر المعرض حتى نهاية شهر {month}.",
            "فازت الكاتبة {name} بجائزة الرواية العربية عن روايتها الأخيرة التي تتناول "
            "حكايات عائلة في {city} عبر ثلاثة أجيال.",
            "يعرض المسرح الوطني في {city} مسرحية جديدة للمخرج {name} تستعيد سيرة شاعر من "
            "القرن الماضي.",
            "أعلنت إدارة مهرجان {city} السينمائي عن اختيار {n} أفلام عربية للمنافسة على "
            "الجائزة الكبرى.",
        ],
        "more": [
            "ويتضمن البرنامج ندوات فكرية وأمسيات شعرية وورش عمل للأطفال.",
            "وقال منظمو الحدث إن عدد الزوار تجاوز {k} ألف زائر في الأيام الأولى.",
            "وتُرجمت أعمال الكاتبة إلى {n} لغات، ونالت عدة جوائز في السنوات الماضية.",
            "وشهد حفل الافتتاح عروضاً موسيقية لفرق شعبية من مختلف المحافظات.",
        ],
    },
}
SECTIONS = {"sports": ["تفاصيل المباراة", "تصريحات المدرب", "جدول الترتيب"],
            "economy": ["أرقام السوق", "توقعات الخبراء", "قطاعات النمو"],
            "weather": ["توقعات الأيام المقبلة", "نصائح للمواطنين", "حالة الطرق"],
            "culture": ["برنامج الفعاليات", "آراء النقاد", "ضيوف الدورة"]}
NON_CONFLICT_HEADS = {s.split("،")[0].rstrip(".") for s in NON_CONFLICT}


def _fill(template: str, rng: random.Random) -> str:
    team, team2 = rng.sample(TEAMS, 2)
    return template.format(team=team, team2=team2, name=rng.choice(NAMES), city=rng.choice(CITIES),
                           month=rng.choice(MONTHS), n=rng.randint(2, 9), m=rng.randint(10, 30),
                           k=rng.randint(40, 900))


def quiet_article(rng: random.Random, topic: str | None = None) -> tuple[str, Blocks]:
    """A headline and blocks about sports, economy, weather or culture."""
    topic = topic or rng.choice(sorted(TOPICS))
    t = TOPICS[topic]
    blocks: Blocks = []
    for section in range(rng.randint(2, 4)):
        if section:
            blocks.append(("subheading", rng.choice(SECTIONS[topic])))
        for _ in range(rng.randint(2, 4)):
            parts = [_fill(rng.choice(t["lead"]), rng)]
            parts += [_fill(rng.choice(t["more"]), rng) for _ in range(rng.randint(1, 3))]
            blocks.append(("paragraph", " ".join(parts)))
    return _fill(rng.choice(t["head"]), rng), blocks


def conflict_article(rng: random.Random) -> tuple[str, Blocks]:
    """``corpus.article``, drawn again until it is a conflict one."""
    while True:
        headline, blocks = article(rng)
        if headline not in NON_CONFLICT_HEADS:
            return headline, blocks


@dataclass
class Corpus:
    folder: Path
    articles: int = 0
    files: int = 0
    bytes: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    chars: int = 0


def write_mixed(folder: Path, count: int, *, seed: int = 7, quiet_share: float = 0.3,
                html_share: float = 0.5, jsonl_share: float = 0.0, duplicate_share: float = 0.05,
                shard_size: int = 500) -> Corpus:
    """Write ``count`` articles under ``folder``: text and HTML pages (in folders of
    1,000) and JSON Lines shards; ``duplicate_share`` of them are byte copies."""
    rng = random.Random(seed)
    out = Corpus(folder)
    # (suffix, content) of recent single pages, to copy
    written: deque[tuple[str, str]] = deque(maxlen=500)
    shard: list[str] = []
    shards = 0

    def flush() -> None:
        nonlocal shard, shards
        if shard:
            path = folder / "jsonl" / f"shard-{shards:05d}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = "\n".join(shard) + "\n"
            path.write_text(data, encoding="utf-8")
            out.files += 1
            out.bytes += len(data.encode())
            shards, shard = shards + 1, []

    for i in range(count):
        if written and rng.random() < duplicate_share:
            suffix, content = rng.choice(written)
            out.kinds["exact duplicate"] += 1
        else:
            quiet = rng.random() < quiet_share
            headline, blocks = quiet_article(rng) if quiet else conflict_article(rng)
            out.kinds["not conflict" if quiet else "conflict"] += 1
            out.chars += len(headline) + sum(len(t) for _, t in blocks)
            draw = rng.random()
            if draw < jsonl_share:
                html = as_html(headline, blocks, rng)
                shard.append(json.dumps({"html": html, "url": f"https://news.example/a/{i}",
                                         "outlet": "شبكة الأخبار"}, ensure_ascii=False))
                out.kinds["jsonl"] += 1
                out.articles += 1
                if len(shard) >= shard_size:
                    flush()
                continue
            if draw < jsonl_share + html_share:
                suffix, content = ".html", as_html(headline, blocks, rng)
            else:
                suffix, content = ".txt", as_text(headline, blocks)
            written.append((suffix, content))
        out.kinds["html" if suffix == ".html" else "text"] += 1
        path = folder / suffix[1:] / f"{i // 1000:04d}" / f"{i:07d}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        out.articles += 1
        out.files += 1
        out.bytes += path.stat().st_size
    flush()
    return out
