"""The hard checks: what sinks a claim whatever its overlap with the evidence.

Figures, dates and names must be in the cited text and placed where the claim places them
(by the clause they stand in); quoted words verbatim; negation, opposites and hedges are read
against the evidence window. :func:`hard_checks` yields each failure with the check's name and
the spans it looked at; the extractors themselves are in :mod:`.checks`.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..citations import sentence_spans
from ..types import Span
from . import approx, checks, proportions, restated
from .binding import binding_check
from .copying import copy_deviations
from .details import details_clash
from .events import events_clash
from .lexicon import (
    NUMERIC_WORDS,
    STOPWORDS,
    content_stems,
    data_json,
    data_lines,
    flat,
    has_number,
    stem,
    word_at,
    words,
)
from .normalise import is_lowercased
from .places import country_aliases
from .relations import (
    body_clash,
    owner_clash,
    paragraph_before,
    role_clash,
    self_pairing,
    speaker_clash,
    title_clash,
    titled_names,
)
from .scope import scope_check
from .sentences import (
    APPOSITION,
    CAPS_PHRASE,
    IndexedArticle,
    IndexedSentence,
    Window,
    name_words,
)
from .surety import surety_clash

__all__ = [
    "ClaimFacts",
    "Finding",
    "abbreviated",
    "claim_facts",
    "claim_parts",
    "flat_key",
    "hard_checks",
]

# (check name, reason, spans it looked at)
Finding = tuple[str, str, list[Span]]
_flat = flat

# ASCII bytes of :func:`flat`: lower-case letters and digits stay, the rest become spaces
_FLAT_BYTES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def flat_key(text: str) -> str:
    """:func:`.lexicon.flat` of ``text`` (an exact-match key), faster when it is ASCII: the
    bytes translated (apostrophes dropped, all but letters and digits made spaces), split."""
    if not text.isascii():
        return flat(text)
    low = text.lower().encode("ascii").translate(_FLAT_BYTES, b"'")
    return " ".join(low.decode("ascii").split())


@dataclass(frozen=True)
class ClaimFacts:
    """Everything the checks read from a claim, computed once per claim text."""

    text: str
    stems: tuple[str, ...]
    toks: tuple[str, ...]
    quantities: tuple[checks.Quantity, ...]
    dates: frozenset[str]
    names: tuple[str, ...]
    quotes: tuple[str, ...]
    negations: int
    modality: int
    key: str


@functools.lru_cache(maxsize=4096)
def claim_parts(claim_text: str) -> tuple[str, ...]:
    """The sentences of a claim (a claim of several is supported when each is)."""
    return tuple(claim_text[a:b] for a, b in sentence_spans(claim_text))


@functools.lru_cache(maxsize=4096)
def claim_facts(claim_text: str) -> ClaimFacts:
    """What the checks read from a claim (its normalised text), computed once."""
    tokens = words(claim_text)
    toks = tuple(map(stem, tokens))
    return ClaimFacts(
        text=claim_text,
        stems=tuple(dict.fromkeys(content_stems(claim_text, tokens))),
        toks=toks,
        quantities=checks.quantities(proportions.without_phrases(claim_text)),
        dates=frozenset(checks.dates(claim_text, tokens)),
        # lower-cased text has no capitals to tell names by: its places are named by the list
        names=tuple(
            checks.place_names(claim_text)
            if is_lowercased(claim_text)
            else checks.names(claim_text)
        ),
        quotes=tuple(checks.quotes(claim_text)),
        negations=checks.negations(claim_text),
        modality=checks.claim_modality(claim_text),
        key=flat_key(claim_text),
    )


def abbreviated(facts: ClaimFacts, remaining: set[str], arts: list[IndexedArticle]) -> set[str]:
    """Stems of the claim's names (of ``remaining``) that a cited article writes as their
    acronym or in full: "IMF" where it says "International Monetary Fund", or the other way
    round. The words are the article's, abbreviated; the name check places them."""
    if not remaining or not facts.names:
        return set()
    out: set[str] = set()
    for name in facts.names:
        stems = set(content_stems(name)) & remaining
        if stems and any(_acronym_of(name, facts.text, a) for a in arts):
            out |= stems
    return out


def _date_span(text: str, date: str) -> list[Span]:
    """Where the claim writes the date ``date`` (``tue``, ``tue evening``) as a span."""
    day = date.split()[0]
    for m in re.finditer(r"[A-Za-z]+", text):
        if checks.date_word(m.group(0).lower()) == day:
            end = m.end()
            if " " in date:  # "Tuesday evening"
                nxt = re.match(r"\s+[A-Za-z]+", text[end:])
                end += nxt.end() if nxt else 0
            return [Span(where="claim", start=m.start(), end=end)]
    return _claim_span(text, date)


def _as_claimed(text: str, span: list[Span], date: str) -> str:
    """The claim's own words for a date (``July`` for ``jul``), for reasons."""
    return text[span[0].start : span[0].end] if span and span[0].start >= 0 else date


def _claim_span(text: str, piece: str) -> list[Span]:
    """Where ``piece`` is first written in the claim (case-insensitive), as a span."""
    i = text.lower().find(piece.lower())
    return [Span(where="claim", start=i, end=i + len(piece))] if i >= 0 else []


def hard_checks(
    facts: ClaimFacts,
    claim: set[str],
    arts: list[IndexedArticle],
    chosen: list[Window],
    ran: dict[str, tuple[list[str], list[Span]]],
) -> Iterator[Finding]:
    """Reasons the claim fails, cheapest checks first, computed as they are asked for.

    Each finding is (check name, reason, spans); ``ran`` gets a :class:`Check` for every
    check as it starts (its reasons and spans, filled in by the caller).
    """

    def start(name: str) -> None:
        if name not in ran:
            ran[name] = ([], [])

    cited = "".join(f"[{a.id}]" for a in arts)
    claim_q = tuple(
        q
        for q in facts.quantities
        if q.unit != "ord"
        or (_ranks(facts.text, arts) if q.text == "first" else not _named(q, facts.text))
    )
    if claim_q:
        start("figures")
        # the window's sentences first: a figure of the claim is most often there, and one
        # there is both held and placed
        for q in claim_q:
            in_window = any(q.matches(o) for x in _window(chosen) for o in x.quantities)
            # "slipped by three months" where the window moves it "from May to August"
            in_window = in_window or _months_apart(q, chosen)
            days = _claim_days(facts.text).get(q.text, ()) if not in_window else ()
            # "on June 15" where the window says "on Monday" in a paper of Tuesday 16 June
            in_window = in_window or any(_window_resolves(m, facts, chosen, k) for m, k in days)
            held = (
                in_window
                or any(a.holds(x) for x in (q, *checks.equivalents(q)) for a in arts)
                or any(_resolves(k, a, facts.text) for _, k in days for a in arts)
            )
            if not held and proportions.share_stated(facts.text, q, arts):
                continue  # "87 percent" that the evidence writes "nearly nine in ten"
            if not held and approx.figure_restated(facts.text, q, chosen, arts):
                continue  # "nearly 13,000" for "about 12,900", "up by 15" for "40 to 55"
            if not held:
                yield (
                    "figures",
                    f'number "{q.text}" not found in {cited}',
                    _claim_span(facts.text, q.text),
                )
            elif chosen:
                start("figure_context")
                other = _bound_elsewhere(q, facts.text, arts)
                if other:
                    yield (
                        "figure_context",
                        f'number "{q.text}" {other} in {cited}',
                        _claim_span(facts.text, q.text),
                    )
                elif (
                    not in_window
                    and not _figure_in_context(q, facts, arts, chosen)
                    and not _age_apposed(q, facts.text, arts)
                    and not approx.one_more(facts.text, q, chosen)
                    and not approx.figure_restated(facts.text, q, chosen, arts)
                ):  # "five schools" the window counts as "a school ... four more schools";
                    # "16 more than" the window writes as 41 and 25: restated where it is
                    yield (
                        "figure_context",
                        f'number "{q.text}" is not where the evidence is in {cited}',
                        _claim_span(facts.text, q.text),
                    )
        if len(claim_q) >= 2:
            wrong_way, said = approx.reversed_change(facts.text, chosen)
            if wrong_way:  # "from $58 to $52" where it went "to $58 from $52"
                yield "figures", wrong_way, _claim_span(facts.text, said)
        for who, label, age, span in _appositions(facts.text):
            # "Jonas Brandt, 22,": the sources may give that age to someone else only
            others = [n for a in arts for n in a.appositions.get(age, ())]
            if others and all(who.isdisjoint(n.lower().split()) for n in others):
                start("figure_context")
                yield (
                    "figure_context",
                    f'number "{age}" is said of {others[0]} in {cited}, not of {label}',
                    [Span(where="claim", start=span[0], end=span[1])],
                )
    if proportions.worded(facts.text):  # "nearly nine in ten": a share, not two figures
        start("figures")
        yield from proportions.share_findings(facts.text, facts.names, arts, chosen)
    claim_dates = facts.dates
    if claim_dates:
        start("dates")
        for d in sorted(claim_dates):
            # a window sentence that has the date holds it and places it
            in_window = (
                any(d in x.dates for x in _window(chosen))
                or (_resolvable(d, facts, chosen) and _window_resolves(d, facts, chosen))
                or any(_night_said(d, x.text) for x in _window(chosen) if x.dates)
            )  # "in March" where the window says "on Monday" in a paper of 16 March
            if not in_window and not any(
                a.holds_date(d) or _resolves(d, a, facts.text) or _night_said(d, a.text)
                for a in arts
            ):
                where = _date_span(facts.text, d)
                yield (
                    "dates",
                    f'date "{_as_claimed(facts.text, where, d)}" not found in {cited}',
                    where,
                )
            elif chosen:
                start("date_context")
                if not in_window and not _date_in_context(d, facts, arts, chosen):
                    where = _date_span(facts.text, d)
                    shown = _as_claimed(facts.text, where, d)
                    yield (
                        "date_context",
                        f'date "{shown}" is not where the evidence is in {cited}',
                        where,
                    )
    names = facts.names
    if names:
        start("names")
        # the articles' words are gathered only for a name not written as a word of them
        lower_words: frozenset[str] | None = None
        ordered: list[str] = []
        near = " ".join(_near_text(art, f, t) for art, f, t, _ in chosen)
        opener = checks.opening_word(facts.text)
        for name in names:
            day = _date_compound(name)
            if day and any(a.holds_date(day) for a in arts):
                continue  # "a Tuesday-morning raid": a date the articles hold, not a name
            found = any(_written_as_word(name, a.text) for a in arts)
            if not found and any(a.source and _written_as_word(name, a.source) for a in arts):
                continue  # the publisher of a cited article: "Peloton Weekly reported"
            if not found and name == opener and any(stem(name) in a.stems for a in arts):
                # an opening capital is no sign of a name: the article writes the word
                # only as a plain word ("Car drivers will pay" where it says "cars")
                continue
            if not found and name == opener and checks.lone_opener(facts.text):
                # nor is a lone opening word ("Work on the bridge started") that nothing else
                # marks as a name: a word the article lacks, which the coverage weighs
                continue
            aliases = country_aliases(name)
            if not found and lower_words is None:
                lower_words = (
                    arts[0].lower_words
                    if len(arts) == 1
                    else frozenset().union(*(a.lower_words for a in arts))
                )
                ordered = sorted(lower_words) if len(arts) > 1 else arts[0].sorted_words
            if not found and (
                not _name_found(name, lower_words or frozenset(), ordered)
                and not any(_at_word(a.flat, _flat(name), whole=True) for a in arts)
                and not any(
                    _at_word(a.flat, _flat(x), whole=True) for a in arts for x in sorted(aliases)
                )
            ):
                other = next((x for a in arts if (x := _acronym_of(name, facts.text, a))), "")
                if not other:
                    yield (
                        "names",
                        f'name "{name}" not found in {cited}',
                        _claim_span(facts.text, name),
                    )
                elif chosen and not _at_word(near, other.lower(), whole=True):
                    # "IMF" where the article writes "International Monetary Fund": placed
                    # like any name
                    start("name_context")
                    yield (
                        "name_context",
                        f'name "{name}" is not where the evidence is in {cited}',
                        _claim_span(facts.text, name),
                    )
            elif chosen:
                start("name_context")
                if not found and name == opener:
                    continue  # "Privacy campaigners": an opening word the articles write
                    # only otherwise ("private") is a plain word, not a name to place
                if (
                    not _name_near(name, near)
                    and not any(_at_word(near, x, whole=True) for x in aliases)
                    and not _phrase_near(name, facts.text, arts, near)
                    and not _name_placed(name, facts, arts)
                ):
                    yield (
                        "name_context",
                        f'name "{name}" is not where the evidence is in {cited}',
                        _claim_span(facts.text, name),
                    )
    titled = titled_names(
        facts.text, lambda: frozenset().union(*(a.names for a in arts)), facts.toks
    )
    if titled:
        start("titles")
        clash = title_clash(titled, arts)
        if clash is not None:
            spans = [Span(where="claim", start=s, end=e) for s, e in clash.claim_spans]
            yield "titles", clash.reason, spans
    if facts.quotes:
        start("quotes")
    for quote in facts.quotes:
        if not any(_flat(quote) in a.flat for a in arts):
            yield (
                "quotes",
                f'quoted words "{quote}" not found verbatim in {cited}',
                _claim_span(facts.text, quote),
            )
    if not chosen:
        return

    window_text = " ".join(
        art.text[art.sentences[f].start : art.sentences[t].end] for art, f, t, _ in chosen
    )
    start("negation")
    claim_neg = facts.negations > 0
    if (
        claim_neg
        and _denies_window(facts.text, chosen)
        and not _negated_sentences(chosen, claim)
        and not _same_denial(facts.text, chosen)
        and not _denied_alike(facts.text, claim, arts)
    ):
        yield "negation", "the claim is negated or denied; the evidence is not", []
    elif not claim_neg:
        denied = _negated_clause(chosen, claim, facts.text)
        if denied is not None and restated.declined(
            facts.text, _governed(denied[0].text, denied[1])
        ):
            denied = None  # "declined to say" where it says "did not say": the same denial
        elif denied is not None and restated.relinquished(
            facts.text, _governed(denied[0].text, denied[1]), _kept(denied[0].text, denied[1])
        ):
            denied = None  # "would give up her bonus" where it says "would not take her bonus"
        elif denied is not None and restated.negated_as(
            _governed(denied[0].text, denied[1]), claim
        ):
            denied = None  # "was cleared" where it says "was found not guilty"
        if denied is not None:
            art, c = denied
            yield (
                "negation",
                "the evidence is negated or denied; the claim is not",
                [art.norm_span(*(c.scope or (c.start, c.end)))],
            )
    if not claim_neg and denied is None:
        noun = _denied_noun(facts, arts)
        if noun is not None:
            yield (
                "negation",
                f'the claim says "{noun[0]}" where the evidence says "{noun[1]}"',
                _claim_span(facts.text, noun[0]),
            )
    if not claim_neg:
        refused = restated.speaker_declined(facts.text, [a.text for a in arts])
        if refused is not None:
            # "Halvern said ..." where the evidence says "Halvern declined to comment"
            yield (
                "negation",
                f'the claim says "{refused[0]}" where the evidence says "{refused[1]}"',
                _claim_span(facts.text, refused[0]),
            )
    start("opposites")
    # a swapped-in word is looked for in the whole of the evidence articles too: the
    # sentence that says "small, uncrewed aircraft" need not be the best window
    window_toks = [t for art, f, t_, _ in chosen for x in art.sentences[f : t_ + 1] for t in x.toks]
    # only the sentences that hold an opposite can clash outside the window: only those
    # are tokenised
    article_toks: list[str] | None = None
    article_words: set[str] | None = None
    opposites = checks.opposite_words(facts.toks)
    # the opposites each evidence article has (its stems are its sentences'): a sentence
    # can hold only those, and a few words are looked for faster than all of them
    present = [(art, opposites.intersection(art.stems)) for art, *_ in chosen]
    if any(found for _, found in present):
        article_toks = [
            t
            for art, found in present
            for x in art.sentences
            if not found.isdisjoint(x.stems)
            for t in x.toks
        ]
        article_words = set(article_toks).union(*(art.stems for art, *_ in chosen))
    # no opposite of a claim word in the window or the article: no clash to look for
    clashes = (
        checks.antonym_clash(list(facts.toks), window_toks, article_toks, article_words)
        if article_toks is not None or not opposites.isdisjoint(window_toks)
        else []
    )
    for mine, theirs in clashes:
        # the words as written, not their stems ("more", not "mor"); the whole article
        # is read only when the clash is found
        said = _as_written(facts.text, mine)
        if said and checks.phrase_written(facts.text, said, [a.flat for a in arts]):
            continue  # the claim's word as the article writes it: no swap
        if _converse(list(facts.toks), mine, window_toks, theirs) or _aspectual(theirs, arts):
            continue  # "bend after a climb" for "climb before it bent"; "rates keep falling"
        if _paces_change(theirs, [*window_toks, *(article_toks or ())]) and not _paces_change(
            mine, list(facts.toks)
        ):
            continue  # "inflation was falling faster": the fall's pace, not inflation's
        source = _as_written(window_text, theirs) or next(
            (w for art, *_ in chosen if (w := _as_written(art.text, theirs))), theirs
        )
        yield (
            "opposites",
            f'the claim says "{said or mine}" where the evidence says "{source}"',
            _claim_span(facts.text, said) if said else [],
        )
    side = checks.stance_clash(facts.toks, window_toks)
    if side is not None:
        verb, mine = side
        said = _side_as_written(facts.text, verb, mine)
        theirs = _side_as_written(window_text, verb, "against" if mine == "for" else "for")
        yield (
            "opposites",
            f'the claim says "{said or mine}" where the evidence says "{theirs}"',
            _claim_span(facts.text, said) if said else [],
        )
    window_sents = [x.toks for art, f, t_, _ in chosen for x in art.sentences[f : t_ + 1]]
    for scoped in (
        checks.state_clash(facts.toks, window_sents),
        checks.quantifier_clash(facts.toks, window_sents),
        checks.order_clash(facts.toks, window_sents),
        checks.rank_clash(facts.toks, window_sents),
        checks.polarity_clash(facts.toks, window_sents),
    ):
        if scoped is not None:
            # "lifted" where it says "remains", "all" where it says "most"
            said, theirs = _as_phrase(facts.text, scoped[0]), _as_phrase(window_text, scoped[1])
            yield (
                "opposites",
                f'the claim says "{said}" where the evidence says "{theirs}"',
                _claim_span(facts.text, said),
            )
    start("hedges")
    # a claim may be less sure than its source, never surer: "will" where it says "may"
    hedge = _hedge_near(window_text, claim, facts)
    if hedge is not None and (
        _stated_by_another(chosen, claim, facts)
        or _hedged_elsewhere(chosen, claim, facts)
        or _settled_later(arts, chosen, claim, facts)
    ):
        hedge = None
    if hedge is not None:
        kind = "a possibility" if hedge[1] == 2 else "a plan"
        yield "hedges", f'the evidence states this only as {kind} ("{hedge[0]}")', []
    elif (sure := checks.certainty(facts.text)) and not any(checks.certainty(a.text) for a in arts):
        # "is certain to strip the levy" where the source says only "would try to remove it"
        yield (
            "hedges",
            f'the claim is certain ("{sure}") where the evidence is not',
            _claim_span(facts.text, sure),
        )
    if any(found for found, _ in ran.values()):
        return  # the dearest check last, and only for a claim nothing else has sunk
    start("roles")
    pairing = self_pairing(facts.text, window_text)
    if pairing is not None:
        yield (
            "roles",
            pairing.reason,
            [Span(where="claim", start=s, end=e) for s, e in pairing.claim_spans],
        )
        return
    # who did what to whom, read around a relation word the evidence also uses
    windows = [x.text for art, f, t_, _ in chosen for x in art.sentences[f : t_ + 1]]
    for art, f, t_, _ in chosen:
        a = art.sentences[f].start
        # the article's names are read only if a check has something to compare
        lexicon = functools.partial(getattr, art, "names")
        clash = role_clash(facts.text, art.text[a : art.sentences[t_].end], lexicon)
        if clash is None:
            spoken = [(x.start - a, x.text) for x in art.sentences[f : t_ + 1]]
            before = functools.partial(paragraph_before, art.text, art.sentences, f, a)
            clash = speaker_clash(
                facts.text, spoken, lexicon, before, [x.text for x in art.sentences], windows
            )
        if clash is None:
            clash = body_clash(facts.text, [x.text for x in art.sentences])
        if clash is None:
            clash = owner_clash(facts.text, art.text[a : art.sentences[t_].end], lexicon)
        if clash is not None:
            spans = [Span(where="claim", start=s, end=e) for s, e in clash.claim_spans]
            spans += [art.norm_span(a + s, a + e) for s, e in clash.evidence_spans]
            yield "roles", clash.reason, spans
            return
    # what a claim made of copied words changed in what it copies (substitution, splice)
    for dev in copy_deviations(facts.text, arts, start):
        yield dev.name, dev.reason, dev.spans
        return
    # the meaning checks, each its own module: dearest last, the first finding sinks it
    for name, late in LATE_CHECKS:
        start(name)
        finding = late(facts, arts, chosen)
        if finding is not None:
            yield finding
            return


# (check name, check): a check reads the claim, its cited articles and its evidence window and
# returns a finding or None; it runs only for a claim no other check has sunk, so it must be
# cheap on a claim copied verbatim (a pre-test on the claim's words first)
LateCheck = Callable[[ClaimFacts, list[IndexedArticle], list[Window]], "Finding | None"]
LATE_CHECKS: tuple[tuple[str, LateCheck], ...] = (
    ("binding", binding_check),
    ("scope", scope_check),
    ("events", events_clash),
    ("surety", surety_clash),
    ("details", details_clash),
)


# what every apposition of an age has, looked for first: a comma led pattern is found fast
_AGE_BETWEEN_COMMAS = re.compile(r",\s+\d{1,3},")


def _age_apposed(q: checks.Quantity, text: str, arts: list[IndexedArticle]) -> bool:
    """Whether the claim's age ("the 58-year-old") is one the cited articles give someone
    in apposition ("Varga, 58,"), the way news writes ages: of a person the claim names,
    or of its unnamed subject ("The 58-year-old had led the bank")."""
    if q.unit != "age":
        return False
    age = str(int(q.value))
    apposed = [n for a in arts for n in a.appositions.get(age, ())]
    if not apposed:
        return False
    said = {w.lower() for w in words(text)}
    if any(not said.isdisjoint(n.lower().split()) for n in apposed):
        return True
    m = _UNNAMED_AGE.search(text)
    return m is not None and m.group(1) == age


#: An age as the claim's subject, with no name after it: "The 58-year-old had led".
_UNNAMED_AGE = re.compile(r"\b[Tt]he\s+(\d{1,3})-year-old\b(?!\s+[A-Z])")


def _appositions(text: str) -> list[tuple[frozenset[str], str, str, tuple[int, int]]]:
    """(name words lowercased, name, age, span of the age) of each "Name, 22," in ``text``."""
    if _AGE_BETWEEN_COMMAS.search(text) is None:
        return []
    return [
        (frozenset(m.group(1).lower().split()), m.group(1), m.group(2), m.span(2))
        for m in APPOSITION.finditer(text)
    ]


def _side_as_written(text: str, verb: str, side: str) -> str:
    """The words of ``text`` for a stance verb and its side ("voted against", "voted in
    favour of"), as written ("" if it has none)."""
    toks = words(text)
    for i, w in enumerate(toks[:-1]):
        if stem(w.lower()) != verb:
            continue
        favour = toks[i + 1].lower() == "in" and toks[i + 2 : i + 3] != []
        favour = favour and toks[i + 2].lower() in ("favour", "favor")
        if favour and side == "for":
            of = toks[i + 3 : i + 4] == ["of"]
            return " ".join(toks[i : i + 4 if of else i + 3])
        if toks[i + 1].lower() == side:
            return f"{w} {toks[i + 1]}"
    return ""


#: words of order in time whose opposite says the same with the two events swapped
_CONVERSES = frozenset({stem("before"), stem("after")})
_CONVERSE_WIDTH = 4


def _converse(claim: list[str], mine: str, source: list[str], theirs: str) -> bool:
    """Whether the claim's "after" is the source's "before" with the events around it
    swapped ("the trail seemed to bend after a normal climb" where it says "climb normally
    before its trail appeared to bend"): what stands before one stands after the other."""
    if {mine, theirs} != _CONVERSES:
        return False

    def sides(toks: list[str], i: int) -> tuple[set[str], set[str]]:
        w = _CONVERSE_WIDTH
        keep = [t for t in toks[max(0, i - w) : i] if t not in STOPWORDS]
        return set(keep), {t for t in toks[i + 1 : i + 1 + w] if t not in STOPWORDS}

    for i in (i for i, t in enumerate(claim) if t == mine):
        left, right = sides(claim, i)
        for j in (j for j, t in enumerate(source) if t == theirs):
            s_left, s_right = sides(source, j)
            if left & s_right and right & s_left:
                return True
    return False


# an aspect verb before a verb in -ing: "rates keep falling" says they go on falling
_KEEP_ING = re.compile(r"\b(?:keep|keeps|kept|keeping)\s+(?:on\s+)?\w+ing\b", re.IGNORECASE)
_KEEP = re.compile(r"\b(?:keep|keeps|kept|keeping)\b", re.IGNORECASE)


def _aspectual(theirs: str, arts: list[IndexedArticle]) -> bool:
    """Whether the source's word is "keep" and every "keep" of the cited text goes on to
    a verb in -ing ("if rates keep falling"): it says a change goes on, not that something
    is kept, and is no opposite of "trim" or "cut"."""
    if theirs != stem("keep"):
        return False
    return all(len(_KEEP.findall(a.text)) == len(_KEEP_ING.findall(a.text)) for a in arts)


# the verbs of change ("falling", "rose"), not the comparatives and particles among them
_CHANGE_STEMS = frozenset(
    stem(w)
    for w in approx.CHANGE_WORDS - {"more", "less", "fewer", "higher", "lower", "up", "down"}
)
_PACE_REACH = 2


def _paces_change(word: str, toks: list[str]) -> bool:
    """Whether every ``word`` of the stemmed ``toks`` follows a verb of change within two
    words ("falling faster", "rose more slowly"): it tells the change's pace."""
    at = [j for j, t in enumerate(toks) if t == word]
    return bool(at) and all(
        not _CHANGE_STEMS.isdisjoint(toks[max(0, j - _PACE_REACH) : j]) for j in at
    )


def _as_written(text: str, stemmed: str) -> str:
    """The first word of ``text`` whose stem is ``stemmed``, lowercased ("" if none)."""
    return next((w.lower() for w in words(text) if stem(w.lower()) == stemmed), "")


def _as_phrase(text: str, stemmed: str) -> str:
    """The words of ``text`` whose stems are the space-separated ``stemmed``, lowercased
    ("no longer" for "no longer"); ``stemmed`` itself if they are not found."""
    want = stemmed.split()
    low = [w.lower() for w in words(text)]
    for i in range(len(low) - len(want) + 1):
        if all(stem(w) == x for w, x in zip(low[i : i + len(want)], want, strict=True)):
            return " ".join(low[i : i + len(want)])
    return stemmed


def _near_text(art: IndexedArticle, first: int, last: int) -> str:
    """Lowercased text of the article's lead (its headline and first two sentences) and of
    the evidence window.

    A name anywhere else must be placed by its clause (:func:`_name_placed`): two sentences
    either side let "Solberg said" borrow a statement of "officials" (measured: no good
    paraphrase lost, a few misattributed speakers caught).
    """
    sents = art.sentences
    lead_end = sents[min(1, len(sents) - 1)].end
    a, b = sents[first].start, sents[last].end
    if _PRONOUN_LED.match(art.text, a):
        # "He said some production would move": who "he" is, named earlier in its paragraph
        back = sents[max(0, first - _ANTECEDENT_SENTENCES)].start
        a = max(back, art.text.rfind("\n", 0, a) + 1)
    return (art.title + "\n" + art.text[:lead_end] + "\n" + art.text[a:b]).lower().replace("’", "'")


#: How many sentences back a window led by "he" or "she" may name who that is.
_ANTECEDENT_SENTENCES = 3


def _window(chosen: list[Window]) -> Iterator[IndexedSentence]:
    """The sentences of the evidence windows."""
    for art, first, last, _ in chosen:
        yield from art.sentences[first : last + 1]


def _figure_in_context(
    q: checks.Quantity, facts: ClaimFacts, arts: list[IndexedArticle], chosen: list[Window]
) -> bool:
    """Whether the claim's figure is said of what the claim says it of ("killed at least
    three": a "three" that counts hours elsewhere in the article is not the toll)."""

    def has(text: str) -> bool:
        return has_number(text) and any(q.matches(o) for o in checks.quantities(text))

    def context() -> frozenset[str]:
        # the claim's names are no context: "Shares of Pellham jumped 25 percent" does not
        # place a "25 percent premium over Pellham's close"
        # but a claim's opening word is no name where the articles write it in lower case
        # ("Case numbers kept rising" and "104 cases")
        opener = checks.opening_word(facts.text)
        plain = opener and any(re.search(rf"\b{re.escape(opener.lower())}", a.text) for a in arts)
        names = {s for n in facts.names if not (plain and n == opener) for s in content_stems(n)}
        return _clause_context(facts.text, q.text, host=True) - names

    # a sentence's figures are its own (what ``has`` of its text reads), read once
    if _placed(context, has, lambda x: any(q.matches(o) for o in x.quantities), arts, chosen):
        return True
    if _event_counted(q, context(), arts):
        return True
    if any(_headline_places(has, context(), a.title) for a in arts if has_number(a.title)):
        return True
    if _figure_anchored(q, facts.text, arts):
        return True
    if _referred_back(q, chosen):
        return True
    return _YEAR.fullmatch(q.text) is not None and _year_named(context(), chosen)


#: the words after a figure up to the noun it gives the amount of: "£84,000 in disguised
#: payments", "40 new homes" (at most two words between)
_AMOUNT_OF = re.compile(r"\s+(?:(?:in|of)\s+)?((?:[a-z-]+\s+){0,2}[a-z]+)\b")
_THE_NOUN = re.compile(r"\b[Tt](?:he|hose|hese)\s+([a-z]+)\b")


def _referred_back(q: checks.Quantity, chosen: list[Window]) -> bool:
    """Whether the window speaks of the claim's figure by the noun its article first gave
    it with: "the payments were made between 2021 and 2023" after a lead that says
    "accepted £84,000 in disguised payments". A definite noun refers back to what the
    article has told; the figure is that thing's, wherever the window says more of it.
    A figure given to another noun ("£84,000 in legal costs") is not placed so."""
    if q.unit == "ord" or not any(c.isdigit() for c in q.text):
        return False  # "the first entry charge": a rank, and a word is no amount
    for art, f, t, _ in chosen:
        if not f:
            continue  # the window starts the article: nothing before it to refer to
        nouns = {
            m.group(1)
            for x in art.sentences[f : t + 1]
            for m in _THE_NOUN.finditer(x.text)
            if len(m.group(1)) > 3
        }
        if not nouns:
            continue
        for sent in art.sentences[:f]:
            for o in sent.quantities:
                if not q.matches(o):
                    continue
                at = sent.text.find(o.text)
                m = _AMOUNT_OF.match(sent.text, at + len(o.text)) if at >= 0 else None
                if m is not None and not nouns.isdisjoint(m.group(1).split()):
                    return True
    return False


def _figure_anchored(q: checks.Quantity, text: str, arts: list[IndexedArticle]) -> bool:
    """Whether a clause of the sources holds the claim's figure beside another figure of
    the claim's clause that holds it: "to £338 million" of a cut "in 2026-27" is the
    "£338 million to spend in 2026-27" of a sentence that names the budget otherwise ("the
    scheme"), not the "£412 million this year" after it. The other figure is the tie that
    a shared word is elsewhere; one of the same kind must stand on the same side of it,
    for two of a kind may be swapped ("between 9.40am and 5.15am")."""
    mine = _clause_text(text, q.text)
    others = [o for o in checks.quantities(mine) if not q.matches(o)]
    if not others:
        return False
    for art in arts:
        for sent in art.sentences:
            if not any(q.matches(o) for o in sent.quantities):
                continue
            for clause, _, _ in sent.clauses:
                piece = art.text[clause.start : clause.end]
                said = checks.quantities(piece)
                at = next((piece.find(o.text) for o in said if q.matches(o)), -1)
                if at < 0:
                    continue
                for x in others:
                    before = mine.find(x.text) < mine.find(q.text)
                    if any(
                        x.matches(o)
                        and not q.matches(o)
                        and (o.unit != q.unit or (piece.find(o.text) < at) == before)
                        for o in said
                    ):
                        return True
    return False


_HEADLINE_BREAK = re.compile(r"\s+(?:as|after|while|with|and)\s+", re.IGNORECASE)


def _headline_places(has: Callable[[str], bool], context: frozenset[str], title: str) -> bool:
    """Whether a part of an article's headline holds the claim's figure and shares a word
    with the claim's clause that holds it ("Spectrum Auction Raises €1.37bn, Beating
    Forecast" places "Velland's €1.37 billion 5G auction"). A headline tells the news
    of its article as a clause; its parts ("Talks Collapse as Drivers Set Three More
    Strike Dates") are read apart, as a sentence's clauses are."""
    for clause in checks.clauses(title):
        for part in _HEADLINE_BREAK.split(title[clause.start : clause.end]):
            if has(part) and not context.isdisjoint(content_stems(part)):
                return True
    return False


def _event_counted(q: checks.Quantity, context: frozenset[str], arts: list[IndexedArticle]) -> bool:
    """Whether a clause of the sources counts the claim's event in another of its forms:
    "three people died" is "the avalanche that killed three people" (the same counted
    noun) or "the death toll rose to three" (a toll). A bare "two" near "dead" is not:
    "two earthquakes left 20 people dead" counts the quakes."""
    family = frozenset().union(*(_STEM_FAMILY[s] for s in context & _STEM_FAMILY.keys()))
    if not family:
        return False
    for art in arts:
        for sent in art.sentences:
            if family.isdisjoint(sent.stems) or not any(q.matches(o) for o in sent.quantities):
                continue
            for clause, stems in _hosted(art.text, sent):
                if family.isdisjoint(stems):
                    continue
                said = checks.quantities(art.text[clause.start : clause.end])
                if any(q.matches(o) and (o.unit == q.unit != "" or "toll" in stems) for o in said):
                    return True
    return False


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_RELATIVE_YEAR = re.compile(r"\b(?:last|this|next|previous|past)\s+year\b", re.IGNORECASE)


def _year_named(context: frozenset[str], chosen: list[Window]) -> bool:
    """Whether a window clause that shares a word with the claim's clause says "last
    year", "this year" or "next year": the year the cited text writes elsewhere ("cited
    three times in 2025" where the window says "cited three times last year")."""
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            for clause, stems, _ in sent.clauses:
                if not context.isdisjoint(stems) and _RELATIVE_YEAR.search(
                    art.text, clause.start, clause.end
                ):
                    return True
    return False


def _bound_elsewhere(q: checks.Quantity, text: str, arts: list[IndexedArticle]) -> str:
    """How the cited text binds the claim's figure otherwise ("" when it does not): what the
    claim says it for, the sources say another figure of its kind for, and this one for
    something else ("11 euros for cars" where they say "4 euros for cars and 11 euros for
    lorries"); or the claim makes it a part ("14 of the cables") where the sources make it
    only the whole ("two of its 14 cables")."""
    at = text.find(q.text)
    if at < 0 or not _BOUND_HINT.match(text, at + len(q.text)):
        return ""  # most figures are said for nothing: neither claim nor articles need reading
    mine = [
        b for b in checks.bound_figures(text) if b.quantity == q and (b.noun or b.how == "part")
    ]
    if not mine:
        return ""  # most figures are said for nothing: the articles need not be read
    theirs = [b for a in arts for b in checks.bound_figures(a.text)]
    same = [b for b in theirs if q.matches(b.quantity)]
    if not same:
        return ""
    for b in mine:
        if b.how == "part" and all(x.how == "whole" for x in same):
            return "is a part in the claim, the whole in the evidence"
        if not b.noun or any(x.noun == b.noun for x in same) or not any(x.noun for x in same):
            continue
        for x in theirs:
            if x.noun == b.noun and x.quantity.unit == q.unit and not q.matches(x.quantity):
                return f'is not what the evidence gives for it ("{x.quantity.text}")'
    return ""


_BOUND_HINT = re.compile(r"(?:\s+[A-Za-z]+)?(?:\s+each)?\s+(?:for|of)\b", re.IGNORECASE)


#: the fewest letters of an acronym read against lowercase words: two letters start too
#: many pairs of words by chance
_SPELLED_MIN = 3


def _spelled_out(acronym: str, text: str) -> str:
    """The lowercase words of ``text`` whose initials spell ``acronym`` ("value added tax",
    "value-added tax" for "VAT"), as written; "" if none. A common noun's acronym is
    spelled out in lowercase, which no capitalised name phrase holds."""
    if len(acronym) < _SPELLED_MIN:
        return ""
    pattern = r"[\s-]+".join(rf"{c}[a-z]*" for c in acronym.lower())
    m = re.search(rf"(?<![\w-]){pattern}(?![\w-])", text)
    return m.group(0) if m else ""


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")


def _named(q: checks.Quantity, text: str) -> bool:
    """Whether the claim's capitalised ordinal is a word of a name, each time it writes it:
    a capitalised word next to it ("Penhallow First", "First Minister"). The names check
    reads the name; the sources may write it in lower case ("first minister")."""
    if not q.text[:1].isupper():
        return False
    spots = [m.start() for m in re.finditer(rf"\b{re.escape(q.text)}\b", text)]
    return bool(spots) and all(
        any(
            w is not None and w.group(1)[0].isupper()
            for w in (
                _WORD_BEFORE.search(text, max(0, at - 30), at),
                _WORD_AFTER.match(text, at + len(q.text)),
            )
        )
        for at in spots
    )


_FIRST = re.compile(r"\b((?:[Ff]rom|since)\s+the\s+)?first\s+([a-z]+)")
_FIRST_WORD = re.compile(r"\bfirst\b")
_AT_FIRST = re.compile(r"\b[Aa]t\s+first\b")
_FROM_THE_FIRST = frozenset(data_json("dates.json")["from_the_first"]["units"])


def _ranks(text: str, arts: list[IndexedArticle]) -> bool:
    """Whether the claim's lower-case "first" ranks something the sources must state. It
    does not when it tells from when ("From the first day, passengers were offered"), nor
    when the sources write the thing's repeat ("the first count" where they write
    "recount", "the first trial" where they write "retrial"): a repeat presumes a first."""
    # "at first" tells when, as "at the start" does ("could not at first be identified")
    excused = len(_AT_FIRST.findall(text))
    for m in _FIRST.finditer(text):
        noun = m.group(2)
        redone = ("re" + noun, "re" + noun + "s")
        if (m.group(1) and noun in _FROM_THE_FIRST) or any(
            not a.lower_words.isdisjoint(redone) for a in arts
        ):
            excused += 1
    # every "first" of the claim must be excused ("came first" is a rank)
    return excused < len(_FIRST_WORD.findall(text))


_NIGHT_OF = data_json("dates.json")["night_of"]
_NIGHT_OF_RE = re.compile(
    r"\b(?:(?:"
    + "|".join(map(re.escape, _NIGHT_OF["before"]))
    + r")\s+(?P<a>[A-Z][a-z]+day)|(?P<b>[A-Z][a-z]+day)\s+(?:"
    + "|".join(map(re.escape, _NIGHT_OF["after"]))
    + r"))\b"
)


def _night_said(d: str, text: str) -> bool:
    """Whether ``text`` tells the night of the claim's "Saturday night" (``sat night``) in
    other words: "late on Saturday", "overnight on Saturday", "on Saturday evening". The
    day must be the claim's: "late on Friday" is no Saturday night."""
    day, _, part = d.partition(" ")
    if part != "night" or "day" not in text:
        return False
    return any(
        checks.date_word((m.group("a") or m.group("b")).lower()) == day
        for m in _NIGHT_OF_RE.finditer(text)
    )


def _date_in_context(
    d: str, facts: ClaimFacts, arts: list[IndexedArticle], chosen: list[Window]
) -> bool:
    """Whether the claim's date is the date of what the claim tells (as for figures)."""

    def context() -> frozenset[str]:
        return _date_context(d, facts.text)

    if _placed(context, lambda t: d in checks.dates(t), lambda x: d in x.dates, arts, chosen):
        return True
    return _report_day(d, chosen) or _report_month(d, facts.text, chosen)


_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# "since Friday": where a count starts, not the day of what the sentence tells
_SINCE_DAY = re.compile(r"\b(?:since|from)\s+(?:last\s+)?[A-Z][a-z]+day\b")


def _report_day(d: str, chosen: list[Window]) -> bool:
    """Whether the weekday ``d`` is the day a window's article reports on: its first
    sentence writes it ("remained under a boil-water notice on Saturday") and no sentence
    of the window writes another day (but as a start: "since Friday"). What a report tells
    without a day of its own ("Qadir said no link had been established") is of that day."""
    if d not in _WEEKDAY_NAMES:
        return False
    for art, f, t, _ in chosen:
        if not art.sentences or d not in art.sentences[0].dates:
            continue
        days = {
            x
            for s in art.sentences[f : t + 1]
            if s.dates
            for x in checks.dates(_SINCE_DAY.sub(" ", s.text))
        }
        if days.isdisjoint(_WEEKDAY_NAMES):
            return True
    return False


def _report_month(d: str, claim_text: str, chosen: list[Window]) -> bool:
    """Whether the claim's bare month ``d`` (one the cited articles give) is the month a
    window's article reports in: published in it, with a window that tells no time of its
    own (no date, no year, no "on Monday" or "last month"). A report's undated news is of
    its own days ("has won the prize" in a paper of 14 October, "improved its pay offer" in
    one of 24 April); a month is too coarse for the days around the end of a month to
    matter, a day ("on 26 March") is not."""
    if d not in _MONTH_CANON or any(
        m == d for days in _claim_days(claim_text).values() for m, _ in days
    ):
        return False
    for art, f, t, _ in chosen:
        if art.published is None or _MONTH_CANON[art.published.month - 1] != d:
            continue
        if all(
            not s.dates and not _YEAR.search(s.text) and not _RELATIVE_TIME.search(s.text)
            for s in art.sentences[f : t + 1]
        ):
            return True
    return False


_RELATIVE_DATES = data_json("dates.json")["relative"]
_WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_PARTS = "|".join(("morning", "afternoon", "evening", "night"))
_PHRASES = {**_RELATIVE_DATES["weeks"], **_RELATIVE_DATES["months"]}
# every relative time expression, one pattern: a weekday (with "last"/"next"/"this" before
# it or "last week" after it), a day ("yesterday afternoon"), a phrase of a day, a week or a month
_RELATIVE_TIME = re.compile(
    r"\b(?:(?P<mod>last|next|this)\s+)?(?P<weekday>" + "|".join(_WEEKDAY_WORDS) + r")\b"
    r"(?:\s+(?:of\s+)?(?P<week>last|next|this)\s+week\b)?"
    r"|\b(?P<day>" + "|".join(sorted(_RELATIVE_DATES["days"])) + r")\b"
    r"(?:\s+(?P<part>" + _DAY_PARTS + r")\b)?"
    r"|\b(?P<phrase>"
    + "|".join(sorted((*_RELATIVE_DATES["day_phrases"], *_PHRASES), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:" + "|".join(sorted(_RELATIVE_DATES["future"], key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_MONTH_CANON = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@functools.lru_cache(maxsize=1024)
def _date_context(d: str, text: str) -> frozenset[str]:
    """The content stems of the claim's clause that holds its date ``d``."""
    word = next((w for w in words(text) if checks.date_word(w.lower()) == d), d)
    return _clause_context(text, word, host=True)


#: a clause that only tells who said it and when ("the lender said on Monday"): its day
#: is the day of what its sentence reports
_SAID_WHEN = re.compile(r"\b(?:said|says|told|announced|confirmed)\b", re.IGNORECASE)
_SAID_WORDS = 6


# "from the April suspension" is no start: that month names a thing, as "the April offer"
_BOUNDED_MONTH = re.compile(
    r"\b(?:(?:by|until|till|before|since|(?:end|start|beginning)\s+of)\s+(?:the\s+)?|from\s+)"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def _window_resolves(d: str, facts: ClaimFacts, chosen: list[Window], key: str = "") -> bool:
    """Whether a window sentence says the claim's date ``d`` in time words relative to its
    article's day (:func:`_resolved`), in a clause that shares a word with the claim's
    clause that holds the date, or in a clause that only says who said it and when ("has
    left the bank, the lender said on Monday"): "on Friday ordered a review" does not date
    a review "due to report by the end of October". ``key``: what to look for in place of
    ``d`` (a day of ``d``'s month, "jun 15": :func:`_claim_days`)."""
    key = key or d
    # a deadline ("by the end of October") or a start ("since March") is no day an event
    # was told of: only "this month", "next month" may say its month
    by_day = _BOUNDED_MONTH.search(facts.text) is None
    for art, f, t, _ in chosen:
        day = art.published
        if day is None:
            continue
        for sent in art.sentences[f : t + 1]:
            if key not in _resolved(sent.text, day, by_day):
                continue
            context = _date_context(d, facts.text)
            for clause, stems in _hosted(art.text, sent):
                piece = art.text[clause.start : clause.end]
                if key in _resolved(piece, day, by_day) and (
                    not context
                    or not context.isdisjoint(stems)
                    or (_SAID_WHEN.search(piece) and len(words(piece)) <= _SAID_WORDS)
                ):
                    return True
    return False


# capitalised: "may 4" is no day
_MONTH_WORDS = "|".join(w.capitalize() for w in data_json("dates.json")["months"])
# a day of the month as a claim writes it: "June 15", "15 June", "15th of June", "the week
# of May 4"
_CLAIM_DAY = re.compile(
    rf"(?:\b(?P<m1>{_MONTH_WORDS})\.?\s+(?P<d1>\d{{1,2}})"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_WORDS})\b)(?!\d)"
)


_WEEK_OF = re.compile(r"\bweek\s+of\s+$")


@functools.lru_cache(maxsize=1024)
def _claim_days(text: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """The claim's days of the month, by the figure written for the day: "15" of "on
    June 15" is ("jun", "jun 15"), its month and the day as :func:`_resolved` gives it."""
    out: dict[str, list[tuple[str, str]]] = {}
    for m in _CLAIM_DAY.finditer(text):
        # "the week of May 4": read after the match, so the pattern opens on the date itself
        week = _WEEK_OF.search(text, max(0, m.start() - 24), m.start()) is not None
        day = m.group("d1") or m.group("d2")
        month = (m.group("m1") or m.group("m2")).lower()[:3]  # "May" too, a month here
        if not 1 <= int(day) <= 31:
            continue
        key = f"{month} {int(day)}"
        out.setdefault(day, []).append((month, "week " + key if week else key))
    return {k: tuple(v) for k, v in out.items()}


_MONTH_NAMES = "|".join(m.capitalize() for m in data_json("dates.json")["months"][:12])
# two months a thing moves or runs between: "from May to August 2027", "between March and June"
_MONTH_SPAN = re.compile(
    rf"\b(?:from\s+(?P<a>{_MONTH_NAMES})(?:\s+\d{{4}})?\s+(?:to|until|till)"
    rf"|between\s+(?P<b>{_MONTH_NAMES})(?:\s+\d{{4}})?\s+and)\s+(?P<c>{_MONTH_NAMES})\b"
)


def _months_apart(q: checks.Quantity, chosen: list[Window]) -> bool:
    """Whether the claim's count of months is the gap between two months a window
    sentence writes as a span: "slipped by three months" where it moves completion
    "from May to August 2027"."""
    if q.unit != "month" or not q.value.is_integer():
        return False
    for sent in _window(chosen):
        if not sent.dates:
            continue
        for m in _MONTH_SPAN.finditer(sent.text):
            first = _MONTH_CANON.index((m.group("a") or m.group("b")).lower()[:3])
            gap = (_MONTH_CANON.index(m.group("c").lower()[:3]) - first) % 12
            if gap == q.value:
                return True
    return False


def _resolvable(d: str, facts: ClaimFacts, chosen: list[Window]) -> bool:
    """Whether the claim's date ``d`` may be read from relative time words: a weekday
    always, a month only when no window clause that shares a word with the claim's clause
    that holds it names a month of its own (the window's "will report by the end of
    November" is the report's month, whatever "on Friday" was). A month the window gives
    something else ("move completion from May to August") leaves the claim's to be read."""
    if d not in _MONTH_CANON:
        return True
    context = _date_context(d, facts.text)
    for art, f, t, _ in chosen:
        for sent in art.sentences[f : t + 1]:
            if not any(m in _MONTH_CANON for m in sent.dates):
                continue
            for clause, stems in _hosted(art.text, sent):
                if (not context or not context.isdisjoint(stems)) and any(
                    m in _MONTH_CANON for m in checks.dates(art.text[clause.start : clause.end])
                ):
                    return False
    return True


def _resolves(d: str, art: IndexedArticle, claim_text: str) -> bool:
    """Whether a sentence of ``art`` says the claim's date ``d`` in words relative to the
    day the article was published (:func:`_resolved`; the claim's deadline month, "by the
    end of October", only by the words of a month)."""
    day = art.published
    by_day = _BOUNDED_MONTH.search(claim_text) is None
    return day is not None and any(d in _resolved(x.text, day, by_day) for x in art.sentences)


@functools.lru_cache(maxsize=4096)
def _resolved(text: str, published: datetime.date, by_day: bool = True) -> frozenset[str]:
    """The months and weekdays (canonical, as :func:`.checks.dates`) that the relative time
    words of ``text`` name, read from the day it was published: "on Monday" in an article
    of Tuesday 24 March is in March, "last month" in one of 2 April is March, "yesterday"
    is the day before (its weekday and month).

    A relative day gives its day of the month too ("jun 15"), and a week its Monday's
    ("week may 4"). A bare weekday is the one on or before the publication day, or on or
    after it when the text speaks of what is to come ("will", "is due"). A text that names
    a month itself gets no month (nor day) from its relative words: that month may be the
    event's.
    Nothing comes from the publication day alone, without such words. ``by_day`` False:
    only the words of a month ("last month") are read, not those of a day or a week.
    """
    out: set[str] = set()
    dated = any(d in _MONTH_CANON for d in checks.dates(text))
    for m in _RELATIVE_TIME.finditer(text):
        phrase = " ".join((m.group("phrase") or "").lower().split())
        if phrase in _RELATIVE_DATES["months"]:
            if not dated:
                index = published.year * 12 + published.month - 1 + _PHRASES[phrase]
                out.add(_MONTH_CANON[index % 12])
            continue
        if not by_day:
            continue
        days, part = _days_of(m, phrase, published, _FUTURE.search(text) is not None)
        if not dated and phrase in _RELATIVE_DATES["weeks"]:
            # "this week" is the week of its Monday ("the week of May 4"), no day of it
            out.add(f"week {_MONTH_CANON[days[0].month - 1]} {days[0].day}")
        for when in days:
            if not dated:
                out.add(_MONTH_CANON[when.month - 1])
                if phrase not in _RELATIVE_DATES["weeks"]:
                    out.add(f"{_MONTH_CANON[when.month - 1]} {when.day}")
            if m.group("day") or part:  # "yesterday", "this evening": which weekday too
                weekday = _WEEKDAY_WORDS[when.weekday()][:3]
                out.add(weekday)
                if part:
                    out.add(f"{weekday} {part}")
    return frozenset(out)


def _days_of(
    m: re.Match[str], phrase: str, published: datetime.date, ahead: bool
) -> tuple[list[datetime.date], str]:
    """The days a relative time expression (a :data:`_RELATIVE_TIME` match, not of a
    month) may name, and its part of the day ("" if none)."""
    one = datetime.timedelta(days=1)
    if m.group("weekday"):
        want = _WEEKDAY_WORDS.index(m.group("weekday").lower())
        back = (published.weekday() - want) % 7
        mod = (m.group("mod") or "").lower()
        if m.group("week"):  # "on Thursday last week": that week's Thursday
            shift = _RELATIVE_DATES["weeks"][m.group("week").lower() + " week"]
            return [published + one * (want - published.weekday() + 7 * shift)], ""
        if mod == "last":
            return [published - one * (back or 7)], ""
        if mod == "next":
            return [published + one * ((want - published.weekday()) % 7 or 7)], ""
        if ahead:  # "will meet on Monday": in Monday's paper, today or a week on
            later = (want - published.weekday()) % 7
            return [published + one * later, published + one * (later or 7)], ""
        return [published - one * back], ""
    if m.group("day"):
        word = m.group("day").lower()
        part = "night" if word == "tonight" else (m.group("part") or "").lower()
        return [published + one * _RELATIVE_DATES["days"][word]], part
    if phrase in _RELATIVE_DATES["day_phrases"]:
        shift, part = _RELATIVE_DATES["day_phrases"][phrase]
        return [published + one * shift], part
    monday = published - one * published.weekday() + one * 7 * _RELATIVE_DATES["weeks"][phrase]
    return [monday + one * k for k in range(7)], ""


def _clause_context(text: str, piece: str, host: bool = False) -> frozenset[str]:
    """Content stems of the clause of ``text`` that holds ``piece``: what a figure or a
    date there is said of (the piece's own words left out).

    ``host``: a subordinate clause ("where a fire burned for two days", "after a two-day
    fire") is said of the clause it hangs on, whose words are context too (for figures and
    dates: a name stands alone in "..., who is from Ethiopia,").
    """
    at = text.find(piece)
    own = set(content_stems(piece))
    parts = checks.clauses(text)
    for i, c in enumerate(parts):
        if c.start <= at < c.end:
            stems = content_stems(text[c.start : c.end])
            if host and i and (_SUBORDINATE.match(text, c.start) or _PHRASE.match(text, c.start)):
                prev = parts[i - 1]
                stems += content_stems(text[prev.start : prev.end])
            return frozenset(stems) - own
    return frozenset(content_stems(text)) - own


def _clause_text(text: str, piece: str) -> str:
    """The clause of ``text`` that holds ``piece``, with the clause it hangs on when it is
    subordinate (as :func:`_clause_context` reads it with ``host``)."""
    at = text.find(piece)
    parts = checks.clauses(text)
    for i, c in enumerate(parts):
        if c.start <= at < c.end:
            if i and (_SUBORDINATE.match(text, c.start) or _PHRASE.match(text, c.start)):
                return text[parts[i - 1].start : c.end]
            return text[c.start : c.end]
    return text


# the subordinators of a clause that tells when, why or on what terms its host happens
_ADVERBIAL = re.compile(
    r"\s*(?:when|while|after|before|since|until|because|unless|if)\b", re.IGNORECASE
)
# and of one that describes a noun ("that" is left out: it reports as often as it describes)
_RELATIVE = re.compile(r"\s*(?:where|which|who|whose|whom)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\s*(?:where|when|which|who|whose|whom|that|while|after|before|since|until|because)\b",
    re.IGNORECASE,
)


# a phrase set off by a comma that goes on with its host clause's figures: "Case numbers
# kept rising, from 104 on Thursday to 118 by Saturday"; a figure set against the host's
# ("treated 312 people in 2025, against 188 the year before"; "compared with 188 in 2024")
# counts what the host counts
_PHRASE = re.compile(
    r"\s*(?:from|to|up|down|between|against|versus|vs\.?|compared\s+(?:with|to))\s+\S*\d",
    re.IGNORECASE,
)


def _date_compound(name: str) -> str:
    """The date a hyphenated name starts with ("Tuesday-morning": ``tue``), "" if none."""
    head, dash, _ = name.partition("-")
    return (checks.date_word(head.lower()) or "") if dash else ""


def _acronym_of(name: str, claim_text: str, art: IndexedArticle) -> str:
    """What the article writes for the claim's name when one abbreviates the other: "World
    Health Organization" for "WHO", "WHO" for "World Health Organization" ("" if neither)."""
    if name.endswith(("'s", "’s")):
        name = name[:-2]  # "the IMF's managing director"
    if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
        return art.acronyms.get(name, "") or _spelled_out(name, art.text)
    for m in CAPS_PHRASE.finditer(claim_text):
        parts = name_words(m.group(0))
        if len(parts) >= 2 and name in parts:
            initials = "".join(w[0] for w in parts)
            if _at_word(art.text, initials, whole=True):
                return initials
    return ""


def _name_placed(name: str, facts: ClaimFacts, arts: list[IndexedArticle]) -> bool:
    """Whether a clause of the cited text names ``name`` and shares a word with the claim's
    clause that names it: a name is placed, like a figure, by the clause it stands in.

    The claim's other names are no context: "Laura Brandt" places "Brandt" nowhere."""
    names = {s for n in facts.names for s in content_stems(n)}
    context = _clause_context(facts.text, name) - names
    if not context:
        return True  # the name stands alone ("Barry Beavis, 48, from Chelmsford, ...")
    for art in arts:
        for sent in art.sentences:
            if context.isdisjoint(sent.stems) or not _name_found(name, sent.lower):
                continue
            for clause, stems in _hosted(art.text, sent):
                if not context.isdisjoint(stems) and _name_near(
                    name, art.text[clause.start : clause.end].lower()
                ):
                    return True
    return False


def _hosted(text: str, sent: IndexedSentence) -> Iterator[tuple[checks.Clause, frozenset[str]]]:
    """Each clause of a sentence with the stems it is said of: its own, and those of the
    clause it hangs on when it is subordinate ("All seven miners | who were brought up on
    Sunday") or of the subordinate clause that hangs on it (:func:`_lends`: "All 40 | who
    were lifted out", "will remain grounded | until the cause is confirmed"), as
    :func:`_clause_context` reads a claim. What a "that" clause reports is no context of
    the saying ("said on Thursday | that the warehouse held grain": Thursday is the
    saying's)."""
    parts = sent.clauses
    for k, (clause, stems, _) in enumerate(parts):
        out = stems
        if k and (_SUBORDINATE.match(text, clause.start) or _PHRASE.match(text, clause.start)):
            out = out | parts[k - 1][1]
        if k + 1 < len(parts) and _lends(text, clause, parts[k + 1][0]):
            out = out | parts[k + 1][1]
        yield clause, out


#: the most words of a clause that a relative clause after it describes whole: a noun
#: phrase cut off from its verb ("All seven miners | who were trapped ... were brought up")
_NOUN_PHRASE_WORDS = 4


def _lends(text: str, host: checks.Clause, nxt: checks.Clause) -> bool:
    """Whether the clause after ``host`` says more of it: an adverbial clause ("until
    the cause is confirmed") always; a relative clause only when ``host`` is a short noun
    phrase it describes ("All 40 | who were lifted out"), for after a longer clause it
    describes the noun before it ("Two people ... identified the supplier as Qentis | which
    provides software": Qentis, not the two people)."""
    if _ADVERBIAL.match(text, nxt.start):
        return True
    return (
        _RELATIVE.match(text, nxt.start) is not None
        and len(words(text[host.start : host.end])) <= _NOUN_PHRASE_WORDS
    )


def _placed(
    context_of: Callable[[], frozenset[str]],
    has: Callable[[str], bool],
    sentence_has: Callable[[IndexedSentence], bool],
    arts: list[IndexedArticle],
    chosen: list[Window],
) -> bool:
    """Whether the sources carry the claim's detail (a figure, a date) where the claim does.

    Any sentence of the evidence window places it; elsewhere in the cited articles, a
    clause that carries the detail must share a word with the claim's clause that carries
    it (``context_of()``): the clause a detail stands in is what it is said of (measured:
    one shared word does better than two, for dates too). ``has`` tells whether a text
    carries the detail; ``sentence_has``, the same of a sentence's text, from what the
    sentence keeps.
    """
    if any(map(sentence_has, _window(chosen))):
        return True
    context = context_of()  # read only when the window does not place the detail
    if not context:
        return True  # nothing around the detail to place it by
    for art in arts:
        for sent in art.sentences:
            if context.isdisjoint(sent.stems) or not sentence_has(sent):
                continue
            for clause, stems in _hosted(art.text, sent):
                if not context.isdisjoint(stems) and has(art.text[clause.start : clause.end]):
                    return True
    return False


def _phrase_near(name: str, claim_text: str, arts: list[IndexedArticle], near: str) -> bool:
    """Whether ``name`` is part of a longer name the sources write whole, another part of
    which is near the evidence ("James Webb Space Telescope", and "Webb" in the window)."""
    bare = _POSSESSIVE.sub("", name).strip(".")
    for m in _CAPS_RUN.finditer(claim_text):
        # a possessive ends the phrase, not its words ("the European Union's budget")
        whole = [_POSSESSIVE.sub("", w) for w in m.group(0).split()]
        if bare not in (w.strip(".") for w in whole):
            continue
        for run in _sub_runs(whole, bare):
            if _run_near(run, bare, arts, near):
                return True
    return False


def _sub_runs(whole: list[str], name: str) -> Iterator[list[str]]:
    """The runs of two or more words of a name phrase that hold ``name``, longest first
    ("European Union Commission", "European Union", "Union Commission")."""
    n = len(whole)
    for size in range(n, 1, -1):
        for i in range(n - size + 1):
            run = whole[i : i + size]
            if name in (w.strip(".") for w in run):
                yield run


def _run_near(run: list[str], name: str, arts: list[IndexedArticle], near: str) -> bool:
    """Whether the sources write the name phrase ``run`` whole and another part of it, or
    its acronym, is near the evidence."""
    phrase = _flat(" ".join(run))
    # "Graham Tull's campaign" writes it whole too (flat: "graham tulls")
    if not any(
        _at_word(a.flat, phrase, whole=True) or _at_word(a.flat, phrase + "s", whole=True)
        for a in arts
    ):
        return False
    if any(w.strip(".") != name and _name_near(w.strip("."), near) for w in run):
        return True
    # or its acronym, which the sources write ("EU" in the window for "European Union")
    initials = "".join(w[0] for w in name_words(" ".join(run)))
    return (
        len(initials) >= 2
        and _at_word(near, initials.lower(), whole=True)
        and any(_written_as_word(initials, a.text) for a in arts)
    )


_POSSESSIVE = re.compile(r"['’]s$")


_CAPS_RUN = re.compile(r"\b[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)+")


def _name_near(name: str, near: str) -> bool:
    """Whether the name (or its root: China/Chinese) is written in the lowercased ``near``."""
    low = name.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    for v in {low, low.rstrip("."), low.replace(".", "")}:
        if v and _at_word(near, v, whole=True):
            return True
    if len(low) < 5:
        return False
    root = low[:-3] if low.endswith(("ese", "ian")) and len(low) > 6 else low
    return _at_word(near, root[: max(4, len(root) - 3)], whole=False)


_PLAIN_NAME = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_WORD_CHAR = re.compile(r"[^\W_]")


def _written_as_word(name: str, text: str) -> bool:
    """Whether a plain name (ASCII letters, digits, hyphens) is, as written, a whole word
    of ``text``: then the lowercased name is among the text's lower-cased words, and
    :func:`_name_found` would find it."""
    if not _PLAIN_NAME.fullmatch(name):
        return False
    i = text.find(name)
    while i >= 0:
        # a word starts here (nothing before it that a word could run on from) and is this one
        before = text[i - 1] if i else " "
        if (
            before not in "'’-"
            and not _WORD_CHAR.match(before)
            and len(word_at(text, i)) == len(name)
        ):
            return True
        i = text.find(name, i + 1)
    return False


def _at_word(text: str, needle: str, whole: bool) -> bool:
    """``needle`` in ``text`` starting a word (and ending one, when ``whole``)."""
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        if (i == 0 or not text[i - 1].isalnum()) and (
            not whole or j == len(text) or not text[j].isalnum()
        ):
            return True
        i = text.find(needle, i + 1)
    return False


def _name_found(name: str, lower_words: frozenset[str], ordered: list[str] | None = None) -> bool:
    """Whether ``name`` is among the words (``ordered``: the same words sorted, for prefixes)."""
    low = name.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in lower_words or low.rstrip(".") in lower_words:
        return True
    if "." in low and low.replace(".", "") in lower_words:
        return True  # U.S. / US
    if "-" in low:
        # "Zhejiang-listed": the capitalised or numbered parts must be there; "SARS-CoV-4" fails
        parts = [p for p in name.split("-") if p and (p[0].isupper() or p[0].isdigit())]
        return bool(parts) and all(_name_found(p, lower_words, ordered) for p in parts)
    root = low[:-3] if low.endswith(("ese", "ian")) and len(low) > 6 else low
    root = root[: max(4, len(root) - 3)] if len(root) >= 5 else root
    if len(root) < 4:
        return False
    # China/Chinese, Russia/Russian: a word that starts with the name's root
    if ordered is None:
        return any(w.startswith(root) for w in lower_words)
    i = bisect.bisect_left(ordered, root)
    return i < len(ordered) and ordered[i].startswith(root)


def _negated_clause(
    chosen: list[Window], claim: set[str], claim_text: str
) -> tuple[IndexedArticle, checks.Clause] | None:
    """A negated evidence clause that says something of the claim's no other clause says.

    The clause must carry two of the claim's words at least, one of them in the negation's
    scope, and no clause of the window that is not negated may carry them all: "people who
    have never divorced" next to "divorce can wreck retirement" negates nothing the claim
    says.
    """
    if not any(checks.may_negate(x.text) for x in _window(chosen)):
        return None  # no clause of the window is negated: its clauses need not be read
    negated: list[tuple[IndexedArticle, checks.Clause, frozenset[str]]] = []
    # a claim that writes "until" itself ("a threat until 1997") reads the reverse of it
    # ("until at least May 2" is the lower bound that "not until May 2" states: the same)
    claim_until = any(
        not _AT_LEAST.match(claim_text, m.end()) for m in _UNTIL_IN.finditer(claim_text)
    )
    plain: list[frozenset[str]] = []
    plain_words: list[frozenset[str]] = []
    # what the claim puts in question ("divided over whether it will drive visitors away")
    # it states in neither polarity: a denial of it in the evidence contradicts nothing
    asserted = claim - _questioned(claim_text)
    for art, first, last, _ in chosen:
        for i in range(first, last + 1):
            sent = art.sentences[i]
            for clause, stems, scoped in sent.clauses:
                mine = stems & claim
                if (
                    clause.negated
                    and len(mine) == 1
                    and i
                    and _PRONOUN_LED.match(art.text, clause.start)
                ):
                    # "He has not been charged": the pronoun stands for the subject of the
                    # sentence before, whose claim words the clause denies of it
                    mine |= _antecedent(art.sentences[i - 1].text) & claim
                if (
                    clause.negated
                    and len(mine) == 1
                    and _ELIDED_SUBJECT.match(art.text, clause.start)
                    and mine <= _negated_verb(art.text, clause)
                ):
                    # "the eruption had weakened but had not ended": the subject of the
                    # clause before is this one's, and the verb the claim writes is denied
                    # of it
                    before = [c for c, _, _ in sent.clauses if c.end <= clause.start]
                    if before:
                        mine |= sent.clauses[len(before) - 1][1] & claim
                if clause.negated and len(mine) >= 2 and scoped & claim:
                    if (len(mine & asserted) < 2 or not scoped & asserted) and not _WHETHER.search(
                        art.text, clause.start, clause.end
                    ):
                        # denies only what the claim asks "whether" of; a clause asking it
                        # too ("did not know whether" for "were told whether") denies the
                        # knowing, which the claim states
                        continue
                    if _unknown_allowed(art.text, clause, claim, claim_text):
                        continue  # "not yet clear how the beetle reached Kessel": in question
                    if _says_when(art.text, clause) and not claim_until:
                        continue  # "did not resume until noon": it resumed at noon
                    if _only_except(art.text, clause, claim_text):
                        continue  # "no airport was closed except Vessa": Vessa alone was
                    if _contrasted(claim_text, art.text, clause):
                        continue  # "shareholders rather than customers": the claim denies it too
                    if _bare_without(art.text, clause):
                        continue  # "formed a coalition without it": "without" governs "it"
                    if checks.opposite_words(list(_governed(art.text, clause))) & claim:
                        continue  # "unknown" where it says "did not know": the same denial
                    if not restated.governs_claim(art.text, clause, claim):
                        continue  # "did not significantly reduce": the claim never says "reduce"
                    if _of_another(art.text, clause, sent, claim):
                        continue  # "people who have never been divorced": of other people
                    negated.append((art, clause, mine))
                elif len(mine) >= 2:
                    plain.append(mine)
                if not clause.negated and mine:
                    plain_words.append(mine)
    # the claim's words that clauses of the window state without a negation: a negated
    # clause all of whose claim words are stated so elsewhere ("denied that she had chosen
    # her brother's events company", where the claim's "Linden Events, owned by her
    # brother" is another sentence's) denies nothing the claim takes from it
    stated = frozenset().union(*plain_words) if plain_words else frozenset()
    for art, clause, mine in negated:
        if not any(mine <= other for other in plain) and not mine <= stated:
            return art, clause
    return None


#: Word -> its family: the forms of one event ("died", "deaths", "dead").
_FAMILY = {w: frozenset(ln.split()) for ln in data_lines("derivations.txt") for w in ln.split()}
_FAMILY_STEMS = frozenset(stem(w) for w in _FAMILY)
#: Stem -> the stems of its event family ("died": "death", "kill", ...).
_STEM_FAMILY = {stem(w): frozenset(map(stem, fam)) for w, fam in _FAMILY.items()}
_NO_NOUN = re.compile(r"\bno\s+(" + "|".join(sorted(_FAMILY, key=len, reverse=True)) + r")\b", re.I)


def _denied_noun(facts: ClaimFacts, arts: list[IndexedArticle]) -> tuple[str, str] | None:
    """(claim word, evidence words) when the cited text says "no" of the event a claim word
    names in another form ("one has died" where it says "No deaths have been reported"),
    and states that event nowhere without a negation."""
    if _FAMILY_STEMS.isdisjoint(facts.toks):
        return None  # no word of an event family: nothing to read
    said = [w for w in words(facts.text) if w.lower() in _FAMILY]
    if not said:
        return None
    for word in said:
        family = _FAMILY[word.lower()]
        found = None
        for art in arts:
            for m in _NO_NOUN.finditer(art.text):
                if m.group(1).lower() in family:
                    found = m.group(0)
                    break
            if found:
                break
        if found is None:
            continue
        family_stems = frozenset(stem(w) for w in family)
        stated = any(
            not sent.negations and not family_stems.isdisjoint(sent.stems)
            for art in arts
            for sent in art.sentences
        )
        if not stated:
            return word, found
    return None


#: A clause led by a personal pronoun as its subject: it speaks of the sentence before's.
_PRONOUN_LED = re.compile(r"\s*(?:he|she|they)\b", re.IGNORECASE)
#: A clause with no subject of its own, joined to the one before: "but had not ended".
_ELIDED_SUBJECT = re.compile(
    r"\s*(?:but|and|yet)\s+(?:(?:has|have|had|did|does|do|was|were|is|are)\s+)?"
    r"(?:not|never)\b|\s*(?:but|and|yet)\s+(?:has|have|had|did|does|do|was|were|is|are)n[’']t\b",
    re.IGNORECASE,
)


def _of_another(text: str, clause: checks.Clause, sent: IndexedSentence, claim: set[str]) -> bool:
    """Whether a negated relative clause ("who have never been divorced") describes a noun
    the claim does not write ("People"): it tells what those are not, nothing the claim
    states of anything else."""
    if not _RELATIVE.match(text, clause.start):
        return False
    before = [c for c, _, _ in sent.clauses if c.end <= clause.start]
    if not before:
        return False
    head = words(text[before[-1].start : before[-1].end])[-1:]
    noun = set(content_stems(head[0])) if head else set()
    return bool(noun) and noun.isdisjoint(claim)


#: A relative clause of a person or a thing ("who ...", "which ...").
_RELATIVE = re.compile(r"\s*(?:who|which)\b", re.IGNORECASE)


def _negated_verb(text: str, clause: checks.Clause) -> set[str]:
    """The stem of the word right after a negation cue ("ended" of "had not ended"), or
    nothing when it is a function word ("did not say how much it was demanding": the
    saying is denied, not the demanding)."""
    assert clause.scope is not None
    toks = words(text[clause.scope[0] : clause.scope[1]])[1:2]
    return set(content_stems(toks[0])) if toks else set()


def _antecedent(text: str) -> frozenset[str]:
    """The stems of the names a sentence writes (its capitalised words after the first):
    what a pronoun of the next sentence may stand for."""
    return frozenset(content_stems(" ".join(w for w in words(text)[1:] if w[:1].isupper())))


def _governed(text: str, clause: checks.Clause) -> set[str]:
    """The word a negation governs: the first content word after its cue (every word of
    the clause when the cue ends it: "..., which it did not")."""
    assert clause.scope is not None
    s, e = clause.scope
    if s == clause.start and e == clause.end and not checks.negations(text[s : s + 12]):
        return set(content_stems(text[s:e]))
    toks = words(text[s:e])[1:]
    for t in toks:
        st = content_stems(t)
        if st:
            return set(st)
    return set()


def _kept(text: str, clause: checks.Clause) -> set[str]:
    """The content words of a negation's scope after the word it governs ("not take her
    annual bonus": annual, bonus)."""
    assert clause.scope is not None
    s, e = clause.scope
    stems = content_stems(" ".join(words(text[s:e])[1:]))
    return set(stems[1:])


def _same_denial(text: str, chosen: list[Window]) -> bool:
    """Whether a negated clause of the window denies the word the claim's negation denies
    ("No one was injured" where it says "No injuries were reported")."""
    denied: set[str] = set()
    # what each negated clause of the claim says before its cue ("some passengers said they")
    before: list[set[str]] = []
    for c in checks.clauses(text):
        if c.scope is not None:
            denied |= _governed(text, c)
            lead = set(content_stems(text[c.start : c.scope[0]]))
            if lead:
                before.append(lead)
    if not denied:
        return False
    if before and _same_lead(before, chosen):
        return True
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            if not sent.negations or denied.isdisjoint(sent.stems):
                continue
            for clause, _, _ in sent.clauses:
                if clause.negated and not denied.isdisjoint(_governed(art.text, clause)):
                    return True
    return False


def _scope_words(text: str, start: int, end: int) -> set[str]:
    """What a negation's scope says besides its cue: its content stems, and "say" for a
    verb of saying ("would not say whether ...": the saying is what is denied)."""
    said = words(text[start:end])
    out = set(content_stems(" ".join(said))) - _NEGATION_STEMS
    if not _SAYING.isdisjoint(w.lower() for w in said):
        out.add("say")
    return out


def _denied_head(text: str, clause: checks.Clause) -> str:
    """The word a claim's negation denies first: the first content word (or verb of
    saying) after its cue ("would not *say* whether", "No one was *hurt*")."""
    assert clause.scope is not None
    for w in words(text[clause.scope[0] : clause.scope[1]])[1:]:
        if w.lower() in _SAYING:
            return "say"
        st = content_stems(w)
        if st and st[0] not in _NEGATION_STEMS:
            return st[0]
    return ""


def _kin(stems: set[str]) -> set[str]:
    """The stems with the other forms of their events ("hurt": "injur", "wound")."""
    out = set(stems)
    for s in stems:
        out |= _STEM_FAMILY.get(s, frozenset())
    return out


#: A denial's object that stands for what the sentence before accuses: "Both men deny
#: the charges" after "Oakes is accused of handling stolen goods".
_ACCUSATIONS = frozenset(map(stem, restated.ACCUSATIONS))


def _denied_alike(text: str, claim: set[str], arts: list[IndexedArticle]) -> bool:
    """Whether a sentence anywhere in the cited articles denies what a negated clause of
    the claim denies: its negation (or verb of declining: "declined to say whether") has
    in its scope the word the claim's cue governs, or another form of that event ("No one
    was hurt" where it says "Nobody was injured"), and two of the claim's scope words (or
    its one). The claim takes its words from the whole cited text, and the best window
    need not hold the sentence its negated clause comes from ("Brenmouth is not for
    sale", quoted three sentences on). A denial naming someone before its cue whom the
    claim does not name is another's ("Oakes was not convicted" says nothing of Varley);
    "the charges" a denial rejects are what the sentence before accuses."""
    for c in checks.clauses(text):
        if c.scope is None or _WHETHER_OR_NOT.search(text, c.start, c.scope[1]):
            continue  # "whether or not the government approved": a condition, no denial
        head = _denied_head(text, c)
        mine = _scope_words(text, *c.scope)
        if not head or head not in mine:
            continue
        need = min(2, len(mine))
        # a sentence writing no form of the denied word, nor a charge it denies, is skipped
        near = _kin({head}) | _ACCUSATIONS if head != "say" else None
        for art in arts:
            for i, sent in enumerate(art.sentences):
                if near is not None and near.isdisjoint(sent.stems):
                    continue
                for a, b in _denials_in(art.text, sent):
                    theirs = _scope_words(art.text, a, b)
                    enough = need
                    if i and theirs and theirs <= _ACCUSATIONS | {"say"}:
                        # "deny the charges": all the claim denies is what was charged
                        theirs |= art.sentences[i - 1].stems
                        enough = len(mine)
                    theirs = _kin(theirs)
                    if head not in theirs or sum(1 for w in mine if w in theirs) < enough:
                        continue
                    lead = art.text[sent.start : a]
                    names = {
                        s for w in words(lead)[1:] if w[:1].isupper() for s in content_stems(w)
                    }
                    if names <= claim:
                        return True
    return False


_WHETHER_OR_NOT = re.compile(r"\bwhether\s+or\s+not\b", re.IGNORECASE)


def _denials_in(text: str, sent: IndexedSentence) -> Iterator[tuple[int, int]]:
    """The scopes of a sentence's negated clauses, and what a verb of declining governs
    to its clause's end ("declined to say whether she would receive any payment")."""
    if sent.negations:
        for clause, _, _ in sent.clauses:
            if clause.scope is not None:
                yield clause.scope
    yield from restated.declining_spans(text, sent.start, sent.end)


def _same_lead(before: list[set[str]], chosen: list[Window]) -> bool:
    """Whether a negated window clause says before its cue all a negated claim clause says
    before its own ("some passengers said they never got one" where it says "Some
    passengers said they never received one"): the same denial of a verb in other words."""
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            if not sent.negations:
                continue
            for clause, _, _ in sent.clauses:
                if clause.scope is None:
                    continue
                theirs = set(content_stems(art.text[clause.start : clause.scope[0]]))
                if any(lead <= theirs for lead in before):
                    return True
    return False


def _denies_window(text: str, chosen: list[Window]) -> bool:
    """Whether a negation of the claim denies something the evidence window may state.

    A negated word whose opposite the window writes agrees with it ("not allowed" where
    it says "banned"). "without" describes a manner that sources often state in a word of
    their own ("cross without paying" where the source says "cross free"): it denies only
    a word the window writes. Any other cue ("not", "refused") denies its clause."""
    negated = [c for c in checks.clauses(text) if c.scope is not None]
    if not negated:
        return True  # a cue the clauses did not place: read as before, a denial
    # "did not resume until noon" says when it resumed: no denial
    scopes = [c.scope for c in negated if c.scope is not None and not _says_when(text, c)]
    window: set[str] = set()
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            window |= sent.stems
    mine = set(content_stems(text))  # an opposite the claim writes too is no paraphrase
    for a, b in scopes:
        scoped = text[a:b]
        stems = content_stems(scoped)
        denied = content_stems(" ".join(words(scoped)[1:]))  # the cue's own word left out
        if not window.isdisjoint(checks.opposite_words(denied) - mine):
            continue  # "not allowed" where the evidence says "banned": the same
        if not _WITHOUT.match(scoped) or not window.isdisjoint(stems):
            return True
    return False


_WITHOUT = re.compile(r"without\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"\s+at\s+(?:the\s+)?(?:least|earliest)\b", re.IGNORECASE)
_UNTIL = re.compile(r"\s*(?:until|till)\b", re.IGNORECASE)
_UNTIL_IN = re.compile(
    r"\b(?:until|till)\b|\b(?:no|not)\s+(?:earlier|sooner)\s+than\b", re.IGNORECASE
)


_WITHOUT_END = re.compile(r"\bwithout((?:\s+\w+)?)\W*$", re.IGNORECASE)
#: "without" and a pronoun: "without it the site could close" (otherwise, it could).
_WITHOUT_PRONOUN = re.compile(
    r"without\s+(?:it|them|this|that|these|those|him|her|one|which)\b", re.IGNORECASE
)


def _bare_without(text: str, clause: checks.Clause) -> bool:
    """Whether a clause ends in "without" and a pronoun ("a coalition without it"), or its
    negation is "without" and a pronoun ("without it the site could close"): the cue
    governs what the pronoun stands for (a condition), not the clause."""
    assert clause.scope is not None
    if _WITHOUT_PRONOUN.match(text, clause.scope[0]):
        return True
    m = _WITHOUT_END.search(text, clause.start, clause.end)
    return m is not None and (not m.group(1) or m.group(1).split()[0].lower() in STOPWORDS)


#: "whether ..." to the end of its clause: what a sentence asks, stating neither answer.
_WHETHER = re.compile(r"\bwhether\b[^,;:.]*", re.IGNORECASE)


def _questioned(text: str) -> frozenset[str]:
    """The stems a claim writes only inside a "whether" clause (and nowhere else)."""
    if "whether" not in text.lower():
        return frozenset()
    inside = {s for m in _WHETHER.finditer(text) for s in content_stems(m.group(0))}
    outside = set(content_stems(_WHETHER.sub(" ", text)))
    return frozenset(inside - outside)


#: A negation of knowing before a question: "not yet clear how", "not known whether".
_UNKNOWN = re.compile(
    r"(?:not|never|no\s+one|nobody)\s+(?:yet\s+|immediately\s+|entirely\s+)?"
    r"(?:clear|known|certain|sure|know|knew)"
    r"\s+(?:how|why|whether|if|what|when|where|who|which)\b",
    re.IGNORECASE,
)


def _unknown(text: str, clause: checks.Clause, claim: set[str]) -> bool:
    """Whether a negation denies only the knowing of what it asks ("not yet clear how the
    beetle reached Kessel") and the claim does not say it is known: the question's words
    are in doubt, not denied."""
    assert clause.scope is not None
    m = _UNKNOWN.match(text, clause.scope[0])
    return m is not None and claim.isdisjoint(content_stems(m.group(0)))


def _unknown_allowed(text: str, clause: checks.Clause, claim: set[str], claim_text: str) -> bool:
    """Whether a negation of knowing ("not yet clear how the beetle reached Kessel") meets
    a claim that states only a possibility ("may have arrived"): what is in question may
    be; a claim stating it as a fact is surer than the source and stays denied."""
    # a "whether" of the claim asks the question; it states no possibility
    return _unknown(text, clause, claim) and any(
        checks.modal_level(h) >= 2 and h != "whether" for h in checks.hedges(claim_text)
    )


_EXCEPT = re.compile(r"\b(?:except|other\s+than|apart\s+from|save\s+for)\b", re.IGNORECASE)
_ONLY = re.compile(r"\b(?:only|alone|sole)\b", re.IGNORECASE)
_RATHER = re.compile(
    r"\b(?:rather\s+than|instead\s+of|(?:less|more|fewer|lower|higher|smaller|larger)\s+than"
    r"|short\s+of)\s+",
    re.IGNORECASE,
)
_CONTRAST_HEADS = frozenset(
    {"rather", "instead", "less", "more", "fewer", "lower", "higher", "smaller", "larger", "short"}
)


def _only_except(text: str, clause: checks.Clause, claim_text: str) -> bool:
    """Whether a negation with an exception ("no airport was closed except Vessa") says
    what a claim of "only" says ("Vessa was the only airport closed"): the exception alone."""
    assert clause.scope is not None
    if _ONLY.search(claim_text) is None:
        return False
    # the exception may follow the clause's end, within its sentence
    return _EXCEPT.search(text[clause.scope[0] : clause.end + 40].split(". ")[0]) is not None


def _contrasted(claim_text: str, text: str, clause: checks.Clause) -> bool:
    """Whether the claim denies, after "rather than" or "instead of", a word the negation's
    scope writes ("shareholders rather than customers would pay" where the source says the
    fine "would not be added to customers' bills"): the same denial. Or sets it apart by a
    comparison ("70 million less than the ministry's forecast" where the source says "about
    270 million, not the 340 million the ministry has forecast"): the claim compares with
    what the source denies, it does not state it."""
    if not _CONTRAST_HEADS.intersection(w.lower() for w in words(claim_text)):
        return False
    assert clause.scope is not None
    scoped = set(content_stems(text[clause.scope[0] : clause.scope[1]]))
    for m in _RATHER.finditer(claim_text):
        after = claim_text[m.end() : m.end() + 40]
        if checks.quantities(" ".join(after.split()[:2])):
            continue  # "more than 50 people": a bound on a figure, no comparison
        if any(s in scoped for s in content_stems(after)[:2]):
            return True
    return False


def _says_when(text: str, clause: checks.Clause) -> bool:
    """Whether a negation is "not ... until" or "no earlier than": "did not resume until
    noon" and "would reopen no earlier than May 2" say when the thing happens, not that it
    does not."""
    assert clause.scope is not None
    s, e = clause.scope
    return _UNTIL_IN.search(text, s, e) is not None or _UNTIL.match(text, clause.end) is not None


def _negated_sentences(chosen: list[Window], claim: set[str]) -> bool:
    """Whether a window sentence that carries the claim's words (two or more, or the one
    of a claim of one: "but neither will be disciplined") is negated. The negation words
    themselves are not among them: a "not" in both says nothing of what is denied."""
    claim = claim - _NEGATION_STEMS
    for art, first, last, _ in chosen:
        for sent in art.sentences[first : last + 1]:
            if sent.negations and len(sent.stems & claim) >= min(2, len(claim)):
                return True
    return False


_NEGATION_STEMS = frozenset(
    stem(w) for cue in checks.NEGATION_CUES for w in cue.split() if w not in STOPWORDS
)


# the cue, its verb, and the word after the verb unless that is a name: "could cut Israeli
# carriers' flight times" hedges the cutting, not whatever the claim says of "Israeli"
_HEDGE_NEAR = re.compile(
    r"\b(" + "|".join(checks.cue_pattern(c) for c in checks.EVIDENCE_HEDGES) + r")"
    r"(?=\s+(?:(?:not|also|soon|still|now|then|be|have|been|to)\s+)*(\w+)(?:\s+((?-i:[a-z])\w*))?)",
    re.IGNORECASE,
)


#: Verbs of saying: function words to the coverage, but a hedge may govern them.
_SAYING = frozenset({"say", "says", "said", "tell", "tells", "told"})

_EVIDENCE_CUES = tuple(c.lower() for c in checks.EVIDENCE_HEDGES)

_REPORTED = re.compile(r"\b(?:said|says|announced|confirmed|decided|agreed)\b[^.]*$", re.I)


_NEGATED_BEFORE = re.compile(r"\b(?:neither|nor|not|never)\s+$", re.IGNORECASE)


def _hedge_near(
    window_text: str,
    claim: set[str],
    facts: ClaimFacts,
    hedged: set[str] | None = None,
    acts: set[str] | None = None,
) -> tuple[str, int] | None:
    """A plan/possibility cue in the evidence directly governing one of the claim's words
    that the claim states more surely there, with its level (1 a plan or future, 2 a
    possibility); the strongest such cue. ``hedged`` gets the claim's words it governs,
    ``acts`` those of them that are the cue's own verb ("could *close*", not "could
    keep *inflation*")."""
    found: tuple[str, int] | None = None
    # ASCII text holds a cue only as written, lower-cased (the pattern ignores case)
    low = window_text.lower() if window_text.isascii() else None
    cueless = low is not None and not any(c in low for c in _EVIDENCE_CUES)
    for m in () if cueless else _HEDGE_NEAR.finditer(window_text):
        if m.group(1)[0].isupper() and window_text[: m.start()].rstrip()[-1:] not in '.!?"':
            continue  # "Theresa May said", "in May": a name or a month, not the modal
        cue = m.group(1).lower()
        if cue == "would" and restated.asked(window_text, m.start(), m.group(2)):
            continue  # "we would urge anyone to come forward": a request, made as it is said
        # "will remain shut": the state holds now, only its lasting is planned
        kept = (m.group(2),) if restated.continuing(m.group(2)) else (m.group(2), m.group(3))
        governed = {stem(w) for w in kept if w} & claim
        if m.group(2).lower() in _SAYING and not _SAYING.isdisjoint(facts.toks):
            governed.add("say")  # "some might say" is no support for "he says"
        if (
            cue in ("would", "will")
            and _REPORTED.search(window_text[max(0, m.start() - 40) : m.start()])
            and not _stated_as_done(facts.text, governed)
        ):
            continue  # "said on Monday it would extend": an announced decision, not a maybe
        if cue == "will" and (
            _NEGATED_BEFORE.search(window_text, max(0, m.start() - 12), m.start())
            or window_text.startswith(" not", m.end(1))
        ):
            continue  # "neither will be disciplined", "will not": a decision, not a plan
        if cue == "will" and _scheduled_present(facts.text, window_text, m):
            continue  # "runs until November 3" for "will run until November 3": a timetable
        if cue == "could" and window_text.startswith(" not", m.end(1)):
            continue  # "could not afford": what "cannot" says in the past, no possibility
        if cue in ("will", "would") and not governed.isdisjoint(
            restated.decided(facts.text, window_text)
        ):
            continue  # "will keep the prize" where the claim says "voted to let Venn keep it"
        if restated.estimated(facts.text, cue, governed):
            continue  # "could cost" where the claim says "an analyst put the cost at"
        if restated.permitted(facts.text, cue, governed):
            continue  # "could return" where the claim says "were allowed to return"
        if restated.named_plan(facts.text, window_text, m.start(), cue, governed, m.group(2)):
            continue  # "the government's plan to cap" where the claim says "the cap"
        if cue == "whether" and governed and _other_proposition(window_text, m.end(1), facts.text):
            continue  # "investigating whether similar problems occurred at other sites"
            # hedges that proposition, not the claim's "had known about the problems"
        if governed:
            level = checks.modal_level(cue)
            if level > _claim_level_at(facts, governed) and (found is None or level > found[1]):
                found = (cue, level)
                if hedged is not None:
                    hedged |= governed
                if acts is not None:
                    acts |= governed & {stem(m.group(2).lower()), "say"}
    if found is None and not facts.modality:
        found = _subject_hedged(window_text, claim, facts.text)
        if found is not None and acts is not None:
            acts |= claim  # the subject's whole sentence: any of its words
    if found is None and _PERFECT.search(facts.text):
        # "said it would publish its data" is no support for "has published its data"
        for m in _WOULD.finditer(window_text):
            if restated.asked(window_text, m.start(), m.group(1)):
                continue  # "we would urge": a request, made as it is said
            if _stated_as_done(facts.text, _would_words(window_text, m) & claim):
                if acts is not None:
                    acts |= _would_words(window_text, m) & claim
                return ("would", 1)
    return found


#: How many of the claim's words a plan's article and an article stating it as done share
#: in their windows, for the second to be saying the same thing.
_SAME_MATTER = 2


def _stated_by_another(chosen: list[Window], claim: set[str], facts: ClaimFacts) -> bool:
    """Whether a claim citing several articles, hedged in one of them ("will impose rolling
    cuts from Wednesday"), is stated without a hedge by another ("the first cuts began on
    Wednesday"): each article is read on its own, and the later report of the same matter
    (two of the claim's words the hedged sentence writes, one a plain word) holds what the
    earlier one planned."""
    if len({id(art) for art, *_ in chosen}) < 2:
        return False
    per_article: dict[int, list[IndexedSentence]] = {}
    texts: dict[int, str] = {}
    for art, f, t, _ in chosen:
        per_article.setdefault(id(art), []).extend(art.sentences[f : t + 1])
        texts[id(art)] = art.text
    hedged: list[frozenset[str]] = []
    sure: list[frozenset[str]] = []
    for key, sents in per_article.items():
        said = [(texts[key][x.start : x.end], x.stems & claim) for x in sents]
        if _hedge_near(" ".join(text for text, _ in said), claim, facts) is None:
            sure.append(frozenset().union(*(stems for _, stems in said)))
        else:
            hedged.extend(stems for text, stems in said if _hedge_near(text, claim, facts))
    # a name or a day both write is no sign of one matter: a plain word of the claim must be
    plain = {stem(w.lower()) for w in words(facts.text) if w[:1].islower()}
    return any(
        len(shared := h & s) >= _SAME_MATTER and not plain.isdisjoint(shared)
        for h in hedged
        for s in sure
    )


def _settled_later(
    arts: list[IndexedArticle], chosen: list[Window], claim: set[str], facts: ClaimFacts
) -> bool:
    """Whether a cited article published after every article whose window hedges the
    claim states it outright in a sentence of its own ("Carrowdale Museum has raised the
    £1.35 million" in May, where February's report said the hoard "could be returned"):
    a sentence of that later article, anywhere in it, with no hedge of the claim and as
    many of the claim's words as any hedged window sentence writes (four at least). A
    later report settles what an earlier one left open."""
    if len(arts) < 2:
        return False
    hedged = [
        (art, art.sentences[f : t + 1])
        for art, f, t, _ in chosen
        if _hedge_near(art.text[art.sentences[f].start : art.sentences[t].end], claim, facts)
    ]
    if not hedged or any(a.published is None for a, _ in hedged):
        return False
    since = max(a.published for a, _ in hedged if a.published is not None)
    need = max(_SETTLED, *(len(x.stems & claim) for _, sents in hedged for x in sents))
    return any(
        later.published is not None
        and later.published > since
        and len(sent.stems & claim) >= need
        and _hedge_near(sent.text, claim, facts) is None
        for later in arts
        for sent in later.sentences
    )


#: How many of the claim's words a later article's sentence must write to settle a hedge.
_SETTLED = 4


#: How many more of a claim clause's words another window sentence must write than a
#: hedged one, for the clause to be taken from that other sentence.
_CLEARLY_MORE = 2


def _hedged_elsewhere(chosen: list[Window], claim: set[str], facts: ClaimFacts) -> bool:
    """Whether every hedge of the window sits in a sentence the claim does not take the
    hedged words from: each claim clause that writes a word a hedge governs is written
    clearly more fully by another window sentence ("Rinaldi questioned whether the closure
    was clear" next to "the sign had been half-covered by snow since Tuesday", for a claim
    that "the closure sign had been half-buried in snow since Tuesday"). A hedge in a
    neighbouring sentence about another matter is no hedge of the claim. A hedge of an
    act the claim states ("will now be returning" for "have returned") stands wherever
    it is: only one that governs a noun the claim writes ("could keep inflation above
    target") is read by the sentence."""
    sents = [x for art, f, t, _ in chosen for x in art.sentences[f : t + 1]]
    if len(sents) < 2:
        return False
    parts = [
        frozenset(content_stems(facts.text[c.start : c.end])) & claim
        for c in checks.clauses(facts.text)
    ]
    any_hedge = False
    for i, sent in enumerate(sents):
        governed: set[str] = set()
        acts: set[str] = set()
        if _hedge_near(sent.text, claim, facts, governed, acts) is None:
            continue
        if acts:
            return False  # the claim states the act the evidence hedges
        any_hedge = True
        for part in parts:
            if governed.isdisjoint(part):
                continue
            mine = len(part & sent.stems)
            best = max(len(part & x.stems) for j, x in enumerate(sents) if j != i)
            if best < mine + _CLEARLY_MORE:
                return False  # the hedged sentence is where this clause comes from
    return any_hedge


def _scheduled_present(claim_text: str, window_text: str, m: re.Match[str]) -> bool:
    """Whether the claim states what the evidence's "will" governs no more surely than a
    timetable does: the same verb with the "-s" of the present ("will run until" as "runs
    until"), or what "will be" makes it as a bare complement, with no tense at all ("with
    hospitals exempt" for "will be exempt"; "is exempt", "has opened" are surer)."""
    verb = m.group(2).lower()
    if verb in STOPWORDS or verb in NUMERIC_WORDS or len(verb) < 3:
        return False  # "will be a living tribute", "will be three times": nothing to restate
    if re.search(rf"\b{re.escape(verb)}e?s\b", claim_text, re.IGNORECASE):
        return True
    # "Applications open on July 1": the bare present of a plural subject, with its date
    for bare in re.finditer(rf"([\w']+)\s+{re.escape(verb)}\b([^.;:]*)", claim_text, re.I):
        lead = bare.group(1).lower()
        if not (lead.isalpha() and lead.endswith("s")) or lead in _TENSED or lead in _NOT_PRESENT:
            continue  # "will open", "to open", "a 24-hour strike": no plural subject's present
        if _DATED.match(bare.group(2)):
            return True
    if " be " not in window_text[m.end(1) : m.start(2) + 1].lower():
        return False
    said = re.search(rf"([\w']+)\s+{re.escape(verb)}\b", claim_text, re.IGNORECASE)
    return said is not None and said.group(1).lower() not in _TENSED and "'" not in said.group(1)


#: Words before a bare verb that make it no present: a modal, "to", "do".
_NOT_PRESENT = frozenset(
    "will would may might could can should must shall to do does did not never".split()
)
#: What dates a present as a timetable: a day, a month or a year later in its clause.
_DATED = re.compile(
    r"[^.;:]*?\s(?:on|from|until|till|in|by|at|next|this)\s+"
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"[a-z]*\b|week|month|year|tomorrow)",
)

#: Words that give a complement a tense ("is exempt", "has opened"): surer than "will be".
_TENSED = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "did", "not"}
)


#: Where the clause a "whether" opens ends.
_CLAUSE_END = re.compile(r"[.,;:!?\n]")


def _other_proposition(text: str, at: int, claim_text: str) -> bool:
    """Whether the clause a "whether" opens at ``at`` in ``text`` asks about other instances
    than the claim's ("whether similar problems occurred at other sites": a word of
    extension the claim does not write): it puts those in doubt, not what the claim says
    ("had known about the problems")."""
    end = _CLAUSE_END.search(text, at)
    clause = {w.lower() for w in words(text[at : end.start() if end else len(text)])}
    extension = clause & _EXTENSION
    return bool(extension) and extension.isdisjoint(w.lower() for w in words(claim_text))


#: Words by which a clause extends what it says to other instances.
_EXTENSION = frozenset({"other", "others", "similar", "further", "additional", "elsewhere"})


# "has published", "has been approved" (the participle after "been"), "already built"
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?([A-Za-z]+)|\balready\s+([A-Za-z]+)",
    re.IGNORECASE,
)
_SUBJECT_HEDGE = re.compile(r"\b([A-Za-z]{3,})\s+(may|might|could)\b", re.IGNORECASE)


def _subject_hedged(window_text: str, claim: set[str], claim_text: str) -> tuple[str, int] | None:
    """A possibility cue whose subject the claim states something surer of, in a verb the
    evidence never writes: "the fog may have been a factor" is no support for "the fog
    caused the collision" (the cue governs no word of the claim, so :func:`_hedge_near`'s
    main reading misses it). The hedged sentence must be the claim's: three of the claim's
    words there, the subject among them."""
    low = window_text.lower()
    if window_text.isascii() and "may" not in low and "might" not in low and "could" not in low:
        return None  # no cue (as written, lower-cased: the pattern ignores case)
    for m in _SUBJECT_HEDGE.finditer(window_text):
        subject = m.group(1)
        if stem(subject.lower()) not in claim:
            continue
        if m.group(2).lower() == "could" and window_text.startswith(" not", m.end(2)):
            continue  # "the missing leaves could not be replaced": what cannot be, no maybe
        start = low.rfind(". ", 0, m.start()) + 1
        end = low.find(". ", m.end())
        if len(set(content_stems(low[start : end if end >= 0 else len(low)])) & claim) < 3:
            continue
        said = re.search(r"\b" + re.escape(subject) + r"\s+([A-Za-z]+)", claim_text, re.I)
        verb = said.group(1).lower() if said else ""
        if verb and verb not in STOPWORDS and not _at_word(low, verb, whole=True):
            return (m.group(2).lower(), 2)
    return None


_WOULD = re.compile(r"\bwould\s+([A-Za-z]+)", re.IGNORECASE)
#: The words of what "would" governs: its verb and the object after it, to the clause's end.
_WOULD_REACH = 6


def _would_words(text: str, m: re.Match[str]) -> set[str]:
    """Stems of what an announced "would" governs: its verb and the rest of its clause, a
    few words at most ("would ask regulators for approval": ask, regulators, approval)."""
    end = next((c.end for c in checks.clauses(text) if c.start <= m.start(1) < c.end), len(text))
    reach = words(text[m.start(1) : end])[:_WOULD_REACH]
    return {stem(w.lower()) for w in reach}


# "is paying", and in the passive "are being taken" (the participle after "being")
_PROGRESSIVE = re.compile(
    r"\b(?:is|are|am)\s+(?:being\s+([A-Za-z]+)|([A-Za-z]+ing))\b", re.IGNORECASE
)


#: "is due to begin", "to be led by", "is due next month", "in line for culling": an
#: arrangement, stated as a plan.
_ARRANGED = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:due|set|scheduled)\s+(?:to\s+(?:be\s+)?)?"
    r"|to\s+be\s+|(?:in\s+line|due|set|earmarked|slated|scheduled)\s+for\s+)"
    r"([A-Za-z]+)",
    re.IGNORECASE,
)


#: "is to begin felling on Monday": with a day, an arrangement ("are to return" alone may
#: be an order, or a plan: only its date makes it a timetable).
_TO_DO = re.compile(r"\b(?:is|are|was|were)\s+to\s+(?:be\s+)?([A-Za-z]+)", re.IGNORECASE)


def _stated_as_done(text: str, governed: set[str]) -> bool:
    """Whether the claim writes one of ``governed`` as done ("has published", "already
    built", "has been approved"): an announced "would publish" is then no support. After a
    modal ("would have cost", "may have happened") nothing is stated as done."""
    # "would examine whether the main had been maintained": asked, not stated as done
    asked = [q.span() for q in _WHETHER.finditer(text)] if "whether" in text.lower() else []
    return any(
        stem((m.group(1) or m.group(2)).lower()) in governed
        and (m.group(1) or m.group(2)).lower() not in _NOT_DONE
        and not _MODAL_BEFORE.search(text, 0, m.start())
        and not any(a <= m.start() < b for a, b in asked)
        for m in _PERFECT.finditer(text)
    )


#: Words after "has" that state nothing done: "have not yet moved".
_NOT_DONE = frozenset({"not", "never", "yet", "no"})


# and after "to" ("were to have water delivered", "expected to have finished") neither
# nor with an adverb between ("would then have been free", "could still have won")
_MODAL_BEFORE = re.compile(
    r"\b(?:may|might|could|would|should|must|will|shall|to)\s+"
    r"(?:(?:then|still|also|not|never|already|even|easily|well|probably|possibly)\s+)*$",
    re.I,
)

#: Where the subject of a claim's modal verb begins: after a clause's opening word.
_SUBJECT_START = re.compile(
    r"[;:.]|\b(?:that|and|but|while|because|after|before|when|although|if|which|who)\b",
    re.IGNORECASE,
)


#: Modal verbs hedge only what follows them ("will examine the deal"); other cues
#: ("reportedly", "plans to") the whole claim.
_MODAL_VERBS = frozenset({"may", "might", "could", "would", "will", "shall"})
_WORD_AT = re.compile(r"[A-Za-z]+")
_MODAL_VERB = re.compile(r"\b(" + "|".join(sorted(_MODAL_VERBS)) + r")\b", re.IGNORECASE)


def _claim_level_at(facts: ClaimFacts, governed: set[str]) -> int:
    """How surely the claim states the words ``governed``: the level of a modal verb
    written before one of them in the claim, or of a cue that hedges the whole claim.

    "Regulators will examine the deal because the two would sell 40%" states "examine" as
    a plan, whatever "would sell" says after it; "said they would challenge" is a plan
    (reported), not a possibility.
    """
    text = facts.text
    # "is paying", "are leaving on Friday": the present progressive states a plan too, and
    # so do "is due to begin" and "to be led by" (what is arranged, not yet done)
    level = int(
        any(
            stem((m.group(1) or m.group(2)).lower()) in governed
            for m in _PROGRESSIVE.finditer(text)
        )
        or any(stem(m.group(1).lower()) in governed for m in _ARRANGED.finditer(text))
        or any(
            stem(m.group(1).lower()) in governed and _DATED.match(text, m.end())
            for m in _TO_DO.finditer(text)
        )
    )
    if not facts.modality:
        return level
    last = max(
        (m.start() for m in _WORD_AT.finditer(text) if stem(m.group(0).lower()) in governed),
        default=-1,
    )
    for m in _MODAL_VERB.finditer(text):
        if m.start() >= last:
            # "€685 million, half the proceeds, will go to": a future plans its subject too
            if m.group(1).lower() not in ("will", "shall"):
                continue
            lead = _SUBJECT_START.split(text[: m.start()])[-1]
            if governed.isdisjoint(stem(w.lower()) for w in _WORD_AT.findall(lead)):
                continue
        cue = m.group(1).lower()
        lv = checks.modal_level(cue)
        if cue in ("would", "will") and _REPORTED.search(text[max(0, m.start() - 40) : m.start()]):
            lv = 1  # "said they would challenge": what they announced
        level = max(level, lv)
    for cue in checks.hedges(text):
        if cue.split()[0] not in _MODAL_VERBS:
            level = max(level, checks.modal_level(cue))
    return level
