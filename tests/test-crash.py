#!/usr/bin/python3
# Kills a tagging writer with SIGKILL at arbitrary moments and checks that the
# library is intact and holds every write that was reported done; then runs
# two writers at once on the same library and checks that neither fails and
# nothing is lost.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
import unittest

STORYDESK = os.environ["STORYDESK"]
WRITE_LOOP = os.environ["SD_WRITE_LOOP"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")


def tags_of(db):
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT st.story_id, t.name FROM story_tags st "
                            "JOIN tags t ON t.id = st.tag_id").fetchall()
    return set(rows)


class CrashTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "library.db")
        subprocess.run([STORYDESK, "import", "--db", self.db, SEEDS], check=True,
                       stdout=subprocess.DEVNULL)
        with sqlite3.connect(self.db) as conn:
            self.n_stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]

    def tearDown(self):
        self.tmp.cleanup()

    def integrity(self):
        with sqlite3.connect(self.db) as conn:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]

    def test_sigkill_keeps_every_reported_write(self):
        rng = random.Random(20261122)
        reported = set()
        for round_ in range(6):
            prefix = f"k{round_}-"
            proc = subprocess.Popen([WRITE_LOOP, self.db, str(self.n_stories), prefix, "0"],
                                    stdout=subprocess.PIPE, text=True)
            deadline = time.monotonic() + rng.uniform(0.05, 0.4)
            done = []
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                done.append(int(line.split()[1]))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            # Lines written before the kill but not yet read still count.
            for line in proc.stdout:
                done.append(int(line.split()[1]))
            self.assertGreater(len(done), 0, "the writer wrote nothing before the kill")
            for i in done:
                reported.add((i % self.n_stories + 1, f"{prefix}{i}"))
            self.assertEqual(self.integrity(), "ok")
            missing = reported - tags_of(self.db)
            self.assertEqual(missing, set(), f"round {round_}: reported writes lost")
        print(f"{len(reported)} reported writes over 6 kills, all present")

    def test_concurrent_writers(self):
        count = 150
        results = {}

        def writer(prefix):
            proc = subprocess.run([WRITE_LOOP, self.db, str(self.n_stories), prefix, str(count)],
                                  capture_output=True, text=True, timeout=120)
            results[prefix] = proc

        threads = [threading.Thread(target=writer, args=(p,)) for p in ("a-", "b-")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for prefix, proc in results.items():
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(proc.stdout.count("done"), count)
        stored = tags_of(self.db)
        for prefix in ("a-", "b-"):
            for i in range(count):
                self.assertIn((i % self.n_stories + 1, f"{prefix}{i}"), stored)
        self.assertEqual(self.integrity(), "ok")


if __name__ == "__main__":
    unittest.main(verbosity=2)
