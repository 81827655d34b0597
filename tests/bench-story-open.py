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
# memory (VmHWM).  Also from the window's own clock: the start to 全部稿件's
# first rows (start_first_rows_ms; from the frame probe, painted:
# start_first_rows_painted_ms, and the ms on a CPU until then, all threads
# and the main thread's: start_cpu_ms, start_main_cpu_ms), 党's key to its first rows landed
# (key1_first_rows_ms), and where the longest story's open went
# (story_open_phases_ms: to the story shown, its frame begun, laid out and
# painted, then the ms the article view drew in that paint, and the ms
# the main thread ran on a CPU and waited for one in all, from a build
# whose probe says them), and the inspector's frame after it
# (story_panel_ms: the ms from the selection to that frame painted, the
# main thread's ms on a CPU and waiting, 1 when the window was laid out
# anew in it).  Then the longest story opened by key, with no list landing
# in the same frame: the list of its page (source:FILE) is focused, and Down
# and Up move between the story and the row above it (below it on a page it
# opens), KEY_OPENS times; story_key_open_ms, and story_key_phases_ms as
# story_open_phases_ms, are the opens of the longest story.  Han characters
# are typed as GTK's Ctrl+Shift+U and their hex code (type_text ()), which a
# busy window cannot lose.
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

import sdbench

binary, library = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
home = tempfile.mkdtemp(prefix="sd-bench-story-")
frame_log = os.path.join(home, "frames.log")
messages = os.path.join(home, "messages")
env = dict(os.environ, STORYDESK_FRAME_LOG=frame_log, NO_AT_BRIDGE="1", XDG_DATA_HOME=home,
           LC_ALL="C", GSETTINGS_BACKEND="memory", G_MESSAGES_DEBUG="sd-story-list-model",
           GTK_IM_MODULE="gtk-im-context-simple")  # (its Ctrl+Shift+U: type_text ())


def wait(fn, timeout=120.0):
    return sdbench.wait(fn, f"the window on {library}", timeout, 0.01)


def listings():
    """(rows, ms) of each list read the window logged so far."""
    with open(messages, encoding="utf-8", errors="replace") as f:
        return re.findall(r"(?:first|listed) (\d+) (?:rows|stories) in (\d+) ms", f.read())


def probe_lines(kind, since, fields=slice(2, 3)):
    """The frame log's @kind lines (story, stall) that start after @since:
    their figure, or the @fields asked (a story's: the ms to its frame
    painted, then to the story shown, to its frame begun, laid out and
    painted, from a build whose probe says them)."""
    if not os.path.exists(frame_log):
        return []
    with open(frame_log) as f:
        words = [line.split() for line in f if line.startswith(kind + " ")]
    found = [[float(x) for x in w[fields]] for w in words if int(w[1]) / 1e6 >= since - 0.06]
    return [f[0] for f in found] if fields == slice(2, 3) else found


def unique_phrase(path):
    """A piece of the longest story's body that no other story has, kept
    beside the library (PATH.phrase.json): at 1,000,000 stories each look
    reads every body."""
    cache = path + ".phrase.json"
    size = os.path.getsize(path)
    if os.path.exists(cache):
        with open(cache) as f:
            kept = json.load(f)
        if kept.get("size") == size:
            return kept["phrase"], kept["length"]
    phrase, length = find_unique_phrase(path)
    with open(cache, "w") as f:
        json.dump({"size": size, "phrase": phrase, "length": length}, f, ensure_ascii=False)
    return phrase, length


def find_unique_phrase(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        body = conn.execute("SELECT body FROM stories WHERE trashed IS NULL "
                            "ORDER BY length (body) DESC LIMIT 1").fetchone()[0]
        pieces = [body[start:start + 12]
                  for start in range(len(body) // 3, len(body) - 16, max(1, len(body) // 60))]
        pieces = [p for p in pieces if not any(c in p for c in '\n"，。、 ')]
        for piece in pieces:
            if conn.execute("SELECT count (*) FROM stories WHERE instr (body, ?) > 0",
                            (piece,)).fetchone()[0] == 1:
                return f'"{piece}"', len(body)
        # a large synthetic archive repeats its clauses: two pieces far apart
        for i in range(min(len(pieces) // 2, 15)):
            a, b = pieces[i], pieces[-1 - i]
            if conn.execute("SELECT count (*) FROM stories WHERE instr (body, ?) > 0 "
                            "AND instr (body, ?) > 0", (a, b)).fetchone()[0] == 1:
                return f'"{a}" "{b}"', len(body)
        return None, len(body)
    finally:
        conn.close()


def longest_story_row(path):
    """The page file of the longest story (find_unique_phrase ()'s) and
    its row in that page's list (the library's order: page, ordinal)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT p.file, (SELECT count (*) FROM stories t WHERE t.page_id = s.page_id "
            "AND t.trashed IS NULL AND t.ordinal < s.ordinal) "
            "FROM stories s JOIN pages p ON p.id = s.page_id WHERE s.trashed IS NULL "
            "ORDER BY length (s.body) DESC LIMIT 1").fetchone()
    finally:
        conn.close()


KEY_OPENS = 10
# The list's first row, a point inside it (the window at 0,0 on a
# 1280x800 screen: the header bar, then the list's column headers).
FIRST_ROW = ("400", "100")


key = sdbench.key


type_text = sdbench.type_text


def logged_at(line_re):
    """Wall-clock times of the window's debug messages matching @line_re
    (GLib stamps them with the time of day, to the millisecond)."""
    with open(messages, encoding="utf-8", errors="replace") as f:
        stamps = re.findall(r"DEBUG: (\d+):(\d+):(\d+\.\d+): " + line_re, f.read())
    midnight = time.mktime(time.localtime()[:3] + (0, 0, 0, 0, 0, -1))
    return [midnight + int(h) * 3600 + int(m) * 60 + float(sec) for h, m, sec in stamps]


def listed_again(action):
    """Runs @action and waits for the list read it starts."""
    before = len(listings())
    action()
    wait(lambda: len(listings()) > before)


phrase, length = unique_phrase(library)
with open(messages, "w") as out:
    started = time.time()
    started_mono = time.monotonic()
    proc = subprocess.Popen([binary, "--db", library], env=env, stdout=out, stderr=out)
figures = {"story_open_ms": [], "story_open_stall_ms": [], "key1_first_rows_store_ms": [],
           "key1_first_rows_ms": [], "key1_story_open_ms": [], "story_open_phases_ms": [], "story_panel_ms": [],
           "story_key_open_ms": [], "story_key_phases_ms": []}
try:
    wait(listings)
    # the start to 全部稿件's first rows landed (first-rows or whole-list message)
    figures["start_first_rows_ms"] = round(
        (logged_at(r"(?:first|listed) \d+ (?:rows|stories) in")[0] - started) * 1000)
    # the same landed and painted, from the probe, with the CPU time the
    # process spent until painted (all threads; the main thread's)
    try:
        rows = wait(lambda: probe_lines("rows", 0, slice(1, 6)), 5)[0]
        figures["start_first_rows_painted_ms"] = round(rows[1] / 1000 - started_mono * 1000)
        figures["start_cpu_ms"] = rows[4]
        figures["start_main_cpu_ms"] = rows[2]
    except SystemExit:
        pass  # a build whose probe does not say it
    sdbench.focus_search(proc.pid, 1.0)
    for _ in range(rounds):
        t0 = time.monotonic()
        n_landed = len(logged_at(r"(?:first|listed) \d+ (?:rows|stories) in"))
        key_time = []
        listed_again(lambda: key_time.append(type_text("党", 12)))
        figures["key1_first_rows_store_ms"].append(int(listings()[-1][1]))
        # the key to its first rows landed in the list (the window's clock)
        figures["key1_first_rows_ms"].append(round(
            (logged_at(r"(?:first|listed) \d+ (?:rows|stories) in")[n_landed] - key_time[0])
            * 1000))
        # its first row is shown while the store still reads every match
        try:
            figures["key1_story_open_ms"].append(wait(lambda: probe_lines("story", t0), 10)[-1])
        except SystemExit:
            pass  # the story shown already (no phrase's story opened between)
        time.sleep(1.0)
        listed_again(lambda: key("ctrl+a", "BackSpace"))
        time.sleep(0.3)
        if phrase is None:
            continue
        t0 = time.monotonic()
        type_text(phrase, 80)
        try:
            figures["story_open_ms"].append(wait(lambda: probe_lines("story", t0), 30)[-1])
        except SystemExit:
            # the phrase's search itself took longer: at 1,000,000 stories
            # two 12-character pieces are asked as all their tokens, and
            # every story holding them is read to find the one
            figures["story_open_search_timeouts"] = 1
            phrase = None
            listed_again(lambda: key("ctrl+a", "BackSpace"))
            time.sleep(1.0)
            continue
        figures["story_open_phases_ms"].append(probe_lines("story", t0, slice(3, 10))[-1])
        time.sleep(0.5)  # a layout left to idle time stalls here, if at all
        # the inspector's frame after it (a build whose probe says it): the
        # ms from the selection to its paint, on a CPU, waiting for one
        panel = probe_lines("panel", t0, slice(2, 6))
        if panel:
            figures["story_panel_ms"].append(panel[-1])
        figures["story_open_stall_ms"].append(max(probe_lines("stall", t0), default=0))
        listed_again(lambda: key("ctrl+a", "BackSpace"))
        time.sleep(1.0)
    page_row = longest_story_row(library) if phrase is not None else None
    if page_row is not None:
        page_file, row = page_row
        listed_again(lambda: type_text(f"source:{page_file}", 30))
        time.sleep(1.5)  # every key listed again: the last list landed
        subprocess.run(["xdotool", "mousemove", *FIRST_ROW, "click", "1"], check=True)
        time.sleep(0.5)
        key("Home")  # the first row, wherever the click fell
        time.sleep(0.5)
        for _ in range(row):
            key("Down")
            time.sleep(0.3)
        there, back = ("Up", "Down") if row > 0 else ("Down", "Up")
        for _ in range(KEY_OPENS):
            key(there)
            time.sleep(0.4)
            t0 = time.monotonic()
            key(back)
            time.sleep(0.4)
            opened = probe_lines("story", t0, slice(2, 10))
            if opened:
                figures["story_key_open_ms"].append(opened[-1][0])
                figures["story_key_phases_ms"].append(opened[-1][1:])
    with open(f"/proc/{proc.pid}/status") as f:
        figures["window_peak_rss_mb"] = [int(line.split()[1]) / 1024 for line in f
                                         if line.startswith("VmHWM:")][0]
finally:
    proc.terminate()
    proc.wait()
figures["story_open_chars"] = length
for name in ("story_open_ms", "key1_first_rows_store_ms", "key1_first_rows_ms",
             "key1_story_open_ms", "story_key_open_ms"):
    if figures[name]:
        figures[name.replace("_ms", "_median_ms")] = statistics.median(figures[name])
        figures[name.replace("_ms", "_min_ms")] = min(figures[name])
print(json.dumps(figures, ensure_ascii=False))
