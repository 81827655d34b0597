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
# includes typing it, 80 ms a key, as an editor types.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
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


figures = {}
data_home = tempfile.mkdtemp(prefix="sd-bench-window-")
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
    window.click(city[0])  # xdotool's click returns after it; the poll starts there
    figures["tree_switch_first_rows_s"] = changed(app, before, before_first)

    everything = sdwindow.row_cells(places, "全部稿件")
    settle(app)
    before = n_cells(app)
    window.click(everything[0])
    changed(app, before)
    before = settle(app)
    before_first = first_row(app)
    search = app.child(name="检索稿件", roleName="text")
    window.click(search)
    t0 = time.monotonic()
    subprocess.run(["xdotool", "type", "--delay", "80", QUERY], check=True)
    typed = time.monotonic() - t0
    figures["search_first_rows_s"] = changed(app, before, before_first) + typed
    figures["search_typing_s"] = typed
    figures["window_peak_rss_mb"] = peak_mb(window.proc.pid)

    subprocess.run(["xdotool", "key", "ctrl+q"], check=True)
    t0 = time.monotonic()
    window.proc.wait(timeout=60)
    figures["quit_s"] = time.monotonic() - t0
finally:
    window.stop()
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(figures, f, ensure_ascii=False, indent=2)
for key, value in figures.items():
    print(f"{key:28} {value:8.3f}")
