/* sd-place-tree-keys.c — the tree's nodes by key, so the window opens
 * where the editor left it: the node selected and the rows open
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-place-tree"

#include "config.h"

#include "sd-gazetteer.h"
#include "sd-place-tree-private.h"

/* Where the editor was: a node by what it is, not by its row, as rows come
 * and go with the counts.  "place:320509", "search:NAME", "date:2022-11",
 * "scope:N" (all stories, unplaced), "group:NAME" for a row that only
 * groups others. */
char *
_sd_place_tree_dup_row_key (SdPlaceTree *self, GtkTreeIter *iter)
{
  GtkTreeModel    *model = GTK_TREE_MODEL (self->model);
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *query = NULL;
  int              scope;

  g_autofree char *date = NULL;

  gtk_tree_model_get (model, iter, COLUMN_NAME, &name, COLUMN_CODE, &code, COLUMN_SCOPE, &scope,
                      COLUMN_QUERY, &query, COLUMN_DATE, &date, -1);
  if (date != NULL)
    return g_strconcat ("date:", date, NULL);
  if (query != NULL)
    return g_strconcat ("search:", name, NULL);
  if (code != NULL)
    return g_strconcat ("place:", code, NULL);
  if (gtk_tree_model_iter_has_child (model, iter))
    return g_strconcat ("group:", name, NULL);
  return g_strdup_printf ("scope:%d", scope);
}

typedef struct
{
  SdPlaceTree *self;
  const char  *key;
  GtkTreePath *found;
} FindKey;

static gboolean
find_key_cb (GtkTreeModel *model, GtkTreePath *path, GtkTreeIter *iter, gpointer data)
{
  FindKey         *find = data;
  g_autofree char *key = _sd_place_tree_dup_row_key (find->self, iter);

  if (!g_str_equal (key, find->key))
    return FALSE;
  find->found = gtk_tree_path_copy (path);
  return TRUE;
}

static GtkTreePath *
find_key (SdPlaceTree *self, const char *key)
{
  FindKey find = { self, key, NULL };

  gtk_tree_model_foreach (GTK_TREE_MODEL (self->model), find_key_cb, &find);
  return find.found;
}

gboolean
_sd_place_tree_select_key (SdPlaceTree *self, const char *key)
{
  g_autoptr (GtkTreePath) path = find_key (self, key);
  g_autoptr (GtkTreePath) parent = NULL;

  if (path == NULL)
    return FALSE;
  /* Its parents open; the node itself as it was. */
  parent = gtk_tree_path_copy (path);
  if (gtk_tree_path_up (parent) && gtk_tree_path_get_depth (parent) > 0)
    gtk_tree_view_expand_to_path (self->tree_view, parent);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, FALSE, 0, 0);
  return TRUE;
}

void
_sd_place_tree_expand_keys (SdPlaceTree *self, const char *const *keys)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autoptr (GtkTreePath) path = find_key (self, keys[i]);
      if (path != NULL)
        gtk_tree_view_expand_to_path (self->tree_view, path);
    }
}

static void
add_expanded_cb (GtkTreeView *tree_view, GtkTreePath *path, gpointer data)
{
  GPtrArray   *keys = data;
  SdPlaceTree *self = g_ptr_array_index (keys, 0);
  GtkTreeIter  iter;

  if (gtk_tree_model_get_iter (GTK_TREE_MODEL (self->model), &iter, path))
    g_ptr_array_add (keys, _sd_place_tree_dup_row_key (self, &iter));
}

/**
 * sd_place_tree_dup_expanded:
 *
 * Returns: (transfer full): the keys of the expanded rows, parents first
 */
GStrv
sd_place_tree_dup_expanded (SdPlaceTree *self)
{
  GPtrArray *keys = g_ptr_array_new ();

  g_return_val_if_fail (SD_IS_PLACE_TREE (self), NULL);

  g_ptr_array_add (keys, self); /* taken out below */
  gtk_tree_view_map_expanded_rows (self->tree_view, add_expanded_cb, keys);
  g_ptr_array_remove_index (keys, 0);
  g_ptr_array_add (keys, NULL);
  return (GStrv) g_ptr_array_free (keys, FALSE);
}

/* The selected node's key, or NULL. (transfer full) */
char *
sd_place_tree_dup_selected_key (SdPlaceTree *self)
{
  GtkTreeIter iter;

  g_return_val_if_fail (SD_IS_PLACE_TREE (self), NULL);

  if (!gtk_tree_selection_get_selected (self->selection, NULL, &iter))
    return NULL;
  return _sd_place_tree_dup_row_key (self, &iter);
}

/**
 * sd_place_tree_restore:
 * @selected: (nullable): the key of the node to select
 * @expanded: (nullable): the keys of the rows to expand
 *
 * Goes back to where the editor was, now or once the counts have come and
 * the tree is built; a node no longer there is passed over.
 */
void
sd_place_tree_restore (SdPlaceTree *self, const char *selected, const char *const *expanded)
{
  g_return_if_fail (SD_IS_PLACE_TREE (self));

  g_free (self->pending_key);
  self->pending_key = selected != NULL && *selected != '\0' ? g_strdup (selected) : NULL;
  g_strfreev (self->pending_rows);
  self->pending_rows = g_strdupv ((GStrv) expanded);
  if (self->counts != NULL)
    _sd_place_tree_rebuild (self);
}

gboolean
sd_place_tree_scope_of_key (const char *key, SdScopeKind *out_kind, char **out_code)
{
  gint64 kind = -1;

  *out_code = NULL;
  /* no key: the first row, 全部稿件 */
  if (key == NULL || *key == '\0')
    kind = SD_SCOPE_ALL;
  else if (g_str_has_prefix (key, "scope:"))
    g_ascii_string_to_signed (key + strlen ("scope:"), 10, 0, G_MAXINT, &kind, NULL);
  /* a batch's key is "place:ID" too: only a code the gazetteer knows */
  else if (g_str_has_prefix (key, "place:")
           && sd_gazetteer_lookup (sd_gazetteer_get_default (), key + strlen ("place:")) != NULL)
    {
      *out_kind = SD_SCOPE_PLACE;
      *out_code = g_strdup (key + strlen ("place:"));
      return TRUE;
    }
  if (kind != SD_SCOPE_ALL && kind != SD_SCOPE_UNPLACED)
    return FALSE;
  *out_kind = kind;
  return TRUE;
}
