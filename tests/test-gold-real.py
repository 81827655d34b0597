#!/usr/bin/python3
# Scores the real pages of one OCR text form (tests/pages/real/*/FORM/)
# against their gold and fails when a score falls below the floor reached
# (tests/gold/real-floors.json); the bars are printed beside them.
# Usage: test-gold-real.py seed|wrap|ocr
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import subprocess
import sys
import tempfile

STORYDESK = os.environ["STORYDESK"]
ROOT = os.environ["SD_SOURCE_ROOT"]
FORM = sys.argv[1]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "library.db")
    export = os.path.join(tmp, "export.json")
    gold = os.path.join(tmp, "gold.json")
    pages = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "gold", "real-b*.json"))):
        with open(path, encoding="utf-8") as handle:
            pages += json.load(handle)["pages"]
    with open(gold, "w", encoding="utf-8") as handle:
        json.dump({"pages": pages}, handle, ensure_ascii=False)
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "real", "*", FORM, "*.txt")))
    subprocess.run([STORYDESK, "import", "--db", db] + files, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([STORYDESK, "export", "--db", db, "--format", "json", "-o", export], check=True)
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "score-gold.py"),
                           "--gold", gold, "--export", export, "--form", FORM, "--check",
                           "--floors", os.path.join(ROOT, "tests", "gold", "real-floors.json")])
    sys.exit(proc.returncode)
