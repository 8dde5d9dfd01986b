from __future__ import annotations

from pathlib import Path

import pytest

from llmbrief import Article, Brief, Cluster, Sentence, load_cluster, summarize, verify
from llmbrief.citations import parse_sentence
from llmbrief.evals import evaluate_verifier, load_cases
from llmbrief.evals.briefs import BriefCase, evaluate_briefs, load_brief_set
from llmbrief.evals.verifier import Case, labelled_claim
from llmbrief.load import load_brief
from llmbrief.verifier import DEFAULT_MIN_SUPPORT, Verifier, repair

from .conftest import ROOT, SEEDS

CHIPS = load_cluster(SEEDS / "china-chips.json")
BRIEF_SET = load_brief_set(ROOT / "evals" / "briefs")
#: Floors of the hand-made brief set at the committed verifier (eval verifier evals/briefs):
#: 189 of 193 verdicts exact, 1 of 123 supported sentences flagged (targets: 95% exact, at
#: most 1 in 20 flagged). The other brief sets (evals/briefs_*) are held within a point of
#: evals/verifier_baseline.json by tests/test_eval_verifier.py.
BRIEFS_EXACT_FLOOR = 0.95
BRIEFS_FLAGGED_CEILING = 0.05
#: Verdicts that need no reading of meaning: a citation of no article, a sentence without one.
ALWAYS_EXACT = ("unknown_id", "uncited")


def test_seed_brief_gives_twelve_claims_nine_supported_three_uncited() -> None:
    report = verify(CHIPS, (SEEDS / "000_d12c0a8b4ad67bd4.txt").read_text())
    assert len(report.claims) == 12
    assert report.counts["supported"] == 9
    assert report.counts["uncited"] == 3
    assert [c.verdict for c in report.claims if not c.citations] == ["uncited"] * 3
    assert report.score == 0.75 and not report.ok


def test_hand_made_briefs_hold_their_floors() -> None:
    result = evaluate_briefs(BRIEF_SET)
    assert result.n >= 190 and result.supported >= 120
    rate = result.exact_rate
    assert rate is not None and rate >= BRIEFS_EXACT_FLOOR, result.errors
    assert result.supported_flagged / result.supported <= BRIEFS_FLAGGED_CEILING, result.errors
    # a misattributed sentence found as such points at an article that does support it
    assert result.suggested_right == result.confusion["misattributed"]["misattributed"]


@pytest.mark.parametrize("case", BRIEF_SET, ids=[c.name for c in BRIEF_SET])
def test_unknown_ids_and_uncited_sentences_are_always_exact(case: BriefCase) -> None:
    report = Verifier(case.cluster).claims(case.claims)
    for claim, want in zip(report.claims, case.verdicts, strict=True):
        if want in ALWAYS_EXACT or claim.verdict in ALWAYS_EXACT:
            assert claim.verdict == want, (claim.index, claim.text)


def test_a_claim_its_citation_clearly_supports_is_not_misattributed_for_closer_wording() -> None:
    metro = load_cluster(ROOT / "evals" / "clusters" / "metro-line-four.json")
    c = verify(
        metro,
        "Northgate's metro Line 4 opened to passengers on Sunday, giving the airport its first "
        "direct rail link to the city centre [m4-01].",
    ).claims[0]
    assert c.verdict == "supported", c.reasons
    elsewhere = [k for k in c.checks if k.name == "elsewhere"]
    assert elsewhere and not elsewhere[0].fired and "clearly" in elsewhere[0].detail
    # one its citation barely carries, whose fact another article states, still is
    c = verify(
        CHIPS,
        "Beijing has urged local governments to treat semiconductors as a national security "
        "matter [33059].",
    ).claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids[:1] == ["51155"], c.reasons


def test_evidence_offsets_point_into_the_article() -> None:
    report = verify(CHIPS, "Shanghai's Pudong district launched a $10bn plan this week [43531].")
    claim = report.claims[0]
    assert claim.verdict == "supported"
    ev = claim.evidence[0]
    article = CHIPS.article(ev.article_id)
    assert article is not None
    assert article.text[ev.start : ev.end] == ev.sentence
    assert "$10 billion" in ev.sentence


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("Pudong launched a $12 billion investment plan [43531].", 'number "$12 billion"'),
        ("Zhejiang announced its chip plan on Friday [51155].", 'date "Friday"'),
        ("Huawei announced a five-year chip plan in Zhejiang [51155].", 'name "Huawei"'),
        ("Investors did not welcome the Pudong announcement [43531].", "negated"),
        (
            "A U.S. administration has relaxed export controls on older chipmaking tools [30085].",
            "only as a possibility",
        ),
        ('Chen said the plan is meant to "tighten the chokehold" [51155].', "quoted words"),
    ],
)
def test_hard_checks_name_the_reason(claim: str, reason: str) -> None:
    c = verify(CHIPS, claim).claims[0]
    assert c.verdict in ("unsupported", "misattributed")
    assert any(reason in r for r in c.reasons), c.reasons


def test_number_formats_agree() -> None:
    for claim in (
        "Pudong unveiled a $10bn investment plan [43531].",
        "Pudong unveiled a 10 billion dollar investment plan [43531].",
        "At least twenty-two provincial-level governments published plans [19492].",
        "Zhejiang set a target of 3nm AI chips [51155].",
        "Roughly 60% of the Pudong money goes to chips and AI [43531].",
    ):
        assert verify(CHIPS, claim).claims[0].verdict == "supported", claim


def test_sic_is_not_a_citation_and_unknown_ids_are_caught() -> None:
    report = verify(CHIPS, "Officials called it a chokehold [sic] on chips [51155][99999].")
    c = report.claims[0]
    assert c.citations == ["51155", "99999"]
    assert c.verdict == "unknown_id" and c.unknown_ids == ["99999"]


def test_idle_citation_is_noted() -> None:
    c = verify(
        CHIPS, "Shanghai's Pudong district launched a $10 billion plan [43531][54934]."
    ).claims[0]
    assert c.verdict == "supported"
    assert any("[54934]" in n for n in c.notes)


def _brief(sentences: list[Sentence]) -> Brief:
    return Brief(
        cluster_id="china-chips",
        title="t",
        summary="",
        sentences=sentences,
        headlines=[],
        article_count=15,
        model="test",
        prompt="test",
    )


def test_repair_drop_and_retarget() -> None:
    sentences = [
        Sentence(
            text="Shanghai's Pudong district launched a $10 billion plan.", citations=["43531"]
        ),
        Sentence(
            text="Shenzhen announced a 50 billion yuan fund for chip designers.",
            citations=["47760"],
        ),
        Sentence(
            text="Several regions pledged to increase rare earth output.", citations=["99999"]
        ),
        Sentence(text="Pudong launched a $12 billion plan.", citations=["43531"]),
    ]
    report = Verifier(CHIPS).brief(_brief(sentences))
    assert [c.verdict for c in report.claims] == [
        "supported",
        "misattributed",
        "unknown_id",
        "unsupported",
    ]
    dropped, actions = repair(sentences, report, "drop")
    assert [s.text for s in dropped] == [sentences[0].text]
    assert actions
    retargeted, _ = repair(sentences, report, "retarget")
    assert retargeted[1].citations == ["40112"]
    assert len(retargeted) == 3
    assert Verifier(CHIPS).brief(_brief(retargeted)).ok


def test_summarize_repair_drop_leaves_only_supported() -> None:
    brief = summarize(CHIPS, repair_mode="drop")
    assert brief.verification is not None and brief.verification.ok


def test_dev_set_balanced_accuracy_stays_above_target() -> None:
    result = evaluate_verifier(load_cases(ROOT / "evals" / "verifier_dev.jsonl"))
    assert result.n >= 150
    # 0.85: the set grew with misses no word overlap sees (issue 8); eval verifier --baseline
    # evals/verifier_baseline.json is the gate that holds each set within a point.
    assert result.balanced_accuracy >= 0.85, result.errors


def test_markdown_form_reads_back(tmp_path: Path) -> None:
    from llmbrief import render

    cluster = load_cluster(SEEDS / "aurora-lander.json")
    brief = summarize(cluster)
    md = tmp_path / "brief.md"
    md.write_text(render(brief, "markdown", cluster))
    read = load_brief(md, cluster)
    assert [c.citations for c in read.claims] == [s.citations for s in brief.sentences]
    assert Verifier(cluster).claims(read.claims).ok


QUARRY = Cluster(
    cluster_id="quarry",
    articles=[
        Article(
            id="701",
            title="Quarry collapse in Vellmar",
            text=(
                "A quarry wall collapsed in Vellmar on Wednesday, killing at least two workers "
                "and leaving 40 missing, the regional office said. Rescuers worked for three "
                "hours before the rain stopped them. Activists in London later held a vigil "
                "for the workers. The Harwick Deep Field Array recorded the collapse. Pumps "
                "were brought from the coast. Roads to the site were closed. Families waited "
                "at the gate. A school was opened as a shelter. Harwick engineers said the "
                "wall had shown cracks for months."
            ),
        )
    ],
)


def test_a_figure_must_be_said_of_what_the_claim_says_it_of() -> None:
    ok = verify(QUARRY, "A quarry collapse in Vellmar killed at least two workers [701].")
    assert ok.claims[0].verdict == "supported"
    # "three" is in the article, but it counts hours, not the dead
    bad = verify(QUARRY, "A quarry collapse in Vellmar killed at least three workers [701].")
    assert bad.claims[0].verdict == "unsupported"
    assert any('number "three' in r for r in bad.claims[0].reasons), bad.claims[0].reasons


def test_a_country_is_supported_by_its_capital() -> None:
    c = verify(QUARRY, "U.K. activists held a vigil for the quarry workers [701].").claims[0]
    assert c.verdict == "supported", c.reasons
    c = verify(QUARRY, "French activists held a vigil for the quarry workers [701].").claims[0]
    assert c.verdict == "unsupported"


def test_part_of_a_long_name_may_sit_apart_from_the_evidence() -> None:
    claim = "Harwick Deep Field Array engineers said the wall had shown cracks for months [701]."
    assert verify(QUARRY, claim).claims[0].verdict == "supported"


def test_a_date_must_be_the_date_of_what_the_claim_tells() -> None:
    harbour = Cluster(
        cluster_id="harbour",
        articles=[
            Article(
                id="801",
                title="Harbour fire",
                text=(
                    "A fire broke out at the Lenning harbour warehouse on Tuesday evening. "
                    "Crews from three towns fought the blaze through the night. Smoke closed "
                    "the coast road. Ferries were held in port. The owner said on Thursday "
                    "that the warehouse held grain and timber."
                ),
            )
        ],
    )
    ok = "A fire broke out at the Lenning harbour warehouse on Tuesday evening [801]."
    assert verify(harbour, ok).claims[0].verdict == "supported"
    for bad, reason in (
        ("A fire broke out at the Lenning harbour warehouse on Thursday [801].", 'date "Thursday"'),
        (
            "A fire broke out at the Lenning harbour warehouse on Tuesday morning [801].",
            'date "Tuesday morning"',
        ),
    ):
        c = verify(harbour, bad).claims[0]
        assert c.verdict == "unsupported" and any(reason in r for r in c.reasons), c.reasons


def test_score_and_checks_explain_the_verdict() -> None:
    good = verify(CHIPS, "Pudong launched a $10 billion investment plan [43531].").claims[0]
    assert good.verdict == "supported" and good.score >= DEFAULT_MIN_SUPPORT
    assert {c.name for c in good.checks} >= {"coverage", "figures"}
    assert not any(c.fired for c in good.checks)
    bad = verify(CHIPS, "Pudong launched a $12 billion investment plan [43531].").claims[0]
    assert bad.verdict == "unsupported" and 0.0 <= bad.score <= 0.25
    fired = [c for c in bad.checks if c.fired]
    assert [c.name for c in fired] == ["figures"]
    span = fired[0].spans[0]
    assert span.where == "claim" and bad.text[span.start : span.end] == "$12 billion"
    coverage = next(c for c in bad.checks if c.name == "coverage")
    article = CHIPS.article(coverage.spans[0].where)
    assert article is not None and "$10 billion" in article.text[coverage.spans[0].start :]


def test_min_support_is_the_strictness() -> None:
    claim = "Pudong officials unveiled money for semiconductor factories and robotics labs [43531]."
    score = verify(CHIPS, claim).claims[0].score
    assert 0.0 < score < 1.0
    assert verify(CHIPS, claim, min_support=score).claims[0].verdict == "supported"
    assert verify(CHIPS, claim, min_support=min(1.0, score + 0.01)).claims[0].verdict != (
        "supported"
    )
    with pytest.raises(ValueError, match="min_support"):
        Verifier(CHIPS, min_support=1.5)


FOOTNOTED = Cluster(
    cluster_id="refs",
    articles=[
        Article(
            id="doc",
            title="Ferry line",
            text=(
                "The Orland ferry line carried 735,000 passengers in 2025.[1] Its operator "
                "said a second boat[2][3] would join in May. Fares rose by 2.4%.[4]"
            ),
        )
    ],
)


def test_footnote_markers_are_not_figures_and_are_noted() -> None:
    # a labelled claim (text that is not ours): [1] is a footnote, not an unknown id
    case = Case(
        id="f1",
        claim="The Orland ferry line carried 735, 000 passengers [1] [doc].",
        sources=[{"id": "doc", "text": FOOTNOTED.articles[0].text}],
        label="supported",
    )
    c = Verifier(FOOTNOTED).claim(0, labelled_claim(case))
    assert c.verdict == "supported", c.reasons
    assert any("[1]" in n for n in c.notes) and any("from [doc]" in n for n in c.notes)
    ev = c.evidence[0]
    assert FOOTNOTED.articles[0].text[ev.start : ev.end] == ev.sentence
    assert ev.sentence.startswith("The Orland ferry line")
    # a lower-cased, tokenised claim (as some labelled sets have it), one sentence
    claim = parse_sentence("fares at the orland ferry line rose by 2. 4 % [doc].", ["doc"])
    c = Verifier(FOOTNOTED).claims([claim]).claims[0]
    assert c.verdict == "supported", c.reasons


PORT = Cluster(
    cluster_id="port",
    articles=[
        Article(
            id="p1",
            title="Port talks",
            text=(
                "Carrow dockworkers may return to work on Monday, the union said. The operator "
                "pleaded not guilty to charges that it hired 40 replacement workers during the "
                "strike. Independent observers said the deal had not been signed."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict", "check"),
    [
        ("Carrow dockworkers may return to work on Monday, the union said [p1].", "supported", ""),
        ("Carrow dockworkers will return to work on Monday, the union said [p1].", "", "hedges"),
        ("Carrow dockworkers returned to work on Monday [p1].", "", "hedges"),
        # a reported "would" is what was announced: surer than the source's "may"
        ("The union said Carrow dockworkers would return to work on Monday [p1].", "", "hedges"),
        ("The union said Carrow dockworkers could return to work on Monday [p1].", "supported", ""),
        ("The operator pleaded not guilty to the charges [p1].", "supported", ""),
        ("The operator pleaded guilty to the charges [p1].", "", "negation"),
        ("Independent observers said the deal had been signed [p1].", "", "negation"),
    ],
)
def test_hedges_and_negations_are_read_by_clause(claim: str, verdict: str, check: str) -> None:
    c = verify(PORT, claim).claims[0]
    if verdict:
        assert c.verdict == verdict, c.reasons
    else:
        assert c.verdict == "unsupported"
        assert [x.name for x in c.checks if x.fired] == [check], c.reasons


def test_lowercased_claims_are_name_checked() -> None:
    claim = parse_sentence("carrow dockworkers may return to work in liverpool on monday [p1].")
    c = Verifier(PORT).claims([claim]).claims[0]
    assert c.verdict == "unsupported"
    assert any('name "liverpool"' in r for r in c.reasons), c.reasons
    claim = parse_sentence("carrow dockworkers may return to work on monday [p1].")
    assert Verifier(PORT).claims([claim]).claims[0].verdict == "supported"


def test_an_acronym_names_what_the_article_writes_out() -> None:
    fund = Cluster(
        cluster_id="fund",
        articles=[
            Article(
                id="f1",
                title="Loans",
                text="The International Monetary Fund said growth would slow. The WHO warned "
                "of a new strain.",
            )
        ],
    )
    assert verify(fund, "The IMF said growth would slow [f1].").claims[0].verdict == "supported"
    written_out = "The World Health Organization warned of a new strain [f1]."
    assert verify(fund, written_out).claims[0].verdict == "supported"
    c = verify(fund, "The ECB said growth would slow [f1].").claims[0]
    assert c.verdict == "unsupported" and any('"ECB"' in r for r in c.reasons)


def test_names_in_a_cased_claim_are_found_in_lowercased_sources() -> None:
    lower = Cluster(
        cluster_id="lower",
        articles=[
            Article(
                id="l1",
                title="port",
                text="carrow dockworkers may return to work on monday, the union said.",
            )
        ],
    )
    ok = "Carrow dockworkers may return to work on Monday, the union said [l1]."
    assert verify(lower, ok).claims[0].verdict == "supported"
    bad = verify(lower, "Lisk dockworkers may return to work on Monday [l1].").claims[0]
    assert bad.verdict == "unsupported" and any('"Lisk"' in r for r in bad.reasons)


MATCH = Cluster(
    cluster_id="match",
    articles=[
        Article(
            id="m1",
            title="Final",
            text=(
                "Rhiannon Davis beat Amélie Bouchard in the final at Kelso on Sunday. "
                "Davis, 26, won her first title at the club."
            ),
        )
    ],
)


def test_swapped_roles_sink_the_claim_with_spans_on_both_sides() -> None:
    good = verify(MATCH, "Davis beat Bouchard in the Kelso final [m1].").claims[0]
    assert good.verdict == "supported", good.reasons
    assert any(c.name == "roles" and not c.fired for c in good.checks)
    bad = verify(MATCH, "Bouchard beat Davis in the Kelso final [m1].").claims[0]
    assert bad.verdict == "unsupported"
    roles = next(c for c in bad.checks if c.name == "roles")
    assert roles.fired and roles.detail.startswith("roles swapped"), bad.reasons
    claim_spans = [bad.text[s.start : s.end] for s in roles.spans if s.where == "claim"]
    assert claim_spans == ["Bouchard", "beat", "Davis"]
    text = MATCH.articles[0].text
    source_spans = [text[s.start : s.end] for s in roles.spans if s.where == "m1"]
    assert source_spans == ["Rhiannon Davis", "beat", "Amélie Bouchard"]


def test_reasons_show_the_claims_words_not_their_stems() -> None:
    c = verify(MATCH, "Davis celebrated wildly with cheering supporters in Kelso [m1].").claims[0]
    assert c.verdict == "unsupported"
    missing = c.reasons[0].split("(missing: ")[1].rstrip(")").split(", ")
    assert set(missing) <= {"celebrated", "wildly", "cheering", "supporters"}, c.reasons


def test_a_number_word_opening_a_claim_is_a_figure_not_a_name() -> None:
    toll = load_cluster(ROOT / "evals" / "clusters" / "quarry-collapse-toll.json")
    claim = "Fourteen workers were killed when a wall of the Brennock quarry collapsed [qc-1]."
    c = verify(toll, claim).claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["qc-2"], c.reasons
    assert c.reasons[0] == 'number "Fourteen" not found in [qc-1]'
    assert not any("name" in r for r in c.reasons), c.reasons


def test_an_opposite_is_reported_in_the_words_written() -> None:
    claim = "The operator pleaded not guilty to charges that it fired 40 workers [p1]."
    c = verify(PORT, claim).claims[0]
    assert c.reasons == ['the claim says "fired" where the evidence says "hired"']
    fired = next(x for x in c.checks if x.name == "opposites")
    assert [c.text[s.start : s.end] for s in fired.spans] == ["fired"]


def test_an_age_given_to_someone_else_is_caught() -> None:
    team = Cluster(
        cluster_id="team",
        articles=[
            Article(
                id="t1",
                title="Cup",
                text=(
                    "Goalkeeper Jonas Brandt was sent off in stoppage time. "
                    "Tomas Varga, 22, scored twice for Rovers."
                ),
            )
        ],
    )
    ok = verify(team, "Tomas Varga, 22, scored twice for Rovers [t1].").claims[0]
    assert ok.verdict == "supported", ok.reasons
    bad = verify(team, "Goalkeeper Jonas Brandt, 22, was sent off in stoppage time [t1].")
    c = bad.claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == [
        'number "22" is said of Tomas Varga in [t1], not of Goalkeeper Jonas Brandt'
    ]


ANNOUNCED = Cluster(
    cluster_id="announced",
    articles=[
        Article(
            id="a1",
            title="Survey",
            text=(
                "The survey office said on Tuesday it would publish its flood maps in June. "
                "The ferry company will pay 12 dollars a share for the rival line."
            ),
        )
    ],
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The survey office said it would publish its flood maps in June [a1].", "supported"),
        ("The survey office will publish its flood maps in June [a1].", "supported"),
        # an announced "would publish" is no support for a claim that it is done
        ("The survey office has published its flood maps [a1].", "unsupported"),
        ("The survey office has already published its flood maps [a1].", "unsupported"),
        # the present progressive states a plan as "will" does
        ("The ferry company is paying 12 dollars a share for the rival line [a1].", "supported"),
        ("The ferry company paid 12 dollars a share for the rival line [a1].", "unsupported"),
    ],
)
def test_a_claim_is_no_surer_than_an_announcement(claim: str, verdict: str) -> None:
    c = verify(ANNOUNCED, claim).claims[0]
    assert c.verdict == verdict, c.reasons
    if verdict == "unsupported":
        assert [x.name for x in c.checks if x.fired] == ["hedges"], c.reasons


def test_a_shared_name_does_not_place_a_figure() -> None:
    deal = Cluster(
        cluster_id="deal",
        articles=[
            Article(
                id="k1",
                title="Deal",
                text="Kessler Mills will pay a premium of 30 percent over Arden's closing price.",
            ),
            Article(id="k2", title="Shares", text="Shares of Arden rose 12 percent on Tuesday."),
        ],
    )
    # "12 percent" is said of Arden's shares, not of the premium, though both name Arden
    claim = "Kessler Mills will pay a premium of 12 percent over Arden's closing price [k1][k2]."
    c = verify(deal, claim).claims[0]
    assert [x.name for x in c.checks if x.fired] == ["figure_context"], c.reasons
    assert verify(deal, "Shares of Arden rose 12 percent [k2].").claims[0].verdict == "supported"


def test_one_participant_on_both_sides_sinks_a_claim() -> None:
    squad = Cluster(
        cluster_id="squad",
        articles=[
            Article(
                id="s1",
                title="Squad",
                text="The coach left out Marta Vidal and Ines Soler from the squad in 2019.",
            )
        ],
    )
    bad = verify(squad, "The coach left out Marta Vidal and Marta Vidal in 2019 [s1].").claims[0]
    assert [x.name for x in bad.checks if x.fired] == ["roles"], bad.reasons
    ok = verify(squad, "The coach left out Marta Vidal and Ines Soler in 2019 [s1].").claims[0]
    assert ok.verdict == "supported", ok.reasons


def test_a_hedged_subject_is_not_stated_surely() -> None:
    crash = Cluster(
        cluster_id="crash",
        articles=[
            Article(
                id="c1",
                title="Crash",
                text=(
                    "Inspectors said on Friday that the ice may have been a factor in "
                    "Tuesday's derailment near Orlund."
                ),
            )
        ],
    )
    claim = "Inspectors said the ice caused Tuesday's derailment near Orlund [c1]."
    bad = verify(crash, claim).claims[0]
    assert [x.name for x in bad.checks if x.fired] == ["hedges"], bad.reasons
    hedged = "Inspectors said the ice may have caused Tuesday's derailment near Orlund [c1]."
    assert verify(crash, hedged).claims[0].verdict == "supported"


AURORA = load_cluster(ROOT / "evals" / "clusters" / "aurora-lander.json")


def test_two_articles_facts_citing_one_are_misattributed_and_retarget_cites_both() -> None:
    text = (
        "The lander lost contact with Earth for about three hours on Saturday, and the agency "
        "said it would publish its data within six months."
    )
    report = Verifier(AURORA).brief(_brief([Sentence(text=text, citations=["9004"])]))
    c = report.claims[0]
    assert c.verdict == "misattributed", c.reasons
    assert c.suggested_ids == ["9005", "9004"]
    assert "supported once [9005] is cited too" in c.reasons
    fixed, _ = repair([Sentence(text=text, citations=["9004"])], report, "retarget")
    assert Verifier(AURORA).brief(_brief(fixed)).ok


@pytest.mark.parametrize(
    "claim",
    [
        # one statement: the speaker from one article, the words from another
        "Mission director Ingrid Solberg described the finding as exciting but not yet proof "
        "[9005].",
        # two statements, but a figure no article states
        "The lander lost contact with Earth for about three hours on Saturday, and the agency "
        "said it would publish its data within nine months [9004].",
    ],
)
def test_a_swap_or_a_wrong_figure_is_not_completed_by_another_article(claim: str) -> None:
    c = verify(AURORA, claim).claims[0]
    assert c.verdict == "unsupported" and not c.suggested_ids, c.reasons


MILL = Cluster(
    cluster_id="mill-fire",
    articles=[
        Article(
            id="k1",
            title="Fire at Kelso Mill",
            text=(
                "Fire broke out at the old Kelso textile mill in Durrow on Thursday night. "
                "Firefighters used ladders to reach workers trapped on the upper floors of the "
                "mill. Nobody was seriously injured, the fire service said."
            ),
        ),
        Article(
            id="k2",
            title="Kelso Mill Reopens Partly",
            text=(
                "The smoke over Durrow began to clear on Friday, and some workers were allowed "
                "back into the Kelso mill to collect their belongings. The owner said repairs "
                "would take months."
            ),
        ),
        Article(
            id="k3",
            title="Durrow Counts Cost",
            text=(
                "Insurers said the damage at the Kelso mill could reach two million pounds. "
                "The town council offered temporary office space to the mill's tenants."
            ),
        ),
    ],
)


def test_a_joined_statement_only_another_article_carries_is_misattributed() -> None:
    ladders = "Firefighters used ladders to reach workers on the upper floors of the Kelso mill"
    # the citation carries most of the sentence's words, but not its second statement
    c = verify(
        MILL, ladders + ", where some workers were allowed back as the smoke began to clear [k1]."
    ).claims[0]
    assert c.verdict == "misattributed" and c.suggested_ids == ["k2", "k1"], c.reasons
    assert c.score <= 0.25
    assert [k.detail for k in c.checks if k.name == "elsewhere" and k.fired] == [
        "a statement of the claim is not in the cited text but in [k2]"
    ]
    # both statements in the cited article: supported
    ok = verify(MILL, ladders + ", where nobody was seriously injured [k1].").claims[0]
    assert ok.verdict == "supported", ok.reasons


DOCK = Cluster(
    cluster_id="dock-fire",
    articles=[
        Article(
            id="d1",
            title="Blaze at Pellow Dock",
            text=(
                "A fire destroyed a warehouse at Pellow Dock on Sunday. Fire chief Ruth Okafor "
                "said crews had fought the blaze at the warehouse for six hours. The dock's "
                "owner, Marren Shipping, said it would help the inquiry."
            ),
        ),
        Article(
            id="d2",
            title="Workers Warned of Wiring",
            text=(
                "Workers at Pellow Dock had complained for months about faulty wiring, their "
                "union said. Union organiser Sam Pryce said the union had warned the owner "
                "about the wiring in March."
            ),
        ),
        Article(
            id="d3",
            title="Dock Inquiry Opens",
            text=(
                "The harbour authority opened an inquiry into the fire on Monday. Ships were "
                "diverted to the neighbouring port of Callan."
            ),
        ),
    ],
)


def test_a_speaker_of_one_article_put_to_the_words_of_another_is_not_misattributed() -> None:
    # d1 has the speaker and enough words to pass alone, but the words said are d2's
    c = verify(
        DOCK, "Fire chief Ruth Okafor said the union had warned the owner about the wiring [d2]."
    ).claims[0]
    assert c.verdict == "unsupported" and not c.suggested_ids, c.reasons
    # d1 names the speaker but not the words said: it is no source of the claim
    alone = verify(
        DOCK, "Fire chief Ruth Okafor said the union had warned the owner about the wiring [d1]."
    ).claims[0]
    assert alone.verdict == "unsupported" and alone.reasons[0].startswith("invented:")
    # what d1 says on its own is d1's
    c = verify(DOCK, "Fire chief Ruth Okafor said crews had fought the blaze for six hours [d2].")
    assert c.claims[0].verdict == "misattributed" and c.claims[0].suggested_ids == ["d1"]


def test_a_raised_forecast_where_the_article_kept_it_is_unsupported() -> None:
    brewer = Cluster(
        cluster_id="brewer",
        articles=[
            Article(
                id="b1",
                title="Results",
                text="Osterby Brewing sold 4 percent more beer. It kept its forecast for the year.",
            )
        ],
    )
    c = verify(brewer, "Osterby Brewing raised its forecast for the year [b1].").claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == ['the claim says "raised" where the evidence says "kept"']
    ok = verify(brewer, "Osterby Brewing kept its forecast for the year [b1].").claims[0]
    assert ok.verdict == "supported", ok.reasons


def test_a_vote_against_where_the_article_says_for_is_unsupported() -> None:
    council = Cluster(
        cluster_id="council",
        articles=[
            Article(
                id="c1",
                title="Vote",
                text="Four Green councillors voted in favour of the Tarnby bypass on Monday.",
            )
        ],
    )
    c = verify(council, "Four Green councillors voted against the Tarnby bypass [c1].").claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == [
        'the claim says "voted against" where the evidence says "voted in favour of"'
    ]
    assert verify(council, "Four Green councillors backed the Tarnby bypass [c1].").ok


def test_a_vote_against_where_the_article_says_in_favour_alone_is_unsupported() -> None:
    # "will vote in favour," with no "of" after it is a side taken all the same
    council = Cluster(
        cluster_id="council",
        articles=[
            Article(
                id="c1",
                title="Vote",
                text="The levy goes to a vote on May 3. The Harbour Party said it would vote "
                "in favour, while asking for changes.",
            )
        ],
    )
    c = verify(council, "The Harbour Party said it would vote against the levy [c1].").claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == ['the claim says "vote against" where the evidence says "vote in favour"']
    ok = verify(council, "The Harbour Party said it would back the levy, with changes [c1].")
    assert ok.ok, ok.claims[0].reasons


def test_a_claim_surer_than_every_evidence_sentence_is_unsupported() -> None:
    union = Cluster(
        cluster_id="union",
        articles=[
            Article(
                id="u1",
                title="Offer",
                text=(
                    "The Varby dockers' union said it would try to reject the pay offer. "
                    "A vote is expected next week."
                ),
            )
        ],
    )
    c = verify(union, "The Varby dockers' union is certain to reject the pay offer [u1].").claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == ['the claim is certain ("certain to") where the evidence is not']
    hedges = next(x for x in c.checks if x.name == "hedges")
    assert [c.text[s.start : s.end] for s in hedges.spans] == ["certain to"]
    said = "The Varby dockers' union is certain to reject the pay offer."
    sure = Cluster(cluster_id="sure", articles=[Article(id="u1", title="Offer", text=said)])
    assert verify(sure, "The Varby dockers' union is certain to reject the pay offer [u1].").ok


@pytest.mark.parametrize(
    ("claim", "ok"),
    [
        ("The Lundby dividend goes up by 6 cents, to 0.52 euros a share [d1].", True),
        ("The Lundby dividend goes up by 9 cents, to 0.52 euros a share [d1].", False),
        ("The Lundby dividend rose 13% to 0.52 euros a share [d1].", True),
        ("Lundby's margin rose by 3 percentage points [d1].", True),
        ("Lundby's margin rose by 4 percentage points [d1].", False),
    ],
)
def test_a_change_is_held_by_the_difference_of_two_figures_of_its_sentence(
    claim: str, ok: bool
) -> None:
    bank = Cluster(
        cluster_id="lundby",
        articles=[
            Article(
                id="d1",
                title="Dividend",
                text=(
                    "Lundby Savings will pay a dividend of 0.52 euros a share, up from 0.46 "
                    "euros. Its margin rose to 15% from 12% in the year."
                ),
            )
        ],
    )
    c = verify(bank, claim).claims[0]
    assert (c.verdict == "supported") is ok, c.reasons
    if not ok:
        assert c.reasons[0].startswith('number "'), c.reasons


def test_what_appears_to_have_happened_is_no_finding_that_it_did() -> None:
    mill = Cluster(
        cluster_id="mill",
        articles=[
            Article(
                id="m1",
                title="Fire",
                text="Investigators said the Hallow mill fire appeared to have started in a dryer.",
            )
        ],
    )
    c = verify(mill, "Investigators said the Hallow mill fire started in a dryer [m1].").claims[0]
    assert c.verdict == "unsupported"
    assert c.reasons == ['the evidence states this only as a possibility ("appeared to have")']
    hedged = "Investigators said the Hallow mill fire appeared to have started in a dryer [m1]."
    assert verify(mill, hedged).ok
