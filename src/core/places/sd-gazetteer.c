/* sd-gazetteer.c — the places of Jiangsu: cities, districts/counties, towns
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three TSV inputs: the official divisions (jiangsu.tsv, generated), curated
 * aliases (aliases.tsv) and stop words (stopwords.tsv).  This file reads the
 * divisions and answers questions about places; the names that point to
 * them, short forms and aliases included, are sd-gazetteer-names.c's.
 *
 * The bundled gazetteer reads its places at once (about 2 ms) and builds
 * its names, 21,678 villages among them, only when a name is first asked
 * for (40–60 ms): the window draws its place tree from codes alone, and
 * only placing a story or a place: search needs the names.
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

  /* sd-gazetteer-names.c; built by get_names () on first use when the
   * gazetteer was made lazy, from the files kept till then */
  SdNameIndex names;
  GMutex      names_lock;
  gint        names_ready; /* atomic: @names may be read */
  GBytes     *aliases;
  GBytes     *stopwords;
  GBytes     *villages;
};

G_DEFINE_TYPE (SdGazetteer, sd_gazetteer, G_TYPE_OBJECT)

G_DEFINE_QUARK (sd - gazetteer - error - quark, sd_gazetteer_error)

static const char *const level_names[] = { "province", "city", "district", "town" };

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
GPtrArray *
_sd_gazetteer_split_tsv (GBytes *bytes, GArray *line_numbers)
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

gboolean
_sd_gazetteer_fail_at_line (GError **error, const char *what, guint line, const char *message)
{
  g_set_error (error, SD_GAZETTEER_ERROR, SD_GAZETTEER_ERROR_INVALID, "%s line %u: %s", what, line,
               message);
  return FALSE;
}

static gboolean
load_places (SdGazetteer *self, GBytes *bytes, GError **error)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) rows = _sd_gazetteer_split_tsv (bytes, lines);
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
        return _sd_gazetteer_fail_at_line (
            error, "places", line,
            "expected 4 tab-separated fields: code, name, level, parent_code");
      if (!is_code (fields[0]))
        return _sd_gazetteer_fail_at_line (error, "places", line, "the code is not a number");
      if (fields[1][0] == '\0' || !g_utf8_validate (fields[1], -1, NULL))
        return _sd_gazetteer_fail_at_line (error, "places", line, "the name is empty or not UTF-8");
      if (!parse_level (fields[2], &level))
        {
          message = g_strdup_printf ("unknown level “%s”", fields[2]);
          return _sd_gazetteer_fail_at_line (error, "places", line, message);
        }
      if (g_hash_table_contains (self->by_code, fields[0]))
        return _sd_gazetteer_fail_at_line (error, "places", line, "duplicate code");

      if (level == SD_PLACE_LEVEL_PROVINCE)
        {
          if (fields[3][0] != '\0' || self->province != NULL)
            return _sd_gazetteer_fail_at_line (error, "places", line,
                                               "only one province, without a parent");
        }
      else
        {
          parent = g_hash_table_lookup (self->by_code, fields[3]);
          if (parent == NULL)
            return _sd_gazetteer_fail_at_line (error, "places", line,
                                               "the parent code is not on an earlier line");
          if (parent->level + 1 != level || !g_str_has_prefix (fields[0], parent->code))
            return _sd_gazetteer_fail_at_line (
                error, "places", line,
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
sd_gazetteer_finalize (GObject *object)
{
  SdGazetteer *self = SD_GAZETTEER (object);

  _sd_name_index_clear (&self->names);
  g_mutex_clear (&self->names_lock);
  g_clear_pointer (&self->aliases, g_bytes_unref);
  g_clear_pointer (&self->stopwords, g_bytes_unref);
  g_clear_pointer (&self->villages, g_bytes_unref);
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
  _sd_name_index_init (&self->names);
  g_mutex_init (&self->names_lock);
}

/* The names, built here the first time on a lazy gazetteer.  Its files
 * were read by sd_gazetteer_new_lazy ()'s caller, so a bad line is a
 * packaging bug: reported with g_critical (), the places' own names kept. */
static const SdNameIndex *
get_names (SdGazetteer *self)
{
  if (g_atomic_int_get (&self->names_ready))
    return &self->names;

  g_mutex_lock (&self->names_lock);
  if (!self->names_ready)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!_sd_name_index_build (&self->names, self, self->places, self->n_places, self->strings,
                                 self->aliases, self->stopwords, self->villages, &error))
        {
          g_critical ("Cannot build the gazetteer's names: %s", error->message);
          _sd_name_index_clear (&self->names);
          _sd_name_index_init (&self->names);
          _sd_name_index_build (&self->names, self, self->places, self->n_places, self->strings,
                                NULL, NULL, NULL, NULL);
        }
      g_clear_pointer (&self->aliases, g_bytes_unref);
      g_clear_pointer (&self->stopwords, g_bytes_unref);
      g_clear_pointer (&self->villages, g_bytes_unref);
      /* the window must not pay this where it draws: say where it was */
      g_debug ("names built in %.1f ms%s", (g_get_monotonic_time () - start) / 1000.0,
               g_main_context_is_owner (g_main_context_default ()) ? " on the main thread" : "");
      g_atomic_int_set (&self->names_ready, TRUE);
    }
  g_mutex_unlock (&self->names_lock);
  return &self->names;
}

/* Whether the names are built yet (for the tests). */
gboolean
_sd_gazetteer_has_names (SdGazetteer *self)
{
  return g_atomic_int_get (&self->names_ready);
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
 * use, its names when first asked for (sd_gazetteer_new_lazy ());
 * thread-safe.  A missing or broken resource is a packaging bug: it is
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
      g_autoptr (GBytes) villages = NULL;
      SdGazetteer *loaded = NULL;

      if (places != NULL)
        aliases = lookup_resource ("aliases.tsv", &error);
      if (aliases != NULL)
        stopwords = lookup_resource ("stopwords.tsv", &error);
      if (stopwords != NULL)
        villages = lookup_resource ("villages.tsv", &error);
      if (villages != NULL)
        loaded = sd_gazetteer_new_lazy (places, aliases, stopwords, villages, &error);
      if (loaded == NULL)
        {
          g_critical ("Cannot load the bundled gazetteer: %s", error->message);
          /* no places: its names are built empty when asked for */
          loaded = g_object_new (SD_TYPE_GAZETTEER, NULL);
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
  return sd_gazetteer_new_with_villages (places, aliases, stopwords, NULL, error);
}

/**
 * sd_gazetteer_new_with_villages:
 * @places: TSV "code\tname\tlevel\tparent_code", parents before children
 * @aliases: (nullable): TSV "alias\tcode\tcontext_code"
 * @stopwords: (nullable): TSV "word\tkind", kind one of block, weak, skip
 * @villages: (nullable): TSV "name\ttown_code" (data/gazetteer/villages.tsv)
 * @error: return location for a #GError naming the bad line
 *
 * Returns: (transfer full) (nullable): a new gazetteer
 */
SdGazetteer *
sd_gazetteer_new_with_villages (
    GBytes *places, GBytes *aliases, GBytes *stopwords, GBytes *villages, GError **error)
{
  g_autoptr (SdGazetteer) self = g_object_new (SD_TYPE_GAZETTEER, NULL);

  g_return_val_if_fail (places != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_places (self, places, error)
      || !_sd_name_index_build (&self->names, self, self->places, self->n_places, self->strings,
                                aliases, stopwords, villages, error))
    return NULL;
  self->names_ready = TRUE;
  return g_steal_pointer (&self);
}

/**
 * sd_gazetteer_new_lazy:
 * @places: TSV "code\tname\tlevel\tparent_code", parents before children
 * @aliases: (nullable): as sd_gazetteer_new_with_villages () takes them
 * @stopwords: (nullable):
 * @villages: (nullable):
 * @error: return location for a #GError naming a bad line of @places
 *
 * The places now, their names (@aliases, @stopwords and @villages, kept
 * till then) the first time a name is asked for: by name, or to place a
 * story.  For files known to be good, the bundled ones: a bad line there
 * is reported with g_critical () then, and only the places' own names kept.
 *
 * Returns: (transfer full) (nullable): a new gazetteer
 */
SdGazetteer *
sd_gazetteer_new_lazy (
    GBytes *places, GBytes *aliases, GBytes *stopwords, GBytes *villages, GError **error)
{
  g_autoptr (SdGazetteer) self = g_object_new (SD_TYPE_GAZETTEER, NULL);

  g_return_val_if_fail (places != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_places (self, places, error))
    return NULL;
  self->aliases = aliases != NULL ? g_bytes_ref (aliases) : NULL;
  self->stopwords = stopwords != NULL ? g_bytes_ref (stopwords) : NULL;
  self->villages = villages != NULL ? g_bytes_ref (villages) : NULL;
  return g_steal_pointer (&self);
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

  entry = g_hash_table_lookup (get_names (self)->by_name, name);
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
      score += SD_NAME_VILLAGE - (int) c->kind; /* trusted kinds first */
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
  return get_names (self)->matcher;
}

guint
_sd_gazetteer_get_n_entries (SdGazetteer *self)
{
  return get_names (self)->entries->len;
}

const SdNameEntry *
_sd_gazetteer_get_entry (SdGazetteer *self, guint value)
{
  const SdNameIndex *names = get_names (self);

  g_return_val_if_fail (value < names->entries->len, NULL);

  return g_ptr_array_index (names->entries, value);
}

const SdNameEntry *
_sd_gazetteer_lookup_entry (SdGazetteer *self, const char *name)
{
  return g_hash_table_lookup (get_names (self)->by_name, name);
}

const SdPlace *
_sd_gazetteer_get_ancestor_at (SdGazetteer *self, const SdPlace *place, SdPlaceLevel level)
{
  while (place != NULL && place->level > level)
    place = sd_gazetteer_lookup (self, place->parent_code);
  return place != NULL && place->level == level ? place : NULL;
}

gboolean
_sd_place_is_within (const SdPlace *place, const SdPlace *ancestor)
{
  return place != NULL && ancestor != NULL && g_str_has_prefix (place->code, ancestor->code);
}
