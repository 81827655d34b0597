/* sd-place-resolver-private.h — what the place resolver's files share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-gazetteer-private.h"
#include "sd-place-resolver.h"

G_BEGIN_DECLS

/* The first sentences of the body, where a story says where it is set:
 * about 120 characters. */
#define SD_SCENE_BYTES 360

typedef struct
{
  SdMentionField     field;
  gsize              start;
  gsize              end;
  const SdNameEntry *entry;
  double             weight;
  gint               prev;    /* the hit ending right where this one starts */
  gboolean           bounded;
  gboolean           feature; /* a town's short name naming a lake, hill or road */
  gboolean           shortened; /* a short name only: 黎里, 硕放 */
  gboolean           aside;   /* in the line that says who spoke an opening quote */
  guint              sentence; /* how many sentences of its field end before it */
  const SdPlace     *place;   /* resolved meaning, or NULL */
} SdPlaceHit;

/* sd-place-words.c: the word after a name */
G_GNUC_INTERNAL
gboolean       _sd_place_is_only_kind      (const SdNameEntry *entry,
                                            SdNameKind         kind);
G_GNUC_INTERNAL
gboolean       _sd_place_names_feature     (const char        *after);
G_GNUC_INTERNAL
gboolean       _sd_place_names_unit        (const char        *after);
G_GNUC_INTERNAL
gboolean       _sd_place_names_namesake    (const SdNameEntry *entry,
                                            const char        *after);
G_GNUC_INTERNAL
const SdPlace *_sd_place_find_named_district (SdGazetteer     *gazetteer,
                                              const SdNameEntry *entry);
/* sd-place-village.c: the villages a story names, where nothing else
 * names its district (the hits' places are set); @within: nullable */
G_GNUC_INTERNAL
const SdPlace *_sd_place_find_village_place (SdGazetteer   *gazetteer,
                                             GArray        *villages,
                                             GArray        *hits,
                                             GHashTable    *support,
                                             const SdPlace *within);

/* sd-place-subject.c: what the story is about, what it names in passing */
G_GNUC_INTERNAL
double         _sd_place_sum_own_weight    (GArray        *hits,
                                            const SdPlace *city);
G_GNUC_INTERNAL
double         _sd_place_sum_named_weight  (GArray        *hits,
                                            const SdPlace *place);
G_GNUC_INTERNAL
gboolean       _sd_place_names_again       (SdGazetteer   *gazetteer,
                                            GArray        *hits,
                                            guint          i,
                                            SdPlaceLevel   level);
G_GNUC_INTERNAL
gboolean       _sd_place_headline_names_province_only (GArray *hits);

G_GNUC_INTERNAL
guint          _sd_place_count_sentence_ends (const char *text,
                                              gsize       from,
                                              gsize       to);
G_GNUC_INTERNAL
gboolean       _sd_place_is_in_attribution (const char    *text,
                                            gsize          start,
                                            gsize          end);
G_GNUC_INTERNAL
gboolean       _sd_place_is_proper_town    (const SdPlace *place);
G_GNUC_INTERNAL
const SdPlace *_sd_place_find_scene_town   (SdGazetteer   *gazetteer,
                                            GArray        *hits,
                                            gboolean       headline_named,
                                            const SdPlace *district);
G_GNUC_INTERNAL
const SdPlace *_sd_place_find_scene        (SdGazetteer   *gazetteer,
                                            GArray        *hits,
                                            const SdPlace *parent,
                                            SdPlaceLevel   level);

G_END_DECLS
