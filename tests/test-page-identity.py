#!/usr/bin/python3
# A page's identity on the command line: pages of the same file name in
# other folders are other pages (#14 item 1); a new version that would drop
# stories needs --replace; paper, date and page in exports and queries
# (#15 item 1); unchanged files skipped (#16 item 2).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
SEED_FILES = sorted(os.path.join(SEEDS, name) for name in os.listdir(SEEDS))


def run(*args, check_status=0):
    proc = subprocess.run([STORYDESK, *args], capture_output=True, text=True, timeout=60)
    if check_status is not None and proc.returncode != check_status:
        raise AssertionError(
            f"{args}: exit {proc.returncode}, wanted {check_status}\n{proc.stdout}\n{proc.stderr}")
    return proc


def dump(db):
    """Every row of every table but the search index's: "nothing changed"."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'story_fts%'")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}


class PageIdentityTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.db = os.path.join(self.tmp.name, "library.db")

    def export(self, *extra):
        return json.loads(run("export", "--db", self.db, "--format", "json", *extra).stdout)

    def put(self, relative, seed):
        """Copies seed page @seed to @relative in the temporary folder."""
        path = os.path.join(self.tmp.name, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        shutil.copyfile(SEED_FILES[seed], path)
        return path

    def bodies(self):
        return {s["body"] for s in self.export()}

    def test_same_file_name_in_two_day_folders(self):
        # #14 item 1: 2022-11-04/A01.txt is not a new version of
        # 2022-11-03/A01.txt; both pages' stories stay.
        first = self.put("2022-11-03/A01.txt", 0)
        self.put("2022-11-04/A01.txt", 1)
        run("import", "--db", self.db, os.path.dirname(first))
        one = self.bodies()
        proc = run("import", "--db", self.db, os.path.join(self.tmp.name, "2022-11-04"))
        self.assertNotIn("replac", proc.stdout)
        both = self.bodies()
        self.assertTrue(one < both, "the first day's stories are gone")
        # the same again: nothing changes
        before = dump(self.db)
        proc = run("import", "--db", self.db, os.path.join(self.tmp.name, "2022-11-03"),
                   os.path.join(self.tmp.name, "2022-11-04"))
        self.assertEqual(proc.stdout.count("already in the library"), 2, proc.stdout)
        self.assertEqual(before, dump(self.db))

    def test_same_name_in_folders_without_dates(self):
        # folders named anyhow: the folder's name is part of the identity
        self.put("monday/page.txt", 0)
        self.put("tuesday/page.txt", 1)
        run("import", "--db", self.db, os.path.join(self.tmp.name, "monday"))
        one = self.bodies()
        run("import", "--db", self.db, os.path.join(self.tmp.name, "tuesday"))
        self.assertTrue(one < self.bodies(), "monday's stories are gone")

    def test_dropping_version_needs_replace(self):
        page = self.put("in/page.txt", 0)
        run("import", "--db", self.db, page)
        old = self.export()
        # the page OCR'd again, cut after its first story: the others would go
        with open(SEED_FILES[0], encoding="utf-8") as f:
            text = f.read()
        cut = text.index(old[1]["headline"] or old[1]["body"][:10])
        with open(page, "w", encoding="utf-8") as f:
            f.write("\n" + text[:cut])
        before = dump(self.db)
        proc = run("import", "--db", self.db, page, check_status=2)
        self.assertRegex(proc.stdout, r"page\.txt: refused: .*would drop %d stor(y|ies)"
                         % (len(old) - 1))
        self.assertIn("--replace", proc.stderr)
        self.assertEqual(before, dump(self.db))

        proc = run("import", "--db", self.db, "--replace", page)
        self.assertIn("replacing the earlier version", proc.stdout)
        self.assertRegex(proc.stdout, r"%d stor(y|ies) of it dropped" % (len(old) - 1))
        new = self.export()
        self.assertEqual(len(new), 1)
        self.assertEqual(new[0]["uuid"], old[0]["uuid"])

    def test_refused_version_leaves_its_page_whole(self):
        # as with a bad file: the page refused is left as it was, the
        # other files are imported, the exit status is 2
        page = self.put("in/page.txt", 0)
        run("import", "--db", self.db, page)
        old = self.export()
        with open(page, "w", encoding="utf-8") as f:
            f.write("\n无关的一行字，不是原来的任何一篇稿件。\n")
        other = self.put("in/other.txt", 2)
        proc = run("import", "--db", self.db, page, other, check_status=2)
        lines = proc.stdout.splitlines()
        self.assertIn("page.txt: refused", lines[0])
        self.assertIn("would drop %d stories" % len(old), lines[0])
        self.assertRegex(lines[1], r"other\.txt: \d+ stories$")
        now = self.export()
        self.assertEqual([s for s in now if s["source"]["file"] == "page.txt"], old)

    def test_version_dropping_nothing_needs_no_replace(self):
        page = self.put("in/page.txt", 0)
        run("import", "--db", self.db, page)
        old = self.export()
        with open(page, "a", encoding="utf-8") as f:
            f.write("\n\n")
        proc = run("import", "--db", self.db, page)
        self.assertIn("replacing the earlier version", proc.stdout)
        self.assertEqual([s["uuid"] for s in self.export()], [s["uuid"] for s in old])

    def ids(self, query):
        return {s["uuid"] for s in self.export("--query", query)}

    def test_paper_date_page_in_exports_and_queries(self):
        # #15 item 1: from the folder and file names, and from a masthead
        self.put("2022-11-03/A01.txt", 0)
        named = self.put("x/苏州日报_20221104_A05.txt", 1)
        masthead = os.path.join(self.tmp.name, "x", "scan.txt")
        with open(SEED_FILES[2], encoding="utf-8") as f:
            text = f.read()
        with open(masthead, "w", encoding="utf-8") as f:
            f.write("新华日报 2022年12月1日 星期四\n第B02版：要闻\n\n" + text)
        run("import", "--db", self.db, os.path.join(self.tmp.name, "2022-11-03"),
            os.path.dirname(named))
        stories = self.export()
        issues = {(s["source"]["file"], s["paper"], s["date"], s["page"]) for s in stories}
        self.assertEqual(issues, {("A01.txt", None, "2022-11-03", "A01"),
                                  ("苏州日报_20221104_A05.txt", "苏州日报", "2022-11-04", "A05"),
                                  ("scan.txt", "新华日报", "2022-12-01", "B02")})

        def where(paper=..., date=..., page=...):
            return {s["uuid"] for s in stories
                    if paper in (..., s["paper"]) and (date is ... or date(s["date"]))
                    and page in (..., s["page"])}

        self.assertEqual(self.ids("date:2022-11"), where(date=lambda d: d.startswith("2022-11")))
        self.assertEqual(self.ids("date:2022-11-04"), where(date="2022-11-04".__eq__))
        self.assertEqual(self.ids("date:2022-11-04..2022-12"),
                         where(date=lambda d: d >= "2022-11-04"))
        self.assertEqual(self.ids("date:2022"), {s["uuid"] for s in stories})
        self.assertEqual(self.ids("paper:苏州日报"), where(paper="苏州日报"))
        self.assertEqual(self.ids("-paper:苏州日报"),
                         {s["uuid"] for s in stories} - where(paper="苏州日报"))
        self.assertEqual(self.ids("page:b2"), where(page="B02"))
        self.assertEqual(self.ids("page:第A5版 date:2022-11-04"), where(page="A05"))
        self.assertEqual(self.ids("page:A05 date:2022-11-03"), set())
        for query in ("date:2022-13", "date:11/03", "page:第版"):
            proc = run("export", "--db", self.db, "--query", query, check_status=2)
            self.assertIn(query.split(":")[1], proc.stderr)

        # CSV columns, and the metadata line of the documents
        csv_text = run("export", "--db", self.db, "--format", "csv").stdout
        header = csv_text.splitlines()[0].split(",")
        self.assertEqual(header[2:6], ["source", "paper", "date", "page"])
        self.assertIn("苏州日报_20221104_A05.txt,苏州日报,2022-11-04,A05,", csv_text)
        for fmt in ("md", "html"):
            out = run("export", "--db", self.db, "--format", fmt, "--query", "paper:新华日报").stdout
            self.assertIn("新华日报 · 2022-12-01 · page B02", out)

        # an export imported into another library keeps them
        exported = os.path.join(self.tmp.name, "out.json")
        run("export", "--db", self.db, "-o", exported)
        other = os.path.join(self.tmp.name, "other.db")
        run("import", "--db", other, exported)
        again = json.loads(run("export", "--db", other).stdout)
        self.assertEqual({(s["uuid"], s["paper"], s["date"], s["page"]) for s in again},
                         {(s["uuid"], s["paper"], s["date"], s["page"]) for s in stories})
        # a date that is none is refused, naming the file and the story
        with open(exported, encoding="utf-8") as f:
            edited = json.load(f)
        edited[1]["date"] = "2022-13-01"
        with open(exported, "w", encoding="utf-8") as f:
            json.dump(edited, f, ensure_ascii=False)
        before = dump(other)
        proc = run("import", "--db", other, exported, check_status=2)
        self.assertIn("out.json", proc.stdout)
        self.assertIn("2022-13-01", proc.stdout)
        self.assertEqual(before, dump(other))

    def test_import_options_and_page_set(self):
        page = self.put("in/B03.txt", 0)
        dated = self.put("in/20221110-A01.txt", 1)
        run("import", "--db", self.db, "--paper", "新华日报", "--date", "2022年11月9日",
            os.path.dirname(page))
        found = {(s["source"]["file"], s["paper"], s["date"], s["page"]) for s in self.export()}
        # the options fill only what the name and the text do not give
        self.assertEqual(found, {("B03.txt", "新华日报", "2022-11-09", "B03"),
                                 ("20221110-A01.txt", "新华日报", "2022-11-10", "A01")})
        run("import", "--db", self.db, "--date", "2022-02-30", page, check_status=2)

        story = next(s for s in self.export() if s["source"]["file"] == "B03.txt")
        run("page", "set", "--db", self.db, "--story", story["uuid"], "--paper", "苏州日报",
            "--page", "a4")
        after = [s for s in self.export() if s["source"]["file"] == "B03.txt"]
        self.assertEqual({(s["paper"], s["date"], s["page"]) for s in after},
                         {("苏州日报", "2022-11-09", "A04")})
        self.assertEqual(self.ids("paper:苏州日报 page:A04"), {s["uuid"] for s in after})
        run("page", "set", "--db", self.db, "--story", str(story["id"]), "--paper", "")
        self.assertEqual({s["paper"] for s in self.export() if s["source"]["file"] == "B03.txt"},
                         {None})
        before = dump(self.db)
        proc = run("page", "set", "--db", self.db, "--story", str(story["id"]), "--date", "明天",
                   check_status=2)
        self.assertIn("明天", proc.stderr)
        run("page", "set", "--db", self.db, "--story", "999999", "--page", "A1", check_status=2)
        run("page", "set", "--db", self.db, "--story", str(story["id"]), check_status=2)
        self.assertEqual(before, dump(self.db))
        # the identity follows: the page is now 2022-11-09 A04 of no paper,
        # and a new version of that page replaces it
        with open(page, "a", encoding="utf-8") as f:
            f.write("\n\n")
        renamed = os.path.join(self.tmp.name, "20221109-A04.txt")
        shutil.move(page, renamed)
        proc = run("import", "--db", self.db, renamed)
        self.assertIn("replacing", proc.stdout)
        self.assertEqual({s["uuid"] for s in self.export() if s["page"] == "A04"},
                         {s["uuid"] for s in after})


if __name__ == "__main__":
    unittest.main(verbosity=2)
