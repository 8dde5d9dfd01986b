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


def id_matcher(known_ids: Iterable[str] | None = None) -> Callable[[str], bool]:
    """Return a predicate telling whether a bracketed part reads as an article id.

    With the cluster's ids known, a part counts when it is one of them or has the same
    shape (digits stay digits, letters stay letters), so ``[99999]`` in a cluster of
    numeric ids is an (unknown) citation while ``[sic]`` is text. With no ids known, a
    part counts when it has the id alphabet and at least one digit.
    """
    if known_ids is None:
        return lambda part: bool(ID_PATTERN.fullmatch(part)) and any(c.isdigit() for c in part)
    known = set(known_ids)
    shapes = {_shape(i) for i in known}

    def is_id(part: str) -> bool:
        if part in known:
            return True
        return bool(ID_PATTERN.fullmatch(part)) and _shape(part) in shapes

    return is_id


def _shape(token: str) -> str:
    return re.sub(r"[A-Za-z]+", "a", re.sub(r"\d+", "0", token))


def _group_ids(inner: str, is_id: Callable[[str], bool]) -> list[str] | None:
    parts = [p for p in _PART_SPLIT.split(inner.strip()) if p]
    if parts and all(is_id(p) for p in parts):
        return parts
    return None


def format_citations(ids: Sequence[str]) -> str:
    """``["a", "b"]`` -> ``"[a][b]"`` (duplicates dropped, order kept)."""
    return "".join(f"[{i}]" for i in dict.fromkeys(ids))


def attach_citations(text: str, ids: Sequence[str]) -> str:
    """Put ``[id]`` markers before a sentence's final punctuation: ``"X [a][b]."``."""
    return place_marker(text, format_citations(ids))


def place_marker(text: str, marker: str) -> str:
    """Put an already formatted marker (plain ``[a][b]`` or linked) before the final punctuation."""
    if not marker:
        return text
    m = re.search(r"[.!?]+[\"'”’)]*$", text)
    if m:
        return f"{text[: m.start()]} {marker}{text[m.start() :]}"
    return f"{text} {marker}"


def normalise_citations(text: str, known_ids: Iterable[str] | None = None) -> str:
    """Rewrite ``[a, b]`` and ``[a; b]`` groups as ``[a][b]``; other brackets are left alone."""
    is_id = id_matcher(known_ids)

    def repl(m: re.Match[str]) -> str:
        ids = _group_ids(m.group(1), is_id)
        return format_citations(ids) if ids else m.group(0)

    return _GROUP.sub(repl, text)


@dataclass(frozen=True)
class ParsedSentence:
    """A sentence as written, its text with the markers removed, and the ids it cites."""

    raw: str
    text: str
    citations: list[str] = field(default_factory=list)


def parse_sentence(raw: str, known_ids: Iterable[str] | None = None) -> ParsedSentence:
    """Take the citation markers out of one sentence.

    Args:
        raw: the sentence as written.
        known_ids: the cluster's ids, to tell ``[51155]`` from ``[sic]``.
    """
    is_id = id_matcher(known_ids)
    ids: list[str] = []

    def repl(m: re.Match[str]) -> str:
        found = _group_ids(m.group(1), is_id)
        if found is None:
            return m.group(0)
        ids.extend(found)
        return ""

    stripped = _GROUP.sub(repl, raw)
    stripped = re.sub(r"\s+([.,;:!?])", r"\1", stripped)
    stripped = re.sub(r"\s{2,}", " ", stripped).strip()
    return ParsedSentence(raw=raw.strip(), text=stripped, citations=list(dict.fromkeys(ids)))


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


_CANDIDATE = re.compile(r"\n[ \t\r]*\n|\.{3}|…|[.!?]+")
_TRAILING_CITATION = re.compile(r"\s*\[[^\[\]\n]{1,300}\]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    pos = 0
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
        while True:
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
    """Split a cited paragraph into claims, each with its citations taken out."""
    known = list(known_ids) if known_ids is not None else None
    out = []
    for raw in split_sentences(paragraph):
        parsed = parse_sentence(raw, known)
        if parsed.text or parsed.citations:
            out.append(parsed)
    return out
