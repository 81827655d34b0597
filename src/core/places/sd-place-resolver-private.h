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
