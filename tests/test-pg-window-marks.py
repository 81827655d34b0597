#!/usr/bin/env python3
# test-pg-window-marks.py — marks, organising and undo in two real windows
# on one shared library (#17): a saved search kept in one window is listed
# in the other's tree within a second, and so is a highlight another
# editor makes beside the story; undo works there, and an undo that would
# overwrite the other window's later note is refused, saying so, with
# theirs kept
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run under xvfb-run + dbus-run-session (X server outermost), through
# with-postgres.py (SD_TEST_PG_URL), as test-pg-window.py is, whose helpers
# it borrows.
import glob
import importlib.util
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sdwindow import (CHIP_SECONDS, fail, find_outside_lists, log, row_cells,  # noqa: E402
                      story_cells, wait_until)

_spec = importlib.util.spec_from_file_location("pg_window", os.path.join(HERE, "test-pg-window.py"))
pg_window = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pg_window)

URL = os.environ.get("SD_TEST_PG_URL")
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
# The bar: another editor's change shows within a second.
LIVE_SECONDS = 1.0
sd, story, showing_label = pg_window.sd, pg_window.story, pg_window.showing_label


def live(what, check):
    """The seconds until @check () holds."""
    start = time.monotonic()
    wait_until(check, what, timeout=CHIP_SECONDS, step=0.02)
    return time.monotonic() - start


def split_undone(a, b, stories, shown):
    """Splits a story of three paragraphs or more in @a at its second, as
    an editor does (the cursor in the paragraph, then Split Story Here),
    undoes it and does it again; then another editor tags it and the undo
    is refused."""
    long = next(s for s in stories if s["id"] != shown and s["headline"]
                and len(s["body"].split("\n")) >= 3
                and sum(t["headline"] == s["headline"] for t in stories) == 1)
    a.open_story(lambda cells: next(c for c in cells if c.name.split("\n")[0] == long["headline"]))
    total = len(story_cells(b.app))
    article = wait_until(lambda: find_outside_lists(a.app, "正文", "text"), "the article view")
    text = article.queryText()
    text.setCaretOffset(text.getText(0, -1).index(long["body"].split("\n")[1]) + 1)
    a.activate("split-story")
    wait_until(lambda: len(story_cells(b.app)) == total + 1, "the new story in the other window",
               timeout=CHIP_SECONDS)
    if story(long["id"])["body"] == long["body"]:
        fail("the split did not reach the shared library")

    start = time.monotonic()
    a.activate("undo")
    wait_until(lambda: len(story_cells(b.app)) == total, "the split undone in the other window",
               timeout=CHIP_SECONDS, step=0.02)
    seconds = time.monotonic() - start
    back = story(long["id"])
    if back["body"] != long["body"] or sorted(back["tags"]) != sorted(long["tags"]):
        fail(f"the story is not as it was after the undo: {back!r}")
    log(f"a split undone in one window: the new story gone from the other after {seconds:.2f} s")
    if seconds > LIVE_SECONDS:
        fail(f"the undone split took {seconds:.2f} s to show in the other window")

    a.activate("redo")
    wait_until(lambda: len(story_cells(b.app)) == total + 1, "the split done again, in the other "
               "window", timeout=CHIP_SECONDS)
    sd("tag", "--db", URL, "--story", str(long["id"]), "--add", "别人的标签")
    a.activate("undo")
    refusal = wait_until(lambda: showing_label(a, "未撤销") or showing_label(a, "Not undone"),
                         "the undo of the split refused", timeout=CHIP_SECONDS)
    time.sleep(0.5)
    kept = story(long["id"])
    if kept["body"] == long["body"] or "别人的标签" not in kept["tags"]:
        fail(f"the refused undo wrote something: {kept!r}")
    if "标签" not in refusal.name:
        fail(f"the refusal does not say what the other editor changed: {refusal.name!r}")
    log(f"the undo of the split refused after another editor's tag: {refusal.name!r}")


def main():
    if URL is None:
        print("SD_TEST_PG_URL is not set: run through tests/with-postgres.py", file=sys.stderr)
        return 77
    folder = tempfile.TemporaryDirectory(prefix="sd-pg-window-marks-")

    with pg_window.window_session("marks-failed") as windows:
        a, b, stories, story_id = pg_window.two_windows(
            folder.name, sorted(glob.glob(os.path.join(SEEDS, "*.txt"))), windows)

        # undo is on: a tag added and undone, gone in the other window too
        a.add_tag("撤销我")
        wait_until(lambda: b.chip("撤销我"), "the tag in the other window", timeout=CHIP_SECONDS)
        undo = a.app.child(name="撤销", roleName="push button")
        wait_until(lambda: undo.sensitive and "撤销我" in undo.description,
                   "undo on, saying what it undoes")
        a.activate("undo")
        wait_until(lambda: b.chip("撤销我") is None, "the tag undone in the other window",
                   timeout=CHIP_SECONDS)
        if "撤销我" in story(story_id)["tags"]:
            fail("the undone tag is still in the shared library")
        log("undo on a shared library, seen in the other window")

        # 1. a highlight another editor makes shows beside the story
        body = next(s for s in stories if s["id"] == story_id)["body"]
        start = time.monotonic()
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", URL, "-c", "BEGIN",
                        "-c", "INSERT INTO storydesk.highlights (story_id, start_char, end_char,"
                        f" quote, comment) VALUES ({story_id}, 0, 4, '{body[:4]}', '他人的标注')",
                        "-c", f"UPDATE storydesk.stories SET note = note WHERE id = {story_id}",
                        "-c", "COMMIT"], check=True, capture_output=True)
        seconds = []
        for window in (b, a):
            # the panel's label only: a walk of the whole window takes seconds
            wait_until(lambda: window.in_panel("他人的标注", "label"), "the highlight shown",
                       timeout=CHIP_SECONDS, step=0.02)
            seconds.append(time.monotonic() - start)
        log("another editor's highlight shown after " + ", ".join(f"{s:.2f}" for s in seconds)
            + " s")
        if seconds[0] > LIVE_SECONDS:
            fail(f"the highlight took {seconds[0]:.2f} s to show")

        # 2. a note typed in one window, then over it in the other: undo in
        # the first is refused, saying so, and the other's note stays
        mine = a.type_note("甲")
        wait_until(lambda: b.note_widget().text == mine, "the note in the other window",
                   timeout=CHIP_SECONDS)
        sd_edit = a.app.child(name="撤销", roleName="push button").description
        theirs = b.type_note("乙")
        wait_until(lambda: a.note_widget().text == theirs, "their note in the first window",
                   timeout=CHIP_SECONDS)
        a.activate("undo")
        refusal = wait_until(lambda: showing_label(a, "Not undone") or showing_label(a, "未撤销"),
                             "the undo refused", timeout=CHIP_SECONDS)
        time.sleep(0.5)
        if story(story_id)["note"] != theirs:
            fail(f"the undo overwrote the other window's note: {story(story_id)['note']!r}")
        log(f"undo of {sd_edit!r} refused: {refusal.name!r}")
        # 3. a split undone in one window: the new story gone from the other
        # window's list within a second, the story whole again; done again,
        # then tagged by someone else: that undo is refused, the split kept
        split_undone(a, b, stories, story_id)

        # 4. a saved search (last: the search moves the list's selection) kept in one window, listed in the other's tree
        search = a.app.child(name="检索稿件", roleName="text")
        search.text = "苏州"
        name = a.app.child(name="为此检索命名", roleName="text")
        name.text = "苏州稿件"
        start = time.monotonic()
        name.doActionNamed("activate")
        places = b.app.child(name="地区", roleName="tree table")
        saved = wait_until(lambda: row_cells(places, "苏州稿件"), "the saved search in the other "
                           "window", timeout=CHIP_SECONDS, step=0.02)
        seconds = time.monotonic() - start
        found = sd("search", "--db", URL, "苏州").splitlines()
        if saved[1].name != str(len(found)):
            fail(f"the saved search counts {saved[1].name}, the search finds {len(found)}")
        log(f"a saved search from the other window listed after {seconds:.2f} s, "
            f"counting {saved[1].name}")
        if seconds > LIVE_SECONDS:
            fail(f"the saved search took {seconds:.2f} s to show in the other window")
        search.text = ""

        for window in windows:
            if "CRITICAL" in window.messages():
                fail("the window printed criticals:\n" + window.messages())
    return 0


if __name__ == "__main__":
    sys.exit(main())
