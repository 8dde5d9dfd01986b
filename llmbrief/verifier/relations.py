"""Relations: who did what to whom, checked against the evidence sentence.

Word overlap cannot see a claim that uses the source's own words with the roles exchanged
("Davis beat Bouchard" when the source says "Bouchard beat Davis"). :func:`role_clash` finds,
around a relation word the evidence also uses (a verb, a noun such as "attack", or one of a
few ordering prepositions), the claim's two participants (names or figures) and checks
that the evidence puts them in the same roles: the doer before an active verb, after
"by" in a passive one. It fires only on a clear contradiction (the evidence has the same
relation word with the participants exchanged, or with another name as the doer while the
claim's doer sits elsewhere in that sentence), and stays silent when the evidence also
has the claim's reading somewhere.

Everything here is pure and deterministic: tokens with their character offsets, a light
stemmer (:func:`.lexicon.stem`), no model and no parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..citations import sentence_spans
from .lexicon import STOPWORDS, stem

__all__ = ["RoleClash", "Splice", "name_lexicon", "role_clash", "splice"]

_TOKEN = re.compile(
    r"[$£€]?\d+(?:[.,]\d+)*(?:%|bn|m|k)?"  # figures: 1,500  3.5%  $10bn
    r"|[A-Za-z]+(?:[’'\-][A-Za-z]+)*(?:[’']s?)?"  # words, with possessive 's
    r"|[’']s\b"  # tokenised possessive: "kilmarnock 's"
    r"|[.;:!?,()\"“”]"
)

#: Where the search for a participant stops: the end of a sentence or clause.
_HARD_STOP = frozenset('.;:!?()"“”')
#: A pronoun between the relation word and the nearest name is the real doer (or done-to).
_PRONOUNS = frozenset("he she they it we i you his her their its him them".split())
#: Relations that read the same both ways round ("A met B" is "B met A").
_SYMMETRIC = frozenset(
    stem(w)
    for w in """
    meet met meeting talk talks deal agreement agree marry marriage merge merger partner
    partnership tie draw drew play played face faced fight fought clash battle match game
    negotiate negotiation relation relations ally alliance compete rivalry share split
    coalition join joint link contact swap exchange compare versus v vs and or with between
    combine together same similar equal different differ
    """.split()
)
#: Prepositions that order two participants by themselves ("from 5% to 7%", "more than").
_ORDERING = frozenset({"against", "to", "over", "than"})
_MAX_GAP = 4
#: Relation words that say the same with the roles the other way round ("A lost to B").
_CONVERSE: dict[str, tuple[str, ...]] = {
    stem("beat"): (stem("lose"),),
    stem("defeat"): (stem("lose"),),
    stem("lose"): (stem("beat"), stem("defeat")),
    stem("lead"): (stem("trail"),),
    stem("trail"): (stem("lead"),),
}
_APPOSITIVE = True
#: Irregular forms the shared stemmer does not join (it joins "won" and "win").
_PARTICIPLES = {
    "beaten": "beat",
    "caught": "catch",
    "struck": "strike",
    "stricken": "strike",
    "shot": "shoot",
    "stole": "steal",
    "stolen": "steal",
    "overtook": "overtake",
    "overtaken": "overtake",
    "bit": "bite",
    "bitten": "bite",
    "forgave": "forgive",
    "forgiven": "forgive",
    "threw": "throw",
    "thrown": "throw",
    "drew": "draw",
    "drawn": "draw",
    "sent": "send",
    "told": "tell",
    "sued": "sue",
}
_OPENERS = True
#: A splice needs a claim with this many content words besides its subject...
_MIN_REST = 3
#: ...most of which (this share) one sentence carries...
_PREDICATE_SHARE = 0.5
#: ...this many sentences away from the one naming the subject.
_MIN_DISTANCE = 2
#: Words that may stand between a relation word and its participant: articles,
#: auxiliaries, negation and prepositions; never a conjunction, which opens another clause.
_LITTLE = frozenset(
    """
    a an the is are was were be been being has have had will would could should may might
    can must do does did shall not never of to in on at by for from with against over into
    onto under between among through toward towards upon within without across during
    also just already
    """.split()
)
_NUMBER_WORDS = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion
    """.split()
)
_NOT_NAMES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr sir
    """.split()
)


@dataclass(frozen=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    kind: str  # "name", "fig", "word" or "punct"
    possessive: bool = False

    @property
    def key(self) -> str:
        return self.low


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
        claim_spans: character spans in the claim (the doer, the relation word, the other).
        evidence_spans: character spans in the evidence text, in the same order.
    """

    reason: str
    claim_spans: list[tuple[int, int]] = field(default_factory=list)
    evidence_spans: list[tuple[int, int]] = field(default_factory=list)


def _is_cased(text: str) -> bool:
    return any(c.isupper() for c in text[1:])


def _raw_tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def name_lexicon(text: str) -> frozenset[str]:
    """Lowercased words of ``text`` that are names: written capitalised, never in lowercase.

    A capitalised word opening a sentence counts too, unless the text also uses it in
    lowercase ("Police said ..." and "... told police").
    """
    caps: set[str] = set()
    openers: set[str] = set()
    lower: set[str] = set()
    for a, b in sentence_spans(text) or [(0, len(text))]:
        toks = _raw_tokens(text[a:b])
        first = True
        for tok, _s, _e in toks:
            if not tok[0].isalpha():
                if tok in _HARD_STOP:
                    first = True
                continue
            base = _base(tok)
            if tok[0].isupper():
                (openers if first else caps).add(base)
            else:
                lower.add(base)
            first = False
    return frozenset(
        w
        for w in (caps | (openers if _OPENERS else set())) - lower
        if w not in STOPWORDS and w not in _NOT_NAMES and len(w) > 1
    )


def _base(tok: str) -> str:
    low = tok.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    return low.rstrip("'")


def _tokens(text: str, lexicon: frozenset[str]) -> list[_Tok]:
    """Tokens with their kind; in cased text a name must be written capitalised."""
    cased = _is_cased(text)
    out: list[_Tok] = []
    for tok, s, e in _raw_tokens(text):
        if tok in _HARD_STOP or tok == ",":
            out.append(_Tok(tok, tok, s, e, "punct"))
            continue
        if tok.lower().replace("’", "'") == "'s":  # tokenised possessive: mark the word before
            if out and out[-1].kind != "punct":
                prev = out[-1]
                out[-1] = _Tok(prev.text, prev.low, prev.start, e, prev.kind, True)
            continue
        low = _base(tok)
        poss = tok.lower().replace("’", "'").endswith("'s")
        if tok[0].isdigit() or tok[0] in "$£€" or low in _NUMBER_WORDS:
            kind = "fig"
            low = low.replace(",", "")
        elif low in lexicon and not (cased and tok[0].islower()):
            kind = "name"
        else:
            kind = "word"
        out.append(_Tok(tok, low, s, e, kind, poss))
    return out


def _group(toks: list[_Tok], i: int) -> _Role:
    """The whole name around token ``i`` (consecutive name tokens), or the figure."""
    a = b = i
    if toks[i].kind == "name":
        while a > 0 and toks[a - 1].kind == "name" and not toks[a - 1].possessive:
            a -= 1
        while b + 1 < len(toks) and toks[b + 1].kind == "name" and not toks[b].possessive:
            b += 1
    keys = frozenset(t.low for t in toks[a : b + 1])
    label = " ".join(t.text for t in toks[a : b + 1])
    return _Role(keys, toks[a].start, toks[b].end, label, toks[i].kind == "name")


def _side(toks: list[_Tok], v: int, step: int) -> int | None:
    """Index of the participant governed by relation word ``v`` on one side, or None.

    Only little words (auxiliaries, articles, prepositions, "not") may stand between them:
    "Davis has beaten Bouchard", "the win over Leeds"; on the left also an aside between
    commas and "who" ("Davis, 26, who beat Bouchard"), never another clause.
    """
    i = v + step
    for _ in range(_MAX_GAP):
        if not 0 <= i < len(toks):
            return None
        t = toks[i]
        if t.kind in ("name", "fig"):
            return i
        if step < 0 and _APPOSITIVE and t.text == ",":
            # "Davis, the world No 5, beat": the name before the aside is the doer
            j = next((k for k in range(i - 1, max(-1, i - 8), -1) if toks[k].text == ","), None)
            if j is None or j == 0 or toks[j - 1].kind != "name":
                return None
            return j - 1
        if step < 0 and t.low in ("who", "which"):
            i += step
            continue
        if t.kind == "punct" or t.low in _PRONOUNS or t.low not in _LITTLE:
            return None
        i += step
    return None


def _roles(toks: list[_Tok], v: int) -> tuple[_Role, _Role] | None:
    """(doer, done-to) around relation word ``v``, or None when the order does not say.

    "X was beaten by Y" and "X's defeat by Y" are turned round; "the invasion of X" after a
    name that is not a possessive ("Y invasion of X") is left unread, since "of" may mark
    either role.
    """
    left = _side(toks, v, -1)
    right = _side(toks, v, 1)
    if left is None or right is None:
        return None
    doer, done = _group(toks, left), _group(toks, right)
    between = {t.low for t in toks[v + 1 : right]}
    if "by" in between:
        doer, done = done, doer
    elif "of" in between and not toks[left].possessive:
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


def role_clash(claim: str, evidence: str, names: frozenset[str] = frozenset()) -> RoleClash | None:
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
        names: lowercased names known from elsewhere (:func:`name_lexicon` of the cited
            article), so that "Davis" opening a sentence is still a name.

    Returns:
        The first clash found, or None when the roles agree or nothing can be compared
        (fewer than two participants, no shared relation word, a pronoun in the way).
    """
    lexicon = names | (name_lexicon(evidence) if _is_cased(evidence) else frozenset())
    if _is_cased(claim):
        lexicon |= name_lexicon(claim)
    if not lexicon and not any(c.isdigit() for c in claim):
        return None
    ctoks = _tokens(claim, lexicon)
    if sum(t.kind in ("name", "fig") for t in ctoks) < 2:
        return None
    etoks = _tokens(evidence, lexicon)
    readings: dict[str, list[tuple[int, _Role, _Role]]] = {}
    for i, t in enumerate(etoks):
        s = _cue_stem(t)
        if s is not None:
            roles = _roles(etoks, i)
            if roles is not None:
                readings.setdefault(s, []).append((i, *roles))
    for v, tok in enumerate(ctoks):
        s = _cue_stem(tok)
        roles = _roles(ctoks, v) if s is not None else None
        if s is None or roles is None or _same(*roles):
            continue
        doer, done = roles
        # the evidence's readings in the claim's frame: "B lost to A" is "A beat B"
        frame = [(i, d, o) for i, d, o in readings.get(s, [])]
        if doer.named and done.named:
            frame += [(i, o, d) for c in _CONVERSE.get(s, ()) for i, d, o in readings.get(c, [])]
        contest = doer.named and done.named and s in _CONVERSE
        found = _contradiction(doer, done, frame, etoks, contest)
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


def _quote(text: str, spans: list[tuple[int, int]]) -> str:
    """The words from the first span to the last, on one line."""
    return " ".join(text[spans[0][0] : spans[-1][1]].split())


def _contradiction(
    doer: _Role,
    done: _Role,
    frame: list[tuple[int, _Role, _Role]],
    etoks: list[_Tok],
    contest: bool,
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
        elif contest and _same(edone, doer) and not _mentioned(etoks, done):
            found = ("reversed", reading)
    return found


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


@dataclass(frozen=True)
class Splice:
    """A claim that pins what one sentence says of someone on a subject from another.

    Attributes:
        reason: a sentence a reader can check.
        claim_span: the claim's subject, as characters of the claim.
        subject_sentence: (evidence index, start, end) of the sentence naming the claim's subject.
        predicate_sentence: (evidence index, start, end) of the sentence the rest comes from.
    """

    reason: str
    claim_span: tuple[int, int]
    subject_sentence: tuple[int, int, int]
    predicate_sentence: tuple[int, int, int]


def _subject(toks: list[_Tok]) -> _Role | None:
    """The name a sentence opens with, before any other content word ("Davis, 26, won")."""
    for i, t in enumerate(toks[: _MAX_GAP + 2]):
        if t.kind == "name":
            return _group(toks, i)
        if t.kind == "punct" or t.low in _PRONOUNS or t.low not in _LITTLE:
            return None
    return None


def splice(claim: str, evidence: list[str], names: frozenset[str] = frozenset()) -> Splice | None:
    """Whether the claim joins a subject from one sentence to a predicate from another.

    The claim's subject (the name it opens with) must come from one evidence sentence and
    most of the rest of its content words from another, non-adjacent one, or from another
    evidence text, whose own subject is a different name and which never names the claim's
    subject. Sentences next to each other are left alone: "He" or "The company" opening the
    second usually means the same subject.

    Args:
        claim: the claim text (citation markers removed).
        evidence: the evidence texts the support check chose (each one or a few sentences
            of one article, in article order).
        names: lowercased names known from the cited articles (:func:`name_lexicon`).

    Returns:
        The splice found, or None.
    """
    lexicon = names | (name_lexicon(claim) if _is_cased(claim) else frozenset())
    for text in evidence:
        if _is_cased(text):
            lexicon |= name_lexicon(text)
    ctoks = _tokens(claim, lexicon)
    subject = _subject(ctoks)
    if subject is None:
        return None
    rest = {
        stem(t.low) for t in ctoks if t.kind == "word" and t.low not in STOPWORDS and len(t.low) > 2
    }
    if len(rest) < _MIN_REST:
        return None
    sents: list[tuple[int, int, int, int, list[_Tok]]] = []  # (evidence, position, start, end)
    for ei, text in enumerate(evidence):
        for si, (a, b) in enumerate(sentence_spans(text)):
            sents.append((ei, si, a, b, _tokens(text[a:b], lexicon)))
    if len(sents) < 2:
        return None

    def names_subject(toks: list[_Tok]) -> bool:
        return any(t.kind == "name" and t.low in subject.keys for t in toks)

    def carried(toks: list[_Tok]) -> int:
        return len(rest & {stem(t.low) for t in toks if t.kind == "word"})

    best = max(range(len(sents)), key=lambda k: (carried(sents[k][4]), -k))
    ei, si, a, b, toks = sents[best]
    if carried(toks) < _PREDICATE_SHARE * len(rest) or names_subject(toks):
        return None
    own = _subject(toks)
    if own is None or _same(own, subject):
        return None
    holders = [s for s in sents if names_subject(s[4])]
    if not holders or any(h[0] == ei and abs(h[1] - si) < _MIN_DISTANCE for h in holders):
        return None
    if any(carried(h[4]) >= carried(toks) for h in holders):
        return None
    h = holders[0]
    return Splice(
        f"spliced: the claim gives {subject.label} what the source says of {own.label}",
        (subject.start, subject.end),
        (h[0], h[2], h[3]),
        (ei, a, b),
    )
