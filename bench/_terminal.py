"""A program in a pseudo-terminal, driven like a person at the keyboard (for the benchmarks)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from types import TracebackType

from cold_start import SIZE, visible

TIMEOUT_S = 60.0


class Terminal:
    """`command` started as a new process on a pty of SIZE; what it drew so far is `seen`.

    `wait_for*` look only at what was drawn since the last wait returned (or since the start),
    so an earlier screen's text cannot satisfy a later wait; each returns when it was seen.
    """

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.command = command
        self.env = env
        self.seen = b""
        self._from = 0
        self.start = 0.0

    def __enter__(self) -> Terminal:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.start = time.perf_counter()
        self.child = subprocess.Popen(
            self.command, stdin=slave, stdout=slave, stderr=slave, env=self.env,
            start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        os.killpg(self.child.pid, signal.SIGKILL)
        os.wait4(self.child.pid, 0)
        os.close(self.master)

    def send(self, keys: bytes) -> float:
        """Type `keys`; returns when they were written."""
        os.write(self.master, keys)
        return time.perf_counter()

    def wait_for_pattern(self, pattern: re.Pattern[bytes]) -> tuple[float, str]:
        """Read until `pattern` is drawn; when it was seen and the text that matched."""
        while True:
            found = pattern.search(visible(self.seen[self._from :]))
            if found:
                self._from = len(self.seen)
                return time.perf_counter(), found.group().decode()
            ready, _, _ = select.select([self.master], [], [], TIMEOUT_S)
            if not ready:
                raise RuntimeError(
                    f"{self.command[0]}: no {pattern.pattern!r} within {TIMEOUT_S} s: "
                    f"{visible(self.seen[-800:])!r}"
                )
            self.seen += os.read(self.master, 65536)

    def wait_for(self, text: bytes) -> float:
        return self.wait_for_pattern(re.compile(re.escape(text)))[0]
