"""Benchmark: bulk translation at the rate limit against the local OpenAI-compatible test server.

    python bench/bulk_translate.py                      # the issue's setting: 5,000 words
    python bench/bulk_translate.py --words 1000 --latency 0.5

The server answers after `--latency` s (± `--jitter`) and enforces its own limit of `--server-rpm`
(a one-second token bucket answering 429). The client is configured for `--rpm`. Printed:
achieved RPM ÷ min(configured, server limit) (goal ≥ 0.95); the peak RPM over any 10 s window
÷ configured (goal ≤ 1.05); 429s the client caused (goal 0); HTTP attempts per logical request
(goal ≤ 3); words per request; and the wall time against a naive one-word-at-a-time loop,
measured on a sample and extrapolated to all words. Then the cost of garbled answers: HTTP
requests per word when `--malformed` (default 2 %) of the answers are not valid JSON, and when
all of them are (the bound: 6 requests per batch), against the 1/batch of the happy path.
Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.llm_server import FakeLLMServer
from words_tui.infrastructure.db.database import Database
from words_tui.infrastructure.llm import LLMClient, RateLimitedLLMClient
from words_tui.infrastructure.llm.results import CallRecord
from words_tui.services.bulk import BulkProgress, BulkTranslator

WINDOW_S = 10.0


def peak_per_window(times: list[float], window: float = WINDOW_S) -> int:
    """The most arrivals within any `window` seconds."""
    best, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


async def naive_seconds_per_word(server: FakeLLMServer, sample: int) -> float:
    """Mean wall time of one `translate_word` call, one after the other."""
    async with LLMClient(server.api_key, "bench-model", server.base_url) as client:
        started = time.perf_counter()
        for i in range(sample):
            await client.translate_word(f"naive{i}", "de", "en")
    return (time.perf_counter() - started) / sample


class Calls:
    """The client's call observer: keeps every logical call once it has ended."""

    def __init__(self) -> None:
        self.records: list[CallRecord] = []

    async def sent(self, record: CallRecord) -> None:
        """Nothing to do before a request."""

    async def ended(self, record: CallRecord) -> None:
        self.records.append(record)


async def garbled_cost(rate: float, words: int, batch: int) -> tuple[float, int, int]:
    """HTTP requests per word, words failed and words translated when `rate` of the answers
    are garbled (a fast server, no rate limit: only the request count matters here)."""
    with tempfile.TemporaryDirectory() as tmp, FakeLLMServer(latency_s=0.01, seed=3) as server:
        server.set_faults(malformed=rate)
        database = Database(f"sqlite+aiosqlite:///{tmp}/garbled.db")
        await database.init()
        client = RateLimitedLLMClient(
            server.api_key,
            "bench-model",
            max_concurrent=32,
            requests_per_minute=60_000,
            base_url=server.base_url,
            recovery_timeout_s=0.2,
        )
        bulk = BulkTranslator(database, client, batch_size=batch)
        result = await bulk.run([f"wort{i}" for i in range(words)], "de", "en")
        await client.aclose()
        await database.close()
        return server.requests / words, len(result.failures), len(result.entries)


async def bench(args: argparse.Namespace) -> None:
    words = [f"wort{i}" for i in range(args.words)]
    observer = Calls()
    calls = observer.records
    peak_in_flight = 0

    def progress(report: BulkProgress) -> None:
        nonlocal peak_in_flight
        peak_in_flight = max(peak_in_flight, report.in_flight)

    server_rps = args.server_rpm / 60.0
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeLLMServer(
            latency_s=args.latency, jitter_s=args.jitter, limit_per_second=server_rps, seed=1
        ) as server,
    ):
        database = Database(f"sqlite+aiosqlite:///{tmp}/bench.db")
        await database.init()
        client = RateLimitedLLMClient(
            server.api_key,
            "bench-model",
            max_concurrent=args.max_in_flight,
            requests_per_minute=args.rpm,
            base_url=server.base_url,
            on_call=observer,
        )
        bulk = BulkTranslator(
            database, client, batch_size=args.batch, max_in_flight=args.max_in_flight
        )
        started = time.perf_counter()
        result = await bulk.run(words, "de", "en", progress=progress)
        wall = time.perf_counter() - started
        await client.aclose()
        records = server.records
        server.reset_log()
        per_word = await naive_seconds_per_word(server, args.naive_sample)
        await database.close()

    arrivals = sorted(r.at for r in records)
    span = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else float("nan")
    achieved_rpm = (len(arrivals) - 1) / span * 60.0
    ceiling = min(args.rpm, args.server_rpm)
    peak_rpm = peak_per_window(arrivals) * 60.0 / WINDOW_S
    limited = sum(1 for r in records if r.fault == "limit")
    answered = [r for r in records if r.status == 200]
    attempts = [c.attempts for c in calls]
    naive = per_word * len(words)

    print(
        f"words {len(words)}, batch {args.batch}, latency {args.latency}±{args.jitter} s, "
        f"configured {args.rpm:g} RPM, server limit {args.server_rpm:g} RPM"
    )
    print(
        f"result: {result.status.value}, translated {len(result.entries)}, "
        f"failed {len(result.failures)}, pending {len(result.pending)}"
    )
    print(
        f"achieved RPM {achieved_rpm:.1f} / min(configured, server) {ceiling:g} = "
        f"{achieved_rpm / ceiling:.3f}   (goal >= 0.95)"
    )
    print(
        f"peak RPM over any {WINDOW_S:g} s window {peak_rpm:.1f} / configured {args.rpm:g} = "
        f"{peak_rpm / args.rpm:.3f}   (goal <= 1.05)"
    )
    print(f"client-caused 429s {limited}   (goal 0)")
    print(
        f"HTTP attempts per logical request: mean {len(records) / max(1, len(calls)):.3f}, "
        f"max {max(attempts, default=0)}   (goal <= 3)"
    )
    print(
        f"words per request {sum(len(r.words) for r in answered) / max(1, len(answered)):.2f}; "
        f"requests {len(records)}; peak in flight {peak_in_flight}"
    )
    print(
        f"wall time {wall:.1f} s vs naive one-word loop ~{naive:.0f} s "
        f"({per_word:.2f} s/word over {args.naive_sample} words): {naive / wall:.0f}x faster"
    )
    happy = 1 / args.batch
    for rate in (args.malformed, 1.0):
        per_request, failed, translated = await garbled_cost(rate, args.garbled_words, args.batch)
        print(
            f"garbled answers {rate:.0%}: {per_request:.4f} HTTP requests per word "
            f"({per_request / happy:.2f}x the happy path's {happy:.4f}); "
            f"{translated} translated, {failed} failed of {args.garbled_words}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=25, help="words per request")
    parser.add_argument("--latency", type=float, default=1.0, help="server latency, s")
    parser.add_argument("--jitter", type=float, default=0.3, help="± latency jitter, s")
    parser.add_argument("--rpm", type=float, default=600, help="client's configured RPM")
    parser.add_argument("--server-rpm", type=float, default=600, help="server's limit R")
    parser.add_argument("--max-in-flight", type=int, default=200)
    parser.add_argument("--naive-sample", type=int, default=10)
    parser.add_argument("--malformed", type=float, default=0.02, help="garbled answer rate")
    parser.add_argument("--garbled-words", type=int, default=2000)
    asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    main()
