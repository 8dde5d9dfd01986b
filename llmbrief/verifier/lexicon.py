"""Words: tokenising, stopwords and a light stemmer shared by the drafter and the verifier.

Word lists are data files in ``llmbrief/verifier/data/``, read once through
:mod:`importlib.resources`; this module holds the rules that read them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from importlib.resources import files
from itertools import chain, repeat
from typing import Any

__all__ = [
    "ASCII_WORD",
    "NUMERIC_WORDS",
    "SEVERAL",
    "STOPWORDS",
    "WORD",
    "OneStemMemo",
    "StemMemo",
    "alternation",
    "content_stems",
    "data_json",
    "data_lines",
    "data_text",
    "data_words",
    "flat",
    "has_number",
    "sentence_stem_sets",
    "sentence_stems",
    "stem",
    "stem_words",
    "word_at",
    "words",
    "words_by_span",
]

# letters of any alphabet ("Misérables" is one word), digits, inner apostrophes and hyphens
#: a word token: letters and digits, inner apostrophes and hyphens kept (``words``)
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# the same for text that is all ASCII (most of it), where a plain class is faster; public:
# support.py splits the cluster's ASCII sentences with it
ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")


@cache
def data_text(name: str) -> str:
    """The text of a data file shipped in ``llmbrief/verifier/data/`` (read once)."""
    return (files("llmbrief.verifier") / "data" / name).read_text(encoding="utf-8")


def data_lines(name: str) -> list[str]:
    """The lines of a data file, comments (``#``) and blank lines left out, stripped."""
    out = []
    for line in data_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def data_words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a data file (comments left out)."""
    return frozenset(w for line in data_lines(name) for w in line.split())


def alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of ``phrases``, longest first (so "more than" is tried before
    "more"), each space matching any run of whitespace."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(phrases, key=lambda w: (-len(w), w))
    )


def data_json(name: str) -> Any:
    """A JSON data file, parsed."""
    return json.loads(data_text(name))


STOPWORDS = data_words("stopwords.txt")
_NUMBER_WORDS = data_words("number_words.txt")
_NUMERIC_WORDS = _NUMBER_WORDS | data_words("numeric_words.txt")
#: Number words and ordinals ("Fourteen", "Third"): figures, never names.
NUMERIC_WORDS = _NUMERIC_WORDS

_DIGIT = re.compile(r"\d")
_SPLIT = re.compile(r"[^a-z]+")

# Irregular forms that a suffix stripper cannot join.
_IRREGULAR = {form: base for form, base in (ln.split() for ln in data_lines("irregular.txt"))}


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
    if not text.isascii():
        return WORD.findall(text)
    if "'" in text or "-" in text:
        return ASCII_WORD.findall(text)
    # no apostrophe or hyphen: the tokens are the runs of letters and digits, which the
    # bytes translated (every other one a space) and split give three times as fast
    return text.encode("ascii").translate(_TO_SPACES).decode("ascii").split()


# ASCII bytes that can be part of a word token; every other byte becomes a space
_TOKEN_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'-")
_TO_SPACES = bytes(c if c in _TOKEN_BYTES else 32 for c in range(256))


def words_by_span(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """:func:`words` of each span of ``text``, for many spans of one text at once.

    ASCII text is read with byte translation and :meth:`str.split` (twice as fast as the
    pattern): a run of word characters, apostrophes and hyphens is one token unless it holds
    an apostrophe or hyphen, and only then does the pattern read it (it cannot reach past
    the run, so the tokens are the pattern's).
    """
    if not text.isascii():
        return [words(text[a:b]) for a, b in spans]
    spaced = text.encode("ascii").translate(_TO_SPACES).decode("ascii")
    find = ASCII_WORD.findall
    out = []
    for a, b in spans:
        piece = spaced[a:b]
        toks = piece.split()
        if "'" in piece or "-" in piece:
            toks = [x for t in toks for x in ((t,) if "'" not in t and "-" not in t else find(t))]
        out.append(toks)
    return out


def word_at(text: str, pos: int) -> str:
    """The word token of :func:`words` that starts at ``pos`` (``""`` if none does)."""
    m = WORD.match(text, pos)
    return m.group(0) if m else ""


_ALNUM = re.compile(r"[^\W_]+")
_ASCII_ALNUM = re.compile(r"[a-z0-9]+")


def flat(text: str) -> str:
    """Lowercase letters and digits, every other run of characters as one space.

    Apostrophes vanish (``China's`` -> ``chinas``). Two texts with equal ``flat`` forms say
    the same words up to spacing, case, quote marks and punctuation.
    """
    low = text.lower().replace("’", "").replace("'", "")
    return " ".join((_ASCII_ALNUM if low.isascii() else _ALNUM).findall(low))


def content_stems(text: str, tokens: list[str] | None = None) -> list[str]:
    """Stems of the content words of ``text``: lowercased, stopwords out, hyphens split."""
    return list(chain.from_iterable(map(_token_stems, words(text) if tokens is None else tokens)))


def sentence_stems(tokens: list[str]) -> Iterator[str]:
    """The content stems of word tokens, as :func:`content_stems`, each token read once
    (for a set of them: a sentence's words)."""
    return chain.from_iterable(map(_token_stems, set(tokens)))


class StemMemo(dict[str, tuple[str, ...]]):
    """Word token -> its content stems (as :func:`content_stems` reads it), for one index:
    a plain dictionary costs a third of the lookups of the shared, bounded cache."""

    def __missing__(self, token: str) -> tuple[str, ...]:
        if token.isascii() and token.isalnum() and not token.isalpha():
            # letters and digits, no apostrophe or hyphen: a figure ("2024"), which is no
            # content word, or a code ("w123", "a380"), which is its own stem; as
            # :func:`_token_stems` reads them, without its shared cache
            low = token.lower()
            if low[0].isdigit() or low in STOPWORDS or low in _NUMBER_WORDS:
                found: tuple[str, ...] = ()
            elif low in _IRREGULAR:
                found = _token_stems(token)
            else:
                found = (low,)
        else:
            found = _token_stems(token)
        self[token] = found
        return found

    def sentence(
        self,
        tokens: list[str],
        _frozenset: type[frozenset[str]] = frozenset,
        _chain: Callable[[Iterable[tuple[str, ...]]], Iterator[str]] = chain.from_iterable,
    ) -> frozenset[str]:
        """The content stems of a sentence's tokens (:func:`sentence_stems`, as a set)."""
        # no set of the tokens first: hashing them for it costs more than the repeated
        # lookups; the builtins are bound as defaults (no global lookups in a call made for
        # every sentence of the cluster)
        return _frozenset(_chain(map(self.__getitem__, tokens)))


#: What :class:`OneStemMemo` gives a token of more than one content stem ("state-owned").
SEVERAL = "\x00several"


# A lower-case code ("w123", "a380"): letters, then a digit, then letters and digits. Such a
# token is its own stem unless a word list has it (none does today: then they are checked).
_LOWER_CODE = re.compile(r"[a-z]+[0-9][a-z0-9]*").fullmatch


class OneStemMemo(dict[str, str]):
    """Word token -> its one content stem, as :class:`StemMemo` reads it: ``""`` for a token
    with none (a stopword, a figure), :data:`SEVERAL` for one with more. Most tokens have
    one: a sentence's stems are then its tokens' values, read and filtered in C."""

    def __missing__(self, token: str) -> str:
        # a cluster has a code in most sentences, each new to the memo: one look decides
        # them (the same answer as below: ``tests/test_verifier_speed.py`` compares them)
        if _LOWER_CODE(token) is not None and token not in _CODE_WORDS:
            self[token] = token
            return token
        if token.isascii() and token.isalnum() and not token.isalpha():
            # a figure or a code, as StemMemo reads it
            low = token.lower()
            if low[0].isdigit() or low in STOPWORDS or low in _NUMBER_WORDS:
                found = ""
            elif low in _IRREGULAR:
                found = _one(_token_stems(token))
            else:
                found = low
        else:
            found = _one(_token_stems(token))
        self[token] = found
        return found


#: the words of the lists a lower-case code could be (read the long way by OneStemMemo)
_CODE_WORDS = frozenset(
    w for w in chain(STOPWORDS, _NUMBER_WORDS, _IRREGULAR) if _LOWER_CODE(w) is not None
)


def _one(stems: tuple[str, ...]) -> str:
    return stems[0] if len(stems) == 1 else SEVERAL if stems else ""


def sentence_stem_sets(
    tokens: list[list[str]], one: OneStemMemo, memo: StemMemo
) -> tuple[list[frozenset[str]], frozenset[str]]:
    """``[memo.sentence(t) for t in tokens]`` (each sentence's content stems) and their
    union, for the sentences of one text.

    Each sentence's set is made of its tokens' one stems with the empty ones filtered out,
    with no call in Python per sentence or per known token; only when a token of several
    stems is among them (its mark is in the union) are those sentences made the long way.
    """
    stems_of = map(map, repeat(one.__getitem__), tokens)
    sets = list(map(frozenset, map(filter, repeat(None), stems_of)))
    union = frozenset().union(*sets)
    if SEVERAL in union:
        sets = [memo.sentence(t) if SEVERAL in s else s for s, t in zip(sets, tokens, strict=True)]
        union = frozenset().union(*sets)
    return sets, union


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


def stem_words(text: str) -> dict[str, str]:
    """Each content stem of ``text`` -> the word it was first written as ("polic" ->
    "police"): reasons show the claim's own words, never stems."""
    out: dict[str, str] = {}
    for token in words(text):
        for part in token.replace("’", "'").split("-"):
            if part.lower().endswith("'s"):
                part = part[:-2]
            for s in _token_stems(part):
                out.setdefault(s, part)
    return out


def has_number(text: str) -> bool:
    """Whether the text has a figure or a number word (so the quantity check must look)."""
    if _DIGIT.search(text):
        return True
    return not _NUMERIC_WORDS.isdisjoint(_SPLIT.split(text.lower()))
