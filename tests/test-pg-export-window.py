#!/usr/bin/env python3
# test-pg-export-window.py — Export and Print in a real window on a shared
# library (#17): the listed stories of a search and of the whole library
# exported from the window's dialog to JSON and CSV, read back with Python's
# json and csv modules and compared with `storydesk export --db URL` of the
# same stories; three selected stories exported, and printed to a PDF
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run under xvfb-run + dbus-run-session (X server outermost), through
# with-postgres.py (SD_TEST_PG_URL).
import csv
import glob
import io
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdwindow import Window, fail, find, log, story_cells, wait_until  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

URL = os.environ.get("SD_TEST_PG_URL")
STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
# the dialog's formats, in its combo box's order (data/ui/sd-export-dialog.ui)
FORMATS = ["pdf", "docx", "xlsx", "csv", "html", "md", "json", "w3c"]


def sd(*args):
    return subprocess.run([STORYDESK, *args], check=True, capture_output=True, text=True,
                          timeout=300).stdout


def exported(fmt, query=None):
    """What the command line exports of the shared library (a search's
    stories with @query)."""
    out = sd("export", "--db", URL, "--format", fmt, *(["--query", query] if query else []))
    return json.loads(out) if fmt == "json" else list(csv.reader(io.StringIO(out)))


def read_back(path, fmt):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return json.load(f) if fmt == "json" else list(csv.reader(f))


def export_from_window(window, fmt, path, count):
    """The toolbar's Export, the dialog's format @fmt, Export…, the file
    chooser given @path; returns what the file holds once the window says
    it wrote @count stories there."""
    button = window.app.child(name="导出(E)", roleName="push button")
    if not button.sensitive:
        fail(f"Export is off on a shared library: {button.description!r}")
    button.doActionNamed("click")
    dialog = wait_until(lambda: window.app.child(name="导出稿件", roleName="dialog", retry=False),
                        "the export dialog")
    combo = dialog.child(roleName="combo box")
    combo.querySelection().selectChild(FORMATS.index(fmt))
    dialog.child(name="导出(E)…", roleName="push button").doActionNamed("click")
    chooser = wait_until(lambda: window.app.child(roleName="file chooser", retry=False),
                         "the file chooser")
    chooser.findChildren(GenericPredicate(roleName="text"))[0].text = path
    chooser.child(name="导出(E)", roleName="push button").doActionNamed("click")
    wait_until(lambda: os.path.exists(path), f"{os.path.basename(path)} written", timeout=60)
    wait_until(lambda: find(window.app, "导出稿件", "dialog") is None, "the export dialog closed",
               timeout=60)
    said = f"已导出 {count} 篇稿件到 {path}"
    wait_until(lambda: find(window.app, said, "label"), repr(said))
    return read_back(path, fmt)


def same(what, got, want):
    if got != want:
        fail(f"{what}: the window's export differs from the command line's:\n"
             f"window: {str(got)[:600]}\ncommand line: {str(want)[:600]}")


def make_shared_library(folder):
    """The seeds in a personal library copied into the server's, with a
    tag and a note, something an export carries besides the text."""
    personal = os.path.join(folder, "library.db")
    sd("import", "--db", personal, *sorted(glob.glob(os.path.join(SEEDS, "*.txt"))))
    sd("admin", "init", URL)
    sd("copy", "--from", personal, "--to", URL)
    sd("tag", "--db", URL, "--query", "苏州", "--add", "导出测试")
    sd("note", "--db", URL, "--story", "1", "--set", "共享稿库的批注")


def main():
    folder = tempfile.TemporaryDirectory(prefix="sd-pg-export-window-")
    make_shared_library(folder.name)
    everything = exported("json")

    window = Window(URL, os.path.join(folder.name, "home"))
    try:
        window.open_story(lambda cells: cells[0])

        # 1. a search: the listed stories to JSON and to CSV
        want = exported("json", "苏州")
        search = window.app.child(name="检索稿件", roleName="text")
        search.text = "苏州"
        wait_until(lambda: len(story_cells(window.app)) == len(want),
                   f"the {len(want)} stories of 苏州 listed", timeout=60)
        if not 1 < len(want) < len(everything):
            fail(f"苏州 finds {len(want)} of {len(everything)} stories")
        got = export_from_window(window, "json", os.path.join(folder.name, "suzhou.json"),
                                 len(want))
        same("苏州 as JSON", got, want)
        if not any("导出测试" in s["tags"] for s in got):
            fail("the tag is not in the window's export")
        got = export_from_window(window, "csv", os.path.join(folder.name, "suzhou.csv"),
                                 len(want))
        same("苏州 as CSV", got, exported("csv", "苏州"))
        log(f"苏州's {len(want)} stories exported from the window to JSON and CSV, "
            f"{len(got) - 1} rows: as the command line exports them")

        # 2. the whole library
        search.text = ""
        wait_until(lambda: len(story_cells(window.app)) == len(everything),
                   f"the {len(everything)} stories listed", timeout=60)
        got = export_from_window(window, "json", os.path.join(folder.name, "all.json"),
                                 len(everything))
        same("the library as JSON", got, everything)
        if not any(s["note"] == "共享稿库的批注" for s in got):
            fail("the note is not in the window's export")
        log(f"the library's {len(got)} stories exported from the window as the command line does")

        # 3. three stories selected: those exported, in the library's order,
        # and printed
        # (the cells of the list drawn afresh: those on screen)
        rows = wait_until(lambda: (lambda r: len(r) >= 3 and r)(
            [c for c in story_cells(window.app) if c.showing and c.position[0] >= 0]),
            "the list's rows on screen")
        window.click(rows[0])
        (x, y), (w, h) = rows[2].position, rows[2].size
        subprocess.run(["xdotool", "keydown", "shift", "mousemove", str(x + w // 2),
                        str(y + h // 2), "click", "1", "keyup", "shift", "sleep", "0.3"],
                       check=True)
        chosen = [row.name.split("\n")[0] for row in rows[:3]]
        want = [s for s in everything if s["headline"] in chosen]
        if len(want) != 3:
            fail(f"the three rows {chosen!r} are not three stories of the library")
        got = export_from_window(window, "json", os.path.join(folder.name, "three.json"), 3)
        same("three selected stories as JSON", got, want)
        log("three selected stories exported from the window: " + ", ".join(chosen))
        printed = os.path.join(folder.name, "three.pdf")
        window.activate("print-to-file", printed)
        text = wait_until(lambda: os.path.exists(printed) and subprocess.run(
            ["pdftotext", printed, "-"], capture_output=True, text=True).stdout,
            "the printed PDF", timeout=60)
        squeezed = "".join(text.split())
        for headline in chosen:
            if "".join(headline.split()) not in squeezed:
                fail(f"the printed PDF lacks {headline!r}:\n{text[:800]}")
        log("the three printed to a PDF")
        if "CRITICAL" in window.messages():
            fail("the window printed criticals:\n" + window.messages())
    except Exception:
        log(f"window (exit status {window.proc.poll()}):\n" + window.messages())
        raise
    finally:
        window.stop()
    return 0


if __name__ == "__main__":
    if URL is None:
        sys.exit("SD_TEST_PG_URL is not set: run through tests/with-postgres.py")
    sys.exit(main())
