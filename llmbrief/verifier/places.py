"""Countries and what stands for them: a claim may name the country where its source names a
city or a demonym ("U.K. activists" from "activists in London").

The table is small and hand-written: the countries news mentions most, their own names and
short forms, then their demonyms, capitals and best-known cities. It is read one way only: a
claim's country is supported by any of its places in the source, never a city by its country.
"""

from __future__ import annotations

__all__ = ["country_aliases"]

# own names of the country | demonyms, capitals, big cities (comma-separated, lowercase)
_ROWS = """
u.k, uk, britain, great britain, united kingdom | british, briton, britons, england, english,
    scotland, scottish, wales, welsh, northern ireland, london, edinburgh, cardiff, belfast,
    manchester, birmingham
u.s, us, usa, u.s.a, america, united states | american, americans, washington, new york,
    california, texas, chicago
eu, e.u, european union | brussels
un, u.n, united nations | new york, geneva
china, prc | chinese, beijing, shanghai, shenzhen, hong kong
russia | russian, russians, moscow, kremlin
ukraine | ukrainian, ukrainians, kyiv, kiev, kharkiv
france | french, paris
germany | german, germans, berlin
japan | japanese, tokyo
india | indian, indians, new delhi, delhi, mumbai
canada | canadian, canadians, ottawa, toronto
australia | australian, australians, canberra, sydney, melbourne
brazil | brazilian, brazilians, brasilia, sao paulo, rio de janeiro
mexico | mexican, mexicans, mexico city
italy | italian, italians, rome, milan
spain | spanish, madrid, barcelona
iran | iranian, iranians, tehran
israel | israeli, israelis, jerusalem, tel aviv
turkey, turkiye | turkish, ankara, istanbul
south korea | south korean, south koreans, seoul
north korea | north korean, north koreans, pyongyang
taiwan | taiwanese, taipei
saudi arabia | saudi, saudis, riyadh
egypt | egyptian, egyptians, cairo
nigeria | nigerian, nigerians, lagos, abuja
south africa | south african, south africans, johannesburg, pretoria, cape town
pakistan | pakistani, pakistanis, islamabad, karachi
"""


_AMBIGUOUS = frozenset({"us", "un"})


def _parse(rows: str) -> dict[str, frozenset[str]]:
    """Each own name -> every place of its row (own names included)."""
    out: dict[str, frozenset[str]] = {}
    joined: list[str] = []  # indented lines continue the row above
    for line in rows.strip().split("\n"):
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


_COUNTRIES = _parse(_ROWS)


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
