#!/usr/bin/python3
# Issue #14's bar: every file make-bad-inputs.py makes is imported into a
# library holding the bundled pages.  A bad one is refused with exit status
# 2, a message naming the file and the reason, and the library exactly as
# it was; a valid one is imported.  No import may take more than 200 MB.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import sqlite3
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from sdrun import SEEDS, dump, run  # noqa: E402

PEAK_RSS_LIMIT = 200 * 1024 * 1024
MIN_CLASSES = 40


def load_generator():
    spec = importlib.util.spec_from_file_location("make_bad_inputs",
                                                  os.path.join(HERE, "make-bad-inputs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def count_pages(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count (*) FROM pages").fetchone()[0]
    finally:
        connection.close()


class BadInputTest(unittest.TestCase):
    def test_bar_bad_inputs_refused_or_imported(self):
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "library.db")
            export = os.path.join(tmp, "export.json")
            run("import", "--db", db, SEEDS)
            run("export", "--db", db, "--fields", "all", "-o", export)
            inputs = os.path.join(tmp, "inputs")
            manifest = load_generator().main(SEEDS, export, inputs)
            self.assertGreaterEqual(len([m for m in manifest if not m["valid"]]), MIN_CLASSES)

            peaks = []
            for entry in manifest:
                path = os.path.join(inputs, entry["file"])
                with self.subTest(file=entry["file"]):
                    before, pages = dump(db), count_pages(db)
                    proc = run("import", "--db", db, path, status=None, timeout=30)
                    peaks.append((proc.peak_rss, entry["file"]))
                    self.assertLessEqual(proc.peak_rss, PEAK_RSS_LIMIT)
                    if entry["valid"]:
                        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
                        self.assertTrue(proc.stdout.startswith(path + ": "), proc.stdout)
                        self.assertNotIn("refused", proc.stdout)
                        if path.endswith(".txt"):
                            self.assertEqual(count_pages(db), pages + 1)
                        continue
                    self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
                    # the file named once, then the reason
                    self.assertTrue(proc.stdout.startswith(path + ": refused: "), proc.stdout)
                    self.assertNotIn(": refused: " + path + ": ", proc.stdout)
                    self.assertIn(entry["reason"], proc.stdout)
                    self.assertEqual(dump(db), before, "a refusal changed the library")
            peak, name = max(peaks)
            print(f"{len(manifest)} files; highest peak RSS {peak / 1024 / 1024:.1f} MB ({name})")


if __name__ == "__main__":
    unittest.main(verbosity=2)
