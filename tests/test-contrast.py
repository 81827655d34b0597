#!/usr/bin/python3
# The article's kicker and highlighted text must read in Adwaita and in
# Adwaita:dark: the window is shown in each theme, the story with a kicker
# and a highlight opened, the screen captured, and the WCAG contrast of the
# rendered glyphs against their background measured where AT-SPI says the
# text is.  WCAG AA asks 4.5:1 for body text.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile
import time

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")
MINIMUM = 4.5

work = tempfile.TemporaryDirectory(prefix="sd-contrast-")
os.environ["XDG_RUNTIME_DIR"] = work.name  # this run's accessibility bus only
subprocess.run(["dbus-update-activation-environment", "DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"],
               check=True)

import gi  # noqa: E402

gi.require_version("Gdk", "3.0")
from gi.repository import Gdk  # noqa: E402
from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.defaultDelay = 0.1
config.actionDelay = 0.2
from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

sys.excepthook = sys.__excepthook__


def storydesk(*args):
    return subprocess.run([STORYDESK] + list(args), check=True, capture_output=True,
                          text=True).stdout


# The seeds, one story with a kicker given a highlight, in a library of its own.
first = os.path.join(work.name, "seeds.db")
storydesk("import", "--db", first, SEEDS)
stories = json.loads(storydesk("export", "--db", first, "--format", "json"))
story = next(s for s in stories if s["subheadline"] and not s["subheadline"].startswith(("—", "-")))
story["highlights"] = [{"start": 10, "end": 40, "comment": "核实"}]
with open(os.path.join(work.name, "marked.json"), "w") as f:
    json.dump(stories, f, ensure_ascii=False)
library = os.path.join(work.name, "marked.db")
storydesk("import", "--db", library, os.path.join(work.name, "marked.json"))
highlighted = story["body"][10:40]


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def measure(pixbuf, box):
    """The background (the commonest colour in the box) and the glyphs'
    colour (the pixel that differs most from it), with their contrast."""
    x, y, w, h = box
    y, h = y + h // 4, h // 2  # the glyphs' middle, clear of the gap between lines
    data, stride, n = pixbuf.get_pixels(), pixbuf.get_rowstride(), pixbuf.get_n_channels()
    counts = {}
    for row in range(y, y + h):
        for col in range(x, x + w):
            p = row * stride + col * n
            rgb = tuple(data[p:p + 3])
            counts[rgb] = counts.get(rgb, 0) + 1
    background = max(counts, key=counts.get)
    ink = max(counts, key=lambda c: ratio(c, background))
    return background, ink, ratio(background, ink)


def wait_until(fn, what, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            found = fn()
            if found:
                return found
        except Exception:  # objects come and go while the window maps
            pass
        time.sleep(0.1)
    sys.exit("FAIL: timed out waiting for %s" % what)


failed = False
for theme in ("Adwaita", "Adwaita:dark"):
    env = dict(os.environ, GTK_THEME=theme, LC_ALL="C")
    env.pop("NO_AT_BRIDGE", None)
    proc = subprocess.Popen([STORYDESK, "--db", library], env=env)
    try:
        app = wait_until(lambda: tree.root.application("storydesk"), "storydesk on the bus")
        table = app.child(name="稿件", roleName="table")
        cell = wait_until(lambda: next(c for c in table.findChildren(
            GenericPredicate(roleName="table cell")) if c.name.startswith(story["headline"])),
            "the story in the list")
        cell.click()
        article = app.child(name="正文", roleName="text")
        wait_until(lambda: story["headline"] in article.text, "the story in the article")
        time.sleep(0.5)  # drawn
        text = article.queryText()
        boxes = {}
        for name, quote in (("kicker", story["subheadline"]), ("highlight", highlighted)):
            # Up to eight characters on the first line the text is set on.
            start = article.text.index(quote[:8])
            chars = [text.getCharacterExtents(start + i, 0) for i in range(8)]  # on screen
            line = [c for c in chars if c[1] == chars[0][1]]
            boxes[name] = (line[0][0], line[0][1], line[-1][0] + line[-1][2] - line[0][0],
                           line[0][3])
        root = Gdk.get_default_root_window()
        pixbuf = Gdk.pixbuf_get_from_window(root, 0, 0, root.get_width(), root.get_height())
        for name, box in boxes.items():
            background, ink, contrast = measure(pixbuf, box)
            print("%-12s %-9s text #%02x%02x%02x on #%02x%02x%02x: %.2f:1"
                  % (theme, name, *ink, *background, contrast), flush=True)
            failed |= contrast < MINIMUM
    finally:
        proc.terminate()
        proc.wait(timeout=10)
if failed:
    sys.exit("FAIL: a contrast below %.1f:1" % MINIMUM)
print("PASS")
