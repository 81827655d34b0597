#!/usr/bin/python3
# make-big-page.py — a large page of real-looking news made from the seeds
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-big-page.py SEEDS OUT MEGABYTES [SEED]

Writes a page of about MEGABYTES of UTF-8 text to OUT: stories with a
headline, a reporter line and paragraphs, like the seed pages, each
paragraph made of sentences drawn from the seeds with their numbers and
places changed, so that no long run repeats (the repair step would take a
page of copies for text printed twice).  The same SEED makes the same page.
"""

import os
import random
import re
import sys

PLACES = ["吴江", "昆山", "常熟", "张家港", "太仓", "江阴", "宜兴", "溧阳", "丹阳", "句容",
          "如皋", "海门", "启东", "东台", "邳州", "新沂", "高邮", "仪征", "泰兴", "靖江"]
PEOPLE = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马"]


def read_seeds(folder):
    headlines, sentences = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f.read().split("\n"):
                line = line.strip()
                if not line:
                    continue
                if len(line) <= 24 and not line.endswith("。"):
                    headlines.append(line)
                else:
                    sentences += [s + "。" for s in line.split("。") if len(s) >= 8]
    return headlines, sentences


def vary(text, rand):
    """Numbers changed and a place named anew: each copy is another text."""
    text = re.sub(r"\d+", lambda m: str(rand.randint(1, 10 ** len(m.group()))), text)
    for place in PLACES:
        if place in text:
            text = text.replace(place, rand.choice(PLACES))
    # one character swapped for a place, so no sentence comes back whole
    cut = rand.randrange(len(text))
    return text[:cut] + rand.choice(PLACES) + text[cut:]


def make_story(headlines, sentences, rand):
    lines = [vary(rand.choice(headlines), rand), "",
             "本报讯（记者 %s%s）" % (rand.choice(PEOPLE), rand.choice("明华强平军丽静"))]
    for _ in range(rand.randint(2, 6)):
        lines.append("　　" + "".join(vary(rand.choice(sentences), rand)
                                     for _ in range(rand.randint(2, 5))))
    return "\n".join(lines) + "\n\n\n"


def main():
    folder, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
    rand = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    headlines, sentences = read_seeds(folder)
    size, limit = 0, int(megabytes * 1e6)
    with open(out, "w", encoding="utf-8") as f:
        while size < limit:
            story = make_story(headlines, sentences, rand)
            f.write(story)
            size += len(story.encode("utf-8"))


if __name__ == "__main__":
    main()
