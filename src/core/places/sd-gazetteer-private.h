/* sd-gazetteer-private.h — the name index the place resolver reads, and
 * what the gazetteer's two files share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-gazetteer.h"
#include "sd-name-matcher.h"

G_BEGIN_DECLS

typedef enum
{
  SD_NAME_OFFICIAL, /* the official name: 吴江区 */
  SD_NAME_ALIAS,    /* a curated alias: 港城, 苏州高新区, 吴江市 */
  SD_NAME_SHORT,    /* a rule-made short form: 吴江, 黎里 */
  SD_NAME_VILLAGE,  /* a village or community, for its town: 下甸村 */
} SdNameKind;

typedef struct
{
  const SdPlace *place;
  const SdPlace *context; /* (nullable) only valid in a story about this place */
  SdNameKind     kind;
  gboolean       weak;    /* too common a word alone: needs its parent
                           * mentioned too (town short forms, 东海…) */
} SdNameCandidate;

/* Everything one string in a text can mean.  No candidates: a blocked word
 * (大丰收, 洪泽湖) that hides the place names inside it. */
typedef struct
{
  const char      *name;
  guint            n_candidates;
  SdNameCandidate *candidates;
} SdNameEntry;

/* Every string that names a place, compiled into one matcher: built by
 * sd-gazetteer-names.c, kept by the gazetteer. */
typedef struct
{
  GPtrArray     *entries; /* SdNameEntry, index = matcher value */
  GHashTable    *by_name; /* name → SdNameEntry */
  SdNameMatcher *matcher;
} SdNameIndex;

G_GNUC_INTERNAL
void                 _sd_name_index_init         (SdNameIndex   *index);
G_GNUC_INTERNAL
void                 _sd_name_index_clear        (SdNameIndex   *index);
/* The names of @places, their short forms, @aliases, @stopwords and
 * @villages (TSV, nullable; see sd_gazetteer_new_with_villages ()); names
 * are kept in
 * @strings.  @error names the bad line. */
G_GNUC_INTERNAL
gboolean             _sd_name_index_build        (SdNameIndex   *index,
                                                  SdGazetteer   *gazetteer,
                                                  const SdPlace *places,
                                                  guint          n_places,
                                                  GStringChunk  *strings,
                                                  GBytes        *aliases,
                                                  GBytes        *stopwords,
                                                  GBytes        *villages,
                                                  GError       **error);

/* The lines of a TSV file, blank and '#' lines dropped, each split on tabs
 * (element-type GStrv); @line_numbers gets each row's line number. */
G_GNUC_INTERNAL
GPtrArray           *_sd_gazetteer_split_tsv     (GBytes        *bytes,
                                                  GArray        *line_numbers);
/* Sets @error to "@what line @line: @message"; returns FALSE. */
G_GNUC_INTERNAL
gboolean             _sd_gazetteer_fail_at_line  (GError       **error,
                                                  const char    *what,
                                                  guint          line,
                                                  const char    *message);

/* Whether the names are built yet (sd_gazetteer_new_lazy ()). */
G_GNUC_INTERNAL
gboolean             _sd_gazetteer_has_names     (SdGazetteer *self);
G_GNUC_INTERNAL
const SdNameMatcher *_sd_gazetteer_get_matcher   (SdGazetteer *self);
G_GNUC_INTERNAL
guint                _sd_gazetteer_get_n_entries (SdGazetteer *self);
/* @value as given in an SdNameMatch */
G_GNUC_INTERNAL
const SdNameEntry   *_sd_gazetteer_get_entry     (SdGazetteer *self,
                                                  guint        value);
G_GNUC_INTERNAL
const SdNameEntry   *_sd_gazetteer_lookup_entry  (SdGazetteer *self,
                                                  const char  *name);
/* @place itself or the place above it at @level; NULL when @place is NULL
 * or above @level. */
G_GNUC_INTERNAL
const SdPlace       *_sd_gazetteer_get_ancestor_at (SdGazetteer   *self,
                                                    const SdPlace *place,
                                                    SdPlaceLevel   level);
/* Whether @place is @ancestor or lies inside it. */
G_GNUC_INTERNAL
gboolean             _sd_place_is_within         (const SdPlace *place,
                                                  const SdPlace *ancestor);

G_END_DECLS
