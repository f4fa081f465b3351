"""Arabic full-text search: the matching form, with clitic-free stems, in FTS5.

SQLite's tokenizers know nothing of Arabic clitics or letter variants, so we
index our own matching form: every word as written (normalized) plus its
stem and base without proclitics and article (بهجين → هجين، والرقة →
الرقه، رقه). A query word matches any of its forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.arabic.tokens import Tokenizer

_WORD = re.compile(r"\w+")


def index_forms(text: str, tokenizer: Tokenizer) -> str:
    """The words of ``text`` in every form a query may use."""
    out: list[str] = []
    for word in _WORD.findall(normalize(text, MATCH_CONFIG).text):
        out.append(word)
        if word.isascii():
            continue
        _, stem, _ = tokenizer.analyse(word)
        forms = {stem}
        if stem.startswith("ال") and len(stem) > 4:
            forms.add(stem[2:])
        out.extend(f for f in forms if f != word)
    return " ".join(out)


def query_forms(query: str, tokenizer: Tokenizer) -> list[set[str]]:
    """For each query word, the forms that may stand for it in the index."""
    groups = []
    for word in _WORD.findall(normalize(query, MATCH_CONFIG).text):
        forms = {word}
        if not word.isascii():
            _, stem, _ = tokenizer.analyse(word)
            forms.add(stem)
            if stem.startswith("ال") and len(stem) > 4:
                forms.add(stem[2:])
        groups.append(forms)
    return groups


def fts_query(groups: list[set[str]]) -> str:
    """An FTS5 query: every word, in any of its forms."""
    return " AND ".join("(" + " OR ".join(f'"{f}"' for f in sorted(g)) + ")" for g in groups)


def ts_query(groups: list[set[str]]) -> str:
    """The same query for PostgreSQL's to_tsquery; forms are word characters only."""
    return " & ".join("(" + " | ".join(sorted(g)) + ")" for g in groups)


@dataclass(frozen=True)
class Snippet:
    text: str
    start: int
    end: int
    highlight: tuple[int, int] | None


def snippet(original: str, groups: list[set[str]], width: int = 80,
            blocks: list[tuple[int, int]] | None = None) -> Snippet:
    """A window of the original text around the first word that matches the query,
    inside the article's blocks when they are given (not in the page chrome)."""
    norm = normalize(original, MATCH_CONFIG)
    wanted = set().union(*groups) if groups else set()
    for m in _WORD.finditer(norm.text):
        word = m.group()
        if word in wanted or any(word.endswith(f) and len(word) - len(f) <= 3 for f in wanted):
            ostart, oend = norm.to_original(m.start(), m.end())
            if blocks and not any(s <= ostart < e for s, e in blocks):
                continue
            start = max(0, ostart - width)
            end = min(len(original), oend + width)
            return Snippet(original[start:end], start, end, (ostart - start, oend - start))
    return Snippet(original[: 2 * width], 0, min(len(original), 2 * width), None)
