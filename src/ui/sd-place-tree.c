/* sd-place-tree.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-place-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-gazetteer.h"
#include "sd-cell-language.h"
#include "sd-place-tree-private.h"

enum
{
  SELECTION_CHANGED,
  STORIES_DROPPED,
  N_SIGNALS
};

#define STORY_IDS_TARGET "application/x-storydesk-story-ids"

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdPlaceTree, sd_place_tree, GTK_TYPE_SCROLLED_WINDOW)

static gint64
count_exactly (SdPlaceTree *self, const char *code)
{
  const gint64 *count = self->counts != NULL ? g_hash_table_lookup (self->counts, code) : NULL;
  return count != NULL ? *count : 0;
}

void
_sd_place_tree_set_row (SdPlaceTree *self,
                        GtkTreeIter *iter,
                        const char  *name,
                        const char  *code,
                        SdScopeKind  scope,
                        gint64       count)
{
  g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gtk_tree_store_set (self->model, iter, COLUMN_NAME, name, COLUMN_CODE, code, COLUMN_SCOPE, scope,
                      COLUMN_COUNT, count, COLUMN_COUNT_TEXT, count_text, -1);
}

static void
add_places (SdPlaceTree   *self,
            SdGazetteer   *gazetteer,
            GtkTreeIter   *parent,
            const SdPlace *place,
            GHashTable    *subtree_counts)
{
  g_autoptr (GPtrArray) children = sd_gazetteer_get_children (gazetteer, place->code);

  for (guint i = 0; i < children->len; i++)
    {
      const SdPlace *child = g_ptr_array_index (children, i);
      const gint64  *count = g_hash_table_lookup (subtree_counts, child->code);
      GtkTreeIter    iter;

      /* Cities always show, so the tree reads as the province; districts
       * and towns only when they hold stories, unless asked otherwise.
       * Towns without stories never show: there are over a thousand. */
      if (count == NULL
          && (child->level == SD_PLACE_LEVEL_TOWN
              || (self->hide_empty && child->level != SD_PLACE_LEVEL_CITY)))
        continue;
      gtk_tree_store_append (self->model, &iter, parent);
      _sd_place_tree_set_row (self, &iter, child->name, child->code, SD_SCOPE_PLACE,
                              count ? *count : 0);
      if (child->level != SD_PLACE_LEVEL_TOWN)
        add_places (self, gazetteer, &iter, child, subtree_counts);
    }
}

/* Sums the exact counts up the code prefixes, in one pass over the counts. */
static GHashTable *
sum_subtree_counts (SdPlaceTree *self, SdGazetteer *gazetteer)
{
  GHashTable    *sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SdPlace *place =
          *(const char *) key != '\0' ? sd_gazetteer_lookup (gazetteer, key) : NULL;
      for (; place != NULL; place = place->parent_code != NULL
                                        ? sd_gazetteer_lookup (gazetteer, place->parent_code)
                                        : NULL)
        {
          gint64 *sum = g_hash_table_lookup (sums, place->code);
          if (sum == NULL)
            {
              sum = g_new0 (gint64, 1);
              g_hash_table_insert (sums, g_strdup (place->code), sum);
            }
          *sum += *(const gint64 *) value;
        }
    }
  return sums;
}

static gboolean
find_row (SdPlaceTree *self,
          SdScopeKind  scope,
          const char  *code,
          GtkTreeIter *parent,
          GtkTreeIter *out_iter)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->model);
  GtkTreeIter   iter;

  if (!gtk_tree_model_iter_children (model, &iter, parent))
    return FALSE;
  do
    {
      g_autofree char *row_code = NULL;
      int              row_scope;

      gtk_tree_model_get (model, &iter, COLUMN_SCOPE, &row_scope, COLUMN_CODE, &row_code, -1);
      if ((SdScopeKind) row_scope == scope
          && ((scope != SD_SCOPE_PLACE && scope != SD_SCOPE_BATCH)
              || g_strcmp0 (row_code, code) == 0))
        {
          *out_iter = iter;
          return TRUE;
        }
      if (scope == SD_SCOPE_PLACE && row_code != NULL && g_str_has_prefix (code, row_code)
          && find_row (self, scope, code, &iter, out_iter))
        return TRUE;
      if (scope == SD_SCOPE_BATCH && gtk_tree_model_iter_has_child (model, &iter)
          && find_row (self, scope, code, &iter, out_iter))
        return TRUE;
    }
  while (gtk_tree_model_iter_next (model, &iter));
  return FALSE;
}

/* 导入批次: each import run with the stories it brought that are not in
 * the trash; the sample pages the window brought on its first run are 示例. */
static void
add_batches (SdPlaceTree *self)
{
  GtkTreeIter group;
  gboolean    any = FALSE;

  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      const SdBatch   *batch = g_ptr_array_index (self->batches, i);
      g_autofree char *code = g_strdup_printf ("%" G_GINT64_FORMAT, batch->id);
      g_autofree char *name = NULL;
      GtkTreeIter      iter;

      if (batch->n_stories == 0 || strlen (batch->started) < 16)
        continue;
      if (!any)
        {
          gtk_tree_store_append (self->model, &group, NULL);
          _sd_place_tree_set_row (self, &group, _("Import batches"), NULL, SD_SCOPE_ALL, 0);
          gtk_tree_store_set (self->model, &group, COLUMN_COUNT_TEXT, "", -1);
          any = TRUE;
        }
      if (batch->kind == SD_BATCH_SAMPLE)
        name = g_strdup (_("Sample pages"));
      else
        /* TRANSLATORS: an import batch: when (month-day hour:minute, UTC),
         * and its first page file */
        name = g_strdup_printf (_("%.5s %.5s · %s"), batch->started + 5, batch->started + 11,
                                   batch->first_file ? batch->first_file : "");
      gtk_tree_store_append (self->model, &iter, &group);
      _sd_place_tree_set_row (self, &iter, name, code, SD_SCOPE_BATCH, batch->n_stories);
    }
  if (any)
    _sd_place_tree_expand_row (self, &group);
}

/* Opens @iter's row, when the tree shows this model (not one built aside). */
void
_sd_place_tree_expand_row (SdPlaceTree *self, GtkTreeIter *iter)
{
  g_autoptr (GtkTreePath) path = NULL;

  if (gtk_tree_view_get_model (self->tree_view) != GTK_TREE_MODEL (self->model))
    return;
  path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->model), iter);
  gtk_tree_view_expand_row (self->tree_view, path, FALSE);
}

/* Every row, from what was last set, into the empty self->model. */
static void
fill_rows (SdPlaceTree *self, GtkTreeIter *province_iter)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *province = sd_gazetteer_get_province (gazetteer);
  g_autoptr (GHashTable) sums = sum_subtree_counts (self, gazetteer);
  GtkTreeIter    iter;
  gint64         total = 0;
  GHashTableIter count_iter;
  gpointer       value;
  const gint64  *province_count;

  g_hash_table_iter_init (&count_iter, self->counts);
  while (g_hash_table_iter_next (&count_iter, NULL, &value))
    total += *(const gint64 *) value;

  gtk_tree_store_append (self->model, &iter, NULL);
  _sd_place_tree_set_row (self, &iter, _("All stories"), NULL, SD_SCOPE_ALL, total);

  gtk_tree_store_append (self->model, province_iter, NULL);
  province_count = g_hash_table_lookup (sums, province->code);
  _sd_place_tree_set_row (self, province_iter, province->name, province->code, SD_SCOPE_PLACE,
                          province_count ? *province_count : 0);
  add_places (self, gazetteer, province_iter, province, sums);

  gtk_tree_store_append (self->model, &iter, NULL);
  _sd_place_tree_set_row (self, &iter,
                          _("Unplaced"), NULL, SD_SCOPE_UNPLACED, count_exactly (self, ""));
  _sd_place_tree_add_dates (self);

  if (self->searches != NULL && self->searches->len > 0)
    {
      GtkTreeIter group;

      gtk_tree_store_append (self->model, &group, NULL);
      _sd_place_tree_set_row (self, &group,
                              _("Saved searches"), NULL, SD_SCOPE_ALL, self->searches->len);
      gtk_tree_store_set (self->model, &group, COLUMN_COUNT_TEXT, "", -1);
      for (guint i = 0; i < self->searches->len; i++)
        {
          const SdSavedSearch *search = g_ptr_array_index (self->searches, i);
          GtkTreeIter          child;

          gtk_tree_store_append (self->model, &child, &group);
          _sd_place_tree_set_row (self, &child, search->name, NULL, SD_SCOPE_ALL,
                                  MAX (search->count, 0));
          gtk_tree_store_set (self->model, &child, COLUMN_QUERY, search->query, -1);
          if (search->count < 0)
            gtk_tree_store_set (self->model, &child, COLUMN_COUNT_TEXT, "!", -1);
        }
      _sd_place_tree_expand_row (self, &group);
    }

  add_batches (self);
  gtk_tree_store_append (self->model, &iter, NULL);
  _sd_place_tree_set_row (self, &iter, _("Trash"), NULL, SD_SCOPE_TRASH, self->n_trashed);
}

void
_sd_place_tree_rebuild (SdPlaceTree *self)
{
  g_autofree char *selected_code = NULL;
  SdScopeKind      selected = sd_place_tree_get_selected (self, &selected_code);
  g_autofree char *selected_key = sd_place_tree_dup_selected_key (self);
  GtkTreeIter      iter, province_iter;
  g_auto (GStrv) expanded = sd_place_tree_dup_expanded (self);

  self->rebuilding = TRUE;
  gtk_tree_store_clear (self->model);
  fill_rows (self, &province_iter);
  _sd_place_tree_expand_row (self, &province_iter);
  /* The rows the editor opened stay open; the first build opens those of
   * the last session. */
  _sd_place_tree_expand_keys (
      self, (const char *const *) (self->pending_rows ? self->pending_rows : expanded));
  g_clear_pointer (&self->pending_rows, g_strfreev);
  self->rebuilding = FALSE;

  if (self->pending_key != NULL && _sd_place_tree_select_key (self, self->pending_key))
    g_clear_pointer (&self->pending_key, g_free);
  /* a day is found by its key: it has no code and its scope is 全部稿件's */
  else if (g_str_has_prefix (selected_key ? selected_key : "", "date:")
           && _sd_place_tree_select_key (self, selected_key))
    ;
  else if (find_row (self, selected, selected_code, NULL, &iter))
    {
      g_autoptr (GtkTreePath) path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->model), &iter);
      gtk_tree_view_expand_to_path (self->tree_view, path);
      gtk_tree_selection_select_iter (self->selection, &iter);
    }
  else if (gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->model), &iter))
    gtk_tree_selection_select_iter (self->selection, &iter);
}

/* Whether @shown's rows under @s_parent are @aside's under @a_parent, one
 * for one (name, code, kind, query, day); with @set, the counts of those
 * that differ are set from @aside's. */
static gboolean
lay_over (GtkTreeModel *shown,
          GtkTreeIter  *s_parent,
          GtkTreeModel *aside,
          GtkTreeIter  *a_parent,
          gboolean      set)
{
  GtkTreeIter s, a;
  gboolean    s_more = gtk_tree_model_iter_children (shown, &s, s_parent);
  gboolean    a_more = gtk_tree_model_iter_children (aside, &a, a_parent);
  gboolean    same = TRUE;

  for (; same && s_more && a_more;
       s_more = gtk_tree_model_iter_next (shown, &s), a_more = gtk_tree_model_iter_next (aside, &a))
    {
      char  *s_text[5], *a_text[5];
      int    s_scope, a_scope;
      gint64 s_count, a_count;

      gtk_tree_model_get (shown, &s, COLUMN_NAME, &s_text[0], COLUMN_CODE, &s_text[1], COLUMN_QUERY,
                          &s_text[2], COLUMN_DATE, &s_text[3], COLUMN_COUNT_TEXT, &s_text[4],
                          COLUMN_SCOPE, &s_scope, COLUMN_COUNT, &s_count, -1);
      gtk_tree_model_get (aside, &a, COLUMN_NAME, &a_text[0], COLUMN_CODE, &a_text[1], COLUMN_QUERY,
                          &a_text[2], COLUMN_DATE, &a_text[3], COLUMN_COUNT_TEXT, &a_text[4],
                          COLUMN_SCOPE, &a_scope, COLUMN_COUNT, &a_count, -1);
      same = s_scope == a_scope;
      for (guint i = 0; i < 4; i++)
        same = same && g_strcmp0 (s_text[i], a_text[i]) == 0;
      same = same && lay_over (shown, &s, aside, &a, set);
      if (same && set && (s_count != a_count || g_strcmp0 (s_text[4], a_text[4]) != 0))
        gtk_tree_store_set (GTK_TREE_STORE (shown), &s, COLUMN_COUNT, a_count, COLUMN_COUNT_TEXT,
                            a_text[4], -1);
      for (guint i = 0; i < 5; i++)
        {
          g_free (s_text[i]);
          g_free (a_text[i]);
        }
    }
  return same && s_more == a_more;
}

/* What was set shown: the tree is built again aside and laid over the one
 * shown; when they have the same rows (the counts aside), only the counts
 * that differ are set, so that an import's stream of new counts moves no
 * row, selection or scroll and redraws only those counts; else rebuilt. */
void
_sd_place_tree_refresh (SdPlaceTree *self)
{
  GtkTreeStore *shown = self->model;
  g_autoptr (GtkTreeStore) aside =
      gtk_tree_store_new (7, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING,
                          G_TYPE_STRING, G_TYPE_STRING);
  GtkTreeIter province_iter;
  gboolean    same;

  self->model = aside;
  fill_rows (self, &province_iter);
  self->model = shown;
  same = gtk_tree_model_iter_n_children (GTK_TREE_MODEL (shown), NULL) > 0
         && lay_over (GTK_TREE_MODEL (shown), NULL, GTK_TREE_MODEL (aside), NULL, FALSE);
  if (same)
    lay_over (GTK_TREE_MODEL (shown), NULL, GTK_TREE_MODEL (aside), NULL, TRUE);
  else
    _sd_place_tree_rebuild (self);
}

/* Only places (and 未定位, to unplace) take stories; 全部稿件 does not. */
static gboolean
get_drop_target (SdPlaceTree *self, int x, int y, SdScopeKind *out_scope, char **out_code)
{
  g_autoptr (GtkTreePath) path = NULL;
  GtkTreeIter iter;
  int         scope;

  if (!gtk_tree_view_get_dest_row_at_pos (self->tree_view, x, y, &path, NULL)
      || !gtk_tree_model_get_iter (GTK_TREE_MODEL (self->model), &iter, path))
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->model), &iter, COLUMN_SCOPE, &scope, COLUMN_CODE,
                      out_code, -1);
  *out_scope = scope;
  if (scope != SD_SCOPE_PLACE && scope != SD_SCOPE_UNPLACED)
    {
      g_clear_pointer (out_code, g_free);
      return FALSE;
    }
  gtk_tree_view_set_drag_dest_row (self->tree_view, path, GTK_TREE_VIEW_DROP_INTO_OR_AFTER);
  return TRUE;
}

static gboolean
drag_motion_cb (
    GtkWidget *widget, GdkDragContext *context, int x, int y, guint time, SdPlaceTree *self)
{
  g_autofree char *code = NULL;
  SdScopeKind      scope;

  /* Files dragged from elsewhere are the window's to import. */
  if (gtk_drag_dest_find_target (widget, context, NULL) == GDK_NONE)
    {
      g_signal_stop_emission_by_name (widget, "drag-motion");
      return FALSE;
    }
  if (!get_drop_target (self, x, y, &scope, &code))
    {
      gtk_tree_view_set_drag_dest_row (self->tree_view, NULL, 0);
      gdk_drag_status (context, 0, time);
      return TRUE;
    }
  gdk_drag_status (context, GDK_ACTION_MOVE, time);
  return TRUE;
}

static void
drag_data_received_cb (GtkWidget        *widget,
                       GdkDragContext   *context,
                       int               x,
                       int               y,
                       GtkSelectionData *data,
                       guint             info,
                       guint             time,
                       SdPlaceTree      *self)
{
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (GStrv) parts = NULL;
  SdScopeKind scope;

  g_signal_stop_emission_by_name (widget, "drag-data-received");
  if (gtk_selection_data_get_length (data) <= 0 || !get_drop_target (self, x, y, &scope, &code))
    {
      gtk_drag_finish (context, FALSE, FALSE, time);
      return;
    }
  text = g_strndup ((const char *) gtk_selection_data_get_data (data),
                    gtk_selection_data_get_length (data));
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  g_signal_emit (self, signals[STORIES_DROPPED], 0, scope == SD_SCOPE_PLACE ? code : NULL, ids);
  gtk_drag_finish (context, ids->len > 0, FALSE, time);
}

/* The right button on a batch offers to delete it, on the trash to restore
 * or empty it: the window's actions do it. */
static gboolean
button_press_cb (GtkWidget *widget, GdkEventButton *event, SdPlaceTree *self)
{
  g_autoptr (GtkTreePath) path = NULL;
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autofree char *code = NULL;
  GtkTreeIter      iter;
  GtkWidget       *popup;
  int              scope;

  if (!gdk_event_triggers_context_menu ((GdkEvent *) event)
      || !gtk_tree_view_get_path_at_pos (self->tree_view, event->x, event->y, &path, NULL, NULL,
                                         NULL)
      || !gtk_tree_model_get_iter (GTK_TREE_MODEL (self->model), &iter, path))
    return GDK_EVENT_PROPAGATE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->model), &iter, COLUMN_SCOPE, &scope, COLUMN_CODE, &code,
                      -1);
  if (scope == SD_SCOPE_BATCH)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_("_Delete Import Batch"), NULL);

      g_menu_item_set_action_and_target_value (
          item, "win.delete-batch", g_variant_new_int64 (g_ascii_strtoll (code, NULL, 10)));
      g_menu_append_item (menu, item);
    }
  else if (scope == SD_SCOPE_TRASH)
    {
      g_menu_append (menu, _("_Restore Everything"), "win.restore-all");
      g_menu_append (menu, _("_Empty Trash…"), "win.empty-trash");
    }
  else
    return GDK_EVENT_PROPAGATE;
  gtk_tree_selection_select_iter (self->selection, &iter);
  popup = gtk_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_menu_attach_to_widget (GTK_MENU (popup), widget, NULL);
  g_signal_connect (popup, "deactivate", G_CALLBACK (gtk_widget_destroy), NULL);
  gtk_menu_popup_at_pointer (GTK_MENU (popup), (GdkEvent *) event);
  return GDK_EVENT_STOP;
}

static void
selection_changed_cb (SdPlaceTree *self)
{
  GtkTreeModel *model;
  GtkTreeIter   iter;

  g_clear_pointer (&self->selected_query, g_free);
  g_clear_pointer (&self->selected_date, g_free);
  if (gtk_tree_selection_get_selected (self->selection, &model, &iter))
    gtk_tree_model_get (model, &iter, COLUMN_QUERY, &self->selected_query, COLUMN_DATE,
                        &self->selected_date, -1);
  if (!self->rebuilding)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
sd_place_tree_finalize (GObject *object)
{
  SdPlaceTree *self = SD_PLACE_TREE (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->dates, g_hash_table_unref);
  g_clear_pointer (&self->searches, g_ptr_array_unref);
  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_free (self->selected_query);
  g_free (self->selected_date);
  g_free (self->pending_key);
  g_strfreev (self->pending_rows);

  G_OBJECT_CLASS (sd_place_tree_parent_class)->finalize (object);
}

static void
sd_place_tree_class_init (SdPlaceTreeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sd_place_tree_finalize;

  /**
   * SdPlaceTree::selection-changed:
   *
   * The editor picked another node.
   */
  signals[SELECTION_CHANGED] =
      g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SdPlaceTree::stories-dropped:
   * @code: (nullable) the place they were dropped on; %NULL for 未定位
   * @ids: (element-type gint64) the stories
   */
  signals[STORIES_DROPPED] =
      g_signal_new ("stories-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-place-tree.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPlaceTree, tree_view);
  gtk_widget_class_bind_template_child (widget_class, SdPlaceTree, model);
  gtk_widget_class_bind_template_child (widget_class, SdPlaceTree, selection);
  gtk_widget_class_bind_template_child (widget_class, SdPlaceTree, name_renderer);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
sd_place_tree_init (SdPlaceTree *self)
{
  static const GtkTargetEntry targets[] = { { (char *) STORY_IDS_TARGET, GTK_TARGET_SAME_APP, 0 } };

  self->hide_empty = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _sd_cell_renderer_set_chinese (self->name_renderer);
  gtk_tree_view_enable_model_drag_dest (self->tree_view, targets, G_N_ELEMENTS (targets),
                                        GDK_ACTION_MOVE);
  g_signal_connect (self->tree_view, "drag-motion", G_CALLBACK (drag_motion_cb), self);
  g_signal_connect (self->tree_view, "drag-data-received", G_CALLBACK (drag_data_received_cb),
                    self);
  g_signal_connect (self->tree_view, "button-press-event", G_CALLBACK (button_press_cb), self);
}

void
sd_place_tree_set_counts (SdPlaceTree *self, GHashTable *counts)
{
  g_return_if_fail (SD_IS_PLACE_TREE (self));

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = g_hash_table_ref (counts);
  _sd_place_tree_refresh (self);
}

void
sd_place_tree_set_dates (SdPlaceTree *self, GHashTable *dates)
{
  g_return_if_fail (SD_IS_PLACE_TREE (self));

  g_clear_pointer (&self->dates, g_hash_table_unref);
  if (dates != NULL)
    self->dates = g_hash_table_ref (dates);
  if (self->counts != NULL)
    _sd_place_tree_refresh (self);
}

void
sd_place_tree_set_hide_empty (SdPlaceTree *self, gboolean hide_empty)
{
  g_return_if_fail (SD_IS_PLACE_TREE (self));

  if (self->hide_empty == !!hide_empty)
    return;
  self->hide_empty = !!hide_empty;
  if (self->counts != NULL)
    _sd_place_tree_rebuild (self);
}

void
sd_place_tree_set_saved_searches (SdPlaceTree *self, GPtrArray *searches)
{
  g_return_if_fail (SD_IS_PLACE_TREE (self));

  g_clear_pointer (&self->searches, g_ptr_array_unref);
  if (searches != NULL)
    self->searches = g_ptr_array_ref (searches);
  if (self->counts != NULL)
    _sd_place_tree_refresh (self);
}

void
sd_place_tree_set_trash (SdPlaceTree *self, GPtrArray *batches, gint64 n_trashed)
{
  g_return_if_fail (SD_IS_PLACE_TREE (self));

  g_clear_pointer (&self->batches, g_ptr_array_unref);
  if (batches != NULL)
    self->batches = g_ptr_array_ref (batches);
  self->n_trashed = n_trashed;
  if (self->counts != NULL)
    _sd_place_tree_refresh (self);
}

const char *
sd_place_tree_get_selected_query (SdPlaceTree *self)
{
  g_return_val_if_fail (SD_IS_PLACE_TREE (self), NULL);
  return self->selected_query;
}

const char *
sd_place_tree_get_selected_date (SdPlaceTree *self)
{
  g_return_val_if_fail (SD_IS_PLACE_TREE (self), NULL);
  return self->selected_date;
}

void
sd_place_tree_select_all (SdPlaceTree *self)
{
  GtkTreeIter iter;

  g_return_if_fail (SD_IS_PLACE_TREE (self));

  if (gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->model), &iter))
    gtk_tree_selection_select_iter (self->selection, &iter);
}

char *
sd_place_tree_dup_selected_search_name (SdPlaceTree *self)
{
  GtkTreeModel *model;
  GtkTreeIter   iter;
  char         *name = NULL;

  g_return_val_if_fail (SD_IS_PLACE_TREE (self), NULL);

  if (self->selected_query != NULL
      && gtk_tree_selection_get_selected (self->selection, &model, &iter))
    gtk_tree_model_get (model, &iter, COLUMN_NAME, &name, -1);
  return name;
}

SdScopeKind
sd_place_tree_get_selected (SdPlaceTree *self, char **out_code)
{
  GtkTreeModel *model;
  GtkTreeIter   iter;
  int           scope = SD_SCOPE_ALL;

  g_return_val_if_fail (SD_IS_PLACE_TREE (self), SD_SCOPE_ALL);

  *out_code = NULL;
  if (gtk_tree_selection_get_selected (self->selection, &model, &iter))
    gtk_tree_model_get (model, &iter, COLUMN_SCOPE, &scope, COLUMN_CODE, out_code, -1);
  return scope;
}
