/* sd-export-markdown.c — one section per story, CommonMark
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-export-private.h"

/* Appends @text so that every character reads as itself: the characters
 * Markdown gives a meaning anywhere get a backslash, and those that mean
 * something only at the start of a line (list markers, headings, rules,
 * "1." and "1)") get one there.  Line breaks become spaces: the caller
 * decides where blocks begin. */
static void
append_escaped (GString *out, const char *unsafe)
{
  g_autofree char *text = _sd_export_dup_visible (unsafe != NULL ? unsafe : "");
  gboolean         line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r' || c == '\n')
        c = ' ';
      if (line_start && (c == ' ' || c == '\t'))
        continue; /* leading spaces would make a code block */
      if (strchr ("\\`*_[]<>|~&#", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && strchr ("+-=", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (c))
        {
          const char *q = p;
          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *q;
            }
        }
      g_string_append_c (out, c);
      line_start = FALSE;
    }
}

/* A block quote of possibly many lines, each escaped. */
static void
append_quote (GString *out, const char *label, const char *text, const char *attribution)
{
  g_auto (GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  g_string_append_printf (out, "> **%s** ", label);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "\n>\n> ");
      append_escaped (out, lines[i]);
    }
  if (attribution != NULL)
    {
      g_string_append (out, "\n>\n> — ");
      append_escaped (out, attribution);
    }
  g_string_append (out, "\n\n");
}

static char *
dup_attribution (const char *editor, const char *iso8601)
{
  g_autofree char *time = _sd_export_format_time (iso8601);

  if (editor != NULL && *editor != '\0' && time != NULL)
    return g_strdup_printf ("%s, %s", editor, time);
  if (editor != NULL && *editor != '\0')
    return g_strdup (editor);
  return g_steal_pointer (&time);
}

static void
append_meta_line (GString *out, const SdStory *story, SdExportFields fields)
{
  g_autofree char *place = _sd_export_dup_place_line (story);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if ((fields & SD_EXPORT_FIELD_PLACE) && place != NULL)
    g_ptr_array_add (parts, g_strdup (place));
  if ((fields & SD_EXPORT_FIELD_TAGS) && story->tags != NULL && story->tags->len > 0)
    {
      g_autoptr (GString) tags = g_string_new (_("Tags: "));
      for (guint i = 0; i < story->tags->len; i++)
        g_string_append_printf (tags, "%s%s", i > 0 ? "、" : "",
                                (const char *) g_ptr_array_index (story->tags, i));
      g_ptr_array_add (parts, g_string_free (g_steal_pointer (&tags), FALSE));
    }
  _sd_export_add_record_parts (parts, story, fields);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, " · ");
      if (i == 0 && (fields & SD_EXPORT_FIELD_PLACE) && place != NULL)
        {
          g_string_append (out, "**");
          append_escaped (out, g_ptr_array_index (parts, i));
          g_string_append (out, "**");
        }
      else
        append_escaped (out, g_ptr_array_index (parts, i));
    }
  if (parts->len > 0)
    g_string_append (out, "\n\n");
}

static void
append_story (GString *out, const SdStory *story, SdExportFields fields)
{
  g_autofree char *title = sd_story_dup_title (story);

  g_string_append (out, "## ");
  append_escaped (out, title);
  g_string_append (out, "\n\n");
  if (story->subheadline != NULL && *story->subheadline != '\0')
    {
      g_string_append_c (out, '*');
      append_escaped (out, story->subheadline);
      g_string_append (out, "*\n\n");
    }
  append_meta_line (out, story, fields);
  if ((fields & SD_EXPORT_FIELD_BYLINE) && story->byline != NULL && *story->byline != '\0')
    {
      append_escaped (out, story->byline);
      g_string_append (out, "\n\n");
    }

  if (fields & SD_EXPORT_FIELD_BODY)
    {
      g_autoptr (GArray) blocks = _sd_export_dup_blocks (story, fields);
      for (guint i = 0; i < blocks->len; i++)
        {
          const SdExportBlock *block = &g_array_index (blocks, SdExportBlock, i);

          if (block->kind == SD_EXPORT_BLOCK_HEADING)
            g_string_append (out, "### ");
          append_escaped (out, block->text);
          g_string_append (out, "\n\n");
        }
    }
  for (guint i = 0; i < _sd_export_count_captions (story, fields); i++)
    {
      /* a caption of its own, under the photo's mark */
      g_string_append (out, "*" SD_EXPORT_PHOTO_MARK " ");
      append_escaped (out, g_ptr_array_index (story->captions, i));
      g_string_append (out, "*\n\n");
    }

  if ((fields & SD_EXPORT_FIELD_NOTE) && story->note != NULL && *story->note != '\0')
    {
      g_autofree char *who = dup_attribution (story->editor, story->updated);
      append_quote (out, _("Note:"), story->note, who);
    }
  for (guint i = 0;
       (fields & SD_EXPORT_FIELD_HIGHLIGHTS) && i < _sd_export_count_highlights (story); i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      g_autofree char   *who = dup_attribution (highlight->editor, highlight->created);
      g_autofree char   *text = NULL;

      if (highlight->comment != NULL && *highlight->comment != '\0')
        text = g_strdup_printf ("“%s”\n%s", highlight->quote, highlight->comment);
      else
        text = g_strdup_printf ("“%s”", highlight->quote);
      append_quote (out, _("Highlight:"), text, who);
    }
}

static void
append_heading (GString *out, guint n_stories, const SdExportOptions *options)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *count = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", n_stories), n_stories);
  g_autoptr (GString) line = g_string_new (count);

  g_string_append (out, "# ");
  append_escaped (out, _("Storydesk export"));
  g_string_append (out, "\n\n");
  if (options->place_name != NULL)
    g_string_append_printf (line, " · %s", options->place_name);
  if (options->query != NULL && *options->query != '\0')
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, _("containing “%s”"), options->query);
    }
  g_string_append (line, " · ");
  g_string_append_printf (line, _("exported %s"), date);
  append_escaped (out, line->str);
  g_string_append (out, "\n\n");
}

static void
add_story (GString *out, const SdStory *story, guint index, gpointer options)
{
  g_string_append (out, "---\n\n");
  append_story (out, story, ((const SdExportOptions *) options)->fields);
}

gboolean
_sd_export_write_markdown (SdExportSource        *stories,
                           const SdExportOptions *options,
                           GOutputStream         *output,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  append_heading (out, _sd_export_source_get_total (stories), options);
  if (!_sd_export_write_each (stories, options, out, add_story, (gpointer) options, output,
                              cancellable, error))
    return FALSE;
  return _sd_export_flush (output, out, TRUE, cancellable, error);
}
