/* sd-highlight-popover.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-highlight-popover"

#include "config.h"

#include "sd-highlight-popover.h"

struct _SdHighlightPopover
{
  GtkPopover parent_instance;

  GtkEntry *comment_entry;

  gint64 start;
  gint64 end;
};

enum
{
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdHighlightPopover, sd_highlight_popover, GTK_TYPE_POPOVER)

static void
confirmed_cb (SdHighlightPopover *self)
{
  g_signal_emit (self, signals[CONFIRMED], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* The comment is what the editor types next. */
static void
sd_highlight_popover_map (GtkWidget *widget)
{
  SdHighlightPopover *self = SD_HIGHLIGHT_POPOVER (widget);

  GTK_WIDGET_CLASS (sd_highlight_popover_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_entry));
}

static void
sd_highlight_popover_class_init (SdHighlightPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = sd_highlight_popover_map;

  signals[CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-highlight-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SdHighlightPopover, comment_entry);
  gtk_widget_class_bind_template_callback (widget_class, confirmed_cb);
}

static void
sd_highlight_popover_init (SdHighlightPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Asked once, for one selection. */
  g_signal_connect (self, "closed", G_CALLBACK (gtk_widget_destroy), NULL);
}

/**
 * sd_highlight_popover_new:
 * @relative_to: the story's text view
 * @pointing_to: the selection, in @relative_to's coordinates
 * @start: where the passage starts, in characters into the body
 * @end: where it ends (exclusive)
 *
 * Returns: (transfer none): a new popover, not yet popped up
 */
GtkWidget *
sd_highlight_popover_new (GtkWidget          *relative_to,
                          const GdkRectangle *pointing_to,
                          gint64              start,
                          gint64              end)
{
  SdHighlightPopover *self =
      g_object_new (SD_TYPE_HIGHLIGHT_POPOVER, "relative-to", relative_to, NULL);

  gtk_popover_set_pointing_to (GTK_POPOVER (self), pointing_to);
  self->start = start;
  self->end = end;
  return GTK_WIDGET (self);
}

void
sd_highlight_popover_get_range (SdHighlightPopover *self, gint64 *out_start, gint64 *out_end)
{
  g_return_if_fail (SD_IS_HIGHLIGHT_POPOVER (self));

  *out_start = self->start;
  *out_end = self->end;
}

const char *
sd_highlight_popover_get_comment (SdHighlightPopover *self)
{
  g_return_val_if_fail (SD_IS_HIGHLIGHT_POPOVER (self), NULL);
  return gtk_entry_get_text (self->comment_entry);
}
