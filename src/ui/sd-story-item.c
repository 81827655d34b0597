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
