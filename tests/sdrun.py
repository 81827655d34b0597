# Running the storydesk command in tests: its exit status, output and the
# peak memory of that one process (wait4's rusage, in bytes).
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import tempfile
import threading
import unittest

STORYDESK = os.environ["STORYDESK"]
SEEDS = os.path.join(os.environ["SD_SOURCE_ROOT"], "seeds")


class Result:
    def __init__(self, args, status, stdout, stderr, peak_rss):
        self.args, self.returncode = args, status
        self.stdout, self.stderr, self.peak_rss = stdout, stderr, peak_rss


def run(*args, status=0, timeout=60, preexec_fn=None, stdout=None, cwd=None):
    """Runs storydesk ARGS; checks the exit status unless status is None.
    A run past the timeout is killed and fails: nothing may hang."""
    proc = subprocess.Popen([STORYDESK, *args], stdout=stdout or subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=preexec_fn, cwd=cwd)
    outputs = {}

    def drain(name, stream):
        outputs[name] = stream.read() if stream is not None else b""
        if stream is not None:
            stream.close()

    readers = [threading.Thread(target=drain, args=("out", proc.stdout if stdout is None else None)),
               threading.Thread(target=drain, args=("err", proc.stderr))]
    for reader in readers:
        reader.start()
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, wait_status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(wait_status)
    result = Result(args, proc.returncode, outputs["out"].decode("utf-8", "replace"),
                    outputs["err"].decode("utf-8", "replace"), usage.ru_maxrss * 1024)
    result.stdout_bytes = outputs["out"]
    if status is not None and result.returncode != status:
        raise AssertionError(f"{args}: exit {result.returncode}, wanted {status}\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def dump(db):
    """The library's header values, schema and every row of every table
    (the search index's own tables included), as text."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        lines = [f"application_id {connection.execute('PRAGMA application_id').fetchone()[0]}",
                 f"user_version {connection.execute('PRAGMA user_version').fetchone()[0]}"]
        tables = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                    "ORDER BY name").fetchall()
        for name, sql in tables:
            lines.append(sql)
            if sql.startswith("CREATE VIRTUAL"):
                continue
            rows = connection.execute(f'SELECT * FROM "{name}"').fetchall()
            lines.extend(sorted(repr(row) for row in rows))
        return "\n".join(lines)
    finally:
        connection.close()


def damage(db, table="stories", pages=(3, 5)):
    """Overwrites leaf pages of @table (the @pages'th of them, in file
    order) with noise, as a failing disk might; returns how many rows they
    held.  The library must be closed (its WAL checkpointed)."""
    import random
    connection = sqlite3.connect(db)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        leaves = connection.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
            "ORDER BY pageno", (table,)).fetchall()[pages[0]:pages[1]]
        connection.execute("PRAGMA wal_checkpoint (TRUNCATE)")
    finally:
        connection.close()
    noise = random.Random(14)
    with open(db, "r+b") as f:
        for page, _ in leaves:
            f.seek((page - 1) * size)
            f.write(bytes(noise.randrange(256) for _ in range(size)))
    return sum(cells for _, cells in leaves)


class LibraryCase(unittest.TestCase):
    """A test case with a folder of its own and a library path in it."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "library.db")

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)
