"""The web application's settings: one frozen object, defaults beside it."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.store.comments import CommentLimits

# OpenStreetMap's public tiles; point this at your own tile server in production,
# or set it empty for the plain background.
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"


@dataclass(frozen=True)
class WebSettings:
    tile_url: str = DEFAULT_TILES
    tile_attribution: str = DEFAULT_ATTRIBUTION
    # Secure cookies are only sent over HTTPS; on http://127.0.0.1 they would
    # never come back, so `rasd serve` turns this on unless told the site is local.
    secure_cookies: bool = True
    max_body_bytes: int = 2_000_000
    max_extract_bytes: int = 1_000_000
    comment_limits: CommentLimits = field(default_factory=CommentLimits)
    default_language: str = "ar"
    most_read_days: int = 7
    page_size: int = 50
    record_views: bool = True
