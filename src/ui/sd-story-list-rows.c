/* sd-story-list-rows.c — the story list's rows as a GtkTreeModel over the
 * SdStoryListModel: a row is made when the view draws it, from the
 * story's record, and a row whose record is not read yet asks for it and
 * shows blank until it comes; so a list of 100,000 stories costs their
 * ids, not 100,000 rows of text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-gazetteer.h"
#include "sd-story-item.h"
#include "sd-story-list-private.h"

struct _SdStoryListRows
{
  GObject parent_instance;

  SdStoryListModel *stories;
  SdLibraryModel   *library; /* (nullable) the tags' colours */
  GArray           *ids;     /* (element-type gint64) the rows the view was told
                             * of: a run of the model's from @base, all once it
                             * took them; the view's own copy, so that it reads
                             * the rows it has while it is told of a change */
  guint             base;    /* the model's position of the view's first row */
  guint             n_rows;  /* of which the view was told so far */
  int               stamp;
};

static void sd_story_list_rows_tree_model_init (GtkTreeModelIface *iface);
static void sd_story_list_rows_drag_source_init (GtkTreeDragSourceIface *iface);

G_DEFINE_TYPE_WITH_CODE (SdStoryListRows,
                         sd_story_list_rows,
                         G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_TREE_MODEL,
                                                sd_story_list_rows_tree_model_init)
                             G_IMPLEMENT_INTERFACE (GTK_TYPE_TREE_DRAG_SOURCE,
                                                    sd_story_list_rows_drag_source_init))

/* Two lines, as every row is: the view measures the first row it meets. */
#define BLANK_MARKUP "<b> </b>\n<small> </small>"

static const char *
status_icon_name (SdStoryStatus status)
{
  switch (status)
    {
    case SD_STORY_STATUS_REVIEWED:
      return "emblem-ok-symbolic";
    case SD_STORY_STATUS_NEEDS_WORK:
      return "document-edit-symbolic";
    case SD_STORY_STATUS_REJECTED:
      return "action-unavailable-symbolic";
    case SD_STORY_STATUS_NEW:
    default:
      return NULL;
    }
}

/* The place as an editor says it: 苏州市 吴江区 黎里镇. */
static char *
dup_place_label (const SdStory *story)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *place =
      story->place_code != NULL ? sd_gazetteer_lookup (gazetteer, story->place_code) : NULL;
  const SdPlace *city = NULL, *district = NULL, *town = NULL;

  if (place == NULL)
    return g_strdup (_("Unplaced"));
  if (place->level == SD_PLACE_LEVEL_PROVINCE)
    return g_strdup (place->name);
  sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);
  return g_strstrip (g_strjoin (" ", city ? city->name : "", district ? district->name : "",
                                town ? town->name : "", NULL));
}

/* @text as markup, the search's words in it marked. */
static char *
markup_with_terms (const char *text, const char *const *terms)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *best = NULL;
      gsize       best_len = 0;

      for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
        {
          const char *found = *terms[i] != '\0' ? strstr (p, terms[i]) : NULL;
          if (found != NULL && (best == NULL || found < best))
            {
              best = found;
              best_len = strlen (terms[i]);
            }
        }
      if (best == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);
          g_string_append (markup, rest);
          break;
        }
      {
        g_autofree char *before = g_markup_escape_text (p, best - p);
        g_autofree char *match = g_markup_escape_text (best, best_len);
        g_string_append_printf (markup,
                                "%s<span background=\"#f9e784\" foreground=\"#241f31\">%s</span>",
                                before, match);
      }
      p = best + best_len;
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The row's two lines: the title, the search's words marked; then the tag
 * chips, where it was printed and its place. */
static char *
dup_markup (SdStoryListRows *self, const SdStory *story)
{
  g_autofree char *title = sd_story_dup_title (story);
  g_autofree char *place = dup_place_label (story);
  g_autofree char *issue = sd_story_dup_issue_label (story);
  g_autofree char *marked =
      markup_with_terms (title, sd_story_list_model_get_terms (self->stories));
  g_autofree char *tail = NULL;
  g_autoptr (GString) chips = g_string_new (NULL);

  /* the tags first on the second line, before the page and place the
   * columns may show too: at the list's narrow default width the end of
   * the line is cut off */
  for (guint i = 0; story->tags != NULL && i < story->tags->len; i++)
    {
      const char      *name = g_ptr_array_index (story->tags, i);
      const char      *color = NULL;
      g_autofree char *tag = NULL;
      GdkRGBA          rgba;

      if (self->library != NULL)
        color = sd_library_model_lookup_tag_color (self->library, name);
      if (color == NULL || !gdk_rgba_parse (&rgba, color))
        tag = g_markup_printf_escaped (
            "<span background=\"#dce8f8\" foreground=\"#1c3f6e\"> %s </span> ", name);
      else /* the tag's own colour, the text dark or light on it */
        tag = g_markup_printf_escaped (
            "<span background=\"%s\" foreground=\"%s\"> %s </span> ", color,
            0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue > 0.5 ? "#241f31"
                                                                               : "#ffffff",
            name);
      g_string_append (chips, tag);
    }
  /* where it was printed when known, else the page's file */
  tail = issue != NULL ? g_markup_printf_escaped ("%s · %s", issue, place)
                       : g_markup_printf_escaped ("%s · %s", place, story->source_file);
  /* lang: Han text takes Simplified Chinese forms whatever the locale
   * (markup replaces a renderer's own attributes, so it goes here). */
  return g_strdup_printf ("<span lang=\"zh-cn\"><b>%s</b>\n<small>%s%s</small></span>", marked,
                          chips->str, tail);
}

static void
set_column (SdStoryListRows *self, const SdStory *story, int column, GValue *value)
{
  switch (column)
    {
    case COLUMN_MARKUP:
      g_value_take_string (value,
                           story != NULL ? dup_markup (self, story) : g_strdup (BLANK_MARKUP));
      break;
    case COLUMN_STATUS_ICON:
      g_value_set_string (value, story != NULL ? status_icon_name (story->status) : NULL);
      break;
    case COLUMN_STATUS_LABEL:
      g_value_set_string (value, story != NULL ? sd_story_status_to_label (story->status) : NULL);
      break;
    case COLUMN_TITLE:
      g_value_take_string (value, story != NULL ? sd_story_dup_title (story) : NULL);
      break;
    case COLUMN_DATE:
      g_value_set_string (value, story != NULL ? story->issue_date : NULL);
      break;
    case COLUMN_PAPER:
      g_value_set_string (value, story != NULL ? story->paper : NULL);
      break;
    case COLUMN_PAGE:
      g_value_set_string (value, story != NULL ? story->page_no : NULL);
      break;
    case COLUMN_PLACE:
      g_value_take_string (value, story != NULL ? dup_place_label (story) : NULL);
      break;
    default:
      g_return_if_reached ();
    }
}

static gboolean
set_iter (SdStoryListRows *self, GtkTreeIter *iter, guint position)
{
  iter->stamp = self->stamp;
  iter->user_data = GUINT_TO_POINTER (position);
  return position < self->n_rows;
}

static guint
position_of (SdStoryListRows *self, GtkTreeIter *iter)
{
  g_return_val_if_fail (iter->stamp == self->stamp, G_MAXUINT);
  return GPOINTER_TO_UINT (iter->user_data);
}

static GtkTreeModelFlags
rows_get_flags (GtkTreeModel *model)
{
  return GTK_TREE_MODEL_LIST_ONLY;
}

static int
rows_get_n_columns (GtkTreeModel *model)
{
  return N_COLUMNS;
}

static GType
rows_get_column_type (GtkTreeModel *model, int column)
{
  return column == COLUMN_ID ? G_TYPE_INT64 : G_TYPE_STRING;
}

static gboolean
rows_get_iter (GtkTreeModel *model, GtkTreeIter *iter, GtkTreePath *path)
{
  if (gtk_tree_path_get_depth (path) != 1)
    return FALSE;
  return set_iter (SD_STORY_LIST_ROWS (model), iter, gtk_tree_path_get_indices (path)[0]);
}

static GtkTreePath *
rows_get_path (GtkTreeModel *model, GtkTreeIter *iter)
{
  return gtk_tree_path_new_from_indices (position_of (SD_STORY_LIST_ROWS (model), iter), -1);
}

/* The id is known for every row; the rest asks for the record. */
static void
rows_get_value (GtkTreeModel *model, GtkTreeIter *iter, int column, GValue *value)
{
  SdStoryListRows *self = SD_STORY_LIST_ROWS (model);
  guint            position = position_of (self, iter);
  SdStory         *story;

  g_value_init (value, rows_get_column_type (model, column));
  if (column == COLUMN_ID)
    {
      g_value_set_int64 (
          value, position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0);
      return;
    }
  story = sd_story_list_model_get_story (self->stories, self->base + position);
  if (story == NULL)
    sd_story_list_model_fetch (self->stories, self->base + position);
  set_column (self, story, column, value);
}

static gboolean
rows_iter_next (GtkTreeModel *model, GtkTreeIter *iter)
{
  SdStoryListRows *self = SD_STORY_LIST_ROWS (model);

  return set_iter (self, iter, position_of (self, iter) + 1);
}

static gboolean
rows_iter_previous (GtkTreeModel *model, GtkTreeIter *iter)
{
  SdStoryListRows *self = SD_STORY_LIST_ROWS (model);
  guint            position = position_of (self, iter);

  return position > 0 && set_iter (self, iter, position - 1);
}

static gboolean
rows_iter_nth_child (GtkTreeModel *model, GtkTreeIter *iter, GtkTreeIter *parent, int n)
{
  return parent == NULL && n >= 0 && set_iter (SD_STORY_LIST_ROWS (model), iter, n);
}

static gboolean
rows_iter_children (GtkTreeModel *model, GtkTreeIter *iter, GtkTreeIter *parent)
{
  return rows_iter_nth_child (model, iter, parent, 0);
}

static gboolean
rows_iter_has_child (GtkTreeModel *model, GtkTreeIter *iter)
{
  return FALSE;
}

static int
rows_iter_n_children (GtkTreeModel *model, GtkTreeIter *iter)
{
  return iter == NULL ? (int) SD_STORY_LIST_ROWS (model)->n_rows : 0;
}

static gboolean
rows_iter_parent (GtkTreeModel *model, GtkTreeIter *iter, GtkTreeIter *child)
{
  return FALSE;
}

static void
sd_story_list_rows_tree_model_init (GtkTreeModelIface *iface)
{
  iface->get_flags = rows_get_flags;
  iface->get_n_columns = rows_get_n_columns;
  iface->get_column_type = rows_get_column_type;
  iface->get_iter = rows_get_iter;
  iface->get_path = rows_get_path;
  iface->get_value = rows_get_value;
  iface->iter_next = rows_iter_next;
  iface->iter_previous = rows_iter_previous;
  iface->iter_children = rows_iter_children;
  iface->iter_has_child = rows_iter_has_child;
  iface->iter_n_children = rows_iter_n_children;
  iface->iter_nth_child = rows_iter_nth_child;
  iface->iter_parent = rows_iter_parent;
}

/* Every row may be dragged onto a place; what travels is the selection's
 * ids, which the list gives (sd-story-list.c), so the model adds none. */
static gboolean
rows_row_draggable (GtkTreeDragSource *source, GtkTreePath *path)
{
  return TRUE;
}

static gboolean
rows_drag_data_get (GtkTreeDragSource *source, GtkTreePath *path, GtkSelectionData *data)
{
  return FALSE;
}

static gboolean
rows_drag_data_delete (GtkTreeDragSource *source, GtkTreePath *path)
{
  return FALSE;
}

static void
sd_story_list_rows_drag_source_init (GtkTreeDragSourceIface *iface)
{
  iface->row_draggable = rows_row_draggable;
  iface->drag_data_get = rows_drag_data_get;
  iface->drag_data_delete = rows_drag_data_delete;
}

static void
sd_story_list_rows_dispose (GObject *object)
{
  SdStoryListRows *self = SD_STORY_LIST_ROWS (object);

  g_clear_object (&self->stories);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (sd_story_list_rows_parent_class)->dispose (object);
}

static void
sd_story_list_rows_finalize (GObject *object)
{
  g_array_unref (SD_STORY_LIST_ROWS (object)->ids);

  G_OBJECT_CLASS (sd_story_list_rows_parent_class)->finalize (object);
}

static void
sd_story_list_rows_class_init (SdStoryListRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sd_story_list_rows_dispose;
  G_OBJECT_CLASS (klass)->finalize = sd_story_list_rows_finalize;
}

static void
sd_story_list_rows_init (SdStoryListRows *self)
{
  self->stamp = g_random_int ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Rows of a changed block reaching into the view's taken at once, at
 * most (a change from one row above the view's to one in it: trash
 * restored, an undo of several stories, another writer). */
#define CHANGED_ROWS_TAKEN 1000

/* The model's ids for the view's rows from @position, @n of them, into
 * the view's copy there. */
static void
copy_ids (SdStoryListRows *self, guint position, guint n)
{
  for (guint i = position; i < position + n; i++)
    g_array_index (self->ids, gint64, i) =
        sd_story_list_model_get_id (self->stories, self->base + i);
}

SdStoryListRows *
_sd_story_list_rows_new (SdStoryListModel *stories)
{
  SdStoryListRows *self = g_object_new (SD_TYPE_STORY_LIST_ROWS, NULL);

  self->stories = g_object_ref (stories);
  return self;
}

void
_sd_story_list_rows_set_library (SdStoryListRows *self, SdLibraryModel *library)
{
  g_set_object (&self->library, library);
}

/* Takes @n_rows of the model's rows (at most all) from @base as they
 * are, telling nobody: only while no view shows them. */
void
_sd_story_list_rows_reset (SdStoryListRows *self, guint base, guint n_rows)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

  self->stamp++;
  self->base = MIN (base, n_items);
  g_array_set_size (self->ids, MIN (n_rows, n_items - self->base));
  copy_ids (self, 0, self->ids->len);
  self->n_rows = self->ids->len;
}

guint
_sd_story_list_rows_get_n_rows (SdStoryListRows *self)
{
  return self->ids->len;
}

guint
_sd_story_list_rows_get_base (SdStoryListRows *self)
{
  return self->base;
}

/* The model's rows from @position, @n of them, into the view there. */
static void
insert_rows (SdStoryListRows *self, guint position, guint n)
{
  GtkTreeIter iter;

  g_array_set_size (self->ids, self->ids->len + n);
  memmove (&g_array_index (self->ids, gint64, position + n),
           &g_array_index (self->ids, gint64, position),
           (self->ids->len - position - n) * sizeof (gint64));
  copy_ids (self, position, n);
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr (GtkTreePath) path = gtk_tree_path_new_from_indices (i, -1);

      self->n_rows++;
      set_iter (self, &iter, i);
      gtk_tree_model_row_inserted (GTK_TREE_MODEL (self), path, &iter);
    }
}

/* The view's first @n rows go, the model's rows past them stay (a
 * change above the view's: the rows it has go or move up). */
static void
remove_front (SdStoryListRows *self, guint n)
{
  n = MIN (n, self->ids->len);
  g_array_remove_range (self->ids, 0, n);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (GtkTreePath) path = gtk_tree_path_new_from_indices (i - 1, -1);

      self->n_rows--;
      gtk_tree_model_row_deleted (GTK_TREE_MODEL (self), path);
    }
}

/* Tells the view what the model's items-changed said of the rows it has;
 * rows past them, and rows added after them, come as the view grows, and
 * rows changed above them only move them. */
void
_sd_story_list_rows_change (SdStoryListRows *self, guint position, guint removed, guint added)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self);
  GtkTreeIter   iter;
  guint         common;

  if (position < self->base && position + removed <= self->base)
    {
      self->base = self->base - removed + added;
      return;
    }
  if (position < self->base)
    {
      /* (the view's first rows among those removed) */
      guint gone = position + removed - self->base;
      /* the block's last rows, that go on into the view's, take their
       * place; more come as the editor scrolls up */
      guint taken = MIN (added, CHANGED_ROWS_TAKEN);

      remove_front (self, gone);
      self->base = position + added - taken;
      insert_rows (self, 0, taken);
      return;
    }
  position -= self->base;
  if (position >= self->ids->len)
    return;
  removed = MIN (removed, self->ids->len - position);
  common = MIN (removed, added);

  copy_ids (self, position, common);
  for (guint i = position; i < position + common; i++)
    {
      g_autoptr (GtkTreePath) path = gtk_tree_path_new_from_indices (i, -1);

      set_iter (self, &iter, i);
      gtk_tree_model_row_changed (model, path, &iter);
    }
  /* (rows go from the last, so each path is still right when it goes) */
  if (removed > common)
    g_array_remove_range (self->ids, position + common, removed - common);
  for (guint i = position + removed; i > position + common; i--)
    {
      g_autoptr (GtkTreePath) path = gtk_tree_path_new_from_indices (i - 1, -1);

      self->n_rows--;
      gtk_tree_model_row_deleted (model, path);
    }
  if (added > common)
    insert_rows (self, position + common, added - common);
}

/* The view takes @n more of the model's rows, at its end. */
void
_sd_story_list_rows_grow (SdStoryListRows *self, guint n)
{
  n = MIN (n,
           g_list_model_get_n_items (G_LIST_MODEL (self->stories)) - self->base - self->ids->len);
  insert_rows (self, self->ids->len, n);
}

/* The view takes @n more of the model's rows before its first (at most
 * all of them). */
void
_sd_story_list_rows_grow_front (SdStoryListRows *self, guint n)
{
  n = MIN (n, self->base);
  self->base -= n;
  insert_rows (self, 0, n);
}
