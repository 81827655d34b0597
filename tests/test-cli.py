#!/usr/bin/python3
# The command line: import, export, tag, note, status, --help; exit codes;
# bad files refused with a message naming them, and nothing stored lost.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")


def run(*args, check_status=0, env=None):
    proc = subprocess.run([STORYDESK, *args], capture_output=True, text=True, env=env, timeout=60)
    if check_status is not None and proc.returncode != check_status:
        raise AssertionError(
            f"{args}: exit {proc.returncode}, wanted {check_status}\n{proc.stdout}\n{proc.stderr}")
    return proc


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "library.db")

    def tearDown(self):
        self.tmp.cleanup()

    def export(self, *extra):
        out = run("export", "--db", self.db, "--format", "json", *extra).stdout
        return json.loads(out)

    def test_help_lists_commands(self):
        # No display is needed for --help.
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        text = run("--help", env=env).stdout
        for command in ("import", "export", "tag", "note", "status", "delete", "trash",
                        "batches", "history", "--db"):
            self.assertIn(command, text)

    def test_import_and_export(self):
        proc = run("import", "--db", self.db, SEEDS)
        lines = proc.stdout.strip().splitlines()
        self.assertEqual(len(lines), 5, proc.stdout)
        for line in lines:
            self.assertRegex(line, r"\.txt: \d+ stor(y|ies)$")
        stories = self.export()
        self.assertGreaterEqual(len(stories), 30)
        keys = {"id", "source", "kind", "headline", "subheadline", "reporter", "byline", "body",
                "city", "district", "town", "tags", "note", "status"}
        for story in stories:
            self.assertLessEqual(keys, set(story), story)
            self.assertEqual(set(story["source"]), {"file", "start", "end"})
            self.assertIn(story["kind"], ("news", "brief", "photo", "continuation"))
            self.assertLess(story["source"]["start"], story["source"]["end"])
            path = os.path.join(SEEDS, story["source"]["file"])
            with open(path, "rb") as page:
                span = page.read()[story["source"]["start"]:story["source"]["end"]].decode()
            if story["headline"]:
                # the page keeps its bytes; the headline sets ,;:?!() full
                # width inside Chinese
                folded = str.maketrans("，；：？！（）", ",;:?!()")
                self.assertIn(story["headline"].translate(folded), span.translate(folded))
        # -o writes a file holding the same JSON.
        out = os.path.join(self.tmp.name, "out.json")
        run("export", "--db", self.db, "--format", "json", "-o", out)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(json.load(f), stories)

    def test_reimport_changes_nothing(self):
        run("import", "--db", self.db, SEEDS)
        first = self.export()
        run("tag", "--db", self.db, "--story", str(first[0]["id"]), "--add", "党建")
        again = run("import", "--db", self.db, SEEDS).stdout
        self.assertEqual(again.count("already in the library"), 5)
        second = self.export()
        self.assertEqual(len(first), len(second))
        self.assertEqual(second[0]["tags"], ["党建"])

    def test_tag_note_status(self):
        run("import", "--db", self.db, os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0]))
        story_id = str(self.export()[0]["id"])
        run("tag", "--db", self.db, "--story", story_id, "--add", "新业态")
        run("note", "--db", self.db, "--story", story_id, "--set", "核对人名")
        run("status", "--db", self.db, "--story", story_id, "--set", "reviewed")
        story = next(s for s in self.export() if str(s["id"]) == story_id)
        self.assertEqual(story["tags"], ["新业态"])
        self.assertEqual(story["note"], "核对人名")
        self.assertEqual(story["status"], "reviewed")
        run("tag", "--db", self.db, "--story", story_id, "--remove", "新业态")
        story = next(s for s in self.export() if str(s["id"]) == story_id)
        self.assertEqual(story["tags"], [])
        # Query tagging reaches every story containing the text.
        proc = run("tag", "--db", self.db, "--query", "吴江", "--add", "吴江")
        tagged = [s for s in self.export() if "吴江" in s["tags"]]
        self.assertGreater(len(tagged), 0)
        for s in tagged:
            self.assertIn("吴江", (s["headline"] or "") + s["body"])
        run("status", "--db", self.db, "--story", story_id, "--set", "bogus", check_status=2)
        run("tag", "--db", self.db, "--story", "999999", "--add", "x", check_status=2)

    def test_exchange_merges(self):
        # Defect 7 of #13: an export imported back does not double the stories.
        run("import", "--db", self.db, SEEDS)
        before = self.export()
        exported = os.path.join(self.tmp.name, "mine.json")
        run("export", "--db", self.db, "--format", "json", "-o", exported)
        proc = run("import", "--db", self.db, exported)
        self.assertEqual(proc.stdout.strip(),
                         f"{exported}: {len(before)} stories: 0 added, {len(before)} merged into "
                         "the stories the library held (0 conflicting: the newer note or status "
                         "kept)")
        self.assertEqual(self.export(), before)
        # an older export without uuids is matched by page file and span
        for story in before:
            del story["uuid"]
        with open(exported, "w", encoding="utf-8") as f:
            json.dump(before, f, ensure_ascii=False)
        proc = run("import", "--db", self.db, exported)
        self.assertIn(f" 0 added, {len(before)} merged", proc.stdout)
        self.assertEqual(len(self.export()), len(before))

    def test_old_tag_with_line_break_round_trips(self):
        # Issue #14: a library from before the store refused such names held a
        # tag with a line break, and its JSON backup could not be imported.
        run("import", "--db", self.db, SEEDS)
        run("tag", "--db", self.db, "--story", "1", "--add", "坏\n标签", check_status=2)
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE tags SET name = '坏' || char(10) || '标签' WHERE id = "
                       "(SELECT tag_id FROM story_tags LIMIT 1)")
        run("tag", "--db", self.db, "--story", "1", "--add", "正常")
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE tags SET name = '坏' || char(10) || '标签' WHERE name = '正常'")
        exported = os.path.join(self.tmp.name, "backup.json")
        run("export", "--db", self.db, "--format", "json", "-o", exported)
        other = os.path.join(self.tmp.name, "restored.db")
        run("import", "--db", other, exported)
        restored = json.loads(run("export", "--db", other, "--format", "json").stdout)
        self.assertEqual(len(restored), len(self.export()))
        story = next(s for s in restored if s["id"] == 1)
        self.assertIn("坏 标签", story["tags"])
        # A file's names meet the store's rule too: a tag too long to remove
        # or rename in the window is refused with the file, nothing stored.
        restored[0]["tags"].append("长" * 70)
        restored[0]["uuid"] = None
        with open(exported, "w", encoding="utf-8") as f:
            json.dump(restored, f, ensure_ascii=False)
        third = os.path.join(self.tmp.name, "third.db")
        proc = run("import", "--db", third, exported, check_status=2)
        self.assertIn("64", proc.stdout + proc.stderr)
        self.assertEqual(run("export", "--db", third, "--format", "json").stdout.strip(), "[]")

    def test_tag_query_is_one_transaction(self):
        # Issue #14: killed part-way, `tag --query` left some stories tagged.
        # A failure injected at the fifth story now leaves none tagged.
        run("import", "--db", self.db, SEEDS)
        with sqlite3.connect(self.db) as db:
            db.execute("CREATE TRIGGER fail_fifth BEFORE INSERT ON story_tags "
                       "WHEN (SELECT count(*) FROM story_tags) >= 4 "
                       "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        run("tag", "--db", self.db, "--query", "place:苏州市", "--add", "批量", check_status=2)
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("SELECT count(*) FROM story_tags").fetchone()[0], 0)
            db.execute("DROP TRIGGER fail_fifth")
        proc = run("tag", "--db", self.db, "--query", "place:苏州市", "--add", "批量")
        tagged = [s for s in self.export() if "批量" in s["tags"]]
        self.assertGreater(len(tagged), 4)
        self.assertIn(str(len(tagged)), proc.stdout)
        # Again: nothing changes, and it says so.
        proc = run("tag", "--db", self.db, "--query", "place:苏州市", "--add", "批量")
        self.assertEqual(proc.stdout.strip(), "0 stories tagged")
        # A query that finds nothing makes no tag.
        run("tag", "--db", self.db, "--query", "没有这样的稿件xyz", "--add", "空标签")
        with sqlite3.connect(self.db) as db:
            self.assertEqual(
                db.execute("SELECT count(*) FROM tags WHERE name = '空标签'").fetchone()[0], 0)

    def test_story_by_uuid(self):
        run("import", "--db", self.db, os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0]))
        stories = self.export()
        self.assertEqual(len({s["uuid"] for s in stories}), len(stories))
        uuid = stories[1]["uuid"]
        self.assertRegex(uuid, r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        run("tag", "--db", self.db, "--story", uuid, "--add", "新业态")
        run("note", "--db", self.db, "--story", uuid.upper(), "--set", "核对人名")
        run("status", "--db", self.db, "--story", uuid, "--set", "reviewed")
        story = next(s for s in self.export() if s["uuid"] == uuid)
        self.assertEqual(story["id"], stories[1]["id"])
        self.assertEqual(story["tags"], ["新业态"])
        self.assertEqual(story["note"], "核对人名")
        self.assertEqual(story["status"], "reviewed")
        proc = run("note", "--db", self.db, "--story", "0f8fad5b-d9cb-469f-a165-70867728950e",
                   "--set", "x", check_status=2)
        self.assertIn("0f8fad5b-d9cb-469f-a165-70867728950e", proc.stderr)
        run("status", "--db", self.db, "--story", "六", "--set", "new", check_status=2)

    def test_delete_and_trash(self):
        run("import", "--db", self.db, SEEDS)
        before = self.export()
        victim = before[1]
        word = victim["headline"][:4]
        self.assertIn(victim["id"], [s["id"] for s in self.export("--query", word)])
        # a story by uuid: gone from exports and searches, listed in the trash
        proc = run("delete", "--db", self.db, "--story", victim["uuid"])
        self.assertIn("1 story moved to the trash", proc.stdout)
        after = self.export()
        self.assertEqual(len(after), len(before) - 1)
        self.assertNotIn(victim["id"], [s["id"] for s in after])
        self.assertNotIn(victim["id"], [s["id"] for s in self.export("--query", word)])
        lines = run("trash", "--db", self.db, "list").stdout.splitlines()
        self.assertEqual(lines, [f"story\t{victim['id']}\t1 story\t" + lines[0].split("\t")[3]
                                 + "\t" + victim["headline"]])
        run("trash", "--db", self.db, "restore", "--story", str(victim["id"]))
        self.assertEqual(self.export(), before)
        self.assertEqual(run("trash", "--db", self.db, "list").stdout, "The trash is empty\n")

        # a page, then the whole import batch
        page = [s for s in before if s["source"]["file"] == victim["source"]["file"]]
        conn = sqlite3.connect(self.db)
        page_id, batch_id = conn.execute(
            "SELECT p.id, p.batch_id FROM stories s JOIN pages p ON p.id = s.page_id "
            "WHERE s.id = ?", (victim["id"],)).fetchone()
        conn.close()
        batches = run("batches", "--db", self.db).stdout.splitlines()
        self.assertEqual(len(batches), 1)
        self.assertRegex(batches[0], rf"^{batch_id}\timport\t\S+\t5 pages\t{len(before)} stories"
                         r"\t0 in the trash\t000_")
        run("delete", "--db", self.db, "--page", str(page_id))
        self.assertEqual(len(self.export()), len(before) - len(page))
        run("delete", "--db", self.db, "--batch", str(batch_id))
        self.assertEqual(self.export(), [])
        entries = run("trash", "--db", self.db, "list").stdout.splitlines()
        self.assertEqual([e.split("\t")[:3] for e in entries],
                         [["batch", str(batch_id), f"{len(before) - len(page)} stories"],
                          ["page", str(page_id), f"{len(page)} stories"]])
        # importing the files again brings them back as they were
        proc = run("import", "--db", self.db, SEEDS)
        self.assertEqual(proc.stdout.count("back from the trash"), 5, proc.stdout)
        self.assertEqual(self.export(), before)
        # emptied for good: the same files import anew
        run("delete", "--db", self.db, "--batch", str(batch_id))
        self.assertIn(f"{len(before)} stories deleted for good",
                      run("trash", "--db", self.db, "empty").stdout)
        proc = run("import", "--db", self.db, SEEDS)
        self.assertNotIn("back from the trash", proc.stdout)
        self.assertEqual(len(self.export()), len(before))
        # wrong targets are refused
        for args in (["--story", "9999"], ["--page", "9999"], ["--batch", "9999"], [],
                     ["--story", "1", "--page", "1"]):
            run("delete", "--db", self.db, *args, check_status=2)
        run("trash", "--db", self.db, "restore", check_status=2)
        run("trash", "--db", self.db, "burn", check_status=2)
        # restoring what is not in the trash fails, saying so, not "0 stories back"
        proc = run("trash", "--db", self.db, "restore", "--story", "1", check_status=2)
        self.assertEqual(proc.stdout, "")
        self.assertIn("nothing of --story 1 is in the trash; nothing changed", proc.stderr)

    def test_merge_keeps_history(self):
        run("import", "--db", self.db, os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0]))
        story = self.export()[0]
        run("note", "--db", self.db, "--story", str(story["id"]), "--set", "旧批注")
        out = os.path.join(self.tmp.name, "a.json")
        run("export", "--db", self.db, "--format", "json", "-o", out)
        # the export's edit is made newer than the library's next one
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
        data[0]["note"] = "新批注"
        data[0]["status"] = "reviewed"
        data[0]["updated"] = "2099-01-01T00:00:00Z"
        with open(out, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        run("import", "--db", self.db, out)
        lines = run("history", "--db", self.db, "--story", story["uuid"]).stdout.splitlines()
        fields = [line.split("\t") for line in lines]
        self.assertEqual([(f[0], f[3], f[4]) for f in fields],
                         [("note", "旧批注", fields[0][4]), ("status", "new", fields[1][4]),
                          ("note", "新批注", "(now)"), ("status", "reviewed", "(now)")], lines)
        self.assertTrue(fields[0][4].startswith("(replaced "), lines)
        run("history", "--db", self.db, "--story", "9999", check_status=2)

    def test_bad_files_refused_and_nothing_lost(self):
        run("import", "--db", self.db, SEEDS)
        before = self.export()
        binary = os.path.join(self.tmp.name, "photo.txt")
        with open(binary, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
        latin = os.path.join(self.tmp.name, "latin.txt")
        with open(latin, "wb") as f:
            f.write("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, tr\u00e8s connue.".encode("latin-1"))
        proc = run("import", "--db", self.db, binary, latin, os.path.join(self.tmp.name, "missing.txt"),
                   check_status=2)
        lines = proc.stdout.strip().splitlines()
        self.assertEqual(len(lines), 3)
        self.assertIn("photo.txt", lines[0])
        self.assertIn("binary", lines[0])
        self.assertIn("latin.txt", lines[1])
        self.assertIn("missing.txt", lines[2])
        self.assertEqual(before, self.export())
        with sqlite3.connect(self.db) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")

    def test_plain_c_locale(self):
        # Chinese arguments work where no locale is set at all.
        env = dict(os.environ, LANG="C", LC_ALL="C")
        env.pop("LANGUAGE", None)
        run("import", "--db", self.db, SEEDS, env=env)
        proc = run("tag", "--db", self.db, "--query", "place:苏州市 党建", "--add", "党建稿", env=env)
        tagged = [s for s in self.export() if "党建稿" in s["tags"]]
        self.assertGreater(len(tagged), 0, proc.stdout)

    def test_gb18030_page(self):
        seed = os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0])
        with open(seed, encoding="utf-8") as f:
            text = f.read()
        gb = os.path.join(self.tmp.name, "gb.txt")
        with open(gb, "wb") as f:
            f.write(text.encode("gb18030"))
        run("import", "--db", self.db, gb)
        stories = self.export()
        self.assertGreater(len(stories), 2)
        with open(gb, "rb") as f:
            raw = f.read()
        for story in stories:
            # Offsets point into the file's own GB18030 bytes.
            span = raw[story["source"]["start"]:story["source"]["end"]].decode("gb18030")
            if story["headline"]:
                # the page keeps its bytes; the headline sets ,;:?!() full
                # width inside Chinese
                folded = str.maketrans("，；：？！（）", ",;:?!()")
                self.assertIn(story["headline"].translate(folded), span.translate(folded))

    def test_export_errors(self):
        run("import", "--db", self.db, SEEDS)
        proc = run("export", "--db", self.db, "--format", "odt", check_status=2)
        self.assertIn("odt", proc.stderr)
        proc = run("export", "--db", self.db, "--format", "json", "-o", "/nonexistent-dir/x.json",
                   check_status=2)
        self.assertIn("x.json", proc.stderr)

    def test_missing_file_refused_in_plain_words(self):
        missing = os.path.join(self.tmp.name, "A01.txt")
        proc = run("import", "--db", self.db, missing, check_status=2)
        self.assertEqual(proc.stdout, f"{missing}: refused: there is no such file or folder\n")

    def test_backup_errors_name_the_destination(self):
        run("import", "--db", self.db, SEEDS)
        dest = os.path.join(self.tmp.name, "missing", "copy.db")
        proc = run("backup", "--db", self.db, dest, check_status=2)
        self.assertIn(f"{dest}: no backup was made: the folder "
                      f"{os.path.dirname(dest)} does not exist", proc.stderr)
        self.assertNotIn(".part", proc.stderr)
        self.assertNotIn("unable to open database file", proc.stderr)
        if os.geteuid() != 0:  # root writes anywhere
            locked = os.path.join(self.tmp.name, "locked")
            os.mkdir(locked, 0o500)
            proc = run("backup", "--db", self.db, os.path.join(locked, "copy.db"),
                       check_status=2)
            self.assertIn(f"cannot write in the folder {locked}", proc.stderr)

    def test_not_a_library(self):
        bogus = os.path.join(self.tmp.name, "notes.db")
        with open(bogus, "w") as f:
            f.write("plain text, not a database\n" * 10)
        proc = run("export", "--db", bogus, "--format", "json", check_status=2)
        self.assertIn("notes.db", proc.stderr)
        with open(bogus) as f:
            self.assertEqual(f.read(), "plain text, not a database\n" * 10)

    def test_query_language(self):
        run("import", "--db", self.db, SEEDS)
        stories = self.export()

        def text(s):
            return "\n".join(s[k] or "" for k in ("headline", "subheadline", "body", "byline", "note"))

        found = self.export("--query", "吴江 -外卖")
        self.assertGreater(len(found), 0)
        for s in found:
            self.assertIn("吴江", text(s))
            self.assertNotIn("外卖", text(s))
        # one character, answered exactly
        self.assertEqual({s["id"] for s in self.export("--query", "吴")},
                         {s["id"] for s in stories if "吴" in text(s)})
        placed = self.export("--query", "place:吴江区")
        self.assertGreater(len(placed), 0)
        for s in placed:
            self.assertEqual(s["district"], "吴江区")
        story_id = str(stories[0]["id"])
        run("status", "--db", self.db, "--story", story_id, "--set", "reviewed")
        self.assertEqual([s["id"] for s in self.export("--query", "status:已审")], [stories[0]["id"]])
        run("tag", "--db", self.db, "--query", "吴江 kind:news", "--add", "吴江新闻")
        tagged = self.export("--query", "tag:吴江新闻")
        self.assertEqual({s["id"] for s in tagged},
                         {s["id"] for s in stories if "吴江" in text(s) and s["kind"] == "news"})
        # a wrong query is refused with what and where, and changes nothing
        for query, words in (('"党建', ("quote", "1")), ("党建 foo:bar", ("foo", "4")),
                             ("place:火星", ("火星",)), ("status:done", ("done",)),
                             ("党建 -", ("-", "4"))):
            proc = run("export", "--db", self.db, "--query", query, "--format", "json",
                       check_status=2)
            self.assertEqual(proc.stdout, "")
            for word in words:
                self.assertIn(word, proc.stderr)
            run("tag", "--db", self.db, "--query", query, "--add", "错", check_status=2)
        self.assertEqual(self.export("--query", "tag:错"), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
