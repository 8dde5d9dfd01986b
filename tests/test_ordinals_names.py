"""Ordinals that are no figures (a word of a name, "from the first day", the first of a
repeat the sources name) and names placed by their article (the full name written
possessive, the headline): what a good sentence must not trip, what a wrong one must."""

from __future__ import annotations

import pytest

from llmbrief import Article, Cluster, verify

VOTE = Cluster(
    cluster_id="vote",
    articles=[
        Article(
            id="v1",
            title="Ekwe Edges Marlow Mayoral Race as Dunn Demands Recount",
            text=(
                "Nadia Ekwe, the Marlow First candidate, won 20,114 votes to Mr Dunn's "
                "19,980 when the result was announced on Friday. Mr Dunn, who has led the "
                "council since 2018, demanded a full recount. Eastgate is seen as a Civic "
                "Party stronghold. Mr Dunn won the ward by more than 900 votes in 2022. "
                "Ms Ekwe said she came second in the 2022 race. Turnout was 41 per cent, up "
                "from 37 per cent. The new mayor takes office on 18 May. Peter Dunn's "
                "campaign said it was taking legal advice."
            ),
        ),
        Article(
            id="v2",
            title="Ferry Firm Boss Tells MPs of Refund Plan",
            text=(
                "Harlow Ferries will refund every passenger on a cancelled sailing, its chief "
                "executive, Ola Brandt, told a parliamentary committee on Thursday. Passengers "
                "on cancelled sailings could rebook free of charge or claim a full refund, the "
                "company said."
            ),
        ),
    ],
)


def _fired(claim: str) -> dict[str, str]:
    c = verify(VOTE, claim).claims[0]
    return {x.name: x.detail for x in c.checks if x.fired}


@pytest.mark.parametrize(
    "claim",
    [
        # a capitalised ordinal inside a name is a word of the name
        "Nadia Ekwe of Marlow First won 20,114 votes to Dunn's 19,980 [v1].",
        # "the first count" where the source writes its "recount"
        "The first count gave Ekwe 20,114 votes to Dunn's 19,980 [v1].",
        # "from the first day" tells from when, not a rank
        "From the first day, passengers on cancelled sailings could rebook free of charge "
        "or claim a full refund [v2].",
    ],
)
def test_an_ordinal_that_is_no_figure_passes(claim: str) -> None:
    fired = _fired(claim)
    assert not {"figures", "figure_context"} & fired.keys(), fired


@pytest.mark.parametrize(
    "claim",
    [
        # a rank the source contradicts: she came second
        "Ms Ekwe said she came first in the 2022 race [v1].",
        # a rank the source never states ("first" is no repeat of anything it names)
        "On the first day, passengers on cancelled sailings could rebook free of charge "
        "or claim a full refund [v2].",
        "Ekwe is the first mayor from the Marlow First group [v1].",
    ],
)
def test_an_ordinal_that_ranks_must_be_found(claim: str) -> None:
    fired = _fired(claim)
    assert {"figures", "figure_context"} & fired.keys(), fired


def test_a_first_name_is_placed_by_the_full_name_written_possessive() -> None:
    # the window says "Mr Dunn"; "Peter Dunn's campaign" gives his first name
    fired = _fired(
        "Eastgate is a Civic Party stronghold, and Peter Dunn won the ward in 2022 [v1]."
    )
    assert not {"names", "name_context"} & fired.keys(), fired
    # another first name is not his
    fired = _fired("Eastgate is a Civic Party stronghold, and Paul Dunn won the ward in 2022 [v1].")
    assert "names" in fired, fired


def test_the_headline_places_a_name_as_the_lead_does() -> None:
    claim = "Harlow Ferries will refund every passenger, chief executive Ola Brandt told MPs [v2]."
    fired = _fired(claim)
    assert not {"names", "name_context"} & fired.keys(), fired
    # a name neither the headline nor the text writes is still missing
    fired = _fired(claim.replace("MPs", "MEPs"))
    assert "names" in fired, fired
