/* sd-gazetteer.c — the places of Jiangsu: cities, districts/counties, towns
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three TSV inputs: the official divisions (jiangsu.tsv, generated), curated
 * aliases (aliases.tsv) and stop words (stopwords.tsv).  On top of the
 * official names the loader makes the short forms papers use (吴江 for
 * 吴江区, 黎里 for 黎里镇), and compiles every name into one matcher.
 */
#define G_LOG_DOMAIN "sd-gazetteer"

#include "config.h"

#include "sd-gazetteer-private.h"

#include <string.h>

#define RESOURCE_DIR "/io/github/storydesk/Storydesk/gazetteer/"

struct _SdGazetteer
{
  GObject parent_instance;

  GStringChunk  *strings;
  SdPlace       *places; /* in file (official) order */
  guint          n_places;
  const SdPlace *province;
  GHashTable    *by_code; /* code → SdPlace */

  GPtrArray     *entries; /* SdNameEntry, index = matcher value */
  GHashTable    *by_name; /* name → SdNameEntry */
  SdNameMatcher *matcher;
};

typedef enum
{
  STOP_BLOCK, /* a word that hides the place names inside it */
  STOP_WEAK,  /* a short form that is also a common word */
  STOP_SKIP,  /* a short form never used for the place */
} StopKind;

/* What building the entries needs; dropped once compiled. */
typedef struct
{
  GHashTable *candidates; /* name → GArray of SdNameCandidate */
  GHashTable *stems;      /* city and district names and stems */
  GHashTable *name_count; /* official name → number of places */
  GHashTable *blocked;    /* stop words of kind block */
} Builder;

G_DEFINE_TYPE (SdGazetteer, sd_gazetteer, G_TYPE_OBJECT)

G_DEFINE_QUARK (sd - gazetteer - error - quark, sd_gazetteer_error)

static const char *const level_names[] = { "province", "city", "district", "town" };

/* Zone names that start with one of these still count as starting with the
 * place after it: 江苏省扬州高新技术产业开发区, 国家苏州太湖旅游度假区. */
static const char *const zone_prefixes[] = { "江苏省", "江苏", "国家", "中国", NULL };

static gboolean
parse_level (const char *text, SdPlaceLevel *out_level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (g_str_equal (text, level_names[i]))
      {
        *out_level = (SdPlaceLevel) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_code (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* Splits @bytes into lines, dropping blank and '#' comment lines; each kept
 * line is split on tabs.  Returns (line number, fields) pairs. */
static GPtrArray *
split_tsv (GBytes *bytes, GArray *line_numbers)
{
  GPtrArray  *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize       size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  /* empty GBytes may hold no data pointer, and NULL + 0 is undefined */
  const char *end = data != NULL ? data + size : NULL;
  guint       line_number = 0;

  for (const char *line = data; line != NULL && line < end;)
    {
      const char      *nl = memchr (line, '\n', end - line);
      const char      *line_end = nl != NULL ? nl : end;
      g_autofree char *text = NULL;

      line_number++;
      if (line_end > line && line_end[-1] == '\r')
        line_end--;
      text = g_strndup (line, line_end - line);
      line = nl != NULL ? nl + 1 : end;

      if (text[0] == '\0' || text[0] == '#')
        continue;
      g_ptr_array_add (rows, g_strsplit (text, "\t", -1));
      g_array_append_val (line_numbers, line_number);
    }
  return rows;
}

static gboolean
fail_at_line (GError **error, const char *what, guint line, const char *message)
{
  g_set_error (error, SD_GAZETTEER_ERROR, SD_GAZETTEER_ERROR_INVALID, "%s line %u: %s", what, line,
               message);
  return FALSE;
}

static gboolean
load_places (SdGazetteer *self, GBytes *bytes, GError **error)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = split_tsv (bytes, lines);
  g_autoptr (GHashTable) n_children = g_hash_table_new (g_str_hash, g_str_equal);

  self->places = g_new0 (SdPlace, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      char           **fields = g_ptr_array_index (rows, i);
      guint            line = g_array_index (lines, guint, i);
      SdPlace         *place = &self->places[self->n_places];
      const SdPlace   *parent = NULL;
      g_autofree char *message = NULL;
      SdPlaceLevel     level;
      guint            order;

      if (g_strv_length (fields) != 4)
        return fail_at_line (error, "places", line,
                             "expected 4 tab-separated fields: code, name, level, parent_code");
      if (!is_code (fields[0]))
        return fail_at_line (error, "places", line, "the code is not a number");
      if (fields[1][0] == '\0' || !g_utf8_validate (fields[1], -1, NULL))
        return fail_at_line (error, "places", line, "the name is empty or not UTF-8");
      if (!parse_level (fields[2], &level))
        {
          message = g_strdup_printf ("unknown level “%s”", fields[2]);
          return fail_at_line (error, "places", line, message);
        }
      if (g_hash_table_contains (self->by_code, fields[0]))
        return fail_at_line (error, "places", line, "duplicate code");

      if (level == SD_PLACE_LEVEL_PROVINCE)
        {
          if (fields[3][0] != '\0' || self->province != NULL)
            return fail_at_line (error, "places", line, "only one province, without a parent");
        }
      else
        {
          parent = g_hash_table_lookup (self->by_code, fields[3]);
          if (parent == NULL)
            return fail_at_line (error, "places", line,
                                 "the parent code is not on an earlier line");
          if (parent->level + 1 != level || !g_str_has_prefix (fields[0], parent->code))
            return fail_at_line (error, "places", line,
                                 "the parent is not one level up or its code is not a prefix");
        }

      order = GPOINTER_TO_UINT (g_hash_table_lookup (n_children, fields[3]));
      g_hash_table_insert (n_children, (gpointer) (parent != NULL ? parent->code : ""),
                           GUINT_TO_POINTER (order + 1));

      place->code = g_string_chunk_insert_const (self->strings, fields[0]);
      place->name = g_string_chunk_insert_const (self->strings, fields[1]);
      place->level = level;
      place->parent_code = parent != NULL ? parent->code : NULL;
      place->order = order;
      if (level == SD_PLACE_LEVEL_PROVINCE)
        self->province = place;
      g_hash_table_insert (self->by_code, (gpointer) place->code, place);
      self->n_places++;
    }

  if (self->n_places > 0 && self->province == NULL)
    {
      g_set_error_literal (error, SD_GAZETTEER_ERROR, SD_GAZETTEER_ERROR_INVALID,
                           "places: no province row");
      return FALSE;
    }
  return TRUE;
}

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
add_official_names (SdGazetteer *self, Builder *builder)
{
  for (guint i = 0; i < self->n_places; i++)
    {
      const char *name = self->places[i].name;
      guint       count = GPOINTER_TO_UINT (g_hash_table_lookup (builder->name_count, name));

      g_hash_table_insert (builder->name_count, (gpointer) name, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < self->n_places; i++)
    {
      const SdPlace   *place = &self->places[i];
      g_autofree char *stem = NULL;

      if (place->level == SD_PLACE_LEVEL_TOWN)
        continue;
      g_hash_table_add (builder->stems, (gpointer) place->name);
      add_candidate (builder, place->name, place, NULL, SD_NAME_OFFICIAL, FALSE);
      if (is_zone_name (place->name) || (stem = make_stem (place->name)) == NULL)
        continue;
      add_candidate (builder, stem, place, NULL, SD_NAME_SHORT, FALSE);
      g_hash_table_add (builder->stems, g_string_chunk_insert_const (self->strings, stem));
    }

  for (guint i = 0; i < self->n_places; i++)
    if (self->places[i].level == SD_PLACE_LEVEL_TOWN)
      add_town_names (builder, &self->places[i]);
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

static gboolean
load_aliases (SdGazetteer *self, Builder *builder, GBytes *bytes, GError **error)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = split_tsv (bytes, lines);

  for (guint i = 0; i < rows->len; i++)
    {
      char         **fields = g_ptr_array_index (rows, i);
      guint          line = g_array_index (lines, guint, i);
      guint          n_fields = g_strv_length (fields);
      const SdPlace *place;
      const SdPlace *context = NULL;

      if (n_fields < 2 || n_fields > 3 || fields[0][0] == '\0')
        return fail_at_line (error, "aliases", line,
                             "expected alias, code and an optional context code");
      place = g_hash_table_lookup (self->by_code, fields[1]);
      if (place == NULL)
        return fail_at_line (error, "aliases", line, "unknown code");
      if (n_fields == 3 && fields[2][0] != '\0')
        {
          context = g_hash_table_lookup (self->by_code, fields[2]);
          if (context == NULL)
            return fail_at_line (error, "aliases", line, "unknown context code");
        }
      add_candidate (builder, fields[0], place, context, SD_NAME_ALIAS, FALSE);
    }
  return TRUE;
}

static gboolean
load_stopwords (Builder *builder, GBytes *bytes, GError **error)
{
  static const char *const kinds[] = { "block", "weak", "skip" };
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = split_tsv (bytes, lines);

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
        return fail_at_line (error, "stopwords", line,
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
compile_entries (SdGazetteer *self, Builder *builder)
{
  GHashTableIter iter;
  const char    *name;
  GArray        *candidates;

  self->matcher = _sd_name_matcher_new ();
  g_hash_table_iter_init (&iter, builder->candidates);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &candidates))
    {
      SdNameEntry *entry;

      /* Every candidate was skipped: not a name any more, but no blocker
       * either. */
      if (candidates->len == 0 && !g_hash_table_contains (builder->blocked, name))
        continue;

      entry = g_new0 (SdNameEntry, 1);
      entry->name = g_string_chunk_insert_const (self->strings, name);
      entry->n_candidates = candidates->len;
      /* Trusted kinds first, then official order. */
      g_array_sort (candidates, compare_candidates);
      entry->candidates = g_memdup2 (candidates->data, candidates->len * sizeof (SdNameCandidate));
      g_hash_table_insert (self->by_name, (gpointer) entry->name, entry);
      _sd_name_matcher_add (self->matcher, entry->name, self->entries->len);
      g_ptr_array_add (self->entries, entry);
    }
  _sd_name_matcher_compile (self->matcher);
}

static void
sd_gazetteer_finalize (GObject *object)
{
  SdGazetteer *self = SD_GAZETTEER (object);

  g_clear_pointer (&self->matcher, _sd_name_matcher_free);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->places, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (sd_gazetteer_parent_class)->finalize (object);
}

static void
sd_gazetteer_class_init (SdGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sd_gazetteer_finalize;
}

static void
sd_gazetteer_init (SdGazetteer *self)
{
  self->strings = g_string_chunk_new (16 * 1024);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->entries = g_ptr_array_new_with_free_func (free_entry);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
}

static GBytes *
lookup_resource (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * sd_gazetteer_get_default:
 *
 * The bundled Jiangsu gazetteer from the core GResource, loaded on first
 * use; thread-safe.  A missing or broken resource is a packaging bug: it is
 * reported with g_critical() and an empty gazetteer is returned.
 *
 * Returns: (transfer none): the gazetteer
 */
SdGazetteer *
sd_gazetteer_get_default (void)
{
  static SdGazetteer *gazetteer;

  if (g_once_init_enter (&gazetteer))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) places = lookup_resource ("jiangsu.tsv", &error);
      g_autoptr (GBytes) aliases = NULL;
      g_autoptr (GBytes) stopwords = NULL;
      SdGazetteer *loaded = NULL;

      if (places != NULL)
        aliases = lookup_resource ("aliases.tsv", &error);
      if (aliases != NULL)
        stopwords = lookup_resource ("stopwords.tsv", &error);
      if (stopwords != NULL)
        loaded = sd_gazetteer_new_from_data_full (places, aliases, stopwords, &error);
      if (loaded == NULL)
        {
          g_critical ("Cannot load the bundled gazetteer: %s", error->message);
          loaded = g_object_new (SD_TYPE_GAZETTEER, NULL);
          loaded->matcher = _sd_name_matcher_new ();
          _sd_name_matcher_compile (loaded->matcher);
        }
      g_once_init_leave (&gazetteer, loaded);
    }
  return gazetteer;
}

/**
 * sd_gazetteer_new_from_data:
 * @places: TSV "code\tname\tlevel\tparent_code", parents before children
 * @aliases: (nullable): TSV "alias\tcode\tcontext_code"
 * @error: return location for a #GError naming the bad line
 *
 * Same as sd_gazetteer_new_from_data_full() without stop words.
 *
 * Returns: (transfer full) (nullable): a new gazetteer
 */
SdGazetteer *
sd_gazetteer_new_from_data (GBytes *places, GBytes *aliases, GError **error)
{
  return sd_gazetteer_new_from_data_full (places, aliases, NULL, error);
}

/**
 * sd_gazetteer_new_from_data_full:
 * @places: TSV "code\tname\tlevel\tparent_code", parents before children
 * @aliases: (nullable): TSV "alias\tcode\tcontext_code"
 * @stopwords: (nullable): TSV "word\tkind", kind one of block, weak, skip
 * @error: return location for a #GError naming the bad line
 *
 * Returns: (transfer full) (nullable): a new gazetteer
 */
SdGazetteer *
sd_gazetteer_new_from_data_full (GBytes *places, GBytes *aliases, GBytes *stopwords, GError **error)
{
  g_autoptr (SdGazetteer) self = g_object_new (SD_TYPE_GAZETTEER, NULL);
  Builder  builder = { 0 };
  gboolean ok;

  g_return_val_if_fail (places != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_places (self, places, error))
    return NULL;

  builder.candidates =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  builder.stems = g_hash_table_new (g_str_hash, g_str_equal);
  builder.name_count = g_hash_table_new (g_str_hash, g_str_equal);
  builder.blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  add_official_names (self, &builder);
  prune_short_forms (&builder);
  ok = load_aliases (self, &builder, aliases, error) && load_stopwords (&builder, stopwords, error);
  if (ok)
    compile_entries (self, &builder);

  g_hash_table_unref (builder.candidates);
  g_hash_table_unref (builder.stems);
  g_hash_table_unref (builder.name_count);
  g_hash_table_unref (builder.blocked);
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * sd_gazetteer_get_province:
 *
 * Returns: (transfer none) (nullable): the province, NULL if empty
 */
const SdPlace *
sd_gazetteer_get_province (SdGazetteer *self)
{
  g_return_val_if_fail (SD_IS_GAZETTEER (self), NULL);

  return self->province;
}

/**
 * sd_gazetteer_lookup:
 * @code: an official division code
 *
 * Returns: (transfer none) (nullable): the place with that code
 */
const SdPlace *
sd_gazetteer_lookup (SdGazetteer *self, const char *code)
{
  g_return_val_if_fail (SD_IS_GAZETTEER (self), NULL);

  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

/**
 * sd_gazetteer_get_children:
 * @code: (nullable): a place's code; NULL for the top (the province)
 *
 * Returns: (transfer container) (element-type SdPlace): the places right
 *   under @code, in official order
 */
GPtrArray *
sd_gazetteer_get_children (SdGazetteer *self, const char *code)
{
  GPtrArray     *children = g_ptr_array_new ();
  const SdPlace *parent;
  guint          i;

  g_return_val_if_fail (SD_IS_GAZETTEER (self), children);

  if (code == NULL)
    {
      if (self->province != NULL)
        g_ptr_array_add (children, (gpointer) self->province);
      return children;
    }
  parent = sd_gazetteer_lookup (self, code);
  if (parent == NULL)
    return children;

  /* The file is in code order, so the subtree follows its root. */
  for (i = (guint) (parent - self->places) + 1;
       i < self->n_places && g_str_has_prefix (self->places[i].code, parent->code); i++)
    if (self->places[i].parent_code == parent->code)
      g_ptr_array_add (children, &self->places[i]);
  return children;
}

/**
 * sd_gazetteer_split_levels:
 * @place: (nullable): a place of this gazetteer
 * @city: (out) (optional) (nullable) (transfer none):
 * @district: (out) (optional) (nullable) (transfer none):
 * @town: (out) (optional) (nullable) (transfer none):
 *
 * Walks up from @place; levels below it, and everything for the province,
 * come back NULL.
 */
void
sd_gazetteer_split_levels (SdGazetteer    *self,
                           const SdPlace  *place,
                           const SdPlace **city,
                           const SdPlace **district,
                           const SdPlace **town)
{
  const SdPlace *levels[4] = { NULL };

  g_return_if_fail (SD_IS_GAZETTEER (self));

  for (const SdPlace *p = place; p != NULL; p = sd_gazetteer_lookup (self, p->parent_code))
    levels[p->level] = p;

  if (city != NULL)
    *city = levels[SD_PLACE_LEVEL_CITY];
  if (district != NULL)
    *district = levels[SD_PLACE_LEVEL_DISTRICT];
  if (town != NULL)
    *town = levels[SD_PLACE_LEVEL_TOWN];
}

/**
 * sd_gazetteer_find_by_name:
 * @name: an official name (吴江区), a short form (吴江) or an alias (港城)
 * @context_code: (nullable): where the name was read, e.g. a city code
 *
 * Among places of the same name, prefers one inside @context_code (or whose
 * city holds it), then official names over aliases over short forms, then
 * official order.  Aliases only valid in a context need a matching one.
 *
 * Returns: (transfer none) (nullable): the place
 */
const SdPlace *
sd_gazetteer_find_by_name (SdGazetteer *self, const char *name, const char *context_code)
{
  const SdNameEntry *entry;
  const SdPlace     *context;
  const SdPlace     *best = NULL;
  int                best_score = -1;

  g_return_val_if_fail (SD_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  entry = g_hash_table_lookup (self->by_name, name);
  if (entry == NULL)
    return NULL;
  context = sd_gazetteer_lookup (self, context_code);

  for (guint i = 0; i < entry->n_candidates; i++)
    {
      const SdNameCandidate *c = &entry->candidates[i];
      int                    score = 0;

      if (c->context != NULL && (context == NULL || !_sd_place_is_within (context, c->context)))
        continue;
      if (context != NULL
          && (_sd_place_is_within (c->place, context) || _sd_place_is_within (context, c->place)))
        score += 8;
      else if (context != NULL && c->place->level > SD_PLACE_LEVEL_CITY
               && strncmp (c->place->code, context->code, 4) == 0)
        score += 4;
      score += 2 - (int) c->kind;
      if (score > best_score)
        {
          best = c->place;
          best_score = score;
        }
    }
  return best;
}

const SdNameMatcher *
_sd_gazetteer_get_matcher (SdGazetteer *self)
{
  return self->matcher;
}

guint
_sd_gazetteer_get_n_entries (SdGazetteer *self)
{
  return self->entries->len;
}

const SdNameEntry *
_sd_gazetteer_get_entry (SdGazetteer *self, guint value)
{
  g_return_val_if_fail (value < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, value);
}

const SdNameEntry *
_sd_gazetteer_lookup_entry (SdGazetteer *self, const char *name)
{
  return g_hash_table_lookup (self->by_name, name);
}

gboolean
_sd_place_is_within (const SdPlace *place, const SdPlace *ancestor)
{
  return place != NULL && ancestor != NULL && g_str_has_prefix (place->code, ancestor->code);
}
