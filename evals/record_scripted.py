"""Record the committed replies in evals/recordings from the loopback scripted server.

The replies are briefs written by hand for each fixture cluster and shipped prompt
(``evals/scripted/<prompt>.json``: the full prompt's are faithful; the terse prompt's carry
a few slips a real model makes: a hedge dropped, two sources' figures conflated, a fact cited
to the wrong outlet). They go through the whole LLM path: the real openai client, HTTP, the
recording ChatModel. CI then replays them offline (``eval --replay evals/recordings``).

Run from the repository root after a prompt or fixture change, then regenerate the baseline:

    python evals/record_scripted.py
    python -m llmbrief eval --replay evals/recordings --baseline evals/baseline.json \\
        --format json --out evals/baseline.json
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.eval_scripted import record_scripted, scripted_replies  # noqa: E402


def main() -> int:
    """Record every shipped prompt's scripted replies; the exit status of ``eval --record``."""
    target = ROOT / "evals" / "recordings"
    shutil.rmtree(target, ignore_errors=True)
    replies = scripted_replies(ROOT / "evals" / "scripted")
    code, out, err, requests = record_scripted(
        "evals/recordings", replies, ["evals/clusters"], extra=["--format", "text"]
    )
    sys.stdout.write(out)
    sys.stderr.write(err)
    sys.stderr.write(f"{len(requests)} requests recorded into {target}\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
