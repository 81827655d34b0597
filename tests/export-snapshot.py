#!/usr/bin/python3
"""Exports every labelled page as JSON, for checking that moving code changed nothing.

    tests/export-snapshot.py BUILD_DIR OUT.json

Imports the bundled pages, tests/pages and every real page in its three
forms into a fresh library, exports JSON, drops what differs from run to
run (ids, uuids, times) and prints the file's MD5.  Run it before and after a
change that should not change behaviour: the two sums must be equal.
"""
import glob
import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    storydesk = pathlib.Path(sys.argv[1]) / "src" / "storydesk"
    pages = [str(ROOT / "seeds")] + sorted(glob.glob(str(ROOT / "tests/pages/*.txt"))) \
        + sorted(glob.glob(str(ROOT / "tests/pages/real/b*/*/*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "snapshot.db")
        raw = os.path.join(tmp, "export.json")
        subprocess.run([storydesk, "import", "--db", db, *pages], check=True, capture_output=True)
        subprocess.run([storydesk, "export", "--db", db, "--format", "json", "-o", raw], check=True,
                       capture_output=True)
        stories = json.load(open(raw, encoding="utf-8"))
    for story in stories:
        story.pop("id", None)
        story.pop("uuid", None)  # random, one per story
        story.pop("updated", None)
    text = json.dumps(stories, ensure_ascii=False, indent=0, sort_keys=True)
    pathlib.Path(sys.argv[2]).write_text(text, encoding="utf-8")
    print(f"{hashlib.md5(text.encode()).hexdigest()}  {sys.argv[2]} ({len(stories)} stories)")


if __name__ == "__main__":
    main()
