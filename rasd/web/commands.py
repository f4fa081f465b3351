"""Commands for the site: serve it, manage its accounts, export reviewed events."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from rasd.errors import RasdError


def _store(db: str, must_exist: bool = True):  # type: ignore[no-untyped-def]
    from rasd.store import Store

    try:
        return Store.open(db, must_exist=must_exist)
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc


def _is_loopback(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the default unless a proxy sits in front.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes.")
@click.option("--tiles", default=None,
              help="Map tile URL template ({z}/{x}/{y}); an empty string gives a plain "
                   "background. Default: OpenStreetMap's tiles.")
@click.option("--secure-cookies/--no-secure-cookies", default=None,
              help="Send cookies over HTTPS only. Default: on, except when listening on "
                   "a loopback address over plain HTTP.")
@click.option("--no-view-counts", is_flag=True, help="Do not record page views.")
@click.option("--comments-per-user", default=5, show_default=True, type=click.IntRange(1),
              help="Comments one account may post in ten minutes.")
@click.option("--comments-per-address", default=20, show_default=True, type=click.IntRange(1),
              help="Comments one network address may post in ten minutes.")
def serve(db: str, host: str, port: int, workers: int, tiles: str | None,
          secure_cookies: bool | None, no_view_counts: bool, comments_per_user: int,
          comments_per_address: int) -> None:
    """Start the web application and JSON API on http://HOST:PORT."""
    import os

    import uvicorn

    _store(db)  # refuse a missing database before the server starts
    os.environ["RASD_WEB_DB"] = db
    if tiles is not None:
        os.environ["RASD_WEB_TILES"] = tiles
    secure = (not _is_loopback(host)) if secure_cookies is None else secure_cookies
    os.environ["RASD_WEB_SECURE_COOKIES"] = "1" if secure else "0"
    os.environ["RASD_WEB_VIEWS"] = "0" if no_view_counts else "1"
    os.environ["RASD_WEB_COMMENT_LIMITS"] = f"{comments_per_user},{comments_per_address}"
    click.echo(f"rasd is serving {db} on http://{host}:{port}  (Ctrl-C stops it)", err=True)
    uvicorn.run("rasd.web.serve:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning", proxy_headers=not _is_loopback(host),
                server_header=False)


@click.group()
def users() -> None:
    """Accounts of the web application: readers, reviewers and admins."""


@users.command("create")
@click.argument("username")
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--role", type=click.Choice(["reader", "reviewer", "admin"]), default="reader",
              show_default=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from standard input instead of prompting.")
def users_create(username: str, db: str, role: str, password_stdin: bool) -> None:
    """Create an account; the first admin is made this way."""
    from rasd.store.accounts import AccountError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = _store(db, must_exist=False).accounts.create_user(username, password, role)
    except AccountError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"created {user.username} ({user.role})")


@users.command("role")
@click.argument("username")
@click.argument("role", type=click.Choice(["reader", "reviewer", "admin"]))
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
def users_role(username: str, role: str, db: str) -> None:
    """Give an account another role."""
    from rasd.store.accounts import AccountError

    try:
        _store(db).accounts.set_role(username, role)
    except AccountError as exc:
        raise click.ClickException(exc.message) from exc
    click.echo(f"{username} is now {role}")


@users.command("token")
@click.argument("username")
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--name", default="api", show_default=True, help="A label for the token.")
def users_token(username: str, db: str, name: str) -> None:
    """Make an API token for writing (shown once; only its hash is kept)."""
    from rasd.store.accounts import AccountError

    try:
        click.echo(_store(db).accounts.create_token(username, name))
    except AccountError as exc:
        raise click.ClickException(exc.message) from exc


@click.group()
def reviews() -> None:
    """Reviewers' decisions on events."""


@reviews.command("export")
@click.option("--db", default="rasd.db", show_default=True,
              help="SQLite file, or a postgresql:// URL.")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="Where to write the JSON Lines (default: standard output).")
@click.option("--partial", is_flag=True,
              help="Also write articles where some events are not reviewed yet.")
def reviews_export(db: str, output: IO[str], partial: bool) -> None:
    """Write reviewed articles as annotated articles that `rasd evaluate` reads."""
    count = 0
    for item in _store(db).site.reviews.annotated_articles(complete_only=not partial):
        output.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    click.echo(f"{count} reviewed articles written", err=True)
