/* sd-export-text.c — text made safe to show in a terminal or an editor
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-export-private.h"

/* Characters that act instead of showing: terminal controls (C0 but tab
 * and line breaks, DEL, C1, whose ESC and CSI start escape sequences) and
 * the bidi embeddings, overrides and isolates that reorder what a reader
 * sees (the "Trojan Source" characters). */
static gboolean
is_acting_char (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
         || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * _sd_export_dup_visible:
 * @text: (nullable): valid UTF-8
 *
 * Returns: (transfer full): @text with every character that would act
 * rather than show in a terminal or an editor (an escape sequence, a bidi
 * override) replaced by U+FFFD: seen, not dropped, and never run.
 */
char *
_sd_export_dup_visible (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_acting_char (c))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
