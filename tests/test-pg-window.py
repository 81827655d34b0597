#!/usr/bin/env python3
# test-pg-window.py — two real windows on one shared library (#17): a tag
# added in one shows in the other within a second, a note another editor
# set while this one typed is shown beside theirs to choose from, so is a
# status set meanwhile (Keep Mine / Take Theirs), a story an admin deletes
# or joins with the next in one window leaves the other's list and counts,
# and while
# the server is stopped both windows say so, an edit is refused and not
# kept, and once it is back an edit lands; a page an admin imports in one
# window shows in the other, its import a batch there (导入批次), and an
# editor's window keeps Import off, shows a story in its page and keeps its
# OCR repairs' Take Back off
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run under xvfb-run + dbus-run-session (X server outermost), through
# with-postgres.py (SD_TEST_PG_URL); the screen is wide enough for the two
# windows side by side, so a click in one never lands in the other.
# SD_TEST_SHOTS=DIR keeps screenshots of the screen at each stage.
import contextlib
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdpg import server_bin, server_user  # noqa: E402
from sdwindow import (CHIP_SECONDS, STATUS_LABELS, Window, fail, log,  # noqa: E402
                      row_cells, story_cells, wait_until)
from dogtail.predicate import GenericPredicate  # noqa: E402

URL = os.environ.get("SD_TEST_PG_URL")
STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
# The bar: another editor's tag shows within a second.
LIVE_SECONDS = 1.0
# The offline bar's words (the refusal's say "cannot be reached" too).
OFFLINE = "已显示的内容仍可阅读"  # the window speaks Chinese in the C locale too


def sd(*args):
    return subprocess.run([STORYDESK, *args], check=True, capture_output=True, text=True,
                          timeout=300).stdout


def story(story_id):
    stories = json.loads(sd("export", "--db", URL, "--format", "json"))
    return next(s for s in stories if s["id"] == story_id)


def shot(name):
    folder = os.environ.get("SD_TEST_SHOTS")
    if folder:
        subprocess.run(["/usr/bin/import", "-window", "root", os.path.join(folder, name + ".png")],
                       check=True)


def labels(window):
    try:
        return [label for label in window.app.findChildren(GenericPredicate(roleName="label"))
                if label.showing]
    except Exception:  # a label gone while read
        return []


def showing_label(window, part):
    return next((label for label in labels(window) if part in label.name), None)


def server(action):
    """Stops or starts with-postgres.py's server, as its user."""
    top = urllib.parse.parse_qs(urllib.parse.urlparse(URL).query)["host"][0]
    argv = [server_bin("pg_ctl"), "-D", os.path.join(top, "data"), "-w"]
    if action == "stop":
        argv += ["-m", "fast", "stop"]
    else:
        argv += ["-l", os.path.join(top, "server.log"), "-o",
                 f"-c listen_addresses='' -c unix_socket_directories={top} -c fsync=off",
                 "start"]
    user = server_user()
    if user is not None:
        argv = ["runuser", "-u", user.pw_name, "--"] + argv
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def move_aside(window, x):
    """Puts @window's library window at @x (there is no window manager).
    A shared library's window comes after its connection window: the one
    moved must be the library's, or it maps at 0 over the other window."""
    def library_ids():
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid",
                              str(window.proc.pid)], capture_output=True, text=True).stdout.split()
        wide = []
        for wid in ids:
            shape = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid],
                                   capture_output=True, text=True).stdout
            fields = dict(line.split("=", 1) for line in shape.split() if "=" in line)
            if int(fields.get("WIDTH", 0)) > 900:  # the connection window is ~520
                wide.append(wid)
        return wide
    for wid in wait_until(library_ids, "the library's window mapped", timeout=60):
        subprocess.run(["xdotool", "windowmove", "--sync", wid, str(x), "0"], check=True)


def showing_button(window, name):
    return next((button for button in window.app.findChildren(
        GenericPredicate(name=name, roleName="push button")) if button.showing), None)


def status_conflict(window, story_id, theirs, mine):
    """Sets @theirs as another editor whose change @window has not heard
    of yet (a replica session fires no trigger, so no NOTIFY), then chooses
    @mine in @window's status box: the bar shows both and nothing is
    written.  Returns the bar's Keep Mine button."""
    subprocess.run(["psql", "-q", URL, "-c", "SET session_replication_role = replica",
                    "-c", f"UPDATE storydesk.stories SET status = '{theirs}' WHERE id = {story_id}"],
                   check=True)
    # chosen through the box's accessible selection, as a screen reader
    # does (a hidden popup's item clicked makes GDK warn)
    window.status_box().querySelection().selectChild(list(STATUS_LABELS).index(mine))
    bar = wait_until(lambda: showing_label(window, "你选的是" + STATUS_LABELS[mine]),
                     "the status conflict shown", timeout=CHIP_SECONDS)
    if STATUS_LABELS[theirs] not in bar.name:
        fail(f"the status bar does not name theirs: {bar.name!r}")
    wait_until(lambda: window.shown_status() == STATUS_LABELS[theirs], "theirs in the box")
    time.sleep(0.5)
    if story(story_id)["status"] != theirs:
        fail("the other editor's status was overwritten: %r" % story(story_id)["status"])
    return wait_until(lambda: showing_button(window, "保留我的(M)"), "Keep Mine")


def tag_live(a, b, tag):
    """Adds @tag in @a; the seconds from its chip shown there (the tag
    stored) until it shows in @b: the typing is not the library's time."""
    a.add_tag(tag)
    start = time.monotonic()
    wait_until(lambda: b.chip(tag), f"{tag!r} in the other window", timeout=CHIP_SECONDS,
               step=0.02)
    return time.monotonic() - start


def failed(windows, name):
    """What each window said, and the screen as @name, for a test that
    failed."""
    for window in windows:
        log(f"window {window.proc.pid} (exit status {window.proc.poll()}):\n"
            + window.messages())
    shot(name)


@contextlib.contextmanager
def window_session(name):
    """A list for the windows opened inside: what they said logged and the
    screen kept as @name when it fails, each stopped after."""
    windows = []
    try:
        yield windows
    except Exception:
        failed(windows, name)
        raise
    finally:
        for window in windows:
            window.stop()


def two_windows(folder, seeds, windows):
    """@seeds copied into the shared library, and two windows on it side by
    side, each showing its first story (appended to @windows as they
    open); returns them, the library's stories and the shown story's id."""
    db = os.path.join(folder, "library.db")
    sd("import", "--db", db, *seeds)
    sd("admin", "init", URL)
    sd("copy", "--from", db, "--to", URL)
    a = Window(URL, os.path.join(folder, "a"))
    windows.append(a)
    headline = a.open_story(lambda cells: cells[0])
    b = Window(URL, os.path.join(folder, "b"))
    windows.append(b)
    move_aside(b, 1300)
    if b.open_story(lambda cells: cells[0]) != headline:
        fail("the two windows list the shared library differently")
    stories = json.loads(sd("export", "--db", URL, "--format", "json"))
    story_id = next(s["id"] for s in stories if s["headline"] == headline)
    log(f"two windows on story {story_id}: {headline}")
    return a, b, stories, story_id


def main():
    if URL is None:
        print("SD_TEST_PG_URL is not set: run through tests/with-postgres.py", file=sys.stderr)
        return 77
    folder = tempfile.TemporaryDirectory(prefix="sd-pg-window-")
    seeds = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))

    windows = []
    try:
        # the last seed is imported from a window, at the end
        a, b, stories, story_id = two_windows(folder.name, seeds[:-1], windows)
        headline = next(s["headline"] for s in stories if s["id"] == story_id)

        # what the window cannot do on a shared library yet is off, saying
        # why; an admin (the test's login) may import; anyone may export
        # (test-pg-export-window.py)
        if not a.app.child(name="导出(E)", roleName="push button").sensitive:
            fail("export is disabled on a shared library")
        if not a.app.child(name="导入(I)", roleName="push button").sensitive:
            fail("import is disabled for an admin")
        log("export and import enabled for an admin")

        # 1. a tag added in one window shows in the other within a second
        seconds = [tag_live(a, b, tag) for tag in ("两窗一", "两窗二", "两窗三")]
        log("a tag from the other window shown after " +
            ", ".join(f"{s:.2f}" for s in seconds) + " s")
        if min(seconds) > LIVE_SECONDS:
            fail(f"no tag showed in the other window within {LIVE_SECONDS} s: {seconds}")
        if set(story(story_id)["tags"]) < {"两窗一", "两窗二", "两窗三"}:
            fail("the tags are not in the shared library")
        b.remove_tag("两窗二")
        wait_until(lambda: a.chip("两窗二") is None, "the tag taken off in the other window",
                   timeout=CHIP_SECONDS)
        shot("1-tags")

        # 2. another editor sets the note while this one types in it: both
        # texts shown, nothing overwritten, then both kept at the editor's word
        note = a.note_widget()
        a.click(note)
        subprocess.run(["xdotool", "key", "ctrl+End", "type", "--delay", "30", "mi"], check=True)
        sd("note", "--db", URL, "--story", str(story_id), "--set", "他人的批注")
        subprocess.run(["xdotool", "type", "--delay", "30", "ne"], check=True)
        keep_both = wait_until(lambda: (lambda button: button if button.showing else None)(
            a.app.child(name="两者都保留(B)", roleName="push button", retry=False)),
            "the note conflict shown", timeout=CHIP_SECONDS)
        wait_until(lambda: showing_label(a, "他人的批注"), "the other editor's note shown")
        shot("2-conflict")
        time.sleep(1.0)  # past the typing pause: nothing may be written meanwhile
        if story(story_id)["note"] != "他人的批注":
            fail("the other editor's note was overwritten: %r" % story(story_id)["note"])
        keep_both.doActionNamed("click")
        wait_until(lambda: story(story_id)["note"] == "他人的批注\nmine", "both notes kept",
                   timeout=CHIP_SECONDS)
        wait_until(lambda: b.note_widget().text == "他人的批注\nmine",
                   "both notes in the other window", timeout=CHIP_SECONDS)
        log("a note changed meanwhile: both shown, then both kept, in both windows")

        # 3. the server goes away: both windows say so, an edit is refused
        # with a message and not kept; back, an edit lands and shows
        server("stop")
        for window in (a, b):
            wait_until(lambda: showing_label(window, OFFLINE), "the offline bar",
                       timeout=CHIP_SECONDS)
        a.activate("set-status", "reviewed")
        wait_until(lambda: showing_label(a, "未保存：无法连接"), "the edit refused")
        if a.shown_status() == STATUS_LABELS["reviewed"]:
            fail("the window shows a status it did not save")
        shot("3-offline")
        log("server stopped: both windows say so, an edit is refused")
        server("start")
        for window in (a, b):
            wait_until(lambda: showing_label(window, OFFLINE) is None,
                       "the offline bar gone", timeout=CHIP_SECONDS)
        if story(story_id)["status"] != "new":
            fail("an edit refused while offline was kept: %r" % story(story_id)["status"])
        a.activate("set-status", "reviewed")
        wait_until(lambda: story(story_id)["status"] == "reviewed", "the status saved")
        wait_until(lambda: b.shown_status() == STATUS_LABELS["reviewed"],
                   "the status in the other window", timeout=CHIP_SECONDS)
        shot("4-back")
        log("server back: the bar gone, an edit lands and shows in the other window")
        # 4. another editor sets the status before this window hears of it:
        # both shown in a bar, nothing overwritten; Keep Mine writes mine,
        # Take Theirs leaves theirs
        keep = status_conflict(a, story_id, "needs-work", "rejected")
        keep.doActionNamed("click")
        wait_until(lambda: story(story_id)["status"] == "rejected", "mine kept")
        wait_until(lambda: b.shown_status() == STATUS_LABELS["rejected"],
                   "mine in the other window", timeout=CHIP_SECONDS)
        status_conflict(a, story_id, "new", "reviewed")
        shot("4-status-conflict")
        take = showing_button(a, "采用对方的(T)")
        take.doActionNamed("click")
        wait_until(lambda: showing_label(a, "你选的是") is None, "the bar gone")
        time.sleep(1.0)
        if story(story_id)["status"] != "new" or a.shown_status() != STATUS_LABELS["new"]:
            fail("taking theirs did not leave theirs: %r, %r shown"
                 % (story(story_id)["status"], a.shown_status()))
        log("a status set meanwhile: both shown; Keep Mine writes mine, Take Theirs keeps theirs")
        # 5. a search lists what the command line finds, and the tree counts
        # every story
        found = sd("search", "--db", URL, "苏州").splitlines()
        search = b.app.child(name="检索稿件", roleName="text")
        search.text = "苏州"
        wait_until(lambda: len(story_cells(b.app)) == len(found),
                   f"the {len(found)} stories found listed", timeout=CHIP_SECONDS)
        if not 0 < len(found) < len(stories):
            fail(f"苏州 found {len(found)} of {len(stories)} stories")
        places = b.app.child(name="地区", roleName="tree table")
        if row_cells(places, "全部稿件")[1].name != str(len(stories)):
            fail("the tree does not count every story")
        shot("5-search")
        log(f"a search lists the {len(found)} stories the command line finds")

        # 6. an admin imports a page in one window: the other window lists
        # its stories and counts them, told by the server's NOTIFY
        start = time.monotonic()
        a.activate("import-recent", seeds[-1])
        # the seed names no paper nor date: asked, as on a personal library
        wait_until(lambda: showing_button(a, "不填，直接导入(W)"), "the page details asked",
                   timeout=60).doActionNamed("click")
        wait_until(lambda: showing_label(a, "新版面"), "the import's summary in its window",
                   timeout=60)
        total = len(json.loads(sd("export", "--db", URL, "--format", "json")))
        if total <= len(stories):
            fail(f"the import added no story: {total}")
        wait_until(lambda: row_cells(places, "全部稿件")[1].name == str(total),
                   f"the {total} stories counted in the other window", timeout=CHIP_SECONDS)
        search.text = ""
        wait_until(lambda: len(story_cells(b.app)) == total,
                   f"the {total} stories listed in the other window", timeout=CHIP_SECONDS)
        shot("6-import")
        log(f"a page imported in one window: its {total - len(stories)} stories in the other "
            f"after {time.monotonic() - start:.2f} s")
        again = sd("import", "--db", URL, seeds[-1])
        if "already in the library" not in again:
            fail(f"the page imported from the window is not known by its bytes: {again}")
        # the import is a batch (导入批次) of the other window's tree, as on a
        # personal library: its time and first file, its stories counted (the
        # copy that made the library is a batch of its own, the first)
        batches = sd("batches", "--db", URL).splitlines()
        if len(batches) != 2 or not batches[1].startswith("2\t"):
            fail(f"the window's import is not one batch after the copy's: {batches}")
        _, kind, started, _, _, _, first = batches[1].split("\t")
        node = f"{started[5:10]} {started[11:16]} · {first}"
        wait_until(lambda: (row_cells(places, node) or [None, None])[1] is not None
                   and row_cells(places, node)[1].name == str(total - len(stories)),
                   f"the batch {node} counted in the other window", timeout=CHIP_SECONDS)
        log(f"the import a batch in the other window's tree: {node}")

        # 7. an admin deletes the story shown in one window: the other
        # window drops it from its list and counts it in the trash, told by
        # the server's NOTIFY; restored, it is back in both
        a.open_story(lambda cells: next(c for c in cells if c.name.split("\n")[0] == headline))
        # first a correction: the story joined with the next one; the other
        # window lists one story fewer, and the joined text is the library's
        before = story(story_id)
        a.activate("merge-story")
        wait_until(lambda: len(story_cells(b.app)) == total - 1,
                   "the joined story gone from the other window's list", timeout=CHIP_SECONDS)
        joined = story(story_id)
        if not (joined["body"].startswith(before["body"])
                and len(joined["body"]) > len(before["body"])):
            fail("the join did not reach the shared library")
        total -= 1
        log("a story joined with the next in one window: one story fewer in the other")
        wait_until(lambda: len(story_cells(a.app)) == total, "the join listed in this window",
                   timeout=CHIP_SECONDS)
        start = time.monotonic()
        a.activate("delete-stories")
        wait_until(lambda: len(story_cells(b.app)) == total - 1,
                   "the story gone from the other window's list", timeout=CHIP_SECONDS,
                   step=0.02)
        log(f"a story deleted in one window: gone from the other after "
            f"{time.monotonic() - start:.2f} s")
        # undone as on a personal library: the notification says so, with
        # its Undo button (test-pg-window-marks.py undoes a split)
        wait_until(lambda: showing_label(a, "删除《" + headline[:4]), "the delete's notification")
        if showing_button(a, "撤销(U)") is None and showing_button(a, "撤销") is None:
            fail("the delete's notification has no Undo button")
        wait_until(lambda: all(s["id"] != story_id for s in json.loads(
            sd("export", "--db", URL, "--format", "json"))), "the story gone from the export")
        wait_until(lambda: (row_cells(places, "回收站") or [None, None])[1] is not None
                   and row_cells(places, "回收站")[1].name == "1",
                   "the trash counted in the other window", timeout=CHIP_SECONDS)
        wait_until(lambda: row_cells(places, "全部稿件")[1].name == str(total - 1),
                   "the story no longer counted in the other window", timeout=CHIP_SECONDS)
        subprocess.run(["psql", "-q", URL, "-c",
                        "UPDATE storydesk.stories SET trashed = NULL, trash_kind = NULL,"
                        f" trash_of = NULL, trashed_by = NULL WHERE id = {story_id}"], check=True)
        wait_until(lambda: len(story_cells(b.app)) == total,
                   "the story back in the other window's list", timeout=CHIP_SECONDS)
        shot("7-trash")

        # 8. an editor's window keeps Import off, saying it is an admin's, and
        # corrections and the trash off too (the server would refuse them)
        sd("admin", "add", URL, "anna", "--role", "editor")
        c = Window(URL.replace("user=storydesk", "user=anna"), os.path.join(folder.name, "c"))
        windows.append(c)
        button = wait_until(lambda: c.app.child(name="导入(I)", roleName="push button"),
                            "the editor's Import button")
        if button.sensitive:
            fail("import is enabled for an editor")
        if "管理员" not in button.description:
            fail(f"the editor's Import does not say it is an admin's: {button.description!r}")
        if not c.app.child(name="导出(E)", roleName="push button").sensitive:
            fail("export is disabled for an editor")
        log(f"an editor's Import is off: {button.description!r}")
        c.open_story(lambda cells: cells[0])
        c.activate("delete-stories")
        time.sleep(1.0)
        if len(json.loads(sd("export", "--db", URL, "--format", "json"))) != total:
            fail("an editor's window deleted a story")
        # the page view, an editor's too, and a story's OCR repairs listed
        # with their Take Back buttons off, saying they are a reviewer's
        repaired = int(subprocess.run(
            ["psql", "-qAt", URL, "-c",
             "SELECT min (s.id) FROM storydesk.stories s WHERE s.trashed IS NULL"
             " AND s.headline IS NOT NULL AND EXISTS (SELECT 1 FROM storydesk.story_repairs r"
             "  WHERE r.story_id = s.id)"], check=True, capture_output=True, text=True).stdout)
        title = story(repaired)["headline"]
        c.open_story(lambda cells: next(cell for cell in cells if cell.name.split("\n")[0] == title))
        buttons = wait_until(lambda: [button for button in c.app.findChildren(
            GenericPredicate(roleName="push button")) if button.name.startswith("撤回：")] or None,
            "the repairs' Take Back buttons")
        if any(button.sensitive for button in buttons) or "审稿" not in buttons[0].description:
            fail("an editor's Take Back buttons are on, or do not say whose they are")
        c.activate("show-in-page")
        source = story(repaired)["source"]["file"]
        wait_until(lambda: c.app.child(name=source, roleName="frame", retry=False),
                   "the story's page shown", timeout=CHIP_SECONDS)
        shot("8-page-view")
        log(f"an editor's window shows story {repaired} in its page, its repairs' buttons off")
        for window in (a, b):
            if "CRITICAL" in window.messages():
                fail("the window printed criticals:\n" + window.messages())
    except Exception:
        failed(windows, "failed")
        raise
    finally:
        for window in windows:
            window.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
