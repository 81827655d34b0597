#!/usr/bin/python3
# The Word and Excel exports (issue #15, item 3), read back by readers that
# are not Storydesk's: python3-docx and the document's own XML parts,
# openpyxl; and opened by LibreOffice headless, which converts each to a
# PDF (skipped where LibreOffice is not installed: .ci/debian-packages
# installs it).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import docx
import openpyxl

from sdrun import SEEDS, run

PAGES = sorted(glob.glob(os.path.join(os.environ["SD_SOURCE_ROOT"], "tests", "pages", "*.txt")))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOTE = "核对人名\n第二行 <b>&amp;"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


class OfficeExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sd-test-export-office-")
        db = os.path.join(cls.tmp, "pages.db")
        run("import", "--db", db, SEEDS, *PAGES, timeout=120)
        run("tag", "--db", db, "--query", "吴江", "--add", "吴江")
        run("tag", "--db", db, "--story", "1", "--add", "=SUM(A1)")
        run("tag", "--db", db, "--story", "2", "--add", "待核")
        run("note", "--db", db, "--story", "1", "--set", NOTE)
        stories = json.loads(run("export", "--db", db, "--format", "json").stdout)
        # A highlight with a comment and one without, through a JSON import.
        body = stories[0]["body"]
        stories[0]["highlights"] = [
            {"quote": body[2:12], "start": 2, "end": 12, "comment": "核实数字",
             "prefix": body[:2], "suffix": body[12:44], "editor": "王编辑",
             "created": "2026-03-01T08:30:00Z"},
            {"quote": body[20:26], "start": 20, "end": 26, "comment": "",
             "prefix": body[:20], "suffix": body[26:58], "editor": None,
             "created": "2026-03-02T09:00:00Z"}]
        source = os.path.join(cls.tmp, "library.json")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(stories, f, ensure_ascii=False)
        cls.db = os.path.join(cls.tmp, "library.db")
        run("import", "--db", cls.db, source, timeout=120)
        cls.stories = json.loads(run("export", "--db", cls.db, "--format", "json").stdout)
        cls.docx = os.path.join(cls.tmp, "stories.docx")
        cls.xlsx = os.path.join(cls.tmp, "stories.xlsx")
        run("export", "--db", cls.db, "--format", "docx", "-o", cls.docx, timeout=120)
        # The format from the file name.
        run("export", "--db", cls.db, "-o", cls.xlsx, timeout=120)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def paragraphs(self, style):
        return [p.text for p in docx.Document(self.docx).paragraphs if p.style.name == style]

    def test_docx_stories_headings_captions(self):
        self.assertEqual(self.paragraphs("Heading 2"),
                         [s["headline"] or self.title(s) for s in self.stories])
        self.assertEqual(sorted(self.paragraphs("Heading 3")),
                         sorted(h for s in self.stories for h in s["section_headings"]))
        self.assertEqual(sorted(self.paragraphs("Caption")),
                         sorted("▲ " + c for s in self.stories for c in s["captions"]))
        bodies = self.paragraphs("Body Text")
        self.assertIn(self.stories[0]["body"].split("\n")[0].strip(), bodies)

    def title(self, story):
        # A story without a headline is shown by its start, as in every format.
        found = [p for p in self.paragraphs("Heading 2")
                 if story["body"].startswith(p.rstrip("…")[:10])]
        return found[0] if found else None

    def test_docx_tags_and_meta(self):
        meta = "\n".join(self.paragraphs("Meta"))
        for story in self.stories:
            for tag in story["tags"]:
                self.assertIn(tag, meta)
        self.assertIn("=SUM(A1)", meta)

    def test_docx_notes_are_comments(self):
        with zipfile.ZipFile(self.docx) as archive:
            comments = ET.fromstring(archive.read("word/comments.xml"))
            document = archive.read("word/document.xml").decode()
            styles = archive.read("word/styles.xml").decode()
        texts = ["\n".join("".join(t.text or "" for t in p.iter(W + "t"))
                           for p in c.iter(W + "p")) for c in comments.iter(W + "comment")]
        self.assertIn(NOTE, texts)
        self.assertTrue(any("核实数字" in t for t in texts))
        self.assertEqual(len(texts), document.count("<w:commentReference "))
        authors = [c.get(W + "author") for c in comments.iter(W + "comment")]
        self.assertIn("王编辑", authors)
        # East Asian fonts and language, the two-character indent, highlights.
        self.assertIn('w:eastAsia="Noto Serif CJK SC"', styles)
        self.assertIn('w:eastAsia="zh-CN"', styles)
        self.assertIn('w:firstLineChars="200"', styles)
        root = ET.fromstring(document)
        marked = "".join(t.text for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}highlight")
                         is not None for t in r.iter(W + "t"))
        body = self.stories[0]["body"]
        self.assertEqual(marked, body[2:12] + body[20:26])

    def test_xlsx(self):
        book = openpyxl.load_workbook(self.xlsx)
        sheet = book.active
        header = [c.value for c in sheet[1]]
        self.assertEqual(header, ["id", "uuid", "source", "paper", "date", "page", "headline",
                                  "city", "district", "town", "kind", "status", "tags", "note",
                                  "byline", "headings", "captions", "body"])
        self.assertTrue(all(c.font.b for c in sheet[1]))
        self.assertEqual(sheet.freeze_panes, "A2")
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(rows), len(self.stories))
        for row, story in zip(rows, self.stories):
            cells = dict(zip(header, row))
            self.assertEqual(cells["id"], story["id"])
            self.assertEqual(cells["headline"], story["headline"])
            self.assertEqual(cells["tags"] or "", ";".join(story["tags"]))
            self.assertEqual(cells["note"] or "", story["note"])
            self.assertEqual(cells["headings"] or "", "\n".join(story["section_headings"]))
            self.assertEqual(cells["captions"] or "", "\n".join(story["captions"]))
            self.assertEqual(cells["body"] or "", story["body"])
        # A tag that looks like a formula stays text.
        self.assertIn("=SUM(A1)", rows[0][header.index("tags")])

    @unittest.skipIf(SOFFICE is None, "LibreOffice is not installed")
    def test_libreoffice_converts(self):
        out = os.path.join(self.tmp, "converted")
        for path in (self.docx, self.xlsx):
            proc = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{out}/profile",
                                   "--convert-to", "pdf", "--outdir", out, path],
                                  capture_output=True, timeout=180)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            pdf = os.path.join(out, os.path.basename(path).rsplit(".", 1)[0] + ".pdf")
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                  check=True).stdout.decode()
            self.assertIn(self.stories[0]["headline"][:6], text.replace("\n", ""))
            os.unlink(pdf)


if __name__ == "__main__":
    unittest.main(verbosity=2)
