/* sd-place-chooser.c
 *
 * The places of the gazetteer are ranked against the query in one pass and
 * the matches put in a fresh list; a fixed-height GtkTreeView measures only
 * the rows in view, so even the whole province (~1,600 rows) shows at once.
 * Town names repeat across the province (新店镇 lies in both 新沂市 and
 * 如东县), so each row carries its parents as a dim path.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-place-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-gazetteer.h"
#include "sd-place-chooser.h"

enum
{
  COLUMN_NAME,
  COLUMN_PATH,
  COLUMN_CODE,  /* NULL for "Unplaced" */
  COLUMN_INDEX, /* into entries */
  N_COLUMNS
};

/* How well a place matches the query; lower sorts first. */
enum
{
  RANK_HIDDEN = -1,
  RANK_EXACT,    /* 吴江 or 吴江区 for 吴江区 */
  RANK_PREFIX,   /* 吴 */
  RANK_INSIDE,   /* 江区 */
  RANK_STRIPPED, /* 吴江市, the old name, still finds 吴江区 */
};

typedef struct
{
  const SdPlace *place; /* NULL for the "Unplaced" row */
  const char    *name;
  char          *path;     /* the parents below the province: 苏州市 · 吴江区 */
  char          *folded;   /* the name, case-folded */
  char          *stripped; /* the same without its 市, 区, 县, 镇, 乡 or 街道 */
  guint          index;    /* position in entries, the official order */
  int            rank;     /* against the current query */
} Entry;

struct _SdPlaceChooser
{
  GtkPopover parent_instance;

  GtkSearchEntry   *search_entry;
  GtkTreeView      *tree_view;
  GtkTreeSelection *selection;

  GPtrArray  *entries; /* (element-type Entry) Unplaced first, then official order */
  GHashTable *by_code; /* code → Entry, borrowed from entries */
  Entry      *current; /* (nullable) the story's place */
};

enum
{
  PLACE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdPlaceChooser, sd_place_chooser, GTK_TYPE_POPOVER)

static const char *const name_suffixes[] = { "街道", "市", "区", "县", "镇", "乡", "省" };

static void
entry_free (Entry *entry)
{
  g_free (entry->path);
  g_free (entry->folded);
  g_free (entry->stripped);
  g_free (entry);
}

/* @folded without an administrative suffix, unless nothing would be left. */
static char *
strip_suffix (const char *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_suffixes); i++)
    {
      gsize length = strlen (folded), suffix_length = strlen (name_suffixes[i]);

      if (length > suffix_length && g_str_has_suffix (folded, name_suffixes[i]))
        return g_strndup (folded, length - suffix_length);
    }
  return g_strdup (folded);
}

static char *
dup_path (SdGazetteer *gazetteer, const SdPlace *place)
{
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();
  g_autoptr (GString) path = g_string_new (NULL);

  for (const SdPlace *p = sd_gazetteer_lookup (gazetteer, place->parent_code);
       p != NULL && p->level != SD_PLACE_LEVEL_PROVINCE;
       p = sd_gazetteer_lookup (gazetteer, p->parent_code))
    g_ptr_array_add (parents, (gpointer) p);
  for (guint i = parents->len; i > 0; i--)
    {
      const SdPlace *p = g_ptr_array_index (parents, i - 1);
      g_string_append_printf (path, "%s%s", path->len > 0 ? " · " : "", p->name);
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
add_entry (SdPlaceChooser *self, const SdPlace *place, const char *name, char *path)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->place = place;
  entry->name = name;
  entry->path = path;
  entry->folded = g_utf8_casefold (name, -1);
  entry->stripped = place != NULL ? strip_suffix (entry->folded) : g_strdup (entry->folded);
  entry->index = self->entries->len;
  g_ptr_array_add (self->entries, entry);
  if (place != NULL)
    g_hash_table_insert (self->by_code, (gpointer) place->code, entry);
}

/* Depth first, so each place follows its parent in official order. */
static void
add_places (SdPlaceChooser *self, SdGazetteer *gazetteer, const char *parent_code)
{
  g_autoptr (GPtrArray) children = sd_gazetteer_get_children (gazetteer, parent_code);

  for (guint i = 0; i < children->len; i++)
    {
      const SdPlace *place = g_ptr_array_index (children, i);

      add_entry (self, place, place->name, dup_path (gazetteer, place));
      if (place->level != SD_PLACE_LEVEL_TOWN)
        add_places (self, gazetteer, place->code);
    }
}

static int
rank_entry (const Entry *entry, const char *query, const char *stripped_query)
{
  if (*query == '\0')
    return RANK_EXACT;
  if (entry->place == NULL)
    return strstr (entry->folded, query) != NULL ? RANK_EXACT : RANK_HIDDEN;
  if (g_str_equal (entry->folded, query) || g_str_equal (entry->stripped, query)
      || g_str_equal (entry->stripped, stripped_query))
    return RANK_EXACT;
  if (g_str_has_prefix (entry->folded, query))
    return RANK_PREFIX;
  if (strstr (entry->folded, query) != NULL)
    return RANK_INSIDE;
  /* A query of one character plus a suffix (新区) would match hundreds. */
  if (g_utf8_strlen (stripped_query, -1) >= 2 && strstr (entry->stripped, stripped_query) != NULL)
    return RANK_STRIPPED;
  return RANK_HIDDEN;
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *entry1 = *(const Entry *const *) a, *entry2 = *(const Entry *const *) b;

  /* "Unplaced" (index 0) stays on top whenever it shows. */
  if (entry1->rank != entry2->rank && entry1->index != 0 && entry2->index != 0)
    return entry1->rank < entry2->rank ? -1 : 1;
  return entry1->index < entry2->index ? -1 : (entry1->index > entry2->index ? 1 : 0);
}

static Entry *
get_entry (SdPlaceChooser *self, GtkTreeModel *model, GtkTreeIter *iter)
{
  guint index;

  gtk_tree_model_get (model, iter, COLUMN_INDEX, &index, -1);
  return g_ptr_array_index (self->entries, index);
}

/* Puts the cursor, and so the selection, on @path without moving focus. */
static void
set_cursor (SdPlaceChooser *self, GtkTreePath *path)
{
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, TRUE, 0.3f, 0.0f);
}

/* Fills a new list with the matches, best first: a fresh GtkListStore (at
 * most the 1,600 places, about 2 ms) is cheaper than filtering and sorting
 * a model row by row, and the fixed-height tree view only lays out the rows
 * in view. */
static void
apply_query (SdPlaceChooser *self)
{
  g_autofree char *query =
      g_utf8_casefold (gtk_entry_get_text (GTK_ENTRY (self->search_entry)), -1);
  g_autofree char *stripped_query = NULL;
  g_autoptr (GPtrArray) matches = g_ptr_array_sized_new (self->entries->len);
  g_autoptr (GtkListStore) store =
      gtk_list_store_new (N_COLUMNS, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT);
  g_autoptr (GtkTreePath) cursor = NULL;

  g_strstrip (query);
  stripped_query = strip_suffix (query);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      entry->rank = rank_entry (entry, query, stripped_query);
      if (entry->rank != RANK_HIDDEN)
        g_ptr_array_add (matches, entry);
    }
  if (*query != '\0')
    g_ptr_array_sort (matches, compare_entries);

  for (guint i = 0; i < matches->len; i++)
    {
      const Entry *entry = g_ptr_array_index (matches, i);

      gtk_list_store_insert_with_values (
          store, NULL, -1, COLUMN_NAME, entry->name, COLUMN_PATH, entry->path, COLUMN_CODE,
          entry->place != NULL ? entry->place->code : NULL, COLUMN_INDEX, entry->index, -1);
    }
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (store));

  /* The selected row is what Enter picks: the best match while searching,
   * the story's place otherwise (in the full list, at its own index). */
  if (*query != '\0' && matches->len > 0)
    cursor = gtk_tree_path_new_first ();
  else if (*query == '\0' && self->current != NULL)
    cursor = gtk_tree_path_new_from_indices (self->current->index, -1);
  if (cursor != NULL)
    set_cursor (self, cursor);
  else if (matches->len > 0)
    {
      g_autoptr (GtkTreePath) first = gtk_tree_path_new_first ();
      gtk_tree_view_scroll_to_cell (self->tree_view, first, NULL, TRUE, 0.0f, 0.0f);
    }
}

/* The selected row, else the first. */
static gboolean
get_target_row (SdPlaceChooser *self, GtkTreeIter *out_iter)
{
  GtkTreeModel *model;

  if (gtk_tree_selection_get_selected (self->selection, &model, out_iter))
    return TRUE;
  return gtk_tree_model_get_iter_first (gtk_tree_view_get_model (self->tree_view), out_iter);
}

static gboolean
is_cursor_on_first_row (SdPlaceChooser *self)
{
  g_autoptr (GtkTreePath) path = NULL;

  gtk_tree_view_get_cursor (self->tree_view, &path, NULL);
  return path == NULL || gtk_tree_path_get_indices (path)[0] == 0;
}

static void
choose (SdPlaceChooser *self, const Entry *entry)
{
  /* A handler may drop the last reference to the popover. */
  g_object_ref (self);
  g_signal_emit (self, signals[PLACE_CHOSEN], 0, entry->place != NULL ? entry->place->code : NULL);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_object_unref (self);
}

static void
check_data_func (GtkTreeViewColumn *column,
                 GtkCellRenderer   *cell,
                 GtkTreeModel      *model,
                 GtkTreeIter       *iter,
                 gpointer           data)
{
  SdPlaceChooser *self = data;

  gtk_cell_renderer_set_visible (cell, self->current != NULL
                                           && get_entry (self, model, iter) == self->current);
}

static void
search_changed_cb (SdPlaceChooser *self)
{
  apply_query (self);
}

static void
search_activated_cb (SdPlaceChooser *self)
{
  GtkTreeIter iter;

  if (get_target_row (self, &iter))
    choose (self, get_entry (self, gtk_tree_view_get_model (self->tree_view), &iter));
}

static void
search_stopped_cb (SdPlaceChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Down leaves the entry for the list, at the row Enter would pick. */
static gboolean
search_key_pressed_cb (GtkWidget *widget, GdkEventKey *event, SdPlaceChooser *self)
{
  g_autoptr (GtkTreePath) path = NULL;
  GtkTreeIter iter;

  if ((event->keyval != GDK_KEY_Down && event->keyval != GDK_KEY_KP_Down)
      || !get_target_row (self, &iter))
    return GDK_EVENT_PROPAGATE;
  path = gtk_tree_model_get_path (gtk_tree_view_get_model (self->tree_view), &iter);
  set_cursor (self, path);
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
  return GDK_EVENT_STOP;
}

static gboolean
tree_key_pressed_cb (GtkWidget *widget, GdkEventKey *event, SdPlaceChooser *self)
{
  gunichar c = gdk_keyval_to_unicode (event->keyval);

  /* Up from the first row goes back to the entry. */
  if ((event->keyval == GDK_KEY_Up || event->keyval == GDK_KEY_KP_Up)
      && is_cursor_on_first_row (self))
    {
      gtk_entry_grab_focus_without_selecting (GTK_ENTRY (self->search_entry));
      return GDK_EVENT_STOP;
    }

  /* Typing while in the list goes on in the entry; Enter, Escape and the
   * arrows stay with the list. */
  if ((event->state & (GDK_CONTROL_MASK | GDK_MOD1_MASK)) != 0 || !g_unichar_isgraph (c))
    return GDK_EVENT_PROPAGATE;
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (self->search_entry));
  return gtk_search_entry_handle_event (self->search_entry, (GdkEvent *) event);
}

static void
row_activated_cb (GtkTreeView       *tree_view,
                  GtkTreePath       *path,
                  GtkTreeViewColumn *column,
                  SdPlaceChooser    *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (tree_view);
  GtkTreeIter   iter;

  if (gtk_tree_model_get_iter (model, &iter, path))
    choose (self, get_entry (self, model, &iter));
}

static void
sd_place_chooser_map (GtkWidget *widget)
{
  SdPlaceChooser *self = SD_PLACE_CHOOSER (widget);

  /* Each opening starts from the whole list, at the story's place. */
  if (*gtk_entry_get_text (GTK_ENTRY (self->search_entry)) != '\0')
    gtk_entry_set_text (GTK_ENTRY (self->search_entry), ""); /* applies the query */
  else
    apply_query (self);

  GTK_WIDGET_CLASS (sd_place_chooser_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
sd_place_chooser_finalize (GObject *object)
{
  SdPlaceChooser *self = SD_PLACE_CHOOSER (object);

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (sd_place_chooser_parent_class)->finalize (object);
}

static void
sd_place_chooser_class_init (SdPlaceChooserClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sd_place_chooser_finalize;
  widget_class->map = sd_place_chooser_map;

  /**
   * SdPlaceChooser::place-chosen:
   * @code: (nullable): the place's gazetteer code, or %NULL for "Unplaced"
   */
  signals[PLACE_CHOSEN] =
      g_signal_new ("place-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-place-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPlaceChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SdPlaceChooser, tree_view);
  gtk_widget_class_bind_template_child (widget_class, SdPlaceChooser, selection);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tree_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sd_place_chooser_init (SdPlaceChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  add_entry (self, NULL, _("Unplaced"), g_strdup (""));
  add_places (self, sd_gazetteer_get_default (), NULL);

  {
    GtkTreeViewColumn *column = gtk_tree_view_get_column (self->tree_view, 0);
    g_autoptr (GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (column));
    g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

    /* Simplified glyph forms whatever the locale.  Not through the cell's
     * "language" property: GTK 3 frees the PangoLanguage it returns as if
     * it were a GObject, and crashes when the renderer goes. */
    pango_attr_list_insert (attributes,
                            pango_attr_language_new (pango_language_from_string ("zh-cn")));
    for (GList *l = cells; l != NULL; l = l->next)
      if (GTK_IS_CELL_RENDERER_TEXT (l->data))
        g_object_set (l->data, "attributes", attributes, NULL);
    /* The last cell is the check mark of the current place. */
    gtk_tree_view_column_set_cell_data_func (column, g_list_last (cells)->data, check_data_func,
                                             self, NULL);
  }
  apply_query (self);
}

/**
 * sd_place_chooser_new:
 * @relative_to: (nullable): the widget the popover points at, such as the
 *   button that opens it
 *
 * Returns: (transfer none): a new popover, not yet shown; it belongs to
 *   @relative_to's toplevel
 */
GtkWidget *
sd_place_chooser_new (GtkWidget *relative_to)
{
  g_return_val_if_fail (relative_to == NULL || GTK_IS_WIDGET (relative_to), NULL);

  return g_object_new (SD_TYPE_PLACE_CHOOSER, "relative-to", relative_to, NULL);
}

void
sd_place_chooser_set_current (SdPlaceChooser *self, const char *code)
{
  Entry *entry;

  g_return_if_fail (SD_IS_PLACE_CHOOSER (self));

  entry = code != NULL ? g_hash_table_lookup (self->by_code, code)
                       : g_ptr_array_index (self->entries, 0);
  if (code != NULL && entry == NULL)
    g_debug ("No place with the code %s to mark", code);
  self->current = entry;
  gtk_widget_queue_draw (GTK_WIDGET (self->tree_view));
}
