"""Score extraction against gold annotations (format: tests/gold/README.md).

The articles are loaded into a scratch database through the real pipeline, then read back,
so what is scored is what a user would query.

Rules:
* Entities (people, organizations, places) match on English name or Wikidata id, or when a
  stored alias equals a gold surface. Optional gold entries are neither credited nor
  penalised.
* A statement matches a gold statement when its text contains the gold ``quote_contains``
  (both normalised) and its speaker is the gold speaker (English name, ``speaker_alt``, or
  an alias). One system statement matches at most one gold statement.
* Precision of statements counts statements with a named speaker. A named statement that
  matches an anonymous gold statement is an *anonymous named* error (and a false hit),
  unless its speaker is the gold ``org_fallback``.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from kb.db import create_sync_engine, upgrade
from kb.load import load_paths
from kb.models import ENTITY_TABLES, OWNER_COLUMN, Alias, Article, Mention, Statement
from kb.normalise import normalise_key

CATEGORIES = ("people", "organizations", "places", "statements")
_KIND = {"people": "person", "organizations": "organization", "places": "place"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class FileResult:
    file: str
    gold_set: str = ""  # the gold folder, as given
    area: str = ""  # the topic area (see ``file_areas``)
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    anonymous_named: list[str] = field(default_factory=list)


@dataclass
class Report:
    files: list[FileResult]
    load_failures: list[tuple[str, str]]

    def total(self, category: str, files: list[FileResult] | None = None) -> Score:
        score = Score()
        for result in self.files if files is None else files:
            score.add(result.scores[category])
        return score

    @property
    def anonymous_named(self) -> int:
        return sum(len(r.anonymous_named) for r in self.files)

    def groups(self, attribute: str) -> dict[str, list[FileResult]]:
        """The files by gold set or by area, in order of first appearance."""
        out: dict[str, list[FileResult]] = {}
        for result in self.files:
            out.setdefault(getattr(result, attribute), []).append(result)
        return out

    def summary(self, files: list[FileResult]) -> dict[str, Any]:
        return {
            **{c: self.total(c, files).as_dict() for c in CATEGORIES},
            "anonymous_named": sum(len(r.anonymous_named) for r in files),
            "files": len(files),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": {c: self.total(c).as_dict() for c in CATEGORIES},
            "anonymous_named": self.anonymous_named,
            "gold_sets": {name: self.summary(files) for name, files in self.groups("gold_set").items()},
            "areas": {name: self.summary(files) for name, files in self.groups("area").items()},
            "files": [
                {
                    "file": r.file,
                    "gold_set": r.gold_set,
                    "area": r.area,
                    **{c: r.scores[c].as_dict() for c in CATEGORIES},
                    "misses": r.misses,
                    "false_hits": r.false_hits,
                    "anonymous_named": r.anonymous_named,
                }
                for r in self.files
            ],
            "load_failures": [asdict_pair(p) for p in self.load_failures],
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def asdict_pair(pair: tuple[str, str]) -> dict[str, str]:
    return {"path": pair[0], "reason": pair[1]}


@dataclass
class SystemEntity:
    kind: str
    name: str
    name_en: str | None
    wikidata: str | None
    keys: set[str]  # normalised name_en and aliases

    def label(self) -> str:
        return f"{self.name} ({self.name_en})" if self.name_en else self.name


def _entities(session: Session) -> dict[tuple[str, int], SystemEntity]:
    result: dict[tuple[str, int], SystemEntity] = {}
    for kind, table in ENTITY_TABLES.items():
        for row in session.exec(select(table)).scalars():
            keys = {normalise_key(row.name)} | ({normalise_key(row.name_en)} if row.name_en else set())
            result[(kind, row.id)] = SystemEntity(kind, row.name, row.name_en, row.wikidata, keys)
    for alias in session.exec(select(Alias)).scalars():
        for kind, column in OWNER_COLUMN.items():
            owner = getattr(alias, column)
            if owner is not None:
                result[(kind, owner)].keys.add(alias.normalised)
    return result


def _matches(entity: SystemEntity, gold: dict[str, Any]) -> bool:
    if gold.get("wikidata") and entity.wikidata == gold["wikidata"]:
        return True
    names = [gold.get("name_en") or "", *gold.get("surfaces", [])]
    return any(normalise_key(n) in entity.keys for n in names if n)


def _speaker_matches(entity: SystemEntity | None, names: list[str]) -> bool:
    return entity is not None and any(normalise_key(n) in entity.keys for n in names if n)


def _score_entities(
    category: str, gold: list[dict[str, Any]], system: list[SystemEntity], result: FileResult
) -> None:
    score = result.scores[category]
    matched: set[int] = set()
    for entry in gold:
        hits = [i for i, e in enumerate(system) if _matches(e, entry)]
        matched.update(hits)
        if entry.get("optional"):
            continue
        if hits:
            score.tp += 1
        else:
            score.fn += 1
            result.misses.append(f"{category}: {entry['name_en']} {entry.get('surfaces', [])}")
    for index, entity in enumerate(system):
        if index not in matched:
            score.fp += 1
            result.false_hits.append(f"{category}: {entity.label()}")


def _surfaces_by_name(gold: dict[str, Any]) -> dict[str, list[str]]:
    """Each gold entity's written forms, by its English name."""
    found: dict[str, list[str]] = defaultdict(list)
    for category in _KIND:
        for entity in gold.get(category, []):
            found[entity["name_en"]] += entity.get("surfaces", [])
    return found


def _score_statements(
    gold: dict[str, Any], statements: list[tuple[Any, SystemEntity | None]], result: FileResult
) -> None:
    score = result.scores["statements"]
    texts = [normalise_key(s.text) for s, _ in statements]
    used: set[int] = set()
    surfaces = _surfaces_by_name(gold)
    for entry in gold.get("statements", []):
        needle = normalise_key(entry["quote_contains"])
        names = [entry["speaker_en"], *entry.get("speaker_alt", [])]
        # A speaker resolves to the gold entity by its English name or any surface the gold
        # lists for it: a person no catalog knows is stored under the name the text gives.
        names += [s for name in names for s in surfaces.get(name, ())]
        hit = next(
            (
                i
                for i, (s, speaker) in enumerate(statements)
                if i not in used and needle in texts[i] and _speaker_matches(speaker, names)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            if not entry.get("optional"):
                score.tp += 1
        elif not entry.get("optional"):
            score.fn += 1
            said = [
                f"{speaker.label() if speaker else s.speaker_text}"
                for i, (s, speaker) in enumerate(statements)
                if needle in texts[i]
            ]
            result.misses.append(
                f"statement {entry['id']}: {entry['speaker_en']} {entry['verb']} "
                f"「{entry['quote_contains']}」"
                + (f" — found with speaker {said}" if said else " — not found")
            )
    anonymous = gold.get("anonymous_statements", [])
    for index, (statement, speaker) in enumerate(statements):
        if index in used or speaker is None:
            continue
        anonymous_hit = next(
            (a for a in anonymous if normalise_key(a["quote_contains"]) in texts[index]), None
        )
        if anonymous_hit is not None:
            fallback = anonymous_hit.get("org_fallback")
            if fallback and _speaker_matches(speaker, [fallback, *surfaces.get(fallback, ())]):
                continue
            result.anonymous_named.append(
                f"{anonymous_hit['id']} ({anonymous_hit['speaker_phrase']}) given to {speaker.label()}: "
                f"「{statement.text[:40]}」"
            )
        score.fp += 1
        result.false_hits.append(f"statement: {speaker.label()} {statement.verb} 「{statement.text[:50]}」")


def evaluate(gold_dir: str | Path | list[str | Path], articles_dir: str | Path | list[str | Path],
             database_url: str | None = None) -> Report:
    """Load the articles into a scratch database and score them against the gold folders.

    Several gold folders may be given, each with its folder of articles (or one folder of
    articles for all); each is loaded and scored on its own."""
    gold_dirs = [Path(g) for g in (gold_dir if isinstance(gold_dir, list) else [gold_dir])]
    article_dirs = [Path(a) for a in (articles_dir if isinstance(articles_dir, list) else [articles_dir])]
    if len(article_dirs) == 1:
        article_dirs *= len(gold_dirs)
    if len(article_dirs) != len(gold_dirs):
        raise ValueError("give one folder of articles, or one for each gold folder")
    report = Report(files=[], load_failures=[])
    for gold, articles in zip(gold_dirs, article_dirs, strict=True):
        part = _evaluate_one(gold, articles, database_url)
        report.files += part.files
        report.load_failures += part.load_failures
    return report


def _evaluate_one(gold_dir: Path, articles_dir: Path, database_url: str | None) -> Report:
    gold_files = sorted(gold_dir.glob("*.json"))
    areas = file_areas(gold_dir)
    with tempfile.TemporaryDirectory() as scratch:
        url = database_url or f"sqlite:///{Path(scratch) / 'eval.db'}"
        upgrade(url)
        engine = create_sync_engine(url)
        try:
            report = load_paths(engine, [articles_dir])
            with Session(engine) as session:
                files = []
                for path in gold_files:
                    gold = json.loads(path.read_text("utf-8"))
                    result = _score_file(session, gold)
                    result.gold_set = str(gold_dir)
                    result.area = gold.get("area") or areas.get(Path(gold["file"]).stem) or str(gold_dir)
                    files.append(result)
                return Report(files=files, load_failures=report.failures)
        finally:
            engine.dispose()


def file_areas(gold_dir: Path) -> dict[str, str]:
    """The topic area of each file, from a README table with `file` and `area` columns in the
    gold folder or the folder above it (as ``../shared/dev/README.md`` has)."""
    areas: dict[str, str] = {}
    for readme in (gold_dir / "README.md", gold_dir.parent / "README.md"):
        if not readme.is_file():
            continue
        columns: list[str] = []
        for line in readme.read_text("utf-8").splitlines():
            if not line.startswith("|"):
                columns = []
                continue
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if not columns:
                columns = [c.lower() for c in cells]
            elif "file" in columns and "area" in columns and not set(cells[0]) <= set("-: "):
                row = dict(zip(columns, cells, strict=False))
                areas[Path(row["file"]).stem] = row["area"]
        if areas:
            break
    return areas


def _score_file(session: Session, gold: dict[str, Any]) -> FileResult:
    result = FileResult(gold["file"])
    article = next(
        (a for a in session.exec(select(Article)).scalars() if Path(a.source_path).name == gold["file"]), None
    )
    if article is None:
        result.misses.append("article not loaded")
        for category in ("people", "organizations", "places"):
            result.scores[category].fn += sum(1 for e in gold.get(category, []) if not e.get("optional"))
        result.scores["statements"].fn += sum(1 for s in gold["statements"] if not s.get("optional"))
        return result
    entities = _entities(session)
    mentioned: dict[str, set[int]] = defaultdict(set)
    for mention in session.exec(select(Mention).where(Mention.article_id == article.id)).scalars():
        for kind, column in OWNER_COLUMN.items():
            if getattr(mention, column) is not None:
                mentioned[kind].add(getattr(mention, column))
    statements = list(
        session.exec(
            select(Statement).where(Statement.article_id == article.id).order_by(Statement.position)
        ).scalars()
    )
    speakers: list[tuple[Any, SystemEntity | None]] = []
    for statement in statements:
        speaker = None
        for kind, column in OWNER_COLUMN.items():
            owner = getattr(statement, "speaker_" + column)
            if owner is not None:
                speaker = entities[(kind, owner)]
                mentioned[kind].add(owner)
        speakers.append((statement, speaker))
    for category, kind in _KIND.items():
        system = [entities[(kind, i)] for i in sorted(mentioned[kind])]
        _score_entities(category, gold.get(category, []), system, result)
    _score_statements(gold, speakers, result)
    return result


def format_table(report: Report) -> str:
    """Per-file rows and an overall row for each gold folder, then one row per topic area."""
    header = f"{'file':<28}" + "".join(f"| {c:^20} " for c in CATEGORIES) + "| anon→named"
    lines = [
        header,
        f"{'':<28}" + "| {:>6} {:>6} {:>6} ".format("P", "R", "F1") * len(CATEGORIES) + "|",
        "-" * len(header),
    ]

    def row(name: str, files: list[FileResult]) -> str:
        cells = "".join(
            f"| {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
            for s in (report.total(c, files) for c in CATEGORIES)
        )
        anonymous = sum(len(r.anonymous_named) for r in files)
        return f"{_fit(name, 28)}{cells}| {anonymous}"

    sets = report.groups("gold_set")
    for name, files in sets.items():
        for result in files:
            lines.append(row(result.file, [result]))
        lines.append("-" * len(header))
        lines.append(row("OVERALL" if len(sets) == 1 else f"OVERALL {name}", files))
        lines.append("-" * len(header))
    areas = report.groups("area")
    if len(areas) > 1:
        lines.append("")
        lines.append(f"{'topic area':<28}" + header[28:])
        lines.append("-" * len(header))
        for name, files in areas.items():
            lines.append(row(f"{name} ({len(files)})", files))
        lines.append("-" * len(header))
        lines.append(row("ALL", report.files))
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to ``width`` display columns (a Chinese character takes two)."""
    out, used = "", 0
    for char in text:
        size = 2 if ord(char) > 0x2E7F else 1
        if used + size > width - 1:
            out += "…"
            used += 1
            break
        out += char
        used += size
    return out + " " * max(0, width - used)


def format_details(report: Report) -> str:
    lines = []
    for result in report.files:
        if not (result.misses or result.false_hits or result.anonymous_named):
            continue
        lines.append(f"\n== {result.file}")
        lines += [f"  miss       {m}" for m in result.misses]
        lines += [f"  false hit  {f}" for f in result.false_hits]
        lines += [f"  ANONYMOUS NAMED  {a}" for a in result.anonymous_named]
    for path, reason in report.load_failures:
        lines.append(f"load failure {path}: {reason}")
    return "\n".join(lines)
