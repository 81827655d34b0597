/* sd-store-write-private.h — the write guard every store write goes through;
 * nothing outside src/core/store/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store-edit.h"
#include "sd-store-private.h"

G_BEGIN_DECLS

/* One write transaction.  Declared with g_auto, it rolls back when it goes
 * out of scope uncommitted, so a write reads:
 *
 *   g_auto (SdStoreWrite) write = SD_STORE_WRITE_INIT;
 *   if (!_sd_store_write_begin (self, &write, error))
 *     return FALSE;
 *   …
 *   return _sd_store_write_commit (&write, error);
 *
 * The signals for what it changed are collected and emitted only after the
 * commit; a rolled back write announces nothing.
 *
 * Inside sd_store_run_edit() a write joins the edit's own transaction: its
 * commit hands what it changed to the edit's write, and its failure makes
 * the whole edit roll back. */
typedef struct _SdStoreWrite SdStoreWrite;
struct _SdStoreWrite
{
  SdStore      *store;   /* set while the transaction is open */
  SdStoreWrite *outer;   /* (nullable) the edit's write this one joined */
  char         *now;     /* the time stamped on what the write changes */
  GArray       *stories; /* (element-type gint64) for SdStore::story-changed */
  gboolean      tags;    /* for SdStore::tags-changed */
};

#define SD_STORE_WRITE_INIT { NULL, NULL, NULL, NULL, FALSE }

G_GNUC_INTERNAL gboolean _sd_store_write_begin        (SdStore *self, SdStoreWrite *write, GError **error);
/* The one commit of the store: commits, then emits the collected signals. */
G_GNUC_INTERNAL gboolean _sd_store_write_commit       (SdStoreWrite *write, GError **error);
/* Rolls back unless committed; frees what was collected. */
G_GNUC_INTERNAL void     _sd_store_write_clear        (SdStoreWrite *write);
/* Stamps the editor and time on a story and announces it on commit; fails
 * with NOT_FOUND for a missing story. */
G_GNUC_INTERNAL gboolean _sd_store_write_touch_story  (SdStoreWrite *write, gint64 story_id, GError **error);
/* Announces story-changed for @story_id on commit, stamping nothing. */
G_GNUC_INTERNAL void     _sd_store_write_announce_story (SdStoreWrite *write, gint64 story_id);
/* Announces tags-changed on commit. */
G_GNUC_INTERNAL void     _sd_store_write_notify_tags  (SdStoreWrite *write);
/* Reads the story as it is into @out->story (nothing when @out is NULL). */
G_GNUC_INTERNAL gboolean _sd_store_write_read_before  (SdStoreWrite *write, gint64 story_id, SdStoreReplaced *out, GError **error);

/* Removes the stories a stopped import left of partial page @page_id, a
 * batch to a transaction (committing @write between them), then the page. */
G_GNUC_INTERNAL gboolean _sd_store_remove_partial_page (SdStoreWrite *write, gint64 page_id, GError **error);
/* The same for each page id @stmt (bound, not yet stepped) selects. */
G_GNUC_INTERNAL gboolean _sd_store_remove_partial_pages (SdStoreWrite *write, sqlite3_stmt *stmt, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdStoreWrite, _sd_store_write_clear)

G_END_DECLS
