/* sd-clreq.h — how Chinese text is set on screen, after the W3C
 * "Requirements for Chinese Text Layout" (clreq)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both functions keep the text's characters where they are: display text
 * has the same number of characters as the stored text, so character
 * offsets (highlights, places, selections) hold in either.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *sd_clreq_dup_for_display    (const char *text);
GArray *sd_clreq_find_halved_marks  (const char *text);

G_END_DECLS
