"""A closed-loop HTTP load generator, and the target description that wrk shares.

Run as its own process (``python bench/loadgen.py SPEC``) so that the client's
CPU time is not charged to the server's event loop: N connections each send
a request, wait for the answer, and send the next, for a fixed duration. The
per-request latencies are summarised and printed as one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from dataclasses import asdict, dataclass, field

import httpx


@dataclass(frozen=True)
class Target:
    """A URL family: ``{n}`` becomes a random integer in [lo, hi] and ``{c}`` one of
    ``choices``, so that requests spread over the corpus instead of one cached row."""

    name: str
    template: str
    lo: int = 0
    hi: int = 0
    choices: tuple[str, ...] = ("",)

    def path(self, rng: random.Random) -> str:
        return (self.template.replace("{n}", str(rng.randint(self.lo, self.hi)))
                .replace("{c}", rng.choice(self.choices)))


@dataclass(frozen=True)
class Result:
    requests: int
    errors: int
    seconds: float
    p50: float  # milliseconds
    p95: float
    p99: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class _Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (0 for an empty one)."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


async def _connection(client: httpx.AsyncClient, target: Target, seed: int,
                      deadline: float, tally: _Tally) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < deadline:
        path = target.path(rng)
        start = time.perf_counter()
        try:
            response = await client.get(path)
            await response.aread()
            failed = response.status_code >= 400
        except httpx.HTTPError:
            failed = True
        tally.latencies.append(time.perf_counter() - start)
        tally.errors += failed


async def _run(base: str, target: Target, seconds: float, connections: int) -> Result:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    tally = _Tally()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(_connection(client, target, i, deadline, tally)
                               for i in range(connections)))
        elapsed = time.perf_counter() - started
    ordered = sorted(x * 1000 for x in tally.latencies)
    return Result(len(ordered), tally.errors, elapsed, percentile(ordered, 50),
                  percentile(ordered, 95), percentile(ordered, 99))


def run(base: str, target: Target, seconds: float, connections: int) -> Result:
    """Generate load in this process (uvloop when installed: a cheaper client)."""
    try:
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            return runner.run(_run(base, target, seconds, connections))
    except ImportError:
        return asyncio.run(_run(base, target, seconds, connections))


def main() -> None:
    spec = json.loads(sys.argv[1])
    target = Target(**{**spec["target"], "choices": tuple(spec["target"]["choices"])})
    result = run(spec["base"], target, spec["seconds"], spec["connections"])
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
