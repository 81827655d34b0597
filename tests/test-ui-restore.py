#!/usr/bin/python3
# The story the editor was on is shown again at the next start wherever it
# stands in the list (#15, kept by #16's lazy list): a library of 200-odd
# stories, the last one of them remembered in the settings; the window
# opens on 全部稿件 with it shown, though the list reads its rows 100 at a
# time from the top.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import sqlite3
import subprocess
import tempfile

import sdwindow
from sdwindow import fail, log, wait_until

ROOT = os.environ.get("SD_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

work = tempfile.TemporaryDirectory(prefix="sd-ui-restore-")
library = os.path.join(work.name, "library.db")
pages = sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "*.txt")))
subprocess.run([sdwindow.STORYDESK, "import", "--db", library, os.path.join(ROOT, "seeds")]
               + pages, check=True, capture_output=True)
conn = sqlite3.connect(library)
n = conn.execute("SELECT count(*) FROM stories WHERE trashed IS NULL").fetchone()[0]
# the last story of the last page: the end of the list in page order
uuid, headline = conn.execute(
    "SELECT s.uuid, s.headline FROM stories s JOIN pages p ON p.id = s.page_id "
    "WHERE s.trashed IS NULL AND s.headline <> '' "
    "ORDER BY p.id DESC, s.source_start DESC LIMIT 1").fetchone()
conn.close()
if n <= 150:
    fail(f"only {n} stories: the remembered one would be among the first rows read")

config = os.path.join(work.name, "config")
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write(f"[io/github/storydesk/Storydesk]\nlast-story='{uuid}'\n")
os.environ.update(XDG_CONFIG_HOME=config, GSETTINGS_BACKEND="keyfile")

window = sdwindow.Window(library, os.path.join(work.name, "data"))
try:
    wait_until(lambda: (lambda a: a is not None and headline in a.text)(
        sdwindow.find_outside_lists(window.app, "正文", "text")),
        f"{headline!r}, the last of {n} stories, shown again", timeout=60)
    log(f"{headline!r}, the last of {n} stories, shown at start")
finally:
    window.stop()
if "CRITICAL" in window.messages() or "synchronous read" in window.messages():
    fail("the window's messages:\n" + window.messages())
log("ok")
