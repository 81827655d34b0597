#!/usr/bin/python3
# bench-window-memory.py — the window's memory on a large library (#16: RSS
# ≤ 150 MB at 100,000 stories, ≤ 250 MB at 1,000,000), stage by stage, and
# where it goes.  Run under Xvfb:
#
#   GSETTINGS_SCHEMA_DIR=build/data xvfb-run -a -s '-screen 0 1280x800x24' \
#     /usr/bin/python3 tests/bench-window-memory.py build/src/storydesk LIBRARY [ROUNDS]
#
# Opens the window on LIBRARY (use a copy: the window may write to it),
# waits for 全部稿件's list to land and the view to take every row, then
# ROUNDS times types 党 (every story holding it), clears the search, and
# opens a few stories with the arrow keys.  Prints as JSON the resident
# memory after each stage (VmRSS), the peak (VmHWM), and at the end the
# split of /proc/PID/smaps_rollup (anonymous: the heap, GLib's, GTK's and
# SQLite's; file: libraries, fonts) and the mapped files that take the
# most of it.  With HEAPTRACK=FILE the window runs under heaptrack, its
# record written to FILE (heaptrack_print FILE.zst: where the heap goes).
# Run two builds alternately: memory, unlike time, barely depends on the
# machine's load.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import tempfile
import time

import sdbench

binary, library = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
home = tempfile.mkdtemp(prefix="sd-bench-memory-")
messages = os.path.join(home, "messages")
env = dict(os.environ, NO_AT_BRIDGE="1", XDG_DATA_HOME=home, LC_ALL="C",
           GSETTINGS_BACKEND="memory", G_MESSAGES_DEBUG="sd-story-list-model",
           GTK_IM_MODULE="gtk-im-context-simple")


def wait(fn, timeout=300.0):
    return sdbench.wait(fn, f"the window on {library}", timeout)


def listings():
    """The whole lists the window logged so far (not their first rows)."""
    with open(messages, encoding="utf-8", errors="replace") as f:
        return re.findall(r"listed (\d+) stories in (\d+) ms", f.read())


def status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        return [int(line.split()[1]) / 1024 for line in f if line.startswith(field + ":")][0]


def settled(pid):
    """Waits until the window's RSS stays put for a second (the view taking
    the rest of a long list a slice at a time, rows read as drawn)."""
    last, since = status(pid, "VmRSS"), time.monotonic()
    while time.monotonic() - since < 1.0:
        time.sleep(0.2)
        now = status(pid, "VmRSS")
        if abs(now - last) > 0.5:
            last, since = now, time.monotonic()
    return round(last, 1)


def listed_again(action):
    before = len(listings())
    action()
    wait(lambda: len(listings()) > before)


def window_pid(proc):
    """The window's process: the child heaptrack started, or @proc."""
    if "HEAPTRACK" not in os.environ:
        return proc.pid

    def child():
        for pid in os.listdir("/proc"):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if f.read().split(b"\0")[0].endswith(os.path.basename(binary).encode()) \
                            and int(pid) != proc.pid:
                        with open(f"/proc/{pid}/environ", "rb") as e:
                            if home.encode() in e.read():
                                return int(pid)
            except (OSError, ValueError):
                pass
        return None
    return wait(child)


def mapped_files(pid, top=10):
    """The files mapped in the window that take the most of its RSS."""
    rss, name = {}, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = line.split()
            if re.match(r"[0-9a-f]+-[0-9a-f]+ ", line):
                name = head[5] if len(head) > 5 else "[anonymous]"
            elif head[0] == "Rss:":
                rss[name] = rss.get(name, 0) + int(head[1])
    biggest = sorted(rss.items(), key=lambda kv: -kv[1])[:top]
    return {os.path.basename(n): round(kb / 1024, 1) for n, kb in biggest}


command = [binary, "--db", library]
if "HEAPTRACK" in os.environ:
    command = ["heaptrack", "-o", os.environ["HEAPTRACK"]] + command
figures = {}
with open(messages, "w") as out:
    proc = subprocess.Popen(command, env=env, stdout=out, stderr=out)
try:
    pid = window_pid(proc)
    wait(listings)
    figures["all_listed_rss_mb"] = settled(pid)
    sdbench.focus_search(pid, 0.5)
    for r in range(rounds):
        listed_again(lambda: sdbench.key("ctrl+shift+u", "5", "1", "5", "a", "space"))  # 党
        figures.setdefault("key1_listed_rss_mb", []).append(settled(pid))
        listed_again(lambda: sdbench.key("ctrl+a", "BackSpace"))
        figures.setdefault("all_again_rss_mb", []).append(settled(pid))
        # a few stories opened from the list, its rows read as drawn
        sdbench.key("Tab")
        for _ in range(8):
            sdbench.key("Page_Down", "Down")
            time.sleep(0.15)
        figures.setdefault("stories_opened_rss_mb", []).append(settled(pid))
        sdbench.key("ctrl+f")
        time.sleep(0.2)
    figures["rss_mb"] = round(status(pid, "VmRSS"), 1)
    figures["peak_rss_mb"] = round(status(pid, "VmHWM"), 1)
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            m = re.match(r"(Rss|Anonymous|Shared_Clean|Private_Clean|Private_Dirty):\s+(\d+)",
                         line)
            if m:
                figures["smaps_" + m.group(1).lower() + "_mb"] = round(int(m.group(2)) / 1024, 1)
    figures["mapped_files_mb"] = mapped_files(pid)
finally:
    proc.terminate()
    proc.wait()
print(json.dumps(figures, ensure_ascii=False))
