"""rasd: Arabic conflict news to structured, sourced, geolocated event data.

The public surface is small: read inputs with ``read_sources``, run them
through a ``Pipeline``; each stage also lives in its own sub-package.
"""

from rasd.acquire import AcquireConfig, Document, Provenance, Rejected, read_sources
from rasd.arabic import NormalizedText, Tokenizer, normalize
from rasd.errors import RasdError
from rasd.pipeline import Doc, Pipeline
from rasd.text import Article, MainTextExtractor

__version__ = "0.1.0"

__all__ = [
    "AcquireConfig",
    "Article",
    "Doc",
    "Document",
    "MainTextExtractor",
    "NormalizedText",
    "Pipeline",
    "Provenance",
    "RasdError",
    "Rejected",
    "Tokenizer",
    "__version__",
    "normalize",
    "read_sources",
]
