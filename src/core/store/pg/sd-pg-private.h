/* sd-pg-private.h — what the PostgreSQL engine's files share; nothing
 * outside src/core/store/pg/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

#include "sd-pg-library.h"
#include "sd-pg-shared.h"

G_BEGIN_DECLS

struct _SdPgLibrary
{
  PGconn *conn;
  char   *location; /* as given, for messages; libpq never puts a password in it */
  /* what the connection was made with, read once by the thread that made
   * it: a second connection opened from another thread reads these, never
   * the connection itself, which the first thread may be using */
  char  **conn_keywords;
  char  **conn_values;

  /* what sd-pg-watch.c keeps */
  SdPgChangeFunc     changed;
  SdPgConnectionFunc connection;
  gpointer           watch_data;
  guint              socket_source; /* the connection's socket in the main loop */
  guint              reconnect_source; /* the next try, a second after the last */
  guint              reset_source;     /* a try under way: its socket, never blocking */
  gboolean           reconnecting;     /* from the loss until LISTEN runs again */
  guint              drain_source;  /* notifications a statement read, told when idle */
  gint64             last_change;   /* the highest change number seen */

  /* what sd-pg-batches.c keeps: the import batch this connection's pages
   * go into (0: one is made with the next page) and its kind */
  gint64             batch_id;
  SdBatchKind        batch_kind;
};

/* After each statement: notifications it read are told from the main loop. */
G_GNUC_INTERNAL void      _sd_pg_notifies_read (SdPgLibrary *self);
/* Removes what sd_pg_library_watch () added to the main loop. */
G_GNUC_INTERNAL void      _sd_pg_unwatch     (SdPgLibrary *self);
/* The session settings every connection of the library makes. */
G_GNUC_INTERNAL gboolean  _sd_pg_set_up_session (SdPgLibrary *self, GError **error);

/* Sets @error from @result, or from the connection when @result is NULL;
 * a refusal for want of rights is SD_PG_ERROR_DENIED.  Returns FALSE. */
G_GNUC_INTERNAL gboolean  _sd_pg_set_error  (SdPgLibrary *self, PGresult *result, GError **error);
/* Runs @sql with @n_params text parameters: its result, or NULL with
 * @error set; _command () keeps only whether it succeeded. */
G_GNUC_INTERNAL PGresult *_sd_pg_run         (SdPgLibrary *self, const char *sql, int n_params,
                                              const char *const *params, GError **error);
G_GNUC_INTERNAL gboolean  _sd_pg_run_command (SdPgLibrary *self, const char *sql, int n_params,
                                              const char *const *params, GError **error);
/* Rewrites the search windows of story @id from @story's fields, and its
 * headline's tokens, which rank a search (story_heads). */
G_GNUC_INTERNAL gboolean  _sd_pg_put_windows (SdPgLibrary *self, const char *id,
                                              const SdStory *story, GError **error);
/* @story, of page @page_id at @ordinal (0: after the last), with its
 * search windows, tags (@colors: nullable, name → "#rrggbb") and
 * highlights, unless a story of its uuid is there; @out_id: its id, NULL
 * when it was (sd-pg-copy.c: the copy's and the import's one way in). */
G_GNUC_INTERNAL gboolean  _sd_pg_write_story (SdPgLibrary *self, const SdStory *story,
                                              const char *page_id, gint64 ordinal,
                                              GHashTable *colors, char **out_id,
                                              GError **error);
/* A JSON array of @strings (nullable: empty), as the captions and section
 * heads are stored. (transfer full) */
G_GNUC_INTERNAL char     *_sd_pg_dup_json_strings (GPtrArray *strings);

/* A new version of a page: its earlier stories matched with the new ones,
 * the editors' work found, nothing written (sd-pg-versions.c). */
typedef struct _SdPgVersionPlan SdPgVersionPlan;
G_GNUC_INTERNAL SdPgVersionPlan *_sd_pg_plan_version (SdPgLibrary *self, const char *page_id,
                                                      GPtrArray *new_stories, GError **error);
G_GNUC_INTERNAL void      _sd_pg_version_plan_free (SdPgVersionPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPgVersionPlan, _sd_pg_version_plan_free)
/* What the plan does: stories carried, kept, dropped. */
G_GNUC_INTERNAL void      _sd_pg_version_plan_count (const SdPgVersionPlan *plan,
                                                     SdPageOutcome *outcome);
/* Writes the new version's @new_stories (their page fields filled in) on
 * page @page_id as @plan says: each story found again takes over its old
 * row, with everything that points at it. */
G_GNUC_INTERNAL gboolean  _sd_pg_carry_over  (SdPgLibrary *self, SdPgVersionPlan *plan,
                                              const char *page_id, GPtrArray *new_stories,
                                              GError **error);
/* A story's first SD_PG_STORY_PARAMS statement parameters, $1 to $10: id,
 * kind, headline, subheadline, reporter, byline, body, note, status,
 * place_code; they point into @story and @id. */
#define SD_PG_STORY_PARAMS 10
G_GNUC_INTERNAL void      _sd_pg_fill_story_params (const char **params, const char *id,
                                                    const SdStory *story);
/* @strings (nullable) as a JSON array of strings (sd-pg-copy.c). */
G_GNUC_INTERNAL char     *_sd_pg_dup_json_strings (GPtrArray *strings);
/* The ids in the first column of @result, which it frees; NULL when
 * @result is NULL. (element-type gint64) */
G_GNUC_INTERNAL GArray   *_sd_pg_take_ids   (PGresult *result);
/* @story's searched fields (headline, subheadline, body, byline, note)
 * from the first five columns of @result's first row. */
G_GNUC_INTERNAL void      _sd_pg_read_searched_fields (SdStory *story, PGresult *result);
/* Runs @func's statements in a transaction, run again (up to five times)
 * when the server undoes it for a deadlock or a serialization failure
 * (SD_PG_ERROR_RETRY): that is the server's to sort out, never the
 * editor's. */
typedef gboolean (*SdPgTransactionFunc) (SdPgLibrary *self, gpointer data, GError **error);
G_GNUC_INTERNAL gboolean  _sd_pg_transact    (SdPgLibrary *self, SdPgTransactionFunc func,
                                              gpointer data, GError **error);
/* FALSE, with @error saying what to do, unless the library's schema has
 * every step this version knows (sd-pg-schema.c). */
G_GNUC_INTERNAL gboolean  _sd_pg_check_schema (SdPgLibrary *self, GError **error);
/* Runs statements without parameters, one after another. */
G_GNUC_INTERNAL gboolean  _sd_pg_run_script (SdPgLibrary *self, const char *sql, GError **error);
/* @text quoted as an identifier or a literal; NULL when it cannot be. */
G_GNUC_INTERNAL char     *_sd_pg_quote      (SdPgLibrary *self, const char *text, gboolean identifier);

/* Appends to @sql a query of the stories that match @query, each once, as
 * story_id; @ranked, with head too: whether the headline holds every
 * wanted term.  The tsqueries are parameters added to @params and kept
 * in @owned (sd-pg-library.c).  Returns FALSE when @query has no wanted
 * term (every story not left out is a hit). */
G_GNUC_INTERNAL gboolean  _sd_pg_append_hits (GString *sql, GPtrArray *params,
                                              GPtrArray *owned, const SdQuery *query,
                                              gboolean ranked);

/* Appends to @where " AND " a condition on the story id @story_id (an SQL
 * expression) for each field of @query (tag:, place:, …), their values
 * parameters added to @params and kept in @owned (sd-pg-filters.c). */
G_GNUC_INTERNAL void      _sd_pg_append_filters (GString *where, const char *story_id,
                                                 GPtrArray *params, GPtrArray *owned,
                                                 const SdQuery *query);

/* Runs a search's @sql with the planner told to use the windows' GIN
 * index (sd-pg-library.c). */
G_GNUC_INTERNAL PGresult *_sd_pg_run_search (SdPgLibrary *self, const char *sql,
                                             GPtrArray *params, GError **error);

/* The connection @self writes on: the main loop's, or an import's, made
 * on its first call, in its worker; NULL with @error when it cannot be
 * (sd-pg-shared.c). */
G_GNUC_INTERNAL SdPgLibrary *_sd_pg_shared_get_writer (SdPgShared *self, GError **error);
/* A connection of the window's for a job's worker, made there (an
 * export's: sd-pg-export.c); NULL with @error when it cannot be. */
G_GNUC_INTERNAL SdPgLibrary *_sd_pg_shared_connect_worker (SdPgShared *self,
                                                           GCancellable *cancellable,
                                                           GError **error);
/* TRUE while the server can be reached, else FALSE with
 * SD_LIBRARY_ERROR_OFFLINE. */
G_GNUC_INTERNAL gboolean  _sd_pg_shared_check_online (SdPgShared *self, GError **error);
/* The importer's functions of SdLibrary on a shared library: pages known
 * and imported (sd-pg-import.c). */
G_GNUC_INTERNAL void      _sd_pg_shared_import_init (SdLibraryInterface *iface);
/* A JSON export merged in, an admin's (sd-pg-exchange.c). */
G_GNUC_INTERNAL void      _sd_pg_shared_exchange_init (SdLibraryInterface *iface);
/* @local_error (taken) passed on as the window reads it: a lost connection
 * as SD_LIBRARY_ERROR_OFFLINE, a conflict as SD_STORE_ERROR_CHANGED. */
G_GNUC_INTERNAL gboolean  _sd_pg_shared_fail (SdPgShared *self, GError *local_error,
                                              GError **error);
/* Corrections and page details (sd-pg-corrections.c), the trash
 * (sd-pg-trash.c): their functions of SdLibrary on a shared library. */
G_GNUC_INTERNAL void      _sd_pg_shared_corrections_init (SdLibraryInterface *iface);
G_GNUC_INTERNAL void      _sd_pg_shared_trash_init (SdLibraryInterface *iface);

/* sd-pg-marks.c: what editors mark on a story, each write bumping its
 * version (so told to every window and seen by an undo).  A highlight of
 * @wanted's characters [start, end) of the body and its comment, quoted
 * with its context as a personal library keeps it; one taken off (SD_PG_ERROR_NOT_FOUND when the
 * story has it no longer); a theme turned down or (!@dismiss) taken back,
 * @out_changed (optional): whether it was not so already. */
G_GNUC_INTERNAL gboolean  sd_pg_library_add_highlight (SdPgLibrary *self, gint64 id,
                                                       const SdHighlight *wanted,
                                                       gint64 *out_id, GError **error);
G_GNUC_INTERNAL gboolean  sd_pg_library_remove_highlight (SdPgLibrary *self, gint64 id,
                                                          gint64 highlight_id, GError **error);
G_GNUC_INTERNAL gboolean  sd_pg_library_dismiss_theme (SdPgLibrary *self, gint64 id,
                                                       const char *theme, gboolean dismiss,
                                                       gboolean *out_changed, GError **error);
/* (element-type utf8) by name */
G_GNUC_INTERNAL GPtrArray *sd_pg_library_list_dismissed_themes (SdPgLibrary *self, gint64 id,
                                                                GError **error);
/* sd-pg-organise.c: saved searches as a personal library keeps them (the
 * list with live counts, element-type SdSavedSearch), a saved search
 * being an editor's (编辑) to keep; tags renamed (merged into an existing
 * name) or recoloured, a reviewer's (审稿).  Told as change 0. */
G_GNUC_INTERNAL gboolean  sd_pg_library_save_search (SdPgLibrary *self, const char *name,
                                                     const char *query, GError **error);
G_GNUC_INTERNAL GPtrArray *sd_pg_library_list_saved_searches (SdPgLibrary *self, GError **error);
G_GNUC_INTERNAL gboolean  sd_pg_library_delete_search (SdPgLibrary *self, const char *name,
                                                       GError **error);
G_GNUC_INTERNAL gboolean  sd_pg_library_rename_tag (SdPgLibrary *self, const char *tag,
                                                    const char *new_name, GError **error);
G_GNUC_INTERNAL gboolean  sd_pg_library_set_tag_color (SdPgLibrary *self, const char *tag,
                                                       const char *color, GError **error);

/* sd-pg-shared-marks.c: highlights, themes turned down, saved searches,
 * tags renamed and recoloured, and a story read for the edit history, on
 * a shared library; @local_error, which it takes, as the window is told it
 * (a lost connection as such, a conflict as SD_STORE_ERROR_CHANGED)
 * (sd-pg-shared.c). */
G_GNUC_INTERNAL void      _sd_pg_shared_marks_init (SdLibraryInterface *iface);
G_GNUC_INTERNAL gboolean  _sd_pg_shared_fail (SdPgShared *self, GError *local_error,
                                              GError **error);

/* sd-pg-pages.c: a page's text and its stories' OCR repairs (schema step
 * 8, _sd_pg_step_pages_sql); the text written with the file's @encoding
 * and @size where the page row lacks them (nullable: a copy's), a story's
 * repairs replaced by @story's; the rows of a story's repairs as
 * sd-pg-read.c reads them, [id, kind, start, end, detail]; a page's text
 * (NULL when none is kept) with its file's encoding and size; the page view's
 * read; SdPgShared's side of it (sd_pg_shared_read_story_page_async ()). */
G_GNUC_INTERNAL extern const char _sd_pg_step_pages_sql[];
G_GNUC_INTERNAL gboolean  _sd_pg_put_page_text (SdPgLibrary *self, const char *page_id,
                                                const char *text, const char *encoding,
                                                gint64 size, GError **error);
G_GNUC_INTERNAL gboolean  _sd_pg_put_repairs (SdPgLibrary *self, const char *id,
                                              const SdStory *story, GError **error);
G_GNUC_INTERNAL GPtrArray *_sd_pg_parse_repairs (JsonArray *rows);
G_GNUC_INTERNAL gboolean  _sd_pg_read_page_text (SdPgLibrary *self, gint64 page_id,
                                                 char **out_text, char **out_encoding,
                                                 gint64 *out_size, GError **error);
G_GNUC_INTERNAL SdStoryPage *sd_pg_library_read_story_page (SdPgLibrary *self, gint64 story_id,
                                                            GError **error);
G_GNUC_INTERNAL void      _sd_pg_shared_pages_init (SdLibraryInterface *iface);
/* A read in the worker of @self's reads, on its connection (sd-pg-shared.c). */
typedef gpointer (*SdPgReadFunc) (SdPgLibrary *reader, gpointer data, GError **error);
G_GNUC_INTERNAL void      _sd_pg_shared_start_read (SdPgShared *self, gpointer tag,
                                                    SdPgReadFunc func, GDestroyNotify free_result,
                                                    gpointer data, GDestroyNotify free_data,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer user_data);
G_GNUC_INTERNAL gpointer  _sd_pg_shared_finish_read (SdPgShared *self, GAsyncResult *result,
                                                     gpointer tag, GError **error);
/* sd-pg-copy.c: a highlight written unless the story has it (its span and
 * quote), for a copy and a JSON export merged (sd-pg-exchange.c). */
G_GNUC_INTERNAL gboolean  _sd_pg_put_highlight (SdPgLibrary *self, const char *id,
                                                const SdHighlight *highlight, gint64 start,
                                                gint64 end, const char *created,
                                                gboolean *out_added, GError **error);
/* sd-pg-batches.c: import batches and story history.  The schema's step
 * for them (sd-pg-schema.c); page @page_id filed in the connection's
 * batch, made with the first page; SdPgShared's side (begin_batch, the
 * lists, find_story). */
extern const char _sd_pg_schema_batches_sql[];
G_GNUC_INTERNAL gboolean  _sd_pg_file_page_in_batch (SdPgLibrary *self, const char *page_id,
                                                     GError **error);
/* Story @story_id's @history (element-type SdHistoryEntry: a personal
 * library's, sd-pg-copy.c) kept as its own. */
G_GNUC_INTERNAL gboolean  _sd_pg_keep_history (SdPgLibrary *self, const char *story_id,
                                               GPtrArray *history, GError **error);
G_GNUC_INTERNAL void      _sd_pg_shared_batches_init (SdLibraryInterface *iface);
/* sd-pg-trash.c: the stories of page @page_id that went to the trash with
 * it or its batch brought back (its file imported again), @out_n how many. */
/* An admin's open: the trash's stories older than SD_STORE_TRASH_DAYS
 * purged (a failure only logged: the library opens all the same); nothing
 * for another role. */
G_GNUC_INTERNAL void      _sd_pg_purge_as_admin (SdPgLibrary *self);
G_GNUC_INTERNAL gboolean  _sd_pg_restore_page (SdPgLibrary *self, const char *page_id,
                                               guint *out_n, GError **error);

G_END_DECLS
