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


def type_text(text, delay):
    """Types @text; a Han character as GTK's own Ctrl+Shift+U and its hex code.
    xdotool types a character missing from the keymap by mapping it to a
    spare key for the moment of the press: a window busy longer than that
    (a 1,000,000-story library starting) reads the key after the mapping is
    undone, and the character is lost (the driver then waited for ever).
    Returns the wall-clock time the last character was committed (its
    space pressed)."""
    committed = time.time()
    for c in text:
        if ord(c) < 128:
            committed = time.time()
            subprocess.run(["xdotool", "type", "--delay", str(delay), c], check=True)
        else:
            subprocess.run(["xdotool", "key", "--delay", str(delay), "ctrl+shift+u",
                            *"%x" % ord(c)], check=True)
            committed = time.time()
            subprocess.run(["xdotool", "key", "space"], check=True)
    return committed
