/* sd-edit-history.c
 *
 * Every action is recorded as what it changed, so that undoing it puts back
 * exactly that: a bulk tag undone removes the tag only from the stories that
 * did not have it before.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-edit-history"

#include "config.h"

#include "sd-edit-history.h"
#include "sd-store-edit.h"

/* Enough for a day's work on a few stories; older steps fall off. */
#define MAX_STEPS 500

typedef enum
{
  EDIT_ADD_TAG,
  EDIT_REMOVE_TAG,
  EDIT_NOTE,
  EDIT_STATUS,
  EDIT_ADD_HIGHLIGHT,
  EDIT_REMOVE_HIGHLIGHT,
  EDIT_PLACE,
  EDIT_DISMISS_THEME,
  EDIT_FIELD,
  EDIT_SPLIT,
  EDIT_MERGE,
  EDIT_REVERT_REPAIR,
} EditKind;

typedef struct
{
  EditKind      kind;
  gint64        story_id;
  GArray       *ids;      /* EDIT_*_TAG: the stories it changed */
  char         *text;     /* the tag, note, place code or theme after */
  char         *old_text; /* the note or place code before */
  SdStoryStatus status;
  SdStoryStatus old_status;
  double        old_confidence;
  gboolean      old_by_editor;
  SdHighlight  *highlight; /* EDIT_*_HIGHLIGHT, with its current id */
  SdStoryField  field;
  guint         paragraph; /* EDIT_SPLIT, EDIT_MERGE: where the cut is */
  gint64        other_id;  /* EDIT_SPLIT: the new story; EDIT_MERGE: the joined one */
  SdStory      *joined;    /* EDIT_MERGE: the joined story as it was;
                             * EDIT_REVERT_REPAIR: the story before */
  SdRepair     *repair;    /* EDIT_REVERT_REPAIR */
  gboolean      open;      /* a note edit that later saves extend */
} Edit;

struct _SdEditHistory
{
  GObject parent_instance;

  SdStore *store;
  GQueue   undo; /* (element-type Edit) newest at the head */
  GQueue   redo;
};

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE (SdEditHistory, sd_edit_history, G_TYPE_OBJECT)

static void
edit_free (Edit *edit)
{
  g_clear_pointer (&edit->ids, g_array_unref);
  g_free (edit->text);
  g_free (edit->old_text);
  g_clear_pointer (&edit->highlight, sd_highlight_free);
  g_clear_pointer (&edit->joined, sd_story_unref);
  g_clear_pointer (&edit->repair, sd_repair_free);
  g_free (edit);
}

static Edit *
edit_new (EditKind kind, gint64 story_id)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->story_id = story_id;
  return edit;
}

static void
notify_state (SdEditHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push (SdEditHistory *self, Edit *edit)
{
  g_queue_clear_full (&self->redo, (GDestroyNotify) edit_free);
  sd_edit_history_close_group (self);
  g_queue_push_head (&self->undo, edit);
  while (g_queue_get_length (&self->undo) > MAX_STEPS)
    edit_free (g_queue_pop_tail (&self->undo));
  notify_state (self);
}

static gboolean
apply (SdEditHistory *self, Edit *edit, gboolean forward, GError **error)
{
  SdStore *store = self->store;

  switch (edit->kind)
    {
    case EDIT_ADD_TAG:
    case EDIT_REMOVE_TAG:
      if ((edit->kind == EDIT_ADD_TAG) == forward)
        return sd_store_add_tag_to_stories (store, (gint64 *) edit->ids->data, edit->ids->len,
                                            edit->text, NULL, error);
      return sd_store_remove_tag_from_stories (store, (gint64 *) edit->ids->data, edit->ids->len,
                                               edit->text, NULL, error);
    case EDIT_NOTE:
      return sd_store_set_note (store, edit->story_id, forward ? edit->text : edit->old_text,
                                error);
    case EDIT_STATUS:
      return sd_store_set_status (store, edit->story_id, forward ? edit->status : edit->old_status,
                                  error);
    case EDIT_ADD_HIGHLIGHT:
    case EDIT_REMOVE_HIGHLIGHT:
      /* Putting a highlight back makes a new row: remember its new id. */
      if ((edit->kind == EDIT_ADD_HIGHLIGHT) == forward)
        return sd_store_add_highlight (store, edit->story_id, edit->highlight->start,
                                       edit->highlight->end, edit->highlight->comment,
                                       &edit->highlight->id, error);
      return sd_store_remove_highlight (store, edit->highlight->id, error);
    case EDIT_PLACE:
      if (forward)
        return sd_store_set_place (store, edit->story_id, edit->text, error);
      return sd_store_restore_place (store, edit->story_id, edit->old_text, edit->old_confidence,
                                     edit->old_by_editor, error);
    case EDIT_DISMISS_THEME:
      if (forward)
        return sd_store_dismiss_theme (store, edit->story_id, edit->text, error);
      return sd_store_undismiss_theme (store, edit->story_id, edit->text, error);
    case EDIT_FIELD:
      return sd_store_set_story_field (store, edit->story_id, edit->field,
                                       forward ? edit->text : edit->old_text, error);
    case EDIT_SPLIT:
      if (forward)
        return sd_store_split_story (store, edit->story_id, edit->paragraph, &edit->other_id,
                                     error);
      return sd_store_merge_with_next (store, edit->story_id, NULL, NULL, error);
    case EDIT_REVERT_REPAIR:
      if (forward)
        return sd_store_revert_repair (store, edit->story_id, edit->repair->id, error);
      return sd_store_restore_repair (store, edit->story_id, edit->repair, edit->joined->body,
                                      edit->joined->byline, edit->joined->captions, error);
    case EDIT_MERGE:
      if (forward)
        return sd_store_merge_with_next (store, edit->story_id, &edit->other_id, NULL, error);
      return sd_store_edit_unmerge (store, edit->story_id, edit->paragraph, edit->old_text,
                                    edit->joined, &edit->other_id, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
change_tag (SdEditHistory *self,
            EditKind       kind,
            const gint64  *ids,
            guint          n_ids,
            const char    *tag,
            GError       **error)
{
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok =
      kind == EDIT_ADD_TAG
          ? sd_store_add_tag_to_stories (self->store, ids, n_ids, tag, changed, error)
          : sd_store_remove_tag_from_stories (self->store, ids, n_ids, tag, changed, error);
  Edit *edit;

  if (!ok)
    return FALSE;
  if (changed->len == 0)
    return TRUE; /* nothing happened, nothing to undo */
  edit = edit_new (kind, 0);
  edit->ids = g_steal_pointer (&changed);
  edit->text = g_strstrip (g_utf8_normalize (tag, -1, G_NORMALIZE_NFKC));
  push (self, edit);
  return TRUE;
}

static void
sd_edit_history_dispose (GObject *object)
{
  SdEditHistory *self = SD_EDIT_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) edit_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) edit_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sd_edit_history_parent_class)->dispose (object);
}

static void
sd_edit_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdEditHistory *self = SD_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sd_edit_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sd_edit_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_edit_history_class_init (SdEditHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sd_edit_history_dispose;
  object_class->get_property = sd_edit_history_get_property;

  properties[PROP_CAN_UNDO] =
      g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
      g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sd_edit_history_init (SdEditHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * sd_edit_history_new:
 *
 * Returns: (transfer full) an empty history of actions on @store
 */
SdEditHistory *
sd_edit_history_new (SdStore *store)
{
  SdEditHistory *self = g_object_new (SD_TYPE_EDIT_HISTORY, NULL);

  self->store = g_object_ref (store);
  return self;
}

gboolean
sd_edit_history_add_tag (
    SdEditHistory *self, const gint64 *ids, guint n_ids, const char *tag, GError **error)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return change_tag (self, EDIT_ADD_TAG, ids, n_ids, tag, error);
}

gboolean
sd_edit_history_remove_tag (
    SdEditHistory *self, const gint64 *ids, guint n_ids, const char *tag, GError **error)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return change_tag (self, EDIT_REMOVE_TAG, ids, n_ids, tag, error);
}

gboolean
sd_edit_history_set_note (SdEditHistory *self, gint64 story_id, const char *note, GError **error)
{
  Edit *top = g_queue_peek_head (&self->undo);
  g_auto (SdStoreReplaced) replaced = { 0 };
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (top != NULL && top->open && top->kind == EDIT_NOTE && top->story_id == story_id)
    {
      if (!sd_store_set_note (self->store, story_id, note, error))
        return FALSE;
      g_free (top->text);
      top->text = g_strdup (note);
      g_queue_clear_full (&self->redo, (GDestroyNotify) edit_free);
      return TRUE;
    }

  if (!sd_store_edit_note (self->store, story_id, note, &replaced, error))
    return FALSE;
  if (!replaced.changed)
    return TRUE;
  edit = edit_new (EDIT_NOTE, story_id);
  edit->old_text = g_strdup (replaced.story->note);
  edit->text = g_strdup (note);
  push (self, edit);
  edit->open = TRUE;
  return TRUE;
}

gboolean
sd_edit_history_set_status (SdEditHistory *self,
                            gint64         story_id,
                            SdStoryStatus  status,
                            GError       **error)
{
  g_auto (SdStoreReplaced) replaced = { 0 };
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!sd_store_edit_status (self->store, story_id, status, &replaced, error))
    return FALSE;
  if (!replaced.changed)
    return TRUE;
  edit = edit_new (EDIT_STATUS, story_id);
  edit->old_status = replaced.story->status;
  edit->status = status;
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_add_highlight (SdEditHistory *self,
                               gint64         story_id,
                               gint64         start,
                               gint64         end,
                               const char    *comment,
                               GError       **error)
{
  Edit *edit = edit_new (EDIT_ADD_HIGHLIGHT, story_id);

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  edit->highlight = g_new0 (SdHighlight, 1);
  edit->highlight->start = start;
  edit->highlight->end = end;
  edit->highlight->comment = g_strdup (comment != NULL ? comment : "");
  if (!apply (self, edit, TRUE, error))
    {
      edit_free (edit);
      return FALSE;
    }
  push (self, edit);
  return TRUE;
}

/* The highlight @id of @story, taken out of it; NULL when it has none. */
static SdHighlight *
steal_highlight (SdStory *story, gint64 id)
{
  for (guint i = 0; i < story->highlights->len; i++)
    if (((SdHighlight *) g_ptr_array_index (story->highlights, i))->id == id)
      return g_ptr_array_steal_index (story->highlights, i);
  return NULL;
}

gboolean
sd_edit_history_remove_highlight (SdEditHistory *self,
                                  gint64         story_id,
                                  gint64         highlight_id,
                                  GError       **error)
{
  g_auto (SdStoreReplaced) replaced = { 0 };
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!sd_store_edit_remove_highlight (self->store, story_id, highlight_id, &replaced, error))
    return FALSE;
  edit = edit_new (EDIT_REMOVE_HIGHLIGHT, story_id);
  edit->highlight = steal_highlight (replaced.story, highlight_id);
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_set_place (SdEditHistory *self,
                           gint64         story_id,
                           const char    *place_code,
                           GError       **error)
{
  g_auto (SdStoreReplaced) replaced = { 0 };
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!sd_store_edit_place (self->store, story_id, place_code, &replaced, error))
    return FALSE;
  edit = edit_new (EDIT_PLACE, story_id);
  edit->text = g_strdup (place_code);
  edit->old_text = g_strdup (replaced.story->place_code);
  edit->old_confidence = replaced.story->place_confidence;
  edit->old_by_editor = replaced.story->place_by_editor;
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_dismiss_theme (SdEditHistory *self,
                               gint64         story_id,
                               const char    *theme,
                               GError       **error)
{
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!sd_store_dismiss_theme (self->store, story_id, theme, error))
    return FALSE;
  edit = edit_new (EDIT_DISMISS_THEME, story_id);
  edit->text = g_strdup (theme);
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_set_story_field (
    SdEditHistory *self, gint64 story_id, SdStoryField field, const char *value, GError **error)
{
  g_auto (SdStoreReplaced) replaced = { 0 };
  const char *old_values[SD_STORY_FIELD_BYLINE + 1];
  Edit       *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, FALSE);

  if (!sd_store_edit_story_field (self->store, story_id, field, value, &replaced, error))
    return FALSE;
  if (!replaced.changed)
    return TRUE;
  old_values[SD_STORY_FIELD_HEADLINE] = replaced.story->headline;
  old_values[SD_STORY_FIELD_SUBHEADLINE] = replaced.story->subheadline;
  old_values[SD_STORY_FIELD_REPORTER] = replaced.story->reporter;
  old_values[SD_STORY_FIELD_BYLINE] = replaced.story->byline;
  edit = edit_new (EDIT_FIELD, story_id);
  edit->field = field;
  edit->old_text = g_strdup (old_values[field]);
  edit->text = g_strdup (value);
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_split_story (
    SdEditHistory *self, gint64 story_id, guint paragraph, gint64 *out_new_id, GError **error)
{
  Edit *edit = edit_new (EDIT_SPLIT, story_id);

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  edit->paragraph = paragraph;
  if (!apply (self, edit, TRUE, error))
    {
      edit_free (edit);
      return FALSE;
    }
  if (out_new_id != NULL)
    *out_new_id = edit->other_id;
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_merge_with_next (SdEditHistory *self, gint64 story_id, GError **error)
{
  g_auto (SdStoreReplaced) replaced = { 0 };
  Edit  *edit;
  gint64 next_id = 0;
  guint  paragraph = 0;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!sd_store_edit_merge_with_next (self->store, story_id, &next_id, &paragraph, &replaced,
                                      error))
    return FALSE;
  edit = edit_new (EDIT_MERGE, story_id);
  edit->old_text = g_strdup (replaced.story->note);
  /* What the joined story was, to give it back on undo. */
  edit->joined = g_steal_pointer (&replaced.next);
  edit->other_id = next_id;
  edit->paragraph = paragraph;
  push (self, edit);
  return TRUE;
}

gboolean
sd_edit_history_revert_repair (SdEditHistory *self,
                               gint64         story_id,
                               gint64         repair_id,
                               GError       **error)
{
  g_auto (SdStoreReplaced) replaced = { 0 };
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!sd_store_edit_revert_repair (self->store, story_id, repair_id, &replaced, error))
    return FALSE;
  edit = edit_new (EDIT_REVERT_REPAIR, story_id);
  for (guint i = 0; i < replaced.story->repairs->len; i++)
    {
      const SdRepair *repair = g_ptr_array_index (replaced.story->repairs, i);

      if (repair->id != repair_id)
        continue;
      edit->repair = sd_repair_new (repair->kind, repair->start, repair->end, repair->detail);
      edit->repair->id = repair->id;
    }
  /* The story before: its text and captions, to put back on undo. */
  edit->joined = g_steal_pointer (&replaced.story);
  push (self, edit);
  return TRUE;
}

void
sd_edit_history_close_group (SdEditHistory *self)
{
  Edit *top = g_queue_peek_head (&self->undo);

  g_return_if_fail (SD_IS_EDIT_HISTORY (self));
  if (top != NULL)
    top->open = FALSE;
}

gboolean
sd_edit_history_can_undo (SdEditHistory *self)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
sd_edit_history_can_redo (SdEditHistory *self)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

/* Moves the newest step of @from onto @to, applying it in @forward
 * direction; on failure the step stays where it was. */
static gboolean
move_step (SdEditHistory *self, GQueue *from, GQueue *to, gboolean forward, GError **error)
{
  Edit *edit = g_queue_peek_head (from);

  if (edit == NULL)
    return TRUE;
  edit->open = FALSE;
  if (!apply (self, edit, forward, error))
    return FALSE;
  g_queue_push_head (to, g_queue_pop_head (from));
  notify_state (self);
  return TRUE;
}

gboolean
sd_edit_history_undo (SdEditHistory *self, GError **error)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return move_step (self, &self->undo, &self->redo, FALSE, error);
}

gboolean
sd_edit_history_redo (SdEditHistory *self, GError **error)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return move_step (self, &self->redo, &self->undo, TRUE, error);
}
