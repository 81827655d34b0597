/* sd-widget-text.c — text set on widgets without relaying out the window
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-widget-text.h"

/**
 * sd_label_update_text:
 * @text: (nullable): the text @label should say (NULL: none)
 *
 * Sets @label's text unless it says that already: GTK 3 queues a resize
 * for any text set, the same too, and a resize goes up to the window,
 * which is laid out again and repainted where anything moved, in the
 * frame of a story opened (#16).
 */
void
sd_label_update_text (GtkLabel *label, const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") != 0)
    gtk_label_set_text (label, text);
}
