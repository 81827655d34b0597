#!/usr/bin/python3
# Section heads (小标题) and photo captions in every export format (issue #15,
# item 4): the bundled pages and tests/pages imported, each format read back
# by a reader that is not Storydesk's (Python's json, csv and html.parser,
# poppler's pdftotext, python3-docx, openpyxl), and every section head found
# IN PLACE: between the paragraphs it stands between in the page file.
#
# The ground truth is the page file itself: a head of a story's body stands
# in the file after the text of the paragraph before it and before the text
# of the one after (test_json_heads_stand_where_the_page_has_them); every
# other format must show the same sequence of paragraphs and heads as the
# JSON body, which a JSON import round-trips.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
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
import unicodedata
import unittest

import docx
import openpyxl

from sdrun import SEEDS, run

PAGES = sorted(glob.glob(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "*.txt")))
PAGE_FILES = {os.path.basename(p): p for p in
              PAGES + sorted(glob.glob(os.path.join(SEEDS, "*.txt")))}


def squeeze(text):
    return re.sub(r"\s+", "", text)


def fold(text):
    """Text compared with the page file: NFKC (the app sets ,;:?!() full
    width between Han characters), markup and white space gone."""
    return re.sub(r"[\s*#]+", "", unicodedata.normalize("NFKC", text))


def decode(page, span):
    """@span of the bytes of @page, in the page's encoding."""
    for encoding in ("utf-8", "gb18030"):
        try:
            page.decode(encoding)
            return span.decode(encoding)
        except UnicodeDecodeError:
            pass
    return span.decode("utf-16")


def unescape_markdown(text):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def blocks(story):
    """The body as readers see it: ("h", head) or ("p", paragraph), in order."""
    heads = set(story["section_headings"])
    return [("h" if line in heads else "p", line.strip())
            for line in story["body"].split("\n") if line.strip()]


def has_heads_in_body(story):
    return any(kind == "h" for kind, _ in blocks(story))


def contains_run(items, run_):
    """Whether @run_ is a contiguous part of @items."""
    n = len(run_)
    return any(items[i:i + n] == run_ for i in range(len(items) - n + 1))


class Bodies(html.parser.HTMLParser):
    """Each <div class="body">'s heads (<h4 class="section">) and paragraphs
    in order, and every <p class="caption">."""

    def __init__(self):
        super().__init__()
        self.bodies, self.captions = [], []
        self.into = None  # the list the text goes to
        self.depth = 0    # <div>s open inside a body

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and "body" in classes:
            self.bodies.append([])
            self.depth = 1
        elif tag == "div" and self.depth:
            self.depth += 1
        elif tag == "h4" and "section" in classes and self.depth:
            self.bodies[-1].append(["h", ""])
            self.into = self.bodies[-1][-1]
        elif tag == "p" and "caption" in classes:
            self.captions.append(["c", ""])
            self.into = self.captions[-1]
        elif tag == "p" and self.depth:
            self.bodies[-1].append(["p", ""])
            self.into = self.bodies[-1][-1]

    def handle_endtag(self, tag):
        if tag in ("h4", "p"):
            self.into = None
        elif tag == "div" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.into is not None:
            self.into[1] += data


class ExportSectionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sd-test-export-sections-")
        first = os.path.join(cls.tmp, "first.db")
        run("import", "--db", first, SEEDS, *PAGES, timeout=120)
        cls.imported = json.loads(run("export", "--db", first, "--format", "json",
                                      timeout=120).stdout)
        # A highlight on the paragraph under each story's first head, through
        # a JSON import, which also carries the bodies over.
        stories = json.loads(json.dumps(cls.imported))
        for story in stories:
            lines, heads = story["body"].split("\n"), set(story["section_headings"])
            under = [i + 1 for i in range(len(lines) - 1)
                     if lines[i] in heads and lines[i + 1] not in heads and lines[i + 1]]
            if not under:
                continue
            body, at = story["body"], sum(len(line) + 1 for line in lines[:under[0]])
            story["highlights"] = [{"quote": body[at:at + 4], "start": at, "end": at + 4,
                                    "prefix": body[max(0, at - 32):at],
                                    "suffix": body[at + 4:at + 36], "comment": "核对",
                                    "editor": "王编辑", "created": "2026-03-01T08:30:00Z"}]
        source = os.path.join(cls.tmp, "library.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(stories, f, ensure_ascii=False)
        cls.db = os.path.join(cls.tmp, "library.db")
        run("import", "--db", cls.db, source, timeout=120)
        cls.stories = json.loads(cls.export("json"))
        cls.featured = [s for s in cls.stories if has_heads_in_body(s)]
        cls.headings = [h for s in cls.stories for h in s["section_headings"]]
        cls.captions = [c for s in cls.stories for c in s["captions"]]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def export(cls, fmt, *extra, db=None):
        return run("export", "--db", db or cls.db, "--format", fmt, *extra, timeout=180).stdout

    def test_pages_have_both(self):
        # Not a vacuous test: the pages hold both, many of each, and heads
        # that open or close a body as well as ones between paragraphs.
        self.assertGreater(len(self.headings), 20)
        self.assertGreater(len(self.captions), 5)
        self.assertGreater(len(self.featured), 10)
        self.assertTrue(all(set(s["section_headings"]) <= set(s["body"].split("\n"))
                            for s in self.stories))
        self.assertTrue(any(blocks(s)[0][0] == "h" for s in self.featured))
        self.assertTrue(any(1 <= i < len(blocks(s)) - 1 for s in self.featured
                            for i, (kind, _) in enumerate(blocks(s)) if kind == "h"))

    def test_json_round_trip(self):
        # The JSON import keeps each body with its heads in place, and the list.
        self.assertEqual(len(self.stories), len(self.imported))
        for story, before in zip(self.stories, self.imported):
            self.assertEqual(story["body"], before["body"])
            self.assertEqual(story["section_headings"], before["section_headings"])

    def test_json_heads_stand_where_the_page_has_them(self):
        checked = 0
        for story in self.featured:
            path = PAGE_FILES[story["source"]["file"]]
            with open(path, "rb") as f:
                data = f.read()
            span = fold(decode(data, data[story["source"]["start"]:story["source"]["end"]]))
            items = blocks(story)
            for i, (kind, text) in enumerate(items):
                if kind != "h":
                    continue
                # the head stands after the end of the paragraph before it
                # and before the start of the one after it
                label = f"{story['source']['file']} {story['headline']}: {text}"
                before = fold(items[i - 1][1])[-6:] if i > 0 else ""
                after = fold(items[i + 1][1])[:6] if i + 1 < len(items) else ""
                at = span.find(fold(text), span.find(before) + len(before) if before else 0)
                self.assertGreaterEqual(at, 0, label)
                if after:
                    self.assertGreaterEqual(span.find(after, at + len(fold(text))), 0, label)
                if before:
                    self.assertLessEqual(span.find(before), at, label)
                checked += 1
        self.assertGreater(checked, 20)

    def test_markdown(self):
        text = self.export("md")
        lines = [unescape_markdown(line) for line in text.splitlines() if line.strip()]
        for story in self.featured:
            want = [("### " if kind == "h" else "") + text for kind, text in blocks(story)]
            self.assertTrue(contains_run(lines, want), story["headline"])
        self.assertEqual(sorted(line[4:] for line in lines if line.startswith("### ")),
                         sorted(self.headings))
        captions = [line[3:-1] for line in lines if line.startswith("*▲ ") and line.endswith("*")]
        self.assertEqual(sorted(captions), sorted(self.captions))

    def test_html(self):
        parser = Bodies()
        parser.feed(self.export("html"))
        have = collections.Counter(tuple((kind, squeeze(text)) for kind, text in body)
                                   for body in parser.bodies)
        want = collections.Counter(tuple((kind, squeeze(text)) for kind, text in blocks(s))
                                   for s in self.stories if s["body"].strip())
        self.assertEqual(have, want)
        self.assertEqual(sorted(c.replace("▲", "", 1).strip() for _, c in parser.captions),
                         sorted(self.captions))

    def test_docx(self):
        path = os.path.join(self.tmp, "all.docx")
        run("export", "--db", self.db, "--format", "docx", "-o", path, timeout=180)
        document = docx.Document(path)
        self.assertTrue(document.styles["Heading 3"].font.bold)  # bold heads
        stories, kinds = [], {"Heading 3": "h", "Body Text": "p"}
        for paragraph in document.paragraphs:
            if paragraph.style.name == "Heading 2":
                stories.append([])
            elif paragraph.style.name in kinds and stories:
                stories[-1].append((kinds[paragraph.style.name], paragraph.text.strip()))
        self.assertEqual(len(stories), len(self.stories))
        for have, story in zip(stories, self.stories):
            self.assertEqual(have, blocks(story), story["headline"])

    def test_pdf(self):
        # The PDF (and print, drawn by the same code): each head right after
        # the paragraph before it, right before the one after it.
        path = os.path.join(self.tmp, "all.pdf")
        run("export", "--db", self.db, "--format", "pdf", "-o", path, timeout=180)
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True,
                              check=True).stdout.decode()
        # the page numbers at the foot of each page ("10 / 119") left out
        text = squeeze(re.sub(r"(?m)^\f?\d+ / \d+$", "", text))
        for story in self.featured:
            items = blocks(story)
            for i, (kind, head) in enumerate(items):
                if kind != "h":
                    continue
                before = squeeze(items[i - 1][1])[-8:] if i > 0 else ""
                after = squeeze(items[i + 1][1])[:8] if i + 1 < len(items) else ""
                self.assertTrue(before + squeeze(head) + after in text,
                                f"{story['headline']}: {before}|{head}|{after}")
        for caption in self.captions:
            self.assertIn(squeeze("▲" + caption), text)

    def test_csv(self):
        rows = list(csv.DictReader(io.StringIO(self.export("csv", "--fields", "+body"),
                                               newline="")))
        self.assertEqual(len(rows), len(self.stories))
        for row, story in zip(rows, self.stories):
            self.assertEqual(row["body"], story["body"])  # heads among its lines
            self.assertEqual(row["headings"].split("\n") if row["headings"] else [],
                             story["section_headings"])
            self.assertEqual(row["captions"].split("\n") if row["captions"] else [],
                             story["captions"])

    def test_xlsx(self):
        path = os.path.join(self.tmp, "all.xlsx")
        run("export", "--db", self.db, "--format", "xlsx", "-o", path, timeout=180)
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows)
        cells = [dict(zip(header, row)) for row in rows]
        self.assertEqual(len(cells), len(self.stories))
        for cell, story in zip(cells, self.stories):
            self.assertEqual(cell["body"] or "", story["body"])
            self.assertEqual((cell["headings"] or "").split("\n") if cell["headings"] else [],
                             story["section_headings"])

    def test_w3c_offsets(self):
        # Each highlight's position selector still selects its quote in the
        # body, heads and all.
        bodies = {"urn:uuid:" + s["uuid"]: s["body"] for s in self.stories}
        items = json.loads(self.export("w3c"))["first"]["items"]
        checked = 0
        for item in items:
            selectors = {sel["type"]: sel for sel in item["target"].get("selector", [])}
            if "TextPositionSelector" not in selectors:
                continue
            body = bodies[item["target"]["source"]["id"]]
            position, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
            self.assertEqual(body[position["start"]:position["end"]], quote["exact"])
            checked += 1
        self.assertGreater(checked, 10)
        self.assertEqual(checked, len([s for s in self.stories if s["highlights"]]))

    def test_search_finds_heads(self):
        head = next(h for h in self.headings if len(h) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", h))
        found = json.loads(self.export("json", "--query", head))
        self.assertIn(head, [h for s in found for h in s["section_headings"]])

    def test_stored_before_heads_first(self):
        # A story stored before bodies held their heads (its body has none):
        # its heads come first, in order, in Markdown.
        story = json.loads(json.dumps(self.featured[0]))
        story["body"] = "\n".join(text for kind, text in blocks(story) if kind == "p")
        story["highlights"] = []
        source = os.path.join(self.tmp, "old.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump([story], f, ensure_ascii=False)
        db = os.path.join(self.tmp, "old.db")
        run("import", "--db", db, source)
        lines = [unescape_markdown(line) for line in self.export("md", db=db).splitlines()
                 if line.strip()]
        first = story["body"].split("\n")[0]
        want = ["### " + h for h in story["section_headings"]] + [first]
        self.assertTrue(contains_run(lines, want))

    def test_fields_leave_them_out(self):
        text = self.export("md", "--fields", "-headings,-captions")
        self.assertNotIn("\n### ", text)
        self.assertNotIn("\n*▲ ", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
