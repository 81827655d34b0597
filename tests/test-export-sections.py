#!/usr/bin/python3
# Section heads (小标题) and photo captions in every export format (issue #15,
# item 4): the bundled pages and tests/pages imported, each format read back
# by a reader that is not Storydesk's (Python's json, csv and html.parser,
# poppler's pdftotext; python3-docx and openpyxl where the formats are
# built), and every heading and caption of every story found in it.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import glob
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from sdrun import SEEDS, run

PAGES = sorted(glob.glob(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "*.txt")))


def squeeze(text):
    return re.sub(r"\s+", "", text)


def unescape_markdown(text):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


class Sections(html.parser.HTMLParser):
    """The text of each <h4 class="section"> and <p class="caption">."""

    def __init__(self):
        super().__init__()
        self.headings, self.captions = [], []
        self.into = None

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class", "") or ""
        if tag == "h4" and "section" in classes.split():
            self.into = self.headings
            self.headings.append("")
        elif tag == "p" and "caption" in classes.split():
            self.into = self.captions
            self.captions.append("")

    def handle_endtag(self, tag):
        if tag in ("h4", "p"):
            self.into = None

    def handle_data(self, data):
        if self.into is not None:
            self.into[-1] += data


class ExportSectionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sd-test-export-sections-")
        cls.db = os.path.join(cls.tmp, "library.db")
        run("import", "--db", cls.db, SEEDS, *PAGES, timeout=120)
        cls.stories = json.loads(cls.export("json"))
        cls.headings = [h for s in cls.stories for h in s["section_headings"]]
        cls.captions = [c for s in cls.stories for c in s["captions"]]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def export(cls, fmt, *extra):
        return run("export", "--db", cls.db, "--format", fmt, *extra, timeout=120).stdout

    def test_pages_have_both(self):
        # Not a vacuous test: the pages hold both, many of each.
        self.assertGreater(len(self.headings), 20)
        self.assertGreater(len(self.captions), 5)

    def test_markdown(self):
        text = self.export("md")
        headings = [unescape_markdown(line[4:]) for line in text.splitlines()
                    if line.startswith("### ")]
        captions = [unescape_markdown(line[3:-1]) for line in text.splitlines()
                    if line.startswith("*▲ ") and line.endswith("*")]
        self.assertEqual(sorted(headings), sorted(self.headings))
        self.assertEqual(sorted(captions), sorted(self.captions))

    def test_html(self):
        parser = Sections()
        parser.feed(self.export("html"))
        self.assertEqual(sorted(h.strip() for h in parser.headings), sorted(self.headings))
        self.assertEqual(sorted(c.replace("▲", "", 1).strip() for c in parser.captions),
                         sorted(self.captions))

    def test_csv(self):
        rows = list(csv.DictReader(io.StringIO(self.export("csv"), newline="")))
        self.assertEqual(len(rows), len(self.stories))
        for row, story in zip(rows, self.stories):
            want = story["section_headings"]
            self.assertEqual(row["headings"].split("\n") if row["headings"] else [], want)
            self.assertEqual(row["captions"].split("\n") if row["captions"] else [],
                             story["captions"])

    def test_pdf(self):
        pdf = os.path.join(self.tmp, "all.pdf")
        run("export", "--db", self.db, "--format", "pdf", "-o", pdf, timeout=180)
        text = squeeze(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                      check=True).stdout.decode())
        for heading in self.headings:
            self.assertIn(squeeze(heading), text)
        for caption in self.captions:
            self.assertIn(squeeze("▲" + caption), text)

    def test_heading_in_place(self):
        # A body that holds its heading as a paragraph has it there, once.
        story = next(s for s in self.stories if len(s["section_headings"]) >= 2
                     and s["body"].count("\n") >= 2)
        first, second = story["section_headings"][:2]
        paragraphs = [p for p in story["body"].split("\n") if p not in (first, second)]
        story["body"] = "\n".join([paragraphs[0], first, paragraphs[1], second, *paragraphs[2:]])
        story["highlights"] = []
        source = os.path.join(self.tmp, "in-place.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump([story], f, ensure_ascii=False)
        db = os.path.join(self.tmp, "in-place.db")
        run("import", "--db", db, source)
        md = run("export", "--db", db, "--format", "md").stdout
        lines = [unescape_markdown(line) for line in md.splitlines() if line]
        at = lines.index("### " + first)
        self.assertEqual(lines[at - 1], unescape_markdown(paragraphs[0]))
        self.assertEqual(lines[at + 1], paragraphs[1])
        self.assertEqual(lines[at + 2], "### " + second)
        self.assertEqual(md.count("### "), len(story["section_headings"]))

    def test_fields_leave_them_out(self):
        text = self.export("md", "--fields", "-headings,-captions")
        self.assertNotIn("\n### ", text)
        self.assertNotIn("\n*▲ ", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
