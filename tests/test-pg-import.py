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
# version replaces the earlier one on both engines alike (after --replace,
# when it drops stories), the editors' tags, notes, statuses and highlights
# carried over to the stories found again.  An editor (编辑) may not
# import: the server refuses the command's writes and hand-written SQL
# alike.
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


def page_texts():
    """The text the shared library keeps of each page (the page view's)."""
    done = subprocess.run(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", URL, "-c",
                           "SELECT json_agg (text ORDER BY page_id) FROM storydesk.page_texts"],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


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

    def first_version(self, *dbs):
        """tests/pages/u01.txt as a page file of the test's own, imported
        into each of @dbs; returns its text."""
        with open(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "u01.txt"),
                  encoding="utf-8") as f:
            text = f.read()
        self.page = os.path.join(self.dir.name, "u01.txt")
        self.write_page(text)
        for db in dbs:
            run("import", "--db", db, self.page)
        return text

    def write_page(self, text):
        with open(self.page, "w", encoding="utf-8") as f:
            f.write(text)

    def both(self, *args, status=0):
        """The same command on the personal library and the shared one:
        their standard outputs."""
        return [run(*args[:1], "--db", db, *args[1:], status=status).stdout
                for db in (self.db, URL)]

    def find(self, db, query):
        found = run("search", "--db", db, query).stdout.splitlines()
        self.assertEqual(len(found), 1, (query, found))
        return found[0].split("\t")[0]

    def test_new_version(self):
        """A new version of a page, the editors' work carried over, on both
        engines alike: tags, notes and statuses follow their stories, a
        story found again keeps its id and uuid, one an editor worked on
        that the new version lacks stays, one nobody did goes (after
        --replace)."""
        self.db = os.path.join(self.dir.name, "library.db")
        text = self.first_version(self.db, URL)
        for db in (self.db, URL):
            run("tag", "--db", db, "--story", self.find(db, "条子泥湿地迎来"), "--add", "核实")
            run("note", "--db", db, "--story", self.find(db, "数字茶园"), "--set", "待核实数字")
            run("status", "--db", db, "--story", self.find(db, "综合查一次"), "--set", "reviewed")
        before = {db: json.loads(run("export", "--db", db, "--format", "json").stdout)
                  for db in (self.db, URL)}

        # the tagged story's body changed, the noted one's headline and start
        # changed (found nowhere), a story nobody worked on taken out
        v2 = text.replace("潮水退去，", "潮水退去，（更正）", 1)
        v2 = v2.replace("# 吴中东山“数字茶园”护好碧螺春", "# 东山茶园用上智慧平台", 1)
        v2 = v2.replace("本报讯（记者 沈佳怡）“土壤湿度偏低", "本报讯（记者 沈佳怡）土壤墒情“偏低", 1)
        start = v2.index("# 瓜洲古渡焕新颜")
        v2 = v2[:start] + v2[v2.index("\n# ", start + 1) + 1:]
        self.write_page(v2)
        refused = self.both("import", self.page, status=2)
        self.assertEqual(refused[0], refused[1])
        self.assertIn("would drop 1 story", refused[1])
        unchanged = [stories(db) for db in (self.db, URL)]
        for story in unchanged[0] + unchanged[1]:
            story.pop("editor")  # a tag names its editor on the story only on a personal library
        self.assertEqual(unchanged[0], unchanged[1])
        # the page's text, which the page view shows, is the first version's
        self.assertEqual(page_texts(), [text])
        replaced = self.both("import", "--replace", self.page)
        self.assertEqual(replaced[0], replaced[1])
        self.assertIn("replacing the earlier version", replaced[1])
        # then the new version's, in its place
        self.assertEqual(page_texts(), [v2])

        after = {}
        for db in (self.db, URL):
            after[db] = json.loads(run("export", "--db", db, "--format", "json").stdout)
            old = {s["uuid"]: s for s in before[db]}
            new = {s["uuid"]: s for s in after[db]}
            tagged = [s for s in after[db] if "核实" in s["tags"]]
            self.assertEqual(len(tagged), 1, db)
            self.assertIn("（更正）", tagged[0]["body"])
            # found again: the same id and uuid
            self.assertEqual(old[tagged[0]["uuid"]]["id"], tagged[0]["id"])
            self.assertEqual([s["status"] for s in after[db] if "综合查一次" in s["headline"]],
                             ["reviewed"])
            # the noted story kept as it was, after the page's own; the new
            # version's story beside it, untouched
            noted = [s for s in after[db] if s["note"] == "待核实数字"]
            self.assertEqual(len(noted), 1, db)
            self.assertIn("数字茶园", noted[0]["headline"])
            self.assertEqual(after[db][-1]["uuid"], noted[0]["uuid"])
            self.assertIn("东山茶园用上智慧平台", [s["headline"] for s in after[db]])
            self.assertFalse([s for s in after[db] if "瓜洲" in (s["headline"] or "")])
            # every other story of the earlier version is found again
            self.assertEqual(len(set(old) & set(new)), len(old) - 1, db)
        for a, b in zip(*after.values()):
            for field in ("id", "uuid", "updated", "editor"):
                a.pop(field, None)
                b.pop(field, None)
            self.assertEqual(a, b)
        self.assertEqual(len(after[self.db]), len(after[URL]))

    def test_corrected_fields_stay(self):
        """A headline a reviewer corrected on a shared library stays as
        corrected in a new version of its page, the story keeping its id."""
        text = self.first_version(URL)
        story = self.find(URL, "综合查一次")
        corrected = "我省全面推行涉企“综合查一次”改革"
        # as the story editor writes it (sd-pg-corrections.c)
        code, err = psql(URL, f"UPDATE storydesk.stories SET headline = '{corrected}',"
                              f" corrected = true WHERE id = {story}")
        self.assertEqual(code, 0, err)
        # the new version misreads a word of its body
        self.write_page(text.replace("就得安排专人", "就要安排专人", 1))
        run("import", "--db", URL, self.page)
        now = {str(s["id"]): s for s in
               json.loads(run("export", "--db", URL, "--format", "json").stdout)}
        self.assertEqual(now[story]["headline"], corrected)
        self.assertIn("就要安排专人", now[story]["body"])
        self.assertEqual(self.find(URL, "改革"), story)

    def test_highlight_follows_its_text(self):
        """On a shared library a highlight moves with its text in a new
        version; when its text is gone, the story stays as it was and the
        new one takes its tags and note."""
        text = self.first_version(URL)
        story = self.find(URL, "条子泥湿地迎来")
        run("tag", "--db", URL, "--story", story, "--add", "核实")
        quote = "单筒望远镜"
        body = [s for s in json.loads(run("export", "--db", URL, "--format", "json").stdout)
                if str(s["id"]) == story][0]["body"]
        at = body.index(quote)
        code, err = psql(URL, "INSERT INTO storydesk.highlights (story_id, start_char, end_char,"
                              f" quote, prefix, suffix, comment) VALUES ({story}, {at},"
                              f" {at + len(quote)}, '{quote}', '{body[at - 8:at]}',"
                              f" '{body[at + len(quote):at + len(quote) + 8]}', '查证')")
        self.assertEqual(code, 0, err)

        def exported():
            return {str(s["id"]): s for s in
                    json.loads(run("export", "--db", URL, "--format", "json").stdout)}

        # text put in before the quote: the highlight moves with it
        self.write_page(text.replace("潮水退去，", "潮水退去，（更正）", 1))
        run("import", "--db", URL, self.page)
        moved = exported()[story]
        self.assertEqual(len(moved["highlights"]), 1)
        mark = moved["highlights"][0]
        self.assertEqual(moved["body"][mark["start"]:mark["end"]], quote)
        self.assertEqual(mark["start"], at + len("（更正）"))
        self.assertEqual(mark["comment"], "查证")
        # its text gone: the story stays with its highlight, the new one takes the tag
        self.write_page(text.replace(quote, "望远镜", 1))
        run("import", "--db", URL, self.page)
        now = exported()
        self.assertEqual(now[story]["highlights"][0]["quote"], quote)
        self.assertIn(quote, now[story]["body"])
        tagged = [s for s in now.values() if "核实" in s["tags"]]
        self.assertEqual(len(tagged), 2)
        fresh = [s for s in tagged if str(s["id"]) != story][0]
        self.assertNotIn(quote, fresh["body"])
        self.assertEqual(fresh["highlights"], [])

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
