"""Place recognition and resolution accuracy on the annotated articles.

    python bench/places_accuracy.py [--errors]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasd.evaluate.places import evaluate_places
from rasd.mentions import MentionFinder
from rasd.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    pipeline = Pipeline.default(mentions=MentionFinder.load())
    score = evaluate_places(ROOT / "tests" / "fixtures" / "places_gold.yaml", ROOT, pipeline)
    print(json.dumps(score.figures(), indent=2))
    if "--errors" in sys.argv:
        for error in score.errors:
            print(f"{error['article']}: {error['text']}: {error['problem']}")


if __name__ == "__main__":
    main()
