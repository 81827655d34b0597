#!/usr/bin/env python3
# test-pg-keyring.py — a shared library's password from the desktop keyring
# (#17 item 7): the window asks for the one the server wants and keeps it
# in a real Secret Service (gnome-keyring-daemon, unlocked in this test's
# D-Bus session), refused ones asked again; the command line reads it from
# there, or from ~/.pgpass; the password is never in a process's argv or
# environment, nor in what the window or the command line prints
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run under xvfb-run + dbus-run-session (X server outermost), through
# with-postgres.py --tcp: its server asks for a password over TCP
# (scram-sha-256), SD_TEST_PG_TCP_URL.
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

_home = tempfile.mkdtemp(prefix="sd-pg-keyring-")
atexit.register(shutil.rmtree, _home, True)
os.environ["HOME"] = _home
os.environ["XDG_DATA_HOME"] = os.path.join(_home, "data")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdwindow import Window, fail, log, wait_until  # noqa: E402
from sdpgconnect import library_window_shown, showing, windows_kept  # noqa: E402

URL = os.environ.get("SD_TEST_PG_URL")  # the admin's, on the Unix socket
TCP = os.environ.get("SD_TEST_PG_TCP_URL")
STORYDESK = os.environ["STORYDESK"]
PASSWORD = "Kq7-zebra-4119"
NEW_PASSWORD = "Wm2-heron-8830"


def sd(*args, status=0):
    done = subprocess.run([STORYDESK, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != status:
        fail(f"storydesk {args}: exit status {done.returncode}, not {status}:\n{done.stderr}")
    for secret in (PASSWORD, NEW_PASSWORD):
        if secret in done.stdout + done.stderr:
            fail(f"storydesk {args} printed the password")
    return done


def psql(sql):
    """As the admin on the socket; the statement on standard input, so no
    password is ever in an argv here either."""
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", URL], input=sql, text=True,
                   check=True, capture_output=True)


def start_keyring():
    """gnome-keyring-daemon's Secret Service on this session's bus, its
    login keyring made and unlocked; None (skip) when it cannot run."""
    daemon = shutil.which("gnome-keyring-daemon")
    if daemon is None:
        return "gnome-keyring-daemon is not installed (Debian's gnome-keyring)"
    os.makedirs(os.environ["XDG_DATA_HOME"], exist_ok=True)
    started = subprocess.run([daemon, "--unlock", "--components=secrets"],
                             input="keyring-login", text=True, capture_output=True, timeout=30)
    if started.returncode != 0:
        return f"gnome-keyring-daemon did not start: {started.stderr.strip()}"
    probe = subprocess.run(["secret-tool", "store", "--label=probe", "probe", "1"],
                           input="x", text=True, capture_output=True, timeout=30)
    if probe.returncode != 0:
        return f"the Secret Service does not take a secret: {probe.stderr.strip()}"
    return None


def kept(port):
    done = subprocess.run(["secret-tool", "lookup", "server", "127.0.0.1", "port", str(port),
                           "database", "storydesk_test", "user", "anna"],
                          capture_output=True, text=True, timeout=30)
    return done.stdout


def give_password(window, password, asked):
    """Types @password into the window's question (@asked: what it says)."""
    wait_until(lambda: showing(window, "label", asked), f"the question {asked!r}", timeout=60)
    entry = wait_until(lambda: showing(window, "password text", "^(Password|密码)$")
                       or showing(window, "text", "^(Password|密码)$"), "the password entry")
    entry.text = password
    showing(window, "push button", r"^(Connect|连接\(O\))$").doActionNamed("click")


def opened(windows, url, name, *passwords):
    """A window on @url, given each of @passwords as asked (a pair: the
    password and what the question says), then the library's window; the
    password never shown."""
    window = Window(url, os.path.join(_home, name))
    windows.append(window)
    for password, asked in passwords:
        give_password(window, password, asked)
    wait_until(lambda: library_window_shown(window), "the library's window", timeout=60)
    never_shown(window)
    return window


def never_shown(window):
    """The password is in neither the window's argv, nor its environment,
    nor what it printed."""
    pid = window.proc.pid
    for part in ("cmdline", "environ"):
        with open(f"/proc/{pid}/{part}", "rb") as f:
            data = f.read()
        if PASSWORD.encode() in data or NEW_PASSWORD.encode() in data:
            fail(f"the password is in the window's {part}")
    if PASSWORD in window.messages() or NEW_PASSWORD in window.messages():
        fail("the window printed the password")
    if "CRITICAL" in window.messages():
        fail("the window printed criticals:\n" + window.messages())


def main():
    if URL is None or TCP is None:
        print("SD_TEST_PG_TCP_URL is not set: run through tests/with-postgres.py --tcp",
              file=sys.stderr)
        return 77
    why = start_keyring()
    if why is not None:
        print(f"SKIP: no Secret Service to test with: {why}", file=sys.stderr)
        return 77
    port = TCP.rsplit(":", 1)[1].split("/")[0]
    anna = TCP.replace("postgresql://", "postgresql://anna@")
    sd("admin", "init", URL)
    sd("admin", "add", URL, "anna", "--role", "editor")
    psql(f"ALTER ROLE anna PASSWORD '{PASSWORD}';")

    # 1. none known: the command line says so, and how to give one
    asked = sd("search", "--db", anna, "苏州", status=2)
    if "asks for the password of anna" not in asked.stderr or "keyring" not in asked.stderr:
        fail(f"the command line does not say a password is wanted: {asked.stderr!r}")
    log("the command line, with no password known: " + asked.stderr.strip())

    windows = []
    with windows_kept(windows):
        # 2. the window asks; a wrong one is refused and asked again; the
        # right one opens the library and is kept in the keyring
        opened(windows, anna, "a",
               ("not-it", "asks for the password of anna|需要 anna.* 的密码"),
               (PASSWORD, "refused the password of anna|拒绝了 anna.* 的密码")).stop()
        if kept(port) != PASSWORD:
            fail("the keyring does not hold the password the window was given")
        log("the window asked, refused a wrong password, opened with the right one and "
            "kept it in the keyring")

        # 3. the command line reads it from the keyring; a second window asks
        # nothing
        sd("search", "--db", anna, "苏州")
        b = opened(windows, anna, "b")
        if showing(b, "label", "password"):
            fail("the window asked for a password the keyring holds")
        b.stop()
        log("the command line and a second window took the keyring's password")

        # 4. changed on the server: the keyring's is refused, asked again,
        # and the new one kept in its place
        psql(f"ALTER ROLE anna PASSWORD '{NEW_PASSWORD}';")
        refused = sd("search", "--db", anna, "苏州", status=2)
        if "refused the password the desktop keyring holds" not in refused.stderr:
            fail(f"the keyring's refused password is not said: {refused.stderr!r}")
        opened(windows, anna, "c",
               (NEW_PASSWORD, "refused the password the desktop keyring|拒绝了桌面密钥环中"))
        if kept(port) != NEW_PASSWORD:
            fail("the keyring still holds the old password")
        log("a password changed on the server: asked again, and kept in place of the old")

        # 5. ~/.pgpass, libpq's own, is read too (ben, who is in no keyring)
        sd("admin", "add", URL, "ben", "--role", "reviewer")
        psql(f"ALTER ROLE ben PASSWORD '{PASSWORD}';")
        ben = TCP.replace("postgresql://", "postgresql://ben@")
        sd("search", "--db", ben, "苏州", status=2)
        pgpass = os.path.join(_home, ".pgpass")
        with open(pgpass, "w") as f:
            f.write(f"127.0.0.1:{port}:storydesk_test:ben:{PASSWORD}\n")
        os.chmod(pgpass, 0o600)
        sd("search", "--db", ben, "苏州")
        log("~/.pgpass read by the command line")
    return 0


if __name__ == "__main__":
    sys.exit(main())
