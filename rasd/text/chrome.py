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
from pathlib import Path
from typing import Any

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
        self._by_length: dict[tuple[bool, int], tuple[re.Pattern[str] | None,
                                                      dict[int, int]]] = {}
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
            found = self._combined.get(fit)
            if found is None:
                found = self._combined[fit] = _first_rule(
                    [(i, self.patterns.rules[i]) for i in fit])
            self._by_length[key] = found
        regex, rules = found
        if regex is None:
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
