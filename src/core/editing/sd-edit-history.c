/* sd-edit-history.c
 *
 * Every action is recorded as the rows it could change, read in its own
 * transaction before it ran, so that undoing it puts back exactly those
 * rows, ids included: a join undone gives the joined story back under its
 * old id with all it carried, a bulk tag undone leaves the stories that had
 * the tag before as they were.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-edit-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-edit-history-private.h"

/* Enough for a day's work on a few stories; older steps fall off. */
#define MAX_STEPS 500

struct _SdEditHistory
{
  GObject parent_instance;

  SdStore   *store;   /* NULL on a library that keeps no undo steps */
  SdLibrary *library; /* the store, or a shared library */
  GQueue     undo;    /* (element-type Edit) newest at the head */
  GQueue     redo;
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
  g_clear_pointer (&edit->snapshot, sd_store_snapshot_free);
  g_clear_pointer (&edit->shared, _sd_edit_history_shared_step_free);
  g_free (edit->label);
  g_free (edit);
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

/* A status or a place given to several stories at once: one step, which
 * changed something when any story changed. */
static gboolean
perform_on_each (SdStore *store, Action *action, GError **error)
{
  action->changed = FALSE;
  for (guint i = 0; i < action->n_ids; i++)
    {
      g_auto (SdStoreReplaced) replaced = { 0 };

      if (!(action->kind == EDIT_STATUS
                ? sd_store_edit_status (store, action->ids[i], action->status, &replaced, error)
                : sd_store_edit_place (store, action->ids[i], action->text, &replaced, error)))
        return FALSE;
      action->changed |= replaced.changed;
    }
  return TRUE;
}

/* The action itself, inside the edit's transaction (an SdStoreEditFunc). */
static gboolean
perform (SdStore *store, gpointer data, GError **error)
{
  Action *action = data;
  g_auto (SdStoreReplaced) replaced = { 0 };
  g_autoptr (GArray) changed = NULL;
  gboolean ok;

  action->changed = TRUE;
  g_free (action->label);
  action->label = _sd_edit_history_describe (SD_LIBRARY (store), action);
  switch (action->kind)
    {
    case EDIT_ADD_TAG:
    case EDIT_REMOVE_TAG:
      changed = g_array_new (FALSE, FALSE, sizeof (gint64));
      ok = action->kind == EDIT_ADD_TAG
               ? sd_store_add_tag_to_stories (store, action->ids, action->n_ids, action->text,
                                              changed, error)
               : sd_store_remove_tag_from_stories (store, action->ids, action->n_ids, action->text,
                                                   changed, error);
      action->changed = changed->len > 0;
      return ok;
    case EDIT_NOTE:
      ok = sd_store_edit_note (store, action->story_id, action->expected, action->text, &replaced,
                               error);
      action->changed = replaced.changed;
      return ok;
    case EDIT_STATUS:
      if (action->ids != NULL)
        return perform_on_each (store, action, error);
      ok = sd_store_edit_status (store, action->story_id, action->status, &replaced, error);
      action->changed = replaced.changed;
      return ok;
    case EDIT_FIELD:
      ok = sd_store_edit_story_field (store, action->story_id, action->field, action->text,
                                      &replaced, error);
      action->changed = replaced.changed;
      return ok;
    case EDIT_ADD_HIGHLIGHT:
      return sd_store_add_highlight (store, action->story_id, action->start, action->end,
                                     action->text, &action->new_id, error);
    case EDIT_REMOVE_HIGHLIGHT:
      return sd_store_edit_remove_highlight (store, action->story_id, action->number, &replaced,
                                             error);
    case EDIT_PLACE:
      if (action->ids != NULL)
        return perform_on_each (store, action, error);
      return sd_store_set_place (store, action->story_id, action->text, error);
    case EDIT_DISMISS_THEME:
      return sd_store_dismiss_theme (store, action->story_id, action->text, error);
    case EDIT_SPLIT:
      if (!sd_store_split_story (store, action->story_id, action->number, &action->new_id, error))
        return FALSE;
      /* covered before the rows the step leaves are read */
      sd_store_snapshot_add_story (action->snapshot, action->new_id);
      return TRUE;
    case EDIT_MERGE:
      return sd_store_merge_with_next (store, action->story_id, NULL, NULL, error);
    case EDIT_REVERT_REPAIR:
      return sd_store_revert_repair (store, action->story_id, action->number, error);
    case EDIT_TRASH:
    case EDIT_RESTORE:
      action->changed = FALSE;
      for (guint i = 0; i < action->n_ids; i++)
        {
          guint n = 0;

          if (!(action->kind == EDIT_TRASH
                    ? sd_store_trash (store, action->trash, action->ids[i], &n, error)
                    : sd_store_restore (store, action->trash, action->ids[i], &n, error)))
            return FALSE;
          action->changed |= n > 0;
        }
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* A new step of @action, now that it changed something. */
static void
push_step (SdEditHistory *self, const Action *action, Edit *edit)
{
  edit->kind = action->kind;
  /* a tag on one story is about that story */
  edit->story_id = action->n_ids == 1 && action->ids != NULL && action->kind != EDIT_TRASH
                           && action->kind != EDIT_RESTORE
                       ? action->ids[0]
                       : action->story_id;
  push (self, edit);
}

/* Runs @action with the rows it may change captured first, and makes it an
 * undo step when it changed something. */
static gboolean
record_step (SdEditHistory *self, Action *action, GError **error)
{
  g_autoptr (SdStoreSnapshot) snapshot = sd_store_snapshot_new ();
  Edit *edit;

  switch (action->kind)
    {
    case EDIT_ADD_TAG:
    case EDIT_REMOVE_TAG:
      for (guint i = 0; i < action->n_ids; i++)
        sd_store_snapshot_add_story (snapshot, action->ids[i]);
      sd_store_snapshot_add_tag (snapshot, action->text);
      break;
    case EDIT_SPLIT:
    case EDIT_MERGE:
      /* the other stories of the page move up or down */
      sd_store_snapshot_add_page_of (snapshot, action->story_id);
      break;
    case EDIT_TRASH:
    case EDIT_RESTORE:
      for (guint i = 0; i < action->n_ids; i++)
        sd_store_snapshot_add_trash_target (snapshot, action->trash, action->ids[i]);
      break;
    default:
      for (guint i = 0; i < action->n_ids; i++)
        sd_store_snapshot_add_story (snapshot, action->ids[i]);
      if (action->ids == NULL)
        sd_store_snapshot_add_story (snapshot, action->story_id);
    }
  action->snapshot = snapshot;
  if (!sd_store_run_edit (self->store, snapshot, perform, action, error))
    return FALSE;
  if (!action->changed)
    return TRUE; /* nothing happened, nothing to undo */
  edit = g_new0 (Edit, 1);
  edit->snapshot = g_steal_pointer (&snapshot);
  edit->label = g_steal_pointer (&action->label);
  push_step (self, action, edit);
  return TRUE;
}

static gboolean
record (SdEditHistory *self, Action *action, GError **error)
{
  SharedStep *shared = NULL;
  gboolean    ok;

  if (self->store == NULL) /* a shared library: its versioned writes */
    {
      ok = _sd_edit_history_run_shared (self->library, action, &shared, &action->label, error);
      if (shared != NULL)
        push_step (self, action,
                   g_memdup2 (&(Edit){ .shared = shared, .label = action->label }, sizeof (Edit)));
      else
        g_free (action->label);
      return ok;
    }
  ok = record_step (self, action, error);

  g_clear_pointer (&action->label, g_free); /* when no step took it */
  return ok;
}

static void
sd_edit_history_dispose (GObject *object)
{
  SdEditHistory *self = SD_EDIT_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) edit_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) edit_free);
  g_clear_object (&self->store);
  g_clear_object (&self->library);

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
  self->library = g_object_ref (SD_LIBRARY (store));
  return self;
}

/**
 * sd_edit_history_new_for_library:
 *
 * Returns: (transfer full) an empty history of actions on @library: with
 * undo on a personal library, as sd_edit_history_new (); on a shared
 * library its tags, notes, statuses, highlights and themes turned down,
 * undone through the library's versioned writes
 * (sd-edit-history-shared.c), the other actions refused
 */
SdEditHistory *
sd_edit_history_new_for_library (SdLibrary *library)
{
  SdEditHistory *self;

  if (SD_IS_STORE (library))
    return sd_edit_history_new (SD_STORE (library));
  self = g_object_new (SD_TYPE_EDIT_HISTORY, NULL);
  self->library = g_object_ref (library);
  return self;
}

gboolean
sd_edit_history_add_tag (
    SdEditHistory *self, const gint64 *ids, guint n_ids, const char *tag, GError **error)
{
  Action action = { EDIT_ADD_TAG, .ids = ids, .n_ids = n_ids, .text = tag };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_remove_tag (
    SdEditHistory *self, const gint64 *ids, guint n_ids, const char *tag, GError **error)
{
  Action action = { EDIT_REMOVE_TAG, .ids = ids, .n_ids = n_ids, .text = tag };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

/* A note typed on, inside the step it extends (an SdStoreEditFunc). */
static gboolean
save_note (SdStore *store, gpointer data, GError **error)
{
  Action *action = data;

  return sd_store_set_note_from (store, action->story_id, action->expected, action->text, error);
}

gboolean
sd_edit_history_set_note (SdEditHistory *self, gint64 story_id, const char *note, GError **error)
{
  return sd_edit_history_set_note_from (self, story_id, NULL, note, error);
}

gboolean
sd_edit_history_set_note_from (
    SdEditHistory *self, gint64 story_id, const char *expected, const char *note, GError **error)
{
  Edit  *top = g_queue_peek_head (&self->undo);
  Action action = { EDIT_NOTE, story_id, .text = note, .expected = expected };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  /* The step keeps the note as it was before the first save. */
  if (top != NULL && top->open && top->kind == EDIT_NOTE && top->story_id == story_id)
    {
      /* the step keeps its rows before and learns the rows after */
      action.snapshot = top->snapshot;
      if (self->store == NULL
              ? !_sd_edit_history_extend_shared (self->library, top->shared, &action, error)
              : !sd_store_extend_edit (self->store, top->snapshot, save_note, &action, error))
        return FALSE;
      g_queue_clear_full (&self->redo, (GDestroyNotify) edit_free);
      return TRUE;
    }
  if (!record (self, &action, error))
    return FALSE;
  top = g_queue_peek_head (&self->undo);
  if (action.changed)
    top->open = TRUE;
  return TRUE;
}

gboolean
sd_edit_history_set_status (SdEditHistory *self,
                            gint64         story_id,
                            SdStoryStatus  status,
                            GError       **error)
{
  Action action = { EDIT_STATUS, story_id, .status = status };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

/* On a shared library, only over the status @expected the editor saw
 * (SD_STORE_ERROR_CHANGED otherwise); a personal library writes it as
 * sd_edit_history_set_status () does, undo putting it back. */
gboolean
sd_edit_history_set_status_from (SdEditHistory *self,
                                 gint64         story_id,
                                 SdStoryStatus  expected,
                                 SdStoryStatus  status,
                                 GError       **error)
{
  Action action = { EDIT_STATUS, story_id, .status = status, .expected_status = &expected };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_set_status_of (
    SdEditHistory *self, const gint64 *ids, guint n_ids, SdStoryStatus status, GError **error)
{
  Action action = { EDIT_STATUS, .ids = ids, .n_ids = n_ids, .status = status };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_set_place_of (
    SdEditHistory *self, const gint64 *ids, guint n_ids, const char *place_code, GError **error)
{
  Action action = { EDIT_PLACE, .ids = ids, .n_ids = n_ids, .text = place_code };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_add_highlight (SdEditHistory *self,
                               gint64         story_id,
                               gint64         start,
                               gint64         end,
                               const char    *comment,
                               GError       **error)
{
  Action action = { EDIT_ADD_HIGHLIGHT, story_id, .text = comment, .start = start, .end = end };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_remove_highlight (SdEditHistory *self,
                                  gint64         story_id,
                                  gint64         highlight_id,
                                  GError       **error)
{
  Action action = { EDIT_REMOVE_HIGHLIGHT, story_id, .number = highlight_id };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_set_place (SdEditHistory *self,
                           gint64         story_id,
                           const char    *place_code,
                           GError       **error)
{
  Action action = { EDIT_PLACE, story_id, .text = place_code };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_dismiss_theme (SdEditHistory *self,
                               gint64         story_id,
                               const char    *theme,
                               GError       **error)
{
  Action action = { EDIT_DISMISS_THEME, story_id, .text = theme };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_set_story_field (
    SdEditHistory *self, gint64 story_id, SdStoryField field, const char *value, GError **error)
{
  return sd_edit_history_set_story_field_from (self, story_id, field, NULL, value, error);
}

gboolean
sd_edit_history_set_story_field_from (SdEditHistory *self,
                                      gint64         story_id,
                                      SdStoryField   field,
                                      const char    *expected,
                                      const char    *value,
                                      GError       **error)
{
  Action action = { EDIT_FIELD, story_id, .field = field, .text = value, .expected = expected };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (field <= SD_STORY_FIELD_BYLINE, FALSE);
  /* a field left as shown is no change of the editor's, on either engine */
  if (expected != NULL
      && g_strcmp0 (*expected != '\0' ? expected : NULL,
                    value != NULL && *value != '\0' ? value : NULL)
             == 0)
    return TRUE;
  return record (self, &action, error);
}

gboolean
sd_edit_history_split_story (
    SdEditHistory *self, gint64 story_id, guint paragraph, gint64 *out_new_id, GError **error)
{
  Action action = { EDIT_SPLIT, story_id, .number = paragraph };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);

  if (!record (self, &action, error))
    return FALSE;
  if (out_new_id != NULL)
    *out_new_id = action.new_id;
  return TRUE;
}

gboolean
sd_edit_history_merge_with_next (SdEditHistory *self, gint64 story_id, GError **error)
{
  Action action = { EDIT_MERGE, story_id };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_revert_repair (SdEditHistory *self,
                               gint64         story_id,
                               gint64         repair_id,
                               GError       **error)
{
  Action action = { EDIT_REVERT_REPAIR, story_id, .number = repair_id };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_trash (
    SdEditHistory *self, SdTrashKind kind, const gint64 *ids, guint n_ids, GError **error)
{
  Action action = { EDIT_TRASH, kind == SD_TRASH_STORY && n_ids == 1 ? ids[0] : 0, .ids = ids,
                    .n_ids = n_ids, .trash = kind };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
}

gboolean
sd_edit_history_restore (
    SdEditHistory *self, SdTrashKind kind, const gint64 *ids, guint n_ids, GError **error)
{
  Action action = { EDIT_RESTORE, kind == SD_TRASH_STORY && n_ids == 1 ? ids[0] : 0, .ids = ids,
                    .n_ids = n_ids, .trash = kind };

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return record (self, &action, error);
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

/**
 * sd_edit_history_get_undo_label:
 *
 * Returns: (nullable): what undo would take back, in the editor's words
 *   ("Mark “…” as Reviewed"), or %NULL when there is nothing to undo
 */
const char *
sd_edit_history_get_undo_label (SdEditHistory *self)
{
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), NULL);
  edit = g_queue_peek_head (&self->undo);
  return edit != NULL ? edit->label : NULL;
}

const char *
sd_edit_history_get_redo_label (SdEditHistory *self)
{
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), NULL);
  edit = g_queue_peek_head (&self->redo);
  return edit != NULL ? edit->label : NULL;
}

/* The story the newest undo (or, with @redo, redo) step is about; 0 if none. */
gint64
sd_edit_history_get_next_story (SdEditHistory *self, gboolean redo)
{
  Edit *edit;

  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), 0);
  edit = g_queue_peek_head (redo ? &self->redo : &self->undo);
  return edit != NULL ? edit->story_id : 0;
}

/* Moves the newest step of @from onto @to, putting back the rows it holds;
 * on failure the step stays where it was. */
static gboolean
move_step (SdEditHistory *self, GQueue *from, GQueue *to, GError **error)
{
  Edit *edit = g_queue_peek_head (from);
  g_autoptr (GError) local_error = NULL;
  gint64 renumbered[2] = { 0, 0 };

  if (edit == NULL)
    return TRUE;
  edit->open = FALSE;
  if (self->store != NULL
          ? !sd_store_swap_snapshot (self->store, edit->snapshot, &local_error)
          : !_sd_edit_history_swap_shared (self->library, edit->shared, from == &self->undo,
                                           edit->label, renumbered, &local_error))
    {
      /* Changed by someone else since: the step is gone for good, so the
       * next Ctrl+Z tries the one before instead of failing again. */
      if (g_error_matches (local_error, SD_STORE_ERROR, SD_STORE_ERROR_CHANGED))
        {
          edit_free (g_queue_pop_head (from));
          notify_state (self);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_queue_push_head (to, g_queue_pop_head (from));
  _sd_edit_history_renumber_shared (&self->undo, renumbered);
  _sd_edit_history_renumber_shared (&self->redo, renumbered);
  notify_state (self);
  return TRUE;
}

gboolean
sd_edit_history_undo (SdEditHistory *self, GError **error)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return move_step (self, &self->undo, &self->redo, error);
}

gboolean
sd_edit_history_redo (SdEditHistory *self, GError **error)
{
  g_return_val_if_fail (SD_IS_EDIT_HISTORY (self), FALSE);
  return move_step (self, &self->redo, &self->undo, error);
}
