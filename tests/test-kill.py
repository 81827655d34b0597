#!/usr/bin/python3
# Every command-line write killed with SIGKILL at random moments (#14, the
# kill test): import, tag --story, tag --query (adding and removing), note,
# status and page set.  After each kill the library passes integrity_check
# and `storydesk check`, every write the command acknowledged before the
# kill (exit 0, or the line import prints for a page) is there, and nothing
# is half done: a killed tag --query tagged all of its stories or none, a
# killed import stored whole pages only, a killed page set changed paper,
# date and page together or not at all.
#
# The kill comes at a random moment between the start of the process and a
# little past the time an unkilled run takes, so some kills land before the
# write, some inside it and some after.  SD_KILL_SCALE=10 runs ten times as
# many kills (by hand; the bounded suite runs the default, 116).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pagegen  # noqa: E402

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
SCALE = int(os.environ.get("SD_KILL_SCALE", "1"))
QUERIES = ["place:吴江区", "place:昆山市 党建", "会议", "place:南京市", "-place:苏州市"]
STATUSES = ["new", "reviewed", "needs-work", "rejected"]
KILLS = {}  # command → [kills that landed before the write was seen, after it]


@contextlib.contextmanager
def connect(db):
    """A connection that is closed after the block, as the next writer
    would find the library: read-write, so it may recover the WAL."""
    conn = sqlite3.connect(db)
    try:
        yield conn
    finally:
        conn.close()


def run_killed(args, delay, stdout_lines=False):
    """Runs storydesk ARGS and SIGKILLs it after @delay seconds unless it has
    finished; returns (exit status or None if killed, lines printed)."""
    proc = subprocess.Popen([STORYDESK, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + delay
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate()
    if not killed and proc.returncode != 0:
        raise AssertionError(f"{args}: exit {proc.returncode}\n{out}\n{err}")
    if "locked" in err or "busy" in err:
        raise AssertionError(f"{args}: {err}")
    return (None if killed else proc.returncode), out.splitlines()


def duration(args):
    start = time.monotonic()
    subprocess.run([STORYDESK, *args], check=True, capture_output=True)
    return time.monotonic() - start


class KillTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "library.db")
        pages = os.path.join(cls.tmp.name, "base")
        pagegen.write_pages(pages, 12, 200, seed=1)
        subprocess.run([STORYDESK, "import", "--db", cls.db, SEEDS, pages], check=True,
                       stdout=subprocess.DEVNULL)
        with connect(cls.db) as conn:
            cls.n_stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        # What each query selects, from a run nobody killed.
        cls.selects = {}
        for i, query in enumerate(QUERIES):
            subprocess.run([STORYDESK, "tag", "--db", cls.db, "--query", query, "--add",
                            f"ref{i}"], check=True, stdout=subprocess.DEVNULL)
            cls.selects[query] = cls.tagged(f"ref{i}")
            assert len(cls.selects[query]) > 100, (query, len(cls.selects[query]))
        # The import test adds pages: to a copy, so the queries' stories stay put.
        cls.import_db = os.path.join(cls.tmp.name, "imports.db")
        shutil.copy(cls.db, cls.import_db)

    @classmethod
    def tearDownClass(cls):
        total = sum(sum(k) for k in KILLS.values())
        for command, (before, after) in sorted(KILLS.items()):
            print(f"{command}: {before + after} kills, {before} before the write, "
                  f"{after} with it done")
        print(f"{total} kills in all, library of {cls.n_stories} stories")
        cls.tmp.cleanup()

    @classmethod
    def tagged(cls, tag):
        with connect(cls.db) as conn:
            return {r[0] for r in conn.execute(
                "SELECT st.story_id FROM story_tags st JOIN tags t ON t.id = st.tag_id "
                "WHERE t.name = ?", (tag,))}

    def setUp(self):
        self.rng = random.Random(zlib.crc32(self.id().encode()))

    def check_library(self, db=None):
        db = db or self.db
        with connect(db) as conn:
            try:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.DatabaseError as e:
                result = str(e)
            if result != "ok" and os.environ.get("SD_KILL_KEEP"):
                keep = os.environ["SD_KILL_KEEP"]
                os.makedirs(keep, exist_ok=True)
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        shutil.copy(db + suffix, keep)
            self.assertEqual(result, "ok")
            self.assertEqual(conn.execute("PRAGMA foreign_key_check").fetchall(), [])
        check = subprocess.run([STORYDESK, "check", "--db", db], capture_output=True,
                               text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)

    def count(self, command, done):
        KILLS.setdefault(command, [0, 0])[1 if done else 0] += 1

    def kill_loop(self, command, rounds, make_args, observe, check, db=None):
        """@rounds runs of make_args (i) killed at random; observe () reads the
        state the command changes; check (before, after, status, lines, i)
        fails on what may not be; returns whether the write was seen done."""
        typical = duration(make_args(-1))
        kills = 0
        i = 0
        while kills < rounds:
            args = make_args(i)
            before = observe()
            # Half the kills anywhere in the run, half near its end, where
            # the write is.
            share = self.rng.uniform(0.0, 1.0) if i % 2 else self.rng.uniform(0.75, 1.1)
            status, lines = run_killed(args, share * typical)
            after = observe()
            self.check_library(db)
            done = check(before, after, status, lines, i)
            if status is None:
                kills += 1
                self.count(command, done)
            i += 1

    def story(self):
        return self.rng.randrange(1, self.n_stories + 1)

    def test_kill_tag_story(self):
        stories = {}

        def make_args(i):
            stories[i] = self.story()
            return ["tag", "--db", self.db, "--story", str(stories[i]), "--add", f"s{i}"]

        def observe():
            with connect(self.db) as conn:
                return {r for r in conn.execute(
                    "SELECT st.story_id, t.name FROM story_tags st "
                    "JOIN tags t ON t.id = st.tag_id WHERE t.name GLOB 's*'")}

        def check(before, after, status, lines, i):
            added = after - before
            self.assertLessEqual(added, {(stories[i], f"s{i}")})
            self.assertLessEqual(before, after, "a tag written before was lost")
            if status == 0:
                self.assertEqual(added, {(stories[i], f"s{i}")}, "an acknowledged tag is missing")
            return bool(added)

        self.kill_loop("tag --story", 16 * SCALE, make_args, observe, check)

    def tag_query(self, remove):
        queries = {}

        def make_args(i):
            queries[i] = self.rng.choice(QUERIES)
            if remove:
                # a tag every story of the query has: tag them first, unkilled
                subprocess.run([STORYDESK, "tag", "--db", self.db, "--query", queries[i],
                                "--add", f"r{i}"], check=True, stdout=subprocess.DEVNULL)
            return ["tag", "--db", self.db, "--query", queries[i],
                    "--remove" if remove else "--add", f"{'r' if remove else 'q'}{i}"]

        def check(before, after, status, lines, i):
            got = self.tagged(f"{'r' if remove else 'q'}{i}")
            whole = self.selects[queries[i]]
            self.assertTrue(got in (set(), whole),
                            f"a killed tag --query left {len(got)} of {len(whole)} stories tagged")
            if status == 0:
                self.assertTrue(got == (set() if remove else whole),
                                f"tag --query acknowledged but {len(got)} stories tagged")
            return got == (set() if remove else whole)

        command = "tag --query --remove" if remove else "tag --query --add"
        self.kill_loop(command, 20 * SCALE, make_args, lambda: None, check)

    def test_kill_tag_query_add(self):
        self.tag_query(remove=False)

    def test_kill_tag_query_remove(self):
        self.tag_query(remove=True)

    def set_field(self, command, column, values, rounds):
        stories = {}

        def make_args(i):
            stories[i] = self.story()
            return [command, "--db", self.db, "--story", str(stories[i]), "--set", values(i)]

        def observe():
            with connect(self.db) as conn:
                return dict(conn.execute(f"SELECT id, {column} FROM stories"))

        def check(before, after, status, lines, i):
            story, value = stories[i], values(i)
            changed = {k for k in after if after[k] != before[k]}
            self.assertLessEqual(changed, {story}, "another story changed")
            self.assertIn(after[story], (before[story], value))
            if status == 0:
                self.assertEqual(after[story], value, f"an acknowledged {command} is missing")
            return after[story] == value and before[story] != value

        self.kill_loop(command, rounds, make_args, observe, check)

    def test_kill_note(self):
        self.set_field("note", "note", lambda i: f"note {i} " + "批注" * (i % 50), 16 * SCALE)

    def test_kill_status(self):
        self.set_field("status", "status", lambda i: STATUSES[i % 4], 16 * SCALE)

    def test_kill_page_set(self):
        stories = {}

        def make_args(i):
            stories[i] = self.story()
            return ["page", "set", "--db", self.db, "--story", str(stories[i]), "--paper",
                    f"试报{i + 2}", "--date", f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                    "--page", f"A{i % 20 + 1:02d}"]

        def observe():
            with connect(self.db) as conn:
                return {r[0]: r[1:] for r in conn.execute(
                    "SELECT s.id, p.paper, p.issue_date, p.page_no, p.identity "
                    "FROM stories s JOIN pages p ON p.id = s.page_id")}

        def check(before, after, status, lines, i):
            story = stories[i]
            wanted = (f"试报{i + 2}", f"2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                      f"A{i % 20 + 1:02d}")
            self.assertIn(after[story][:3], (before[story][:3], wanted),
                          "paper, date and page changed in part")
            if after[story][:3] == wanted:
                self.assertEqual(after[story][3], "page:" + "|".join(wanted))
            if status == 0:
                self.assertEqual(after[story][:3], wanted, "an acknowledged page set is missing")
            return after[story][:3] == wanted

        self.kill_loop("page set", 16 * SCALE, make_args, observe, check)

    def test_kill_import(self):
        folders = {}

        def make_args(i):
            folder = os.path.join(self.tmp.name, f"import{i}")
            shutil.rmtree(folder, ignore_errors=True)
            pagegen.write_pages(folder, 8, 60, seed=1000 + i)
            folders[i] = folder
            return ["import", "--db", self.import_db, folder]

        def observe():
            with connect(self.import_db) as conn:
                return {r[0]: r[1] for r in conn.execute(
                    "SELECT p.path, count(s.id) FROM pages p LEFT JOIN stories s "
                    "ON s.page_id = p.id GROUP BY p.id")}

        def check(before, after, status, lines, i):
            folder = f"import{i}/"
            new = {path: n for path, n in after.items() if path not in before}
            for path, n in new.items():
                self.assertTrue(path.startswith(folder), path)
                self.assertEqual(n, 60, f"{path}: a killed import stored {n} of its 60 stories")
            self.assertEqual({p: after[p] for p in before}, before, "pages held before changed")
            acked = {line.split(":")[0] for line in lines if line.endswith(": 60 stories")}
            self.assertEqual(len(acked), len(lines), lines)
            for path in acked:
                self.assertIn(folder + os.path.basename(path), new,
                              f"{path} was reported imported but is not in the library")
            if status == 0:
                self.assertEqual(len(new), 8)
            return len(new) > 0

        self.kill_loop("import", 16 * SCALE, make_args, observe, check, db=self.import_db)


if __name__ == "__main__":
    unittest.main(verbosity=2)
