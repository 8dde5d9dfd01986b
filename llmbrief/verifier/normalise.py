"""Normalisation: the text every check reads, made from the text as written.

Input artefacts must not read as facts. Before any check, claims and sources go through one
pass that:

* removes footnote markers that name no article (``[1]``, ``[1, 2]``, ``[2][3]``): a
  ``[2]`` read as a figure is "number 2 not found"; and a generator's unknown-word markers
  (``<unk>``, ``UNK``), which are no name;
* reads markdown links as their text, drops emphasis marks (``**``) and bare URLs;
* re-joins what a tokeniser split (``735, 000`` -> ``735,000``, ``2. 4`` -> ``2.4``,
  ``$ 5`` -> ``$5``, ``# 10.25 m`` -> ``£10.25m`` (a pound sign some pipelines wrote as
  ``#``), ``kilmarnock 's`` -> ``kilmarnock's``, ``do n't`` -> ``don't``,
  ``brain , study`` -> ``brain, study``, ````` ``quoted'' ````` -> ``"quoted"``);
* puts a space between sentences that scraping glued together (``at sea.Australia``);
* writes quotes and dashes one way (``’`` -> ``'``, ``“”`` -> ``"``, ``–`` -> ``—``, but
  ``2010–2012`` -> ``2010-2012``).

The result keeps a map back to the original, so evidence offsets point into the article as
written. A text with nothing to change is returned as it is, without a second copy.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["Normalised", "is_lowercased", "normalise"]

# One character for another: offsets do not move.
_SAME_LENGTH = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "—",
        "‒": "—",
        "―": "—",
        "\u00a0": " ",
    }
)
_NEEDS_TRANSLATE = re.compile("[‘’‚‛′“”„‟″–‒―\u00a0]")

# A footnote group: one or more bracketed runs of small numbers, with the space before them.
# Numbers of up to three digits: an article id such as [51155] is a citation, never a note.
_FOOTNOTE = r"(?P<note>[ \t]*(?:\[\s*\d{1,3}(?:\s*[,;–—-]\s*\d{1,3})*\s*\])+)"


def _search(pattern: str) -> Callable[[str], bool]:
    """A cheap test: whether ``pattern`` (which starts with a literal) is in the text.

    The regex engine looks for a leading literal faster than ``in`` looks for two
    characters, and far faster than it tries a leading class of characters at each one."""
    find = re.compile(pattern).search
    return lambda t: find(t) is not None


_HAS_HTTP = _search("http")
_HAS_WWW = _search(r"www\.")
_HAS_UNK = _search("UNK")
_HAS_DOLLAR_SPACE = _search(r"\$ ")
_HAS_COMMA_SPACE_THOU = _search(r", \d\d\d")
_HAS_SPACE_COMMA_THOU = _search(r" ,\d\d\d")
_HAS_SPACE_PCT = _search(" %")


def _maybe_currency_space(t: str) -> bool:
    """Whether a currency sign (or the "#" written for "£") is followed by a space."""
    return (
        _HAS_DOLLAR_SPACE(t)
        or ("#" in t and "# " in t)
        or (not t.isascii() and any(c in t for c in ("€ ", "£ ", "¥ ")))
    )


_HAS_GLUE = _search(r"\.[\"']?[A-Z][a-z]")
_HAS_GLUE_MARK = _search(r"[!?][\"']?[A-Z][a-z]")
_HAS_MAG = _search(r"[$€£¥#] \d[\d,.]* (?:m|bn)\b")

_HAS_LRB = _search("-(?:lrb|LRB)-")
_HAS_RRB = _search("-(?:rrb|RRB)-")

_CLITICS = (" '", " ’", " n't", " n’t")

# Each edit: (its pattern, a cheap test that the text may hold one). Most text holds none, so
# only the edits whose test passes are compiled into the pass (the pass over a whole
# article costs what its alternatives cost at every character).
_EDIT_RULES: dict[str, tuple[str, Callable[[str], bool]]] = {
    "note": (_FOOTNOTE, lambda t: "[" in t),
    # markdown a chat answer carries: a link reads as its text, emphasis marks go; a bare
    # URL goes (its digits are no figures of the claim)
    "mdlink": (
        r"\[(?P<mdlink>[^\[\]\n]{1,200})\]\((?:https?://|www\.)[^)\s]{1,500}\)",
        lambda t: "]" in t and "](" in t,
    ),
    "url": (
        r"(?P<url>[ \t]?\(?(?:https?://|www\.)[^\s)]{0,500}[^\s).,;:!?\"'](?:\)(?=\W|$))?)",
        # a colon first: one byte looked for (memchr) costs far less than the pattern
        lambda t: (":" in t and _HAS_HTTP(t)) or _HAS_WWW(t),
    ),
    "emph": (r"(?P<emph>\*\*|__)", lambda t: ("*" in t and "**" in t) or ("_" in t and "__" in t)),
    # a generator's unknown-word marker is no word of the claim
    "unk": (
        r"(?P<unk>[ \t]?(?:<unk>|\bUNK\b))",
        lambda t: _HAS_UNK(t) or ("<" in t and "<unk>" in t),
    ),
    # "735, 000" (a thousands group split off): the leading group has 1-3 digits, so
    # "in 2014, 500 people" is left alone
    "thou": (
        r"(?<![\d.,])(?P<thou>\d{1,3}(?: ,|, | , )\d{3})(?![\d])",
        # two literal-led tests: an alternation first would be tried at every character
        lambda t: _HAS_COMMA_SPACE_THOU(t) or _HAS_SPACE_COMMA_THOU(t),
    ),
    # "2. 4" (a decimal split): a year before the dot ends a sentence, so 1-3 digits
    "dec": (
        r"(?<![\d.,])(?P<dec>\d{1,3}\. \d{1,3})(?![\d.])(?! [A-Z])",
        _search(r"\. \d"),
    ),
    # "$ 5", "5 %"
    "cur": (
        r"(?P<cur>[$€£¥]) (?=\d)",
        lambda t: (
            _HAS_DOLLAR_SPACE(t) or (not t.isascii() and any(c in t for c in ("€ ", "£ ", "¥ ")))
        ),
    ),
    "pct": (r"(?<=\d)(?P<pct> %)", lambda t: "%" in t and _HAS_SPACE_PCT(t)),
    # "# 10.25 m": a tokeniser that wrote the pound sign as "#" and split the magnitude off
    "pound": (r"(?<![\w#&])(?P<pound># )(?=\d)", lambda t: "#" in t and "# " in t),
    "mag": (
        r"(?<=[$€£¥#] )(?P<mag>\d[\d,.]* (?:m|bn)\b)",
        # a sign and a space first: the pattern, led by a class, is tried at every character
        lambda t: _maybe_currency_space(t) and _HAS_MAG(t),
    ),
    # clitics a tokeniser split off: "kilmarnock 's", "do n't", "we 're"
    "clitic": (
        r"(?<=[A-Za-z])(?P<clitic> )(?=(?:n't|n’t|'s|’s|'re|'ve|'ll|'d|'m)(?![A-Za-z]))",
        lambda t: ("'" in t or not t.isascii()) and any(c in t for c in _CLITICS),
    ),
    # PTB quotes and brackets
    "ptbq": (r"(?P<ptbq>``|'')", lambda t: ("`" in t and "``" in t) or ("'" in t and "''" in t)),
    "lrb": (r"(?P<lrb>-lrb-|-LRB-)", lambda t: "-" in t and _HAS_LRB(t)),
    "rrb": (r"(?P<rrb>-rrb-|-RRB-)", lambda t: "-" in t and _HAS_RRB(t)),
    # a space before punctuation ("brain , study found .")
    "punct": (
        r"(?<=[A-Za-z0-9%)\"'])(?P<punct> +)(?=[,.;:!?](?:\s|$))",
        _search(r" [,.;:]"),  # one pattern led by a literal: a third of four substring tests
    ),
    # "2010–2012": a range, not a dash
    "range": (r"(?<=\d)(?P<range>[–—])(?=\d)", _search(r"—\d")),
    # scraped text glues sentences: 'at sea.Australia', 'the boats".Australia'; a
    # lowercase word (or a closing quote) before the mark keeps "U.S.A" and "3.5" whole
    "glue": (
        r"(?<=[a-z0-9)][.!?])(?P<glue>)(?=[A-Z][a-z])"
        r"|(?<=[a-z][\"'][.!?])(?P<glue2>)(?=[A-Z][a-z])"
        r"|(?<=[a-z][.!?][\"'])(?P<glue3>)(?=[A-Z][a-z])",
        # the full stop by a literal; the rarer marks only when the text has one
        lambda t: _HAS_GLUE(t) or (("!" in t or "?" in t) and _HAS_GLUE_MARK(t)),
    ),
}


# Everything any of the tests above looks for, in one pattern: for a short text (a title, a
# claim) one search costs less than the tests one by one. Every alternative starts with a
# literal character, so the regex engine scans for those characters and tries the
# alternation only where one stands (twice as fast as one led by a class). Measured on
# news prose, the two cost the same at about 200 characters; past that, the tests less.
# The alternatives that start with the same character are one (" %", " ,", " n't": one
# space and what may follow it), so that where a space or a full stop stands the engine
# tries twenty-two alternatives, not thirty-four: half the cost of a claim's search.
_MAYBE_ANY = re.compile(
    r" (?:[%'’,.;:]|n['’]t)|\.(?: \d|[\"']?[A-Z][a-z])|, \d\d\d|\$ |€ |£ |¥ |# "
    r"|\[|\]\(|UNK|<unk>|``|''|-(?:lrb|LRB|rrb|RRB)-|—\d"
    r"|![\"']?[A-Z][a-z]|\?[\"']?[A-Z][a-z]|http|www\.|\*\*|__"
)
_SHORT = 200


@lru_cache(maxsize=256)
def _edits(active: tuple[str, ...]) -> re.Pattern[str]:
    """The pass for these edits (in the order of :data:`_EDIT_RULES`)."""
    return re.compile("|".join(_EDIT_RULES[name][0] for name in active))


@dataclass(frozen=True)
class Normalised:
    """Normalised text, what was removed, and the way back to the original offsets."""

    text: str
    original: str
    #: Footnote markers removed, as written (``[1]``, ``[2][3]``).
    footnotes: tuple[str, ...] = ()
    #: Unknown-word markers (``<unk>``, ``UNK``) removed.
    unknown_words: int = 0
    # after edit k: new-text position where the edit's output ends, and the shift to add
    _new_ends: tuple[int, ...] = field(default=(), repr=False)
    _orig_ends: tuple[int, ...] = field(default=(), repr=False)

    @property
    def changed(self) -> bool:
        """Whether the text differs from the original."""
        return self.text is not self.original and self.text != self.original

    def to_original(self, pos: int) -> int:
        """The original offset of position ``pos`` of the normalised text.

        A position inside a replaced run maps to the run's end in the original; positions
        outside edits keep their distance to the edit before them.
        """
        if not self._new_ends:
            return pos
        k = bisect.bisect_right(self._new_ends, pos) - 1
        if k < 0:
            return pos  # nothing was edited before it
        return self._orig_ends[k] + (pos - self._new_ends[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a span of the normalised text, trimmed of spaces."""
        a, b = self.to_original(start), self.to_original(end)
        # an edit just before ``start`` (a removed marker) must not pull the span back
        while a < b and self.original[a].isspace():
            a += 1
        while b > a and self.original[b - 1].isspace():
            b -= 1
        return a, b


def normalise(text: str, keep: Callable[[str], bool] | None = None) -> Normalised:
    """Normalise ``text`` for the checks (see the module docstring).

    Args:
        text: a claim or a source as written.
        keep: tells which bracketed markers to keep (``keep("[51155]")``): the cluster's own
            ids, when they are small numbers. By default every small-number marker goes.

    Returns:
        The normalised text with the footnotes removed and a map back to ``text``.
    """
    # every character translated is outside ASCII (and isascii() needs no scan)
    out = (
        text.translate(_SAME_LENGTH)
        if not text.isascii() and _NEEDS_TRANSLATE.search(text)
        else text
    )
    if len(out) < _SHORT and not _MAYBE_ANY.search(out):
        return Normalised(out, text)  # a claim: one look finds most have nothing to edit
    active = tuple(name for name, (_, maybe) in _EDIT_RULES.items() if maybe(out))
    if not active:
        return Normalised(out, text)
    pieces: list[str] = []
    notes: list[str] = []
    new_ends: list[int] = []
    orig_ends: list[int] = []
    pos = 0
    new_len = 0
    unknown = 0
    for m in _edits(active).finditer(out):
        kind = m.lastgroup
        whole = m.group(0)
        if kind == "note":
            marker = whole.strip()
            if keep is not None and keep(marker):
                continue
            repl = ""
            notes.append(marker)
        elif kind == "mdlink":
            repl = m.group("mdlink")
        elif kind in ("url", "emph"):
            repl = ""
        elif kind == "unk":
            repl = ""
            unknown += 1
        elif kind in ("thou", "dec"):
            repl = whole.replace(" ", "")
        elif kind == "cur":
            repl = whole[0]
        elif kind == "pound":
            repl = "£"
        elif kind == "mag":
            repl = whole.replace(" ", "")
        elif kind in ("pct", "clitic", "punct"):
            repl = whole.strip()
        elif kind == "ptbq":
            repl = '"'
        elif kind == "lrb":
            repl = "("
        elif kind == "rrb":
            repl = ")"
        elif kind == "range":
            repl = "-"
        elif kind in ("glue", "glue2", "glue3"):
            repl = " "
        else:  # pragma: no cover - every group is handled above
            continue
        if repl == whole:
            continue
        pieces.append(out[pos : m.start()])
        pieces.append(repl)
        new_len += m.start() - pos + len(repl)
        pos = m.end()
        new_ends.append(new_len)
        orig_ends.append(pos)
    if not pieces:
        return Normalised(out, text)
    pieces.append(out[pos:])
    return Normalised(
        "".join(pieces),
        text,
        footnotes=tuple(notes),
        unknown_words=unknown,
        _new_ends=tuple(new_ends),
        _orig_ends=tuple(orig_ends),
    )


_UPPER = re.compile(r"[A-Z]")


def is_lowercased(text: str) -> bool:
    """Whether ``text`` was lower-cased (it has letters and no capital among them).

    Lower-cased text has no capitals to tell names by; the name check then reads the places
    it names from a list (:func:`.checks.place_names`).
    """
    return _UPPER.search(text) is None and any(c.isalpha() for c in text)
