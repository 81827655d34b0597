/* sd-cjk-tokenizer.c — an FTS5 tokenizer for Chinese newspaper text, and
 * the ranking function that goes with it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions: every Han character takes one position, every Latin word or
 * number one; punctuation and spaces take none.  In a document the position
 * of character c holds the bigram c+next when the next character is Han
 * too, else the unigram c; the first character of a run of Han also holds
 * its unigram, colocated.  Every position thus holds one token that starts
 * with its character.  A query asks for:
 *
 *   one character     any token starting with it (a prefix query: its
 *                     bigrams and its unigram, sd_cjk_dup_fts_phrase ());
 *   n ≥ 2 characters  the n − 1 bigrams at consecutive positions, which match
 *                     exactly where the n characters stand side by side;
 *
 * and when more tokens follow a run of two or more in the same phrase
 * ("标题3"), also the run's last character, as a prefix, so the following
 * token lands on the right position.  Unigrams inside runs are not indexed
 * (#16): they were a third of the index, and the prefix finds what they
 * found.
 */
#define G_LOG_DOMAIN "sd-cjk-tokenizer"

#include "config.h"

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
  void          *ctx;
  SdCjkTokenFunc emit;
  gboolean       query;

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
  if (scan->owed != 0 && !(tflags & SD_CJK_TOKEN_COLOCATED))
    {
      char buffer[8];
      int  n = g_unichar_to_utf8 (scan->owed, buffer);
      int  rc;

      scan->owed = 0;
      rc = scan->emit (scan->ctx, 0, buffer, n, scan->owed_start, scan->owed_end);
      if (rc != 0)
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
    return 0;
  rc = emit (scan, 0, scan->word->str, scan->word->len, scan->word_start, scan->word_end);
  g_string_truncate (scan->word, 0);
  return rc;
}

static int
end_run (Scan *scan)
{
  gunichar last = scan->prev;

  if (last == 0)
    return 0;
  scan->prev = 0;
  if (scan->query && scan->run_length > 1)
    {
      scan->owed = last;
      scan->owed_start = scan->prev_start;
      scan->owed_end = scan->prev_end;
      return 0;
    }
  return emit_unigram (scan, 0, last, scan->prev_start, scan->prev_end);
}

static int
add_cjk (Scan *scan, gunichar c, int start, int end)
{
  int rc = 0;

  if (scan->prev != 0)
    {
      char bigram[16];
      int  n = g_unichar_to_utf8 (scan->prev, bigram);

      n += g_unichar_to_utf8 (c, bigram + n);
      rc = emit (scan, 0, bigram, n, scan->prev_start, end);
      /* the run's first character: its unigram too (see the top) */
      if (rc == 0 && !scan->query && scan->run_length == 1)
        rc = emit_unigram (scan, SD_CJK_TOKEN_COLOCATED, scan->prev, scan->prev_start,
                           scan->prev_end);
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
  int rc = 0;
  int next;

  for (int pos = 0; pos < n_text && rc == 0; pos = next)
    {
      gunichar c = read_char (text, n_text, pos, &next);
      CharClass class = classify (c);

      if (class != CLASS_WORD)
        rc = flush_word (scan);
      if (class != CLASS_CJK && rc == 0)
        rc = end_run (scan);
      if (rc != 0)
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
  if (rc == 0)
    rc = flush_word (scan);
  if (rc == 0)
    rc = end_run (scan);
  return rc;
}

static int
run_scan (void *ctx, gboolean query, const char *text, int n_text, SdCjkTokenFunc token_cb)
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

/**
 * sd_cjk_tokenize:
 * @text: (array length=n_text): UTF-8, possibly damaged
 * @for_query: a query's tokens (a run's last character only when another
 *   token follows it) rather than a document's
 * @func: called for each token, with #SD_CJK_TOKEN_COLOCATED in its flags
 *   when it shares the position of the one before; a non-zero return stops
 *   the walk
 *
 * Returns: 0, or what @func returned to stop.
 */
int
sd_cjk_tokenize (
    const char *text, int n_text, gboolean for_query, SdCjkTokenFunc func, void *user_data)
{
  return run_scan (user_data, for_query, text, n_text, func);
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

typedef struct
{
  GString *out;
  guint    n_tokens;
  gboolean has_prefix;
} Phrase;

/* One token, quoted; a Han character alone a prefix.  @separator goes
 * before every token but the first. */
static int
add_token (Phrase *phrase, const char *separator, const char *token, int n_token)
{
  gunichar c = g_utf8_get_char (token);

  if (phrase->n_tokens++ > 0)
    g_string_append (phrase->out, separator);
  g_string_append_c (phrase->out, '"');
  g_string_append_len (phrase->out, token, n_token); /* never a quote: not indexed */
  g_string_append_c (phrase->out, '"');
  /* a Han character alone: the index holds it as the start of a bigram */
  if (classify (c) == CLASS_CJK && g_utf8_next_char (token) == token + n_token)
    {
      g_string_append_c (phrase->out, '*');
      phrase->has_prefix = TRUE;
    }
  return 0;
}

static int
add_phrase_token_cb (void *ctx, int tflags, const char *token, int n_token, int start, int end)
{
  return add_token (ctx, " + ", token, n_token);
}

char *
sd_cjk_dup_fts_phrase (const char *text)
{
  Phrase phrase = { g_string_new (NULL), 0, FALSE };

  g_return_val_if_fail (text != NULL, NULL);

  run_scan (&phrase, TRUE, text, strlen (text), add_phrase_token_cb);
  if (phrase.has_prefix)
    return g_string_free (phrase.out, FALSE);
  /* no lone character: the text as one string, which FTS5 tokenizes the same */
  g_string_assign (phrase.out, "\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase.out, '"');
      g_string_append_c (phrase.out, *p);
    }
  g_string_append_c (phrase.out, '"');
  return g_string_free (phrase.out, FALSE);
}

/* The index keeps no positions (#16: `detail=none`), so a term of several
 * tokens is asked of it as all of its tokens, anywhere in the story, and
 * each story found is checked against the term's text (SdCjkTerm). */
static int
add_any_order_token_cb (void *ctx, int tflags, const char *token, int n_token, int start, int end)
{
  return add_token (ctx, " AND ", token, n_token);
}

char *
sd_cjk_dup_fts_tokens (const char *text, gboolean *exact)
{
  Phrase phrase = { g_string_new (NULL), 0, FALSE };

  g_return_val_if_fail (text != NULL, NULL);

  run_scan (&phrase, TRUE, text, strlen (text), add_any_order_token_cb);
  if (exact != NULL)
    *exact = phrase.n_tokens <= 1;
  return g_string_free (phrase.out, FALSE);
}

/* A term's query tokens in order, as FTS5 would match them as a phrase:
 * token i at position p + i, a prefix token as the start of one there. */
typedef struct
{
  char    *token;
  gboolean prefix;
} TermToken;

struct _SdCjkTerm
{
  GArray *tokens;  /* (element-type TermToken) */
  char   *compact; /* the term's Han characters alone, when it holds nothing else */
};

static void
term_token_clear (gpointer data)
{
  g_free (((TermToken *) data)->token);
}

static int
add_term_token_cb (void *ctx, int tflags, const char *token, int n_token, int start, int end)
{
  GArray   *tokens = ctx;
  TermToken t = { g_strndup (token, n_token), FALSE };

  t.prefix = classify (g_utf8_get_char (token)) == CLASS_CJK
             && g_utf8_next_char (token) == token + n_token;
  g_array_append_val (tokens, t);
  return 0;
}

SdCjkTerm *
sd_cjk_term_new (const char *text)
{
  SdCjkTerm *term = g_new0 (SdCjkTerm, 1);
  GString   *compact = g_string_new (NULL);
  int        n_text, next;

  g_return_val_if_fail (text != NULL, NULL);

  n_text = strlen (text);
  term->tokens = g_array_new (FALSE, FALSE, sizeof (TermToken));
  g_array_set_clear_func (term->tokens, term_token_clear);
  run_scan (term->tokens, TRUE, text, n_text, add_term_token_cb);
  /* Common Han characters fold to themselves and stand side by side in
   * the index only when they do in the text: such a term found in the
   * text as it is needs no tokens. */
  for (int pos = 0; pos < n_text && compact != NULL; pos = next)
    {
      gunichar c = read_char (text, n_text, pos, &next);

      if (c >= 0x4E00 && c <= 0x9FFF)
        g_string_append_unichar (compact, c);
      else if (classify (c) != CLASS_SPACE)
        {
          g_string_free (compact, TRUE);
          compact = NULL;
        }
    }
  if (compact != NULL)
    term->compact = g_string_free (compact, compact->len == 0);
  return term;
}

void
sd_cjk_term_free (SdCjkTerm *term)
{
  if (term == NULL)
    return;
  g_array_unref (term->tokens);
  g_free (term->compact);
  g_free (term);
}

/* One pass over a document's tokens: which starts of the term are still
 * going at the position being read. */
typedef struct
{
  const SdCjkTerm *term;
  gboolean        *going;   /* going[k]: the term's first k tokens ended at the last position */
  gboolean        *matches; /* matches[k]: a token at this position matches the term's token k */
  gboolean         open;    /* a position has been started */
} TermScan;

static gboolean
token_matches (const TermToken *t, const char *token, int n_token)
{
  size_t n = strlen (t->token);

  if (t->prefix ? (size_t) n_token < n : (size_t) n_token != n)
    return FALSE;
  return memcmp (t->token, token, n) == 0;
}

/* Ends the position read: TRUE when the term's last token landed on it. */
static gboolean
close_position (TermScan *scan)
{
  guint n = scan->term->tokens->len;

  for (guint k = n; k > 0; k--)
    scan->going[k] = scan->going[k - 1] && scan->matches[k - 1];
  memset (scan->matches, 0, n * sizeof (gboolean));
  scan->open = FALSE;
  return scan->going[n];
}

static int
find_term_token_cb (void *ctx, int tflags, const char *token, int n_token, int start, int end)
{
  TermScan *scan = ctx;
  GArray   *tokens = scan->term->tokens;

  if (scan->open && !(tflags & SD_CJK_TOKEN_COLOCATED) && close_position (scan))
    return 1;
  scan->open = TRUE;
  for (guint k = 0; k < tokens->len; k++)
    scan->matches[k] |= token_matches (&g_array_index (tokens, TermToken, k), token, n_token);
  return 0;
}

gboolean
sd_cjk_term_found_in (const SdCjkTerm *term, const char *text, int n_text)
{
  guint                n;
  TermScan             scan = { term };
  gboolean             found;
  g_autofree gboolean *going = NULL, *matches = NULL;

  g_return_val_if_fail (term != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (n_text < 0)
    n_text = strlen (text);
  /* glibc's strstr (), far faster than g_strstr_len (): most stories the
   * index gives hold the term as it is */
  if (term->compact != NULL && text[n_text] == '\0' && strstr (text, term->compact) != NULL)
    return TRUE;
  n = term->tokens->len;
  if (n == 0)
    return FALSE;
  scan.going = going = g_new0 (gboolean, n + 1);
  scan.matches = matches = g_new0 (gboolean, n);
  scan.going[0] = TRUE; /* a start at every position */
  found = run_scan (&scan, FALSE, text, n_text, find_term_token_cb) != 0;
  return found || (scan.open && close_position (&scan));
}

static int
describe_token_cb (void *ctx, int tflags, const char *token, int n_token, int start, int end)
{
  GString *out = ctx;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (tflags & SD_CJK_TOKEN_COLOCATED)
    g_string_append_c (out, '+');
  g_string_append_len (out, token, n_token);
  return 0;
}

char *
sd_cjk_tokenize_to_string (const char *text, gboolean for_query)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  run_scan (out, for_query, text, strlen (text), describe_token_cb);
  return g_string_free (out, FALSE);
}
