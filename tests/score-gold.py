#!/usr/bin/env python3
# score-gold.py — score a Storydesk JSON export against hand-made gold labels
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score `storydesk export --format json` output against gold story labels.

Usage: score-gold.py --gold GOLD.json --export EXPORT.json [--check]

Stories are matched within the same page file by normalised headline
(markup `#` and `*` and all whitespace removed); gold stories without a
headline are matched by the start of their body.  With --check the exit
status is 1 when any quality bar is missed.
"""

import argparse
import json
import os
import re
import signal
import sys

BARS = [
    # (column, minimum, label)
    ("headline_p", 0.95, "headline precision"),
    ("headline_r", 0.95, "headline recall"),
    ("body", 0.90, "body boundaries"),
    ("byline", 0.90, "bylines"),
    ("reporter", 0.90, "reporters"),
    ("kind", 0.90, "kinds"),
    ("city", 0.95, "city"),
    ("district", 0.90, "district"),
]

COLUMNS = [
    ("headline_p", "HeadP"),
    ("headline_r", "HeadR"),
    ("body_start", "BStart"),
    ("body_end", "BEnd"),
    ("body", "Body"),
    ("byline", "Byline"),
    ("reporter", "Report"),
    ("kind", "Kind"),
    ("city", "City"),
    ("district", "Distr"),
    ("town", "Town"),
]

SPACE_RE = re.compile(r"\s+", re.UNICODE)


def squeeze(text):
    """All whitespace removed (U+3000 counts as whitespace in Python)."""
    return SPACE_RE.sub("", text or "")


def norm_headline(text):
    if text is None:
        return None
    return squeeze(text.replace("#", "").replace("*", ""))


def norm_value(text):
    """Whitespace runs collapsed; empty counts as null."""
    if text is None:
        return None
    text = SPACE_RE.sub(" ", str(text)).strip()
    return text or None


def accepts(gold, predicted):
    """A gold list accepts any listed value; null is a value like any other."""
    predicted = norm_value(predicted)
    options = gold if isinstance(gold, list) else [gold]
    return any(norm_value(option) == predicted for option in options)


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def gold_pages(gold):
    pages = gold["pages"] if isinstance(gold, dict) else gold
    return {os.path.basename(page["file"]): page["stories"] for page in pages}


def export_by_file(export):
    stories = export["stories"] if isinstance(export, dict) else export
    by_file = {}
    for story in stories:
        source = story.get("source") or {}
        name = os.path.basename(source.get("file") or "")
        by_file.setdefault(name, []).append(story)
    for items in by_file.values():
        items.sort(key=lambda s: ((s.get("source") or {}).get("start") or 0))
    return by_file


def match_page(gold_stories, predicted):
    """Returns a list of (gold, predicted-or-None) pairs."""
    used = set()
    pairs = [None] * len(gold_stories)
    for gi, gold in enumerate(gold_stories):
        want = norm_headline(gold.get("headline"))
        if not want:
            continue
        for pi, story in enumerate(predicted):
            if pi not in used and norm_headline(story.get("headline")) == want:
                used.add(pi)
                pairs[gi] = story
                break
    for gi, gold in enumerate(gold_stories):
        if norm_headline(gold.get("headline")):
            continue
        prefix = squeeze(gold.get("body_start"))
        for pi, story in enumerate(predicted):
            if pi in used or not prefix:
                continue
            if squeeze(story.get("body")).startswith(prefix):
                used.add(pi)
                pairs[gi] = story
                break
    return list(zip(gold_stories, pairs)), len(predicted) - len(used), [
        story for pi, story in enumerate(predicted) if pi not in used
    ]


def score_story(gold, story, counts, problems, label):
    body = squeeze(story.get("body"))
    start_ok = body.startswith(squeeze(gold.get("body_start")))
    end_ok = body.endswith(squeeze(gold.get("body_end")))
    checks = {
        "body_start": start_ok,
        "body_end": end_ok,
        "body": start_ok and end_ok,
        "byline": accepts(gold.get("byline"), story.get("byline")),
        "reporter": accepts(gold.get("reporter"), story.get("reporter")),
        "kind": accepts(gold.get("kind"), story.get("kind")),
        "city": accepts(gold.get("city"), story.get("city")),
        "district": accepts(gold.get("district"), story.get("district")),
        "town": accepts(gold.get("town"), story.get("town")),
    }
    for key, ok in checks.items():
        counts[key] += int(ok)
    if not start_ok:
        problems.append(f"{label}: body starts {body[:20]!r}, gold {gold.get('body_start')!r}")
    if not end_ok:
        problems.append(f"{label}: body ends {body[-20:]!r}, gold {gold.get('body_end')!r}")
    for key in ("byline", "reporter", "kind", "city", "district", "town"):
        if not checks[key]:
            problems.append(f"{label}: {key} {story.get(key)!r}, gold {gold.get(key)!r}")


def empty_counts():
    return {key: 0 for key in ("gold", "predicted", "matched", "body_start", "body_end",
                                "body", "byline", "reporter", "kind", "city", "district",
                                "town")}


def rates(counts):
    matched = counts["matched"]
    out = {
        "headline_p": counts["matched"] / counts["predicted"] if counts["predicted"] else 0.0,
        "headline_r": counts["matched"] / counts["gold"] if counts["gold"] else 0.0,
    }
    for key in ("body_start", "body_end", "body", "byline", "reporter", "kind", "city",
                "district", "town"):
        out[key] = counts[key] / matched if matched else 0.0
    return out


def print_table(rows):
    head = f"{'page':<28} {'gold':>4} {'pred':>4} {'match':>5}"
    head += "".join(f" {title:>6}" for _, title in COLUMNS)
    print(head)
    print("-" * len(head))
    for name, counts in rows:
        r = rates(counts)
        line = f"{name:<28} {counts['gold']:>4} {counts['predicted']:>4} {counts['matched']:>5}"
        line += "".join(f" {r[key]:>6.3f}" for key, _ in COLUMNS)
        print(line)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", required=True, help="gold labels (JSON)")
    parser.add_argument("--export", required=True, help="storydesk JSON export")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when a quality bar is missed")
    args = parser.parse_args(argv)
    # `score-gold.py … | head` should not end in a traceback
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    gold = gold_pages(load_json(args.gold))
    predicted = export_by_file(load_json(args.export))

    total = empty_counts()
    rows = []
    problems = []
    for name in sorted(gold):
        counts = empty_counts()
        stories = predicted.get(name, [])
        pairs, _, extra = match_page(gold[name], stories)
        counts["gold"] = len(gold[name])
        counts["predicted"] = len(stories)
        for index, (gold_story, story) in enumerate(pairs):
            label = f"{name[:3]}#{index + 1} {gold_story.get('headline') or gold_story.get('body_start')}"
            if story is None:
                problems.append(f"{label}: not found")
                continue
            counts["matched"] += 1
            score_story(gold_story, story, counts, problems, label)
        for story in extra:
            problems.append(f"{name[:3]} extra story: headline {story.get('headline')!r}, "
                            f"body {squeeze(story.get('body'))[:20]!r}")
        for key in total:
            total[key] += counts[key]
        rows.append((name, counts))
    rows.append(("TOTAL", total))
    unscored = sorted(set(predicted) - set(gold))

    print_table(rows)
    if unscored:
        print(f"\n(no gold for {len(unscored)} exported file(s): {', '.join(unscored)})")
    if problems:
        print("\nMismatches:")
        for problem in problems:
            print("  " + problem)

    overall = rates(total)
    missed = [(label, overall[key], minimum) for key, minimum, label in BARS
              if overall[key] < minimum]
    print()
    if missed:
        for label, value, minimum in missed:
            print(f"BAR MISSED: {label} {value:.3f} < {minimum:.2f}")
    else:
        print("All bars met.")
    if args.check and missed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
