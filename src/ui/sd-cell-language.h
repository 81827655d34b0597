/* sd-cell-language.h — Chinese text in tree and list cells takes
 * Simplified Chinese glyph forms whatever the desktop's locale
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets a zh-cn language attribute on a text renderer.  (GTK 3.24's own
 * "language" property of GtkCellRendererText frees its value wrongly when
 * the renderer goes, so it is not used.) */
static inline void
_sd_cell_renderer_set_chinese (GtkCellRenderer *renderer)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  g_object_set (renderer, "attributes", attrs, NULL);
  pango_attr_list_unref (attrs);
}

G_END_DECLS
