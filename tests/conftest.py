"""Shared fixtures; a network kill-switch so no test reaches beyond loopback."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (
        host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")
    ):
        return _real_connect(self, address)
    raise OSError(f"network disabled in tests: {address!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMBRIEF_MODEL"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture
def write_json(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write an object as JSON into tmp_path and return the path."""

    def write(obj: Any, name: str = "cluster.json") -> Path:
        p = tmp_path / name
        p.write_text(json.dumps(obj), encoding="utf-8")
        return p

    return write


def article(i: int | str, text: str = "Some text about a thing.", **kw: Any) -> dict[str, Any]:
    """A minimal valid article dict."""
    return {"id": i, "title": f"Title {i}", "text": text, **kw}


@pytest.fixture
def chat_server() -> Iterator[Any]:
    """A scripted chat-completions server on 127.0.0.1 (see tests/chat_server.py)."""
    from .chat_server import ChatServer

    with ChatServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # never write to the user's real cache from tests
    monkeypatch.setenv("LLMBRIEF_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
