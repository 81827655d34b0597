#!/usr/bin/python3
# Scores `storydesk import seeds/` + `storydesk export` against the gold
# labels and fails below the bars of issues 3 and 4 (score-gold.py --check).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile

STORYDESK = os.environ["STORYDESK"]
ROOT = os.environ["SD_SOURCE_ROOT"]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "library.db")
    export = os.path.join(tmp, "export.json")
    subprocess.run([STORYDESK, "import", "--db", db, os.path.join(ROOT, "seeds")], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([STORYDESK, "export", "--db", db, "--format", "json", "-o", export], check=True)
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "score-gold.py"),
                           "--gold", os.path.join(ROOT, "tests", "gold", "seeds.json"),
                           "--export", export, "--check"])
    sys.exit(proc.returncode)
