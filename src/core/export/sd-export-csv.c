/* sd-export-csv.c — one row per story, RFC 4180
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <string.h>

#include "sd-export-private.h"

typedef enum
{
  COLUMN_ID,
  COLUMN_UUID,
  COLUMN_SOURCE,
  COLUMN_PAPER,
  COLUMN_DATE,
  COLUMN_PAGE,
  COLUMN_HEADLINE,
  COLUMN_CITY,
  COLUMN_DISTRICT,
  COLUMN_TOWN,
  COLUMN_KIND,
  COLUMN_STATUS,
  COLUMN_TAGS,
  COLUMN_NOTE,
  COLUMN_BYLINE,
  COLUMN_HEADINGS,
  COLUMN_CAPTIONS,
  COLUMN_BODY,
} Column;

static const struct
{
  const char    *header;
  SdExportFields field;
} columns[] = {
  [COLUMN_ID] = { "id", SD_EXPORT_FIELD_ID },
  [COLUMN_UUID] = { "uuid", SD_EXPORT_FIELD_ID }, /* the id that stays */
  [COLUMN_SOURCE] = { "source", SD_EXPORT_FIELD_SOURCE },
  [COLUMN_PAPER] = { "paper", SD_EXPORT_FIELD_SOURCE },
  [COLUMN_DATE] = { "date", SD_EXPORT_FIELD_SOURCE },
  [COLUMN_PAGE] = { "page", SD_EXPORT_FIELD_SOURCE },
  [COLUMN_HEADLINE] = { "headline", SD_EXPORT_FIELD_HEADLINE },
  [COLUMN_CITY] = { "city", SD_EXPORT_FIELD_PLACE },
  [COLUMN_DISTRICT] = { "district", SD_EXPORT_FIELD_PLACE },
  [COLUMN_TOWN] = { "town", SD_EXPORT_FIELD_PLACE },
  [COLUMN_KIND] = { "kind", SD_EXPORT_FIELD_KIND },
  [COLUMN_STATUS] = { "status", SD_EXPORT_FIELD_STATUS },
  [COLUMN_TAGS] = { "tags", SD_EXPORT_FIELD_TAGS },
  [COLUMN_NOTE] = { "note", SD_EXPORT_FIELD_NOTE },
  [COLUMN_BYLINE] = { "byline", SD_EXPORT_FIELD_BYLINE },
  [COLUMN_HEADINGS] = { "headings", SD_EXPORT_FIELD_HEADINGS },
  [COLUMN_CAPTIONS] = { "captions", SD_EXPORT_FIELD_CAPTIONS },
  [COLUMN_BODY] = { "body", SD_EXPORT_FIELD_BODY },
};

/* Appends one cell.  A cell a spreadsheet would read as a formula (=, +, -,
 * @, or a tab or carriage return first) gets a ' in front, so opening the
 * file never runs anything; cells with a comma, quote or line break are
 * quoted, quotes doubled. */
static void
append_cell (GString *row, const char *cell)
{
  g_autofree char *text = _sd_export_dup_visible (cell != NULL ? cell : "");
  gboolean         neutralise, quote;

  neutralise = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (row, '"');
  if (neutralise)
    g_string_append_c (row, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quote)
    g_string_append_c (row, '"');
}

/* Tags joined by ";", headings and captions one a line. */
static char *
dup_joined (GPtrArray *items, const char *separator)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? separator : "",
                            (const char *) g_ptr_array_index (items, i));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

guint
_sd_export_get_n_columns (void)
{
  return G_N_ELEMENTS (columns);
}

const char *
_sd_export_get_column_header (guint column)
{
  return columns[column].header;
}

SdExportFields
_sd_export_get_column_field (guint column)
{
  return columns[column].field;
}

char *
_sd_export_dup_cell (const SdStory *story, guint column)
{
  const SdPlace *city, *district, *town;

  _sd_export_get_place (story, &city, &district, &town);
  switch ((Column) column)
    {
    case COLUMN_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, story->id);
    case COLUMN_UUID:
      return g_strdup (story->uuid);
    case COLUMN_SOURCE:
      return g_strdup (story->source_file);
    case COLUMN_PAPER:
      return g_strdup (story->paper);
    case COLUMN_DATE:
      return g_strdup (story->issue_date);
    case COLUMN_PAGE:
      return g_strdup (story->page_no);
    case COLUMN_HEADLINE:
      return g_strdup (story->headline);
    case COLUMN_CITY:
      return g_strdup (city != NULL ? city->name : NULL);
    case COLUMN_DISTRICT:
      return g_strdup (district != NULL ? district->name : NULL);
    case COLUMN_TOWN:
      return g_strdup (town != NULL ? town->name : NULL);
    case COLUMN_KIND:
      return g_strdup (sd_story_kind_to_string (story->kind));
    case COLUMN_STATUS:
      return g_strdup (sd_story_status_to_string (story->status));
    case COLUMN_TAGS:
      return dup_joined (story->tags, ";");
    case COLUMN_HEADINGS:
      return dup_joined (story->section_headings, "\n");
    case COLUMN_CAPTIONS:
      return dup_joined (story->captions, "\n");
    case COLUMN_NOTE:
      return g_strdup (story->note);
    case COLUMN_BYLINE:
      return g_strdup (story->byline);
    case COLUMN_BODY:
      return g_strdup (story->body);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_row (GString *out, const SdStory *story, SdExportFields fields)
{
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *cell = NULL;

      if (!(fields & columns[i].field))
        continue;
      cell = _sd_export_dup_cell (story, i);
      if (!first)
        g_string_append_c (out, ',');
      append_cell (out, cell);
      first = FALSE;
    }
  g_string_append (out, "\r\n");
}

/* UTF-8 with CRLF line ends; "for Excel" adds a byte-order mark, which is
 * how Excel knows the file is UTF-8 and not the local code page. */
static void
add_row (GString *out, const SdStory *story, guint index, gpointer fields)
{
  append_row (out, story, *(SdExportFields *) fields);
}

gboolean
_sd_export_write_csv (SdExportSource        *stories,
                      const SdExportOptions *options,
                      GOutputStream         *output,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  SdExportFields fields = options->fields & SD_EXPORT_FIELDS_ALL & ~SD_EXPORT_FIELD_HIGHLIGHTS;
  gboolean       first = TRUE;

  if (fields == 0)
    fields = SD_EXPORT_FIELD_ID;
  if (options->for_excel)
    g_string_append (out, "\xef\xbb\xbf");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (fields & columns[i].field)
      {
        g_string_append_printf (out, "%s%s", first ? "" : ",", columns[i].header);
        first = FALSE;
      }
  g_string_append (out, "\r\n");

  if (!_sd_export_write_each (stories, options, out, add_row, &fields, output, cancellable, error))
    return FALSE;
  return _sd_export_flush (output, out, TRUE, cancellable, error);
}
