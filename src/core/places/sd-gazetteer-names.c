/* sd-gazetteer-names.c — every string that names a place of the gazetteer
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On top of the official names, the short forms papers use (吴江 for
 * 吴江区, 黎里 for 黎里镇), the curated aliases (aliases.tsv) and the stop
 * words (stopwords.tsv) that weaken, drop or block names; all compiled
 * into one matcher.  The places themselves are read by sd-gazetteer.c.
 */
#define G_LOG_DOMAIN "sd-gazetteer-names"

#include "config.h"

#include "sd-gazetteer-private.h"

#include <string.h>

typedef enum
{
  STOP_BLOCK, /* a word that hides the place names inside it */
  STOP_WEAK,  /* a short form that is also a common word */
  STOP_SKIP,  /* a short form never used for the place */
} StopKind;

/* What building the entries needs; dropped once compiled. */
typedef struct
{
  SdGazetteer   *gazetteer; /* whose places the names are */
  const SdPlace *places;
  guint          n_places;
  GStringChunk  *strings;    /* the gazetteer's, where names are kept */
  GHashTable    *candidates; /* name → GArray of SdNameCandidate */
  GHashTable    *stems;      /* city and district names and stems */
  GHashTable    *name_count; /* official name → number of places */
  GHashTable    *blocked;    /* stop words of kind block */
  GHashTable    *villages;   /* names loaded from villages.tsv */
} Builder;

/* Zone names that start with one of these still count as starting with the
 * place after it: 江苏省扬州高新技术产业开发区, 国家苏州太湖旅游度假区. */
static const char *const zone_prefixes[] = { "江苏省", "江苏", "国家", "中国", NULL };

static void
add_candidate (Builder       *builder,
               const char    *name,
               const SdPlace *place,
               const SdPlace *context,
               SdNameKind     kind,
               gboolean       weak)
{
  GArray         *candidates = g_hash_table_lookup (builder->candidates, name);
  SdNameCandidate candidate = { place, context, kind, weak };

  if (candidates == NULL)
    {
      candidates = g_array_new (FALSE, FALSE, sizeof (SdNameCandidate));
      g_hash_table_insert (builder->candidates, g_strdup (name), candidates);
    }

  /* The same place twice (an alias that equals a short form): keep the
   * more trusted kind. */
  for (guint i = 0; i < candidates->len; i++)
    {
      SdNameCandidate *old = &g_array_index (candidates, SdNameCandidate, i);

      if (old->place == place && old->context == context)
        {
          if (kind < old->kind)
            *old = candidate;
          else if (kind == old->kind)
            old->weak = old->weak && weak;
          return;
        }
    }
  g_array_append_val (candidates, candidate);
}

static const char *
find_suffix (const char *name)
{
  static const char *const suffixes[] = { "街道", "市", "区", "县", "镇", "乡", "省", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return name + strlen (name) - strlen (suffixes[i]);
  return NULL;
}

/* 吴江区 → 吴江: drop the administrative suffix when two or more characters
 * are left; one-character stems (丰县, 沛县) are too common to stand alone. */
static char *
make_stem (const char *name)
{
  const char *suffix = find_suffix (name);

  if (suffix == NULL || g_utf8_strlen (name, suffix - name) < 2)
    return NULL;
  return g_strndup (name, suffix - name);
}

static gboolean
is_town_name (const char *name)
{
  return (g_str_has_suffix (name, "镇") || g_str_has_suffix (name, "乡")
          || g_str_has_suffix (name, "街道"))
         && strstr (name, "（") == NULL;
}

/* Zones and parks filed as districts (徐州经济技术开发区, 苏州工业园区, 镇江新区)
 * keep their full name only: "苏州工业园" is no one's short form. */
static gboolean
is_zone_name (const char *name)
{
  static const char *const words[] = { "开发", "园", "新区", "高新", "新城", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (name, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
starts_with_known_place (Builder *builder, const char *name)
{
  for (guint i = 0; zone_prefixes[i] != NULL; i++)
    if (g_str_has_prefix (name, zone_prefixes[i]))
      {
        name += strlen (zone_prefixes[i]);
        break;
      }

  /* Stems and names of cities and districts are two to five characters. */
  for (const char *p = g_utf8_next_char (name); *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (name, p - name);

      if (g_hash_table_contains (builder->stems, prefix))
        return TRUE;
      if (g_utf8_strlen (prefix, -1) >= 5)
        break;
    }
  return FALSE;
}

static void
add_town_names (Builder *builder, const SdPlace *place)
{
  g_auto (GStrv) parts = NULL;

  if (is_town_name (place->name))
    {
      g_autofree char *stem = make_stem (place->name);

      add_candidate (builder, place->name, place, NULL, SD_NAME_OFFICIAL, FALSE);
      if (stem != NULL)
        add_candidate (builder, stem, place, NULL, SD_NAME_SHORT, TRUE);
      return;
    }

  /* Township-level zones, farms and parks: "科技城（东渚街道）" names both a
   * zone and a street; generic ones (经济开发区, 林场, 城南) are left out,
   * only those named after a city or district are kept. */
  if (g_str_has_suffix (place->name, "）"))
    parts = g_strsplit (place->name, "（", 2);
  else
    parts = g_strsplit (place->name, "\t", 1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      if (g_str_has_suffix (part, "）"))
        parts[i][strlen (part) - strlen ("）")] = '\0';

      if (is_town_name (part) && g_utf8_strlen (part, -1) >= 3)
        {
          g_autofree char *stem = make_stem (part);

          add_candidate (builder, part, place, NULL, SD_NAME_OFFICIAL, FALSE);
          if (stem != NULL)
            add_candidate (builder, stem, place, NULL, SD_NAME_SHORT, TRUE);
        }
      else if (g_utf8_strlen (part, -1) >= 4
               && GPOINTER_TO_UINT (g_hash_table_lookup (builder->name_count, part)) <= 1
               && starts_with_known_place (builder, part))
        {
          add_candidate (builder, part, place, NULL, SD_NAME_OFFICIAL, FALSE);
        }
    }
}

static void
add_official_names (Builder *builder)
{
  for (guint i = 0; i < builder->n_places; i++)
    {
      const char *name = builder->places[i].name;
      guint       count = GPOINTER_TO_UINT (g_hash_table_lookup (builder->name_count, name));

      g_hash_table_insert (builder->name_count, (gpointer) name, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < builder->n_places; i++)
    {
      const SdPlace   *place = &builder->places[i];
      g_autofree char *stem = NULL;

      if (place->level == SD_PLACE_LEVEL_TOWN)
        continue;
      g_hash_table_add (builder->stems, (gpointer) place->name);
      add_candidate (builder, place->name, place, NULL, SD_NAME_OFFICIAL, FALSE);
      if (is_zone_name (place->name) || (stem = make_stem (place->name)) == NULL)
        continue;
      add_candidate (builder, stem, place, NULL, SD_NAME_SHORT, FALSE);
      g_hash_table_add (builder->stems, g_string_chunk_insert_const (builder->strings, stem));
    }

  for (guint i = 0; i < builder->n_places; i++)
    if (builder->places[i].level == SD_PLACE_LEVEL_TOWN)
      add_town_names (builder, &builder->places[i]);
}

/* A short form shared with a bigger place belongs to the bigger one:
 * 淮安 is 淮安市, not 淮安区; 海门 is 海门区, not 海门街道. */
static void
prune_short_forms (Builder *builder)
{
  GHashTableIter iter;
  GArray        *candidates;

  g_hash_table_iter_init (&iter, builder->candidates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &candidates))
    {
      SdPlaceLevel top = SD_PLACE_LEVEL_TOWN;

      for (guint i = 0; i < candidates->len; i++)
        top = MIN (top, g_array_index (candidates, SdNameCandidate, i).place->level);
      for (guint i = candidates->len; i-- > 0;)
        {
          const SdNameCandidate *c = &g_array_index (candidates, SdNameCandidate, i);

          if (c->kind == SD_NAME_SHORT && c->place->level > top)
            g_array_remove_index (candidates, i);
        }
    }
}

/* A village's name that is already a place's own (an alias) keeps that
 * meaning; one shared by several villages names them all. */
static gboolean
is_free_for_village (Builder *builder, const char *name)
{
  if (g_hash_table_lookup (builder->candidates, name) != NULL
      && g_hash_table_lookup (builder->villages, name) == NULL)
    return FALSE;
  g_hash_table_add (builder->villages, g_strdup (name));
  return TRUE;
}

/* aliases.tsv (alias, code, optional context code) for SD_NAME_ALIAS;
 * villages.tsv (name, town code) for SD_NAME_VILLAGE: villages and
 * communities stand for their town, but only where nothing else names the
 * story's district (sd-place-village.c): many share a name, and the list
 * is of 2022. */
static gboolean
load_names (Builder *builder, GBytes *bytes, SdNameKind kind, GError **error)
{
  gboolean    village = kind == SD_NAME_VILLAGE;
  const char *what = village ? "villages" : "aliases";
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = _sd_gazetteer_split_tsv (bytes, lines);

  for (guint i = 0; i < rows->len; i++)
    {
      char         **fields = g_ptr_array_index (rows, i);
      guint          line = g_array_index (lines, guint, i);
      guint          n_fields = g_strv_length (fields);
      const SdPlace *place;
      const SdPlace *context = NULL;

      if (n_fields < 2 || n_fields > (village ? 2 : 3) || fields[0][0] == '\0')
        return _sd_gazetteer_fail_at_line (
            error, what, line,
            village ? "expected a name and a town code"
                    : "expected alias, code and an optional context code");
      place = sd_gazetteer_lookup (builder->gazetteer, fields[1]);
      if (place == NULL || (village && place->level != SD_PLACE_LEVEL_TOWN))
        return _sd_gazetteer_fail_at_line (error, what, line,
                                           village ? "unknown town code" : "unknown code");
      if (n_fields == 3 && fields[2][0] != '\0')
        {
          context = sd_gazetteer_lookup (builder->gazetteer, fields[2]);
          if (context == NULL)
            return _sd_gazetteer_fail_at_line (error, what, line, "unknown context code");
        }
      if (!village || is_free_for_village (builder, fields[0]))
        add_candidate (builder, fields[0], place, context, kind, FALSE);
    }
  return TRUE;
}

static gboolean
load_stopwords (Builder *builder, GBytes *bytes, GError **error)
{
  static const char *const kinds[] = { "block", "weak", "skip" };
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = _sd_gazetteer_split_tsv (bytes, lines);

  for (guint i = 0; i < rows->len; i++)
    {
      char  **fields = g_ptr_array_index (rows, i);
      guint   line = g_array_index (lines, guint, i);
      GArray *candidates;
      int     kind = -1;

      if (g_strv_length (fields) == 2)
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          if (g_str_equal (fields[1], kinds[k]))
            kind = (int) k;
      if (kind < 0 || fields[0][0] == '\0')
        return _sd_gazetteer_fail_at_line (error, "stopwords", line,
                                           "expected a word and one of block, weak, skip");

      candidates = g_hash_table_lookup (builder->candidates, fields[0]);
      if (kind == STOP_BLOCK)
        {
          g_hash_table_add (builder->blocked, g_strdup (fields[0]));
          if (candidates != NULL)
            g_array_set_size (candidates, 0);
          else
            g_hash_table_insert (builder->candidates, g_strdup (fields[0]),
                                 g_array_new (FALSE, FALSE, sizeof (SdNameCandidate)));
          continue;
        }
      for (guint c = candidates != NULL ? candidates->len : 0; c-- > 0;)
        {
          SdNameCandidate *candidate = &g_array_index (candidates, SdNameCandidate, c);

          if (candidate->kind != SD_NAME_SHORT)
            continue;
          if (kind == STOP_WEAK)
            candidate->weak = TRUE;
          else
            g_array_remove_index (candidates, c);
        }
    }
  return TRUE;
}

static void
free_entry (gpointer data)
{
  SdNameEntry *entry = data;

  g_free (entry->candidates);
  g_free (entry);
}

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const SdNameCandidate *ca = a;
  const SdNameCandidate *cb = b;

  if (ca->kind != cb->kind)
    return ca->kind < cb->kind ? -1 : 1;
  if (ca->place != cb->place)
    return ca->place < cb->place ? -1 : 1;
  return 0;
}

static void
compile_entries (SdNameIndex *index, Builder *builder)
{
  GHashTableIter iter;
  const char    *name;
  GArray        *candidates;

  index->matcher = _sd_name_matcher_new ();
  g_hash_table_iter_init (&iter, builder->candidates);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &candidates))
    {
      SdNameEntry *entry;

      /* Every candidate was skipped: not a name any more, but no blocker
       * either. */
      if (candidates->len == 0 && !g_hash_table_contains (builder->blocked, name))
        continue;

      entry = g_new0 (SdNameEntry, 1);
      entry->name = g_string_chunk_insert_const (builder->strings, name);
      entry->n_candidates = candidates->len;
      /* Trusted kinds first, then official order. */
      g_array_sort (candidates, compare_candidates);
      entry->candidates = g_memdup2 (candidates->data, candidates->len * sizeof (SdNameCandidate));
      g_hash_table_insert (index->by_name, (gpointer) entry->name, entry);
      _sd_name_matcher_add (index->matcher, entry->name, index->entries->len);
      g_ptr_array_add (index->entries, entry);
    }
  _sd_name_matcher_compile (index->matcher);
}

void
_sd_name_index_init (SdNameIndex *index)
{
  index->entries = g_ptr_array_new_with_free_func (free_entry);
  index->by_name = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_sd_name_index_clear (SdNameIndex *index)
{
  g_clear_pointer (&index->matcher, _sd_name_matcher_free);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->entries, g_ptr_array_unref);
}

gboolean
_sd_name_index_build (SdNameIndex   *index,
                      SdGazetteer   *gazetteer,
                      const SdPlace *places,
                      guint          n_places,
                      GStringChunk  *strings,
                      GBytes        *aliases,
                      GBytes        *stopwords,
                      GBytes        *villages,
                      GError       **error)
{
  Builder  builder = { gazetteer, places, n_places, strings };
  gboolean ok;

  builder.candidates =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  builder.stems = g_hash_table_new (g_str_hash, g_str_equal);
  builder.name_count = g_hash_table_new (g_str_hash, g_str_equal);
  builder.blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_official_names (&builder);
  prune_short_forms (&builder);
  builder.villages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = load_names (&builder, aliases, SD_NAME_ALIAS, error)
       && load_names (&builder, villages, SD_NAME_VILLAGE, error)
       && load_stopwords (&builder, stopwords, error);
  if (ok)
    compile_entries (index, &builder);

  g_hash_table_unref (builder.candidates);
  g_hash_table_unref (builder.stems);
  g_hash_table_unref (builder.name_count);
  g_hash_table_unref (builder.blocked);
  g_hash_table_unref (builder.villages);
  return ok;
}
