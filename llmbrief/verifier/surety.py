"""A claim that states as settled what its evidence leaves open.

"Officials said wild birds were the confirmed source" where the article says they were "the
most likely source" and "it was too early to say"; "the matching strain showed that the cases
shared a single source" where it "suggests" so; "had been ruled out" where there was "no
evidence at this stage". The claim carries a word of settled knowledge (confirmed, ruled out,
showed, proved, established, has agreed, has persuaded) that its evidence never uses as such,
and the evidence around it hedges the knowledge instead (likely, probably, suggests, too early,
not confirmed, no evidence, negotiating), or denies the word itself ("did not rule them out").
A plan the claim states outright is also read against a condition its evidence sentence binds
to it (", but only if the government contributes").

A claim whose evidence says the settling word itself ("tests confirmed the strain") passes,
and so does one whose evidence has no hedge: the rule reads what the evidence doubts, not
which words a writer chose.

A finding, an admission or a cause ("concluded that", "acknowledged", "had caused", "set
off") is read against the sentences of the cited articles telling the same event (two of the
claim's words): one that states it settles it; one that hedges it ("the most likely cause",
"probably set off") or leaves it open ("could not rule out", "still being examined") sinks
it. Graded scales (data/surety.json) do the same for acts: an order where the sentence
telling the same event says a request, a dismissal where it says a temporary step aside, a
challenge lodged where it says legal advice taken, an act where it says "a matter for" others;
and "will order" where it says "could order". A claim as hedged as its source passes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import Span
from .lexicon import alternation, content_stems, data_json, stem
from .sentences import IndexedArticle, IndexedSentence, Window

if TYPE_CHECKING:
    from .hard import ClaimFacts, Finding


#: Words of settled knowledge in a claim, and the stem the evidence would use for them.
_SETTLED = re.compile(
    r"\b(?:(confirm)(?:ed|s)?|(ruled?|rules) out|(show)(?:ed|s|n)? that|(prove)(?:d|n|s)?|"
    r"(establish)(?:ed|es)|(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?(agree|persuade)d|"
    r"(conclud)(?:ed|es)|(acknowledg)(?:ed|es)|(admit)(?:ted|s)|(caus)ed|(set) off)\b",
    re.IGNORECASE,
)
#: Literal parts of every :data:`_SETTLED` word, tested first.
_PRETEST = (
    "confirm",
    " out",
    "show",
    "prov",
    "establish",
    "agreed",
    "persuaded",
    "conclud",
    "acknowledg",
    "admit",
    "caused",
    "set off",
)
#: Settled words a claim states of one event: a doubt counts only in a sentence about it
#: (two of the claim's words), and a sentence of the cited articles stating it settles it.
_OF_AN_EVENT = frozenset({"conclud", "acknowledg", "admit", "caus", "set"})
#: The claim itself hedges the settled word: "had not been confirmed", "may have confirmed".
_CLAIM_HEDGED = re.compile(
    r"\b(?:not|never|no|nothing|none|neither|nor|yet to|may|might|could|likely|probably|"
    r"unconfirmed)\b[^,;]{0,20}$|n't\b[^,;]{0,20}$",
    re.IGNORECASE,
)
#: Doubt in the evidence about what is known.
_DOUBT = re.compile(
    r"\b(?:(?:most |more |less |un)?likely|probably|suggest(?:s|ed|ing)?|too early|"
    r"not (?:yet )?(?:been )?(?:confirmed|established|proven|certain|clear)|"
    r"no evidence|not certain|believed to|thought to|appears? to|possibly|negotiat\w*|"
    r"would [\"“']?(?:look at|consider)|considering|in talks)\b",
    re.IGNORECASE,
)
#: Evidence forms of each settled stem (in use, not negated).
_FORMS = {
    "confirm": r"confirm",
    "rule": r"rul(?:ed?|es|ing)(?: \w+){0,2} out",
    "show": r"show",
    "prove": r"prov",
    "establish": r"establish",
    "agree": r"agree[ds]?\b",
    "persuade": r"persuad",
    "conclud": r"conclu",
    "acknowledg": r"acknowledg",
    "admit": r"admi(?:t|ssion)",
    "caus": r"caus",
    "set": r"set(?:ting)? off",
}
_DATA = data_json("surety.json")
#: Doubt in the evidence about a finding, a cause or a decision (the data's list).
_MORE_DOUBT = re.compile(r"\b(?:" + alternation(_DATA["doubt"].split("|")) + r")\b", re.I)
#: A hedge right before a settled word of the evidence: "the most likely cause".
_HEDGED_USE = re.compile(
    r"\b(?:" + alternation(_DATA["hedged_use"].split("|")) + r")\s+(?:[\w'’-]+\s+){0,2}$", re.I
)
_NEGATED = re.compile(r"\b(?:not|never|no|yet to|n't)\b[^,;.]{0,15}$", re.IGNORECASE)


#: Literal parts of every :data:`_CONDITION` cue, tested first on the evidence.
_CONDITION_PRETEST = (" if ", " provided", " providing", "condition that", "long as")
#: A condition the evidence attaches after what it states: ", but only if the government
#: contributes", ", provided teams agree"; not "asked if", "even if", "as if".
_CONDITION = re.compile(
    r"(?<!\bas)(?<!\beven)(?<!\basked)(?<!\bask)(?<!\bwhat)(?<!\bsee)(?<!\bcheck)"
    r"(?<!\bknow)(?<!\bdecide)\s(?:only\s)?(?:if|provided(?:\s+that)?|providing|"
    r"on\s+(?:the\s+)?condition\s+that|as\s+long\s+as|so\s+long\s+as)\s",
    re.IGNORECASE,
)
#: A claim that keeps a condition of its own: it is not stating the thing outright.
_CLAIM_CONDITIONAL = re.compile(
    r"\b(?:if|unless|provided|providing|condition|conditional|long as|only|depend\w*|"
    r"require\w*|subject to|hinge\w*|would need|not|never|no|refused|declined)\b|n't\b",
    re.IGNORECASE,
)
#: ", but" or ", and" before a condition: no clause of its own
_TRAILING_JOIN = re.compile(r"[,\s]*(?:\b(?:but|and)\b)?[,\s]*$")
#: What a condition makes conditional: a plan, a promise, a forecast
_PLAN = re.compile(
    r"\b(?:would|will|could|may|might|plan\w*|aim\w*|intend\w*|set to|expect\w*|"
    r"promis\w*|pledg\w*|offer\w* to|propos\w*|agree\w* to|ready to|prepared to)\b",
    re.IGNORECASE,
)
#: Literal parts of every :data:`_PLAN` word, tested first on the claim.
_PLAN_PRETEST = (
    "would",
    "will",
    "could",
    "may",
    "might",
    "plan",
    "aim",
    "intend",
    "set to",
    "expect",
    "promis",
    "pledg",
    "offer",
    "propos",
    "agree",
    "ready to",
    "prepared to",
)
#: Marks after which an "if" opens a statement of its own
_NEW_PART = frozenset(':;"“”—–-(')
#: How much of the claim's content the evidence must state before its condition.
_COPIED = 0.6


def _conditioned(chosen: list[Window]) -> list[str]:
    """The window sentences that may state a condition (a literal test, window first: most
    evidence holds none)."""
    out: list[str] = []
    for art, f, t, _ in chosen:
        first = art.sentences[f].start
        whole = art.text[first : art.sentences[t].end]
        if not any(k in whole for k in _CONDITION_PRETEST):
            continue
        for sent in art.sentences[f : t + 1]:
            body = whole[sent.start - first : sent.end - first]
            if any(k in body for k in _CONDITION_PRETEST):
                out.append(body)
    return out


def _condition_dropped(text: str, chosen: list[Window]) -> Finding | None:
    """A claim stating outright what its evidence sentence states only on a condition
    ("would invest 1.2 billion, but only if the government contributes")."""
    bodies = _conditioned(chosen)
    if not bodies:
        return None
    low = text.lower()
    if not any(k in low for k in _PLAN_PRETEST) or _PLAN.search(text) is None:
        return None  # the claim states no plan, promise or forecast a condition could bind
    if _CLAIM_CONDITIONAL.search(text) is not None:
        return None
    mine: set[str] | None = None
    for body in bodies:
        c = _CONDITION.search(body)
        if c is None:
            continue
        if mine is None:
            mine = set(content_stems(text))
        head = set(content_stems(body[: c.start()]))
        cond = set(content_stems(body[c.end() :]))
        if not mine or len(mine & head) < _COPIED * len(mine):
            continue
        # the condition governs the clause just before it: "and that some operations
        # could be postponed if the pressure continued" leaves the rest unconditional
        pre = _TRAILING_JOIN.sub("", body[: c.start()])
        if pre[-1:] in _NEW_PART:
            continue  # 'one principle: if you sue someone': a new statement, no condition
        if _PLAN.search(pre) is None:
            continue  # a condition on a plan, a promise or a forecast, not on a practice
        cut = max(pre.rfind(","), pre.rfind(";"), pre.rfind(" and "), pre.rfind(" but "))
        near = set(content_stems(pre[cut + 1 :]))
        if len(near) < 2 or 2 * len(near & mine) < len(near):
            continue
        if 3 * len(mine & cond) >= len(cond) or len(mine & cond) > 1:
            continue  # the claim tells the condition too, in its own words
        shown = " ".join(body[c.start() :].split()[:8]).strip(" ,")
        return (
            "surety",
            f'the claim states outright what the evidence states only "{shown}"',
            [],
        )
    return None


class _Scale:
    """A graded scale of acts: the strong words a claim states, the weak ones by which the
    sentence telling the same event says less."""

    __slots__ = ("name", "strong", "weak")

    def __init__(self, name: str, strong: str, weak: str) -> None:
        self.name = name
        self.strong = re.compile(r"\b(?:" + alternation(strong.split("|")) + r")\b", re.I)
        self.weak = re.compile(r"\b(?:" + alternation(weak.split("|")) + r")\b", re.I)


_SCALES = tuple(_Scale(x["name"], x["strong"], x["weak"]) for x in _DATA["scales"])
#: Every strong word of every scale: one search of the claim before any scale is read.
_ANY_STRONG = re.compile(
    r"\b(?:"
    + alternation(sorted({w for x in _DATA["scales"] for w in x["strong"].split("|")}))
    + r")\b",
    re.I,
)
#: How much of the claim's content (besides its strong word) a sentence must write to tell
#: the same event.
_SAME_SHARE = 0.5


def _escalated(text: str, arts: list[IndexedArticle]) -> Finding | None:
    """A claim stating the strong grade of an act ("ordered all operators to inspect") where
    the sentence telling the same event says the weak one ("had asked all operators to
    inspect"), and no sentence telling it says the strong one."""
    if _ANY_STRONG.search(text) is None:
        return None
    for scale in _SCALES:
        m = scale.strong.search(text)
        if m is None or _CLAIM_HEDGED.search(text, 0, m.start()) is not None:
            continue
        mine = set(content_stems(text)) - set(content_stems(m.group(0)))
        need = max(_SAME_EVENT, int(_SAME_SHARE * len(mine) + 0.5))
        weak: tuple[str, str] | None = None
        for art in arts:
            for sent in art.sentences:
                if len(mine & sent.stems) < need:
                    continue
                st = sent.text
                if scale.strong.search(st) is not None:
                    return None  # a sentence telling the same event says the strong grade
                w = scale.weak.search(st)
                if w is not None and weak is None:
                    weak = (w.group(0), st)
        if weak is not None:
            return (
                "surety",
                f'the claim says "{m.group(0)}" where the evidence says only "{weak[0]}" '
                f"({scale.name})",
                [Span(where="claim", start=m.start(), end=m.end())],
            )
    return None


def _modal(key: str) -> re.Pattern[str]:
    """The data's modals ``key`` and the verb they govern (group 2), after any adverbs and
    "be" ("may already be clean" governs "clean")."""
    return re.compile(
        r"\b("
        + alternation(_DATA[key].split("|"))
        + r")\s+(?:(?:"
        + alternation(_DATA["modal_adverbs"].split("|"))
        + r"|be|have|been)\s+)*([A-Za-z][\w'’-]*)",
        re.I,
    )


_WEAK_MODAL = _modal("weak_modals")
_STRONG_MODAL = _modal("strong_modals")
_MODAL_PRETEST = (" will ", " would ", " shall ", " going to ")


def _hardened(text: str, arts: list[IndexedArticle]) -> Finding | None:
    """A claim stating as sure ("it will order a fresh election") what the sentence telling
    the same event states as a possibility or a hope ("it could order a fresh election"),
    when no sentence telling it states it as sure."""
    if not any(k in text for k in _MODAL_PRETEST):
        return None
    for m in _STRONG_MODAL.finditer(text):
        verb = stem(m.group(2))
        if verb in ("not", "never", "no") or _MORE_DOUBT.search(text) is not None:
            return None
        mine = set(content_stems(text)) - {verb}
        need = max(_SAME_EVENT, int(_SAME_SHARE * len(mine) + 0.5))
        weak: str | None = None
        for art in arts:
            for sent in art.sentences:
                if len(mine & sent.stems) < need:
                    continue
                st = sent.text
                if any(stem(x.group(2)) == verb for x in _STRONG_MODAL.finditer(st)):
                    return None  # a sentence telling the same event states it as sure
                for x in _WEAK_MODAL.finditer(st):
                    if weak is None and stem(x.group(2)) == verb:
                        weak = x.group(0)
        if weak is not None:
            return (
                "surety",
                f'the claim says "{m.group(0)}" where the evidence says only "{weak}"',
                [Span(where="claim", start=m.start(), end=m.end())],
            )
    return None


def surety_clash(
    facts: ClaimFacts, arts: list[IndexedArticle], chosen: list[Window]
) -> Finding | None:
    """A settled word in the claim that its evidence only hedges, as a finding, or None.

    Args:
        facts: the claim's :class:`~.hard.ClaimFacts` (its ``text`` is read).
        arts: the cited articles.
        chosen: the evidence windows the support check chose.

    Returns:
        ("surety", reason, span in the claim), or None.
    """
    text = facts.text
    dropped = _condition_dropped(text, chosen) or _escalated(text, arts) or _hardened(text, arts)
    if dropped is not None:
        return dropped
    low = text.lower()
    if not any(k in low for k in _PRETEST):
        return None  # most claims hold no settled word: literal tests before any pattern
    m = _SETTLED.search(text)
    if m is None or _CLAIM_HEDGED.search(text, 0, m.start()) is not None:
        return None
    key = next(g for g in m.groups() if g).lower()
    key = "rule" if key.startswith("rule") else key
    used = re.compile(r"\b" + _FORMS[key], re.IGNORECASE)
    span = [Span(where="claim", start=m.start(), end=m.end())]
    mine = set(content_stems(text)) - set(content_stems(m.group(0)))
    if _MORE_DOUBT.search(text) is not None:
        return None  # "concludes that the group most likely released it": as hedged as its source
    if key in _OF_AN_EVENT:
        said = _event_doubted(mine, used, arts, chosen)
        if said is None:
            return None
        return (
            "surety",
            f'the claim says "{m.group(0)}" where the evidence says only "{said}"',
            span,
        )
    for art, f, t, _ in chosen:
        lo, hi = max(0, f - 1), min(len(art.sentences) - 1, t + 1)
        window = art.text[art.sentences[lo].start : art.sentences[hi].end]
        denied: tuple[int, int] | None = None
        hedged: str | None = None
        for u in used.finditer(window):
            neg = _NEGATED.search(window, 0, u.start())
            if neg is None:
                h = _HEDGED_USE.search(window, max(0, u.start() - 40), u.start())
                if h is None:
                    return None  # the evidence settles it too
                hedged = hedged or _word_at(window, h.start(), u.end())
                continue
            denied = denied or (neg.start(), u.end())
        if denied is not None:
            # "did not rule them out" for "ruled out": the evidence denies the settling
            said = window[denied[0] : denied[1]]
            return "surety", f'the claim says "{m.group(0)}" where the evidence says "{said}"', span
        doubt = _DOUBT.search(window)
        if doubt is not None:
            return (
                "surety",
                f'the claim says "{m.group(0)}" where the evidence says only "{doubt.group(0)}"',
                span,
            )
        more = hedged or _doubt_about(mine, art.sentences[lo : hi + 1])
        if more is not None:
            return (
                "surety",
                f'the claim says "{m.group(0)}" where the evidence says only "{more}"',
                span,
            )
    return None


def _word_at(text: str, start: int, end: int) -> str:
    """``text`` from ``start`` to the end of the word ``end`` falls in: "most likely cause"."""
    m = re.compile(r"[\w'’-]*").match(text, end)
    return text[start : m.end() if m else end]


#: How many of the claim's words a sentence must write to tell the same event.
_SAME_EVENT = 2
#: ... and how many a sentence outside the evidence window must write.
_SAME_EVENT_ELSEWHERE = 3


def _doubt_about(mine: set[str], sentences: list[IndexedSentence]) -> str | None:
    """The first doubt cue of a sentence that tells the claim's event, or None."""
    for s in sentences:
        if len(mine & s.stems) >= _SAME_EVENT:
            d = _MORE_DOUBT.search(s.text)
            if d is not None:
                return d.group(0)
    return None


def _event_doubted(
    mine: set[str], used: re.Pattern[str], arts: list[IndexedArticle], chosen: list[Window]
) -> str | None:
    """What leaves open the finding, admission or cause a claim states ("caused the error"
    where the sentence telling it says "the most likely cause"), or None when a sentence of
    the cited articles telling the same event states it as settled."""
    near: set[int] = set()
    for art, f, t, _ in chosen:
        lo, hi = max(0, f - 1), min(len(art.sentences) - 1, t + 1)
        near.update(id(x) for x in art.sentences[lo : hi + 1])
    doubt: str | None = None
    for art in arts:
        for s in art.sentences:
            shared = len(mine & s.stems)
            if shared < _SAME_EVENT:
                continue
            st = s.text
            for u in used.finditer(st):
                if _NEGATED.search(st, 0, u.start()) is not None:
                    doubt = doubt or st[max(0, u.start() - 15) : u.end()].split(None, 1)[-1]
                    continue
                h = _HEDGED_USE.search(st, max(0, u.start() - 40), u.start())
                if h is None:
                    return None  # a sentence telling the same event settles it
                doubt = doubt or _word_at(st, h.start(), u.end())
            if doubt is None and (id(s) in near or shared >= _SAME_EVENT_ELSEWHERE):
                d = _MORE_DOUBT.search(st)
                if d is not None:
                    doubt = d.group(0)
    return doubt
