"""Participant groups: civilians, children, detainees, fighters, … — the people events happen to."""

from __future__ import annotations

from pathlib import Path

from rasd.arabic.normalize import NormalizedText
from rasd.data import load_yaml
from rasd.mentions.matcher import PhraseMatcher
from rasd.mentions.model import Mention


class GroupLexicon:
    """Group nouns in every number and case form, from ``rasd/data/participants.yaml``."""

    def __init__(self, groups: dict[str, tuple[str, list[str]]], version: str) -> None:
        self.groups = {gid: name for gid, (name, _) in groups.items()}
        self.aliases = {gid: aliases for gid, (_, aliases) in groups.items()}
        self.version = version
        self.matcher: PhraseMatcher[str] = PhraseMatcher(
            (alias, gid) for gid, (_, aliases) in groups.items() for alias in aliases)

    @classmethod
    def load(cls, path: Path | None = None) -> GroupLexicon:
        data = load_yaml(path or "participants.yaml")
        groups = {
            str(g["id"]): (str(g["name"]), [str(a) for a in g.get("aliases") or []])
            for g in data.content["groups"]
        }
        return cls(groups, data.version)

    def find(self, norm: NormalizedText) -> list[Mention]:
        out = []
        for m in self.matcher.find(norm.text):
            ostart, oend = norm.to_original(m.start, m.end)
            gid = m.values[0]
            out.append(Mention(
                kind="group", start=ostart, end=oend, text=norm.original[ostart:oend],
                norm=m.key, ref=gid, rule=f"lexicon:participants.yaml#{gid}",
                data={"name": self.groups[gid]},
            ))
        return out
