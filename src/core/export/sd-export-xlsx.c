/* sd-export-xlsx.c — an Excel workbook (.xlsx) with libxlsxwriter: one
 * sheet, the CSV's columns (the body too), one row per story
 *
 * The header row is bold and frozen; the tags cell takes the first
 * coloured tag's colour.  libxlsxwriter's constant-memory mode writes each
 * row as it comes, in a temporary file, which is then copied to the
 * destination.  A cell holds at most 32,767 characters (Excel's limit): a
 * longer body is cut there and ends in "…".
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "sd-export-ooxml-private.h"

#define CELL_MAX_CHARS 32767

typedef struct
{
  char          *path;
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *wrap;
  GHashTable    *fills; /* "#rrggbb" → lxw_format, owned by the workbook */
  guint32        row;
} Xlsx;

static gboolean
check (lxw_error status, GError **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
               _("Cannot write the workbook: %s"), lxw_strerror (status));
  return FALSE;
}

/* The cell's text: XML-safe, cut to Excel's limit. (transfer full) */
static char *
dup_cell_text (const char *text)
{
  g_autofree char *safe = _sd_export_dup_xml_safe (text);

  if (g_utf8_strlen (safe, -1) <= CELL_MAX_CHARS)
    return g_steal_pointer (&safe);
  *g_utf8_offset_to_pointer (safe, CELL_MAX_CHARS - 1) = '\0';
  return g_strconcat (safe, "…", NULL);
}

static lxw_format *
get_fill (Xlsx *xlsx, const char *color)
{
  lxw_format *format = g_hash_table_lookup (xlsx->fills, color);

  if (format == NULL)
    {
      format = workbook_add_format (xlsx->workbook);
      format_set_bg_color (format, (lxw_color_t) g_ascii_strtoull (color + 1, NULL, 16));
      format_set_pattern (format, LXW_PATTERN_SOLID);
      g_hash_table_insert (xlsx->fills, g_strdup (color), format);
    }
  return format;
}

/* The first of the story's tags that has a colour gives the cell its fill. */
static lxw_format *
find_tags_fill (Xlsx *xlsx, const SdStory *story, GHashTable *colors)
{
  for (guint i = 0; colors != NULL && story->tags != NULL && i < story->tags->len; i++)
    {
      const char *color = g_hash_table_lookup (colors, g_ptr_array_index (story->tags, i));
      if (color != NULL && strlen (color) == 7 && color[0] == '#')
        return get_fill (xlsx, color);
    }
  return NULL;
}

static gboolean
xlsx_begin (SdExportSink *sink, GError **error)
{
  Xlsx                *xlsx = g_new0 (Xlsx, 1);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_col_t            col = 0;

  sink->state = xlsx;
  xlsx->fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if ((xlsx->path = _sd_export_make_temp ("xlsx", error)) == NULL)
    return FALSE;
  options.tmpdir = (char *) g_get_tmp_dir ();
  xlsx->workbook = workbook_new_opt (xlsx->path, &options);
  if (xlsx->workbook == NULL)
    return check (LXW_ERROR_CREATING_XLSX_FILE, error);
  xlsx->sheet = workbook_add_worksheet (xlsx->workbook, _("Stories"));
  xlsx->header = workbook_add_format (xlsx->workbook);
  format_set_bold (xlsx->header);
  xlsx->wrap = workbook_add_format (xlsx->workbook);
  format_set_text_wrap (xlsx->wrap);
  format_set_align (xlsx->wrap, LXW_ALIGN_VERTICAL_TOP);
  /* Frozen before any row is written, as constant-memory mode needs. */
  worksheet_freeze_panes (xlsx->sheet, 1, 0);

  for (guint i = 0; i < _sd_export_get_n_columns (); i++)
    if (sink->options->fields & _sd_export_get_column_field (i))
      {
        const char *header = _sd_export_get_column_header (i);
        gboolean    wide = g_str_equal (header, "headline") || g_str_equal (header, "body");

        worksheet_set_column (xlsx->sheet, col, col, wide ? 40 : 14, NULL);
        if (!check (worksheet_write_string (xlsx->sheet, 0, col++, header, xlsx->header), error))
          return FALSE;
      }
  xlsx->row = 1;
  return TRUE;
}

static gboolean
xlsx_add (SdExportSink *sink, const SdStory *story, GError **error)
{
  Xlsx     *xlsx = sink->state;
  lxw_col_t col = 0;

  for (guint i = 0; i < _sd_export_get_n_columns (); i++)
    {
      g_autofree char *cell = NULL;
      g_autofree char *text = NULL;
      const char      *header = _sd_export_get_column_header (i);
      lxw_format      *format = NULL;

      if (!(sink->options->fields & _sd_export_get_column_field (i)))
        continue;
      cell = _sd_export_dup_cell (story, i);
      if (cell == NULL || *cell == '\0')
        {
          col++;
          continue;
        }
      if (g_str_equal (header, "id"))
        {
          if (!check (worksheet_write_number (xlsx->sheet, xlsx->row, col++, story->id, NULL),
                      error))
            return FALSE;
          continue;
        }
      if (g_str_equal (header, "tags"))
        format = find_tags_fill (xlsx, story, sink->options->tag_colors);
      else if (strchr (cell, '\n') != NULL)
        format = xlsx->wrap;
      text = dup_cell_text (cell);
      /* A string cell: "=…" stays text, never a formula. */
      if (!check (worksheet_write_string (xlsx->sheet, xlsx->row, col++, text, format), error))
        return FALSE;
    }
  xlsx->row++;
  return TRUE;
}

static gboolean
xlsx_end (SdExportSink *sink, GError **error)
{
  Xlsx     *xlsx = sink->state;
  lxw_error status = workbook_close (xlsx->workbook);

  xlsx->workbook = NULL;
  return check (status, error)
         && _sd_export_copy_temp (xlsx->path, sink->output, sink->cancellable, error);
}

static void
xlsx_clear (SdExportSink *sink)
{
  Xlsx *xlsx = sink->state;

  if (xlsx == NULL)
    return;
  /* Closing is the only way to free a workbook; the file goes anyway. */
  if (xlsx->workbook != NULL)
    workbook_close (xlsx->workbook);
  if (xlsx->path != NULL)
    g_unlink (xlsx->path);
  g_free (xlsx->path);
  g_hash_table_unref (xlsx->fills);
  g_free (xlsx);
  sink->state = NULL;
}

const SdExportSinkClass _sd_export_xlsx_sink = { xlsx_begin, xlsx_add, xlsx_end, xlsx_clear };
