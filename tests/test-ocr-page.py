#!/usr/bin/python3
# A real page typeset and read by real Tesseract, then imported: the OCR
# form of tests/pages/real/ is made the way this test makes one page.
#
# The page (tests/pages/real/b2/r07.json) is typeset as a newspaper page
# with Pango/Cairo and damaged like a scan (tests/ocr/typeset-page.py),
# read back by `tesseract … -l chi_sim`, and imported by storydesk.  It
# fails when Tesseract reads less than half the page's text, or when the
# app finds fewer than half the stories by their headlines (similarity
# 0.8, as the scorer compares OCR pages).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import difflib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

STORYDESK = os.environ["STORYDESK"]
ROOT = os.environ["SD_SOURCE_ROOT"]
PAGE = os.path.join(ROOT, "tests", "pages", "real", "b2", "r07.json")
SPACE_RE = re.compile(r"\s+")

if shutil.which("tesseract") is None:
    print("tesseract is not installed (.ci/debian-packages lists it)", file=sys.stderr)
    sys.exit(1)

spec = importlib.util.spec_from_file_location(
    "typeset_page", os.path.join(ROOT, "tests", "ocr", "typeset-page.py"))
typeset = importlib.util.module_from_spec(spec)
spec.loader.exec_module(typeset)


# the app sets ,;:?!() full width inside Chinese; the source keeps its own
WIDTHS = str.maketrans("，；：？！（）", ",;:?!()")


def squeeze(text):
    return SPACE_RE.sub("", text or "").translate(WIDTHS)


with open(PAGE, encoding="utf-8") as handle:
    page = json.load(handle)
source = "".join(part["text"] for story in page["stories"] for part in story["parts"])
headlines = [part["text"] for story in page["stories"] for part in story["parts"]
             if part["role"] == "headline"]

with tempfile.TemporaryDirectory() as tmp:
    png = os.path.join(tmp, "r07.png")
    typeset.render_page(page, png)
    text = typeset.run_tesseract(png)
    read = difflib.SequenceMatcher(None, squeeze(source), squeeze(text), autojunk=False)
    share = sum(block.size for block in read.get_matching_blocks()) / len(squeeze(source))
    print(f"Tesseract read {share:.0%} of the page's characters in order")
    if share < 0.5:
        sys.exit(f"Tesseract read only {share:.0%} of the page")

    path = os.path.join(tmp, "r07-ocr.txt")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    db = os.path.join(tmp, "library.db")
    export = os.path.join(tmp, "export.json")
    subprocess.run([STORYDESK, "import", "--db", db, path], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([STORYDESK, "export", "--db", db, "--format", "json", "-o", export], check=True)
    with open(export, encoding="utf-8") as handle:
        stories = json.load(handle)
    found = 0
    for headline in headlines:
        best = max((difflib.SequenceMatcher(None, squeeze(headline), squeeze(s["headline"]))
                    .ratio() for s in stories if s.get("headline")), default=0.0)
        print(f"{headline}: best headline similarity {best:.2f}")
        found += best >= 0.8
    print(f"{len(stories)} stories imported; {found} of {len(headlines)} headlines found")
    if found * 2 < len(headlines):
        sys.exit("fewer than half the headlines found")
