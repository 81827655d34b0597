/* sd-highlight-row.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-highlight-row"

#include "config.h"

#include "sd-highlight-row.h"

struct _SdHighlightRow
{
  GtkListBoxRow parent_instance;

  GtkLabel *quote_label;
  GtkLabel *comment_label;

  gint64 id;
};

enum
{
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdHighlightRow, sd_highlight_row, GTK_TYPE_LIST_BOX_ROW)

static void
remove_clicked_cb (SdHighlightRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
sd_highlight_row_class_init (SdHighlightRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[REMOVE] = g_signal_new ("remove-highlight", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-highlight-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SdHighlightRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, SdHighlightRow, comment_label);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
sd_highlight_row_init (SdHighlightRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sd_highlight_row_new:
 * @highlight: a highlight of the shown story
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
sd_highlight_row_new (const SdHighlight *highlight)
{
  SdHighlightRow *self;

  g_return_val_if_fail (highlight != NULL, NULL);

  self = g_object_new (SD_TYPE_HIGHLIGHT_ROW, NULL);
  self->id = highlight->id;
  gtk_label_set_text (self->quote_label, highlight->quote);
  if (highlight->comment != NULL && *highlight->comment != '\0')
    {
      gtk_label_set_text (self->comment_label, highlight->comment);
      gtk_widget_show (GTK_WIDGET (self->comment_label));
    }
  return GTK_WIDGET (self);
}

gint64
sd_highlight_row_get_id (SdHighlightRow *self)
{
  g_return_val_if_fail (SD_IS_HIGHLIGHT_ROW (self), 0);
  return self->id;
}
