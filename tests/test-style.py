#!/usr/bin/python3
"""The house rules of HACKING.md that a machine can check.

Every C file is as clang-format (.clang-format) writes it, and every .c
file includes config.h first.  Run from anywhere; reads SD_SOURCE_ROOT.
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


def main():
    files = list(c_files())
    problems = check_clang_format(files) + check_config_first(files)
    for problem in problems:
        print(problem)
    print(f"{len(files)} C files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
