from __future__ import annotations

import json

from llmbrief import load_cluster, resolve_model
from llmbrief.client import ChatClient
from llmbrief.load import parse_brief_text
from llmbrief.prompts import load_prompt
from llmbrief.verifier import Verifier
from llmbrief.verifier.judge import LLMJudge, undecided

from .chat_server import ChatServer, ok
from .conftest import SEEDS

CHIPS = load_cluster(SEEDS / "china-chips.json")


def test_judge_reviews_only_undecided_claims_batched_per_article(chat_server: ChatServer) -> None:
    text = (
        "Pudong earmarked cash for fabs and machine learning [43531]. "
        "Pudong launched a $12 billion plan [43531]."
    )
    claims = parse_brief_text(text, CHIPS).claims
    report = Verifier(CHIPS).claims(claims)
    assert undecided(report.claims[0]) and not undecided(report.claims[1])
    chat_server.script(
        ok(json.dumps({"verdicts": [{"claim": 1, "supported": True, "explanation": "stated"}]}))
    )
    settings = resolve_model("gpt-4o-mini", chat_server.url, api_key="k")
    with ChatClient(settings) as client:
        reviewed = LLMJudge(client, load_prompt("verify_judge")).review(CHIPS, claims, report)
    assert len(chat_server.requests) == 1
    sent = chat_server.requests[0]["body"]["messages"][1]["content"]
    assert "1. Pudong earmarked" in sent and "$12 billion" not in sent
    assert reviewed.claims[0].verdict == "supported"
    assert reviewed.claims[0].notes == ["llm judge: stated"]
    assert reviewed.claims[1].verdict == report.claims[1].verdict
