/* sd-place-village.c — the villages and communities a story names
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A brief about 下甸村 or 连元街社区 may name no town, district or city at
 * all.  The official list of villages (data/gazetteer/villages.tsv) says
 * where such a place is; but many villages share a name, and a village
 * renamed or merged since 2022 may be another's, so a village decides
 * nothing that the rest of the story names: only where no district is
 * decided, and only when every village the story names lies in one
 * district.
 */
#define G_LOG_DOMAIN "sd-place-resolver"

#include "config.h"

#include "sd-place-resolver-private.h"

static gboolean
is_supported (GHashTable *support, const SdPlace *place)
{
  const double *value = place != NULL ? g_hash_table_lookup (support, place) : NULL;

  return value != NULL && *value > 0.0;
}

/* The town of one village: the one inside the place named right before it
 * (none there: one of that place's own, unknown to the list), else the
 * only one inside @within, else the only one in a city the story names. */
static const SdPlace *
resolve_village (SdGazetteer      *gazetteer,
                 const SdPlaceHit *hit,
                 const SdPlace    *before,
                 GHashTable       *support,
                 const SdPlace    *within)
{
  const SdPlace *only = NULL, *supported = NULL;
  guint          n = 0, n_supported = 0;

  for (guint i = 0; i < hit->entry->n_candidates; i++)
    {
      const SdPlace *town = hit->entry->candidates[i].place;

      if (before != NULL && before->level > SD_PLACE_LEVEL_PROVINCE)
        {
          if (_sd_place_is_within (town, before))
            return town;
          continue;
        }
      if (within != NULL && !_sd_place_is_within (town, within))
        continue;
      n++;
      only = town;
      if (is_supported (support,
                        _sd_gazetteer_get_ancestor_at (gazetteer, town, SD_PLACE_LEVEL_CITY)))
        {
          n_supported++;
          supported = town;
        }
    }
  return n == 1 ? only : n_supported == 1 ? supported : NULL;
}

const SdPlace *
_sd_place_find_village_place (SdGazetteer   *gazetteer,
                              GArray        *villages,
                              GArray        *hits,
                              GHashTable    *support,
                              const SdPlace *within)
{
  const SdPlace *district = NULL, *town = NULL;
  gboolean       one_town = TRUE;

  for (guint i = 0; i < villages->len; i++)
    {
      SdPlaceHit    *hit = &g_array_index (villages, SdPlaceHit, i);
      const SdPlace *before =
          hit->prev >= 0 ? g_array_index (hits, SdPlaceHit, hit->prev).place : NULL;
      const SdPlace *in;

      /* only one the story is about: in its headline or first sentences */
      if (hit->field != SD_MENTION_IN_HEADLINE && hit->start >= SD_SCENE_BYTES)
        continue;
      hit->place = resolve_village (gazetteer, hit, before, support, within);
      if (hit->place == NULL)
        continue;
      in = _sd_gazetteer_get_ancestor_at (gazetteer, hit->place, SD_PLACE_LEVEL_DISTRICT);
      if (district != NULL && in != district)
        return NULL; /* villages of several districts: a tour, a list */
      if (town != NULL && town != hit->place)
        one_town = FALSE;
      district = in;
      town = hit->place;
    }
  if (district == NULL)
    return NULL;
  return one_town && _sd_place_is_proper_town (town) ? town : district;
}
