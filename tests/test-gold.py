#!/usr/bin/python3
# Scores `storydesk import PAGES` + `storydesk export` against the gold
# labels and fails below the bars of issues 3 and 4 (score-gold.py --check).
# Usage: test-gold.py [PAGES GOLD], relative to the source root; the
# bundled seeds/ and tests/gold/seeds.json by default.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

STORYDESK = os.environ["STORYDESK"]
ROOT = os.environ["SD_SOURCE_ROOT"]
PAGES, GOLD = sys.argv[1:3] if len(sys.argv) >= 3 else ("seeds", "tests/gold/seeds.json")

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "library.db")
    export = os.path.join(tmp, "export.json")
    subprocess.run([STORYDESK, "import", "--db", db, os.path.join(ROOT, PAGES)], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([STORYDESK, "export", "--db", db, "--format", "json", "-o", export], check=True)
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "score-gold.py"),
                           "--gold", os.path.join(ROOT, GOLD),
                           "--export", export, "--check"])
    sys.exit(proc.returncode)
