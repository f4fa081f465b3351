"""Language data shipped with rasd, read by one loader that records versions.

Lexicons and pattern files are YAML documents with a top-level ``version``
key, so that any result can name the data that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rasd.errors import ConfigError


@dataclass(frozen=True)
class DataFile:
    """A parsed data file together with its name and declared version."""

    name: str
    version: str
    content: dict[str, Any]


def data_path(name: str) -> Path:
    """Path of a bundled data file (``rasd/data/<name>``)."""
    return Path(str(resources.files("rasd.data").joinpath(name)))


def load_yaml(name_or_path: str | Path) -> DataFile:
    """Load a bundled data file by name, or any YAML file by path."""
    path = Path(name_or_path)
    if not path.is_absolute() and not path.exists():
        path = data_path(str(name_or_path))
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read data file: {exc}", source=str(path)) from exc
    if not isinstance(content, dict) or "version" not in content:
        raise ConfigError("data file must be a mapping with a 'version' key", source=str(path))
    return DataFile(name=path.name, version=str(content["version"]), content=content)


def load_wordlist(name: str) -> frozenset[str]:
    """Load a bundled word list: one entry per line, ``#`` starts a comment."""
    path = data_path(name)
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(entry)
    return frozenset(words)
