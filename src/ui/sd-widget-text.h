/* sd-widget-text.h — text set on widgets without relaying out the window
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void sd_label_update_text (GtkLabel *label, const char *text);

G_END_DECLS
