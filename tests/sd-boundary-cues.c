/* sd-boundary-cues.c — print the cues the segmenter weighs at every
 * candidate boundary, for fitting the weights (tests/fit-boundary.py), and
 * cut pages with weights of a fit
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: sd-boundary-cues [--model FILE] [--export OUT | --units yes] PAGE…
 * Without --export: one line a candidate title, the page's path, the title,
 * then the cues, tab-parted.  With --units yes: one line a unit (a line of
 * the page, wrapped lines joined), the page's path, whether it is
 * title-shaped, its shape, its role, its story, what the boundary scorer
 * said of it (0: nothing, 1: a section, 2: a story), its flags (e: at the
 * column's edge, s: set across columns, i: indented, .: ends a sentence,
 * m: holds one, b: a blank line above it), its text; for
 * tests/fit-boundary.py --misses.  With --export the pages are cut (with the
 * weights of --model FILE: its bias, then a weight a cue, blank-parted, in
 * place of the segmenter's table) and their stories written to OUT as the
 * JSON export writes them (file, start, headline, body, section heads,
 * byline), for tests/score-gold.py.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "sd-page-reader.h"
#include "sd-pipeline.h"
#include "sd-segmenter-private.h"
#include "sd-segmenter.h"

static void
print_cues (const char   *text,
            gsize         title_start,
            gsize         title_end,
            const double *cues,
            guint         n_cues,
            gpointer      data)
{
  printf ("%s\t%.*s", (const char *) data, (int) (title_end - title_start), text + title_start);
  for (guint k = 0; k < n_cues; k++)
    printf ("\t%.4f", cues[k]);
  printf ("\n");
}

static void
print_unit (const char *text, const SdSegUnit *u, gpointer data)
{
  printf ("%s\t%u\t%u\t%u\t%d\t%u\t%s%s%s%s%s%s\t%.*s\n", (const char *) data, u->title, u->shape,
          u->role, u->story == NONE ? -1 : (int) u->story, u->weighed, u->at_edge ? "e" : "",
          u->spans ? "s" : "", u->indented ? "i" : "", u->ends_sentence ? "." : "",
          u->has_mark ? "m" : "", u->blank_before > 0 ? "b" : "", (int) (u->end - u->start),
          text + u->start);
}

/* The model file's numbers: the bias first. */
static GArray *
read_model (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  words = g_strsplit_set (g_strstrip (contents), " \t\n", -1);
  for (guint k = 0; words[k] != NULL; k++)
    {
      char  *end;
      double value;

      if (*words[k] == '\0')
        continue;
      value = g_ascii_strtod (words[k], &end);
      if (*end != '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: “%s” is no number", path,
                       words[k]);
          return NULL;
        }
      g_array_append_val (numbers, value);
    }
  if (numbers->len < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no weights", path);
      return NULL;
    }
  return g_steal_pointer (&numbers);
}

static void
add_text (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_story (JsonBuilder *builder, const char *path, SdStory *story)
{
  g_autofree char *name = g_path_get_basename (path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_text (builder, "file", name);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, story->source_start);
  json_builder_end_object (builder);
  add_text (builder, "headline", story->headline);
  add_text (builder, "body", story->body);
  add_text (builder, "byline", story->byline);
  json_builder_set_member_name (builder, "section_headings");
  json_builder_begin_array (builder);
  for (guint k = 0; story->section_headings != NULL && k < story->section_headings->len; k++)
    json_builder_add_string_value (builder, g_ptr_array_index (story->section_headings, k));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
main (int argc, char **argv)
{
  const char *model_path = NULL, *export_path = NULL;
  gboolean    units = FALSE;
  g_autoptr (GArray) model = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GError) error = NULL;
  int first = 1;

  setlocale (LC_ALL, "");
  for (; first + 1 < argc && g_str_has_prefix (argv[first], "--"); first += 2)
    if (g_str_equal (argv[first], "--model"))
      model_path = argv[first + 1];
    else if (g_str_equal (argv[first], "--export"))
      export_path = argv[first + 1];
    else if (g_str_equal (argv[first], "--units"))
      units = g_str_equal (argv[first + 1], "yes");
    else
      {
        g_printerr ("unknown option %s\n", argv[first]);
        return 2;
      }
  if (model_path != NULL)
    {
      model = read_model (model_path, &error);
      if (model == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      _sd_seg_set_boundary_model (&g_array_index (model, double, 1), model->len - 1,
                                  g_array_index (model, double, 0));
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stories");
  json_builder_begin_array (builder);
  for (int i = first; i < argc; i++)
    {
      g_autoptr (SdPage) page = sd_page_read_file (argv[i], &error);
      g_autoptr (SdPipeline) pipeline = NULL;

      if (page == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (units)
        _sd_seg_set_unit_sink (print_unit, argv[i]);
      else if (export_path == NULL)
        _sd_seg_set_cue_sink (print_cues, argv[i]);
      pipeline = sd_pipeline_new (page);
      sd_pipeline_segment (pipeline);
      _sd_seg_set_cue_sink (NULL, NULL);
      _sd_seg_set_unit_sink (NULL, NULL);
      if (export_path == NULL)
        continue;
      sd_pipeline_make_stories (pipeline);
      for (guint k = 0; k < pipeline->stories->len; k++)
        add_story (builder, argv[i], g_ptr_array_index (pipeline->stories, k));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (export_path != NULL)
    {
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = json_builder_get_root (builder);

      json_generator_set_root (generator, root);
      if (!json_generator_to_file (generator, export_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}
