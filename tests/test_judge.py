from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from llmbrief import load_cases, load_cluster, resolve_model
from llmbrief.citations import ParsedSentence
from llmbrief.client import ChatClient
from llmbrief.llm import make_judge
from llmbrief.load import parse_brief_text
from llmbrief.prompts import load_prompt
from llmbrief.types import Article, Check, ClaimReport, Cluster, Evidence, Report
from llmbrief.verifier import Verifier
from llmbrief.verifier.judge import (
    JUDGE_CHECK,
    MIN_KAPPA,
    Answer,
    JudgeRun,
    LLMJudge,
    Question,
    calibrate,
    claim_support,
    default_style,
    kappa,
    missing_words,
    select_undecided,
    undecided,
)

from .chat_server import ChatServer, Reply, chat_body, error, ok
from .conftest import SEEDS

CHIPS = load_cluster(SEEDS / "china-chips.json")

# A fictional town, written for these tests.
A1 = (
    "The town council of Marlow approved a budget of 40 million dollars on Tuesday. "
    "The plan pays for three new bridges over the river Wend. "
    "Mayor Ines Okafor said building work would begin in the spring."
)
A2 = (
    "The harbour at Marlow reopened on Monday after a week of storms. "
    "Fishing crews returned to sea as the weather cleared."
)
MARLOW = Cluster(
    cluster_id="marlow",
    articles=[
        Article(id="a1", title="Marlow budget", text=A1),
        Article(id="a2", title="Harbour reopens", text=A2),
    ],
)
# 0: fails on coverage alone (a paraphrase); 1: passes, but "dismissed the police chief" is in
# no evidence sentence; 2: a source sentence word for word; 3: a wrong figure (decided offline)
PARAPHRASE = "Marlow's councillors signed off on funding for crossings over the Wend"
ADDED = "The council approved a budget of 40 million dollars and dismissed the police chief"
BRIEF = (
    f"{PARAPHRASE} [a1]. {ADDED} [a1]. "
    "The plan pays for three new bridges over the river Wend [a1]. "
    "The council approved a budget of 50 million dollars on Tuesday [a1]."
)


def marlow_report() -> tuple[list[ParsedSentence], Report]:
    claims = parse_brief_text(BRIEF, MARLOW).claims
    return claims, Verifier(MARLOW).claims(claims)


def minicheck(server: ChatServer, budget: int | None = None) -> LLMJudge:
    settings = resolve_model("bespoke-minicheck", server.url, env={})
    return make_judge(settings, use_cache=False, budget=budget)


def judged(
    judge: LLMJudge, cluster: Cluster, claims: list[ParsedSentence], report: Report
) -> JudgeRun:
    """The judge's run, its HTTP connections closed afterwards."""
    assert isinstance(judge.model, ChatClient)
    with judge.model:
        return judge.run(cluster, claims, report)


# -- which claims are undecided ------------------------------------------------------------


def test_undecided_takes_soft_failures_and_doubtful_passes_only() -> None:
    _, report = marlow_report()
    verdicts = [c.verdict for c in report.claims]
    assert verdicts == ["unsupported", "supported", "supported", "unsupported"]
    assert [undecided(c) for c in report.claims] == [True, True, False, False]
    assert missing_words(report.claims[1]) == ["chief", "dismiss", "polic"]
    assert missing_words(report.claims[2]) == []
    chosen, over = select_undecided(report)
    assert [c.index for c in chosen] == [0, 1] and over == []
    chosen, over = select_undecided(report, budget=1)
    assert [c.index for c in chosen] == [0] and [c.index for c in over] == [1]


def test_undecided_uses_the_score_once_the_checks_fill_it() -> None:
    ev = Evidence(article_id="a1", sentence="Mayor Ines Okafor said so.", start=0, end=26, score=1)
    claim = ClaimReport(
        index=0, text="Mayor Ines Okafor said so [a1].", citations=["a1"], verdict="supported"
    )
    claim.evidence = [ev]
    assert claim_support(claim) == 1.0 and not undecided(claim)  # unscored: the coverage
    scored = claim.model_copy(update={"score": 0.65, "checks": [Check(name="cov", fired=False)]})
    assert claim_support(scored) == 0.65 and undecided(scored)  # in the band below 0.7
    high = scored.model_copy(update={"score": 0.9})
    assert not undecided(high)


def test_default_style_follows_the_model_name() -> None:
    assert default_style("bespoke-minicheck:7b") == "minicheck"
    assert default_style("Bespoke-MiniCheck-7B") == "minicheck"
    assert default_style("gpt-4o-mini") == "chat"


# -- minicheck style -----------------------------------------------------------------------


def test_minicheck_request_shape_one_request_per_claim(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    chat_server.script(ok("Yes"), ok("No"))
    judge = minicheck(chat_server)
    run = judged(judge, MARLOW, claims, report)
    assert len(chat_server.requests) == 2  # the two undecided claims, no more
    bodies = [r["body"] for r in chat_server.requests]
    for body, claim in zip(bodies, [PARAPHRASE, ADDED], strict=True):
        assert body["model"] == "bespoke-minicheck"
        assert body["temperature"] == 0
        assert body["messages"] == [{"role": "user", "content": f"Document: {A1}\nClaim: {claim}."}]
        assert "response_format" not in body
    assert (run.sent, run.overturned, run.upheld, run.errors) == (2, 2, 0, 0)


def test_minicheck_yes_overturns_a_failure_and_no_flips_a_middling_pass(
    chat_server: ChatServer,
) -> None:
    claims, report = marlow_report()
    chat_server.script(ok("Yes"), ok("No."))
    judge = minicheck(chat_server)
    reviewed = judged(judge, MARLOW, claims, report).report
    rescued, flipped = reviewed.claims[0], reviewed.claims[1]
    assert rescued.verdict == "supported" and rescued.reasons == []
    assert rescued.checks[-1] == Check(
        name=JUDGE_CHECK, fired=False, detail="bespoke-minicheck: Yes"
    )
    assert rescued.notes[-1].startswith("llm judge overturned unsupported (only 30%")
    assert flipped.verdict == "unsupported"
    assert flipped.checks[-1] == Check(name=JUDGE_CHECK, fired=True, detail="bespoke-minicheck: No")
    assert flipped.reasons == ["llm judge bespoke-minicheck: No"]
    # the decided claims are left alone, and the report's counts follow the new verdicts
    assert reviewed.claims[2:] == report.claims[2:]
    assert reviewed.counts["supported"] == 2 and reviewed.counts["unsupported"] == 2


def test_minicheck_server_errors_leave_the_verdicts_and_stop_asking(
    chat_server: ChatServer,
) -> None:
    claims, report = marlow_report()
    fast = {"retry-after-ms": "1"}
    chat_server.script(error(500, headers=fast), error(500, headers=fast))
    settings = resolve_model("bespoke-minicheck", chat_server.url, env={})
    client = ChatClient(settings, max_attempts=2)
    with client:
        run = LLMJudge(client, load_prompt("verify_judge_minicheck"), style="minicheck").run(
            MARLOW, claims, report
        )
    assert len(chat_server.requests) == 2  # two attempts for the first claim, then it stops
    assert (run.sent, run.overturned, run.upheld, run.errors) == (2, 0, 0, 2)
    assert [c.verdict for c in run.report.claims] == [c.verdict for c in report.claims]
    for c in run.report.claims[:2]:
        check = c.checks[-1]
        assert check.name == JUDGE_CHECK and not check.fired
        assert check.detail.startswith("error: ") and "HTTP 500" in check.detail
        assert c.notes[-1].startswith("llm judge error: ")
    assert "not asked after an earlier failure" in run.report.claims[1].checks[-1].detail


def test_minicheck_unreadable_reply_and_refusal_are_errors(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    refusal = chat_body("")
    refusal["choices"][0]["message"]["refusal"] = "I cannot help with that."
    chat_server.script(ok("Maybe, it depends"), Reply(body=refusal))
    judge = minicheck(chat_server)
    run = judged(judge, MARLOW, claims, report)
    assert run.errors == 2 and run.overturned == 0
    assert [c.verdict for c in run.report.claims] == [c.verdict for c in report.claims]
    details = [c.checks[-1].detail for c in run.report.claims[:2]]
    assert details[0] == "error: unreadable reply 'Maybe, it depends' (expected Yes or No)"
    assert details[1] == "error: the judge refused: I cannot help with that."


def test_minicheck_budget_caps_the_requests(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    chat_server.script(ok("Yes"), ok("Yes"))
    judge = minicheck(chat_server, budget=1)
    run = judged(judge, MARLOW, claims, report)
    assert len(chat_server.requests) == 1
    assert PARAPHRASE in chat_server.requests[0]["body"]["messages"][0]["content"]
    assert (run.sent, run.over_budget) == (1, 1)
    assert not [c for c in run.report.claims[1].checks if c.name == "llm_judge"]  # over budget


# -- chat style ----------------------------------------------------------------------------


def test_chat_judge_batches_per_article_with_json_verdicts(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    verdicts = [
        {"claim": 1, "supported": True, "explanation": "the council approved the bridges"},
        {"claim": 2, "supported": False, "explanation": "no police chief is mentioned"},
    ]
    chat_server.script(ok(json.dumps({"verdicts": verdicts})))
    judge = make_judge(resolve_model("gpt-4o-mini", chat_server.url, env={}), use_cache=False)
    assert judge.style == "chat"
    run = judged(judge, MARLOW, claims, report)
    assert len(chat_server.requests) == 1  # both cite [a1]: one request
    body = chat_server.requests[0]["body"]
    assert body["messages"][0]["role"] == "system"
    assert body["response_format"]["type"] == "json_schema"
    sent = body["messages"][1]["content"]
    assert sent.startswith('<article id="a1">\n' + A1)
    assert f"1. {PARAPHRASE}." in sent and f"2. {ADDED}." in sent and "50 million" not in sent
    rescued, flipped = run.report.claims[0], run.report.claims[1]
    assert rescued.verdict == "supported"
    assert rescued.checks[-1].detail == "gpt-4o-mini: supported: the council approved the bridges"
    assert flipped.verdict == "unsupported" and flipped.checks[-1].fired
    assert flipped.reasons == ["llm judge gpt-4o-mini: unsupported: no police chief is mentioned"]


def test_chat_judge_missing_or_unreadable_verdicts_are_errors(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    only_one = {"verdicts": [{"claim": 1, "supported": False, "explanation": "not stated"}]}
    chat_server.script(ok(json.dumps(only_one)), ok("not json"))
    judge = make_judge(resolve_model("gpt-4o-mini", chat_server.url, env={}), use_cache=False)
    first = judged(judge, MARLOW, claims, report)
    second = judged(judge, MARLOW, claims, report)
    assert (first.upheld, first.errors) == (1, 1)
    assert first.report.claims[1].checks[-1].detail == (
        "error: the reply has no verdict for this claim"
    )
    assert first.report.claims[1].verdict == "supported"
    assert second.errors == 2
    for c in second.report.claims[:2]:
        assert c.checks[-1].detail.startswith("error: unreadable reply")
    assert [c.verdict for c in second.report.claims] == [c.verdict for c in report.claims]


def test_judge_on_the_seed_sees_only_the_cited_article(chat_server: ChatServer) -> None:
    text = (
        "Pudong earmarked cash for fabs and machine learning [43531]. "
        "Pudong launched a $12 billion plan [43531]."
    )
    claims = parse_brief_text(text, CHIPS).claims
    report = Verifier(CHIPS).claims(claims)
    assert undecided(report.claims[0]) and not undecided(report.claims[1])
    chat_server.script(ok("Yes"))
    judge = minicheck(chat_server)
    reviewed = judged(judge, CHIPS, claims, report).report
    content = chat_server.requests[0]["body"]["messages"][0]["content"]
    article = CHIPS.article("43531")
    assert article is not None
    assert content == f"Document: {article.text}\nClaim: {claims[0].text}"
    assert reviewed.claims[0].verdict == "supported"
    assert reviewed.claims[1].verdict == report.claims[1].verdict


# -- calibration ---------------------------------------------------------------------------


def test_kappa_of_a_hand_table() -> None:
    # observed 0.85; chance (50*45 + 50*55) / 100^2 = 0.5; kappa (0.85 - 0.5) / 0.5 = 0.7
    table = {
        "supported": {"supported": 40, "unsupported": 10},
        "unsupported": {"supported": 5, "unsupported": 45},
    }
    assert kappa(table) == 0.7
    constant = {
        "supported": {"supported": 3, "unsupported": 0},
        "unsupported": {"supported": 0, "unsupported": 0},
    }
    assert kappa(constant) == 0.0  # undefined: reported as 0, never NaN


def _case(n: int, claim: str, label: str) -> dict[str, Any]:
    return {"id": f"c{n}", "claim": claim, "sources": [{"id": "a1", "text": A1}], "label": label}


def test_calibrate_counts_agreement_and_errors(chat_server: ChatServer, tmp_path: Path) -> None:
    cases = [
        _case(1, "Marlow's council approved a budget [a1].", "supported"),
        _case(2, "Three bridges will cross the Wend.", "supported"),
        _case(3, "Ines Okafor is the mayor of Marlow.", "supported"),
        _case(4, "The budget is 60 million dollars.", "unsupported"),
        _case(5, "The council rejected the budget.", "unsupported"),
        _case(6, "Work begins in the autumn.", "unsupported"),
        _case(7, "Four bridges are planned.", "unsupported"),
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    # judge:        Yes        Yes        No         No        No        Yes       unreadable
    chat_server.script(ok("Yes"), ok("Yes"), ok("No"), ok("No"), ok("No"), ok("Yes"), ok("Hmm"))
    judge = minicheck(chat_server)
    assert isinstance(judge.model, ChatClient)
    with judge.model:
        cal = calibrate(judge, load_cases(path))
    assert len(chat_server.requests) == 7
    first = chat_server.requests[0]["body"]["messages"][0]["content"]
    assert first.endswith("\nClaim: Marlow's council approved a budget.")  # marker taken out
    # judged 6: supported row 2 agree / 1 not; unsupported row 2 agree / 1 not.
    # observed 4/6; chance (3*3 + 3*3) / 36 = 0.5; kappa (2/3 - 1/2) / (1/2) = 1/3
    assert cal.confusion == {
        "supported": {"supported": 2, "unsupported": 1},
        "unsupported": {"supported": 1, "unsupported": 2},
    }
    assert (cal.n, cal.judged, cal.errors) == (7, 6, 1)
    assert cal.true_positive_rate == 0.6667 and cal.true_negative_rate == 0.6667
    assert cal.agreement == 0.6667 and cal.kappa == 0.3333
    assert cal.disagreements == ["c3", "c6"]
    assert not cal.can_gate and cal.as_dict()["min_kappa"] == MIN_KAPPA
    assert (cal.model, cal.style) == ("bespoke-minicheck", "minicheck")


def test_calibrate_a_judge_that_agrees_can_gate(chat_server: ChatServer) -> None:
    dev = load_cases(Path(__file__).parent.parent / "evals" / "verifier_dev.jsonl")
    cases = [c for c in dev if c.label == "supported"][:3]
    cases += [c for c in dev if c.label == "unsupported"][:3]
    chat_server.script(*(ok("Yes" if c.label == "supported" else "No") for c in cases))
    judge = minicheck(chat_server)
    assert isinstance(judge.model, ChatClient)
    with judge.model:
        cal = calibrate(judge, cases)
    assert (cal.n, cal.judged, cal.errors) == (6, 6, 0)
    assert cal.agreement == 1.0 and cal.kappa == 1.0 and cal.can_gate


def test_budget_zero_sends_nothing(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    judge = minicheck(chat_server, budget=0)
    run = judged(judge, MARLOW, claims, report)
    assert chat_server.requests == [] and run.sent == 0 and run.over_budget == 2
    assert run.report == report


def test_a_refused_request_is_an_error_for_that_claim_only(chat_server: ChatServer) -> None:
    claims, report = marlow_report()
    chat_server.script(error(400, code="context_length_exceeded"), ok("No"))
    run = judged(minicheck(chat_server), MARLOW, claims, report)
    assert len(chat_server.requests) == 2  # a 400 is this request's problem, not the endpoint's
    assert run.report.claims[0].checks[-1].detail.startswith("error: bespoke-minicheck at ")
    assert "HTTP 400 context_length_exceeded" in run.report.claims[0].checks[-1].detail
    assert run.report.claims[0].verdict == "unsupported"
    assert run.report.claims[1].verdict == "unsupported"  # the judge's No
    assert (run.errors, run.overturned) == (1, 1)


def test_minicheck_asks_one_sentence_at_a_time(chat_server: ChatServer) -> None:
    two = "The council approved a budget. Work begins in the spring."
    chat_server.script(ok("Yes"), ok("No"), ok("No"))
    judge = minicheck(chat_server)
    assert isinstance(judge.model, ChatClient)
    with judge.model:
        answers = judge.ask(
            [Question(("a1",), (A1,), two), Question(("a1",), (A1,), "Four bridges are planned.")]
        )
    sent = [r["body"]["messages"][0]["content"] for r in chat_server.requests]
    assert sent == [
        f"Document: {A1}\nClaim: The council approved a budget.",
        f"Document: {A1}\nClaim: Work begins in the spring.",
        f"Document: {A1}\nClaim: Four bridges are planned.",
    ]
    assert answers == [
        Answer(False, "bespoke-minicheck: No"),  # one sentence unsupported: the claim is
        Answer(False, "bespoke-minicheck: No"),
    ]
