/* sd-store-fts5.c — Storydesk's tokens (search/sd-cjk-tokenizer.c) as an
 * FTS5 tokenizer, and the check of a term in a story's text that goes with
 * it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-cjk-tokenizer.h"
#include "sd-store-fts5.h"
#include "sd-store.h"

G_STATIC_ASSERT (SD_CJK_TOKEN_COLOCATED == FTS5_TOKEN_COLOCATED);

/* FTS5 wants an instance; the tokenizer keeps no state. */
static int tokenizer_instance;

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
  return sd_cjk_tokenize (text, n_text, (flags & FTS5_TOKENIZE_QUERY) != 0, token_cb, ctx);
}

/* sd_fts_holds (term, text…): 1 when one of the texts holds @term as a
 * search finds it.  The index keeps no positions (`detail=none`, #16), so
 * a term of several tokens is asked of it as all its tokens anywhere,
 * and each story so found is checked here.  The term is read once a
 * statement (SQLite keeps it as the argument's auxiliary data). */
static void
holds_function (sqlite3_context *ctx, int n_values, sqlite3_value **values)
{
  SdCjkTerm *term = sqlite3_get_auxdata (ctx, 0);

  if (term == NULL)
    {
      const char *text = (const char *) sqlite3_value_text (values[0]);

      term = sd_cjk_term_new (text != NULL ? text : "");
      sqlite3_set_auxdata (ctx, 0, term, (void (*) (void *)) sd_cjk_term_free);
      /* SQLite may have freed it already when it could not keep it */
      term = sqlite3_get_auxdata (ctx, 0);
      if (term == NULL)
        {
          sqlite3_result_error_nomem (ctx);
          return;
        }
    }
  for (int i = 1; i < n_values; i++)
    {
      const char *text = (const char *) sqlite3_value_text (values[i]);

      if (sd_cjk_term_found_in (term, text, sqlite3_value_bytes (values[i])))
        {
          sqlite3_result_int (ctx, 1);
          return;
        }
    }
  sqlite3_result_int (ctx, 0);
}

/* Whether this thread feeds the index itself, a batch of stories at a
 * time (sd-store-import.c): the insert trigger asks, through
 * sd_fts_deferred (), and stays out of it.  A connection is used by one
 * thread at a time, so the thread's flag is the connection's. */
static GPrivate fts_deferred;

static void
deferred_function (sqlite3_context *ctx, int n_values, sqlite3_value **values)
{
  sqlite3_result_int (ctx, g_private_get (&fts_deferred) != NULL);
}

void
_sd_store_fts5_defer (gboolean defer)
{
  g_private_set (&fts_deferred, defer ? GINT_TO_POINTER (1) : NULL);
}

/* All of @in through @converter; the output's length in @out_length.
 * NULL with @error set when the input is damaged. */
static guint8 *
convert_all (GConverter   *converter,
             const guint8 *in,
             gsize         n_in,
             gsize         size,
             gsize        *out_length,
             GError      **error)
{
  g_autofree guint8 *out = g_malloc (size);
  gsize              n_read = 0, n_written = 0;

  for (;;)
    {
      g_autoptr (GError) local_error = NULL;
      gsize            read = 0, written = 0;
      GConverterResult result = g_converter_convert (
          converter, in + n_read, n_in - n_read, out + n_written, size - n_written,
          G_CONVERTER_INPUT_AT_END, &read, &written, &local_error);

      n_read += read;
      n_written += written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) || n_written == size)
        out = g_realloc (out, size *= 2);
      else if (result == G_CONVERTER_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  *out_length = n_written;
  return g_steal_pointer (&out);
}

/* A page's text is kept deflated (#16): the stories hold the same text
 * again, cut and searchable, and the page is only read to show it.
 * sd_page_pack (text) deflates (its user data non-NULL), sd_page_text
 * (stored) inflates; a value of the other type goes through as it is (a
 * TEXT value is a page stored before). */
static void
page_function (sqlite3_context *ctx, int n_values, sqlite3_value **values)
{
  gboolean pack = sqlite3_user_data (ctx) != NULL;
  g_autoptr (GConverter) converter = NULL;
  g_autoptr (GError) error = NULL;
  gsize   n_in, length = 0;
  guint8 *out;

  if (sqlite3_value_type (values[0]) != (pack ? SQLITE_TEXT : SQLITE_BLOB))
    {
      sqlite3_result_value (ctx, values[0]);
      return;
    }
  converter = pack ? G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 6))
                   : G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
  n_in = sqlite3_value_bytes (values[0]);
  out = convert_all (converter, sqlite3_value_blob (values[0]), n_in,
                     pack ? n_in / 2 + 64 : n_in * 3 + 64, &length, &error);
  if (out == NULL)
    {
      /* a damaged page reads as empty, as a missing one would */
      g_warning ("A page's stored text cannot be read: %s", error->message);
      sqlite3_result_text (ctx, "", 0, SQLITE_STATIC);
    }
  else if (pack)
    sqlite3_result_blob64 (ctx, out, length, g_free);
  else
    sqlite3_result_text64 (ctx, (char *) out, length, g_free, SQLITE_UTF8);
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
 * sd_store_register_fts5:
 * @db: a connection
 *
 * Registers the tokenizer "sd_cjk", the search's check "sd_fts_holds", the
 * trigger's "sd_fts_deferred" and the page text's "sd_page_pack" and
 * "sd_page_text" on @db.  Every connection that writes
 * stories needs them, since the index is kept by triggers.
 */
gboolean
sd_store_register_fts5 (sqlite3 *db, GError **error)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("This SQLite (%s) has no full-text search (FTS5)"), sqlite3_libversion ());
      return FALSE;
    }
  /* not SQLITE_DIRECTONLY: the schema's trigger calls it */
  if (api->xCreateTokenizer (api, SD_STORE_FTS5_TOKENIZER, NULL, &tokenizer, NULL) != SQLITE_OK
      || sqlite3_create_function (db, SD_STORE_FTS5_HOLDS, -1,
                                  SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, NULL,
                                  holds_function, NULL, NULL)
             != SQLITE_OK
      || sqlite3_create_function (db, SD_STORE_FTS5_DEFERRED, 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                  NULL, deferred_function, NULL, NULL)
             != SQLITE_OK
      || sqlite3_create_function (db, SD_STORE_PAGE_PACK, 1,
                                  SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
                                  GINT_TO_POINTER (1), page_function, NULL, NULL)
             != SQLITE_OK
      || sqlite3_create_function (db, SD_STORE_PAGE_TEXT, 1,
                                  SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC, NULL,
                                  page_function, NULL, NULL)
             != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("Cannot register the search tokenizer: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}
