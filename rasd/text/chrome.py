"""Page-chrome removal for crawled plain-text news pages.

Crawlers that save a page as text keep the site's furniture around the
article: the headline again, comment counters, "most read" and "top topics"
blocks, share and follow buttons, related-article lists, cookie notices.
HTML extractors cannot help once the markup is gone, so this remover works
on lines, driven by ``rasd/data/chrome_patterns.yaml``. Its one hard rule:
a line that reads like a sentence of the article is never dropped by a
pattern, whatever words it contains.
"""

from __future__ import annotations

import importlib
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from rasd.arabic.normalize import NormalizeConfig, NormalizedText, normalize
from rasd.data import load_yaml
from rasd.errors import ConfigError
from rasd.text.model import Removed

# Patterns are written in natural spelling; they get the same equivalences
# as the lines they match, without touching regex syntax (\S, \d, case).
_PATTERN_FORM = NormalizeConfig(casefold_latin=False, collapse_space=False, quotes=False,
                                dashes=False, digits=False)
_FINAL_PUNCT = ".!?؟…"
# "أبو محمد: الله يحمي أهلنا" — a reader's comment: a short name, a colon, text.
_COMMENT_LINE = re.compile(r"^[^:،]{2,30}:\s")
_CLOSING = "\"'»”’)]}›"


@dataclass(frozen=True)
class ChromeRule:
    id: str
    kind: str
    reason: str
    regex: re.Pattern[str]
    force: bool = False


@dataclass(frozen=True)
class ChromePatterns:
    """The parsed pattern file; ``version`` goes into every result."""

    version: str
    rules: tuple[ChromeRule, ...]
    min_words: int
    min_words_punctuated: int
    max_list_items: int
    decorations: re.Pattern[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> ChromePatterns:
        data = load_yaml(path or "chrome_patterns.yaml")
        content = data.content
        rules = []
        for raw in content.get("rules", []):
            try:
                pattern = normalize(raw["pattern"], _PATTERN_FORM).text
                regex = re.compile(pattern, re.IGNORECASE)
                if raw["kind"] not in ("line", "list", "tail"):
                    raise ValueError(f"unknown kind {raw['kind']!r}")
                rules.append(ChromeRule(raw["id"], raw["kind"], raw["reason"], regex,
                                        bool(raw.get("force", False))))
            except (KeyError, ValueError, re.error) as exc:
                raise ConfigError(f"bad rule {raw!r}: {exc}", source=data.name) from exc
        para = content.get("paragraph", {})
        deco = content.get("decorations", r"\s*")
        return cls(
            version=data.version,
            rules=tuple(rules),
            min_words=int(para.get("min_words", 12)),
            min_words_punctuated=int(para.get("min_words_punctuated", 4)),
            max_list_items=int(content.get("max_list_items", 8)),
            decorations=re.compile(f"^{deco}|{deco}$"),
        )


@dataclass(frozen=True)
class Line:
    """A non-empty line: its stripped span, matching form and word count."""

    start: int
    end: int
    norm: str
    words: int
    blank_before: bool


def split_lines(text: str, norm: NormalizedText | None = None) -> list[Line]:
    """Non-empty lines with their stripped spans, normalized in one pass."""
    norm = norm or normalize(text)
    lines: list[Line] = []
    pos = 0
    blank = False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029")
        stripped = body.strip()
        if stripped and any(not ch.isspace() and unicodedata.category(ch) != "Cf"
                            for ch in stripped):
            start = pos + (len(body) - len(body.lstrip()))
            end = start + len(stripped)
            nstart, nend = norm.from_original(start, end)
            line_norm = norm.text[nstart:nend].strip()
            tokens = line_norm.split()
            # Words with a letter in them; most are all letters.
            odd = [w for w in tokens if not w.isalpha()]
            words = len(tokens) - sum(1 for w in odd if not any(map(str.isalpha, w)))
            lines.append(Line(start, end, line_norm, words, blank))
            blank = False
        else:
            blank = True
        pos += len(raw)
    return lines


def has_letters(line: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in line)


def ends_sentence(norm: str) -> bool:
    stripped = norm.rstrip(_CLOSING + " ")
    return bool(stripped) and stripped[-1] in _FINAL_PUNCT


def _first_rule(rules: Sequence[tuple[int, ChromeRule]]
                ) -> tuple[re.Pattern[str] | None, dict[int, int]]:
    """One regex whose match's ``lastindex`` (the outermost group, closed last)
    keys the number of the first of ``rules`` (numbered pairs) that matches a
    whole line."""
    if not rules:
        return None, {}
    regex = re.compile("|".join(f"({r.regex.pattern})" for _, r in rules), re.IGNORECASE)
    by_group: dict[int, int] = {}
    group = 1
    for number, rule in rules:
        by_group[group] = number
        group += 1 + rule.regex.groups
    return regex, by_group


def _width(regex: re.Pattern[str]) -> tuple[int, float]:
    """The fewest and most characters ``regex`` can match, as ``re``'s own parser
    computes them; (0, inf) when it cannot say."""
    try:
        parser: Any = importlib.import_module("re._parser")
        low, high = parser.parse(regex.pattern, regex.flags).getwidth()
    except Exception:  # a private module: a later Python may change it
        return 0, math.inf
    return int(low), math.inf if high >= parser.MAXREPEAT else int(high)


# A need met by a Latin letter or a character IGNORECASE matches with one (ſ for
# s, K for k): a line of Arabic has none.
_CASED = "\x00cased"


@lru_cache(maxsize=1)
def _latin() -> re.Pattern[str]:
    """A class of the characters an IGNORECASE pattern matches with an ASCII letter,
    as ``re`` itself finds them in the Basic Multilingual Plane (no character beyond
    it has a case mapping to ASCII)."""
    plane = "".join(map(chr, range(0x10000)))
    found = set(re.compile("[A-Za-z]", re.IGNORECASE).findall(plane))
    return re.compile("[" + "".join(map(re.escape, sorted(found))) + "]")


def _has_cased(text: str) -> bool:
    return _latin().search(text) is not None


def _uncased(code: int) -> bool:
    """Whether the character is matched by itself alone, whatever the flags."""
    ch = chr(code)
    return ch.lower() == ch == ch.upper() and not (ch.isalpha() and
                                                   unicodedata.category(ch) != "Lo")


def _exact(item: tuple[Any, Any], parser: Any) -> frozenset[str] | None:
    """The strings a parsed item matches, when they are few and fixed; else None."""
    op, av = item
    if op is parser.LITERAL and _uncased(av):
        return frozenset({chr(av)})
    if op is parser.IN and all(o is parser.LITERAL and _uncased(a) for o, a in av):
        return frozenset(chr(a) for _, a in av)
    if op is parser.SUBPATTERN and not av[1] and not av[2]:
        return _exact_sequence(av[3], parser)
    if op is parser.BRANCH:
        branches = [_exact_sequence(b, parser) for b in av[1]]
        if all(b is not None for b in branches):
            return frozenset().union(*branches)  # type: ignore[arg-type]
    return None


def _exact_sequence(items: Any, parser: Any) -> frozenset[str] | None:
    strings = frozenset({""})
    for item in items:
        exact = _exact(item, parser)
        if exact is None or len(strings) * len(exact) > 256:
            return None
        strings = frozenset(a + b for a in strings for b in exact)
    return strings


def _telling(option: frozenset[str]) -> float:
    """How telling a need is: its shortest string's length (a cased letter: little)."""
    return min(0.5 if s == _CASED else len(s) for s in option)


def _sequence_needs(items: Any, parser: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` holds (the
    most telling such set), or None."""
    options: list[frozenset[str]] = []
    run = frozenset({""})  # the fixed strings the items just read match
    for item in items:
        exact = _exact(item, parser)
        if exact is not None and len(run) * len(exact) <= 256:
            run = frozenset(a + b for a in run for b in exact)
            continue
        if "" not in run:
            options.append(run)
        run = frozenset({""})
        op, av = item
        found: frozenset[str] | None = None
        if exact is not None:
            run = exact
        elif op is parser.LITERAL and chr(av).isascii() and chr(av).isalpha():
            found = frozenset({_CASED})
        elif op is parser.SUBPATTERN and not av[1] and not av[2]:
            found = _sequence_needs(av[3], parser)
        elif op is parser.BRANCH:
            branches = [_sequence_needs(b, parser) for b in av[1]]
            if all(branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and av[0] >= 1:
            found = _sequence_needs(av[2], parser)
        if found:
            options.append(found)
    if "" not in run:
        options.append(run)
    return max(options, key=_telling, default=None)


def _needs(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``regex`` holds (``_CASED``: a character
    with case), read from ``re``'s own parse of it; None when there are none to tell
    (or the private parser changed)."""
    try:
        parser: Any = importlib.import_module("re._parser")
        return _sequence_needs(parser.parse(regex.pattern, regex.flags), parser)
    except Exception:  # a private module: a later Python may change it
        return None


# An automaton of needed strings, the rules needing a cased character, those needing none.
_Screen = tuple[Any, tuple[int, ...], tuple[int, ...]]


def _screen(rules: Sequence[int], needs: Sequence[frozenset[str] | None]) -> _Screen | None:
    """For the ``rules`` (numbers) that fit a line: an automaton of the strings they
    need, each string's value the rules needing it; the rules that need a cased
    character; and those that need nothing. None when no rule needs a string."""
    words: dict[str, list[int]] = {}
    for number in rules:
        for string in needs[number] or ():
            if string != _CASED:
                words.setdefault(string, []).append(number)
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for string, numbers in words.items():
        automaton.add_word(string, tuple(numbers))
    automaton.make_automaton()
    return (automaton, tuple(n for n in rules if _CASED in (needs[n] or ())),
            tuple(n for n in rules if needs[n] is None))


def _edge_class(decorations: re.Pattern[str]) -> re.Pattern[str] | None:
    """``C*`` when ``decorations`` is ``^C*|C*$`` for one character class C."""
    found = re.fullmatch(r"\^(\[[^\[\]]*\]\*)\|\1\$", decorations.pattern)
    return re.compile(found.group(1), decorations.flags) if found else None


class ChromeRemover:
    """Splits a crawled page's lines into article lines and removed chrome."""

    def __init__(self, patterns: ChromePatterns | None = None) -> None:
        self.patterns = patterns or ChromePatterns.load()
        # All rules in one regex each for any line and for sentence-like lines
        # (forced rules only): a regex alternation tries its branches in order,
        # so the first branch that matches names the first rule that matches.
        # Only the rules that can match a line of its length are tried: most cannot
        # match a whole paragraph. The regex for each length is made once.
        self._widths = [_width(r.regex) for r in self.patterns.rules]
        self._longest = max((n for w in self._widths for n in w if n != math.inf), default=0)
        self._by_length: dict[tuple[bool, int], tuple[re.Pattern[str] | None, dict[int, int],
                                                      tuple[int, ...], _Screen | None]] = {}
        # Every match of most rules holds one of a few words: most lines hold none of
        # those of the rules that fit them, and an automaton of the words leaves only
        # the rules that may match a line to be tried on it.
        self._needs = [_needs(r.regex) for r in self.patterns.rules]
        if any(_CASED in (n or ()) for n in self._needs):
            _latin()  # made once, with the patterns, not in the middle of an article
        self._screens: dict[tuple[int, ...], _Screen | None] = {}
        self._combined: dict[tuple[int, ...], tuple[re.Pattern[str] | None,
                                                    dict[int, int]]] = {}
        self._edge = _edge_class(self.patterns.decorations)

    def strip_decorations(self, norm: str) -> str:
        """``norm`` without the decorations at either end (``^D|D$`` removed).

        For the usual D, one character class repeated, that is the longest run
        of it at the start and at the end: matched forwards and on the reversed
        line rather than by a trailing pattern tried at every position.
        """
        if self._edge is None or norm.endswith("\n"):  # $ also matches before a final \n
            return self.patterns.decorations.sub("", norm)
        start = self._edge.match(norm)
        end = self._edge.match(norm[::-1])
        if start is None or end is None:
            return self.patterns.decorations.sub("", norm)
        return norm[start.end() : len(norm) - end.end()] if start.end() + end.end() < len(norm) \
            else ""

    def is_paragraph(self, line: Line) -> bool:
        if line.norm.startswith("(") and line.norm.endswith(")"):
            return False  # a caption or note in parentheses
        if line.words >= self.patterns.min_words:
            return True
        return ends_sentence(line.norm) and line.words >= self.patterns.min_words_punctuated

    def match(self, line: Line) -> ChromeRule | None:
        paragraph = self.is_paragraph(line)
        core = self.strip_decorations(line.norm)
        if not core:
            return None
        first = self._first(core, paragraph)
        if core != line.norm:
            other = self._first(line.norm, paragraph)
            if other is not None and (first is None or other < first):
                first = other
        return self.patterns.rules[first] if first is not None else None

    def _first(self, text: str, forced_only: bool) -> int | None:
        """The number of the first rule (forced, for a sentence-like line) matching
        all of ``text``."""
        key = (forced_only, min(len(text), int(self._longest) + 1))
        found = self._by_length.get(key)
        if found is None:
            length = key[1]
            fit = tuple(i for i, (rule, (low, high)) in enumerate(
                zip(self.patterns.rules, self._widths, strict=True))
                if (rule.force or not forced_only) and low <= length <= high)
            combined = self._combined.get(fit)
            if combined is None:
                combined = self._combined[fit] = _first_rule(
                    [(i, self.patterns.rules[i]) for i in fit])
                self._screens[fit] = _screen(fit, self._needs)
            found = self._by_length[key] = (*combined, fit, self._screens[fit])
        regex, rules, fit, screen = found
        if regex is None:
            return None
        if screen is not None:
            automaton, cased, maybe = screen
            held = {number for _, numbers in automaton.iter(text) for number in numbers}
            if cased and _has_cased(text):
                held.update(cased)
            if held:
                maybe = tuple(i for i in fit if i in held or self._needs[i] is None)
            if len(maybe) < len(fit):  # the first of them that matches, as the regex finds
                for i in maybe:
                    if self.patterns.rules[i].regex.fullmatch(text) is not None:
                        return i
                return None
        m = regex.fullmatch(text)
        return rules[m.lastindex or 0] if m is not None else None

    def _list_end(self, lines: list[Line], i: int, headline_first: bool = False) -> int:
        """Index after the list items that follow the header at ``i``."""
        j = i + 1
        contiguous = i + 1 < len(lines) and not lines[i + 1].blank_before
        while j < len(lines) and j - i <= self.patterns.max_list_items:
            item = lines[j]
            # Listed headlines run long but do not end a sentence.
            if ends_sentence(item.norm) or item.words >= 20 or self.match(item) is not None:
                break
            if contiguous and item.blank_before and j > i + 1:
                break  # a list written line after line ends at the first gap
            following = lines[j + 1] if j + 1 < len(lines) else None
            # A short line set against the paragraph below it (or apart from the
            # list above it) is a sub-heading opening the next section.
            if following is not None and (j > i + 1 or headline_first) \
                    and self.is_paragraph(following) \
                    and self.match(following) is None \
                    and (item.blank_before or not following.blank_before):
                break  # a sub-heading that opens the next section, not a list item
            j += 1
        return j

    def __call__(self, text: str, norm: NormalizedText | None = None
                 ) -> tuple[list[Line], list[Removed]]:
        lines = split_lines(text, norm)
        kept: list[Line] = []
        removed: list[Removed] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not has_letters(line.norm):
                removed.append(Removed(line.start, line.end, "symbols", "line without words"))
                i += 1
                continue
            rule = self.match(line)
            if rule is None:
                kept.append(line)
                i += 1
                continue
            removed.append(Removed(line.start, line.end, rule.id, rule.reason))
            if rule.kind == "line":
                i += 1
                continue
            rest = lines[i + 1 :]
            if rule.kind == "tail" and not any(
                self.is_paragraph(r) and not _COMMENT_LINE.match(r.norm) for r in rest
            ):
                current = rule  # label each line by the block it sits in
                for r in rest:
                    if not has_letters(r.norm):
                        removed.append(Removed(r.start, r.end, "symbols", "line without words"))
                        continue
                    current = self.match(r) or current
                    removed.append(Removed(r.start, r.end, current.id, current.reason))
                break
            # A footer line above the whole article is a menu at the top of the
            # page ("اتصل بنا"): the line right under it may be the headline.
            on_top = rule.kind == "tail" and not any(self.is_paragraph(k) for k in kept)
            end = self._list_end(lines, i, headline_first=on_top)
            removed.extend(
                Removed(r.start, r.end, rule.id, f"{rule.reason} (item)")
                for r in lines[i + 1 : end]
            )
            i = end
        return kept, removed
