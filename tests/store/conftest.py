from __future__ import annotations

import pytest

from rasd.events.extract import EventExtractor
from rasd.events.lexicon import EventLexicon
from rasd.mentions import MentionFinder
from rasd.pipeline import Pipeline


@pytest.fixture(scope="session")
def full_pipeline() -> Pipeline:
    finder = MentionFinder.load()
    return Pipeline.default(mentions=finder,
                            events=EventExtractor(EventLexicon.load(), finder.actors))
