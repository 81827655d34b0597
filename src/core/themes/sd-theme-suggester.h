/* sd-theme-suggester.h — the theme vocabulary and theme suggestions for a story
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_THEME_VOCABULARY_ERROR (sd_theme_vocabulary_error_quark ())
typedef enum
{
  SD_THEME_VOCABULARY_ERROR_INVALID,
} SdThemeVocabularyError;
GQuark sd_theme_vocabulary_error_quark (void);

#define SD_TYPE_THEME_VOCABULARY (sd_theme_vocabulary_get_type ())
G_DECLARE_FINAL_TYPE (SdThemeVocabulary, sd_theme_vocabulary, SD, THEME_VOCABULARY, GObject)

/* One keyword that spoke for a theme: @count is its occurrences in the
 * headline and body together. */
typedef struct
{
  char  *keyword;
  guint  count;
} SdThemeEvidence;

typedef struct
{
  char      *theme;
  char      *description;
  double     score;    /* weighted hits over a log of the text length */
  GPtrArray *evidence; /* (element-type SdThemeEvidence) strongest first */
} SdThemeSuggestion;

/* Scores below this are not suggested (see sd-theme-suggester.c). */
#define SD_THEME_SUGGESTION_THRESHOLD 2.0
/* How many suggestions an editor is shown for one story. */
#define SD_THEME_SUGGESTIONS_SHOWN 5

SdThemeVocabulary *sd_theme_vocabulary_get_default      (void);
SdThemeVocabulary *sd_theme_vocabulary_new_from_data    (GBytes            *bytes,
                                                         GError           **error);
GPtrArray         *sd_theme_vocabulary_list_themes      (SdThemeVocabulary *self);
const char        *sd_theme_vocabulary_lookup           (SdThemeVocabulary *self,
                                                         const char        *theme);
guint              sd_theme_vocabulary_get_n_keywords   (SdThemeVocabulary *self);

GPtrArray         *sd_theme_suggester_suggest           (SdThemeVocabulary *vocab,
                                                         const char        *headline,
                                                         const char        *body,
                                                         guint              max);
/* Which suggestions an editor is shown (sd-theme-suggester-pick.c). */
GPtrArray         *sd_theme_suggester_pick              (GPtrArray         *suggestions,
                                                         GPtrArray         *tags,
                                                         GPtrArray         *dismissed,
                                                         guint              max);
GPtrArray         *sd_theme_suggester_suggest_for_story (SdThemeVocabulary *vocab,
                                                         const SdStory     *story,
                                                         GPtrArray         *dismissed);

void               sd_theme_suggestion_free             (SdThemeSuggestion *suggestion);
void               sd_theme_evidence_free               (SdThemeEvidence   *evidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdThemeSuggestion, sd_theme_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdThemeEvidence, sd_theme_evidence_free)

G_END_DECLS
