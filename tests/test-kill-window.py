#!/usr/bin/python3
# The window killed with SIGKILL while an editor works in it (#14, the kill
# test's window part).  Each round starts the real window on one library,
# opens a story and edits it as an editor does, one edit after another: a
# tag typed into the tag entry, text typed into the note, a review status
# chosen in the panel.  At a random moment the window is killed.  Then the
# library passes integrity_check and `storydesk check`, and every edit the
# window showed as done before the kill is in it: the tag's chip, the note
# as it stood when "Saved at" last changed, the status the box showed (the
# status is written in the box's own "changed" handler, so AT-SPI, answered
# from the same main loop, sees it only after the write).
#
# SD_KILL_SCALE=N runs N times as many rounds (the bounded suite: 6).
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sdwindow  # noqa: E402

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
ROUNDS = 6 * int(os.environ.get("SD_KILL_SCALE", "1"))
log, fail = sdwindow.log, sdwindow.fail


def story_state(db, story_id):
    conn = sqlite3.connect(db)
    try:
        note, status = conn.execute("SELECT note, status FROM stories WHERE id = ?",
                                    (story_id,)).fetchone()
        tags = {r[0] for r in conn.execute(
            "SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id "
            "WHERE st.story_id = ?", (story_id,))}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return note, status, tags, integrity


def story_id_of(db, headline):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id FROM stories WHERE headline = ?", (headline,)).fetchone()[0]
    finally:
        conn.close()


tmp = tempfile.TemporaryDirectory()
db = os.path.join(tmp.name, "library.db")
subprocess.run([STORYDESK, "import", "--db", db, SEEDS], check=True, stdout=subprocess.DEVNULL)
rng = random.Random(1414)
shown_total = {"tag": 0, "note": 0, "status": 0}
kills_mid_edit = 0

for round_ in range(ROUNDS):
    window = sdwindow.Window(db, tmp.name)
    killed_at = [None]
    try:
        # one of the rows on screen, of a story with a headline (one
        # without is listed by the start of its body, cut with "…")
        headline = window.open_story(lambda cells: rng.choice(
            [c for c in cells if c.name.split("\n")[0] and not c.name.split("\n")[0].endswith("…")
             and c.position[1] > 0][:10]))
    except Exception:
        window.stop()
        raise
    story = story_id_of(db, headline)
    note, status, tags, _ = story_state(db, story)
    shown = {"tags": set(), "note": note, "status": status}
    typed_note = note
    # the status being set when the kill came: it may be in the library,
    # written but not yet shown (as a note typed may be)
    asked_status = status

    def kill():
        killed_at[0] = time.monotonic()
        os.kill(window.proc.pid, signal.SIGKILL)

    delay = rng.uniform(1.5, 10.0)
    timer = threading.Timer(delay, kill)
    timer.start()
    step = 0
    try:
        while killed_at[0] is None:
            what = ("tag", "note", "status")[rng.randrange(3)]
            if what == "tag":
                tag = f"w{round_}-{step}"
                window.add_tag(tag)
                seen = time.monotonic()
                if killed_at[0] is None or seen < killed_at[0]:
                    shown["tags"].add(tag)
            elif what == "note":
                # what was typed counts whether or not the kill came before
                # the window said it was saved
                text = f" n{round_}-{step}"
                typed_note += text
                saved_note = window.type_note(text)
                seen = time.monotonic()
                if killed_at[0] is None or seen < killed_at[0]:
                    shown["note"] = saved_note
                    shown_total["note"] += 1
            else:
                wanted = rng.choice([s for s in sdwindow.STATUS_LABELS if s != shown["status"]])
                asked_status = wanted
                window.set_status(wanted)
                seen = time.monotonic()
                if killed_at[0] is None or seen < killed_at[0]:
                    shown["status"] = wanted
                    shown_total["status"] += 1
            step += 1
    except Exception as e:
        if killed_at[0] is None:
            timer.cancel()
            window.stop()
            fail(f"round {round_}: {e}\n{window.messages()}")
        kills_mid_edit += 1
    timer.join()
    window.proc.wait()
    if window.proc.returncode != -signal.SIGKILL:
        fail(f"round {round_}: the window ended with {window.proc.returncode}, not by the kill")

    note, status, tags, integrity = story_state(db, story)
    check = subprocess.run([STORYDESK, "check", "--db", db], capture_output=True, text=True)
    if integrity != "ok" or check.returncode != 0:
        fail(f"round {round_}: integrity {integrity!r}; check: {check.stdout}{check.stderr}")
    missing = shown["tags"] - tags
    if missing:
        fail(f"round {round_}: tags shown as added but lost: {missing}")
    # The note may hold what was typed after the last "Saved at" too.
    if not note.startswith(shown["note"]) or not typed_note.startswith(note):
        fail(f"round {round_}: note {note!r}; shown saved {shown['note']!r}, typed {typed_note!r}")
    if status not in (shown["status"], asked_status):
        fail(f"round {round_}: status {status!r}, the window showed {shown['status']!r} "
             f"(and was setting {asked_status!r})")
    shown_total["tag"] += len(shown["tags"])
    log(f"round {round_}: killed after {delay:.1f} s, {step} edits done; "
        f"{len(shown['tags'])} tags, note {shown['note'][-12:]!r}, status {shown['status']} "
        f"all in the library")
    messages = window.messages()
    if "synchronous read" in messages:
        fail("the window read the store synchronously on its main thread:\n" + messages)

log(f"{ROUNDS} kills of the window ({kills_mid_edit} in the middle of an edit), "
    f"{shown_total['tag']} tags, {shown_total['note']} note saves and {shown_total['status']} "
    f"statuses shown, all kept; integrity ok each time")
tmp.cleanup()
log("PASS")
