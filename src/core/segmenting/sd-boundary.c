/* sd-boundary.c — the boundary scorer: whether a title opens a story
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  Where no rule of sd-segmenter.c decides
 * whether a title-shaped unit opens a story or heads a section, the cues
 * across the candidate boundary are weighed: the title's own habits
 * (sd-title-cues.c), how the story above ended, what stands under the
 * title, the lexical cohesion of the title and its lead with the story
 * above and of the title with its lead (its echo), specks, column lines.
 * They are weighed by small boosted trees (sd-boundary-model.h), fitted
 * on the labelled pages by tests/fit-boundary.py, which chose them by the
 * figures of batches left out of the fit and prints the table.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"
#include "sd-text-util.h"

/* Share of the title's characters that are neither Han, punctuation nor
 * digits: specks and column rules OCR read as letters. */
static double
measure_noise (SdSegPage *page, SdSegUnit *u)
{
  guint all = 0, noise = 0;

  for (const char *p = page->text + u->text_start; p < page->text + u->text_end;
       p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      all++;
      noise += !_sd_text_is_han (c) && !g_unichar_ispunct (c) && !g_unichar_isdigit (c);
    }
  return all > 0 ? noise / (double) all : 0.0;
}

static void
measure_cues (SdSegPage *page, SdSegStory *story, guint i, guint n, guint lead, double *cues)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  SdSegUnit *prev = _sd_seg_unit_at (page, i - 1);

  memset (cues, 0, sizeof (double) * N_CUES);
  _sd_seg_measure_title_cues (page, story, i, n, lead, cues);
  cues[CUE_ENDED] = story->ended;
  cues[CUE_ENDED_BY_PHOTO] = story->ended && story->ended_by_photo;
  cues[CUE_LEAD_CAPTION] = lead != NONE && _sd_seg_is_photo_caption (page, lead);
  cues[CUE_LEAD_COHESION] = _sd_seg_measure_lead_cohesion (page, story, i, lead) / 100.0;
  cues[CUE_CUT_ABOVE] = _sd_seg_carries_prose (prev) && !prev->ends_sentence;
  cues[CUE_STORY_PLACE] = lead != NONE && _sd_seg_lead_names_story_place (page, story, i, lead);
  cues[CUE_NEWS_ITEM] = story->news_lead;
  cues[CUE_AT_EDGE] = u->at_edge && !u->ends_sentence;
  cues[CUE_CUT_PROSE] = _sd_seg_reads_like_cut_prose (page, u);
  cues[CUE_NOISE] = measure_noise (page, u);
  cues[CUE_COLUMNS] = page->column > 0;
  cues[CUE_COUNT] = _sd_seg_states_count (page, u);
  cues[CUE_ECHO] = _sd_seg_measure_title_echo (page, i, lead);
}

/* A small tree of the boosted model: node 0 sends a title to node 1 when
 * its cue is below the cut, else to node 2; those to a leaf the same way.
 * A node of cue -1 sends every title to its left. */
typedef struct
{
  gint8  cue[3];
  double cut[3];
  double leaf[4];
} BoundaryTree;

#define TREE_NUMBERS 10 /* a tree written out: cue and cut of each node, the leaves */

#include "sd-boundary-model.h"

static SdSegCueSink  cue_sink;
static gpointer      cue_sink_data;
static SdSegUnitSink unit_sink;
static gpointer      unit_sink_data;
static BoundaryTree *model_trees; /* (nullable) a fit's, in place of the table */
static guint         model_n_trees;
static double        model_bias;

void
_sd_seg_set_cue_sink (SdSegCueSink sink, gpointer data)
{
  cue_sink = sink;
  cue_sink_data = data;
}

void
_sd_seg_set_unit_sink (SdSegUnitSink sink, gpointer data)
{
  unit_sink = sink;
  unit_sink_data = data;
}

void
_sd_seg_trace_units (SdSegPage *page)
{
  for (guint i = 0; unit_sink != NULL && i < page->units->len; i++)
    unit_sink (page->text, _sd_seg_unit_at (page, i), unit_sink_data);
}

void
_sd_seg_set_boundary_model (const double *numbers, guint n_numbers, double bias)
{
  g_return_if_fail (n_numbers % TREE_NUMBERS == 0);
  g_clear_pointer (&model_trees, g_free);
  model_n_trees = n_numbers / TREE_NUMBERS;
  model_bias = bias;
  if (numbers == NULL)
    return;
  model_trees = g_new0 (BoundaryTree, model_n_trees);
  for (guint t = 0; t < model_n_trees; t++, numbers += TREE_NUMBERS)
    {
      for (guint k = 0; k < 3; k++)
        {
          model_trees[t].cue[k] = numbers[2 * k] < N_CUES ? (gint8) numbers[2 * k] : -1;
          model_trees[t].cut[k] = numbers[2 * k + 1];
        }
      memcpy (model_trees[t].leaf, numbers + 6, sizeof model_trees[t].leaf);
    }
}

static gboolean
goes_right (const BoundaryTree *tree, guint node, const double *cues)
{
  return tree->cue[node] >= 0 && cues[tree->cue[node]] >= tree->cut[node];
}

gboolean
_sd_seg_weighs_as_story (SdSegPage *page, SdSegStory *story, guint i, guint n, guint lead)
{
  const BoundaryTree *trees = model_trees != NULL ? model_trees : boundary_trees;
  guint               n_trees = model_trees != NULL ? model_n_trees : G_N_ELEMENTS (boundary_trees);
  double              cues[N_CUES];
  double              sum = model_trees != NULL ? model_bias : boundary_bias;

  measure_cues (page, story, i, n, lead, cues);
  for (guint t = 0; t < n_trees; t++)
    {
      guint node = 1 + goes_right (&trees[t], 0, cues);

      sum += trees[t].leaf[2 * (node - 1) + goes_right (&trees[t], node, cues)];
    }
  if (cue_sink != NULL)
    cue_sink (page->text, _sd_seg_unit_at (page, i)->text_start,
              _sd_seg_unit_at (page, i)->text_end, cues, N_CUES, cue_sink_data);
  _sd_seg_unit_at (page, i)->weighed = sum >= 0 ? WEIGHED_STORY : WEIGHED_SECTION;
  return sum >= 0;
}
