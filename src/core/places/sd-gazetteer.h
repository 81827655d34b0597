/* sd-gazetteer.h — the places of Jiangsu: cities, districts/counties, towns
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SD_PLACE_LEVEL_PROVINCE,
  SD_PLACE_LEVEL_CITY,
  SD_PLACE_LEVEL_DISTRICT, /* 区, 县, 县级市 */
  SD_PLACE_LEVEL_TOWN,     /* 镇, 乡, 街道 */
} SdPlaceLevel;

/* Owned by the gazetteer; valid while it lives.  Codes are the official
 * division codes ("32", "3205", "320509", "320509102"), so a place's subtree
 * is every code that starts with its own. */
typedef struct
{
  const char  *code;
  const char  *name;        /* official name: 苏州市, 吴江区, 黎里镇 */
  SdPlaceLevel level;
  const char  *parent_code; /* NULL for the province */
  guint        order;       /* official order among its siblings */
} SdPlace;

#define SD_GAZETTEER_ERROR (sd_gazetteer_error_quark ())
typedef enum
{
  SD_GAZETTEER_ERROR_INVALID,
} SdGazetteerError;
GQuark sd_gazetteer_error_quark (void);

#define SD_TYPE_GAZETTEER (sd_gazetteer_get_type ())
G_DECLARE_FINAL_TYPE (SdGazetteer, sd_gazetteer, SD, GAZETTEER, GObject)

/* The bundled Jiangsu gazetteer (places and aliases from the core GResource),
 * loaded once; thread-safe. (transfer none) */
SdGazetteer   *sd_gazetteer_get_default   (void);

/* @places: TSV "code\tname\tlevel\tparent_code"; @aliases: TSV
 * "alias\tcode\tcontext_code" (see data/gazetteer/aliases.tsv). */
SdGazetteer   *sd_gazetteer_new_from_data (GBytes      *places,
                                           GBytes      *aliases,
                                           GError     **error);

/* As above, plus @stopwords: TSV "word\tkind", kind one of block (a word
 * hiding place names: 大丰收), weak (a short form that is also a common word
 * and needs context: 东海), skip (never a short form: 城东).
 * sd_gazetteer_get_default() loads stopwords.tsv too. */
SdGazetteer   *sd_gazetteer_new_from_data_full (GBytes  *places,
                                                GBytes  *aliases,
                                                GBytes  *stopwords,
                                                GError **error);
/* As above, plus @villages: TSV "name\ttown_code", villages and
 * communities that stand for their town where nothing else names the
 * story's district (data/gazetteer/villages.tsv, which
 * sd_gazetteer_get_default() loads too). */
SdGazetteer   *sd_gazetteer_new_with_villages (GBytes  *places,
                                               GBytes  *aliases,
                                               GBytes  *stopwords,
                                               GBytes  *villages,
                                               GError **error);
/* The same, but only @places read now: the rest is kept, and the names
 * built the first time one is asked for (a bad line then is a critical).
 * sd_gazetteer_get_default() is made so. */
SdGazetteer   *sd_gazetteer_new_lazy      (GBytes  *places,
                                           GBytes  *aliases,
                                           GBytes  *stopwords,
                                           GBytes  *villages,
                                           GError **error);

const SdPlace *sd_gazetteer_get_province  (SdGazetteer *self);
const SdPlace *sd_gazetteer_lookup        (SdGazetteer *self,
                                           const char  *code);
/* (element-type SdPlace) (transfer container), in official order */
GPtrArray     *sd_gazetteer_get_children  (SdGazetteer *self,
                                           const char  *code);
/* Walks up from @place; each out value may be NULL. */
void           sd_gazetteer_split_levels  (SdGazetteer   *self,
                                           const SdPlace *place,
                                           const SdPlace **city,
                                           const SdPlace **district,
                                           const SdPlace **town);
/* Finds a place by official name or alias; @context_code (nullable) picks
 * among places of the same name. (nullable) */
const SdPlace *sd_gazetteer_find_by_name  (SdGazetteer *self,
                                           const char  *name,
                                           const char  *context_code);

G_END_DECLS
