#!/usr/bin/python3
# test-long-import.py — long imports never block other writers (#14 item 12)
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A page of tens of megabytes is imported by one process while another
tags stories in a loop: every tag command succeeds, and every tag it
reported is in the library at the end, with the whole page.  A writer that
finds the library locked past SQLite's busy timeout (10 s) waits on and
succeeds: "database is locked" never reaches the user.  No time is
measured: the benchmark does that."""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sdrun  # noqa: E402

MAKE_PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-big-page.py")
PAGE_MEGABYTES = 24


def tags_of(db):
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT st.story_id, t.name FROM story_tags st "
                                "JOIN tags t ON t.id = st.tag_id").fetchall())


class LongImportTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "library.db")
        sdrun.run("import", "--db", self.db, sdrun.SEEDS)

    def tearDown(self):
        self.tmp.cleanup()

    def tag_while(self, importer, prefix, each=None):
        """Tags stories in a loop while @importer runs (calling @each after
        each tag); returns the tags reported, the failures, and how many
        were reported while it still ran."""
        reported, failures, during, n = set(), [], 0, 0
        while importer.poll() is None:
            n += 1
            story, tag = 1 + n % 20, f"{prefix}-{n}"
            result = sdrun.run("tag", "--db", self.db, "--story", str(story), "--add", tag,
                               status=None, timeout=120)
            if result.returncode != 0 or "locked" in result.stderr:
                failures.append(result.stderr)
            else:
                reported.add((story, tag))
                during += importer.poll() is None
            if each is not None:
                each()
        return reported, failures, during

    def test_tags_while_a_big_page_is_stored(self):
        page = os.path.join(self.tmp.name, "big.txt")
        subprocess.run([sys.executable, MAKE_PAGE, sdrun.SEEDS, page, str(PAGE_MEGABYTES)],
                       check=True)
        importer = subprocess.Popen([sdrun.STORYDESK, "import", "--db", self.db, page],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        reported, failures, during = self.tag_while(importer, "loop")
        out, err = importer.communicate()
        self.assertEqual(importer.returncode, 0, err)
        self.assertEqual(failures, [])
        # the tags went in while the page was being stored, not after
        self.assertGreater(during, 5, "the import ended before the tags began")
        self.assertLessEqual(reported, tags_of(self.db))

        with sqlite3.connect(self.db) as conn:
            n_big = conn.execute("SELECT count(*) FROM stories s JOIN pages p "
                                 "ON p.id = s.page_id WHERE p.file = 'big.txt'").fetchone()[0]
            self.assertEqual(conn.execute("SELECT count(*) FROM pages WHERE partial")
                             .fetchone()[0], 0)
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        self.assertIn(f"{n_big} stories", out)
        self.assertGreater(n_big, 1000)
        # the page is whole: importing it again finds it unchanged
        again = sdrun.run("import", "--db", self.db, page, timeout=120)
        self.assertIn("already in the library", again.stdout)

    def test_a_page_being_stored_is_not_shown_until_whole(self):
        """Lists, counts, searches and exports leave out a page whose
        batches are still being stored (pages.partial)."""
        page = os.path.join(self.tmp.name, "big.txt")
        subprocess.run([sys.executable, MAKE_PAGE, sdrun.SEEDS, page, "8"], check=True)
        before = len(json.loads(sdrun.run("export", "--db", self.db).stdout))
        importer = subprocess.Popen([sdrun.STORYDESK, "import", "--db", self.db, page],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen, partial_seen = [], 0
        while importer.poll() is None:
            with sqlite3.connect(self.db) as conn:
                stored = conn.execute("SELECT count(*) FROM stories s JOIN pages p "
                                      "ON p.id = s.page_id WHERE p.partial").fetchone()[0]
            listed = len(json.loads(sdrun.run("export", "--db", self.db).stdout))
            found = len(json.loads(sdrun.run("export", "--db", self.db, "--query",
                                             "source:big.txt").stdout))
            seen.append((listed - before, found))
            partial_seen += stored > 0
        out, err = importer.communicate()
        self.assertEqual(importer.returncode, 0, err)
        self.assertGreater(partial_seen, 0, "the page was never seen half-stored")
        whole = len(json.loads(sdrun.run("export", "--db", self.db).stdout)) - before
        self.assertIn(f"{whole} stories", out)
        for listed, found in seen:
            self.assertIn(listed, (0, whole))
            self.assertIn(found, (0, whole))

    def test_tags_while_a_json_export_is_imported(self):
        """A JSON export is stored in short transactions too: another
        process tags stories meanwhile, never meeting a locked library, and
        the export's pages show only once whole."""
        page = os.path.join(self.tmp.name, "big.txt")
        subprocess.run([sys.executable, MAKE_PAGE, sdrun.SEEDS, page, "8"], check=True)
        source = os.path.join(self.tmp.name, "source.db")
        sdrun.run("import", "--db", source, page, timeout=300)
        export = os.path.join(self.tmp.name, "export.json")
        sdrun.run("export", "--db", source, "--format", "json", "-o", export, timeout=120)
        with open(export, encoding="utf-8") as f:
            n_export = len(json.load(f))

        importer = subprocess.Popen([sdrun.STORYDESK, "import", "--db", self.db, export],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        partial_seen = [0]

        def look():
            # from the importer's start, not only between tags: on a busy
            # machine the first tag may come after the import
            while importer.poll() is None:
                with sqlite3.connect(self.db, timeout=60) as conn:
                    partial_seen[0] += conn.execute("SELECT count(*) FROM pages WHERE partial"
                                                    ).fetchone()[0] > 0
                time.sleep(0.01)

        looker = threading.Thread(target=look)
        looker.start()
        reported, failures, _ = self.tag_while(importer, "json")
        looker.join()
        partial_seen = partial_seen[0]
        out, err = importer.communicate()
        self.assertEqual(importer.returncode, 0, err)
        self.assertEqual(failures, [])
        self.assertGreater(partial_seen, 0, "the export never seen half-stored: one transaction?")
        self.assertLessEqual(reported, tags_of(self.db))
        self.assertIn(f"{n_export} stories: {n_export} added", out)
        with sqlite3.connect(self.db) as conn:
            self.assertEqual(conn.execute("SELECT count(*) FROM pages WHERE partial")
                             .fetchone()[0], 0)
            self.assertEqual(conn.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        again = sdrun.run("import", "--db", self.db, export, timeout=120)
        self.assertIn("already in the library", again.stdout)

    def test_a_writer_waits_past_the_busy_timeout(self):
        holder = sqlite3.connect(self.db, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        released = threading.Event()

        def release():
            time.sleep(12)  # past the 10 s busy timeout
            holder.execute("COMMIT")
            released.set()

        thread = threading.Thread(target=release)
        thread.start()
        result = sdrun.run("tag", "--db", self.db, "--story", "1", "--add", "waited",
                           status=None, timeout=120)
        thread.join()
        holder.close()
        self.assertTrue(released.is_set())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("locked", result.stderr)
        self.assertIn((1, "waited"), tags_of(self.db))


if __name__ == "__main__":
    unittest.main()
