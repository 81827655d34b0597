#!/usr/bin/env python3
# test-pg-import.py — `storydesk import --db postgresql://…`: page files go
# into a shared library as into a personal one (issue #17)
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run through with-postgres.py (SD_TEST_PG_URL).  The seeds and the pages
# written for the tests are imported into a throwaway shared library and
# into a personal one: both export the same JSON, ids, uuids and times
# aside.  Imported again, every file is skipped by its checksum.  A new
# version replaces a page nobody worked on (after --replace, when it drops
# stories) and is refused, naming the file and why, once an editor tagged
# one of its stories.  An editor (编辑) may not import: the server refuses
# the command's writes and hand-written SQL alike.
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdrun import SEEDS, run  # noqa: E402

URL = os.environ.get("SD_TEST_PG_URL")
PAGES = sorted(glob.glob(os.path.join(SEEDS, "*.txt"))) + sorted(
    glob.glob(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "*.txt")))


def stories(db):
    """The library's JSON export, without what differs from run to run."""
    exported = json.loads(run("export", "--db", db, "--format", "json", timeout=300).stdout)
    for story in exported:
        for field in ("id", "uuid", "updated"):
            story.pop(field, None)
    return exported


def psql(url, sql):
    """@sql run through libpq (psql) as @url's person: (status, stderr)."""
    done = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                          capture_output=True, text=True, timeout=60)
    return done.returncode, done.stderr


class Import(unittest.TestCase):
    def setUp(self):
        if URL is None:
            self.skipTest("SD_TEST_PG_URL is not set: run through tests/with-postgres.py")
        self.dir = tempfile.TemporaryDirectory(prefix="sd-pg-import-")
        run("admin", "init", URL)
        # every test on an empty shared library
        code, err = psql(URL, "TRUNCATE storydesk.stories, storydesk.pages, storydesk.tags,"
                              " storydesk.changes CASCADE")
        self.assertEqual(code, 0, err)

    def tearDown(self):
        self.dir.cleanup()

    def test_same_as_personal(self):
        db = os.path.join(self.dir.name, "library.db")
        run("import", "--db", db, *PAGES, timeout=300)
        imported = run("import", "--db", URL, *PAGES, timeout=300)
        lines = imported.stdout.splitlines()
        self.assertEqual(len(lines), len(PAGES), imported.stdout)
        self.assertFalse([line for line in lines if "refused" in line], imported.stdout)
        mine, shared = stories(db), stories(URL)
        self.assertGreater(len(mine), 150)
        self.assertEqual(len(mine), len(shared))
        for a, b in zip(mine, shared):
            self.assertEqual(a, b)
        # the shared library searches them (windows and heads written)
        found = run("search", "--db", URL, "苏州").stdout.splitlines()
        self.assertEqual(len(found), len(run("search", "--db", db, "苏州").stdout.splitlines()))
        self.assertGreater(len(found), 0)

        # again: every file known by its bytes, nothing written
        again = run("import", "--db", URL, *PAGES, timeout=300).stdout.splitlines()
        self.assertEqual(len(again), len(PAGES))
        for line in again:
            self.assertTrue(line.endswith(": already in the library"), line)
        self.assertEqual(stories(URL), shared)

    def test_new_version(self):
        source = os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "u01.txt")
        page = os.path.join(self.dir.name, "u01.txt")
        with open(source, encoding="utf-8") as f:
            text = f.read()
        with open(page, "w", encoding="utf-8") as f:
            f.write(text)
        run("import", "--db", URL, page)
        first = stories(URL)
        self.assertGreater(len(first), 1)

        # a story's body changed: the earlier one would be dropped
        changed = first[-1]["body"][:12]
        with open(page, "w", encoding="utf-8") as f:
            f.write(text.replace(changed, changed + "（更正）", 1))
        refused = run("import", "--db", URL, page, status=2)
        self.assertIn("no longer holds 1 story", refused.stdout)
        self.assertIn("--replace", refused.stderr)
        self.assertEqual(stories(URL), first)
        replaced = run("import", "--db", URL, "--replace", page).stdout
        self.assertIn("replacing the earlier version", replaced)
        second = stories(URL)
        self.assertEqual(len(second), len(first))
        self.assertIn("（更正）", second[-1]["body"])

        # an editor's work on it: the next version is refused, said why
        found = run("search", "--db", URL, "更正").stdout.splitlines()
        self.assertEqual(len(found), 1, found)
        run("tag", "--db", URL, "--story", found[0].split("\t")[0], "--add", "核实")
        with open(page, "w", encoding="utf-8") as f:
            f.write(text.replace(changed, changed + "（再更正）", 1))
        refused = run("import", "--db", URL, "--replace", page, status=2).stdout
        self.assertIn("u01.txt", refused)
        self.assertIn("editors worked on 1 of its stories", refused)
        after = stories(URL)
        self.assertIn("（更正）", after[-1]["body"])
        self.assertEqual([s for s in after if "核实" in s["tags"]][0]["body"], second[-1]["body"])

    def test_editor_refused(self):
        run("admin", "add", URL, "anna", "--role", "editor")
        anna = URL.replace("user=storydesk", "user=anna")
        run("import", "--db", URL, PAGES[0])
        before = stories(URL)
        # the command: each file refused, the server's refusal said
        refused = run("import", "--db", anna, *PAGES[1:3], status=2).stdout.splitlines()
        self.assertEqual(len(refused), 2)
        for line in refused:
            self.assertIn("only an admin (管理员) may import", line)
            self.assertIn("permission denied", line)
        # a file already there is only known: nothing to write
        known = run("import", "--db", anna, PAGES[0]).stdout
        self.assertIn("already in the library", known)
        # hand-written SQL through libpq: refused by the server too
        for sql in ("INSERT INTO storydesk.pages (identity, source_file, checksum)"
                    " VALUES ('file:x.txt', 'x.txt', 'x')",
                    "INSERT INTO storydesk.stories (id, kind, body) VALUES (99999, 'news', 'x')",
                    "UPDATE storydesk.pages SET checksum = 'x'",
                    "DELETE FROM storydesk.stories"):
            with self.subTest(sql=sql):
                code, err = psql(anna, sql)
                self.assertNotEqual(code, 0, sql)
                self.assertIn("permission denied", err)
        self.assertEqual(stories(URL), before)


if __name__ == "__main__":
    unittest.main()
