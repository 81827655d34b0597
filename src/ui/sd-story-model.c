/* sd-story-model.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-model"

#include "config.h"

#include "sd-story-model.h"

struct _SdStoryModel
{
  GObject parent_instance;

  SdLibrary    *library;
  gint64        id;          /* the story asked for */
  SdStory      *story;       /* (nullable) the story shown, as last read */
  GPtrArray    *dismissed;   /* (element-type utf8) its themes turned down */
  GPtrArray    *suggestions; /* (element-type SdThemeSuggestion) its themes to suggest */
  GError       *error;
  GCancellable *cancellable;
};

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_STORY,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

G_DEFINE_TYPE (SdStoryModel, sd_story_model, G_TYPE_OBJECT)

static gboolean
same_lines (GPtrArray *a, GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static SdStoryModelChange
classify (const SdStory *old, const SdStory *story)
{
  if (old == NULL || story == NULL || old->id != story->id)
    return SD_STORY_MODEL_CHANGE_STORY;
  if (g_strcmp0 (old->headline, story->headline) != 0
      || g_strcmp0 (old->subheadline, story->subheadline) != 0
      || g_strcmp0 (old->reporter, story->reporter) != 0
      || g_strcmp0 (old->byline, story->byline) != 0 || g_strcmp0 (old->body, story->body) != 0
      || g_strcmp0 (old->place_code, story->place_code) != 0
      /* the header says where it was printed */
      || g_strcmp0 (old->paper, story->paper) != 0
      || g_strcmp0 (old->issue_date, story->issue_date) != 0
      || g_strcmp0 (old->page_no, story->page_no) != 0
      || !same_lines (old->captions, story->captions)
      || (old->repairs != NULL ? old->repairs->len : 0)
             != (story->repairs != NULL ? story->repairs->len : 0))
    return SD_STORY_MODEL_CHANGE_TEXT;
  return SD_STORY_MODEL_CHANGE_ANNOTATIONS;
}

/* Shows @details (NULL: no story). */
static void
show (SdStoryModel *self, SdStoryDetails *details)
{
  SdStory           *story = details != NULL ? details->story : NULL;
  SdStoryModelChange change = classify (self->story, story);

  g_clear_pointer (&self->story, sd_story_unref);
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  if (details != NULL)
    {
      self->story = g_steal_pointer (&details->story);
      self->dismissed = g_steal_pointer (&details->dismissed);
      self->suggestions = g_steal_pointer (&details->suggestions);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
  g_signal_emit (self, signals[CHANGED], 0, change);
}

static void
story_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (SdStoryModel) self = user_data;
  g_autoptr (SdStoryDetails) details = NULL;
  g_autoptr (GError) error = NULL;

  details = sd_library_get_story_details_finish (self->library, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (details == NULL && self->story != NULL && self->story->id == self->id)
    {
      /* Read again and gone (joined onto another): the list moves on. */
      g_debug ("story %" G_GINT64_FORMAT ": %s", self->id, error->message);
      return;
    }
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);
  show (self, details);
}

/* The story with its theme suggestions, worked out in the worker. */
static void
read_story (SdStoryModel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->id == 0)
    return;
  self->cancellable = g_cancellable_new ();
  sd_library_get_story_details_async (self->library, self->id, self->cancellable, story_read_cb,
                                      g_object_ref (self));
}

static void
story_changed_cb (SdLibrary *library, gint64 id, SdStoryModel *self)
{
  if (id == self->id)
    read_story (self);
}

static void
sd_story_model_dispose (GObject *object)
{
  SdStoryModel *self = SD_STORY_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);

  G_OBJECT_CLASS (sd_story_model_parent_class)->dispose (object);
}

static void
sd_story_model_finalize (GObject *object)
{
  SdStoryModel *self = SD_STORY_MODEL (object);

  /* Kept until now: a cancelled read still lands, and asks the store. */
  g_clear_object (&self->library);
  g_clear_pointer (&self->story, sd_story_unref);
  g_clear_pointer (&self->dismissed, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (sd_story_model_parent_class)->finalize (object);
}

static void
sd_story_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdStoryModel *self = SD_STORY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_boxed (value, self->story);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_story_model_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SdStoryModel *self = SD_STORY_MODEL (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The story read again whenever the library says it may have changed. */
static void
sd_story_model_constructed (GObject *object)
{
  SdStoryModel *self = SD_STORY_MODEL (object);

  G_OBJECT_CLASS (sd_story_model_parent_class)->constructed (object);

  g_signal_connect_swapped (self->library, "tags-changed", G_CALLBACK (read_story), self);
  g_signal_connect_swapped (self->library, "library-changed", G_CALLBACK (read_story), self);
  g_signal_connect (self->library, "story-changed", G_CALLBACK (story_changed_cb), self);
}

static void
sd_story_model_class_init (SdStoryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sd_story_model_constructed;
  object_class->dispose = sd_story_model_dispose;
  object_class->finalize = sd_story_model_finalize;
  object_class->get_property = sd_story_model_get_property;
  object_class->set_property = sd_story_model_set_property;

  properties[PROP_LIBRARY] =
      g_param_spec_object ("library", NULL, NULL, SD_TYPE_LIBRARY,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORY] =
      g_param_spec_boxed ("story", NULL, NULL, SD_TYPE_STORY,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdStoryModel::changed:
   * @change: a #SdStoryModelChange: another story, or what changed in this one
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sd_story_model_init (SdStoryModel *self)
{
}

SdStoryModel *
sd_story_model_new (SdLibrary *library)
{
  g_return_val_if_fail (SD_IS_LIBRARY (library), NULL);
  return g_object_new (SD_TYPE_STORY_MODEL, "library", library, NULL);
}

void
sd_story_model_set_id (SdStoryModel *self, gint64 id)
{
  g_return_if_fail (SD_IS_STORY_MODEL (self));

  if (id == self->id)
    return;
  self->id = id;
  read_story (self);
  if (id == 0)
    {
      g_clear_error (&self->error);
      show (self, NULL);
    }
}

gint64
sd_story_model_get_id (SdStoryModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), 0);
  return self->id;
}

SdStory *
sd_story_model_get_story (SdStoryModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), NULL);
  return self->story;
}

const GError *
sd_story_model_get_error (SdStoryModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), NULL);
  return self->error;
}

GPtrArray *
sd_story_model_get_dismissed_themes (SdStoryModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), NULL);
  return self->dismissed;
}

GPtrArray *
sd_story_model_get_suggestions (SdStoryModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), NULL);
  return self->suggestions;
}

SdLibrary *
sd_story_model_get_library (SdStoryModel *self)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), NULL);
  return self->library;
}

void
sd_story_model_read_page_async (SdStoryModel       *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_return_if_fail (SD_IS_STORY_MODEL (self));
  sd_library_read_story_page_async (self->library, self->story != NULL ? self->story->id : self->id,
                                    cancellable, callback, user_data);
}

SdStoryPage *
sd_story_model_read_page_finish (SdStoryModel *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (SD_IS_STORY_MODEL (self), NULL);
  return sd_library_read_story_page_finish (self->library, result, error);
}
