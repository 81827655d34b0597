/* sd-cjk-tokenizer.c — an FTS5 tokenizer for Chinese newspaper text, and
 * the ranking function that goes with it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions: every Han character takes one position, every Latin word or
 * number one; punctuation and spaces take none.  In a document the position
 * of character c holds the bigram c+next (when the next character is Han
 * too) and, colocated, the unigram c.  A query asks for:
 *
 *   one character     its unigram;
 *   n ≥ 2 characters  the n − 1 bigrams at consecutive positions, which match
 *                     exactly where the n characters stand side by side;
 *
 * and when more tokens follow a run of two or more in the same phrase
 * ("标题3"), also the unigram of the run's last character, so the following
 * token lands on the right position.  Single-character tokens are thus only
 * looked up when the query has a lone character.
 */
#define G_LOG_DOMAIN "sd-cjk-tokenizer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sd-cjk-tokenizer.h"

typedef enum
{
  CLASS_SPACE, /* punctuation, spaces, symbols: not indexed */
  CLASS_WORD,  /* letters and digits of alphabetic scripts */
  CLASS_CJK,   /* Han, kana, hangul: bigrams and unigrams */
} CharClass;

/* One tokenizing pass over a text. */
typedef struct
{
  void *ctx;
  int (*emit) (void *ctx, int tflags, const char *token, int n_token, int start, int end);
  gboolean query;

  GString *word; /* the folded word being read */
  int      word_start;
  int      word_end;

  gunichar prev; /* the run's last Han character so far, or 0 */
  int      prev_start;
  int      prev_end;
  guint    run_length;

  /* query mode: a run's last unigram, owed only if another token follows */
  gunichar owed;
  int      owed_start;
  int      owed_end;
} Scan;

G_DEFINE_QUARK (sd - cjk - tokenizer - error - quark, sd_cjk_tokenizer_error)

/* A harmless non-NULL object: the tokenizer keeps no state between calls. */
static int tokenizer_instance;

static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    return g_ascii_tolower (c);
  if (c >= 0x4E00 && c <= 0x9FFF) /* the common Han block folds to itself */
    return c;
  if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
    return g_ascii_tolower (c - 0xFEE0);
  if (c == 0x3000) /* ideographic space */
    return ' ';
  /* Compatibility forms that stand for one character: 豈 (U+F900) → 豈,
   * ① → 1, half-width katakana → katakana. */
  if (g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed)) == 1)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

static CharClass
classify (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) ? CLASS_WORD : CLASS_SPACE;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
    return CLASS_CJK;
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
      if (g_unichar_isalnum (c) || c == 0x3007) /* 〇 as in 二〇二四年 */
        return CLASS_CJK;
      break;
    default:
      break;
    }
  return g_unichar_isalnum (c) || g_unichar_ismark (c) ? CLASS_WORD : CLASS_SPACE;
}

static int
emit (Scan *scan, int tflags, const char *token, int n_token, int start, int end)
{
  if (scan->owed != 0 && !(tflags & FTS5_TOKEN_COLOCATED))
    {
      char buffer[8];
      int  n = g_unichar_to_utf8 (scan->owed, buffer);
      int  rc;

      scan->owed = 0;
      rc = scan->emit (scan->ctx, 0, buffer, n, scan->owed_start, scan->owed_end);
      if (rc != SQLITE_OK)
        return rc;
    }
  return scan->emit (scan->ctx, tflags, token, n_token, start, end);
}

static int
emit_unigram (Scan *scan, int tflags, gunichar c, int start, int end)
{
  char buffer[8];

  return emit (scan, tflags, buffer, g_unichar_to_utf8 (c, buffer), start, end);
}

static int
flush_word (Scan *scan)
{
  int rc;

  if (scan->word->len == 0)
    return SQLITE_OK;
  rc = emit (scan, 0, scan->word->str, scan->word->len, scan->word_start, scan->word_end);
  g_string_truncate (scan->word, 0);
  return rc;
}

static int
end_run (Scan *scan)
{
  gunichar last = scan->prev;

  if (last == 0)
    return SQLITE_OK;
  scan->prev = 0;
  if (scan->query && scan->run_length > 1)
    {
      scan->owed = last;
      scan->owed_start = scan->prev_start;
      scan->owed_end = scan->prev_end;
      return SQLITE_OK;
    }
  return emit_unigram (scan, 0, last, scan->prev_start, scan->prev_end);
}

static int
add_cjk (Scan *scan, gunichar c, int start, int end)
{
  int rc = SQLITE_OK;

  if (scan->prev != 0)
    {
      char bigram[16];
      int  n = g_unichar_to_utf8 (scan->prev, bigram);

      n += g_unichar_to_utf8 (c, bigram + n);
      rc = emit (scan, 0, bigram, n, scan->prev_start, end);
      if (rc == SQLITE_OK && !scan->query)
        rc =
            emit_unigram (scan, FTS5_TOKEN_COLOCATED, scan->prev, scan->prev_start, scan->prev_end);
    }
  else
    scan->run_length = 0;
  scan->run_length++;
  scan->prev = c;
  scan->prev_start = start;
  scan->prev_end = end;
  return rc;
}

/* The character at @pos, folded; a broken byte reads as a space, which
 * separates.  Sets @next past it. */
static gunichar
read_char (const char *text, int n_text, int pos, int *next)
{
  gunichar c = g_utf8_get_char_validated (text + pos, n_text - pos);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = pos + 1;
      return ' ';
    }
  *next = g_utf8_next_char (text + pos) - text;
  return fold_char (c);
}

static int
scan_text (Scan *scan, const char *text, int n_text)
{
  int rc = SQLITE_OK;
  int next;

  for (int pos = 0; pos < n_text && rc == SQLITE_OK; pos = next)
    {
      gunichar c = read_char (text, n_text, pos, &next);
      CharClass class = classify (c);

      if (class != CLASS_WORD)
        rc = flush_word (scan);
      if (class != CLASS_CJK && rc == SQLITE_OK)
        rc = end_run (scan);
      if (rc != SQLITE_OK)
        break;
      if (class == CLASS_WORD)
        {
          if (scan->word->len == 0)
            scan->word_start = pos;
          g_string_append_unichar (scan->word, c);
          scan->word_end = next;
        }
      else if (class == CLASS_CJK)
        rc = add_cjk (scan, c, pos, next);
    }
  if (rc == SQLITE_OK)
    rc = flush_word (scan);
  if (rc == SQLITE_OK)
    rc = end_run (scan);
  return rc;
}

static int
run_scan (void       *ctx,
          gboolean    query,
          const char *text,
          int         n_text,
          int (*token_cb) (void *, int, const char *, int, int, int))
{
  Scan scan = { 0 };
  int  rc;

  scan.ctx = ctx;
  scan.emit = token_cb;
  scan.query = query;
  scan.word = g_string_sized_new (32);
  rc = scan_text (&scan, text, n_text);
  g_string_free (scan.word, TRUE);
  return rc;
}

static int
tokenizer_create (void *context, const char **args, int n_args, Fts5Tokenizer **out)
{
  *out = (Fts5Tokenizer *) &tokenizer_instance;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    int (*token_cb) (void *, int, const char *, int, int, int))
{
  /* Highlighting (FTS5_TOKENIZE_AUX) and deletes see the document's tokens. */
  return run_scan (ctx, (flags & FTS5_TOKENIZE_QUERY) != 0, text, n_text, token_cb);
}

/* Ranking.  FTS5's own bm25 () reads each match's column sizes from its
 * docsize table, a lookup per match that costs six times the rest of the
 * ranking when a common term matches tens of thousands of stories.  So
 * sd_bm25 () is bm25 with the same column weights, k1 = 1.2 and b = 0: no
 * normalisation by length, term frequency saturating instead. */
#define BM25_K1 1.2

typedef struct
{
  int    n_phrases;
  double idf[];
} RankData;

static int
count_row_cb (const Fts5ExtensionApi *api, Fts5Context *fts, void *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

/* The phrases' inverse document frequencies, computed once per query. */
static RankData *
get_rank_data (const Fts5ExtensionApi *api, Fts5Context *fts, int *rc)
{
  RankData     *data = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0;
  int           n_phrases;

  if (data != NULL)
    return data;
  n_phrases = api->xPhraseCount (fts);
  *rc = api->xRowCount (fts, &n_rows);
  if (*rc != SQLITE_OK)
    return NULL;
  data = g_malloc0 (sizeof (RankData) + n_phrases * sizeof (double));
  data->n_phrases = n_phrases;
  for (int i = 0; i < n_phrases; i++)
    {
      sqlite3_int64 hits = 0;

      /* one phrase: its weight is the same for every match */
      if (n_phrases == 1)
        {
          data->idf[i] = 1;
          break;
        }
      *rc = api->xQueryPhrase (fts, i, &hits, count_row_cb);
      if (*rc != SQLITE_OK)
        {
          g_free (data);
          return NULL;
        }
      data->idf[i] = MAX (log ((n_rows - hits + 0.5) / (hits + 0.5)), 1e-6);
    }
  /* on failure FTS5 frees @data itself */
  *rc = api->xSetAuxdata (fts, data, g_free);
  return *rc == SQLITE_OK ? data : NULL;
}

/* sd_bm25 (table, weight of column 0, weight of column 1, …): lower is
 * better, as with bm25 (). */
static void
rank_function (const Fts5ExtensionApi *api,
               Fts5Context            *fts,
               sqlite3_context        *ctx,
               int                     n_values,
               sqlite3_value         **values)
{
  double             weights[16];
  double             stack_freq[16];
  g_autofree double *heap_freq = NULL;
  double            *freq = stack_freq;
  double             score = 0;
  int                rc = SQLITE_OK;
  int                n_inst = 0;
  RankData          *data = get_rank_data (api, fts, &rc);

  if (data == NULL)
    {
      sqlite3_result_error_code (ctx, rc);
      return;
    }
  if (data->n_phrases > (int) G_N_ELEMENTS (stack_freq))
    freq = heap_freq = g_new0 (double, data->n_phrases);
  else
    memset (stack_freq, 0, sizeof stack_freq);
  for (int i = 0; i < (int) G_N_ELEMENTS (weights); i++)
    weights[i] = i < n_values ? sqlite3_value_double (values[i]) : 1.0;

  rc = api->xInstCount (fts, &n_inst);
  for (int i = 0; i < n_inst && rc == SQLITE_OK; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK)
        freq[phrase] += column < (int) G_N_ELEMENTS (weights) ? weights[column] : 1.0;
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (ctx, rc);
      return;
    }
  for (int p = 0; p < data->n_phrases; p++)
    score += data->idf[p] * freq[p] * (BM25_K1 + 1) / (freq[p] + BM25_K1);
  sqlite3_result_double (ctx, -score);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api     *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * sd_cjk_tokenizer_register:
 * @db: a connection
 *
 * Registers the tokenizer "sd_cjk" and the ranking function "sd_bm25" on
 * @db.  Every connection that writes stories needs them, since the index is
 * kept by triggers.
 */
gboolean
sd_cjk_tokenizer_register (sqlite3 *db, GError **error)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2)
    {
      g_set_error (error, SD_CJK_TOKENIZER_ERROR, SD_CJK_TOKENIZER_ERROR_NO_FTS5,
                   _("This SQLite (%s) has no full-text search (FTS5)"), sqlite3_libversion ());
      return FALSE;
    }
  if (api->xCreateTokenizer (api, SD_CJK_TOKENIZER_NAME, NULL, &tokenizer, NULL) != SQLITE_OK
      || api->xCreateFunction (api, SD_CJK_RANK_NAME, NULL, rank_function, NULL) != SQLITE_OK)
    {
      g_set_error (error, SD_CJK_TOKENIZER_ERROR, SD_CJK_TOKENIZER_ERROR_NO_FTS5,
                   _("Cannot register the search tokenizer: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

char *
sd_cjk_fold_text (const char *text)
{
  GString *folded;
  int      n_text, next;

  g_return_val_if_fail (text != NULL, NULL);

  n_text = strlen (text);
  folded = g_string_sized_new (n_text);
  for (int pos = 0; pos < n_text; pos = next)
    g_string_append_unichar (folded, read_char (text, n_text, pos, &next));
  return g_string_free (folded, FALSE);
}

gboolean
sd_cjk_text_is_searchable (const char *text)
{
  int n_text, next;

  g_return_val_if_fail (text != NULL, FALSE);

  n_text = strlen (text);
  for (int pos = 0; pos < n_text; pos = next)
    if (classify (read_char (text, n_text, pos, &next)) != CLASS_SPACE)
      return TRUE;
  return FALSE;
}

static int
describe_token_cb (void *ctx, int tflags, const char *token, int n_token, int start, int end)
{
  GString *out = ctx;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (tflags & FTS5_TOKEN_COLOCATED)
    g_string_append_c (out, '+');
  g_string_append_len (out, token, n_token);
  return SQLITE_OK;
}

char *
sd_cjk_tokenize_to_string (const char *text, gboolean for_query)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  run_scan (out, for_query, text, strlen (text), describe_token_cb);
  return g_string_free (out, FALSE);
}
