#!/usr/bin/env python3
# test-pg-serve.py — `storydesk serve` hosts a shared library on a desk
# computer, `storydesk admin` adds people to it (issue #17, item 6)
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the server as an unprivileged user (PostgreSQL refuses root), on a
# Unix socket only, checks the library and its roles with psql, stops it with
# Ctrl+C (SIGINT), and serves the same folder again.
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdpg import server_bin, server_user  # noqa: E402

STORYDESK = os.environ["STORYDESK"]


def as_user_args(user):
    """The server's own user for a child process: the process is then
    storydesk itself, which Ctrl+C (SIGINT) reaches."""
    if user is None:
        return {}
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": [],
            "env": dict(os.environ, HOME=user.pw_dir, USER=user.pw_name, LOGNAME=user.pw_name),
            "cwd": "/"}


def run(user, argv, expect):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, **as_user_args(user))
    if done.returncode != expect:
        sys.exit(f"{argv}: exit {done.returncode}, expected {expect}\n{done.stdout}{done.stderr}")
    return done


def serve(user, data, port):
    process = subprocess.Popen([STORYDESK, "serve", "--data", data, "--port", str(port),
                                "--listen", ""],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               **as_user_args(user))
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Ctrl+C" in line:
            break
    text = "".join(lines)
    found = re.search(r"storydesk --db '([^']+)'", text)
    if found is None:
        process.kill()
        sys.exit(f"serve did not say where the library is:\n{text}")
    if "other computers" in text:
        sys.exit("serve on the socket only must not offer a network address")
    return process, found.group(1)


def stop(process, data):
    process.send_signal(signal.SIGINT)
    status = process.wait(timeout=30)
    if status != 0:
        sys.exit(f"serve ended with {status} after Ctrl+C")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        sys.exit("the server is still running after serve ended")


def psql(user, location, sql):
    client = server_bin("psql")
    return run(user, [client, location, "-Atc", sql], 0).stdout.split()


def main():
    user = server_user()
    if user is not None:
        refused = subprocess.run([STORYDESK, "serve", "--data", "/nonexistent/x"],
                                 capture_output=True, text=True)
        assert refused.returncode == 2 and "root" in refused.stderr, refused

    top = tempfile.mkdtemp(prefix="sd-serve-")
    os.chmod(top, 0o755)
    if user is not None:
        os.chown(top, user.pw_uid, user.pw_gid)
    data = os.path.join(top, "library")
    port = random.randint(20000, 60000)

    process, location = serve(user, data, port)
    run(user, [STORYDESK, "admin", "add", location, "小王", "--role", "editor"], 0)
    run(user, [STORYDESK, "admin", "add", location, "老李", "--role", "reviewer"], 0)
    wrong = run(user, [STORYDESK, "admin", "add", location, "x", "--role", "boss"], 2)
    assert "--role" in wrong.stderr, wrong.stderr
    not_shared = run(user, [STORYDESK, "admin", "init", data], 2)
    assert "not the address of a shared library" in not_shared.stderr, not_shared.stderr
    roles = psql(user, location, "SELECT r.rolname || ':' || g.rolname FROM pg_auth_members m"
                                 " JOIN pg_roles r ON r.oid = m.member"
                                 " JOIN pg_roles g ON g.oid = m.roleid"
                                 " WHERE r.rolname IN ('小王', '老李') ORDER BY 1")
    assert roles == ["小王:storydesk_editor", "老李:storydesk_reviewer"], roles
    assert psql(user, location, "SELECT relforcerowsecurity FROM pg_class"
                                " WHERE relname = 'stories'") == ["t"]
    stop(process, data)

    # the same folder served again: the library and its people are kept
    process, location = serve(user, data, port)
    assert psql(user, location, "SELECT count(*) FROM pg_roles WHERE rolname = '小王'") == ["1"]
    stop(process, data)
    run(None, ["rm", "-rf", top], 0)
    print("serve: started twice, people added, stopped cleanly")


if __name__ == "__main__":
    main()
