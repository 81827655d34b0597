/* sd-place-home.c — the home of a local paper's page, which it calls 我市
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Once each story of a page is placed by its own text
 * (sd-place-resolver.c), the page as a whole says where the paper is from:
 * the district, or city, most of its stories are filed under.  A story that
 * names its place only as 我市, 我区 or 我县 is filed there, and so is one
 * that names no place at all.
 */
#define G_LOG_DOMAIN "sd-place-home"

#include "config.h"

#include "sd-gazetteer-private.h"
#include "sd-place-resolver.h"

#include <string.h>

/* The place most of @decisions lie in at @level: at least two stories and
 * half of those placed that deep; the first such on the page. */
static const SdPlace *
find_page_home (SdGazetteer *gazetteer, SdPlaceDecision **decisions, guint n, SdPlaceLevel level)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint placed = 0;

  for (guint i = 0; i < n; i++)
    {
      const SdPlace *place = _sd_gazetteer_get_ancestor_at (gazetteer, decisions[i]->place, level);
      guint          count;

      if (place == NULL)
        continue;
      placed++;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, place));
      g_hash_table_insert (counts, (gpointer) place, GUINT_TO_POINTER (count + 1));
    }
  for (guint i = 0; i < n; i++)
    {
      const SdPlace *place = _sd_gazetteer_get_ancestor_at (gazetteer, decisions[i]->place, level);
      guint          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, place));

      if (place != NULL && count >= 2 && 2 * count >= placed)
        return place;
    }
  return NULL;
}

/* "我市" and the like in the story: the suffix character, or 0. */
static gunichar
find_home_word (const char *headline, const char *body)
{
  static const char *const words[] = { "我市", "我区", "我县" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((headline != NULL && strstr (headline, words[i]) != NULL)
        || (body != NULL && strstr (body, words[i]) != NULL))
      return g_utf8_get_char (g_utf8_next_char (words[i]));
  return 0;
}

void
sd_place_resolver_settle_home (SdGazetteer       *gazetteer,
                               SdPlaceDecision  **decisions,
                               const char *const *headlines,
                               const char *const *bodies,
                               guint              n)
{
  const SdPlace *district, *city;

  g_return_if_fail (SD_IS_GAZETTEER (gazetteer));

  district = find_page_home (gazetteer, decisions, n, SD_PLACE_LEVEL_DISTRICT);
  city = district != NULL ? _sd_gazetteer_get_ancestor_at (gazetteer, district, SD_PLACE_LEVEL_CITY)
                          : find_page_home (gazetteer, decisions, n, SD_PLACE_LEVEL_CITY);
  if (city == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      const SdPlace *place = decisions[i]->place;
      gunichar       word = find_home_word (headlines[i], bodies[i]);
      const SdPlace *home = NULL;

      /* a story that names no place at all, nor its home, is the paper's
       * own */
      if (place == NULL && decisions[i]->mentions->len == 0 && word == 0)
        {
          decisions[i]->place = district != NULL ? district : city;
          decisions[i]->confidence = 0.5;
          continue;
        }
      /* only a story filed nowhere, or no deeper than the home's city */
      if (word == 0 || (place != NULL && place != city))
        continue;
      /* 我市 is 邳州市 on a 邳州 page, 徐州市 on a 徐州 one */
      if (district != NULL
          && g_utf8_get_char (
                 g_utf8_offset_to_pointer (district->name, g_utf8_strlen (district->name, -1) - 1))
                 == word)
        home = district;
      else if (word == 0x5E02 /* 市 */ && place == NULL)
        home = city;
      if (home != NULL)
        {
          decisions[i]->place = home;
          decisions[i]->confidence = 0.6;
        }
    }
}
