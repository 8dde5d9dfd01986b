"""Same input, same report: the verifier's output must not depend on the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SEEDS

# failures of every kind: coverage (the float sum over a set), a figure, a date, a name,
# an unknown id (in the planted brief) and an uncited sentence
_EXTRA = (
    " Shenzhen gave chip designers free land and cheap loans for five years [43531]."
    " Pudong launched a $12 billion investment plan on Friday [43531][51155]."
    " Huawei and Alibaba announced a joint foundry in Zhejiang [51155]."
    " Officials frame the effort as a response to export controls."
)


def _report(brief: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    cluster = str(SEEDS / "china-chips.json")
    done = subprocess.run(
        [sys.executable, "-m", "llmbrief", "verify", cluster, str(brief), "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr.decode()  # the brief has failing claims
    return done.stdout


def test_report_is_byte_identical_under_two_hash_seeds(tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    planted = (ROOT / "evals" / "briefs" / "china-chips-planted.txt").read_text(encoding="utf-8")
    brief.write_text(planted.strip() + _EXTRA + "\n", encoding="utf-8")
    one, two = _report(brief, "1"), _report(brief, "2")
    assert b'"unsupported"' in one and b'"unknown_id"' in one
    assert one == two
