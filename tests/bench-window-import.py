#!/usr/bin/python3
# bench-window-import.py — pages imported in the real window while 全部稿件
# lists a large library, against `storydesk import` of the same files
# (#16 item 3: the main loop never stalls more than 50 ms while importing).
# Run under Xvfb and a session bus (the import is handed to the running
# window as the file manager hands it: a second `storydesk PATH`):
#
#   GSETTINGS_SCHEMA_DIR=build/data xvfb-run -a -s '-screen 0 1280x800x24' \
#     dbus-run-session -- /usr/bin/python3 tests/bench-window-import.py \
#     BINARY LIBRARY PAGES [ROUNDS] [BINARY2]
#
# LIBRARY is copied for every import (it must be at the schema BINARY
# writes, or every copy is migrated first); PAGES is a folder of page files
# the library does not hold yet.  Each round opens the window on a copy,
# waits for its list, has it import PAGES, and reads from STORYDESK_FRAME_LOG
# (src/ui/sd-frame-probe.c) the import's start and end and every main-loop
# stall over 50 ms meanwhile and for 3 s after, with the time the main thread
# spent on a CPU in it and waiting for one (a machine loaded by others
# stalls the window too: stalls_cpu_over_50_ms counts the window's own); then times `BINARY import` of PAGES into
# another copy.  With BINARY2 (another build), the rounds alternate between
# the two.  SD_BENCH_NICES=0,5,10 runs the window's rounds with each nice
# value for the import thread in turns (STORYDESK_IMPORT_NICE, a build that
# reads it), each beside a CLI round.  Prints the figures as JSON, with the
# load average, and the ms the import's thread stepped aside for a late main
# loop (stepped_aside_ms: its dry run's, then the import's; src/core/importing/
# sd-import-pacer.c), and each thread's time on a CPU over the import
# (cpu_s: by thread name; the import's own thread ends with it, and GIO's pool
# lets idle workers go: those are what the process's total has besides).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import sdbench

binary, library, pages = sys.argv[1], sys.argv[2], sys.argv[3]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 1
binaries = [binary] + sys.argv[5:6]
if "DBUS_SESSION_BUS_ADDRESS" not in os.environ:
    raise SystemExit("run under dbus-run-session (see the top of this file)")


def wait(fn, what, timeout=600.0):
    return sdbench.wait(fn, f"{what} ({library})", timeout)


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def copy_library(dest):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    for suffix in ("", "-wal"):
        if os.path.exists(library + suffix):
            shutil.copyfile(library + suffix, dest + suffix)


def thread_cpu(pid):
    """Seconds on a CPU of each thread of process @pid, by thread name
    (threads of one name added: the pool's workers), and of the whole
    process, ended threads included ("process")."""
    tick = os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    cpu = {"process": (int(fields[11]) + int(fields[12])) / tick}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except FileNotFoundError:
            continue  # a thread that ended meanwhile (the import's, at its end)
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        name = "main" if tid == str(pid) else name
        cpu[name] = cpu.get(name, 0) + (int(fields[11]) + int(fields[12])) / tick
    return cpu


def window_round(binary, nice):
    """Opens the window on a copy of the library, imports @pages there."""
    home = tempfile.mkdtemp(prefix="sd-bench-import-")
    frame_log = os.path.join(home, "frames.log")
    messages = os.path.join(home, "messages")
    copy_library(os.path.join(home, "storydesk", "library.db"))
    # the library at the default place: a second start hands it the files
    env = dict(os.environ, STORYDESK_FRAME_LOG=frame_log, NO_AT_BRIDGE="1", XDG_DATA_HOME=home,
               XDG_CONFIG_HOME=home, LC_ALL="C", GSETTINGS_BACKEND="memory",
               G_MESSAGES_DEBUG="sd-story-list-model sd-importer")
    if nice is not None:
        env["STORYDESK_IMPORT_NICE"] = nice

    def probe(kind):
        if not os.path.exists(frame_log):
            return []
        with open(frame_log) as f:
            return [line.split() for line in f if line.startswith(kind + " ")]

    def listed():
        """(stories, ms, ids kept: '' from a build before the change log) of each list read"""
        with open(messages, encoding="utf-8", errors="replace") as f:
            return re.findall(r"listed (\d+) stories in (\d+) ms(?:, (\d+) kept)?", f.read())

    with open(messages, "w") as out:
        proc = subprocess.Popen([binary], env=env, stdout=out, stderr=out)
    try:
        n_listed = int(wait(listed, "the list")[0][0])
        time.sleep(2.0)  # the library's check and the tree's counts, left after the list
        load_before = load()
        n_lists = len(listed())
        cpu_before = thread_cpu(proc.pid)
        # SD_BENCH_PERF=FILE: the main thread's profile meanwhile, for perf report
        perf = subprocess.Popen(["perf", "record", "--call-graph", "dwarf,16384", "-F", "400", "-k", "CLOCK_MONOTONIC", "-q", "-t", str(proc.pid), "-o",
                                 os.environ["SD_BENCH_PERF"]]) if "SD_BENCH_PERF" in os.environ \
            else None
        t0 = time.monotonic()
        subprocess.run([binary, pages], env=env, check=True, timeout=60)
        marks = wait(lambda: [m for m in probe("mark") if m[2] == "import-done"], "the import")
        started = [int(m[1]) for m in probe("mark") if m[2] == "import-started"][0]
        done = int(marks[0][1])
        # each thread's CPU over the import (the import's own thread is
        # gone by now, and GIO's pool lets idle workers go, the store's list
        # reads among them: they are what the process's total has besides)
        cpu_after = thread_cpu(proc.pid)
        cpu = {name: round(s - cpu_before.get(name, 0), 2) for name, s in cpu_after.items()
               if s - cpu_before.get(name, 0) >= 0.05}
        cpu["ended (the import's, the pool's)"] = round(
            cpu.get("process", 0) - sum(s for name, s in cpu.items() if name != "process"), 2)
        time.sleep(3.0)  # what the import's end sets off: the list and the tree again
        if perf is not None:
            perf.send_signal(2)
            perf.wait()
        # (ms, ms on a CPU, ms waiting for one) of each stall from the import's start on
        # (-1 from a build whose probe did not say)
        stalls = sorted(((float(w[2]), float((w + ["-1"] * 2)[3]), float((w + ["-1"] * 2)[4]))
                         for w in probe("stall") if int(w[1]) >= started - 60000), reverse=True)
        during = [ms for ms, cpu, waited in stalls]
        # the time the import's thread stepped aside for a late main loop
        # (sd-import-pacer.c; none from a build before it)
        with open(messages, encoding="utf-8", errors="replace") as f:
            aside = [int(ms) for ms in re.findall(r"(\d+) ms stepped aside", f.read())]
        with open(f"/proc/{proc.pid}/status") as f:
            rss = [int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:")][0]
        return {"binary": binary, "nice": nice, "listed_before": n_listed,
                "import_s": round((done - started) / 1e6, 2),
                "import_from_request_s": round(done / 1e6 - t0, 2),
                "stepped_aside_ms": aside,
                "cpu_s": cpu,
                "stalls_over_50_ms": len(during), "longest_stalls_ms": during[:10],
                "stall_total_s": round(sum(during) / 1000, 2),
                # a stall the window's own work makes: over 50 ms on a CPU
                "stalls_cpu_over_50_ms": sum(1 for ms, cpu, waited in stalls if cpu > 50),
                "longest_stalls_cpu_wait_ms": [[cpu, waited] for ms, cpu, waited in stalls[:10]],
                "lists_read": len(listed()) - n_lists,
                # each list read's time to land, and those the store read whole
                "lists_ms": [int(ms) for n, ms, kept in listed()[n_lists:]],
                "lists_read_whole": sum(1 for n, ms, kept in listed()[n_lists:] if kept in ("", "0")),
                "peak_rss_mb": round(rss), "load": [load_before, load()]}
    finally:
        proc.terminate()
        proc.wait()
        if "SD_BENCH_KEEP" in os.environ:  # the window's messages and the frame log, to read
            for name in (messages, frame_log):
                shutil.copyfile(name, os.environ["SD_BENCH_KEEP"] + "." + os.path.basename(name))
        shutil.rmtree(home, ignore_errors=True)


def cli_round(binary):
    home = tempfile.mkdtemp(prefix="sd-bench-import-cli-")
    db = os.path.join(home, "library.db")
    copy_library(db)
    try:
        load_before = load()
        t0 = time.monotonic()
        subprocess.run([binary, "import", "--db", db, pages], check=True,
                       stdout=subprocess.DEVNULL, env=dict(os.environ, LC_ALL="C"))
        return {"binary": binary, "import_s": round(time.monotonic() - t0, 2),
                "load": [load_before, load()]}
    finally:
        shutil.rmtree(home, ignore_errors=True)


nices = [n for n in os.environ.get("SD_BENCH_NICES", "").split(",") if n] or [None]
results = []
for r in range(rounds):
    for b, nice in [(b, n) for b in binaries for n in nices]:
        window = window_round(b, nice)
        cli = cli_round(b)
        window["cli_import_s"] = cli["import_s"]
        window["cli_load"] = cli["load"]
        window["window_over_cli"] = round(window["import_s"] / cli["import_s"], 2)
        print(json.dumps(window), flush=True)
        results.append(window)
print(json.dumps({"pages": len(os.listdir(pages)), "rounds": results}))
