"""Scope and certainty: a claim that says more than the evidence sentence carrying it.

A late check (``hard.LATE_CHECKS``, name ``scope``): it runs only for a claim no other
check sank. Every rule reads the sentences of the chosen evidence window, mostly those
that carry the claim (two of its content words or more), never the whole article; each is
pre-tested on the claim's words (a whole, an end, a decision) or on the carrying
sentences' cues (a hedge, a condition, "or"), and a claim that copies a sentence of its
window says no more than it.

- **a whole for a part** (``whole_for_part``): the claim quantifies with "all", "every",
  "each" what a window sentence counts with a part: "all three villages" where "two of
  the three villages", "all of whom had recovered" where "all but one had recovered",
  "each of them would save" where "a typical patient would save", "would leave all
  teachers worse off" where "many of us will be worse off". The part must lead a phrase
  (to the next break) that writes a word the claim's whole governs, and no sentence of
  the window may write a whole itself ("All 40 were rescued. Most were from Tesk.").
- **a whole for a kind** (``whole_for_kind``): "in all schools" where the carrying
  sentence writes the noun only narrowed by a word the claim lacks, "in primary schools".
- **an end for a fall** (``end_for_fall``): "poaching has stopped" where "poaching has
  fallen ... but has not stopped"; "fully" where "partly". The subject of the end is the
  subject of the fall (one of the three content words before each).
- **a review made a decision** (``review_for_decision``): "said it would approve the
  request" where "said it would examine any request": a verb of decision in the claim
  the sentence never writes, a verb of review there, the same object after each.
- **one of two alternatives** (``one_alternative``): "races should be cancelled" where
  "should be delayed or cancelled": the claim keeps one side of an "A or B", in its place
  (the word before B, or after A, the same), and writes no "or" itself.
- **a maybe made sure** (``maybe_made_sure``): the claim states, surer than the sentence,
  what it says only after "may", "could", "expected to", "up to": "will raise bills"
  where "may ask the regulator for permission to raise bills". The cue's subject is the
  claim's (one of its words among the six before the cue) and so is what it governs (two
  of its words among the five after, within the clause). "can" is a possibility only
  against a claim that states a future ("will be banned", not "the trains carry 400").
  A claim with a hedge of its own ("could", "expects", "up to", "often") is left alone;
  a reported "would" ("said it would") states a plan, no possibility.
- **a condition dropped** (``condition_dropped``): "would cost about $200 million" where
  "could cost about $200 million if disruption lasts until the weekend": three of the
  claim's words in the five before "if" or "unless", at most one of the condition's, and
  no condition or hedge in the claim. An "if" after a verb of asking ("asked him if") or
  "even" is no condition; neither is one inside a relative clause ("a loophole which
  allows X if Y"), nor one the claim itself writes only as such a description.

The word lists are ``data/scope.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..types import Span
from . import restated
from .lexicon import STOPWORDS, data_json, stem
from .sentences import IndexedArticle, IndexedSentence, Window

if TYPE_CHECKING:
    from .hard import ClaimFacts

__all__ = ["scope_check"]

_D = data_json("scope.json")

# (check name, reason, spans it looked at), as in hard.py
Finding = tuple[str, str, list[Span]]

#: A word (inner apostrophes, hyphens, points and commas of figures kept) or a clause break.
_TOKEN = re.compile(r"[^\W_]+(?:(?:['’\-]|[.,](?=\d))[^\W_]+)*|[,;:()—]|\s-\s")
_BREAKS = frozenset({",", ";", ":", "(", ")", "—", " - ", "."})
#: words that start a new clause inside a sentence
_CLAUSE_WORDS = frozenset(
    "that which who whom whose where when while whereas although though because but "
    "and if unless until after before since".split()
)


def _stems(words: Iterable[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


_UNIVERSAL = _stems(_D["universal"])
_NOT_BEFORE = frozenset(_D["universal_not_before"])
_NOT_AFTER = frozenset(w for w in _D["universal_not_after"] if " " not in w)
_PART_WORDS = _stems(_D["part_words"])
_PART_PHRASES = tuple(tuple(p.split()) for p in _D["part_phrases"])
_COUNTS = frozenset(_D["counts"])
_END_STATES = frozenset(_D["end_states"])
_DEGREES = frozenset(_D["degrees"])
_REVIEW = _stems(w for p in _D["review"] for w in p.split()[:1])
_DECISION = _stems(_D["decision"])
_REPORTED = frozenset(_D["reported"])


#: phrases by their first word, the longest first
_Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _phrases(key: str) -> _Phrases:
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(_D[key], key=lambda p: (-len(p), p)):
        words = tuple(p.split())
        out.setdefault(words[0], []).append(words)
    return {head: tuple(ps) for head, ps in out.items()}


_POSSIBILITY = _phrases("possibility")
#: cues of ability: a possibility only against a claim that states a future ("will")
_ABILITY = frozenset(_D["ability"])
_CLAIM_POSSIBILITY = _phrases("claim_possibility")
_CLAIM_PLAN = _phrases("claim_plan")
_CONDITIONS = _phrases("conditions")
_CLAIM_CONDITIONS = _phrases("claim_conditions")
_IF_NOT_AFTER = frozenset(_D["if_not_after"])


class _Tok(NamedTuple):
    word: str  # lower-cased as written
    stem: str
    start: int
    end: int


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[_Tok, ...]:
    """Words and clause breaks of ``text`` with their offsets."""
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text):
        written = m.group(0)
        w = written.lower().replace("’", "'")
        if (
            written[0].isupper()
            and w in STOPWORDS
            and out
            and not _is_break(out[-1])
            and out[-1].word[0].isalnum()
        ):
            # "... if they ask More than 70 million": a sentence run on without its full
            # stop (captions pasted into the text); the capital starts a new one
            out.append(_Tok(".", ".", m.start(), m.start()))
        out.append(_Tok(w, w if w in _BREAKS or w.strip() in _BREAKS else stem(w), *m.span()))
    return tuple(out)


def _is_break(t: _Tok) -> bool:
    return t.word in _BREAKS or t.word.strip() in _BREAKS


def _content(t: _Tok) -> bool:
    return not _is_break(t) and t.word not in STOPWORDS and len(t.word) > 1


def _at(toks: Sequence[_Tok], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t.word for t in toks[i : i + len(phrase)]) == phrase


def _found(toks: Sequence[_Tok], phrases: _Phrases) -> list[tuple[int, tuple[str, ...]]]:
    """(position, phrase) of each of ``phrases`` in ``toks``, the longest at a position."""
    out = []
    for i, t in enumerate(toks):
        for p in phrases.get(t.word, ()):
            if _at(toks, i, p):
                out.append((i, p))
                break
    return out


def _phrase_end(toks: Sequence[_Tok], i: int) -> int:
    """Where the phrase led by token ``i`` ends: the next clause break."""
    b = i + 1
    while b < len(toks) and not _is_break(toks[b]):
        b += 1
    return b


@dataclass
class _Carrier:
    """A sentence of the evidence window with the claim's stems it shares; its words are
    read when a rule first asks."""

    art: IndexedArticle
    sentence: IndexedSentence
    shared: frozenset[str]

    @cached_property
    def toks(self) -> tuple[_Tok, ...]:
        return _tokens(self.sentence.text)

    def span(self, a: int, b: int) -> Span:
        """Tokens ``a`` to ``b`` (exclusive) of the sentence as a span of the article."""
        s = self.sentence.start
        return self.art.norm_span(s + self.toks[a].start, s + self.toks[b - 1].end)

    def phrase(self, a: int, b: int) -> str:
        return self.sentence.text[self.toks[a].start : self.toks[b - 1].end]


def _window(claim: frozenset[str], chosen: list[Window]) -> Iterator[_Carrier]:
    """The window's sentences (a window is a few sentences around the claim's content)."""
    for art, first, last, _ in chosen:
        for s in art.sentences[first : last + 1]:
            yield _Carrier(art, s, frozenset(s.stems & claim))


def _carrying(window: list[_Carrier], cue: re.Pattern[str] | None = None) -> list[_Carrier]:
    """The window's sentences that carry the claim: two of its content words or more (and,
    given ``cue``, a match of it: looked for before the sentence's words are read)."""
    return [
        c
        for c in window
        if len(c.shared) >= 2 and (cue is None or cue.search(c.sentence.text) is not None)
    ]


def _heads(cues: _Phrases) -> re.Pattern[str]:
    """A pattern of the first words of ``cues``, as whole words, any case."""
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, cues))) + r")\b", re.IGNORECASE)


_POSSIBILITY_AT = _heads(_POSSIBILITY)
_CONDITION_AT = _heads(_CONDITIONS)
_OR_AT = re.compile(r"\bor\b")
#: what the claim-led rules look for in the claim: a whole, an end, a verb of decision
#: (by its stem: "cancel" finds "cancelled")
_CLAIM_CUE = re.compile(
    r"\b(?:"
    + "|".join(sorted(re.escape(w) for w in (*_D["universal"], *_END_STATES)))
    + r")\b|\b(?:"
    + "|".join(sorted(re.escape(w) for w in _DECISION))
    + r")",
    re.IGNORECASE,
)
#: what the window-led rules look for in a carrying sentence
_WINDOW_CUE = re.compile(
    "|".join(p.pattern for p in (_POSSIBILITY_AT, _CONDITION_AT, _OR_AT)), re.IGNORECASE
)


def _claim_span(text: str, toks: Sequence[_Tok], a: int, b: int) -> list[Span]:
    return [Span(where="claim", start=toks[a].start, end=toks[b - 1].end)]


# -- a whole for a part ------------------------------------------------------------------


def _universals(toks: Sequence[_Tok]) -> list[int]:
    """Positions of the claim's wholes ("all", "every"), idioms and hedged ones left out
    ("not all", "nearly all", "after all", "all but", "each year", "each other")."""
    out = []
    for i, t in enumerate(toks):
        if t.stem not in _UNIVERSAL:
            continue
        before = toks[i - 1].word if i else ""
        after = toks[i + 1].word if i + 1 < len(toks) else ""
        if before in _NOT_BEFORE or after in _NOT_AFTER or not after or _is_break(toks[i + 1]):
            continue
        out.append(i)
    return out


def _quantified(toks: Sequence[_Tok], i: int) -> frozenset[str]:
    """Stems of what the whole at ``i`` quantifies and says of it: its clause's words after it."""
    b = _phrase_end(toks, i)
    return frozenset(t.stem for t in toks[i + 1 : b] if _content(t) and t.word not in _UNIVERSAL)


def _writes_whole(toks: Sequence[_Tok]) -> bool:
    return any(
        t.stem in _UNIVERSAL and not (i + 1 < len(toks) and toks[i + 1].word == "but")
        for i, t in enumerate(toks)
    )


def _parts(toks: Sequence[_Tok], claim_words: frozenset[str]) -> Iterator[int]:
    """Positions of the sentence's parts: "most", "two of", "all but", "the rest"."""
    for i, t in enumerate(toks):
        if any(_at(toks, i, p) for p in _PART_PHRASES) or (
            t.stem in _PART_WORDS and t.word not in claim_words
        ):
            yield i
        elif (
            (t.word in _COUNTS or t.word.isdigit())
            and i + 1 < len(toks)
            and toks[i + 1].word == "of"
            and t.word not in claim_words
        ):
            yield i  # "two of the three villages", "six of them"


def _whole_for_part(
    facts_text: str, toks: Sequence[_Tok], window: list[_Carrier], claim: frozenset[str]
) -> Finding | None:
    wholes = _universals(toks)
    if not wholes:
        return None
    if any(_writes_whole(c.toks) for c in window):
        return None  # the window writes a whole itself: what it quantifies is its to say
    claim_words = frozenset(t.word for t in toks)
    for c in window:
        for i in wholes:
            said_of = _quantified(toks, i)
            if not said_of:
                continue
            for j in _parts(c.toks, claim_words):
                end = _phrase_end(c.toks, j)
                if any(t.stem in said_of for t in c.toks[j + 1 : end] if _content(t)):
                    theirs = c.phrase(j, min(end, j + 4))
                    mine = toks[i].word
                    return (
                        "scope",
                        f'the claim says "{mine}" where the evidence says "{theirs}"',
                        [*_claim_span(facts_text, toks, i, i + 1), c.span(j, min(end, j + 4))],
                    )
    return None


def _whole_for_kind(
    facts_text: str, toks: Sequence[_Tok], window: list[_Carrier], claim: frozenset[str]
) -> Finding | None:
    """ "in all schools" where the carrying sentence says "in primary schools": the claim
    quantifies a noun the sentence writes only with a word that narrows it."""
    wholes = _universals(toks)
    if not wholes or any(_writes_whole(c.toks) for c in window):
        return None
    claim_words = frozenset(t.word for t in toks)
    for i in wholes:
        k = i + 1
        while k < len(toks) and toks[k].word in ("the", "of"):
            k += 1  # "all the schools", "all of the schools"
        if k >= len(toks) or not _content(toks[k]) or not toks[k].word.isalpha():
            continue
        noun = toks[k].stem
        for c in _carrying(window):
            at = [j for j, t in enumerate(c.toks) if t.stem == noun]
            if not at:
                continue
            narrowed = [
                j
                for j in at
                if j > 0
                and _content(c.toks[j - 1])
                and c.toks[j - 1].word.isalpha()
                and c.toks[j - 1].word not in claim_words
                and c.sentence.text[c.toks[j - 1].start].islower()
            ]
            if len(narrowed) == len(at):
                j = narrowed[0]
                return (
                    "scope",
                    f'the claim says "{toks[i].word} {toks[k].word}" where the evidence '
                    f'says "{c.phrase(j - 1, j + 1)}"',
                    [*_claim_span(facts_text, toks, i, k + 1), c.span(j - 1, j + 1)],
                )
    return None


# -- an end for a fall -------------------------------------------------------------------


def _negated_before(toks: Sequence[_Tok], j: int) -> bool:
    return any(t.word in ("not", "never", "n't", "yet") for t in toks[max(0, j - 2) : j])


def _end_for_fall(
    facts_text: str, toks: Sequence[_Tok], window: list[_Carrier], claim: frozenset[str]
) -> Finding | None:
    ends = [i for i, t in enumerate(toks) if t.word in _END_STATES and not _negated_before(toks, i)]
    if not ends:
        return None
    for c in _carrying(window):
        for i in ends:
            word = toks[i].word
            same = [j for j, t in enumerate(c.toks) if t.stem == toks[i].stem]
            if any(not _negated_before(c.toks, j) for j in same):
                continue  # the sentence says it ended too
            # what ended in the claim is what fell in the evidence: a word of the claim's
            # just before its end word, just before the fall
            subject = _content_near(toks, i, -1, 3)
            falls = [j for j, t in enumerate(c.toks) if t.word in _DEGREES]
            for j in [*same, *falls]:
                if not subject & _content_near(c.toks, j, -1, 3):
                    continue
                theirs = c.phrase(max(0, j - 2) if j in same else j, j + 1)
                return (
                    "scope",
                    f'the claim says "{word}" where the evidence says "{theirs}"',
                    [*_claim_span(facts_text, toks, i, i + 1), c.span(j, j + 1)],
                )
    return None


# -- a maybe made sure -------------------------------------------------------------------


def _claim_level(toks: Sequence[_Tok]) -> int:
    """How surely the claim states things: 2 if it writes any possibility, 1 a plan or
    future (a reported "would" too: "said it would"), 0 none."""
    level = 0
    for i, _ in _found(toks, _CLAIM_POSSIBILITY):
        if toks[i].word == "would" and any(t.word in _REPORTED for t in toks[:i]):
            level = max(level, 1)
        else:
            return 2
    if _found(toks, _CLAIM_PLAN):
        level = 1
    return level


def _maybe_made_sure(
    facts_text: str,
    toks: Sequence[_Tok],
    window: list[_Carrier],
    claim: frozenset[str],
) -> Finding | None:
    level = _claim_level(toks)
    if level >= 2:
        return None
    claim_words = frozenset(t.word for t in toks)
    for c in _carrying(window, _POSSIBILITY_AT):
        for j, cue in _found(c.toks, _POSSIBILITY):
            written = c.sentence.text[c.toks[j].start : c.toks[j].end]
            if written[0].isupper() and j > 0:
                continue  # "Theresa May", "in May": a name or a month
            k = j + len(cue)
            if cue[0] in claim_words or (k < len(c.toks) and c.toks[k].word == "not"):
                continue  # the claim's own cue; "could not": no possibility
            if cue[0] in _ABILITY and level == 0:
                continue  # "the trains can carry 400" is what "they carry 400" says; not "will"
            # the hedged statement is the claim's: its subject just before the cue, and
            # two of its words in what the cue governs, just after
            before = _content_near(c.toks, j, -1, _SUBJECT_REACH) & claim
            after = _content_near(c.toks, k - 1, 1, _GOVERNED_REACH, clause=True) & claim
            if not before or len(after) < 2:
                continue
            if restated.permitted(facts_text, cue[0], set(after)):
                continue  # "were allowed to return" where "could return"
            if restated.estimated(facts_text, cue[0], set(after)):
                continue  # "an analyst put the cost at" where it "could cost"
            return (
                "scope",
                f'the evidence states this only as a possibility ("{" ".join(cue)}")',
                [c.span(j, k)],
            )
    return None


#: content words read before a hedge as its subject, and after it as what it governs
_SUBJECT_REACH = 6
_GOVERNED_REACH = 5


def _content_near(
    toks: Sequence[_Tok], i: int, step: int, reach: int, clause: bool = False
) -> set[str]:
    """Stems of the ``reach`` content words before (``step`` -1) or after (1) token ``i``,
    up to a clause break (or, with ``clause``, a word that starts a clause: "after")."""
    out: set[str] = set()
    j = i + step
    while 0 <= j < len(toks) and len(out) < reach:
        if _is_break(toks[j]) or (clause and toks[j].word in _CLAUSE_WORDS):
            break
        if _content(toks[j]):
            out.add(toks[j].stem)
        j += step
    return out


# -- a review made a decision ------------------------------------------------------------


def _object_after(toks: Sequence[_Tok], i: int) -> str:
    """The first content stem in the three words after token ``i``."""
    for t in toks[i + 1 : i + 4]:
        if _is_break(t):
            return ""
        if _content(t):
            return t.stem
    return ""


def _review_for_decision(
    facts_text: str, toks: Sequence[_Tok], window: list[_Carrier], claim: frozenset[str]
) -> Finding | None:
    decided = [i for i, t in enumerate(toks) if t.stem in _DECISION]
    if not decided:
        return None
    claim_stems = frozenset(t.stem for t in toks)
    for c in _carrying(window):
        written = frozenset(t.stem for t in c.toks)
        for i in decided:
            if toks[i].stem in written:
                continue
            thing = _object_after(toks, i)
            if not thing:
                continue
            for j, t in enumerate(c.toks):
                if (
                    t.stem in _REVIEW
                    and t.stem not in claim_stems
                    and _object_after(c.toks, j) == thing
                ):
                    return (
                        "scope",
                        f'the claim says "{toks[i].word}" where the evidence says "{t.word}"',
                        [*_claim_span(facts_text, toks, i, i + 1), c.span(j, j + 1)],
                    )
    return None


# -- one of two alternatives -------------------------------------------------------------


def _one_alternative(
    facts_text: str, toks: Sequence[_Tok], window: list[_Carrier], claim: frozenset[str]
) -> Finding | None:
    words = [t.word for t in toks]
    for c in _carrying(window, _OR_AT):
        ct = c.toks
        for j in range(1, len(ct) - 1):
            if ct[j].word != "or":
                continue
            a, b = ct[j - 1], ct[j + 1]
            if not (_content(a) and _content(b)) or not a.word.isalpha() or not b.word.isalpha():
                continue
            if a.word in _COUNTS or b.word in _COUNTS:
                continue  # "one or two": a range, not alternatives
            if (a.word in words) == (b.word in words):
                continue
            if b.word in words:
                k = words.index(b.word)
                lead = ct[j - 2].word if j >= 2 else ""
                kept = k > 0 and words[k - 1] == lead and lead not in ("", "or")
                mine, other = b, a
            else:
                k = words.index(a.word)
                tail = ct[j + 2].word if j + 2 < len(ct) else ""
                kept = k + 1 < len(words) and words[k + 1] == tail and tail != ""
                mine, other = a, b
            if kept and "or" not in words:
                return (
                    "scope",
                    f'the claim says "{mine.word}" where the evidence says "{a.word} or '
                    f'{b.word}" ("{other.word}" left out)',
                    [*_claim_span(facts_text, toks, k, k + 1), c.span(j - 1, j + 2)],
                )
    return None


# -- a condition dropped -----------------------------------------------------------------


def _condition_dropped(
    facts_text: str, toks: Sequence[_Tok], window: list[_Carrier], claim: frozenset[str]
) -> Finding | None:
    if _found(toks, _CLAIM_CONDITIONS):
        return None  # the claim has a condition or hedge of its own
    for c in _carrying(window, _CONDITION_AT):
        for j, cue in _found(c.toks, _CONDITIONS):
            if _asked(c.toks, j):
                continue  # "asked him if", "even if": a question or a concession
            k = j + len(cue)
            end = _phrase_end(c.toks, j)
            condition = {t.stem for t in c.toks[k:end] if _content(t)}
            # what the condition governs, the words just before it, is the claim's
            main = _content_near(c.toks, j, -1, _GOVERNED_REACH, clause=True) & claim
            if _in_relative(c.toks, j) or _described(toks, main):
                continue  # "a loophole which allows X if Y": a description, not the news
            if len(condition) >= 2 and len(condition & claim) <= 1 and len(main) >= 3:
                return (
                    "scope",
                    f'the evidence states this only on a condition ("{c.phrase(j, end)}")',
                    [c.span(j, end)],
                )
    return None


def _asked(toks: Sequence[_Tok], j: int) -> bool:
    """Whether the "if" at ``j`` asks or concedes: "asked the mayor if", "unclear if",
    "even if" (a word of ``if_not_after`` in the four words before it, in its clause)."""
    for t in reversed(toks[max(0, j - 4) : j]):
        if _is_break(t):
            return False
        if t.word in _IF_NOT_AFTER:
            return True
    return False


_RELATIVE = frozenset({"which", "who", "whom", "whose", "where"})


def _in_relative(toks: Sequence[_Tok], j: int) -> bool:
    """Whether token ``j`` stands in a relative clause: the clause word before it, back to
    the last break, is "which", "who", "that"."""
    for t in reversed(toks[:j]):
        if _is_break(t):
            return False
        if t.word in _CLAUSE_WORDS:
            return t.word in _RELATIVE
    return False


def _described(toks: Sequence[_Tok], stems: set[str]) -> bool:
    """Whether the claim writes the words ``stems`` only in relative clauses."""
    at = [i for i, t in enumerate(toks) if t.stem in stems]
    return bool(at) and all(_in_relative(toks, i) for i in at)


Rule = Callable[[str, Sequence[_Tok], list[_Carrier], frozenset[str]], "Finding | None"]

#: (name, rule), cheapest first
RULES: tuple[tuple[str, Rule], ...] = (
    ("whole_for_part", _whole_for_part),
    ("whole_for_kind", _whole_for_kind),
    ("end_for_fall", _end_for_fall),
    ("review_for_decision", _review_for_decision),
    ("one_alternative", _one_alternative),
    ("maybe_made_sure", _maybe_made_sure),
    ("condition_dropped", _condition_dropped),
)


def scope_check(
    facts: ClaimFacts, arts: list[IndexedArticle], chosen: list[Window]
) -> Finding | None:
    """The first rule the claim fails (see the module's docstring), or None."""
    if any(s.text == facts.text for art, a, b, _ in chosen for s in art.sentences[a : b + 1]):
        return None  # a sentence of the window copied: it says no more than its source
    window = list(_window(frozenset(facts.stems), chosen))
    carrying = _carrying(window)
    if not carrying:
        return None
    # a claim word that a rule reads (a whole, an end, a decision) or a cue in a carrying
    # sentence (a hedge, a condition, "or"): most claims have neither and stop here
    if _CLAIM_CUE.search(facts.text) is None and not any(
        _WINDOW_CUE.search(c.sentence.text) for c in carrying
    ):
        return None
    toks = _tokens(facts.text)
    # the claim's content words, its figures among them ("200" of "$200 million")
    claim = frozenset(t.stem for t in toks if _content(t))
    for _, rule in RULES:
        found = rule(facts.text, toks, window, claim)
        if found is not None:
            return found
    return None
