#!/usr/bin/python3
# The shortcuts window lists every key (#15): each accelerator the
# application sets (the table in sd-application.c, Alt+1 … Alt+9 of the tag
# keys) is among the accelerators of data/gtk/help-overlay.ui, and the
# overlay lists no key the application does not have.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import html
import os
import re
import sys

ROOT = os.environ.get("SD_SOURCE_ROOT") or os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))
read = lambda path: open(os.path.join(ROOT, path), encoding="utf-8").read()  # noqa: E731

# Keys GTK gives the widgets themselves, listed for the editor's sake.
WIDGETS_OWN = {"<Primary>a", "<Shift>F10", "Menu", "<Primary>question"}


def norm(accel):
    return accel.replace("<Control>", "<Primary>")


table = read("src/ui/sd-application.c")
table = table[table.index("accels[] = {"):]
table = table[:table.index("};")]
set_keys = set()
for keys in re.findall(r'\{ "[^"]+", \{ ((?:"[^"]+", )+)NULL \} \}', table):
    # the first of each action's keys is the one to list; the others
    # (Ctrl+equal for Ctrl+plus, keypad keys) are its aliases
    set_keys.add(norm(re.findall(r'"([^"]+)"', keys)[0]))
if "<Alt>%u" in read("src/ui/sd-window-tags.c"):
    set_keys.update("<Alt>%d" % n for n in range(1, 10))
set_keys.update(["<Primary><Shift>z", "<Primary>y"])  # redo has two, both listed

listed = set()
for accel in re.findall(r'name="accelerator">([^<]+)<', read("data/gtk/help-overlay.ui")):
    for key in html.unescape(accel).split():
        first, dots, last = key.partition("...")
        if dots:  # <Alt>1...<Alt>9
            mod = re.match(r"(<[^>]+>)*", first).group(0)
            listed.update("%s%d" % (mod, n) for n in range(int(first[len(mod):]),
                                                            int(last[len(mod):]) + 1))
        else:
            listed.add(key)

missing = sorted(set_keys - listed)
unknown = sorted(listed - set_keys - WIDGETS_OWN)
if len(set_keys) < 20:
    sys.exit("FAIL: only %d accelerators read from sd-application.c" % len(set_keys))
if missing or unknown:
    sys.exit("FAIL: keys not in the shortcuts window: %s; listed but not set: %s"
             % (missing, unknown))
print("PASS: the shortcuts window lists all %d keys" % len(set_keys))
