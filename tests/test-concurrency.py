#!/usr/bin/python3
# Everyone at once on one library (#14, the concurrency test): the real
# window open on a story, two command-line writers (tag, note, status on
# random stories of their own), an exporter, and, a few seconds in, the
# import of a generated 50 MB page, for SD_CONCURRENCY_SECONDS (60).
# Meanwhile the window adds tags, and an editor types a note while another
# process sets the same note: the window shows the conflict and keeps both.
# Afterwards: no "database is locked" or busy error anywhere (commands and
# the window), every acknowledged write there, the big page whole,
# integrity_check ok.
#
# The import of one 50 MB page holds the write lock for longer than the
# busy timeout until #14 item 12 (short transactions per page, writers
# retrying with backoff) is merged.  Until then the lock errors, and only
# they, make this test skip (exit 77) with the count; set ITEM_12_MERGED.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pagegen  # noqa: E402
import sdwindow  # noqa: E402

ITEM_12_MERGED = False
STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
SECONDS = float(os.environ.get("SD_CONCURRENCY_SECONDS", "60"))
BIG_PAGE = int(os.environ.get("SD_CONCURRENCY_PAGE_MB", "50")) << 20
STATUSES = ["new", "reviewed", "needs-work", "rejected"]
log = sdwindow.log
problems = []   # what must never happen
locked = []     # "database is locked" / busy, waiting for item 12


def run(args):
    proc = subprocess.run([STORYDESK, *args], capture_output=True, text=True)
    text = proc.stdout + proc.stderr
    if "locked" in text or "busy" in text:
        locked.append(f"{args[0]}: {proc.stderr.strip()}")
    elif proc.returncode != 0:
        problems.append(f"{args}: exit {proc.returncode}: {proc.stderr.strip()}")
    return proc


tmp = tempfile.TemporaryDirectory()
db = os.path.join(tmp.name, "library.db")
pages = os.path.join(tmp.name, "pages")
pagegen.write_pages(pages, 6, 100, seed=7)
subprocess.run([STORYDESK, "import", "--db", db, SEEDS, pages], check=True,
               stdout=subprocess.DEVNULL)
big = os.path.join(tmp.name, "big", "big.txt")
os.makedirs(os.path.dirname(big))
size = pagegen.write_big_page(big, BIG_PAGE)
conn = sqlite3.connect(db)
n_stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
conn.close()
log(f"library of {n_stories} stories; a page of {size / 1e6:.1f} MB to import")

window = sdwindow.Window(db, tmp.name)
headline = window.open_story(lambda cells: [c for c in cells if c.position[1] > 0][0])
conn = sqlite3.connect(db)
window_story = conn.execute("SELECT id FROM stories WHERE headline = ?", (headline,)).fetchone()[0]
conn.close()
log(f"the window shows story {window_story}")

stop = threading.Event()
acked = {"tags": set(), "note": {}, "status": {}}
counts = {"writes": 0, "exports": 0}
lock = threading.Lock()


def writer(name, stories):
    rng = random.Random(name)
    i = 0
    while not stop.is_set():
        story = rng.choice(stories)
        what = rng.randrange(3)
        if what == 0:
            args = ["tag", "--db", db, "--story", str(story), "--add", f"{name}{i}"]
        elif what == 1:
            value = f"{name} note {i}"
            args = ["note", "--db", db, "--story", str(story), "--set", value]
        else:
            value = STATUSES[i % 4]
            args = ["status", "--db", db, "--story", str(story), "--set", value]
        if run(args).returncode == 0:
            with lock:
                counts["writes"] += 1
                if what == 0:
                    acked["tags"].add((story, f"{name}{i}"))
                else:
                    acked["note" if what == 1 else "status"][story] = value
        i += 1


def exporter():
    i = 0
    while not stop.is_set():
        out = os.path.join(tmp.name, f"export{i % 2}.json")
        if run(["export", "--db", db, "--format", "json", "-o", out]).returncode == 0:
            try:
                json.load(open(out, encoding="utf-8"))
                counts["exports"] += 1
            except ValueError as e:
                problems.append(f"export {i}: not JSON: {e}")
        i += 1


import_result = {}


def importer():
    time.sleep(3)
    start = time.monotonic()
    proc = run(["import", "--db", db, big])
    import_result.update(status=proc.returncode, seconds=time.monotonic() - start,
                         out=proc.stdout.strip())


others = [s for s in range(1, n_stories + 1) if s != window_story]
threads = [threading.Thread(target=writer, args=("a", others[0::2])),
           threading.Thread(target=writer, args=("b", others[1::2])),
           threading.Thread(target=exporter)]
big_import = threading.Thread(target=importer)
for t in threads + [big_import]:
    t.start()

window_tags = set()
window_timeouts = []
race_done = False
try:
    end = time.monotonic() + SECONDS
    k = 0
    while time.monotonic() < end:
        tag = f"win{k}"
        k += 1
        try:
            window.add_tag(tag)
            window_tags.add(tag)
        except sdwindow.Timeout as e:
            window_timeouts.append(str(e))
            subprocess.run(["xdotool", "key", "Escape"], check=True)
        if not race_done and time.monotonic() > end - SECONDS / 2:
            try:
                # The note race, in the thick of it: the editor types, another
                # process sets the note, the editor types on.
                conn = sqlite3.connect(db)
                before = conn.execute("SELECT note FROM stories WHERE id = ?",
                                      (window_story,)).fetchone()[0]
                conn.close()
                mine = window.type_note(" mine")
                window.click(window.note_widget())
                subprocess.run(["xdotool", "key", "ctrl+End", "type", "--delay", "30", " mi"],
                               check=True)
                run(["note", "--db", db, "--story", str(window_story), "--set", "他人的批注"])
                subprocess.run(["xdotool", "type", "--delay", "30", "ne"], check=True)
                keep_both = sdwindow.wait_until(lambda: (lambda b: b if b and b.showing else None)(
                    sdwindow.find(window.app, "两者都保留(B)", "push button")),
                    "the note conflict shown", timeout=15)
                time.sleep(1.0)  # past the typing pause: nothing may be written meanwhile
                conn = sqlite3.connect(db)
                racing = conn.execute("SELECT note FROM stories WHERE id = ?",
                                      (window_story,)).fetchone()[0]
                conn.close()
                if racing != "他人的批注":
                    problems.append(f"the other writer's note was overwritten or glued: {racing!r}")
                keep_both.doActionNamed("click")
                both = "他人的批注\n" + mine + " mine"
                sdwindow.wait_until(lambda: sqlite3.connect(db).execute(
                    "SELECT note FROM stories WHERE id = ?", (window_story,)).fetchone()[0] == both,
                    "both notes kept", timeout=15)
                log(f"note race: conflict shown, both kept (was {before!r})")
                race_done = True
            except sdwindow.Timeout as e:
                window_timeouts.append(str(e))
                race_done = True
finally:
    stop.set()
    for t in threads:
        t.join()
    big_import.join()
    window.stop()

log(f"{counts['writes']} acknowledged writes, {counts['exports']} exports, "
    f"{len(window_tags)} tags from the window; the big page: {import_result}")
messages = window.messages()
for line in messages.splitlines():
    if "locked" in line or "busy" in line:
        locked.append("window: " + line)
if not race_done:
    window_timeouts.append("the note race never ran")
if window_timeouts:
    # a write the window could not make says why in its messages
    (locked if any("locked" in x for x in locked if x.startswith("window:")) else problems).append(
        f"{len(window_timeouts)} edits in the window never showed as done: {window_timeouts[0]}")
if "synchronous read" in messages or "CRITICAL" in messages:
    problems.append("the window's messages:\n" + messages)

conn = sqlite3.connect(db)
if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    problems.append("integrity_check failed")
tags = set(conn.execute("SELECT st.story_id, t.name FROM story_tags st "
                        "JOIN tags t ON t.id = st.tag_id"))
lost = acked["tags"] - tags
lost |= {(window_story, t) for t in window_tags} - tags
if lost:
    problems.append(f"{len(lost)} acknowledged tags lost: {sorted(lost)[:5]}")
for column in ("note", "status"):
    for story, value in acked[column].items():
        stored = conn.execute(f"SELECT {column} FROM stories WHERE id = ?", (story,)).fetchone()[0]
        if stored != value:
            problems.append(f"story {story}: {column} {stored!r}, last acknowledged {value!r}")
if import_result.get("status") == 0:
    n_big = conn.execute("SELECT count(*) FROM stories s JOIN pages p ON p.id = s.page_id "
                         "WHERE p.file = 'big.txt'").fetchone()[0]
    if f": {n_big} stories" not in import_result["out"]:
        problems.append(f"the big page: {n_big} stories stored, import said {import_result}")
conn.close()

if problems:
    for p in problems:
        log("FAIL: " + p)
    sys.exit(1)
if locked:
    log(f"{len(locked)} lock errors, e.g. {locked[0]!r}")
    if ITEM_12_MERGED:
        log("FAIL: a command or the window met a locked database")
        sys.exit(1)
    log("SKIP: only the lock errors of #14 item 12 (a long import) remain; all else passed")
    sys.exit(77)
log("PASS: no lock error, no lost write")
tmp.cleanup()
