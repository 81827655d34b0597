/* test-place-tree.c — the place tree follows the library's counts (#16
 * item 3): new counts for the same rows are set in place, so that an
 * import's stream of them moves no row and keeps the editor's node; a new
 * row (a saved search) builds the tree again, the node still chosen
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "sd-place-tree.h"
#include "sd-store.h"

#define SUZHOU "3205"

/* the model's count column (sd-place-tree-private.h) */
#define COLUMN_COUNT 3

static GHashTable *
make_counts (gint64 suzhou, gint64 unplaced)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (counts, g_strdup (SUZHOU), g_memdup2 (&suzhou, sizeof suzhou));
  g_hash_table_insert (counts, g_strdup (""), g_memdup2 (&unplaced, sizeof unplaced));
  return counts;
}

static gint64
count_at (GtkTreeRowReference *row)
{
  g_autoptr (GtkTreePath) path = gtk_tree_row_reference_get_path (row);
  GtkTreeModel *model = gtk_tree_row_reference_get_model (row);
  GtkTreeIter   iter;
  gint64        count;

  g_assert_true (gtk_tree_model_get_iter (model, &iter, path));
  gtk_tree_model_get (model, &iter, COLUMN_COUNT, &count, -1);
  return count;
}

static GtkTreeRowReference *
row_at (GtkTreeModel *model, GtkTreeIter *iter)
{
  g_autoptr (GtkTreePath) path = gtk_tree_model_get_path (model, iter);
  return gtk_tree_row_reference_new (model, path);
}

static void
changed_cb (SdPlaceTree *tree, guint *n_changed)
{
  (*n_changed)++;
}

static void
test_counts_in_place (void)
{
  GtkWidget   *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  SdPlaceTree *tree = g_object_new (SD_TYPE_PLACE_TREE, NULL);
  GtkTreeView *view = GTK_TREE_VIEW (gtk_bin_get_child (GTK_BIN (tree)));
  g_autoptr (GHashTable) counts = make_counts (10, 5);
  g_autoptr (GHashTable) more = make_counts (12, 5);
  g_autoptr (GHashTable) yet_more = make_counts (20, 6);
  g_autoptr (GPtrArray) searches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GtkTreeRowReference) all = NULL;
  g_autoptr (GtkTreeRowReference) suzhou = NULL;
  g_autofree char *code = NULL;
  SdSavedSearch   *search = g_new0 (SdSavedSearch, 1);
  GtkTreeModel    *model;
  GtkTreeIter      iter;
  guint            n_changed = 0;

  gtk_container_add (GTK_CONTAINER (window), GTK_WIDGET (tree));
  gtk_widget_show_all (window);
  sd_place_tree_set_counts (tree, counts);
  model = gtk_tree_view_get_model (view);

  /* 苏州市 found by its key, and chosen; 全部稿件 first */
  sd_place_tree_restore (tree, "place:" SUZHOU, NULL);
  g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
  all = row_at (model, &iter);
  g_assert_cmpint (sd_place_tree_get_selected (tree, &code), ==, SD_SCOPE_PLACE);
  g_assert_cmpstr (code, ==, SUZHOU);
  g_assert_true (gtk_tree_selection_get_selected (gtk_tree_view_get_selection (view), NULL, &iter));
  suzhou = row_at (model, &iter);
  g_assert_cmpint (count_at (all), ==, 15);
  g_assert_cmpint (count_at (suzhou), ==, 10);
  g_signal_connect (tree, "selection-changed", G_CALLBACK (changed_cb), &n_changed);

  /* New counts, the same rows: set where they are (a rebuild would empty
   * the model, and every row reference with it). */
  sd_place_tree_set_counts (tree, more);
  g_assert_true (gtk_tree_row_reference_valid (suzhou));
  g_assert_true (gtk_tree_row_reference_valid (all));
  g_assert_cmpint (count_at (suzhou), ==, 12);
  g_assert_cmpint (count_at (all), ==, 17);
  g_assert_cmpuint (n_changed, ==, 0);

  /* A saved search is a row more: the tree is built again, its counts
   * right, 苏州市 still chosen. */
  search->name = (char *) "党建";
  search->query = (char *) "党建";
  search->count = 3;
  g_ptr_array_add (searches, search);
  sd_place_tree_set_saved_searches (tree, searches);
  sd_place_tree_set_counts (tree, yet_more);
  g_assert_false (gtk_tree_row_reference_valid (suzhou));
  g_clear_pointer (&code, g_free);
  g_assert_cmpint (sd_place_tree_get_selected (tree, &code), ==, SD_SCOPE_PLACE);
  g_assert_cmpstr (code, ==, SUZHOU);
  g_assert_true (gtk_tree_selection_get_selected (gtk_tree_view_get_selection (view), NULL, &iter));
  g_clear_pointer (&suzhou, gtk_tree_row_reference_free);
  suzhou = row_at (model, &iter);
  g_assert_cmpint (count_at (suzhou), ==, 20);
  g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
  g_clear_pointer (&all, gtk_tree_row_reference_free);
  all = row_at (model, &iter);
  g_assert_cmpint (count_at (all), ==, 26);

  gtk_widget_destroy (window);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/place-tree/counts-in-place", test_counts_in_place);
  return g_test_run ();
}
