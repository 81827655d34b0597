#!/usr/bin/python3
# bench-window-keys.py — every keystroke of 20 searches typed in the real
# window, each from the key to its first rows landed in the list, as a p95
# (#16: keystroke → first rows p95 ≤ 60 ms at 100,000 stories), without
# AT-SPI (which on a list of 100,000 rows costs more than what is timed).
# Run by storydesk-bench --window under xvfb-run, beside the store's own time
# for the same queries (the floor, sd-bench-window.c); also by hand:
#
#   GSETTINGS_SCHEMA_DIR=build/data xvfb-run -a -s '-screen 0 1280x800x24' \
#     /usr/bin/python3 tests/bench-window-keys.py build/src/storydesk LIBRARY OUT.json
#
# Each query (1 to 3 characters, QUERIES below) is typed into an empty search
# box a character at a time, twice: a first round where every query is new
# to the window ("fresh": SQLite's and the worker's caches have not seen it),
# then the same again ("cached").  A key's time runs from the character
# committed (GTK's Ctrl+Shift+U input, its space pressed: type_text ()) to
# the window's debug message that its first rows landed ("first N rows" or
# "listed N stories", GLib's time of day to the millisecond), and the
# message's own figure is the model's part of it (the read asked to the
# rows landed, on the main loop's clock).  The next key waits until the
# key's whole list is read (or 2 s), as an editor reading the rows would.
# Each key's record also has the main thread's time on a CPU over the same
# span (cpu_ms, from /proc's schedstat: on a machine shared with other
# work, what the window itself spent), and the first key of each query (from
# the whole library's list to a search) is summed up apart from the others.
# Writes JSON: each key's record (query so far, round, ms, model's ms, CPU
# ms), the p50/p95/max of each round, of all keys, of the first keys and of
# the later keys, and the load average.  Each search's clear (Ctrl+A,
# BackSpace: 全部稿件 again) is recorded too: the main thread's CPU from the
# keys to 0.1 s after the whole list landed, and the wall time to it.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sdbench  # noqa: E402

# 20 queries: 5 of one character, 8 of two, 7 of three (the benchmark's
# search classes, storydesk-bench.c, and a few more words of its archive)
QUERIES = ["党", "镇", "吴", "稻", "水",
           "党建", "吴江", "乡村", "消防", "政协", "统战", "文明", "社区",
           "新就业", "志愿者", "党支部", "高质量", "吴江区", "苏州市", "服务业"]
LANDED = r"(?:first (\d+) rows|listed (\d+) stories) in (\d+) ms"

binary, library, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
home = tempfile.mkdtemp(prefix="sd-bench-keys-")
messages = os.path.join(home, "messages")
env = dict(os.environ, NO_AT_BRIDGE="1", XDG_DATA_HOME=home, LC_ALL="C",
           GSETTINGS_BACKEND="memory", G_MESSAGES_DEBUG="sd-story-list-model",
           GTK_IM_MODULE="gtk-im-context-simple")


def landed():
    """(wall-clock time, kind, model's ms) of each list landing logged so far."""
    with open(messages, encoding="utf-8", errors="replace") as f:
        found = re.findall(r"DEBUG: (\d+):(\d+):(\d+\.\d+): " + LANDED, f.read())
    midnight = time.mktime(time.localtime()[:3] + (0, 0, 0, 0, 0, -1))
    return [(midnight + int(h) * 3600 + int(m) * 60 + float(s), "first" if first else "listed",
             int(ms)) for h, m, s, first, listed, ms in found]


def wait_landed(n_before, whole, timeout=30.0):
    """The first landing after the first @n_before; with @whole, waits
    for the whole list too (up to 2 s more)."""
    found = sdbench.wait(lambda: landed()[n_before:], f"a list in {library}", timeout, 0.005)
    if whole and found[0][1] == "first":
        try:
            sdbench.wait(lambda: [x for x in landed()[n_before:] if x[1] == "listed"], "", 2.0,
                         0.01)
        except SystemExit:
            pass
    return found[0]


def percentiles(values):
    """p50, p95 and max by nearest rank, as storydesk-bench computes them."""
    if not values:
        return {}
    ranked = sorted(values)

    def rank(q):
        return ranked[min(len(ranked), max(1, math.ceil(q * len(ranked)))) - 1]
    return {"n": len(ranked), "p50": rank(0.5), "p95": rank(0.95), "max": ranked[-1]}


def cpu_ms(pid):
    """The ms the window's main thread has run on a CPU so far."""
    with open(f"/proc/{pid}/task/{pid}/schedstat") as f:
        return int(f.read().split()[0]) / 1e6


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


with open(messages, "w") as out:
    proc = subprocess.Popen([binary, "--db", library], env=env, stdout=out, stderr=out)
keys = []
clears = []  # each search cleared: 全部稿件 again, the editor's story kept
loads = [load()]
try:
    sdbench.wait(landed, f"the window on {library}", 300.0)
    sdbench.focus_search(proc.pid, 1.0)
    time.sleep(1.0)  # the library's check and the tree, left after the list
    for round_name in ("fresh", "cached"):
        for query in QUERIES:
            for i, c in enumerate(query):
                n = len(landed())
                cpu_before = cpu_ms(proc.pid)
                committed = sdbench.type_text(c, 12)
                at, kind, model_ms = wait_landed(n, False)
                cpu = cpu_ms(proc.pid) - cpu_before
                wait_landed(n, True)
                keys.append({"query": query[:i + 1], "round": round_name,
                             "ms": round((at - committed) * 1000, 1), "model_ms": model_ms,
                             "cpu_ms": round(cpu, 1)})
            n = len(landed())
            cpu_before = cpu_ms(proc.pid)
            started = time.time()
            sdbench.key("ctrl+a", "BackSpace")
            at, kind, model_ms = wait_landed(n, True)
            time.sleep(0.1)  # the frame after it
            clears.append({"query": query, "round": round_name,
                           "ms": round((at - started) * 1000, 1), "model_ms": model_ms,
                           "cpu_ms": round(cpu_ms(proc.pid) - cpu_before, 1)})
        loads.append(load())
finally:
    proc.terminate()
    proc.wait()

figures = {"queries": QUERIES, "keys": keys, "clears": clears, "load": loads}
kinds = {"fresh": lambda k: k["round"] == "fresh", "cached": lambda k: k["round"] == "cached",
         "all": lambda k: True, "first": lambda k: len(k["query"]) == 1,
         "later": lambda k: len(k["query"]) > 1}
for name, chosen in kinds.items():
    for field, suffix in (("ms", "ms"), ("model_ms", "model_ms"), ("cpu_ms", "cpu_ms")):
        figures[f"key_{name}_{suffix}"] = percentiles([k[field] for k in keys if chosen(k)])
for field in ("ms", "cpu_ms"):
    figures[f"clear_{field}"] = percentiles([c[field] for c in clears])
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(figures, f, ensure_ascii=False, indent=1)
for name in kinds:
    p, m, c = (figures[f"key_{name}_{x}"] for x in ("ms", "model_ms", "cpu_ms"))
    print(f"keys {name:7} n={p['n']:3} p50 {p['p50']:6.1f}  p95 {p['p95']:6.1f}  max {p['max']:6.1f} ms"
          f"  (model p50 {m['p50']} p95 {m['p95']}; main thread on a CPU p50 {c['p50']} "
          f"p95 {c['p95']} ms)")
c, w = figures["clear_cpu_ms"], figures["clear_ms"]
print(f"clears  n={c['n']:3} main thread on a CPU p50 {c['p50']:6.1f}  p95 {c['p95']:6.1f} ms"
      f"  (wall to the list landed, the keys' press included: p50 {w['p50']} p95 {w['p95']} ms)")
