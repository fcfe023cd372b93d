"""The files kb serves or reads at run time are committed: an ignore rule that swallows one
(a vendored `dist/` folder, say) passes every local run and breaks every fresh clone."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def checkout():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")


@pytest.mark.parametrize("folder", ["kb", "migrations", "seeds"])
def test_no_file_the_package_needs_is_ignored(checkout, folder):
    ignored = _git("ls-files", "--others", "--ignored", "--exclude-standard", folder).split()
    needed = [p for p in ignored if "__pycache__" not in p and not p.endswith((".pyc", ".db"))]
    assert needed == [], f"ignored by .gitignore, so missing from every clone: {needed}"
