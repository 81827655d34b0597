/* sd-line-shapes-private.h — what one text line of a page reads as
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the line structure (sd-line-structure.c) includes this.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize start; /* the line, without its line end */
  gsize end;
  gsize text_start; /* without spaces at either end */
  gsize text_end;
  guint width; /* half-width units, the indent included */
  guint indented : 1;
  guint ends_sentence : 1;
} SdTextLine;

G_GNUC_INTERNAL gboolean _sd_line_is_blank (const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_opens_lead (const char *text, const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_opens_wire_lead (const char *text, const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_ends_open_clause (const char *text, const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_is_title_like (const char *text, const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_is_title_or_cry (const char *text, const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_goes_on_in_bracket (const char       *text,
                                                      const SdTextLine *a,
                                                      const SdTextLine *b);
G_GNUC_INTERNAL gboolean _sd_line_opens_subtitle (const char *text, const SdTextLine *line);
G_GNUC_INTERNAL gboolean _sd_line_ends_quote (const char *text, const SdTextLine *line);

G_END_DECLS
