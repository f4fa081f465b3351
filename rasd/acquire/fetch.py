"""Fetching feeds over HTTP for ``rasd ingest --follow``."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

from rasd.acquire.formats import AcquireConfig, Item, _reject, read_feed

USER_AGENT = "rasd/0.1 (+https://example.invalid/rasd)"


def fetch_feed(url: str, config: AcquireConfig, timeout: float = 30.0) -> Iterator[Item]:
    """The entries of the feed at ``url``, or one reject saying why it could not be read."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(config.max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        yield _reject(url, f"cannot fetch the feed: {exc}", b"", config)
        return
    if len(data) > config.max_bytes:
        yield _reject(url, f"the feed is over the size limit of {config.max_bytes:,} bytes",
                      data, config)
        return
    yield from read_feed(data, url, config)
