/* sd-theme-suggester.c — the theme vocabulary and theme suggestions for a story
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vocabulary (data/themes.tsv) gives each theme a one-line description
 * and weighted keywords.  All keywords of all themes go into one
 * Aho-Corasick automaton (SdNameMatcher), so a story is read once however
 * large the vocabulary grows; a keyword listed under several themes is one
 * entry there that speaks for each of them.
 *
 * Scoring, per theme: every keyword found adds its weight times its
 * strength, where a headline occurrence counts HEADLINE_FACTOR and body
 * occurrences count 1 + ln(n) (the tenth repetition of a word says little
 * the first did not).  The sum is divided by 1 + ln(1 + chars / LENGTH_UNIT),
 * which grows slowly with the story's length: a long feature that mentions
 * a theme once in passing stays under the threshold, a short brief with two
 * strong hits clears it.
 */
#define G_LOG_DOMAIN "sd-theme-suggester"

#include "config.h"

#include "sd-theme-suggester.h"

#include "sd-name-matcher.h"

#include <math.h>
#include <string.h>

#define RESOURCE_PATH "/io/github/storydesk/Storydesk/themes.tsv"

#define HEADLINE_FACTOR 3.0
#define LENGTH_UNIT 400.0 /* characters; roughly one short brief */
#define MAX_WEIGHT 10.0

typedef struct
{
  const char *name;
  const char *description;
} Theme;

/* What one keyword says: for theme @theme, with @weight. */
typedef struct
{
  guint  theme;
  double weight;
} Target;

typedef struct
{
  const char *text;
  guint       first_target; /* into targets */
  guint       n_targets;
} Keyword;

struct _SdThemeVocabulary
{
  GObject parent_instance;

  GStringChunk  *strings;
  GArray        *themes;   /* Theme, in file order */
  GHashTable    *by_name;  /* theme name → index + 1 */
  GArray        *keywords; /* Keyword, index = matcher value */
  GArray        *targets;  /* Target, grouped by keyword */
  SdNameMatcher *matcher;
};

/* Per keyword, while scoring one story. */
typedef struct
{
  guint headline;
  guint body;
} Hits;

G_DEFINE_TYPE (SdThemeVocabulary, sd_theme_vocabulary, G_TYPE_OBJECT)

G_DEFINE_QUARK (sd - theme - vocabulary - error - quark, sd_theme_vocabulary_error)

static gboolean fail_at_line (GError **error, guint line, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

static gboolean
fail_at_line (GError **error, guint line, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SD_THEME_VOCABULARY_ERROR, SD_THEME_VOCABULARY_ERROR_INVALID,
               "themes line %u: %s", line, message);
  return FALSE;
}

/* "词" or "词:2.5"; *keyword points into @item, which is cut at the colon. */
static gboolean
parse_keyword (char *item, guint line, const char **keyword, double *weight, GError **error)
{
  char *colon = strrchr (item, ':');

  *weight = 1.0;
  if (strstr (item, "：") != NULL)
    return fail_at_line (error, line, "“%s”: a full-width colon; weights take “:”", item);
  if (colon != NULL)
    {
      const char *number = colon + 1;
      char       *number_end = NULL;

      *colon = '\0';
      g_strstrip (item);
      *weight = g_ascii_strtod (number, &number_end);
      if (number_end == number || *number_end != '\0' || !isfinite (*weight) || *weight <= 0.0
          || *weight > MAX_WEIGHT)
        return fail_at_line (error, line, "“%s”: the weight “%s” is not a number in (0, %g]", item,
                             number, MAX_WEIGHT);
    }
  /* One character alone (侨, 党) fires inside too many unrelated words. */
  if (g_utf8_strlen (item, -1) < 2)
    return fail_at_line (error, line, "“%s”: a keyword needs at least two characters", item);
  *keyword = item;
  return TRUE;
}

static gboolean
parse_line (SdThemeVocabulary *self, char *text, guint line, GHashTable *pending, GError **error)
{
  g_auto (GStrv) fields = g_strsplit (text, "\t", -1);
  g_auto (GStrv) items = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Theme theme;
  guint theme_index = self->themes->len;

  if (!g_utf8_validate (text, -1, NULL))
    return fail_at_line (error, line, "not UTF-8");
  if (g_strv_length (fields) != 3)
    return fail_at_line (error, line,
                         "expected 3 tab-separated fields: theme, description, keywords (got %u)",
                         g_strv_length (fields));
  for (guint i = 0; i < 3; i++)
    g_strstrip (fields[i]);
  if (fields[0][0] == '\0')
    return fail_at_line (error, line, "the theme name is empty");
  if (fields[1][0] == '\0')
    return fail_at_line (error, line, "theme “%s” has no description", fields[0]);
  if (g_hash_table_contains (self->by_name, fields[0]))
    return fail_at_line (error, line, "theme “%s” is listed twice", fields[0]);

  theme.name = g_string_chunk_insert_const (self->strings, fields[0]);
  theme.description = g_string_chunk_insert (self->strings, fields[1]);

  /* Empty items are let through: a trailing “;” is an easy slip. */
  items = g_strsplit (fields[2], ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *keyword = NULL;
      double      weight;
      GArray     *targets;
      Target      target;

      g_strstrip (items[i]);
      if (items[i][0] == '\0')
        continue;
      if (!parse_keyword (items[i], line, &keyword, &weight, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) keyword))
        return fail_at_line (error, line, "keyword “%s” is listed twice for theme “%s”", keyword,
                             theme.name);

      targets = g_hash_table_lookup (pending, keyword);
      if (targets == NULL)
        {
          targets = g_array_new (FALSE, FALSE, sizeof (Target));
          g_hash_table_insert (pending, g_strdup (keyword), targets);
        }
      target.theme = theme_index;
      target.weight = weight;
      g_array_append_val (targets, target);
    }
  if (g_hash_table_size (seen) == 0)
    return fail_at_line (error, line, "theme “%s” has no keywords", theme.name);

  g_array_append_val (self->themes, theme);
  g_hash_table_insert (self->by_name, (gpointer) theme.name, GUINT_TO_POINTER (theme_index + 1));
  return TRUE;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Lays the keywords out in a stable (sorted) order and compiles them. */
static void
compile_keywords (SdThemeVocabulary *self, GHashTable *pending)
{
  g_autofree const char **texts = NULL;
  guint                   n_texts;

  texts = (const char **) g_hash_table_get_keys_as_array (pending, &n_texts);
  qsort (texts, n_texts, sizeof (char *), compare_strings);

  for (guint i = 0; i < n_texts; i++)
    {
      GArray *targets = g_hash_table_lookup (pending, texts[i]);
      Keyword keyword;

      keyword.text = g_string_chunk_insert_const (self->strings, texts[i]);
      keyword.first_target = self->targets->len;
      keyword.n_targets = targets->len;
      g_array_append_vals (self->targets, targets->data, targets->len);
      g_array_append_val (self->keywords, keyword);
      _sd_name_matcher_add (self->matcher, keyword.text, i);
    }
  _sd_name_matcher_compile (self->matcher);
}

/* Counts keyword hits in @text into @hits, remembering each keyword's first
 * hit in @touched; adds the characters (not spaces) to *n_chars. */
static void
count_hits (SdThemeVocabulary *self,
            const char        *text,
            gboolean           is_headline,
            Hits              *hits,
            GArray            *touched,
            gsize             *n_chars)
{
  g_autoptr (GArray) matches = NULL;
  gsize length;

  if (text == NULL)
    return;
  length = strlen (text);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      /* Counting lead bytes needs no UTF-8 validation. */
      if ((c & 0xC0) != 0x80 && !g_ascii_isspace (c))
        (*n_chars)++;
    }

  matches = _sd_name_matcher_scan (self->matcher, text, length);
  for (guint i = 0; i < matches->len; i++)
    {
      guint value = g_array_index (matches, SdNameMatch, i).value;
      Hits *hit = &hits[value];

      if (hit->headline == 0 && hit->body == 0)
        g_array_append_val (touched, value);
      if (is_headline)
        hit->headline++;
      else
        hit->body++;
    }
}

static double
get_strength (const Hits *hit)
{
  double strength = HEADLINE_FACTOR * hit->headline;

  if (hit->body > 0)
    strength += 1.0 + log ((double) hit->body);
  return strength;
}

typedef struct
{
  SdThemeEvidence evidence;
  double          contribution;
} RankedEvidence;

static int
compare_evidence (gconstpointer a, gconstpointer b)
{
  const RankedEvidence *ea = a;
  const RankedEvidence *eb = b;

  if (ea->contribution != eb->contribution)
    return ea->contribution > eb->contribution ? -1 : 1;
  if (ea->evidence.count != eb->evidence.count)
    return ea->evidence.count > eb->evidence.count ? -1 : 1;
  return strcmp (ea->evidence.keyword, eb->evidence.keyword);
}

static int
compare_suggestions (gconstpointer a, gconstpointer b)
{
  const SdThemeSuggestion *sa = *(const SdThemeSuggestion *const *) a;
  const SdThemeSuggestion *sb = *(const SdThemeSuggestion *const *) b;

  if (sa->score != sb->score)
    return sa->score > sb->score ? -1 : 1;
  return strcmp (sa->theme, sb->theme);
}

static void
sd_theme_vocabulary_finalize (GObject *object)
{
  SdThemeVocabulary *self = SD_THEME_VOCABULARY (object);

  g_clear_pointer (&self->matcher, _sd_name_matcher_free);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->keywords, g_array_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->themes, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (sd_theme_vocabulary_parent_class)->finalize (object);
}

static void
sd_theme_vocabulary_class_init (SdThemeVocabularyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_theme_vocabulary_finalize;
}

static void
sd_theme_vocabulary_init (SdThemeVocabulary *self)
{
  self->strings = g_string_chunk_new (4 * 1024);
  self->themes = g_array_new (FALSE, FALSE, sizeof (Theme));
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->keywords = g_array_new (FALSE, FALSE, sizeof (Keyword));
  self->targets = g_array_new (FALSE, FALSE, sizeof (Target));
  self->matcher = _sd_name_matcher_new ();
}

/**
 * sd_theme_vocabulary_new_from_data:
 * @bytes: TSV "theme\tdescription\tkeywords", keywords “;”-separated, each
 *   optionally weighted as “词:2” (default 1); “#” lines and blank lines are
 *   skipped
 * @error: return location for a #GError naming the bad line
 *
 * Returns: (transfer full) (nullable): a new vocabulary, or %NULL on error
 */
SdThemeVocabulary *
sd_theme_vocabulary_new_from_data (GBytes *bytes, GError **error)
{
  g_autoptr (SdThemeVocabulary) self = NULL;
  g_autoptr (GHashTable) pending = NULL;
  const char *line;
  const char *end;
  gsize       size;
  guint       line_number = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SD_TYPE_THEME_VOCABULARY, NULL);
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  line = g_bytes_get_data (bytes, &size);
  end = line != NULL ? line + size : NULL;
  if (size >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
    line += 3;

  while (line != NULL && line < end)
    {
      const char      *nl = memchr (line, '\n', end - line);
      const char      *line_end = nl != NULL ? nl : end;
      g_autofree char *text = NULL;
      const char      *first;

      line_number++;
      if (line_end > line && line_end[-1] == '\r')
        line_end--;
      /* g_strndup() would cut the line there without a word. */
      if (memchr (line, '\0', line_end - line) != NULL)
        {
          fail_at_line (error, line_number, "a NUL byte");
          return NULL;
        }
      text = g_strndup (line, line_end - line);
      line = nl != NULL ? nl + 1 : end;

      first = text;
      while (g_ascii_isspace (*first))
        first++;
      if (*first == '\0' || *first == '#')
        continue;
      if (!parse_line (self, text, line_number, pending, error))
        return NULL;
    }

  compile_keywords (self, pending);
  return g_steal_pointer (&self);
}

/**
 * sd_theme_vocabulary_get_default:
 *
 * The bundled vocabulary (themes.tsv in the core GResource), loaded on first
 * use; thread-safe.  A missing or broken resource is a packaging bug: it is
 * reported with g_critical() and an empty vocabulary is returned.
 *
 * Returns: (transfer none): the vocabulary
 */
SdThemeVocabulary *
sd_theme_vocabulary_get_default (void)
{
  static SdThemeVocabulary *vocabulary;

  if (g_once_init_enter (&vocabulary))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = NULL;
      SdThemeVocabulary *loaded = NULL;

      bytes = g_resources_lookup_data (RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        loaded = sd_theme_vocabulary_new_from_data (bytes, &error);
      if (loaded == NULL)
        {
          g_critical ("Cannot load the bundled theme vocabulary: %s", error->message);
          loaded = g_object_new (SD_TYPE_THEME_VOCABULARY, NULL);
          _sd_name_matcher_compile (loaded->matcher);
        }
      g_once_init_leave (&vocabulary, loaded);
    }
  return vocabulary;
}

/**
 * sd_theme_vocabulary_list_themes:
 * @self: a vocabulary
 *
 * The theme names in vocabulary order, e.g. for completion in a tag entry.
 *
 * Returns: (element-type utf8) (transfer container): the names, owned by
 *   @self
 */
GPtrArray *
sd_theme_vocabulary_list_themes (SdThemeVocabulary *self)
{
  GPtrArray *names;

  g_return_val_if_fail (SD_IS_THEME_VOCABULARY (self), NULL);

  names = g_ptr_array_sized_new (self->themes->len);
  for (guint i = 0; i < self->themes->len; i++)
    g_ptr_array_add (names, (gpointer) g_array_index (self->themes, Theme, i).name);
  return names;
}

/**
 * sd_theme_vocabulary_lookup:
 * @self: a vocabulary
 * @theme: a theme name
 *
 * Returns: (transfer none) (nullable): the theme's one-line description, or
 *   %NULL when @theme is not in the vocabulary
 */
const char *
sd_theme_vocabulary_lookup (SdThemeVocabulary *self, const char *theme)
{
  guint index;

  g_return_val_if_fail (SD_IS_THEME_VOCABULARY (self), NULL);

  if (theme == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_name, theme));
  return index != 0 ? g_array_index (self->themes, Theme, index - 1).description : NULL;
}

/**
 * sd_theme_vocabulary_get_n_keywords:
 * @self: a vocabulary
 *
 * Returns: the number of distinct keywords over all themes
 */
guint
sd_theme_vocabulary_get_n_keywords (SdThemeVocabulary *self)
{
  g_return_val_if_fail (SD_IS_THEME_VOCABULARY (self), 0);

  return self->keywords->len;
}

/* Adds keyword @k's hits to the themes it points at: to their raw scores,
 * or, in the second pass, to the evidence of the themes that were kept. */
static void
add_keyword (SdThemeVocabulary *vocab, guint k, const Hits *hits, double *raw, GArray **evidence)
{
  const Keyword *keyword = &g_array_index (vocab->keywords, Keyword, k);
  double         strength = get_strength (&hits[k]);

  for (guint t = 0; t < keyword->n_targets; t++)
    {
      const Target  *target = &g_array_index (vocab->targets, Target, keyword->first_target + t);
      RankedEvidence ranked;

      if (raw != NULL)
        raw[target->theme] += target->weight * strength;
      if (evidence == NULL || evidence[target->theme] == NULL)
        continue;
      ranked.evidence.keyword = (char *) keyword->text;
      ranked.evidence.count = hits[k].headline + hits[k].body;
      ranked.contribution = target->weight * strength;
      g_array_append_val (evidence[target->theme], ranked);
    }
}

/**
 * sd_theme_suggester_suggest:
 * @vocab: the vocabulary
 * @headline: (nullable): the story's headline; its hits count
 *   HEADLINE_FACTOR times
 * @body: (nullable): the story's text
 * @max: at most this many suggestions; 0 for all
 *
 * Suggests themes for a story: those scoring at least
 * %SD_THEME_SUGGESTION_THRESHOLD, best first.  Reads the text once (linear
 * in its length) and is safe to call from any thread.
 *
 * Returns: (element-type SdThemeSuggestion) (transfer full): the
 *   suggestions, possibly none
 */
GPtrArray *
sd_theme_suggester_suggest (SdThemeVocabulary *vocab,
                            const char        *headline,
                            const char        *body,
                            guint              max)
{
  GPtrArray *suggestions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) sd_theme_suggestion_free);
  g_autoptr (GArray) touched = NULL;
  g_autofree Hits    *hits = NULL;
  g_autofree double  *raw = NULL;
  g_autofree GArray **evidence = NULL;
  gsize               n_chars = 0;
  double              norm;
  guint               n_themes;

  g_return_val_if_fail (SD_IS_THEME_VOCABULARY (vocab), suggestions);

  n_themes = vocab->themes->len;
  touched = g_array_new (FALSE, FALSE, sizeof (guint));
  hits = g_new0 (Hits, vocab->keywords->len);
  count_hits (vocab, headline, TRUE, hits, touched, &n_chars);
  count_hits (vocab, body, FALSE, hits, touched, &n_chars);
  if (touched->len == 0)
    return suggestions;

  raw = g_new0 (double, n_themes);
  for (guint i = 0; i < touched->len; i++)
    add_keyword (vocab, g_array_index (touched, guint, i), hits, raw, NULL);

  /* Only the themes that clear the threshold get their evidence gathered. */
  norm = 1.0 + log1p ((double) n_chars / LENGTH_UNIT);
  evidence = g_new0 (GArray *, n_themes);
  for (guint t = 0; t < n_themes; t++)
    if (raw[t] / norm >= SD_THEME_SUGGESTION_THRESHOLD)
      evidence[t] = g_array_new (FALSE, FALSE, sizeof (RankedEvidence));

  for (guint i = 0; i < touched->len; i++)
    add_keyword (vocab, g_array_index (touched, guint, i), hits, NULL, evidence);

  for (guint t = 0; t < n_themes; t++)
    {
      const Theme       *theme = &g_array_index (vocab->themes, Theme, t);
      SdThemeSuggestion *suggestion;

      if (evidence[t] == NULL)
        continue;

      g_array_sort (evidence[t], compare_evidence);
      suggestion = g_new0 (SdThemeSuggestion, 1);
      suggestion->theme = g_strdup (theme->name);
      suggestion->description = g_strdup (theme->description);
      suggestion->score = raw[t] / norm;
      suggestion->evidence =
          g_ptr_array_new_full (evidence[t]->len, (GDestroyNotify) sd_theme_evidence_free);
      for (guint i = 0; i < evidence[t]->len; i++)
        {
          const RankedEvidence *ranked = &g_array_index (evidence[t], RankedEvidence, i);
          SdThemeEvidence      *item = g_new0 (SdThemeEvidence, 1);

          item->keyword = g_strdup (ranked->evidence.keyword);
          item->count = ranked->evidence.count;
          g_ptr_array_add (suggestion->evidence, item);
        }
      g_ptr_array_add (suggestions, suggestion);
      g_array_unref (evidence[t]);
    }

  g_ptr_array_sort (suggestions, compare_suggestions);
  if (max > 0 && suggestions->len > max)
    g_ptr_array_set_size (suggestions, max);
  return suggestions;
}

/**
 * sd_theme_suggestion_free:
 * @suggestion: (nullable) (transfer full): a suggestion
 */
void
sd_theme_suggestion_free (SdThemeSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->theme);
  g_free (suggestion->description);
  g_clear_pointer (&suggestion->evidence, g_ptr_array_unref);
  g_free (suggestion);
}

/**
 * sd_theme_evidence_free:
 * @evidence: (nullable) (transfer full): one keyword's evidence
 */
void
sd_theme_evidence_free (SdThemeEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->keyword);
  g_free (evidence);
}
