#!/usr/bin/env python3
# test-pg-copy.py — `storydesk copy` moves a personal library into a shared
# one losslessly, and `storydesk export --db postgresql://…` writes it as it
# writes the personal one (issue #17, item 6)
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run through with-postgres.py (SD_TEST_PG_URL).  The seeds and three real
# pages are imported into a personal library and worked on (tags with
# colours, a note, statuses, highlights with their anchors, a place an
# editor set, page details), copied into a throwaway shared library, and
# both libraries exported to every text format: the outputs must be equal
# byte for byte (ids, the editor and the times come along too).  A second
# copy adds nothing.
import glob
import json
import os
import re
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdrun import SEEDS, run  # noqa: E402

URL = os.environ.get("SD_TEST_PG_URL")
REAL = os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "real")
FORMATS = ["json", "csv", "md", "html", "w3c"]


def without_minute(exported):
    """An HTML export says the minute it was made: two made either side of
    a minute's turn differ only there."""
    return re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "(minute)", exported.decode())


def work_on(db):
    """What editors leave in a personal library, through the CLI where it
    can, else as the window stores it (colours, highlights, a moved place)."""
    listed = run("search", "--db", db, "的").stdout.splitlines()
    ids = [line.split("\t")[0] for line in listed]
    assert len(ids) >= 10, listed
    run("tag", "--db", db, "--story", ids[0], "--add", "要闻")
    run("tag", "--db", db, "--story", ids[0], "--add", "民生")
    run("tag", "--db", db, "--story", ids[3], "--add", "民生")
    run("tag", "--db", db, "--query", "苏州", "--add", "苏州")
    run("note", "--db", db, "--story", ids[1], "--set", "核实数字：\n第二段 “12%” 待查")
    run("status", "--db", db, "--story", ids[1], "--set", "reviewed")
    run("status", "--db", db, "--story", ids[2], "--set", "rejected")
    run("page", "set", "--db", db, "--story", ids[4], "--paper", "苏州日报", "--date",
        "2022-11-03", "--page", "A05")
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE tags SET color = '#e01b24' WHERE name = '要闻'")
        connection.execute("UPDATE tags SET color = '#2ec27e' WHERE name = '民生'")
        body = connection.execute("SELECT body FROM stories WHERE id = ?",
                                  (ids[5],)).fetchone()[0]
        for start, end, comment in ((3, 9, "引语"), (12, 20, "")):
            connection.execute(
                "INSERT INTO highlights (story_id, start, end, quote, prefix, suffix, comment,"
                " editor, created) VALUES (?, ?, ?, ?, ?, ?, ?, '王编辑', ?)",
                (ids[5], start, end, body[start:end], body[max(0, start - 32):start],
                 body[end:end + 32], comment, f"2026-11-0{start % 9}T08:30:00Z"))
        connection.execute("UPDATE stories SET place_code = '320571', place_by_editor = 1,"
                           " place_confidence = 1.0 WHERE id = ?", (ids[6],))
    connection.close()
    return ids


class Copy(unittest.TestCase):
    def setUp(self):
        if URL is None:
            self.skipTest("SD_TEST_PG_URL is not set: run through tests/with-postgres.py")
        self.dir = tempfile.TemporaryDirectory(prefix="sd-pg-copy-")
        self.db = os.path.join(self.dir.name, "library.db")
        pages = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))
        pages += sorted(glob.glob(os.path.join(REAL, "b1", "seed", "*.txt")))[:2]
        pages += sorted(glob.glob(os.path.join(REAL, "b2", "ocr", "*.txt")))[:1]
        run("import", "--db", self.db, *pages, timeout=300)
        self.ids = work_on(self.db)
        run("admin", "init", URL)

    def tearDown(self):
        self.dir.cleanup()

    def export(self, db, fmt):
        return run("export", "--db", db, "--format", fmt, timeout=300).stdout_bytes

    def test_copy_is_lossless(self):
        # the first test to run: the library is empty, so every id is free
        copied = run("copy", "--from", self.db, "--to", URL, timeout=300)
        n = len(json.loads(self.export(self.db, "json")))
        self.assertIn(f"{n} stories copied", copied.stdout)
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                mine, shared = self.export(self.db, fmt), self.export(URL, fmt)
                self.assertGreater(len(mine), 1000)
                self.assertEqual(without_minute(mine), without_minute(shared))
        stories = json.loads(self.export(URL, "json"))
        by_id = {str(story["id"]): story for story in stories}
        # the worked-on fields are really there (not two empty exports)
        self.assertEqual(by_id[self.ids[0]]["tags"][:2], ["要闻", "民生"])
        self.assertEqual(by_id[self.ids[0]]["tag_colors"]["要闻"], "#e01b24")
        self.assertEqual(len(by_id[self.ids[5]]["highlights"]), 2)
        self.assertEqual(by_id[self.ids[5]]["highlights"][0]["comment"], "引语")
        self.assertTrue(by_id[self.ids[6]]["place_by_editor"])
        self.assertEqual(by_id[self.ids[4]]["page"], "A05")
        self.assertTrue(any(story["section_headings"] for story in stories))
        self.assertTrue(any(story["captions"] for story in stories))
        # a search's stories too
        mine = run("export", "--db", self.db, "--query", "苏州", "--format", "json").stdout
        shared = run("export", "--db", URL, "--query", "苏州", "--format", "json").stdout
        self.assertEqual(sorted(s["uuid"] for s in json.loads(mine)),
                         sorted(s["uuid"] for s in json.loads(shared)))

        # the copied pages are one import batch, as an import run's are
        batches = self.batches()
        self.assertEqual(len(batches), 1, batches)
        self.assertEqual(batches[0][1], "import")
        self.assertGreaterEqual(int(batches[0][3].split()[0]), 2 + len(glob.glob(
            os.path.join(SEEDS, "*.txt"))))
        self.assertEqual(batches[0][4], f"{n} stories")
        self.assertEqual(batches[0][5], "0 in the trash")

        # copied again: nothing added, nothing changed, no second batch, said so
        again = run("copy", "--from", self.db, "--to", URL, timeout=300)
        self.assertIn("0 stories copied", again.stdout)
        self.assertIn(f"{n} were there already", again.stdout)
        self.assertEqual(self.export(self.db, "json"), self.export(URL, "json"))
        self.assertEqual(self.batches(), batches)

        # the batch deleted: its stories go to the trash, and come back
        run("delete", "--db", URL, "--batch", batches[0][0])
        self.assertEqual(json.loads(self.export(URL, "json")), [])
        self.assertEqual(self.batches()[0][5], f"{n} in the trash")
        run("trash", "--db", URL, "restore", "--batch", batches[0][0])
        self.assertEqual(sorted(s["uuid"] for s in json.loads(self.export(URL, "json"))),
                         sorted(s["uuid"] for s in json.loads(self.export(self.db, "json"))))

    def batches(self):
        listed = run("batches", "--db", URL).stdout.splitlines()
        return [line.split("\t") for line in listed]

    def test_refusals(self):
        run("admin", "add", URL, "anna", "--role", "editor")
        anna = URL.replace("user=storydesk", "user=anna")
        before = self.export(URL, "json")
        denied = run("copy", "--from", self.db, "--to", anna, status=2)
        self.assertIn("anna is an editor (编辑)", denied.stderr)
        self.assertIn("copy stories", denied.stderr)
        self.assertEqual(self.export(URL, "json"), before)
        missing = run("copy", "--from", os.path.join(self.dir.name, "none.db"), "--to", URL,
                      status=2)
        self.assertIn("none.db", missing.stderr)
        run("copy", "--from", URL, "--to", self.db, status=2)


if __name__ == "__main__":
    unittest.main()
