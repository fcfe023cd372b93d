"""The example queries in examples/queries run against the seed database and must give
exactly the answers committed beside them (``NAME.json``).

After a deliberate change, regenerate the answers with ``KB_UPDATE_EXAMPLES=1 pytest
tests/test_examples.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "queries"
QUERIES = sorted(EXAMPLES.glob("*.graphql"))


def test_examples_exist():
    assert len(QUERIES) >= 6


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_example_gives_its_committed_answer(client, path):
    response = client.post("/graphql", json={"query": path.read_text(encoding="utf-8")})
    assert response.status_code == 200
    answer = response.json()
    assert "errors" not in answer, answer
    expected_path = path.with_suffix(".json")
    if os.environ.get("KB_UPDATE_EXAMPLES"):
        expected_path.write_text(json.dumps(answer, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert answer == json.loads(expected_path.read_text(encoding="utf-8"))


# --- the client scripts in examples/, against a served app ----------------------------------


def _run_example(name: str, *args: str) -> str:
    import subprocess
    import sys

    script = EXAMPLES.parent / name
    result = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_pagination_example_pulls_every_page(served):
    lines = _run_example("statements_by_person.py", "斯托爾滕貝格", "--url", served, "--page", "1")
    rows = [json.loads(line) for line in lines.splitlines()]
    assert rows and all(r["speaker"] == "斯托尔滕贝格" for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)  # one page at a time, nothing twice
    people = _run_example("statements_by_person.py", "拜登", "--url", served, "--page", "2")
    assert len(people.splitlines()) > 2  # more than one page


def test_the_pandas_example_makes_a_dataframe(served):
    pytest.importorskip("pandas")
    output = _run_example("statements_dataframe.py", "Biden", "--url", served).splitlines()
    total = len(_run_example("statements_by_person.py", "Biden", "--url", served).splitlines())
    *table, summary = output
    assert summary.startswith(f"{total} statements, ")
    per_outlet = [line for line in table if line.split() and line.split()[-1].isdigit()]  # not the header
    assert sum(int(line.rsplit(maxsplit=1)[1]) for line in per_outlet) == total and len(per_outlet) >= 2
