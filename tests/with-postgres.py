#!/usr/bin/env python3
# with-postgres.py — run a command with a throwaway PostgreSQL server
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   with-postgres.py [--tcp] COMMAND [ARG...]
#
# Makes a new cluster in a temporary folder with initdb, starts it on a Unix
# socket in that folder only (no TCP), runs COMMAND with SD_TEST_PG_URL set
# to a postgresql:// address of a fresh database, stops the server and
# removes the folder, and exits with COMMAND's status.  --tcp: it also
# listens on 127.0.0.1 at a free port, where a password is asked
# (scram-sha-256), and SD_TEST_PG_TCP_URL is that address (no user).  initdb refuses to
# run as root, so under root the server runs as the unprivileged `postgres`
# user Debian's package creates (else `nobody`).
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdpg import server_bin, server_user  # noqa: E402


def run_server_command(user, argv):
    if user is None:
        return subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return subprocess.run(["runuser", "-u", user.pw_name, "--"] + argv, check=True,
                          stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    tcp = len(sys.argv) > 1 and sys.argv[1] == "--tcp"
    command = sys.argv[2:] if tcp else sys.argv[1:]
    if not command:
        sys.exit(__doc__ or "usage: with-postgres.py [--tcp] COMMAND [ARG...]")
    user = server_user()
    top = tempfile.mkdtemp(prefix="sd-pg-")
    data = os.path.join(top, "data")
    if user is not None:
        os.chown(top, user.pw_uid, user.pw_gid)
    os.chmod(top, 0o755)
    started = False
    try:
        run_server_command(user, [server_bin("initdb"), "--auth-local=trust",
                                  "--auth-host=" + ("scram-sha-256" if tcp else "trust"),
                                  "--encoding=UTF8", "--locale=C", "--username=storydesk",
                                  "-D", data])
        port = free_port() if tcp else None
        listen = f"-c listen_addresses=127.0.0.1 -c port={port}" if tcp else \
            "-c listen_addresses=''"
        run_server_command(user, [server_bin("pg_ctl"), "-D", data, "-w", "-l",
                                  os.path.join(top, "server.log"), "-o",
                                  f"{listen} -c unix_socket_directories={top} "
                                  "-c fsync=off", "start"])
        started = True
        socket_port = ["-p", str(port)] if tcp else []
        run_server_command(user, [server_bin("createdb"), "-h", top, *socket_port,
                                  "-U", "storydesk", "storydesk_test"])
        env = dict(os.environ)
        env["SD_TEST_PG_URL"] = f"postgresql:///storydesk_test?host={top}&user=storydesk"
        if tcp:
            env["SD_TEST_PG_URL"] += f"&port={port}"
            env["SD_TEST_PG_TCP_URL"] = f"postgresql://127.0.0.1:{port}/storydesk_test"
        return subprocess.run(command, env=env).returncode
    finally:
        if started:
            run_server_command(user, [server_bin("pg_ctl"), "-D", data, "-m", "immediate",
                                      "stop"])
        shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
