from __future__ import annotations

import pytest

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.mentions.dates import DateFinder

FINDER = DateFinder()
PUBLISHED = "2024-03-07"  # a Thursday


def dates(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.ref, m.data["precision"])
            for m in FINDER.find(normalize(text, MATCH_CONFIG), published)]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقع الهجوم في 14 كانون الأول 2018 قرب البلدة", ("14 كانون الأول 2018", "2018-12-14")),
    ("وقع الهجوم في 14 ديسمبر 2018", ("14 ديسمبر 2018", "2018-12-14")),
    ("اجتمع الطرفان في 3 جانفي 2020", ("3 جانفي 2020", "2020-01-03")),
    ("في الثالث من الشهر، أي 3/1/2020", ("3/1/2020", "2020-01-03")),
    ("بتاريخ 2018-12-14 أعلنت الوزارة", ("2018-12-14", "2018-12-14")),
    ("وفي 12 رمضان 1445 هـ قصفت الطائرات", ("12 رمضان 1445 هـ", "2024-03-22")),
    ("قُتل الشاب يوم الثلاثاء الماضي", ("يوم الثلاثاء الماضي", "2024-03-05")),
    ("واندلعت الاشتباكات فجر الجمعة", ("فجر الجمعة", "2024-03-01")),
    ("وقصفت المدفعية البلدة أمس", ("أمس", "2024-03-06")),
    # a weekday after a relative day is that day; one told as next is ahead
    ("وقصفت المدفعية البلدة أمس الأربعاء", ("أمس الأربعاء", "2024-03-06")),
    ("دعوات إلى احتجاج مساء غدٍ الجمعة", ("مساء غدٍ الجمعة", "2024-03-08")),
    ("دعوات إلى تظاهرة الخميس المقبل", ("الخميس المقبل", "2024-03-14")),
    ("على أن يبدأ التبادل يوم السبت القادم", ("يوم السبت القادم", "2024-03-09")),
    ("وأفرج عنه أول أمس", ("أول أمس", "2024-03-05")),
    ("ونزحت العائلات منذ ثلاثة أيام", ("منذ ثلاثة أيام", "2024-03-04")),
    ("وكانت المعارك بدأت و5 آذار/مارس", ("5 آذار/مارس", "2024-03-05")),
    ("منذ السابع من أكتوبر 2023", ("السابع من أكتوبر 2023", "2023-10-07")),
    ("في الحادي والعشرين من شباط", ("الحادي والعشرين من شباط", "2024-02-21")),
    ("منزل قصفه الاحتلال الليلة الماضية", ("الليلة الماضية", "2024-03-06")),
])
def test_day_dates(text: str, expected: tuple[str, str]) -> None:
    assert dates(text) == [(*expected, "day")]


def test_coarser_periods_carry_their_precision() -> None:
    assert dates("خلال الأسبوع الماضي") == [("الأسبوع الماضي", "2024-02-26", "week")]
    assert dates("مطلع الشهر الجاري") == [("مطلع الشهر الجاري", "2024-03", "month")]
    assert dates("خلال شهر شباط الماضي") == [("شهر شباط الماضي", "2024-02", "month")]
    assert dates("في آب 2014") == [("آب 2014", "2014-08", "month")]
    assert dates("منذ عام 2011") == [("عام 2011", "2011", "year")]
    [(text, _, precision)] = dates("الاتفاق الذي أبرم نهاية عام 2017")
    assert (text, precision) == ("نهاية عام 2017", "month")


def test_a_day_without_year_takes_the_year_before_publication() -> None:
    assert dates("في 20 كانون الأول") == [("20 كانون الأول", "2023-12-20", "day")]


def test_relative_dates_without_publication_date_stay_unresolved() -> None:
    assert dates("قصفت الطائرات البلدة أمس", published=None) == [("أمس", None, "day")]
    assert dates("في 14 ديسمبر 2018", published=None) == [("14 ديسمبر 2018", "2018-12-14", "day")]


def test_impossible_dates_are_not_dates() -> None:
    assert dates("في 31 شباط 2023") == []


def test_acled_time_precision_is_recorded() -> None:
    [m] = FINDER.find(normalize("خلال الأسبوع الماضي", MATCH_CONFIG), PUBLISHED)
    assert m.data["time_precision"] == 2 and m.rule == "grammar:period-relative"


def test_a_month_told_without_year_or_the_word_month() -> None:
    assert dates("اندلعت أواخر تموز الماضي، وبلغت ذروتها في الثلاثين من الشهر نفسه",
                 "2023-09-15") == [("أواخر تموز الماضي", "2023-07", "month"),
                                   ("الثلاثين من الشهر نفسه", "2023-07-30", "day")]
    assert dates("وقعت الحادثة في آب الماضي", "2023-09-15") == [
        ("آب الماضي", "2023-08", "month")]
    assert dates("قال الأب الماضي في حديثه", "2023-09-15") == []


def test_a_day_of_this_last_or_the_same_month() -> None:
    assert dates("انفجر لغم في 2 من الشهر الجاري") == [("2 من الشهر الجاري", "2024-03-02", "day")]
    assert dates("قُتل في العاشر من الشهر الماضي") == [
        ("العاشر من الشهر الماضي", "2024-02-10", "day")]
    assert dates("في 28 من الشهر الماضي", "2024-01-05") == [
        ("28 من الشهر الماضي", "2023-12-28", "day")]
    assert dates("قُتل راعٍ في السادس من أكتوبر. وفي الرابع عشر من الشهر ذاته أصيب طفلان",
                 "2024-11-03")[1] == ("الرابع عشر من الشهر ذاته", "2024-10-14", "day")
    assert dates("وفي 15 من الشهر نفسه") == [("15 من الشهر نفسه", None, "day")]
