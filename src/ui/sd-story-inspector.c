/* sd-story-inspector.c — the side panel for the selected stories
 *
 * One story shows its place, review status, tags, theme suggestions,
 * highlights and note; several show only the tags they carry, which can be
 * changed on all of them at once.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-gazetteer.h"
#include "sd-highlight-row.h"
#include "sd-note-editor.h"
#include "sd-place-chooser.h"
#include "sd-story-inspector.h"
#include "sd-suggestion-row.h"
#include "sd-tag-chip.h"
#include "sd-theme-suggester.h"
#include "sd-widget-text.h"

struct _SdStoryInspector
{
  GtkBox parent_instance;

  GtkLabel        *selection_label;
  GtkWidget       *place_box;
  GtkMenuButton   *place_button;
  GtkLabel        *place_label;
  SdPlaceChooser  *place_chooser;
  GtkWidget       *status_box;
  GtkComboBoxText *status_combo;
  GtkInfoBar      *status_bar;
  GtkLabel        *status_conflict_label;
  GtkFlowBox      *tag_box;
  GtkEntry        *tag_entry;
  GtkListStore    *tag_names;
  GtkWidget       *suggestion_box;
  GtkListBox      *suggestion_list;
  GtkWidget       *highlight_box;
  GtkListBox      *highlight_list;
  SdNoteEditor    *note_editor;

  SdLibraryModel *library;
  SdStoryModel   *shown;
  SdEditHistory  *history;
  GPtrArray      *stories;   /* (element-type SdStory) the selection */
  GArray         *ids;       /* (element-type gint64) all of it, read or not */
  GHashTable     *tag_order; /* tag → its place among the chips, from 1 */
  gboolean        updating;
  /* another editor set the story's status while this one chose: the
   * choice held back until the editor settles it */
  gint64        status_conflict; /* the story's id, or 0 */
  SdStoryStatus status_mine;
};

enum
{
  KEEP_MINE = 1,
  TAKE_THEIRS,
};

G_DEFINE_TYPE (SdStoryInspector, sd_story_inspector, GTK_TYPE_BOX)

/* The single story shown, or NULL for none or several. */
static const SdStory *
get_single_story (SdStoryInspector *self)
{
  return self->stories != NULL && self->stories->len == 1 ? g_ptr_array_index (self->stories, 0)
                                                          : NULL;
}

/* How many stories are selected, the ones the list has not read too. */
static guint
count_selected (SdStoryInspector *self)
{
  return self->ids != NULL ? self->ids->len : 0;
}

static void
change_tag (SdStoryInspector *self, const char *tag, gboolean add)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (count_selected (self) == 0 || self->history == NULL)
    return;
  /* held: the library's change signal may hand the panel a new selection */
  ids = g_array_ref (self->ids);
  ok =
      add ? sd_edit_history_add_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error)
          : sd_edit_history_remove_tag (self->history, (gint64 *) ids->data, ids->len, tag, &error);
  if (!ok)
    sd_note_editor_show_error (self->note_editor, error);
}

static void
chip_remove_cb (SdTagChip *chip, SdStoryInspector *self)
{
  change_tag (self, sd_tag_chip_get_tag (chip), FALSE);
}

static void
chip_rename_cb (SdTagChip *chip, const char *name, SdStoryInspector *self)
{
  g_autoptr (GError) error = NULL;

  if (!sd_library_model_rename_tag (self->library, sd_tag_chip_get_tag (chip), name, &error))
    sd_note_editor_show_error (self->note_editor, error);
}

static void
chip_recolor_cb (SdTagChip *chip, const char *color, SdStoryInspector *self)
{
  g_autoptr (GError) error = NULL;

  if (!sd_library_model_set_tag_color (self->library, sd_tag_chip_get_tag (chip), color, &error))
    sd_note_editor_show_error (self->note_editor, error);
}

static void
tag_entry_activated_cb (SdStoryInspector *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_entry_get_text (self->tag_entry)));

  if (*tag == '\0')
    return;
  change_tag (self, tag, TRUE);
  gtk_entry_set_text (self->tag_entry, "");
}

static void
end_status_conflict (SdStoryInspector *self)
{
  self->status_conflict = 0;
  gtk_widget_hide (GTK_WIDGET (self->status_bar));
}

/* Both statuses, theirs as the library now says (the box shows it too):
 * the engine tells the story changed with the refusal. */
static void
show_status_conflict (SdStoryInspector *self)
{
  const SdStory   *story = get_single_story (self);
  g_autofree char *text = NULL;

  if (story == NULL || story->id != self->status_conflict)
    {
      end_status_conflict (self);
      return;
    }
  text = g_strdup_printf (_("Someone else set this story’s status to %s meanwhile; you chose %s."),
                             sd_story_status_to_label (story->status),
                             sd_story_status_to_label (self->status_mine));
  gtk_label_set_text (self->status_conflict_label, text);
  gtk_widget_show (GTK_WIDGET (self->status_bar));
}

/* Writes @status over the status shown: another editor's meanwhile is not
 * overwritten but shown beside the editor's choice. */
static void
write_status (SdStoryInspector *self, const SdStory *story, SdStoryStatus status)
{
  g_autoptr (GError) error = NULL;

  if (sd_edit_history_set_status_from (self->history, story->id, story->status, status, &error))
    return;
  if (!g_error_matches (error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED))
    {
      sd_note_editor_show_error (self->note_editor, error);
      return;
    }
  self->status_conflict = story->id;
  self->status_mine = status;
  show_status_conflict (self);
}

static void
status_changed_cb (SdStoryInspector *self)
{
  const char    *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->status_combo));
  const SdStory *story = get_single_story (self);
  SdStoryStatus  status;

  if (self->updating || story == NULL || !sd_story_status_from_string (id, &status))
    return;
  end_status_conflict (self);
  write_status (self, story, status);
}

static void
status_response_cb (SdStoryInspector *self, int response)
{
  const SdStory *story = get_single_story (self);
  SdStoryStatus  mine = self->status_mine;
  gboolean       settled = story != NULL && story->id == self->status_conflict;

  end_status_conflict (self);
  /* keeping mine is written over theirs as shown: a third status set
   * meanwhile is a conflict again */
  if (settled && response == KEEP_MINE)
    write_status (self, story, mine);
}

static void
suggestion_accept_cb (SdSuggestionRow *row, SdStoryInspector *self)
{
  change_tag (self, sd_suggestion_row_get_theme (row), TRUE);
}

static void
suggestion_dismiss_cb (SdSuggestionRow *row, SdStoryInspector *self)
{
  const SdStory *story = get_single_story (self);
  g_autoptr (GError) error = NULL;

  if (story != NULL
      && !sd_edit_history_dismiss_theme (self->history, story->id,
                                         sd_suggestion_row_get_theme (row), &error))
    sd_note_editor_show_error (self->note_editor, error);
}

static void
highlight_remove_cb (SdHighlightRow *row, SdStoryInspector *self)
{
  const SdStory *story = get_single_story (self);
  g_autoptr (GError) error = NULL;

  if (story != NULL
      && !sd_edit_history_remove_highlight (self->history, story->id, sd_highlight_row_get_id (row),
                                            &error))
    sd_note_editor_show_error (self->note_editor, error);
}

static void
clear_container (GtkContainer *container)
{
  GList *children = gtk_container_get_children (container);

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
}

static void
refresh_completion (SdStoryInspector *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) themes =
      sd_theme_vocabulary_list_themes (sd_theme_vocabulary_get_default ());
  GPtrArray *tags;

  gtk_list_store_clear (self->tag_names);
  if (self->library == NULL)
    return;
  tags = sd_library_model_get_tags (self->library);
  /* The tags in use first, then the themes of the vocabulary. */
  for (guint i = 0; i < tags->len + themes->len; i++)
    {
      const char *name =
          i < tags->len ? g_ptr_array_index (tags, i) : g_ptr_array_index (themes, i - tags->len);
      if (g_hash_table_add (seen, (gpointer) name))
        gtk_list_store_insert_with_values (self->tag_names, NULL, -1, 0, name, -1);
    }
}

static int
compare_chips (GtkFlowBoxChild *a, GtkFlowBoxChild *b, gpointer data)
{
  SdStoryInspector *self = data;
  guint             place_a = GPOINTER_TO_UINT (g_hash_table_lookup (
                  self->tag_order, sd_tag_chip_get_tag (SD_TAG_CHIP (gtk_bin_get_child (GTK_BIN (a))))));
  guint             place_b = GPOINTER_TO_UINT (g_hash_table_lookup (
                  self->tag_order, sd_tag_chip_get_tag (SD_TAG_CHIP (gtk_bin_get_child (GTK_BIN (b))))));

  return (place_a > place_b) - (place_a < place_b);
}

static void
add_chip (SdStoryInspector *self, const char *tag, const char *color, guint count)
{
  GtkWidget *chip = sd_tag_chip_new (tag, color, count);

  g_signal_connect (chip, "remove-tag", G_CALLBACK (chip_remove_cb), self);
  g_signal_connect (chip, "rename-tag", G_CALLBACK (chip_rename_cb), self);
  g_signal_connect (chip, "recolor-tag", G_CALLBACK (chip_recolor_cb), self);
  gtk_container_add (GTK_CONTAINER (self->tag_box), chip);
}

/* The chips shown now, in order, keyed by tag. */
static GPtrArray *
list_chips (SdStoryInspector *self)
{
  GPtrArray *chips = g_ptr_array_new ();
  GList     *children = gtk_container_get_children (GTK_CONTAINER (self->tag_box));

  for (GList *l = children; l != NULL; l = l->next)
    g_ptr_array_add (chips, gtk_bin_get_child (GTK_BIN (l->data)));
  g_list_free (children);
  return chips;
}

/* The chips are changed in place, not made anew: other writers refresh the
 * panel several times a second, and a chip rebuilt between the press and the
 * release of its cross would lose the editor's click (or close its open
 * rename popover). */
static void
show_tags (SdStoryInspector *self)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GPtrArray) chips = list_chips (self);
  guint n = self->stories != NULL ? self->stories->len : 0;

  for (guint i = 0; i < n; i++)
    {
      const SdStory *story = g_ptr_array_index (self->stories, i);
      for (guint t = 0; t < story->tags->len; t++)
        {
          char *tag = g_ptr_array_index (story->tags, t);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag));
          if (count == 0)
            g_ptr_array_add (order, tag);
          g_hash_table_insert (counts, tag, GUINT_TO_POINTER (count + 1));
        }
    }
  g_hash_table_remove_all (self->tag_order);
  for (guint i = 0; i < order->len; i++)
    g_hash_table_insert (self->tag_order, g_strdup (g_ptr_array_index (order, i)),
                         GUINT_TO_POINTER (i + 1));
  /* Chips whose tag went away go; the others stay. */
  for (guint i = 0; i < chips->len; i++)
    {
      SdTagChip  *chip = g_ptr_array_index (chips, i);
      const char *tag = sd_tag_chip_get_tag (chip);

      if (g_hash_table_contains (counts, tag) && !g_hash_table_contains (kept, tag))
        g_hash_table_insert (kept, (gpointer) tag, chip);
      else
        gtk_widget_destroy (gtk_widget_get_parent (GTK_WIDGET (chip)));
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *tag = g_ptr_array_index (order, i);
      const char *color =
          self->library ? sd_library_model_lookup_tag_color (self->library, tag) : NULL;
      /* A count says something only when several stories are selected,
       * and is known only when the list has read them all. */
      guint      count = n > 1 && n == count_selected (self)
                             ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, tag))
                             : 0;
      SdTagChip *chip = g_hash_table_lookup (kept, tag);

      if (chip != NULL)
        sd_tag_chip_set_look (chip, color, count);
      else
        add_chip (self, tag, color, count);
    }
  gtk_flow_box_invalidate_sort (self->tag_box);
}

/* Whether the suggestion rows show @suggestions already, in order. */
static gboolean
suggestions_shown (SdStoryInspector *self, GPtrArray *suggestions)
{
  GList   *rows = gtk_container_get_children (GTK_CONTAINER (self->suggestion_list));
  GList   *l = rows;
  guint    i = 0;
  gboolean same;

  for (; l != NULL && suggestions != NULL && i < suggestions->len; l = l->next, i++)
    if (g_strcmp0 (sd_suggestion_row_get_theme (l->data),
                   ((SdThemeSuggestion *) g_ptr_array_index (suggestions, i))->theme)
        != 0)
      break;
  same = l == NULL && i == (suggestions != NULL ? suggestions->len : 0);
  g_list_free (rows);
  return same;
}

/* The suggestions come with the story shown, worked out in the worker.
 * Rows already showing them are left alone, so a click on one survives
 * another writer's refresh. */
static void
show_suggestions (SdStoryInspector *self, const SdStory *story)
{
  const SdStory *shown = self->shown != NULL ? sd_story_model_get_story (self->shown) : NULL;
  GPtrArray     *suggestions = NULL;
  GList         *rows;
  guint          i = 0;

  if (story != NULL && shown != NULL && shown->id == story->id)
    suggestions = sd_story_model_get_suggestions (self->shown);
  gtk_widget_set_visible (self->suggestion_box, suggestions != NULL && suggestions->len > 0);
  if (suggestions_shown (self, suggestions))
    return;
  /* Another story's: the rows there take the new suggestions (no rows
   * made from their template again), the rest made or destroyed. */
  rows = gtk_container_get_children (GTK_CONTAINER (self->suggestion_list));
  for (GList *l = rows; l != NULL; l = l->next, i++)
    if (suggestions != NULL && i < suggestions->len)
      sd_suggestion_row_set_suggestion (l->data, g_ptr_array_index (suggestions, i));
    else
      gtk_widget_destroy (l->data);
  g_list_free (rows);
  for (; suggestions != NULL && i < suggestions->len; i++)
    {
      GtkWidget *row = sd_suggestion_row_new (g_ptr_array_index (suggestions, i));

      g_signal_connect (row, "accept", G_CALLBACK (suggestion_accept_cb), self);
      g_signal_connect (row, "dismiss", G_CALLBACK (suggestion_dismiss_cb), self);
      gtk_container_add (GTK_CONTAINER (self->suggestion_list), row);
    }
}

static gboolean
highlights_shown (SdStoryInspector *self, const SdStory *story)
{
  GPtrArray *highlights = story != NULL ? story->highlights : NULL;
  GList     *rows = gtk_container_get_children (GTK_CONTAINER (self->highlight_list));
  GList     *l = rows;
  guint      i = 0;
  gboolean   same;

  for (; l != NULL && highlights != NULL && i < highlights->len; l = l->next, i++)
    if (sd_highlight_row_get_id (l->data)
        != ((SdHighlight *) g_ptr_array_index (highlights, i))->id)
      break;
  same = l == NULL && i == (highlights != NULL ? highlights->len : 0);
  g_list_free (rows);
  return same;
}

static void
show_highlights (SdStoryInspector *self, const SdStory *story)
{
  if (highlights_shown (self, story))
    {
      gtk_widget_set_visible (self->highlight_box, story != NULL && story->highlights != NULL
                                                       && story->highlights->len > 0);
      return;
    }
  clear_container (GTK_CONTAINER (self->highlight_list));
  for (guint i = 0; story != NULL && story->highlights != NULL && i < story->highlights->len; i++)
    {
      GtkWidget *row = sd_highlight_row_new (g_ptr_array_index (story->highlights, i));

      g_signal_connect (row, "remove-highlight", G_CALLBACK (highlight_remove_cb), self);
      gtk_container_add (GTK_CONTAINER (self->highlight_list), row);
    }
  gtk_widget_set_visible (self->highlight_box,
                          story != NULL && story->highlights != NULL && story->highlights->len > 0);
}

static void
place_chosen_cb (SdStoryInspector *self, const char *code)
{
  const SdStory *story = get_single_story (self);
  g_autoptr (GError) error = NULL;

  if (story == NULL || g_strcmp0 (code, story->place_code) == 0)
    return;
  if (!sd_edit_history_set_place (self->history, story->id, code, &error))
    sd_note_editor_show_error (self->note_editor, error);
}

static void
show_place (SdStoryInspector *self, const SdStory *story)
{
  SdGazetteer     *gazetteer = sd_gazetteer_get_default ();
  const SdPlace   *place = story != NULL && story->place_code != NULL
                               ? sd_gazetteer_lookup (gazetteer, story->place_code)
                               : NULL;
  const SdPlace   *city = NULL, *district = NULL, *town = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->place_box, story != NULL);
  if (story == NULL)
    return;
  sd_place_chooser_set_current (self->place_chooser, story->place_code);
  if (place == NULL)
    text = g_strdup (_("Unplaced"));
  else if (place->level == SD_PLACE_LEVEL_PROVINCE)
    text = g_strdup (place->name);
  else
    {
      sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);
      text = g_strjoin (" ", city ? city->name : "", district ? district->name : "",
                        town ? town->name : "", NULL);
      g_strstrip (text);
    }
  if (story->place_by_editor)
    {
      g_autofree char *marked = g_strdup_printf (_("%s (by an editor)"), text);
      g_free (text);
      text = g_steal_pointer (&marked);
    }
  sd_label_update_text (self->place_label, text);
}

/* Shows everything but the note, which has its own life while typed. */
static void
show_selection (SdStoryInspector *self)
{
  const SdStory *story = get_single_story (self);
  guint          n = count_selected (self);

  self->updating = TRUE;
  show_tags (self);
  if (story != NULL)
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->status_combo),
                                 sd_story_status_to_string (story->status));
  show_suggestions (self, story);
  show_highlights (self, story);
  show_place (self, story);
  if (self->status_conflict != 0)
    show_status_conflict (self);

  gtk_widget_set_visible (self->status_box, story != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->note_editor), story != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->selection_label), n > 1);
  if (n > 1)
    {
      g_autofree char *text =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u story selected: tags apply to all",
                                        "%u stories selected: tags apply to all", n),
                           n);
      sd_label_update_text (self->selection_label, text);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), n > 0);
  self->updating = FALSE;
}

static void
library_changed_cb (SdLibraryModel *library, SdLibraryModelParts parts, SdStoryInspector *self)
{
  if (!(parts & SD_LIBRARY_MODEL_TAGS))
    return;
  refresh_completion (self);
  show_tags (self);
}

static void
sd_story_inspector_dispose (GObject *object)
{
  SdStoryInspector *self = SD_STORY_INSPECTOR (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->history);
  g_clear_object (&self->library);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->stories, g_ptr_array_unref);
  if (self->tag_box != NULL)
    gtk_flow_box_set_sort_func (self->tag_box, NULL, NULL, NULL);
  g_clear_pointer (&self->tag_order, g_hash_table_unref);

  G_OBJECT_CLASS (sd_story_inspector_parent_class)->dispose (object);
}

static void
sd_story_inspector_class_init (SdStoryInspectorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_story_inspector_dispose;

  g_type_ensure (SD_TYPE_NOTE_EDITOR);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-story-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, place_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, place_button);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, place_label);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, status_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, status_combo);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, status_bar);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, status_conflict_label);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, tag_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, tag_names);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, highlight_box);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, highlight_list);
  gtk_widget_class_bind_template_child (widget_class, SdStoryInspector, note_editor);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activated_cb);
}

static void
sd_story_inspector_init (SdStoryInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tag_order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_flow_box_set_sort_func (self->tag_box, compare_chips, self, NULL);
  self->place_chooser = SD_PLACE_CHOOSER (sd_place_chooser_new (GTK_WIDGET (self->place_button)));
  gtk_menu_button_set_popover (self->place_button, GTK_WIDGET (self->place_chooser));
  g_signal_connect_object (self->place_chooser, "place-chosen", G_CALLBACK (place_chosen_cb), self,
                           G_CONNECT_SWAPPED);

  for (SdStoryStatus status = SD_STORY_STATUS_NEW; status <= SD_STORY_STATUS_REJECTED; status++)
    gtk_combo_box_text_append (self->status_combo, sd_story_status_to_string (status),
                               sd_story_status_to_label (status));
}

void
sd_story_inspector_set_models (SdStoryInspector *self,
                               SdLibraryModel   *library,
                               SdStoryModel     *shown,
                               SdEditHistory    *history)
{
  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  g_set_object (&self->shown, shown);
  g_set_object (&self->history, history);
  sd_note_editor_set_history (self->note_editor, history);
  if (library != NULL)
    g_signal_connect (library, "changed", G_CALLBACK (library_changed_cb), self);
  refresh_completion (self);
}

void
sd_story_inspector_set_stories (SdStoryInspector *self, GPtrArray *stories, GArray *ids)
{
  const SdStory *before, *now;
  gint64         before_id;

  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  before = get_single_story (self);
  before_id = before != NULL ? before->id : 0;
  if (stories != NULL)
    g_ptr_array_ref (stories);
  g_clear_pointer (&self->stories, g_ptr_array_unref);
  self->stories = stories;
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = ids != NULL ? g_array_ref (ids) : g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; ids == NULL && stories != NULL && i < stories->len; i++)
    g_array_append_val (self->ids, ((SdStory *) g_ptr_array_index (stories, i))->id);
  now = get_single_story (self);
  /* The same story selected again (the list reloaded after another
   * process wrote): the note being typed, its conflict with that writer,
   * and the tag being typed stay as they are. */
  if (now != NULL && now->id == before_id)
    {
      sd_note_editor_update_story (self->note_editor, now);
      show_selection (self);
      return;
    }
  sd_note_editor_flush (self->note_editor);
  if (self->history != NULL)
    sd_edit_history_close_group (self->history);
  sd_note_editor_show_story (self->note_editor, now);

  self->updating = TRUE;
  gtk_entry_set_text (self->tag_entry, "");
  self->updating = FALSE;

  show_selection (self);
}

void
sd_story_inspector_update_story (SdStoryInspector *self, const SdStory *story)
{
  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  for (guint i = 0; self->stories != NULL && i < self->stories->len; i++)
    {
      SdStory *old = g_ptr_array_index (self->stories, i);

      if (old->id != story->id)
        continue;
      g_ptr_array_index (self->stories, i) = sd_story_ref ((SdStory *) story);
      sd_story_unref (old);
    }
  show_selection (self);
  sd_note_editor_update_story (self->note_editor, story);
  sd_note_editor_show_saved (self->note_editor);
}

void
sd_story_inspector_flush (SdStoryInspector *self)
{
  g_return_if_fail (SD_IS_STORY_INSPECTOR (self));

  sd_note_editor_flush (self->note_editor);
}
