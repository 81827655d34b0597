#!/usr/bin/python3
# bench-window.py — what the editor feels in the real window (#16 item 1):
# cold start to the first rows of 全部稿件, a switch of the tree to a city
# and a search typed key by key each to their first rows, the window's peak
# memory, and quitting.  Run by storydesk-bench --window under xvfb-run +
# dbus-run-session (X server outermost); also by hand:
#
#   STORYDESK=build/src/storydesk xvfb-run -a -s '-screen 0 1280x800x24' \
#     dbus-run-session -- /usr/bin/python3 tests/bench-window.py LIBRARY OUT.json
#
# Times are from the action to the moment AT-SPI shows the change (the
# list's size changed, then rows in it), polled every 5 ms, so each
# includes up to a poll of AT-SPI's own latency.  The search's time
# includes typing it, 80 ms a key, as an editor types; then each key is
# timed alone (search_key1/key2: from the key to the first rows).
#
# Inside the window (STORYDESK_FRAME_LOG, src/ui/sd-frame-probe.c): the
# longest story opened, from the click's selection to the end of the frame
# that paints it (story_open_s; story_open_chars its length), and the main
# loop's longest stall (*_stall_max_s: 0 when none was over 50 ms) while
# each action ran, to its list filled.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sdwindow  # noqa: E402  (gives this run its own accessibility bus)

library, out_path = sys.argv[1], sys.argv[2]
CITY = os.environ.get("SD_BENCH_CITY", "苏州市")
QUERY = os.environ.get("SD_BENCH_QUERY", "党建")


def poll(fn, timeout=300.0):
    """Seconds until fn() is true."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if fn():
                return time.monotonic() - start
        except Exception:
            pass
        time.sleep(0.005)
    raise sdwindow.Timeout("timed out")


def first_row(app):
    """The first story row's text, or None while the list is empty."""
    table = app.child(name="稿件", roleName="table", retry=False)
    for i in range(min(table.childCount, 40)):
        cell = table.getChildAtIndex(i)
        if cell.roleName == "table cell" and cell.name and "·" in cell.name:
            return cell.name
    return None


def n_cells(app):
    return app.child(name="稿件", roleName="table", retry=False).childCount


def changed(app, before, before_first=None):
    """Seconds until the list is another one (its size or its first row
    changed) with rows in it: the first rows of what was asked."""
    gone = poll(lambda: n_cells(app) != before or first_row(app) != before_first)
    return gone + poll(lambda: first_row(app) is not None)


def settle(app):
    """Waits until the list stops growing (it fills in slices); its size."""
    last = -1
    while n_cells(app) != last:
        last = n_cells(app)
        time.sleep(0.5)
    return last


def peak_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


def longest_story(path):
    """A piece of the longest story's body that no other story has, as a
    phrase query (its headline's when none is found), and its headline."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sid, headline, body = conn.execute(
            "SELECT id, headline, body FROM stories WHERE trashed IS NULL "
            "ORDER BY length (body) DESC LIMIT 1").fetchone()
        for start in range(len(body) // 3, len(body) - 16, max(1, len(body) // 60)):
            piece = body[start:start + 12]
            if any(c in piece for c in '\n"，。、 '):
                continue
            n = conn.execute("SELECT count (*) FROM stories WHERE instr (body, ?) > 0",
                             (piece,)).fetchone()[0]
            if n == 1:
                return f'"{piece}"', headline, len(body)
        return f'"{headline}"', headline, len(body)
    finally:
        conn.close()


def type_text(text, delay=80):
    subprocess.run(["xdotool", "type", "--delay", str(delay), text], check=True)


phases = []  # (figure name, start, end) in time.monotonic (): stalls are looked for there

figures = {}
data_home = tempfile.mkdtemp(prefix="sd-bench-window-")
frame_log = os.path.join(data_home, "frames.log")
os.environ["STORYDESK_FRAME_LOG"] = frame_log
start = time.monotonic()
window = sdwindow.Window(library, data_home)
app = window.app
poll(lambda: first_row(app))
figures["cold_start_first_rows_s"] = time.monotonic() - start
try:
    # the list takes a long node's rows a slice at a time: its size is
    # only news once it stops growing
    before = settle(app)
    before_first = first_row(app)
    places = sdwindow.wait_until(lambda: sdwindow.find(app, "地区", "tree table"), "the tree")
    city = sdwindow.wait_until(lambda: sdwindow.row_cells(places, CITY), CITY)
    t0 = time.monotonic()
    window.click(city[0])  # xdotool's click returns after it; the poll starts there
    figures["tree_switch_first_rows_s"] = changed(app, before, before_first)
    before = settle(app)
    phases.append(("tree_switch_stall", t0, time.monotonic()))

    everything = sdwindow.row_cells(places, "全部稿件")
    t0 = time.monotonic()
    window.click(everything[0])
    figures["tree_switch_all_first_rows_s"] = changed(app, before)
    before = settle(app)
    phases.append(("tree_switch_all_stall", t0, time.monotonic()))
    before_first = first_row(app)
    search = app.child(name="检索稿件", roleName="text")
    window.click(search)
    t0 = time.monotonic()
    subprocess.run(["xdotool", "type", "--delay", "80", QUERY], check=True)
    typed = time.monotonic() - t0
    figures["search_first_rows_s"] = changed(app, before, before_first) + typed
    figures["search_typing_s"] = typed
    phases.append(("search_stall", t0, time.monotonic()))

    # each key alone: back to every story, then 党, then 建
    before = settle(app)
    subprocess.run(["xdotool", "key", "ctrl+a", "BackSpace"], check=True)
    changed(app, before, first_row(app))
    for i, key in enumerate(QUERY[:2]):
        before = settle(app)
        before_first = first_row(app)
        t0 = time.monotonic()
        type_text(key, 12)
        figures[f"search_key{i + 1}_first_rows_s"] = changed(app, before, before_first)
        settle(app)
        phases.append((f"search_key{i + 1}_stall", t0, time.monotonic()))

    # the longest story: found by a piece of it (the only row then), opened
    # by the list's selection of its first row or else by a click
    query, headline, length = longest_story(library)
    before = settle(app)
    subprocess.run(["xdotool", "key", "ctrl+a", "BackSpace"], check=True)
    t0 = time.monotonic()

    def story_line():
        with open(frame_log) as f:
            lines = [line.split() for line in f if line.startswith("story ")]
        return [float(w[2]) for w in lines if int(w[1]) / 1e6 >= t0] or None

    type_text(query)
    poll(lambda: n_cells(app) != before and first_row(app) is not None)
    cell = sdwindow.wait_until(
        lambda: [c for c in sdwindow.story_cells(app) if c.name.startswith(headline)],
        "the longest story in the list")[0]
    time.sleep(0.2)
    # (a build before the probe writes no frame log: no figure)
    if os.path.exists(frame_log) and story_line() is None:
        window.click(cell)
    if os.path.exists(frame_log):
        figures["story_open_s"] = sdwindow.wait_until(story_line, "the story painted")[-1] / 1000
        figures["story_open_chars"] = length
    phases.append(("story_open_stall", t0, time.monotonic() + 0.5))
    time.sleep(0.5)  # a layout left to idle time stalls here, if at all
    figures["window_peak_rss_mb"] = peak_mb(window.proc.pid)

    subprocess.run(["xdotool", "key", "ctrl+q"], check=True)
    t0 = time.monotonic()
    window.proc.wait(timeout=60)
    figures["quit_s"] = time.monotonic() - t0
finally:
    window.stop()
try:
    with open(frame_log) as f:
        stalls = [(int(w[1]) / 1e6, float(w[2])) for w in (line.split() for line in f)
                  if w[0] == "stall"]
except FileNotFoundError:
    stalls = []
for name, t0, t1 in phases if os.path.exists(frame_log) else []:
    # (a stall's start is the last tick before it: it may precede the action)
    inside = [ms for at, ms in stalls if t0 - 0.06 <= at < t1]
    figures[f"{name}_max_s"] = max(inside, default=0) / 1000
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(figures, f, ensure_ascii=False, indent=2)
for key, value in figures.items():
    print(f"{key:28} {value:8.3f}")
