"""Reading clusters and briefs from files; every input error is named precisely.

Errors are :class:`~llmbrief.errors.InputError` with a one-line message naming the file,
the article (index and id) and the field.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .citations import CitationReader, ParsedSentence, attach_citations
from .errors import InputError
from .types import Article, Brief, Cluster, Sentence

__all__ = [
    "BriefInput",
    "brief_claims",
    "claims_of",
    "cluster_from_data",
    "iter_cluster_lines",
    "load_brief",
    "load_cluster",
    "parse_brief_text",
    "read_text",
]

_COUNT_LINE = re.compile(r"^[\s*_]*\d+\s+articles?\s+in\s+this\s+cluster[\s*_]*$", re.IGNORECASE)
# the markdown form links citations: [[51155]](https://...) -> [51155]
_MD_CITATION = re.compile(r"\[\[([^\[\]\n]{1,300})\]\]\([^)\s]*\)")
# ... and now with the inner brackets escaped: [\[51155\]](https://...)
_MD_LINKED_CITATION = re.compile(r"\[\\\[([^\[\]\n]{1,300}?)\\\]\]\([^)\s]*\)")
_MD_FOOTNOTE_DEF = re.compile(r"^\[\^\d+\]:")
_MD_FOOTNOTE_REF = re.compile(r"\[\^\d+\]")
_MD_ESCAPED = re.compile(r"\\([\\`*_<>\[\]])")
_HTML_DATA = re.compile(
    r'<script type="application/json" id="llmbrief-brief">(.*?)</script>', re.DOTALL
)


#: The path that means standard input (``llmbrief summarize -``).
STDIN = "-"


def _name(path: Path) -> str:
    return "<stdin>" if str(path) == STDIN else str(path)


def read_text(path: str | Path, what: str | None = None) -> str:
    """The text of a UTF-8 file (a byte-order mark is dropped), or of standard input (``-``).

    Every file llmbrief reads goes through here, so each read error is one line naming the
    file. ``what`` says what the file was meant to be (``"the baseline"``).

    Raises:
        InputError: no such file, a directory, not UTF-8 text, or unreadable.
    """
    p = Path(path)
    name = _name(p)
    of = f" ({what})" if what else ""
    if str(p) == STDIN:
        try:
            return sys.stdin.read().removeprefix("\ufeff")
        except UnicodeDecodeError as err:
            raise InputError(name, f"not UTF-8 text (byte {err.start}){of}") from None
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(name, f"no such file{of}") from None
    except IsADirectoryError:
        raise InputError(name, f"is a directory, not a file{of}") from None
    except UnicodeDecodeError as err:
        raise InputError(name, f"not UTF-8 text (byte {err.start}){of}") from None
    except OSError as err:
        raise InputError(name, f"cannot read file: {err.strerror or err}{of}") from None


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (its folder made) so that a reader sees the old file or
    the new one, never half of one: through a temporary file of this process and thread,
    renamed over it.

    Raises:
        OSError: the folder or the file cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _parse_json(path: Path, text: str, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {line}" if line is not None else f"line {err.lineno} column {err.colno}"
        raise InputError(_name(path), f"invalid JSON at {where}: {err.msg}") from None


def _article_label(index: int, raw: object, line: int | None = None) -> str:
    label = f"article {index}"
    if isinstance(raw, dict) and "id" in raw and isinstance(raw["id"], (str, int)):
        label += f" (id {raw['id']!r})"
    if line is not None:
        label += f" at line {line}"
    return label


def _article(path: Path, index: int, raw: object, line: int | None = None) -> Article:
    label = _article_label(index, raw, line)
    if not isinstance(raw, dict):
        raise InputError(_name(path), "must be a JSON object", item=label)
    for name in ("id", "title", "text"):
        if name not in raw or raw[name] is None:
            raise InputError(_name(path), "is missing", item=label, field=name)
    try:
        return Article.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        msg = first["msg"].removeprefix("Value error, ")
        raise InputError(_name(path), msg, item=label, field=field) from None


def cluster_from_data(
    path: Path, data: object, default_id: str, line: int | None = None
) -> Cluster:
    """Validate a decoded cluster (object or bare list of articles) into a :class:`Cluster`."""
    where = f"cluster at line {line}" if line is not None else None
    if isinstance(data, list):
        raw_articles: object = data
        cluster_id = default_id
    elif isinstance(data, dict):
        if "articles" not in data:
            raise InputError(_name(path), "is missing", item=where, field="articles")
        raw_articles = data["articles"]
        cid = data.get("cluster_id", default_id)
        if not isinstance(cid, (str, int)) or not str(cid).strip():
            raise InputError(
                _name(path), "must be a non-empty string", item=where, field="cluster_id"
            )
        cluster_id = str(cid)
    else:
        raise InputError(_name(path), "must be a JSON object with 'articles' or a list", item=where)
    if not isinstance(raw_articles, list):
        raise InputError(_name(path), "must be a list", item=where, field="articles")
    if not raw_articles:
        raise InputError(_name(path), "no articles", item=where, field="articles")
    articles = [_article(path, i, raw, line) for i, raw in enumerate(raw_articles)]
    _check_unique(path, articles)
    return Cluster(cluster_id=cluster_id, articles=articles)


def _check_unique(path: Path, articles: list[Article]) -> None:
    seen: dict[str, int] = {}
    for i, a in enumerate(articles):
        if a.id in seen:
            raise InputError(
                _name(path),
                f"duplicate id (also article {seen[a.id]})",
                item=f"article {i} (id {a.id!r})",
                field="id",
            )
        seen[a.id] = i


def load_cluster(path: str | Path) -> Cluster:
    """Read one cluster: a JSON object, a bare JSON list of articles, or a ``.jsonl`` of articles.

    Raises:
        InputError: the file is unreadable or not a valid cluster (the message names the
            file, the article and the field).
    """
    p = Path(path)
    text = read_text(p)
    if not text.strip():
        raise InputError(_name(p), "file is empty")
    if p.suffix.lower() == ".jsonl" or (str(p) == STDIN and _looks_like_jsonl(text)):
        lines = [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip()]
        first = _parse_json(p, lines[0][1], lines[0][0])
        if isinstance(first, dict) and "articles" in first:
            if len(lines) > 1:
                raise InputError(
                    _name(p), f"holds {len(lines)} clusters; use 'llmbrief batch' for many"
                )
            return cluster_from_data(p, first, _default_id(p))
        articles = []
        for i, (n, ln) in enumerate(lines):
            raw = _parse_json(p, ln, n)
            articles.append(_article(p, i, raw, n))
        _check_unique(p, articles)
        return Cluster(cluster_id=_default_id(p), articles=articles)
    return cluster_from_data(p, _parse_json(p, text), _default_id(p))


def _default_id(p: Path) -> str:
    return "stdin" if str(p) == STDIN else p.stem


def _looks_like_jsonl(text: str) -> bool:
    """Several JSON values, one a line (standard input has no file extension to say so)."""
    try:
        json.loads(text)
    except json.JSONDecodeError as err:
        return err.msg == "Extra data"
    return False


def iter_cluster_lines(path: str | Path) -> Iterator[tuple[int, str, Cluster | InputError]]:
    """Yield ``(line number, cluster id, cluster or the error)`` for a batch ``.jsonl`` file.

    A bad line is yielded as its error, so a batch can record it and go on.
    """
    p = Path(path)
    text = read_text(p)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        default_id = f"{_default_id(p)}-{n}"
        try:
            data = _parse_json(p, line, n)
            if isinstance(data, dict) and isinstance(data.get("cluster_id"), (str, int)):
                default_id = str(data["cluster_id"])
            yield n, default_id, cluster_from_data(p, data, default_id, line=n)
        except InputError as err:
            yield n, default_id, err


class BriefInput:
    """A brief read back from a file: its title (if any) and its claims."""

    def __init__(self, title: str | None, claims: list[ParsedSentence]) -> None:
        self.title = title
        self.claims = claims


def _strip_member_headlines(paragraph: str, titles: list[str]) -> str:
    """Drop headlines that the seed shape appends to the paragraph's end."""
    ordered = sorted({t.strip() for t in titles if t.strip()}, key=len, reverse=True)
    changed = True
    out = paragraph.rstrip()
    while changed and out:
        changed = False
        for t in ordered:
            if out.endswith(t) and len(out) > len(t):
                out = out[: -len(t)].rstrip()
                changed = True
                break
    return out


def _from_markdown(text: str) -> str:
    """Our markdown form back to the text form: markers, footnotes and sections removed."""
    kept = []
    for line in text.splitlines():
        if line.startswith("## "):
            break  # our sections (Repair) come after the brief
        if line.startswith(">") or _MD_FOOTNOTE_DEF.match(line):
            continue  # the verification summary, the reasons
        kept.append(line)
    out = "\n".join(kept)
    out = _MD_LINKED_CITATION.sub(r"[\1]", out)
    out = _MD_FOOTNOTE_REF.sub("", out).replace("⚠ ", "").replace("⚠", "")
    out = re.sub(r"(?<!\\)\*", "", out)  # our emphasis: a literal * is escaped
    return _MD_ESCAPED.sub(r"\1", out)


# what str.split() splits ASCII text at, the space aside
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``: a brief written as one paragraph of ASCII text with single
    spaces, its ends stripped, is that already, and is not split into its words and joined
    again (a few character scans instead, each the cost of a copy)."""
    if (
        text.isascii()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and not any(c in text for c in _ASCII_SPACES)
    ):
        return text
    return " ".join(text.split())


def parse_brief_text(text: str, cluster: Cluster | None = None) -> BriefInput:
    """Read the text form of a brief (or a bare paragraph, or the markdown form)."""
    if text.lstrip().startswith("# "):
        text = _from_markdown(text)
    text = _MD_CITATION.sub(r"[\1]", text)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    blocks = [b for b in blocks if not _COUNT_LINE.match(b)]
    blocks = [
        b for b in blocks if not all(ln.lstrip().startswith(("- ", "* ")) for ln in b.splitlines())
    ]
    title: str | None = None
    if len(blocks) >= 2 and "\n" not in blocks[0] and "[" not in blocks[0]:
        title = blocks[0].lstrip("# ").strip()
        blocks = blocks[1:]
    paragraph = " ".join(map(_single_spaced, blocks))
    if title and paragraph.startswith(title):
        paragraph = paragraph[len(title) :].lstrip()
    if cluster is not None:
        paragraph = _strip_member_headlines(paragraph, [a.title for a in cluster.articles])
    ids = cluster.ids if cluster is not None else None
    return BriefInput(title, CitationReader(ids).split(paragraph))


def load_brief(path: str | Path, cluster: Cluster | None = None) -> BriefInput:
    """Read a brief file: text (paragraph or full text form) or brief JSON (FORMATS section 3).

    Raises:
        InputError: unreadable, empty, or no sentence in it.
    """
    p = Path(path)
    text = read_text(p)
    if not text.strip():
        raise InputError(_name(p), "brief is empty")
    stripped = text.lstrip()
    looks_html = stripped[:14].lower() == "<!doctype html" or stripped[:5].lower() == "<html"
    if p.suffix.lower() in (".html", ".htm") or looks_html:
        result = _brief_from_data(p, _html_data(p, text), cluster)
    elif p.suffix.lower() == ".json" or stripped.startswith("{"):
        result = _brief_from_data(p, _parse_json(p, text), cluster)
    else:
        result = parse_brief_text(text, cluster)
    if not result.claims:
        raise InputError(_name(p), "brief has no sentence")
    return result


def _html_data(p: Path, text: str) -> object:
    """The JSON copy of the brief that our HTML page carries; other HTML is refused."""
    m = _HTML_DATA.search(text)
    if m is None:
        raise InputError(
            _name(p),
            "is an HTML page llmbrief did not write (no embedded brief); give the brief as "
            "text, markdown or JSON",
        )
    try:
        return json.loads(m.group(1))
    except json.JSONDecodeError as err:
        raise InputError(
            _name(p), f"the brief embedded in the page is not JSON: {err.msg}"
        ) from None


def _brief_from_data(p: Path, data: object, cluster: Cluster | None) -> BriefInput:
    """A brief JSON object (FORMATS section 3): its sentences, else its summary paragraph."""
    ids = cluster.ids if cluster is not None else None
    if not isinstance(data, dict):
        raise InputError(_name(p), "brief JSON must be an object")
    title = data.get("title") if isinstance(data.get("title"), str) else None
    sentences = data.get("sentences")
    if isinstance(sentences, list) and sentences:
        reader = CitationReader(ids)  # once: it holds the cluster's ids
        claims = []
        for i, s in enumerate(sentences):
            if not isinstance(s, dict) or not isinstance(s.get("text"), str):
                raise InputError(_name(p), "must be an object with 'text'", item=f"sentence {i}")
            cits = s.get("citations") or []
            if not isinstance(cits, list):
                raise InputError(
                    _name(p), "must be a list", item=f"sentence {i}", field="citations"
                )
            raw = s["text"].rstrip()
            parsed = reader.parse(raw)
            cited = list(dict.fromkeys([*parsed.citations, *(str(c) for c in cits)]))
            claims.append(
                ParsedSentence(
                    raw=attach_citations(parsed.text, cited),
                    text=parsed.text,
                    citations=cited,
                    unknown_ids=reader.unknown(cited),
                )
            )
        return BriefInput(title, claims)
    if isinstance(data.get("summary"), str):
        result = parse_brief_text(data["summary"], cluster)
        result.title = title
        return result
    raise InputError(_name(p), "brief JSON has neither sentences nor summary", field="summary")


def claims_of(sentences: Sequence[Sentence]) -> list[ParsedSentence]:
    """Sentences (text and citations) as the claims the verifier reads."""
    return [
        ParsedSentence(
            raw=attach_citations(s.text, s.citations), text=s.text, citations=list(s.citations)
        )
        for s in sentences
    ]


def brief_claims(brief: Brief) -> list[ParsedSentence]:
    """Claims of a Brief object, as the verifier reads them."""
    return claims_of(brief.sentences)
