/* test-story-list.c — the story list's rows (#16): the view takes a long
 * list a slice at a time as it is scrolled (select all selects every
 * story by id, the view taking no more rows), a row shows its story once
 * the record is read,
 * and a story far down is found by id; another process's writes (an import,
 * a story gone, a tag) land where they are, the rows read before kept; the
 * editor's story far down a list is shown with only the rows around it,
 * and the home and end keys, select all and the scroll bar dragged to
 * its top reach the whole list from there without the view taking every
 * row
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "sd-story-item.h"
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

static GPtrArray *
make_stories (guint n, const char *prefix)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);

  for (guint i = 0; i < n; i++)
    {
      SdStory *story = sd_story_new ();
      story->headline = g_strdup_printf ("%s%u条", prefix, i);
      story->body = g_strdup ("吴江区举行活动。");
      g_ptr_array_add (records, story);
    }
  return records;
}

/* A library of its own with N_STORIES stories on one page, and a model
 * over it */
typedef struct
{
  char             *dir, *path;
  SdStore          *store;
  SdStoryListModel *stories;
} Library;

static void
library_open (Library *library)
{
  g_autoptr (GPtrArray) records = make_stories (N_STORIES, "第");
  SdPageRecord page = { "long.txt", "long", "UTF-8", "text", 4 };

  library->dir = g_dir_make_tmp ("sd-story-list-XXXXXX", NULL);
  library->path = g_build_filename (library->dir, "library.db", NULL);
  library->store = sd_store_open (library->path, NULL);
  g_assert_true (sd_store_add_page (library->store, &page, records, NULL, NULL));
  library->stories = sd_story_list_model_new (SD_LIBRARY (library->store));
}

static void
library_close (Library *library)
{
  g_clear_object (&library->stories);
  g_clear_object (&library->store);
  for (const char *const *suffix = (const char *const[]){ "", "-wal", "-shm", NULL }; *suffix;
       suffix++)
    {
      g_autofree char *file = g_strconcat (library->path, *suffix, NULL);
      g_remove (file);
    }
  g_rmdir (library->dir);
  g_free (library->path);
  g_free (library->dir);
}

static void
test_long_list (void)
{
  Library           library;
  SdStoryListModel *stories;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  g_autofree char  *blank = NULL;
  g_autofree char  *shown = NULL;
  g_autofree char  *expected = NULL;
  g_autoptr (GArray) selected = NULL;
  GtkTreeModel  *rows;
  gboolean       loaded = FALSE;
  guint          timeout = g_timeout_add_seconds (30, give_up_cb, NULL);
  gint64         far_id;
  GtkAdjustment *adjustment;
  int            n_rows, last;
  gboolean       handled;

  library_open (&library);
  stories = library.stories;
  gtk_container_add (GTK_CONTAINER (window), list);
  gtk_widget_show_all (window);
  sd_story_list_set_model (SD_STORY_LIST (list), stories);
  g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), &loaded);
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);

  /* the view took the first rows at once, and no more while nobody
   * scrolls: a row costs the view a node, a long list's every row a lot */
  rows = gtk_tree_view_get_model (view);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  g_assert_cmpint (n_rows, >, 0);
  g_assert_cmpint (n_rows, <, N_STORIES);
  g_assert_cmpuint (sd_story_list_get_count (SD_STORY_LIST (list)), ==, N_STORIES);

  /* scrolled to the end of its rows, it takes more, a slice at a time */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list));
  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    g_main_context_iteration (NULL, TRUE);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
  while (gtk_tree_model_iter_n_children (rows, NULL) <= n_rows)
    g_main_context_iteration (NULL, TRUE);

  /* select all (Ctrl+A) selects every story listed, by id: the view
   * takes no more rows for it, and shows those it has selected */
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  g_signal_emit_by_name (view, "select-all", &handled);
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), ==, n_rows);
  g_assert_cmpint (n_rows, <, N_STORIES);
  g_assert_cmpint (gtk_tree_selection_count_selected_rows (gtk_tree_view_get_selection (view)), ==,
                   n_rows);
  selected = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (selected->len, ==, N_STORIES);

  /* a row not drawn yet is blank until its record is read, which it
   * asked for */
  last = n_rows - 1;
  g_assert_null (sd_story_list_model_get_story (stories, last));
  blank = dup_markup (rows, last);
  expected = g_strdup_printf ("第%d条", last);
  g_assert_null (strstr (blank, expected));
  while (sd_story_list_model_get_story (stories, last) == NULL)
    g_main_context_iteration (NULL, TRUE);
  shown = dup_markup (rows, last);
  g_assert_nonnull (strstr (shown, expected));

  far_id = sd_story_list_model_get_id (stories, 2900);
  g_assert_true (sd_story_list_select_story (SD_STORY_LIST (list), far_id));
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);

  g_source_remove (timeout);
  gtk_widget_destroy (window);
  library_close (&library);
}

static void
changed_cb (GListModel *model, guint position, guint removed, guint added, GString *changes)
{
  g_string_append_printf (changes, "%u,%u,%u;", position, removed, added);
}

/* The list read again until it changed, and its rows read again after it. */
static void
wait_for_changes (SdStore *store, SdStoryListModel *stories, GString *changes)
{
  gboolean loaded = FALSE;
  gulong   handler = g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), &loaded);

  g_string_truncate (changes, 0);
  g_assert_true (sd_store_check_library (store));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (stories, handler);
}

static void
test_changed_elsewhere (void)
{
  Library           library;
  SdStore          *store;
  SdStoryListModel *stories;
  g_autoptr (GPtrArray) more = make_stories (50, "新");
  g_autoptr (GString) changes = g_string_new (NULL);
  g_autoptr (SdStoryItem) first = NULL;
  g_autoptr (SdStoryItem) far = NULL;
  g_autoptr (SdStoryItem) far_after = NULL;
  SdPageRecord next = { "next.txt", "next", "UTF-8", "text", 4 };
  SdStore     *other;
  gboolean     loaded = FALSE;
  guint        timeout = g_timeout_add_seconds (30, give_up_cb, NULL), position;
  gint64       far_id, gone_id, tagged_id;
  SdStory     *tagged;

  library_open (&library);
  store = library.store;
  stories = library.stories;
  g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), &loaded);
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  /* rows read far down, as a view scrolled there reads them */
  sd_story_list_model_fetch (stories, 2500);
  sd_story_list_model_fetch (stories, 2700);
  while (sd_story_list_model_get_story (stories, 2500) == NULL
         || sd_story_list_model_get_story (stories, 2700) == NULL)
    g_main_context_iteration (NULL, TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (stories), 0);
  far = g_list_model_get_item (G_LIST_MODEL (stories), 2500);
  far_id = sd_story_list_model_get_id (stories, 2500);
  gone_id = sd_story_list_model_get_id (stories, 10);
  tagged_id = sd_story_list_model_get_id (stories, 2700);
  g_signal_connect (stories, "items-changed", G_CALLBACK (changed_cb), changes);
  sd_store_check_library (store); /* what the library is now: the others write after it */

  /* Another process imports a page: its stories come at the end, in one
   * splice there, and every row read before stays as it was. */
  other = sd_store_open (library.path, NULL);
  g_assert_true (sd_store_add_page (other, &next, more, NULL, NULL));
  wait_for_changes (store, stories, changes);
  g_assert_cmpstr (changes->str, ==, "3000,0,50;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stories)), ==, N_STORIES + 50);
  g_assert_true (sd_story_list_model_find (stories, ((SdStory *) more->pdata[49])->id, &position));
  g_assert_cmpuint (position, ==, N_STORIES + 49);
  g_assert_true (sd_story_list_model_get_story (stories, 0) == sd_story_item_get_story (first));
  g_assert_true (sd_story_list_model_get_story (stories, 2500) == sd_story_item_get_story (far));
  g_assert_null (sd_story_list_model_get_story (stories, N_STORIES + 10));

  /* It sends a story to the trash and tags one far down: one row goes, the
   * rows after it move up by one and keep what was read of them; the
   * tagged one is read again, found where it is now. */
  g_assert_true (sd_store_trash (other, SD_TRASH_STORY, gone_id, NULL, NULL));
  g_assert_true (sd_store_add_tag (other, tagged_id, "外部", NULL));
  wait_for_changes (store, stories, changes);
  g_assert_true (g_str_has_prefix (changes->str, "10,1,0;"));
  g_assert_false (sd_story_list_model_find (stories, gone_id, NULL));
  g_assert_cmpint (sd_story_list_model_get_id (stories, 2499), ==, far_id);
  far_after = g_list_model_get_item (G_LIST_MODEL (stories), 2499);
  g_assert_true (far_after == far);
  while ((tagged = sd_story_list_model_lookup (stories, tagged_id)) == NULL || tagged->tags == NULL
         || tagged->tags->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (tagged->tags, 0), ==, "外部");
  g_assert_true (sd_story_list_model_find (stories, tagged_id, &position));
  g_assert_cmpuint (position, ==, 2699);
  g_assert_true (g_str_has_suffix (changes->str, "2699,1,1;"));

  g_source_remove (timeout);
  g_object_unref (other);
  g_clear_object (&first);
  g_clear_object (&far);
  g_clear_object (&far_after);
  library_close (&library);
}

/* The id of the view's row @index */
static gint64
row_id (GtkTreeModel *rows, int index)
{
  GtkTreeIter iter;
  gint64      id = 0;

  g_assert_true (gtk_tree_model_iter_nth_child (rows, &iter, NULL, index));
  gtk_tree_model_get (rows, &iter, 0, &id, -1);
  return id;
}

/* Where the view's first row is in the list, checked against every row
 * the view holds: each is the list's story there. */
static guint
rows_base (GtkTreeModel *rows, SdStoryListModel *stories)
{
  int   n = gtk_tree_model_iter_n_children (rows, NULL);
  guint base;

  g_assert_true (sd_story_list_model_find (stories, row_id (rows, 0), &base));
  for (int i = 0; i < n; i++)
    g_assert_cmpint (row_id (rows, i), ==, sd_story_list_model_get_id (stories, base + i));
  return base;
}

static int
first_shown (GtkTreeView *view)
{
  g_autoptr (GtkTreePath) start = NULL;

  while (!gtk_tree_view_get_visible_range (view, &start, NULL))
    g_main_context_iteration (NULL, TRUE);
  return gtk_tree_path_get_indices (start)[0];
}

/* The id of the row shown 20 pixels under the view's top */
static gint64
id_shown_at_top (GtkTreeView *view)
{
  g_autoptr (GtkTreePath) path = NULL;

  g_assert_true (gtk_tree_view_get_path_at_pos (view, 1, 20, &path, NULL, NULL, NULL));
  return row_id (gtk_tree_view_get_model (view), gtk_tree_path_get_indices (path)[0]);
}

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* @list in @window, 400×300, listing every story of @stories, landed;
 * *@loaded is set again by each later landing. */
static void
show_all_stories (GtkWidget *window, GtkWidget *list, SdStoryListModel *stories, gboolean *loaded)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_container_add (GTK_CONTAINER (window), list);
  gtk_widget_show_all (window);
  sd_story_list_set_model (SD_STORY_LIST (list), stories);
  g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), loaded);
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!*loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

/* The editor's story far down a long list (a search's, kept when the
 * search is cleared): the view holds the rows around it, not every row
 * above it, with it selected and shown; the rows above come as the editor
 * scrolls up, what is shown staying put, and the home key reaches the
 * first; a story gone above them moves them up. */
static void
test_far_story (void)
{
  Library           library;
  SdStoryListModel *stories;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  g_autoptr (GtkTreePath) cursor = NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list));
  GtkTreeModel  *rows;
  gboolean       loaded = FALSE, handled;
  guint          timeout = g_timeout_add_seconds (30, give_up_cb, NULL), base, position;
  gint64         far_id, top_id;
  SdStore       *other;
  int            n_rows, first;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);

  far_id = sd_story_list_model_get_id (stories, 2600);
  g_assert_true (sd_story_list_select_story (SD_STORY_LIST (list), far_id));
  /* the list read again as a new request (a search cleared): the story
   * stays selected, the view holding the rows around it only */
  loaded = FALSE;
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);
  rows = gtk_tree_view_get_model (view);
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  base = rows_base (rows, stories);
  g_assert_cmpuint (base, >, 0);
  g_assert_cmpint (n_rows, <=, 2000);
  gtk_tree_view_get_cursor (view, &cursor, NULL);
  g_assert_nonnull (cursor);
  g_assert_cmpint (gtk_tree_path_get_indices (cursor)[0], ==, 2600 - base);
  /* (scrolled to it with the view's next frame) */
  while ((first = first_shown (view)) > 2600 - (int) base || first + 30 <= 2600 - (int) base)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpuint (rows_base (rows, stories), ==, base);

  /* scrolled to the top of its rows, it takes those above, and what was
   * shown stays where it was */
  gtk_adjustment_set_value (adjustment, 0);
  top_id = id_shown_at_top (view);
  while (rows_base (rows, stories) == base)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpint (id_shown_at_top (view), ==, top_id);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);

  /* a story gone above the view's rows: they move up, the selection kept */
  base = rows_base (rows, stories);
  g_assert_cmpuint (base, >, 10);
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  other = sd_store_open (library.path, NULL);
  sd_store_check_library (library.store);
  g_assert_true (
      sd_store_trash (other, SD_TRASH_STORY, sd_story_list_model_get_id (stories, 10), NULL, NULL));
  loaded = FALSE;
  g_assert_true (sd_store_check_library (library.store));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpuint (rows_base (rows, stories), <, base);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);
  g_assert_true (sd_story_list_model_find (stories, far_id, &position));
  g_assert_cmpuint (position, ==, 2599);

  /* two stories gone, one above the view's rows and one among them: the
   * list tells one change over both, and the editor's story stays */
  g_assert_true (
      sd_store_trash (other, SD_TRASH_STORY, sd_story_list_model_get_id (stories, 10), NULL, NULL));
  g_assert_true (sd_store_trash (other, SD_TRASH_STORY, sd_story_list_model_get_id (stories, 2700),
                                 NULL, NULL));
  loaded = FALSE;
  g_assert_true (sd_store_check_library (library.store));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);
  g_assert_true (sd_story_list_model_find (stories, far_id, &position));
  g_assert_cmpuint (position, ==, 2598);
  g_clear_pointer (&cursor, gtk_tree_path_free);
  gtk_tree_view_get_cursor (view, &cursor, NULL);
  g_assert_nonnull (cursor);
  g_assert_cmpint (gtk_tree_path_get_indices (cursor)[0], ==, 2598 - rows_base (rows, stories));

  /* the home key reaches the list's first story (GTK's own handler then
   * moves the cursor there when the view has the focus, which a window
   * here may not get) */
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, &handled);
  g_assert_cmpuint (rows_base (rows, stories), ==, 0);

  g_source_remove (timeout);
  g_object_unref (other);
  gtk_widget_destroy (window);
  library_close (&library);
}

/* The list read again with story @position selected (a search cleared):
 * the view holds the rows around it only. */
static void
relist_at (GtkWidget *list, SdStoryListModel *stories, guint position)
{
  gboolean loaded = FALSE;
  gulong   handler = g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), &loaded);

  g_assert_true (sd_story_list_select_story (SD_STORY_LIST (list),
                                             sd_story_list_model_get_id (stories, position)));
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_signal_handler_disconnect (stories, handler);
}

/* The home and end keys and select all with the editor's story far down:
 * the view's rows move to that end of the list, never every row between,
 * and select all selects every story listed, however few rows the view
 * has; what acts on the selection gets every story, but those another
 * writer added since; a row chosen ends it. */
static void
test_far_jumps (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  GtkTreeSelection *selection = gtk_tree_view_get_selection (view);
  GtkAdjustment    *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list));
  g_autoptr (GPtrArray) more = make_stories (20, "新");
  SdPageRecord      next = { "next.txt", "next", "UTF-8", "text", 4 };
  SdStoryListModel *stories;
  GtkTreeModel     *rows;
  GArray           *ids;
  gboolean          loaded = FALSE, handled;
  guint             timeout = g_timeout_add_seconds (60, give_up_cb, NULL), base, n;
  gint64            gone_id;
  SdStore          *other;
  int               n_rows;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);
  rows = gtk_tree_view_get_model (view);

  /* Home: the list's first rows, its first story selected */
  relist_at (list, stories, 2600);
  g_assert_cmpuint (rows_base (rows, stories), >, 0);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, &handled);
  g_assert_cmpuint (rows_base (rows, stories), ==, 0);
  /* (the rows around a story: 300 above it, itself and 300 below at most) */
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), <=, 2 * 300 + 1);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==,
                   sd_story_list_model_get_id (stories, 0));
  settle ();
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), <, 2000);

  /* End: the list's last rows, its last story selected */
  relist_at (list, stories, 1500);
  g_assert_cmpuint (rows_base (rows, stories), >, 0);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, &handled);
  base = rows_base (rows, stories);
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  g_assert_cmpuint (base + n_rows, ==, N_STORIES);
  g_assert_cmpint (n_rows, <=, 2 * 300 + 1);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==,
                   sd_story_list_model_get_id (stories, N_STORIES - 1));

  /* select all far down: every story, the view's rows as they were */
  relist_at (list, stories, 2600);
  base = rows_base (rows, stories);
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  g_assert_cmpuint (base, >, 0);
  g_signal_emit_by_name (view, "select-all", &handled);
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), ==, n_rows);
  g_assert_cmpint (gtk_tree_selection_count_selected_rows (selection), ==, n_rows);
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, N_STORIES);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, sd_story_list_model_get_id (stories, i));
  g_array_unref (ids);

  /* the rows above taken as the editor scrolls up show selected too */
  gtk_adjustment_set_value (adjustment, 0);
  while (rows_base (rows, stories) == base)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpint (gtk_tree_selection_count_selected_rows (selection), ==,
                   gtk_tree_model_iter_n_children (rows, NULL));
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), <, N_STORIES);

  /* another writer adds a page and trashes a story: the new stories are
   * not selected, the one gone is no longer, the rest still are */
  other = sd_store_open (library.path, NULL);
  sd_store_check_library (library.store);
  gone_id = sd_story_list_model_get_id (stories, 5);
  g_assert_true (sd_store_add_page (other, &next, more, NULL, NULL));
  g_assert_true (sd_store_trash (other, SD_TRASH_STORY, gone_id, NULL, NULL));
  loaded = FALSE;
  g_assert_true (sd_store_check_library (library.store));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stories)), ==, N_STORIES - 1 + 20);
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, N_STORIES - 1);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpint (g_array_index (ids, gint64, i), !=, gone_id);
      for (guint j = 0; j < more->len; j++)
        g_assert_cmpint (g_array_index (ids, gint64, i), !=, ((SdStory *) more->pdata[j])->id);
    }
  g_array_unref (ids);

  /* one story chosen: the selection is that story alone */
  g_assert_true (sd_story_list_select_story (SD_STORY_LIST (list),
                                             sd_story_list_model_get_id (stories, 2000)));
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  n = ids->len;
  g_array_unref (ids);
  g_assert_cmpuint (n, ==, 1);

  g_source_remove (timeout);
  g_object_unref (other);
  gtk_widget_destroy (window);
  library_close (&library);
}

/* The scroll bar's slider, as the editor presses it (@pressed) or lets it
 * go, on the list's bar */
static void
press_bar (GtkWidget *list, gboolean pressed)
{
  GtkWidget *bar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (list));
  GdkEvent  *event = gdk_event_new (pressed ? GDK_BUTTON_PRESS : GDK_BUTTON_RELEASE);
  gboolean   handled;

  event->button.button = GDK_BUTTON_PRIMARY;
  event->button.window = g_object_ref (gtk_widget_get_window (bar));
  g_signal_emit_by_name (bar, pressed ? "button-press-event" : "button-release-event", event,
                         &handled);
  gdk_event_free (event);
}

/* The scroll bar dragged to its top with the editor's story far down: no
 * rows are taken while the slider is held; let go of, the view holds the
 * list's first rows, and the editor's story is still the selection, by
 * id, though the view no longer has its row. */
static void
test_far_drag (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  GtkAdjustment    *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list));
  SdStoryListModel *stories;
  GtkTreeModel     *rows;
  GArray           *ids;
  gboolean          loaded = FALSE;
  guint             timeout = g_timeout_add_seconds (60, give_up_cb, NULL), base;
  gint64            far_id;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);
  rows = gtk_tree_view_get_model (view);
  relist_at (list, stories, 2600);
  far_id = sd_story_list_model_get_id (stories, 2600);
  while (first_shown (view) > 2600 - (int) rows_base (rows, stories))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  base = rows_base (rows, stories);
  g_assert_cmpuint (base, >, 0);

  press_bar (list, TRUE);
  gtk_adjustment_set_value (adjustment, 0);
  settle ();
  g_assert_cmpuint (rows_base (rows, stories), ==, base);
  press_bar (list, FALSE);
  g_assert_cmpuint (rows_base (rows, stories), ==, 0);
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), <=, 2 * 300 + 1);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, far_id);
  g_array_unref (ids);

  /* chosen again: its row is the selection, held no more */
  g_assert_true (sd_story_list_select_story (SD_STORY_LIST (list), far_id));
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, 1);
  g_array_unref (ids);

  g_source_remove (timeout);
  gtk_widget_destroy (window);
  library_close (&library);
}

/* Select all pressed as a list arrives, its first rows in and the
 * editor's story awaited in the rest (from the first rows' landing, a
 * longer list replaced by them, as the editor would between the two) */
static void
select_all_early_cb (
    GListModel *stories, guint position, guint removed, guint added, GtkTreeView *view)
{
  gboolean handled;

  if (position != 0 || removed <= added
      || !sd_story_list_model_is_reading (SD_STORY_LIST_MODEL (stories))
      || g_object_get_data (G_OBJECT (view), "pressed") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "pressed", view);
  g_signal_emit_by_name (view, "select-all", &handled);
}

/* The editor's story far down, the list read again (a search cleared),
 * select all pressed before the rest of it came: the rest lands without
 * taking the view back to the story, every story stays selected. */
static void
test_select_all_arriving (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  SdStoryListModel *stories;
  g_autoptr (GArray) ids = NULL;
  gboolean loaded = FALSE;
  guint    timeout = g_timeout_add_seconds (60, give_up_cb, NULL);
  gulong   handler;
  SdStore *other;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);

  /* (a list read before and unchanged since comes whole at once: a story
   * another writer trashed makes it come first rows first) */
  other = sd_store_open (library.path, NULL);
  g_assert_true (sd_store_trash (other, SD_TRASH_STORY, sd_story_list_model_get_id (stories, 2900),
                                 NULL, NULL));
  handler = g_signal_connect (stories, "items-changed", G_CALLBACK (select_all_early_cb), view);
  relist_at (list, stories, 2600);
  g_signal_handler_disconnect (stories, handler);
  g_assert_nonnull (g_object_get_data (G_OBJECT (view), "pressed"));
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, N_STORIES - 1);
  g_assert_cmpint (gtk_tree_selection_count_selected_rows (gtk_tree_view_get_selection (view)), ==,
                   gtk_tree_model_iter_n_children (gtk_tree_view_get_model (view), NULL));

  g_source_remove (timeout);
  g_object_unref (other);
  gtk_widget_destroy (window);
  library_close (&library);
}

/* Two stories far down selected, the scroll bar dragged to the top: both
 * are held by id, neither is the one story selected; one trashed by
 * another writer is selected no more, the other still is. */
static void
test_held_gone (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  GtkAdjustment    *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list));
  SdStoryListModel *stories;
  GtkTreeModel     *rows;
  g_autoptr (GtkTreePath) path = NULL;
  GArray  *ids;
  gboolean loaded = FALSE;
  guint    timeout = g_timeout_add_seconds (60, give_up_cb, NULL);
  gint64   gone_id, kept_id;
  SdStore *other;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);
  rows = gtk_tree_view_get_model (view);
  relist_at (list, stories, 2600);
  gone_id = sd_story_list_model_get_id (stories, 2600);
  kept_id = sd_story_list_model_get_id (stories, 2601);
  path = gtk_tree_path_new_from_indices (2601 - rows_base (rows, stories), -1);
  gtk_tree_selection_select_path (gtk_tree_view_get_selection (view), path);

  press_bar (list, TRUE);
  gtk_adjustment_set_value (adjustment, 0);
  settle ();
  press_bar (list, FALSE);
  g_assert_cmpuint (rows_base (rows, stories), ==, 0);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, 0);
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, 2);
  g_array_unref (ids);

  other = sd_store_open (library.path, NULL);
  sd_store_check_library (library.store);
  g_assert_true (sd_store_trash (other, SD_TRASH_STORY, gone_id, NULL, NULL));
  loaded = FALSE;
  g_assert_true (sd_store_check_library (library.store));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, kept_id);
  g_array_unref (ids);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, kept_id);

  g_source_remove (timeout);
  g_object_unref (other);
  gtk_widget_destroy (window);
  library_close (&library);
}

/* The list read again until it has @n stories */
static void
reload_until (Library *library, guint n)
{
  g_assert_true (sd_store_check_library (library->store));
  while (g_list_model_get_n_items (G_LIST_MODEL (library->stories)) != n)
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

/* Every story selected, one leaves the list and comes back in a later
 * change (trashed by another writer, then restored): it was listed, so it
 * is selected still, as a story moved in one change is. */
static void
test_select_all_moved (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  SdStoryListModel *stories;
  g_autoptr (GArray) ids = NULL;
  gboolean loaded = FALSE, handled, found = FALSE;
  guint    timeout = g_timeout_add_seconds (60, give_up_cb, NULL);
  gint64   moved_id;
  SdStore *other;

  library_open (&library);
  stories = library.stories;
  gtk_container_add (GTK_CONTAINER (window), list);
  gtk_widget_show_all (window);
  sd_story_list_set_model (SD_STORY_LIST (list), stories);
  g_signal_connect (stories, "loaded", G_CALLBACK (loaded_cb), &loaded);
  sd_story_list_model_set_request (stories, &(SdScope){ SD_SCOPE_ALL });
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  g_signal_emit_by_name (view, "select-all", &handled);

  other = sd_store_open (library.path, NULL);
  sd_store_check_library (library.store);
  moved_id = sd_story_list_model_get_id (stories, 5);
  g_assert_true (sd_store_trash (other, SD_TRASH_STORY, moved_id, NULL, NULL));
  reload_until (&library, N_STORIES - 1);
  g_assert_true (sd_store_restore (other, SD_TRASH_STORY, moved_id, NULL, NULL));
  reload_until (&library, N_STORIES);
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, N_STORIES);
  for (guint i = 0; i < ids->len; i++)
    found = found || g_array_index (ids, gint64, i) == moved_id;
  g_assert_true (found);

  g_source_remove (timeout);
  g_object_unref (other);
  gtk_widget_destroy (window);
  library_close (&library);
}

/* Key @keyval with @state pressed in @window, as the X server sends it:
 * to the toplevel, which gives it to its focus widget. */
static void
press_key (GtkWidget *window, guint keyval, GdkModifierType state)
{
  GdkDisplay   *display = gtk_widget_get_display (window);
  GdkEvent     *event = gdk_event_new (GDK_KEY_PRESS);
  GdkKeymapKey *keys = NULL;
  int           n_keys = 0;

  g_assert_true (gdk_keymap_get_entries_for_keyval (gdk_keymap_get_for_display (display), keyval,
                                                    &keys, &n_keys));
  event->key.window = g_object_ref (gtk_widget_get_window (window));
  event->key.send_event = TRUE;
  event->key.time = GDK_CURRENT_TIME;
  event->key.keyval = keyval;
  event->key.state = state;
  event->key.hardware_keycode = keys[0].keycode;
  event->key.group = keys[0].group;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
  gtk_main_do_event (event);
  gdk_event_free (event);
  g_free (keys);
}

/* Ctrl+Home with the editor's story far down: the view's rows move to the
 * list's top and the cursor to its first story, the selection kept (the
 * story, held by id), as GTK's Ctrl+Home moves the cursor only. */
static void
test_ctrl_home (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  SdStoryListModel *stories;
  GtkTreeModel     *rows;
  g_autoptr (GtkTreePath) cursor = NULL;
  g_autoptr (GArray) ids = NULL;
  gboolean loaded = FALSE;
  guint    timeout = g_timeout_add_seconds (60, give_up_cb, NULL);
  gint64   far_id;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);
  rows = gtk_tree_view_get_model (view);
  relist_at (list, stories, 2600);
  far_id = sd_story_list_model_get_id (stories, 2600);
  g_assert_cmpuint (rows_base (rows, stories), >, 0);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  press_key (window, GDK_KEY_Home, GDK_CONTROL_MASK);
  g_assert_cmpuint (rows_base (rows, stories), ==, 0);
  gtk_tree_view_get_cursor (view, &cursor, NULL);
  g_assert_nonnull (cursor);
  g_assert_cmpint (gtk_tree_path_get_indices (cursor)[0], ==, 0);
  ids = sd_story_list_dup_selected_ids (SD_STORY_LIST (list));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, far_id);
  g_assert_cmpint (sd_story_list_get_selected (SD_STORY_LIST (list)), ==, far_id);

  g_source_remove (timeout);
  gtk_widget_destroy (window);
  library_close (&library);
}

static gboolean
set_true_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* The scroll bar's slider pressed, the bar unmapped before it is let go
 * of (its grab gone with it, no release nor grab-broken to come): the
 * drag is over, and the view takes rows again as it is scrolled. */
static void
test_bar_unmapped (void)
{
  Library           library;
  GtkWidget        *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget        *list = g_object_new (SD_TYPE_STORY_LIST, NULL);
  GtkTreeView      *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (list)));
  GtkAdjustment    *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (list));
  GtkWidget        *bar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (list));
  SdStoryListModel *stories;
  GtkTreeModel     *rows;
  gboolean          loaded = FALSE, waited = FALSE;
  guint             timeout = g_timeout_add_seconds (60, give_up_cb, NULL), late;
  int               n_rows;

  library_open (&library);
  stories = library.stories;
  show_all_stories (window, list, stories, &loaded);
  rows = gtk_tree_view_get_model (view);
  n_rows = gtk_tree_model_iter_n_children (rows, NULL);
  g_assert_cmpint (n_rows, <, N_STORIES);

  press_bar (list, TRUE);
  gtk_widget_unmap (bar);
  gtk_widget_map (bar);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
  /* (the rows come in the next idle slices: a few seconds is ample) */
  late = g_timeout_add_seconds (5, set_true_cb, &waited);
  while (gtk_tree_model_iter_n_children (rows, NULL) <= n_rows && !waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_tree_model_iter_n_children (rows, NULL), >, n_rows);

  if (!waited)
    g_source_remove (late);
  g_source_remove (timeout);
  gtk_widget_destroy (window);
  library_close (&library);
}

int
main (int argc, char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/story-list/long-list", test_long_list);
  g_test_add_func ("/story-list/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/story-list/far-story", test_far_story);
  g_test_add_func ("/story-list/far-jumps", test_far_jumps);
  g_test_add_func ("/story-list/far-drag", test_far_drag);
  g_test_add_func ("/story-list/select-all-arriving", test_select_all_arriving);
  g_test_add_func ("/story-list/held-gone", test_held_gone);
  g_test_add_func ("/story-list/select-all-moved", test_select_all_moved);
  g_test_add_func ("/story-list/ctrl-home", test_ctrl_home);
  g_test_add_func ("/story-list/bar-unmapped", test_bar_unmapped);
  return g_test_run ();
}
