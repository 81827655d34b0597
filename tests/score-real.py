#!/usr/bin/env python3
# score-real.py — the real pages (tests/pages/real/b*) scored per page, per
# batch and per form with the scorer of the quality tests (score-gold.py),
# and the floors of tests/gold/real-floors.json recomputed from them.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score every real page in its three forms.

Usage: score-real.py BUILD_DIR [--pages] [--problems OUT] [--write-floors]

Imports tests/pages/real/*/{seed,wrap,ocr}/*.txt with BUILD_DIR's storydesk
into a temporary library, exports it and scores each form as
test-gold-real.py does (score-gold.py's matching, similarity 0.8 for ocr).
Prints one line per batch and form (headline P / R, body boundaries right),
the totals per form, and with --pages one line per page.  --problems OUT
writes every mismatch, a line each, for diffing two runs.  --write-floors
sets tests/gold/real-floors.json to the counts and rates reached (rates
rounded down to three places), never lower than the floors already there.
"""

import argparse
import glob
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FORMS = ("seed", "wrap", "ocr")
FLOOR_RATES = ("headline_p", "headline_r")
FLOOR_COUNTS = ("body", "byline", "reporter", "city", "district")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_gold", os.path.join(HERE, "score-gold.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_pages(storydesk, tmp):
    db = os.path.join(tmp, "library.db")
    export = os.path.join(tmp, "export.json")
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "real", "*", "*", "*.txt")))
    subprocess.run([storydesk, "import", "--db", db] + files, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([storydesk, "export", "--db", db, "--format", "json", "-o", export],
                   check=True, stdout=subprocess.DEVNULL)
    with open(export, encoding="utf-8") as handle:
        return json.load(handle)


def add(total, counts):
    for key in total:
        total[key] += counts[key]


def line(sg, label, counts):
    r = sg.rates(counts)
    return (f"{label:<14} {counts['gold']:>4} {counts['predicted']:>4} {counts['matched']:>5}"
            f"   {r['headline_p']:.3f} / {r['headline_r']:.3f}   {r['body']:.3f}"
            f" ({counts['body']})   byline {counts['byline']}"
            f"   city {counts['city']}, district {counts['district']} of {counts['matched']}")


def chosen_batches(text):
    """The batch numbers a list such as "b1-b20,b22" names."""
    wanted = set()
    for part in text.split(","):
        first, _, last = part.strip().lstrip("b").partition("-")
        wanted.update(range(int(first), int(last.lstrip("b") or first) + 1))
    return wanted


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", help="the meson build directory")
    parser.add_argument("--pages", action="store_true", help="also one line per page")
    parser.add_argument("--problems", metavar="OUT", help="write every mismatch to OUT")
    parser.add_argument("--write-floors", action="store_true",
                        help="raise tests/gold/real-floors.json to the scores reached")
    parser.add_argument("--batches", metavar="LIST",
                        help="score only these batches, e.g. b1-b20,b22 (keeps held-out ones out)")
    args = parser.parse_args()
    if args.batches and args.write_floors:
        parser.error("--write-floors needs every batch")
    sg = load_scorer()
    storydesk = os.path.join(args.build, "src", "storydesk")
    with tempfile.TemporaryDirectory() as tmp:
        export = export_pages(storydesk, tmp)
    predicted = sg.export_by_file(export)

    gold_by_batch = {}
    for path in glob.glob(os.path.join(ROOT, "tests", "gold", "real-b*.json")):
        batch = os.path.basename(path)[len("real-"):-len(".json")]
        gold_by_batch[batch] = sg.load_json(path)
    batches = sorted(gold_by_batch, key=lambda b: int(b[1:]))
    if args.batches:
        wanted = chosen_batches(args.batches)
        batches = [b for b in batches if int(b[1:]) in wanted]

    header = f"{'':<14} {'gold':>4} {'pred':>4} {'match':>5}   head P / R      body"
    problems = []
    totals = {}
    for form in FORMS:
        print(f"== {form}")
        print(header)
        total = sg.empty_counts()
        for batch in batches:
            gold = gold_by_batch[batch]
            pages = sg.gold_pages(gold, form)
            destroyed = sg.destroyed_stories(gold, form)
            batch_total = sg.empty_counts()
            for name in sorted(pages):
                counts = sg.score_page(pages[name], predicted.get(name, []),
                                       destroyed.get(name, []), sg.DEFAULT_SIMILARITY[form],
                                       problems, name + " ")
                if args.pages:
                    print(line(sg, "  " + name.split("-")[0], counts))
                add(batch_total, counts)
            print(line(sg, batch, batch_total))
            add(total, batch_total)
        print(line(sg, "TOTAL", total))
        totals[form] = total
        print()

    if args.problems:
        with open(args.problems, "w", encoding="utf-8") as handle:
            handle.write("\n".join(problems) + "\n")

    if args.write_floors:
        path = os.path.join(ROOT, "tests", "gold", "real-floors.json")
        old = sg.load_json(path)
        floors = {}
        for form in FORMS:
            r = sg.rates(totals[form])
            floors[form] = {}
            for key in FLOOR_RATES:
                reached = math.floor(r[key] * 1000) / 1000
                floors[form][key] = max(reached, old.get(form, {}).get(key, 0))
            for key in FLOOR_COUNTS:
                floors[form][key + "_right"] = max(totals[form][key],
                                                   old.get(form, {}).get(key + "_right", 0))
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(floors, handle, indent=1)
            handle.write("\n")
        print(f"floors written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
