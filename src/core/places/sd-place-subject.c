/* sd-place-subject.c — whether a place is what a story is about, or named
 * in passing
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resolver (sd-place-resolver.c) counts the mentions of each place; a
 * count alone takes a landmark passed on a tour of a city (花果山, 中山陵,
 * 太仓港) or a district written out once with its town for the story's
 * district.  Three readings of where and how a place is named:
 *  - what the story says of its city by the city's own name, not written
 *    out with a place of it right after: a district that the story names
 *    less than that (a landmark of it counting half) is a stop in a story
 *    about the whole city;
 *  - a name written out with its parent (睢宁县姚集镇高党村) names each
 *    level once;
 *  - a headline that names the province and nothing below it heads a
 *    story about the province, whatever city its body names most.
 */
#define G_LOG_DOMAIN "sd-place-resolver"

#include "config.h"

#include "sd-place-resolver-private.h"

/* Whether the hit right after @i writes out a place inside @i's:
 * 苏州市吴中区. */
static gboolean
is_written_out_with_child (GArray *hits, guint i)
{
  const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);
  const SdPlaceHit *next;

  if (i + 1 >= hits->len)
    return FALSE;
  next = &g_array_index (hits, SdPlaceHit, i + 1);
  return next->prev == (gint) i && next->place != NULL && next->place != hit->place
         && _sd_place_is_within (next->place, hit->place);
}

/* The weight of the mentions of @city by its own name (苏州, 苏州市, 港城),
 * not written out with one of its districts or towns right after: the
 * story's talk of the city as a whole. */
double
_sd_place_sum_own_weight (GArray *hits, const SdPlace *city)
{
  double weight = 0.0;

  for (guint i = 0; i < hits->len; i++)
    {
      const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);

      if (hit->place == city && !is_written_out_with_child (hits, i))
        weight += hit->weight;
    }
  return weight;
}

/* Whether hit @i only goes on naming, at @level, the place the hit right
 * before it named: 姚集镇 in 睢宁县姚集镇 names no district again. */
gboolean
_sd_place_names_again (SdGazetteer *gazetteer, GArray *hits, guint i, SdPlaceLevel level)
{
  const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);
  const SdPlace    *before;

  if (hit->prev < 0 || hit->place == NULL)
    return FALSE;
  before = g_array_index (hits, SdPlaceHit, hit->prev).place;
  return before != NULL
         && _sd_gazetteer_get_ancestor_at (gazetteer, before, level)
                == _sd_gazetteer_get_ancestor_at (gazetteer, hit->place, level);
}

/* Whether the headline names the province (江苏, 全省) and no place in it. */
gboolean
_sd_place_headline_names_province_only (GArray *hits)
{
  gboolean province = FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);

      if (hit->field != SD_MENTION_IN_HEADLINE || hit->place == NULL)
        continue;
      if (hit->place->level != SD_PLACE_LEVEL_PROVINCE)
        return FALSE;
      province = TRUE;
    }
  return province;
}

/* A landmark the story may pass by (中山陵, 东关街, 花果山): a curated name
 * of a district or town that is no division's or zone's name (not 楚州区
 * nor 高新区, 科技城, 园区). */
static gboolean
is_landmark (const SdPlaceHit *hit)
{
  static const char *const units[] = { "区", "县", "市", "镇", "乡", "街道", "城", "园" };

  if (hit->place->level < SD_PLACE_LEVEL_DISTRICT
      || !_sd_place_is_only_kind (hit->entry, SD_NAME_ALIAS))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (hit->entry->name, units[i]))
      return FALSE;
  return TRUE;
}

/* What the story says of @place and the places in it, a landmark half a
 * name: a story passes by a landmark more often than it is about it. */
double
_sd_place_sum_named_weight (GArray *hits, const SdPlace *place)
{
  double weight = 0.0;

  for (guint i = 0; i < hits->len; i++)
    {
      const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);

      if (hit->place == NULL || !_sd_place_is_within (hit->place, place))
        continue;
      weight += is_landmark (hit) ? 0.5 * hit->weight : hit->weight;
    }
  return weight;
}
