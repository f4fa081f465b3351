"""Arabic matching forms with offset maps, sentences and clitic-aware tokens."""

from rasd.arabic.normalize import NormalizeConfig, NormalizedText, normalize, normalize_key
from rasd.arabic.segment import Sentence, split_sentences
from rasd.arabic.tokens import Token, Tokenizer

__all__ = [
    "NormalizeConfig",
    "NormalizedText",
    "Sentence",
    "Token",
    "Tokenizer",
    "normalize",
    "normalize_key",
    "split_sentences",
]
