# sdpg.py — what the tests that start a PostgreSQL server share
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import pwd
import sys


def server_bin(name):
    """The newest installed server's program (Debian keeps them out of PATH)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        sys.exit(f"no PostgreSQL {name}: install Debian's postgresql package")
    return found[-1]


def server_user():
    """None when not root; else the unprivileged user to run the server as
    (initdb and postgres refuse root): Debian's postgres, else nobody."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            pass
    sys.exit("running as root and no unprivileged user to run the server as")
