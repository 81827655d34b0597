/* sd-suggestion-row.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-suggestion-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-suggestion-row.h"
#include "sd-widget-text.h"

/* Keywords shown as the evidence; the row is narrow. */
#define MAX_EVIDENCE 4

struct _SdSuggestionRow
{
  GtkListBoxRow parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *evidence_label;
  GtkWidget *accept_button;
  GtkWidget *dismiss_button;

  char *theme;
};

enum
{
  ACCEPT,
  DISMISS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdSuggestionRow, sd_suggestion_row, GTK_TYPE_LIST_BOX_ROW)

/* The icon buttons say what they do in their tooltip and to screen readers. */
static void
name_button (GtkWidget *button, const char *format, const char *theme)
{
  g_autofree char *name = g_strdup_printf (format, theme);

  gtk_widget_set_tooltip_text (button, name);
  atk_object_set_name (gtk_widget_get_accessible (button), name);
}

static void
accept_clicked_cb (SdSuggestionRow *self)
{
  g_signal_emit (self, signals[ACCEPT], 0);
}

static void
dismiss_clicked_cb (SdSuggestionRow *self)
{
  g_signal_emit (self, signals[DISMISS], 0);
}

static void
sd_suggestion_row_finalize (GObject *object)
{
  SdSuggestionRow *self = SD_SUGGESTION_ROW (object);

  g_free (self->theme);

  G_OBJECT_CLASS (sd_suggestion_row_parent_class)->finalize (object);
}

static void
sd_suggestion_row_class_init (SdSuggestionRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sd_suggestion_row_finalize;

  signals[ACCEPT] = g_signal_new ("accept", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  signals[DISMISS] = g_signal_new ("dismiss", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-suggestion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SdSuggestionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SdSuggestionRow, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, SdSuggestionRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, SdSuggestionRow, dismiss_button);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_clicked_cb);
}

static void
sd_suggestion_row_init (SdSuggestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sd_suggestion_row_new:
 * @suggestion: what the suggester found
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
sd_suggestion_row_new (const SdThemeSuggestion *suggestion)
{
  SdSuggestionRow *self;

  g_return_val_if_fail (suggestion != NULL, NULL);

  self = g_object_new (SD_TYPE_SUGGESTION_ROW, NULL);
  sd_suggestion_row_set_suggestion (self, suggestion);
  return GTK_WIDGET (self);
}

/**
 * sd_suggestion_row_set_suggestion:
 *
 * Shows @suggestion in a row made already: the inspector keeps its rows
 * from story to story, which costs no template built (about a millisecond
 * a row) and sets only the labels whose text differs.
 */
void
sd_suggestion_row_set_suggestion (SdSuggestionRow *self, const SdThemeSuggestion *suggestion)
{
  g_autoptr (GString) evidence = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_if_fail (SD_IS_SUGGESTION_ROW (self) && suggestion != NULL);

  g_free (self->theme);
  self->theme = g_strdup (suggestion->theme);
  for (guint i = 0; i < suggestion->evidence->len && i < MAX_EVIDENCE; i++)
    {
      const SdThemeEvidence *hit = g_ptr_array_index (suggestion->evidence, i);
      g_string_append_printf (evidence, "%s%s×%u", i ? " " : "", hit->keyword, hit->count);
    }
  title = g_markup_printf_escaped ("%s  <small>%.1f</small>", suggestion->theme, suggestion->score);
  if (g_strcmp0 (gtk_label_get_label (self->title_label), title) != 0)
    gtk_label_set_markup (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), suggestion->description);
  sd_label_update_text (self->evidence_label, evidence->str);
  name_button (self->accept_button, _("Accept %s"), suggestion->theme);
  name_button (self->dismiss_button, _("Dismiss %s"), suggestion->theme);
}

const char *
sd_suggestion_row_get_theme (SdSuggestionRow *self)
{
  g_return_val_if_fail (SD_IS_SUGGESTION_ROW (self), NULL);
  return self->theme;
}
