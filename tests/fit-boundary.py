#!/usr/bin/env python3
# fit-boundary.py — fit the weights of the segmenter's boundary scorer
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fit the weights of the segmenter's boundary scorer on labelled pages.

Usage: fit-boundary.py BUILD_DIR [--batches LIST] [--c] [--no-pages] [--rounds N]
                        [--trees N] [--depth N] [--rate R] [--min-leaf N]
       fit-boundary.py BUILD_DIR [--batches LIST] --misses [--list]
       fit-boundary.py BUILD_DIR [--batches LIST] --grid

--batches b1-b26 reads only those real batches (their pages and gold), as
tests/score-real.py does: batches held out for a later check stay unread.
--trees, --depth, --rate and --min-leaf set the boosting (defaults: the
table's); --grid prints the leave-one-batch-out figures of several.

Runs BUILD_DIR/tests/sd-boundary-cues over every labelled page (seeds/,
tests/pages/, tests/pages/real/*/{seed,wrap,ocr}/), labels each candidate
title the scorer weighs by the gold (1: a gold headline, kicker or 副题 of
that page; 0: anything else, a section head most often) and fits a
logistic regression (L2, Newton's method: no numpy needed).

It prints how many candidates the table in sd-boundary.c and the fit
decide right, per group of pages (a batch of real pages, the seeds, the
older pages), the last column with that group left out of the fit.  Then,
unless --no-pages, what decides: the pages cut end to end and scored as
tests/score-real.py scores them (headline precision / recall, bodies
right), per form, with the table, with the fit on all pages, and LEAVE ONE
BATCH OUT: each real batch cut with weights fitted without it, the honest
estimate for pages nobody has seen.  Pick weights by that figure.
With --c it prints the fitted table as C.

With --misses it fits nothing: it cuts every real page with the table and
says, per form, where each gold story that was not found was lost: its
headline's line never a candidate title (joined into another line, or of
another shape), a candidate a rule turned down, one the scorer turned
down, or a story opened there but cut wrong (another line taken for its
headline); --list names them.
"""

import argparse
import datetime
import difflib
import glob
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TABLE = os.path.join(ROOT, "src", "core", "segmenting", "sd-boundary-model.h")
HEADER = os.path.join(ROOT, "src", "core", "segmenting", "sd-segmenter-private.h")
FORMS = ("seed", "wrap", "ocr")

SPACE_RE = re.compile(r"[\s#*]+")


def norm(text):
    return SPACE_RE.sub("", text or "")


def read_names():
    """The cue names, in the order of sd-segmenter-private.h."""
    header = open(HEADER, encoding="utf-8").read()
    enum = re.search(r"typedef enum\s*\{\s*(CUE_.*?)N_CUES", header, re.S).group(1)
    return re.findall(r"CUE_([A-Z_0-9]+),", enum)


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_gold", os.path.join(HERE, "score-gold.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A title this similar to the headline of a story the OCR destroyed opens
# that story: score-gold.py leaves such a story out of the score on both
# sides (DESTROYED_HEADLINE_SIMILARITY), so it is no extra, and the story
# above it ends where it begins.
DESTROYED_SIMILARITY = 0.5


# The real batches read (None: all); set from --batches.
BATCHES = None


def chosen_batches(text):
    """The batch numbers a list such as "b1-b20,b22" names, read as
    score-real.py reads them (its own function)."""
    spec = importlib.util.spec_from_file_location("score_real", os.path.join(HERE, "score-real.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.chosen_batches(text)


def batch_wanted(path):
    """False for a real batch's page or gold file --batches leaves out."""
    match = re.search(r"(?:/real/b|/real-b)([0-9]+)", path)
    return match is None or BATCHES is None or int(match.group(1)) in BATCHES


def real_pages():
    pages = sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "real", "*", "*", "*.txt")))
    return [p for p in pages if batch_wanted(p)]


def real_golds():
    golds = sorted(glob.glob(os.path.join(ROOT, "tests", "gold", "real-b*.json")))
    return [p for p in golds if batch_wanted(p)]


def gold_titles():
    """{file name: [normalised titles that open a story]}; the headlines of
    stories the OCR destroyed are listed as (headline,) tuples."""
    titles = {}
    files = [os.path.join(ROOT, "tests", "gold", "seeds.json"),
             os.path.join(ROOT, "tests", "gold", "more-pages.json")]
    files += real_golds()
    for path in files:
        for page in json.load(open(path, encoding="utf-8"))["pages"]:
            names = titles.setdefault(os.path.basename(page["file"]), [])
            for story in page["stories"]:
                for key in ("headline", "kicker_or_subheadline"):
                    value = story.get(key)
                    for option in value if isinstance(value, list) else [value]:
                        if option:
                            names.append(norm(option))
            for story in page.get("destroyed_by_ocr", []):
                if story.get("headline"):
                    names.append((norm(story["headline"]),))
    return titles


def group_of(path):
    if "/seeds/" in path:
        return "seeds"
    match = re.search(r"/real/(b[0-9]+)/", path)
    return match.group(1) if match else "pages"


def opens_story(title, names, fuzzy):
    title = norm(title)
    for name in names:
        if isinstance(name, tuple):
            if difflib.SequenceMatcher(None, title, name[0]).ratio() >= DESTROYED_SIMILARITY:
                return True
            continue
        if title == name or (len(title) >= 6 and title in name):
            return True
        if fuzzy and difflib.SequenceMatcher(None, title, name).ratio() >= 0.8:
            return True
    return False


def all_pages():
    pages = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    pages += sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "*.txt")))
    return pages + real_pages()


def write_model(model, path):
    """The numbers sd-boundary-cues --model reads: the bias, then each tree."""
    bias, trees = model
    numbers = [bias]
    for tree in trees:
        numbers += tree_numbers(tree)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(" ".join(repr(float(v)) for v in numbers) + "\n")


def collect(tool, model=None):
    """The candidates of every page, as the pages are cut with @model (None:
    the table): which titles the scorer weighs depends on what it cut."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [tool]
        if model is not None:
            write_model(model, os.path.join(tmp, "model.txt"))
            command += ["--model", os.path.join(tmp, "model.txt")]
        out = subprocess.run(command + all_pages(), check=True, capture_output=True,
                             text=True).stdout
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


# The seeds and the older labelled pages must keep scoring 1.000: their
# titles count this many times over in the fit.
KEEP_WEIGHT = {"seeds": 4.0, "pages": 4.0}


def solve(matrix, vector):
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-12:
            continue
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        if abs(a[r][r]) < 1e-12:
            continue
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


def fit_logistic(rows, l2=0.002, steps=12):
    """The other design weighed: one logistic regression (Newton's method,
    the bias not penalised).  Returns (weights, bias)."""
    n = len(rows[0][2]) + 1
    theta = [0.0] * n
    total = sum(KEEP_WEIGHT.get(row[0], 1.0) for row in rows)
    for _ in range(steps):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for group, label, cues, _, _ in rows:
            x = [1.0] + cues
            z = sum(t * v for t, v in zip(theta, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            weight = KEEP_WEIGHT.get(group, 1.0) / total
            err = (p - (1.0 if label else 0.0)) * weight
            curv = p * (1.0 - p) * weight
            for a in range(n):
                if x[a] == 0.0:
                    continue
                grad[a] += err * x[a]
                row = hess[a]
                for b in range(n):
                    if x[b] != 0.0:
                        row[b] += curv * x[a] * x[b]
        for a in range(1, n):
            grad[a] += l2 * theta[a]
            hess[a][a] += l2
        step = solve(hess, grad)
        theta = [t - s for t, s in zip(theta, step)]
    return theta[1:], theta[0]


def logistic_right(model, rows):
    weights, bias = model
    return sum((bias + sum(w * c for w, c in zip(weights, cues)) >= 0) == label
               for _, label, cues, _, _ in rows)


# ---- boosted trees: the design the figures chose ----------------------
# Gradient boosting of the logistic loss with trees of depth 2 (Newton
# leaves, as XGBoost fits them): a tree is ("leaf", value) or
# ("split", cue, cut, left, right); a title goes right when its cue >= cut.
ROUNDS = 40
DEPTH = 2
RATE = 0.3
LEAF_L2 = 1.0
MIN_TITLES = 6
CUTS = 8  # cuts tried a cue: its values' octiles when it has more


def candidate_cuts(rows):
    cuts = []
    for k in range(len(rows[0][2])):
        values = sorted({row[2][k] for row in rows})
        if len(values) > CUTS + 1:
            values = [values[i * len(values) // (CUTS + 1)] for i in range(1, CUTS + 1)]
        else:
            values = values[1:]
        cuts.append(values)
    return cuts


def leaf_value(index, grad, hess):
    return -sum(grad[i] for i in index) / (sum(hess[i] for i in index) + LEAF_L2)


def grow(index, xs, grad, hess, cuts, depth):
    if depth == 0 or len(index) < MIN_TITLES:
        return ("leaf", leaf_value(index, grad, hess))
    g_all = sum(grad[i] for i in index)
    h_all = sum(hess[i] for i in index)
    base = g_all * g_all / (h_all + LEAF_L2)
    best = (1e-9, None, None)
    for k, values in enumerate(cuts):
        # one pass up the sorted values sums what falls left of each cut
        ordered = sorted(index, key=lambda i: xs[i][k])
        g_left = h_left = 0.0
        j = 0
        for cut in values:
            while j < len(ordered) and xs[ordered[j]][k] < cut:
                g_left += grad[ordered[j]]
                h_left += hess[ordered[j]]
                j += 1
            g_right, h_right = g_all - g_left, h_all - h_left
            gain = (g_left * g_left / (h_left + LEAF_L2)
                    + g_right * g_right / (h_right + LEAF_L2) - base)
            if gain > best[0]:
                best = (gain, k, cut)
    _, k, cut = best
    if k is None:
        return ("leaf", leaf_value(index, grad, hess))
    left = [i for i in index if xs[i][k] < cut]
    right = [i for i in index if xs[i][k] >= cut]
    return ("split", k, cut, grow(left, xs, grad, hess, cuts, depth - 1),
            grow(right, xs, grad, hess, cuts, depth - 1))


def tree_value(tree, cues):
    while tree[0] == "split":
        tree = tree[4] if cues[tree[1]] >= tree[2] else tree[3]
    return tree[1]


def fit(rows):
    """Returns (bias, trees); the rate is in the leaves."""
    xs = [row[2] for row in rows]
    ys = [1.0 if row[1] else 0.0 for row in rows]
    ws = [KEEP_WEIGHT.get(row[0], 1.0) for row in rows]
    share = sum(y * w for y, w in zip(ys, ws)) / sum(ws)
    bias = math.log(share / (1.0 - share))
    scores = [bias] * len(rows)
    cuts = candidate_cuts(rows)
    trees = []
    for _ in range(ROUNDS):
        probs = [1.0 / (1.0 + math.exp(-z)) for z in scores]
        grad = [(p - y) * w for p, y, w in zip(probs, ys, ws)]
        hess = [p * (1.0 - p) * w for p, w in zip(probs, ws)]
        tree = scale(grow(list(range(len(rows))), xs, grad, hess, cuts, DEPTH), RATE)
        trees.append(tree)
        scores = [z + tree_value(tree, x) for z, x in zip(scores, xs)]
    return bias, trees


def scale(tree, rate):
    if tree[0] == "leaf":
        return ("leaf", tree[1] * rate)
    return ("split", tree[1], tree[2], scale(tree[3], rate), scale(tree[4], rate))


def tree_numbers(tree):
    """cue, cut of nodes 0, 1, 2, then leaves 0–3 (sd-boundary.c's
    BoundaryTree): a missing split is cue 99, every title to its left."""
    def node(t):
        return (t[1], t[2]) if t[0] == "split" else (99, 0.0)

    def leaves(t):
        if t[0] == "leaf":
            return [t[1], t[1]]
        return [t[3][1] if t[3][0] == "leaf" else None, t[4][1] if t[4][0] == "leaf" else None]
    left = tree[3] if tree[0] == "split" else tree
    right = tree[4] if tree[0] == "split" else tree
    return [*node(tree), *node(left), *node(right), *leaves(left), *leaves(right)]


def predict(model, cues):
    bias, trees = model
    return bias + sum(tree_value(tree, cues) for tree in trees)


def right(model, rows):
    return sum((predict(model, cues) >= 0) == label for _, label, cues, _, _ in rows)


def cut_and_score(tool, sg, model, pages, gold, tmp):
    """Counts per form of @pages cut with @model (None: the table)."""
    export = os.path.join(tmp, "export.json")
    command = [tool, "--export", export]
    if model is not None:
        path = os.path.join(tmp, "model.txt")
        write_model(model, path)
        command += ["--model", path]
    subprocess.run(command + pages, check=True)
    predicted = sg.export_by_file(json.load(open(export, encoding="utf-8")))
    counts = {form: sg.empty_counts() for form in FORMS}
    for form in FORMS:
        golds = sg.gold_pages(gold, form)
        destroyed = sg.destroyed_stories(gold, form)
        for name in golds:
            page = sg.score_page(golds[name], predicted.get(name, []), destroyed.get(name, []),
                                 sg.DEFAULT_SIMILARITY[form], [], name)
            for key in counts[form]:
                counts[form][key] += page[key]
    return counts


# ---- where the headlines are lost (--misses) ---------------------------
ROLES = ("body", "kicker", "headline", "subheadline", "section", "reporter", "byline",
         "credit", "caption", "stray")  # SdSegRole's order
SHAPES = ("text", "bold", "reporter", "names", "credit", "credits", "furniture")


def page_units(tool, pages):
    """{file name: [(title, shape, role, story, weighed, text)]}"""
    out = subprocess.run([tool, "--units", "yes"] + pages, check=True, capture_output=True,
                         text=True).stdout
    units = {}
    for line in out.splitlines():
        path, title, shape, role, story, weighed, flags, text = line.split("\t", 7)
        units.setdefault(os.path.basename(path), []).append(
            (title == "1", SHAPES[int(shape)], ROLES[int(role)], int(story), int(weighed), text,
             flags))
    return units


def find_unit(sg, units, headline):
    """The unit that best holds @headline (similarity of the squeezed
    texts), and that similarity."""
    want = sg.fuzzy_norm(headline)
    best, found = 0.0, None
    for unit in units:
        have = sg.fuzzy_norm(unit[5])
        ratio = sg.similarity(want, have)
        if ratio > best or (ratio == best and found is not None and unit[0] and not found[0]):
            best, found = ratio, unit
    return found, best


def why_lost(sg, units, gold_story):
    """One of: no headline, inside a line, over two lines, misread, not a
    title (shape), rule, scorer, cut wrong."""
    headline = gold_story.get("headline")
    if isinstance(headline, list):
        headline = headline[0]
    if not headline:
        return "no headline"
    unit, ratio = find_unit(sg, units, headline)
    if unit is None or ratio < 0.8:
        want = sg.fuzzy_norm(headline)
        if any(sg.best_stretch(want, sg.fuzzy_norm(u[5]), threshold=0.8)[0] >= 0.8
               for u in units):
            return "inside a line"
        if any(sg.similarity(want, sg.fuzzy_norm(a[5] + b[5])) >= 0.8
               for a, b in zip(units, units[1:])):
            return "over two lines"
        return "misread"
    title, shape, role, _, weighed, _, _ = unit
    if role in ("kicker", "headline", "subheadline"):
        return "cut wrong"
    if not title:
        return "not a title" if shape == "text" else f"not a title ({shape})"
    return "scorer" if weighed == 1 else "rule"


def misses(tool, sg, list_them):
    pages = real_pages()
    units = page_units(tool, pages)
    reasons = {form: {} for form in FORMS}
    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "export.json")
        subprocess.run([tool, "--export", export] + pages, check=True)
        predicted = sg.export_by_file(json.load(open(export, encoding="utf-8")))
    for path in real_golds():
        gold = sg.load_json(path)
        for form in FORMS:
            golds = sg.gold_pages(gold, form)
            threshold = sg.DEFAULT_SIMILARITY[form]
            for name, stories in golds.items():
                if threshold < 1.0:
                    pairs, _, _ = sg.match_page_fuzzy(stories, predicted.get(name, []), threshold)
                else:
                    pairs, _, _ = sg.match_page(stories, predicted.get(name, []))
                for gold_story, story in pairs:
                    if story is not None:
                        continue
                    why = why_lost(sg, units.get(name, []), gold_story)
                    reasons[form][why] = reasons[form].get(why, 0) + 1
                    if list_them:
                        print(f"{form}\t{name}\t{why}\t"
                              f"{gold_story.get('headline') or gold_story.get('body_start')}")
                        headline = gold_story.get("headline")
                        if headline and not isinstance(headline, list):
                            unit, _ = find_unit(sg, units.get(name, []), headline)
                            print(f"\t\t{unit[:5]} {unit[6]!r} {unit[5]}")
    kinds = sorted({why for form in FORMS for why in reasons[form]})
    print(f"{'lost where':<24}" + "".join(f"{form:>6}" for form in FORMS))
    for why in kinds:
        print(f"{why:<24}" + "".join(f"{reasons[form].get(why, 0):>6}" for form in FORMS))
    print(f"{'all':<24}" + "".join(f"{sum(reasons[form].values()):>6}" for form in FORMS))


def figures(sg, counts):
    r = sg.rates(counts)
    return f"{r['headline_p']:.3f} / {r['headline_r']:.3f}, {counts['body']:>3}"


def print_c(model, names, rows):
    bias, trees = model
    batches = sorted({row[0] for row in rows if row[0].startswith("b")}, key=lambda b: int(b[1:]))
    print(f"/* Fitted {datetime.date.today()} by tests/fit-boundary.py on {len(rows)} candidate")
    print(f" * titles of seeds/, tests/pages/ and the real batches {batches[0]}–{batches[-1]}")
    print(f" * in their three forms; {ROUNDS} trees of depth {DEPTH}, rate {RATE}. */")
    print(f"static const double boundary_bias = {bias:.4f};")
    print("static const BoundaryTree boundary_trees[] = {")
    for tree in trees:
        n = tree_numbers(tree)
        cue = [f"CUE_{names[int(c)]}" if c < len(names) else "-1" for c in n[0:6:2]]
        cut = [repr(float(c)) for c in n[1:6:2]]
        leaf = [f"{v:.4f}" for v in n[6:]]
        print(f"  {{ {{ {', '.join(cue)} }}, {{ {', '.join(cut)} }}, {{ {', '.join(leaf)} }} }},")
    print("};")


# Settings --grid compares: (trees, depth, rate, fewest titles a node splits)
GRID = ((40, 2, 0.3, 6), (40, 2, 0.15, 6), (20, 2, 0.3, 6), (20, 2, 0.15, 12),
        (40, 2, 0.1, 12), (60, 2, 0.1, 6), (40, 1, 0.3, 6), (80, 1, 0.15, 6),
        (40, 2, 0.3, 20), (30, 2, 0.2, 12), (40, 2, 0.3, 10), (40, 2, 0.5, 6),
        (60, 2, 0.3, 6), (80, 2, 0.3, 6))


def grid(tool, rows, settings):
    """For each setting of GRID, each real batch cut with trees fitted
    without it (on the candidates the table cut): the honest figure."""
    global ROUNDS, DEPTH, RATE, MIN_TITLES
    sg = load_scorer()
    batches = sorted({row[0] for row in rows if row[0].startswith("b")}, key=lambda b: int(b[1:]))
    print("leave one batch out: candidates right; headline P / R, bodies right per form")
    print(f"{'trees depth rate leaf':<22} {'right':>5}  " + "  ".join(f"{f:>17}" for f in FORMS))
    with tempfile.TemporaryDirectory() as tmp:
        for setting in settings:
            ROUNDS, DEPTH, RATE, MIN_TITLES = setting
            totals = {form: sg.empty_counts() for form in FORMS}
            decided = 0
            for batch in batches:
                held = [row for row in rows if row[0] == batch]
                model = fit([row for row in rows if row[0] != batch])
                decided += right(model, held)
                pages = sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "real", batch, "*",
                                                      "*.txt")))
                gold = sg.load_json(os.path.join(ROOT, "tests", "gold", f"real-{batch}.json"))
                counts = cut_and_score(tool, sg, model, pages, gold, tmp)
                for form in FORMS:
                    for key in totals[form]:
                        totals[form][key] += counts[form][key]
            label = f"{setting[0]:>5} {setting[1]:>5} {setting[2]:>4} {setting[3]:>4}"
            print(f"{label:<22} {decided:>5}  "
                  + "  ".join(f"{figures(sg, totals[form]):>17}" for form in FORMS), flush=True)


def main(argv=None):
    global BATCHES, ROUNDS, DEPTH, RATE, MIN_TITLES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir")
    parser.add_argument("--c", action="store_true", help="print the fitted table as C")
    parser.add_argument("--no-pages", action="store_true", help="score the candidates only")
    parser.add_argument("--rounds", type=int, default=3,
                        help="fits, each on the candidates the one before cut the pages into")
    parser.add_argument("--misses", action="store_true",
                        help="fit nothing: where the stories not found were lost")
    parser.add_argument("--list", action="store_true", help="with --misses, name each")
    parser.add_argument("--batches", metavar="LIST",
                        help="read only these real batches, e.g. b1-b26 (keeps held-out ones out)")
    parser.add_argument("--trees", type=int, default=ROUNDS, help="boosted trees")
    parser.add_argument("--depth", type=int, default=DEPTH, choices=(1, 2), help="their depth")
    parser.add_argument("--rate", type=float, default=RATE, help="the learning rate")
    parser.add_argument("--min-leaf", type=int, default=MIN_TITLES,
                        help="fewest titles a node splits")
    parser.add_argument("--grid", nargs="?", const="", metavar="SETTINGS",
                        help="leave-one-batch-out figures of GRID's settings (or of"
                        " SETTINGS, e.g. 40,2,0.3,6;80,1,0.15,6), then stop")
    args = parser.parse_args(argv)
    if args.batches:
        BATCHES = chosen_batches(args.batches)
    ROUNDS, DEPTH, RATE, MIN_TITLES = args.trees, args.depth, args.rate, args.min_leaf

    tool = os.path.join(args.build_dir, "tests", "sd-boundary-cues")
    if args.misses:
        misses(tool, load_scorer(), args.list)
        return 0
    names = read_names()
    rows = collect(tool)
    if args.grid is not None:
        settings = [tuple(t(v) for t, v in zip((int, int, float, int), one.split(",")))
                    for one in args.grid.split(";") if one]
        grid(tool, rows, settings or GRID)
        return 0
    fitted = fit(rows)
    # the candidates depend on the cuts made before them: fit again on
    # those the last fit made, so the fit is measured on the cuts it makes
    for _ in range(args.rounds - 1):
        rows = collect(tool, fitted)
        fitted = fit(rows)
    groups = sorted({row[0] for row in rows})
    held_out = {}
    positives = sum(row[1] for row in rows)
    print(f"{len(rows)} candidates, {positives} open a story, {len(rows) - positives} do not")
    print("decided right; the last two columns with the group left out of the fit")
    print("left out   titles  trees  trees without it  logistic without it")
    sums = [0, 0, 0, 0]
    for group in groups:
        held = [row for row in rows if row[0] == group]
        rest = [row for row in rows if row[0] != group]
        held_out[group] = fit(rest)
        counts = [len(held), right(fitted, held), right(held_out[group], held),
                  logistic_right(fit_logistic(rest), held)]
        sums = [a + b for a, b in zip(sums, counts)]
        print(f"{group:<10} {counts[0]:>6}  {counts[1]:>5}  {counts[2]:>15}  {counts[3]:>19}")
    print(f"{'all':<10} {sums[0]:>6}  {sums[1]:>5}  {sums[2]:>15}  {sums[3]:>19}")

    if not args.no_pages:
        sg = load_scorer()
        batches = sorted({g for g in groups if g.startswith("b")}, key=lambda b: int(b[1:]))
        totals = {how: {form: sg.empty_counts() for form in FORMS}
                  for how in ("table", "fitted", "held out")}
        print("\npages cut and scored: headline P / R, bodies right")
        print(f"{'batch':<6} {'form':<5} {'table':>17}  {'fitted on all':>17}  {'left out of fit':>17}")
        with tempfile.TemporaryDirectory() as tmp:
            for batch in batches:
                pages = sorted(glob.glob(os.path.join(ROOT, "tests", "pages", "real", batch, "*",
                                                      "*.txt")))
                gold = sg.load_json(os.path.join(ROOT, "tests", "gold", f"real-{batch}.json"))
                result = {"table": cut_and_score(tool, sg, None, pages, gold, tmp),
                          "fitted": cut_and_score(tool, sg, fitted, pages, gold, tmp),
                          "held out": cut_and_score(tool, sg, held_out[batch], pages, gold, tmp)}
                for form in FORMS:
                    print(f"{batch:<6} {form:<5} {figures(sg, result['table'][form]):>17}  "
                          f"{figures(sg, result['fitted'][form]):>17}  "
                          f"{figures(sg, result['held out'][form]):>17}")
                    for how in totals:
                        for key in totals[how][form]:
                            totals[how][form][key] += result[how][form][key]
        for form in FORMS:
            print(f"{'TOTAL':<6} {form:<5} {figures(sg, totals['table'][form]):>17}  "
                  f"{figures(sg, totals['fitted'][form]):>17}  "
                  f"{figures(sg, totals['held out'][form]):>17}")

    if args.c:
        print_c(fitted, names, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
