#!/usr/bin/python3
# Issue #14, items 5 to 8: exports onto what is not a regular file, reading
# with limits (type and size asked first, pipes never waited on, a JSON
# export read rather than mapped), and text that is not what it claims
# refused or repaired visibly.  Each test is named after its item.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import resource
import signal
import sqlite3
import stat
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdrun import SEEDS, LibraryCase, dump, run  # noqa: E402

NOBODY = 65534


class BoundedTest(LibraryCase):
    def seeded(self):
        run("import", "--db", self.db, SEEDS)
        return self.db

    # item 5 ------------------------------------------------------------

    def test_item5_export_into_fifo_and_links_streams(self):
        self.seeded()
        fifo = self.path("pipe.json")
        os.mkfifo(fifo)
        received = {}

        def read_fifo():
            with open(fifo, "rb") as f:
                received["data"] = f.read()

        reader = threading.Thread(target=read_fifo, daemon=True)
        reader.start()
        run("export", "--db", self.db, "-o", fifo, timeout=30)
        reader.join(30)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
        self.assertEqual(len(json.loads(received["data"])), 38)

        # /dev/null and /dev/stdout are links or devices: reached through
        # links here, so a broken export cannot replace the system's own.
        null_link = self.path("null")
        os.symlink("/dev/null", null_link)
        run("export", "--db", self.db, "-o", null_link)
        self.assertTrue(os.path.islink(null_link))
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))

        stdout_link = self.path("stdout.json")
        os.symlink("/proc/self/fd/1", stdout_link)
        with open(self.path("captured.json"), "wb") as captured:
            run("export", "--db", self.db, "-o", stdout_link, stdout=captured)
        self.assertTrue(os.path.islink(stdout_link), "the link to standard output was replaced")
        with open(self.path("captured.json"), "rb") as f:
            self.assertEqual(len(json.loads(f.read())), 38)

    def test_item5_export_keeps_the_mode_of_the_file_it_replaces(self):
        self.seeded()
        out = self.path("private.json")
        with open(out, "w") as f:
            f.write("[]")
        os.chmod(out, 0o600)
        run("export", "--db", self.db, "-o", out)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        with open(out) as f:
            self.assertEqual(len(json.load(f)), 38)

    def test_item5_file_size_limit_leaves_no_part_file(self):
        self.seeded()
        folder = self.path("out")
        os.mkdir(folder)

        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

        proc = run("export", "--db", self.db, "-o", os.path.join(folder, "out.json"), status=2,
                   preexec_fn=limit)
        self.assertIn("out.json", proc.stderr)
        self.assertEqual(os.listdir(folder), [])

    # item 6 ------------------------------------------------------------

    def test_item6_fifo_named_txt_is_refused_not_waited_on(self):
        self.seeded()
        before = dump(self.db)
        fifo = self.path("page.txt")
        os.mkfifo(fifo)
        proc = run("import", "--db", self.db, fifo, "/dev/zero", status=2, timeout=20)
        self.assertIn("page.txt: refused", proc.stdout)
        self.assertIn("/dev/zero: refused", proc.stdout)
        self.assertIn("named pipe", proc.stdout)
        self.assertEqual(dump(self.db), before)

    def test_item6_huge_sparse_page_refused_before_reading(self):
        self.seeded()
        big = self.path("big.txt")
        with open(big, "wb") as f:
            f.truncate(1024 * 1024 * 1024)
        proc = run("import", "--db", self.db, big, status=2, timeout=20)
        self.assertIn("big.txt", proc.stdout)
        self.assertIn("1024 MB", proc.stdout)
        self.assertLess(proc.peak_rss, 100 * 1024 * 1024)

    def test_item6_unreadable_folder_reported_and_import_goes_on(self):
        root = self.path("archive")
        for day in ("2022-11-03", "2022-11-04", "2022-11-05"):
            os.makedirs(os.path.join(root, day))
        seeds = sorted(os.listdir(SEEDS))
        for day, seed in (("2022-11-03", seeds[0]), ("2022-11-04", seeds[1]),
                          ("2022-11-05", seeds[2])):
            with open(os.path.join(SEEDS, seed), "rb") as src, \
                    open(os.path.join(root, day, seed), "wb") as dst:
                dst.write(src.read())
        locked = os.path.join(root, "2022-11-04")
        os.chmod(locked, 0)
        as_user = None
        if os.geteuid() == 0:
            # root reads any folder: the import runs as nobody
            os.chmod(self.dir, 0o777)
            for folder, dirs, files in os.walk(self.dir):
                for name in dirs + files:
                    os.chown(os.path.join(folder, name), NOBODY, NOBODY)
            os.chown(self.dir, NOBODY, NOBODY)

            def as_user():
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
        try:
            proc = run("import", "--db", self.db, root, status=2, preexec_fn=as_user)
        finally:
            os.chmod(locked, 0o755)
        self.assertIn("2022-11-04: refused", proc.stdout)
        self.assertIn("cannot be read", proc.stdout)
        self.assertIn(seeds[0] + ": ", proc.stdout)
        self.assertIn(seeds[2] + ": ", proc.stdout)
        with sqlite3.connect(self.db) as connection:
            self.assertEqual(connection.execute("SELECT count (*) FROM pages").fetchone()[0], 2)

    # item 7 ------------------------------------------------------------

    def test_item7_json_truncated_during_import_is_no_sigbus(self):
        self.seeded()
        export = self.path("big.json")
        # JSON that takes a while to parse: many small objects
        story = {"headline": "标题", "body": "正文" * 20, "tags": ["甲", "乙"]}
        with open(export, "w") as f:
            f.write("[")
            f.write(",".join(json.dumps(dict(story, id=i)) for i in range(40000)))
            # refused at its end, once all of it was parsed: nothing stored
            f.write(", 1]")
        statuses = []
        for delay in (0.05, 0.15, 0.3):
            with open(export, "rb") as f:
                data = f.read()
            with open(export, "wb") as f:
                f.write(data)

            def truncate():
                time.sleep(delay)
                os.truncate(export, 0)

            cutter = threading.Thread(target=truncate)
            cutter.start()
            proc = run("import", "--db", self.db, export, status=None, timeout=60)
            cutter.join()
            statuses.append(proc.returncode)
            self.assertNotEqual(proc.returncode, -signal.SIGBUS, proc.stderr)
            self.assertIn(proc.returncode, (0, 2), proc.stderr)
            with open(export, "wb") as f:
                f.write(data)
        self.assertTrue(statuses)

    # item 8 ------------------------------------------------------------

    def test_item8_utf16_page_with_odd_final_byte_refused(self):
        self.seeded()
        before = dump(self.db)
        with open(os.path.join(SEEDS, sorted(os.listdir(SEEDS))[0]), encoding="utf-8") as f:
            text = f.read()
        page = self.path("odd.txt")
        with open(page, "wb") as f:
            f.write(b"\xff\xfe" + text.encode("utf-16-le") + b"\x41")
        proc = run("import", "--db", self.db, page, status=2)
        self.assertIn("odd.txt", proc.stdout)
        self.assertIn("half a character", proc.stdout)
        self.assertEqual(dump(self.db), before)

    def test_item8_escaped_nul_in_json_refused(self):
        self.seeded()
        stories = json.loads(run("export", "--db", self.db).stdout)
        stories[0]["note"] = "核对\u0000人名"
        export = self.path("nul.json")
        with open(export, "w") as f:
            json.dump(stories, f)
        other = self.path("other.db")
        run("import", "--db", other, SEEDS)
        before = dump(other)
        proc = run("import", "--db", other, export, status=2)
        self.assertIn("nul.json", proc.stdout)
        self.assertIn("NUL", proc.stdout)
        self.assertEqual(dump(other), before)

    def test_item8_flipped_byte_in_stored_text_exports_valid_utf8(self):
        self.seeded()
        with sqlite3.connect(self.db) as connection:
            headline = connection.execute(
                "SELECT headline FROM stories WHERE length (headline) > 4 ORDER BY id").fetchone()[0]
        # a byte of the headline's first character flipped, wherever it
        # is stored in the file
        needle = headline.encode("utf-8")
        with open(self.db, "rb") as f:
            data = bytearray(f.read())
        at = data.find(needle)
        self.assertGreater(at, 0)
        while at >= 0:
            data[at] = 0xFF
            at = data.find(needle, at + 1)
        with open(self.db, "wb") as f:
            f.write(data)
        for fmt in ("json", "csv", "md"):
            proc = run("export", "--db", self.db, "--format", fmt)
            proc.stdout_bytes.decode("utf-8")  # strict: raises on invalid UTF-8
            self.assertIn("not UTF-8", proc.stderr)
            self.assertIn("\ufffd".encode("utf-8"), proc.stdout_bytes)


if __name__ == "__main__":
    unittest.main(verbosity=2)
