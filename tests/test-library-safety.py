#!/usr/bin/python3
# Issue #14, items 9 to 11: only Storydesk libraries are opened, and only
# made when asked; damage is found and refused, and what can be read is
# recovered; backups are consistent while others write, and restoring one
# gives the library back.  Each test is named after its item.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdrun import SEEDS, LibraryCase, damage, dump, run  # noqa: E402

APPLICATION_ID = 0x5344534B


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class LibraryTest(LibraryCase):
    def seeded(self):
        run("import", "--db", self.db, SEEDS)
        story = json.loads(run("export", "--db", self.db).stdout)[0]["id"]
        run("tag", "--db", self.db, "--story", str(story), "--add", "党建")
        run("note", "--db", self.db, "--story", str(story), "--set", "核对人名")
        return self.db

    def writes(self, db):
        """Every command that opens the library."""
        return [("export", "--db", db), ("tag", "--db", db, "--story", "1", "--add", "x"),
                ("note", "--db", db, "--story", "1", "--set", "x"),
                ("status", "--db", db, "--story", "1", "--set", "reviewed"),
                ("backup", "--db", db, self.path("copy.db")), ("import", "--db", db, SEEDS)]

    # item 9 ------------------------------------------------------------

    def test_item9_other_database_refused_untouched(self):
        other = self.path("accounts.db")
        connection = sqlite3.connect(other)
        connection.execute("CREATE TABLE ledger (amount INTEGER)")
        connection.execute("INSERT INTO ledger VALUES (42)")
        connection.commit()
        connection.close()
        before, listing = digest(other), sorted(os.listdir(self.dir))
        for args in self.writes(other) + [("check", "--db", other)]:
            proc = run(*args, status=2)
            self.assertIn("accounts.db: not a Storydesk library", proc.stderr, args)
            self.assertEqual(digest(other), before, args)
            self.assertEqual(sorted(os.listdir(self.dir)), listing, args)
        connection = sqlite3.connect(other)
        self.assertEqual(connection.execute("PRAGMA journal_mode").fetchone()[0], "delete")
        connection.close()

        text = self.path("notes.db")
        with open(text, "w") as f:
            f.write("just text, not a database\n" * 100)
        proc = run("export", "--db", text, status=2)
        self.assertIn("not an SQLite database", proc.stderr)

    def test_item9_library_made_only_when_asked(self):
        missing = self.path("typo.db")
        for args in self.writes(missing)[:-1] + [("check", "--db", missing)]:
            proc = run(*args, status=2)
            self.assertIn("typo.db", proc.stderr, args)
            self.assertFalse(os.path.exists(missing), args)
        run("import", "--db", missing, SEEDS)
        connection = sqlite3.connect(missing)
        self.assertEqual(connection.execute("PRAGMA application_id").fetchone()[0], APPLICATION_ID)
        self.assertGreater(connection.execute("PRAGMA user_version").fetchone()[0], 0)
        connection.close()

    def test_item9_db_is_a_path_not_an_sqlite_uri(self):
        for name in ("file:lib.db?mode=memory", ":memory:"):
            run("export", "--db", name, status=2, cwd=self.dir)
            run("import", "--db", name, SEEDS, cwd=self.dir)
            self.assertTrue(os.path.isfile(os.path.join(self.dir, name)), name)
            self.assertEqual(len(json.loads(run("export", "--db", name, cwd=self.dir).stdout)), 38)

    def test_item9_library_of_an_older_storydesk_opens_and_gets_the_id(self):
        self.seeded()
        connection = sqlite3.connect(self.db)
        connection.execute("PRAGMA application_id = 0")
        connection.commit()
        connection.close()
        self.assertEqual(len(json.loads(run("export", "--db", self.db).stdout)), 38)
        connection = sqlite3.connect(self.db)
        self.assertEqual(connection.execute("PRAGMA application_id").fetchone()[0], APPLICATION_ID)
        connection.close()

    # item 10 -----------------------------------------------------------

    def test_item10_damage_found_refused_and_recovered(self):
        self.seeded()
        self.assertIn("no damage found", run("check", "--db", self.db).stdout)
        original = {s["id"]: s for s in json.loads(
            run("export", "--db", self.db, "--fields", "all").stdout)}
        lost = damage(self.db)
        self.assertGreater(lost, 0)
        before = digest(self.db)
        for args in self.writes(self.db)[:-1]:
            proc = run(*args, status=2)
            self.assertIn("library is damaged", proc.stderr, args)
            self.assertIn("storydesk recover", proc.stderr, args)
        proc = run("check", "--db", self.db, status=2)
        self.assertIn("btreeInitPage", proc.stderr)
        self.assertEqual(digest(self.db), before)

        saved = self.path("saved.db")
        proc = run("recover", self.db, saved)
        self.assertIn("stories: %d rows saved" % (len(original) - lost), proc.stdout)
        self.assertIn("no damage found", run("check", "--db", saved).stdout)
        with open(self.path("saved.json")) as f:
            recovered = json.load(f)
        self.assertEqual(len(recovered), len(original) - lost)
        for story in json.loads(run("export", "--db", saved, "--fields", "all").stdout):
            self.assertEqual(story, original[story["id"]])
        # into a file that exists: refused
        run("recover", self.db, saved, status=2)

    # item 11 -----------------------------------------------------------

    def test_item11_backup_consistent_while_another_connection_writes(self):
        self.seeded()
        writer = subprocess.Popen([os.environ["SD_WRITE_LOOP"], self.db, "38", "w", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            writer.stdout.readline()  # writing has begun
            counts = []
            for i in range(4):
                copy = self.path(f"copy-{i}.db")
                run("backup", "--db", self.db, copy)
                self.assertIn("no damage found", run("check", "--db", copy).stdout)
                connection = sqlite3.connect(copy)
                # each write adds a tag and its use in one transaction
                tags, uses = connection.execute(
                    "SELECT (SELECT count (*) FROM tags), (SELECT count (*) FROM story_tags)"
                ).fetchone()
                connection.close()
                self.assertEqual(tags, uses)
                counts.append(tags)
        finally:
            writer.terminate()
            writer.communicate()
        self.assertGreater(counts[-1], counts[0], "the writer went on during the backups")
        # into a folder: a new file there; over a file: refused
        folder = self.path("backups")
        os.mkdir(folder)
        self.assertIn(folder, run("backup", "--db", self.db, folder).stdout)
        self.assertEqual(len(os.listdir(folder)), 1)
        run("backup", "--db", self.db, self.path("copy-0.db"), status=2)

    def test_item11_restore_as_the_readme_says_gives_the_library_back(self):
        self.seeded()
        backup = self.path("backup.db")
        run("backup", "--db", self.db, backup)
        expected = dump(self.db)
        damage(self.db)
        run("export", "--db", self.db, status=2)
        # README, "Keeping the library safe": restoring a backup
        run("check", "--db", backup)
        os.rename(self.db, self.db + ".damaged")
        for suffix in ("-wal", "-shm"):
            if os.path.exists(self.db + suffix):
                os.rename(self.db + suffix, self.db + ".damaged" + suffix)
        shutil.copyfile(backup, self.db)
        self.assertEqual(dump(self.db), expected)
        self.assertEqual(len(json.loads(run("export", "--db", self.db).stdout)), 38)
        self.assertEqual(dump(self.db), expected)

    # item 11, weekly ---------------------------------------------------

    def set_back(self, days, task=None):
        """Moves the remembered time of the weekly check and backup (or of
        @task alone) @days into the past."""
        connection = sqlite3.connect(self.db)
        connection.execute("UPDATE maintenance SET done = done - ? WHERE ? IS NULL OR task = ?",
                           (days * 86400, task, task))
        connection.commit()
        connection.close()

    def weekly(self):
        folder = self.path("backups")
        return sorted(f for f in os.listdir(folder) if f.endswith(".weekly.db")) \
            if os.path.isdir(folder) else []

    def test_item11_weekly_check_and_backup_when_a_week_old(self):
        self.seeded()
        # a new library: nothing due for a week
        self.assertEqual(self.weekly(), [])
        self.set_back(6)
        proc = run("tag", "--db", self.db, "--story", "1", "--add", "六天")
        self.assertEqual(proc.stderr, "")
        self.assertEqual(self.weekly(), [])

        self.set_back(2)
        expected = dump(self.db)
        connection = sqlite3.connect(self.db)
        checked = connection.execute(
            "SELECT done FROM maintenance WHERE task = 'integrity-check'").fetchone()[0]
        connection.close()
        proc = run("tag", "--db", self.db, "--story", "1", "--add", "八天")
        self.assertIn("library.db: weekly check: no damage found", proc.stderr)
        self.assertIn("library.db: weekly backup made:", proc.stderr)
        self.assertEqual(len(self.weekly()), 1)
        backup = self.path(os.path.join("backups", self.weekly()[0]))
        self.assertIn(backup, proc.stderr)
        self.assertIn("no damage found", run("check", "--db", backup).stdout)
        # remembered: the next write command does neither
        proc = run("note", "--db", self.db, "--story", "1", "--set", "周")
        self.assertEqual(proc.stderr, "")
        self.assertEqual(len(self.weekly()), 1)
        # reads never do them
        self.set_back(8)
        run("export", "--db", self.db)
        self.assertEqual(len(self.weekly()), 1)

        # the backup restored as the README says is the library as it was
        # before the command that made it
        os.rename(self.db, self.db + ".old")
        for suffix in ("-wal", "-shm"):
            if os.path.exists(self.db + suffix):
                os.rename(self.db + suffix, self.db + ".old" + suffix)
        shutil.copyfile(backup, self.db)
        # (with the check of the same command, made just before it)
        connection = sqlite3.connect(self.db)
        self.assertGreater(connection.execute(
            "SELECT done FROM maintenance WHERE task = 'integrity-check'").fetchone()[0],
            time.time() - 600)
        connection.execute("UPDATE maintenance SET done = ? WHERE task = 'integrity-check'",
                           (checked,))
        connection.commit()
        connection.close()
        self.assertEqual(dump(self.db), expected)

    def test_item11_weekly_backups_rotate_the_last_four_kept(self):
        self.seeded()
        for i in range(6):
            self.set_back(8, "backup")
            run("status", "--db", self.db, "--story", "1", "--set", "reviewed")
        self.assertEqual(len(self.weekly()), 4)

    def test_item10_weekly_check_finds_what_quick_check_does_not(self):
        self.seeded()
        # an index that no longer matches its table: quick_check passes it
        connection = sqlite3.connect(self.db)
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = "
                           "'CREATE INDEX stories_by_place ON stories (status)' "
                           "WHERE name = 'stories_by_place'")
        connection.commit()
        connection.close()
        run("tag", "--db", self.db, "--story", "1", "--add", "未查")
        self.set_back(8)
        before = dump(self.db)
        proc = run("tag", "--db", self.db, "--story", "1", "--add", "已查", status=2)
        self.assertIn("library.db: the library is damaged (row 1 missing from index "
                      "stories_by_place", proc.stderr)
        self.assertIn("storydesk recover", proc.stderr)
        # refused: nothing written, no backup of a damaged library made
        self.assertEqual(dump(self.db), before)
        self.assertEqual(self.weekly(), [])
        run("export", "--db", self.db)  # reading goes on


if __name__ == "__main__":
    unittest.main(verbosity=2)
