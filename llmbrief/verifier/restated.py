"""What a claim restates in other words than a negation or a hedge of its evidence.

The negation and hedge checks compare cues: a negated evidence clause against a claim
that is not, a "could" in the evidence against a claim that states the thing as done.
A claim can say the same without the cue:

- **a denial restated by a verb**: "Halvern declined to say how much it would charge"
  where the source says "Halvern did not say how much it would charge". A claim writing
  a verb that means not doing ("declined to", "withheld", "stopped short of"; the list is
  ``declining`` in ``data/restatements.json``) agrees with an evidence negation whose
  governed word it writes after that verb.
- **a verb of giving up**: "Whitlow said she would give up her bonus" where the source says
  "she would not take her bonus". A claim writing a verb of relinquishing ("give up",
  "forgo", "waive", "turn down"; ``relinquishing`` in the data file) agrees with an
  evidence negation of a verb of taking or keeping (``taking``) when it writes two of the
  words that verb governs (or the one) after its own.
- **a negation of a word the claim does not state**: "did not significantly reduce death
  from any cause: 11.2% ... against 11.9%" denies the reducing; a claim that gives the two
  figures and never says "reduce" states nothing that is denied. The negation governs the
  first content word after its cue, adverbs in "-ly" passed over ("not significantly
  *reduce*"); when the claim writes neither that word nor one of its opposites, the clause
  denies nothing of the claim. An elliptical negation ("..., which it did not") governs its
  whole clause and is always read.
- **permission, not possibility**: "residents could return on Sunday" is what the
  officials allowed; "residents were allowed to return" says the same. A "could", "can" or
  "may" in the evidence whose verb the claim writes after a word of permission or ability
  ("allowed to", "able to", "can"; ``permission`` in the data file), or in the two words
  after a verb of offering ("offered free rebooking" where "passengers could rebook free";
  ``offering``), is no hedge.
- **a plan the claim states itself**: "Drivers planned 24-hour strikes" where the source
  says "drivers will strike"; "the trustees voted to let her keep the prize" where it says
  "she will keep the prize" (and reports the vote). A claim's words after a verb of
  planning (``planning``), or of deciding (``deciding``) when the source writes that verb
  too, are stated as a plan: a "will" or "would" of the source governing them is no hedge
  the claim dropped. "has voted to" where the source's vote is still to come keeps it.
- **a plan named, not stated as done**: "the government's plan to cap the prices ... could
  lead to shortages" is what "the government's cap on the prices could lead to shortages"
  says: the plan is a noun there (a determiner or a possessive before "plan to"), and the
  claim names what is planned as a noun too (the planned verb after a determiner or a
  possessive: "the government's cap", "the cap"). So is a future's verb ("the cap will
  save 270 million") that the claim names as a noun ("the ministry's savings forecast").
  Naming a plan's object states nothing as done; a claim writing the verb ("the government
  capped", "the cap saved") still does.

Everything here is read from the text by rule, the same in any process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import checks
from .lexicon import STOPWORDS, alternation, content_stems, data_json, stem, words

__all__ = [
    "ACCUSATIONS",
    "asked",
    "continuing",
    "decided",
    "declined",
    "declining_spans",
    "governs_claim",
    "named_plan",
    "negated_as",
    "permitted",
    "relinquished",
    "speaker_declined",
]

_R = data_json("restatements.json")


_DECLINING = re.compile(rf"\b(?:{alternation(_R['declining'])})\b", re.IGNORECASE)
_PERMISSION = re.compile(rf"\b(?:{alternation(_R['permission'])})\s+([A-Za-z]+)", re.IGNORECASE)
_PERMISSION_HEADS = frozenset(p.split()[0].lower() for p in _R["permission"])
_PERMISSIVE_CUES = frozenset({"could", "can", "may"})
#: "offered free rebooking": a verb of offering and the two words after it
_OFFERING = re.compile(
    rf"\b(?:{alternation(_R['offering'])})\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def _declined_words(claim_text: str) -> frozenset[str]:
    """Stems of the claim's words after a verb of not doing (to its clause's end)."""
    out: set[str] = set()
    for m in _DECLINING.finditer(claim_text):
        end = next(
            (c.end for c in checks.clauses(claim_text) if c.start <= m.start() < c.end),
            len(claim_text),
        )
        out.update(content_stems(claim_text[m.end() : end]))
    return frozenset(out)


def declining_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans a verb of not doing governs in ``text[start:end]``: from after the verb
    to its clause's end ("declined to | say whether she would receive any payment")."""
    found = list(_DECLINING.finditer(text, start, end))
    if not found:
        return []
    ends = [c.end + start for c in checks.clauses(text[start:end])]
    return [(m.end(), next((e for e in ends if e > m.end()), end)) for m in found]


_CONTINUING = frozenset(_R["continuing"])


def continuing(verb: str) -> bool:
    """Whether a future's verb ("will *remain* shut") continues a state: the state holds
    now, and only its lasting is the plan."""
    return verb.lower() in _CONTINUING


_ASKING = frozenset(_R["asking"])
_FIRST_PERSON = re.compile(r"\b(?:I|we)\s+$", re.IGNORECASE)


def asked(text: str, at: int, verb: str) -> bool:
    """Whether the "would" at ``at`` in ``text``, with its ``verb``, is a speaker's own
    request ("we would urge anyone offered them to contact us"): said, it is made; no
    plan. A third person's ("police would urge") is reported, and read as before."""
    return verb.lower() in _ASKING and _FIRST_PERSON.search(text, max(0, at - 4), at) is not None


_NEGATED_AS = {stem(k): frozenset(map(stem, v)) for k, v in _R["negated_as"].items()}


def negated_as(governed: set[str], claim: set[str]) -> bool:
    """Whether the claim writes a word that says in itself what an evidence negation of
    ``governed`` says ("cleared" where it says "found not guilty")."""
    return any(not _NEGATED_AS.get(g, frozenset()).isdisjoint(claim) for g in governed)


#: Nouns by which a denial names what was alleged before it ("deny the charges").
ACCUSATIONS: tuple[str, ...] = tuple(_R["accusations"])


def declined(claim_text: str, governed: set[str]) -> bool:
    """Whether the claim writes a verb of not doing ("declined to") before one of the
    words an evidence negation governs: the same denial in other words."""
    if not governed or not _DECLINING.search(claim_text):
        return False
    return not _declined_words(claim_text).isdisjoint(governed)


_RELINQUISHING = re.compile(rf"\b(?:{alternation(_R['relinquishing'])})\b", re.IGNORECASE)
_TAKING = frozenset(stem(w) for w in _R["taking"])


def relinquished(claim_text: str, governed: set[str], kept: set[str]) -> bool:
    """Whether the claim writes a verb of giving a thing up ("would give up her bonus",
    "waived the fee") where the evidence denies taking or keeping it ("would not take her
    bonus"): ``governed`` is the evidence negation's verb, ``kept`` the words after it in
    its scope, two of which (or the one) the claim must write after its verb."""
    if _TAKING.isdisjoint(governed) or not kept:
        return False
    for m in _RELINQUISHING.finditer(claim_text):
        end = next(
            (c.end for c in checks.clauses(claim_text) if c.start <= m.start() < c.end),
            len(claim_text),
        )
        if len(kept.intersection(content_stems(claim_text[m.end() : end]))) >= min(2, len(kept)):
            return True
    return False


def _degree_negated(text: str, clause: checks.Clause) -> tuple[str, set[str]] | None:
    """(adverb, stems of the verb) when the negation of ``clause`` governs a verb through
    an adverb in "-ly" ("did not significantly reduce"); ``None`` otherwise."""
    if clause.scope is None:
        return None
    s, e = clause.scope
    toks = words(text[s:e])[1:]
    for i, w in enumerate(toks):
        st = content_stems(w)
        if not st:
            continue
        low = w.lower()
        if not (low.endswith("ly") and len(low) > 4) or i + 1 >= len(toks):
            return None
        verb = content_stems(toks[i + 1])
        return (low, set(verb)) if verb else None
    return None


def governs_claim(text: str, clause: checks.Clause, claim: set[str]) -> bool:
    """Whether a negation that governs a verb through an adverb ("did not significantly
    reduce") bears on the claim: it does unless the claim writes neither the adverb, nor
    the verb, nor an opposite of the verb (see the module docstring). Any other negation
    is left to the negation check as it is."""
    found = _degree_negated(text, clause)
    if found is None:
        return True
    adverb, verb = found
    mine = set(content_stems(adverb)) | verb | checks.opposite_words(list(verb))
    return not mine.isdisjoint(claim)


def permitted(claim_text: str, cue: str, governed: set[str]) -> bool:
    """Whether the evidence's ``cue`` ("could") governing ``governed`` grants what the
    claim writes after a word of permission ("were allowed to return")."""
    if cue not in _PERMISSIVE_CUES or not governed:
        return False
    for m in _OFFERING.finditer(claim_text):
        # "offered free rebooking" where "passengers could rebook free": what was offered
        if any(w and stem(w.lower()) in governed for w in m.groups()):
            return True
    if _PERMISSION_HEADS.isdisjoint(w.lower() for w in words(claim_text)):
        return False
    return any(stem(m.group(1).lower()) in governed for m in _PERMISSION.finditer(claim_text))


#: A claim's verb of estimating and the noun it estimates: "put the cost of rebuilding at",
#: "estimated the damage at" (the verbs are data, ``estimating`` in ``restatements.json``).
_ESTIMATING = re.compile(
    rf"\b(?:{alternation(_R['estimating'])})\s+(?:the\s+|its\s+|their\s+|a\s+)?([A-Za-z]+)",
    re.IGNORECASE,
)
_POSSIBILITY_CUES = frozenset({"could", "may", "might"})


def estimated(claim_text: str, cue: str, governed: set[str]) -> bool:
    """Whether the claim gives what the evidence's possibility (``cue``: "could cost between
    15 and 20 million") governs as someone's estimate ("an analyst put the cost at"): an
    estimate says no more than "could"."""
    if cue not in _POSSIBILITY_CUES or not governed:
        return False
    return any(stem(m.group(1).lower()) in governed for m in _ESTIMATING.finditer(claim_text))


#: A determiner or a possessive right before a word: what follows is a noun ("the
#: government's plan", "its cap").
_NOUN_LEAD = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that)|[A-Za-z][’']s|s[’'])\s+$", re.IGNORECASE
)
#: The plan cues that are nouns after a determiner ("the plan to", "its plans to").
_PLAN_NOUNS = frozenset({"plan to", "plans to"})


def named_plan(
    claim_text: str, evidence: str, at: int, cue: str, governed: set[str], verb: str
) -> bool:
    """Whether the evidence's ``cue`` at offset ``at`` is a plan named as a noun ("the
    government's plan to cap") or a future ("will save", ``verb`` the word after the cue),
    and the claim names each word it governs that the claim writes (``governed``) as a
    noun ("the government's cap", "the ministry's savings forecast"): see the module
    docstring."""
    if not governed:
        return False
    if cue == "will":
        if governed != {stem(verb.lower())}:
            return False  # "will be a living tribute": the future's verb is no word of the claim
    elif cue not in _PLAN_NOUNS:
        return False
    elif _NOUN_LEAD.search(evidence, max(0, at - 40), at) is None:
        return False  # "the ministry plans to cap": a verb, the plan stated of a subject
    seen: set[str] = set()
    for m in re.finditer(r"[A-Za-z]+", claim_text):
        s = stem(m.group(0).lower())
        if s not in governed:
            continue
        if _NOUN_LEAD.search(claim_text, max(0, m.start() - 40), m.start()) is None:
            return False  # "the government capped the prices": the plan stated as done
        seen.add(s)
    return seen == governed


_ST = data_json("states.json")
_SPEAKING = alternation(_ST["speaking"])
#: "Halvern said", "said Halvern": a capitalised word next to a verb of saying
_SPEAKER = re.compile(rf"\b([A-Z][\w'-]+)\s+(?:{_SPEAKING})\b|\b(?:{_SPEAKING})\s+([A-Z][\w'-]+)\b")
_REFUSING = alternation(_ST["refusing"])
_REFUSAL_CUES = tuple(" ".join(c.lower().split()) for c in _ST["refusing"])
# one word of each cue ("not" where it has one: most do), looked for before the text is
# flattened: a text without any of them writes no cue
_REFUSAL_KEYS = tuple(
    sorted({"not" if "not" in c.split() else c.split()[0] for c in _REFUSAL_CUES})
)
_ANY_REFUSAL = re.compile(rf"\b(?:{_REFUSING})\b", re.IGNORECASE)
_SPEAKS = re.compile(rf"\b(?:{_SPEAKING})\b", re.IGNORECASE)
#: A refusal that goes on to say something: ", saying it would wait for the inquiry".
_WENT_ON = re.compile(rf",\s*(?:saying|adding|stating|{_SPEAKING})\b", re.IGNORECASE)
#: the sentence a cue is read in
_SENTENCE = re.compile(r"[^.!?\n]+")


# an article is cited by many claims of a brief: whether it refuses at all is read once
@lru_cache(maxsize=512)
def _refuses(text: str) -> bool:
    """Whether ``text`` writes a refusal ("declined to comment", "would not say") at all."""
    low = text.lower()
    if not any(key in low for key in _REFUSAL_KEYS):
        return False  # a few plain searches first: most articles refuse nothing
    flat = " ".join(low.split())
    if not any(cue in flat for cue in _REFUSAL_CUES):
        return False
    return _ANY_REFUSAL.search(text) is not None


def speaker_declined(claim_text: str, sources: Sequence[str]) -> tuple[str, str] | None:
    """(claim's words, evidence's words) when the claim has someone say something
    ("Halvern said the drug would cost ...") and the cited text says that speaker declined
    to comment, would not say or did not disclose it, and never has them say anything:
    a statement put in the mouth of someone who made none. The speaker is the capitalised
    word written next to the verb of saying; the evidence may name them with up to two more
    capitalised words or as their spokesperson ("Halvern Therapeutics declined to comment",
    "a Halvern spokesman would not say")."""
    speakers = list(_SPEAKER.finditer(claim_text))
    # the cited text is read sentence by sentence only when it writes a refusal at all
    if not speakers or not any(_refuses(t) for t in sources):
        return None
    for m in speakers:
        who = m.group(1) or m.group(2)
        if who.lower() in STOPWORDS or not any(who in t for t in sources):
            continue  # "The said", "It said": no name; a speaker no refusal names
        refusal = re.compile(
            rf"\b{re.escape(who)}(?:\s+[A-Z][\w'-]+){{0,2}}(?:\s+(?:spokes\w+|official))?"
            rf"\s+(?:{_REFUSING})\b"
        )
        named = re.compile(rf"\b{re.escape(who)}\b")
        found = ""
        spoke = False
        for text in sources:
            for s in _SENTENCE.finditer(text):
                sentence = s.group()
                if not named.search(sentence):
                    continue
                hit = refusal.search(sentence)
                if hit:
                    found = found or hit.group()
                    # "declined to comment on the cause, saying it would wait for the
                    # inquiry": what it went on to say, it said
                    spoke = spoke or _WENT_ON.search(sentence, hit.end()) is not None
                elif _SPEAKS.search(sentence):
                    spoke = True
        if found and not spoke:
            return m.group(), found
    return None


_PLANNING = re.compile(rf"\b(?:{alternation(_R['planning'])})\b", re.IGNORECASE)
_DECIDING = re.compile(rf"\b(?:{alternation(_R['deciding'])})\b", re.IGNORECASE)
#: Where what a verb of deciding governs ends: a clause of its own after it.
_DECISION_END = re.compile(
    r"[;:]|\.\s|,\s*(?:but|while|after|before|because|although|when|as|which|who)\b"
    r"|\s(?:but|because|although)\b",
    re.IGNORECASE,
)


def decided(claim_text: str, evidence: str) -> frozenset[str]:
    """Stems of what the claim states as planned or decided, not as done: the words after a
    verb of planning to the end of its clause ("planned 24-hour strikes ..., along with an
    overtime ban"; ``planning`` in ``data/restatements.json``), and after a verb of deciding
    (``deciding``: "voted to let Venn keep the prize") that the ``evidence`` writes too:
    the decision is stated as made, so it must be the source's; what was
    decided is a plan, as a "will" of the source states it."""
    out: set[str] = set()
    written: set[str] | None = None  # the evidence's stems, read only for a decision
    for pattern in (_PLANNING, _DECIDING):
        for m in pattern.finditer(claim_text):
            if pattern is _DECIDING:
                written = set(content_stems(evidence)) if written is None else written
                if stem(m.group(0).lower()) not in written:
                    continue  # "has voted to introduce" where the motion "will go before" it
            end = _DECISION_END.search(claim_text, m.end())
            out.update(content_stems(claim_text[m.end() : end.start() if end else len(claim_text)]))
    return frozenset(out)
