#!/usr/bin/env python3
# fit-boundary.py — fit the weights of the segmenter's boundary scorer
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fit the weights of the segmenter's boundary scorer on labelled pages.

Usage: fit-boundary.py BUILD_DIR [--c]

Runs BUILD_DIR/tests/sd-boundary-cues over every labelled page (seeds/,
tests/pages/, tests/pages/real/*/{seed,wrap,ocr}/), labels each undecided
title by the gold (1: a gold headline, kicker or 副题 of that page; 0:
anything else, a section head most often), fits a logistic regression
(L2, plain gradient descent: no numpy needed) and prints, for the weights
in sd-title-cues.c and for the fitted ones, how many titles each decides
right, in all and per group of pages (a batch of real pages, the seeds,
the older pages), the last column with that group left out of the fit:
the held-out figure a weight should match to carry to new pages.
With --c it prints the fitted table as C.
"""

import argparse
import difflib
import glob
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CUES = ["MARKED", "COLON", "NEW_PLACE", "KNOWN_PLACE", "SPACED_HALVES", "WIDE_GAP",
        "LEAD_OPENER", "LEAD_NAMES", "AFTER_MARKED", "HEADER", "COHESION", "SECTION_SHAPE",
        "PREV_ENDED", "STORY_LENGTH", "TITLE_LENGTH", "EXCLAIMS"]

SPACE_RE = re.compile(r"[\s#*]+")


def norm(text):
    return SPACE_RE.sub("", text or "")


def read_current_weights():
    """The table in sd-title-cues.c, so both can be compared."""
    source = open(os.path.join(ROOT, "src", "core", "segmenting", "sd-title-cues.c"), encoding="utf-8").read()
    weights = []
    for cue in CUES:
        match = re.search(r"\[CUE_%s\] = (-?[0-9.]+)" % cue, source)
        weights.append(float(match.group(1)))
    bias = float(re.search(r"cue_bias = (-?[0-9.]+)", source).group(1))
    return weights, bias


def gold_titles():
    """{file name: [normalised titles that open a story]}"""
    titles = {}
    files = [os.path.join(ROOT, "tests", "gold", "seeds.json"),
             os.path.join(ROOT, "tests", "gold", "more-pages.json")]
    files += sorted(glob.glob(os.path.join(ROOT, "tests", "gold", "real-b*.json")))
    for path in files:
        for page in json.load(open(path, encoding="utf-8"))["pages"]:
            names = titles.setdefault(os.path.basename(page["file"]), [])
            for story in page["stories"]:
                for key in ("headline", "kicker_or_subheadline"):
                    value = story.get(key)
                    for option in value if isinstance(value, list) else [value]:
                        if option:
                            names.append(norm(option))
    return titles


def group_of(path):
    if "/seeds/" in path:
        return "seeds"
    match = re.search(r"/real/(b[0-9]+)/", path)
    return match.group(1) if match else "pages"


def opens_story(title, names, fuzzy):
    title = norm(title)
    for name in names:
        if title == name or (len(title) >= 6 and title in name):
            return True
        if fuzzy and difflib.SequenceMatcher(None, title, name).ratio() >= 0.8:
            return True
    return False


def collect(build_dir):
    pages = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    pages += sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "*.txt")))
    pages += sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "real", "*", "*", "*.txt")))
    tool = os.path.join(build_dir, "tests", "sd-boundary-cues")
    out = subprocess.run([tool] + pages, check=True, capture_output=True, text=True).stdout
    titles = gold_titles()
    rows = []
    for line in out.splitlines():
        fields = line.split("\t")
        path, title, cues = fields[0], fields[1], [float(x) for x in fields[2:]]
        names = titles.get(os.path.basename(path))
        if names is None:
            continue
        label = opens_story(title, names, "/ocr/" in path)
        rows.append((group_of(path), label, cues, path, title))
    return rows


def predict(weights, bias, cues):
    return bias + sum(w * c for w, c in zip(weights, cues))


# The seeds and the older labelled pages must keep scoring 1.000: their
# titles count this many times over in the fit.
KEEP_WEIGHT = {"seeds": 4.0, "pages": 4.0}


def fit(rows, l2=0.002, steps=6000, rate=1.0):
    n = len(CUES)
    weights = [0.0] * n
    bias = 0.0
    total = sum(KEEP_WEIGHT.get(row[0], 1.0) for row in rows)
    for _ in range(steps):
        grad = [0.0] * n
        grad_bias = 0.0
        for group, label, cues, _, _ in rows:
            z = predict(weights, bias, cues)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = (p - (1.0 if label else 0.0)) * KEEP_WEIGHT.get(group, 1.0)
            for k in range(n):
                grad[k] += err * cues[k]
            grad_bias += err
        for k in range(n):
            weights[k] -= rate * (grad[k] / total + l2 * weights[k])
        bias -= rate * grad_bias / total
    return weights, bias


def right(weights, bias, rows):
    return sum((predict(weights, bias, cues) >= 0) == label for _, label, cues, _, _ in rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir")
    parser.add_argument("--c", action="store_true", help="print the fitted table as C")
    args = parser.parse_args(argv)

    rows = collect(args.build_dir)
    current = read_current_weights()
    fitted = fit(rows)
    groups = sorted({row[0] for row in rows})
    positives = sum(row[1] for row in rows)
    print(f"{len(rows)} undecided titles, {positives} open a story, {len(rows) - positives} do not")
    print(f"current weights: {right(*current, rows)} right; fitted: {right(*fitted, rows)} right")
    # a weight carries to new pages when the batch it was not fitted on
    # scores as well as when it was: compare the last two columns
    print("left out   titles  current  fitted  fitted without it")
    sums = [0, 0, 0, 0]
    for group in groups:
        held = [row for row in rows if row[0] == group]
        rest = [row for row in rows if row[0] != group]
        counts = [len(held), right(*current, held), right(*fitted, held), right(*fit(rest), held)]
        sums = [a + b for a, b in zip(sums, counts)]
        print(f"{group:<10} {counts[0]:>6}  {counts[1]:>7}  {counts[2]:>6}  {counts[3]:>6}")
    print(f"{'all':<10} {sums[0]:>6}  {sums[1]:>7}  {sums[2]:>6}  {sums[3]:>6}")
    if args.c:
        weights, bias = fitted
        print("static const double cue_weights[N_CUES] = {")
        for cue, weight in zip(CUES, weights):
            print(f"  [CUE_{cue}] = {weight:.1f},")
        print("};")
        print(f"static const double cue_bias = {bias:.1f};")
    return 0


if __name__ == "__main__":
    sys.exit(main())
