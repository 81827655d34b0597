/* sd-repair-button.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-repair-button"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-repair-button.h"

struct _SdRepairButton
{
  GtkButton parent_instance;

  gint64 repair_id;
};

enum
{
  TAKE_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdRepairButton, sd_repair_button, GTK_TYPE_BUTTON)

static void
clicked_cb (SdRepairButton *self)
{
  g_signal_emit (self, signals[TAKE_BACK], 0, self->repair_id);
}

static void
sd_repair_button_class_init (SdRepairButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[TAKE_BACK] = g_signal_new ("take-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-repair-button.ui");
  gtk_widget_class_bind_template_callback (widget_class, clicked_cb);
}

static void
sd_repair_button_init (SdRepairButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
sd_repair_describe (SdRepairKind kind)
{
  switch (kind)
    {
    case SD_REPAIR_JOINED_BREAK:
      return _("Joined a paragraph broken at a column break");
    case SD_REPAIR_DROPPED_DUPLICATE:
      return _("Left out a paragraph printed twice");
    case SD_REPAIR_DROPPED_FRAGMENT:
      return _("Left out text pasted in from another story");
    case SD_REPAIR_MOVED_CAPTION:
      return _("Took a photo caption out of the body");
    case SD_REPAIR_SPLIT_BYLINE:
      return _("Took the byline off the last sentence");
    case SD_REPAIR_DROPPED_MARK:
      return _("Left out a stray mark from a column rule or a speck");
    case SD_REPAIR_TRUNCATED:
    default:
      return _("The story is cut off in the source");
    }
}

GtkWidget *
sd_repair_button_new (const SdRepair *repair)
{
  SdRepairButton  *self = g_object_new (SD_TYPE_REPAIR_BUTTON, NULL);
  g_autofree char *name = g_strdup_printf (_("Take back: %s"), sd_repair_describe (repair->kind));

  self->repair_id = repair->id;
  /* The segmenter's own words say what exactly it saw. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), repair->detail);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), name);
  return GTK_WIDGET (self);
}

gint64
sd_repair_button_get_repair_id (SdRepairButton *self)
{
  g_return_val_if_fail (SD_IS_REPAIR_BUTTON (self), 0);

  return self->repair_id;
}
