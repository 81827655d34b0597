#!/usr/bin/env python3
# test-pg-cli.py — tag, note, status, page and search with --db postgresql://…
# (issue #17): the engine's writes as the person's role, a conflict said
# with both values and exit status 1, a refusal naming the role; delete,
# trash, batches and history as on a personal library, an admin's
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run through with-postgres.py (SD_TEST_PG_URL): the seeds are imported
# into a personal library and copied into the shared one; anna is an
# editor, ben a reviewer.
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


def as_person(name):
    return URL.replace("user=storydesk", f"user={name}")


def story(url, ref):
    """The story's exported record and its version, as search shows it."""
    stories = json.loads(run("export", "--db", url, "--format", "json").stdout)
    found = [s for s in stories if str(s["id"]) == str(ref) or s["uuid"] == ref]
    assert len(found) == 1, ref
    return found[0]


def version_of(url, query, ref):
    for line in run("search", "--db", url, query).stdout.splitlines():
        fields = line.split("\t")
        if fields[0] == str(ref):
            return int(fields[1])
    raise AssertionError(f"story {ref} not found by {query}")


class SharedCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if URL is None:
            raise unittest.SkipTest("SD_TEST_PG_URL is not set: run through with-postgres.py")
        cls.dir = tempfile.TemporaryDirectory(prefix="sd-pg-cli-")
        db = os.path.join(cls.dir.name, "library.db")
        run("import", "--db", db, *sorted(glob.glob(os.path.join(SEEDS, "*.txt"))), timeout=300)
        # one page with a paper, a day and a number, for the fields' test
        run("page", "set", "--db", db, "--story", "1", "--paper", "苏州日报", "--date", "2022-11-03",
            "--page", "A05")
        run("admin", "init", URL)
        run("copy", "--from", db, "--to", URL, timeout=300)
        run("admin", "add", URL, "anna", "--role", "editor")
        run("admin", "add", URL, "ben", "--role", "reviewer")
        cls.db = db
        cls.found = run("search", "--db", URL, "苏州").stdout.splitlines()

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def ids(self):
        return [line.split("\t")[0] for line in self.found]

    def test_search_finds_what_the_personal_library_finds(self):
        mine = run("search", "--db", self.db, "苏州").stdout.splitlines()
        self.assertGreater(len(mine), 2)
        # the same stories in the same order: best first on both engines,
        # the headlines that hold the term before the rest
        self.assertEqual([line.split("\t")[0] for line in mine], self.ids())
        in_title = ["苏州" in line.split("\t")[3] for line in self.found]
        self.assertTrue(any(in_title) and not all(in_title), in_title)
        self.assertEqual(in_title, sorted(in_title, reverse=True))
        for line in self.found:
            story_id, version, status, title = line.split("\t")
            self.assertGreaterEqual(int(version), 1)
            self.assertIn(status, ("new", "reviewed", "needs-work", "rejected"))
            self.assertTrue(title)
        # a phrase and a word left out, as the query language has them
        self.assertEqual(run("search", "--db", URL, "苏州 -苏州").stdout, "")

    def test_fields_find_what_the_personal_library_finds(self):
        for db in (self.db, URL):
            run("tag", "--db", db, "--query", "新就业", "--add", "字段检索")
        source = story(self.db, 1)["source"]["file"][:4]
        queries = ["tag:字段检索", "-tag:字段检索 苏州", "place:苏州", "-place:苏州", "place:吴江区",
                   "status:new 党建", "-status:new", "kind:brief", "kind:photo", "-kind:news 党",
                   f"source:{source}", f"-source:{source} 新", "paper:苏州日报", "-paper:苏州日报",
                   "date:2022-11", "date:2022-11-01..2022-11-30", "date:2023", "page:a5",
                   "place:苏州 tag:字段检索 -status:rejected 群体"]
        seen = set()
        for query in queries:
            # (after "--": a query may start with "-")
            mine = run("search", "--db", self.db, "--", query).stdout.splitlines()
            shared = run("search", "--db", URL, "--", query).stdout.splitlines()
            self.assertEqual([line.split("\t")[0] for line in mine],
                             [line.split("\t")[0] for line in shared], query)
            seen.add(len(mine))
            # and an export by the query holds the same stories
            exported = json.loads(run("export", "--db", URL, f"--query={query}", "--format", "json").stdout)
            self.assertEqual(sorted(str(s["id"]) for s in exported),
                             sorted(line.split("\t")[0] for line in mine), query)
        self.assertIn(0, seen)  # date:2023 finds nothing
        self.assertGreater(len(seen), 4)  # and the others various numbers of stories

    def test_tag_as_an_editor(self):
        anna = as_person("anna")
        target = self.ids()[0]
        out = run("tag", "--db", anna, "--story", target, "--add", "待核").stdout
        self.assertIn("1 story tagged", out)
        out = run("tag", "--db", anna, "--story", target, "--add", "待核").stdout
        self.assertIn("0 stories tagged", out)
        self.assertIn("待核", story(URL, target)["tags"])
        out = run("tag", "--db", anna, "--query", "苏州", "--add", "苏州稿").stdout
        self.assertIn(f"{len(self.ids())} stories tagged", out)
        out = run("tag", "--db", anna, "--query", "苏州", "--remove", "苏州稿").stdout
        self.assertIn(f"Tag taken off {len(self.ids())} stories", out)
        self.assertNotIn("苏州稿", story(URL, target)["tags"])
        missing = run("tag", "--db", anna, "--story", "999999", "--add", "x", status=2)
        self.assertIn("no story 999999", missing.stderr)

    def test_json_export_merged_as_on_a_personal_library(self):
        # an export of the shared library's own stories, one with a newer
        # note, one an editor changed since the export was made
        exported = json.loads(run("export", "--db", URL, "--format", "json").stdout)
        newer, older = exported[5], exported[6]
        run("note", "--db", URL, "--story", older["uuid"], "--set", "编辑后来写的")
        newer["note"], newer["updated"] = "导出里的新备注", "2099-01-01T00:00:00Z"
        older["note"], older["updated"] = "导出里的旧备注", "2000-01-01T00:00:00Z"
        path = os.path.join(self.dir.name, "merge.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump([newer, older], out, ensure_ascii=False)
        said = run("import", "--db", URL, path).stdout
        self.assertIn("merge.json: 2 stories: 0 added, 2 merged", said)
        self.assertEqual(story(URL, newer["uuid"])["note"], "导出里的新备注")
        self.assertEqual(story(URL, older["uuid"])["note"], "编辑后来写的")
        history = run("history", "--db", URL, "--story", older["uuid"]).stdout
        self.assertIn("导出里的旧备注", history)
        self.assertIn("2000-01-01T00:00:00Z", history)
        # again: nothing more kept
        run("import", "--db", URL, path)
        self.assertEqual(run("history", "--db", URL, "--story", older["uuid"]).stdout, history)
        # bad input: said with the file and the reason, nothing lost
        bad = os.path.join(self.dir.name, "bad.json")
        with open(bad, "w", encoding="utf-8") as out:
            out.write('[{"uuid": "x"}]')
        refused = run("import", "--db", URL, bad, status=2)
        self.assertIn("bad.json: refused:", refused.stdout)
        self.assertEqual(story(URL, newer["uuid"])["note"], "导出里的新备注")
        # an editor may not import one
        denied = run("import", "--db", as_person("anna"), path, status=2)
        self.assertNotIn("merged", denied.stdout)

    def test_note_and_its_conflict(self):
        anna, ben = as_person("anna"), as_person("ben")
        target = self.ids()[1]
        seen = version_of(URL, "苏州", target)
        out = run("note", "--db", anna, "--story", target, "--set", "安娜的批注",
                  "--if-version", str(seen)).stdout
        self.assertIn(f"version {seen + 1}", out)
        # ben writes over the version he saw before anna's note: refused
        clash = run("note", "--db", ben, "--story", target, "--set", "本的批注",
                    "--if-version", str(seen), status=1)
        self.assertIn("安娜的批注", clash.stderr)
        self.assertIn("本的批注", clash.stderr)
        self.assertIn(f"--if-version {seen + 1}", clash.stderr)
        self.assertEqual(story(URL, target)["note"], "安娜的批注")
        self.assertEqual(story(URL, target)["editor"], "anna")
        # without --if-version, the version it has now
        run("note", "--db", ben, "--story", target, "--set", "本的批注")
        self.assertEqual(story(URL, target)["note"], "本的批注")
        # the note is searched
        self.assertIn(target, [line.split("\t")[0] for line in
                               run("search", "--db", URL, "本的批注").stdout.splitlines()])

    def test_status_by_role(self):
        anna, ben = as_person("anna"), as_person("ben")
        target = self.ids()[2]
        run("status", "--db", anna, "--story", target, "--set", "needs-work")
        denied = run("status", "--db", anna, "--story", target, "--set", "reviewed", status=2)
        self.assertIn("anna is an editor (编辑)", denied.stderr)
        self.assertIn("reviewed", denied.stderr)
        self.assertEqual(story(URL, target)["status"], "needs-work")
        run("status", "--db", ben, "--story", target, "--set", "reviewed")
        self.assertEqual(story(URL, target)["status"], "reviewed")
        seen = version_of(URL, "苏州", target)
        run("status", "--db", anna, "--story", target, "--set", "needs-work",
            "--if-version", str(seen - 1), status=1)
        # a login of the server holding none of the library's roles
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", URL, "-c",
                        "CREATE ROLE carl LOGIN"], check=True, capture_output=True)
        stranger = run("note", "--db", as_person("carl"), "--story", target, "--set", "x",
                       status=2)
        self.assertIn("carl holds no role of the shared library", stranger.stderr)

    def test_schema_steps(self):
        # a library another database of the same server: made, made again
        # (nothing to do), then written by a newer Storydesk
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", URL, "-c",
                        "CREATE DATABASE steps"], check=True, capture_output=True)
        other = URL.replace("/storydesk_test?", "/steps?")
        run("admin", "init", other)
        run("admin", "init", other)
        done = subprocess.run(["psql", "-qAt", other, "-c",
                               "SELECT string_agg (step::text, ',' ORDER BY step)"
                               " FROM storydesk.schema_steps"],
                              check=True, capture_output=True, text=True).stdout.strip()
        # every step once, in order, however many this version has
        steps = [int(step) for step in done.split(",")]
        self.assertEqual(steps, list(range(1, len(steps) + 1)))
        self.assertGreaterEqual(len(steps), 6)
        self.assertEqual(run("export", "--db", other, "--format", "json").stdout, "[]\n")
        subprocess.run(["psql", "-q", other, "-c",
                        "INSERT INTO storydesk.schema_steps (step) VALUES (99)"], check=True,
                       capture_output=True)
        newer = run("export", "--db", other, "--format", "json", status=2)
        self.assertIn("made by a newer Storydesk (schema step 99)", newer.stderr)
        refused = run("copy", "--from", self.db, "--to", other, status=2)
        self.assertIn("schema step 99", refused.stderr)

    def test_no_password_in_the_address(self):
        # refused before connecting, and never repeated in a message
        with_password = URL.replace("postgresql:///", "postgresql://storydesk:s3cret@/")
        for args in (["export", "--db", with_password], ["search", "--db", with_password, "x"],
                     ["copy", "--from", self.db, "--to", with_password],
                     ["admin", "init", with_password]):
            refused = run(*args, status=2)
            self.assertIn("~/.pgpass", refused.stderr)
            self.assertNotIn("s3cret", refused.stderr + refused.stdout)
        refused = run("export", "--db", URL + "&password=s3cret", status=2)
        self.assertNotIn("s3cret", refused.stderr)

    def test_page_set_by_role(self):
        anna, ben = as_person("anna"), as_person("ben")
        # the last story: a page the other tests leave alone
        target = str(story(URL, max(int(s["id"]) for s in json.loads(
            run("export", "--db", URL, "--format", "json").stdout)))["id"])

        def version():
            return int(subprocess.run(["psql", "-qAt", URL, "-c",
                                       f"SELECT version FROM storydesk.stories WHERE id = {target}"],
                                      check=True, capture_output=True, text=True).stdout)

        fields = ["--paper", "扬州日报", "--date", "2023-02-03", "--page", "A02"]
        denied = run("page", "set", "--db", anna, "--story", target, *fields, status=2)
        self.assertIn("anna is an editor (编辑)", denied.stderr)
        seen = version()
        out = run("page", "set", "--db", ben, "--story", target, *fields,
                  "--if-version", str(seen)).stdout
        self.assertIn(f"story {target} is at version {seen + 1}", out)
        # over the version seen before: refused, nothing written
        clash = run("page", "set", "--db", ben, "--story", target, "--page", "A09",
                    "--if-version", str(seen), status=1)
        self.assertIn("someone else changed", clash.stderr)
        # a date that is none, refused naming the page's file
        bad = run("page", "set", "--db", ben, "--story", target, "--date", "2023-13-45", status=2)
        self.assertIn(story(URL, target)["source"]["file"], bad.stderr)
        # the same on the personal library: the same fields
        run("page", "set", "--db", self.db, "--story", target, *fields)
        mine, shared = story(self.db, target), story(URL, target)
        for key in ("paper", "date", "page"):
            self.assertEqual(mine[key], shared[key], key)
        self.assertEqual(shared["page"], "A02")
        # "" clears, on both
        for db in (self.db, URL):
            run("page", "set", "--db", db if db == self.db else ben, "--story", target, "--page", "")
            self.assertIsNone(story(db, target)["page"])

    def test_personal_library_has_no_versions(self):
        target = run("search", "--db", self.db, "苏州").stdout.split("\t")[0]
        refused = run("note", "--db", self.db, "--story", target, "--set", "x",
                      "--if-version", "3", status=2)
        self.assertIn("--if-version is for a shared library", refused.stderr)
        self.assertIn("\t-\t", run("search", "--db", self.db, "苏州").stdout)

    def test_trash_and_batches_as_on_a_personal_library(self):
        # (named to run last: it adds two pages to both libraries)
        pages = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages", name)
                 for name in ("u01.txt", "v01.txt")]
        said = {}
        for db in (self.db, URL):
            out = said[db] = []
            before = run("batches", "--db", db).stdout.splitlines()
            run("import", "--db", db, *pages, timeout=300)
            batches = run("batches", "--db", db).stdout.splitlines()
            self.assertEqual(len(batches), len(before) + 1)
            batch, kind, started, n_pages, n_stories, trashed, first = batches[-1].split("\t")
            self.assertEqual((kind, n_pages, trashed, first),
                             ("import", "2 pages", "0 in the trash", "u01.txt"))
            self.assertRegex(started, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            out.append(n_stories)
            # "delete this import", listed as one entry of the trash
            out.append(run("delete", "--db", db, "--batch", batch).stdout
                       .replace(f"--batch {batch} ", "--batch ID "))
            entries = run("trash", "--db", db, "list").stdout.splitlines()
            self.assertEqual(len(entries), 1, entries)
            self.assertRegex(entries[0], rf"^batch\t{batch}\t{n_stories}\t\S+\tu01.txt$")
            # a page of it imported again comes back; the rest with the batch
            out.append(run("import", "--db", db, pages[0]).stdout.split(": ", 1)[1])
            out.append(run("trash", "--db", db, "restore", "--batch", batch).stdout)
            self.assertEqual(run("trash", "--db", db, "list").stdout, "The trash is empty\n")
            # a story by uuid, out and back; a second restore fails, saying so
            exported = json.loads(run("export", "--db", db, "--format", "json").stdout)
            victim = [s for s in exported if s["source"]["file"] == "u01.txt"][0]
            out.append(run("delete", "--db", db, "--story", victim["uuid"]).stdout)
            out.append(run("trash", "--db", db, "list").stdout.split("\t", 3)[:3])
            out.append(run("trash", "--db", db, "restore", "--story", str(victim["id"])).stdout)
            again = run("trash", "--db", db, "restore", "--story", str(victim["id"]), status=2)
            self.assertIn(f"nothing of --story {victim['id']} is in the trash", again.stderr)
            history = run("history", "--db", db, "--story", victim["uuid"]).stdout.splitlines()
            out.append([line.split("\t")[0] for line in history])
            run("history", "--db", db, "--story", "999999", status=2)
            # emptied: gone for good
            run("delete", "--db", db, "--story", str(victim["id"]))
            out.append(run("trash", "--db", db, "empty").stdout)
            self.assertNotIn(victim["uuid"], run("export", "--db", db, "--format", "json").stdout)
        # the same said by both engines
        self.assertEqual(said[self.db], said[URL])
        self.assertIn("back from the trash", said[URL][2])

        # the server's: an editor and a reviewer read, never delete
        anna, ben = as_person("anna"), as_person("ben")
        target = self.ids()[3]
        denied = run("delete", "--db", anna, "--story", target, status=2)
        self.assertIn("anna is an editor (编辑) of the shared library and may not delete",
                      denied.stderr)
        denied = run("trash", "--db", ben, "empty", status=2)
        self.assertIn("ben is a reviewer (审稿) of the shared library and may not empty",
                      denied.stderr)
        run("delete", "--db", URL, "--story", target)
        denied = run("trash", "--db", anna, "restore", "--story", target, status=2)
        self.assertIn("only an admin (管理员) may", denied.stderr)
        self.assertIn(f"story\t{target}\t1 story", run("trash", "--db", ben, "list").stdout)
        run("trash", "--db", URL, "restore", "--story", target)
        self.assertIn("u01.txt", run("batches", "--db", anna).stdout)
        self.assertIn("(now)", run("history", "--db", anna, "--story", target).stdout)
        # a command a shared library does not take yet still says which do
        refused = run("backup", "--db", URL, os.path.join(self.dir.name, "copy.db"), status=2)
        self.assertIn("delete, trash, batches and history do", refused.stderr)


if __name__ == "__main__":
    unittest.main()
