# ruff: noqa: E501  (data: one template sentence a line)
"""Write evals/clusters/metro-line-four.json: one story told by 64 articles (fictional).

Big clusters are where budgeting, centrality and citation choice get hard, and no one writes
64 articles by hand: each article here is put together from sentence templates written for
this fixture (several wordings of each fact, outlets, days), chosen with a fixed seed, so the
file is the same on every run. Run from the repository root:

    python evals/make_metro_cluster.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SLUG = "metro-line-four"
N_ARTICLES = 64
OUT = Path(__file__).resolve().parent / "clusters"

OUTLETS = [
    "Example Wire",
    "Pacific Ledger",
    "Northbridge News",
    "Coastal Times",
    "Capital Courier",
    "Harbour Evening Post",
    "Selwyn Business Daily",
    "Metro Weekly",
]

# Each fact: several wordings, all saying the same thing.
LEAD = [
    "Line 4 of the Northgate metro opened to passengers on Sunday, linking the airport with the city centre for the first time.",
    "Northgate's new metro Line 4 carried its first passengers on Sunday, connecting the airport to the city centre.",
    "The first trains on Northgate's metro Line 4 ran on Sunday morning, giving the airport a direct rail link to the city centre.",
]
FACTS = {
    "length": [
        "The line runs for 22 kilometres and has 14 stations.",
        "Line 4 has 14 stations along its 22-kilometre route.",
        "The 22-kilometre line serves 14 stations.",
    ],
    "cost": [
        "The line cost 3.8 billion euros to build, about 600 million euros more than planned.",
        "Construction cost 3.8 billion euros, over budget by about 600 million euros.",
        "Building the line cost 3.8 billion euros, roughly 600 million euros above the original budget.",
    ],
    "delay": [
        "It opened two years later than first planned, after tunnelling problems under the river.",
        "The opening came two years late because of tunnelling problems under the river.",
    ],
    "ridership": [
        "The city expects about 180,000 passengers a day once the line is fully running.",
        "Officials expect the line to carry about 180,000 passengers a day.",
        "About 180,000 daily passengers are expected on the line, the city said.",
    ],
    "journey": [
        "A trip from the airport to Central Station takes 19 minutes.",
        "Trains take 19 minutes from the airport to Central Station.",
    ],
    "mayor": [
        '"Today Northgate gets the airport link it waited thirty years for," Mayor Lena Ostrova said at the opening.',
        "Mayor Lena Ostrova, who rode the first train, said the city had waited thirty years for the link.",
    ],
    "driverless": [
        "The trains are driverless and run every four minutes at peak times.",
        "Driverless trains run every four minutes at rush hour.",
    ],
    "fare": [
        "A single ticket costs 2.40 euros, the same as on the other metro lines.",
        "Fares are 2.40 euros for a single trip, as on the rest of the network.",
    ],
}
DAY_TWO = [
    "On Monday, its first working day, a signal fault stopped trains on Line 4 for 40 minutes in the morning rush hour.",
    "A signal fault halted Line 4 for 40 minutes on Monday morning, the line's first working day.",
]
DAY_TWO_MORE = [
    "The operator, Northgate Transit, apologised and said the fault had been fixed.",
    "Northgate Transit said the fault was fixed by 9 a.m. and apologised to passengers.",
]
TITLES = [
    "Northgate Metro Line 4 Opens, Linking Airport and City Centre",
    "First Passengers Ride Northgate's Line 4",
    "Northgate Opens 3.8 Billion Euro Airport Metro Line",
    "Line 4 Opens Two Years Late and Over Budget",
    "Northgate's Airport Line Opens After Thirty-Year Wait",
    "Driverless Line 4 Trains Start Running in Northgate",
]
DAY_TWO_TITLES = [
    "Signal Fault Halts New Northgate Metro Line on First Workday",
    "Line 4 Stopped for 40 Minutes by Signal Fault",
]


def build(seed: int = 4) -> dict[str, object]:
    """The cluster as a JSON-ready dict."""
    rng = random.Random(seed)
    articles = []
    for i in range(N_ARTICLES):
        outlet = OUTLETS[i % len(OUTLETS)]
        second_day = i % 8 == 7  # one article in eight reports Monday's fault
        if second_day:
            title = rng.choice(DAY_TWO_TITLES)
            paras = [rng.choice(DAY_TWO), rng.choice(DAY_TWO_MORE), rng.choice(LEAD)]
            published = f"2026-05-1{1 + i % 3}T{8 + i % 9:02d}:00:00Z"
        else:
            title = rng.choice(TITLES)
            keys = rng.sample(sorted(FACTS), k=rng.randint(3, 5))
            paras = [rng.choice(LEAD)] + [rng.choice(FACTS[k]) for k in keys]
            published = f"2026-05-10T{7 + i % 12:02d}:{(i * 7) % 60:02d}:00Z"
        text = f"NORTHGATE ({outlet}) — " + "\n\n".join(paras)
        articles.append(
            {
                "id": f"m4-{i + 1:02d}",
                "title": title,
                "source": outlet,
                "published": published,
                "url": f"https://news.example.org/{SLUG}/m4-{i + 1:02d}",
                "text": text,
            }
        )
    return {"cluster_id": SLUG, "articles": articles}


FACT_KEYS = [
    {"fact": "Line 4 opened, linking airport and city centre", "all": ["airport"]},
    {"fact": "22 kilometres and 14 stations", "all": ["14 stations"]},
    {"fact": "cost 3.8 billion euros", "all": ["3.8 billion"]},
    {"fact": "about 180,000 passengers a day expected", "all": ["180,000"]},
    {"fact": "a signal fault stopped trains for 40 minutes on Monday", "all": ["signal fault"]},
]


def main() -> None:
    """Write the cluster and its key facts."""
    cluster = build()
    (OUT / f"{SLUG}.json").write_text(
        json.dumps(cluster, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    facts = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in FACT_KEYS)
    (OUT / f"{SLUG}.facts.json").write_text('{"facts": [\n' + facts + "\n]}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
