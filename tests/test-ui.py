#!/usr/bin/python3
# Drives the real Storydesk window through AT-SPI (dogtail) under Xvfb, as
# it comes up for a Chinese newsroom (in Chinese even in the C locale):
# first run imports the bundled pages, the tree shows 苏州市 with stories,
# a story opens in the article view, 党建 is accepted from the suggestions
# (and undone and redone), a note is typed and the app closed at once, and
# after a restart both are there.  The window runs with its read guard on
# (STORYDESK_DEBUG=sync-reads): a synchronous store read on the main thread
# while it is shown prints a critical, and that fails the test.  The first
# run's pages are the batch 示例; a story deleted with the Delete key goes to
# 回收站 and Ctrl+Z brings it back; a refused page and an export that cannot
# be written each show a red error bar.
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
import pyatspi  # noqa: E402

sys.excepthook = sys.__excepthook__
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

library = os.path.join(data_home, "storydesk", "library.db")
app_env = dict(os.environ)
app_env.pop("NO_AT_BRIDGE", None)
app_env["XDG_DATA_HOME"] = data_home
# Whatever the machine's locale, the window comes up as it does where no
# language is named: in Chinese (see sd_paths_prefer_chinese()).
app_env["LC_ALL"] = "C"
app_env.pop("LANGUAGE", None)
app_env["STORYDESK_DEBUG"] = "sync-reads"
app_logs = []


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
    # The app's messages go to a file, read when it has stopped.
    err = tempfile.TemporaryFile(mode="w+", prefix="sd-ui-stderr-")
    app_logs.append(err)
    proc = subprocess.Popen([STORYDESK], env=app_env, stderr=err)
    app = wait_until(lambda: tree.root.application("storydesk"), "storydesk on the AT-SPI bus")
    return proc, app


def check_app_log():
    """Fails on a synchronous read the window's read guard reported."""
    for err in app_logs:
        err.seek(0)
        text = err.read()
        sys.stdout.write(text)
        if "synchronous read" in text:
            fail("the window read the store synchronously on its main thread")


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


def click_row(table, name):
    """Click the row named `name`, its cell found afresh: a row's cell
    object is replaced when the tree is built again (its counts arriving
    after the first rows, #16), and a stale one cannot be clicked."""
    def click():
        cells = row_cells(table, name)
        if not cells:
            return False
        cells[0].click()
        return True
    wait_until(click, "a clickable row %s" % name)


def activate(action, window=False):
    """Runs a GAction of the running app over D-Bus, as a desktop would."""
    path = "/io/github/storydesk/Storydesk" + ("/window/1" if window else "")
    subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.storydesk.Storydesk",
                    "--object-path", path, "--method", "org.gtk.Actions.Activate",
                    action, "[]", "{}"], check=True, stdout=subprocess.DEVNULL)


def chip_shown(app, tag):
    try:
        return app.child(name="删除标签 " + tag, roleName="push button", retry=False)
    except Exception:
        return None


NOTE = "核实采访对象姓名"

proc, app = start()
try:
    places = app.child(name="地区", roleName="tree table")
    # The first run's import lands page by page: the counts are read once it
    # has stored every bundled story (the gold labels say how many).
    with open(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "gold", "seeds.json")) as f:
        bundled = sum(len(page["stories"]) for page in json.load(f)["pages"])
    wait_until(lambda: (lambda c: c and c[1].name == str(bundled))(row_cells(places, "全部稿件")),
               "全部稿件 with all %d bundled stories" % bundled, timeout=30)
    cells = wait_until(lambda: (lambda c: c if c and c[1].name.isdigit() and int(c[1].name) > 0
                                else None)(row_cells(places, "苏州市")),
                       "苏州市 with a story count in the place tree", timeout=30)
    log("tree row: %s %s" % (cells[0].name, cells[1].name))
    suzhou_count = int(cells[1].name)

    # The first run lists all the imported stories at once.
    stories = app.child(name="稿件", roleName="table")
    total = int(row_cells(places, "全部稿件")[1].name)
    wait_until(lambda: len([c for c in stories.findChildren(GenericPredicate(roleName="table cell"))
                            if c.name and "·" in c.name]) == total,
               "all %d imported stories in the list" % total)
    log("the list shows all %d stories" % total)

    click_row(places, "苏州市")
    stories = app.child(name="稿件", roleName="table")
    first = wait_until(lambda: [c for c in stories.findChildren(
        GenericPredicate(roleName="table cell")) if c.name and "·" in c.name],
        "stories of 苏州市 in the list")
    log("list shows %d story cells" % len(first))
    if len(first) != suzhou_count:
        fail("list has %d stories, tree said %d" % (len(first), suzhou_count))
    first[0].click()
    headline = first[0].name.split("\n")[0]
    article = app.child(name="正文", roleName="text")
    wait_until(lambda: headline in article.text, "the headline %r in the article view" % headline)
    log("article opened: %r" % headline)

    # Zoom: Ctrl+plus, Ctrl+equal, Ctrl+minus, Ctrl+scroll and Ctrl+0 set the
    # body's size, as the article's text attributes tell, and the size is the
    # one kept in GSettings (shown by the preferences' spin button).
    body = next(s for s in export() if s["headline"] == headline)["body"]
    body_offset = article.text.index(body[:12])

    def body_size():
        attrs = article.queryText().getAttributeRun(body_offset, True)[0]
        # Pango units: 1024 a point.
        return int(next(a for a in attrs if a.startswith("size:")).split(":")[1]) / 1024

    def preferences_shown():
        try:
            return app.child(name="首选项", roleName="dialog", retry=False)
        except Exception:
            return None

    def settings_size():
        activate("preferences")
        dialog = wait_until(preferences_shown, "the preferences")
        value = dialog.child(roleName="spin button").value
        dialog.child(name="关闭", roleName="push button").doActionNamed("click")
        wait_until(lambda: not preferences_shown(), "the preferences closed")
        return value

    def zoom(keys):
        (ax, ay), (aw, ah) = article.position, article.size
        subprocess.run(["xdotool", "mousemove", str(ax + aw // 2), str(ay + ah // 2)] + keys,
                       check=True)

    usual = body_size()
    zoom(["key", "ctrl+plus", "sleep", "0.2", "key", "ctrl+equal"])
    wait_until(lambda: body_size() == usual + 2, "the body 2 points larger after Ctrl+plus")
    zoom(["key", "ctrl+minus"])
    wait_until(lambda: body_size() == usual + 1, "the body 1 point larger after Ctrl+minus")
    zoom(["keydown", "ctrl", "click", "4", "click", "4", "keyup", "ctrl"])
    wait_until(lambda: body_size() == usual + 3, "the body 3 points larger after Ctrl+scroll")
    zoom(["keydown", "ctrl", "click", "5", "keyup", "ctrl"])
    wait_until(lambda: body_size() == usual + 2, "the body 2 points larger after Ctrl+scroll down")
    if settings_size() != usual + 2:
        fail("the zoomed size is not the one in GSettings")
    log("zoomed from %.1f to %.1f points, kept in GSettings" % (usual, body_size()))
    zoom(["key", "ctrl+0"])
    wait_until(lambda: body_size() == usual, "the usual size after Ctrl+0")
    log("Ctrl+0: back to %.1f points" % body_size())

    # 党建 comes from the theme suggestions, with one click.
    accept = wait_until(lambda: app.child(name="采用 党建", roleName="push button"),
                        "党建 among the suggested themes")
    accept.doActionNamed("click")
    wait_until(lambda: chip_shown(app, "党建"), "the 党建 chip after accepting")
    log("accepted the suggestion 党建")

    # Undo and redo reach the library and the panel.
    undo_button = app.child(name="撤销", roleName="push button")
    if "党建" not in undo_button.description:
        fail("the undo button does not say what it undoes: %r" % undo_button.description)
    activate("undo", window=True)
    wait_until(lambda: not chip_shown(app, "党建"), "党建 gone after undo")
    toast = wait_until(lambda: [l for l in app.findChildren(GenericPredicate(roleName="label"))
                                if l.name.startswith("已撤销：") and "党建" in l.name],
                       "a notification naming what was undone")
    log("undo said %r; the notification: %r" % (undo_button.description, toast[0].name))
    activate("redo", window=True)
    wait_until(lambda: chip_shown(app, "党建"), "党建 back after redo")
    log("undo and redo of the tag work")

    # Searching narrows the list (within the selected node, 苏州市) to exactly
    # the stories the command line finds; a half-typed query is explained,
    # not answered with nothing.
    search = app.child(name="检索稿件", roleName="text")
    search.text = "党建"
    expected = len(json.loads(subprocess.run(
        [STORYDESK, "export", "--db", library, "--format", "json", "--query", "place:苏州市 党建"],
        check=True, capture_output=True, text=True).stdout))
    wait_until(lambda: app.child(name="%d 篇稿件" % expected, roleName="label", retry=False),
               "%d stories found for 党建" % expected)
    # Kept under a name, the search shows under 保存的检索 with its count.
    app.child(name="为此检索命名", roleName="text").text = "党建稿件"
    app.child(name="为此检索命名", roleName="text").doActionNamed("activate")
    saved = wait_until(lambda: row_cells(places, "党建稿件"), "the saved search in the tree")
    total_dangjian = len(json.loads(subprocess.run(
        [STORYDESK, "export", "--db", library, "--format", "json", "--query", "党建"],
        check=True, capture_output=True, text=True).stdout))
    if saved[1].name != str(total_dangjian):
        fail("saved search counts %s, the library %d" % (saved[1].name, total_dangjian))
    log("saved search 党建稿件 with %s stories" % saved[1].name)
    click_row(places, "苏州市")  # back
    search.text = '"党建'
    wait_until(lambda: app.child(name="第 1 个字符处的引号没有闭合", roleName="label",
                                 retry=False), "the unclosed quote explained")
    search.text = ""
    wait_until(lambda: app.child(name="%d 篇稿件" % suzhou_count, roleName="label", retry=False),
               "all of 苏州市's stories listed again")
    log("search: %d stories for 党建, an unclosed quote explained" % expected)
    # The search's best matches come first (#15 item 6): a headline holding
    # 党建 heads the list when any does.
    with_term = [s for s in json.loads(subprocess.run(
        [STORYDESK, "export", "--db", library, "--format", "json", "--query", "党建"],
        check=True, capture_output=True, text=True).stdout) if "党建" in (s["headline"] or "")]
    saved = wait_until(lambda: row_cells(places, "党建稿件"), "the saved search in the tree")
    saved[0].click()
    wait_until(lambda: search.text == "党建", "the saved search's query in the entry")
    first_row = wait_until(lambda: [c.name.split("\n")[0] for c in stories.findChildren(
        GenericPredicate(roleName="table cell")) if c.name and "·" in c.name][0],
        "the first row of the saved search")
    if with_term and "党建" not in first_row:
        fail("the best match is not first: %r" % first_row)
    # Another query: the saved search is no longer selected in the tree.
    search.text = "党建 工作"
    wait_until(lambda: not saved[0].getState().contains(pyatspi.STATE_SELECTED),
               "the saved search deselected when another query runs")
    # Forgetting it asks first; cancelled, it stays.
    saved = wait_until(lambda: row_cells(places, "党建稿件"), "the saved search still there")
    saved[0].click()
    app.child(name="删除所选的保存检索(F)", roleName="push button").doActionNamed("click")
    ask = wait_until(lambda: app.child(name="取消(C)", roleName="push button", retry=False),
                     "the question before forgetting")
    ask.doActionNamed("click")
    time.sleep(0.5)
    if row_cells(places, "党建稿件") is None:
        fail("a saved search was forgotten though the editor cancelled")
    log("ranked first row %r; another query deselects the saved search; forgetting asks" %
        first_row)
    click_row(places, "苏州市")
    search.text = ""
    wait_until(lambda: app.child(name="%d 篇稿件" % suzhou_count, roleName="label", retry=False),
               "苏州市 listed again")

    # A story dragged onto 南京市 is filed there, as the editor's; undo
    # puts it back where the resolver had filed it.
    second = wait_until(lambda: [c for c in stories.findChildren(
        GenericPredicate(roleName="table cell")) if c.name and "·" in c.name][1],
        "a second story in the list")
    moved_headline = second.name.split("\n")[0]
    second.click()
    nanjing = row_cells(places, "南京市")[0]
    (sx, sy), (sw, sh) = second.position, second.size
    (tx, ty), (tw, th) = nanjing.position, nanjing.size
    # GTK starts a drag only after the pointer travels with the button down,
    # so move in steps as a hand would (xdotool's XTest events reach GTK as
    # real pointer events).
    x0, y0, x1, y1 = sx + sw // 2, sy + sh // 2, tx + tw // 2, ty + th // 2
    log("drag from (%d, %d) to (%d, %d)" % (x0, y0, x1, y1))
    steps = ["mousemove", str(x0), str(y0), "sleep", "0.2", "mousedown", "1", "sleep", "0.2"]
    for step in range(1, 13):
        steps += ["mousemove", str(x0 + (x1 - x0) * step // 12), str(y0 + (y1 - y0) * step // 12),
                  "sleep", "0.05"]
    steps += ["sleep", "0.3", "mousemove", str(x1 + 1), str(y1), "sleep", "0.3", "mouseup", "1"]
    subprocess.run(["xdotool"] + steps, check=True)

    def filed_in(city):
        s = next(s for s in export() if s["headline"] == moved_headline)
        return s if s["city"] == city else None

    story = wait_until(lambda: filed_in("南京市"), "the dragged story filed under 南京市")
    if not story["place_by_editor"]:
        fail("a dragged story must be marked as the editor's move")
    wait_until(lambda: (lambda c: c and c[1].name == "1")(row_cells(places, "南京市")),
               "南京市 counting the moved story")
    activate("undo", window=True)
    wait_until(lambda: filed_in("苏州市"), "the story back in 苏州市 after undo")
    log("drag onto 南京市 and its undo work")

    # The bundled pages came in as one import batch, shown as 示例.  A story
    # selected and deleted with the Delete key leaves the list for 回收站,
    # with a notification offering to undo; Ctrl+Z brings it back (issue
    # #13, defect 10).
    wait_until(lambda: (lambda c: c and c[1].name == str(total))(row_cells(places, "示例")),
               "the sample batch 示例 in the tree with all %d stories" % total)

    def listed_names():
        return [c.name for c in stories.findChildren(GenericPredicate(roleName="table cell"))
                if c.name and "·" in c.name]

    def trash_count():
        c = row_cells(places, "回收站")
        return c[1].name if c else None

    if trash_count() != "0":
        fail("回收站 counts %r before any delete" % trash_count())
    before_delete = listed_names()
    victim = [c for c in stories.findChildren(GenericPredicate(roleName="table cell"))
              if c.name == before_delete[2]][0]
    victim_headline = victim.name.split("\n")[0]
    victim.click()
    wait_until(lambda: victim_headline in article.text, "the story to delete shown")
    subprocess.run(["xdotool", "key", "Delete"], check=True)
    wait_until(lambda: trash_count() == "1", "回收站 counting the deleted story")
    wait_until(lambda: listed_names() == before_delete[:2] + before_delete[3:],
               "the deleted story gone from the list, the others kept")
    wait_until(lambda: [l for l in app.findChildren(GenericPredicate(roleName="label"))
                        if l.name.startswith("删除") and victim_headline[:8] in l.name],
               "a notification naming the deleted story")
    app.child(name="撤销(U)", roleName="push button")
    if any(s["headline"] == victim_headline for s in export()):
        fail("the deleted story is still exported")
    log("deleted %r with the Delete key: 回收站 1, the list one shorter" % victim_headline)
    subprocess.run(["xdotool", "key", "ctrl+z"], check=True)
    wait_until(lambda: listed_names() == before_delete, "the story back in the list after Ctrl+Z")
    wait_until(lambda: trash_count() == "0", "回收站 empty again after Ctrl+Z")
    if not any(s["headline"] == victim_headline for s in export()):
        fail("the undone delete did not bring the story back into the library")
    log("Ctrl+Z brought it back: 回收站 0")

    # The note is typed and the app closed at once, before the typing pause
    # would have saved it: closing must still save it.
    note = app.child(name="批注", roleName="text")
    note.text = NOTE
    activate("quit")
    if proc.wait(timeout=10) != 0:
        err.seek(0)  # what the window said on the way out (a sanitizer's report)
        sys.stderr.write(err.read()[-8000:])
        fail("storydesk exited with %d" % proc.returncode)
    log("quit right after typing the note")
finally:
    if proc.poll() is None:
        stop(proc)

story = next((s for s in export() if s["headline"] == headline), None)
if story is None or "党建" not in story["tags"] or story["note"] != NOTE:
    fail("not in the library after closing: %r" % (story,))
log("stored in SQLite: story %d tags %r note %r" % (story["id"], story["tags"], story["note"]))

# Back again: the tag chip and the note are there for the same story.
proc, app = start()
try:
    places = app.child(name="地区", roleName="tree table")
    # The first run's import lands page by page: the counts are read once it
    # has stored every bundled story (the gold labels say how many).
    with open(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "gold", "seeds.json")) as f:
        bundled = sum(len(page["stories"]) for page in json.load(f)["pages"])
    wait_until(lambda: (lambda c: c and c[1].name == str(bundled))(row_cells(places, "全部稿件")),
               "全部稿件 with all %d bundled stories" % bundled, timeout=30)
    cells = wait_until(lambda: row_cells(places, "苏州市"), "苏州市 after restart")
    cells[0].click()
    stories = app.child(name="稿件", roleName="table")
    target = wait_until(lambda: [c for c in stories.findChildren(
        GenericPredicate(roleName="table cell")) if c.name and c.name.startswith(headline)],
        "the tagged story after restart")
    target[0].click()
    wait_until(lambda: chip_shown(app, "党建"), "the 党建 chip in the panel after restart")
    note = app.child(name="批注", roleName="text")
    wait_until(lambda: note.text == NOTE, "the note after restart")

    # A tag added from the command line while the window is open shows up.
    subprocess.run([STORYDESK, "tag", "--db", library, "--story", str(story["id"]), "--add", "外部"],
                   check=True, stdout=subprocess.DEVNULL, env=app_env)
    wait_until(lambda: chip_shown(app, "外部"), "a tag added by another process", timeout=10)
    log("a tag added from the command line appeared in the open window")

    # A tag typed and entered, then a click on the note and typing there:
    # the typing is the note's, and the tag entry gets no second tag (the
    # completion popup must not stay open over the panel after Enter).
    before = next(s for s in export() if s["id"] == story["id"])
    tag_entry = app.child(name="添加标签", roleName="text")
    # A tag in use elsewhere, so typing its start opens the completion.
    other = next(s for s in export() if s["id"] != story["id"])
    for name in ("budget", "bulletin"):
        subprocess.run([STORYDESK, "tag", "--db", library, "--story", str(other["id"]), "--add",
                        name], check=True, stdout=subprocess.DEVNULL, env=app_env)
    time.sleep(1.5)
    tag_entry.click()
    subprocess.run(["xdotool", "type", "--delay", "80", "bu"], check=True)
    time.sleep(0.8)
    subprocess.run(["xdotool", "key", "Return"], check=True)
    wait_until(lambda: (lambda t: t if len(t) > len(before["tags"]) else None)(
        next(s for s in export() if s["id"] == story["id"])["tags"]), "the typed tag stored")
    note = app.child(name="批注", roleName="text")
    (nx, ny), (nw, nh) = note.position, note.size
    subprocess.run(["xdotool", "mousemove", str(nx + nw // 2), str(ny + nh // 2), "click", "1",
                    "sleep", "0.3", "key", "ctrl+End", "type", "--delay", "30", " checked"],
                   check=True)
    wait_until(lambda: next(s for s in export() if s["id"] == story["id"])["note"]
               == NOTE + " checked", "the typed text saved as the note", timeout=10)
    after = next(s for s in export() if s["id"] == story["id"])
    if set(after["tags"]) - set(before["tags"]) != {"bu"} or tag_entry.text != "":
        fail("typing after a tag went astray: tags %r, tag entry %r" % (after["tags"],
                                                                     tag_entry.text))
    log("a tag entered, then the note typed: tags %r, note %r" % (after["tags"], after["note"]))

    # Another process sets the note while the editor types in it (#14 item
    # 2): neither text is lost or glued to the other; the window shows
    # theirs and the editor keeps both.
    mine = after["note"] + " mine"
    (nx, ny), (nw, nh) = note.position, note.size
    subprocess.run(["xdotool", "mousemove", str(nx + nw // 2), str(ny + nh // 2), "click", "1",
                    "sleep", "0.3", "key", "ctrl+End", "type", "--delay", "30", " mi"],
                   check=True)
    subprocess.run([STORYDESK, "note", "--db", library, "--story", str(story["id"]), "--set",
                    "他人的批注"], check=True, stdout=subprocess.DEVNULL, env=app_env)
    subprocess.run(["xdotool", "type", "--delay", "30", "ne"], check=True)
    keep_both = wait_until(lambda: (lambda b: b if b.showing else None)(
        app.child(name="两者都保留(B)", roleName="push button", retry=False)),
        "the note conflict shown", timeout=10)
    wait_until(lambda: app.child(name="他人的批注", roleName="label", retry=False),
               "the other writer's note shown")
    time.sleep(1.0)  # past the typing pause: nothing may be written meanwhile
    racing = next(s for s in export() if s["id"] == story["id"])["note"]
    if racing != "他人的批注":
        fail("the other writer's note was overwritten or glued: %r" % racing)
    keep_both.doActionNamed("click")
    wait_until(lambda: next(s for s in export() if s["id"] == story["id"])["note"]
               == "他人的批注\n" + mine, "both notes kept", timeout=10)
    log("a note set by another process while typing: shown, then both kept")
    after = next(s for s in export() if s["id"] == story["id"])

    # Ctrl+Z typed in the search field belongs to the field: the note and the
    # tag just written stay in the library (issue #13, defect 2).
    search = app.child(name="检索稿件", roleName="text")
    subprocess.run(["xdotool", "key", "ctrl+f", "sleep", "0.3", "type", "--delay", "30", "qq"],
                   check=True)
    wait_until(lambda: search.text == "qq", "the search field typed into")
    subprocess.run(["xdotool", "key", "ctrl+z", "sleep", "1"], check=True)
    kept = next(s for s in export() if s["id"] == story["id"])
    if kept["note"] != after["note"] or kept["tags"] != after["tags"]:
        fail("Ctrl+Z in the search field changed the library: note %r, tags %r"
             % (kept["note"], kept["tags"]))
    search.text = ""
    log("Ctrl+Z in the search field left the library alone")

    # Exporting from the window as an editor does: Ctrl+E, the dialog (PDF
    # by default), the file chooser; the listed 苏州市 stories are in the
    # PDF, read back by poppler.
    def export_from_window(path):
        """Ctrl+E, the dialog's Export…, the file chooser given @path; the dialog."""
        activate("export", window=True)
        dialog = wait_until(lambda: app.child(name="导出稿件", roleName="dialog", retry=False),
                            "the export dialog")
        dialog.child(name="导出(E)…", roleName="push button").doActionNamed("click")
        chooser = wait_until(lambda: app.child(roleName="file chooser", retry=False),
                             "the file chooser")
        chooser.findChildren(GenericPredicate(roleName="text"))[0].text = path
        chooser.child(name="导出(E)", roleName="push button").doActionNamed("click")
        return dialog

    out_pdf = os.path.join(data_home, "suzhou.pdf")
    export_from_window(out_pdf)
    wait_until(lambda: os.path.exists(out_pdf) and open(out_pdf, "rb").read(5) == b"%PDF-",
               "the PDF written")
    pdf_text = wait_until(lambda: (lambda t: t if headline in t else None)(subprocess.run(
        ["pdftotext", out_pdf, "-"], capture_output=True, text=True).stdout),
        "the story's headline in the exported PDF")
    log("exported 苏州市 from the window to a PDF of %d characters" % len(pdf_text))

    # Failures look like failures: a refused page and an export that cannot
    # be written each get a red error bar (GTK_MESSAGE_ERROR, which AT-SPI
    # names 错误) naming the file and the reason.
    def error_bar(where, text):
        bars = [b for b in where.findChildren(GenericPredicate(roleName="info bar"))
                if b.showing and b.name in ("错误", "Error")]
        return [b for b in bars if [l for l in b.findChildren(GenericPredicate(roleName="label"))
                                    if text in l.name]]

    bad_page = os.path.join(data_home, "bad-page.txt")
    with open(bad_page, "wb") as f:
        f.write(b"\x00\x01\x02 not a page \xff\xfe\x00")
    activate("import", window=True)
    chooser = wait_until(lambda: app.child(roleName="file chooser", retry=False),
                         "the import file chooser")
    # an open dialog takes a path in its location entry (Ctrl+L; with no
    # window manager, keys go to the window under the pointer), set whole:
    # typed, its completion would get in the way
    time.sleep(0.5)
    (cx, cy), (cw, ch) = chooser.position, chooser.size
    subprocess.run(["xdotool", "mousemove", str(cx + cw // 2), str(cy + 10), "sleep", "0.2",
                    "key", "ctrl+l", "sleep", "0.5"], check=True)
    location = wait_until(lambda: [t for t in chooser.findChildren(GenericPredicate(roleName="text"))
                                   if t.showing], "the location entry")[0]
    location.text = bad_page
    time.sleep(0.5)
    chooser.child(name="导入(I)", roleName="push button").doActionNamed("click")
    wait_until(lambda: error_bar(app, "bad-page.txt"), "a red error bar naming the refused page")
    log("a refused page: error bar %r" % [l.name for l in error_bar(app, "bad-page.txt")[0]
                                          .findChildren(GenericPredicate(roleName="label"))])

    dialog = export_from_window("/proc/storydesk.pdf")
    wait_until(lambda: error_bar(dialog, "/proc/storydesk.pdf"),
               "a red error bar in the export dialog naming the file")
    log("an export that cannot be written: error bar in the dialog")
finally:
    stop(proc)
check_app_log()
log("no synchronous store read on the main thread")
log("PASS")
