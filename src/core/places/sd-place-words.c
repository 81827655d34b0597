/* sd-place-words.c — what the word right after a place name says of it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 固城湖 is a lake by 固城街道, 雨花区 is 雨花台区, 南通路 is a road that may
 * be in any city: the resolver (sd-place-resolver.c) asks these before it
 * counts a name for the story.
 */
#define G_LOG_DOMAIN "sd-place-resolver"

#include "config.h"

#include "sd-place-resolver-private.h"

#include <string.h>

/* After a town's short name, these make it the name of something else:
 * 固城湖 is a lake by 固城街道, 黄桥路 a road. */
static const char feature_chars[] = "湖河江溪湾荡塘岛山岭洲路街巷桥寺庙塔陵";

/* Whether every meaning of @entry is of @kind: a short form only (黎里), a
 * curated alias only (北固山). */
gboolean
_sd_place_is_only_kind (const SdNameEntry *entry, SdNameKind kind)
{
  for (guint i = 0; i < entry->n_candidates; i++)
    if (entry->candidates[i].kind != kind)
      return FALSE;
  return entry->n_candidates > 0;
}

gboolean
_sd_place_names_feature (const char *after)
{
  gunichar    c = g_utf8_get_char (after);
  const char *p;

  if (c == 0)
    return FALSE;
  for (p = feature_chars; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

/* After a city's or district's name, these make it the name of a road, a
 * bank or a school (南通路, 苏州银行, 南京大学), which may be anywhere:
 * not the story's place. */
gboolean
_sd_place_names_namesake (const SdNameEntry *entry, const char *after)
{
  static const char *const words[] = { "路", "大道", "大街", "银行", "大学" };

  for (guint i = 0; i < entry->n_candidates; i++)
    if (entry->candidates[i].place->level > SD_PLACE_LEVEL_DISTRICT
        || entry->candidates[i].place->level < SD_PLACE_LEVEL_CITY)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (after, words[i]))
      return TRUE;
  return FALSE;
}

/* After a town's short name, 区 or 县 make it the name of a district:
 * 雨花区 (for 雨花台区), not 雨花街道. */
gboolean
_sd_place_names_unit (const char *after)
{
  return (g_str_has_prefix (after, "区") && !g_str_has_prefix (after, "区域"))
         || g_str_has_prefix (after, "县");
}

/* The district a town's short name followed by 区 or 县 stands for: the
 * one of its towns' districts whose name begins with it (雨花 → 雨花台区). */
const SdPlace *
_sd_place_find_named_district (SdGazetteer *gazetteer, const SdNameEntry *entry)
{
  const SdPlace *found = NULL;

  for (guint i = 0; i < entry->n_candidates; i++)
    {
      const SdPlace *district = _sd_gazetteer_get_ancestor_at (
          gazetteer, entry->candidates[i].place, SD_PLACE_LEVEL_DISTRICT);

      if (district == NULL || !g_str_has_prefix (district->name, entry->name))
        continue;
      if (found != NULL && found != district)
        return NULL;
      found = district;
    }
  return found;
}
