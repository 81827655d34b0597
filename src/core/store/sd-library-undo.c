/* sd-library-undo.c — undo of corrections on a library that keeps no
 * snapshots (a shared one, #17): the stories a step changed written back
 * whole, over what the step left only; and what tells two states of a
 * story apart, for the refusal an editor reads (no SQL here)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-library.h"

gboolean
sd_library_put_back_stories (SdLibrary *self,
                             GPtrArray *put,
                             GArray    *after,
                             GPtrArray *put_extras,
                             GPtrArray *left,
                             GError   **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (put != NULL && put->len > 0 && left != NULL, FALSE);
  g_return_val_if_fail (after == NULL || after->len == put->len, FALSE);
  g_return_val_if_fail (put_extras == NULL || put_extras->len == put->len, FALSE);
  if (SD_LIBRARY_GET_IFACE (self)->put_back_stories == NULL)
    {
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_UNDO));
      return FALSE;
    }
  return SD_LIBRARY_GET_IFACE (self)->put_back_stories (self, put, after, put_extras, left, error);
}

gint64
sd_library_find_next_story (SdLibrary *self, gint64 id, gint64 *out_after, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), -1);
  g_return_val_if_fail (out_after != NULL, -1);
  if (SD_LIBRARY_GET_IFACE (self)->find_next_story == NULL)
    {
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_UNDO));
      return -1;
    }
  return SD_LIBRARY_GET_IFACE (self)->find_next_story (self, id, out_after, error);
}

GVariant *
sd_library_read_story_extras (SdLibrary *self, gint64 id, GError **error)
{
  g_return_val_if_fail (SD_IS_LIBRARY (self), NULL);
  if (SD_LIBRARY_GET_IFACE (self)->read_story_extras == NULL)
    {
      g_set_error_literal (error, SD_LIBRARY_ERROR, SD_LIBRARY_ERROR_UNSUPPORTED,
                           sd_library_describe_missing_feature (self, SD_LIBRARY_CAN_UNDO));
      return NULL;
    }
  return SD_LIBRARY_GET_IFACE (self)->read_story_extras (self, id, error);
}

static gboolean
same_strings (GPtrArray *a, GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0, n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!g_ptr_array_find_with_equal_func (b, a->pdata[i], g_str_equal, NULL))
      return FALSE;
  return TRUE;
}

static gboolean
same_highlights (GPtrArray *a, GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0, n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      const SdHighlight *one = a->pdata[i];
      gboolean           found = FALSE;

      for (guint j = 0; j < n_b && !found; j++)
        {
          const SdHighlight *other = b->pdata[j];

          found = one->id == other->id && one->start == other->start && one->end == other->end
                  && g_strcmp0 (one->comment, other->comment) == 0;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* NULL and "" are both no value. */
static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

/**
 * sd_story_describe_change:
 *
 * Returns: (nullable) (transfer full): what changed from @was to @now, in
 *   the editor's words, the first difference only; %NULL when none
 */
char *
sd_story_describe_change (const SdStory *was, const SdStory *now)
{
  if ((was->trashed == NULL) != (now->trashed == NULL))
    return g_strdup (now->trashed != NULL ? _("the story (deleted it)")
                                          : _("the story (restored it)"));
  if (was->status != now->status)
    return g_strdup_printf (_("the status to %s"), sd_story_status_to_label (now->status));
  if (!same_text (was->note, now->note))
    return g_strdup (_("the note"));
  if (!same_strings (was->tags, now->tags))
    return g_strdup (_("the tags"));
  if (!same_highlights (was->highlights, now->highlights))
    return g_strdup (_("the highlights"));
  if (!same_text (was->headline, now->headline) || !same_text (was->subheadline, now->subheadline))
    return g_strdup (_("the headline"));
  if (!same_text (was->reporter, now->reporter) || !same_text (was->byline, now->byline))
    return g_strdup (_("the byline"));
  if (!same_text (was->body, now->body)
      || !same_strings (was->section_headings, now->section_headings))
    return g_strdup (_("the text"));
  if (!same_text (was->place_code, now->place_code) || was->place_by_editor != now->place_by_editor)
    return g_strdup (_("the place"));
  if (!same_text (was->paper, now->paper) || !same_text (was->issue_date, now->issue_date)
      || !same_text (was->page_no, now->page_no))
    return g_strdup (_("the page's details"));
  return NULL;
}
