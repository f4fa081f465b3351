"""Event and toll records: what a conflict-data coder writes down, with evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Evidence:
    """A span of the article text a field or an event was coded from."""

    start: int
    end: int
    text: str
    rule: str


@dataclass
class Party:
    """An actor or group taking part: lexicon id, English name, and where it was named."""

    id: str
    name: str
    text: str
    start: int
    end: int


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    plover: str
    actor1: Party | None = None
    actor2: Party | None = None
    victims: list[str] = field(default_factory=list)
    location: dict[str, Any] | None = None
    event_date: str | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    fatalities_qualifier: str | None = None
    injuries: int | None = None
    injuries_qualifier: str | None = None
    arrested: int | None = None
    captured: int | None = None
    released: int | None = None
    displaced: int | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    modality: str = "reported"
    evidence: list[Evidence] = field(default_factory=list)
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Toll:
    """A cumulative count over a period (a monitor's monthly figure), never an incident."""

    perpetrator: Party | None
    victims: str | None
    count: int | None
    qualifier: str
    effect: str
    period: str | None
    source: dict[str, Any] | None
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
