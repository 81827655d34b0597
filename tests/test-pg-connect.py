#!/usr/bin/env python3
# test-pg-connect.py — opening the window on a shared library never blocks
# it (#17): against a server that answers nothing the connection window is
# drawn at once and its main loop keeps counting the seconds; Stop stops;
# Try Again connects once it answers, and a file given with the address
# goes to the library's window; a server that refuses is named with the
# reason, and Open Another Library… opens a personal library instead
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run under xvfb-run + dbus-run-session (X server outermost), through
# with-postgres.py (SD_TEST_PG_URL, a server on a Unix socket only: the
# window connects over TCP to tests/sdpgconnect.py's relay).
import glob
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdwindow import Window, fail, log, wait_until  # noqa: E402
from sdpgconnect import Relay, library_window_shown, showing, windows_kept  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

URL = os.environ.get("SD_TEST_PG_URL")
STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")


def sd(*args):
    return subprocess.run([STORYDESK, *args], check=True, capture_output=True, text=True,
                          timeout=300).stdout


def waited_seconds(window):
    label = showing(window, "label", r"^(Waiting for the server: \d+ seconds?|正在等待服务器：\d+ 秒)$")
    return int(re.search(r"\d+", label.name).group()) if label else None


def mapped(window):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(window.proc.pid)],
                          capture_output=True, text=True).stdout.split()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    if URL is None:
        print("SD_TEST_PG_URL is not set: run through tests/with-postgres.py", file=sys.stderr)
        return 77
    folder = tempfile.TemporaryDirectory(prefix="sd-pg-connect-")
    sd("admin", "init", URL)
    top = urllib.parse.parse_qs(urllib.parse.urlparse(URL).query)["host"][0]
    relay = Relay(os.path.join(top, ".s.PGSQL.5432"))
    windows = []
    with windows_kept(windows):
        # 1. a server that answers nothing: the window is there at once, and
        # counts the seconds it waits (its main loop runs); Stop stops
        silent = f"postgresql://127.0.0.1:{relay.port}/storydesk_test?user=storydesk"
        start = time.monotonic()
        page = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))[0]
        a = Window(silent, os.path.join(folder.name, "a"), files=[page])
        windows.append(a)
        wait_until(lambda: mapped(a), "the connection window drawn")
        wait_until(lambda: showing(a, "label", f"(Connecting to|正在连接) {re.escape(silent)}"),
                   "Connecting to … shown")
        log(f"the connection window drawn {time.monotonic() - start:.1f} s after the start")
        first = wait_until(lambda: waited_seconds(a), "the seconds waited counted", timeout=10)
        later = wait_until(lambda: (lambda n: n if n is not None and n >= first + 2 else None)(
            waited_seconds(a)), "the seconds going on", timeout=10)
        log(f"the window counted from {first} to {later} s while the server said nothing")
        stop = wait_until(lambda: showing(a, "push button", r"^(Stop|停止\(S\))$"), "Stop")
        stop.doActionNamed("click")
        wait_until(lambda: showing(
            a, "label", f"(Connecting to {re.escape(silent)} was stopped|已停止连接 {re.escape(silent)})"),
                   "the stop said")

        # 2. the server answers: Try Again opens the library's window
        relay.forwarding = True
        showing(a, "push button", r"^(Try Again|重试\(T\))$").doActionNamed("click")
        wait_until(lambda: library_window_shown(a), "the library's window", timeout=60)
        wait_until(lambda: showing(a, "label", "Connecting to|正在连接") is None,
                   "the connection window gone")
        log("Try Again, once the server answers: the library's window")
        # the file given with the address is handed to the library's window,
        # which imports it for an admin (the page's paper and date asked
        # first, as on a personal library)
        wait_until(lambda: showing(a, "push button", re.escape("不填，直接导入(W)")),
                   "the page details asked", timeout=60).doActionNamed("click")
        wait_until(lambda: json.loads(sd("export", "--db", URL, "--format", "json")),
                   "the file given imported by the library's window", timeout=60)
        a.stop()

        # 3. a server that refuses: its address and the reason, then a
        # personal library opened instead
        refused = f"postgresql://127.0.0.1:{free_port()}/storydesk_test?user=storydesk"
        db = os.path.join(folder.name, "b", "storydesk", "library.db")
        sd("import", "--db", db, page)
        b = Window(refused, os.path.join(folder.name, "b"))
        windows.append(b)
        # (the message is the window's language, Chinese in the C locale too)
        message = wait_until(lambda: showing(b, "label", re.escape(refused)), "the refusal",
                             timeout=30)
        if not re.search("refused|拒绝", message.name):
            fail(f"the refusal names neither the address nor the reason: {message.name!r}")
        log(f"refused: {message.name!r}")
        showing(
            b, "push button", r"^(Open Another Library…|打开其他稿库\(O\)…)$").doActionNamed("click")
        chooser = wait_until(lambda: next(
            (w for w in b.app.children if w.name in ("Open a Personal Library", "打开个人稿库")), None),
            "the file chooser")
        # it opens where the personal library is
        row = wait_until(lambda: next((c for c in chooser.findChildren(
            GenericPredicate(roleName="table cell")) if c.name == "library.db"), None),
            "library.db in the chooser")
        row.click()
        next(button for button in chooser.findChildren(GenericPredicate(roleName="push button"))
             if button.name in ("Open", "打开(O)")).doActionNamed("click")
        wait_until(lambda: library_window_shown(b), "the personal library's window", timeout=60)
        # its stories (the shared library has none)
        b.open_story(lambda cells: cells[0])
        log("Open Another Library…: the personal library's window")
        for window in windows:
            if "CRITICAL" in window.messages():
                fail("the window printed criticals:\n" + window.messages())
    relay.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
