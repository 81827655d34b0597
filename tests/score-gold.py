#!/usr/bin/env python3
# score-gold.py — score a Storydesk JSON export against hand-made gold labels
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score `storydesk export --format json` output against gold story labels.

Usage: score-gold.py --gold GOLD.json --export EXPORT.json [--check]
                     [--form seed|wrap|ocr] [--similarity S] [--json OUT]

Stories are matched within the same page file by normalised headline
(markup `#` and `*` and all whitespace removed); gold stories without a
headline are matched by the start of their body.  With --check the exit
status is 1 when any quality bar is missed.

--form scores only the gold pages of one family (a page without `form` is
a seed page) against that family's bars (FAMILY_BARS); without it every
page is scored against the seed bars, as before.

--similarity S (default 1.0, and 0.8 with --form ocr) below 1 turns on
fuzzy matching.  Strings are compared after fuzzy_norm(): NFKC (full-width
ASCII forms become half-width), `#`, `*` and all whitespace removed.  The
similarity of two strings is difflib.SequenceMatcher(None, a, b).ratio()
(autojunk off), 2·M/(len a + len b) for M matched characters.
- A gold headline is matched to the unused predicted headline of highest
  similarity, provided it is ≥ S; pairs are taken best first over the page.
- Body start is right when the first len(gold)+2 characters of the
  predicted body hold a stretch (a substring of len(gold)-2 … len(gold)+2
  characters) whose similarity to gold body_start is ≥ S; body end likewise
  with the last len(gold)+2 characters and body_end.  A headline-less gold
  story is matched to the unused predicted story whose body starts most
  similarly, ≥ S.
At S = 1 the exact rules are used (no NFKC): a predicted headline equal to
the gold one, a body that starts with body_start and ends with body_end.

--json OUT also writes the overall rates, counts and bars as JSON.
"""

import argparse
import difflib
import json
import os
import re
import signal
import sys
import unicodedata

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

# per family of page forms (tests/pages/real/README.md); "seed" is the
# default and equals BARS
FAMILY_BARS = {
    "seed": BARS,
    "wrap": [
        ("headline_p", 0.90, "headline precision"),
        ("headline_r", 0.90, "headline recall"),
        ("body", 0.85, "body boundaries"),
        ("city", 0.90, "city"),
    ],
    "ocr": [
        ("headline_p", 0.75, "headline precision"),
        ("headline_r", 0.75, "headline recall"),
        ("body", 0.60, "body boundaries"),
    ],
}

DEFAULT_SIMILARITY = {"seed": 1.0, "wrap": 1.0, "ocr": 0.8}

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


# Storydesk sets the half-width ,;:?!() inside Chinese text full width, as
# Chinese is printed; the gold keeps each file's own widths.  Compare both
# folded to half width.
PUNCTUATION_WIDTHS = str.maketrans("，；：？！（）", ",;:?!()")


def squeeze(text):
    """All whitespace removed (U+3000 counts as whitespace in Python),
    punctuation widths folded."""
    return SPACE_RE.sub("", text or "").translate(PUNCTUATION_WIDTHS)


def norm_headline(text):
    if text is None:
        return None
    return squeeze(text.replace("#", "").replace("*", ""))


def fuzzy_norm(text):
    """NFKC, markup `#`/`*` and all whitespace removed."""
    if text is None:
        return ""
    return squeeze(unicodedata.normalize("NFKC", text).replace("#", "").replace("*", ""))


def similarity(a, b):
    """difflib ratio, 2·M/(len a + len b); 1.0 for two empty strings."""
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def best_stretch(needle, hay, slack=2, threshold=0.0):
    """The best similarity of `needle` to a stretch of `hay` of
    len(needle)-slack … len(needle)+slack characters (the whole of `hay`
    when it is shorter), and where that stretch starts.  Windows whose
    character multiset cannot reach `threshold` are skipped (quick_ratio
    bound), which keeps a search through a whole page fast."""
    n = len(needle)
    if n == 0:
        return (1.0 if not hay else 0.0), 0
    if len(hay) <= n - slack:
        return similarity(needle, hay), 0
    need = {}
    for ch in needle:
        need[ch] = need.get(ch, 0) + 1
    best, where = 0.0, 0
    for length in range(max(1, n - slack), min(len(hay), n + slack) + 1):
        window = {}
        common = 0
        for i, ch in enumerate(hay):
            count = window.get(ch, 0)
            if count < need.get(ch, 0):
                common += 1
            window[ch] = count + 1
            if i >= length:
                old = hay[i - length]
                window[old] -= 1
                if window[old] < need.get(old, 0):
                    common -= 1
            if i < length - 1:
                continue
            bound = 2.0 * common / (n + length)
            if bound < threshold or bound <= best:
                continue
            start = i - length + 1
            ratio = similarity(needle, hay[start:i + 1])
            if ratio > best:
                best, where = ratio, start
    return best, where


def start_similarity(gold_start, body):
    want = fuzzy_norm(gold_start)
    return best_stretch(want, fuzzy_norm(body)[:len(want) + 2])[0]


def end_similarity(gold_end, body):
    want = fuzzy_norm(gold_end)
    have = fuzzy_norm(body)
    return best_stretch(want, have[-(len(want) + 2):] if want else "")[0]


def norm_value(text):
    """Whitespace runs collapsed; empty counts as null."""
    if text is None:
        return None
    text = SPACE_RE.sub(" ", str(text)).strip().translate(PUNCTUATION_WIDTHS)
    return text or None


def accepts(gold, predicted):
    """A gold list accepts any listed value; null is a value like any other."""
    predicted = norm_value(predicted)
    options = gold if isinstance(gold, list) else [gold]
    return any(norm_value(option) == predicted for option in options)


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def destroyed_stories(gold, form=None):
    """{file name: stories the OCR destroyed} (make-pages.py records them)."""
    pages = gold["pages"] if isinstance(gold, dict) else gold
    return {os.path.basename(page["file"]): page.get("destroyed_by_ocr", []) for page in pages
            if form is None or page.get("form", "seed") == form}


def gold_pages(gold, form=None):
    """{file name: stories} of the gold pages (of one form when given)."""
    pages = gold["pages"] if isinstance(gold, dict) else gold
    return {os.path.basename(page["file"]): page["stories"] for page in pages
            if form is None or page.get("form", "seed") == form}


def prose_body(story):
    """The body without the section heads that open or close it: a body
    holds its heads as paragraphs where they stand, but gold body_start and
    body_end are the story's prose (a head is in section_headings)."""
    heads = {head.strip() for head in story.get("section_headings") or []}
    lines = (story.get("body") or "").split("\n")
    while lines and lines[0].strip() in heads:
        lines.pop(0)
    while lines and lines[-1].strip() in heads:
        lines.pop()
    return "\n".join(lines)


def export_by_file(export):
    stories = export["stories"] if isinstance(export, dict) else export
    by_file = {}
    for story in stories:
        story = dict(story, body=prose_body(story))
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


def take_best_pairs(candidates, pairs, used, predicted):
    """Pairs gold and predicted stories, most similar first, each once."""
    for _, gi, pi in sorted(candidates):
        if pairs[gi] is None and pi not in used:
            used.add(pi)
            pairs[gi] = predicted[pi]


def match_page_fuzzy(gold_stories, predicted, threshold):
    """match_page() with similar instead of equal strings (module doc)."""
    used = set()
    pairs = [None] * len(gold_stories)
    candidates = []
    for gi, gold in enumerate(gold_stories):
        want = fuzzy_norm(gold.get("headline"))
        if not want:
            continue
        for pi, story in enumerate(predicted):
            have = fuzzy_norm(story.get("headline"))
            if have:
                ratio = similarity(want, have)
                if ratio >= threshold:
                    candidates.append((-ratio, gi, pi))
    take_best_pairs(candidates, pairs, used, predicted)
    candidates = []
    for gi, gold in enumerate(gold_stories):
        if fuzzy_norm(gold.get("headline")) or not fuzzy_norm(gold.get("body_start")):
            continue
        for pi, story in enumerate(predicted):
            if pi in used:
                continue
            ratio = start_similarity(gold.get("body_start"), story.get("body"))
            if ratio >= threshold:
                candidates.append((-ratio, gi, pi))
    take_best_pairs(candidates, pairs, used, predicted)
    return list(zip(gold_stories, pairs)), len(predicted) - len(used), [
        story for pi, story in enumerate(predicted) if pi not in used
    ]


# A predicted story whose headline is this similar to the headline of a
# story the OCR destroyed (or whose body starts like it) is that story.
DESTROYED_HEADLINE_SIMILARITY = 0.5


def is_destroyed(story, destroyed, threshold):
    """Whether @story is what the app made of a story the OCR destroyed,
    which the score leaves out on both sides."""
    have = fuzzy_norm(story.get("headline"))
    for lost in destroyed:
        want = fuzzy_norm(lost.get("headline"))
        if want and have and similarity(want, have) >= DESTROYED_HEADLINE_SIMILARITY:
            return True
        if lost.get("body_start") and start_similarity(lost["body_start"],
                                                       story.get("body")) >= threshold:
            return True
    return False


def score_story(gold, story, counts, problems, label, threshold=1.0):
    body = squeeze(story.get("body"))
    if threshold < 1.0:
        start_ratio = start_similarity(gold.get("body_start"), story.get("body"))
        end_ratio = end_similarity(gold.get("body_end"), story.get("body"))
        start_ok = start_ratio >= threshold
        end_ok = end_ratio >= threshold
    else:
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
        problems.append(f"{label}: body starts {body[:20]!r}, gold {gold.get('body_start')!r}"
                        + (f" (similarity {start_ratio:.2f})" if threshold < 1.0 else ""))
    if not end_ok:
        problems.append(f"{label}: body ends {body[-20:]!r}, gold {gold.get('body_end')!r}"
                        + (f" (similarity {end_ratio:.2f})" if threshold < 1.0 else ""))
    for key in ("byline", "reporter", "kind", "city", "district", "town"):
        if not checks[key]:
            problems.append(f"{label}: {key} {story.get(key)!r}, gold {gold.get(key)!r}")


def score_page(gold_stories, stories, destroyed, threshold, problems, name):
    """The counts of one page's @stories against its gold; each mismatch
    is added to @problems, labelled with @name."""
    counts = empty_counts()
    if threshold < 1.0:
        pairs, _, extra = match_page_fuzzy(gold_stories, stories, threshold)
    else:
        pairs, _, extra = match_page(gold_stories, stories)
    # stories the OCR destroyed are left out of the gold, and what the
    # app made of them is left out of its stories
    left_out = [story for story in extra if is_destroyed(story, destroyed, max(threshold, 0.8))]
    extra = [story for story in extra if story not in left_out]
    counts["gold"] = len(gold_stories)
    counts["predicted"] = len(stories) - len(left_out)
    for index, (gold_story, story) in enumerate(pairs):
        label = f"{name}#{index + 1} {gold_story.get('headline') or gold_story.get('body_start')}"
        if story is None:
            problems.append(f"{label}: not found")
            continue
        counts["matched"] += 1
        score_story(gold_story, story, counts, problems, label, threshold)
    for story in extra:
        problems.append(f"{name} extra story: headline {story.get('headline')!r}, "
                        f"body {squeeze(story.get('body'))[:20]!r}")
    return counts


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
    parser.add_argument("--form", choices=sorted(FAMILY_BARS),
                        help="score only gold pages of this form, against its bars")
    parser.add_argument("--similarity", type=float, metavar="S",
                        help="fuzzy matching threshold, 0 < S <= 1 (default 1, ocr 0.8)")
    parser.add_argument("--json", metavar="OUT", help="also write the overall rates as JSON")
    parser.add_argument("--floors", metavar="FILE",
                        help="with --check, fail below these rates instead of the bars: "
                             "JSON {form: {column: minimum}} (a ratchet on scores reached)")
    args = parser.parse_args(argv)
    # `score-gold.py … | head` should not end in a traceback
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    threshold = args.similarity
    if threshold is None:
        threshold = DEFAULT_SIMILARITY.get(args.form, 1.0)
    if not 0.0 < threshold <= 1.0:
        parser.error("--similarity must be in (0, 1]")
    bars = FAMILY_BARS[args.form] if args.form else BARS

    gold_json = load_json(args.gold)
    gold = gold_pages(gold_json, args.form)
    destroyed = destroyed_stories(gold_json, args.form)
    predicted = export_by_file(load_json(args.export))

    total = empty_counts()
    rows = []
    problems = []
    for name in sorted(gold):
        counts = score_page(gold[name], predicted.get(name, []), destroyed.get(name, []),
                            threshold, problems, name[:3])
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
    missed = [(label, overall[key], minimum) for key, minimum, label in bars
              if overall[key] < minimum]
    below_floor = []
    if args.floors:
        # "body": a rate; "city_right": how many stories got their city
        # right (a rate over matched stories falls when more are matched)
        floors = load_json(args.floors).get(args.form or "seed", {})
        for key, minimum in sorted(floors.items()):
            value = total[key[:-len("_right")]] if key.endswith("_right") else overall[key]
            if value < minimum:
                below_floor.append((key, value, minimum))
    print()
    if args.form or threshold < 1.0:
        print(f"form {args.form or 'all'}, similarity {threshold:g}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({
                "gold": os.path.basename(args.gold),
                "form": args.form or "all",
                "similarity": threshold,
                "pages": len(gold),
                "counts": total,
                "rates": {key: round(value, 4) for key, value in overall.items()},
                "bars": [{"column": key, "label": label, "minimum": minimum,
                          "value": round(overall[key], 4), "met": overall[key] >= minimum}
                         for key, minimum, label in bars],
                "all_bars_met": not missed,
            }, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
    if missed:
        for label, value, minimum in missed:
            print(f"BAR MISSED: {label} {value:.3f} < {minimum:.2f}")
    else:
        print("All bars met.")
    for key, value, minimum in below_floor:
        print(f"BELOW FLOOR: {key} {value:.3f} < {minimum:.3f} (a score reached before fell)")
    if args.check and (below_floor if args.floors else missed):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
