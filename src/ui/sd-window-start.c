/* sd-window-start.c — what the window reads as it starts (#16): the node
 * the tree will select listed before the tree is built, and the library's
 * counts read once the first rows are painted, so that the first rows wait
 * neither for the counts nor for a CPU they take
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-window-private.h"

char *
_sd_window_node_key (SdScopeKind kind, const char *code, const char *query, const char *date)
{
  return g_strdup_printf ("%d:%s:%s:%s", kind, code ? code : "", query ? query : "",
                          date ? date : "");
}

/* The tree is built once the library's counts are read (tens of ms at
 * 100,000 stories, on the connection the list reads on): the node it will
 * select is listed now when its key says what it lists, and those counts
 * are read after the first rows (#16).  The tree then selects the node
 * listed, which lists nothing again. */
gboolean
_sd_window_list_restored_node (SdWindow *self, const char *key)
{
  g_autofree char *code = NULL;
  SdScopeKind      kind;
  SdScope          scope = { 0 };

  if (!sd_place_tree_scope_of_key (key, &kind, &code))
    return FALSE;
  /* place_selected_cb's key of that node */
  g_free (self->listed_node);
  self->listed_node = _sd_window_node_key (kind, code, NULL, NULL);
  scope.kind = kind;
  scope.place_code = code;
  scope.text = gtk_entry_get_text (GTK_ENTRY (self->search_entry));
  scope.by_relevance = g_settings_get_boolean (self->settings, "rank-search-results");
  gtk_label_set_text (self->status_label, _("Reading the stories…"));
  _sd_window_set_list_scope (self, kind);
  sd_story_list_model_set_request (self->stories, &scope);
  return TRUE;
}

static void
library_after_paint_cb (GdkFrameClock *clock, SdWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, library_after_paint_cb, self);
  sd_library_model_start (self->library);
}

void
_sd_window_start_library_after_frame (SdWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      sd_library_model_start (self->library);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, library_after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (library_after_paint_cb), self, 0);
}
