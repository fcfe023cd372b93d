"""Facts about the machine a benchmark ran on, shared by the benchmark scripts.

Two VMs that both call themselves "AMD EPYC, 2 cores" ran this code 2× apart, so a CPU's
name says little about its speed. ``python_speed_ms`` times a fixed pure-Python workload
(the interpreter's own loop, dict and string work, as kb's stages are) so results from
different machines can be compared: divide by it.
"""

from __future__ import annotations

import platform
import time
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _workload() -> int:
    counts: dict[str, int] = {}
    total = 0
    for i in range(200_000):
        key = str(i % 1000)
        counts[key] = counts.get(key, 0) + 1
        total += len(key) * i
    return total + len(counts)


def python_speed_ms(repeats: int = 5) -> float:
    """Milliseconds of the fixed workload: the best of ``repeats`` runs (the least disturbed
    by other processes). Lower is faster."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        _workload()
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)
