/* sd-place-scene.c — where a story is set, read from its first sentences
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reporter says where a story happens in its lead: "近日，金湖县黎城街道
 * 平安路社区…", "在南京雨花台区景明佳园小区…".  When the talk of the story
 * leaves its district or town open, a reader takes them from there, with
 * two cautions:
 *  - under a district the headline names, the line that says who spoke
 *    an opening quote ("……”泗洪县上塘镇村民朱大爷说。") places the speaker
 *    in one of its towns, not the story (a district's own story opens on
 *    one of its people);
 *  - a town's short name (硕放机场, 孤山庙会) may name something else;
 *  - a town is the story's only when no other town of its district is named
 *    anywhere in it (a tour of three towns is the district's).
 */
#define G_LOG_DOMAIN "sd-place-scene"

#include "config.h"

#include "sd-place-resolver-private.h"

#include <string.h>

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ || c == '!'
         || c == '?' || c == '\n' || c == 0x2026 /* … */;
}

/* The first sentence end in [@p, @stop), or NULL. */
static const char *
find_sentence_end (const char *p, const char *stop)
{
  while (p < stop && *p != '\0' && !is_sentence_end (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p < stop && *p != '\0' ? p : NULL;
}

/* How many sentences end between @from and @to of @text. */
guint
_sd_place_count_sentence_ends (const char *text, gsize from, gsize to)
{
  const char *end = text + from;
  guint       n = 0;

  while ((end = find_sentence_end (end, text + to)) != NULL)
    {
      n++;
      end = g_utf8_next_char (end);
    }
  return n;
}

/* Whether the mention at [@start, @end) of @text stands in the line after a
 * quoted sentence that says who spoke it: "……踏实多了。”泗洪县上塘镇垫湖村
 * 村民朱大爷说。" */
gboolean
_sd_place_is_in_attribution (const char *text, gsize start, gsize end)
{
  static const char *const verbs[] = { "说", "表示", "介绍", "告诉", "感叹", "坦言" };
  const char              *p = text + start;
  const char              *stop;
  gboolean                 after_quote = FALSE;
  gboolean                 said = FALSE;

  /* back to the quote the sentence opens with */
  while (p > text)
    {
      gunichar c;

      p = g_utf8_find_prev_char (text, p);
      c = g_utf8_get_char (p);
      if (c == 0x201D /* ” */)
        {
          const char *before = p > text ? g_utf8_find_prev_char (text, p) : NULL;

          after_quote = before != NULL && is_sentence_end (g_utf8_get_char (before));
          break;
        }
      if (is_sentence_end (c))
        return FALSE;
    }
  if (!after_quote)
    return FALSE;

  /* on to the end of the sentence, which says who spoke */
  stop = find_sentence_end (text + end, text + strlen (text));
  if (stop == NULL)
    stop = text + strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (verbs) && !said; i++)
    said = g_strstr_len (text + end, stop - (text + end), verbs[i]) != NULL;
  return said;
}

/* The town of @district the body's first sentences are set in, named in
 * full, when it is the only town of @district the story names; when the
 * headline named @district, not the town of an opening quote's speaker. */
const SdPlace *
_sd_place_find_scene_town (SdGazetteer   *gazetteer,
                           GArray        *hits,
                           gboolean       headline_named,
                           const SdPlace *district)
{
  const SdPlace *scene = NULL;

  for (guint i = 0; i < hits->len; i++)
    {
      const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);
      const SdPlace    *town;

      if (hit->place == NULL || hit->field != SD_MENTION_IN_BODY)
        continue;
      town = _sd_gazetteer_get_ancestor_at (gazetteer, hit->place, SD_PLACE_LEVEL_TOWN);
      if (town == NULL || !_sd_place_is_within (town, district) || !_sd_place_is_proper_town (town))
        continue;
      if (scene == NULL)
        {
          if (hit->start >= SD_SCENE_BYTES || hit->shortened || (headline_named && hit->aside))
            return NULL;
          scene = town;
        }
      else if (town != scene)
        {
          return NULL;
        }
    }
  return scene;
}

/* Written out with its parent or its town: 南京雨花台区, 宿城区古城街道. */
static gboolean
is_written_out (GArray *hits, guint i)
{
  const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);

  if (hit->prev >= 0)
    {
      const SdPlace *before = g_array_index (hits, SdPlaceHit, hit->prev).place;

      if (before != NULL && before != hit->place && _sd_place_is_within (hit->place, before))
        return TRUE;
    }
  if (i + 1 < hits->len)
    {
      const SdPlaceHit *next = &g_array_index (hits, SdPlaceHit, i + 1);

      if (next->prev == (gint) i && next->place != NULL && next->place != hit->place
          && _sd_place_is_within (next->place, hit->place))
        return TRUE;
    }
  return FALSE;
}

/* A list of places (…溧水区和凤镇、…六合区冶山街道…) sets no scene: another
 * place at @level named in the same sentence as the hit. */
static gboolean
is_in_list (SdGazetteer *gazetteer, GArray *hits, guint i, const SdPlace *scene)
{
  const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);

  for (guint j = 0; j < hits->len; j++)
    {
      const SdPlaceHit *other = &g_array_index (hits, SdPlaceHit, j);
      const SdPlace    *other_scene;

      if (other->field != hit->field || other->place == NULL || other->sentence != hit->sentence)
        continue;
      other_scene = _sd_gazetteer_get_ancestor_at (gazetteer, other->place, scene->level);
      if (other_scene != NULL && other_scene != scene)
        return TRUE;
    }
  return FALSE;
}

/* Captions of a tour (邳州市碾庄镇，… 铜山区柳泉镇，…) write out another
 * place at @scene's level with its parent or town too. */
static gboolean
is_one_of_a_tour (SdGazetteer *gazetteer, GArray *hits, const SdPlace *scene)
{
  for (guint j = 0; j < hits->len; j++)
    {
      const SdPlaceHit *other = &g_array_index (hits, SdPlaceHit, j);
      const SdPlace    *other_scene;

      if (other->field != SD_MENTION_IN_BODY || other->place == NULL
          || other->place->level < scene->level)
        continue;
      other_scene = _sd_gazetteer_get_ancestor_at (gazetteer, other->place, scene->level);
      if (other_scene != scene && is_written_out (hits, j))
        return TRUE;
    }
  return FALSE;
}

/* Whether every place the story names below @parent lies in @scene at
 * its level. */
static gboolean
is_only_one_named (SdGazetteer   *gazetteer,
                   GArray        *hits,
                   const SdPlace *parent,
                   const SdPlace *scene)
{
  for (guint j = 0; j < hits->len; j++)
    {
      const SdPlaceHit *other = &g_array_index (hits, SdPlaceHit, j);

      if (other->place == NULL || other->place->level < scene->level
          || !_sd_place_is_within (other->place, parent))
        continue;
      if (_sd_gazetteer_get_ancestor_at (gazetteer, other->place, scene->level) != scene)
        return FALSE;
    }
  return TRUE;
}

/* The place at @level (a city below the province, a district below a
 * city) the body's first sentences are set in: the first place below
 * @parent the body names, written out with its parent or its town
 * (江苏省常熟市, 南京雨花台区, 宿城区古城街道), in no list and in no tour.
 * Past the first sentences, only the one place at @level the story names
 * at all, written out so (…位于江苏省徐州市铜山区伊庄镇): a lead that sets
 * the scene by a village or a hill leaves the district to a later line.
 * A town named in full (山北街道) sets it alone when it is the only place
 * below @parent the story names. */
const SdPlace *
_sd_place_find_scene (SdGazetteer   *gazetteer,
                      GArray        *hits,
                      const SdPlace *parent,
                      SdPlaceLevel   level)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const SdPlaceHit *hit = &g_array_index (hits, SdPlaceHit, i);
      const SdPlace    *scene;

      if (hit->place == NULL || hit->field != SD_MENTION_IN_BODY || hit->place->level < level
          || !_sd_place_is_within (hit->place, parent))
        continue;
      scene = _sd_gazetteer_get_ancestor_at (gazetteer, hit->place, level);
      /* a town's short name may name something else (南京中央门汽车站) */
      if (hit->shortened && hit->place->level == SD_PLACE_LEVEL_TOWN)
        return NULL;
      if (!is_written_out (hits, i)
          && !(hit->place->level == SD_PLACE_LEVEL_TOWN && !hit->shortened
               && _sd_place_is_proper_town (hit->place) && hit->start < SD_SCENE_BYTES
               && is_only_one_named (gazetteer, hits, parent, scene)))
        return NULL;
      if (hit->start >= SD_SCENE_BYTES && !is_only_one_named (gazetteer, hits, parent, scene))
        return NULL;
      return is_in_list (gazetteer, hits, i, scene) || is_one_of_a_tour (gazetteer, hits, scene)
                 ? NULL
                 : scene;
    }
  return NULL;
}
