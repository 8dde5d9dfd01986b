"""Binding: a figure, a time or a list item of the cited text, bound in a claim to another thing.

A claim can use only words and figures its cited article writes and still say what the
article does not: "a month of small earthquakes" where it says "a week of small
earthquakes", "reviewed every year" where it says "every two years", "names, addresses and
some test results" where it lists "names, dates of birth and some test results". Coverage
finds every word; the figure and date checks find every figure and date. What changed is
which figure, period or item goes with which words. Each rule here reads one such binding
against the sentences that write the same words around it. Each was kept only if it caught
a claim no other check did and flagged no supported claim of the dev suite.

Lists:

* a list in the claim ("A, B and C"; or "A and B" after three words copied with it) that a
  cited sentence writes with as many items (read from the lists' ends), all but one the
  same, where the one differs: the claim's item not in that sentence nor anywhere in the
  cited text, the sentence's not in the claim ("asthma and diabetes" for "asthma and
  epilepsy"; "9 blood-pressure drugs" for "9 statins": a figure alike is no item alike).

Figures:

* a figure before two or more words that the cited text writes after another figure only,
  while it writes the claim's figure before the same head noun ("1,100 permanent jobs"
  where it says "1,100 jobs during construction and 150 permanent jobs");
* a part ("1,900 of the state's schools") where the cited text makes that figure the whole
  ("1,400 of the state's 1,900 schools") and never a part;
* a figure for one day where the cited sentence that writes it gives it for two ("212 on
  Tuesday" for "212 across Monday and Tuesday"), unless that sentence dates itself too;
* a verb of a factor ("doubled", "halved") where the window changes what it names by
  another ("from 12 to 16").

Times:

* a date after four words that a cited sentence writes before another date of its kind,
  never before the claim's ("declared a critical incident on Monday" for "... on
  Tuesday"); two of the four lowercase content words besides a reporting verb ("Orlen
  Foods said on" ties nothing);
* a weekday the cited text writes only in sentences that share no content word with the
  claim's clause, where the sentence sharing most (two or more) dates it another day ("the
  evacuation order was issued on Thursday": Thursday is when the fire broke out);
* how often ("every year", "weekly", "twice a month"), as a period in days, that no cited
  article writes, where the evidence window writes another ("every two years");
* "this year", "next month", "last week" where the window places the same period otherwise
  ("next year") and no cited article as the claim does;
* a length of time ("a month", "three weeks") before the same words (two or more, one a
  content word) as a length of a cited sentence that differs from it by more than a
  quarter, where none there is like the claim's ("a week of small earthquakes");
* a stage ("final report") where the window writes the same thing at the other stage
  ("preliminary report") and no cited text at the claim's.

A claim the cited text writes word for word binds nothing otherwise and is not read. The
words each rule reads are data (``binding.json``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..types import Span
from . import checks
from .copying import source_words
from .lexicon import STOPWORDS, WORD, content_stems, data_json, stem, words

if TYPE_CHECKING:
    from .hard import ClaimFacts
    from .sentences import IndexedArticle, IndexedSentence, Window

__all__ = ["binding_check"]

# (check name, reason, spans it looked at), as :data:`.hard.Finding`
Finding = tuple[str, str, list[Span]]

_D = data_json("binding.json")
_UNIT_DAYS: dict[str, float] = {k: float(v) for k, v in _D["units"].items()}
_COUNTS: dict[str, float] = {k: float(v) for k, v in _D["counts"].items()}
_FREQ_ADVERBS: dict[str, float] = {k: float(v) for k, v in _D["frequency_adverbs"].items()}
_FREQ_COUNTS: dict[str, float] = {k: float(v) for k, v in _D["frequency_counts"].items()}
_EVERY_COUNTS: dict[str, float] = {k: float(v) for k, v in _D["every_counts"].items()}
_RELATIVE: dict[str, str] = _D["relative"]
_RELATIVE_UNITS: list[str] = _D["relative_units"]

_PUNCT = re.compile(r"[,;:()\"“”—–!?]|\s-\s|\.\s")
_COMMA = re.compile(r",")
_DIGIT = re.compile(r"\d")
#: the most words of one list item
_ITEM = 4
#: words that end a list's last item in a list of three or more ("water use | at the
#: hearings")
_ITEM_ENDS = frozenset("at in on from for during with by after before over under to".split())
#: words copied with a list of two items, before it, that tie it to one sentence
_TWO_ITEM_ANCHOR = 3
#: how far two lengths of time or periods may differ and be one rounded ("about two
#: weeks" for "twelve days")
_TOLERANCE = 0.25


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_UNIT_ALT = _alt(list(_UNIT_DAYS))
_NUM = rf"(?:\d+(?:\.\d+)?|{_alt(list(_COUNTS))})"
_FREQUENCY = re.compile(
    rf"\b(?:(?:every|each)\s+(?:(?P<nth>{_alt(list(_EVERY_COUNTS))}|{_NUM})\s+)?"
    rf"(?P<unit>{_UNIT_ALT})"
    rf"|(?P<times>{_alt(list(_FREQ_COUNTS))}|{_NUM}\s+times)\s+(?:a|an|per|each|every)\s+"
    rf"(?P<unit2>{_UNIT_ALT})"
    rf"|(?P<adverb>{_alt(list(_FREQ_ADVERBS))}))\b(?!-)"
)
_RELATIVE_TIME = re.compile(
    rf"\b(?P<rel>{_alt(list(_RELATIVE))})\s+(?P<unit>{_alt(_RELATIVE_UNITS)})\b(?!-)"
)
_DURATION = re.compile(rf"\b(?P<num>{_NUM})\s+(?P<unit>{_UNIT_ALT})\b(?![-‐])")
#: a quick test that a text may hold a frequency, a relative time or a length of time
_MAY_HOLD = re.compile(
    rf"\b(?:every|each|times|once|twice|{_alt(list(_FREQ_ADVERBS))}|{_alt(_RELATIVE_UNITS)}|"
    rf"{_UNIT_ALT})\b"
)

_STAGES: dict[str, int] = {w: i for i, line in enumerate(_D["stages"]) for w in line.split()}
_MULTIPLIERS: dict[str, float] = {k: float(v) for k, v in _D["multipliers"].items()}
_MAY_STAGE = re.compile(rf"\b(?:{_alt(list(_STAGES))}|{_alt(list(_MULTIPLIERS))})\b")


def binding_check(
    facts: ClaimFacts, arts: list[IndexedArticle], chosen: list[Window]
) -> Finding | None:
    """The first binding of the claim that the cited text binds otherwise, as a finding of
    the check ``binding`` (None when there is none). See the module's docstring."""
    if not arts or any(facts.key in a.flat for a in arts):
        return None  # copied word for word: bound as the article binds it
    text = facts.text
    low = text.lower()
    cited = "".join(f"[{a.id}]" for a in arts)
    if " and " in low or " or " in low:
        found = _list_swap(text, arts, cited)
        if found is not None:
            return found
    if _DIGIT.search(text) is not None:
        for figure_rule in (_figure_head, _part_whole):
            found = figure_rule(text, arts, cited)
            if found is not None:
                return found
        if facts.dates:
            found = _day_pair(text, facts.dates, arts, cited)
            if found is not None:
                return found
    if facts.dates:
        found = _date_rebound(text, arts, cited) or _day_of_another(facts, arts, cited)
        if found is not None:
            return found
    window = [x.text for art, first, last, _ in chosen for x in art.sentences[first : last + 1]]
    if _MAY_STAGE.search(low) is not None:
        for word_rule in (_stage, _factor):
            found = word_rule(text, arts, window, cited)
            if found is not None:
                return found
    if _MAY_HOLD.search(low) is None:
        return None
    for rule in (_frequency, _relative_time):
        found = rule(text, low, arts, window, cited)
        if found is not None:
            return found
    return _duration_swap(text, low, arts, cited)


# -- lists -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tokens:
    """Words (lowercased) of a text, their offsets, and whether a comma or other punctuation
    stands before each."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    comma_before: tuple[bool, ...]
    stop_before: tuple[bool, ...]


def _tokens(text: str, spans: Sequence[tuple[int, int]]) -> _Tokens:
    words = tuple(text[a:b].lower() for a, b in spans)
    gaps = [""] + [text[spans[i - 1][1] : spans[i][0]] for i in range(1, len(spans))]
    return _Tokens(
        words,
        tuple(spans),
        tuple(_COMMA.search(g) is not None for g in gaps),
        tuple(i == 0 or _PUNCT.search(g) is not None for i, g in enumerate(gaps)),
    )


@functools.lru_cache(maxsize=16384)
def _sentence_tokens(text: str, si: int) -> _Tokens:
    """The words of sentence ``si`` of an article's text (read once per sentence)."""
    return _tokens(text, source_words(text).offsets[si])


@functools.lru_cache(maxsize=4096)
def _claim_tokens(text: str) -> _Tokens:
    return _tokens(text, [m.span() for m in WORD.finditer(text)])


# a list: its items as (first, last) word indices; the first item is open to the left
# (its words may begin before the list), the last open to the right
_List = tuple[tuple[int, int], ...]


def _list_at(t: _Tokens, k: int) -> _List | None:
    """The list joined by the "and" or "or" at word ``k``, None if there is none."""
    n = len(t.words)
    if k == 0 or k + 1 >= n or t.stop_before[k + 1]:
        return None
    end = k + 1
    while end < n and end - (k + 1) < _ITEM and not t.stop_before[end]:
        end += 1
    items = [(k + 1, end)]
    hi = k
    while hi > 0:
        lo = hi - 1
        while lo > 0 and not t.stop_before[lo] and hi - lo < _ITEM:
            lo -= 1
        items.append((lo, hi))
        if not (lo > 0 and t.comma_before[lo]):
            break  # the first item, open to the left
        hi = lo
    if not items[-1][0] < items[-1][1]:
        return None
    return tuple(reversed(items))


def _content(words: Sequence[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and not w[0].isdigit()]


def _compare(c: _Tokens, mine: _List, e: _Tokens, theirs: _List) -> tuple[list[int], int]:
    """The items in which two lists of as many items differ, and how many words before the
    claim's list's second item the two write alike (of its first item and before it)."""
    n = len(mine)
    (ca, cb), (ea, eb) = mine[0], theirs[0]
    suffix = 0
    while suffix < min(cb - ca, eb - ea) and c.words[cb - 1 - suffix] == e.words[eb - 1 - suffix]:
        suffix += 1
    (ca, cb), (ea, eb) = mine[-1], theirs[-1]
    prefix = 0
    while prefix < min(cb - ca, eb - ea) and c.words[ca + prefix] == e.words[ea + prefix]:
        prefix += 1
    # a figure alike is no item alike: "9 statins" is not "9 blood-pressure drugs"
    suffix = suffix if _content(c.words[mine[0][1] - suffix : mine[0][1]]) else 0
    prefix = prefix if _content(c.words[mine[-1][0] : mine[-1][0] + prefix]) else 0
    differ = [] if suffix else [0]
    for u in range(1, n - 1):
        (ca, cb), (ea, eb) = mine[u], theirs[u]
        if c.words[ca:cb] != e.words[ea:eb]:
            differ.append(u)
    if not prefix:
        differ.append(n - 1)
    return differ, suffix


def _closed(t: _Tokens, items: _List, u: int) -> tuple[int, int] | None:
    """The words of item ``u`` when they are a few that the list's punctuation closes, or
    the text's end, or (in a list of three or more) a preposition after the last item
    ("water use | at the hearings"); None when the last item may run on into a clause of
    its own ("and | left 50 others missing")."""
    a, b = items[u]
    if u == 0:
        return b - 1, b  # read by its last word
    if u < len(items) - 1:
        return (a, b) if b - a < _ITEM else None
    if b - a < _ITEM and (b == len(t.words) or t.stop_before[b]):
        return a, b
    if len(items) >= 3:
        for p in range(a + 1, min(b, a + _ITEM)):
            if t.words[p] in _ITEM_ENDS:
                return a, p
    return None


def _written(text: str, at: tuple[int, int], c: _Tokens, arts: list[IndexedArticle]) -> bool:
    """Whether a content word of claim words ``at`` is written, as the claim writes it,
    anywhere in the cited text ("diabetes" is not in "the Diabetes Association")."""
    for j in range(*at):
        if c.words[j] in STOPWORDS or c.words[j][0].isdigit():
            continue
        word = re.compile(
            rf"(?<![\w'’\-]){re.escape(text[c.spans[j][0] : c.spans[j][1]])}(?![\w'’\-])"
        )
        if any(word.search(a.text) for a in arts):
            return True
    return False


def _stems(ws: Sequence[str]) -> set[str]:
    return {stem(w) for w in ws}


#: words that lead a noun phrase, not a list item: "the", "a", "its"
_DETERMINERS = frozenset("the a an its their his her this these those".split())


def _led_alone(c: _Tokens, items: _List) -> bool:
    """Whether the first item of a list has a determiner that no other item has and the
    list is closed by a comma: the noun the list stands in apposition to ("The dissenters,
    Per Aalto and Ingrid Moe, said"), not one of its items ("the mayor, the police chief
    and the fire chief" have one each; "the hospital, clinics and schools" is not closed)."""
    (a, b), rest = items[0], items[1:]
    end = rest[-1][1]
    if end >= len(c.words) or not c.comma_before[end]:
        return False  # an apposition is closed by a comma: "Moe, said"
    if not any(c.words[j] in _DETERMINERS for j in range(a, b)):
        return False
    return not any(c.words[j] in _DETERMINERS for x, y in rest for j in range(x, y))


def _list_swap(text: str, arts: list[IndexedArticle], cited: str) -> Finding | None:
    """A list of the claim that a cited sentence writes with one item swapped."""
    c = _claim_tokens(text)
    claim_words = set(c.words)
    claim_stems = functools.cache(lambda: _stems(c.words))
    for k, w in enumerate(c.words):
        if w not in ("and", "or"):
            continue
        mine = _list_at(c, k)
        if mine is None:
            continue
        last = c.words[mine[-1][0]]
        before = c.words[k - 1]
        swaps = []
        same = False
        for art in arts:
            src = source_words(art.text)
            near = {s for s, _ in src.where.get(last, ())} | {
                s for s, _ in src.where.get(before, ())
            }
            for si, p in src.where.get(w, ()):
                if si not in near:
                    continue
                e = _sentence_tokens(art.text, si)
                theirs = _list_at(e, p)
                if theirs is None:
                    continue
                # the lists read from their ends: what comes before the shorter one's first
                # item (open to the left) may be the clause that leads to the list
                n = min(len(mine), len(theirs))
                differ, suffix = _compare(c, mine[-n:], e, theirs[-n:])
                if not differ:
                    same = True
                    break
                if len(differ) != 1:
                    continue
                u = differ[0]
                if n == 2 and (u == 0 or suffix < _TWO_ITEM_ANCHOR):
                    continue  # two items: only after words copied with them
                ours, theirs = mine[-n:], theirs[-n:]
                said_at, written_at = _closed(c, ours, u), _closed(e, theirs, u)
                if said_at is None or written_at is None:
                    continue
                said = c.words[said_at[0] : said_at[1]]
                written = e.words[written_at[0] : written_at[1]]
                said_c, written_c = _content(said), _content(written)
                if not said_c or not written_c:
                    continue
                if set(said_c) & set(e.words) or set(written_c) & claim_words:
                    continue  # the item is the sentence's, worded otherwise
                if _stems(said_c) & _stems(e.words) or _stems(written_c) & claim_stems():
                    continue  # "crops" where it lists "crop conditions": another form
                if u == 0 and _led_alone(c, ours):
                    continue  # "The dissenters, Aalto and Moe,": what the list stands for
                if _written(text, said_at, c, arts):
                    continue  # the cited text has it elsewhere: the claim may join the two
                swaps.append((said_at, said, written, art, e, theirs))
            if same:
                break
        if same or not swaps:
            continue
        said_at, said, written, art, e, theirs = swaps[0]
        a0, b0 = c.spans[said_at[0]][0], c.spans[said_at[1] - 1][1]
        ea, eb = e.spans[theirs[0][0]][0], e.spans[theirs[-1][1] - 1][1]
        return (
            "binding",
            f'"{" ".join(said)}" is listed where [{art.id}] lists "{" ".join(written)}"'
            f' ("{art.text[ea:eb]}")',
            [Span(where="claim", start=a0, end=b0), art.norm_span(ea, eb)],
        )
    return None


# -- frequency and relative time -------------------------------------------------------------


def _number(word: str) -> float | None:
    w = word.lower()
    if w[0].isdigit():
        return float(w)
    return _COUNTS.get(w)


@functools.lru_cache(maxsize=16384)
def _frequencies(text: str) -> tuple[tuple[float, str], ...]:
    """Every period ``text`` says something recurs at, in days, with its words."""
    out = []
    for m in _FREQUENCY.finditer(text.lower()):
        if m.group("adverb"):
            out.append((_FREQ_ADVERBS[m.group("adverb")], m.group(0)))
        elif m.group("unit"):
            nth = m.group("nth")
            n = 1.0 if nth is None else _EVERY_COUNTS.get(nth) or _number(nth)
            if n:
                out.append((n * _UNIT_DAYS[m.group("unit")], m.group(0)))
        else:
            times = m.group("times")
            n = _FREQ_COUNTS.get(times) or _number(times.split()[0])
            if n:
                out.append((_UNIT_DAYS[m.group("unit2")] / n, m.group(0)))
    return tuple(out)


# an amount for a period ("11 million euros a year", "£40 per week"): what recurs at that
# period, as "annual" or "weekly" says it
_RATE = re.compile(
    rf"(?:\d|\b(?:million|billion|thousand|euros|pounds|dollars))\S*\s+(?:a|per)\s+"
    rf"(?P<unit>{_UNIT_ALT})\b(?!-)"
)


@functools.lru_cache(maxsize=4096)
def _rates(text: str) -> tuple[tuple[float, str], ...]:
    """Every period ``text`` gives an amount for, in days, with its words."""
    return tuple((_UNIT_DAYS[m.group("unit")], m.group(0)) for m in _RATE.finditer(text.lower()))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(a, b) / 2.5  # within 10%: "monthly" is four weeks


def _frequency(
    text: str, low: str, arts: list[IndexedArticle], window: list[str], cited: str
) -> Finding | None:
    """How often the claim says something recurs, where the window says another period."""
    mine = _frequencies(text)
    if not mine:
        return None
    theirs = [f for w in window for f in _frequencies(w)]
    if not theirs:
        return None
    written = [f for a in arts for f in (*_frequencies(a.text), *_rates(a.text))]
    for days, said in mine:
        if any(_same(days, d) for d, _ in written):
            continue
        # the window's period the claim does not write: what it says instead
        other = next((w for d, w in theirs if not any(_same(d, x) for x, _ in mine)), theirs[0][1])
        at = low.find(said)
        return (
            "binding",
            f'"{text[at : at + len(said)]}" where the evidence says "{other}" in {cited}',
            [Span(where="claim", start=at, end=at + len(said))],
        )
    return None


@functools.lru_cache(maxsize=16384)
def _relatives(text: str) -> tuple[tuple[str, str, str], ...]:
    """(relation, unit, words) of each "this year", "next month", "last week" of ``text``."""
    return tuple(
        (_RELATIVE[m.group("rel")], m.group("unit"), m.group(0))
        for m in _RELATIVE_TIME.finditer(text.lower())
    )


def _relative_time(
    text: str, low: str, arts: list[IndexedArticle], window: list[str], cited: str
) -> Finding | None:
    """ "this year" where the window places the same period only otherwise ("next year")."""
    mine = _relatives(text)
    if not mine:
        return None
    theirs = [r for w in window for r in _relatives(w)]
    for rel, unit, said in mine:
        same_unit = [r for r in theirs if r[1] == unit]
        if not same_unit or any(r[0] == rel for r in same_unit):
            continue
        if any(r[:2] == (rel, unit) for a in arts for r in _relatives(a.text)):
            continue  # the cited text places something there: the claim may tell that
        at = low.find(said)
        return (
            "binding",
            f'"{text[at : at + len(said)]}" where the evidence says "{same_unit[0][2]}" in {cited}',
            [Span(where="claim", start=at, end=at + len(said))],
        )
    return None


# -- lengths of time ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Duration:
    days: float
    words: str
    start: int
    end: int
    after: tuple[str, ...]


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)


def _durations(text: str) -> list[_Duration]:
    """Every "a week", "three weeks", "12 days" of ``text`` with the words after it (up to
    three, to the end of its clause)."""
    out = []
    for m in _DURATION.finditer(text):
        n = _number(m.group("num"))
        if n is None:
            continue
        end = m.end()
        half = _AND_A_HALF.match(text, end)
        if half is not None:  # "a year and a half": 18 months
            n += 0.5
            end = half.end()
        rest = text[end:]
        stop = _PUNCT.search(rest)
        after = [w.lower() for w in WORD.findall(rest[: stop.start() if stop else len(rest)])]
        out.append(
            _Duration(
                n * _UNIT_DAYS[m.group("unit").lower()],
                text[m.start() : end],
                m.start(),
                end,
                tuple(after[:3]),
            )
        )
    return out


def _duration_swap(text: str, low: str, arts: list[IndexedArticle], cited: str) -> Finding | None:
    """A length of time before the same words as another length of a cited sentence."""
    for d in _durations(text):
        anchor = d.after
        if len(anchor) < 2 or not _content(anchor):
            continue
        seen: list[tuple[_Duration, IndexedArticle, int]] = []
        for art in arts:
            src = source_words(art.text)
            sentences = sorted({s for s, _ in src.where.get(anchor[-1], ())})
            for si in sentences:
                a, b = src.offsets[si][0][0], src.offsets[si][-1][1]
                for x in _durations(art.text[a:b]):
                    if x.after[: len(anchor)] == anchor:
                        seen.append((x, art, a))
        if not seen:
            continue
        if any(abs(x.days - d.days) <= _TOLERANCE * max(x.days, d.days) for x, _, _ in seen):
            continue
        x, art, a = seen[0]
        return (
            "binding",
            f'"{d.words} {" ".join(anchor)}" where [{art.id}] says "{x.words} {" ".join(anchor)}"',
            [
                Span(where="claim", start=d.start, end=d.end),
                art.norm_span(a + x.start, a + x.end),
            ],
        )
    return None


# -- figures ---------------------------------------------------------------------------------

_FIGURE = r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?"
# a figure and the lowercase words after it that say what it counts ("1,100 permanent jobs")
_FIGURE_WORDS = re.compile(rf"({_FIGURE})((?:\s+[a-z][a-z'’\-]*){{1,3}})")
#: the fewest words after a figure that name what it counts, for :func:`_figure_head`
_HEAD_WORDS = 2


def _value(figure: str) -> float:
    return float(figure.replace(",", ""))


def _counted(words: str) -> list[str]:
    """The words after a figure up to the first stopword: what it counts."""
    out = []
    for w in words.split():
        if w in STOPWORDS:
            break
        out.append(w)
    return out


def _figure_head(text: str, arts: list[IndexedArticle], cited: str) -> Finding | None:
    """A figure said of what the cited text gives another figure for, while it gives the
    claim's figure for the same head noun otherwise ("1,100 permanent jobs" where it says
    "1,100 jobs during construction and 150 permanent jobs")."""
    for m in _FIGURE_WORDS.finditer(text):
        head = _counted(m.group(2))
        if len(head) < _HEAD_WORDS:
            continue
        n = _value(m.group(1))
        said = " ".join(head)
        alike = re.compile(rf"({_FIGURE})\s+{re.escape(said)}\b", re.IGNORECASE)
        # the claim's figure before the same head noun, a word or two between
        noun = re.compile(
            rf"(?<![\w.,]){re.escape(m.group(1))}(?:\s+[\w'’\-]+){{0,2}}?\s+"
            rf"{re.escape(head[-1])}\b"
        )
        others = []
        for art in arts:
            for x in alike.finditer(art.text):
                if _value(x.group(1)) == n:
                    return None  # the text says it too
                others.append((art, x))
        if not others:
            continue
        own = next(((a, y) for a in arts for y in noun.finditer(a.text)), None)
        if own is None:
            continue
        art, x = others[0]
        where, y = own
        return (
            "binding",
            f'"{m.group(1)} {said}": [{art.id}] gives "{x.group(0)}", and its {m.group(1)} '
            f'is "{y.group(0)}"',
            [
                Span(where="claim", start=m.start(), end=m.end(1) + len(m.group(2).rstrip())),
                art.norm_span(x.start(), x.end()),
                where.norm_span(y.start(), y.end()),
            ],
        )
    return None


_PART_OF = re.compile(rf"({_FIGURE})\s+of\s+((?:[\w'’\-]+\s+){{0,4}})")


def _part_whole(text: str, arts: list[IndexedArticle], cited: str) -> Finding | None:
    """A figure the claim makes a part ("1,900 of the state's schools") where the cited
    text makes it the whole of that part ("1,400 of the state's 1,900 schools") and never
    a part."""
    for m in _PART_OF.finditer(text):
        fig = m.group(1)
        after = m.group(2).lower().split()
        whole = re.compile(
            rf"({_FIGURE})\s+of\s+((?:[\w'’\-]+\s+){{0,3}}?){re.escape(fig)}\b", re.IGNORECASE
        )
        part = re.compile(rf"(?<![\w.,]){re.escape(fig)}\s+of\b")
        if any(part.search(a.text) for a in arts):
            continue
        for art in arts:
            for x in whole.finditer(art.text):
                lead = x.group(2).lower().split()
                if x.group(1) == fig or after[: len(lead)] != lead:
                    continue
                return (
                    "binding",
                    f'"{fig} of" makes it a part; [{art.id}] makes {fig} the whole: "{x.group(0)}"',
                    [
                        Span(where="claim", start=m.start(), end=m.end(1)),
                        art.norm_span(x.start(), x.end()),
                    ],
                )
    return None


# -- dates, stages and factors ----------------------------------------------------------------

_REPORTING = frozenset(data_json("copying.json")["reporting"].split())
_DAY_NAMES: list[str] = data_json("dates.json")["weekdays"]
_WEEKDAYS = frozenset(d[:3] for d in _DAY_NAMES)
#: the words before a date that tie it to what a cited sentence dates with them
_DATE_LEAD = 4
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# two days joined: what a figure of them both is said for ("across Monday and Tuesday")
_DAY_PAIR = re.compile(rf"\b({_DAY})\s+(?:and|to|through|or)\s+({_DAY})\b", re.IGNORECASE)


def _date_kind(d: str) -> str:
    return "weekday" if d in _WEEKDAYS else "month"


def _date_rebound(text: str, arts: list[IndexedArticle], cited: str) -> Finding | None:
    """A date after words a cited sentence writes before another date, and never before the
    claim's ("declared a critical incident on Monday" where it says "... on Tuesday")."""
    c = _claim_tokens(text)
    for i, w in enumerate(c.words):
        d = checks.date_word(w)
        if d is None or i < _DATE_LEAD:
            continue
        lead = c.words[i - _DATE_LEAD : i]
        if any(c.stop_before[j] for j in range(i - _DATE_LEAD + 1, i + 1)):
            continue
        told = [
            x
            for j, x in enumerate(lead, i - _DATE_LEAD)
            if x not in _REPORTING and text[c.spans[j][0]].islower()
        ]
        if len(_content(told)) < 2:
            continue  # "Orlen Foods said on": what was said that day may be another thing
        other: tuple[IndexedArticle, int, int, str] | None = None
        same = False
        for art in arts:
            src = source_words(art.text)
            for si, p in src.where.get(lead[0], ()):
                sent = src.sents[si]
                end = p + _DATE_LEAD
                if end >= len(sent) or sent[p:end] != lead:
                    continue
                theirs = checks.date_word(sent[end])
                if theirs == d:
                    same = True
                elif theirs is not None and _date_kind(theirs) == _date_kind(d):
                    other = (art, si, p, sent[end])
        if same or other is None:
            continue
        art, si, p, _ = other
        offsets = source_words(art.text).offsets[si]
        a, b = offsets[p][0], offsets[p + _DATE_LEAD][1]
        return (
            "binding",
            f'"{text[c.spans[i - _DATE_LEAD][0] : c.spans[i][1]]}" where [{art.id}] says '
            f'"{art.text[a:b]}"',
            [Span(where="claim", start=c.spans[i][0], end=c.spans[i][1]), art.norm_span(a, b)],
        )
    return None


def _day_pair(
    text: str, dates: frozenset[str], arts: list[IndexedArticle], cited: str
) -> Finding | None:
    """A figure the claim gives for one day where the cited sentence that writes it gives it
    for two ("212 on Tuesday" where it says "212 across Monday and Tuesday")."""
    days = {d for d in dates if d in _WEEKDAYS}
    if not days:
        return None
    for m in re.finditer(_FIGURE, text):
        fig = re.compile(rf"(?<![\w.,]){re.escape(m.group(0))}(?![\w,]\d)")
        for art in arts:
            for x in art.sentences:
                s = x.text
                if fig.search(s) is None:
                    continue
                pairs = list(_DAY_PAIR.finditer(s))
                if len(re.findall(rf"\b{_DAY}\b", s, re.IGNORECASE)) > 2 * len(pairs):
                    continue  # a day of its own in the sentence: the figure may be that day's
                for pair in pairs:
                    both = {
                        checks.date_word(pair.group(1).lower()),
                        checks.date_word(pair.group(2).lower()),
                    }
                    if len(both) == 2 and both & days and not both <= days:
                        return (
                            "binding",
                            f'"{m.group(0)}" is said for {pair.group(0)} in [{art.id}], not '
                            "for one day",
                            [
                                Span(where="claim", start=m.start(), end=m.end()),
                                art.norm_span(x.start + pair.start(), x.start + pair.end()),
                            ],
                        )
    return None


_FROM_TO = re.compile(
    rf"\bfrom\s+({_FIGURE})(?:\s+[\w'’\-]+){{0,3}}?\s+to\s+({_FIGURE})", re.IGNORECASE
)
#: the words after a verb of change read for what it changed ("doubled the number of ...")
_OBJECT_WORDS = 5


def _stage(text: str, arts: list[IndexedArticle], window: list[str], cited: str) -> Finding | None:
    """A stage of something reported ("final report") where the evidence window writes the
    same thing at another stage ("preliminary report") and no cited text at the claim's."""
    c = _claim_tokens(text)
    for i, w in enumerate(c.words[:-1]):
        if w not in _STAGES:
            continue
        noun = c.words[i + 1]
        if noun in STOPWORDS:
            continue
        said = f"{w} {noun}"
        if any(said in a.flat for a in arts):
            continue
        for sent in window:
            low = WORD.findall(sent.lower())
            for j, x in enumerate(low[:-1]):
                if low[j + 1] == noun and x in _STAGES and _STAGES[x] != _STAGES[w]:
                    return (
                        "binding",
                        f'"{text[c.spans[i][0] : c.spans[i + 1][1]]}" where the evidence says '
                        f'"{x} {noun}" in {cited}',
                        [Span(where="claim", start=c.spans[i][0], end=c.spans[i + 1][1])],
                    )
    return None


def _factor(text: str, arts: list[IndexedArticle], window: list[str], cited: str) -> Finding | None:
    """A verb of a factor ("doubled") where the window changes what it names by another
    ("from 12 to 16": a third more)."""
    c = _claim_tokens(text)
    for i, w in enumerate(c.words):
        factor = _MULTIPLIERS.get(w)
        if factor is None:
            continue
        what = set(_content(c.words[i + 1 : i + 1 + _OBJECT_WORDS]))
        if len(what) < 2:
            continue
        for sent in window:
            if len(what & set(WORD.findall(sent.lower()))) < 2:
                continue
            for m in _FROM_TO.finditer(sent):
                a, b = _value(m.group(1)), _value(m.group(2))
                if a and abs(b / a - factor) > _TOLERANCE * factor:
                    return (
                        "binding",
                        f'"{c.words[i]}" where the evidence says "{m.group(0)}" in {cited}',
                        [Span(where="claim", start=c.spans[i][0], end=c.spans[i][1])],
                    )
    return None


#: the fewest content words a sentence shares with the claim to tell what the claim tells
_TELLS = 2
_CLAUSE_CUT = re.compile(
    r";|\s(?:and|but|while|whereas|after|before|when|as|because|until)\s", re.IGNORECASE
)


def _day_of_another(facts: ClaimFacts, arts: list[IndexedArticle], cited: str) -> Finding | None:
    """A weekday the cited text gives only to something else, where the sentence that tells
    what the claim tells dates it another day ("the evacuation order was issued on
    Thursday" where the order came on Friday and Thursday is when the fire broke out)."""
    days = {d for d in facts.dates if d in _WEEKDAYS}
    if len(days) != 1:
        return None
    (day,) = days
    said = next(w for w in words(facts.text) if checks.date_word(w.lower()) == day)
    at = facts.text.find(said)
    # what the claim dates: the clause the day stands in ("Aurora landed on Sunday | and
    # its drill later found ice"), its subject with it (commas set off an apposition)
    starts = [m.end() for m in _CLAUSE_CUT.finditer(facts.text, 0, at)]
    cut = _CLAUSE_CUT.search(facts.text, at)
    clause = facts.text[starts[-1] if starts else 0 : cut.start() if cut else len(facts.text)]
    stems = set(content_stems(clause)) - {stem(w) for w in _DAY_NAMES}
    best: tuple[int, IndexedArticle, IndexedSentence] | None = None
    for art in arts:
        for x in art.sentences:
            shared = len(stems & x.stems)
            if day in x.dates:
                if shared:
                    return None  # a sentence of the claim's day that may tell it
                continue
            if shared >= _TELLS and (best is None or shared > best[0]):
                best = (shared, art, x)
    if best is None:
        return None
    _, art, x = best
    theirs = sorted(d for d in x.dates if d in _WEEKDAYS)
    if not theirs or not any(day in y.dates for a in arts for y in a.sentences):
        return None
    return (
        "binding",
        f'"{said}" is the day of something else in {cited}; the sentence that tells this '
        f'dates it otherwise: "{x.text}"',
        [Span(where="claim", start=at, end=at + len(said)), art.norm_span(x.start, x.end)],
    )
