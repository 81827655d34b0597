# Made-up newspaper pages for the fault tests: each story a headline over a
# 本报讯 lead, in Jiangsu places, so the segmenter cuts exactly @n stories
# from a page (test-kill.py checks it does).  The same seed gives the same
# pages; a different tag gives pages of different bytes.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random

PLACES = ["吴江区", "昆山市", "常熟市", "张家港市", "太仓市", "江阴市", "宜兴市", "南京市",
          "无锡市", "苏州市"]
WORDS = ["推进", "党建", "工作", "乡村振兴", "发展", "服务", "群众", "项目", "建设", "会议",
         "企业", "创新", "文化", "社区", "交通"]


def page_text(rng, n, tag, body_words=30):
    out = []
    for i in range(n):
        place = rng.choice(PLACES)
        out.append(f"{place}{rng.choice(WORDS)}{rng.choice(WORDS)}新举措{tag}第{i}号\n\n")
        out.append(f"本报讯（记者 张{i}）"
                   + "".join(f"{place}{rng.choice(WORDS)}{rng.choice(WORDS)}取得新进展，"
                             for _ in range(6)) + "受到好评。\n\n")
        out.append("".join(f"{rng.choice(WORDS)}{rng.choice(WORDS)}"
                           for _ in range(body_words)) + "。\n\n")
    return "".join(out)


def write_pages(folder, n_pages, n_stories, seed):
    """Writes p000.txt… into @folder (made); returns their paths."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for p in range(n_pages):
        path = os.path.join(folder, f"p{p:03d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(page_text(rng, n_stories, f"{seed}-{p}"))
        paths.append(path)
    return paths


def write_big_page(path, size, seed=50):
    """One page of about @size bytes (a 50 MB page: size = 50 << 20)."""
    rng = random.Random(seed)
    written = 0
    with open(path, "w", encoding="utf-8") as f:
        block = 0
        while written < size:
            text = page_text(rng, 200, f"big{block}", body_words=120)
            f.write(text)
            written += len(text.encode("utf-8"))
            block += 1
    return written
