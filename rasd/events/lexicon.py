"""The event lexicon: triggers by sub-event type, refining cues, modality and attribution words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasd.data import load_yaml
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
    agent_anaphors: PhraseMatcher[str]
    footage: PhraseMatcher[str]
    twin_places: frozenset[str]
    twin_events: frozenset[str]
    admission: frozenset[str]
    demolition: tuple[frozenset[str], frozenset[str], frozenset[str]]
    losses: PhraseMatcher[str]

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
        return cls(
            version=f"types {types.version}, triggers {trig.version}",
            event_type_of=event_type_of,
            plover_of=plover_of,
            triggers=PhraseMatcher(((w, sub) for sub, words in c["triggers"].items()
                                    for w in words), proclitics=TRIGGER_PROCLITICS,
                                   enclitics=ENCLITICS),
            refine={base: PhraseMatcher((w, target) for target, words in targets.items()
                                        for w in words)
                    for base, targets in c["refine"].items()},
            modality=PhraseMatcher((w, m) for m, words in c["modality"].items() for w in words),
            attribution_verbs=PhraseMatcher((w, "verb") for w in c["attribution"]["verbs"]),
            source_categories=PhraseMatcher((w, cat) for cat, words in
                                            c["attribution"]["categories"].items()
                                            for w in words),
            toll_cues=PhraseMatcher((w, "toll") for w in c["toll"]["cues"]),
            toll_updates=PhraseMatcher((w, "update") for w in
                                       (c["toll"].get("updates") or {}).get("rise") or []),
            update_counts=PhraseMatcher((w, "count") for w in
                                        (c["toll"].get("updates") or {}).get("count") or []),
            speakers=PhraseMatcher((w, "speaker") for w in c["attribution"]["speakers"]),
            weak=frozenset(match_key(w) for w in c.get("weak") or []),
            openers=frozenset(match_key(w) for w in c.get("statement_openers") or []),
            framing=frozenset(match_key(w) for w in c.get("framing") or []),
            booty=PhraseMatcher(((w, "booty") for w in c.get("booty") or []),
                                proclitics=TRIGGER_PROCLITICS),
            attempt=frozenset(match_key(w) for w in c.get("attempt") or []),
            name_openers=frozenset(match_key(w) for w in c.get("name_openers") or []),
            similar=PhraseMatcher(((w, "similar") for w in c.get("similar") or []),
                                  proclitics=TRIGGER_PROCLITICS),
            not_conflict=PhraseMatcher(((w, "other") for w in c.get("not_conflict") or []),
                                       proclitics=TRIGGER_PROCLITICS),
            anaphors=frozenset(match_key(w) for w in c.get("anaphors") or []),
            agreement_talk=frozenset(match_key(w) for w in c.get("agreement_talk") or []),
            losses=PhraseMatcher(((w, "losses") for w in c.get("losses") or []),
                                 proclitics=TRIGGER_PROCLITICS, enclitics=ENCLITICS),
            demolition=(frozenset(match_key(w) for w in
                                  (c.get("demolition") or {}).get("verbs") or []),
                        frozenset(match_key(w) for w in
                                  (c.get("demolition") or {}).get("objects") or []),
                        frozenset(match_key(w) for w in
                                  (c.get("demolition") or {}).get("bombs") or [])),
            admission=frozenset(match_key(w) for w in c.get("admission") or []),
            twin_events=frozenset(match_key(w) for w in c.get("twin_events") or []),
            twin_places=frozenset(match_key(w) for w in c.get("twin_places") or []),
            recall=frozenset(match_key(w) for w in c.get("recall") or []),
            assassination=frozenset(match_key(w) for w in c.get("assassination") or []),
            without=frozenset(match_key(w) for w in c.get("without") or []),
            agent_anaphors=PhraseMatcher(((w, "doer") for w in c.get("agent_anaphors") or []),
                                         proclitics=TRIGGER_PROCLITICS),
            footage=PhraseMatcher((w, "footage") for w in c.get("footage") or []),
            roles={role: frozenset(match_key(w) for w in words)
                   for role, words in (c.get("roles") or {}).items()},
        )
