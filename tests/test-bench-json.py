#!/usr/bin/python3
# test-bench-json.py — storydesk-bench --json writes JSON any reader takes
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the benchmark on a small library and reads its --json file back
with Python's json module: the Chinese queries must come back as written
(an escaped form such as "\\345\\205\\232" is not JSON), with every figure,
the import figures and their floors too.
No timing is checked here."""

import json
import os
import subprocess
import sys
import tempfile

bench = sys.argv[1]
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "bench.json")
    subprocess.run([bench, "--stories", "1500", "--runs", "1", "--scan-runs", "1",
                    "--db", os.path.join(tmp, "bench.db"), "--json", out],
                   check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        figures = json.load(f)

assert figures["stories_asked"] == 1500, figures["stories_asked"]
assert figures["stories"] > 1000, figures["stories"]
imported = figures["import"]
for key in ("import_seconds", "floor_sqlite_fts5_seconds", "reimport_unchanged_seconds",
            "floor_hash_seconds", "library_over_text", "json_import_100k_tags_seconds"):
    assert imported[key] > 0, (key, imported)
assert imported["stories"] == figures["stories"], imported
queries = [q["query"] for q in figures["queries"]]
assert "党建" in queries, queries
assert any(" " in q and "place:" in q for q in queries), queries
for q in figures["queries"]:
    assert q["matches"] == q["scan_matches"], q
for m in figures["measurements"]:
    assert m["samples"] >= 1 and m["p50"] <= m["max"], m
print("1..1\nok 1 - %d measurements, %d queries read back" % (len(figures["measurements"]),
                                                            len(queries)))
