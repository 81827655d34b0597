/* sd-export.c — formats, options, and writing stories to a stream
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-export-private.h"

static const struct
{
  const char              *name;
  const char              *extension;
  const char              *mime_type;
  SdExportWriter           write;
  const SdExportSinkClass *sink; /* a writer that takes stories one by one */
} formats[SD_EXPORT_N_FORMATS] = {
  [SD_EXPORT_FORMAT_JSON] = { "json", "json", "application/json", _sd_export_write_json },
  [SD_EXPORT_FORMAT_CSV] = { "csv", "csv", "text/csv", _sd_export_write_csv },
  [SD_EXPORT_FORMAT_MARKDOWN] = { "md", "md", "text/markdown", _sd_export_write_markdown },
  [SD_EXPORT_FORMAT_HTML] = { "html", "html", "text/html", _sd_export_write_html },
  [SD_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf", _sd_export_write_pdf },
  [SD_EXPORT_FORMAT_W3C] = { "w3c", "jsonld", "application/ld+json", _sd_export_write_w3c },
  [SD_EXPORT_FORMAT_DOCX] = { "docx", "docx",
                              "application/"
                              "vnd.openxmlformats-officedocument.wordprocessingml.document",
                              NULL, &_sd_export_docx_sink },
  [SD_EXPORT_FORMAT_XLSX] = { "xlsx", "xlsx",
                              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              NULL, &_sd_export_xlsx_sink },
};

static const struct
{
  const char    *name;
  SdExportFields field;
} field_names[] = {
  { "id", SD_EXPORT_FIELD_ID },
  { "source", SD_EXPORT_FIELD_SOURCE },
  { "headline", SD_EXPORT_FIELD_HEADLINE },
  { "place", SD_EXPORT_FIELD_PLACE },
  { "kind", SD_EXPORT_FIELD_KIND },
  { "status", SD_EXPORT_FIELD_STATUS },
  { "tags", SD_EXPORT_FIELD_TAGS },
  { "note", SD_EXPORT_FIELD_NOTE },
  { "notes", SD_EXPORT_FIELD_NOTE },
  { "byline", SD_EXPORT_FIELD_BYLINE },
  { "body", SD_EXPORT_FIELD_BODY },
  { "highlights", SD_EXPORT_FIELD_HIGHLIGHTS },
  { "headings", SD_EXPORT_FIELD_HEADINGS },
  { "captions", SD_EXPORT_FIELD_CAPTIONS },
  { "all", SD_EXPORT_FIELDS_ALL },
};

G_DEFINE_QUARK (sd - export - error - quark, sd_export_error)

void
_sd_export_get_place (const SdStory  *story,
                      const SdPlace **city,
                      const SdPlace **district,
                      const SdPlace **town)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *place = NULL;

  *city = *district = *town = NULL;
  if (story->place_code != NULL)
    place = sd_gazetteer_lookup (gazetteer, story->place_code);
  if (place != NULL)
    sd_gazetteer_split_levels (gazetteer, place, city, district, town);
}

char *
_sd_export_dup_place_line (const SdStory *story)
{
  const SdPlace *levels[3];
  g_autoptr (GString) line = g_string_new (NULL);

  _sd_export_get_place (story, &levels[0], &levels[1], &levels[2]);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (levels[i] != NULL)
      g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", levels[i]->name);
  if (line->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&line), FALSE);
}

void
_sd_export_add_record_parts (GPtrArray *parts, const SdStory *story, SdExportFields fields)
{
  if (fields & SD_EXPORT_FIELD_STATUS)
    g_ptr_array_add (parts,
                     g_strdup_printf (_("Status: %s"), sd_story_status_to_label (story->status)));
  if (fields & SD_EXPORT_FIELD_SOURCE)
    {
      char *issue = _sd_export_dup_issue_line (story);
      if (issue != NULL)
        g_ptr_array_add (parts, issue);
    }
  if ((fields & SD_EXPORT_FIELD_SOURCE) && story->source_file != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Source: %s"), story->source_file));
  if (fields & SD_EXPORT_FIELD_ID)
    g_ptr_array_add (parts, g_strdup_printf (_("Story %lld"), (long long) story->id));
}

char *
_sd_export_dup_issue_line (const SdStory *story)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (story->paper != NULL)
    g_ptr_array_add (parts, g_strdup (story->paper));
  if (story->issue_date != NULL)
    g_ptr_array_add (parts, g_strdup (story->issue_date));
  if (story->page_no != NULL)
    /* TRANSLATORS: a newspaper's page number, A05 → 第A05版 */
    g_ptr_array_add (parts, g_strdup_printf (_("page %s"), story->page_no));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static gboolean
in_body (GStrv lines, const char *heading)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], heading))
      return TRUE;
  return FALSE;
}

static void
add_block (GArray *blocks, SdExportBlockKind kind, const char *text, glong offset)
{
  SdExportBlock block = { kind, g_strdup (text), offset };
  g_array_append_val (blocks, block);
}

static void
clear_block (SdExportBlock *block)
{
  g_free (block->text);
}

GArray *
_sd_export_dup_blocks (const SdStory *story, SdExportFields fields)
{
  g_auto (GStrv) lines = g_strsplit (story->body != NULL ? story->body : "", "\n", -1);
  GArray  *blocks = g_array_new (FALSE, FALSE, sizeof (SdExportBlock));
  gboolean headings = (fields & SD_EXPORT_FIELD_HEADINGS) != 0;
  glong    offset = 0;

  g_array_set_clear_func (blocks, (GDestroyNotify) clear_block);
  /* A body holds its heads where they stand; one stored before bodies did
   * has them only in the list: they come first, in order, where each stood
   * being unknown. */
  for (guint i = 0; headings && story->section_headings != NULL && i < story->section_headings->len;
       i++)
    if (!in_body (lines, g_ptr_array_index (story->section_headings, i)))
      add_block (blocks, SD_EXPORT_BLOCK_HEADING, g_ptr_array_index (story->section_headings, i),
                 -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *text = lines[i];
      glong       length = g_utf8_strlen (lines[i], -1);

      /* Leading spaces (often an ideographic indent) give way to ours. */
      while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
        text = g_utf8_next_char (text);
      if (*text != '\0' && sd_story_is_section_heading (story, lines[i]))
        {
          if (headings)
            add_block (blocks, SD_EXPORT_BLOCK_HEADING, lines[i], -1);
        }
      else if (*text != '\0')
        {
          g_autofree char *trimmed = g_strdup (text);
          add_block (blocks, SD_EXPORT_BLOCK_PARAGRAPH, g_strchomp (trimmed),
                     offset + g_utf8_pointer_to_offset (lines[i], text));
        }
      offset += length + 1;
    }
  return blocks;
}

guint
_sd_export_count_captions (const SdStory *story, SdExportFields fields)
{
  if (!(fields & SD_EXPORT_FIELD_CAPTIONS) || story->captions == NULL)
    return 0;
  return story->captions->len;
}

guint8 *
_sd_export_dup_marks (const SdStory *story, glong n_chars, gboolean mark)
{
  guint8 *marks = g_new0 (guint8, n_chars + 1);

  for (guint i = 0; mark && i < _sd_export_count_highlights (story); i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      gint64             end = MIN (highlight->end, n_chars);

      for (gint64 c = MAX (highlight->start, 0); c < end; c++)
        marks[c] = MIN (marks[c] + 1, G_MAXUINT8);
    }
  return marks;
}

const char *
_sd_export_get_tag_color (const SdExportOptions *options, const char *tag)
{
  const char *color;

  if (options->tag_colors == NULL || tag == NULL)
    return NULL;
  color = g_hash_table_lookup (options->tag_colors, tag);
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return NULL;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return NULL;
  return color;
}

guint32
_sd_export_parse_color (const char *color)
{
  return (guint32) g_ascii_strtoull (color + 1, NULL, 16);
}

guint32
_sd_export_get_ink (guint32 fill)
{
  /* WCAG's relative luminance, roughly: dark ink on light fills */
  double luminance =
      0.2126 * ((fill >> 16) & 0xff) + 0.7152 * ((fill >> 8) & 0xff) + 0.0722 * (fill & 0xff);
  return luminance > 140 ? 0x1b1b1b : 0xffffff;
}

guint
_sd_export_count_highlights (const SdStory *story)
{
  return story->highlights != NULL ? story->highlights->len : 0;
}

gboolean
_sd_export_step (const SdExportOptions *options,
                 guint                  done,
                 guint                  total,
                 GCancellable          *cancellable,
                 GError               **error)
{
  if (options->progress != NULL)
    options->progress (done, total, options->progress_data);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

gboolean
_sd_export_flush (GOutputStream *output,
                  GString       *buffer,
                  gboolean       force,
                  GCancellable  *cancellable,
                  GError       **error)
{
  if (buffer->len == 0 || (!force && buffer->len < SD_EXPORT_CHUNK))
    return TRUE;
  if (!g_output_stream_write_all (output, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

char *
_sd_export_format_time (const char *iso8601)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso8601 == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * sd_export_options_init:
 * @options: (out caller-allocates)
 */
void
sd_export_options_init (SdExportOptions *options, SdExportFormat format)
{
  g_return_if_fail (options != NULL);

  *options = (SdExportOptions){ 0 };
  options->fields = SD_EXPORT_FIELDS_ALL;
  /* A spreadsheet row is for sorting and counting; the body is asked for. */
  if (format == SD_EXPORT_FORMAT_CSV)
    options->fields &= ~(SD_EXPORT_FIELD_BODY | SD_EXPORT_FIELD_HIGHLIGHTS);
  /* A workbook's cell holds the body, not the highlights in it. */
  if (format == SD_EXPORT_FORMAT_XLSX)
    options->fields &= ~SD_EXPORT_FIELD_HIGHLIGHTS;
}

gboolean
sd_export_format_from_string (const char *name, SdExportFormat *out_format, GError **error)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *out_format = i;
        return TRUE;
      }
  if (name != NULL && g_ascii_strcasecmp (name, "markdown") == 0)
    {
      *out_format = SD_EXPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_UNKNOWN_FORMAT,
               _("Unknown export format “%s” (known: csv, json, md, html, pdf, w3c, docx, xlsx)"),
                  name != NULL ? name : "");
  return FALSE;
}

const char *
sd_export_format_to_string (SdExportFormat format)
{
  g_return_val_if_fail (format < SD_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

const char *
sd_export_format_get_extension (SdExportFormat format)
{
  g_return_val_if_fail (format < SD_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
sd_export_format_get_mime_type (SdExportFormat format)
{
  g_return_val_if_fail (format < SD_EXPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

gboolean
sd_export_format_from_filename (const char *filename, SdExportFormat *out_format)
{
  const char *dot = filename != NULL ? strrchr (filename, '.') : NULL;

  if (dot == NULL)
    return FALSE;
  dot++;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot, formats[i].extension) == 0)
      {
        *out_format = i;
        return TRUE;
      }
  if (g_ascii_strcasecmp (dot, "markdown") == 0 || g_ascii_strcasecmp (dot, "htm") == 0)
    {
      *out_format =
          g_ascii_tolower (dot[0]) == 'm' ? SD_EXPORT_FORMAT_MARKDOWN : SD_EXPORT_FORMAT_HTML;
      return TRUE;
    }
  return FALSE;
}

gboolean
sd_export_fields_parse (const char     *list,
                        SdExportFields  defaults,
                        SdExportFields *out_fields,
                        GError        **error)
{
  g_auto (GStrv) names = g_strsplit (list != NULL ? list : "", ",", -1);
  gboolean       relative = TRUE;
  SdExportFields fields;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (names[i][0] != '+' && names[i][0] != '-')
        relative = FALSE;
    }
  fields = relative ? defaults : 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      gboolean    remove = name[0] == '-';
      gboolean    found = FALSE;

      if (name[0] == '+' || name[0] == '-')
        name++;
      if (*name == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (field_names) && !found; j++)
        if (g_ascii_strcasecmp (name, field_names[j].name) == 0)
          {
            fields = remove ? fields & ~field_names[j].field : fields | field_names[j].field;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_UNKNOWN_FIELD,
                       _("Unknown field “%s” (known: id, source, headline, place, kind, status, "
                         "tags, note, byline, body, highlights, headings, captions, all)"),
                          name);
          return FALSE;
        }
    }
  *out_fields = fields;
  return TRUE;
}

static gboolean
write_to_sink (const SdExportSinkClass *klass,
               SdExportSource          *stories,
               const SdExportOptions   *options,
               GOutputStream           *output,
               GCancellable            *cancellable,
               GError                 **error)
{
  guint          total = _sd_export_source_get_total (stories);
  SdExportSink   sink = { options, output, cancellable, total, NULL };
  const SdStory *story = NULL;
  gboolean       ok = klass->begin (&sink, error);

  for (guint i = 0; ok; i++)
    {
      ok = _sd_export_source_next (stories, &story, error);
      if (!ok || story == NULL)
        break;
      ok = klass->add (&sink, story, error)
           && _sd_export_step (options, i + 1, total, cancellable, error);
    }
  ok = ok && klass->end (&sink, error);
  klass->clear (&sink);
  return ok;
}

gboolean
sd_export_write (SdExportFormat format,
                 GPtrArray     *stories,
                 GOutputStream *output,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return sd_export_write_full (format, stories, NULL, output, cancellable, error);
}

gboolean
sd_export_write_full (SdExportFormat         format,
                      GPtrArray             *stories,
                      const SdExportOptions *options,
                      GOutputStream         *output,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_auto (SdExportSource) source = { 0 };

  g_return_val_if_fail (format < SD_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (stories != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  _sd_export_source_init (&source, stories, NULL);
  return _sd_export_write_source (format, &source, options, output, cancellable, error);
}

gboolean
_sd_export_write_source (SdExportFormat         format,
                         SdExportSource        *stories,
                         const SdExportOptions *options,
                         GOutputStream         *output,
                         GCancellable          *cancellable,
                         GError               **error)
{
  SdExportOptions defaults;

  if (options == NULL)
    {
      sd_export_options_init (&defaults, format);
      options = &defaults;
    }
  if (formats[format].sink != NULL)
    return write_to_sink (formats[format].sink, stories, options, output, cancellable, error);
  return formats[format].write (stories, options, output, cancellable, error);
}
