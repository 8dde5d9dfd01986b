"""Countries and what stands for them: a claim may name the country where its source names a
city or a demonym ("U.K. activists" from "activists in London").

The table (``data/places.txt``) is small and hand-written: the countries news mentions most,
their own names and short forms, then their demonyms, capitals and best-known cities. It is
read one way only: a claim's country is supported by any of its places in the source, never a
city by its country.
"""

from __future__ import annotations

from .lexicon import data_text

__all__ = ["country_aliases"]

_AMBIGUOUS = frozenset({"us", "un"})


def _parse(text: str) -> dict[str, frozenset[str]]:
    """Each own name -> every place of its row (own names included)."""
    out: dict[str, frozenset[str]] = {}
    joined: list[str] = []  # indented lines continue the row above
    for line in text.split("\n"):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith(" ") and joined:
            joined[-1] += " " + line.strip()
        else:
            joined.append(line.strip())
    for row in joined:
        own_part, _, rest = row.partition("|")
        own = [w.strip() for w in own_part.split(",") if w.strip()]
        places = [w.strip() for w in rest.split(",") if w.strip()]
        # "us" and "un" are words too: only their dotted forms stand for the country
        group = frozenset(own + places) - _AMBIGUOUS
        for name in own:
            out[name] = group
    return out


_COUNTRIES = _parse(data_text("places.txt"))


def country_aliases(name: str) -> frozenset[str]:
    """Lowercased places that stand for the country ``name`` (empty if it names no country).

    >>> "london" in country_aliases("U.K.")
    True
    >>> country_aliases("London")
    frozenset()
    """
    low = name.lower().strip(".").replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    return _COUNTRIES.get(low, frozenset())
