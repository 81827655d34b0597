#!/usr/bin/python3
# The newsroom's dimensions in the real window, under Xvfb + AT-SPI (#15):
# the 日期 node of the place tree (year → month → day, with counts) lists
# only its day's stories, as a date: query does; an undated folder's import
# asks paper and date (checked, remembered for the folder), and Edit Page
# Details… changes a page afterwards; the headers' context menu chooses the
# columns shown; the rows' menu gives several stories a status, a tag and
# a place, each in one undo step; a query that cannot be read is said in a
# popover at the entry and leaves the list as it was.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import json
import os
import re
import shutil
import sqlite3
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
# Settings in a file, to read what the window keeps.
os.environ["GSETTINGS_BACKEND"] = "keyfile"
os.environ["XDG_CONFIG_HOME"] = os.path.join(work, "config")
KEYFILE = os.path.join(work, "config", "glib-2.0", "settings", "keyfile")


def kept(line):
    return os.path.exists(KEYFILE) and line in open(KEYFILE).read()


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
# A coloured tag, for the rows' 标签 menu (the CLI sets no colours).
cli("tag", "--story", str(stories[0]["id"]), "--add", "要闻")
with contextlib.closing(sqlite3.connect(library)) as db, db:
    db.execute("UPDATE tags SET color = '#c01c28' WHERE name = '要闻'")

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

    # 2. An undated folder: the import asks paper and date, refuses a day
    # that is not one, stores what was given, offers it again for the
    # folder; Edit Page Details… changes the page afterwards.
    undated = os.path.join(work, "undated")
    os.makedirs(undated)
    shutil.copy(os.path.join(PAGES, "v02.txt"), undated)

    def details_dialog():
        return next((w for w in app.children if w.name == "版面的报名和日期"), None)

    def from_file(name):
        return [s for s in stored() if s["source"]["file"] == name]

    window.activate("import-recent", undated)
    dialog = wait_until(details_dialog, "the question of paper and date")
    dialog.child(name="报名", roleName="text").text = "测试日报"
    dialog.child(name="日期", roleName="text").text = "2022-13-45"
    dialog.child(name="导入(I)", roleName="push button").doActionNamed("click")
    wait_until(lambda: any("2022-13-45" in l.name for l in dialog.findChildren(
        GenericPredicate(roleName="label"))), "the date refused in the dialog")
    if from_file("v02.txt"):
        fail("a page was imported with a date that is not one")
    dialog.child(name="日期", roleName="text").text = "2022年11月5日"
    dialog.child(name="导入(I)", roleName="push button").doActionNamed("click")
    got = wait_until(lambda: from_file("v02.txt"), "v02.txt imported")
    if {(s["paper"], s["date"]) for s in got} != {("测试日报", "2022-11-05")}:
        fail("v02.txt's stories were stored with %r" % {(s["paper"], s["date"]) for s in got})
    log("an undated folder: asked, 2022-13-45 refused in the dialog, %d stories of 测试日报 "
        "2022-11-05 imported" % len(got))
    shutil.copy(os.path.join(PAGES, "w02.txt"), undated)
    window.activate("import-recent", os.path.join(undated, "w02.txt"))
    dialog = wait_until(details_dialog, "the question again for the folder's next file")
    offered = (dialog.child(name="报名", roleName="text").text,
               dialog.child(name="日期", roleName="text").text)
    if offered != ("测试日报", "2022-11-05"):
        fail("the folder's paper and date were not offered again: %r" % (offered,))
    dialog.child(name="不填，直接导入(W)", roleName="push button").doActionNamed("click")
    got = wait_until(lambda: from_file("w02.txt"), "w02.txt imported")
    if {(s["paper"], s["date"]) for s in got} != {(None, None)}:
        fail("imported without, w02.txt has %r" % {(s["paper"], s["date"]) for s in got})
    log("the folder's next file: 测试日报 2022-11-05 offered again; imported without them")

    # Edit Page Details…: w02.txt's page gets a paper, a date and a page.
    tree_cell(app, "全部稿件").click()
    search = app.child(name="检索稿件", roleName="text")
    search.text = "source:w02"
    rows = wait_until(lambda: (lambda r: len(r) == len(got) and r)(sdwindow.story_cells(app)),
                      "w02.txt's stories listed")
    rows[0].click()
    article = app.child(name="正文", roleName="text")
    wait_until(lambda: rows[0].name.split("\n")[0] in article.text, "the story shown")
    window.activate("edit-page-details")
    dialog = wait_until(lambda: next((w for w in app.children if w.name == "版面信息"), None),
                        "the page details dialog")
    dialog.child(name="报名", roleName="text").text = "扬子晚报"
    dialog.child(name="日期", roleName="text").text = "20221106"
    dialog.child(name="版次", roleName="text").text = "b2"
    dialog.child(name="保存(S)", roleName="push button").doActionNamed("click")
    wait_until(lambda: {(s["paper"], s["date"], s["page"]) for s in from_file("w02.txt")}
               == {("扬子晚报", "2022-11-06", "B02")}, "w02.txt's page edited")
    # (the meta line joins each part's characters with word joiners)
    wait_until(lambda: "扬子晚报 2022-11-06 B02版" in re.sub("[\u2060\u200b]", "", article.text),
               "the article header following (%r)" % article.text[:80])
    wait_until(lambda: all("扬子晚报 2022-11-06 B02版" in c.name for c in sdwindow.story_cells(app)),
               "the rows following")
    log("Edit Page Details…: every story of w02.txt is 扬子晚报 2022-11-06 B02, the header and "
        "the rows say so")

    # 3. The headers' context menu chooses the columns: 版次 on, 日期 off,
    # kept in GSettings.
    def header(name):
        return next((h for h in app.child(name="稿件", roleName="table").findChildren(
            GenericPredicate(roleName="table column header")) if h.name == name), None)

    def showing(widget):
        return widget is not None and widget.showing

    def choose_column(item):
        story = header("稿件")
        (x, y), (w, h) = story.position, story.size
        subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "3"],
                       check=True)
        wait_until(lambda: next(i for i in app.findChildren(GenericPredicate(
            roleName="check menu item")) if i.name == item and i.showing),
            "%s in the headers' menu" % item).doActionNamed("click")

    if not (showing(header("日期")) and not showing(header("版次"))):
        fail("the default columns are not 状态, 稿件 and 日期")
    choose_column("版次(G)")
    wait_until(lambda: kept("list-column-page=true"), "list-column-page kept")
    wait_until(lambda: showing(header("版次")), "the 版次 column shown")
    choose_column("日期(D)")
    wait_until(lambda: not showing(header("日期")), "the 日期 column hidden")
    wait_until(lambda: kept("list-column-date=false"), "list-column-date kept")
    log("the headers' menu: 版次 shown, 日期 hidden, both kept in GSettings")

    # 4. The rows' menu on three selected stories: 状态 → 已审, 标签 → 要闻,
    # 移至地区… → 南京市, each one undo step for the three.
    search.text = "date:2022-11-03"
    day = [s["id"] for s in stories if s["date"] == "2022-11-03"]
    rows = wait_until(lambda: (lambda r: len(r) == len(day) and r)(sdwindow.story_cells(app)),
                      "2022-11-03's stories listed")
    window.click(rows[0])
    (x, y), (w, h) = rows[2].position, rows[2].size
    subprocess.run(["xdotool", "keydown", "shift", "mousemove", str(x + w // 2), str(y + h // 2),
                    "click", "1", "keyup", "shift", "sleep", "0.3"], check=True)
    chosen = [h.name.split("\n")[0] for h in rows[:3]]

    def picked():
        return [s for s in stored() if s["headline"] in chosen and s["date"] == "2022-11-03"]

    def menu(*path):
        (x, y), (w, h) = rows[1].position, rows[1].size
        subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "3"],
                       check=True)
        for name in path:
            # (menus are windows of their own: not the main window's cells)
            item = wait_until(lambda: next(i for w in app.children if w.roleName == "window"
                                           for i in w.findChildren(GenericPredicate(name=name))
                                           if i.showing and "menu" in i.roleName),
                              "%s in the rows' menu" % name)
            if item.roleName == "menu":
                window.click(item)
            else:
                item.doActionNamed("click")

    if len(picked()) != 3:
        fail("three stories are not selected: %r" % chosen)
    menu("状态(S)", "已审")
    wait_until(lambda: all(s["status"] == "reviewed" for s in picked()), "the three reviewed")
    menu("标签(T)", "要闻")
    wait_until(lambda: all("要闻" in s["tags"] for s in picked()), "要闻 on the three")
    menu("移至地区(M)…")
    chooser = wait_until(lambda: next(e for e in app.findChildren(GenericPredicate(
        name="搜索地区", roleName="text")) if e.showing), "the place chooser")
    window.click(chooser)
    subprocess.run(["xdotool", "type", "--delay", "30", "南京市"], check=True)
    subprocess.run(["xdotool", "sleep", "0.5", "key", "Return"], check=True)
    wait_until(lambda: all(s["place_code"] == "3201" for s in picked()), "the three in 南京市")
    log("the rows' menu on 3 stories: 已审, 要闻 and 南京市 for all three")
    for undone in ("place", "tag", "status"):
        subprocess.run(["xdotool", "key", "ctrl+z"], check=True)
        if undone == "place":
            wait_until(lambda: all(s["place_code"] != "3201" for s in picked()),
                       "the move undone for the three at once")
        elif undone == "tag":
            wait_until(lambda: all("要闻" not in s["tags"] for s in picked()),
                       "the tag undone for the three at once")
        else:
            wait_until(lambda: all(s["status"] == "new" for s in picked()),
                       "the status undone for the three at once")
    log("three Ctrl+Z took back the place, the tag and the status, each for the three")
    window.click(rows[4])  # (a click in the selection keeps it, and not the focus)
    subprocess.run(["xdotool", "key", "shift+F10"], check=True)
    wait_until(lambda: next(i for w in app.children if w.roleName == "window"
                            for i in w.findChildren(GenericPredicate(name="状态(S)"))
                            if i.showing), "the rows' menu after Shift+F10")
    subprocess.run(["xdotool", "key", "Escape"], check=True)
    log("Shift+F10 in the list opens the rows' menu")

    # 5. A query that cannot be read: said in a popover at the entry, the
    # list left as it was; read again, the popover goes.
    before = listed(app)
    search.text = "date:2022-11-03 status:bogus"

    def problem():
        return next((l for l in app.findChildren(GenericPredicate(
            name="检索式无法识别的原因", roleName="label")) if l.showing), None)

    said = wait_until(problem, "the popover saying why the query cannot be read")
    if "bogus" not in said.text:
        fail("the popover says %r" % said.text)
    if listed(app) != before:
        fail("the list changed under a query that cannot be read")
    search.text = "date:2022-11-03 status:new"
    wait_until(lambda: problem() is None, "the popover gone once the query reads")
    log("a malformed query: %r at the entry, the list of %d left as it was" % (said.text,
                                                                             len(before)))
finally:
    window.stop()

text = window.messages()
sys.stdout.write(text)
if "synchronous read" in text or re.search(r"sd-[a-z-]+-(CRITICAL|WARNING)", text):
    fail("storydesk reported a problem")
shutil.rmtree(work, True)
log("PASS")
