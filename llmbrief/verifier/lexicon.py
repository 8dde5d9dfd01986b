"""Words: tokenising, stopwords and a light stemmer shared by the drafter and the verifier."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

__all__ = ["STOPWORDS", "content_stems", "flat", "has_number", "stem", "words"]

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")

STOPWORDS = frozenset(
    """
    a about above across after again against all almost along also although always am
    among an and another any anyone anything are around as at be became because become
    been before being below between both but by can cannot could did do does doing done
    down during each either else etc even ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its
    itself just least less like made make many may me might more most much must my
    myself neither nor now of off often on once one only onto or other others our ours
    ourselves out over own per perhaps quite rather really said same says say see seen
    several shall she should since so some such than that the their theirs them
    themselves then there these they this those though through thus to too toward
    towards under until up upon us very via was we well were what whatever when where
    whether which while who whom whose why will with within without would yet you your
    yours also new week weeks s t d ll re ve m mr mrs ms dr according told tell tells
    similarly meanwhile moreover furthermore additionally likewise instead
    inside outside amid amidst beside besides beyond behind beneath throughout underneath
    unlike till versus whilst hence still somewhat maybe ago already sometimes usually
    """.split()
)

_NUMBER_WORDS = frozenset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion bn mn dozen percent
    """.split()
)

_NUMERIC_WORDS = _NUMBER_WORDS | frozenset(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth last
    dozens hundreds thousands millions billions trillions twenty-two
    """.split()
)

_DIGIT = re.compile(r"\d")
_SPLIT = re.compile(r"[^a-z]+")

# Irregular forms that a suffix stripper cannot join.
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "countries": "country",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "won": "win",
    "lost": "lose",
    "spent": "spend",
    "sold": "sell",
    "bought": "buy",
    "built": "build",
    "began": "begin",
    "begun": "begin",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "held": "hold",
    "led": "lead",
    "met": "meet",
    "paid": "pay",
    "left": "leave",
    "set": "set",
    "cut": "cut",
    "hit": "hit",
    "went": "go",
    "gone": "go",
    "came": "come",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "wrote": "write",
    "written": "write",
    "brought": "bring",
    "sought": "seek",
    "fought": "fight",
    "thought": "think",
    "found": "find",
    "kept": "keep",
    "meant": "mean",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (plurals, -ing, -ed, -ly, -ies...).

    It joins inflections (``plans``/``planned``/``planning``) without merging different words;
    aggressive stemmers merge ``general``/``generate`` and hide a swapped word.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith(("ies", "ied")) and len(w) >= 5:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ing") and len(w) >= 6:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) >= 5:
        w = _undouble(w[:-2])
    elif w.endswith("s") and len(w) >= 4 and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
        if w.endswith("ing") and len(w) >= 6:
            w = _undouble(w[:-3])  # filings ~ filing ~ filed
    elif w.endswith("ly") and len(w) >= 6:
        w = w[:-2]
    if w.endswith(("val", "sal", "wal")) and len(w) >= 7:
        w = w[:-2]  # approval ~ approved, proposal ~ proposed, renewal ~ renewed
    if w.endswith("ation") and len(w) >= 8:
        w = w[:-3]  # automation ~ automated, investigation ~ investigated
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (letters and digits, inner apostrophes and hyphens kept)."""
    return _WORD.findall(text)


_ALNUM = re.compile(r"[a-z0-9]+")


def flat(text: str) -> str:
    """Lowercase letters and digits, every other run of characters as one space.

    Apostrophes vanish (``China's`` -> ``chinas``). Two texts with equal ``flat`` forms say
    the same words up to spacing, case, quote marks and punctuation.
    """
    return " ".join(_ALNUM.findall(text.lower().replace("’", "").replace("'", "")))


def content_stems(text: str, tokens: list[str] | None = None) -> list[str]:
    """Stems of the content words of ``text``: lowercased, stopwords out, hyphens split."""
    return list(chain.from_iterable(map(_token_stems, words(text) if tokens is None else tokens)))


@lru_cache(maxsize=131072)
def _token_stems(token: str) -> tuple[str, ...]:
    out = []
    for part in token.lower().replace("’", "'").split("-"):
        if part.endswith("'s"):
            part = part[:-2]
        # figures are the quantity check's business, not the overlap's
        if part and part not in STOPWORDS and not part[0].isdigit() and part not in _NUMBER_WORDS:
            out.append(stem(part))
    return tuple(out)


def has_number(text: str) -> bool:
    """Whether the text has a figure or a number word (so the quantity check must look)."""
    if _DIGIT.search(text):
        return True
    return not _NUMERIC_WORDS.isdisjoint(_SPLIT.split(text.lower()))
