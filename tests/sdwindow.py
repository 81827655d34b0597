# The real Storydesk window on a given library, driven through AT-SPI and
# xdotool, for the fault tests (test-kill-window.py, test-concurrency.py).
# Import it under xvfb-run + dbus-run-session (X server outermost): it gives
# this run an accessibility bus of its own before dogtail is loaded.
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time

STORYDESK = os.environ["STORYDESK"]

for _var in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
    if not os.environ.get(_var):
        print(f"{_var} is not set: run under xvfb-run + dbus-run-session", file=sys.stderr)
        sys.exit(1)

_runtime = tempfile.mkdtemp(prefix="sd-fault-runtime-")
atexit.register(shutil.rmtree, _runtime, True)
os.environ["XDG_RUNTIME_DIR"] = _runtime
subprocess.run(["dbus-update-activation-environment", "DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR"],
               check=True)

from dogtail.config import config  # noqa: E402

config.checkForA11y = False
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchBackoffDuration = 0.2
config.searchCutoffCount = 50
config.defaultDelay = 0.1
config.actionDelay = 0.1
from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402
from gi.repository import GLib  # noqa: E402

import sdbench  # noqa: E402

sys.excepthook = sys.__excepthook__

# The labels the window shows (in Chinese whatever the locale).
STATUS_LABELS = {"new": "未审", "reviewed": "已审", "needs-work": "待修改", "rejected": "不用"}
SAVED_PREFIX = "已于 "


_T0 = time.monotonic()


class Timeout(Exception):
    pass


def log(msg):
    """A line with the seconds since the test began."""
    print(f"[{time.monotonic() - _T0:6.2f}s] {msg}", flush=True)


# How long a tag's chip may take to show or go, or a typed note to show as
# saved: well under a second in a normal build, but a window built with the
# sanitizers, or on a machine at a load of 13 on 2 cores, busy with a 50 MB
# import and other writers, once took over 10 s.
CHIP_SECONDS = 30.0


def fail(msg):
    log("FAIL: " + msg)
    sys.exit(1)


def wait_until(fn, what, timeout=20.0, step=0.1):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            last = fn()
            if last:
                return last
        except Exception as e:  # objects come and go while the window maps
            last = e
        time.sleep(step)
    raise Timeout(f"timed out waiting for {what} (last={last!r})")


def find(node, name=None, role=None):
    """The first descendant so named, or None (no waiting)."""
    try:
        return node.child(name=name, roleName=role, retry=False)
    except Exception:
        return None


def find_outside_lists(node, name, role, depth=0):
    """The first descendant so named, searched without entering a table:
    the story list's cells, tens of thousands of them, are never walked."""
    try:
        children = node.children
    except Exception:
        return None
    for child in children:
        try:
            if child.name == name and child.roleName == role:
                return child
            if child.roleName not in ("table", "tree table") and depth < 40:
                found = find_outside_lists(child, name, role, depth + 1)
                if found is not None:
                    return found
        except Exception:  # gone meanwhile
            continue
    return None


def story_cells(app):
    table = app.child(name="稿件", roleName="table")
    return [c for c in table.findChildren(GenericPredicate(roleName="table cell"))
            if c.name and "·" in c.name]


def row_cells(table, name):
    """The cells of the row whose first text cell is @name."""
    cells = table.findChildren(GenericPredicate(roleName="table cell"))
    for i, cell in enumerate(cells):
        if cell.name == name:
            return cells[i:i + 2]
    return None


class Window:
    """storydesk --db LIBRARY [FILE…], its messages kept in a file."""

    def __init__(self, library, data_home, files=()):
        self.library = library
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env["XDG_DATA_HOME"] = data_home
        env["LC_ALL"] = "C"
        env.pop("LANGUAGE", None)
        env["STORYDESK_DEBUG"] = "sync-reads"
        self.log = tempfile.TemporaryFile(mode="w+", prefix="sd-window-stderr-")
        self._panel = None
        self.proc = subprocess.Popen([STORYDESK, "--db", library, *files], env=env,
                                     stderr=self.log)
        self.app = wait_until(lambda: self._application(), "storydesk on the AT-SPI bus")

    def _application(self):
        for app in tree.root.applications():
            try:
                if app.name == "storydesk" and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                pass
        return None

    def messages(self):
        self.log.seek(0)
        return self.log.read()

    def open_story(self, pick, node=None):
        """Lists every story (or those of the tree's row @node, a function
        of the tree's cells) and opens the one @pick (a function of the
        listed cells) chooses; returns its headline."""
        # (a machine under load takes its time to show the window)
        places = wait_until(lambda: find_outside_lists(self.app, "地区", "tree table"),
                            "the place tree", timeout=60)
        if node is None:
            row = wait_until(lambda: row_cells(places, "全部稿件"), "全部稿件 in the tree")[0]
        else:
            row = wait_until(lambda: node(places.findChildren(
                GenericPredicate(roleName="table cell"))), "the row in the tree")
        row.click()
        cells = wait_until(lambda: story_cells(self.app), "stories in the list", timeout=60)
        cell = pick(cells)
        name = cell.name
        headline = name.split("\n")[0]

        def shown():
            # the article view and the list's cells found afresh each time:
            # a window that is slow to start (the sanitizer build) replaces
            # them meanwhile, and a click on a cell that moved is clicked again
            article = find_outside_lists(self.app, "正文", "text")
            # (a story without a headline is listed by its body's start, cut
            # with "…")
            if article is not None and headline.rstrip("…") in article.text:
                return True
            if time.monotonic() - clicked[0] > 10:
                again = next((c for c in story_cells(self.app) if c.name == name), None)
                if again is not None:
                    again.click()
                clicked[0] = time.monotonic()
            return False

        cell.click()
        clicked = [time.monotonic()]
        wait_until(shown, f"{headline!r} in the article view", timeout=60)
        return headline

    def panel(self):
        """The story's side panel (tags, status, note), where the searches
        below look: a search of the whole window walks every cell of the
        story list, ten seconds a search once 5,000 stories are listed.
        Found again whenever the object kept went stale."""
        if self._panel is not None and not self._panel.dead:
            return self._panel
        entry = wait_until(lambda: find_outside_lists(self.app, "添加标签", "text"),
                           "the tag entry")
        node = entry
        while node is not None and find(node, "批注", "text") is None:
            node = node.parent
        self._panel = node if node is not None else self.app
        return self._panel

    def in_panel(self, name, role):
        """The panel's widget so named, or None; looked up afresh each time
        (a widget kept from an earlier look may be gone)."""
        return find(self.panel(), name, role)

    def chip(self, tag):
        return self.in_panel("删除标签 " + tag, "push button")

    def add_tag(self, tag):
        """Types @tag into the tag entry and presses Enter; returns once its
        chip shows (the panel shows what the library holds)."""
        entry = wait_until(lambda: self.in_panel("添加标签", "text"), "the tag entry")
        # typed keys go to the window that has the focus: clicked again
        # until the entry has it (another window over this one takes it)
        wait_until(lambda: self.click(entry) or entry.focused, "the tag entry focused",
                   step=0.5)
        # Han characters as GTK's Ctrl+Shift+U and their code: xdotool's
        # own typing maps each to a spare key for a moment, and a window
        # busy then reads the key unmapped and loses it (sdbench.type_text)
        sdbench.type_text(tag, 20)
        subprocess.run(["xdotool", "key", "Return"], check=True)
        wait_until(lambda: self.chip(tag), f"the chip of {tag!r}", timeout=CHIP_SECONDS)

    def remove_tag(self, tag):
        """Presses the cross on @tag's chip; returns once the chip is gone."""
        wait_until(lambda: self.chip(tag), f"the chip of {tag!r}", timeout=CHIP_SECONDS) \
            .doActionNamed("click")
        wait_until(lambda: self.chip(tag) is None, f"the chip of {tag!r} gone",
                   timeout=CHIP_SECONDS)

    def note_widget(self):
        return wait_until(lambda: self.in_panel("批注", "text"), "the note")

    def saved_label(self):
        """The "Saved at" label's text, or None; when a label goes away while
        it is read (the panel refills), the panel is read again."""
        for _ in range(50):
            try:
                for label in self.panel().findChildren(GenericPredicate(roleName="label")):
                    if label.name.startswith(SAVED_PREFIX):
                        return label.name
                return None
            except GLib.Error:
                time.sleep(0.1)
        return None

    def type_note(self, text):
        """Appends @text to the note; returns the note as the window shows it
        once "Saved at" tells the typing was written."""
        note = self.note_widget()
        # "Saved at" shows seconds: start in a second no save has shown yet.
        now = time.strftime("%H:%M:%S")
        if self.saved_label() and now in self.saved_label():
            time.sleep(1.0)
        before = self.saved_label()
        self.click(note)
        subprocess.run(["xdotool", "key", "ctrl+End", "type", "--delay", "20", text], check=True)
        typed_at = time.strftime("%H:%M:%S")
        wait_until(lambda: (lambda s: s and s != before and s[len(SAVED_PREFIX):][:8] >= typed_at)(
            self.saved_label()), "the note saved", timeout=CHIP_SECONDS)
        return self.note_widget().text

    def status_box(self):
        return wait_until(lambda: self.in_panel("审稿状态", "combo box"), "the status box")

    def shown_status(self):
        combo = self.status_box()
        return combo.querySelection().getSelectedChild(0).name

    def set_status(self, status):
        """Chooses @status in the panel's status box, as an editor does;
        returns once the box shows it."""
        combo = self.status_box()
        item = next(i for i in combo.findChildren(GenericPredicate(roleName="menu item"))
                    if i.name == STATUS_LABELS[status])
        item.doActionNamed("click")
        wait_until(lambda: self.shown_status() == STATUS_LABELS[status],
                   f"the status {status} shown", timeout=10)

    def activate(self, action, target=None, path="/io/github/storydesk/Storydesk/window/1"):
        """Activates the window's action @action (with the string @target)
        over D-Bus, as the desktop does; the window's connection is the one
        of its process.  @path: the application's own actions' path for
        app.quit and the like."""
        from gi.repository import Gio, GLib
        bus = Gio.bus_get_sync(Gio.BusType.SESSION)

        def ask(dest, path, iface, method, args=None):
            return bus.call_sync(dest, path, iface, method, args, None, 0, 5000, None).unpack()

        daemon = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")
        for name in ask(*daemon, "ListNames")[0]:
            try:
                pid = ask(*daemon, "GetConnectionUnixProcessID", GLib.Variant("(s)", (name,)))[0]
            except GLib.Error:
                continue
            if name.startswith(":") and pid == self.proc.pid:
                params = [GLib.Variant("s", target)] if target is not None else []
                ask(name, path, "org.gtk.Actions", "Activate",
                    GLib.Variant("(sava{sv})", (action, params, {})))
                return
        fail("storydesk is not on the session bus")

    def click(self, widget):
        (x, y), (w, h) = widget.position, widget.size
        subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1",
                        "sleep", "0.2"], check=True)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
