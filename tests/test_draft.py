from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from llmbrief import Cluster, ExtractiveDrafter, load_cluster, summarize
from llmbrief.verifier.support import ClusterIndex

from .conftest import ROOT, SEEDS

CLUSTERS = sorted(p for p in SEEDS.glob("*.json"))


@pytest.mark.parametrize("path", CLUSTERS, ids=[p.stem for p in CLUSTERS])
def test_extractive_draft_is_deterministic_and_cites_real_ids(path: Path) -> None:
    cluster = load_cluster(path)
    a = summarize(cluster)
    b = summarize(load_cluster(path))
    assert a.model_dump() == b.model_dump()
    assert 4 <= len(a.sentences) <= 7
    ids = set(cluster.ids)
    for s in a.sentences:
        assert s.citations, s.text
        assert set(s.citations) <= ids
    assert a.verification is not None
    assert a.verification.ok, [c for c in a.verification.claims if c.verdict != "supported"]
    assert a.model == "extractive"
    assert a.title in {x.title for x in cluster.articles}


def test_china_chips_brief_cites_several_articles() -> None:
    cluster = load_cluster(SEEDS / "china-chips.json")
    brief = summarize(cluster)
    cited = {c for s in brief.sentences for c in s.citations}
    assert len(cited) >= 3
    # no citation the verifier finds idle ("cited but adds nothing to the support")
    assert brief.verification is not None
    assert not [n for c in brief.verification.claims for n in c.notes if "adds nothing" in n]
    assert brief.article_count == 15
    assert len(brief.headlines) == 5


def test_headlines_most_cited_first_and_counts() -> None:
    cluster = load_cluster(SEEDS / "china-chips.json")
    assert summarize(cluster, headlines=0).headlines == []
    assert len(summarize(cluster, headlines="all").headlines) == 15
    brief = summarize(cluster)
    counts = {h.id: sum(h.id in s.citations for s in brief.sentences) for h in brief.headlines}
    values = list(counts.values())
    assert values == sorted(values, reverse=True)


def test_tiny_cluster_still_drafts() -> None:
    from llmbrief import Article, Cluster

    c = Cluster(cluster_id="t", articles=[Article(id="1", title="T", text="Short note.")])
    d = ExtractiveDrafter().draft(c, ClusterIndex(c))
    assert d.sentences and d.sentences[0].citations == ["1"]


# -- a big cluster whose leads are all wordings of one fact ---------------------------------
# A fictional story told by 64 outlets: every article opens with a wording of the same lead
# (some with an attribution added, so many are near-duplicates rather than copies), then
# gives a few of the other facts, each in one of its wordings.
_LEADS = [
    "Engineers closed the road across the Harwick dam on Tuesday after finding cracks in the "
    "main wall of the dam",
    "The road over the Harwick dam was closed on Tuesday after engineers found cracks in the "
    "main wall of the dam",
    "Cracks in the main wall of the Harwick dam led engineers to close the road across it on "
    "Tuesday",
]
_ENDINGS = [".", ", officials said.", ", the regional water authority said."]
_FACTS = {
    "cost": [
        "Repairs to the Harwick dam are expected to cost 45 million euros, the regional water "
        "authority said.",
        "The regional water authority put the cost of repairing the Harwick dam at 45 million "
        "euros.",
    ],
    "villages": [
        "About 2,300 people in six villages below the dam were told to be ready to leave their "
        "homes.",
        "Six villages below the dam, home to about 2,300 people, were told to be ready to leave.",
    ],
    "built": [
        "The Harwick dam was built in 1962 and was last inspected by engineers in 2019.",
        "Built in 1962, the Harwick dam was last inspected by engineers in 2019.",
    ],
    "minister": [
        "Infrastructure Minister Karin Dahl said there was no immediate danger that the wall "
        "would give way.",
        "There was no immediate danger of the wall giving way, Infrastructure Minister Karin "
        "Dahl said.",
    ],
    "detour": [
        "Drivers face a detour of 40 kilometres while the road over the Harwick dam stays shut.",
        "While the road over the Harwick dam stays shut, drivers face a 40-kilometre detour.",
    ],
}


def _dam_cluster(n: int = 64) -> Cluster:
    from llmbrief import Article

    articles = []
    keys = sorted(_FACTS)
    for i in range(n):
        lead = _LEADS[i % 3] + _ENDINGS[(i // 3) % 3]
        facts = [keys[(i + k) % len(keys)] for k in range(3)]  # three facts, rotating
        body = [_FACTS[f][(i // 5) % len(_FACTS[f])] for f in facts]
        articles.append(
            Article(
                id=f"hd-{i + 1:02d}",
                title=f"Harwick Dam Closed After Cracks Found ({i % 7 + 1})",
                source=f"Outlet {i % 9}",
                published=f"2026-03-{10 + i % 3}T{6 + i % 12:02d}:00:00Z",
                text=f"HARWICK (Outlet {i % 9}) — " + "\n\n".join([lead, *body]),
            )
        )
    return Cluster(cluster_id="harwick-dam", articles=articles)


def _fact_of(sentence: str) -> str:
    """Which fact of the story a drafted sentence gives."""
    if any(sentence.startswith(lead) for lead in _LEADS):
        return "lead"
    found = [k for k, wordings in _FACTS.items() if sentence in wordings]
    assert len(found) == 1, sentence
    return found[0]


def test_near_duplicate_leads_still_give_several_distinct_facts() -> None:
    cluster = _dam_cluster()
    brief = summarize(cluster)
    facts = [_fact_of(s.text) for s in brief.sentences]
    assert len(facts) >= 4, facts
    assert len(set(facts)) == len(facts), facts  # no fact twice, in any wording
    assert facts[0] == "lead"
    assert brief.verification is not None and brief.verification.ok, brief.verification
    # every sentence cited, never to more than three, and never to an article the verifier
    # finds idle beside the others (the lead is word for word in the article it cites)
    assert all(1 <= len(s.citations) <= 3 for s in brief.sentences)
    assert not [n for c in brief.verification.claims for n in c.notes if "adds nothing" in n]


def test_near_duplicate_citations_each_hold_alone() -> None:
    cluster = _dam_cluster()
    index = ClusterIndex(cluster)
    draft = ExtractiveDrafter().draft(cluster, index)
    for s in draft.sentences:
        for art_id in s.citations:
            assert index.check(s.text, [art_id]).supported, (s.text, art_id)


def test_big_cluster_draft_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    path = tmp_path / "harwick-dam.json"
    path.write_text(_dam_cluster().model_dump_json(), encoding="utf-8")

    def run(seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "llmbrief", "summarize", str(path), "--format", "json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout

    one, two = run("1"), run("2")
    assert one == two
    assert summarize(_dam_cluster()).model_dump() == summarize(_dam_cluster()).model_dump()


def test_tiny_articles_that_open_alike_give_the_sentence_once() -> None:
    from llmbrief import Article

    arts = [Article(id=str(i), title="T", text="Short note.") for i in range(5)]
    arts.append(Article(id="9", title="U", text="Other note."))
    c = Cluster(cluster_id="t", articles=arts)
    d = ExtractiveDrafter().draft(c, ClusterIndex(c))
    assert [(s.text, s.citations) for s in d.sentences] == [
        ("Short note.", ["0", "1", "2"]),
        ("Other note.", ["9"]),
    ]
