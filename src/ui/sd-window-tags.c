/* sd-window-tags.c — the tag keys: Alt+1 … Alt+9 put the coloured tags on
 * the selected stories or take them off (as Zotero's 1–9), and a legend
 * says which key is which tag
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-story-list-model.h"
#include "sd-window-private.h"

#define N_TAG_KEYS 9

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* The tags with a colour, by name: the order stays when counts change. */
GPtrArray *
_sd_window_dup_keyed_tags (SdWindow *self)
{
  GPtrArray *tags = sd_library_model_get_tags (self->library);
  GPtrArray *keyed = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && i < tags->len; i++)
    if (sd_library_model_lookup_tag_color (self->library, g_ptr_array_index (tags, i)) != NULL)
      g_ptr_array_add (keyed, g_ptr_array_index (tags, i));
  g_ptr_array_sort (keyed, compare_names);
  if (keyed->len > N_TAG_KEYS)
    g_ptr_array_set_size (keyed, N_TAG_KEYS);
  return keyed;
}

gboolean
_sd_window_story_has_tag (const SdStory *story, const char *tag)
{
  for (guint i = 0; story != NULL && story->tags != NULL && i < story->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (story->tags, i), tag) == 0)
      return TRUE;
  return FALSE;
}

/* On when a selected story lacks the tag, else off: one undo step. */
static void
toggle_tag_key_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GPtrArray) keyed = _sd_window_dup_keyed_tags (self);
  g_autoptr (GArray) ids = sd_story_list_dup_selected_ids (self->story_list);
  g_autoptr (GError) error = NULL;
  gint32      key = g_variant_get_int32 (parameter);
  const char *tag;
  gboolean    all = TRUE, ok;

  if (key < 1 || (guint) key > keyed->len || ids->len == 0)
    return;
  tag = g_ptr_array_index (keyed, key - 1);
  for (guint i = 0; all && i < ids->len; i++)
    all = _sd_window_story_has_tag (
        sd_story_list_model_lookup (self->stories, g_array_index (ids, gint64, i)), tag);
  ok = all ? sd_edit_history_remove_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error)
           : sd_edit_history_add_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error);
  if (!ok)
    _sd_window_show_message (self, GTK_MESSAGE_ERROR, error->message);
}

/* The legend: "Alt+1 党建 ●" in the tag's colour, a line each. */
static void
tag_keys_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  SdWindow *self = user_data;
  g_autoptr (GPtrArray) keyed = _sd_window_dup_keyed_tags (self);
  g_autoptr (GString) legend = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < keyed->len; i++)
    {
      const char      *tag = g_ptr_array_index (keyed, i);
      g_autofree char *line = g_markup_printf_escaped (
          "%s<tt>Alt+%u</tt>  <span lang=\"zh-cn\">%s</span> <span foreground=\"%s\">●</span>",
          i ? "\n" : "", i + 1, tag, sd_library_model_lookup_tag_color (self->library, tag));
      g_string_append (legend, line);
    }
  if (legend->len == 0)
    g_string_append (legend, _("No tag has a colour yet: give one a colour in the tagging panel "
                               "(click its chip) and Alt+1 puts it on the selected stories."));
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s", _("Tag Keys"));
  gtk_message_dialog_format_secondary_markup (GTK_MESSAGE_DIALOG (dialog), "%s", legend->str);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry tag_entries[] = {
  { "toggle-tag-key", toggle_tag_key_activated, "i" },
  { "tag-keys", tag_keys_activated },
};

void
_sd_window_add_tag_keys (SdWindow *self, GtkApplication *application)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), tag_entries, G_N_ELEMENTS (tag_entries),
                                   self);
  for (guint key = 1; key <= N_TAG_KEYS; key++)
    {
      g_autofree char *action = g_strdup_printf ("win.toggle-tag-key(%u)", key);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", key);
      const char      *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (application, action, accels);
    }
}
