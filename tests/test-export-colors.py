#!/usr/bin/python3
# Tag colours in the exports (issue #15, item 7): JSON's tag_colors beside
# the list of names, HTML chips coloured through classes in the page's own
# style sheet (no style attribute), PDF chips filled with the colour
# (pdftoppm's pixels), Word's shading and Excel's cell fill.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import html.parser
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
import zipfile

import openpyxl

from sdrun import SEEDS, run

RED, GREEN = "#e01b24", "#33d17a"


class Chips(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.chips, self.styled, self.style, self.into = {}, 0, "", None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.styled += "style" in attrs
        self.into = (tag, attrs.get("class"))
        if tag == "li":
            self.pending = attrs.get("class")

    def handle_data(self, data):
        if self.into and self.into[0] == "style":
            self.style += data
        elif self.into and self.into[0] == "li":
            self.chips.setdefault(data, set()).add(self.into[1])

    def handle_endtag(self, tag):
        self.into = None


class ExportColorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sd-test-export-colors-")
        cls.db = os.path.join(cls.tmp, "library.db")
        run("import", "--db", cls.db, SEEDS, timeout=120)
        run("tag", "--db", cls.db, "--story", "1", "--add", "要闻")
        run("tag", "--db", cls.db, "--story", "1", "--add", "无色")
        run("tag", "--db", cls.db, "--story", "2", "--add", "待核")
        # No command sets a colour: the window does, through the store.
        with sqlite3.connect(cls.db) as db:
            db.execute("UPDATE tags SET color = ? WHERE name = '要闻'", (RED,))
            db.execute("UPDATE tags SET color = ? WHERE name = '待核'", (GREEN,))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def export(self, fmt, *extra):
        return run("export", "--db", self.db, "--format", fmt, *extra, timeout=120).stdout

    def test_json(self):
        stories = {s["id"]: s for s in json.loads(self.export("json"))}
        self.assertEqual(sorted(stories[1]["tags"]), ["无色", "要闻"])
        self.assertEqual(stories[1]["tag_colors"], {"要闻": RED})
        self.assertEqual(stories[2]["tag_colors"], {"待核": GREEN})
        self.assertEqual(stories[3]["tag_colors"], {})

    def test_html_classes_not_style_attributes(self):
        page = self.export("html")
        self.assertIn("style-src 'unsafe-inline'", page)
        parser = Chips()
        parser.feed(page)
        self.assertEqual(parser.styled, 0)
        self.assertEqual(parser.chips["要闻"], {"tag-e01b24"})
        self.assertEqual(parser.chips["无色"], {None})
        self.assertIn(".tags li.tag-e01b24{background:#e01b24", parser.style)
        self.assertIn(".tags li.tag-33d17a{background:#33d17a", parser.style)

    def test_pdf_chip_filled(self):
        pdf = os.path.join(self.tmp, "colors.pdf")
        run("export", "--db", self.db, "--format", "pdf", "-o", pdf, "--query", "tag:要闻")
        ppm = subprocess.run(["pdftoppm", "-f", "2", "-l", "2", "-r", "50", pdf],
                             capture_output=True, check=True).stdout
        # P6 header, then RGB triples: the tag's red is there.
        width, height = map(int, ppm.split(b"\n")[1].split())
        pixels = ppm[-width * height * 3:]
        red = bytes.fromhex(RED[1:])
        self.assertTrue(any(pixels[i:i + 3] == red for i in range(0, len(pixels), 3)))

    def test_docx_shading(self):
        path = os.path.join(self.tmp, "colors.docx")
        run("export", "--db", self.db, "--format", "docx", "-o", path)
        with zipfile.ZipFile(path) as archive:
            document = archive.read("word/document.xml").decode()
        self.assertIn('w:fill="e01b24"/></w:rPr><w:t xml:space="preserve">要闻</w:t>', document)

    def test_xlsx_fill(self):
        path = os.path.join(self.tmp, "colors.xlsx")
        run("export", "--db", self.db, "--format", "xlsx", "-o", path)
        sheet = openpyxl.load_workbook(path).active
        header = [c.value for c in sheet[1]]
        tags = {row[0].value: row[header.index("tags")] for row in sheet.iter_rows(min_row=2)}
        self.assertTrue(tags[1].fill.fgColor.rgb.upper().endswith("E01B24"))
        self.assertTrue(tags[2].fill.fgColor.rgb.upper().endswith("33D17A"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
