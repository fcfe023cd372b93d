"""Servers the benchmarks start: stopped the same way everywhere."""

from __future__ import annotations

import subprocess


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    """Terminate ``process`` if it still runs; kill it if it has not ended within ``timeout``
    seconds (a server stuck in a request must not outlive the benchmark)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
