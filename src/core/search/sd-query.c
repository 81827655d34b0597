/* sd-query.c — the search language of the window and the command line
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-gazetteer.h"
#include "sd-page-identity.h"
#include "sd-query.h"
#include "sd-segment.h"
#include "sd-story.h"

struct _SdQuery
{
  GPtrArray *terms;    /* (element-type utf8) wanted words and phrases */
  GPtrArray *excluded; /* (element-type utf8) unwanted ones */
  GPtrArray *filters;  /* (element-type SdQueryFilter) */
  char      *match;
  char      *exclude;
};

/* Where the parser stands: a character and its number, counted from 1 as
 * an editor would. */
typedef struct
{
  const char *p;
  guint       column;
} Cursor;

static const struct
{
  const char  *name;
  SdQueryField field;
} field_names[] = {
  { "tag", SD_QUERY_FIELD_TAG },       { "place", SD_QUERY_FIELD_PLACE },
  { "status", SD_QUERY_FIELD_STATUS }, { "kind", SD_QUERY_FIELD_KIND },
  { "source", SD_QUERY_FIELD_SOURCE }, { "date", SD_QUERY_FIELD_DATE },
  { "paper", SD_QUERY_FIELD_PAPER },   { "page", SD_QUERY_FIELD_PAGE },
};

/* The labels the window shows in zh_CN, whatever the locale here. */
static const struct
{
  const char   *label;
  SdStoryStatus status;
} status_labels[] = {
  { "未审", SD_STORY_STATUS_NEW },
  { "已审", SD_STORY_STATUS_REVIEWED },
  { "待修改", SD_STORY_STATUS_NEEDS_WORK },
  { "不用", SD_STORY_STATUS_REJECTED },
};

G_DEFINE_QUARK (sd - query - error - quark, sd_query_error)

static void
filter_free (SdQueryFilter *filter)
{
  g_free (filter->value);
  g_free (filter);
}

static gunichar
peek (const Cursor *cursor)
{
  return g_utf8_get_char (cursor->p);
}

static void
advance (Cursor *cursor)
{
  cursor->p = g_utf8_next_char (cursor->p);
  cursor->column++;
}

static gboolean
at_end_of_word (const Cursor *cursor)
{
  return *cursor->p == '\0' || g_unichar_isspace (peek (cursor));
}

static gboolean
is_open_quote (gunichar c)
{
  return c == '"' || c == 0x201C /* “ */ || c == 0xFF02 /* ＂ */ || c == 0x300C /* 「 */;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == '"' || c == 0x201D /* ” */ || c == 0xFF02 || c == 0x300D /* 」 */;
}

static gboolean
is_minus (gunichar c)
{
  return c == '-' || c == 0xFF0D /* － */ || c == 0x2212 /* − */;
}

/* Removes white space, ideographic spaces included, from both ends. */
static void
trim_spaces (char *text)
{
  char *start = text;
  char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  memmove (text, start, end - start);
  text[end - start] = '\0';
}

/* Reads "…" from the opening quote under @cursor. */
static char *
read_quoted (Cursor *cursor, GError **error)
{
  guint       column = cursor->column;
  const char *start;

  advance (cursor);
  start = cursor->p;
  while (*cursor->p != '\0' && !is_close_quote (peek (cursor)))
    advance (cursor);
  if (*cursor->p == '\0')
    {
      g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNCLOSED_QUOTE,
                   _("The quote at character %u is never closed"), column);
      return NULL;
    }
  advance (cursor);
  return g_strndup (start, g_utf8_prev_char (cursor->p) - start);
}

/* A bare word runs to a space or to the next opening quote. */
static char *
read_bare (Cursor *cursor)
{
  const char *start = cursor->p;

  while (!at_end_of_word (cursor) && !is_open_quote (peek (cursor)))
    advance (cursor);
  return g_strndup (start, cursor->p - start);
}

/* "name:" of ASCII letters under @cursor: moves past the colon and returns
 * the name; else NULL (10:30 and 记者：张三 are plain words). */
static char *
read_field_name (Cursor *cursor)
{
  const char *p = cursor->p;
  guint       n = 0;
  gunichar    colon;

  while (g_ascii_isalpha (*p))
    p++, n++;
  colon = g_utf8_get_char (p);
  if (n == 0 || (colon != ':' && colon != 0xFF1A /* ： */))
    return NULL;
  for (guint i = 0; i <= n; i++)
    advance (cursor);
  return g_ascii_strdown (p - n, n);
}

static char *
resolve_place (const char *name, guint column, GError **error)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *place = sd_gazetteer_lookup (gazetteer, name);

  if (place == NULL)
    place = sd_gazetteer_find_by_name (gazetteer, name, NULL);
  if (place == NULL)
    {
      g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNKNOWN_PLACE,
                   _("No place called “%s” (character %u)"), name, column);
      return NULL;
    }
  return g_strdup (place->code);
}

static char *
resolve_status (const char *name, guint column, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  SdStoryStatus    status;

  if (sd_story_status_from_string (lower, &status))
    return g_strdup (sd_story_status_to_string (status));
  for (guint i = 0; i < G_N_ELEMENTS (status_labels); i++)
    if (strcmp (name, status_labels[i].label) == 0)
      return g_strdup (sd_story_status_to_string (status_labels[i].status));
  g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNKNOWN_STATUS,
               _("Unknown status “%s” (character %u): use new, reviewed, needs-work or rejected "
                 "(未审, 已审, 待修改, 不用)"),
                  name, column);
  return NULL;
}

static char *
resolve_kind (const char *name, guint column, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  SdStoryKind      kind;

  if (sd_story_kind_from_string (lower, &kind))
    return g_strdup (sd_story_kind_to_string (kind));
  g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNKNOWN_KIND,
               _("Unknown kind “%s” (character %u): use news, brief, photo or continuation"), name,
                  column);
  return NULL;
}

/* A day, month, year or range as "first..last"; a page as stored. */
static char *
resolve_issue (SdQueryField field, const char *text, guint column, GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr (GError) local = NULL;
  char *value = NULL;

  if (field == SD_QUERY_FIELD_PAGE)
    value = sd_page_identity_parse_page (text, &local);
  else if (sd_page_identity_parse_date_range (text, &first, &last, &local))
    value = g_strconcat (first, "..", last, NULL);
  if (value == NULL)
    g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_BAD_VALUE,
                 _("%s (character %u)"), local->message, column);
  return value;
}

/* Turns what follows "name:" into a filter value. */
static char *
resolve_value (SdQueryField field, const char *value, guint column, GError **error)
{
  switch (field)
    {
    case SD_QUERY_FIELD_TAG:
      return g_strstrip (g_utf8_normalize (value, -1, G_NORMALIZE_NFKC)); /* as tags are kept */
    case SD_QUERY_FIELD_PLACE:
      return resolve_place (value, column, error);
    case SD_QUERY_FIELD_STATUS:
      return resolve_status (value, column, error);
    case SD_QUERY_FIELD_KIND:
      return resolve_kind (value, column, error);
    case SD_QUERY_FIELD_DATE:
    case SD_QUERY_FIELD_PAGE:
      return resolve_issue (field, value, column, error);
    case SD_QUERY_FIELD_PAPER:
      return g_strdup (value);
    case SD_QUERY_FIELD_SOURCE:
    default:
      return g_path_get_basename (value);
    }
}

static gboolean
parse_filter (
    SdQuery *self, Cursor *cursor, const char *name, gboolean negated, guint column, GError **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *value = NULL;
  SdQueryFilter   *filter;
  guint            value_column = cursor->column;
  guint            i;

  for (i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (strcmp (name, field_names[i].name) == 0)
      break;
  if (i == G_N_ELEMENTS (field_names))
    {
      g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_UNKNOWN_FIELD,
                   _("Unknown field “%s:” (character %u): use tag:, place:, status:, kind: or "
                     "source:, or put the text in quotes"),
                      name, column);
      return FALSE;
    }

  if (*cursor->p != '\0' && is_open_quote (peek (cursor)))
    raw = read_quoted (cursor, error);
  else
    raw = read_bare (cursor);
  if (raw == NULL)
    return FALSE;
  trim_spaces (raw);
  if (*raw != '\0')
    {
      value = resolve_value (field_names[i].field, raw, value_column, error);
      if (value == NULL)
        return FALSE;
    }
  /* a tag of odd spaces only normalizes to nothing */
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_EMPTY_VALUE,
                   _("“%s:” (character %u) needs a value right after the colon"), name, column);
      return FALSE;
    }

  filter = g_new0 (SdQueryFilter, 1);
  filter->field = field_names[i].field;
  filter->negated = negated;
  filter->value = g_steal_pointer (&value);
  g_ptr_array_add (self->filters, filter);
  return TRUE;
}

static gboolean
add_term (SdQuery *self, char *text, gboolean negated, guint column, GError **error)
{
  g_autofree char *owned = text;

  if (!sd_cjk_text_is_searchable (owned))
    {
      g_set_error (
          error, SD_QUERY_ERROR, SD_QUERY_ERROR_NOTHING_TO_SEARCH,
          _("“%s” (character %u) has no letter, digit or Chinese character to search for"), owned,
             column);
      return FALSE;
    }
  g_ptr_array_add (negated ? self->excluded : self->terms, g_steal_pointer (&owned));
  return TRUE;
}

static gboolean
parse_item (SdQuery *self, Cursor *cursor, GError **error)
{
  guint            column = cursor->column;
  gboolean         negated = FALSE;
  g_autofree char *name = NULL;
  char            *text;

  if (is_minus (peek (cursor)))
    {
      advance (cursor);
      negated = TRUE;
      if (at_end_of_word (cursor))
        {
          g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_LONE_MINUS,
                       _("The “-” at character %u leaves out nothing: write the word right "
                         "after it, as in -广告"),
                          column);
          return FALSE;
        }
    }
  if (is_open_quote (peek (cursor)))
    {
      text = read_quoted (cursor, error);
      return text != NULL && add_term (self, text, negated, column, error);
    }
  name = read_field_name (cursor);
  if (name != NULL)
    return parse_filter (self, cursor, name, negated, column, error);
  return add_term (self, read_bare (cursor), negated, column, error);
}

/* A term as one FTS5 phrase of its tokens (sd-cjk-tokenizer.h). */
static void
append_fts_string (GString *out, const char *text)
{
  g_autofree char *phrase = sd_cjk_dup_fts_phrase (text);

  g_string_append (out, phrase);
}

static char *
join_fts_strings (GPtrArray *strings, const char *op)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append (out, op);
      append_fts_string (out, g_ptr_array_index (strings, i));
    }
  return g_string_free (out, FALSE);
}

static void
build_match (SdQuery *self)
{
  if (self->terms->len > 0)
    {
      g_autofree char *wanted = join_fts_strings (self->terms, " AND ");
      GString         *match = g_string_new (NULL);

      g_string_append_printf (match, "(%s)", wanted);
      for (guint i = 0; i < self->excluded->len; i++)
        {
          g_string_append (match, " NOT ");
          append_fts_string (match, g_ptr_array_index (self->excluded, i));
        }
      self->match = g_string_free (match, FALSE);
    }
  else if (self->excluded->len > 0)
    self->exclude = join_fts_strings (self->excluded, " OR ");
}

/**
 * sd_query_parse:
 * @text: a search as the editor typed it
 *
 * Returns: (transfer full): the query, or %NULL with @error (in
 * %SD_QUERY_ERROR) naming the problem and where it is.
 */
SdQuery *
sd_query_parse (const char *text, GError **error)
{
  g_autoptr (SdQuery) self = NULL;
  Cursor cursor = { text, 1 };

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_INVALID,
                   _("The search is not valid UTF-8 text"));
      return NULL;
    }

  self = g_new0 (SdQuery, 1);
  self->terms = g_ptr_array_new_with_free_func (g_free);
  self->excluded = g_ptr_array_new_with_free_func (g_free);
  self->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) filter_free);

  for (guint n_parts = 0;; n_parts++)
    {
      while (*cursor.p != '\0' && g_unichar_isspace (peek (&cursor)))
        advance (&cursor);
      if (*cursor.p == '\0')
        break;
      if (n_parts == SD_QUERY_MAX_PARTS)
        {
          g_set_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_TOO_LONG,
                       _("The search holds more than %u words and fields (the rest starts at "
                         "character %u): leave some out"),
                          SD_QUERY_MAX_PARTS, cursor.column);
          return NULL;
        }
      if (!parse_item (self, &cursor, error))
        return NULL;
    }
  build_match (self);
  return g_steal_pointer (&self);
}

void
sd_query_free (SdQuery *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->terms);
  g_ptr_array_unref (self->excluded);
  g_ptr_array_unref (self->filters);
  g_free (self->match);
  g_free (self->exclude);
  g_free (self);
}

gboolean
sd_query_is_empty (const SdQuery *self)
{
  return self->terms->len == 0 && self->excluded->len == 0 && self->filters->len == 0;
}

const char *
sd_query_get_match (const SdQuery *self)
{
  return self->match;
}

const char *
sd_query_get_exclude (const SdQuery *self)
{
  return self->exclude;
}

GPtrArray *
sd_query_get_terms (const SdQuery *self)
{
  return self->terms;
}

GStrv
sd_query_dup_marked_terms (const char *text)
{
  g_autoptr (SdQuery) query = text != NULL ? sd_query_parse (text, NULL) : NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; query != NULL && i < query->terms->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (query->terms, i));
  return g_strv_builder_end (builder);
}

GPtrArray *
sd_query_get_excluded (const SdQuery *self)
{
  return self->excluded;
}

GPtrArray *
sd_query_get_filters (const SdQuery *self)
{
  return self->filters;
}
