"""Verifier speed and memory through the public API, each repeat in a fresh process.

What is timed, together, in a new Python process per repeat (imports excluded):

    cluster = llmbrief.load_cluster(path)
    report = llmbrief.verify(cluster, brief_text)

on a generated cluster of 200 articles x 40 unique sentences (about 175k words; every sentence
has a name, a percentage, a dollar figure, a date and tokens such as ``w123``), written to a
temporary JSON file, and a 2,000-claim brief: 1,500 source sentences copied verbatim and
citing their article, 500 with one figure changed. The same again at 800 articles.

    python benchmarks/verify_speed.py [--articles 200] [--large 800] [--claims 2000]
                                      [--repeat 5] [--seed 7] [--profile N] [--dump DIR]

Prints, per size: the median over the repeats of claims/s (load and verify together), of the
load and verify times, of the index build (``llmbrief.ClusterIndex(cluster)`` timed alone in
fresh processes), peak memory (tracemalloc, in one more fresh process, since tracing slows
the code it watches; and the median ru_maxrss of the timed processes) and the verdict counts,
which must be the same in every process. The process CPU time of the timed part is printed
too: on a shared machine it moves much less than the wall time. Targets: 5,000 claims/s at
200 articles, 2,500 at 800. ``--dump DIR`` also writes each size's report (one more process)
to ``DIR/report-N.json``: a speed change must leave it byte for byte the same.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from llmbrief import Article, Cluster

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {200: 5000, 800: 2500}

_FIRST = """
Helena Marcus Priya Tomasz Ingrid Kwame Lucia Dmitri Amara Soren Yusuf Camille Mateo Annika
Rafael Mei Olusegun Greta Idris Noor Viktor Elena Tariq Freya Joaquin Saanvi Emeka Linnea
""".split()
_LAST = """
Brandt Okafor Lindqvist Moreau Castellano Nakamura Petrov Haddad Varga Osei Kowalski Ferreira
Albright Delacroix Sato Mwangi Halvorsen Quiroga Rahman Whitfield Novak Beaumont Adeyemi Torres
""".split()
_MONTHS = """
January February March April June July August September October November December
""".split()
_NOUNS = """
output revenue exports shipments orders sales spending lending investment capacity demand
payroll inventory freight tariffs subsidies profits imports deposits bookings production
""".split()
_THINGS = """
port refinery factory council ministry exchange regulator utility airline insurer bank
retailer carrier foundry mill agency lender shipyard pipeline cooperative
""".split()
_ADJ = """
regional coastal northern southern provincial municipal national quarterly seasonal
industrial rural urban offshore domestic
""".split()
_VERBS = """
grew climbed jumped rose advanced expanded increased
""".split()
_TEMPLATES = (
    "{name} said on {month} {day} that {noun} at the {adj} {thing} {verb} {pct}% to "
    "${money} million, helped by w{t1} and w{t2} deals.",
    "According to {name}, the {adj} {thing} spent ${money} million by {month} {day}, "
    "{pct}% more than w{t1} had planned.",
    "On {month} {day}, {name} said {noun} {verb} {pct}% after the {thing} added "
    "${money} million in w{t1} and w{t2} orders.",
    "The {adj} {thing} led by {name} reported {noun} of ${money} million on {month} {day}, "
    "with w{t1} at {pct}% of the yearly total.",
    "{name} of the {thing} expects {noun} to reach ${money} million before {month} {day}, "
    "up {pct}% on w{t1} and the {adj} w{t2} plan.",
)


def _sentence(rng: random.Random) -> str:
    return rng.choice(_TEMPLATES).format(
        name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        month=rng.choice(_MONTHS),
        day=rng.randint(1, 28),
        noun=rng.choice(_NOUNS),
        adj=rng.choice(_ADJ),
        thing=rng.choice(_THINGS),
        verb=rng.choice(_VERBS),
        pct=f"{rng.randint(2, 60)}.{rng.randint(1, 9)}",
        money=f"{rng.randint(11, 990)}.{rng.randint(1, 9)}",
        t1=rng.randint(100, 99999),
        t2=rng.randint(100, 99999),
    )


def _cited(sentence: str, article_id: str) -> str:
    """``"... contracts."`` -> ``"... contracts [id]."``."""
    return f"{sentence[:-1]} [{article_id}]."


def _wrong_figure(sentence: str, text: str, rng: random.Random) -> str:
    """The sentence with its percentage changed to one its article never states."""
    pct = sentence.split("%")[0].rsplit(" ", 1)[-1]
    while True:
        other = f"{rng.randint(61, 99)}.{rng.randint(1, 9)}"
        if f"{other}%" not in text:
            return sentence.replace(f"{pct}%", f"{other}%", 1)


def build(
    n_articles: int, n_claims: int = 2000, seed: int = 7, sentences_per_article: int = 40
) -> tuple[Cluster, str]:
    """A cluster of unique generated sentences and a brief citing it (3/4 verbatim claims,
    1/4 with one figure changed), the same for the same arguments."""
    rng = random.Random(seed)
    seen: set[str] = set()
    articles = []
    for i in range(n_articles):
        sents: list[str] = []
        while len(sents) < sentences_per_article:
            s = _sentence(rng)
            if s not in seen:
                seen.add(s)
                sents.append(s)
        articles.append(
            Article(id=str(10000 + i), title=f"Regional economy report {i}", text=" ".join(sents))
        )
    cluster = Cluster(cluster_id=f"bench-{n_articles}", articles=articles)
    picks = rng.sample(range(n_articles * sentences_per_article), n_claims)
    changed = set(rng.sample(range(n_claims), n_claims // 4))
    claims = []
    for k, p in enumerate(picks):
        art = articles[p // sentences_per_article]
        # the generated sentences hold no full stop but the last one
        sent = art.text.split(". ")[p % sentences_per_article].rstrip(".") + "."
        if k in changed:
            sent = _wrong_figure(sent, art.text, rng)
        claims.append(_cited(sent, art.id))
    return cluster, " ".join(claims)


# -- the fresh process ------------------------------------------------------------------

_CHILD = """
import cProfile, io, json, pstats, resource, sys, time, tracemalloc
mode, cluster_path, brief_path = sys.argv[1:4]
import llmbrief
brief = open(brief_path, encoding="utf-8").read()
out = {}
if mode == "memory":
    tracemalloc.start()
profile = cProfile.Profile() if mode == "profile" else None
if profile is not None:
    profile.enable()
t0, c0 = time.perf_counter(), time.process_time()
cluster = llmbrief.load_cluster(cluster_path)
t1, c1 = time.perf_counter(), time.process_time()
if mode == "index":
    llmbrief.ClusterIndex(cluster)
else:
    report = llmbrief.verify(cluster, brief)
    out["counts"] = report.counts
    out["claims"] = len(report.claims)
t2, c2 = time.perf_counter(), time.process_time()
if profile is not None:
    profile.disable()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(int(sys.argv[4]))
    out["profile"] = text.getvalue()
if mode == "memory":
    out["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
if mode == "dump":
    with open(sys.argv[4], "w", encoding="utf-8") as f:
        f.write(report.model_dump_json(indent=1))
out["load_s"] = t1 - t0
out["work_s"] = t2 - t1
out["cpu_s"] = c2 - c0
out["maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps(out))
"""


def _child(mode: str, cluster_path: Path, brief_path: Path, top: int | Path = 0) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(cluster_path), str(brief_path), str(top)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        sys.exit(f"benchmark child failed ({mode}):\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)


def run_size(n_articles: int, args: argparse.Namespace, tmp: Path) -> None:
    cluster, brief = build(n_articles, args.claims, args.seed)
    cluster_path = tmp / f"cluster-{n_articles}.json"
    brief_path = tmp / f"brief-{n_articles}.txt"
    cluster_path.write_text(cluster.model_dump_json(exclude_none=True), encoding="utf-8")
    brief_path.write_text(brief, encoding="utf-8")
    n_words = sum(len(a.text.split()) for a in cluster.articles)
    runs = [_child("verify", cluster_path, brief_path) for _ in range(args.repeat)]
    counts = {json.dumps(r["counts"], sort_keys=True) for r in runs}
    index_runs = [_child("index", cluster_path, brief_path) for _ in range(args.repeat)]
    memory = _child("memory", cluster_path, brief_path)
    totals = [r["load_s"] + r["work_s"] for r in runs]
    total = statistics.median(totals)
    n_claims = int(runs[0]["claims"])
    rate = n_claims / total
    target = TARGETS.get(n_articles)
    print(
        f"{n_articles} articles ({n_words:,} words, {cluster_path.stat().st_size / 2**20:.1f} MiB"
        f" JSON); brief: {n_claims:,} claims ({n_claims - args.claims // 4:,} verbatim,"
        f" {args.claims // 4:,} with a figure changed)"
    )
    print(f"  verdicts: {runs[0]['counts']}" + ("" if len(counts) == 1 else "  (DIFFER!)"))
    print(
        f"  load_cluster + verify, fresh process, median of {args.repeat}: {total * 1000:,.0f} ms"
        f" = {rate:,.0f} claims/s"
        + (f" (target {target:,}: {'met' if rate >= target else 'NOT met'})" if target else "")
    )
    print(f"    runs: {', '.join(f'{t * 1000:,.0f}' for t in sorted(totals))} ms")
    cpu = _median(runs, "cpu_s")
    print(
        f"    process CPU time, median: {cpu * 1000:,.0f} ms = {n_claims / cpu:,.0f} claims/s"
        " (what the code costs when the machine is shared)"
    )
    print(
        f"    load_cluster {_median(runs, 'load_s') * 1000:,.0f} ms,"
        f" verify {_median(runs, 'work_s') * 1000:,.0f} ms;"
        f" index build alone {_median(index_runs, 'work_s') * 1000:,.0f} ms"
        f" (CPU, load included: {_median(index_runs, 'cpu_s') * 1000:,.0f} ms)"
    )
    print(
        f"  peak memory: tracemalloc {memory['tracemalloc_peak'] / 2**20:,.1f} MiB"
        f" (load + verify), ru_maxrss {_median(runs, 'maxrss_kib') / 1024:,.1f} MiB"
        " (whole process)"
    )
    if args.dump:
        # the report itself, to compare byte for byte before and after a speed change
        target = Path(args.dump) / f"report-{n_articles}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        _child("dump", cluster_path, brief_path, target)
        print(f"  report written to {target}")
    if args.profile:
        prof = _child("profile", cluster_path, brief_path, args.profile)
        print(f"  cProfile of load_cluster + verify (one more fresh process, top {args.profile}):")
        print(prof["profile"])


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--large", type=int, default=800, help="second cluster size (0: none)")
    ap.add_argument("--claims", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--profile", type=int, default=0, metavar="N", help="also print the top N of a cProfile"
    )
    ap.add_argument(
        "--dump",
        metavar="DIR",
        help="also write each size's report (JSON) to DIR/report-N.json, from one more process",
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="llmbrief-bench-") as tmp:
        for n in (args.articles, args.large):
            if n:
                run_size(n, args, Path(tmp))


if __name__ == "__main__":
    main()
