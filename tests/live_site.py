"""A real rasd site for the web tests (fixture `site` in tests/web/conftest.py):
a SQLite database ingested by the CLI from the fixture pages plus a hostile
article, served by `rasd serve` on 127.0.0.1."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from helpers import PAGES, ROOT

PASSWORD = "a long test password"
# Script tags, event attributes, a javascript: link and a right-to-left override.
HOSTILE_TITLE = '<script>window.pwned=1</script>قصف على <img src=x onerror="window.pwned=2">حلب'
HOSTILE_BODY = (
    "قصفت قوات النظام حي الشعار في مدينة حلب أمس الثلاثاء ما أدى إلى مقتل ثلاثة مدنيين "
    "بينهم طفل، بحسب ما أفاد مراسلنا. <script>window.pwned=3</script>\n"
    "وقال شهود عيان إن القصف استهدف سوقاً شعبية <a href=\"javascript:alert(1)\">هنا</a> "
    "\u202eمقلوب\u202c في وسط الحي.\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "rasd.cli", *args], input=stdin,
                            capture_output=True, text=True, cwd=ROOT, timeout=600,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    return result


@dataclass
class Site:
    url: str
    db: str
    tokens: dict[str, str]

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, follow_redirects=False)

    def login(self, username: str, password: str = PASSWORD) -> httpx.Client:
        client = self.client()
        csrf = csrf_of(client.get("/login"))
        response = client.post("/login", data={"username": username, "password": password,
                                               "csrf": csrf, "next": "/"})
        assert response.status_code == 303, response.text
        return client


def csrf_of(response: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found, "no CSRF field in the page"
    return found.group(1)


def start_server(db: str, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rasd.cli", "serve", "--db", db, "--port", str(port),
         "--tiles", "", *extra], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "died")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("rasd serve did not start within 60 s")


def populate(db: str, workdir: Path) -> dict[str, str]:
    hostile = workdir / "hostile.txt"
    hostile.write_text(HOSTILE_TITLE + "\n\n" + HOSTILE_BODY, encoding="utf-8")
    pages = sorted(p for p in PAGES.glob("*.txt") if p.name.count(".") == 1)
    pages += sorted(PAGES.glob("*.html"))
    cli("ingest", *map(str, pages), str(hostile), "--db", db, "--outlet", "مرصد الاختبار")
    for name, role in (("admin1", "admin"), ("reviewer1", "reviewer"), ("reader1", "reader")):
        cli("users", "create", name, "--role", role, "--db", db, "--password-stdin",
            stdin=PASSWORD + "\n")
    return {"reviewer": cli("users", "token", "reviewer1", "--db", db).stdout.strip(),
            "reader": cli("users", "token", "reader1", "--db", db).stdout.strip()}
