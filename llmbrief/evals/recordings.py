"""Recorded model replies, so prompt evals run in CI with no key and no network.

:class:`RecordingModel` wraps a live :class:`~llmbrief.model.ChatModel` and stores every reply;
:class:`ReplayModel` answers from those files and needs no client at all. A reply is keyed by
the model, the prompt (``name@hash``), the cluster (its id and a digest of its articles), the
request parameters and schema, and the request's turn within one draft (0 the first request,
1 a re-ask or repair, ...). The rendered messages are not part of the key: how articles are
budgeted and laid out may change without invalidating every recording, while a changed
prompt, cluster or parameter always does.

Files: ``DIR/<model>/<prompt name@hash>/<cluster>.<key12>.json``, one per key, indented JSON
holding ``replies``: one per repeat (``--repeat N`` replays reply ``i`` for draft ``i``).
A key with no file (or fewer replies than drafts asked for) raises :class:`NotRecorded`:
the eval reports the cluster ``not recorded``, never scores it, never passes it.

The LLM judge's requests (``eval --judge llm``) are keyed by what they ask instead: the judge
model, its prompt, the rendered messages (one claim and the article it cites), the parameters
and schema (:class:`JudgeRecorder`, :class:`JudgeReplay`). They live in one file per judge
model and prompt, ``DIR/judge/<model>/<prompt name@hash>/replies.json``, a map from key to
reply, out of the drafters' way.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, LLMBriefError
from ..load import read_text, write_text_atomically
from ..model import ChatModel, Completion
from ..types import Cluster, Usage

__all__ = [
    "JudgeRecorder",
    "JudgeReplay",
    "NotRecorded",
    "RecordingModel",
    "ReplayModel",
    "cluster_digest",
    "recorded_variants",
    "recording_key",
]

_UNSAFE = re.compile(r"[^A-Za-z0-9_.@-]+")


class NotRecorded(LLMBriefError):
    """A request whose key has no recorded reply (never a pass, never a score)."""


def cluster_digest(cluster: Cluster) -> str:
    """sha256 (12 hex) of a cluster's articles: an edited fixture is a different key."""
    return hashlib.sha256(cluster.model_dump_json().encode()).hexdigest()[:12]


def recording_key(
    model: str,
    prompt_id: str,
    cluster_id: str,
    digest: str,
    turn: int,
    params: Mapping[str, Any],
    schema: Mapping[str, Any] | None,
) -> str:
    """sha256 over everything a recorded reply answers."""
    blob = json.dumps(
        {
            "model": model,
            "prompt": prompt_id,
            "cluster": cluster_id,
            "cluster_sha": digest,
            "turn": turn,
            "params": dict(params),
            "schema": schema,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode()).hexdigest()


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name) or "_"


@dataclass
class _Scope:
    cluster_id: str = ""
    digest: str = ""
    repeat: int = 0
    turn: int = 0


class _ClosesInner:
    """A recorder in front of a live model: closing it closes the model's connections."""

    inner: ChatModel

    def close(self) -> None:
        """Close the live model's connections."""
        close = getattr(self.inner, "close", None)
        if close is not None:
            close()


class _Keyed:
    """What recording and replaying share: the scope (cluster, repeat) and the file of a key."""

    def __init__(self, directory: str | Path, model: str, prompt_id: str) -> None:
        self.directory = Path(directory)
        self._model = model
        self.prompt_id = prompt_id
        self.scope = _Scope()

    @property
    def model(self) -> str:
        """The model name the recordings are of."""
        return self._model

    @property
    def folder(self) -> Path:
        """Where this model's replies to this prompt live."""
        return self.directory / _safe(self._model) / _safe(self.prompt_id)

    def begin(self, cluster: Cluster, repeat: int = 0) -> None:
        """The next requests draft ``cluster`` for the ``repeat``-th time (0-based)."""
        self.scope = _Scope(cluster.cluster_id, cluster_digest(cluster), repeat, 0)

    def _key(
        self, params: Mapping[str, Any] | None, schema: Mapping[str, Any] | None
    ) -> tuple[str, Path]:
        s = self.scope
        if not s.cluster_id:
            raise LLMBriefError("recorded replies need begin(cluster) before a request")
        key = recording_key(
            self._model, self.prompt_id, s.cluster_id, s.digest, s.turn, params or {}, schema
        )
        return key, self.folder / f"{_safe(s.cluster_id)}.{key[:12]}.json"


class RecordingModel(_ClosesInner, _Keyed):
    """A live model whose every complete reply is also written to ``directory``.

    Args:
        inner: the live model (a :class:`~llmbrief.client.ChatClient` with no reply cache,
            so that repeats are fresh drafts).
        directory: the recordings folder.
        prompt_id: ``name@hash`` of the prompt the drafter sends.
    """

    def __init__(self, inner: ChatModel, directory: str | Path, prompt_id: str) -> None:
        super().__init__(directory, inner.model, prompt_id)
        self.inner = inner

    def begin(self, cluster: Cluster, repeat: int = 0) -> None:
        """Start a draft; the first draft of a cluster drops its older, stale recordings."""
        super().begin(cluster, repeat)
        if repeat == 0 and self.folder.is_dir():
            for old in self.folder.glob(f"{_safe(cluster.cluster_id)}.*.json"):
                old.unlink()

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """Ask the live model and record its reply under this request's key."""
        key, path = self._key(params, schema)
        completion = self.inner.complete(messages, params=params, schema=schema)
        s = self.scope
        self.scope.turn += 1
        entry: dict[str, Any] = {
            "key": key,
            "model": self._model,
            "prompt": self.prompt_id,
            "cluster": s.cluster_id,
            "cluster_sha": s.digest,
            "turn": s.turn - 1,
            "params": dict(params or {}),
            "schema": (schema or {}).get("name"),
            "replies": [],
        }
        if path.exists():
            try:
                entry["replies"] = json.loads(read_text(path))["replies"]
            except (InputError, ValueError, KeyError, TypeError):
                entry["replies"] = []
        replies = list(entry["replies"])[: s.repeat]
        replies.append(
            {
                "text": completion.text,
                "finish_reason": completion.finish_reason,
                "usage": {
                    "prompt_tokens": completion.usage.prompt_tokens,
                    "completion_tokens": completion.usage.completion_tokens,
                },
            }
        )
        entry["replies"] = replies
        write_text_atomically(path, json.dumps(entry, indent=2, ensure_ascii=False) + "\n")
        return completion


class ReplayModel(_Keyed):
    """Answers from recorded replies; no client, no network.

    Raises:
        NotRecorded: from :meth:`complete` when the request's key has no recorded reply
            (for this repeat).
    """

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """The recorded reply for this request."""
        key, path = self._key(params, schema)
        s = self.scope
        where = f"{s.cluster_id}: {self.prompt_id} on {self._model}"
        self.scope.turn += 1
        if not path.exists():
            others = self.folder.is_dir() and any(self.folder.glob(f"{_safe(s.cluster_id)}.*.json"))
            why = "recorded for other content or parameters" if others else "no recording"
            raise NotRecorded(f"{where}: {why} (request {s.turn - 1}, key {key[:12]})")
        try:
            replies = json.loads(read_text(path))["replies"]
            reply = replies[s.repeat] if s.repeat < len(replies) else None
            if reply is None:
                raise NotRecorded(
                    f"{where}: {len(replies)} draft(s) recorded, draft {s.repeat + 1} asked for"
                )
            usage = reply.get("usage", {})
            return Completion(
                text=str(reply["text"]),
                finish_reason=reply.get("finish_reason"),
                usage=Usage(
                    prompt_tokens=int(usage.get("prompt_tokens", 0)),
                    completion_tokens=int(usage.get("completion_tokens", 0)),
                ),
                model=self._model,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
            raise InputError(str(path), f"not a recording: {err}") from None


def recorded_variants(directory: str | Path) -> list[tuple[str, str]]:
    """``(model, prompt name@hash)`` pairs that have recordings in ``directory``, sorted."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError(str(root), "no such recordings directory")
    out = set()
    for f in root.glob("*/*/*.json"):
        try:
            data = json.loads(read_text(f))
            out.add((str(data["model"]), str(data["prompt"])))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(str(f), f"not a recording: {err}") from None
    return sorted(out)


# -- the judge's requests ---------------------------------------------------------------------


def judge_key(
    model: str,
    prompt_id: str,
    messages: Sequence[Mapping[str, str]],
    params: Mapping[str, Any] | None,
    schema: Mapping[str, Any] | None,
) -> str:
    """sha256 over everything a judge's reply answers, its messages included."""
    blob = json.dumps(
        {
            "model": model,
            "prompt": prompt_id,
            "messages": [dict(m) for m in messages],
            "params": dict(params or {}),
            "schema": schema,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode()).hexdigest()


class _JudgeFile:
    """The one file of a judge model's replies to one prompt."""

    def __init__(self, directory: str | Path, model: str, prompt_id: str) -> None:
        self._model = model
        self.prompt_id = prompt_id
        self.path = Path(directory) / "judge" / _safe(model) / _safe(prompt_id) / "replies.json"

    @property
    def model(self) -> str:
        """The judge model's name."""
        return self._model

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            replies = json.loads(read_text(self.path))["replies"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise InputError(str(self.path), f"not a judge recording: {err}") from None
        if not isinstance(replies, dict):
            raise InputError(str(self.path), "not a judge recording", field="replies")
        return replies


class JudgeRecorder(_ClosesInner, _JudgeFile):
    """A live judge model whose every reply is also stored (``eval --record DIR --judge llm``)."""

    def __init__(self, inner: ChatModel, directory: str | Path, prompt_id: str) -> None:
        super().__init__(directory, inner.model, prompt_id)
        self.inner = inner
        self._replies: dict[str, Any] | None = None

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """Ask the live judge and store its reply under the request's key."""
        completion = self.inner.complete(messages, params=params, schema=schema)
        if self._replies is None:
            self._replies = self._read()
        key = judge_key(self._model, self.prompt_id, messages, params, schema)
        self._replies[key] = {"text": completion.text, "finish_reason": completion.finish_reason}
        data = {"model": self._model, "prompt": self.prompt_id, "replies": self._replies}
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        write_text_atomically(self.path, text)
        return completion


class JudgeReplay(_JudgeFile):
    """A judge answering from stored replies; no client, no network.

    Raises:
        NotRecorded: from :meth:`complete` when the request was never recorded.
    """

    def __init__(self, directory: str | Path, model: str, prompt_id: str) -> None:
        super().__init__(directory, model, prompt_id)
        self._replies: dict[str, Any] | None = None

    def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        params: Mapping[str, Any] | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> Completion:
        """The stored reply to this request."""
        if self._replies is None:
            self._replies = self._read()
        key = judge_key(self._model, self.prompt_id, messages, params, schema)
        reply = self._replies.get(key)
        if not isinstance(reply, dict) or "text" not in reply:
            raise NotRecorded(
                f"judge {self._model} ({self.prompt_id}): no recorded reply to this request "
                f"(key {key[:12]}) in {self.path.parent}"
            )
        return Completion(
            text=str(reply["text"]), finish_reason=reply.get("finish_reason"), model=self._model
        )
