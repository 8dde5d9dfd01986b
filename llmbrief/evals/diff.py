"""Claim by claim: what changed verdict between two runs of the same suite.

Two drafts of a cluster rarely have the same sentences, so claims are paired within each
cluster: the same sentence first (exact text), then the most alike (the longer holding at least half
of the shorter's words), and the rest stand alone. A pair is listed when
its verdicts differ; a claim with no partner is listed when it is not supported (a new
failing sentence, or a failing one that went away). A cluster scored on one side and not on
the other (``not recorded``, ``error``) is listed as one change. With repeats, the first
draft of each cluster is compared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["ClaimChange", "claim_changes"]

MISSING = "-"
#: Share of the shorter sentence's words the longer one has for the two to count as one claim
#: redrafted (a terse "Shares rose 3.1%" and a full "Shares in the bank rose 3.1% after...").
_MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class ClaimChange:
    """One claim whose verdict changed (``old``/``new`` verdicts; ``-`` for no such claim)."""

    cluster: str
    old_n: int | None
    new_n: int | None
    sentence: str
    old_sentence: str
    old: str
    new: str
    reason: str

    @property
    def broke(self) -> bool:
        """The change is for the worse: the new side fails where the old did not."""
        if self.old_n is None and self.new_n is None:  # a whole cluster
            return self.old == "ok"
        return self.new not in ("supported", MISSING) and self.old in ("supported", MISSING)

    def as_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data (``broke`` included)."""
        return {**asdict(self), "broke": self.broke}


def _why(claim: dict[str, Any]) -> str:
    why = "; ".join(claim.get("reasons") or []) or claim["verdict"]
    if claim.get("suggested_ids"):
        why += f" (supported by {', '.join(claim['suggested_ids'])})"
    return why


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2)


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _pairs(
    old: Sequence[dict[str, Any]], new: Sequence[dict[str, Any]]
) -> list[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Same sentence first, then the most alike (sharing enough words), then the unmatched."""
    matched: dict[int, int] = {}
    used_old: set[int] = set()
    for j, c in enumerate(new):
        for i, o in enumerate(old):
            if i not in used_old and o["text"] == c["text"]:
                used_old.add(i)
                matched[j] = i
                break
    scored = sorted(
        (
            (-_similarity(old[i]["text"], new[j]["text"]), j, i)
            for j in range(len(new))
            if j not in matched
            for i in range(len(old))
            if i not in used_old
        ),
    )
    for neg, j, i in scored:
        if -neg < _MIN_SIMILARITY:
            break
        if j not in matched and i not in used_old:
            matched[j] = i
            used_old.add(i)
    out: list[tuple[dict[str, Any] | None, dict[str, Any] | None]] = []
    for j in range(len(new)):
        out.append((old[matched[j]] if j in matched else None, new[j]))
    out.extend((old[i], None) for i in range(len(old)) if i not in used_old)
    return out


def _claims(row: dict[str, Any] | None) -> list[dict[str, Any]]:
    if row is None or row.get("status", "ok") != "ok" or not row.get("drafts"):
        return []
    return list(row["drafts"][0]["claims"])


def claim_changes(
    old_rows: Sequence[dict[str, Any]], new_rows: Sequence[dict[str, Any]]
) -> list[ClaimChange]:
    """Every claim whose verdict differs between two runs' cluster rows, in cluster order."""
    old_by = {r["cluster"]: r for r in old_rows}
    new_by = {r["cluster"]: r for r in new_rows}
    order = [r["cluster"] for r in new_rows] + [
        r["cluster"] for r in old_rows if r["cluster"] not in new_by
    ]
    out: list[ClaimChange] = []
    for name in order:
        o, n = old_by.get(name), new_by.get(name)
        o_status = "absent" if o is None else o.get("status", "ok")
        n_status = "absent" if n is None else n.get("status", "ok")
        if o_status != "ok" or n_status != "ok":
            if o_status != n_status:
                note = (n or {}).get("error", "") if n_status != "ok" else "scored again"
                out.append(
                    ClaimChange(
                        cluster=name,
                        old_n=None,
                        new_n=None,
                        sentence="",
                        old_sentence="",
                        old=o_status.replace("_", " "),
                        new=n_status.replace("_", " "),
                        reason=note,
                    )
                )
            continue
        for a, b in _pairs(_claims(o), _claims(n)):
            old_v = a["verdict"] if a else MISSING
            new_v = b["verdict"] if b else MISSING
            if old_v == new_v:
                continue
            if MISSING in (old_v, new_v) and "supported" in (old_v, new_v):
                continue  # a supported sentence added or dropped: not a verdict change
            if b is not None and new_v != "supported":
                reason = _why(b)
            elif a is not None:
                reason = f"was {a['verdict']}: {_why(a)}" if old_v != "supported" else "dropped"
            else:
                reason = ""
            out.append(
                ClaimChange(
                    cluster=name,
                    old_n=a["n"] if a else None,
                    new_n=b["n"] if b else None,
                    sentence=(b or a or {}).get("text", ""),
                    old_sentence=a["text"] if a and b and a["text"] != b["text"] else "",
                    old=old_v,
                    new=new_v,
                    reason=reason,
                )
            )
    return out
