"""Event-level precision, recall and F1, and field accuracy, against gold articles.

An extracted event matches a gold event when the event types agree, the
places are the same entry or within 25 km (when the gold event has a place),
and the dates agree within one day where both have one. Matching is greedy
on a score that prefers agreeing sub-types, actors and dates.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rasd.acquire import Document, Provenance, content_hash
from rasd.errors import ConfigError
from rasd.events.model import Event
from rasd.geo.gazetteer import km_between
from rasd.pipeline import Pipeline

PLACE_KM = 25.0
FIELDS = ("sub_event_type", "actor1", "actor2", "place", "date", "fatalities",
          "fatalities_10pct", "fatalities_strict", "source", "modality")


@dataclass(frozen=True)
class GoldArticle:
    id: str
    split: str
    text: str
    title: str
    published: str | None
    relevant: bool
    events: list[dict[str, Any]]
    tolls: list[dict[str, Any]]
    outlet: str | None = None


def load_gold(paths: Iterable[Path]) -> list[GoldArticle]:
    """Gold articles from JSON Lines files (format in ``docs/gold-format.md``)."""
    out: list[GoldArticle] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                out.append(GoldArticle(
                    id=str(raw["id"]), split=str(raw.get("split", "dev")), text=raw["text"],
                    title=raw.get("title") or raw["text"].split("\n", 1)[0],
                    published=raw.get("published"), relevant=bool(raw.get("relevant", True)),
                    events=list(raw.get("events") or []), tolls=list(raw.get("tolls") or []),
                    outlet=raw.get("outlet"),
                ))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ConfigError(f"line {number} is not a gold article: {exc}",
                                  source=str(path)) from exc
    return out


def _point(location: dict[str, Any] | None) -> tuple[float, float] | None:
    if not location or location.get("latitude") is None or location.get("longitude") is None:
        return None
    return float(location["latitude"]), float(location["longitude"])


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def same_place(gold: dict[str, Any], event: Event) -> bool:
    g = _point(gold.get("location"))
    if g is None:
        return True
    e = _point(event.location)
    return e is not None and km_between(g, e) <= PLACE_KM


def compatible(gold: dict[str, Any], event: Event) -> bool:
    if gold["event_type"] != event.event_type or not same_place(gold, event):
        return False
    g, e = _day(gold.get("event_date")), _day(event.event_date)
    return g is None or e is None or abs((g - e).days) <= 1


# Both say the text does not tell who acted; annotators code it either way.
_UNNAMED = "unidentified_armed_group"


def _actor(party: Any) -> str | None:
    actor_id = party.id if party is not None else None
    return None if actor_id == _UNNAMED else actor_id


def _gold_actor(gold: dict[str, Any], key: str) -> str | None:
    actor_id = gold.get(key)
    return None if actor_id == _UNNAMED else actor_id


def field_hits(gold: dict[str, Any], event: Event) -> dict[str, bool]:
    # ACLED's fatalities column is an integer, 0 when no death is reported: null
    # ("unstated") and 0 score alike, as annotators code injuries-only events either
    # way; ``fatalities_strict`` keeps them apart.
    strict = gold.get("fatalities") == event.fatalities
    g_fat, e_fat = gold.get("fatalities") or 0, event.fatalities or 0
    fat_10 = abs(g_fat - e_fat) <= 0.1 * max(g_fat, 1)
    # "correspondent" is the outlet's own voice, the same as naming no source: a
    # background event told without attribution may be coded either way.
    gold_sources = {str(s) for s in gold.get("sources") or []}
    event_sources = {str(s["id"]) for s in event.sources}
    own_voice = {"correspondent"}
    return {
        "sub_event_type": gold["sub_event_type"] == event.sub_event_type,
        "actor1": _gold_actor(gold, "actor1") == _actor(event.actor1),
        "actor2": _gold_actor(gold, "actor2") == _actor(event.actor2),
        "place": _point(gold.get("location")) is not None and same_place(gold, event),
        "date": gold.get("event_date") == event.event_date,
        "fatalities": g_fat == e_fat,
        "fatalities_10pct": fat_10,
        "fatalities_strict": strict,
        "source": bool(gold_sources & event_sources) or (
            not gold_sources - own_voice and not event_sources - own_voice),
        "modality": gold.get("modality", "reported") == event.modality,
    }


def _affinity(gold: dict[str, Any], event: Event) -> float:
    hits = field_hits(gold, event)
    return sum(hits.values()) + 2 * hits["sub_event_type"]


def match_events(gold: Sequence[dict[str, Any]], extracted: Sequence[Event]
                 ) -> list[tuple[int, int]]:
    pairs = sorted(((-_affinity(g, e), gi, ei) for gi, g in enumerate(gold)
                    for ei, e in enumerate(extracted) if compatible(g, e)))
    used_g: set[int] = set()
    used_e: set[int] = set()
    out = []
    for _, gi, ei in pairs:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        out.append((gi, ei))
    return out


@dataclass
class Score:
    """Counts behind the figures; ``figures`` turns them into rates."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    field_hits: Counter[str] = field(default_factory=Counter)
    matched: int = 0
    relevance_right: int = 0
    articles: int = 0
    tolls_gold: int = 0
    tolls_found: int = 0
    tolls_matched: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                    "gold": tp + fn, "found": tp + fp}

        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {
            "articles": self.articles,
            "events": prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())),
            "by_type": {t: prf(self.tp[t], self.fp[t], self.fn[t]) for t in types},
            "fields": {f: round(self.field_hits[f] / self.matched, 3) if self.matched else 0.0
                       for f in FIELDS},
            "matched_events": self.matched,
            "relevance_accuracy": round(self.relevance_right / self.articles, 3)
            if self.articles else 0.0,
            "tolls": {"gold": self.tolls_gold, "found": self.tolls_found,
                      "matched": self.tolls_matched},
        }


def _document(article: GoldArticle) -> Document:
    return Document(article.text, "text",
                    Provenance(source=f"gold:{article.id}", content_hash=content_hash(article.text),
                               published=article.published, outlet=article.outlet),
                    title=article.title)


def evaluate_articles(articles: Iterable[GoldArticle], pipeline: Pipeline) -> Score:
    score = Score()
    for article in articles:
        doc = pipeline(_document(article))
        extraction = doc.extraction
        if extraction is None:
            raise ConfigError("the pipeline has no events stage", source="evaluate")
        score.articles += 1
        score.relevance_right += extraction.relevant == article.relevant
        found = extraction.events
        pairs = match_events(article.events, found)
        matched_g = {g for g, _ in pairs}
        matched_e = {e for _, e in pairs}
        for gi, ei in pairs:
            score.tp[article.events[gi]["event_type"]] += 1
            score.matched += 1
            for name, hit in field_hits(article.events[gi], found[ei]).items():
                score.field_hits[name] += hit
        for gi, g in enumerate(article.events):
            if gi not in matched_g:
                score.fn[g["event_type"]] += 1
                score.misses.append({"article": article.id, "sub_event_type":
                                     g["sub_event_type"], "evidence": g.get("evidence")})
        for ei, e in enumerate(found):
            if ei not in matched_e:
                score.fp[e.event_type] += 1
                score.false_alarms.append({"article": article.id, "sub_event_type":
                                           e.sub_event_type,
                                           "evidence": e.evidence[0].text if e.evidence else ""})
        score.tolls_gold += len(article.tolls)
        score.tolls_found += len(extraction.tolls)
        counts = Counter(t.get("count") for t in article.tolls)
        for t in extraction.tolls:
            if counts[t.count] > 0:
                counts[t.count] -= 1
                score.tolls_matched += 1
    return score


def by_split(articles: Sequence[GoldArticle]) -> dict[str, list[GoldArticle]]:
    out: dict[str, list[GoldArticle]] = defaultdict(list)
    for a in articles:
        out[a.split].append(a)
    return out
