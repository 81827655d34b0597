#!/usr/bin/python3
# A small window to drag files from, as a file manager would: its label
# offers the paths given as text/uri-list.  tests/test-ui-desktop.py starts
# it beside Storydesk and drags with xdotool.
#
#   drag-source.py X Y PATH…     (the window's position on the screen)
#
# Copyright 2026 The Storydesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, Gio, Gtk  # noqa: E402

x, y = int(sys.argv[1]), int(sys.argv[2])
uris = [Gio.File.new_for_path(path).get_uri() for path in sys.argv[3:]]

window = Gtk.Window(title="drag-source")
window.set_default_size(200, 150)
window.move(x, y)
source = Gtk.EventBox()
source.add(Gtk.Label(label="pages"))
source.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
source.drag_source_add_uri_targets()
source.connect("drag-data-get", lambda widget, context, data, info, time: data.set_uris(uris))
source.connect("drag-end", lambda *_: print("drag-end", flush=True))
window.add(source)
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
