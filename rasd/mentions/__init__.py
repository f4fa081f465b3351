"""Mentions: actors, participant groups, places, dates and quantities, each a span.

``MentionFinder`` is the pipeline component; each finder is usable alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rasd.arabic.normalize import MATCH_CONFIG, NormalizedText, normalize
from rasd.mentions.actors import Actor, ActorLexicon
from rasd.mentions.dates import DateFinder, parse_published
from rasd.mentions.groups import GroupLexicon
from rasd.mentions.matcher import PhraseMatcher, share_scan
from rasd.mentions.model import Mention
from rasd.mentions.quantities import NumberGrammar, QuantityFinder

if TYPE_CHECKING:  # the geo package imports the matcher from here
    from rasd.geo.places import PlaceFinder

__all__ = ["Actor", "ActorLexicon", "DateFinder", "GroupLexicon", "Mention", "MentionFinder",
           "QuantityFinder"]


@dataclass
class MentionFinder:
    """Runs every finder over an article; later finders skip spans earlier ones took.

    Order matters: dates claim their numbers before quantities do, and actor
    names claim place words inside them (مجلس دير الزور العسكري) before places.
    """

    actors: ActorLexicon
    groups: GroupLexicon
    dates: DateFinder
    quantities: QuantityFinder
    places: PlaceFinder | None = None  # optional: loading the gazetteer is the slow part

    def __post_init__(self) -> None:
        share_scan(self.matchers())

    def matchers(self) -> list[PhraseMatcher[Any]]:
        """Every phrase matcher the finders use; they scan a text in one pass."""
        out = [*self.actors.matchers(), self.groups.matcher, *self.quantities.grammar.matchers(),
               *self.dates.matchers()]
        if self.places is not None:
            out.append(self.places.matcher)
            if self.places.idioms is not None:
                out.append(self.places.idioms)
        return out

    def _countries(self, actors: list[Mention]) -> Counter[str]:
        """The countries of the actors named, those of a single country only; not
        foreign states, which the news names where they act abroad («العدوان الذي
        شنته أنقرة» in a report from Qamishli)."""
        found: Counter[str] = Counter()
        for m in actors:
            actor = self.actors.actors[str(m.ref)]
            country = actor.country
            if len(country) == 1 and actor.type != "foreign_state":
                found[country[0]] += 1
        return found

    @classmethod
    def load(cls, with_places: bool = True) -> MentionFinder:
        places = None
        if with_places:
            from rasd.geo.gazetteer import Gazetteer
            from rasd.geo.places import PlaceFinder

            places = PlaceFinder(Gazetteer.load())
        # One number grammar for dates and counts: its files are read and its matchers
        # built once.
        groups = GroupLexicon.load()
        numbers = NumberGrammar(groups=groups)
        return cls(ActorLexicon.load(), groups, DateFinder(numbers=numbers),
                   QuantityFinder(numbers), places)

    def known_words(self) -> set[str]:
        """Single-word names from the lexicons and gazetteer, for the tokenizer."""
        words = {a for actor in self.actors.actors.values() for a in actor.aliases
                 if " " not in a}
        if self.places is not None:
            words |= {k for k in self.places.gazetteer.index
                      if " " not in k}
        return words

    @property
    def versions(self) -> dict[str, str]:
        out = dict(self.actors.versions)
        out["participants.yaml"] = self.groups.version
        out["dates.yaml"] = self.dates.version
        out["numbers.yaml"] = self.quantities.grammar.version
        if self.places is not None:
            out["gazetteer"] = self.places.gazetteer.version
        return out

    def __call__(self, text: str, published: str | None,
                 norm: NormalizedText | None = None) -> list[Mention]:
        """All mentions in ``text``; ``norm`` is its matching form when already computed."""
        norm = norm or normalize(text, MATCH_CONFIG)
        impossible: list[tuple[int, int]] = []
        dates = self.dates.find(norm, published, impossible)
        pub = parse_published(published)
        unresolved: list[tuple[int, int, str, str]] = []
        actors = self.actors.find(norm, pub, unresolved=unresolved)
        taken = [(m.start, m.end) for m in actors]
        groups = [g for g in self.groups.find(norm)
                  if not any(g.start < e and s < g.end for s, e in taken)]
        quantities = self.quantities.find(
            norm, skip=[(m.start, m.end) for m in dates] + impossible, groups=groups)
        places: list[Mention] = []
        if self.places is not None:
            focus = self._countries(actors)
            places = self.places.find(
                norm, taken=taken + [(m.start, m.end) for m in dates], focus_countries=focus)
            # «الجيش» with no named army before it: the country of the article's places
            # says which army (a second pass only when a reference was left unresolved).
            where = Counter(str(m.data.get("country")) for m in places if m.data.get("country"))
            if unresolved and where:
                where += self._countries([m for m in actors if not m.data.get("generic")])
                more = self.actors.by_country(norm, unresolved, where)
                if more:
                    actors = sorted(actors + more, key=lambda m: m.start)
                    groups = [g for g in groups if not any(g.start < m.end and m.start < g.end
                                                           for m in more)]
        return sorted(dates + actors + groups + quantities + places,
                      key=lambda m: (m.start, m.end))
