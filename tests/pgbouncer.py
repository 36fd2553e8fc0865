"""A real PgBouncer in transaction mode in front of the test PostgreSQL, for the pooler tests.

The binary comes from the system (Debian package `pgbouncer`); without it the tests skip and say
so, unless `WORDS_TEST_REQUIRE_PGBOUNCER=1` (CI), where they fail instead.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.llm_server import free_port

REQUIRE_PGBOUNCER = os.environ.get("WORDS_TEST_REQUIRE_PGBOUNCER") == "1"


@contextmanager
def pgbouncer(server_url: str, *, server_connections: int) -> Iterator[str]:
    """PgBouncer (transaction mode, at most `server_connections` to the server) for the
    database of `server_url`; yields the URL of the same database through it."""
    binary = shutil.which("pgbouncer") or (
        "/usr/sbin/pgbouncer" if Path("/usr/sbin/pgbouncer").exists() else None
    )
    if binary is None:
        if REQUIRE_PGBOUNCER:
            pytest.fail("WORDS_TEST_REQUIRE_PGBOUNCER=1 but pgbouncer is not installed")
        pytest.skip("no pgbouncer: install it (Debian package pgbouncer) to run the pooler tests")
    server = make_url(server_url)
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="words-pgbouncer-"))
    folder.chmod(0o755)
    user = server.username or "postgres"
    (folder / "users.txt").write_text(f'"{user}" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"* = host={server.host or '127.0.0.1'} port={server.port or 5432}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\n"
        "pool_mode = transaction\nmax_client_conn = 2000\n"
        f"default_pool_size = {server_connections}\nmax_db_connections = {server_connections}\n"
    )
    for item in folder.iterdir():
        item.chmod(0o644)
    command = [binary, str(folder / "pgbouncer.ini")]
    if os.geteuid() == 0:  # PgBouncer refuses to run as root
        command[1:1] = ["-u", pwd.getpwnam("postgres").pw_name]
    log = folder / "pgbouncer.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=output)
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None:
                raise RuntimeError(f"pgbouncer did not start: {log.read_text()}")
            time.sleep(0.05)
        yield server.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
