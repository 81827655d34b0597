# sdpgconnect.py — what the tests of the window's connection to a shared
# library share (test-pg-connect.py, test-pg-keyring.py): a TCP relay to a
# PostgreSQL server's Unix socket, silent (connections taken and held, never
# answered, as behind a cut network) until told to forward; the connection
# window's widgets found by name; the windows' messages kept on a failure
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Import it after sdwindow (which sets up the accessibility bus).
import contextlib
import re
import socket
import threading

from dogtail.predicate import GenericPredicate
from sdwindow import find_outside_lists, log


def showing(window, role, pattern):
    """The first showing widget of @role whose name matches @pattern."""
    try:
        for node in window.app.findChildren(GenericPredicate(roleName=role)):
            if node.showing and re.search(pattern, node.name or ""):
                return node
    except Exception:  # gone while read
        pass
    return None


def library_window_shown(window):
    """The library's own window (its place tree), not the connection's."""
    return find_outside_lists(window.app, "地区", "tree table")


@contextlib.contextmanager
def windows_kept(windows):
    """Stops every window of @windows at the end, and on a failure prints
    what each printed first."""
    try:
        yield windows
    except Exception:
        for window in windows:
            log(f"window {window.proc.pid} (exit status {window.proc.poll()}):\n"
                + window.messages())
        raise
    finally:
        for window in windows:
            window.stop()


class Relay:
    def __init__(self, socket_path):
        self.socket_path = socket_path
        self.forwarding = False
        self.held = []
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:  # closed
                return
            self.held.append(client)
            if self.forwarding:
                server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                server.connect(self.socket_path)
                self.held.append(server)
                for a, b in ((client, server), (server, client)):
                    threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.listener.close()
        for s in self.held:
            s.close()
