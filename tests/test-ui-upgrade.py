#!/usr/bin/python3
# A library this version's schema changes, opened in the real window (#16):
# the upgrade window is drawn at once (what is happening, once, how many
# stories, the library's path, a pulsing bar) while the migration runs in a
# worker, and the library's window takes its place, its searches answered
# by the new index; quitting during the update stops it and leaves the
# library at its old schema, whole, and the command line then says in one
# line what it does; a migration that fails is named with the path and
# the reason, with Close.  A library whose upgrade only changes settings
# (at the first schema after the last step that rewrites, asked of
# make-old-library) opens in its own window with no upgrade window and no
# copy in backups/, and the command line says nothing of it.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sdwindow  # noqa: E402
from sdwindow import fail, log, wait_until  # noqa: E402
from sdpgconnect import library_window_shown, showing, windows_kept  # noqa: E402

MAKE_OLD_LIBRARY = os.environ["SD_MAKE_OLD_LIBRARY"]
# Enough stories that the upgrade takes seconds here (about 4 s).
N_STORIES = 100000
UPDATING = "正在为此版本的 Storydesk 更新稿库——只需一次"
UPGRADE_TITLE = "Storydesk — 正在更新稿库"
CLOSING_NOTE = "关闭即停止更新，稿库保持原样。"
CANNOT_OPEN = "无法打开稿库"
# the schema this build writes, and the first after the last step that
# rewrites (src/core/store/sd-store-schema.c)
LATEST, SETTINGS_ONLY = (int(n) for n in subprocess.run(
    [MAKE_OLD_LIBRARY, "--schemas"], check=True, capture_output=True, text=True).stdout.split())


def schema(path):
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def integrity(path):
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def settings_only_copy(source, dest):
    """A copy of the library at @source (schema 13) brought to the first
    schema after the last step that rewrites, whose upgrade is settings or
    indexes alone, through the migrations as those versions ran them."""
    if SETTINGS_ONLY < 13:
        fail(f"the library made is at schema 13, past {SETTINGS_ONLY}")
    shutil.copy(source, dest)
    subprocess.run([MAKE_OLD_LIBRARY, "--to", dest, str(SETTINGS_ONLY)], check=True, timeout=300)
    if schema(dest) != SETTINGS_ONLY:
        fail(f"the library to open is at schema {schema(dest)}, not {SETTINGS_ONLY}")


def mapped(window, name=None):
    """The X windows of @window's process on the screen (named @name)."""
    args = ["--name", name] if name else []
    return subprocess.run(["xdotool", "search", "--all", "--onlyvisible", "--pid",
                           str(window.proc.pid), *args],
                          capture_output=True, text=True).stdout.split()


def cli_search(library, query):
    env = dict(os.environ, LANGUAGE="en")
    return subprocess.run([sdwindow.STORYDESK, "search", "--db", library, query], env=env,
                          check=True, capture_output=True, text=True, timeout=300)


def upgrade_window_shown(window, library, n):
    """The upgrade window, all it says; its title label."""
    title = wait_until(lambda: showing(window, "label", "^" + re.escape(UPDATING) + "$"),
                       "the upgrade window's title", timeout=30)
    for pattern, what in ((f"^{n} 篇稿件$", "the story count"),
                          ("^" + re.escape(library) + "$", "the library's path"),
                          ("^" + re.escape(CLOSING_NOTE) + "$", "what closing does")):
        if showing(window, "label", pattern) is None:
            fail(f"the upgrade window does not show {what}")
    if showing(window, "progress bar", "") is None:
        fail("the upgrade window has no progress bar")
    return title


def main():
    work = tempfile.TemporaryDirectory(prefix="sd-ui-upgrade-")
    old = os.path.join(work.name, "old.db")
    start = time.monotonic()
    subprocess.run([MAKE_OLD_LIBRARY, old, str(N_STORIES)], check=True, timeout=300)
    if schema(old) != 13:
        fail("the library to upgrade is not at schema 13")
    log(f"a library of {N_STORIES} stories at schema 13 in {time.monotonic() - start:.1f} s")
    windows = []
    with windows_kept(windows):
        # 1. the upgrade window at once, then the library's window in its place
        a_db = os.path.join(work.name, "a.db")
        shutil.copy(old, a_db)
        start = time.monotonic()
        a = sdwindow.Window(a_db, os.path.join(work.name, "a"))
        windows.append(a)
        upgrade_window_shown(a, a_db, N_STORIES)
        wait_until(lambda: mapped(a, UPGRADE_TITLE), "the upgrade window drawn")
        shown_at = time.monotonic() - start
        if library_window_shown(a):
            fail("the library's window came before the upgrade was done")
        wait_until(lambda: library_window_shown(a), "the library's window after the upgrade",
                   timeout=180)
        done_at = time.monotonic() - start
        # (by its X window: AT-SPI walks the library's window slowly)
        wait_until(lambda: not mapped(a, UPGRADE_TITLE), "the upgrade window gone")
        log(f"upgrade window drawn {shown_at:.1f} s after the start, the library's window "
            f"{done_at:.1f} s")
        if schema(a_db) != LATEST:
            fail(f"the library is at schema {schema(a_db)} after the upgrade")
        # searches answer from the new index, as the command line's do
        for query in ("第77777号", "常熟市党建会议新举措"):
            expected = len(cli_search(a_db, query).stdout.splitlines())
            search = a.app.child(name="检索稿件", roleName="text")
            search.text = query
            wait_until(lambda: a.app.child(name=f"{expected} 篇稿件", roleName="label",
                                           retry=False),
                       f"{expected} stories found for {query}", timeout=60)
            log(f"search {query}: {expected} stories, as the command line finds")
        if expected < 2:
            fail(f"the search found too few stories to tell anything ({expected})")
        a.stop()

        # 2. quit during the update: stopped, rolled back, the library as it was
        b_db = os.path.join(work.name, "b.db")
        shutil.copy(old, b_db)
        b = sdwindow.Window(b_db, os.path.join(work.name, "b"))
        windows.append(b)
        upgrade_window_shown(b, b_db, N_STORIES)
        wal = b_db + "-wal"
        wait_until(lambda: os.path.exists(wal) and os.path.getsize(wal) > (1 << 20),
                   "the migration writing", timeout=60)
        b.activate("quit", path="/io/github/storydesk/Storydesk")
        try:
            status = b.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            fail("Storydesk did not quit during the upgrade")
        if status != 0:
            fail(f"Storydesk quit with status {status} during the upgrade")
        if schema(b_db) != 13 or integrity(b_db) != "ok":
            fail(f"quitting left the library at schema {schema(b_db)}, {integrity(b_db)}")
        log("quit during the upgrade: the library at schema 13, whole")
        # the command line says in one line what it does, then does it
        run = cli_search(b_db, "第77777号")
        said = f"Updating {b_db} for this version ({N_STORIES} stories, once)…\n"
        if run.stderr != said:
            fail(f"the command line said {run.stderr!r}, not {said!r}")
        if schema(b_db) != LATEST:
            fail("the command line did not upgrade the library")
        log(f"the command line said: {said.strip()}")

        # 3. a migration that fails: the path and the reason, with Close
        c_db = os.path.join(work.name, "c.db")
        subprocess.run([MAKE_OLD_LIBRARY, c_db, "500"], check=True, timeout=120)
        with sqlite3.connect(c_db) as db:
            db.execute("CREATE TABLE story_fts_headline (x)")
        c = sdwindow.Window(c_db, os.path.join(work.name, "c"))
        windows.append(c)
        wait_until(lambda: showing(c, "label", "^" + re.escape(CANNOT_OPEN) + "$"),
                   "the failure said", timeout=60)
        reason = wait_until(lambda: showing(c, "label", re.escape(c_db) + ".*already exists"),
                            "the path and the reason")
        log(f"a failed upgrade: {reason.name!r}")
        close = wait_until(lambda: showing(c, "push button", "^关闭"), "Close")
        c.click(close)
        try:
            c.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            fail("Close did not close Storydesk")
        if schema(c_db) != 13 or integrity(c_db) != "ok":
            fail("a failed upgrade changed the library")

        # 4. an upgrade of settings alone (the first schema after the last
        # step that rewrites, the 100,000 stories of 1.): the library's own
        # window, no upgrade window, no copy made
        d_folder = os.path.join(work.name, "d")
        os.mkdir(d_folder)
        d_db = os.path.join(d_folder, "d.db")
        e_db = os.path.join(d_folder, "e.db")
        settings_only_copy(old, d_db)
        shutil.copy(d_db, e_db)
        log(f"a library at schema {SETTINGS_ONLY}, to be brought to {LATEST}")
        d = sdwindow.Window(d_db, os.path.join(work.name, "d-home"))
        windows.append(d)
        upgrading = []

        def library_shown():
            if mapped(d, UPGRADE_TITLE):
                upgrading.append(True)
            return library_window_shown(d)
        wait_until(library_shown, "the library's window", timeout=60)
        if upgrading:
            fail("an upgrade of settings alone showed the upgrade window")
        if schema(d_db) != LATEST:
            fail(f"the library is at schema {schema(d_db)} in its window")
        if os.path.exists(os.path.join(d_folder, "backups")):
            fail("an upgrade of settings alone made a copy in backups/")
        d.stop()
        log("an upgrade of settings alone: the library's window, no upgrade window, no copy")
        run = cli_search(e_db, "第77777号")
        if run.stderr != "" or schema(e_db) != LATEST:
            fail(f"the command line said {run.stderr!r} and left schema {schema(e_db)}")
        if os.path.exists(os.path.join(d_folder, "backups")):
            fail("the command line's upgrade of settings alone made a copy in backups/")
    log("ok")
    return 0


sys.exit(main())
