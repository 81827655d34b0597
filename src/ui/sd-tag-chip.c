/* sd-tag-chip.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-tag-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-tag-chip.h"

struct _SdTagChip
{
  GtkBox parent_instance;

  GtkMenuButton  *name_button;
  GtkLabel       *name_label;
  GtkButton      *remove_button;
  GtkEntry       *rename_entry;
  GtkColorButton *color_button;
  GtkCssProvider *css; /* (nullable) its colour */

  char *tag;
  char *color;
  guint count;
};

enum
{
  REMOVE,
  RENAME,
  RECOLOR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdTagChip, sd_tag_chip, GTK_TYPE_BOX)

static void
set_color (SdTagChip *self, const char *color)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA          rgba;

  if (self->css != NULL)
    gtk_style_context_remove_provider (style, GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_free (self->color);
  self->color = g_strdup (color);
  if (color == NULL)
    return;
  if (gdk_rgba_parse (&rgba, color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  /* Each chip carries its own colour; a provider per chip is cheap at the
   * handful of tags a story has. */
  {
    g_autofree char *rule =
        g_strdup_printf (".sd-tag-chip { background-color: alpha(%s, 0.3); }", color);
    self->css = gtk_css_provider_new ();
    gtk_css_provider_load_from_data (self->css, rule, -1, NULL);
    gtk_style_context_add_provider (style, GTK_STYLE_PROVIDER (self->css),
                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
}

static void
set_count (SdTagChip *self, guint count)
{
  g_autofree char *text =
      count > 0 ? g_strdup_printf ("%s (%u)", self->tag, count) : g_strdup (self->tag);

  self->count = count;
  gtk_label_set_text (self->name_label, text);
}

static void
remove_clicked_cb (SdTagChip *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
rename_activated_cb (SdTagChip *self)
{
  g_signal_emit (self, signals[RENAME], 0, gtk_entry_get_text (self->rename_entry));
}

static void
color_set_cb (SdTagChip *self)
{
  g_autofree char *color = NULL;
  GdkRGBA          rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  g_signal_emit (self, signals[RECOLOR], 0, color);
}

static void
sd_tag_chip_finalize (GObject *object)
{
  SdTagChip *self = SD_TAG_CHIP (object);

  g_free (self->tag);
  g_free (self->color);
  g_clear_object (&self->css);

  G_OBJECT_CLASS (sd_tag_chip_parent_class)->finalize (object);
}

static void
sd_tag_chip_class_init (SdTagChipClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sd_tag_chip_finalize;

  signals[REMOVE] = g_signal_new ("remove-tag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RENAME] =
      g_signal_new ("rename-tag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[RECOLOR] =
      g_signal_new ("recolor-tag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/storydesk/Storydesk/ui/sd-tag-chip.ui");
  gtk_widget_class_bind_template_child (widget_class, SdTagChip, name_button);
  gtk_widget_class_bind_template_child (widget_class, SdTagChip, name_label);
  gtk_widget_class_bind_template_child (widget_class, SdTagChip, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SdTagChip, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, SdTagChip, color_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_set_cb);
}

static void
sd_tag_chip_init (SdTagChip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sd_tag_chip_new:
 * @tag: the tag's name
 * @color: (nullable): its colour, or %NULL for the theme's
 * @count: how many of the selected stories carry it, or 0 not to say
 *
 * Returns: (transfer floating): a new chip
 */
GtkWidget *
sd_tag_chip_new (const char *tag, const char *color, guint count)
{
  SdTagChip       *self;
  g_autofree char *remove_name = NULL;

  g_return_val_if_fail (tag != NULL, NULL);

  self = g_object_new (SD_TYPE_TAG_CHIP, NULL);
  self->tag = g_strdup (tag);
  remove_name = g_strdup_printf (_("Remove tag %s"), tag);
  set_count (self, count);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->name_button)), tag);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_name);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->remove_button)), remove_name);
  gtk_entry_set_text (self->rename_entry, tag);
  set_color (self, color);
  return GTK_WIDGET (self);
}

/**
 * sd_tag_chip_set_look:
 * @color: (nullable): the tag's colour now
 * @count: how many of the selected stories carry it now, or 0
 *
 * Changes the chip in place, so a click or an open popover on it survives
 * the panel being refreshed by another writer's change.
 */
void
sd_tag_chip_set_look (SdTagChip *self, const char *color, guint count)
{
  g_return_if_fail (SD_IS_TAG_CHIP (self));

  if (g_strcmp0 (color, self->color) != 0)
    set_color (self, color);
  if (count != self->count)
    set_count (self, count);
}

const char *
sd_tag_chip_get_tag (SdTagChip *self)
{
  g_return_val_if_fail (SD_IS_TAG_CHIP (self), NULL);
  return self->tag;
}
