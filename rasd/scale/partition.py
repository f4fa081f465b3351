"""Cutting a corpus into partitions: the unit of work, retry and resumption.

A partition is a list of input files. Files that hold one page (text, HTML)
are grouped; a file that holds many (a WARC archive, a JSON Lines shard, a
feed) is a partition of its own, since these are already cut to a useful size
by whoever made them (a Common Crawl WARC is about 1 GB, tens of thousands of
records). The id hashes each file's path, size and modification time, so the
same inputs give the same ids in a later run.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasd.acquire.formats import sniff_format

MULTI = ("warc", "jsonl", "feed")


@dataclass(frozen=True)
class Partition:
    id: str
    files: tuple[str, ...]
    bytes: int

    @property
    def label(self) -> str:
        first = Path(self.files[0]).name
        return first if len(self.files) == 1 else f"{first} and {len(self.files) - 1} more"


def _files(sources: Iterable[str]) -> Iterator[Path]:
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file()
                              and not p.name.startswith("."))
        elif path.is_file():
            yield path
        else:
            matches = sorted(Path(p) for p in glob.glob(source, recursive=True))
            if not matches:
                raise FileNotFoundError(f"{source}: no such file, folder or pattern")
            yield from (p for p in matches if p.is_file())


def _is_multi(path: Path) -> bool:
    if path.name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz", ".jsonl", ".jsonl.gz",
                           ".ndjson")):
        return True
    with path.open("rb") as handle:
        head = handle.read(4096)
    return sniff_format(path.name, head) in MULTI


def _partition(files: list[Path]) -> Partition:
    digest = hashlib.sha256()
    size = 0
    for f in files:
        stat = f.stat()
        size += stat.st_size
        digest.update(f"{f.resolve()}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\n".encode())
    return Partition(digest.hexdigest(), tuple(str(f) for f in files), size)


def plan(sources: Iterable[str], files_per_partition: int = 200) -> list[Partition]:
    """Partitions for these sources, in a stable order."""
    singles: list[Path] = []
    out: list[Partition] = []
    for path in _files(sources):
        if _is_multi(path):
            out.append(_partition([path]))
        else:
            singles.append(path)
    for i in range(0, len(singles), files_per_partition):
        out.append(_partition(singles[i:i + files_per_partition]))
    return out
