#!/usr/bin/python3
# The desktop's conventions in the real window, under Xvfb + AT-SPI:
# `storydesk --db LIB PAGE.txt` opens the window on the page's stories (and
# no bundled pages); the page is among the recent imports; a folder dragged
# from another window (tests/drag-source.py, driven by xdotool) is imported;
# Ctrl+Shift+O imports a folder picked in the chooser; the shown story is
# printed to a PDF through GtkPrintOperation (pdftotext reads it back) and
# Ctrl+P opens the print dialog; after Ctrl+Q and a new start, the same
# tree node, open rows and story are selected.  Pages named by paper, date
# and page show them in the rows; a click on the 日期 header orders the
# list by date (again: newest first), kept in GSettings; `date:` finds one
# day's page.  A new version of a page that would drop stories is imported
# only after the editor says so.  Alt+1 toggles the first coloured tag.
#
# Run inside xvfb-run + dbus-run-session (X server outermost), see meson.build.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import contextlib
import glob
import json
import re
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

STORYDESK = os.environ["STORYDESK"]
HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "pages")
STARTED = time.monotonic()


def say(text, failed=False):
    """Prints what happened, with the time since the start; a failure ends
    the test."""
    print("[%6.2fs] %s%s" % (time.monotonic() - STARTED, "FAIL: " * failed, text), flush=True)
    if failed:
        sys.exit(1)


die = lambda text: say(text, failed=True)  # noqa: E731


if not (os.environ.get("DISPLAY") and os.environ.get("DBUS_SESSION_BUS_ADDRESS")):
    die("run under xvfb-run + dbus-run-session")

work = tempfile.mkdtemp(prefix="sd-ui-desktop-")
atexit.register(shutil.rmtree, work, True)
os.environ["XDG_RUNTIME_DIR"] = os.path.join(work, "runtime")
os.mkdir(os.environ["XDG_RUNTIME_DIR"], 0o700)
subprocess.run(["dbus-update-activation-environment", "DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"],
               check=True)

from dogtail.config import config  # noqa: E402

# No a11y check (the bus is private), no log files, short waits.
for key, value in dict(checkForA11y=False, logDebugToFile=False, logDebugToStdOut=False,
                       searchBackoffDuration=0.2, searchCutoffCount=75, defaultDelay=0.1,
                       actionDelay=0.2).items():
    setattr(config, key, value)
import pyatspi  # noqa: E402
from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

sys.excepthook = sys.__excepthook__
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

library = os.path.join(work, "library.db")
env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"),
           XDG_CONFIG_HOME=os.path.join(work, "config"), LC_ALL="C",
           # Settings kept in a file, so the second start finds the first's.
           GSETTINGS_BACKEND="keyfile", STORYDESK_DEBUG="sync-reads")
env.pop("NO_AT_BRIDGE", None)
env.pop("LANGUAGE", None)
logs = []


def poll(check, what, seconds=20.0):
    """Returns check()'s first true value; objects come and go while the
    window maps, so an exception is a no for now."""
    deadline, seen = time.monotonic() + seconds, None
    while True:
        try:
            seen = check()
        except Exception as e:
            seen = e
        if seen and not isinstance(seen, Exception):
            return seen
        if time.monotonic() > deadline:
            die("no %s after %.0f s (last: %r)" % (what, seconds, seen))
        time.sleep(0.1)


def launch(*args):
    log = tempfile.TemporaryFile(mode="w+")
    logs.append(log)
    proc = subprocess.Popen([STORYDESK, "--db", library] + list(args), env=env, stderr=log)
    return proc, poll(lambda: tree.root.application("storydesk"), "storydesk on the bus")


def halt(proc):
    """Ends storydesk if it still runs: asked first, then made to."""
    for end in (proc.terminate, proc.kill):
        if proc.poll() is None:
            end()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)


def stored():
    return json.loads(subprocess.run([STORYDESK, "export", "--db", library, "--format", "json"],
                                     check=True, capture_output=True, text=True).stdout)


def cells(app, table):
    return app.child(name=table, roleName=table == "地区" and "tree table" or "table") \
        .findChildren(GenericPredicate(roleName="table cell"))


def listed(app):
    """The headlines the story list shows."""
    return [c.name.split("\n")[0] for c in cells(app, "稿件") if c.name and "·" in c.name]


def tree_cell(app, name):
    return next((c for c in cells(app, "地区") if c.name == name), None)


def expanded(cell):
    return cell.getState().contains(pyatspi.STATE_EXPANDED) or None


def window_id():
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Storydesk$"],
                         capture_output=True, text=True).stdout.split()
    return out[0] if out else None


def keys(*names):
    subprocess.run(["xdotool", "windowfocus", "--sync", poll(window_id, "the window's id")]
                   + ["key"] + list(names), check=True)


def bus_call(dest, path, method, *args):
    return subprocess.run(["gdbus", "call", "--session", "--dest", dest, "--object-path", path,
                           "--method", method] + list(args),
                          check=True, capture_output=True, text=True).stdout


def pid_of(name):
    """The pid of a bus connection, None for one that went meanwhile."""
    try:
        return bus_call("org.freedesktop.DBus", "/",
                        "org.freedesktop.DBus.GetConnectionUnixProcessID",
                        name).strip("()\n, ").split()[-1]
    except subprocess.CalledProcessError:
        return None


def activate(proc, action, target=None):
    """A window action over D-Bus, as the desktop calls them.  With --db the
    application does not own its name: its connection is found by pid."""
    names = bus_call("org.freedesktop.DBus", "/", "org.freedesktop.DBus.ListNames")
    for name in (n.strip(" '") for n in names.strip("()[],\n").split(",")):
        if name.startswith(":") and pid_of(name) == str(proc.pid):
            bus_call(name, "/io/github/storydesk/Storydesk/window/1", "org.gtk.Actions.Activate",
                     action, "[<'%s'>]" % target if target is not None else "[]", "{}")
            return
    die("storydesk is not on the session bus")


def copy_pages(folder, names):
    os.makedirs(folder)
    for name in names:
        shutil.copy(os.path.join(PAGES, name), folder)
    return [os.path.join(folder, name) for name in names]


def all_listed(app):
    """Every stored story is in the list of 全部稿件."""
    want = sorted(s["headline"] for s in stored())
    return want if sorted(listed(app)) == want else None


def import_undated(app):
    """These pages name no paper or date: the window asks; they come in
    without."""
    dialog = poll(lambda: next(w for w in app.children if w.name == "版面的报名和日期"),
                  "the question of paper and date")
    dialog.child(name="不填，直接导入(W)", roleName="push button").doActionNamed("click")


# 1. storydesk --db LIB PAGE: the window, with the page's stories only.
opened = copy_pages(os.path.join(work, "opened"), ["u01.txt"])[0]
proc, app = launch(opened)
try:
    import_undated(app)
    poll(lambda: stored() and {s["source"]["file"] for s in stored()} == {"u01.txt"} or None,
         "u01.txt's stories in the library, and nothing else")
    first = poll(lambda: all_listed(app), "u01.txt's stories listed in the window")
    say("storydesk FILE: %d stories of u01.txt listed" % len(first))

    xbel = os.path.join(env["XDG_DATA_HOME"], "recently-used.xbel")
    poll(lambda: os.path.exists(xbel) and "file://" + opened in open(xbel).read()
         and "storydesk-imports" in open(xbel).read(), "u01.txt among the recent files")
    say("u01.txt is among the desktop's recent files")

    # 2. A folder dragged from another window onto the story list.
    dropped = copy_pages(os.path.join(work, "dropped"), ["v01.txt", "w01.txt"])
    helper = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "drag-source.py"), "1320",
                               "100", os.path.dirname(dropped[0])], env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        source = poll(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                              "^drag-source$"], capture_output=True,
                                             text=True).stdout.split(), "the drag source")[0]
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", source],
                                  capture_output=True, text=True, check=True).stdout
        g = dict(line.split("=") for line in geometry.split())
        x0, y0 = int(g["X"]) + int(g["WIDTH"]) // 2, int(g["Y"]) + int(g["HEIGHT"]) // 2
        (lx, ly), (lw, lh) = app.child(name="稿件", roleName="table").position, \
            app.child(name="稿件", roleName="table").size
        x1, y1 = lx + lw // 2, ly + lh // 2
        moves = ["mousemove", str(x0), str(y0), "sleep", "0.3", "mousedown", "1", "sleep", "0.2"]
        for n in range(1, 16):
            moves += ["mousemove", str(x0 + (x1 - x0) * n // 15), str(y0 + (y1 - y0) * n // 15),
                      "sleep", "0.06"]
        moves += ["sleep", "0.4", "mousemove", str(x1 + 2), str(y1), "sleep", "0.4", "mouseup", "1"]
        say("drag the folder from (%d, %d) onto the story list at (%d, %d)" % (x0, y0, x1, y1))
        subprocess.run(["xdotool"] + moves, check=True)
        import_undated(app)
        poll(lambda: {"v01.txt", "w01.txt"} <= {s["source"]["file"] for s in stored()},
             "the dropped folder's pages in the library")
    finally:
        helper.terminate()
        helper.wait()
    tree_cell(app, "全部稿件").click()
    second = poll(lambda: all_listed(app), "the dropped pages' stories listed")
    say("dropped a folder of 2 pages: %d stories listed" % len(second))

    # 3. Ctrl+Shift+O: a folder picked in the chooser.
    picked = copy_pages(os.path.join(work, "picked"), ["x01.txt"])
    keys("ctrl+shift+o")
    chooser = poll(lambda: app.child(roleName="file chooser", retry=False), "the folder chooser")
    # The chooser's own window takes the keys: Ctrl+L, then the path.
    dialog_id = poll(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                             "^导入版面文件夹$"], capture_output=True,
                                            text=True).stdout.split(), "the chooser's window")[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", dialog_id, "key", "ctrl+l", "sleep", "0.3",
                    "type", "--delay", "20", os.path.dirname(picked[0])], check=True)
    time.sleep(0.5)
    chooser.child(name="导入(I)", roleName="push button").doActionNamed("click")
    import_undated(app)
    poll(lambda: "x01.txt" in {s["source"]["file"] for s in stored()},
         "the picked folder's page in the library")
    say("Ctrl+Shift+O imported the folder picked in the chooser")

    # 4. Printing the shown story: the same layout as the PDF export, to a
    # PDF file through GtkPrintOperation's export.
    city = next(s for s in stored() if s["source"]["file"] == "v01.txt")["city"]
    poll(lambda: tree_cell(app, city), "%s in the tree" % city).click()
    rows = poll(lambda: [c for c in cells(app, "稿件") if c.name and "·" in c.name][1:],
                "two stories of %s" % city)
    rows[0].click()
    headline = rows[0].name.split("\n")[0]
    story = next(s for s in stored() if s["headline"] == headline)
    article = app.child(name="正文", roleName="text")
    poll(lambda: headline in article.text, "the story in the article view")
    printed = os.path.join(work, "printed.pdf")
    activate(proc, "print-to-file", printed)
    text = poll(lambda: os.path.exists(printed) and subprocess.run(
        ["pdftotext", printed, "-"], capture_output=True, text=True).stdout, "the printed PDF")
    squeezed = "".join(text.split())
    for part in (headline, story["body"].split("\n")[0][:20], "1 / "):
        if "".join(part.split()) not in squeezed:
            die("the printed PDF lacks %r:\n%s" % (part, text[:800]))
    say("printed %r to a PDF of %s" % (headline, subprocess.run(
        ["pdfinfo", printed], capture_output=True, text=True).stdout.split("Pages:")[1].split()[0]
        + " page(s)"))
    keys("ctrl+p")
    dialog = poll(lambda: next(w for w in app.children if w.name == "打印"),
                  "the print dialog after Ctrl+P")
    dialog.child(name="取消(C)", roleName="push button").doActionNamed("click")
    poll(lambda: all(w.name != "打印" for w in app.children), "the print dialog closed")
    say("Ctrl+P opened the print dialog")

    # 5. Where the editor was: the city, its row open, the story.
    tree_cell(app, city).doActionNamed("expand or contract")
    poll(lambda: expanded(tree_cell(app, city)), "%s's row open" % city)
    keys("ctrl+q")
    try:
        code = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        die("Ctrl+Q did not end storydesk")
    if code != 0:
        die("storydesk exited with %d" % code)
    say("Ctrl+Q ended storydesk")
finally:
    halt(proc)

proc, app = launch()
try:
    selected = poll(lambda: (lambda c: c if c and c.selected else None)(tree_cell(app, city)),
                    "%s selected again" % city)
    article = app.child(name="正文", roleName="text")
    poll(lambda: headline in article.text, "the story %r shown again" % headline)
    poll(lambda: expanded(tree_cell(app, city)), "%s's row open again" % city)
    say("started again on %s, its row open, and %r" % (selected.name, headline))
finally:
    halt(proc)

# 6. Paper, date and page from the file names; the list sorted by date.
library = os.path.join(work, "dated.db")
dated = os.path.join(work, "dated")
os.makedirs(dated)
for source, name in (("u02.txt", "苏州日报_20221103_A05.txt"),
                     ("u03.txt", "苏州日报_20221101_A02.txt")):
    shutil.copy(os.path.join(PAGES, source), os.path.join(dated, name))
# One story carries 要闻, coloured (the store's own table: the CLI sets no
# colours), so Alt+1 is 要闻.
subprocess.run([STORYDESK, "import", "--db", library, dated], check=True, capture_output=True)
subprocess.run([STORYDESK, "tag", "--db", library, "--story", str(stored()[-1]["id"]), "--add",
                "要闻"], check=True, capture_output=True)
with contextlib.closing(sqlite3.connect(library)) as db, db:
    db.execute("UPDATE tags SET color = '#c01c28' WHERE name = '要闻'")
proc, app = launch(*sorted(glob.glob(os.path.join(dated, "*.txt")), reverse=True))
try:
    def first_row():
        rows = [c.name for c in cells(app, "稿件") if c.name and "·" in c.name]
        return len(rows) == len(stored()) and rows[0]

    def sorted_first(day):
        app.child(name="日期", roleName="table column header").doActionNamed("click")
        return poll(lambda: day in first_row() and first_row(), "the %s page first" % day)

    poll(lambda: len(stored()) > 10 and tree_cell(app, "全部稿件"), "全部稿件 in the tree").click()
    poll(first_row, "both dated pages listed")
    row = sorted_first("2022-11-01")
    if "苏州日报 2022-11-01 A02版" not in row:
        die("the row does not say where it was printed: %r" % row)
    say("日期 clicked: the first row is %r" % row.replace("\n", " / "))
    say("日期 clicked again: the first row is %r"
        % sorted_first("2022-11-03").replace("\n", " / "))
    keyfile = os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
    poll(lambda: "story-list-sort='date'" in open(keyfile).read()
         and "story-list-sort-descending=true" in open(keyfile).read(), "the sort kept")
    search = app.child(name="检索稿件", roleName="text")
    search.text = "date:2022-11-01"
    want = sorted(s["headline"] or "" for s in stored() if s["date"] == "2022-11-01")
    poll(lambda: len(listed(app)) == len(want) and all("2022-11-01" in c.name for c in cells(
        app, "稿件") if c.name and "·" in c.name), "only 2022-11-01's %d stories" % len(want))
    say("date:2022-11-01 lists the %d stories of that page only" % len(want))

    # Alt+1 puts the first coloured tag on the selected story, again takes it off.
    def tagged(headline):
        return "要闻" in next(s for s in stored() if s["headline"] == headline)["tags"]

    row = [c for c in cells(app, "稿件") if c.name and "·" in c.name][0]
    row.click()
    headline = row.name.split("\n")[0]
    was = tagged(headline)
    keys("alt+1")
    poll(lambda: tagged(headline) != was, "要闻 toggled on %r after Alt+1" % headline)
    keys("alt+1")
    poll(lambda: tagged(headline) == was, "要闻 toggled back on %r after Alt+1 again" % headline)
    say("Alt+1 %s 要闻 on %r, again %s" % (("put", "took off")[was], headline,
                                          ("took it off", "put it back")[was]))

    # 7. A new version of the A05 page (other text) would drop its stories:
    # the window asks; keeping the old version changes nothing, replacing
    # brings the new stories in.
    def a05():
        return sorted(s["headline"] or "" for s in stored() if s["date"] == "2022-11-03")

    def answer(button):
        activate(proc, "import-recent", newer)
        alert = poll(lambda: next(w for w in app.children if w.roleName == "alert"
                                  and "苏州日报_20221103_A05" in w.name + "".join(
                                      c.name for c in w.findChildren(
                                          GenericPredicate(roleName="label")))),
                     "the question before stories are dropped")
        alert.child(name=button, roleName="push button").doActionNamed("click")

    old = a05()
    newer = os.path.join(dated, "苏州日报_20221103_A05.txt")
    shutil.copy(os.path.join(PAGES, "u04.txt"), newer)
    answer("保留旧版本(K)")
    poll(lambda: all(w.roleName != "alert" for w in app.children), "the question answered")
    time.sleep(1)
    if a05() != old:
        die("keeping the old version changed the page's stories")
    say("asked before dropping %d stories; kept the old version: nothing changed" % len(old))
    answer("替换(R)")
    poll(lambda: a05() != old and a05(), "the new version of the page imported")
    say("replaced: the page has %d new stories" % len(a05()))
    keys("ctrl+q")
    proc.wait(timeout=10)
finally:
    halt(proc)

for log in logs:
    log.seek(0)
    text = log.read()
    sys.stdout.write(text)
    # GTK's own criticals (the print dialog's notebook read through
    # AT-SPI) are not ours.
    if "synchronous read" in text or re.search(r"sd-[a-z-]+-(CRITICAL|WARNING)", text):
        die("storydesk reported a problem")
say("PASS")
