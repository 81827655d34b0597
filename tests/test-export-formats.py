#!/usr/bin/python3
# Every export format of `storydesk export`, each read back by a reader
# that is not Storydesk's: Python's csv, json and html.parser modules,
# poppler's pdftotext and pdfinfo.  Plus the JSON round trip through
# `storydesk import`, and the command line's refusals.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import html.parser
import io
import json
import os
import pty
import re
import shutil
import subprocess
import tempfile
import unittest

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")
SCRIPT = "<script>alert(1)</script>"
FORMULA_TAG = "=SUM(A1:A9)"
NOTE = '核对人名, "王某"\n-2+3 是公式吗？'


def run(*args, check_status=0, **kwargs):
    if "stdout" not in kwargs:
        kwargs["capture_output"] = True
    proc = subprocess.run([STORYDESK, *args], timeout=120, **kwargs)
    if check_status is not None and proc.returncode != check_status:
        raise AssertionError(f"{args}: exit {proc.returncode}, wanted {check_status}\n"
                             f"{proc.stdout.decode(errors='replace')}\n"
                             f"{proc.stderr.decode(errors='replace')}")
    return proc


def export(db, fmt, *extra):
    return run("export", "--db", db, "--format", fmt, *extra).stdout


def add_highlight(story, start, end, comment, editor, created):
    body = story["body"]
    story.setdefault("highlights", []).append({
        "quote": body[start:end], "start": start, "end": end, "comment": comment,
        "prefix": body[max(0, start - 32):start], "suffix": body[end:end + 32],
        "editor": editor, "created": created})


class ExportFormatsTest(unittest.TestCase):
    """One library with tags, a note, a status and highlights, shared by the
    tests; none of them changes it."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sd-test-export-formats-")
        seeded = os.path.join(cls.tmp, "seeded.db")
        run("import", "--db", seeded, SEEDS)
        stories = json.loads(export(seeded, "json"))
        first = str(stories[0]["id"])
        run("tag", "--db", seeded, "--query", "吴江", "--add", "吴江")
        run("tag", "--db", seeded, "--story", first, "--add", FORMULA_TAG)
        run("note", "--db", seeded, "--story", first, "--set", NOTE)
        run("status", "--db", seeded, "--story", first, "--set", "needs-work")
        stories = json.loads(export(seeded, "json"))

        # Highlights come in through a JSON import, as from another library;
        # one body gets a script tag that every format must keep inert.
        add_highlight(stories[0], 2, 12, "核实数字", "王编辑", "2026-03-01T08:30:00Z")
        add_highlight(stories[0], 20, 26, "", None, "2026-03-02T09:00:00Z")
        add_highlight(stories[1], 0, 8, "标题党？", "李编辑", "2026-03-03T10:00:00Z")
        stories[1]["body"] += "\n第二段" + SCRIPT + "。"
        cls.source = os.path.join(cls.tmp, "library.json")
        with open(cls.source, "w", encoding="utf-8") as f:
            json.dump(stories, f, ensure_ascii=False, indent=2)

        cls.db = os.path.join(cls.tmp, "library.db")
        out = run("import", "--db", cls.db, cls.source).stdout.decode()
        assert re.search(r"library\.json: \d+ stories", out), out
        cls.stories = json.loads(export(cls.db, "json"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def path(self, name):
        return os.path.join(self.tmp, name)

    # CSV, read by Python's csv module (RFC 4180)

    def test_csv(self):
        out = self.path("stories.csv")
        run("export", "--db", self.db, "--format", "csv", "--fields", "+body", "--excel", "-o", out)
        with open(out, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "for Excel: a byte-order mark")
        self.assertIn(b"\r\n", raw)
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0], ["id", "uuid", "source", "paper", "date", "page", "headline",
                                   "city", "district", "town", "kind", "status", "tags", "note",
                                   "byline", "headings", "captions", "body"])
        self.assertEqual(len(rows) - 1, len(self.stories))
        by_id = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
        for story in self.stories:
            row = by_id[str(story["id"])]
            self.assertEqual(row["uuid"], story["uuid"])
            self.assertEqual(row["source"], story["source"]["file"])
            self.assertEqual((row["paper"], row["date"], row["page"]),
                             tuple(story[k] or "" for k in ("paper", "date", "page")))
            self.assertEqual(row["city"], story["city"] or "")
            self.assertEqual(row["status"], story["status"])
            self.assertEqual(row["body"].lstrip("'"), story["body"])
            tags = ";".join(story["tags"])
            self.assertEqual(row["tags"], "'" + tags if tags[:1] in "=+-@" and tags else tags)
            for cell in row.values():
                self.assertFalse(cell[:1] in ("=", "+", "-", "@"), f"a formula cell: {cell!r}")
        first = by_id[str(self.stories[0]["id"])]
        self.assertEqual(first["note"], NOTE)
        self.assertIn(FORMULA_TAG, first["tags"])

        plain = export(self.db, "csv")
        self.assertFalse(plain.startswith(b"\xef\xbb\xbf"))
        header = next(csv.reader(io.StringIO(plain.decode("utf-8"), newline="")))
        self.assertNotIn("body", header)
        header = next(csv.reader(io.StringIO(
            export(self.db, "csv", "--fields", "id,headline,tags").decode(), newline="")))
        self.assertEqual(header, ["id", "uuid", "headline", "tags"])

    # JSON, read by Python's json module; the round trip through import

    def test_json(self):
        with open(self.source, encoding="utf-8") as f:
            source = json.load(f)
        self.assertEqual(len(self.stories), len(source))
        for mine, theirs in zip(self.stories, source):
            for key in ("source", "kind", "headline", "body", "city", "district", "town", "tags",
                        "note", "status", "editor", "updated", "place_code"):
                self.assertEqual(mine[key], theirs[key], key)
            self.assertEqual(mine["highlights"], theirs.get("highlights", []))
        highlight = self.stories[0]["highlights"][0]
        self.assertEqual(set(highlight), {"quote", "start", "end", "comment", "prefix", "suffix",
                                          "editor", "created"})
        self.assertEqual(highlight["quote"],
                         self.stories[0]["body"][highlight["start"]:highlight["end"]])

    def test_round_trip(self):
        exported = self.path("round-trip.json")
        run("export", "--db", self.db, "--format", "json", "-o", exported)
        again = self.path("again.db")
        out = run("import", "--db", again, exported).stdout.decode()
        self.assertRegex(out, r"round-trip\.json: \d+ stories")
        second = json.loads(export(again, "json"))
        # A fresh library numbers its stories the same way: all is identical.
        self.assertEqual(second, self.stories)

        # The same export again changes nothing.
        out = run("import", "--db", again, exported).stdout.decode()
        self.assertIn("already in the library", out)
        self.assertEqual(json.loads(export(again, "json")), second)

        # Content starting with "[" is an export whatever the file's name.
        unnamed = self.path("export-without-extension")
        shutil.copy(exported, unnamed)
        with open(unnamed, "a") as f:
            f.write("\n")  # other bytes: another export
        third = self.path("third.db")
        run("import", "--db", third, unnamed)
        self.assertEqual(json.loads(export(third, "json")), self.stories)

    def test_json_refused(self):
        before = export(self.db, "json")
        cases = [
            ("broken.json", '[{"body": "x",}', "not valid JSON"),
            ("object.json", '{"stories": []}', "$:"),
            ("status.json", '[{"body": "甲"}, {"body": "乙", "status": "maybe"}]', "$[1].status"),
            ("tags.json", '[{"body": "甲", "tags": ["好", 3]}]', "$[0].tags[1]"),
            ("highlight.json", '[{"body": "甲乙", "highlights": [{"start": 1, "end": 5}]}]',
             "$[0].highlights[0]"),
        ]
        for name, text, where in cases:
            path = self.path(name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            proc = run("import", "--db", self.db, path, check_status=2)
            line = proc.stdout.decode()
            self.assertIn(name, line)
            self.assertIn(where, line)
        self.assertEqual(export(self.db, "json"), before, "a refused file stores nothing")

    # HTML, read by Python's html.parser

    def test_html(self):
        text = export(self.db, "html").decode("utf-8")

        class Checker(html.parser.HTMLParser):
            VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}

            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack, self.problems, self.text = [], [], []
                self.elements, self.attributes = {}, []

            def handle_starttag(self, tag, attrs):
                self.elements[tag] = self.elements.get(tag, 0) + 1
                self.attributes.append((tag, dict(attrs)))
                if tag not in self.VOID:
                    self.stack.append((tag, self.getpos()))

            def handle_startendtag(self, tag, attrs):
                self.elements[tag] = self.elements.get(tag, 0) + 1
                self.attributes.append((tag, dict(attrs)))

            def handle_endtag(self, tag):
                if not self.stack or self.stack[-1][0] != tag:
                    self.problems.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1:]}")
                else:
                    self.stack.pop()

            def handle_data(self, data):
                self.text.append(data)

        checker = Checker()
        checker.feed(text)
        checker.close()
        self.assertEqual(checker.problems, [])
        self.assertEqual(checker.stack, [], "every element opened is closed")
        self.assertNotIn("script", checker.elements)
        self.assertIn(SCRIPT, "".join(checker.text), "the body's text, shown as text")
        self.assertNotIn(SCRIPT, text)

        html_attrs = next(a for tag, a in checker.attributes if tag == "html")
        self.assertEqual(html_attrs["lang"], "zh-CN")
        self.assertTrue(any(a.get("http-equiv") == "Content-Security-Policy"
                            and "default-src 'none'" in a.get("content", "")
                            for tag, a in checker.attributes if tag == "meta"))
        self.assertIn("Noto Serif CJK SC", text)
        self.assertEqual(checker.elements.get("article"), len(self.stories))
        # The contents, grouped by city, link to every story.
        links = [a["href"] for tag, a in checker.attributes if tag == "a"]
        for story in self.stories:
            self.assertIn(f"#story-{story['id']}", links)
        self.assertIn("#city-3205", links)
        self.assertGreaterEqual(checker.elements.get("mark", 0), 3)

    # Markdown: a section per story, specials escaped

    def test_markdown(self):
        text = export(self.db, "md").decode("utf-8")
        headings = [line for line in text.splitlines() if line.startswith("## ")]
        self.assertEqual(len(headings), len(self.stories))
        self.assertNotIn(SCRIPT, text)
        self.assertIn("\\<script\\>", text)
        self.assertIn("> **Highlight:**", text)
        self.assertIn("> **Note:** 核对人名", text)

    # PDF, read by poppler's pdftotext and pdfinfo

    def pdf_pages(self, path):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
        self.assertIn("A4", info)
        return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))

    def pdf_text(self, path, page=None):
        args = ["pdftotext", "-enc", "UTF-8"]
        if page is not None:
            args += ["-f", str(page), "-l", str(page)]
        return subprocess.run(args + [path, "-"], capture_output=True, text=True,
                              check=True).stdout

    @unittest.skipUnless(shutil.which("pdftotext") and shutil.which("pdfinfo"),
                         "poppler-utils is not installed")
    def test_pdf(self):
        # One short story: the cover and one page.
        short = min((s for s in self.stories if s["headline"] and len(s["headline"]) < 24),
                    key=lambda s: len(s["body"]))
        self.assertLess(len(short["body"]), 1200)
        one = self.path("one.pdf")
        run("export", "--db", self.db, "--query", short["headline"], "--format", "pdf", "-o", one)
        self.assertEqual(self.pdf_pages(one), 2)
        text = re.sub(r"\s+", "", self.pdf_text(one))
        self.assertIn(re.sub(r"\s+", "", short["headline"]), text)
        self.assertIn("1story", text)  # the cover's count

        # Everything: the footers count the pages pdfinfo counts.
        full = self.path("all.pdf")
        run("export", "--db", self.db, "--format", "pdf", "-o", full)
        pages = self.pdf_pages(full)
        self.assertGreater(pages, len(self.stories) // 4)
        self.assertIn(f"{pages} / {pages}", self.pdf_text(full, pages))
        self.assertIn(f"2 / {pages}", self.pdf_text(full, 2))
        text = re.sub(r"\s+", "", self.pdf_text(full))
        for story in self.stories:
            if story["headline"] and len(story["headline"]) < 24:
                self.assertIn(re.sub(r"\s+", "", story["headline"]), text)
        fonts = subprocess.run(["pdffonts", full], capture_output=True, text=True).stdout
        for line in fonts.splitlines():
            if "CJK" in line:
                self.assertRegex(line, r"\byes\s+yes\s+yes\b", "embedded, subset, with Unicode")
        self.assertIn("CJK", fonts)

    @unittest.skipUnless(shutil.which("pdftotext"), "poppler-utils is not installed")
    def test_pdf_long_unbroken_run(self):
        # #14: a body of 200,000 characters without a break once came out
        # of the PDF as a few characters; every one must be there.
        page = self.path("run.txt")
        with open(page, "w", encoding="utf-8") as f:
            f.write("长串测试\n\n本报讯" + "".join("甲乙丙丁戊己庚辛壬癸"[i % 10]
                                                for i in range(200000)) + "。\n")
        db = self.path("run.db")
        run("import", "--db", db, page)
        out = self.path("run.pdf")
        run("export", "--db", db, "--format", "pdf", "-o", out)
        text = self.pdf_text(out)
        self.assertEqual(text.count("甲"), 20000)
        self.assertEqual(text.count("癸"), 20000)

    def test_pdf_not_to_a_terminal(self):
        controller, terminal = pty.openpty()
        try:
            proc = run("export", "--db", self.db, "--format", "pdf", check_status=2,
                       stdout=terminal, stderr=subprocess.PIPE)
        finally:
            os.close(controller)
            os.close(terminal)
        self.assertIn(b"-o", proc.stderr)
        # Piped, it is allowed.
        self.assertTrue(export(self.db, "pdf").startswith(b"%PDF-"))

    # W3C Web Annotation, JSON-LD checked key by key

    def test_w3c(self):
        collection = json.loads(export(self.db, "w3c"))
        self.assertEqual(collection["@context"], "http://www.w3.org/ns/anno.jsonld")
        self.assertEqual(collection["type"], "AnnotationCollection")
        self.assertTrue(collection["id"].startswith("urn:"))
        page = collection["first"]
        self.assertEqual(page["type"], "AnnotationPage")
        items = page["items"]
        self.assertEqual(collection["total"], len(items))
        # targets name a story by its uuid, which outlives re-imports
        bodies = {f"urn:uuid:{s['uuid']}": s["body"] for s in self.stories}
        self.assertEqual(len(bodies), len(self.stories))
        n_highlights = sum(len(s["highlights"]) for s in self.stories)
        n_notes = sum(1 for s in self.stories if s["note"])
        motivations = {}
        for item in items:
            self.assertEqual(item["type"], "Annotation")
            self.assertTrue(item["id"].startswith("urn:storydesk:"))
            motivations[item["motivation"]] = motivations.get(item["motivation"], 0) + 1
            target = item["target"]
            self.assertIn(target["source"]["id"], bodies)
            self.assertTrue(target["scope"]["id"].startswith("urn:storydesk:file:"))
            if item["id"].startswith("urn:storydesk:highlight:"):
                selectors = {s["type"]: s for s in target["selector"]}
                quote = selectors["TextQuoteSelector"]
                position = selectors["TextPositionSelector"]
                body = bodies[target["source"]["id"]]
                self.assertEqual(body[position["start"]:position["end"]], quote["exact"])
                # An empty prefix or suffix is left out.
                self.assertTrue(body[:position["start"]].endswith(quote.get("prefix", "")))
                self.assertTrue(body[position["end"]:].startswith(quote.get("suffix", "")))
                self.assertIn("created", item)
            if item["motivation"] in ("commenting", "tagging"):
                for body in item["body"] if isinstance(item["body"], list) else [item["body"]]:
                    self.assertEqual(body["type"], "TextualBody")
                    self.assertTrue(body["value"])
        self.assertEqual(sum(1 for i in items if i["id"].startswith("urn:storydesk:highlight:")),
                         n_highlights)
        self.assertEqual(sum(1 for i in items if i["id"].startswith("urn:storydesk:note:")),
                         n_notes)
        self.assertGreaterEqual(motivations.get("highlighting", 0), 1)
        self.assertGreaterEqual(motivations.get("tagging", 0), 1)

    # Refusals

    def test_errors(self):
        proc = run("export", "--db", self.db, "--format", "odt", check_status=2)
        self.assertIn(b"odt", proc.stderr)
        proc = run("export", "--db", self.db, "--format", "csv", "--fields", "colour",
                   check_status=2)
        self.assertIn(b"colour", proc.stderr)
        for fmt in ("csv", "pdf", "html"):
            target = f"/nonexistent-dir/x.{fmt}"
            proc = run("export", "--db", self.db, "--format", fmt, "-o", target, check_status=2)
            self.assertIn(target.encode(), proc.stderr)
        # A folder is not a file to write.
        proc = run("export", "--db", self.db, "--format", "md", "-o", self.tmp, check_status=2)
        self.assertIn(b"folder", proc.stderr)
        # The -o name picks the format when --format is not given.
        out = self.path("by-name.html")
        run("export", "--db", self.db, "-o", out)
        with open(out, encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("<!DOCTYPE html>"))
        leftovers = [n for n in os.listdir(self.tmp) if n.endswith(".part")]
        self.assertEqual(leftovers, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
