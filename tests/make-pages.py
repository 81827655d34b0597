#!/usr/bin/python3
# make-pages.py — lay real-page sources out in Storydesk's three OCR text
# forms and derive their gold labels
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the seed-like, hard-wrapped and Tesseract forms of real pages.

Usage: make-pages.py BATCH_DIR [--no-ocr] [--jobs N]

For every BATCH_DIR/<page>.json (tests/pages/real/FORMAT.md) writes
  BATCH_DIR/seed/<page>-seed.txt   the layout of the bundled seeds/ pages
  BATCH_DIR/wrap/<page>-wrap.txt   hard-wrapped like OCR of a narrow column
  BATCH_DIR/ocr/<page>-ocr.txt     Tesseract's reading of the page typeset
  BATCH_DIR/ocr/<page>.png         by tests/ocr/typeset-page.py (not committed)
and tests/gold/real-<batch>.json, the gold labels of every text written
(schema of tests/gold/seeds.json, plus `form` and `source_page`).
Everything is deterministic: each form of a page draws from a
random.Random seeded by the page name.  --no-ocr leaves the OCR form alone
(its gold is still derived from any OCR text already there).
tests/pages/real/README.md describes the forms.
"""

import argparse
import concurrent.futures
import glob
import importlib.util
import json
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FORMS = ("seed", "wrap", "ocr")
ROLES = {"kicker", "headline", "subheadline", "reporter", "body", "section", "caption",
         "byline"}
LABEL_KEYS = ("reporter", "byline", "kind", "city", "district", "town",
              "places_mentioned", "themes")
OCR_SIMILARITY = 0.8

# A line may not start with these (closing marks); they are pulled back.
NO_START = set("，。、；：？！”’）》」』〉】〕〗…·%‰℃" ",.;:?!)]}% ")
# ... nor end with these (opening marks); they are pushed down.
NO_END = set("“‘（《「『〈【〔〖" "([{")
SENTENCE_END = set("。！？!?；;…")
SPACE_RE = re.compile(r"\s+")


def load_module(name, path):
    sys.dont_write_bytecode = True      # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = load_module("score_gold", os.path.join(HERE, "score-gold.py"))


def typeset_module():
    return load_module("typeset_page", os.path.join(HERE, "ocr", "typeset-page.py"))


def squeeze(text):
    return SPACE_RE.sub("", text or "")


def fail(message):
    sys.exit(f"make-pages.py: {message}")


# ---------------------------------------------------------------- sources

def load_page(path):
    with open(path, encoding="utf-8") as handle:
        page = json.load(handle)
    name = os.path.splitext(os.path.basename(path))[0]
    if page.get("page", name) != name:
        fail(f"{path}: \"page\" is {page.get('page')!r}, the file is {name}")
    page["page"] = name
    if not page.get("stories"):
        fail(f"{path}: no stories")
    for si, story in enumerate(page["stories"], 1):
        if not story.get("source"):
            fail(f"{path} story {si}: no source")
        if not story.get("parts"):
            fail(f"{path} story {si}: no parts")
        for part in story["parts"]:
            if part.get("role") not in ROLES:
                fail(f"{path} story {si}: unknown role {part.get('role')!r}")
            for key in ("text", "lead", "byline", "credit"):
                value = part.get(key)
                if value is None:
                    continue
                if not isinstance(value, str) or "\n" in value:
                    fail(f"{path} story {si}: {key} must be one line of text")
                part[key] = value.strip()
            if not part.get("text"):
                fail(f"{path} story {si}: a {part['role']} part without text")
        if not any(p["role"] in ("body", "caption") for p in story["parts"]):
            fail(f"{path} story {si}: neither body nor caption")
        if sum(p["role"] == "headline" for p in story["parts"]) > 1:
            fail(f"{path} story {si}: more than one headline")
    return page


def glue(text, tail):
    """A name glued after text: a space before a bare name, none before a
    bracketed one."""
    if not tail:
        return text
    return text + ("" if tail[:1] in "（(【[〔" else " ") + tail


def first(parts, role):
    for part in parts:
        if part["role"] == role:
            return part["text"]
    return None


def gold_story(story):
    parts = story["parts"]
    labels = story.get("labels") or {}
    bodies = [p for p in parts if p["role"] == "body"]
    captions = [p for p in parts if p["role"] == "caption"]
    own = bodies or captions
    gold = {
        "headline": first(parts, "headline"),
        "kicker_or_subheadline": first(parts, "kicker") or first(parts, "subheadline"),
        "reporter": labels.get("reporter"),
        "byline": labels.get("byline"),
        "body_start": squeeze(own[0]["text"])[:20],
        "body_end": squeeze(own[-1]["text"])[-20:],
        "section_headings": [p["text"] for p in parts if p["role"] == "section"],
        "captions": [p["text"] for p in captions],
    }
    for key in ("city", "district", "town", "places_mentioned", "themes", "kind"):
        gold[key] = labels.get(key, [] if key in ("places_mentioned", "themes") else None)
    gold["ocr_defects"] = []
    return gold


def verify(text, gold, where):
    """Headline, body start and body end must occur verbatim (whitespace
    removed) in a seed or wrap text."""
    flat = squeeze(text)
    for story in gold["stories"]:
        for key in ("headline", "body_start", "body_end"):
            value = squeeze(story.get(key))
            if value and value not in flat:
                fail(f"{where}: {key} {story.get(key)!r} does not occur in the text")


# ---------------------------------------------------------------- seed form

def split_point(text, rng):
    """A random mid-sentence break in `text`, not in its first or last 8
    characters, nor before a closing mark, nor inside a Latin word or number."""
    spots = []
    for pos in range(8, len(text) - 8 + 1):
        before, after = text[pos - 1], text[pos]
        if before in SENTENCE_END or after in NO_START or before in NO_END:
            continue
        if before.isspace() or after.isspace():
            continue
        if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
            continue
        spots.append(pos)
    return rng.choice(spots) if spots else None


def seed_form(page):
    rng = random.Random(f"{page['page']}/seed")
    markdown = rng.random() < 0.5
    leading = rng.randint(0, 4)
    lines = []
    stories = []
    glued_credits = 0
    separate_credits = 0
    for story in page["stories"]:
        gold = gold_story(story)
        parts = story["parts"]
        body_index = [i for i, p in enumerate(parts) if p["role"] == "body"]
        split = None
        if len(body_index) >= 3 and rng.random() < 0.5:
            choices = [i for i in body_index if len(parts[i]["text"]) >= 17]
            if choices:
                index = rng.choice(choices)
                pos = split_point(parts[index]["text"], rng)
                if pos is not None:
                    split = (index, pos)
        for i, part in enumerate(parts):
            role, text = part["role"], part["text"]
            if role == "headline":
                lines.append(("# " if markdown else "") + text)
            elif role in ("kicker", "subheadline"):
                lines.append(("## " if markdown else "") + text)
            elif role == "body":
                lead = part.get("lead") or ""
                if split and split[0] == i:
                    pos = split[1]
                    lines.append(lead + text[:pos])
                    lines.append(glue(text[pos:], part.get("byline")))
                    gold["ocr_defects"].append(
                        f"mid-sentence split at '{text[max(0, pos - 6):pos]}/"
                        f"{text[pos:pos + 6]}' (blank line at column break)")
                else:
                    lines.append(glue(lead + text, part.get("byline")))
            elif role == "caption":
                credit = part.get("credit")
                if credit and rng.random() < 0.5:
                    lines.append(glue(text, credit))
                    glued_credits += 1
                else:
                    lines.append(text)
                    if credit:
                        lines.append(credit)
                        separate_credits += 1
            else:                       # reporter, section, byline
                lines.append(text)
        stories.append(gold)
    text = "\n" * leading + "\n\n".join(lines) + "\n"
    defects = [f"{leading} blank lines before the first line; one blank line between lines",
               "headlines marked '# ', kickers and subheadlines '## '" if markdown
               else "no markup: headlines, kickers and section heads are plain lines"]
    if glued_credits or separate_credits:
        defects.append(f"photo credits: {glued_credits} glued to the caption, "
                       f"{separate_credits} on their own line")
    splits = sum(len(s["ocr_defects"]) for s in stories)
    defects.append(f"{splits} paragraph(s) split mid-sentence by a blank line (column breaks)")
    return text, stories, defects


# ---------------------------------------------------------------- wrap form

def char_width(ch):
    """Half-width (ASCII) characters count 1/2."""
    return 0.5 if ord(ch) < 128 else 1.0


def wrap_text(text, width, first_width=None):
    """Cuts `text` into lines of `width` full-width units, the first holding
    `first_width`.  A closing mark never starts a line (it is pulled back onto
    the line before, which then holds more); an opening mark never ends one;
    a —— or …… pair is not split."""
    lines, line, used = [], [], 0.0
    cap = width if first_width is None else first_width
    i = 0
    while i < len(text):
        ch = text[i]
        w = char_width(ch)
        if line and used + w > cap + 1e-9:
            pair = ch in "—…" and text[i - 1] == ch
            if ch in NO_START or pair:
                while i < len(text) and (text[i] in NO_START
                                         or (text[i] in "—…" and text[i - 1] == text[i])):
                    line.append(text[i])
                    i += 1
                lines.append(line)
                line, used, cap = [], 0.0, width
                continue
            carry = []
            while len(line) > 1 and line[-1] in NO_END:
                carry.insert(0, line.pop())
            lines.append(line)
            line = carry
            used = sum(char_width(c) for c in carry)
            cap = width
            continue
        line.append(ch)
        used += w
        i += 1
    if line:
        lines.append(line)
    return ["".join(line).rstrip() for line in lines]


def wrap_headline(text, width):
    if sum(char_width(c) for c in text) <= width:
        return [text]
    pieces = text.split()
    if len(pieces) > 1 and all(sum(char_width(c) for c in p) <= width for p in pieces):
        lines = [pieces[0]]
        for piece in pieces[1:]:
            joined = lines[-1] + " " + piece
            if sum(char_width(c) for c in joined) <= width:
                lines[-1] = joined
            else:
                lines.append(piece)
        return lines
    return wrap_text(text, width)


def wrap_form(page):
    rng = random.Random(f"{page['page']}/wrap")
    width = rng.randint(14, 22)
    blank_between = rng.random() < 0.5
    indent = "\u3000\u3000"
    story_lines = []        # per story: lines (str) and paragraphs (list of lines)
    stories = []
    for story in page["stories"]:
        gold = gold_story(story)
        blocks = []
        for part in story["parts"]:
            role, text = part["role"], part["text"]
            if role in ("headline", "kicker", "subheadline"):
                # set across two columns or more
                blocks.extend(wrap_headline(text, 2 * width))
            elif role == "body":
                para = glue((part.get("lead") or "") + text, part.get("byline"))
                wrapped = wrap_text(para, width, width - 2)
                wrapped[0] = indent + wrapped[0]
                blocks.append(wrapped)
            else:
                # reporter, section, caption, credit, byline: in the column,
                # unindented, each starting a line of its own
                blocks.extend(wrap_text(text, width))
                if role == "caption" and part.get("credit"):
                    blocks.extend(wrap_text(part["credit"], width))
        story_lines.append(blocks)
        stories.append(gold)

    # one column break on the page: an empty line inside a paragraph
    spots = [(si, bi, k) for si, blocks in enumerate(story_lines)
             for bi, block in enumerate(blocks) if isinstance(block, list)
             for k in range(1, len(block))]
    if spots:
        si, bi, k = rng.choice(spots)
        block = story_lines[si][bi]
        story_lines[si][bi] = block[:k] + [""] + block[k:]
        before, after = block[k - 1].strip("\u3000"), block[k]
        stories[si]["ocr_defects"].append(
            f"column break: the paragraph goes on after an empty line at "
            f"'{before[-6:]}/{after[:6]}'")

    out = []
    for si, blocks in enumerate(story_lines):
        if si and blank_between:
            out.append("")
        for block in blocks:
            out.extend(block if isinstance(block, list) else [block])
    text = "\n".join(out) + "\n"
    defects = [f"hard-wrapped at {width} characters a line (ASCII counts 1/2), body "
               "paragraphs indented with two U+3000; headline, kicker and subheadline "
               f"lines up to {2 * width}; reporter, section, caption, credit and byline "
               "lines unindented",
               "stories separated by one blank line" if blank_between
               else "no blank line on the page except the column break",
               "one column break: a paragraph continues after an empty line"
               if spots else "no paragraph long enough for a column break"]
    return text, stories, defects


# ---------------------------------------------------------------- ocr form

def ocr_gold(page, text, info):
    """Gold of the OCR text: a story whose headline (or, without one, body
    start) is not found at similarity ≥ 0.8 was destroyed by OCR."""
    flat = SCORE.fuzzy_norm(text)
    stories, defects, destroyed = [], [], []
    if info:
        defects.append(
            f"typeset in {info['columns']} columns at {info['body_pt']} pt, rotated "
            f"{info['rotation']}°, blurred (scale {info['blur_scale']}), grain and specks; "
            "read by Tesseract (chi_sim, --psm 3)")
    defects.append("folio line (date, paper, page) printed above the first story")
    for story in page["stories"]:
        gold = gold_story(story)
        key = gold["headline"] or gold["body_start"]
        what = "headline" if gold["headline"] else "body start"
        ratio, where = SCORE.best_stretch(SCORE.fuzzy_norm(key), flat,
                                          threshold=OCR_SIMILARITY)
        if ratio < OCR_SIMILARITY:
            ratio, _ = SCORE.best_stretch(SCORE.fuzzy_norm(key), flat)
            defects.append(f"destroyed by OCR: {what} {key!r} not found "
                           f"(best similarity {ratio:.2f})")
            # left out of the score on both sides: the scorer does not count
            # what the app made of it as an extra story either
            destroyed.append({"headline": gold["headline"], "body_start": gold["body_start"]})
            continue
        if ratio < 1.0:
            gold["ocr_defects"].append(f"{what} read with similarity {ratio:.2f}")
        for field in ("body_start", "body_end"):
            value = SCORE.fuzzy_norm(gold[field])
            found, _ = SCORE.best_stretch(value, flat, threshold=OCR_SIMILARITY)
            if found < OCR_SIMILARITY:
                found, _ = SCORE.best_stretch(value, flat)
                gold["ocr_defects"].append(
                    f"{field} not found in the OCR text at similarity ≥ {OCR_SIMILARITY} "
                    f"(best {found:.2f})")
        stories.append(gold)
    return stories, defects, destroyed


def ocr_one(page, png_path, text_path):
    """Typesets, damages and reads one page (run in a worker process)."""
    typeset = typeset_module()
    start = time.monotonic()
    info = typeset.render_page(page, png_path)
    text = typeset.run_tesseract(png_path)
    with open(text_path, "w", encoding="utf-8") as handle:
        handle.write(text)
    info["seconds"] = round(time.monotonic() - start, 1)
    return info


# ---------------------------------------------------------------- driver

def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", help="folder of page sources (<page>.json)")
    parser.add_argument("--no-ocr", action="store_true",
                        help="skip typesetting and Tesseract; keep any OCR text there")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="pages typeset and read at once (default: CPUs)")
    parser.add_argument("--gold-dir", default=os.path.join(HERE, "gold"),
                        help="where real-<batch>.json goes (default tests/gold)")
    args = parser.parse_args(argv)

    batch = os.path.abspath(args.batch)
    batch_name = os.path.basename(batch.rstrip(os.sep))
    sources = sorted(glob.glob(os.path.join(batch, "*.json")))
    if not sources:
        fail(f"no page sources in {batch}")
    pages = [load_page(path) for path in sources]

    entries = []
    for page in pages:
        name = page["page"]
        for form, make in (("seed", seed_form), ("wrap", wrap_form)):
            text, stories, defects = make(page)
            rel = f"{form}/{name}-{form}.txt"
            write_text(os.path.join(batch, rel), text)
            entry = {"file": rel, "form": form, "source_page": name, "stories": stories,
                     "page_defects": defects}
            verify(text, entry, rel)
            entries.append(entry)

    infos = {}
    if not args.no_ocr:
        os.makedirs(os.path.join(batch, "ocr"), exist_ok=True)
        # Tesseract is fastest single-threaded; pages run side by side instead
        os.environ["OMP_THREAD_LIMIT"] = "1"
        start = time.monotonic()
        with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {}
            for page in pages:
                name = page["page"]
                futures[name] = pool.submit(
                    ocr_one, page, os.path.join(batch, "ocr", f"{name}.png"),
                    os.path.join(batch, "ocr", f"{name}-ocr.txt"))
            for name, future in futures.items():
                infos[name] = future.result()
                print(f"{batch_name}/{name}: typeset and read in {infos[name]['seconds']} s",
                      file=sys.stderr)
        print(f"{batch_name}: {len(pages)} OCR page(s) in {time.monotonic() - start:.0f} s "
              f"with {args.jobs} job(s)", file=sys.stderr)

    for page in pages:
        name = page["page"]
        path = os.path.join(batch, "ocr", f"{name}-ocr.txt")
        if not os.path.exists(path):
            continue
        if name not in infos:
            # --no-ocr: the layout choices only, for the page notes
            infos[name] = typeset_module().render_page(page)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        stories, defects, destroyed = ocr_gold(page, text, infos.get(name))
        entries.append({"file": f"ocr/{name}-ocr.txt", "form": "ocr", "source_page": name,
                        "stories": stories, "destroyed_by_ocr": destroyed,
                        "page_defects": defects})

    entries.sort(key=lambda e: (e["source_page"], FORMS.index(e["form"])))
    os.makedirs(args.gold_dir, exist_ok=True)
    gold_path = os.path.join(args.gold_dir, f"real-{batch_name}.json")
    with open(gold_path, "w", encoding="utf-8", newline="\n") as handle:
        json.dump({"pages": entries}, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    counts = {form: sum(1 for e in entries if e["form"] == form) for form in FORMS}
    lost = sum(1 for e in entries for d in e["page_defects"] if d.startswith("destroyed"))
    print(f"{gold_path}: {counts['seed']} seed, {counts['wrap']} wrap, {counts['ocr']} ocr "
          f"page(s); {lost} story(ies) destroyed by OCR", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
