#!/usr/bin/python3
# A damaged library opened in the real window (#14 item 10): the window
# shows, its check after the first rows finds the damage (#16), says so and
# offers to save what can still be read; the
# editor accepts the name the chooser suggests beside it; the new library
# holds the stories that could be read and the window opens on it; the
# damaged file is left exactly as it was.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import random
import sqlite3
import subprocess
import tempfile

import sdwindow
from sdwindow import fail, log, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(os.environ.get("SD_SOURCE_ROOT", os.path.join(HERE, "..")), "seeds")

work = tempfile.TemporaryDirectory(prefix="sd-ui-recover-")
library = os.path.join(work.name, "library.db")
subprocess.run([sdwindow.STORYDESK, "import", "--db", library, SEEDS], check=True,
               capture_output=True)
conn = sqlite3.connect(library)
stored = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
conn.close()

# Damage in the middle of the file, where the stories' pages are; the same
# bytes every run.
size = os.path.getsize(library)
with open(library, "r+b") as f:
    f.seek(size // 2)
    f.write(random.Random(14).randbytes(8192))
check = subprocess.run([sdwindow.STORYDESK, "check", "--db", library], capture_output=True)
if check.returncode != 2:
    fail(f"the damage was not found by storydesk check (exit {check.returncode})")
damaged_md5 = hashlib.md5(open(library, "rb").read()).hexdigest()
log(f"a library of {stored} stories, damaged in the middle")

window = sdwindow.Window(library, os.path.join(work.name, "data"))
try:
    app = window.app
    # the whole file's check runs after the window shows (#16): the list is
    # there first, and the damage the check finds then reaches the editor
    wait_until(lambda: sdwindow.find(app, "稿件", "table"),
               "the window's list before the check")
    button = wait_until(lambda: sdwindow.find(app, "保存仍能读取的内容(S)…", "push button"),
                        "the offer to save what can be read")
    if sdwindow.find(app, "稿库已损坏：不再向其写入任何内容", "label") is None:
        fail("the offer came without saying the library is damaged")
    button.doActionNamed("click")
    chooser = wait_until(lambda: sdwindow.find(app, None, "file chooser"), "the file chooser")
    name = wait_until(lambda: [t.text for t in chooser.findChildren(
        sdwindow.GenericPredicate(roleName="text")) if t.text.endswith(".db")],
        "the suggested name")[0]
    if name != "library-recovered.db":
        fail(f"the chooser suggests {name!r}, not a name beside the library")
    chooser.child(name="保存(S)", roleName="push button").doActionNamed("click")
    wait_until(lambda: sdwindow.find(app, "能读取的内容已保存到新稿库", "label"),
               "the report of what was saved", timeout=60)
    recovered = os.path.join(work.name, "library-recovered.db")
    conn = sqlite3.connect(recovered)
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("the new library is not sound")
    saved = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    conn.close()
    if not 0 < saved <= stored:
        fail(f"{saved} stories saved of {stored}")
    headline = window.open_story(lambda cells: cells[0])
    log(f"{saved} of {stored} stories saved; the window shows {headline!r} from the new library")
    if hashlib.md5(open(library, "rb").read()).hexdigest() != damaged_md5:
        fail("the damaged library was changed")
finally:
    window.stop()
messages = window.messages()
if "CRITICAL" in messages:
    fail("the window's messages:\n" + messages)
log("ok")
