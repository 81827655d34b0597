#!/usr/bin/python3
# The newsroom's dimensions in the real window, under Xvfb + AT-SPI (#15):
# the 日期 node of the place tree (year → month → day, with counts) lists
# only its day's stories, as a date: query does.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sdwindow  # noqa: E402
from sdwindow import GenericPredicate, STORYDESK, fail, find, log, wait_until  # noqa: E402

PAGES = os.path.join(HERE, "pages")
work = tempfile.mkdtemp(prefix="sd-ui-newsroom-")
library = os.path.join(work, "library.db")


def cli(*args):
    return subprocess.run([STORYDESK] + [args[0], "--db", library] + list(args[1:]), check=True,
                          capture_output=True, text=True).stdout


def stored():
    return json.loads(cli("export", "--format", "json"))


def tree_cells(app):
    places = app.child(name="地区", roleName="tree table")
    return places.findChildren(GenericPredicate(roleName="table cell"))


def tree_cell(app, name):
    return next((c for c in tree_cells(app) if c.name == name), None)


def listed(app):
    return [c.name for c in sdwindow.story_cells(app)]


def expand(app, name):
    cell = wait_until(lambda: tree_cell(app, name), "%s in the tree" % name)
    cell.doActionNamed("expand or contract")
    return cell


# Three dated pages, two in November, and the seeds, which have no date.
dated = os.path.join(work, "dated")
os.makedirs(dated)
for source, name in (("u02.txt", "苏州日报_20221103_A05.txt"),
                     ("u03.txt", "苏州日报_20221101_A02.txt"),
                     ("u04.txt", "扬子晚报_20221215_A03.txt")):
    shutil.copy(os.path.join(PAGES, source), os.path.join(dated, name))
cli("import", dated)
cli("import", os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds"))
stories = stored()

window = sdwindow.Window(library, os.path.join(work, "data"))
app = window.app
try:
    # 1. 日期 → 2022 → 2022-11 → 2022-11-01: only that day's stories.
    want = [s for s in stories if s["date"] == "2022-11-01"]
    november = [s for s in stories if (s["date"] or "").startswith("2022-11")]
    wait_until(lambda: tree_cell(app, "日期"), "日期 in the tree")
    year = wait_until(lambda: tree_cell(app, "2022年"), "2022年 under 日期")
    counts = {c.name: c for c in tree_cells(app)}
    expand(app, "2022年")
    month = wait_until(lambda: tree_cell(app, "11月"), "11月 under 2022年")
    expand(app, "11月")
    day = wait_until(lambda: next((c for c in tree_cells(app) if c.name.startswith("1日")), None),
                     "1日 under 11月")
    cells = tree_cells(app)

    def count_of(cell):
        return int(cells[cells.index(cell) + 1].name)

    if count_of(year) != len(stories) - sum(1 for s in stories if not s["date"]) \
            or count_of(month) != len(november) or count_of(day) != len(want):
        fail("the 日期 counts are %d, %d, %d; the library holds %d, %d, %d"
             % (count_of(year), count_of(month), count_of(day),
                sum(1 for s in stories if s["date"]), len(november), len(want)))
    day.click()
    wait_until(lambda: len(listed(app)) == len(want),
               "only 2022-11-01's %d stories listed" % len(want))
    if any("2022-11-01" not in h for h in listed(app)):
        fail("a listed story is not of 2022-11-01: %r" % listed(app))
    log("日期 → 2022年 (%d) → 11月 (%d) → %s (%d): only that day's stories listed"
        % (count_of(year), count_of(month), day.name, len(want)))
    month.click()
    wait_until(lambda: len(listed(app)) == len(november), "November's %d stories" % len(november))
    log("11月 lists the month's %d stories" % len(november))
finally:
    window.stop()

text = window.messages()
sys.stdout.write(text)
if "synchronous read" in text or re.search(r"sd-[a-z-]+-(CRITICAL|WARNING)", text):
    fail("storydesk reported a problem")
shutil.rmtree(work, True)
log("PASS")
