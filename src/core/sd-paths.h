/* sd-paths.h — where Storydesk finds its data, installed or in the build tree
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call once from main(), before anything reads GSettings or translations. */
void        sd_paths_init                 (void);
/* The window is made for Chinese newsrooms: when the desktop names no
 * language (the C or POSIX locale, no LANGUAGE), it speaks Simplified
 * Chinese.  The command line keeps the locale as it is, for scripts. */
void        sd_paths_prefer_chinese       (void);
/* Han characters are drawn with Simplified Chinese glyph forms (Noto CJK
 * SC, not JP) whatever the locale: by naming zh-cn first among the
 * languages Pango picks fonts for.  Call before anything draws text. */
void        sd_paths_prefer_simplified_glyphs (void);
gboolean    sd_paths_is_uninstalled       (void);
/* The bundled sample pages. */
const char *sd_paths_get_seeds_dir        (void);
/* $XDG_DATA_HOME/storydesk/library.db (transfer full) */
char       *sd_paths_dup_default_library  (void);

G_END_DECLS
