#!/usr/bin/python3
# bench-story-open.py — the longest story opened and a one-character key's
# first rows in the real window, without AT-SPI (#16 items 1, 2): AT-SPI
# walking a list of 100,000 rows keeps the window busy for seconds on a
# loaded machine, longer than what is measured here.  Run under Xvfb:
#
#   GSETTINGS_SCHEMA_DIR=build/data xvfb-run -a -s '-screen 0 1280x800x24' \
#     /usr/bin/python3 tests/bench-story-open.py build/src/storydesk LIBRARY [ROUNDS]
#
# Each round types 党 in the search box (Ctrl+F, xdotool) and reads from
# the window's debug messages how long the store took for its first rows;
# then, with every story listed again, types a phrase only the longest
# story holds, and reads from STORYDESK_FRAME_LOG (src/ui/sd-frame-probe.c)
# the time from the list's selection of that story to the end of the frame
# that paints it, and the longest main-loop stall meanwhile (not when
# every piece of it is in another story too).  The first
# story of 党's list is opened too while the store reads all its 70,801
# matches (key1_story_open_ms).  Prints the
# figures as JSON, each round's and their median, and the window's peak
# memory (VmHWM).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

binary, library = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
home = tempfile.mkdtemp(prefix="sd-bench-story-")
frame_log = os.path.join(home, "frames.log")
messages = os.path.join(home, "messages")
env = dict(os.environ, STORYDESK_FRAME_LOG=frame_log, NO_AT_BRIDGE="1", XDG_DATA_HOME=home,
           LC_ALL="C", GSETTINGS_BACKEND="memory", G_MESSAGES_DEBUG="sd-story-list-model")


def wait(fn, timeout=120.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        found = fn()
        if found:
            return found
        time.sleep(0.01)
    raise SystemExit(f"{library}: timed out waiting for the window")


def listings():
    """(rows, ms) of each list read the window logged so far."""
    with open(messages, encoding="utf-8", errors="replace") as f:
        return re.findall(r"(?:first|listed) (\d+) (?:rows|stories) in (\d+) ms", f.read())


def probe_lines(kind, since):
    """The frame log's @kind lines (story, stall) that start after @since."""
    if not os.path.exists(frame_log):
        return []
    with open(frame_log) as f:
        words = [line.split() for line in f if line.startswith(kind + " ")]
    return [float(w[2]) for w in words if int(w[1]) / 1e6 >= since - 0.06]


def unique_phrase(path):
    """A piece of the longest story's body that no other story has."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        body = conn.execute("SELECT body FROM stories WHERE trashed IS NULL "
                            "ORDER BY length (body) DESC LIMIT 1").fetchone()[0]
        for start in range(len(body) // 3, len(body) - 16, max(1, len(body) // 60)):
            piece = body[start:start + 12]
            if not any(c in piece for c in '\n"，。、 ') and conn.execute(
                    "SELECT count (*) FROM stories WHERE instr (body, ?) > 0",
                    (piece,)).fetchone()[0] == 1:
                return f'"{piece}"', len(body)
        return None, len(body)  # (a large synthetic archive repeats its clauses)
    finally:
        conn.close()


def key(*keys):
    subprocess.run(["xdotool", "key", *keys], check=True)


def type_text(text, delay):
    subprocess.run(["xdotool", "type", "--delay", str(delay), text], check=True)


def listed_again(action):
    """Runs @action and waits for the list read it starts."""
    before = len(listings())
    action()
    wait(lambda: len(listings()) > before)


phrase, length = unique_phrase(library)
with open(messages, "w") as out:
    proc = subprocess.Popen([binary, "--db", library], env=env, stdout=out, stderr=out)
figures = {"story_open_ms": [], "story_open_stall_ms": [], "key1_first_rows_store_ms": [],
           "key1_story_open_ms": []}
try:
    wait(listings)
    window = wait(lambda: subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
        capture_output=True, text=True).stdout.split())[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
    time.sleep(1.0)
    key("ctrl+f")
    time.sleep(0.3)
    for _ in range(rounds):
        t0 = time.monotonic()
        listed_again(lambda: type_text("党", 12))
        figures["key1_first_rows_store_ms"].append(int(listings()[-1][1]))
        # its first row is shown while the store still reads every match
        figures["key1_story_open_ms"].append(wait(lambda: probe_lines("story", t0), 30)[-1])
        time.sleep(1.0)
        listed_again(lambda: key("ctrl+a", "BackSpace"))
        time.sleep(0.3)
        if phrase is None:
            continue
        t0 = time.monotonic()
        type_text(phrase, 80)
        figures["story_open_ms"].append(wait(lambda: probe_lines("story", t0), 30)[-1])
        time.sleep(0.5)  # a layout left to idle time stalls here, if at all
        figures["story_open_stall_ms"].append(max(probe_lines("stall", t0), default=0))
        listed_again(lambda: key("ctrl+a", "BackSpace"))
        time.sleep(1.0)
    with open(f"/proc/{proc.pid}/status") as f:
        figures["window_peak_rss_mb"] = [int(line.split()[1]) / 1024 for line in f
                                         if line.startswith("VmHWM:")][0]
finally:
    proc.terminate()
    proc.wait()
figures["story_open_chars"] = length
for name in ("story_open_ms", "key1_first_rows_store_ms", "key1_story_open_ms"):
    if figures[name]:
        figures[name.replace("_ms", "_median_ms")] = statistics.median(figures[name])
        figures[name.replace("_ms", "_min_ms")] = min(figures[name])
print(json.dumps(figures, ensure_ascii=False))
