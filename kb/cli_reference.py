"""The README's command reference, generated from the commands themselves (their help texts,
arguments and options), so the two cannot drift apart: a test compares them."""

from __future__ import annotations

from typing import Any

import typer

from kb.cli import app

START, END = "<!-- cli -->", "<!-- /cli -->"


# Typer carries its own copy of Click, so commands and parameters are told apart by what
# they have (sub-commands; param_type_name), not by Click's classes.


def _commands(group: Any, prefix: str) -> list[tuple[str, Any]]:
    found = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            found += _commands(command, f"{prefix} {name}")
        else:
            found.append((f"{prefix} {name}", command))
    return found


def _usage(path: str, command: Any) -> str:
    parts = [path]
    for param in command.params:
        if param.param_type_name == "argument":
            name = (param.metavar or param.name).upper()
            parts.append(f"{name}..." if param.nargs == -1 else name if param.required else f"[{name}]")
    if any(p.param_type_name == "option" for p in command.params):
        parts.append("[OPTIONS]")
    return " ".join(parts)


def _option(param: Any) -> str:
    names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
    help_text = (param.help or "").rstrip(".")
    default = param.default
    shown = "" if param.is_flag or default in (None, (), [], False) else f" (default: `{default}`)"
    return f"{names}: {help_text}{shown}"


def reference() -> str:
    """The commands as Markdown: usage, what each does, its options."""
    lines = []
    for path, command in _commands(typer.main.get_command(app), "kb"):
        summary = (command.help or "").strip().split("\n\n")[0].replace("\n", " ")
        lines.append(f"- **`{_usage(path, command)}`** — {summary}")
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                lines.append(f"  - {_option(param)}")
    return "\n".join(lines)
