"""Dates in Arabic news, absolute and relative, with a precision.

We tried dateparser on the forms Arabic reporting uses: it reads Egyptian
month names and numeric dates, but not Levantine/Iraqi months (آذار،
تشرين الأول), Maghrebi ones (جانفي), Hijri dates, weekday references
(الثلاثاء الماضي), "منذ ثلاثة أيام" or "مطلع الشهر الجاري". So the grammar
is ours, its vocabulary in ``rasd/data/dates.yaml``; Hijri dates are
converted with hijridate. Relative expressions resolve against the article's
publication date; without one they are kept unresolved, never guessed.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

from hijridate import Gregorian, Hijri

from rasd.arabic.normalize import NormalizedText, extend_over_marks
from rasd.data import load_yaml
from rasd.mentions.matcher import PhraseMatcher, SubstringMatcher, is_word_char, match_key
from rasd.mentions.model import Mention
from rasd.mentions.quantities import NumberGrammar, tokens

# ACLED's time precision: 1 the day is known, 2 the week, 3 the month or coarser.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@dataclass(frozen=True)
class DateValue:
    start: date | None
    end: date | None
    precision: str


def parse_published(value: str | None) -> date | None:
    """The publication date of an ISO string or an RFC 2822 date, else None."""
    if not value:
        return None
    for parse in (lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")),
                  parsedate_to_datetime):
        try:
            return parse(value).date()
        except (TypeError, ValueError):
            continue
    return None


_CLOCK = re.compile(r"(?:(?P<entry>(?:^|(?<=\n))[ \t]*)|(?<![\d:]))(?P<time>[0-2]?\d:[0-5]\d)"
                    r"(?![\d:])")
# What every clock time holds. ``_CLOCK`` opens with an optional line start the
# regex engine cannot skip ahead over, so it is tried at every position; it is
# searched for only from the line of the next of these.
_CLOCK_CORE = re.compile(r"\d:[0-5]\d")


def _clocks(text: str) -> Iterator[re.Match[str]]:
    """``_CLOCK.finditer(text)``, searched for only from lines holding a clock's digits:
    a match starting on an earlier line would have to hold those digits itself."""
    if ":" not in text:
        return
    pos = 0
    while (core := _CLOCK_CORE.search(text, pos)) is not None:
        match = _CLOCK.search(text, max(pos, text.rfind("\n", 0, core.start()) + 1))
        if match is None:
            return
        yield match
        pos = match.end()


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


# ``\w``: a letter, digit or underscore, as ``str.isalnum`` sees letters and digits.
_WORD = re.compile(r"\w+")
# ``\d+``, written to open with a class: searched for a class at a time, not matched
# at every position.
_DIGITS = re.compile(r"\d\d*")
_PROCLITIC_LETTERS = "وفبل"


def _starts(text: str, pos: int) -> bool:
    r"""Whether ``pos`` is at a word boundary or right after a proclitic letter
    that opens a word: ``(?:(?<!\w)|(?<=(?<!\w)[وفبل]))``."""
    if pos == 0 or not is_word_char(text[pos - 1]):
        return True
    return text[pos - 1] in _PROCLITIC_LETTERS and (pos == 1 or not is_word_char(text[pos - 2]))


def _bounded(regex: re.Pattern[str], text: str, entry: re.Pattern[str] | None = None,
             at: Sequence[int] | None = None) -> Iterator[re.Match[str]]:
    """``finditer`` of the rule with its start condition (``_starts``) tested
    here: as a regex lookbehind it is tried at every position and makes the
    search several times slower than the rule's own literal words do.

    ``entry`` matches wherever the rule can start (the words it may open
    with), for rules whose optional opening keeps the regex engine from
    skipping ahead: the rule is then tried only where ``entry`` matches.
    ``at`` lists those places in order, for a rule that opens with one of a
    list of words, found for all such rules in one pass (``_entry_starts``).
    """
    if at is not None:
        pos = 0
        for start in at:
            if start >= pos and _starts(text, start):
                match = regex.match(text, start)
                if match is not None:
                    yield match
                    pos = match.end()
        return
    pos = 0
    while True:
        if entry is None:
            match = regex.search(text, pos)
            if match is None:
                return
            start = match.start()
        else:
            hit = entry.search(text, pos)
            if hit is None:
                return
            start = hit.start()
            match = regex.match(text, start) if _starts(text, start) else None
        if match is not None and _starts(text, start):
            yield match
            pos = match.end()
        else:
            pos = start + 1


def _word_finder(words: dict[str, list[str]]) -> SubstringMatcher[str] | None:
    """A matcher giving, for each of the words found (within a word or not), the
    names it is listed under; None when a list holds the empty string (which is
    found everywhere: the rule is then searched for as a regex)."""
    if any("" in listed for listed in words.values()):
        return None
    return SubstringMatcher((word, name) for name, listed in words.items() for word in listed)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class DateFinder:
    """Finds and resolves date expressions in the matching form of a text."""

    def __init__(self, path: Path | None = None, numbers: NumberGrammar | None = None) -> None:
        data = load_yaml(path or "dates.yaml")
        c = data.content
        self.version = data.version
        self.numbers = numbers or NumberGrammar()
        self.months = {match_key(f): int(n) for n, fs in c["gregorian_months"].items() for f in fs}
        self.hijri = {match_key(f): int(n) for n, fs in c["hijri_months"].items() for f in fs}
        self.weekdays = {match_key(f): int(n) for n, fs in c["weekdays"].items() for f in fs}
        self.rel_days = {match_key(f): int(n) for n, fs in c["relative_days"].items() for f in fs}
        self.ordinals = {match_key(f): int(n) for n, fs in
                         (c.get("ordinal_days") or {}).items() for f in fs}
        past = _alt([match_key(f) for f in c["past"]])
        ahead = _alt([match_key(f) for f in c.get("next") or ["المقبل"]])
        current = _alt([match_key(f) for f in c["current"]])
        self._current_words = frozenset(match_key(f) for f in c["current"])
        # «من الشهر ذاته»: the month of the date told before
        self._same = frozenset(match_key(f) for f in c.get("same") or [])
        same = _alt(sorted(self._same)) if self._same else r"(?!x)x"
        parts = _alt([match_key(f) for f in c["parts"]])
        month = _alt(list(self.months))
        hmonth = _alt(list(self.hijri))
        wday = _alt(list(self.weekdays))
        rel = _alt(list(self.rel_days))
        # longest first, so that «الحادي والعشرين» is not read as «الحادي»
        ordinal = _alt(sorted(self.ordinals, key=len, reverse=True)) if self.ordinals \
            else r"(?!x)x"
        # Every expression starts at a word boundary, or after a proclitic (و، ف،
        # ب، ل) glued to it; ``_starts`` checks that (see ``_bounded``).
        e = r"(?![\w])"
        P = re.compile
        self.anaphoric = {match_key(f): int(n) for n, fs in
                          (c.get("anaphoric_days") or {}).items() for f in fs}
        # Both start where ``_starts`` says (tested by ``_bounded``, as for the rules).
        self.anaphor = re.compile(rf"(?P<a>{_alt(list(self.anaphoric))})(?!\w)") \
            if self.anaphoric else None
        recent = c.get("recent_periods") or {}
        self.recent = re.compile(
            rf"(?:{_alt([match_key(f) for f in recent['openers']])})\s+"
            rf"(?P<unit>{_alt([match_key(f) for f in recent['units']])})\s+"
            rf"(?:{_alt([match_key(f) for f in recent['closers']])})(?!\w)") if recent else None
        self._gates(past, current)
        # Where a rule that opens with optional words can start: one of the
        # words it may open with (``_bounded`` tries the rule only there).
        days = r"يوم|صباح|مساء|فجر|ظهر|ليل|ليله|عصر"
        self.entries: dict[str, re.Pattern[str]] = {"dmy-name": P(rf"يوم|{wday}|\d")}
        # Rules that open with a figure: they can start only where a run of digits
        # does (a start inside one is inside a word, which ``_starts`` refuses).
        self._figure_led = frozenset({"hijri", "numeric-ymd", "numeric-dmy", "dmy-name",
                                      "day-of-month"})
        # The others open with one of a list of words (the rule's first, or what
        # may come before it): where those words are is found for all at once.
        part_words = [match_key(f) for f in c["parts"]]
        self._entry_words: dict[str, list[str]] = {
            "dmy-ordinal": list(self.ordinals),
            "day-of-month": list(self.ordinals),
            # «يوم», a weekday, or (``_figure_led``) a figure: as ``entries`` says.
            "dmy-name": ["يوم", *self.weekdays],
            "month-year": [*part_words, "شهر", *self.months],
            "month-relative": [*part_words, "شهر"],
            "month-part": part_words,
            "month-named": list(self.months),
            "year": [*part_words, "عام", "العام", "سنه", "السنه"],
            "period-relative": [*part_words, "الاسبوع", "الشهر", "العام", "السنه"],
            "weekday": [*days.split("|"), *self.weekdays],
            "ago": ["منذ", "قبل"],
            "relative-day": list(self.rel_days),
            "anaphor": list(self.anaphoric),
            "recent": [match_key(f) for f in recent.get("openers") or []],
        }
        self._entry_finder = _word_finder(self._entry_words)
        self.rules: list[tuple[str, re.Pattern[str], Callable[[re.Match[str], date | None],
                                                              DateValue]]] = [
            ("hijri", P(rf"(?P<d>\d{{1,2}})\s+(?:من\s+)?(?P<m>{hmonth})"
                        rf"(?:\s+(?:سنه\s+|عام\s+)?(?P<y>1[34]\d\d))?(?:\s*ه{e}|\s+للهجره)?"
                        + e), self._hijri),
            ("dmy-name", P(rf"(?:(?:يوم\s+)?(?:{wday})\s*[،,]?\s*)?(?P<d>\d{{1,2}})\s*"
                           rf"(?:من\s+)?"
                           rf"(?:شهر\s+)?(?P<m>{month})(?:\s*/\s*(?:{month}))?"
                           rf"(?:\s*[،,]?\s*(?:سنه\s+|عام\s+)?(?P<y>(?:19|20)\d\d))?" + e),
             self._dmy),
            ("dmy-ordinal", P(rf"(?P<od>{ordinal})\s+(?:من\s+)?(?:شهر\s+)?(?P<m>{month})"
                              rf"(?:\s*/\s*(?:{month}))?"
                              rf"(?:\s*[،,]?\s*(?:سنه\s+|عام\s+)?(?P<y>(?:19|20)\d\d))?" + e),
             self._dmy),
            # «في 22 من الشهر الجاري»، «في الرابع عشر من الشهر ذاته»: a day of a month
            # told against the publication or a date told before.
            ("day-of-month", P(rf"(?:(?P<d>\d{{1,2}})|(?P<od>{ordinal}))\s+(?:من\s+)?"
                               rf"(?:هذا\s+)?الشهر\s+(?P<rel>{past}|{current}|{same})"
                               + e), self._day_of_month),
            ("numeric-ymd", P(r"(?P<y>(?:19|20)\d\d)[-/. ](?P<m>\d{1,2})[-/. ]"
                              r"(?P<d>\d{1,2})" + e),
             self._numeric),
            ("numeric-dmy", P(r"(?P<d>\d{1,2})[-/. ](?P<m>\d{1,2})[-/. ]"
                              r"(?P<y>(?:19|20)\d\d)" + e),
             self._numeric),
            ("month-year", P(rf"(?:(?P<part>{parts})\s+)?(?:شهر\s+)?(?P<m>{month})"
                             rf"(?:\s*/\s*(?:{month}))?\s*(?:(?:من\s+)?(?:عام|سنه)\s+)?"
                             rf"(?P<y>(?:19|20)\d\d)" + e), self._month_year),
            ("month-relative", P(rf"(?:(?P<part>{parts})\s+)?شهر\s+(?P<m>{month})"
                                 rf"(?:\s*/\s*(?:{month}))?(?:\s+(?P<rel>{past}|{current}))?" + e),
             self._month_rel),
            # «أواخر تموز الماضي»، «في آب الماضي»: a month with no year and no «شهر»,
            # told with a part of it or as past or current (a bare «آب» is too often
            # another word to be read alone)
            ("month-part", P(rf"(?P<part>{parts})\s+(?P<m>{month})(?:\s*/\s*(?:{month}))?"
                             rf"(?:\s+(?P<rel>{past}|{current}))?" + e), self._month_rel),
            ("month-named", P(rf"(?P<m>{month})(?:\s*/\s*(?:{month}))?"
                              rf"\s+(?P<rel>{past}|{current})" + e), self._month_rel),
            ("year", P(rf"(?:(?P<part>{parts})\s+)?(?:عام|العام|سنه|السنه)\s+"
                       rf"(?P<y>(?:19|20)\d\d)" + e), self._year),
            ("period-relative", P(rf"(?:(?P<part>{parts})\s+)?"
                                  rf"(?P<unit>الاسبوع|الشهر|العام|السنه)"
                                  rf"\s+(?P<rel>{past}|{current})" + e), self._period),
            ("ago", P(r"(?:منذ|قبل)\s+(?P<n>[^\s]+(?:\s+[^\s]+)?\s+)?"
                      r"(?P<unit>يوم|يوما|ايام|يومين|اسبوع|اسابيع|اسبوعين|شهر|اشهر|شهرين)" + e),
             self._ago),
            # «غداً الأربعاء»، «أمس الثلاثاء»: the weekday after names the same day
            ("relative-day", P(rf"(?P<rel>{rel})(?:\s+(?:{wday}))?" + e), self._rel_day),
            ("weekday", P(rf"(?:يوم\s+)?(?:(?:صباح|مساء|فجر|ظهر|ليل|ليله|عصر)\s+)?"
                          rf"(?:يوم\s+)?(?P<w>{wday})(?:\s+(?:(?P<past>{past})|(?P<next>{ahead})))?"
                          + e), self._weekday),
        ]

    def _gates(self, past: str, current: str) -> None:
        """Words each rule needs in the text; a text without them skips the rule."""
        months, hijri = set(self.months), set(self.hijri)
        weekdays, rel = set(self.weekdays), set(self.rel_days)
        first_words = {w.split()[0] for w in months | hijri | weekdays | rel}
        period = {"الاسبوع", "الشهر", "العام", "السنه"}
        self.rule_anchors: dict[str, set[str] | None] = {
            "hijri": {w.split()[0] for w in hijri},
            "dmy-name": {w.split()[0] for w in months},
            "dmy-ordinal": {w.split()[0] for w in months},
            "day-of-month": {"الشهر"},
            "numeric-ymd": {"digit"}, "numeric-dmy": {"digit"},
            "month-year": {w.split()[0] for w in months},
            "month-relative": {"شهر"},
            "month-part": {w.split()[0] for w in months},
            "month-named": {w.split()[0] for w in months},
            "year": {"عام", "العام", "سنه", "السنه"},
            "period-relative": period,
            "ago": {"منذ", "قبل"},
            "relative-day": {w.split()[0] for w in rel} | {w.split()[-1] for w in rel},
            "weekday": {w.split()[0] for w in weekdays},
        }
        words = first_words | period | {"شهر", "عام", "سنه", "السنه", "منذ", "قبل"} | {
            w.split()[-1] for w in rel}
        if not all(_WORD.fullmatch(w) for w in words):
            raise ValueError("date anchor words must be single words")
        self.anchor_words = frozenset(words)
        # The words of a text that can give an anchor: one, or one after a proclitic.
        self._anchor_forms = self.anchor_words | {
            p + w for w in self.anchor_words for p in _PROCLITIC_LETTERS}
        # ... found in the scan the lexicons share, when every anchor word is a
        # matching form the matcher can look for as it is.
        self._anchor_matcher: PhraseMatcher[str] | None = None
        if all(len(w) >= 2 and match_key(w) == w for w in words):
            self._anchor_matcher = PhraseMatcher(
                ((w, w) for w in words), proclitics=frozenset({"", *_PROCLITIC_LETTERS}))

    def matchers(self) -> list[PhraseMatcher[str]]:
        """The phrase matchers of the finder, for ``share_scan``."""
        return [m for m in (self._anchor_matcher, self._entry_finder) if m is not None]

    # --- resolvers: each returns the period the expression denotes ---
    def _hijri(self, m: re.Match[str], pub: date | None) -> DateValue:
        month = self.hijri[m["m"]]
        year = int(m["y"]) if m["y"] else None
        if year is None:
            if pub is None:
                return DateValue(None, None, "day")
            year = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
        g = Hijri(year, month, int(m["d"])).to_gregorian()
        day = date(g.year, g.month, g.day)
        return DateValue(day, day, "day")

    def _dmy(self, m: re.Match[str], pub: date | None) -> DateValue:
        month = self.months[m["m"]]
        day = self.ordinals[m["od"]] if "od" in m.re.groupindex and m["od"] else int(m["d"])
        if m["y"]:
            year = int(m["y"])
        elif pub is not None:
            year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
        else:
            return DateValue(None, None, "day")
        value = date(year, month, day)
        return DateValue(value, value, "day")

    def _day_of_month(self, m: re.Match[str], pub: date | None) -> DateValue:
        """The month is the publication's, the one before it, or (ذاته) the month of
        the date told before, which ``find`` puts in once every date is known."""
        day = int(m["d"]) if m["d"] else self.ordinals[m["od"]]
        if pub is None or m["rel"] in self._same:
            return DateValue(None, None, "day")
        year, month = pub.year, pub.month
        if m["rel"] not in self._current_words:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        found = date(year, month, day)
        return DateValue(found, found, "day")

    def _numeric(self, m: re.Match[str], pub: date | None) -> DateValue:
        value = date(int(m["y"]), int(m["m"]), int(m["d"]))
        return DateValue(value, value, "day")

    def _part(self, part: str | None, start: date, end: date) -> tuple[date, date]:
        if not part:
            return start, end
        span = (end - start).days
        third = span // 3
        if part in ("مطلع", "بدايه", "اوايل", "مستهل"):
            return start, start + timedelta(days=third)
        if part in ("منتصف", "اواسط"):
            return start + timedelta(days=third), end - timedelta(days=third)
        return end - timedelta(days=third), end

    def _month_year(self, m: re.Match[str], pub: date | None) -> DateValue:
        year, month = int(m["y"]), self.months[m["m"]]
        start, end = self._part(m["part"], date(year, month, 1), _month_end(year, month))
        return DateValue(start, end, "month")

    def _month_rel(self, m: re.Match[str], pub: date | None) -> DateValue:
        if pub is None:
            return DateValue(None, None, "month")
        month = self.months[m["m"]]
        year = pub.year if month <= pub.month else pub.year - 1
        part = m.groupdict().get("part")  # «month-named» has no part to name
        start, end = self._part(part, date(year, month, 1), _month_end(year, month))
        return DateValue(start, end, "month")

    def _year(self, m: re.Match[str], pub: date | None) -> DateValue:
        year = int(m["y"])
        start, end = self._part(m["part"], date(year, 1, 1), date(year, 12, 31))
        return DateValue(start, end, "year" if not m["part"] else "month")

    def _period(self, m: re.Match[str], pub: date | None) -> DateValue:
        unit = m["unit"]
        precision = {"الاسبوع": "week", "الشهر": "month"}.get(unit, "year")
        if pub is None:
            return DateValue(None, None, precision)
        past = m["rel"] not in ("الجاري", "الحالي", "هذا")
        if precision == "week":
            monday = pub - timedelta(days=pub.weekday()) - timedelta(days=7 if past else 0)
            return DateValue(monday, monday + timedelta(days=6), "week")
        if precision == "month":
            first = pub.replace(day=1)
            if past:
                first = (first - timedelta(days=1)).replace(day=1)
            start, end = self._part(m["part"], first, _month_end(first.year, first.month))
            return DateValue(start, end, "month")
        year = pub.year - 1 if past else pub.year
        start, end = self._part(m["part"], date(year, 1, 1), date(year, 12, 31))
        return DateValue(start, end, "year" if not m["part"] else "month")

    def _ago(self, m: re.Match[str], pub: date | None) -> DateValue:
        unit = m["unit"]
        count = 2 if unit in ("يومين", "اسبوعين", "شهرين") else 1
        if m["n"]:
            parsed = self.numbers.parse(tokens(m["n"]))
            if parsed:
                count = int(parsed[0].value)
        days = 1 if unit.startswith(("يوم", "ايام")) else \
            7 if unit.startswith(("اسبوع", "اسابيع")) else 30
        precision = "day" if days == 1 else "week" if days == 7 else "month"
        if pub is None:
            return DateValue(None, None, precision)
        value = pub - timedelta(days=days * count)
        return DateValue(value, value, precision)

    def _rel_day(self, m: re.Match[str], pub: date | None) -> DateValue:
        if pub is None:
            return DateValue(None, None, "day")
        value = pub + timedelta(days=self.rel_days[m["rel"]])
        return DateValue(value, value, "day")

    def _weekday(self, m: re.Match[str], pub: date | None) -> DateValue:
        if pub is None:
            return DateValue(None, None, "day")
        back = (pub.weekday() - self.weekdays[m["w"]]) % 7
        if m["past"] and back == 0:
            back = 7
        if m["next"]:  # «الخميس المقبل»: the next one after publication
            back = -((self.weekdays[m["w"]] - pub.weekday()) % 7 or 7)
        value = pub - timedelta(days=back)
        return DateValue(value, value, "day")

    def _entry_starts(self, text: str) -> dict[str, list[int]]:
        """Where each rule that opens with a word of a list may start, in order:
        wherever one of its words is, within a word or not (as a regex search of
        the words would find them); ``_bounded`` tests the rest."""
        if self._entry_finder is None:
            return {}
        found: dict[str, set[int]] = {name: set() for name in self._entry_words}
        for start, _, _, _, _, names in self._entry_finder.find_all_tuples(text):
            for name in names:
                found[name].add(start)
        return {name: sorted(starts) for name, starts in found.items()}

    def _anchors(self, text: str) -> set[str]:
        """The anchor words in ``text``, each as a whole word or after one
        proclitic letter (والشهر gives الشهر)."""
        words = self.anchor_words
        present = set()
        if self._anchor_matcher is not None:
            for start, end, _, prefix, key, _ in self._anchor_matcher.find_all_tuples(text):
                if end - start != len(key):
                    continue  # للشهر is not ل + الشهر here: whole words only
                if not prefix and key[0] in _PROCLITIC_LETTERS and key[1:] in words:
                    continue  # والشهر: the proclitic reading, found on its own
                present.add(key)
            return present
        for word in self._anchor_forms.intersection(_WORD.findall(text)):
            if word[0] in _PROCLITIC_LETTERS and word[1:] in words:
                present.add(word[1:])  # the proclitic reading is the one a regex takes first
            elif word in words:
                present.add(word)
        return present

    def find(self, norm: NormalizedText, published: str | None,
             failed: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Dates in ``norm``; spans that look like dates but are impossible (31/02)
        are added to ``failed`` so that no later finder reads them as figures."""
        pub = parse_published(published)
        text = norm.text
        taken: list[tuple[int, int]] = []
        out: list[Mention] = []
        # Told against another date («في اليوم التالي»): read first, so that their
        # «اليوم» is not taken for today, and resolved once every date is known.
        anaphors: list[tuple[int, int, int]] = []
        same_month: dict[tuple[int, int, int], Mention] = {}  # «من الشهر ذاته»: told later
        starts = self._entry_starts(text)
        if self.anaphor is not None:
            for m in _bounded(self.anaphor, text, at=starts.get("anaphor")):
                anaphors.append((*m.span(), self.anaphoric[m["a"]]))
                taken.append(m.span())
        if self.recent is not None:
            for m in _bounded(self.recent, text, at=starts.get("recent")):
                start, end = m.span()
                week = "اسابيع" in m["unit"] or "اسبوعين" in m["unit"]
                since = pub - timedelta(days=27 if week else 6) if pub else None
                out.append(self._mention(norm, start, end, "recent-period",
                                         DateValue(since, pub, "month" if week else "week")))
                taken.append((start, end))
        # Clock times are not figures. One opening a paragraph («09:05 - مسيّرة ...») is
        # a live report's entry: today, the day of publication.
        for m in _clocks(text):
            start, end = m.span("time")
            if any(start < e and s < end for s, e in taken):
                continue
            today = pub if m.group("entry") is not None else None
            out.append(self._mention(norm, start, end, "clock",
                                     DateValue(today, today, "day")))
            taken.append((start, end))
        present = self._anchors(text)
        figures = [m.start() for m in _DIGITS.finditer(text)]
        for name, regex, resolve in self.rules:
            needs = self.rule_anchors[name]
            if needs is not None and not (needs & present) and not (
                    "digit" in needs and figures):
                continue  # nothing in the text this rule could start from
            at = starts.get(name)
            if name in self._figure_led and self._entry_finder is not None:
                at = sorted({*(at or ()), *figures})
            for m in _bounded(regex, text, None if at is not None else self.entries.get(name),
                              at):
                start, end = m.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                if name == "weekday" and text[max(0, start - 4) : start] == "سوق ":
                    continue  # سوق الجمعة: a market, a quarter of Tripoli, not a Friday
                taken.append((start, end))
                try:
                    value = resolve(m, pub)
                except (ValueError, KeyError, OverflowError):
                    if failed is not None:
                        failed.append(norm.to_original(start, end))
                    continue  # 31 شباط and the like: not a date, nor a month
                out.append(self._mention(norm, start, end, name, value))
                if name == "day-of-month" and m["rel"] in self._same:
                    same_month[(start, end, int(m["d"]) if m["d"] else
                                self.ordinals[m["od"]])] = out[-1]
        out.sort(key=lambda x: x.start)
        # «في الرابع عشر من الشهر ذاته»: the month of the date told before it.
        for (start, end, of_month), index in ((p, out.index(m))
                                              for p, m in same_month.items()):
            ostart = norm.to_original(start, end)[0]
            told = next((o for o in reversed(out[:index]) if o.start < ostart and o.ref
                         and len(str(o.ref)) >= 7), None)
            if told is None:
                continue
            try:
                found = date(int(str(told.ref)[:4]), int(str(told.ref)[5:7]), of_month)
            except ValueError:
                continue
            out[index] = self._mention(norm, start, end, "day-of-month",
                                       DateValue(found, found, "day"))
        for start, end, offset in anaphors:
            ostart = norm.to_original(start, end)[0]
            before = [m for m in out if m.start < ostart and m.ref and
                      m.data.get("precision") == "day"]
            day = date.fromisoformat(str(before[-1].ref)) + timedelta(days=offset) \
                if before else None
            out.append(self._mention(norm, start, end, "anaphoric-day",
                                     DateValue(day, day, "day")))
            out.sort(key=lambda x: x.start)
        return out

    def _mention(self, norm: NormalizedText, start: int, end: int, rule: str,
                 value: DateValue) -> Mention:
        ostart, oend = norm.to_original(start, end)
        oend = extend_over_marks(norm.original, oend)
        ref = None
        if value.start is not None:
            iso = value.start.isoformat()
            ref = {"day": iso, "week": iso, "month": iso[:7], "year": iso[:4]}[value.precision]
            if value.precision == "month" and value.end and value.end.month != value.start.month:
                ref = value.start.isoformat()
        data: dict[str, object] = {
            "precision": value.precision,
            "time_precision": ACLED_TIME_PRECISION[value.precision],
            "resolved": value.start is not None,
        }
        if value.start is not None and value.end is not None and value.end != value.start:
            data["start"] = value.start.isoformat()
            data["end"] = value.end.isoformat()
        return Mention(kind="date", start=ostart, end=oend, text=norm.original[ostart:oend],
                       norm=norm.text[start:end], ref=ref, rule=f"grammar:{rule}", data=data)
