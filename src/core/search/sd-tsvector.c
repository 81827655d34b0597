/* sd-tsvector.c — search tokens as PostgreSQL tsvector and tsquery text
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-tsvector.h"

/* Fields stand this far apart, so no phrase spans two of them. */
#define FIELD_GAP (SD_TSVECTOR_OVERLAP + 2)

typedef struct
{
  char *lexeme;
  guint position; /* counted from 0 over the whole story */
} Token;

typedef struct
{
  GArray  *tokens;   /* (element-type Token) */
  guint    position; /* of the last token */
  gboolean started;
} Collect;

static int
collect_token_cb (void *user_data, int flags, const char *token, int n_token, int start, int end)
{
  Collect *collect = user_data;
  Token    t;

  if (collect->started && !(flags & SD_CJK_TOKEN_COLOCATED))
    collect->position++;
  collect->started = TRUE;
  t.lexeme = g_strndup (token, n_token);
  t.position = collect->position;
  g_array_append_val (collect->tokens, t);
  return 0;
}

static void
token_clear (Token *token)
{
  g_free (token->lexeme);
}

/* A lexeme quoted for tsvector and tsquery input: in quotes, with quotes
 * and backslashes doubled. */
static void
append_lexeme (GString *out, const char *lexeme)
{
  g_string_append_c (out, '\'');
  for (const char *p = lexeme; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, *p);
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

/* One window's literal: each lexeme once, with its positions in order.
 * @start: the index of the first token at or past @first_position is
 * looked for from here, and left there for the next window. */
static char *
window_literal (GArray *tokens, guint *start, guint first_position)
{
  guint last_position = first_position + SD_TSVECTOR_WINDOW + SD_TSVECTOR_OVERLAP;
  g_autoptr (GHashTable) positions =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) string_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  while (*start < tokens->len && g_array_index (tokens, Token, *start).position < first_position)
    (*start)++;
  for (guint i = *start; i < tokens->len; i++)
    {
      Token   *token = &g_array_index (tokens, Token, i);
      GString *list;

      if (token->position >= last_position)
        break;
      list = g_hash_table_lookup (positions, token->lexeme);
      if (list == NULL)
        {
          list = g_string_new (NULL);
          g_hash_table_insert (positions, token->lexeme, list);
          g_ptr_array_add (order, token->lexeme);
        }
      g_string_append_printf (list, "%s%u", list->len > 0 ? "," : "",
                              token->position - first_position + 1);
    }
  for (guint i = 0; i < order->len; i++)
    {
      GString *list = g_hash_table_lookup (positions, order->pdata[i]);

      if (i > 0)
        g_string_append_c (out, ' ');
      append_lexeme (out, order->pdata[i]);
      g_string_append_c (out, ':');
      g_string_append_len (out, list->str, list->len);
    }
  return g_string_free (out, FALSE);
}

/**
 * sd_tsvector_windows:
 * @fields: (array length=n_fields): the story's searchable texts, or NULLs
 * @n_fields: their number
 *
 * Returns: (transfer full) (element-type utf8): the story's windows.
 */
GPtrArray *
sd_tsvector_windows (const char *const *fields, guint n_fields)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_free);
  Collect    collect = { tokens, 0, FALSE };
  guint      start = 0;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  for (guint f = 0; f < n_fields; f++)
    {
      if (fields[f] == NULL)
        continue;
      if (collect.started)
        collect.position += FIELD_GAP;
      collect.started = FALSE;
      sd_cjk_tokenize (fields[f], strlen (fields[f]), FALSE, collect_token_cb, &collect);
      /* the next field's first token takes the position after the gap */
      collect.started = tokens->len > 0;
    }
  for (guint first = 0; windows->len == 0 || first <= collect.position; first += SD_TSVECTOR_WINDOW)
    g_ptr_array_add (windows, window_literal (tokens, &start, first));
  return windows;
}

/* One Chinese (or kana, hangul) character: the tokenizer's unigram. */
static gboolean
is_lone_character (const char *lexeme)
{
  gunichar c = g_utf8_get_char (lexeme);

  if (*g_utf8_next_char (lexeme) != '\0' || c < 0x80)
    return FALSE;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_phrase (GString *out, GArray *tokens, guint from, guint to)
{
  g_string_append_c (out, '(');
  for (guint i = from; i < to; i++)
    {
      const char *lexeme = g_array_index (tokens, Token, i).lexeme;

      if (i > from)
        g_string_append (out, " <-> ");
      append_lexeme (out, lexeme);
      /* A lone character is asked as a prefix: any token starting with it,
       * its bigrams too, since a document need not hold its unigram at
       * every position (sd-cjk-tokenizer.h). */
      if (is_lone_character (lexeme))
        g_string_append (out, ":*");
    }
  g_string_append_c (out, ')');
}

/**
 * sd_tsquery_for_term:
 * @term: a word or phrase as the editor typed it
 *
 * Returns: (transfer full) (nullable): its tsquery literal.
 */
char *
sd_tsquery_for_term (const char *term)
{
  g_autoptr (GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  Collect  collect = { tokens, 0, FALSE };
  guint    piece = SD_TSVECTOR_OVERLAP + 1;
  GString *out;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  sd_cjk_tokenize (term, strlen (term), TRUE, collect_token_cb, &collect);
  if (tokens->len == 0)
    return NULL;
  out = g_string_new (NULL);
  /* Pieces overlap by one token, so they chain through the whole phrase. */
  for (guint from = 0; from == 0 || from + 1 < tokens->len; from += piece - 1)
    {
      if (from > 0)
        g_string_append (out, " & ");
      append_phrase (out, tokens, from, MIN (from + piece, tokens->len));
    }
  return g_string_free (out, FALSE);
}
