"""Relations: who did what to whom (fictional sentences written for these tests)."""

from __future__ import annotations

import pytest

from llmbrief.verifier.relations import (
    RoleClash,
    body_clash,
    name_lexicon,
    owner_clash,
    paragraph_before,
    role_clash,
    self_pairing,
    speaker_clash,
    titled_names,
)

FINAL = "Lindqvist beat Okafor in the final of the Harbour Open on Sunday."


def _clash(claim: str, evidence: str, names: frozenset[str] = frozenset()) -> RoleClash:
    found = role_clash(claim, evidence, names)
    assert found is not None, claim
    return found


def test_swapped_roles_are_caught_with_spans() -> None:
    claim = "Okafor beat Lindqvist in the final."
    found = _clash(claim, FINAL)
    assert found.reason.startswith("roles swapped")
    assert '"Okafor beat Lindqvist"' in found.reason
    assert '"Lindqvist beat Okafor"' in found.reason
    assert [claim[a:b] for a, b in found.claim_spans] == ["Okafor", "beat", "Lindqvist"]
    assert [FINAL[a:b] for a, b in found.evidence_spans] == ["Lindqvist", "beat", "Okafor"]


def test_the_right_order_passes() -> None:
    assert role_clash("Lindqvist beat Okafor in the final.", FINAL) is None
    assert role_clash("Lindqvist has beaten Okafor in the final.", FINAL) is None


@pytest.mark.parametrize(
    ("claim", "clash"),
    [
        ("Okafor was beaten by Lindqvist in the final.", False),
        ("Lindqvist was beaten by Okafor in the final.", True),
    ],
)
def test_passive_voice_in_the_claim(claim: str, clash: bool) -> None:
    assert (role_clash(claim, FINAL) is not None) == clash


def test_passive_voice_in_the_evidence() -> None:
    evidence = "Okafor was beaten by Lindqvist in the final on Sunday."
    assert role_clash("Lindqvist beat Okafor in the final.", evidence) is None
    assert role_clash("Okafor beat Lindqvist in the final.", evidence) is not None


def test_the_converse_verb_is_read_the_other_way_round() -> None:
    assert role_clash("Okafor lost to Lindqvist in the final.", FINAL) is None
    found = _clash("Lindqvist lost to Okafor in the final.", FINAL)
    assert found.reason.startswith("roles swapped")


def test_paraphrase_with_the_same_roles_passes() -> None:
    evidence = (
        "Brannock Mills was sued by Velmar on Monday over the unpaid dredging fees, "
        "court papers show."
    )
    assert role_clash("Velmar sued Brannock Mills over unpaid dredging fees.", evidence) is None
    assert role_clash("Brannock Mills sued Velmar over unpaid fees.", evidence) is not None
    # other words for the same relation: nothing shared to compare, so nothing said
    assert role_clash("Velmar took Brannock Mills to court over the fees.", evidence) is None


def test_possessive_and_against() -> None:
    evidence = "Corrin's lawsuit against Veltra Foods was filed in March."
    assert role_clash("Corrin's lawsuit against Veltra Foods began in March.", evidence) is None
    found = _clash("Veltra Foods' lawsuit against Corrin began in March.", evidence)
    assert "roles swapped" in found.reason


def test_wrong_doer_named_as_the_one_done_to() -> None:
    evidence = "Lindqvist won 14 of the final 18 games and broke Okafor's serve twice."
    found = _clash("Okafor won 14 of the final 18 games.", evidence)
    assert found.reason.startswith("wrong doer")
    assert role_clash("Lindqvist won 14 of the final 18 games.", evidence) is None


def test_an_unnamed_doer_cannot_rule_the_claim_out() -> None:
    evidence = "The 22-year-old won 14 of the final 18 games against Okafor."
    assert role_clash("Lindqvist won 14 of the final 18 games.", evidence) is None


def test_reversed_contest() -> None:
    evidence = "Carver beat Harlow in the semi-final at Denton Park."
    found = _clash("Harlow beat Mercer in the semi-final.", evidence)
    assert found.reason.startswith("reversed")


def test_figures_in_order() -> None:
    evidence = "Unemployment in Osterby fell from 5.3% to 4.1% in March."
    assert role_clash("Unemployment in Osterby fell from 5.3% to 4.1%.", evidence) is None
    assert role_clash("Unemployment in Osterby rose from 4.1% to 5.3%.", evidence) is not None


def test_lower_cased_claim_uses_the_articles_names() -> None:
    article = "Lindqvist beat Okafor in the final. Okafor had won the semi-final. " + FINAL
    names = name_lexicon(article)
    assert {"lindqvist", "okafor"} <= names
    swapped = _clash("okafor beat lindqvist in the final .", FINAL, names)
    assert swapped.reason.startswith("roles swapped")
    assert role_clash("lindqvist beat okafor in the final .", FINAL, names) is None
    assert role_clash("lindqvist 's win over okafor in the final .", FINAL, names) is None


def test_an_aside_between_commas_keeps_the_doer() -> None:
    evidence = "Lindqvist, the 24-year-old from Osterby, beat Okafor on Sunday."
    assert role_clash("Okafor beat Lindqvist on Sunday.", evidence) is not None
    assert role_clash("Lindqvist beat Okafor on Sunday.", evidence) is None


def test_a_pronoun_or_a_clause_in_the_way_says_nothing() -> None:
    assert role_clash("Okafor beat Lindqvist.", "After the rain, she beat Okafor.") is None
    evidence = "Lindqvist, who said Okafor was tired, beat her in the final."
    assert role_clash("Okafor beat Lindqvist.", evidence) is None


def test_symmetric_relations_and_agreeing_readings_pass() -> None:
    met = "Lindqvist met Okafor in Osterby on Friday."
    assert role_clash("Okafor met Lindqvist in Osterby.", met) is None
    both = "Okafor beat Lindqvist in March. Lindqvist beat Okafor in the final in May."
    assert role_clash("Lindqvist beat Okafor in the final.", both) is None


@pytest.mark.parametrize(
    "claim",
    [
        "The weather in the valley was mild and dry.",
        "Lindqvist won the final.",
        "the council approved the plan on tuesday .",
        "",
    ],
)
def test_no_two_participants_means_none(claim: str) -> None:
    assert role_clash(claim, FINAL) is None


def test_name_lexicon_leaves_out_words_also_written_in_lowercase() -> None:
    names = name_lexicon("Police said Lindqvist had left. The police in Osterby agreed.")
    assert names == frozenset({"lindqvist", "osterby"})


def test_describing_words_and_particles_before_the_name() -> None:
    evidence = (
        "Okafor, the second seed, had knocked out the defending champion Mei Tanaka "
        "in the semi-finals."
    )
    found = _clash("Tanaka had knocked out Okafor in the semi-finals.", evidence)
    assert found.reason.startswith("roles swapped")
    assert role_clash("Okafor knocked out Tanaka in the semi-finals.", evidence) is None


def test_a_name_with_of_is_one_participant() -> None:
    evidence = "Brannock's lawsuit against the Velmar Chamber of Commerce is still pending."
    claim = "The Velmar Chamber of Commerce's lawsuit against Brannock is pending."
    assert (
        '"Velmar Chamber of Commerce\'s lawsuit against Brannock"' in _clash(claim, evidence).reason
    )
    assert role_clash("Brannock's lawsuit against the Chamber of Commerce.", evidence) is None


def test_of_right_after_the_relation_word_is_read_only_after_a_possessive() -> None:
    evidence = "Osterby's invasion of Velmar began in 1931."
    assert role_clash("Velmar's invasion of Osterby began in 1931.", evidence) is not None
    assert role_clash("Osterby's invasion of Velmar began in 1931.", evidence) is None
    # "Velmar invasion of Osterby": either could be the invader, so nothing is said
    assert role_clash("The Velmar invasion of Osterby began in 1931.", evidence) is None


QUOTES = [
    (0, "Harbour Open champion Lindqvist said the final had been the hardest match of her life."),
    (88, "Okafor, the runner-up, said she would return next year to win the title."),
]


def test_words_put_in_another_speakers_mouth_are_caught() -> None:
    claim = "Okafor said the Harbour Open final had been the hardest match of her life."
    found = speaker_clash(claim, QUOTES)
    assert found is not None and found.reason.startswith("wrong speaker")
    assert [claim[a:b] for a, b in found.claim_spans] == ["Okafor", "said"]
    start, text = QUOTES[0]
    assert [text[a - start : b - start] for a, b in found.evidence_spans] == ["Lindqvist", "said"]


@pytest.mark.parametrize(
    "claim",
    [
        "Lindqvist said the Harbour Open final had been the hardest match of her life.",
        "The Harbour Open final had been the hardest match of her life, said Lindqvist.",
        "Fans and the champion, Lindqvist, said the final had been the hardest match of her life.",
        "She said the Harbour Open final had been the hardest match of her life.",  # unnamed
        "okafor said the harbour open final had been the hardest match of her life.",  # lower
    ],
)
def test_the_right_speaker_or_no_named_one_passes(claim: str) -> None:
    assert speaker_clash(claim, QUOTES) is None


FERRY = (
    "The Marisol's captain has been suspended, Baltline said. "
    "The Bentham chief engineer was praised."
)


@pytest.mark.parametrize(
    ("claim", "clash"),
    [
        ("The Bentham's captain has been suspended by Baltline.", True),
        ("The Marisol's captain has been suspended by Baltline.", False),
        ("The Bentham's chief engineer was praised by Baltline.", False),  # "Bentham chief"
        ("Baltline's captain has been suspended at Vessby.", True),
        ("The captain of the Marisol has been suspended by Baltline.", False),
    ],
)
def test_a_thing_given_to_another_owner(claim: str, clash: bool) -> None:
    found = owner_clash(claim, FERRY)
    assert (found is not None) == clash, found
    if found is not None:
        assert found.reason.startswith("wrong owner")


def test_the_subject_of_agreed_to_is_the_doer() -> None:
    evidence = "Orvane Foods agreed on Tuesday to buy the regional dairy group Pellham Dairy."
    found = role_clash("Pellham Dairy agreed on Tuesday to buy Orvane Foods.", evidence)
    assert found is not None and found.reason.startswith("roles swapped")
    assert role_clash("Orvane Foods agreed to buy Pellham Dairy on Tuesday.", evidence) is None


@pytest.mark.parametrize(
    ("claim", "clash"),
    [
        ("Varga joined Kestrel City from Rovers last summer.", True),
        ("Varga joined Rovers from Kestrel City last summer.", False),
        ("Varga moved from Kestrel City to Rovers last summer.", False),
    ],
)
def test_from_orders_where_to_and_where_from(claim: str, clash: bool) -> None:
    evidence = "Varga, 22, joined Rovers from Kestrel City last summer for a fee."
    assert (role_clash(claim, evidence) is not None) == clash


@pytest.mark.parametrize(
    ("claim", "fires"),
    [
        ("Alan Shearer and Alan Shearer were left out in 1999.", True),
        ("Defoe scored for Kestrel City against Kestrel City in January.", True),
        ("Defoe scored for Kestrel City against Halden Rovers in January.", False),
        ("Alan Shearer and Andy Cole were left out in 1999.", False),
        # a single repeated word joined by "and" is an idiom, not two participants
        ("Prices rose more and more over the year.", False),
        ("The war set brother against brother.", False),
    ],
)
def test_one_participant_on_both_sides(claim: str, fires: bool) -> None:
    evidence = "The Dutchman left out Alan Shearer in 1999. Defoe scored twice in January."
    clash = self_pairing(claim, evidence)
    assert (clash is not None) == fires
    if clash is not None:
        start, end = clash.claim_spans[0]
        assert claim[start:end].lower().count(" and ") + claim[start:end].count(" against ") == 1


def test_a_pairing_the_evidence_writes_is_no_clash() -> None:
    text = "The final was Kestrel City against Kestrel City reserves."
    assert self_pairing(text, text) is None


def test_titles_are_read_right_before_a_name() -> None:
    names = frozenset({"okoye", "dunmore", "ilic"})
    found = titled_names("dunmore manager ruth okoye said", names)
    # "ruth" is no name of the article: the title may stand one word further back
    assert [(t.title, t.name) for t in found] == [("manager", "okoye")]
    cased = titled_names("Former striker Pavel Ilic said it.")
    assert [(t.title, t.name, sorted(t.keys)) for t in cased] == [
        ("striker", "Pavel Ilic", ["ilic", "pavel"])
    ]
    # a word between ("a pundit, Ilic") or no title word at all: nothing to read
    assert titled_names("The manager, Ruth Okoye, said it.") == []
    assert titled_names("Dunmore beat Harlow on Saturday.") == []


class _Sentence:
    """A sentence of an article as the index keeps it: where it starts and its text."""

    def __init__(self, text: str, piece: str) -> None:
        self.start, self.text = text.index(piece), piece


COUNCIL_SENTENCES = [
    "The council met on Monday.",
    '"We cannot keep every pool open," said Ada Venn, the treasurer.',
    '"The harbour baths will close in the spring to save money."',
    "Councillor Tomas Brill said the baths must stay open.",
]
COUNCIL = "\n\n".join(
    [COUNCIL_SENTENCES[0], " ".join(COUNCIL_SENTENCES[1:3]), COUNCIL_SENTENCES[3]]
)


def _continued(claim: str, at: int) -> RoleClash | None:
    sents = [_Sentence(COUNCIL, x) for x in COUNCIL_SENTENCES]
    window = [(0, sents[at].text)]
    return speaker_clash(
        claim,
        window,
        name_lexicon(COUNCIL),
        lambda i: paragraph_before(COUNCIL, sents, at, sents[at].start, i),
    )


def test_a_quote_without_its_own_speaker_is_said_by_the_one_it_continues() -> None:
    baths = '"The harbour baths will close in the spring to save money," said '
    found = _continued(baths + "Tomas Brill.", 2)
    assert found is not None and found.reason.startswith("wrong speaker"), found
    # the evidence spans are in the sentence of the quote it continues, before the window
    start = COUNCIL.index(COUNCIL_SENTENCES[2])
    assert [COUNCIL[start + a : start + b] for a, b in found.evidence_spans] == ["said", "Ada Venn"]
    # the right speaker, one sharing a word with it, or a sentence with its own speaker
    assert _continued(baths + "Ada Venn.", 2) is None
    assert _continued(baths + "Treasurer Venn.", 2) is None
    assert _continued("Treasurer Ada Venn said the baths must stay open.", 3) is not None
    assert _continued("The baths must stay open, Tomas Brill said.", 3) is None
    # across a paragraph break nothing is continued
    assert _continued('"The council met on Monday," said Tomas Brill.', 0) is None


TITLED = [(0, '"The harbour baths will close in the spring," said council treasurer Ada Venn.')]


def test_the_speaker_after_a_title_is_the_person_it_names() -> None:
    found = speaker_clash('"The harbour baths will close in the spring," said Tomas Brill.', TITLED)
    assert found is not None and found.reason.startswith("wrong speaker"), found
    assert "Ada Venn" in found.reason
    assert (
        speaker_clash('"The harbour baths will close in the spring," said Ada Venn.', TITLED)
        is None
    )
    party = [(0, '"The harbour baths will close," said Civic Party leader Karl Obuya.')]
    found = speaker_clash('"The harbour baths will close," said Mayor Ada Venn.', party)
    assert found is not None and "Karl Obuya" in found.reason, found


def test_an_organisation_the_article_also_writes_in_lower_case_is_part_of_the_title() -> None:
    # "Party" is no name of this article ("his party"), yet "Civic Party leader" is a title
    said = '"The harbour baths will close," said Civic Party leader Karl Obuya.'
    article = said + " Obuya said his party would fight the plan."
    found = speaker_clash(
        '"The harbour baths will close," said Mayor Ada Venn.', [(0, said)], name_lexicon(article)
    )
    assert found is not None and 'the source says "said Civic Party leader Karl Obuya"' in (
        found.reason
    ), found


TRIBUNAL = "Arbiter Nell Varga sided with the Dockers Union, which had sued Portline in May."


@pytest.mark.parametrize(
    ("claim", "clash"),
    [
        ("Arbiter Nell Varga sided with Portline against the Dockers Union.", True),
        ("Arbiter Nell Varga sided with the Dockers Union against Portline.", False),
        ("Arbiter Nell Varga ruled in favour of Portline against the Dockers Union.", False),
    ],
)
def test_the_side_taken_against_the_one_the_source_names(claim: str, clash: bool) -> None:
    found = role_clash(claim, TRIBUNAL)
    assert (found is not None) is clash, claim
    if found is not None:
        assert found.reason.startswith('roles swapped: the claim says "sided with Portline')


def test_the_side_the_source_takes_against_the_claims() -> None:
    evidence = "Arbiter Nell Varga sided with the Dockers Union against Portline."
    assert role_clash("Arbiter Nell Varga sided with Portline.", evidence) is not None
    assert role_clash("Arbiter Nell Varga sided with the Dockers Union.", evidence) is None


def test_a_definite_description_given_to_another_name() -> None:
    evidence = (
        "Norvik Air, the region's biggest airline with 90 jets, said it would appeal. "
        "Baltrow, which flies 30 jets, said nothing."
    )
    found = owner_clash("Baltrow, the region's biggest airline, flies 90 jets.", evidence)
    assert found is not None
    assert found.reason.startswith('wrong owner: the claim says "Baltrow, the region')
    assert owner_clash("Norvik Air, the region's biggest airline, flies 90 jets.", evidence) is None


def test_a_date_before_a_description_is_no_name() -> None:
    # "until July, the firm hired to ... said": no apposition of July
    evidence = "Work could last until July, the firm hired to inspect the bridge said on Friday."
    claim = "Kelso Survey, the firm hired to inspect the bridge, said work could last until July."
    assert owner_clash(claim, evidence) is None


COUNCIL_DAY = [
    (0, "Treasurer Ilse Marr said the budget would be balanced by 2027."),
    (63, '"We will not raise the parking fees," Marr told the council.'),
]


def test_words_a_named_speaker_never_says_are_invented() -> None:
    claim = "Ilse Marr said the library would close on Sundays."
    found = speaker_clash(claim, COUNCIL_DAY, article=[t for _, t in COUNCIL_DAY])
    assert found is not None
    assert found.reason.startswith("invented: where the source names the speaker it does not")


def test_what_the_speaker_says_elsewhere_in_the_article_is_not_invented() -> None:
    claim = "Ilse Marr said the library would close on Sundays."
    article = [t for _, t in COUNCIL_DAY] + ["She said the library would close on Sundays."]
    assert speaker_clash(claim, COUNCIL_DAY, article=article) is None
    said = "Ilse Marr said the parking fees would not be raised."
    assert speaker_clash(said, COUNCIL_DAY, article=[t for _, t in COUNCIL_DAY]) is None


def test_what_another_cited_report_of_the_speaker_says_is_not_invented() -> None:
    # two cited reports of one meeting: the window of the first names Marr, the second
    # window says what she said there
    claim = "Treasurer Ilse Marr said the library would close on Sundays to save money."
    article = [t for _, t in COUNCIL_DAY]
    other = ["Marr told councillors the library would close on Sundays to save money."]
    assert speaker_clash(claim, COUNCIL_DAY, article=article, cited=article + other) is None
    found = speaker_clash(claim, COUNCIL_DAY, article=article, cited=article)
    assert found is not None and found.reason.startswith("invented")


FARM = [
    (0, "Marsh Farm is owned by the brothers Tomas and Elis Marsh, and by their aunt."),
    (77, '"We kept every rule on hygiene," Tomas Marsh said at the gate.'),
]


def test_a_quote_given_to_the_brother_of_its_speaker_is_a_wrong_speaker() -> None:
    claim = '"We kept every rule on hygiene," said Elis Marsh, one of the owners.'
    found = speaker_clash(claim, FARM, article=[t for _, t in FARM])
    assert found is not None
    assert found.reason == (
        'wrong speaker: the claim says "said Elis Marsh", the source says "Tomas Marsh said"'
    )


@pytest.mark.parametrize(
    "claim",
    [
        '"We kept every rule on hygiene," said Tomas Marsh, one of the owners.',
        '"We kept every rule on hygiene," said Marsh, one of the owners.',  # surname only
        '"We kept every rule on hygiene," said Tom Marsh, one of the owners.',  # short form
        '"We kept every rule on hygiene," said farmer Tomas Marsh.',
        "Farmer Tomas Marsh said they had kept every rule on hygiene.",
    ],
)
def test_the_same_person_however_named_is_no_wrong_speaker(claim: str) -> None:
    assert speaker_clash(claim, FARM, article=[t for _, t in FARM]) is None


UNION = [(0, "Ona Pell, president of the union, said two dairies had cut what they pay farmers.")]


def test_an_officer_of_the_body_speaks_for_it() -> None:
    article = [t for _, t in UNION]
    for ok in (
        "The Growers' Union said two dairies had cut what they pay farmers.",
        "Ona Pell said two dairies had cut what they pay farmers.",
    ):
        assert speaker_clash(ok, UNION, article=article) is None, ok
    wrong = "The Dairy Council said two dairies had cut what they pay farmers."
    found = speaker_clash(wrong, UNION, article=article)
    assert found is not None and found.reason.startswith("wrong speaker")


GALLERY = [
    "Ruth Amsel, regional organiser for the Gallery Staff Union, said guards had warned "
    "managers that one night guard could not watch the whole building.",
    "The gallery denied that staffing had played a part.",
    '"Our cover meets the insurers’ rules," spokesperson Ivo Dane said.',
    "He said the saving from the change was about £41,000 a year.",
]


def test_a_figure_another_speaker_gives_is_a_wrong_speaker() -> None:
    window = [(0, GALLERY[0])]
    claim = "The cut saved the gallery about £41,000 a year, according to the Gallery Staff Union."
    found = speaker_clash(claim, window, name_lexicon(" ".join(GALLERY)), article=GALLERY)
    assert found is not None
    assert found.reason == (
        'wrong speaker: the claim says "according to the Gallery Staff Union", the source '
        'says "Ivo Dane said"'
    )


@pytest.mark.parametrize(
    "claim",
    [
        "The cut saved the gallery about £41,000 a year, according to Ivo Dane.",
        "Spokesperson Ivo Dane said the cut saved the gallery about £41,000 a year.",
        "The cut saved the gallery about £41,000 a year, the gallery said.",  # no name
        "Ruth Amsel said one guard could not watch the whole building.",  # no figure
    ],
)
def test_a_figure_its_own_speaker_gives_passes(claim: str) -> None:
    names = name_lexicon(" ".join(GALLERY))
    assert speaker_clash(claim, [(0, GALLERY[0])], names, article=GALLERY) is None


def test_a_pronoun_after_another_named_person_is_not_resolved() -> None:
    # "He" may be Dane or Tor Lund: nobody is read as the figure's speaker
    article = [*GALLERY[:2], '"Our cover meets the rules," Ivo Dane told Tor Lund.', GALLERY[3]]
    claim = "The cut saved the gallery about £41,000 a year, according to the Gallery Staff Union."
    names = name_lexicon(" ".join(article))
    assert speaker_clash(claim, [(0, GALLERY[0])], names, article=article) is None


CRUISE = [
    (0, "Some passengers accused Solmar Lines of being slow to warn them."),
    (
        63,
        '"The first people got sick on day three, and we weren\'t told anything until day six,"'
        " said Aldo Brenn, 58, an engineer travelling with his wife.",
    ),
    (199, "Solmar denied that."),
]


@pytest.mark.parametrize(
    "claim",
    [
        # a paraphrase of the quote, its figures kept, with a comment the writer appends
        "Passenger Aldo Brenn said the first cases appeared on day three but travellers were "
        "not told until day six, a claim Solmar rejects.",
        "Aldo Brenn said people first fell sick on day three and passengers were not told "
        "until day six.",
    ],
)
def test_a_paraphrased_quote_with_its_figures_is_not_invented(claim: str) -> None:
    assert speaker_clash(claim, CRUISE, article=[t for _, t in CRUISE]) is None


def test_words_and_figures_the_speaker_never_gave_are_invented() -> None:
    claim = "Passenger Aldo Brenn said the crew had hidden cases from travellers for nine days."
    found = speaker_clash(claim, CRUISE, article=[t for _, t in CRUISE])
    assert found is not None and found.reason.startswith("invented")


POOLS = [
    "Swim Norden, the pool owners' group, said its members would try to open longer, but "
    'warned that some pools were already full. "We cannot promise a lane to everyone," '
    "said its chair, Dr Ada Venn.",
    "The lifeguards were paid on time, the council said.",
    "The Union of Pool Staff said the council had ignored safety warnings.",
    "Its secretary, Jon Bray, said staff had reported broken ladders.",
]


def test_words_another_named_body_said_elsewhere_are_a_wrong_speaker() -> None:
    # the window naming Venn says nothing of the warnings; the union said it, paragraphs away
    claim = "Swim Norden chair Ada Venn accused the council of ignoring safety warnings."
    found = speaker_clash(claim, [(0, POOLS[0])], article=POOLS)
    assert found is not None
    assert found.reason == (
        'wrong speaker: the claim says "Ada Venn accused", the source says "Union of Pool '
        'Staff said"'
    )


def test_the_bodys_own_spokesperson_or_words_of_the_window_pass() -> None:
    # the union's secretary is named next to its statement: he may speak for it
    claim = "Union of Pool Staff secretary Jon Bray accused the council of ignoring warnings."
    assert speaker_clash(claim, [(0, POOLS[3])], article=POOLS) is None
    said = "Swim Norden chair Ada Venn warned that some pools were already full."
    assert speaker_clash(said, [(0, POOLS[0])], article=POOLS) is None


def test_a_quote_a_pronoun_says_is_no_continuation() -> None:
    # '"...," she said': its own speaker, not the one of the quote before
    text = (
        '"We cannot keep every pool open," said Ada Venn, the treasurer. '
        "Councillor Mira Holt disagreed. "
        '"The harbour baths must stay open," she said.'
    )
    parts = [
        '"We cannot keep every pool open," said Ada Venn, the treasurer.',
        "Councillor Mira Holt disagreed.",
        '"The harbour baths must stay open," she said.',
    ]
    sents = [_Sentence(text, x) for x in parts]
    claim = 'Councillor Mira Holt said, "The harbour baths must stay open."'
    found = speaker_clash(
        claim,
        [(0, parts[2])],
        name_lexicon(text),
        lambda i: paragraph_before(text, sents, 2, sents[2].start, i),
    )
    assert found is None, found


# -- roles held of an owner, and the doer an apposition names ---------------------------

QUESTIONS = (
    "The club's chairman, Ian Roe, said the club had sent the player's agent a list of ten "
    "questions and had received no reply."
)


def test_another_role_of_the_same_owner_in_copied_words_is_caught() -> None:
    claim = "Roe said the club had sent the player's lawyer ten questions."
    found = owner_clash(claim, QUESTIONS)
    assert found is not None
    assert found.reason == (
        'wrong role: the claim says "player\'s lawyer", the source says "player\'s agent"'
    )


def test_the_same_role_or_the_same_post_passes() -> None:
    assert (
        owner_clash("Roe said the club had sent the player's agent ten questions.", QUESTIONS)
        is None
    )
    # "chair" is the chairman's post, and the claim's own frame is not the evidence's
    assert owner_clash("The club's chair, Ian Roe, spoke on Monday.", QUESTIONS) is None
    assert owner_clash("The player's lawyer was not asked.", QUESTIONS) is None


COURT = (
    "Nora Vance, the barrister representing the Gazette, told the court that the newspaper "
    "stood by its report. Mark Holt, for the singer, said the report was false."
)


def test_a_role_held_for_another_owner_is_caught() -> None:
    claim = "Nora Vance, Holt's barrister, told the court the paper stood by its report."
    found = owner_clash(claim, COURT)
    assert found is not None
    assert found.reason == (
        'wrong role: the claim says "Nora Vance, Holt\'s barrister", '
        'the source says "Vance, the barrister representing the Gazette"'
    )


def test_the_role_held_for_its_owner_passes() -> None:
    assert owner_clash("Nora Vance, the Gazette's lawyer, told the court.", COURT) is None
    # a description of the owner may be the Gazette: not read
    assert owner_clash("Nora Vance, the newspaper's barrister, told the court.", COURT) is None


STUD = (
    "The foal was born on Sunday to the mare Bella, the stud said. Her sire, Storm, arrived "
    "from Arden Stud in 2021 as part of a breeding plan."
)


def test_a_doer_the_source_sets_between_commas_is_not_the_claims() -> None:
    claim = "The foal's mother, Bella, arrived from Arden Stud in 2021."
    found = role_clash(claim, STUD)
    assert found is not None
    assert found.reason.startswith("wrong doer")
    assert '"Storm, arrived from Arden Stud"' in found.reason


def test_the_doer_the_source_names_passes() -> None:
    assert role_clash("The foal's sire, Storm, arrived from Arden Stud in 2021.", STUD) is None
    assert role_clash("Storm arrived from Arden Stud in 2021.", STUD) is None


def test_a_second_speaker_of_the_claim_is_no_wrong_speaker() -> None:
    from llmbrief import Article, Cluster, verify

    ferries = Cluster(
        cluster_id="ferries",
        articles=[
            Article(
                id="p1",
                title="Ferries",
                text=(
                    "Orvel Ferries said its boats would return next week. Brask Lines said "
                    "that in the end it had cancelled only two evening sailings to Lind "
                    "during the strike."
                ),
            )
        ],
    )
    both = (
        "Orvel Ferries said its boats would return next week, and Brask Lines said that in "
        "the end it had cancelled only two evening sailings to Lind during the strike [p1]."
    )
    c = verify(ferries, both).claims[0]
    assert c.verdict == "supported", c.reasons
    # the words given to the claim's only speaker are still read against the source's
    one = (
        "Orvel Ferries said that in the end it had cancelled only two evening sailings to "
        "Lind during the strike [p1]."
    )
    c = verify(ferries, one).claims[0]
    assert any("wrong speaker" in r for r in c.reasons), c.reasons


def test_a_spokesperson_speaks_for_the_body_named_before() -> None:
    from llmbrief import Article, Cluster, verify

    ferries = Cluster(
        cluster_id="ferries2",
        articles=[
            Article(
                id="p2",
                title="Ferries",
                text=(
                    "Orvel Ferries faced questions about the outbreak on its Lind route. "
                    "Spokeswoman Ada Lunde said passengers were told on June 3 and that deep "
                    "cleaning had begun the same day. Brask Lines runs the night route."
                ),
            )
        ],
    )
    claim = "Orvel said deep cleaning began on June 3, the day passengers were told [p2]."
    c = verify(ferries, claim).claims[0]
    assert c.verdict == "supported", c.reasons
    # a body the spokeswoman is not introduced with
    other = "Brask said deep cleaning began on June 3, the day passengers were told [p2]."
    c = verify(ferries, other).claims[0]
    assert any("wrong speaker" in r for r in c.reasons), c.reasons


JOBS = [
    "About 48 posts would be lost under the plan, the council said.",
    "The Public Services Union said the true figure could be as high as 60.",
    "Its branch secretary, Ana Roe, said 12 of them were part-time.",
]


def test_a_figure_one_body_gives_put_in_another_bodys_mouth() -> None:
    found = body_clash("Up to 60 jobs are at risk, the council has said.", JOBS)
    assert found is not None
    assert found.reason == (
        'wrong speaker: the claim gives the figure to "the council", the source says '
        '"The Public Services Union said"'
    )


@pytest.mark.parametrize(
    "claim",
    [
        "Up to 60 jobs are at risk, the union has said.",
        "Up to 60 jobs are at risk, according to the union.",
        "About 48 posts will go, the council said.",
        "The council said about 48 posts would go.",
        "Up to 60 jobs are at risk, the ministry said.",  # the ministry never speaks there
        "Some 12 of the posts are part-time, the council said.",  # a person gives it
        "Jobs are at risk, the council has said.",  # no figure
    ],
)
def test_a_figure_its_own_body_gives_or_no_two_bodies_pass(claim: str) -> None:
    assert body_clash(claim, JOBS) is None


def test_a_pronoun_speaker_is_the_one_named_just_before() -> None:
    text = (
        '"Our cover meets the rules," spokesperson Ivo Dane said. '
        "He said the change saved about £41,000 a year on guards and alarms."
    )
    first, second = text.split(". ", 1)
    sents = [_Sentence(text, first + "."), _Sentence(text, second)]
    names = name_lexicon(text)

    def before(i: int) -> list[tuple[int, str]]:
        return paragraph_before(text, sents, 1, sents[1].start, i)

    window = [(0, second)]
    wrong = "Ruth Amsel said the change saved about £41,000 a year on guards and alarms."
    found = speaker_clash(wrong, window, names, before)
    assert found is not None
    assert (
        found.reason
        == 'wrong speaker: the claim says "Ruth Amsel said", the source says "Ivo Dane said"'
    )
    right = "Ivo Dane said the change saved about £41,000 a year on guards and alarms."
    assert speaker_clash(right, window, names, before) is None
