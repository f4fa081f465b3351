"""Quantities: figures in digits or words, their approximation, and what they count.

Arabic reports give figures as digits in either script, as number words that
agree in gender and case (ثلاثة/ثلاث، عشرون/عشرين، خمسة وعشرون), as duals
(قتيلان) and as vague amounts (عشرات، مئات، عدد من). No library we know
reads Arabic number words with their compounds, so the grammar is here and
its vocabulary in ``rasd/data/numbers.yaml``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from rasd.arabic.normalize import NormalizedText, extend_over_marks
from rasd.data import load_yaml
from rasd.mentions.groups import GroupLexicon
from rasd.mentions.matcher import Match, PhraseMatcher, is_word_char, match_key
from rasd.mentions.model import Mention

MAX_FIGURE = 1e9
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DIGIT = re.compile(r"\d")
# ``\d+``, written to open with a class: searched for a class at a time, not matched
# at every position.
_DIGITS = re.compile(r"\d\d*")
_WORD = re.compile(r"\w+")
_PAUSE = re.compile(r"[،,.؛;:!?؟\n]")
# What may stand between a count and the verb that says what befell them (in the
# matching form): the counted noun, a partitive «من ...» of up to two words, and
# an aside on who is among them between commas.
_COUNTED_TAIL = re.compile(r"(?:\s+(?!و|من\s)[^\s،,.]+)?(?:\s+من\s+[^\s،,.]+(?:\s+و[^\s،,.]+)?)?"
                           r"(?:\s*[،,]\s*(?:بينهم|منهم|بينهن|منهن|بينهما|منهما)\s+[^،,.]{1,40}[،,])?"
                           r"\s+")


class Tok(NamedTuple):
    """A word or figure of the matching form; a tuple, since an article makes many."""

    start: int
    end: int
    text: str


@dataclass
class _Parsed:
    start: int  # token index
    end: int  # token index after the last
    value: float


def _no_casualty_pattern(grammar: dict[str, list[str]]) -> re.Pattern[str] | None:
    """«دون أن يسفر القصف عن إصابات»: negation, outcome verb (with up to two words
    for what struck, and a preposition), وقوع/أي, casualty noun. A grammar and not a
    phrase list, because outlets word it in more ways than a list can hold."""
    if not grammar.get("negations") or not grammar.get("nouns"):
        return None

    def alt(key: str) -> str:
        forms = sorted({match_key(f) for f in grammar.get(key) or []}, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"

    verb = ""
    if grammar.get("outcome_verbs"):
        prep = rf"(?:{alt('prepositions')}\s+)?" if grammar.get("prepositions") else ""
        verb = rf"(?:{alt('outcome_verbs')}(?:\s+\S+){{0,2}}?\s+{prep})?"
    filler = rf"(?:ب?{alt('fillers')}\s+)?" if grammar.get("fillers") else ""
    # It starts after a word break, which ``_at_word_start`` tests: a lookbehind
    # here would be tried at every position of the text.
    return re.compile(rf"{alt('negations')}\s+{verb}{filler}ب?{alt('nouns')}(?!\w)")


def _at_word_start(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""``finditer`` of ``(?<!\w)`` and ``regex``, for a regex that matches no empty string."""
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        start = m.start()
        if start == 0 or not is_word_char(text[start - 1]):
            yield m
            pos = m.end()
        else:
            pos = start + 1


class NumberGrammar:
    """Reads figures from normalized text; vocabulary from the numbers file."""

    def __init__(self, path: Path | None = None, groups: GroupLexicon | None = None) -> None:
        """``groups`` are the participant groups, whose nouns' duals count two; loaded
        when not given."""
        data = load_yaml(path or "numbers.yaml")
        c = data.content
        self.version = data.version
        self.words: dict[str, tuple[str, float]] = {}
        for kind in ("units", "tens", "hundreds"):
            for value, forms in c[kind].items():
                for form in forms:
                    self.words[match_key(form)] = ("add", float(value))
        for value, forms in c["multipliers"].items():
            for form in forms:
                self.words.setdefault(match_key(form), ("mul", float(value)))
                if self.words[match_key(form)][0] != "mul":
                    self.words[match_key(form)] = ("add_or_mul", float(value))
        for value, forms in c["duals_of_thousand"].items():
            for form in forms:
                self.words[match_key(form)] = ("add", float(value))
        self.teen_tail = {match_key(f) for f in c["teens_tail"]}
        self.two = {match_key(f) for f in c["units"][2]}
        words = sorted(set(self.words) | {match_key(f) for f in c["eleven"]} |
                       {match_key(f) for f in c["twelve"]}, key=len, reverse=True)
        # Where a figure may start: a digit, or a number word (with و).
        self.anchor = re.compile(r"\d|(?<!\w)و?(?:" + "|".join(map(re.escape, words)) +
                                 r")(?!\w)")
        # ``anchor``'s number words as whole words, for ``anchor_spans``: the
        # phrase matcher finds them in the scan the other lexicons share.
        if any(_DIGIT.search(w) or not _WORD.fullmatch(w) or len(w) < 2 for w in words):
            raise ValueError("number words must be single words without digits")
        self.number_words: PhraseMatcher[str] = PhraseMatcher(
            ((w, w) for w in (*words, *("و" + w for w in words))), proclitics=frozenset({""}))
        self.eleven = {match_key(f) for f in c["eleven"]}
        self.twelve = {match_key(f) for f in c["twelve"]}
        # The words a number in words may open with (``_parse_words``' first word).
        self._openers = frozenset({*self.eleven, *self.twelve, *self.words, *(
            "و" + w for w in self.words if len(w) > 2)})
        self.qualifiers: PhraseMatcher[str] = PhraseMatcher(
            (form, q) for q, forms in c["qualifiers"].items() for form in forms)
        self.vague_words = {match_key(f) for forms in c["vague"].values() for f in forms
                            if " " not in f}
        self.vague: PhraseMatcher[str] = PhraseMatcher(
            (form, v) for v, forms in c["vague"].items() for form in forms)
        duals = [(form, what) for what, forms in c["duals"].items() for form in forms]
        self.duals: PhraseMatcher[str] = PhraseMatcher(duals + _derived_duals(
            groups or GroupLexicon.load(), {match_key(form) for form, _ in duals}))
        self.effects: PhraseMatcher[str] = PhraseMatcher(
            (form, e) for e, forms in c["effects"].items() for form in forms)
        self.singular = {match_key(f) for f in c.get("singular_persons") or []}
        self.person_verbs = {match_key(f) for f in c.get("person_verbs") or []}
        self.doer_verbs = {match_key(f) for f in c.get("doer_verbs") or []}
        self.that = {match_key(f) for f in c.get("that") or []}
        self.not_persons = {match_key(f) for f in c.get("not_persons") or []}
        self.no_casualties: PhraseMatcher[str] = PhraseMatcher(
            (form, "none") for form in c.get("no_casualties") or [])
        self.no_casualty_grammar = _no_casualty_pattern(c.get("no_casualties_grammar") or {})
        self.falls: PhraseMatcher[str] = PhraseMatcher(
            (form, "killed") for form in c.get("fall_verbs") or [])
        self.counted: PhraseMatcher[str] = PhraseMatcher(
            (form, what) for what, forms in c["counted"].items() for form in forms)

    def matchers(self) -> list[PhraseMatcher[str]]:
        return [self.qualifiers, self.vague, self.duals, self.effects, self.no_casualties,
                self.counted, self.number_words, self.falls]

    def anchor_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``anchor`` matches, in order, as (first, last) starts: a run of
        digits is one span (each digit is a match of its own), a number word
        another. The same as ``anchor.finditer``, several times faster."""
        spans = [(m.start(), m.end() - 1) for m in _DIGITS.finditer(text)]
        spans += [(start, start) for start, *_ in self.number_words.find_all_tuples(text)]
        spans.sort()
        return spans

    def _word(self, text: str, first: bool) -> tuple[str, float] | None:
        entry = self.words.get(text)
        if entry is None and text.startswith("و") and (not first or len(text) > 3):
            entry = self.words.get(text[1:])
        return entry

    def _digits(self, text: str) -> float | None:
        """A figure from digits; none for numbers no casualty count reaches
        (phone numbers, serials), which would also overflow a database integer."""
        try:
            if _THOUSANDS.match(text):
                value = float(int(text.replace(",", "")))
            elif text.isdigit():
                value = float(int(text))
            else:
                value = float(text.replace(",", "."))
        except (ValueError, OverflowError):
            return None
        return value if math.isfinite(value) and value < MAX_FIGURE else None

    def parse(self, toks: Sequence[Tok]) -> list[_Parsed]:
        """Numbers as runs of tokens: 400، 3 آلاف، خمسة وعشرون، ثلاثة عشر."""
        out: list[_Parsed] = []
        i = 0
        while i < len(toks):
            text = toks[i].text
            if text[0].isdigit():
                value = self._digits(text)
                j = i + 1
                if value is not None and j < len(toks):
                    mul = self.words.get(toks[j].text)
                    if mul and mul[0] in ("mul", "add_or_mul") and mul[1] >= 1000:
                        value *= mul[1]
                        j += 1
                        # «57 ألفاً و575 شهيداً»: the rest of the figure after و
                        if j + 1 < len(toks) and toks[j].text == "و" and \
                                toks[j].end == toks[j + 1].start and toks[j + 1].text.isdigit():
                            rest = self._digits(toks[j + 1].text)
                            if rest is not None and rest < mul[1]:
                                value += rest
                                j += 2
                if value is not None:
                    out.append(_Parsed(i, j, value))
                i = j
                continue
            if text not in self._openers:
                i += 1  # no number word opens here
                continue
            parsed = self._parse_words(toks, i)
            if parsed is None:
                i += 1
            else:
                out.append(parsed)
                i = parsed.end
        return out

    def _parse_words(self, toks: Sequence[Tok], i: int) -> _Parsed | None:
        total = 0.0
        group = 0.0
        j = i
        seen = False
        while j < len(toks):
            text = toks[j].text
            nxt = toks[j + 1].text if j + 1 < len(toks) else ""
            if (text in self.eleven or text in self.twelve or self._word(text, not seen)) \
                    and nxt in self.teen_tail:
                unit = 1.0 if text in self.eleven else 2.0 if text in self.twelve else \
                    (self._word(text, not seen) or ("add", 0.0))[1]
                if unit < 10:
                    group += unit + 10
                    j += 2
                    seen = True
                    continue
            entry = self._word(text, not seen)
            if entry is None:
                break
            kind, value = entry
            if kind == "add":
                group += value
            elif kind in ("mul", "add_or_mul"):
                if not seen and text in self.vague_words:
                    break  # آلاف or مئات alone is vague ("thousands"), not a figure
                total += (group or 1.0) * value
                group = 0.0
            seen = True
            j += 1
        if not seen:
            return None
        return _Parsed(i, j, total + group)


    def singulars(self, text: str, effects: list[Match[str]],
                   found: list[tuple[int, int, float | None, str, str, str | None]]
                   ) -> list[tuple[int, int, float | None, str, str, str | None]]:
        """قُتل مواطن = one killed; قُتلت امرأة وطفلها = two."""
        out: list[tuple[int, int, float | None, str, str, str | None]] = []
        for effect in effects:
            if effect.values[0] not in ("killed", "injured"):
                continue
            if effect.key in self.person_verbs and not effect.prefix:
                # «قال إن فلسطينياً قُتل»: the one struck stands before a verb
                # after إن/أن, in the accusative (a nisba adjective or a person noun).
                before = text[max(0, effect.word_start - 40) : effect.word_start].split()
                if len(before) >= 2 and before[-2] in self.that:
                    noun = before[-1]
                    if (noun.endswith("يا") and len(noun) > 4 and noun not in self.not_persons) \
                            or noun[:-1] in self.singular or noun in self.singular:
                        start = effect.word_start - 1 - len(noun)
                        if not any(s < effect.word_start and start < e for s, e, *_ in found):
                            out.append((start, effect.word_start - 1, 1.0, "exact",
                                        "singular", effect.values[0]))
                            continue
            rest = text[effect.end : effect.end + 60].split()
            head = rest[0].rstrip("،,.") if rest else ""
            if head.endswith("يان") and len(head) > 5 and head not in self.not_persons:
                # «قُتل فلسطينيان»: a nisba in the dual is two people
                start = effect.end + 1
                end = start + len(head)
                if not any(s < end and start < e for s, e, *_ in found):
                    out.append((start, end, 2.0, "exact", "singular", effect.values[0]))
                continue
            if len(rest) >= 2 and rest[0].endswith("ان") and len(rest[0]) > 4 and \
                    rest[1].rstrip("،,.").endswith("يان") and len(rest[1]) > 4:
                # «قُتل عتّالان كرديان»: a dual noun agreed with by a nisba in the dual,
                # for the many nouns no list of duals holds
                start = effect.end + 1
                end = start + len(rest[0])
                if not any(s < end and start < e for s, e, *_ in found):
                    out.append((start, end, 2.0, "exact", "singular", effect.values[0]))
                continue
            count = 0
            used = 0
            for word in rest[:4]:
                bare = word.strip("،,.")
                if count and not bare.startswith("و"):
                    break  # «قُتل متعاقد مدني»: a word after the noun describes it
                core = bare[1:] if bare.startswith("و") and count else bare
                stem = core[:-2] if core.endswith(("ها", "هم")) else core
                if not count and core.startswith("ال") and core[2:] in self.singular:
                    stem = core[2:]  # «قُتل المزارع خالد»: the one named after the noun
                if stem in self.singular or core in self.singular:
                    count += 1
                    used += len(word) + 1
                    if bare != word:
                        break
                    continue
                break
            if count:
                start = effect.end + 1
                end = min(len(text), start + used - 1)
                if not any(s < end and start < e for s, e, *_ in found):
                    out.append((start, end, float(count), "exact", "singular",
                                effect.values[0]))
        return out


def tokens(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class QuantityFinder:
    """Quantities with qualifier, effect (killed, injured…) and what they count."""

    def __init__(self, grammar: NumberGrammar | None = None) -> None:
        self.grammar = grammar or NumberGrammar()

    def _candidate_tokens(self, text: str) -> list[Tok]:
        """Tokens only around digits and number words: most of an article has none."""
        windows: list[tuple[int, int]] = []
        for start, last in self.grammar.anchor_spans(text):
            end = min(len(text), last + 90)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        out: list[Tok] = []
        for start, end in windows:
            # End the window on a word boundary so no word is cut.
            while end < len(text) and not text[end].isspace():
                end += 1
            # The token pattern has no lookaround: matching within [start, end) of the
            # text is matching the slice, with offsets already in the text.
            out += [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
        return out

    def find(self, norm: NormalizedText, skip: Sequence[tuple[int, int]] = (),
             groups: Sequence[Mention] = ()) -> list[Mention]:
        """``skip`` are original spans already taken (dates); ``groups`` are group mentions."""
        text = norm.text
        g = self.grammar
        toks = self._candidate_tokens(text)
        qualifiers = g.qualifiers.find(text)
        effects = g.effects.find(text)
        counted = g.counted.find(text)
        counted_keys = {m.key for m in counted}
        group_spans = [(*norm.from_original(m.start, m.end), m) for m in groups]
        found: list[tuple[int, int, float | None, str, str, str | None]] = []
        # Duals first: «مدنيين اثنين» is one count of two civilians, not a bare «اثنين».
        for m in g.duals.find(text):
            found.append((m.start, m.end, 2.0, "exact", "dual", m.values[0]))
        duals = list(found)
        for p in g.parse(toks):
            first = toks[p.start]
            start = first.start + (1 if first.text.startswith("و") and
                                   first.text not in g.words else 0)
            end = toks[p.end - 1].end
            if any(s < end and start < e for s, e, *_ in duals):
                continue
            what: str | None = None
            if p.end - p.start == 1 and first.text in g.two:
                # «اثنين» follows what it counts, with its adjectives between:
                # «صحفيين فلسطينيين اثنين قُتلا». A dual there has counted them already.
                if any(0 <= start - e <= 16 and not _PAUSE.search(text, e, start)
                       and text[e:start].count(" ") <= 2 for s, e, *_ in duals):
                    continue
                noun = next(((gs, gm) for gs, ge, gm in reversed(group_spans)
                             if 0 <= start - ge <= 16 and not _PAUSE.search(text, ge, start)
                             and text[ge:start].count(" ") <= 2), None)
                if noun is not None:
                    start, what = noun[0], str(noun[1].ref)
            found.append((start, end, p.value, "exact", "number", what))
        for m in g.vague.find(text):
            if not any(s < m.end and m.start < e for s, e, *_ in found):
                found.append((m.start, m.end, None, m.values[0], "vague", None))
        nobody = [(m.start, m.end) for m in g.no_casualties.find(text)]
        if g.no_casualty_grammar is not None:
            nobody += [m.span() for m in _at_word_start(g.no_casualty_grammar, text)]
        for start, end in sorted(nobody):
            if not any(s < end and start < e for s, e, *_ in found):
                found.append((start, end, 0.0, "exact", "none", "killed"))
        found += g.singulars(text, effects + g.falls.find(text), found)
        out: list[Mention] = []
        # Where the figure before a span ends, and where that one starts, by bisection
        # rather than a pass over every figure for each.
        ends = sorted(e for _, e, *_ in found)
        start_of_end: dict[int, int] = {}
        for s, e, *_ in found:
            start_of_end[e] = max(s, start_of_end.get(e, s))
        for start, end, value, qualifier, rule, dual_of in sorted(found):
            ostart, oend = norm.to_original(start, end)
            oend = extend_over_marks(norm.original, oend)  # «شاباً»: its tanween too
            if any(ostart < e and s < oend for s, e in skip):
                continue
            q = next((m for m in qualifiers if 0 <= start - m.end <= 1), None)
            if q is not None and qualifier == "exact":
                qualifier = q.values[0]
            lead = q.start if q is not None else start
            before = bisect_right(ends, lead)
            previous_end = ends[before - 1] if before else -1
            effect = next((m.values[0] for m in reversed(effects)
                           if 0 <= lead - m.end <= 12 and m.start >= previous_end
                           and not (previous_end >= 0 and m.word_start - previous_end <= 2
                                    and m.key in counted_keys)), None)
            what = dual_of
            if what is None:
                what = next((gm.ref for gs, ge, gm in group_spans if 0 <= gs - end <= 4), None)
            if what is None:
                what = next((m.values[0] for m in counted if 0 <= m.word_start - end <= 4), None)
            if effect is not None and what == "fighters" and any(
                    m.key in g.doer_verbs and 0 <= lead - m.end <= 2 for m in effects):
                effect = None  # «اغتال مسلحان مرشحاً»: the armed men did the killing
            if (effect is None or rule == "dual") and what in ("killed", "injured"):
                effect = what  # «وجريحان»: the noun says what happened, whatever came before
            # «قتل ضابط برتبة ملازم أول وثلاثة جنود»: a count joined by و to the one
            # before, with no pause between, was struck by the same verb.
            # Not the two ends of a range: «ما بين 15 و20 مقاتلاً».
            previous_start = start_of_end.get(previous_end, 0)
            joined = start >= 2 and text[start - 2 : start] == " و" and bool(out) and \
                out[-1].data.get("effect") in ("killed", "injured") and \
                not _PAUSE.search(text, previous_end, start) and start - previous_end <= 40 \
                and "بين" not in text[max(0, previous_start - 6) : previous_start]
            if effect is None and joined:
                effect = str(out[-1].data["effect"])
            if effect is None and (what is not None or value != 1):  # «عائلة واحدة»
                # «12 مدنياً قتلوا»، «ثلاثة أشخاص أصيبوا»: the verb after what is counted,
                # unless a new clause opens with it («وثلاثة جنود، وأصيب خمسة»); with a
                # noun no list knows, one word only («67 ألف فلسطيني قُتلوا»).
                effect = next((m.values[0] for m in effects
                               if m.values[0] in ("killed", "injured")
                               and 0 < m.word_start - end <= 14
                               and text[m.word_start] != "و"
                               and text[end : m.word_start].count(" ") <= 2
                               and (what is not None
                                    or not _PAUSE.search(text, end, m.word_start))), None)
            if effect is None and (what is not None or value != 1):
                # «أربعة نازحين، بينهم امرأة، قُتلوا»، «460 من المرضى ومرافقيهم قُتلوا»:
                # who is among them, or of whom, told between the count and its verb
                tail = _COUNTED_TAIL.match(text, end)
                if tail is not None and tail.end() > end:
                    effect = next((m.values[0] for m in effects
                                   if m.values[0] in ("killed", "injured")
                                   and m.word_start == tail.end()), None)
            qstart = norm.to_original(q.start, q.end)[0] if q is not None else ostart
            data: dict[str, object] = {"value": int(value) if value is not None and
                                       value.is_integer() else value, "qualifier": qualifier}
            if what:
                data["counts"] = what
            if effect:
                data["effect"] = effect
            if joined and effect == out[-1].data.get("effect"):
                data["joined"] = True  # a further count of the same toll: added to it
            out.append(Mention(
                kind="quantity", start=qstart, end=oend, text=norm.original[qstart:oend],
                norm=text[start:end], ref=None if value is None else str(data["value"]),
                rule=f"grammar:{rule}", data=data,
            ))
        return out


def _derived_duals(groups: GroupLexicon, listed: set[str]) -> list[tuple[str, str]]:
    """Duals of the participant groups' nouns the numbers file does not list.

    A noun whose sound plural the groups list in both cases (متظاهرون/متظاهرين)
    has a nominative dual in ـان (متظاهران: two protesters), and a group that
    lists such a dual beside the ـين form counts two with it too. Only bare forms:
    «المسلحان» points back at two already counted."""
    out = []
    for gid, forms in groups.aliases.items():
        aliases = {match_key(a) for a in forms}
        stems = {a[:-2] for a in aliases if len(a) > 4 and a[-2:] in ("ون", "ان")
                 and a[:-2] + "ين" in aliases and not a.startswith("ال")}
        out += [(stem + "ان", gid) for stem in sorted(stems) if stem + "ان" not in listed]
    return out
