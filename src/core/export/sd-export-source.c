/* sd-export-source.c — where a writer takes its stories from: an array the
 * caller holds, or a story source (a personal library's cursor or a shared
 * library's), one story at a time (#16, #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include "sd-export-private.h"

void
_sd_export_source_init (SdExportSource *source, GPtrArray *stories, const SdStorySource *from)
{
  *source = (SdExportSource){ stories, { NULL, NULL }, 0, NULL };
  if (stories == NULL)
    source->source = *from;
}

void
_sd_export_source_clear (SdExportSource *source)
{
  g_clear_pointer (&source->current, sd_story_unref);
}

guint
_sd_export_source_get_total (const SdExportSource *source)
{
  return source->stories != NULL ? source->stories->len
                                 : source->source.funcs->get_total (source->source.self);
}

gboolean
_sd_export_source_next (SdExportSource *source, const SdStory **out_story, GError **error)
{
  *out_story = NULL;
  g_clear_pointer (&source->current, sd_story_unref);
  if (source->stories != NULL)
    {
      if (source->next < source->stories->len)
        *out_story = g_ptr_array_index (source->stories, source->next++);
      return TRUE;
    }
  if (!source->source.funcs->next (source->source.self, &source->current, error))
    return FALSE;
  *out_story = source->current;
  return TRUE;
}

void
_sd_export_source_rewind (SdExportSource *source)
{
  g_clear_pointer (&source->current, sd_story_unref);
  source->next = 0;
  if (source->stories == NULL)
    source->source.funcs->rewind (source->source.self);
}

const SdStory *
_sd_export_source_get (SdExportSource *source, guint index, gint64 id, GError **error)
{
  g_clear_pointer (&source->current, sd_story_unref);
  if (source->stories != NULL)
    return g_ptr_array_index (source->stories, index);
  source->current = source->source.funcs->get (source->source.self, id, error);
  return source->current;
}

GPtrArray *
_sd_export_source_dup_all (SdExportSource *source, GError **error)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  const SdStory *story;

  if (source->stories != NULL)
    return g_ptr_array_ref (source->stories);
  _sd_export_source_rewind (source);
  while (_sd_export_source_next (source, &story, error))
    {
      if (story == NULL)
        return g_steal_pointer (&all);
      g_ptr_array_add (all, g_steal_pointer (&source->current));
    }
  return NULL;
}

gboolean
_sd_export_write_each (SdExportSource        *stories,
                       const SdExportOptions *options,
                       GString               *out,
                       SdExportAppendFunc     append,
                       gpointer               data,
                       GOutputStream         *output,
                       GCancellable          *cancellable,
                       GError               **error)
{
  guint total = _sd_export_source_get_total (stories);

  for (guint i = 0;; i++)
    {
      const SdStory *story;

      if (!_sd_export_source_next (stories, &story, error))
        return FALSE;
      if (story == NULL)
        return TRUE;
      append (out, story, i, data);
      if (!_sd_export_flush (output, out, FALSE, cancellable, error)
          || !_sd_export_step (options, i + 1, total, cancellable, error))
        return FALSE;
    }
}

/* A personal library's cursor as a story source. */
static const SdStorySourceFuncs cursor_funcs = {
  (guint (*) (gpointer)) sd_story_cursor_get_total,
  (gboolean (*) (gpointer, SdStory **, GError **)) sd_story_cursor_next,
  (void (*) (gpointer)) sd_story_cursor_rewind,
  (SdStory * (*) (gpointer, gint64, GError **) ) sd_story_cursor_get,
};

void
sd_story_source_init_for_cursor (SdStorySource *source, SdStoryCursor *cursor)
{
  *source = (SdStorySource){ &cursor_funcs, cursor };
}

/**
 * sd_export_write_stories:
 * @stories: a story source of either engine; the caller keeps it
 * @output: (nullable): where to write, or %NULL for @file
 * @file: (nullable): written as sd_export_to_file () writes it
 */
gboolean
sd_export_write_stories (SdExportFormat         format,
                         const SdStorySource   *stories,
                         const SdExportOptions *options,
                         GOutputStream         *output,
                         GFile                 *file,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_auto (SdExportSource) source = { 0 };

  g_return_val_if_fail (format < SD_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (stories != NULL && stories->funcs != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output) || G_IS_FILE (file), FALSE);

  _sd_export_source_init (&source, NULL, stories);
  if (output != NULL)
    return _sd_export_write_source (format, &source, options, output, cancellable, error);
  return _sd_export_source_to_file (format, &source, options, file, cancellable, error);
}

gboolean
sd_export_write_cursor (SdExportFormat         format,
                        SdStoryCursor         *cursor,
                        const SdExportOptions *options,
                        GOutputStream         *output,
                        GFile                 *file,
                        GCancellable          *cancellable,
                        GError               **error)
{
  SdStorySource source;

  g_return_val_if_fail (cursor != NULL, FALSE);
  sd_story_source_init_for_cursor (&source, cursor);
  return sd_export_write_stories (format, &source, options, output, file, cancellable, error);
}
