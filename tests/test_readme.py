"""The README says what the code does: its command reference is generated from the commands,
and its configuration table has every setting. After a change to the commands, regenerate
with ``KB_UPDATE_README=1 pytest tests/test_readme.py`` and review the diff."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from kb.cli_reference import END, START, reference
from kb.config import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_command_reference_is_current():
    text = README.read_text("utf-8")
    current = re.search(re.escape(START) + r"\n(.*?)" + re.escape(END), text, re.S)
    assert current, "README has no <!-- cli --> block"
    generated = reference() + "\n"
    if os.environ.get("KB_UPDATE_README") and current.group(1) != generated:
        README.write_text(text.replace(current.group(0), f"{START}\n{generated}{END}"), "utf-8")
        return
    assert current.group(1) == generated


def test_every_setting_is_in_the_configuration_table():
    text = README.read_text("utf-8")
    table = text[text.index("## Configuration"):]
    table = table[:table.index("\n## ", 5)]
    for field in dataclasses.fields(Settings):
        assert f"`KB_{field.name.upper()}`" in table, field.name


def test_the_sections_come_in_the_order_users_read_them():
    headings = re.findall(r"^## (.+)$", README.read_text("utf-8"), re.M)
    wanted = ["The Stoltenberg query", "More example queries", "Commands", "Configuration",
              "PostgreSQL, Docker and scaling out", "Benchmarks", "Development"]
    positions = [headings.index(h) for h in wanted]
    assert positions == sorted(positions), headings
    assert headings[-1] == "Development"
