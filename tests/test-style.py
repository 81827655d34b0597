#!/usr/bin/python3
"""The house rules of HACKING.md that a machine can check.

Every C file is as clang-format (.clang-format) writes it, every .c
file includes config.h first, no .c file under src/ goes over 700 lines
(HACKING.md: split by meaning before then), and every source file with strings marked
for translation is listed in po/POTFILES.in (else its strings never
reach the translators).  Run from anywhere; reads SD_SOURCE_ROOT.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(os.environ.get("SD_SOURCE_ROOT", pathlib.Path(__file__).resolve().parent.parent))


def c_files():
    for top in ("src", "tests"):
        for path in sorted((ROOT / top).rglob("*.[ch]")):
            yield path


def check_clang_format(files):
    tool = shutil.which("clang-format")
    if tool is None:
        return ["clang-format is not installed (Debian: clang-format)"]
    run = subprocess.run([tool, "--dry-run", "-Werror", *map(str, files)],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode == 0:
        return []
    bad = sorted({os.path.relpath(line.split(":")[0], ROOT) for line in run.stderr.splitlines() if "error:" in line})
    return [f"{name}: not as clang-format writes it (run clang-format -i {name})" for name in bad]


def check_config_first(files):
    problems = []
    for path in files:
        if path.suffix != ".c":
            continue
        first = re.search(r'^#include\s+(\S+)', path.read_text(encoding="utf-8"), re.M)
        if first is None or first.group(1) != '"config.h"':
            problems.append(f"{path.relative_to(ROOT)}: the first #include is not \"config.h\"")
    return problems


MAX_LINES = 700


def check_lengths(files):
    return [f"{path.relative_to(ROOT)}: {n} lines, over {MAX_LINES} (split it by meaning)"
            for path in files
            if path.suffix == ".c" and path.is_relative_to(ROOT / "src")
            and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]


MARKED = re.compile(r'\bN?_ ?\("|translatable="yes"')


def check_potfiles():
    listed = {line.strip() for line in (ROOT / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    sources = sorted((ROOT / "src").rglob("*.c")) + sorted((ROOT / "data").rglob("*.ui"))
    return [f"{name}: has strings marked for translation but is not in po/POTFILES.in"
            for name in (str(path.relative_to(ROOT)) for path in sources)
            if name not in listed and MARKED.search((ROOT / name).read_text(encoding="utf-8"))]


def main():
    files = list(c_files())
    problems = check_clang_format(files) + check_config_first(files) + check_lengths(files) + check_potfiles()
    for problem in problems:
        print(problem)
    print(f"{len(files)} C files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
