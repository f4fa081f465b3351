"""Bookkeeping of scale-out runs: finished partitions and articles skipped early."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from rasd.store import schema as t


class Batches:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def finished(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                found |= set(conn.execute(select(t.batch_partitions.c.id).where(
                    t.batch_partitions.c.id.in_(wanted[i:i + 500]))).scalars())
        return found

    def finish(self, partition_id: str, sources: list[str], counts: dict[str, int]) -> None:
        """Mark a partition done; a retried partition that finished twice is one row."""
        try:
            with self.engine.begin() as conn:
                conn.execute(t.batch_partitions.insert().values(
                    id=partition_id, sources=sources, counts=counts,
                    finished_at=datetime.now(UTC)))
        except IntegrityError:
            pass

    def skip(self, rows: list[dict[str, Any]]) -> None:
        """Record articles skipped before extraction, once per content and reason."""
        for row in rows:
            try:
                with self.engine.begin() as conn:
                    conn.execute(t.skipped.insert().values(**row))
            except IntegrityError:
                continue  # the same article skipped before, in this run or another

    def skipped_counts(self) -> dict[str, int]:
        s = t.skipped
        with self.engine.connect() as conn:
            return {r.reason: int(r.n) for r in conn.execute(
                select(s.c.reason, func.count().label("n")).group_by(s.c.reason))}

    def totals(self) -> dict[str, int]:
        """Counts summed over every finished partition."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for counts in conn.execute(select(t.batch_partitions.c.counts)).scalars():
                if isinstance(counts, str):
                    import json

                    counts = json.loads(counts)
                for key, value in counts.items():
                    out[key] = out.get(key, 0) + int(value)
        return out
