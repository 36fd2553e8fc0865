"""A local OpenAI-compatible chat-completions server for tests and benchmarks.

Real HTTP on 127.0.0.1 (a free port), one thread per connection, HTTP/1.1 keep-alive — the real
`openai` client talks to it unchanged. It answers `/v1/chat/completions` requests that use our
`json_schema` response formats with deterministic fake content derived from the input:

- `word_entry` / `word_entries`: the translation of `w` into `xx` is `fake_translation(w, xx)`;
- `judgement`: correct when the answer matches one of the expected alternatives (case, leading
  article and surrounding spaces ignored), unless `set_judgement` scripted another verdict;
- any other schema: a minimal instance of the schema.

Faults are scriptable: `script("429", "ok", ...)` fixes the next responses in order; `set_faults`
draws them at random rates from a seeded generator; `outage(seconds)` answers 503 for a while;
`limit_per_second` answers 429 when a one-second token bucket is empty (the "server limit");
`stop()`/`start()` make the port refuse connections and come back. Every request is counted and
logged (`records`), so tests can assert exactly what was asked and how often.
"""

from __future__ import annotations

import contextlib
import json
import math
import random
import re
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DUMMY_API_KEY = "sk-test-0123456789abcdef-dummy"
FAULT_KINDS = (
    "ok",
    "429",
    "500",
    "503",
    "400",
    "401",
    "403",
    "404",
    "malformed",
    "off_schema",
    "reset",
    "slow",
    "drop_item",
    "garble_item",
)
ARTICLES = re.compile(r"^(the|a|an|to|der|die|das|le|la|les|el|los|las)\s+")


def most_within(times: Sequence[float], window_s: float) -> int:
    """The most moments (sorted) inside any half-open window of `window_s` seconds."""
    best, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= window_s:
            start += 1
        best = max(best, end - start + 1)
    return best


def fake_translation(word: str, target_lang: str) -> str:
    """What the server says `word` means in `target_lang`."""
    return f"{word}-{target_lang}"


def _norm_answer(text: str) -> str:
    return ARTICLES.sub("", " ".join(text.casefold().split()))


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server saw it."""

    at: float
    model: str
    schema: str
    words: tuple[str, ...]
    status: int
    fault: str
    user_content: str
    system_content: str


@dataclass
class Faults:
    """Random fault rates (0..1) drawn per request in this order; the rest are answered normally."""

    rate_429: float = 0.0
    rate_500: float = 0.0
    rate_503: float = 0.0
    malformed: float = 0.0
    off_schema: float = 0.0
    reset: float = 0.0
    slow: float = 0.0
    drop_item: float = 0.0

    def draw(self, rng: random.Random) -> str:
        roll = rng.random()
        for kind, rate in (
            ("429", self.rate_429),
            ("500", self.rate_500),
            ("503", self.rate_503),
            ("malformed", self.malformed),
            ("off_schema", self.off_schema),
            ("reset", self.reset),
            ("slow", self.slow),
            ("drop_item", self.drop_item),
        ):
            if roll < rate:
                return kind
            roll -= rate
        return "ok"


@dataclass
class _State:
    latency_s: float
    jitter_s: float
    limit_per_second: float | None
    retry_after_s: float
    slow_s: float
    api_key: str
    seed: int
    faults: Faults = field(default_factory=Faults)
    script: deque[str] = field(default_factory=deque)
    judgements: dict[str, tuple[bool, str]] = field(default_factory=dict)
    outage_until: float = 0.0
    outage_requests: int = 0
    armed_outage: tuple[int, float, int] | None = None
    records: list[RequestRecord] = field(default_factory=list)
    served: Counter[str] = field(default_factory=Counter)
    limited: int = 0
    tokens: float = 0.0
    refilled_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.tokens = self.limit_per_second or 0.0
        self.refilled_at = time.monotonic()

    def take_token(self, now: float) -> float | None:
        """None when admitted; else seconds until a token is free (the server limit)."""
        rate = self.limit_per_second
        if rate is None:
            return None
        self.tokens = min(rate, self.tokens + (now - self.refilled_at) * rate)
        self.refilled_at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return None
        return (1.0 - self.tokens) / rate


class FakeLLMServer:
    """The server; use as a context manager or call `start()`/`close()`."""

    def __init__(
        self,
        *,
        latency_s: float = 0.0,
        jitter_s: float = 0.0,
        limit_per_second: float | None = None,
        retry_after_s: float = 0.05,
        slow_s: float = 5.0,
        api_key: str = DUMMY_API_KEY,
        seed: int = 0,
    ) -> None:
        self._state = _State(
            latency_s=latency_s,
            jitter_s=jitter_s,
            limit_per_second=limit_per_second,
            retry_after_s=retry_after_s,
            slow_s=slow_s,
            api_key=api_key,
            seed=seed,
        )
        self.api_key = api_key
        self.port = free_port()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeLLMServer:
        """Listen (again) on the same port."""
        if self._httpd is not None:
            return self
        self._httpd = _HTTPServer(("127.0.0.1", self.port), _Handler, self._state)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Refuse connections and cut open ones, as a crashed server would."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.shutdown()
        httpd.server_close()
        httpd.cut_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)

    close = stop

    def __enter__(self) -> FakeLLMServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- scripting ------------------------------------------------------------------------------

    def script(self, *kinds: str) -> None:
        """The next responses, in order (after them, random faults or normal answers resume)."""
        unknown = [k for k in kinds if k not in FAULT_KINDS]
        if unknown:
            raise ValueError(f"unknown fault kinds {unknown}; use {FAULT_KINDS}")
        with self._state.lock:
            self._state.script.extend(kinds)

    def set_faults(self, **rates: float) -> None:
        """Random fault rates, e.g. `set_faults(rate_429=0.1, rate_500=0.05, reset=0.01)`."""
        with self._state.lock:
            self._state.faults = Faults(**rates)

    def outage(self, seconds: float, *, after_requests: int = 0, at_least: int = 0) -> None:
        """Answer 503 to everything for `seconds` — and to at least `at_least` requests, so a
        slow client still meets the outage — from now or from the request numbered
        `after_requests` + 1 on (tying the outage to the traffic, not to the clock). With
        `seconds=0` the outage is just the next `at_least` requests, for tests whose assertions
        must hold however slowly a loaded machine reaches the server."""
        with self._state.lock:
            if after_requests:
                start = len(self._state.records) + after_requests
                self._state.armed_outage = (start, seconds, at_least)
            else:
                self._state.outage_until = time.monotonic() + seconds
                self._state.outage_requests = at_least

    def set_latency(self, latency_s: float, jitter_s: float = 0.0) -> None:
        with self._state.lock:
            self._state.latency_s, self._state.jitter_s = latency_s, jitter_s

    def set_judgement(self, user_answer: str, is_correct: bool, comment: str = "") -> None:
        """Make the judge answer `user_answer` (case-insensitive) with this verdict."""
        with self._state.lock:
            self._state.judgements[_norm_answer(user_answer)] = (is_correct, comment)

    # -- what happened --------------------------------------------------------------------------

    @property
    def requests(self) -> int:
        """Requests received (every HTTP attempt, whatever the answer)."""
        with self._state.lock:
            return len(self._state.records)

    @property
    def records(self) -> list[RequestRecord]:
        with self._state.lock:
            return list(self._state.records)

    @property
    def served(self) -> Counter[str]:
        """Responses by kind: 'ok', the fault kinds, 'limit' (server limit 429s), 'outage'."""
        with self._state.lock:
            return Counter(self._state.served)

    @property
    def limited(self) -> int:
        """429s answered because the client exceeded the server limit."""
        with self._state.lock:
            return self._state.limited

    def requested_words(self, *, answered_only: bool = False) -> list[str]:
        """Every word sent in a translation request (with repeats), in arrival order."""
        return [w for r in self.records if not answered_only or r.status == 200 for w in r.words]

    def reset_log(self) -> None:
        with self._state.lock:
            self._state.records.clear()
            self._state.served.clear()
            self._state.limited = 0


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # the default 5 drops SYNs of a burst of new connections (1 s stall)

    def __init__(self, address: tuple[str, int], handler: type[_Handler], state: _State) -> None:
        self.state = state
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        with self._connections_lock:
            connections, self._connections = list(self._connections), set()
        for connection in connections:
            with contextlib.suppress(OSError):  # shutdown wakes a handler blocked in recv()
                connection.shutdown(socket.SHUT_RDWR)
            _abort(connection)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients vanishing mid-answer is expected here; stay quiet."""


def _abort(connection: socket.socket) -> None:
    """Close with RST instead of FIN: the client sees 'connection reset'."""
    try:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()
    except OSError:
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the records are the log."""

    def do_POST(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path.rstrip("/") != "/v1/chat/completions":
            self._json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        request = _Request.parse(body)
        now = time.monotonic()
        with state.lock:
            kind, wait = self._decide(state, now)
            state.served[kind] += 1
            state.records.append(
                RequestRecord(
                    at=now,
                    model=request.model,
                    schema=request.schema_name,
                    words=request.words,
                    status=_STATUS.get(kind, 200),
                    fault=kind,
                    user_content=request.user_content,
                    system_content=request.system_content,
                )
            )
            delay = state.latency_s + state.rng.uniform(-state.jitter_s, state.jitter_s)
            judgements = dict(state.judgements)
            retry_after_s = wait if wait is not None else state.retry_after_s
            slow_s = state.slow_s
        self._respond(kind, request, max(0.0, delay), retry_after_s, slow_s, judgements)

    def _decide(self, state: _State, now: float) -> tuple[str, float | None]:
        auth = self.headers.get("Authorization", "")
        if auth != f"Bearer {state.api_key}":
            return "401", None
        wait = state.take_token(now)
        if wait is not None:
            state.limited += 1
            return "limit", wait
        armed = state.armed_outage
        if armed is not None and len(state.records) >= armed[0]:
            state.outage_until, state.outage_requests = now + armed[1], armed[2]
            state.armed_outage = None
        if now < state.outage_until or state.outage_requests > 0:
            state.outage_requests = max(0, state.outage_requests - 1)
            return "outage", None
        if state.script:
            return state.script.popleft(), None
        return state.faults.draw(state.rng), None

    def _respond(
        self,
        kind: str,
        request: _Request,
        delay: float,
        retry_after_s: float,
        slow_s: float,
        judgements: dict[str, tuple[bool, str]],
    ) -> None:
        if kind in ("429", "limit"):
            self._error(429, "Rate limit reached; slow down.", retry_after_s)
        elif kind in ("500", "503", "outage", "400", "403", "404"):
            self._error(_STATUS[kind], f"scripted {kind} response")
        elif kind == "401":
            provided = self.headers.get("Authorization", "").removeprefix("Bearer ")
            self._error(401, f"Incorrect API key provided: {provided}")
        elif kind == "reset":
            self.close_connection = True
            _abort(self.connection)
        else:
            time.sleep(slow_s if kind == "slow" else delay)
            content = _content(kind, request, judgements)
            self._json(200, _completion(request, content))

    def _error(self, status: int, message: str, retry_after_s: float | None = None) -> None:
        headers = {}
        if retry_after_s is not None:
            headers["retry-after-ms"] = str(round(retry_after_s * 1000))
            headers["retry-after"] = str(math.ceil(retry_after_s))
        self._json(status, {"error": {"message": message, "type": "test", "code": None}}, headers)

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            self.close_connection = True


_STATUS = {
    "429": 429,
    "limit": 429,
    "500": 500,
    "503": 503,
    "outage": 503,
    "400": 400,
    "401": 401,
    "403": 403,
    "404": 404,
    "reset": 0,
}


@dataclass(frozen=True)
class _Request:
    model: str
    schema_name: str
    schema: dict[str, Any]
    data: dict[str, Any]
    words: tuple[str, ...]
    user_content: str
    system_content: str

    @classmethod
    def parse(cls, body: dict[str, Any]) -> _Request:
        messages = body.get("messages") or []
        user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
        system = next((m["content"] for m in messages if m["role"] == "system"), "")
        try:
            data = json.loads(user)
        except (TypeError, json.JSONDecodeError):
            data = {}
        data = data if isinstance(data, dict) else {}
        json_schema = (body.get("response_format") or {}).get("json_schema") or {}
        words = data.get("words") or ([data["word"]] if "word" in data else [])
        return cls(
            model=str(body.get("model", "")),
            schema_name=str(json_schema.get("name", "")),
            schema=json_schema.get("schema") or {},
            data=data,
            words=tuple(str(w) for w in words),
            user_content=str(user),
            system_content=str(system),
        )


def _entry(word: str, source_lang: str, target_lang: str) -> dict[str, Any]:
    text = fake_translation(word, target_lang)
    return {
        "word": word,
        "pos": "noun",
        "meanings": [
            {"text": text, "pos": "noun", "note": ""},
            {"text": f"{text} (2)", "pos": "noun", "note": "rare"},
        ],
        "examples": [
            {"source": f"{word} ({source_lang}) in a sentence.", "target": f"{text} in a sentence."}
        ],
        "forms": [{"name": "plural", "value": f"{word}s"}],
    }


def _judgement(data: dict[str, Any], judgements: dict[str, tuple[bool, str]]) -> dict[str, Any]:
    answer = _norm_answer(str(data.get("user_answer", "")))
    if answer in judgements:
        is_correct, comment = judgements[answer]
        return {
            "is_correct": is_correct,
            "comment": comment or ("Accepted." if is_correct else "No."),
        }
    expected = str(data.get("expected_answer", ""))
    alternatives = {_norm_answer(part) for part in re.split(r"[,;/]", expected) if part.strip()}
    if answer and answer in alternatives:
        return {"is_correct": True, "comment": "Accepted."}
    return {"is_correct": False, "comment": f"Not quite: we expected '{expected}'."}


def _content(kind: str, request: _Request, judgements: dict[str, tuple[bool, str]]) -> str:
    if kind == "off_schema":
        return json.dumps({"answer": "not what you asked for"})
    data = request.data
    source, target = str(data.get("source_lang", "xx")), str(data.get("target_lang", "yy"))
    payload: Any
    if request.schema_name == "word_entry":
        payload = _entry(str(data.get("word", "")), source, target)
    elif request.schema_name == "word_entries":
        entries = [_entry(w, source, target) for w in request.words]
        if kind == "drop_item" and entries:
            entries.pop()
        if kind == "garble_item" and entries:
            entries[0]["meanings"] = []
        payload = {"entries": entries}
    elif request.schema_name == "judgement":
        payload = _judgement(data, judgements)
    else:
        payload = _instance(request.schema, request.schema)
    text = json.dumps(payload, ensure_ascii=False)
    return text[: len(text) // 2] if kind == "malformed" else text


def _instance(schema: dict[str, Any], root: dict[str, Any]) -> Any:
    """A minimal value valid against `schema` (for schemas this server does not know)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _instance(root.get("$defs", {}).get(name, {}), root)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        return {k: _instance(v, root) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [_instance(schema.get("items", {}), root)]
    return {"boolean": True, "integer": 1, "number": 1.0, "null": None}.get(str(kind), "text")


def _completion(request: _Request, content: str) -> dict[str, Any]:
    prompt_tokens = (len(request.system_content) + len(request.user_content)) // 4 + 8
    completion_tokens = len(content) // 4 + 1
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
