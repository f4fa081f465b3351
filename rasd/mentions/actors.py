"""Actors: armed groups, forces, states, organizations and media, from the lexicon.

The lexicon is the YAML files in ``rasd/data/actors/``, one entry per actor
with its aliases in every spelling outlets use. Generic references
(التنظيم، الميليشيا، الطرفان، الأخير) are resolved to an actor named earlier
in the same article, using ``rasd/data/generic_references.yaml``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from rasd.arabic.normalize import NormalizedText
from rasd.data import DataFile, data_path, load_yaml
from rasd.errors import ConfigError
from rasd.mentions.matcher import Match, PhraseMatcher, match_key
from rasd.mentions.model import Mention

T = TypeVar("T")

ACTOR_TYPES = frozenset({
    "state_forces", "government", "police", "intelligence", "rebel_group", "jihadist_group",
    "militia", "separatist_or_ethnic_force", "tribal_force", "coalition", "foreign_state",
    "foreign_forces", "private_military", "political_party", "un_body", "ngo", "monitor",
    "media", "emergency_service", "other",
})
_NOT_PARTIES = frozenset({"media", "ngo", "monitor", "un_body", "emergency_service"})
# Latin acronyms this short collide with ordinary words in mixed text.
_MIN_LATIN_ALIAS = 3


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    country: tuple[str, ...]
    parent: str | None
    related: tuple[str, ...]
    aliases: tuple[str, ...]
    generic: tuple[str, ...]
    source: str
    active_from: date | None = None
    active_until: date | None = None

    def active_on(self, day: date) -> bool:
        return (self.active_from is None or day >= self.active_from) and (
            self.active_until is None or day < self.active_until)


@dataclass(frozen=True)
class GenericRule:
    refers: str
    types: frozenset[str]
    term: str  # in its matching form


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _parse_actor(raw: dict[str, object], source: str) -> Actor:
    try:
        actor = Actor(
            id=str(raw["id"]), name=str(raw["name"]), type=str(raw["type"]),
            country=tuple(str(c) for c in raw.get("country") or []),  # type: ignore[attr-defined]
            parent=str(raw["parent"]) if raw.get("parent") else None,
            related=tuple(str(r) for r in raw.get("related") or []),  # type: ignore[attr-defined]
            aliases=tuple(str(a) for a in raw.get("aliases") or []),  # type: ignore[attr-defined]
            generic=tuple(str(g) for g in raw.get("generic") or []),  # type: ignore[attr-defined]
            source=source,
            active_from=_day(raw.get("active_from")),
            active_until=_day(raw.get("active_until")),
        )
    except KeyError as exc:
        raise ConfigError(f"actor entry {raw!r} lacks {exc}", source=source) from exc
    if actor.type not in ACTOR_TYPES:
        raise ConfigError(f"actor {actor.id} has unknown type {actor.type!r}", source=source)
    return actor


class ActorLexicon:
    """All actors, their alias matcher and the generic-reference rules."""

    def __init__(self, actors: Iterable[Actor], generic_rules: Iterable[GenericRule],
                 versions: dict[str, str], not_after: Iterable[str] = (),
                 adjectives: dict[str, list[str]] | None = None,
                 military_nouns: Iterable[str] = (), common_before: Iterable[str] = (),
                 warplane_nouns: Iterable[str] = (),
                 air_arms: dict[str, str] | None = None) -> None:
        self.not_after = frozenset(match_key(w) for w in not_after)
        self.common_before = frozenset(match_key(w) for w in common_before)
        self.military_nouns = frozenset(match_key(w) for w in military_nouns)
        # «طائرة حربية روسية»: warplanes of a state are its air force, where the
        # lexicon has one; its drones and unnamed strikes stay with its forces.
        self.warplane_nouns = frozenset(match_key(w) for w in warplane_nouns)
        self.air_arms = dict(air_arms or {})
        self.adjectives: PhraseMatcher[str] = PhraseMatcher(
            (form, actor_id) for actor_id, forms in (adjectives or {}).items() for form in forms)
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in self.actors:
                raise ConfigError(f"actor id {actor.id} is defined twice", source=actor.source)
            self.actors[actor.id] = actor
        self.versions = versions
        phrases: list[tuple[str, str]] = []
        for actor in self.actors.values():
            for alias in actor.aliases:
                if alias.isascii() and len(alias.replace(" ", "")) < _MIN_LATIN_ALIAS:
                    continue
                phrases.append((alias, actor.id))
        self.matcher: PhraseMatcher[str] = PhraseMatcher(phrases)
        rules = list(generic_rules)
        for actor in self.actors.values():
            for term in actor.generic:
                rules.append(GenericRule("compatible", frozenset(), match_key(term)))
        self.generic_matcher: PhraseMatcher[GenericRule] = PhraseMatcher(
            (rule.term, rule) for rule in rules)
        # Matching form of a generic term → the entries that list it (التنظيم → isis).
        self._generic_owners: dict[str, list[str]] = {}
        for actor in self.actors.values():
            for term in actor.generic:
                self._generic_owners.setdefault(match_key(term), []).append(actor.id)

    def matchers(self) -> list[PhraseMatcher[Any]]:
        return [self.matcher, self.generic_matcher, self.adjectives]

    @classmethod
    def load(cls, folder: Path | None = None, generic: Path | None = None) -> ActorLexicon:
        folder = folder or data_path("actors")
        files: list[DataFile] = [load_yaml(p) for p in sorted(folder.glob("*.yaml"))]
        if not files:
            raise ConfigError("no actor lexicon files (*.yaml) found", source=str(folder))
        actors = [
            _parse_actor(raw, f.name) for f in files for raw in f.content.get("actors", [])
        ]
        gen = load_yaml(generic or "generic_references.yaml")
        rules = [
            GenericRule(str(r["refers"]), frozenset(r.get("types") or []), match_key(str(term)))
            for r in gen.content["references"] for term in r["terms"]
        ]
        versions = {f.name: f.version for f in files} | {gen.name: gen.version}
        lexicon = cls(actors, rules, versions, gen.content.get("not_after") or [],
                      gen.content.get("nationality_adjectives") or {},
                      gen.content.get("military_nouns") or [],
                      gen.content.get("common_before") or [],
                      gen.content.get("warplane_nouns") or [],
                      gen.content.get("air_arms") or {})
        lexicon.check()
        return lexicon

    def check(self) -> None:
        """Every parent and related id must name an entry."""
        for state, arm in self.air_arms.items():
            if state not in self.actors or arm not in self.actors:
                raise ConfigError(f"air_arms names an unknown actor: {state} → {arm}",
                                  source="generic_references.yaml")
        for actor in self.actors.values():
            for ref in ((actor.parent,) if actor.parent else ()) + actor.related:
                if ref not in self.actors:
                    raise ConfigError(f"actor {actor.id} refers to unknown id {ref!r}",
                                      source=actor.source)

    def kin(self, a: str, b: str) -> bool:
        """Whether two ids can name one side: parent and unit, linked entries, or two
        forces of the same state (the Russian forces and the Russian air force)."""
        if a == b:
            return True
        x, y = self.actors.get(a), self.actors.get(b)
        if x is None or y is None:
            return False
        if x.parent == b or y.parent == a or b in x.related or a in y.related:
            return True
        state = {"state_forces", "foreign_forces", "government", "foreign_state"}
        return x.type in state and y.type in state and len(x.country) == 1 and \
            x.country == y.country

    def _compatible(self, rule: GenericRule, actor_id: str) -> bool:
        actor = self.actors[actor_id]
        return actor.type in rule.types or actor_id in self._generic_owners.get(rule.term, [])

    def _mention(self, norm: NormalizedText, text: str, start: int, end: int,
                 actor_id: str, rule: str, **extra: object) -> Mention:
        ostart, oend = norm.to_original(start, end)
        actor = self.actors[actor_id]
        return Mention(
            kind="actor", start=ostart, end=oend, text=norm.original[ostart:oend],
            norm=text[start:end], ref=actor_id, rule=rule,
            data={"name": actor.name, "actor_type": actor.type, **extra},
        )

    def choose(self, ids: list[str], published: date | None,
               countries: Counter[str]) -> tuple[str, list[str], str]:
        """One actor for a name several entries share: by date, then by country.

        الجيش السوري is the Assad-era army in 2018 and the new army in 2025;
        الأمن العام is Lebanese in an article about Lebanon.
        """
        candidates = ids
        reason = "first listed"
        if published is not None:
            active = [i for i in candidates if self.actors[i].active_on(published)]
            if active and len(active) < len(candidates):
                candidates, reason = active, f"active on {published.isoformat()}"
        if len(candidates) > 1 and countries:
            def weight(i: str) -> int:
                return sum(countries[c] for c in self.actors[i].country)
            best = max(weight(i) for i in candidates)
            if best > 0:
                preferred = [i for i in candidates if weight(i) == best]
                if len(preferred) < len(candidates):
                    candidates, reason = preferred, "country of the article"
        if len(candidates) > 1:
            # «تنظيم القاعدة» with no word of Yemen around it is the organisation at
            # large, not its Yemeni branch: no country favours the branch.
            unplaced = [i for i in candidates if not self.actors[i].country]
            if unplaced and len(unplaced) < len(candidates):
                candidates, reason = unplaced, "no country of the article"
        chosen = candidates[0]
        return chosen, [i for i in ids if i != chosen], reason

    def find(self, norm: NormalizedText, published: date | None = None,
             context: Counter[str] | None = None,
             unresolved: list[tuple[int, int, str, str]] | None = None) -> list[Mention]:
        """Named actors, then generic references resolved against them, in text order.

        ``context`` adds countries known from elsewhere (the article's places) for
        the generic references no named actor explains; those left unresolved are
        appended to ``unresolved`` for ``by_country`` to try once places are known."""
        text = norm.text
        matches = self._not_teams(text, self.matcher.find(text))
        countries: Counter[str] = Counter(context or {})
        for m in matches:
            ids = list(dict.fromkeys(m.values))
            if len(ids) == 1 and len(self.actors[ids[0]].country) == 1:
                countries[self.actors[ids[0]].country[0]] += 1
        named = []
        taken_spans = [(m.word_start, m.end) for m in matches]
        for m in self.adjectives.find(text):
            # طائرات حربية روسية: an adjective counts only after a military noun.
            before = text[max(0, m.word_start - 30) : m.word_start].split()
            if not before or not any(w in self.military_nouns or w[1:] in self.military_nouns
                                     for w in before[-2:]):
                continue
            if any(m.word_start < e and s < m.end for s, e in taken_spans):
                continue
            if before[-1] in self.warplane_nouns or " ".join(before[-2:]) in self.warplane_nouns:
                arms = tuple(self.air_arms.get(v, v) for v in m.values)
                m = m._replace(values=arms)
            matches.append(m)
        matches.sort(key=lambda m: m.start)
        for m in matches:
            ids = list(dict.fromkeys(m.values))
            extra: dict[str, object] = {}
            chosen = ids[0]
            if len(ids) > 1:
                chosen, others, reason = self.choose(ids, published, countries)
                extra["alternatives"] = others
                extra["chosen_by"] = reason
            actor = self.actors[chosen]
            named.append(self._mention(norm, text, m.start, m.end, actor.id,
                                       f"lexicon:{actor.source}#{actor.id}", **extra))
        taken = [(m.start, m.end) for m in named]
        generic: list[Mention] = []
        for g in self._not_teams(text, self.generic_matcher.find(text)):
            ostart, oend = norm.to_original(g.start, g.end)
            if any(ostart < e and s < oend for s, e in taken):
                continue
            after = text[g.end : g.end + 20].split()
            if after and after[0].strip("،,.:؛") in self.common_before:
                continue  # «التيار الكهربائي»، «الحركة التجارية»: a common noun
            # Resolved references are antecedents too: "التنظيم ... الأخير".
            history = sorted(named + generic, key=lambda m: m.start)
            resolved = self._resolve(g.values, ostart, history)
            if resolved is None:
                resolved = self._by_country(g.key, countries)
            if resolved is None:
                if unresolved is not None:
                    unresolved.append((ostart, oend, g.key, text[g.start : g.end]))
                continue
            ids, antecedents = resolved
            rule = g.values[0]
            generic.append(Mention(
                kind="actor", start=ostart, end=oend, text=norm.original[ostart:oend],
                norm=text[g.start : g.end], ref=ids[0], rule=f"generic:{rule.refers}",
                data={"name": self.actors[ids[0]].name,
                      "actor_type": self.actors[ids[0]].type, "refs": ids, "generic": True},
                via=tuple(f"{a.text}@{a.start}" for a in antecedents),
            ))
        return sorted(named + generic, key=lambda m: m.start)

    def by_country(self, norm: NormalizedText, unresolved: list[tuple[int, int, str, str]],
                   countries: Counter[str]) -> list[Mention]:
        """Generic references that no named actor explains, read with the countries of
        the article's places: «الجيش» in a report from Sudan is the Sudanese army."""
        out = []
        for start, end, key, form in unresolved:
            resolved = self._by_country(key, countries)
            if resolved is None:
                continue
            actor = self.actors[resolved[0][0]]
            out.append(Mention(
                kind="actor", start=start, end=end, text=norm.original[start:end], norm=form,
                ref=actor.id, rule="generic:compatible",
                data={"name": actor.name, "actor_type": actor.type, "refs": [actor.id],
                      "generic": True}))
        return out

    def _by_country(self, term: str, countries: Counter[str]
                    ) -> tuple[list[str], list[Mention]] | None:
        """الجيش الوطني with nothing before it: the one entry of the article's country."""
        if not countries:
            return None
        main = countries.most_common(1)[0][0]
        owners = [i for i in self._generic_owners.get(term, [])
                  if main in self.actors[i].country]
        return ([owners[0]], []) if len(owners) == 1 else None

    def _not_teams(self, text: str, matches: list[Match[T]]) -> list[Match[T]]:
        """Drop names that follow نادي، فريق، منتخب…: a club, not a force."""
        out = []
        for m in matches:
            before = text[max(0, m.word_start - 20) : m.word_start].split()
            if before and before[-1] in self.not_after:
                continue
            out.append(m)
        return out

    def _resolve(self, rules: tuple[GenericRule, ...], position: int,
                 named: list[Mention]) -> tuple[list[str], list[Mention]] | None:
        before = [m for m in named if m.end <= position]
        rule = rules[0]
        if rule.refers in ("latest", "both"):
            # "The latter" and "the two sides" are parties, not the outlet quoted.
            before = [m for m in before
                      if self.actors[str(m.ref)].type not in _NOT_PARTIES]
        if not before:
            return None
        if rule.refers == "latest":
            return [str(before[-1].ref)], [before[-1]]
        if rule.refers == "both":
            picked: list[Mention] = []
            for m in reversed(before):
                if all(m.ref != p.ref for p in picked):
                    picked.append(m)
                if len(picked) == 2:
                    return [str(p.ref) for p in reversed(picked)], list(reversed(picked))
            return None
        for m in reversed(before):
            if any(self._compatible(r, str(m.ref)) for r in rules):
                return [str(m.ref)], [m]
        return None
