#!/usr/bin/python3
# The window at 1024×600 and at 1366×768 (#15): a story selected, no
# showing widget extends past the window (nor the window past the screen),
# read through AT-SPI extents.  What scrolls is checked up to its scrolled
# window, which must be inside the window itself; the cells of the lists
# are the lists' to clip.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), with the
# screen as large as the biggest size; see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sdwindow  # noqa: E402
from sdwindow import STORYDESK, fail, log, wait_until  # noqa: E402

# Roles whose children scroll (or are cells) and are clipped by them.
CLIPS = {"scroll pane", "viewport", "table", "tree table", "tree", "list"}

work = tempfile.mkdtemp(prefix="sd-ui-sizes-")
library = os.path.join(work, "library.db")
subprocess.run([STORYDESK, "import", "--db", library,
                os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")], check=True,
               capture_output=True)
os.environ["GSETTINGS_BACKEND"] = "keyfile"


def extents(node):
    (x, y), (w, h) = node.position, node.size
    return x, y, w, h


def overflows(node, box, path, found):
    """The showing descendants of @node that leave @box (x0, y0, x1, y1)."""
    for child in node.children:
        try:
            if not child.showing:
                continue
            x, y, w, h = extents(child)
        except Exception:
            continue
        name = "%s/%s %r" % (path, child.roleName, child.name[:24])
        if w > 0 and h > 0 and (x < box[0] or y < box[1] or x + w > box[2] or y + h > box[3]):
            found.append("%s at %d,%d %d×%d" % (name, x, y, w, h))
        if child.roleName not in CLIPS:
            overflows(child, box, name, found)
    return found


def check(width, height):
    config = os.path.join(work, "config-%dx%d" % (width, height))
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/storydesk/Storydesk]\nwindow-width=%d\nwindow-height=%d\n"
                % (width, height))
    os.environ["XDG_CONFIG_HOME"] = config
    window = sdwindow.Window(library, os.path.join(work, "data"))
    try:
        # the longest story, so the panel and the article hold the most
        headline = window.open_story(lambda cells: cells[0])
        main = wait_until(lambda: next(w for w in window.app.children if w.roleName == "frame"),
                          "the main window")
        # The X window (with GTK's drawn frame) made exactly the size, as a
        # desktop of that size would: what it holds must fit or scroll.
        wid = wait_until(lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(window.proc.pid)],
            capture_output=True, text=True).stdout.split(), "the window's id")[-1]
        subprocess.run(["xdotool", "windowsize", "--sync", wid, str(width), str(height)],
                       check=True)
        geometry = lambda: subprocess.run(["xdotool", "getwindowgeometry", wid],  # noqa: E731
                                          capture_output=True, text=True).stdout
        wait_until(lambda: "%dx%d" % (width, height) in geometry(), "the window at %d×%d"
                   % (width, height), timeout=5)
        time.sleep(1)  # GTK lays the window out again
        if "%dx%d" % (width, height) not in geometry():
            fail("at %d×%d the window made itself %s: its content needs more"
                 % (width, height, geometry().split("Geometry: ")[-1].strip()))
        x, y, w, h = extents(main)
        found = overflows(main, (x, y, x + w, y + h), "", [])
        if found:
            shot = os.path.join(tempfile.gettempdir(), "sd-ui-sizes-%dx%d.png" % (width, height))
            subprocess.run(["import", "-window", "root", shot])
            fail("at %d×%d (%s) these extend past the window %d,%d %d×%d:\n  %s"
                 % (width, height, shot, x, y, w, h, "\n  ".join(found[:30])))
        log("%d×%d: the window is %d×%d with %r shown; no widget extends past it"
            % (width, height, w, h, headline))
    finally:
        window.stop()
    text = window.messages()
    if re.search(r"sd-[a-z-]+-(CRITICAL|WARNING)", text):
        sys.stdout.write(text)
        fail("storydesk reported a problem")


for size in ((1024, 600), (1366, 768)):
    check(*size)
shutil.rmtree(work, True)
log("PASS")
