/* sd-han-glyphs.h — Simplified Chinese glyph forms in the window's chrome
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _sd_han_glyphs_install (GdkScreen *screen);

G_END_DECLS
