"""Pure parsing and formatting of ``[id]`` citation markers and sentence splitting.

No I/O here. Sentence splitting keeps ``U.S.``, ``Dr.``, ``No. 3``, ``3.5``, initials,
quotes and ellipses inside their sentence; citations written after the full stop
(``... controls. [51155]``) stay with the sentence before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .types import ID_PATTERN

__all__ = [
    "CitationReader",
    "Marker",
    "ParsedSentence",
    "attach_citations",
    "format_citations",
    "id_matcher",
    "normalise_citations",
    "parse_sentence",
    "place_marker",
    "sentence_spans",
    "split_claims",
    "split_sentences",
    "strip_dateline",
]

# "BEIJING (Example Wire) — ", "SHANGHAI, Nov 21 (Reuters) - "
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .,'’\-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–\-]+\s*"
)


def strip_dateline(sentence: str) -> str:
    """Drop a wire dateline such as ``BEIJING (Example Wire) — `` from a sentence's start."""
    return _DATELINE.sub("", sentence, count=1)


_GROUP = re.compile(r"\[([^\[\]\n]{1,300})\]")
_PART_SPLIT = re.compile(r"\s*[,;]\s*")

# Words that end in a full stop without ending the sentence (compared lowercased).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st sr jr mt ft gen gov sen rep col lt capt sgt cmdr adm pres rev
    hon no nos vol vs etc inc corp ltd co bros dept est fig approx al e.g i.e a.m p.m cf
    ca jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun u.s u.k u.n e.u u.s.a d.c n.y l.a
    """.split()
)
# Abbreviations that can also end a sentence when a typical sentence opener follows.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u u.s.a d.c etc inc corp ltd co a.m p.m
    """.split()
)
_OPENERS = frozenset(
    """
    the a an it its this that these those he she they we i in on at but and yet so
    however meanwhile still while when after before as analysts officials critics
    experts there some many most such his her their our one two three several both other
    others
    """.split()
)
_CLOSERS = "\"'”’)]»"
_OPENING = "\"'“‘([«"


# Bracketed words that editors write inside text; never read as citations.
_EDITORIAL = frozenset({"sic", "sic.", "ed", "ed.", "eds", "eds."})
# What may follow a citation: more bracket groups, closing quotes, then a clause or sentence end.
_CITATION_END = re.compile(
    r"(?:\s*\[[^\[\]\n]{1,300}\])*[\s" + re.escape(_CLOSERS) + r"]*(?:[.,;:!?…]|$)"
)


@dataclass(frozen=True)
class Marker:
    """A bracket group read as citations: where it is written and the ids it names.

    ``unknown`` holds the ids that are not articles of the cluster (empty when no ids
    were given to the reader).
    """

    start: int
    end: int
    ids: list[str]
    unknown: list[str]


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence as written, its text with the markers removed, and the ids it cites.

    ``unknown_ids`` are the cited ids that name no article of the cluster (footnote markers
    such as ``[1]`` in text that is not ours, or a wrong id); empty when the cluster's ids
    were not given.
    """

    raw: str
    text: str
    citations: list[str] = field(default_factory=list)
    unknown_ids: list[str] = field(default_factory=list)


class CitationReader:
    """Reads ``[id]`` markers against one cluster's ids; build once, read many sentences.

    The grammar (FORMATS section 2): a bracket group is a citation when every part of it
    (``[a]``, ``[a, b]``, ``[a; b]``) is an article id, or is id-shaped (letters, digits,
    ``_ . : -``) and written in citation position, that is right before the end of a
    clause or sentence (``... controls [43531].``, ``... rose [2], analysts said``). An
    id-shaped part with a digit (``[99999]``, ``[zz9]``) is a citation wherever it stands.
    Editorial brackets are text: ``[sic]``, ``[ed.]``, ``[...]``, anything with a space
    (``[citation needed]``), and a bracketed word inside a quotation (``"[We] will"``).

    Args:
        known_ids: the cluster's article ids; None when they are not known (every
            citation is then read as an id, and none is reported unknown).
    """

    def __init__(self, known_ids: Iterable[str] | None = None) -> None:
        self._known: frozenset[str] | None = None if known_ids is None else frozenset(known_ids)

    def unknown(self, ids: Iterable[str]) -> list[str]:
        """The ids that name no article of the cluster (none when its ids are not known)."""
        known = self._known
        return [] if known is None else [i for i in ids if i not in known]

    def _part_is_id(self, part: str, positioned: bool, quoted: bool) -> bool:
        if self._known is not None and part in self._known:
            return True
        if part.lower() in _EDITORIAL or not ID_PATTERN.fullmatch(part) or not part.strip("."):
            return False
        if any(c.isdigit() for c in part):
            return True
        return positioned and not quoted

    def markers(self, text: str) -> list[Marker]:
        """Every bracket group of ``text`` that reads as citations, in order."""
        out: list[Marker] = []
        known = self._known
        for m in _GROUP.finditer(text):
            inner = m.group(1).strip()
            if "," in inner or ";" in inner:
                parts = [p for p in _PART_SPLIT.split(inner) if p]
            else:  # one part: nothing to split it at
                parts = [inner] if inner else []
            if not parts:
                continue
            ids = list(dict.fromkeys(parts))
            if known is not None and known.issuperset(ids):
                # ids of the cluster, wherever they stand: nothing to weigh, none unknown
                out.append(Marker(m.start(), m.end(), ids, []))
                continue
            positioned = _CITATION_END.match(text, m.end()) is not None
            quoted = _inside_quote(text, m.start())
            if not all(self._part_is_id(p, positioned, quoted) for p in parts):
                continue
            out.append(Marker(m.start(), m.end(), ids, self.unknown(ids)))
        return out

    def parse(self, raw: str) -> ParsedSentence:
        """Take the citation markers out of one sentence (see :func:`parse_sentence`)."""
        known = self._known
        if known is not None and raw.count("[") == 1:
            # one bracket group at most (most claims of a brief): when it is one id of the
            # cluster it is the sentence's one marker, as :meth:`markers` reads it
            m = _GROUP.search(raw)
            inner = m.group(1).strip() if m is not None else ""
            if m is not None and inner in known and inner and "," not in inner and ";" not in inner:
                return ParsedSentence(
                    raw=raw.strip(),
                    text=_tidy(raw[: m.start()] + raw[m.end() :]),
                    citations=[inner],
                    unknown_ids=[],
                )
        found = self.markers(raw) if "[" in raw else []
        if not found:
            return ParsedSentence(raw=raw.strip(), text=_tidy(raw))
        if len(found) == 1:  # most sentences: one marker, whose ids are distinct already
            mk = found[0]
            return ParsedSentence(
                raw=raw.strip(),
                text=_tidy(raw[: mk.start] + raw[mk.end :]),
                citations=list(mk.ids),
                unknown_ids=list(mk.unknown),
            )
        pieces = []
        pos = 0
        for mk in found:
            pieces.append(raw[pos : mk.start])
            pos = mk.end
        pieces.append(raw[pos:])
        ids = list(dict.fromkeys(i for mk in found for i in mk.ids))
        unknown = list(dict.fromkeys(i for mk in found for i in mk.unknown))
        return ParsedSentence(
            raw=raw.strip(), text=_tidy("".join(pieces)), citations=ids, unknown_ids=unknown
        )

    def split(self, paragraph: str) -> list[ParsedSentence]:
        """Split a cited paragraph into claims (see :func:`split_claims`)."""
        out = []
        for raw in split_sentences(paragraph):
            parsed = self.parse(raw)
            if parsed.text or parsed.citations:
                out.append(parsed)
        return out

    def normalise(self, text: str) -> str:
        """Rewrite citation groups ``[a, b]`` and ``[a; b]`` as ``[a][b]``; other brackets stay."""
        pieces = []
        pos = 0
        for mk in self.markers(text):
            pieces.append(text[pos : mk.start])
            pieces.append(format_citations(mk.ids))
            pos = mk.end
        pieces.append(text[pos:])
        return "".join(pieces)


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation opened earlier in ``text``."""
    head = text[:pos]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


# the spaces alone, the mark a lookahead: deleting them needs no template expanded per match
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[.,;:!?])")
_SPACES = re.compile(r"\s{2,}")


def _tidy(text: str) -> str:
    """Close the gaps that removed markers leave: ``"fell ."`` -> ``"fell."``."""
    if text.isascii() and text.isprintable() and "  " not in text:
        # its only spaces are single ones (no control character is printable): each gap
        # is one space before a mark, and closing one makes no other
        for mark in _GAPS:
            if mark in text:
                text = text.replace(mark, mark[1])
        return text.strip()
    return _SPACES.sub(" ", _SPACE_BEFORE_PUNCT.sub("", text)).strip()


_GAPS = (" .", " ,", " ;", " :", " !", " ?")


def id_matcher(known_ids: Iterable[str] | None = None) -> Callable[[str], bool]:
    """Return a predicate telling whether a bracketed part, written in citation position
    (before a clause or sentence end), reads as an article id: a known id, or any id-shaped
    token that is not an editorial mark such as ``sic``."""
    reader = CitationReader(known_ids)
    return lambda part: reader._part_is_id(part, positioned=True, quoted=False)


def format_citations(ids: Sequence[str]) -> str:
    """``["a", "b"]`` -> ``"[a][b]"`` (duplicates dropped, order kept)."""
    return "".join(f"[{i}]" for i in dict.fromkeys(ids))


def attach_citations(text: str, ids: Sequence[str]) -> str:
    """Put ``[id]`` markers before a sentence's final punctuation: ``"X [a][b]."``."""
    return place_marker(text, format_citations(ids))


_FINAL_PUNCT = re.compile(r"[.!?]+[\"'”’)]*$")


def place_marker(text: str, marker: str) -> str:
    """Put an already formatted marker (plain ``[a][b]`` or linked) before the final punctuation."""
    if not marker:
        return text
    m = _FINAL_PUNCT.search(text)
    if m:
        return f"{text[: m.start()]} {marker}{text[m.start() :]}"
    return f"{text} {marker}"


def normalise_citations(text: str, known_ids: Iterable[str] | None = None) -> str:
    """Rewrite ``[a, b]`` and ``[a; b]`` groups as ``[a][b]``; other brackets are left alone."""
    return CitationReader(known_ids).normalise(text)


def parse_sentence(raw: str, known_ids: Iterable[str] | None = None) -> ParsedSentence:
    """Take the citation markers out of one sentence.

    To read many sentences against one cluster, build a :class:`CitationReader` once.

    Args:
        raw: the sentence as written.
        known_ids: the cluster's ids, to tell ``[51155]`` from ``[sic]`` and to report
            ``[99999]`` as an unknown id.
    """
    return CitationReader(known_ids).parse(raw)


def _word_before(text: str, end: int) -> str:
    """The token (letters, digits and inner dots) that ends just before ``end``."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:end].strip(".")


_NEXT_WORD = re.compile(r"[\s" + re.escape(_OPENING) + r"]*([A-Za-z]+)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def _is_boundary(text: str, dot: int, after: int, quoted: bool) -> bool:
    """Whether the terminal mark at ``dot`` ends a sentence; ``after`` is the next non-space."""
    if after >= len(text):
        return True
    nxt = text[after]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING or nxt == "["):
        return False
    if text[dot] != "." or quoted:
        return True
    if dot >= 2 and text[dot - 2 : dot + 1] == "...":
        return True
    word = _word_before(text, dot).lower()
    if not word:
        return True
    if len(word) == 1 and word.isalpha() and text[dot - 1].isupper():
        return False  # an initial: "J. Smith"
    if word in ("no", "nos"):
        return not nxt.isdigit()  # "No. 3" but "said no. Then"
    if word in _ABBREVIATIONS:
        if word in _SENTENCE_FINAL_ABBREVIATIONS:
            return _next_word(text, after).lower() in _OPENERS
        return False
    return not ("." in word and len(word) <= 6 and word.replace(".", "").isalpha())


def _glued_boundary(text: str, dot: int, nxt: int) -> bool:
    """A sentence end with no space after it, as scraped text has: "longer.MSCI's index".

    Only a lowercase word of three or more letters before the mark and a capital after it
    count, so "U.S.", "3.5", "Amazon.com" and "e.g." are left alone.
    """
    if not (text[nxt].isupper() and nxt + 1 < len(text) and text[nxt + 1].isalpha()):
        return False
    word = _word_before(text, dot)
    return len(word) >= 3 and word.isalpha() and word.islower() and word not in _ABBREVIATIONS


# Where a sentence may end: a blank line, an ellipsis, or terminal marks not followed by a
# digit (the dot of "3.5" never ends one). Led by one character class, which the regex engine
# scans for three times faster than it tries an alternation at every position.
_CANDIDATE = re.compile(
    r"[\n.!?…](?:(?<=\n)[ \t\r]*\n|(?<=\.)\.\.|(?<=…)|(?<=[.!?])[.!?]*(?![0-9]))"
)
_TRAILING_CITATION = re.compile(r"\s*\[[^\[\]\n]{1,300}\]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    pos = 0
    bracketed = "[" in text  # else no citation can trail a sentence
    first = _CANDIDATE.search(text)
    if first is None or first.end() == n:
        # no sentence end but (maybe) at the end: one sentence (a claim, most often),
        # whatever the end is weighed as
        _push(text, 0, n, spans)
        return spans
    while True:
        m = _CANDIDATE.search(text, pos)
        if m is None:
            break
        if m.group(0)[0] == "\n":  # a blank line ends a paragraph, and a sentence
            _push(text, start, m.start(), spans)
            start = pos = m.end()
            continue
        end = m.end()
        while end < n and text[end] in _CLOSERS:
            end += 1
        # Citations written after the full stop stay with this sentence.
        while bracketed:
            g = _TRAILING_CITATION.match(text, end)
            if not g:
                break
            end = g.end()
        if end < n and text[end] not in " \t\r\n":
            if _glued_boundary(text, m.start(), end):
                _push(text, start, end, spans)
                start = pos = end
            else:
                pos = m.end()
            continue
        after = end
        while after < n and text[after] in " \t\r\n":
            after += 1
        quoted = end > m.end() and text[m.end()] in _CLOSERS
        if _is_boundary(text, m.end() - 1 if m.group(0) != "…" else m.start(), after, quoted):
            _push(text, start, end, spans)
            start = end
            pos = max(after, end)
        else:
            pos = m.end()
    _push(text, start, n, spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def split_claims(paragraph: str, known_ids: Iterable[str] | None = None) -> list[ParsedSentence]:
    """Split a cited paragraph into claims, each with its citations taken out.

    Args:
        paragraph: the brief's text.
        known_ids: the cluster's ids (see :class:`CitationReader`).
    """
    return CitationReader(known_ids).split(paragraph)
