#!/usr/bin/python3
# bench-window-start.py — the cold start, from the process's start to the
# first rows of the node restored (全部稿件 by default) landed in the list
# and painted, with what the process spent on a CPU until then (#16): on a
# machine shared with others the wall time swings with the load, the CPU
# time is what the window's own work costs.  Builds are taken in turns,
# each round every build once, so that they meet the same load.  Run under
# Xvfb:
#
#   GSETTINGS_SCHEMA_DIR=build/data xvfb-run -a -s '-screen 0 1280x800x24' \
#     /usr/bin/python3 tests/bench-window-start.py LIBRARY ROUNDS BINARY [BINARY...]
#
# A build to compare with must live under its own build directory (the
# window finds its data beside its binary).  Landed is the window's debug
# message for the list's first rows; painted, and the CPU times (every
# thread's user and system time, and the main thread's) come from the
# frame probe's "rows" line (STORYDESK_FRAME_LOG, src/ui/sd-frame-probe.c),
# which a build before 2026-12-07's session 13 does not write: for those,
# the process's CPU time when the message was seen (/proc/PID/stat, in
# 10 ms ticks).  Prints a line per start and, per build, the medians, as
# JSON.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import sdbench

library, rounds, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
LANDED = re.compile(r"DEBUG: (\d+):(\d+):(\d+\.\d+): (?:first|listed) \d+ (?:rows|stories) in")


def process_cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def start(binary):
    home = tempfile.mkdtemp(prefix="sd-bench-start-")
    messages, frame_log = os.path.join(home, "messages"), os.path.join(home, "frames.log")
    env = dict(os.environ, STORYDESK_FRAME_LOG=frame_log, NO_AT_BRIDGE="1", XDG_DATA_HOME=home,
               LC_ALL="C", GSETTINGS_BACKEND="memory", G_MESSAGES_DEBUG="sd-story-list-model")
    load = os.getloadavg()[0]
    with open(messages, "w") as out:
        wall0, mono0 = time.time(), time.monotonic()
        proc = subprocess.Popen([binary, "--db", library], env=env, stdout=out, stderr=out)
    try:
        def landed():
            with open(messages, encoding="utf-8", errors="replace") as f:
                return LANDED.search(f.read())
        found = sdbench.wait(landed, f"the first rows of {binary}", 60, 0.005)
        cpu_seen = process_cpu_ms(proc.pid)
        hours, minutes, seconds = int(found[1]), int(found[2]), float(found[3])
        midnight = time.mktime(time.localtime(wall0)[:3] + (0, 0, 0, 0, 0, -1))
        figures = {"build": binary, "load": round(load, 1),
                   "landed_ms": round((midnight + hours * 3600 + minutes * 60 + seconds - wall0)
                                      * 1000),
                   "cpu_when_seen_ms": round(cpu_seen)}

        def rows():
            if os.path.exists(frame_log):
                with open(frame_log) as f:
                    return [line.split() for line in f if line.startswith("rows ")]
        try:
            words = sdbench.wait(rows, "the probe's rows line", 3, 0.01)[0]
            figures.update(painted_ms=round(int(words[2]) / 1000 - mono0 * 1000),
                           cpu_ms=float(words[5]), main_cpu_ms=float(words[3]),
                           main_wait_ms=float(words[4]))
        except SystemExit:
            pass  # a build whose probe does not say it
        return figures
    finally:
        proc.terminate()
        proc.wait()


runs = {binary: [] for binary in binaries}
for _ in range(rounds):
    for binary in binaries:
        figures = start(binary)
        runs[binary].append(figures)
        print(json.dumps(figures), flush=True)
        time.sleep(0.5)
medians = {binary: {key: statistics.median(f[key] for f in found)
                    for key in found[0] if key not in ("build",)}
           for binary, found in runs.items()}
print(json.dumps({"medians": medians}))
