/* sd-story-item.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-story-item"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-story-item.h"

struct _SdStoryItem
{
  GObject parent_instance;

  SdStory *story;
};

G_DEFINE_TYPE (SdStoryItem, sd_story_item, G_TYPE_OBJECT)

static void
sd_story_item_finalize (GObject *object)
{
  SdStoryItem *self = SD_STORY_ITEM (object);

  g_clear_pointer (&self->story, sd_story_unref);

  G_OBJECT_CLASS (sd_story_item_parent_class)->finalize (object);
}

static void
sd_story_item_class_init (SdStoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_story_item_finalize;
}

static void
sd_story_item_init (SdStoryItem *self)
{
}

SdStoryItem *
sd_story_item_new (SdStory *story)
{
  SdStoryItem *self;

  g_return_val_if_fail (story != NULL, NULL);

  self = g_object_new (SD_TYPE_STORY_ITEM, NULL);
  self->story = sd_story_ref (story);
  return self;
}

SdStory *
sd_story_item_get_story (SdStoryItem *self)
{
  g_return_val_if_fail (SD_IS_STORY_ITEM (self), NULL);
  return self->story;
}

gint64
sd_story_item_get_id (SdStoryItem *self)
{
  g_return_val_if_fail (SD_IS_STORY_ITEM (self), 0);
  return self->story->id;
}

char *
sd_story_dup_issue_label (const SdStory *story)
{
  g_autoptr (GString) label = g_string_new (NULL);

  g_return_val_if_fail (story != NULL, NULL);

  if (story->paper != NULL && *story->paper != '\0')
    g_string_append (label, story->paper);
  if (story->issue_date != NULL && *story->issue_date != '\0')
    g_string_append_printf (label, "%s%s", label->len ? " " : "", story->issue_date);
  if (story->page_no != NULL && *story->page_no != '\0')
    {
      /* TRANSLATORS: a newspaper page number, "A05"; Chinese says "A05版" */
      g_autofree char *page = g_strdup_printf (_("page %s"), story->page_no);
      g_string_append_printf (label, "%s%s", label->len ? " " : "", page);
    }
  if (label->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static gboolean
same_tags (const SdStory *a, const SdStory *b)
{
  guint n_a = a->tags != NULL ? a->tags->len : 0;
  guint n_b = b->tags != NULL ? b->tags->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (g_ptr_array_index (a->tags, i), g_ptr_array_index (b->tags, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
sd_story_row_differs (const SdStory *a, const SdStory *b)
{
  return g_strcmp0 (a->headline, b->headline) != 0 || g_strcmp0 (a->place_code, b->place_code) != 0
         || a->status != b->status || g_strcmp0 (a->updated, b->updated) != 0
         || g_strcmp0 (a->note, b->note) != 0 || g_strcmp0 (a->source_file, b->source_file) != 0
         || g_strcmp0 (a->paper, b->paper) != 0 || g_strcmp0 (a->issue_date, b->issue_date) != 0
         || g_strcmp0 (a->page_no, b->page_no) != 0 || !same_tags (a, b);
}
