# sdbench.py — what the window benchmarks driven by hand share (tests/bench-*.py)
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import time


def wait(fn, what, timeout=120.0, step=0.02):
    """Calls @fn until it returns something true, and returns that; exits
    saying what it waited for after @timeout seconds."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        found = fn()
        if found:
            return found
        time.sleep(step)
    raise SystemExit(f"timed out waiting for {what}")



def key(*keys):
    subprocess.run(["xdotool", "key", *keys], check=True)


def focus_search(pid, settle):
    """Finds the window of process @pid, gives it the focus, waits @settle
    seconds and opens its search (Ctrl+F)."""
    window = wait(lambda: subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        capture_output=True, text=True).stdout.split(), f"the window of {pid}")[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
    time.sleep(settle)
    key("ctrl+f")
    time.sleep(0.3)
