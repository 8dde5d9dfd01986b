"""A loopback HTTP server that speaks the chat-completions protocol, scripted per request.

Tests queue replies (status, headers, body, delay), or answer by request content with
``server.responder``; the server records every chat request it gets and when. The real
``openai`` client talks to it over HTTP, so retries, timeouts and parsing are exercised for
real.

It also plays the Batch API: ``POST /v1/files`` (multipart upload), ``GET /v1/files/{id}``
and ``/content``, ``POST /v1/batches`` and ``GET /v1/batches/{id}``. A batch is "in_progress"
when created and is run on the first retrieve after that: each request line is answered as a
live chat request would be (responder, script, default), successes go to the output file and
refusals to the error file, in the OpenAI batch output format.
"""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    raw: bytes | None = None


def chat_body(
    content: str, finish_reason: str = "stop", prompt_tokens: int = 120, completion_tokens: int = 40
) -> dict[str, Any]:
    """A realistic chat.completion object."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_790_000_000,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def ok(content: str, **kw: Any) -> Reply:
    return Reply(body=chat_body(content, **kw))


def error(status: int, code: str | None = None, headers: dict[str, str] | None = None) -> Reply:
    err = {"message": f"scripted {status}", "type": "test_error", "code": code}
    return Reply(status=status, body={"error": err}, headers=headers or {})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # many clients connect at once (the default 5 resets some)


class ChatServer:
    """Start with ``with ChatServer() as server: server.url``; queue with ``server.script``."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.default: Reply | None = None
        # answers by content before the script: return a Reply, or None to fall through
        self.responder: Callable[[dict[str, Any]], Reply | None] | None = None
        self.requests: list[dict[str, Any]] = []
        self.times: list[float] = []
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def setup(self) -> None:
                super().setup()
                # headers and body go out in separate writes: without this, Nagle's algorithm
                # and delayed ACKs add ~40 ms to every reply
                self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                raw = self.rfile.read(length)
                if self.path.endswith("/files"):
                    self._send(server._upload(self.headers.get("content-type", ""), raw))
                    return
                payload = json.loads(raw or b"{}")
                if self.path.endswith("/batches"):
                    self._send(server._create_batch(payload))
                    return
                request = {
                    "path": self.path,
                    "body": payload,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                }
                with server.lock:
                    server.requests.append(request)
                    server.times.append(time.monotonic())
                reply = server._answer(request)
                if reply.delay:
                    time.sleep(reply.delay)
                self._send(reply)

            def do_GET(self) -> None:
                self._send(server._get(self.path))

            def _send(self, reply: Reply) -> None:
                data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def script(self, *replies: Reply) -> None:
        with self.lock:
            self.replies.extend(replies)

    def _answer(self, request: dict[str, Any]) -> Reply:
        """The reply to one chat request: the responder's, else the next scripted, else default."""
        reply = self.responder(request) if self.responder is not None else None
        if reply is None:
            with self.lock:
                reply = self.replies.pop(0) if self.replies else self.default
        return reply if reply is not None else error(500)

    # -- the Batch API ----------------------------------------------------------------

    def _new_file(self, data: bytes, purpose: str, filename: str) -> dict[str, Any]:
        with self.lock:
            file_id = f"file-{len(self.files) + 1}"
            meta = {
                "id": file_id,
                "object": "file",
                "bytes": len(data),
                "created_at": 1_790_000_000,
                "filename": filename,
                "purpose": purpose,
                "status": "processed",
            }
            self.files[file_id] = {"meta": meta, "data": data}
        return meta

    def _upload(self, content_type: str, raw: bytes) -> Reply:
        msg = email.message_from_bytes(
            f"content-type: {content_type}\r\n\r\n".encode() + raw, policy=email.policy.HTTP
        )
        fields: dict[str, tuple[str, bytes]] = {}
        for part in msg.iter_parts():  # type: ignore[attr-defined]
            name = part.get_param("name", header="content-disposition")
            filename = part.get_param("filename", header="content-disposition") or ""
            fields[name] = (filename, part.get_payload(decode=True) or b"")
        if "file" not in fields:
            return error(400, "missing_file")
        filename, data = fields["file"]
        purpose = fields.get("purpose", ("", b""))[1].decode()
        return Reply(body=self._new_file(data, purpose, filename))

    def _create_batch(self, payload: dict[str, Any]) -> Reply:
        if payload.get("input_file_id") not in self.files:
            return error(404, "file_not_found")
        with self.lock:
            batch_id = f"batch_{len(self.batches) + 1}"
            batch = {
                "id": batch_id,
                "object": "batch",
                "endpoint": payload.get("endpoint"),
                "input_file_id": payload["input_file_id"],
                "completion_window": payload.get("completion_window"),
                "status": "in_progress",
                "created_at": 1_790_000_000,
                "output_file_id": None,
                "error_file_id": None,
                "request_counts": {"total": 0, "completed": 0, "failed": 0},
                "metadata": payload.get("metadata"),
            }
            self.batches[batch_id] = batch
        return Reply(body=batch)

    def _run_batch(self, batch: dict[str, Any]) -> None:
        lines = self.files[batch["input_file_id"]]["data"].decode().splitlines()
        out, errors = [], []
        for i, line in enumerate(x for x in lines if x.strip()):
            req = json.loads(line)
            reply = self._answer({"path": req["url"], "body": req["body"], "headers": {}})
            row = {
                "id": f"batch_req_{i + 1}",
                "custom_id": req["custom_id"],
                "response": {
                    "status_code": reply.status,
                    "request_id": f"req_{i + 1}",
                    "body": reply.body,
                },
                "error": None,
            }
            (out if reply.status == 200 else errors).append(json.dumps(row) + "\n")
        batch["request_counts"] = {
            "total": len(out) + len(errors),
            "completed": len(out),
            "failed": len(errors),
        }
        batch["output_file_id"] = self._new_file(
            "".join(out).encode(), "batch_output", "output.jsonl"
        )["id"]
        if errors:
            batch["error_file_id"] = self._new_file(
                "".join(errors).encode(), "batch_output", "errors.jsonl"
            )["id"]
        batch["status"] = "completed"

    def _get(self, path: str) -> Reply:
        parts = path.split("?")[0].strip("/").split("/")  # v1, files|batches, id[, content]
        if len(parts) >= 3 and parts[1] == "batches" and parts[2] in self.batches:
            batch = self.batches[parts[2]]
            if batch["status"] == "in_progress" and batch.get("seen"):
                self._run_batch(batch)
            batch["seen"] = True
            return Reply(body={k: v for k, v in batch.items() if k != "seen"})
        if len(parts) >= 3 and parts[1] == "files" and parts[2] in self.files:
            f = self.files[parts[2]]
            if parts[3:] == ["content"]:
                return Reply(raw=f["data"])
            return Reply(body=f["meta"])
        return error(404, "not_found")

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
