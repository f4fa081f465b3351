"""Turn command-line sources (files, folders, globs, ``-``) into documents."""

from __future__ import annotations

import glob
import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from rasd.acquire.formats import (
    AcquireConfig,
    Item,
    _reject,
    read_feed,
    read_jsonl,
    read_page,
    read_warc,
    sniff_format,
)

STDIN = "-"
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "README.md", "expected.yaml"}


def expand_sources(sources: Iterable[str]) -> Iterator[str | Path]:
    """Each source as paths: folders are walked (sorted), globs expanded.

    A source that names nothing is passed through so that reading it yields
    a clear reject rather than silence.
    """
    for source in sources:
        if source == STDIN:
            yield STDIN
            continue
        path = Path(source)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") \
                        and child.name not in _SKIP_NAMES:
                    yield child
        elif path.exists():
            yield path
        elif any(ch in source for ch in "*?["):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                yield path
            for match in matches:
                if Path(match).is_file():
                    yield Path(match)
        else:
            yield path


def _read_limited(stream: IO[bytes], limit: int) -> bytes:
    return stream.read(limit + 1)


def read_stream(stream: IO[bytes], name: str, config: AcquireConfig) -> Iterator[Item]:
    """Read one input from an open binary stream, choosing the reader by content."""
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    fmt = sniff_format(name, head)
    if fmt == "warc":
        yield from read_warc(stream, name, config)
        return
    if fmt == "jsonl":
        if name.endswith(".gz"):
            with gzip.open(stream) as unzipped:
                yield from read_jsonl(cast(IO[bytes], unzipped), name, config)
        else:
            yield from read_jsonl(stream, name, config)
        return
    data = _read_limited(stream, config.max_bytes)
    if len(data) > config.max_bytes:
        yield _reject(name, f"the input is over the size limit of {config.max_bytes:,} bytes "
                      "for a single page; split it or raise --max-bytes", data, config)
        return
    if fmt == "feed":
        yield from read_feed(data, name, config)
    else:
        yield from read_page(data, name, fmt, config)


def read_source(source: str | Path, config: AcquireConfig) -> Iterator[Item]:
    """Documents and rejects from one path, or from standard input for ``-``."""
    if source == STDIN:
        yield from read_stream(sys.stdin.buffer, "<stdin>", config)
        return
    path = Path(source)
    name = str(path)
    if not path.exists():
        yield _reject(name, "no such file or folder, and no file matches it as a pattern")
        return
    size = path.stat().st_size
    fmt = sniff_format(name, b"")
    if size > config.max_bytes and fmt not in ("warc", "jsonl"):
        with path.open("rb") as fh:
            head = fh.read(4096)
        if sniff_format(name, head) not in ("warc", "jsonl"):
            yield _reject(name, f"the file is {size:,} bytes, over the size limit of "
                          f"{config.max_bytes:,} bytes for a single page; split it or "
                          "raise --max-bytes", head, config)
            return
    try:
        with path.open("rb") as fh:
            yield from read_stream(fh, name, config)
    except OSError as exc:
        yield _reject(name, f"cannot read the file: {exc.strerror or exc}")


def read_sources(sources: Iterable[str], config: AcquireConfig | None = None) -> Iterator[Item]:
    """All documents and rejects from the given sources, in order."""
    config = config or AcquireConfig()
    for source in expand_sources(sources):
        yield from read_source(source, config)
