"""Verifier speed and memory on a large synthetic cluster.

Builds a 200-article cluster (about 120k words) by recombining the sentences of the seed
clusters with varied names and figures, and a 2,000-claim brief (supported claims, wrong
figures, wrong ids, unknown ids, uncited sentences), then verifies it in process.

    python benchmarks/verify_speed.py [--articles 200] [--claims 2000] [--repeat 5]

Prints the median over the repeats of: indexing time, checking time, claims/s (indexing
included) and peak memory (tracemalloc).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import tracemalloc
from pathlib import Path

from llmbrief import Article, Cluster, load_cluster
from llmbrief.citations import ParsedSentence, split_sentences
from llmbrief.verifier import Verifier
from llmbrief.verifier.support import ClusterIndex

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["Zhejiang", "Jiangsu", "Hubei", "Sichuan", "Anhui", "Fujian", "Hunan", "Shaanxi"]


def build(
    n_articles: int, n_claims: int, failing: float = 0.4, seed: int = 7
) -> tuple[Cluster, list[ParsedSentence]]:
    rng = random.Random(seed)
    pool = []
    for path in sorted((ROOT / "seeds").glob("*.json")):
        for a in load_cluster(path).articles:
            pool.extend(split_sentences(a.text))
    articles = []
    for i in range(n_articles):
        sentences = []
        words = 0
        while words < 600:
            s = rng.choice(pool)
            s = s.replace("Zhejiang", rng.choice(PLACES))
            s = s.replace("10 billion", f"{rng.randint(2, 90)} billion")
            sentences.append(s)
            words += len(s.split())
        articles.append(Article(id=str(10000 + i), title=f"Article {i}", text=" ".join(sentences)))
    cluster = Cluster(cluster_id="bench", articles=articles)
    claims = []
    for _ in range(n_claims):
        art = rng.choice(articles)
        sent = rng.choice(split_sentences(art.text))
        # the failing share splits into: negated 3/8, wrong id 3/8, unknown id 1/8, uncited 1/8
        kind = rng.random() * 0.4 / failing if failing > 0 else 1.0
        cited = [art.id]
        text = sent
        if kind < 0.15:
            text = sent.replace(" the ", " no ", 1) if " the " in sent else sent + " Not so."
        elif kind < 0.3:
            cited = [rng.choice(articles).id]
        elif kind < 0.35:
            cited = ["99999"]
        elif kind < 0.4:
            cited = []
        claims.append(ParsedSentence(raw=text, text=text, citations=cited))
    return cluster, claims


def _clear_caches() -> None:
    from llmbrief.verifier import checks, lexicon, support

    for fn in (
        support._claim_facts,
        lexicon.stem,
        lexicon._token_stems,
        checks.quantities,
        checks._opposites_of,
    ):
        fn.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--claims", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--failing", type=float, default=0.4, help="share of claims that should fail (0.4)"
    )
    args = ap.parse_args()
    cluster, claims = build(args.articles, args.claims, args.failing)
    n_words = sum(len(a.text.split()) for a in cluster.articles)
    index_s, check_s, total_s = [], [], []
    for _ in range(args.repeat):
        _clear_caches()  # every run starts cold, as a fresh process would
        t0 = time.perf_counter()
        index = ClusterIndex(cluster)
        t1 = time.perf_counter()
        report = Verifier(cluster, index).claims(claims)
        t2 = time.perf_counter()
        index_s.append(t1 - t0)
        check_s.append(t2 - t1)
        total_s.append(t2 - t0)
    # memory in a separate run: tracemalloc slows the code it watches
    tracemalloc.start()
    Verifier(cluster, ClusterIndex(cluster)).claims(claims)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    total = statistics.median(total_s)
    print(
        f"cluster: {len(cluster.articles)} articles, {n_words:,} words; brief: {len(claims)} claims"
    )
    print(f"verdicts: {report.counts}")
    print(f"index (median of {args.repeat}):  {statistics.median(index_s) * 1000:8.1f} ms")
    print(f"check (median):          {statistics.median(check_s) * 1000:8.1f} ms")
    print(f"claims/s, indexing included (median): {len(claims) / total:,.0f}")
    print(f"peak memory (tracemalloc): {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
