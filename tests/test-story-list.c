/* test-story-list.c — the story list's rows (#16): the view takes a long
 * list a slice at a time, a row shows its story once the record is read,
 * and a story far down is found by id
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "sd-story-list.h"

#define N_STORIES 3000

static void
loaded_cb (SdStoryListModel *stories, gboolean *loaded)
{
  *loaded = TRUE;
}

static gboolean
give_up_cb (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static char *
dup_markup (GtkTreeModel *rows, guint position)
{
  GtkTreeIter iter;
  char       *markup = NULL;

  g_assert_true (gtk_tree_model_iter_nth_child (rows, &iter, NULL, position));
  gtk_tree_model_get (rows, &iter, 1, &markup, -1);
  return markup;
}

static void
test_long_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sd-story-list-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (SdStore) store = sd_store_open (path, NULL);
  g_autoptr (SdStoryListModel) stories = sd_story_list_model_new (SD_LIBRARY (store));
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdPageRecord     page = { "long.txt", "long", "UTF-8", "text", 4 };
  GtkWidget       *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget       *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView     *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  g_autofree char *blank = NULL;
  g_autofree char *shown = NULL;
  GtkTreeModel    *rows;
  gboolean         loaded = FALSE;
  guint            timeout = g_timeout_add_seconds (30, give_up_cb, NULL);
  gint64           far_id;

  for (guint i = 0; i < N_STORIES; i++)
    {
      SdStory *story = sd_story_new ();
      story->headline = g_strdup_printf ("第%u条", i);
      story->body = g_strdup ("吴江区举行活动。");
      g_ptr_array_add (records, story);
    }
  g_assert_true (sd_store_add_page (store, &page, records, NULL, NULL));
  gtk_container_add (GTK_CONTAINER (window), list);
  gtk_widget_show_all (window);
  sd_story_list_set_model (SD_STORY_LIST (list), stories);
  g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), &loaded);
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);

  /* the view took the first rows at once, the rest in slices after */
  rows = gtk_tree_view_get_model (view);
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), <, N_STORIES);
  g_assert_cmpuint (sd_story_list_get_count (SD_STORY_LIST (list)), ==, N_STORIES);
  while (gtk_tree_model_iter_n_children (rows, NULL) < N_STORIES)
    g_main_context_iteration (NULL, TRUE);

  /* a row far down is blank until its record is read, which it asked for */
  blank = dup_markup (rows, 2500);
  g_assert_null (strstr (blank, "第2500条"));
  while (sd_story_list_model_get_story (stories, 2500) == NULL)
    g_main_context_iteration (NULL, TRUE);
  shown = dup_markup (rows, 2500);
  g_assert_nonnull (strstr (shown, "第2500条"));

  far_id = sd_story_list_model_get_id (stories, 2900);
  g_assert_true (sd_story_list_select_story (SD_STORY_LIST (list), far_id));
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);

  g_source_remove (timeout);
  gtk_widget_destroy (window);
  g_clear_object (&stories);
  g_clear_object (&store);
  for (const char *const *suffix = (const char *const[]){ "", "-wal", "-shm", NULL }; *suffix;
       suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/story-list/long-list", test_long_list);
  return g_test_run ();
}
