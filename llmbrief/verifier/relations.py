"""Relations: who did what to whom, checked against the evidence sentence.

Word overlap cannot see a claim that uses the source's own words with the roles exchanged
("Davis beat Bouchard" when the source says "Bouchard beat Davis"). :func:`role_clash` finds,
around a relation word the evidence also uses (a verb, a noun such as "attack", or one of a
few ordering prepositions), the claim's two participants (names or figures) and checks
that the evidence puts them in the same roles: the doer before an active verb, after
"by" in a passive one. It fires only on a clear contradiction (the evidence has the same
relation word with the participants exchanged, or with another name as the doer while the
claim's doer sits elsewhere in that sentence), and stays silent when the evidence also
has the claim's reading somewhere, or when a pronoun, a clause or an unnamed doer ("the
22-year-old") stands in the way: it would rather miss than flag a paraphrase.

Everything here is pure and deterministic: tokens with their character offsets, a light
stemmer (:func:`.lexicon.stem`), no model and no parser.

Roles held of an owner are read too (:func:`owner_clash`): a role word the claim gives an
owner in the evidence's own words where the evidence gives that owner another role ("sent
the singer's lawyer" where it says "sent the singer's publicist"; titles of one post, as in
``data/title_synonyms.txt``, are the same role), and a role the claim sets beside a person
for one named owner where the evidence sets it beside them for another ("Desmond Pryce,
Marlen's barrister" where it says "Desmond Pryce, the barrister representing the Signal"; a
description such as "the newspaper's barrister" is not read). A name set between commas is
the doer of the verb after it ("The calf's mother, Kesi, arrived"): the evidence's doer so
set ("Her father, Tomba, arrived from Halden") in a sentence that never names the claim's is
the wrong doer.

A splice check (the claim's subject from one evidence sentence, the rest from another,
non-adjacent one about a different name) was measured on the whole dev suite and dropped:
without coreference ("A Florida woman" is the Carrion-Moore of the sentence before) it
flagged more supported claims than unsupported ones on every set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Protocol

from .lexicon import (
    STOPWORDS,
    content_stems,
    data_json,
    data_lines,
    data_words,
    stem,
    stem_words,
    words,
)

__all__ = [
    "RoleClash",
    "TitledName",
    "body_clash",
    "name_lexicon",
    "owner_clash",
    "paragraph_before",
    "role_clash",
    "self_pairing",
    "speaker_clash",
    "title_clash",
    "titled_names",
]

_TOKEN = re.compile(
    r"[$£€]?\d+(?:[.,]\d+)*(?:%|bn|m|k)?"  # figures: 1,500  3.5%  $10bn
    r"|[^\W\d_]+(?:[’'\-][^\W\d_]+)*(?:[’']s?)?"  # words (any alphabet), possessive 's
    r"|[’']s\b"  # tokenised possessive: "kilmarnock 's"
    r"|[.;:!?,()\"“”]"
)

#: Where the search for a participant stops: the end of a sentence or clause.
_HARD_STOP = frozenset('.;:!?()"“”')
_PUNCT = _HARD_STOP | {","}
_DATA = data_json("relations.json")
#: A pronoun between the relation word and the nearest name is the real doer (or done-to).
_PRONOUNS = frozenset(_DATA["pronouns"].split())
#: Relations that read the same both ways round ("A met B" is "B met A").
_SYMMETRIC = frozenset(stem(w) for w in _DATA["symmetric"].split())
#: Prepositions that order two participants by themselves ("from 5% to 7%", "more than").
_ORDERING = frozenset(_DATA["ordering"].split())
#: How many little words may stand between a relation word and its participant...
_MAX_GAP = 4
#: ...and how many describing words before the one done to (measured on every set: 0 to 3
#: raise no false alarm; 3 reads "buy the regional dairy group Pellham Dairy").
_RIGHT_MODIFIERS = 3
#: Relation words that say the same with the roles the other way round ("A lost to B").
_CONVERSE: dict[str, tuple[str, ...]] = {
    stem(k): tuple(stem(w) for w in v.split()) for k, v in sorted(_DATA["converse"].items())
}
#: Irregular forms the shared stemmer does not join (it joins "won" and "win").
_PARTICIPLES: dict[str, str] = dict(_DATA["participles"])
#: Words that may stand between a relation word and its participant: articles,
#: auxiliaries, negation and prepositions; never a conjunction, which opens another clause.
_LITTLE = frozenset(_DATA["little"].split())
_NUMBER_WORDS = frozenset(_DATA["number_words"].split())
_NOT_NAMES = frozenset(_DATA["not_names"].split())
#: Verbs whose subject does what follows their "to" ("A agreed on Tuesday to buy B").
_CONTROL = frozenset(_DATA["control"].split())
#: Time words that may stand between them ("on Tuesday").
_TIME_WORDS = frozenset(_DATA["not_names"].split()[:19])
#: Verbs that report what someone said.
_SPEECH = frozenset(_DATA["speech"].split())
#: Share of the claim's words (its speaker's left out) the sentence that says them must carry.
_SPEECH_OVERLAP = 0.5


class _Placed(Protocol):
    """A sentence of an article: where it starts and its text."""

    @property
    def start(self) -> int: ...
    @property
    def text(self) -> str: ...


#: An article's names, or a function that computes them (called only when a claim has
#: something to compare: most claims never need them).
Names = frozenset[str] | Callable[[], frozenset[str]]


def _resolve(names: Names) -> frozenset[str]:
    return names() if callable(names) else names


@lru_cache(maxsize=4096)
def _claim_names(claim: str) -> frozenset[str]:
    """:func:`name_lexicon` of a claim (the three checks read it; computed once)."""
    return name_lexicon(claim)


def _relations(ctoks: list[_Tok]) -> list[tuple[int, str, _Role, _Role]]:
    """(relation word, its stem, doer, done-to) of each relation the claim's tokens show."""
    out = []
    for v, tok in enumerate(ctoks):
        s = _cue_stem(tok)
        roles = _roles(ctoks, v) if s is not None else None
        if s is not None and roles is not None and not _same(*roles):
            out.append((v, s, *roles))
    return out


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    kind: str  # "name", "fig", "word" or "punct"
    possessive: bool = False


@dataclass(frozen=True)
class _Role:
    """A participant as found around a relation word: its tokens (a name may be several)."""

    keys: frozenset[str]
    start: int
    end: int
    label: str
    named: bool


@dataclass(frozen=True)
class RoleClash:
    """Roles of a claim's participants that the evidence sentence contradicts.

    Attributes:
        reason: a sentence a reader can check ("roles swapped: ...").
        claim_spans: character spans in the claim of the two participants and the relation
            word, in text order.
        evidence_spans: the same three in the evidence text, in text order.
    """

    reason: str
    claim_spans: list[tuple[int, int]] = field(default_factory=list)
    evidence_spans: list[tuple[int, int]] = field(default_factory=list)


_UPPER = re.compile(r"[A-Z]")


def _is_cased(text: str) -> bool:
    return _UPPER.search(text, 1) is not None


def _raw_tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def name_lexicon(text: str) -> frozenset[str]:
    """Lowercased words of ``text`` that are names: written capitalised, never in lowercase.

    A capitalised word opening a sentence counts too, unless the text also uses it in
    lowercase ("Police said ..." and "... told police"); stopwords, weekdays, months and
    titles never do.
    """
    caps: set[str] = set()
    lower: set[str] = set()
    for tok in _WORD.findall(text):
        (caps if tok[0].isupper() else lower).add(_classify(tok)[0])
    return frozenset(
        w for w in caps - lower if w not in STOPWORDS and w not in _NOT_NAMES and len(w) > 1
    )


_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*(?:[’']s?)?")


@lru_cache(maxsize=65536)
def _classify(tok: str) -> tuple[str, bool, bool]:
    """(lowercased base form, is a figure, is a possessive) of a word token."""
    low = tok.lower().replace("’", "'")
    poss = low.endswith("'s")
    if poss:
        low = low[:-2]
    low = low.rstrip("'")
    if tok[0].isdigit() or tok[0] in "$£€" or low in _NUMBER_WORDS:
        return low.replace(",", ""), True, poss
    return low, False, poss


def _tokens(text: str, lexicon: frozenset[str], more: frozenset[str] = frozenset()) -> list[_Tok]:
    """Tokens with their kind (names from ``lexicon`` or ``more``); in cased text a name
    must be written capitalised."""
    cased = _is_cased(text)
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        s, e = m.span()
        if tok in _PUNCT:
            out.append(_Tok(tok, tok, s, e, "punct"))
            continue
        low, fig, poss = _classify(tok)
        if not low:  # tokenised possessive, "kilmarnock 's": mark the word before
            if out and out[-1].kind != "punct":
                prev = out[-1]
                out[-1] = _Tok(prev.text, prev.low, prev.start, e, prev.kind, True)
            continue
        if fig:
            kind = "fig"
        elif (low in lexicon or low in more) and not (cased and tok[0].islower()):
            kind = "name"
        else:
            kind = "word"
        out.append(_Tok(tok, low, s, e, kind, poss))
    return out


def _group(toks: list[_Tok], i: int) -> _Role:
    """The whole name around token ``i``, or the figure.

    A name is a run of name tokens, joined across "of" ("Bank of Osterby") and ending at a
    possessive.
    """
    a = b = i
    if toks[i].kind == "name":
        while a > 0 and not toks[a - 1].possessive:
            if toks[a - 1].kind == "name":
                a -= 1
            elif a > 1 and toks[a - 1].low == "of" and toks[a - 2].kind == "name":
                a -= 2
            else:
                break
        while b + 1 < len(toks) and not toks[b].possessive:
            if toks[b + 1].kind == "name":
                b += 1
            elif b + 2 < len(toks) and toks[b + 1].low == "of" and toks[b + 2].kind == "name":
                b += 2
            else:
                break
    keys = frozenset(t.low for t in toks[a : b + 1])
    label = " ".join(t.text for t in toks[a : b + 1])
    return _Role(keys, toks[a].start, toks[b].end, label, toks[i].kind == "name")


def _side(
    toks: list[_Tok], v: int, step: int, modifiers: int = 0, apposed: bool = False
) -> int | None:
    """Index of the participant governed by relation word ``v`` on one side, or None.

    Only little words (auxiliaries, articles, prepositions, particles, "not") may stand
    between them: "Davis has beaten Bouchard", "the win over Leeds"; on the right also
    ``modifiers`` describing words ("beat the defending champion Mei Tanaka"), on the left
    an aside between commas and "who" ("Davis, 26, who beat Bouchard"); never another
    clause.
    """
    i = v + step
    budget = _MAX_GAP + modifiers
    while budget > 0:
        budget -= 1
        if not 0 <= i < len(toks):
            return None
        t = toks[i]
        if t.kind in ("name", "fig"):
            return i
        if step < 0 and t.text == ",":
            # "Davis, the world No 5, beat": the name before the aside is the doer
            j = next((k for k in range(i - 1, max(-1, i - 8), -1) if toks[k].text == ","), None)
            if j is None or j == 0 or toks[j - 1].kind != "name":
                # "The calf's mother, Kesi, arrived": the name set between commas is the doer
                return i - 1 if apposed and _apposed_name(toks, i - 1) else None
            return j - 1
        if step < 0 and t.low in ("who", "which"):
            i += step
            continue
        if step < 0 and (t.low in _CONTROL or t.low in _TIME_WORDS):
            # "Orvane agreed on Tuesday to buy Pellham": the one who agreed buys
            budget += 2 if t.low in _TIME_WORDS else 1  # and "on" before a day is free
            i += step
            continue
        if t.kind == "punct" or t.low in _PRONOUNS:
            return None
        if t.low not in _LITTLE:
            # a describing word or two before the name ("the defending champion Mei
            # Tanaka"); never a conjunction or "said", which start another clause
            if modifiers <= 0 or t.low in STOPWORDS:
                return None
            modifiers -= 1
        i += step
    return None


def _roles(toks: list[_Tok], v: int) -> tuple[_Role, _Role] | None:
    """(doer, done-to) around relation word ``v``, or None when the order does not say.

    "X was beaten by Y" and "X's defeat by Y" are turned round; "invasion of X" after a
    name that is not a possessive ("Y invasion of X") is left unread, since "of" right after
    the relation word may mark either role.
    """
    left = _side(toks, v, -1, apposed=True)
    right = _side(toks, v, 1, _RIGHT_MODIFIERS)
    if left is None or right is None:
        return None
    doer, done = _group(toks, left), _group(toks, right)
    between = {t.low for t in toks[v + 1 : right]}
    if "by" in between:
        doer, done = done, doer
    elif toks[v + 1].low == "of" and not toks[left].possessive:
        return None
    if not doer.named and not (not done.named and toks[v].low in _ORDERING):
        return None  # "the 19-year-old carded 78": an age or a score is nobody's doer
    return doer, done


def _same(a: _Role, b: _Role) -> bool:
    return not a.keys.isdisjoint(b.keys)


def _cue_stem(tok: _Tok) -> str | None:
    """The relation word's stem ("beaten" and "beats" -> "beat"), or None for other words."""
    if tok.kind != "word":
        return None
    if tok.low in _ORDERING:
        return tok.low
    if tok.low in STOPWORDS or len(tok.low) < 3:
        return None
    s = stem(_PARTICIPLES.get(tok.low, tok.low))
    return None if s in _SYMMETRIC else s


def role_clash(claim: str, evidence: str, names: Names = frozenset()) -> RoleClash | None:
    """Whether the evidence gives the claim's participants other roles around the same relation.

    Three contradictions count, each only when no reading of the evidence agrees with the
    claim (the same doer around the same relation word, or its converse):

    * swapped: the claim says A beat B, the source says B beat A (or A lost to B);
    * wrong doer: the claim says A won nine games, the source says C won nine games and
      names A after the verb, as the one done to;
    * reversed: the claim says A beat B, the source says C beat A.

    Args:
        claim: the claim text (citation markers removed).
        evidence: the evidence text the support check chose (one or a few sentences).
        names: :func:`name_lexicon` of the cited article, computed once per article by the
            caller (it also decides names in lower-cased claims); when empty, the evidence's
            own names are used.

    Returns:
        The first clash found, or None when the roles agree or nothing can be compared
        (fewer than two participants, no shared relation word, a pronoun in the way).
    """
    cased = _is_cased(claim)
    # the claim's own capitalised words, kept apart: a union would copy the article's names
    own = _claim_names(claim) if cased else frozenset()
    if _AGAINST.search(claim) or _AGAINST.search(evidence):
        taken = _side_taken(claim, evidence, names, own)
        if taken is not None:
            return taken
    if cased and callable(names) and not _relations(_tokens(claim, frozenset(), own)):
        return None  # a cased claim names its participants itself: nothing to compare
    lexicon = _resolve(names) or (name_lexicon(evidence) if _is_cased(evidence) else frozenset())
    ctoks = _tokens(claim, lexicon, own)
    relations = _relations(ctoks)
    if not relations:  # most claims: nothing to compare, the evidence is never read
        return None
    wanted = {s for _, s, _, _ in relations}
    wanted.update(c for s in list(wanted) for c in _CONVERSE.get(s, ()))
    etoks = _tokens(evidence, lexicon, own)
    readings: dict[str, list[tuple[int, _Role, _Role]]] = {}
    for i, t in enumerate(etoks):
        s = _cue_stem(t)
        if s in wanted:
            roles = _roles(etoks, i)
            if roles is not None:
                readings.setdefault(s, []).append((i, *roles))
    for v, s, doer, done in relations:
        tok = ctoks[v]
        # the evidence's readings in the claim's frame: "B lost to A" is "A beat B"
        frame = [(i, d, o) for i, d, o in readings.get(s, [])]
        if doer.named and done.named:
            frame += [(i, o, d) for c in _CONVERSE.get(s, ()) for i, d, o in readings.get(c, [])]
        contest = doer.named and done.named and s in _CONVERSE
        found = _contradiction(doer, done, frame, etoks, contest, cased)
        if found is None:
            continue
        kind, (i, edoer, edone) = found
        cspans = sorted([(doer.start, doer.end), (tok.start, tok.end), (done.start, done.end)])
        espans = sorted(
            [(edoer.start, edoer.end), (etoks[i].start, etoks[i].end), (edone.start, edone.end)]
        )
        reason = (
            f'{kind}: the claim says "{_quote(claim, cspans)}", '
            f'the source says "{_quote(evidence, espans)}"'
        )
        return RoleClash(reason, cspans, espans)
    return None


_AGAINST = re.compile(r"\bagainst\b", re.IGNORECASE)
#: The words after a verb that name the side it takes ("sided with", "ruled for").
_FOR_SIDE = frozenset({"with", "for", "behind"})


def _sides(toks: list[_Tok]) -> list[tuple[int, str, _Role, _Role | None]]:
    """(verb, its stem, the side it takes, the side it takes it against) of each "sided
    with A against B", "ruled for A", "ruled in favour of A" of a text."""
    out = []
    for i, t in enumerate(toks[:-1]):
        s = _cue_stem(t)
        if s is None or s in _ORDERING:
            continue
        j = i + 1
        if toks[j].low == "in" and [x.low for x in toks[j + 1 : j + 3]] in (
            ["favour", "of"],
            ["favor", "of"],
        ):
            j += 2
        elif toks[j].low not in _FOR_SIDE:
            continue
        k = _side(toks, j, 1, _RIGHT_MODIFIERS)
        if k is None or toks[k].kind != "name":
            continue
        taken = _group(toks, k)
        after = next((m for m in range(k, len(toks)) if toks[m].start >= taken.end), None)
        against = None
        if after is not None and toks[after].low == "against":
            o = _side(toks, after, 1, _RIGHT_MODIFIERS)
            if o is not None and toks[o].kind == "name":
                against = _group(toks, o)
        out.append((i, s, taken, against))
    return out


def _side_taken(claim: str, evidence: str, names: Names, own: frozenset[str]) -> RoleClash | None:
    """A side the claim says a verb took against the one the evidence says it took
    ("sided with A against B" where the source says "sided with B"), or the other way round;
    None when the evidence also has the claim's side."""
    lexicon = _resolve(names) or (name_lexicon(evidence) if _is_cased(evidence) else frozenset())
    ctoks = _tokens(claim, lexicon, own)
    mine = _sides(ctoks)
    if not mine:
        return None
    etoks = _tokens(evidence, lexicon, own)
    theirs = _sides(etoks)
    for v, s, taken, against in mine:
        same = [(i, t, a) for i, st, t, a in theirs if st == s]
        if any(_same(t, taken) for _, t, _ in same):
            continue  # the claim's side is there
        for i, t, a in same:
            if (against is not None and _same(t, against)) or (a is not None and _same(a, taken)):
                end = (against or taken).end
                espans = [(etoks[i].start, (a or t).end)]
                reason = (
                    f'roles swapped: the claim says "{_quote(claim, [(ctoks[v].start, end)])}", '
                    f'the source says "{_quote(evidence, espans)}"'
                )
                return RoleClash(reason, [(ctoks[v].start, end)], espans)
    return None


def _quote(text: str, spans: list[tuple[int, int]]) -> str:
    """The words from the first span to the last, on one line."""
    return " ".join(text[spans[0][0] : spans[-1][1]].split())


def _contradiction(
    doer: _Role,
    done: _Role,
    frame: list[tuple[int, _Role, _Role]],
    etoks: list[_Tok],
    contest: bool,
    cased: bool = False,
) -> tuple[str, tuple[int, _Role, _Role]] | None:
    """The first reading that contradicts (doer, done), unless another one agrees.

    ``contest``: the relation has one winner ("beat", "lose"), so "C beat A" also says that
    A did not beat anyone in that event.
    """
    found: tuple[str, tuple[int, _Role, _Role]] | None = None
    for reading in frame:
        i, edoer, edone = reading
        if _same(edoer, doer) or (_same(edone, done) and not edoer.named):
            return None  # the claim's reading is there (or cannot be ruled out)
        if found is not None:
            continue
        if _same(edoer, done) and _same(edone, doer):
            found = ("roles swapped", reading)  # names, or figures: "from 7% to 5%"
        elif not edoer.named:
            continue
        elif _same(edone, done) and not _same(edoer, done) and _after(etoks, i, doer):
            found = ("wrong doer", reading)
        elif (
            cased
            and _same(edone, done)
            and not _same(edoer, done)
            and not _in_sentence(etoks, i, doer)
            and _between_commas(etoks, edoer)
            and not _initials_of(doer, edoer)
        ):
            # "Kesi arrived from Halden" where that sentence says only "Tomba arrived from
            # Halden": another named doer, and the claim's nowhere in the sentence
            found = ("wrong doer", reading)
        elif contest and _same(edone, doer) and not _mentioned(etoks, done):
            found = ("reversed", reading)
    return found


def _initials_of(a: _Role, b: _Role) -> bool:
    """Whether one participant's label is the other's initials ("RBS", "Royal Bank of
    Scotland"; "PM", "Prime Minister")."""

    def initials(label: str) -> str:
        return "".join(w[0] for w in label.split() if w.lower() not in STOPWORDS).lower()

    short = {a.label.replace(".", "").lower(), b.label.replace(".", "").lower()}
    return bool(short & {initials(a.label), initials(b.label)}) or len(a.keys | b.keys) < 2


def _between_commas(toks: list[_Tok], role: _Role) -> bool:
    """Whether ``role`` is a name set between commas (", Tomba, arrived"): the one a
    description before it ("Her father") names."""
    k = next((j for j, t in enumerate(toks) if t.start == role.start), None)
    m = next((j for j, t in enumerate(toks) if t.end == role.end), None)
    return (
        k is not None
        and m is not None
        and k > 0
        and toks[k - 1].text == ","
        and m + 1 < len(toks)
        and toks[m + 1].text == ","
    )


def _apposed_name(toks: list[_Tok], i: int) -> bool:
    """Whether token ``i`` ends a name set between commas (", Kesi,")."""
    if i < 1 or toks[i].kind != "name":
        return False
    a = i
    while a > 0 and toks[a - 1].kind == "name":
        a -= 1
    return a > 0 and toks[a - 1].text == ","


def _in_sentence(toks: list[_Tok], v: int, role: _Role) -> bool:
    """Whether ``role`` is named in the sentence of token ``v``."""
    a = v
    while a > 0 and toks[a - 1].text not in ".!?":
        a -= 1
    b = v
    while b < len(toks) and toks[b].text not in ".!?":
        b += 1
    return _mentioned(toks[a:b], role)


def _same_name(a: _Role, b: _Role) -> bool:
    """Whether two speakers are one: they share a word, and where both names end in the
    same word, the words before it agree ("Hollin" and "Daniel Hollin", "Director Marco
    Belli" and "Marco Belli"; "Daniel Hollin" is not "Rhys Hollin", nor is the "Civic
    Alliance" the "Green Alliance"). A title before the last word is no first name."""
    if not _same(a, b):
        return False
    x, y = a.label.lower().split(), b.label.lower().split()
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1] or not (x + y)[-2].isalpha():
        return True
    if "of" in x or "of" in y or not all(w.isalpha() for w in x + y):
        return True  # "Simon Trask of Pell & Trask": a person of a firm, not a first name
    p, q = x[-2], y[-2]
    # "Jon" for "Jonathan", a misspelling ("Trussel"): the shorter opens the longer
    return p.startswith(q) or q.startswith(p) or stem(p) in _TITLES or stem(q) in _TITLES


def _names_person(toks: list[_Tok], role: _Role) -> bool:
    """Whether ``toks`` name ``role`` (:func:`_same_name` of a whole name there)."""
    return any(
        _same_name(_group(toks, i), role)
        for i, t in enumerate(toks)
        if t.kind == "name" and t.low in role.keys
    )


def _mentioned(toks: list[_Tok], role: _Role) -> bool:
    return any(t.kind == "name" and t.low in role.keys for t in toks)


def _after(toks: list[_Tok], v: int, role: _Role) -> bool:
    """Whether ``role`` is named after relation word ``v`` in its sentence (as its object)."""
    for t in toks[v + 1 :]:
        if t.kind == "punct" and t.text in ".!?":
            return False
        if t.kind == "name" and t.low in role.keys:
            return True
    return False


def _speaker(toks: list[_Tok]) -> tuple[int, _Role] | None:
    """(speech verb, named speaker) of a sentence: "Marsh said ...", "..., said Marsh",
    "..., Marsh said"; None when the speaker is a pronoun or unnamed."""
    for v, t in enumerate(toks):
        if t.kind == "word" and t.low == "according" and toks[v + 1 : v + 2]:
            # "..., according to the Heritage Workers Union": the words before are its
            k = v + 2 + (toks[v + 2 : v + 3] != [] and toks[v + 2].low == "the")
            # the first name of a capitalised run ("Gallery Staff Union" where the
            # article writes "gallery" in lower case too) or after a title
            while k < len(toks) and toks[k].kind == "word" and toks[k].text[:1].isupper():
                k += 1
            if toks[v + 1].low == "to" and k < len(toks):
                person = _titled_person(toks, k)
                if person is not None or toks[k].kind == "name":
                    return v, _group(toks, k if person is None else person)
            continue
        if t.kind != "word" or t.low not in _SPEECH:
            continue
        left = _side(toks, v, -1)
        if left is not None and toks[left].kind == "name":
            # "Critics, including scientist Amina Diallo, warned": any name before the
            # verb in its clause may be the speaker the source names
            k = next((j for j in range(v - 1, -1, -1) if toks[j].text in _HARD_STOP), -1)
            who = _group(toks, left)
            more = {x.low for x in toks[k + 1 : v] if x.kind == "name"}
            return v, _Role(who.keys | more, who.start, who.end, who.label, True)
        # "..., said Marsh": a name after the verb is the speaker only after the words
        # said ("told Torquay magistrates" names who heard them)
        after_words = v > 0 and toks[v - 1].text in ",\"”'" and t.low not in ("told", "tells")
        if after_words and v + 1 < len(toks):
            person = _titled_person(toks, v + 1)
            if person is not None:
                return v, _group(toks, person)
            if toks[v + 1].kind == "name":
                return v, _group(toks, v + 1)
    return None


def _titled_person(toks: list[_Tok], i: int) -> int | None:
    """The person named after a title from token ``i`` on: "Civic Party leader Karl Obuya",
    "council treasurer Ada Venn" (an optional name, up to three lower-case title words, a
    name); the token of that name, or None."""
    k = i
    # the organisation's words: names, or capitalised words the article also writes in
    # lower case ("Civic Party" where it says "his party")
    while k < len(toks) and _capitalised(toks[k]) and not toks[k].possessive:
        k += 1
    m = k
    while (
        m < len(toks)
        and m - k < 3
        and toks[m].kind == "word"
        and toks[m].text.islower()
        and toks[m].low not in STOPWORDS
    ):
        m += 1
    return m if k < m < len(toks) and toks[m].kind == "name" else None


def _capitalised(tok: _Tok) -> bool:
    return tok.kind == "name" or (tok.kind == "word" and tok.text[:1].isupper())


def speaker_clash(
    claim: str,
    sentences: list[tuple[int, str]],
    names: Names = frozenset(),
    before: Callable[[int], Sequence[tuple[int, str]]] | None = None,
    article: Sequence[str] = (),
    cited: Sequence[str] = (),
) -> RoleClash | None:
    """Whether the evidence puts the claim's reported words in another speaker's mouth.

    The claim "Marsh admitted Kestrel had been the better team" against "Aalders said his
    side had been the better team": the evidence sentence that carries most of what the
    claim reports (at least half of its words) names another speaker and never the claim's.

    Args:
        claim: the claim text.
        sentences: the evidence window, (offset, text) of each sentence; evidence spans
            are shifted by the offset.
        names: :func:`name_lexicon` of the cited article (when empty, the sentences' own).
        before: for the index of a sentence of ``sentences``, the sentences of its
            paragraph before it, nearest first (see :func:`paragraph_before`): a quote
            sentence with no speaker of its own is said by the speaker of the quote it
            continues.
        article: the sentences of the cited article: words the window's speaker does not
            say are invented only if no sentence of it says half of them.
        cited: the sentences of every evidence window of the claim (all its cited
            articles): a claim citing two articles may take what its speaker said from both.

    Returns:
        The clash, or None.
    """
    if not _is_cased(claim):
        return None  # lower-cased: "pm said" cannot be told from "Prime Minister said"
    own = _claim_names(claim)
    if _speaker(_tokens(claim, frozenset(), own)) is None:
        return None
    lexicon = _resolve(names) or name_lexicon(" ".join(t for _, t in sentences))
    ctoks = _tokens(claim, lexicon, own)
    said = _speaker(ctoks)
    if said is None:
        return None
    found = _window_speaker(claim, sentences, lexicon, own, ctoks, said, before, article, cited)
    if found is None and article:
        found = _said_by_other(claim, sentences, lexicon, own, ctoks, said, article)
    if found is None and article:
        found = _figure_said_by_other(claim, sentences, lexicon, own, ctoks, said, article)
    return found


def _window_speaker(
    claim: str,
    sentences: list[tuple[int, str]],
    lexicon: frozenset[str],
    own: frozenset[str],
    ctoks: list[_Tok],
    said: tuple[int, _Role],
    before: Callable[[int], Sequence[tuple[int, str]]] | None,
    article: Sequence[str],
    cited: Sequence[str] = (),
) -> RoleClash | None:
    """:func:`speaker_clash` read in the window: the sentence that carries most of the
    claim's words (its speaker's title and organisation among them) names another speaker."""
    v, who = said
    content = set(content_stems(claim)) - {stem(k) for k in who.keys} - {stem(ctoks[v].low)}
    if len(content) < 3:
        return None
    scored = sorted(
        ((len(content & set(content_stems(t))), i) for i, (_, t) in enumerate(sentences)),
        key=lambda x: (-x[0], x[1]),
    )
    best = scored[0][0] if scored else 0
    if best < _SPEECH_OVERLAP * len(content):
        half = _SPEECH_OVERLAP * len(content)
        if any(len(content.intersection(content_stems(t))) >= half for t in article):
            return None  # a sentence outside the window says it: its speaker is not read
        return _unsaid(claim, content, who, (v, ctoks), sentences, lexicon, own, cited)
    found: RoleClash | None = None
    for n, i in scored:
        if n < best:
            break
        a, text = sentences[i]
        etoks = _tokens(text, lexicon, own)
        if _names_person(etoks, who):
            return None  # the claim's speaker is in a sentence that says it
        other = _speaker(etoks)
        if other is None and before is not None and found is None:
            heard = _continued_speaker(text, before(i), lexicon, own)
            if heard is None:
                heard = _pronoun_speaker(etoks, before(i), lexicon, own)
            if heard is not None and _mentioned(heard[2], who):
                return None  # the claim's speaker is the one whose quote this continues
            if heard is not None:
                a, text, etoks = heard
                other = _speaker(etoks)
        if found is None and other is not None and _also_speaks(ctoks, v, other[1]):
            return None  # "A said ..., and B said ...": the claim gives B these words too
        if found is None and other is not None and _for_the_body(text, other[1], who, article):
            return None  # "Spokesman Tom Reyes said" speaks for the company the claim names
        if found is None and other is not None and _officer_of(etoks, other, who):
            return None  # "Elin Marsh, president of the union, said" speaks for the union
        if found is None and other is not None and not _same_name(other[1], who):
            ev, ewho = other
            cspans = sorted([(who.start, who.end), (ctoks[v].start, ctoks[v].end)])
            espans = sorted(
                [(a + ewho.start, a + ewho.end), (a + etoks[ev].start, a + etoks[ev].end)]
            )
            reason = (
                f'wrong speaker: the claim says "{_quote(claim, cspans)}", '
                f'the source says "{_quote(text, [(s - a, e - a) for s, e in espans])}"'
            )
            found = RoleClash(reason, cspans, espans)
    return found


#: A speaker who speaks for a body, named by the title before the name.
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)


def _for_the_body(text: str, role: _Role, who: _Role, article: Sequence[str]) -> bool:
    """Whether the source's speaker is titled a spokesperson ("Spokesman Tom Reyes said")
    and the claim's speaker is a one-word body named there or just before ("Meridian
    said"): a spokesperson speaks for the body the story is about there."""
    # the title is the role's first word ("Spokesman Tom Reyes") or stands before it
    if len(who.keys) != 1 or not _SPOKESPERSON.search(text[max(0, role.start - 20) : role.end]):
        return False
    (key,) = who.keys
    # the body named in that sentence or in the two before it: whom the spokesperson speaks for
    at = next((i for i, t in enumerate(article) if text in t or t in text), None)
    near = article[max(0, at - 2) : at + 1] if at is not None else [text]
    return any(key in t.lower() for t in near)


def _officer_of(toks: list[_Tok], said: tuple[int, _Role], body: _Role) -> bool:
    """Whether the source's speaker is titled an officer of the body the claim makes the
    speaker: the speaker's clause, up to the verb, holds a title ("president", "secretary",
    ``data/titles.txt``) and a word of the body's name ("Elin Marsh, president of the union,
    said" for "The Growers' Union said"; "union secretary Jo Bray said")."""
    v, role = said
    if role.named and not body.keys.isdisjoint(role.keys):
        return False  # the same name: not this reading's matter
    a = next((k + 1 for k in range(min(v, len(toks)) - 1, -1, -1) if toks[k].text in ".;:!?"), 0)
    clause = toks[a:v] if role.start < toks[v].start else toks[v + 1 : v + 8]
    titled = any(x.kind == "word" and stem(x.low) in _TITLES for x in clause)
    # the body as a body: a body noun or a word written in lower case ("of the union"),
    # never a person's name ("Jo Bray, Marsh's deputy, said" does not speak for Marsh)
    return titled and any(
        x.low in body.keys and (x.low in _BODIES or x.text.islower()) for x in clause
    )


def _also_speaks(ctoks: list[_Tok], v: int, role: _Role) -> bool:
    """Whether the claim names ``role`` as the speaker of a later speech verb than its
    first (at ``v``): "A said ..., and B said ...", "..., which B said could take days"."""
    later = _speaker(ctoks[v + 1 :])
    return later is not None and _same(later[1], role)


def _said_by_other(
    claim: str,
    sentences: list[tuple[int, str]],
    lexicon: frozenset[str],
    own: frozenset[str],
    ctoks: list[_Tok],
    said: tuple[int, _Role],
    article: Sequence[str],
) -> RoleClash | None:
    """What the claim reports, said in the cited article by another named speaker, where
    the window naming the claim's speaker does not say it: "Universities North chief
    executive Simon Hargreaves accused the board of ignoring warnings" where Hargreaves's
    sentence is about course places and "The National Association of Teachers said the
    board had ignored warnings". Only what follows the verb is read (the speaker's title
    and organisation say who speaks), and the claim's speaker must not be named in the
    sentence that says it or in the sentences either side (a spokesperson introduced next
    to the body's statement speaks for it)."""
    v, who = said
    if who.end > ctoks[v].start:
        return None  # "..., Marsh said": the words before the verb are what was said
    reported = set(content_stems(claim[ctoks[v].end :])) - {stem(k) for k in who.keys}
    if len(reported) < 3:
        return None
    need = max(2, -(-3 * len(reported) // 5))  # three in five of them, at least two
    have = set().union(*(content_stems(t) for _, t in sentences))
    if 2 * len(reported & have) >= len(reported):
        return None  # the window says it
    if not any(_mentioned(_tokens(t, lexicon, own), who) for _, t in sentences):
        return None  # the window does not name the claim's speaker: another check's matter
    for i, text in enumerate(article):
        if len(reported.intersection(content_stems(text))) < need:
            continue
        near = article[max(0, i - 1) : i + 2]
        if any(_mentioned(_tokens(t, lexicon, own), who) for t in near):
            return None
        etoks = _tokens(text, lexicon, own)
        other = _speaker(etoks) or _body_speaker(etoks)
        if other is None or _same(other[1], who):
            continue
        ev, ewho = other
        cspans = sorted([(who.start, who.end), (ctoks[v].start, ctoks[v].end)])
        shown = _quote(text, sorted([(ewho.start, ewho.end), (etoks[ev].start, etoks[ev].end)]))
        reason = (
            f'wrong speaker: the claim says "{_quote(claim, cspans)}", the source says "{shown}"'
        )
        return RoleClash(reason, cspans, [])
    return None


def _figure_said_by_other(
    claim: str,
    sentences: list[tuple[int, str]],
    lexicon: frozenset[str],
    own: frozenset[str],
    ctoks: list[_Tok],
    said: tuple[int, _Role],
    article: Sequence[str],
) -> RoleClash | None:
    """A figure the claim's speaker is said to give that the window naming the speaker
    lacks, where the cited article's sentence giving it is another speaker's: "The cut
    saved the museum about £38,000 a year, according to the Heritage Workers Union" where
    the union's organiser is in the window and "She said the saving was about £38,000 a
    year" follows "..., spokesperson Imogen Pryce said". That sentence must carry half of
    the other reported words too, and the claim's speaker must not be named in it or in
    the sentences either side."""
    v, who = said
    before = who.end <= ctoks[v].start
    a, b = (ctoks[v].end, len(claim)) if before else (0, min(who.start, ctoks[v].start))
    figs = {
        t.low
        for t in ctoks
        if t.kind == "fig" and a <= t.start < b and any(c.isdigit() for c in t.low)
    }
    if not figs:
        return None
    wtoks = [_tokens(t, lexicon, own) for _, t in sentences]
    if figs <= {t.low for toks in wtoks for t in toks if t.kind == "fig"}:
        return None  # the window gives the figures
    if not any(_mentioned(toks, who) for toks in wtoks):
        return None  # the window does not name the claim's speaker: another check's matter
    reported = set(content_stems(claim[a:b])) - {stem(k) for k in who.keys}
    need = max(2, -(-len(reported) // 2))
    for i, text in enumerate(article):
        etoks = _tokens(text, lexicon, own)
        if not figs <= {t.low for t in etoks if t.kind == "fig"}:
            continue
        if len(reported.intersection(content_stems(text))) < need:
            continue
        near = article[max(0, i - 1) : i + 2]
        if any(_mentioned(_tokens(t, lexicon, own), who) for t in near):
            return None
        other = _speaker(etoks) or _body_speaker(etoks)
        shown_text, stoks = text, etoks
        if other is None and i > 0:
            heard = _pronoun_speaker(etoks, [(0, article[i - 1])], lexicon, own)
            if heard is not None:
                shown_text, stoks = heard[1], heard[2]
                other = _speaker(stoks)
        if other is None or _same_name(other[1], who):
            continue
        ev, ewho = other
        cspans = sorted([(who.start, who.end), (ctoks[v].start, ctoks[v].end)])
        shown = _quote(
            shown_text, sorted([(ewho.start, ewho.end), (stoks[ev].start, stoks[ev].end)])
        )
        reason = (
            f'wrong speaker: the claim says "{_quote(claim, cspans)}", the source says "{shown}"'
        )
        return RoleClash(reason, cspans, [])
    return None


def _body_groups() -> dict[str, int]:
    """Each body noun of ``relations.json`` "bodies" -> its group (nouns that may name one body)."""
    return {w: i for i, line in enumerate(_DATA["bodies"]) for w in line.split()}


_BODIES = _body_groups()
_BODY_VERBS = "said|says|has said|had said|announced|estimated|warned|reported"
#: A claim that an unnamed body speaks: "..., the council has said", "..., according to
#: the union", "The ministry said ...".
_BODY_SAID = re.compile(
    rf"(?:,\s+(?:the\s+(?P<tail>[a-z]+)\s+(?:{_BODY_VERBS})|according\s+to\s+the\s+"
    rf"(?P<acc>[a-z]+))\s*\.?\s*$)|(?:^the\s+(?P<head>[a-z]+)\s+(?:{_BODY_VERBS})\b)",
    re.IGNORECASE,
)
#: "the union said", "The Public Services Union said": a body speaking in a source sentence.
_SOURCE_BODY = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Aa])\s+(?:[A-Z][\w'’-]*\s+){{0,4}}(?P<noun>[A-Za-z]+)\s+(?:{_BODY_VERBS})\b"
)


def _spoken_by_body(text: str) -> set[int]:
    """The groups of the bodies that speak in ``text`` ("the union said" -> union)."""
    return {
        _BODIES[m.group("noun").lower()]
        for m in _SOURCE_BODY.finditer(text)
        if m.group("noun").lower() in _BODIES
    }


def body_clash(claim: str, article: Sequence[str]) -> RoleClash | None:
    """A figure the claim gives an unnamed body ("Up to 60 jobs are at risk, the council has
    said") that the cited article gives another body ("The Public Services Union said the
    true figure could be as high as 60"), where the claim's body speaks in the article too
    ("About 48 posts would be lost, the council said"): two speakers, and the claim has
    swapped them. Bodies are lower-case nouns of ``relations.json`` "bodies"; one group's
    nouns may name the same body ("the firm", "the company").

    Args:
        claim: the claim text.
        article: the sentences of the cited article.

    Returns:
        The clash, spanning the claim's body and verb, or None.
    """
    m = _BODY_SAID.search(claim)
    if m is None:
        return None
    key = next(k for k in ("tail", "acc", "head") if m.group(k))
    noun = m.group(key).lower()
    if noun not in _BODIES:
        return None
    mine = _BODIES[noun]
    said = claim[m.end() :] if key == "head" else claim[: m.start()]
    figs = {t.low for t in _tokens(said, frozenset()) if t.kind == "fig" and t.low[:1].isdigit()}
    if not figs or not any(mine in _spoken_by_body(t) for t in article):
        return None  # no figure, or the claim's body never speaks in the article
    holders = [
        t for t in article if figs <= {x.low for x in _tokens(t, frozenset()) if x.kind == "fig"}
    ]
    if not holders:
        return None
    for text in holders:
        bodies = _spoken_by_body(text)
        if not bodies or mine in bodies or noun in text.lower():
            return None  # the claim's body gives the figure, or is named beside it
    shown = next(_SOURCE_BODY.search(t) for t in holders)
    assert shown is not None
    span = (m.start(key), m.end(key))
    reason = (
        f'wrong speaker: the claim gives the figure to "the {noun}", the source says '
        f'"{shown.group(0)}"'
    )
    return RoleClash(reason, [span], [])


#: little words inside a body's name ("National Association of Teachers")
_CONNECTORS = frozenset({"of", "for", "and", "&"})


def _body_speaker(toks: list[_Tok]) -> tuple[int, _Role] | None:
    """(speech verb, speaker) of "The National Association of Teachers said ...": a run of
    capitalised words right before the verb, which :func:`_speaker` does not take for a
    person."""
    for v, t in enumerate(toks):
        if t.kind != "word" or t.low not in _SPEECH or v == 0:
            continue
        k = v
        while k > 0 and (
            (_capitalised(toks[k - 1]) and toks[k - 1].low not in STOPWORDS)
            or (toks[k - 1].low in _CONNECTORS and k < v and k > 1 and _capitalised(toks[k - 2]))
        ):
            k -= 1
        first = k == 0 or toks[k - 1].text in _HARD_STOP or toks[k - 1].low == "the"
        keys = frozenset(x.low for x in toks[k:v] if x.low not in _CONNECTORS)
        if k < v and first and len(keys) >= 2:
            return v, _Role(keys, toks[k].start, toks[v - 1].end, "", True)
        return None
    return None


def _unsaid(
    claim: str,
    content: set[str],
    who: _Role,
    verb: tuple[int, list[_Tok]],
    sentences: list[tuple[int, str]],
    lexicon: frozenset[str],
    own: frozenset[str],
    cited: Sequence[str] = (),
) -> RoleClash | None:
    """Words the claim puts in a speaker's mouth that the window naming that speaker does
    not have: fewer than half of them in all its sentences together ("Velt said the bang
    came from cargo breaking loose" where Velt says only "I heard a bang"). The windows of
    the claim's other cited articles count with it: a claim citing two reports of one
    speech may take a phrase from each."""
    if not any(_mentioned(_tokens(t, lexicon, own), who) for _, t in sentences):
        return None
    have = set().union(*(content_stems(t) for _, t in sentences), *map(content_stems, cited))
    if len(content & have) >= _SPEECH_OVERLAP * len(content):
        return None
    v, ctoks = verb
    # what the speaker is said to say: the words the verb reports (not the speaker's title,
    # nor a comment the writer appends, ", a claim Meridian rejects"), its figures among them
    reported = _reported(claim, who, ctoks, v) - {stem(k) for k in who.keys}
    if len(reported) >= 3:
        texts = [t for _, t in sentences] + list(cited)
        heard = have | {t.low for x in texts for t in _tokens(x, lexicon, own) if t.kind == "fig"}
        if len(reported & heard) > _SPEECH_OVERLAP * len(reported):
            return None  # more than half of what the verb reports, its figures among them
    span = (min(who.start, ctoks[v].start), len(claim.rstrip(" .")))
    shown = stem_words(claim)
    missing = ", ".join(sorted(shown.get(x, x) for x in content - have))
    reason = (
        "invented: where the source names the speaker it does not say "
        f'"{_quote(claim, [span])}" (not: {missing})'
    )
    return RoleClash(reason, [span], [])


_NEGATORS = frozenset({"not", "no", "never", "nor", "none"})
#: A comment the writer appends to what was said: ", a claim Meridian rejects", ", which
#: the company denies".
_APPENDED = re.compile(
    r",\s+(?:a\s+(?:claim|charge|view|figure|account|suggestion)|which)\b[^,]*$", re.IGNORECASE
)


def _reported(claim: str, who: _Role, ctoks: list[_Tok], v: int) -> set[str]:
    """The stems and figures of what the claim's speech verb at ``v`` reports: the words
    after it when the speaker stands before it, else the words before the speaker."""
    if who.end <= ctoks[v].start:
        a, b = ctoks[v].end, len(claim)
    else:
        a, b = 0, min(who.start, ctoks[v].start)
    text = claim[a:b].rstrip(" .")
    cut = _APPENDED.search(text)
    if cut is not None:
        text = text[: cut.start()]
    figs = {t.low for t in ctoks if t.kind == "fig" and a <= t.start < a + len(text)}
    # whether it was said at all, not its polarity (the negation check's): "not" is no word
    # of it ("were not told" for "we weren't told")
    return {x for x in content_stems(text) if x not in _NEGATORS and not x.endswith("n't")} | figs


_QUOTE_MARKS = '"“”'


def _continued_speaker(
    text: str, before: Sequence[tuple[int, str]], lexicon: frozenset[str], own: frozenset[str]
) -> tuple[int, str, list[_Tok]] | None:
    """The attribution a quote sentence without its own speaker continues: the nearest
    sentence before it in its paragraph that names a speaker, when the sentence opens with
    a quotation mark or sits inside one ("..., said Karl Obuya. \"This budget ...\"").
    (offset, text, tokens) of that sentence, or None."""
    opens = text.lstrip()[:1] in _QUOTE_MARKS
    inside = sum(sum(map(t.count, _QUOTE_MARKS)) for _, t in before) % 2 == 1
    if not (opens or inside):
        return None
    if _pronoun_speaks(_tokens(text, lexicon, own)):
        return None  # '"...," she said': its own speaker, whom a pronoun names
    for a, prior in before:
        toks = _tokens(prior, lexicon, own)
        if _speaker(toks) is not None:
            return a, prior, toks
    return None


def _pronoun_speaker(
    toks: list[_Tok],
    before: Sequence[tuple[int, str]],
    lexicon: frozenset[str],
    own: frozenset[str],
) -> tuple[int, str, list[_Tok]] | None:
    """The speaker a pronoun stands for ("She said the saving was about £38,000" after
    "..., spokesperson Imogen Pryce said."): the sentence right before it in its paragraph,
    when that names a speaker and no one else. (offset, text, tokens) of it, or None."""
    if not before or not _pronoun_speaks(toks) or any(t.kind == "name" for t in toks):
        return None
    a, prior = before[0]
    ptoks = _tokens(prior, lexicon, own)
    said = _speaker(ptoks)
    if said is None or any(t.kind == "name" and t.low not in said[1].keys for t in ptoks):
        return None  # another person named there may be whom the pronoun means
    return a, prior, ptoks


def _pronoun_speaks(toks: list[_Tok]) -> bool:
    """Whether a verb of speech stands next to a pronoun ("she said", "said he")."""
    for v, t in enumerate(toks):
        if t.kind == "word" and t.low in _SPEECH:
            near = toks[max(0, v - 1) : v] + toks[v + 1 : v + 2]
            if any(x.low in _PRONOUNS for x in near):
                return True
    return False


def paragraph_before(
    text: str, sentences: Sequence[_Placed], first: int, origin: int, i: int
) -> list[tuple[int, str]]:
    """The sentences of a paragraph before its sentence ``first + i``, nearest first, as
    (offset from ``origin``, text): those after the last line break before it."""
    at = first + i
    brk = text.rfind("\n", 0, sentences[at].start)
    out = []
    for j in range(at - 1, -1, -1):
        if sentences[j].start <= brk:
            break
        out.append((sentences[j].start - origin, sentences[j].text))
    return out


def _owned(toks: list[_Tok]) -> list[tuple[int, int]]:
    """(owner, owned) index pairs of possessives: "the Marisol's captain", "Pellham's
    closing price" (the owned word is the head, up to two describing words on)."""
    out = []
    for i, t in enumerate(toks):
        if t.kind != "name" or not t.possessive:
            continue
        for j in range(i + 1, min(i + 4, len(toks))):
            if toks[j].kind != "word" or toks[j].low in STOPWORDS:
                break
            out.append((i, j))
    return out


def owner_clash(claim: str, evidence: str, names: Names = frozenset()) -> RoleClash | None:
    """Whether the evidence gives something of the claim's to another owner.

    "The Bentham's captain has been suspended" against "The Marisol's captain ... has been
    suspended": the evidence has the same word ("captain") owned by another name, and
    never by the claim's (neither "Bentham's captain" nor "captain of the Bentham").

    Args:
        claim: the claim text.
        evidence: the evidence window.
        names: :func:`name_lexicon` of the cited article.
    """
    if _APPOSED.search(claim):
        clash = _apposition_clash(claim, evidence)
        if clash is not None:
            return clash
    if "'s " in claim or "’s " in claim:
        clash = _role_held_for(claim, evidence) or _role_swapped(claim, evidence)
        if clash is not None:
            return clash
    if not _is_cased(claim) or ("'" not in claim and "’" not in claim):
        return None
    own = _claim_names(claim)
    if not _owned(_tokens(claim, frozenset(), own)):
        return None
    lexicon = _resolve(names) or name_lexicon(evidence)
    ctoks = _tokens(claim, lexicon, own)
    pairs = _owned(ctoks)
    if not pairs:
        return None
    etoks = _tokens(evidence, lexicon, own)
    theirs = _owned(etoks)
    for i, j in pairs:
        owner, thing = _group(ctoks, i), ctoks[j]
        rivals = [(a, b) for a, b in theirs if etoks[b].low == thing.low]
        if not rivals:
            continue
        if any(_same(_group(etoks, a), owner) for a, b in rivals):
            continue
        if _mentioned_near(etoks, thing.low, owner):
            continue  # "the captain of the Bentham"
        a, b = rivals[0]
        other = _group(etoks, a)
        if _same(other, owner):
            continue
        cspans = [(owner.start, owner.end), (thing.start, thing.end)]
        espans = [(other.start, other.end), (etoks[b].start, etoks[b].end)]
        reason = (
            f'wrong owner: the claim says "{_quote(claim, cspans)}", '
            f'the source says "{_quote(evidence, espans)}"'
        )
        return RoleClash(reason, cspans, espans)
    return None


#: "Name, the ...,": a name and the definite description set beside it ("Faircost, the
#: country's largest grocer,"), closed by a comma or a clause word ("with", "which").
_APPOSED = re.compile(
    r"((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*),\s+(the\s+[^,.;:]+?)(?=,|\s+(?:with|which|who)\b)"
)


def _appositions(text: str) -> list[tuple[frozenset[str], frozenset[str], tuple[int, int]]]:
    """(name words lowercased, description stems, span) of each "Name, the ..." of ``text``."""
    out = []
    for m in _APPOSED.finditer(text):
        name = frozenset(w.lower() for w in m.group(1).split() if w.lower() not in STOPWORDS)
        if not name.isdisjoint(_NOT_NAMES):
            continue  # "until July, the firm said": a date, no name
        said = frozenset(content_stems(m.group(2)))
        if name and len(said) >= 2:
            out.append((name, said, m.span()))
    return out


def _apposition_clash(claim: str, evidence: str) -> RoleClash | None:
    """A definite description the claim sets beside one name ("Faircost, the country's
    largest grocer") that the evidence sets beside another name only ("Brightmart, the
    country's largest grocer"): it says who is the one, so it cannot be both."""
    theirs = _appositions(evidence)
    if not theirs:
        return None
    for name, said, span in _appositions(claim):
        holders = [(n, sp) for n, d, sp in theirs if said <= d]
        if not holders or any(not n.isdisjoint(name) for n, _ in holders):
            continue
        other = holders[0][1]
        reason = (
            f'wrong owner: the claim says "{_quote(claim, [span])}", '
            f'the source says "{_quote(evidence, [other])}"'
        )
        return RoleClash(reason, [span], [other])
    return None


#: "the singer's publicist": a possessive and the word it owns
_POSSESSED = re.compile(r"\b([^\W\d_]+)['’]s\s+([^\W\d_]+)")
#: "Desmond Pryce, Marlen's barrister,": a name and the role an owner's apposed to it
_APPOSED_ROLE = re.compile(
    r"((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*),\s+(?:the\s+)?([^\W\d_]+)['’]s\s+([^\W\d_]+)\s*,"
)
#: after a role, the words that name whom it is held for ("the barrister representing X")
_FOR = re.compile(r"\b(?:" + _DATA["representing"] + r")\s+(?:the\s+)?([^,.;:]+)", re.I)


def _roles_of_owners() -> frozenset[str]:
    """Stems of the words for a role held of or for an owner: the titles (and the posts
    they share a line with) and the data's ``roles``."""
    posts = frozenset(stem(w) for line in data_lines("title_synonyms.txt") for w in line.split())
    return _TITLES | posts | frozenset(stem(w) for w in _DATA["roles"].split())


def _word_before(text: str, at: int) -> str:
    """The stem of the nearest content word before offset ``at`` ("" when none)."""
    for w in reversed(words(text[max(0, at - 60) : at])):
        if w.lower() not in STOPWORDS:
            return stem(w.lower())
    return ""


def _same_post(a: str, b: str) -> bool:
    return a == b or b in _SAME_POST.get(a, frozenset())


def _role_swapped(claim: str, evidence: str) -> RoleClash | None:
    """A role the claim gives an owner in the evidence's own words where the evidence gives
    that owner another role ("sent the singer's lawyer 14 questions" where it says "sent
    the singer's publicist a list of 14 questions"; "approved by the foundation's chair"
    where it says "approved by the foundation's board"): the same word before the owner,
    the claim's role nowhere in the evidence."""
    roles = _ROLES_OF_OWNERS
    evidence_stems: set[str] | None = None
    for m in _POSSESSED.finditer(claim):
        owner, role = m.group(1).lower(), stem(m.group(2).lower())
        if role not in roles:
            continue
        if evidence_stems is None:
            evidence_stems = {stem(w.lower()) for w in words(evidence)}
        if role in evidence_stems:
            continue  # the evidence writes the role: whose it is, the other checks read
        before = _word_before(claim, m.start())
        for e in _POSSESSED.finditer(evidence):
            other = stem(e.group(2).lower())
            if e.group(1).lower() != owner or other not in roles or _same_post(role, other):
                continue
            if not before or _word_before(evidence, e.start()) != before:
                continue
            reason = (
                f'wrong role: the claim says "{_quote(claim, [m.span()])}", '
                f'the source says "{_quote(evidence, [e.span()])}"'
            )
            return RoleClash(reason, [m.span()], [e.span()])
    return None


def _role_held_for(claim: str, evidence: str) -> RoleClash | None:
    """A person the claim calls one owner's role ("Desmond Pryce, Marlen's barrister")
    where the evidence sets beside the same person that role held for another owner
    ("Desmond Pryce, the barrister representing the Signal")."""
    for m in _APPOSED_ROLE.finditer(claim):
        name = [w.lower() for w in m.group(1).split() if w.lower() not in STOPWORDS]
        owner, role = stem(m.group(2).lower()), stem(m.group(3).lower())
        if not name or role not in _ROLES_OF_OWNERS or not m.group(2)[:1].isupper():
            continue  # "the newspaper's barrister": a description, which may be the Signal
        apposed = r"\b" + re.escape(m.group(1).split()[-1]) + r"\b,\s+([^,.;]+)"
        for e in re.finditer(apposed, evidence):
            aside = e.group(1)
            said = [stem(w.lower()) for w in words(aside)]
            at = next((i for i, w in enumerate(said) if _same_post(role, w)), None)
            if at is None:
                continue
            held = _FOR.search(aside)
            theirs = set(content_stems(held.group(1))) if held is not None else set()
            poss = _POSSESSED.search(aside)
            if poss is not None and _same_post(role, stem(poss.group(2).lower())):
                theirs |= {stem(poss.group(1).lower())}
            if not theirs or owner in theirs:
                continue
            span = (m.start(), m.end() - 1)
            espan = (e.start(), e.end())
            reason = (
                f'wrong role: the claim says "{_quote(claim, [span])}", '
                f'the source says "{_quote(evidence, [espan])}"'
            )
            return RoleClash(reason, [span], [espan])
    return None


def _mentioned_near(toks: list[_Tok], word: str, role: _Role) -> bool:
    """Whether ``role`` is named right before ``word`` ("the Apple chief") or within three
    words after it ("the captain of the Bentham")."""
    for k, t in enumerate(toks):
        if t.low == word:
            near = toks[max(0, k - 2) : k] + toks[k + 1 : k + 4]
            if any(x.kind == "name" and x.low in role.keys for x in near):
                return True
    return False


#: One participant on both sides: "Alan Shearer and Alan Shearer", "for Manchester City
#: against Manchester City". A single repeated word is left alone: it is mostly an idiom
#: ("more and more", "hundreds and hundreds", "brother against brother").
_SELF_PAIRED = re.compile(
    r"\b([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){1,3})\s+"
    r"(?:and|or|against|versus|vs\.?)\s+(?:the\s+)?\1\b",
    re.IGNORECASE,
)


def self_pairing(claim: str, evidence: str) -> RoleClash | None:
    """A claim that pairs one participant with itself ("X and X", "X against X") where two
    are meant, unless the evidence writes the same words.

    Measured on the whole dev suite: it fires only on unsupported claims (degenerate
    summaries: "Alan Shearer and Alan Shearer").

    Args:
        claim: the claim's text.
        evidence: the evidence window's text.

    Returns:
        The clash, spanning the pairing in the claim, or None.
    """
    m = _SELF_PAIRED.search(claim)
    if m is None:
        return None
    if " ".join(m.group(0).lower().split()) in " ".join(evidence.lower().split()):
        return None
    reason = f'one participant on both sides: the claim says "{m.group(0)}"'
    return RoleClash(reason, [(m.start(), m.end())], [])


# -- titles -------------------------------------------------------------------------------
#
# An abstractive summary hands out roles: "Aberdeen manager Stephen Thompson" where the
# article's Thompson is a pundit and its manager someone else. The claim's title word is in
# the article (else coverage counts it missing), but never beside that person.

#: Words for what a person is or does (``data/titles.txt``), as stems.
_TITLES = frozenset(stem(w) for w in data_words("titles.txt"))


def _same_posts() -> dict[str, frozenset[str]]:
    """Each title's stem -> the stems that name the same post (``data/title_synonyms.txt``);
    a title in two groups ("boss") takes both."""
    out: dict[str, frozenset[str]] = {}
    for line in data_lines("title_synonyms.txt"):
        post = frozenset(stem(w) for w in line.split())
        for s in post:
            out[s] = out.get(s, frozenset()) | post
    return out


_SAME_POST = _same_posts()
_ROLES_OF_OWNERS = _roles_of_owners()
#: How many words before a name are read as its title: a first name the article never
#: writes may stand between ("manager stephen thompson").
_TITLE_REACH = 2
#: Words that make a title a definite description ("the Harry Potter author", "his
#: manager"): in the article it may stand for the claim's person, in another sentence.
_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their", "our", "your"})


class TitledName(NamedTuple):
    """A title the claim writes right before a name ("coach" of "Alan Stubbs")."""

    title: str
    title_stem: str
    name: str
    keys: frozenset[str]
    span: tuple[int, int]


class _TitleSentence(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def stems(self) -> frozenset[str]: ...
    @property
    def lower(self) -> frozenset[str]: ...


class _TitleSource(Protocol):
    @property
    def names(self) -> frozenset[str]: ...
    @property
    def lower_words(self) -> frozenset[str]: ...
    @property
    def sentences(self) -> Sequence[_TitleSentence]: ...


def titled_names(
    claim: str, names: Names = frozenset(), stems: Iterable[str] | None = None
) -> list[TitledName]:
    """The titles the claim writes right before a name ("google chairman ken schmidt").

    A title is a word of ``data/titles.txt`` among the (at most two) plain words before the
    name, with nothing but spaces between; ``names`` (the cited articles' names, or a
    function that computes them) tells names in a lower-cased claim, as for the roles.
    ``stems``: the stems of the claim's words, when the caller has them.
    """
    if _TITLES.isdisjoint(stems if stems is not None else map(stem, words(claim))):
        return []  # most claims: no title word at all, the names are never computed
    cased = _is_cased(claim)
    own = _claim_names(claim) if cased else frozenset()
    toks = _tokens(claim, _resolve(names), own)
    out: list[TitledName] = []
    for i, t in enumerate(toks):
        if t.kind != "name" or (i and toks[i - 1].kind == "name"):
            continue
        group = _group(toks, i)
        keys = frozenset(k for k in group.keys if k not in STOPWORDS)
        j = i - 1
        while j >= 0 and i - j <= _TITLE_REACH:
            w = toks[j]
            if (
                w.kind != "word"
                or w.low in STOPWORDS
                or w.possessive
                or claim[w.end : toks[j + 1].start].strip()
            ):
                break
            s = content_stems(w.low)
            if s and s[-1] in _TITLES and keys:
                out.append(TitledName(w.text, s[-1], group.label, keys, (w.start, w.end)))
            j -= 1
    return out


def title_clash(titled: Sequence[TitledName], sources: Sequence[_TitleSource]) -> RoleClash | None:
    """A title the claim gives a person that the cited text uses, but never beside them.

    The title must stand in a sentence that names the person (any word of the name), or a
    title of the same post (``data/title_synonyms.txt``) right before their name ("Aberdeen
    boss Derek McInnes" for "manager"). It stays unread when the cited text never writes it
    as the claim does (the coverage counts it missing; a plural, "players", is no one's
    title), or uses a title of the post as a definite description ("the Harry Potter author
    said"), which may stand for the person in another sentence.

    Args:
        titled: :func:`titled_names` of the claim.
        sources: the cited articles (their sentences' text, stems and lowercased words).

    Returns:
        The first clash, spanning the title in the claim, or None.
    """
    for t in titled:
        if not any(t.title.lower() in src.lower_words for src in sources):
            # the cited text never writes the word as the claim does (its plural, "players",
            # "analysts", is no one's title): the coverage's business
            continue
        post = _SAME_POST.get(t.title_stem, frozenset({t.title_stem}))
        holding = [
            (src, x) for src in sources for x in src.sentences if not post.isdisjoint(x.stems)
        ]
        if any(
            t.title_stem in x.stems and not t.keys.isdisjoint(x.lower) for _, x in holding
        ) or any(
            o.title_stem in post and not o.keys.isdisjoint(t.keys)
            for src, x in holding
            for o in titled_names(x.text, src.names)
        ):
            continue
        if any(_definite_title(x.text, post, src.names) for src, x in holding):
            continue
        reason = (
            f'the claim calls {t.name} "{t.title}"; the cited text uses the word, never of {t.name}'
        )
        return RoleClash(reason, [t.span], [])
    return None


def _definite_title(text: str, post: frozenset[str], names: frozenset[str]) -> bool:
    """Whether ``text`` uses a title of ``post`` with a definite word before it (three words
    back at most) and no name right after it ("the Harry Potter author previously tweeted")."""
    toks = _tokens(text, names)
    for i, w in enumerate(toks):
        if w.kind != "word" or stem(w.low) not in post:
            continue
        if i + 1 < len(toks) and toks[i + 1].kind == "name":
            continue
        if any(x.low in _DEFINITE or x.possessive for x in toks[max(0, i - 3) : i]):
            return True
    return False
