"""The documentation names every command, option and JSON field the code has."""

from __future__ import annotations

import re
from pathlib import Path

import click
from helpers import ROOT, SAMPLES

from rasd.acquire import Document, read_sources
from rasd.cli import main
from rasd.export import doc_to_dict, rejected_to_dict
from rasd.pipeline import Pipeline

DOCS = ROOT / "docs"


def test_cli_reference_covers_every_command_and_option() -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    commands: list[tuple[str, click.Command]] = []
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            commands += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            commands.append((name, command))
    for name, command in commands:
        assert f"`rasd {name}`" in reference, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(f"`{opt}" in reference for opt in param.opts), (name, param.opts)


def _documented_fields(section: str) -> set[str]:
    schema = (DOCS / "schema.md").read_text(encoding="utf-8")
    part = schema.split(section, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(\w+)` \|", part, flags=re.M))


def test_schema_documents_every_field_of_a_document_and_a_reject(tmp_path: Path) -> None:
    [document] = [d for d in read_sources([str(SAMPLES / "text")]) if isinstance(d, Document)][:1]
    data = doc_to_dict(Pipeline.default()(document), tokens=True)
    documented = _documented_fields("## A document")
    assert set(data) <= documented
    assert set(data["provenance"]) <= documented
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    [reject] = list(read_sources([str(empty)]))
    assert not isinstance(reject, Document)
    assert set(rejected_to_dict(reject)) <= _documented_fields("## A reject")


def test_readme_gives_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up and run", 1)[1].split("\n## ", 1)[0]
    block = setup.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in ci.splitlines() if line and not line.startswith(("#", "set", "cd"))] \
        == ["make test"]
