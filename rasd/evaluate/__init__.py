"""Scoring extraction against annotated articles."""

from rasd.evaluate.events import GoldArticle, Score, evaluate_articles, load_gold

__all__ = ["GoldArticle", "Score", "evaluate_articles", "load_gold"]
