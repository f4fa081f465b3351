"""Accuracy of place recognition and resolution against annotated places.

The annotation (``tests/fixtures/places_gold.yaml``) lists, per article, each
place named in the body with its true coordinates. A gold place is found when
a place mention overlaps an occurrence of its text, and resolved when that
mention's entry is the same GeoNames id or within 25 km.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rasd.acquire import Document, read_sources
from rasd.arabic.normalize import MATCH_CONFIG, NormalizedText, normalize
from rasd.geo.gazetteer import km_between
from rasd.mentions.model import Mention
from rasd.pipeline import Pipeline

KM = 25.0


@dataclass
class PlaceScore:
    gold: int = 0
    found: int = 0
    resolved: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    spurious: int = 0
    mentions: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {
            "gold_places": self.gold,
            "recognized": round(self.found / self.gold, 3) if self.gold else 0.0,
            "resolved_within_25km": round(self.resolved / self.gold, 3) if self.gold else 0.0,
            "resolved_of_recognized": round(self.resolved / self.found, 3) if self.found else 0.0,
            "mention_precision": round(1 - self.spurious / self.mentions, 3)
            if self.mentions else 0.0,
            "by_kind": {k: {"gold": v[0], "resolved": v[1]} for k, v in
                        sorted(self.by_kind.items())},
        }


def _occurrences(norm: NormalizedText, surface: str) -> list[tuple[int, int]]:
    """Spans of ``surface`` in the original text, matched in the matching form."""
    key = normalize(surface, MATCH_CONFIG).text.strip()
    out = []
    start = norm.text.find(key)
    while start >= 0 and key:
        out.append(norm.to_original(start, start + len(key)))
        start = norm.text.find(key, start + 1)
    return out


def _first_word(name: object) -> str:
    return (str(name or "").lower().replace("governorate", "").replace("state", "").split()[0:1] \
        and str(name).lower().split()[0]) or ""


def _correct(place: dict[str, Any], m: Mention) -> bool:
    """Same entry or within 25 km; for countries and governorates, the same unit."""
    kind = place.get("kind")
    if kind == "country":
        return str(m.ref) == f"country:{place.get('country')}"
    if kind in ("admin1", "region") and m.data.get("feature") == "admin1":
        return m.data.get("country") == place.get("country") and \
            _first_word(m.data.get("admin1")) == _first_word(place.get("admin1"))
    if str(m.ref) == str(place.get("geonameid")):
        return True
    truth = (float(place["latitude"]), float(place["longitude"]))
    found = (float(str(m.data["latitude"])), float(str(m.data["longitude"])))
    return km_between(truth, found) <= KM


def evaluate_places(gold_file: Path, root: Path, pipeline: Pipeline) -> PlaceScore:
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    score = PlaceScore()
    for rel_path, places in gold["articles"].items():
        [document] = [d for d in read_sources([str(root / rel_path)]) if isinstance(d, Document)]
        doc = pipeline(document)
        article = doc.require_article()
        text = article.text
        norm = normalize(text, MATCH_CONFIG)
        body = [(b.start, b.end) for b in article.blocks]
        mentions = [m for m in doc.mentions or [] if m.kind == "place"
                    and any(s <= m.start < e for s, e in body)]
        spans: list[tuple[int, int]] = []
        for place in places:
            score.gold += 1
            kind = str(place.get("kind", "populated"))
            counts = score.by_kind.setdefault(kind, [0, 0])
            counts[0] += 1
            occurrences = _occurrences(norm, place["text"])
            spans += occurrences
            hits = [m for m in mentions if any(m.start < e and s < m.end for s, e in occurrences)]
            if not hits:
                score.errors.append({"article": rel_path, "text": place["text"],
                                     "problem": "not recognized"})
                continue
            score.found += 1
            right = any(_correct(place, m) for m in hits)
            if right:
                score.resolved += 1
                counts[1] += 1
            else:
                m = hits[0]
                truth = (float(place["latitude"]), float(place["longitude"]))
                away = km_between(truth, (float(str(m.data["latitude"])),
                                  float(str(m.data["longitude"]))))
                score.errors.append({"article": rel_path, "text": place["text"],
                                     "problem": f"resolved to {m.data['name']} "
                                                f"({m.data['country']}), {away:.0f} km away"})
        for m in mentions:
            score.mentions += 1
            if not any(m.start < e and s < m.end for s, e in spans):
                score.spurious += 1
                score.errors.append({"article": rel_path, "text": m.text,
                                     "problem": f"not a place in the annotation "
                                                f"(taken as {m.data['name']})"})
    return score
