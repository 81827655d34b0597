/* sd-place-resolver.c — find place mentions in a story and decide where it belongs
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three steps, each linear in the text:
 *  1. the gazetteer's matcher finds every name (leftmost-longest);
 *  2. each name is resolved to one place: names with a single sure meaning
 *     are anchors; the others (新店镇 in two counties, 黄桥, 高新区, short town
 *     names) pick the meaning whose district or city the anchors support, or
 *     the one right after its parent's name (相城黄桥, 新沂市新店镇);
 *  3. the story's place: the headline decides when it names a place, the
 *     body otherwise, and only a clearly dominant city, district or town
 *     wins; several cities with none dominant, or the province alone, give
 *     the province.
 * A page's home, for the stories that say 我市, is sd-place-home.c's.
 */
#define G_LOG_DOMAIN "sd-place-resolver"

#include "config.h"

#include "sd-place-resolver-private.h"

#include <string.h>

#define HEADLINE_WEIGHT 3.0
#define BODY_WEIGHT 1.0
#define LEDE_BONUS 0.5 /* the first sentences usually say where */
#define LEDE_BYTES 300 /* about 100 characters */

typedef SdPlaceHit Hit;

typedef struct
{
  SdGazetteer *gazetteer;
  GArray      *hits;     /* Hit */
  GArray      *villages; /* Hit: villages and communities, kept apart */
  GHashTable  *support;  /* SdPlace → double: weight of the resolved mentions in it */
} Resolution;

/* A place's standing in one of the level tallies. */
typedef struct
{
  const SdPlace *place;
  double         score;
  guint          count;
} Tally;

static const SdPlace *
get_parent (SdGazetteer *gazetteer, const SdPlace *place)
{
  return sd_gazetteer_lookup (gazetteer, place->parent_code);
}

static double
get_support (Resolution *res, const SdPlace *place)
{
  gpointer value;

  if (place == NULL || !g_hash_table_lookup_extended (res->support, place, NULL, &value))
    return 0.0;
  return *(double *) value;
}

static void
add_support (Resolution *res, const SdPlace *place, double weight)
{
  for (; place != NULL; place = get_parent (res->gazetteer, place))
    {
      double *value = g_hash_table_lookup (res->support, place);

      if (value == NULL)
        {
          value = g_new0 (double, 1);
          g_hash_table_insert (res->support, (gpointer) place, value);
        }
      *value += weight;
    }
}

/* Generic zone words (高新区, 园区, 科技城) read as a place only at the start
 * of a word: "大湖工业园区" is not 苏州工业园区. */
static gboolean
is_generic_zone (const char *name)
{
  return g_utf8_strlen (name, -1) <= 4
         && (g_str_has_suffix (name, "区") || g_str_has_suffix (name, "园")
             || g_str_has_suffix (name, "城"));
}

static gboolean
starts_word (const char *text, gsize start)
{
  static const char *const joiners = "在到于从向和与及的是为对让将把被全本该各市县即由";
  const char              *prev;
  gunichar                 c;

  if (start == 0)
    return TRUE;
  prev = g_utf8_find_prev_char (text, text + start);
  c = g_utf8_get_char (prev);
  if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
    return TRUE;
  return g_utf8_strchr (joiners, -1, c) != NULL;
}

/* A lake or road named after a town lies in the town's district, not
 * necessarily in the town. */
static const SdPlace *
place_of_hit (Resolution *res, const Hit *hit, const SdPlace *place)
{
  if (place != NULL && hit->feature && place->level == SD_PLACE_LEVEL_TOWN)
    return _sd_gazetteer_get_ancestor_at (res->gazetteer, place, SD_PLACE_LEVEL_DISTRICT);
  return place;
}

static void
scan_field (Resolution *res, SdMentionField field, const char *text)
{
  const SdNameMatcher *matcher = _sd_gazetteer_get_matcher (res->gazetteer);
  g_autoptr (GArray) matches = NULL;
  gsize len;
  gsize scanned = 0;
  guint sentence = 0;

  if (text == NULL)
    return;
  len = strlen (text);
  matches = _sd_name_matcher_scan (matcher, text, len);

  for (guint i = 0; i < matches->len; i++)
    {
      const SdNameMatch *match = &g_array_index (matches, SdNameMatch, i);
      const SdNameEntry *entry = _sd_gazetteer_get_entry (res->gazetteer, match->value);
      Hit                hit = {
                       .field = field,
                       .start = match->start,
                       .end = match->end,
                       .entry = entry,
                       .prev = -1,
                       .bounded = TRUE,
      };

      /* Blocked words (大丰收, 上海) only hide what is inside them. */
      if (entry->n_candidates == 0 || _sd_place_names_namesake (entry, text + match->end))
        continue;

      if (field == SD_MENTION_IN_HEADLINE)
        hit.weight = HEADLINE_WEIGHT;
      else
        hit.weight = BODY_WEIGHT + (match->start < LEDE_BYTES ? LEDE_BONUS : 0.0);
      if (res->hits->len > 0)
        {
          const Hit *last = &g_array_index (res->hits, Hit, res->hits->len - 1);

          if (last->field == field && last->end == match->start)
            hit.prev = (gint) res->hits->len - 1;
        }
      if (_sd_place_is_only_kind (entry, SD_NAME_VILLAGE))
        {
          g_array_append_val (res->villages, hit);
          continue;
        }
      if (is_generic_zone (entry->name))
        hit.bounded = starts_word (text, match->start);
      hit.shortened = _sd_place_is_only_kind (entry, SD_NAME_SHORT);
      /* 雨花区 is 雨花台区 as people say it, not 雨花街道 */
      if (hit.shortened && _sd_place_names_unit (text + match->end)
          && (hit.place = _sd_place_find_named_district (res->gazetteer, entry)) == NULL)
        continue;
      hit.feature = hit.shortened && _sd_place_names_feature (text + match->end);
      sentence += _sd_place_count_sentence_ends (text, scanned, match->start);
      scanned = match->start;
      hit.sentence = sentence;
      hit.aside = field == SD_MENTION_IN_BODY
                  && _sd_place_is_in_attribution (text, match->start, match->end);
      g_array_append_val (res->hits, hit);
    }
}

/* The one meaning a name has without any context, or NULL when it needs
 * the story around it. */
static const SdPlace *
get_sure_place (const SdNameEntry *entry)
{
  const SdPlace *place = NULL;

  for (guint i = 0; i < entry->n_candidates; i++)
    {
      const SdNameCandidate *c = &entry->candidates[i];

      if (c->weak || c->context != NULL || (place != NULL && place != c->place))
        return NULL;
      place = c->place;
    }
  return place;
}

static gboolean
is_candidate_allowed (Resolution            *res,
                      const Hit             *hit,
                      const SdNameCandidate *c,
                      const SdPlace         *prev_place)
{
  if (c->context != NULL)
    {
      if (prev_place != NULL && _sd_place_is_within (prev_place, c->context))
        return TRUE;
      return hit->bounded && get_support (res, c->context) > 0.0;
    }
  if (c->weak)
    {
      const SdPlace *parent = get_parent (res->gazetteer, c->place);

      if (prev_place != NULL && _sd_place_is_within (c->place, prev_place))
        return TRUE;
      return parent != NULL && parent->level > SD_PLACE_LEVEL_PROVINCE
             && get_support (res, parent) > 0.0;
    }
  return TRUE;
}

static double
score_candidate (Resolution *res, const SdNameCandidate *c, const SdPlace *prev_place)
{
  SdGazetteer   *gazetteer = res->gazetteer;
  const SdPlace *district =
      _sd_gazetteer_get_ancestor_at (gazetteer, c->place, SD_PLACE_LEVEL_DISTRICT);
  const SdPlace *city = _sd_gazetteer_get_ancestor_at (gazetteer, c->place, SD_PLACE_LEVEL_CITY);
  double         score = 0.0;

  /* Right after its parent's or context's name: 新沂市新店镇, 苏州高新区. */
  if (prev_place != NULL
      && (prev_place == c->context
          || (_sd_place_is_within (c->place, prev_place) && c->place != prev_place)))
    score += 1000.0;
  score += 3.0 * get_support (res, district) + get_support (res, city);
  if (c->context != NULL)
    score += get_support (res, c->context);
  return score;
}

static const SdPlace *
resolve_hit (Resolution *res, const Hit *hit)
{
  const SdPlace *prev_place = NULL;
  const SdPlace *best = NULL;
  double         best_score = -1.0;
  gboolean       tied = FALSE;

  if (hit->prev >= 0)
    prev_place = g_array_index (res->hits, Hit, hit->prev).place;

  for (guint i = 0; i < hit->entry->n_candidates; i++)
    {
      const SdNameCandidate *c = &hit->entry->candidates[i];
      double                 score;

      if (!is_candidate_allowed (res, hit, c, prev_place))
        continue;
      score = score_candidate (res, c, prev_place);
      if (best != NULL && c->place == best)
        continue;
      if (score > best_score)
        {
          best = c->place;
          best_score = score;
          tied = FALSE;
        }
      else if (score == best_score)
        {
          tied = TRUE;
        }
    }

  /* Two meanings and nothing to choose between them (鼓楼 alone): none. */
  return tied ? NULL : best;
}

/* Right after a town's name, a place it does not hold is part of the name
 * of one of its villages or communities: 金城镇丹阳门社区 is in 金坛区, not in
 * 丹阳市.  Right after a district's, a landmark it does not hold is one of
 * the same name there: 连云区北固山 is no 镇江's 北固山. */
static gboolean
names_inside_town (Resolution *res, const Hit *hit)
{
  const SdPlace *before;

  if (hit->prev < 0)
    return FALSE;
  before = g_array_index (res->hits, Hit, hit->prev).place;
  return before != NULL
         && (before->level == SD_PLACE_LEVEL_TOWN
             || (before->level == SD_PLACE_LEVEL_DISTRICT
                 && _sd_place_is_only_kind (hit->entry, SD_NAME_ALIAS)))
         && !_sd_place_is_within (hit->place, before);
}

static void
resolve_hits (Resolution *res)
{
  /* Anchors first, so that every ambiguous name sees all of them. */
  for (guint i = 0; i < res->hits->len; i++)
    {
      Hit *hit = &g_array_index (res->hits, Hit, i);

      if (hit->place == NULL) /* not already known from the word after it */
        hit->place = place_of_hit (res, hit, get_sure_place (hit->entry));
      if (hit->place != NULL)
        add_support (res, hit->place, hit->weight);
    }

  for (guint i = 0; i < res->hits->len; i++)
    {
      Hit *hit = &g_array_index (res->hits, Hit, i);

      if (hit->place != NULL)
        continue;
      hit->place = place_of_hit (res, hit, resolve_hit (res, hit));
      if (hit->place != NULL)
        add_support (res, hit->place, hit->weight);
    }
  for (guint i = 0; i < res->hits->len; i++)
    {
      Hit *hit = &g_array_index (res->hits, Hit, i);

      if (hit->place != NULL && names_inside_town (res, hit))
        {
          add_support (res, hit->place, -hit->weight);
          hit->place = NULL;
        }
    }
}

/* Towns the decision can name are real 镇, 乡 and 街道; zones, farms and
 * parks filed at that level count for their district. */
gboolean
_sd_place_is_proper_town (const SdPlace *place)
{
  return g_str_has_suffix (place->name, "镇") || g_str_has_suffix (place->name, "乡")
         || g_str_has_suffix (place->name, "街道") || strstr (place->name, "（") != NULL;
}

static void
add_to_tally (GArray *tally, const SdPlace *place, double weight)
{
  Tally entry = { place, weight, 1 };

  if (place == NULL)
    return;
  for (guint i = 0; i < tally->len; i++)
    {
      Tally *t = &g_array_index (tally, Tally, i);

      if (t->place == place)
        {
          t->score += weight;
          t->count++;
          return;
        }
    }
  g_array_append_val (tally, entry);
}

/* Places at @level from the hits inside @within (NULL: anywhere), only from
 * the headline when @headline_only; with @once, a name written out with
 * its parent (睢宁县姚集镇) counts once at @level. */
static GArray *
tally_level (Resolution    *res,
             SdPlaceLevel   level,
             const SdPlace *within,
             gboolean       headline_only,
             gboolean       once)
{
  GArray *tally = g_array_new (FALSE, FALSE, sizeof (Tally));

  for (guint i = 0; i < res->hits->len; i++)
    {
      const Hit     *hit = &g_array_index (res->hits, Hit, i);
      const SdPlace *place;

      if (hit->place == NULL || (headline_only && hit->field != SD_MENTION_IN_HEADLINE))
        continue;
      if (within != NULL && !_sd_place_is_within (hit->place, within))
        continue;
      place = _sd_gazetteer_get_ancestor_at (res->gazetteer, hit->place, level);
      if (place != NULL && level == SD_PLACE_LEVEL_TOWN && !_sd_place_is_proper_town (place))
        continue;
      if (once && _sd_place_names_again (res->gazetteer, res->hits, i, level))
        continue;
      add_to_tally (tally, place, hit->weight);
    }
  return tally;
}

/* The clear winner of @tally: at least @share of the total and twice the
 * runner-up. */
static const SdPlace *
find_dominant (GArray *tally, double share, guint min_count)
{
  const Tally *first = NULL;
  double       second = 0.0;
  double       total = 0.0;

  for (guint i = 0; i < tally->len; i++)
    {
      const Tally *t = &g_array_index (tally, Tally, i);

      total += t->score;
      if (first == NULL || t->score > first->score)
        {
          second = first != NULL ? first->score : 0.0;
          first = t;
        }
      else if (t->score > second)
        {
          second = t->score;
        }
    }
  if (first == NULL || first->count < min_count || first->score < share * total
      || first->score < 2.0 * second)
    return NULL;
  return first->place;
}

typedef enum
{
  FROM_NOWHERE,
  FROM_HEADLINE,
  FROM_BODY,
} Source;

static double
sum_province_weight (Resolution *res)
{
  double weight = 0.0;

  for (guint i = 0; i < res->hits->len; i++)
    {
      const Hit *hit = &g_array_index (res->hits, Hit, i);

      if (hit->place != NULL && hit->place->level == SD_PLACE_LEVEL_PROVINCE)
        weight += hit->weight;
    }
  return weight;
}

static double
get_tally_score (GArray *tally, const SdPlace *place)
{
  for (guint i = 0; i < tally->len; i++)
    if (g_array_index (tally, Tally, i).place == place)
      return g_array_index (tally, Tally, i).score;
  return 0.0;
}

/* Picks the story's place one level below @parent (the city when @parent is
 * NULL): the one the headline names, or among several the one the body is
 * about; failing that, one that clearly dominates the body.  Below a place
 * only the headline named, the body must be overwhelming for a district
 * (淮安抓好… stays with 淮安市 though its body visits 淮安区) and never
 * names the town (崇川区：… with 秦灶街道 in the body is about the district). */
static const SdPlace *
decide_level (Resolution    *res,
              SdPlaceLevel   level,
              const SdPlace *parent,
              Source         parent_source,
              Source        *out_source,
              double        *confidence)
{
  g_autoptr (GArray) in_headline = tally_level (res, level, parent, TRUE, FALSE);
  g_autoptr (GArray) in_story = tally_level (res, level, parent, FALSE, FALSE);
  /* which district the body is about: each naming once */
  g_autoptr (GArray) namings =
      tally_level (res, level, parent, FALSE, level == SD_PLACE_LEVEL_DISTRICT);
  /* less than half the story's talk of its city as a whole: a stop on a
   * tour of the city (苏州…太仓港…苏州).  Half, because the city's name
   * also opens the names of its papers, shops and parks (常州购物中心):
   * measured on b1–b24, half kept two districts that a whole lost and
   * lost none. */
  double city_talk =
      level == SD_PLACE_LEVEL_DISTRICT ? 0.5 * _sd_place_sum_own_weight (res->hits, parent) : 0.0;
  const SdPlace *place;

  *out_source = FROM_NOWHERE;
  if (in_headline->len == 1)
    {
      *out_source = FROM_HEADLINE;
      return g_array_index (in_headline, Tally, 0).place;
    }
  if (in_headline->len > 1)
    {
      place = find_dominant (in_story, 0.0, 1);
      if (place != NULL)
        {
          *out_source = FROM_HEADLINE;
          *confidence *= 0.7;
        }
      return place;
    }

  if (parent_source == FROM_HEADLINE)
    {
      /* below a place the headline names, only the scene of the first
       * sentences, or a body overwhelmingly about one district */
      if (level == SD_PLACE_LEVEL_TOWN)
        place = _sd_place_find_scene_town (res->gazetteer, res->hits, TRUE, parent);
      else if ((place = find_dominant (namings, 0.8, 3)) == NULL
               || _sd_place_sum_named_weight (res->hits, place) < city_talk)
        place = _sd_place_find_scene (res->gazetteer, res->hits, parent, level);
      if (place != NULL)
        {
          *out_source = FROM_BODY;
          *confidence *= 0.7;
        }
      return place;
    }
  else if (level == SD_PLACE_LEVEL_CITY)
    {
      double province = sum_province_weight (res);

      place = find_dominant (in_story, 0.6, 1);
      /* 江苏公布…, 全省… over a list that names one city most */
      if (_sd_place_headline_names_province_only (res->hits))
        place = NULL;
      /* One passing mention among other places, or less than the talk
       * of the province, is no story about that city. */
      if (place != NULL
          && (get_tally_score (in_story, place) < 0.5 * province
              || (get_tally_score (in_story, place) < 2.0
                  && (in_story->len > 1 || province > 0.0))))
        place = NULL;
    }
  else
    {
      /* the town the first sentences are set in needs no share of the talk */
      if (level == SD_PLACE_LEVEL_TOWN
          && (place = _sd_place_find_scene_town (res->gazetteer, res->hits, FALSE, parent)) != NULL)
        {
          *out_source = FROM_BODY;
          *confidence *= 0.7;
          return place;
        }
      place = find_dominant (namings, 0.65, level == SD_PLACE_LEVEL_TOWN ? 2 : 1);
    }

  /* Below the city, the winner must also carry a fair part of all that is
   * said about its parent: "苏州市…苏州市…吴中区" is a story about 苏州市. */
  if (place != NULL && parent != NULL
      && (get_tally_score (in_story, place) < 0.4 * get_support (res, parent)
          || _sd_place_sum_named_weight (res->hits, place) < city_talk))
    place = NULL;

  if (place != NULL)
    {
      *out_source = FROM_BODY;
      *confidence *= 0.8;
    }
  else if (level != SD_PLACE_LEVEL_TOWN && (level == SD_PLACE_LEVEL_DISTRICT || in_story->len == 1)
           && (place = _sd_place_find_scene (
                   res->gazetteer, res->hits,
                   parent != NULL ? parent : sd_gazetteer_get_province (res->gazetteer), level))
                  != NULL)
    {
      /* none ahead in the talk: the one the story is set in (a city, when
       * the story names no other: a tour of cities is the province's) */
      *out_source = FROM_BODY;
      *confidence *= 0.7;
    }
  return place;
}

static SdPlaceDecision *
decide (Resolution *res)
{
  SdPlaceDecision *decision = g_new0 (SdPlaceDecision, 1);
  const SdPlace   *province = sd_gazetteer_get_province (res->gazetteer);
  const SdPlace   *city, *district = NULL, *town = NULL;
  Source           city_source, district_source = FROM_NOWHERE, town_source;
  double           confidence = 0.95;

  decision->mentions = g_array_new (FALSE, FALSE, sizeof (SdPlaceMention));
  for (guint i = 0; i < res->hits->len; i++)
    {
      const Hit     *hit = &g_array_index (res->hits, Hit, i);
      SdPlaceMention mention = { hit->field, hit->start, hit->end, hit->place };

      if (hit->place != NULL)
        g_array_append_val (decision->mentions, mention);
    }

  city = decide_level (res, SD_PLACE_LEVEL_CITY, NULL, FROM_NOWHERE, &city_source, &confidence);
  if (city == NULL)
    {
      g_autoptr (GArray) cities = tally_level (res, SD_PLACE_LEVEL_CITY, NULL, FALSE, FALSE);

      /* the villages of one district, when nothing names the province
       * (a list of its villages) and no city is ahead */
      if (sum_province_weight (res) == 0.0)
        decision->place = _sd_place_find_village_place (res->gazetteer, res->villages, res->hits,
                                                        res->support, NULL);
      if (decision->place != NULL)
        decision->confidence = 0.6;
      /* Several cities and none ahead, or only the province itself. */
      else if (cities->len > 0 || sum_province_weight (res) > 0.0)
        {
          decision->place = province;
          decision->confidence = cities->len > 1 ? 0.7 : 0.5;
        }
      return decision;
    }

  district =
      decide_level (res, SD_PLACE_LEVEL_DISTRICT, city, city_source, &district_source, &confidence);
  if (district != NULL)
    town = decide_level (res, SD_PLACE_LEVEL_TOWN, district, district_source, &town_source,
                         &confidence);

  /* none of the city's districts decided: its villages may say */
  if (district == NULL
      && (town = _sd_place_find_village_place (res->gazetteer, res->villages, res->hits,
                                               res->support, city))
             != NULL)
    confidence *= 0.7;
  decision->place = town != NULL ? town : district != NULL ? district : city;
  decision->confidence = confidence;
  return decision;
}

/**
 * sd_place_decision_free:
 * @decision: (transfer full) (nullable):
 */
void
sd_place_decision_free (SdPlaceDecision *decision)
{
  if (decision == NULL)
    return;
  g_clear_pointer (&decision->mentions, g_array_unref);
  g_free (decision);
}

/**
 * sd_place_resolver_resolve:
 * @gazetteer: the places to look for
 * @headline: (nullable): the story's headline
 * @body: (nullable): the story's text
 *
 * Finds the place mentions in @headline and @body and decides the story's
 * place.  Linear in the length of the texts.
 *
 * Returns: (transfer full): the decision
 */
SdPlaceDecision *
sd_place_resolver_resolve (SdGazetteer *gazetteer, const char *headline, const char *body)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autoptr (GArray) villages = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autoptr (GHashTable) support = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Resolution res = { gazetteer, hits, villages, support };

  g_return_val_if_fail (SD_IS_GAZETTEER (gazetteer), NULL);

  scan_field (&res, SD_MENTION_IN_HEADLINE, headline);
  scan_field (&res, SD_MENTION_IN_BODY, body);
  resolve_hits (&res);
  return decide (&res);
}
