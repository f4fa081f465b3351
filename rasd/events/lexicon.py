"""The event lexicon: triggers by sub-event type, refining cues, modality and attribution words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.data import load_yaml
from rasd.events.grammar import Grammar
from rasd.mentions.matcher import ENCLITICS, TRIGGER_PROCLITICS, PhraseMatcher, match_key

# When one sentence holds triggers of several types, the most specific wins:
# a قصف with a انتحاري is a suicide bomb, an اشتباكات with a سيطرة a takeover.
SPECIFICITY = [
    # A foiled attack («أحبطت هجوماً انتحارياً») did not happen: the foiling is the event.
    "Disrupted weapons use", "Chemical weapon", "Suicide bomb", "Sexual violence", "Grenade",
    "Remote explosive/landmine/IED", "Air/drone strike", "Shelling/artillery/missile attack",
    "Excessive force against protesters", "Protest with intervention", "Violent demonstration",
    "Mob violence", "Peaceful protest", "Abduction/forced disappearance",
    "Government regains territory", "Non-state actor overtakes territory",
    "Non-violent transfer of territory", "Agreement", "Arrests",
    "Attack", "Armed clash", "Looting/property destruction", "Headquarters or base established",
    "Change to group/activity", "Other",
]


@dataclass
class EventLexicon:
    version: str
    event_type_of: dict[str, str]
    plover_of: dict[str, str]
    triggers: PhraseMatcher[str]
    refine: dict[str, PhraseMatcher[str]]
    modality: PhraseMatcher[str]
    attribution_verbs: PhraseMatcher[str]
    source_categories: PhraseMatcher[str]
    toll_cues: PhraseMatcher[str]
    toll_updates: PhraseMatcher[str]
    update_counts: PhraseMatcher[str]
    speakers: PhraseMatcher[str]
    weak: frozenset[str]
    openers: frozenset[str]
    framing: frozenset[str]
    booty: PhraseMatcher[str]
    attempt: frozenset[str]
    name_openers: frozenset[str]
    similar: PhraseMatcher[str]
    not_conflict: PhraseMatcher[str]
    roles: dict[str, frozenset[str]]
    anaphors: frozenset[str]
    agreement_talk: frozenset[str]
    recall: frozenset[str]
    assassination: frozenset[str]
    without: frozenset[str]
    attack_words: frozenset[str]
    crowd_gated: frozenset[str]
    protest_purpose: frozenset[str]
    analysts: frozenset[str]
    disowning: frozenset[str]
    habit_adjectives: frozenset[str]
    fixed_phrases: PhraseMatcher[str]
    fighting: frozenset[str]
    superlatives: frozenset[str]
    seizing: frozenset[str]
    assault: frozenset[str]
    handover: frozenset[str]
    withdrew: frozenset[str]
    in_force: frozenset[str]
    not_a_list: frozenset[str]
    armed_men: frozenset[str]
    site_words: frozenset[str]
    halting: tuple[frozenset[str], frozenset[str]]
    grammar: Grammar
    dropped_first: tuple[frozenset[str], frozenset[str]]
    support: frozenset[str]
    accused: frozenset[str]
    movement: frozenset[str]
    one_body: frozenset[str]
    possession: frozenset[str]
    plural_places: frozenset[str]
    among: frozenset[str]
    durations: frozenset[str]
    agent_anaphors: PhraseMatcher[str]
    footage: PhraseMatcher[str]
    twin_places: frozenset[str]
    twin_events: frozenset[str]
    admission: frozenset[str]
    demolition: tuple[frozenset[str], frozenset[str], frozenset[str]]
    time_after: frozenset[str]
    joiners: PhraseMatcher[str]
    dropped: tuple[frozenset[str], frozenset[str]]
    losses: PhraseMatcher[str]
    outcome: frozenset[str]
    outcome_verbs: frozenset[str]
    freed_people: frozenset[str]
    release: frozenset[str]
    partial: tuple[frozenset[str], frozenset[str]]
    demand: frozenset[str]

    def matchers(self) -> list[PhraseMatcher[str]]:
        """Every phrase matcher of the lexicon, for ``share_scan``."""
        return [value for value in vars(self).values() if isinstance(value, PhraseMatcher)] + \
            list(self.refine.values())

    @classmethod
    def load(cls, folder: Path | None = None) -> EventLexicon:
        types = load_yaml(folder / "types.yaml" if folder else "events/types.yaml")
        trig = load_yaml(folder / "triggers.yaml" if folder else "events/triggers.yaml")
        event_type_of: dict[str, str] = {}
        plover_of: dict[str, str] = {}
        for event_type, subs in types.content["event_types"].items():
            for sub, plover in subs.items():
                event_type_of[sub] = event_type
                plover_of[sub] = plover
        c = trig.content

        def words(*path: str) -> frozenset[str]:
            """A word list of the lexicon, by its key (or keys, for a nested list), in
            matching form; empty when the lexicon lacks it."""
            node: Any = c
            for key in path:
                node = (node or {}).get(key)
            return frozenset(match_key(w) for w in node or [])

        def scan(key: str, value: str, enclitics: frozenset[str] = frozenset()
                 ) -> PhraseMatcher[str]:
            """A phrase matcher over one word list, words taking الـ and proclitics."""
            return PhraseMatcher(((w, value) for w in c.get(key) or []),
                                 proclitics=TRIGGER_PROCLITICS, enclitics=enclitics)

        return cls(
            version=f"types {types.version}, triggers {trig.version}",
            event_type_of=event_type_of,
            plover_of=plover_of,
            triggers=PhraseMatcher(((w, sub) for sub, listed in c["triggers"].items()
                                    for w in listed), proclitics=TRIGGER_PROCLITICS,
                                   enclitics=ENCLITICS),
            refine={base: PhraseMatcher((w, target) for target, listed in targets.items()
                                        for w in listed)
                    for base, targets in c["refine"].items()},
            modality=PhraseMatcher((w, m) for m, listed in c["modality"].items() for w in listed),
            attribution_verbs=PhraseMatcher((w, "verb") for w in c["attribution"]["verbs"]),
            source_categories=PhraseMatcher((w, cat) for cat, listed in
                                            c["attribution"]["categories"].items()
                                            for w in listed),
            toll_cues=PhraseMatcher((w, "toll") for w in c["toll"]["cues"]),
            toll_updates=PhraseMatcher((w, "update") for w in
                                       (c["toll"].get("updates") or {}).get("rise") or []),
            update_counts=PhraseMatcher((w, "count") for w in
                                        (c["toll"].get("updates") or {}).get("count") or []),
            speakers=PhraseMatcher((w, "speaker") for w in c["attribution"]["speakers"]),
            weak=words("weak"),
            openers=words("statement_openers"),
            framing=words("framing"),
            booty=scan("booty", "booty"),
            attempt=words("attempt"),
            name_openers=words("name_openers"),
            similar=scan("similar", "similar"),
            not_conflict=scan("not_conflict", "other"),
            anaphors=words("anaphors"),
            agreement_talk=words("agreement_talk"),
            losses=scan("losses", "losses", ENCLITICS),
            demolition=(words("demolition", "verbs"),
                        words("demolition", "objects"),
                        words("demolition", "bombs")),
            time_after=words("time_after"),
            joiners=scan("joiners", "joiner"),
            dropped=(words("dropped", "verbs"), words("dropped", "by")),
            admission=words("admission"),
            twin_events=words("twin_events"),
            twin_places=words("twin_places"),
            recall=words("recall"),
            assassination=words("assassination"),
            without=words("without"),
            attack_words=words("attack_words"),
            crowd_gated=words("crowd_gated"),
            protest_purpose=words("protest_purpose"),
            analysts=words("analysts"),
            disowning=words("disowning"),
            habit_adjectives=words("habit_adjectives"),
            fixed_phrases=scan("fixed_phrases", "fixed"),
            fighting=words("fighting"),
            superlatives=words("superlatives"),
            seizing=words("seizing"),
            assault=words("assault"),
            handover=words("handover"),
            withdrew=words("withdrew"),
            in_force=words("in_force"),
            not_a_list=words("not_a_list"),
            armed_men=words("armed_men"),
            site_words=words("site_words"),
            halting=(words("halting"), words("halted")),
            grammar=Grammar.from_words(c.get("grammar") or {}),
            dropped_first=(words("dropped", "first"), words("dropped", "munitions")),
            support=words("support"),
            accused=words("accused"),
            movement=words("movement"),
            one_body=words("one_body"),
            possession=words("possession"),
            plural_places=words("plural_places"),
            among=words("among"),
            durations=words("durations"),
            agent_anaphors=scan("agent_anaphors", "doer"),
            footage=PhraseMatcher((w, "footage") for w in c.get("footage") or []),
            roles={role: words("roles", role) for role in c.get("roles") or {}},
            outcome=words("outcome"),
            outcome_verbs=words("outcome_verbs"),
            freed_people=words("freed_people"),
            release=words("release"),
            partial=(words("partial", "some"), words("partial", "landed")),
            demand=words("demand"),
        )
