"""Cheap checks that skip an article before the expensive stages.

Run after the main text is found and before normalization, mentions and
events, which cost most of the time. Two reasons to skip:

- not Arabic: fewer than half of the letters are Arabic;
- clearly not about conflict: not one event trigger or toll cue of the event
  lexicon appears. The event stage needs a trigger to code an event and a cue
  to code a toll, so this loses nothing the full pipeline would have found.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.arabic.normalize import MATCH_CONFIG, normalize
from rasd.events.lexicon import EventLexicon

NOT_ARABIC = "not Arabic (fewer than half of the letters are Arabic)"
NO_CONFLICT = "not about conflict (no event trigger or toll cue)"


def arabic_share(text: str) -> float:
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
                arabic += 1
    return arabic / letters if letters else 0.0


@dataclass
class Prefilter:
    lexicon: EventLexicon
    min_arabic: float = 0.5

    @classmethod
    def load(cls) -> Prefilter:
        return cls(EventLexicon.load())

    def reason(self, text: str, matching: str | None = None) -> str | None:
        """Why this article should be skipped, or None to process it. ``matching``
        is the text's matching form when the caller has it (``Doc.match_form``,
        which later stages reuse), so it is not normalized twice."""
        if arabic_share(text) < self.min_arabic:
            return NOT_ARABIC
        if matching is None:
            matching = normalize(text, MATCH_CONFIG).text
        if self.lexicon.triggers.find(matching) or self.lexicon.toll_cues.find(matching):
            return None
        return NO_CONFLICT
