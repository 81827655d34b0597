#!/usr/bin/python3
# Drives the real Storydesk window through AT-SPI (dogtail) under Xvfb:
# first run imports the bundled pages, the tree shows 苏州市 with stories,
# a story opens in the article view, and a tag and a note typed in the panel
# land in the SQLite library at once and are there after a restart.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

STORYDESK = os.environ["STORYDESK"]
T0 = time.monotonic()


def log(msg):
    print("[%6.2fs] %s" % (time.monotonic() - T0, msg), flush=True)


def fail(msg):
    log("FAIL: " + msg)
    sys.exit(1)


for var in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
    if not os.environ.get(var):
        fail("%s not set: run under xvfb-run + dbus-run-session" % var)

# A private runtime dir keeps this run's accessibility bus to itself.
runtime = tempfile.mkdtemp(prefix="sd-ui-runtime-")
data_home = tempfile.mkdtemp(prefix="sd-ui-data-")
atexit.register(shutil.rmtree, runtime, True)
atexit.register(shutil.rmtree, data_home, True)
os.environ["XDG_RUNTIME_DIR"] = runtime
subprocess.run(["dbus-update-activation-environment", "DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"],
               check=True)

from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchBackoffDuration = 0.2
config.searchCutoffCount = 75
config.defaultDelay = 0.1
config.actionDelay = 0.2
from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

sys.excepthook = sys.__excepthook__
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

library = os.path.join(data_home, "storydesk", "library.db")
app_env = dict(os.environ)
app_env.pop("NO_AT_BRIDGE", None)
app_env["XDG_DATA_HOME"] = data_home


def wait_until(fn, what, timeout=20.0, step=0.1):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = fn()
            if last:
                return last
        except Exception as e:  # objects come and go while the window maps
            last = e
        time.sleep(step)
    fail("timed out waiting for %s (last=%r)" % (what, last))


def start():
    proc = subprocess.Popen([STORYDESK], env=app_env)
    app = wait_until(lambda: tree.root.application("storydesk"), "storydesk on the AT-SPI bus")
    return proc, app


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def export():
    out = subprocess.run([STORYDESK, "export", "--db", library, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def row_cells(table, name):
    """The cells of the row whose first text cell is `name`."""
    cells = table.findChildren(GenericPredicate(roleName="table cell"))
    for i, cell in enumerate(cells):
        if cell.name == name:
            return cells[i:i + 2]
    return None


proc, app = start()
try:
    places = app.child(name="Places", roleName="tree table")
    cells = wait_until(lambda: (lambda c: c if c and c[1].name.isdigit() and int(c[1].name) > 0
                                else None)(row_cells(places, "苏州市")),
                       "苏州市 with a story count in the place tree", timeout=30)
    log("tree row: %s %s" % (cells[0].name, cells[1].name))
    suzhou_count = int(cells[1].name)

    cells[0].click()
    stories = app.child(name="Stories", roleName="table")
    first = wait_until(lambda: [c for c in stories.findChildren(
        GenericPredicate(roleName="table cell")) if c.name and "·" in c.name],
        "stories of 苏州市 in the list")
    log("list shows %d story cells" % len(first))
    if len(first) != suzhou_count:
        fail("list has %d stories, tree said %d" % (len(first), suzhou_count))
    first[0].click()
    headline = first[0].name.split("\n")[0]
    article = app.child(name="Article", roleName="text")
    wait_until(lambda: headline in article.text, "the headline %r in the article view" % headline)
    log("article opened: %r" % headline)

    entry = app.child(name="Add a tag", roleName="text")
    entry.text = "党建"
    entry.doActionNamed("activate")
    note = app.child(name="Note", roleName="text")
    note.text = "核实采访对象姓名"

    def stored():
        for story in export():
            if story["headline"] == headline or (story["headline"] is None and headline):
                if "党建" in story["tags"] and story["note"] == "核实采访对象姓名":
                    return story
        return None

    story = wait_until(stored, "the tag and the note in the library", timeout=10)
    log("stored in SQLite: story %d tags %r note %r" % (story["id"], story["tags"], story["note"]))
finally:
    stop(proc)

# Back again: the tag chip is shown for the same story.
proc, app = start()
try:
    places = app.child(name="Places", roleName="tree table")
    cells = wait_until(lambda: row_cells(places, "苏州市"), "苏州市 after restart")
    cells[0].click()
    stories = app.child(name="Stories", roleName="table")
    target = wait_until(lambda: [c for c in stories.findChildren(
        GenericPredicate(roleName="table cell")) if c.name and c.name.startswith(headline)],
        "the tagged story after restart")
    target[0].click()
    wait_until(lambda: app.child(name="Remove tag 党建", roleName="push button"),
               "the 党建 chip in the panel after restart")
    note = app.child(name="Note", roleName="text")
    wait_until(lambda: note.text == "核实采访对象姓名", "the note after restart")
    log("PASS")
finally:
    stop(proc)
