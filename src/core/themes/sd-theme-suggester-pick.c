/* sd-theme-suggester-pick.c — which theme suggestions an editor is shown
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The suggester scores themes; what an editor has already decided about a
 * story (its tags, the themes dismissed for it) is left out here, in core,
 * so the window is not the only place that knows.
 */
#define G_LOG_DOMAIN "sd-theme-suggester"

#include "config.h"

#include "sd-theme-suggester.h"

static gboolean
contains_theme (GPtrArray *themes, const char *theme)
{
  return themes != NULL && g_ptr_array_find_with_equal_func (themes, theme, g_str_equal, NULL);
}

/**
 * sd_theme_suggester_pick:
 * @suggestions: (element-type SdThemeSuggestion) (transfer full): best first
 * @tags: (element-type utf8) (nullable): the tags the story carries
 * @dismissed: (element-type utf8) (nullable): the themes an editor
 *   dismissed for the story
 * @max: at most this many are kept; 0 for all
 *
 * Leaves out what the editor has already decided: a theme the story is
 * tagged with, or one dismissed for it.  The order stays.
 *
 * Returns: (element-type SdThemeSuggestion) (transfer full): @suggestions,
 *   holding only those to show
 */
GPtrArray *
sd_theme_suggester_pick (GPtrArray *suggestions, GPtrArray *tags, GPtrArray *dismissed, guint max)
{
  g_return_val_if_fail (suggestions != NULL, NULL);

  for (guint i = suggestions->len; i > 0; i--)
    {
      const SdThemeSuggestion *suggestion = g_ptr_array_index (suggestions, i - 1);

      if (contains_theme (tags, suggestion->theme) || contains_theme (dismissed, suggestion->theme))
        g_ptr_array_remove_index (suggestions, i - 1);
    }
  if (max > 0 && suggestions->len > max)
    g_ptr_array_set_size (suggestions, max);
  return suggestions;
}

/**
 * sd_theme_suggester_suggest_for_story:
 * @vocab: the vocabulary
 * @story: a full story record
 * @dismissed: (element-type utf8) (nullable): the themes an editor
 *   dismissed for @story
 *
 * The suggestions an editor is shown for @story: at most
 * %SD_THEME_SUGGESTIONS_SHOWN, none it is tagged with or was dismissed.
 *
 * Returns: (element-type SdThemeSuggestion) (transfer full): the
 *   suggestions, possibly none
 */
GPtrArray *
sd_theme_suggester_suggest_for_story (SdThemeVocabulary *vocab,
                                      const SdStory     *story,
                                      GPtrArray         *dismissed)
{
  guint n_tags;

  g_return_val_if_fail (story != NULL, NULL);

  /* Enough to fill the list when the best ones are tags already or a few
   * were dismissed, without keeping every theme that clears the threshold. */
  n_tags = story->tags != NULL ? story->tags->len : 0;
  return sd_theme_suggester_pick (
      sd_theme_suggester_suggest (vocab, story->headline, story->body,
                                  SD_THEME_SUGGESTIONS_SHOWN + n_tags + 4),
      story->tags, dismissed, SD_THEME_SUGGESTIONS_SHOWN);
}
