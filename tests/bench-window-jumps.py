#!/usr/bin/python3
# bench-window-jumps.py — the keys that reach past the story list's rows,
# pressed in the real window with the editor's story far down 全部稿件
# (#16: the main loop never stalls over 50 ms).  Run under Xvfb:
#
#   GSETTINGS_SCHEMA_DIR=build/data xvfb-run -a -s '-screen 0 1280x800x24' \
#     /usr/bin/python3 tests/bench-window-jumps.py build/src/storydesk LIBRARY OUT.json \
#     [ROUNDS] [ROW]
#
# Each round opens a window of its own on LIBRARY with story ROW (90,000 by
# default) of 全部稿件 the one last read (GSettings' keyfile: last-node,
# last-story), waits until the window is idle, clicks that story's row to
# give the list the focus, and presses one of KEYS with xdotool: Home,
# Ctrl+Home, End, Ctrl+A (select all), Page Up 40 times 30 ms apart (a key
# held), or drags the list's scroll bar to its top (a press on its trough,
# the pointer taken above it).  Timed from the press to the
# main thread going idle (its time on a CPU, from /proc's schedstat, grew
# less than 3 ms over 400 ms; the frame probe's tick is some 4 ms a
# second of it): the main thread's
# ms on a CPU over that span (what the window spent, whatever the load)
# and the wall time to the last of it; and from STORYDESK_FRAME_LOG the
# main loop's stalls over 50 ms in the span (sd-frame-probe.c), the
# longest with its ms on a CPU; a press that keeps the window busy past
# ACTION_TIMEOUT is recorded as not settled, with what it cost until then.  No AT-SPI (NO_AT_BRIDGE=1) unless
# STORYDESK_BENCH_A11Y=1 is set (run then under dbus-run-session too: the
# accessible's signals are part of what a landing costs an editor using a
# screen reader).  Writes each press's record and, per key, the median.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sdbench  # noqa: E402

# xdotool's arguments for each, given where the list's scroll bar is
KEYS = {
    "home": lambda bar_x, top: ["key", "Home"],
    "ctrl_home": lambda bar_x, top: ["key", "ctrl+Home"],
    "end": lambda bar_x, top: ["key", "End"],
    "select_all": lambda bar_x, top: ["key", "ctrl+a"],
    "page_up_held": lambda bar_x, top: ["key", "--delay", "30"] + ["Page_Up"] * 40,
    # pressed on the scroll bar's trough (GTK moves the slider there),
    # dragged above its top and let go
    "drag_top": lambda bar_x, top: ["mousemove", str(bar_x), str(top + 150), "sleep", "0.3",
                                    "mousedown", "1", "mousemove", str(bar_x), str(top + 100),
                                    "sleep", "0.1", "mousemove", str(bar_x), str(top + 20),
                                    "sleep", "0.2", "mouseup", "1"],
}

binary, library, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 1
row = int(sys.argv[5]) if len(sys.argv) > 5 else 90000
a11y = os.environ.get("STORYDESK_BENCH_A11Y") == "1"


def story_uuid(position):
    """The uuid of 全部稿件's story at @position (page order, as listed)."""
    db = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        return db.execute("SELECT s.uuid FROM stories s JOIN pages p ON p.id = s.page_id "
                          "WHERE s.trashed IS NULL AND NOT p.partial "
                          "ORDER BY s.page_id, s.ordinal LIMIT 1 OFFSET ?",
                          (position,)).fetchone()[0]
    finally:
        db.close()


def schedstat(pid):
    """The ms the window's main thread has run on a CPU and waited for one."""
    with open(f"/proc/{pid}/task/{pid}/schedstat") as f:
        run, wait = f.read().split()[:2]
    return int(run) / 1e6, int(wait) / 1e6


def wait_idle(pid, quiet=0.4, timeout=60.0, give_up=False):
    """Samples the main thread until it has been idle @quiet seconds (on a
    CPU under 3 ms: the frame probe's tick costs some 4 ms a second);
    returns the samples (monotonic time, ms on a CPU, ms waiting); after
    @timeout, with @give_up those so far, else the run ends."""
    samples = [(time.monotonic(), *schedstat(pid))]
    start = samples[0][0]
    while time.monotonic() - start < timeout:
        time.sleep(0.002)
        samples.append((time.monotonic(), *schedstat(pid)))
        now = samples[-1]
        old = next((s for s in reversed(samples) if now[0] - s[0] >= quiet), None)
        if old is not None and now[1] - old[1] < 3.0:
            return samples
    if give_up:
        return samples
    raise SystemExit("the window never went idle")


def stalls(frame_log, since, until):
    """The main loop's stalls over 50 ms that began in [since, until]:
    (ms, ms on a CPU)."""
    found = []
    with open(frame_log) as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "stall" and since <= int(parts[1]) / 1e6 <= until:
                found.append((float(parts[2]), float(parts[3])))
    return found


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def press(name, uuid):
    home = tempfile.mkdtemp(prefix="sd-bench-jumps-")
    frame_log = os.path.join(home, "frames.log")
    settings = os.path.join(home, "config", "glib-2.0", "settings")
    os.makedirs(settings)
    with open(os.path.join(settings, "keyfile"), "w") as f:
        f.write("[io/github/storydesk/Storydesk]\n"
                f"last-node='scope:0'\nlast-story='{uuid}'\nwindow-maximized=true\n")
    env = dict(os.environ, STORYDESK_FRAME_LOG=frame_log, XDG_DATA_HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, "config"), LC_ALL="C", GTK_OVERLAY_SCROLLING="0",
               GSETTINGS_BACKEND="keyfile")
    if not a11y:
        env["NO_AT_BRIDGE"] = "1"
    proc = subprocess.Popen([binary, "--db", library], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        window = sdbench.wait(lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
            capture_output=True, text=True).stdout.split(), "the window", 120.0)[0]
        time.sleep(2.0)
        wait_idle(proc.pid, quiet=0.5, timeout=120.0)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        # the editor's story is scrolled to 30 % down the list (restore,
        # sd_story_list_select_story): a click there gives the list the focus
        geometry = dict(line.split("=") for line in subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", window], capture_output=True,
            text=True).stdout.split())
        x = int(geometry["X"]) + int(int(geometry["WIDTH"]) * LIST_X)
        y = int(geometry["Y"]) + int(int(geometry["HEIGHT"]) * 0.35)
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        wait_idle(proc.pid, quiet=0.5)
        started = time.monotonic()
        cpu0, wait0 = schedstat(proc.pid)
        bar_x = int(geometry["X"]) + int(int(geometry["WIDTH"]) * BAR_X)
        subprocess.run(["xdotool", *KEYS[name](bar_x, int(geometry["Y"]) + 50)], check=True)
        samples = wait_idle(proc.pid, timeout=ACTION_TIMEOUT, give_up=True)
        settled = samples[-1][0] - started < ACTION_TIMEOUT
        cpu1 = samples[-1][1]
        end = next(s[0] for s in samples if s[1] >= cpu1 - 1.0)
        found = stalls(frame_log, started, end)
        worst = max(found, default=(0.0, 0.0))
        return {"key": name, "cpu_ms": round(cpu1 - cpu0, 1),
                "wait_ms": round(samples[-1][2] - wait0, 1),
                "wall_ms": round((end - started) * 1000, 1), "settled": settled,
                "stalls": len(found),
                "longest_stall_ms": worst[0], "longest_stall_cpu_ms": worst[1]}
    finally:
        proc.terminate()
        proc.wait()
        subprocess.run(["rm", "-rf", home])


# where the story list is across the window (the tree to its left, the
# article to its right; sd-window.ui's default widths)
LIST_X = float(os.environ.get("STORYDESK_BENCH_LIST_X", "0.32"))
# how long a press may keep the window busy (a drag that takes 89,000 rows
# a slice at a time: it is recorded as not settled, with its CPU so far)
ACTION_TIMEOUT = 30.0
BAR_X = float(os.environ.get("STORYDESK_BENCH_BAR_X", "0.4403"))

uuid = story_uuid(row)
records, loads = [], [load()]
for _ in range(rounds):
    for name in KEYS:
        records.append(press(name, uuid))
        print(json.dumps(records[-1]), flush=True)
    loads.append(load())
summary = {}
for name in KEYS:
    mine = [r for r in records if r["key"] == name]
    summary[name] = {field: statistics.median(r[field] for r in mine)
                     for field in ("cpu_ms", "wall_ms", "longest_stall_ms")}
with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"row": row, "a11y": a11y, "records": records, "median": summary, "load": loads},
              f, indent=1)
for name, m in summary.items():
    print(f"{name:13} main thread on a CPU {m['cpu_ms']:8.1f} ms  wall {m['wall_ms']:8.1f} ms"
          f"  longest stall {m['longest_stall_ms']:7.1f} ms")
print("load", loads)
