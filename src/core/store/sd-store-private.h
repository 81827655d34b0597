/* sd-store-private.h — what the store's source files share; nothing outside src/core/store/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <sqlite3.h>

#include "sd-library.h"
#include "sd-store-async.h"
#include "sd-store.h"

G_BEGIN_DECLS

typedef struct _SdStoreWorker SdStoreWorker;
typedef struct _SdStoreWatch  SdStoreWatch;
typedef struct _SdStoreCheck  SdStoreCheck;

struct _SdStore
{
  GObject     parent_instance;

  char       *path;
  char       *editor;
  sqlite3    *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt*, prepared once */
  SdStoreWorker *worker;  /* (nullable) the read connection (sd-store-async.c) */
  SdStoreWatch  *watch;   /* (nullable) the data_version watcher (sd-store-watch.c) */
  GThread       *read_guard; /* (nullable) the thread whose reads outside a
                              * write are reported (sd_store_forbid_main_thread_reads()) */
  struct _SdStoreWrite *edit_write; /* (nullable) the write sd_store_run_edit() holds
                                     * open, which the writes it runs join */
  SdBatchKind    batch_kind; /* of the batch the pages this connection stores go into */
  gint64         batch_id;   /* that batch, 0 until its first page (sd-store-trash.c) */
  GError        *damaged;    /* (nullable) what the weekly check found: writes refused */
  SdStoreCheck  *check;      /* (nullable) the quick_check left until after the window
                              * shows, shared with the worker connections: writes wait
                              * for it (sd-store-library.c) */
};

/* Lists read the short fields; the full record adds the long ones. */
#define STORY_COLUMNS                                                              \
  "s.id, s.page_id, p.file, s.source_start, s.source_end, s.kind, s.headline, "    \
  "s.subheadline, s.reporter, s.byline, s.truncated, s.place_code, "               \
  "s.place_confidence, s.place_by_editor, s.note, s.status, s.editor, s.updated, " \
  "(SELECT group_concat (t.name, char (31)) FROM story_tags st "                   \
  "   JOIN tags t ON t.id = st.tag_id WHERE st.story_id = s.id), "                   \
  "substr (s.body, 1, 40), s.uuid, p.paper, p.issue_date, p.page_no, s.trashed"
#define FULL_STORY_COLUMNS STORY_COLUMNS ", s.body, s.captions, s.section_headings"
#define STORY_FROM " FROM stories s JOIN pages p ON p.id = s.page_id "
#define STORY_ORDER " ORDER BY s.page_id, s.ordinal"

/* What a database file is, by its header and tables (sd-store-library.c). */
typedef enum
{
  SD_STORE_KIND_OTHER,     /* not a library: refused, @error set */
  SD_STORE_KIND_EMPTY,     /* no tables at all: a library to be made */
  SD_STORE_KIND_OLDER,     /* Storydesk's tables, without the application id */
  SD_STORE_KIND_STORYDESK,
} SdStoreKind;

G_GNUC_INTERNAL SdStoreKind   _sd_store_recognise       (sqlite3 *db, const char *path, GError **error);
/* PRAGMA quick_check, given a few seconds at most; DAMAGED when it finds damage. */
G_GNUC_INTERNAL gboolean      _sd_store_quick_check     (sqlite3 *db, const char *path, GError **error);
/* The quick_check of a library opened with SD_STORE_OPEN_CHECK_LATER, run
 * once on a read-only connection of its own by the first caller of
 * _sd_store_check_settle () (the others wait for it): TRUE when it passed,
 * else DAMAGED, the same to every caller. */
G_GNUC_INTERNAL SdStoreCheck *_sd_store_check_new       (const char *path);
G_GNUC_INTERNAL SdStoreCheck *_sd_store_check_ref       (SdStoreCheck *check);
G_GNUC_INTERNAL void          _sd_store_check_unref     (SdStoreCheck *check);
G_GNUC_INTERNAL gboolean      _sd_store_check_settle    (SdStoreCheck *check, GError **error);
/* Copies the library aside, keeping the last three such copies. */
G_GNUC_INTERNAL gboolean      _sd_store_backup_before_migration (SdStore *self, int version, GError **error);
/* A copy in "backups" beside the library, the newest @keep of @family kept. */
G_GNUC_INTERNAL gboolean      _sd_store_backup_rotating (SdStore *self, const char *kind, const char *family, guint keep, char **out_path, GError **error);
/* integrity_check stopped after @budget_us (0: none), *@out_interrupted said. */
G_GNUC_INTERNAL gboolean      _sd_store_check_file_within (const char *path, gint64 budget_us, gboolean *out_interrupted, GError **error);

/* Brings the library to the current schema, a transaction a migration;
 * @cancellable stops it, rolled back (sd-store-upgrade.c). */
G_GNUC_INTERNAL gboolean      _sd_store_migrate         (SdStore *self, GCancellable *cancellable, GError **error);
/* One step of the schema: what it does to a library, and its SQL. */
typedef struct
{
  SdStoreUpgrade work;
  const char    *sql;
} SdStoreMigration;
/* Each entry brings a library from user_version i to i + 1 (sd-store-schema.c). */
G_GNUC_INTERNAL extern const SdStoreMigration _sd_store_migrations[];
G_GNUC_INTERNAL extern const guint _sd_store_n_migrations;

G_GNUC_INTERNAL gboolean      _sd_store_set_sql_error   (SdStore *self, GError **error, const char *what);
G_GNUC_INTERNAL gboolean      _sd_store_exec            (SdStore *self, const char *sql, GError **error);
G_GNUC_INTERNAL sqlite3_stmt *_sd_store_get_statement   (SdStore *self, const char *sql, GError **error);
G_GNUC_INTERNAL void          _sd_store_bind_text       (sqlite3_stmt *stmt, int index, const char *text);
G_GNUC_INTERNAL void          _sd_store_bind_scope      (sqlite3_stmt *stmt, const SdScope *scope);
G_GNUC_INTERNAL gboolean      _sd_store_step_done       (SdStore *self, sqlite3_stmt *stmt, GError **error);
/* Runs @sql (a static string) with ?1 = @first and ?2 = @second. */
G_GNUC_INTERNAL gboolean      _sd_store_run_pair        (SdStore *self, const char *sql, gint64 first, gint64 second, GError **error);
G_GNUC_INTERNAL char         *_sd_store_dup_column_text (sqlite3_stmt *stmt, int column);
/* The rows of @sql (a static string), a key and a count each, as a table
 * key → gint64* (sd-store-dates.c); NULL with @error. */
G_GNUC_INTERNAL GHashTable   *_sd_store_read_counts     (SdStore *self, const char *sql, const char *what, GError **error);
G_GNUC_INTERNAL GPtrArray    *_sd_store_split_column    (sqlite3_stmt *stmt, int column, const char *separator);
G_GNUC_INTERNAL char         *_sd_store_join_array      (GPtrArray *array);
G_GNUC_INTERNAL SdStory      *_sd_store_read_story_row  (sqlite3_stmt *stmt, gboolean full);
G_GNUC_INTERNAL char         *_sd_store_dup_now         (void);
/* Emit SdStore::tags-changed and ::story-changed; only the write guard's
 * commit calls them (sd-store-write.c). */
G_GNUC_INTERNAL void          _sd_store_notify_tags     (SdStore *self);
G_GNUC_INTERNAL void          _sd_store_notify_story    (SdStore *self, gint64 story_id);
/* A new version of a page (sd-store-versions.c): the plan matches the old
 * page's stories with @new_stories, writing nothing, and counts the
 * untouched old stories that match none (they would be dropped); carrying
 * it over moves what editors added to the old stories onto the matching
 * new ones, keeps unmatched annotated old stories on the new page, deletes
 * the old page. */
typedef struct _SdVersionPlan SdVersionPlan;
G_GNUC_INTERNAL SdVersionPlan *_sd_store_plan_version   (SdStore *self, gint64 old_page_id, GPtrArray *new_stories, GError **error);
G_GNUC_INTERNAL guint         _sd_version_plan_get_n_dropped (const SdVersionPlan *plan);
G_GNUC_INTERNAL void          _sd_version_plan_free     (SdVersionPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdVersionPlan, _sd_version_plan_free)
G_GNUC_INTERNAL gboolean      _sd_store_carry_over      (SdStore *self, SdVersionPlan *plan, gint64 new_page_id, guint *out_carried, guint *out_kept, GError **error);
/* Files a page just stored into this connection's batch, making the batch
 * with its first page (sd-store-trash.c). */
G_GNUC_INTERNAL gboolean      _sd_store_file_page_in_batch (SdStore *self, gint64 page_id, const char *now, GError **error);
/* Brings back the stories of a page that went to the trash with it or its
 * batch (a page imported again); @out_n: how many. */
G_GNUC_INTERNAL gboolean      _sd_store_restore_page    (struct _SdStoreWrite *write, gint64 page_id, guint *out_n, GError **error);
/* Purges what stayed in the trash longer than SD_STORE_TRASH_DAYS. */
G_GNUC_INTERNAL gboolean      _sd_store_purge_trash     (SdStore *self, GError **error);
/* Keeps in the history the note and status of @older that differ from
 * @newer's, unless kept already; sets @out_kept (sd-store-history.c). */
G_GNUC_INTERNAL gboolean      _sd_store_keep_older_edit (SdStore *self, gint64 story_id, const SdStory *older, const SdStory *newer, const char *now, gboolean *out_kept, GError **error);
/* Emits SdStore::library-changed. */
G_GNUC_INTERNAL void          _sd_store_notify_library  (SdStore *self);
/* Whether an import is storing a page (pages.partial) right now. */
G_GNUC_INTERNAL gboolean      _sd_store_has_partial_pages (SdStore *self);
/* Stops the watcher and lets go of the read connection (sd-store-async.c). */
G_GNUC_INTERNAL void          _sd_store_async_clear     (SdStore *self);
/* Stops the watcher of data_version (sd-store-watch.c). */
G_GNUC_INTERNAL void          _sd_store_watch_clear     (SdStore *self);

/* The store's side, in sd-store-search.c: the statement listing the
 * stories of @scope matching @scope->text (in page order, or best first
 * for short records by relevance), bound, for sd_store_list_stories() and
 * sd_store_list_full_stories(). */
G_GNUC_INTERNAL sqlite3_stmt *_sd_store_prepare_matching (SdStore       *self,
                                                         const SdScope *scope,
                                                         gboolean       full,
                                                         GError       **error);
/* The same with @columns (an interned or static text) in place of the
 * short record's, for the ids of a list (sd-store-listing.c); @covering:
 * the small index stories_filters holds every one of @columns, so the
 * ranked statement reads its matches from it alone (otherwise it reads
 * their rows). */
G_GNUC_INTERNAL sqlite3_stmt *_sd_store_prepare_matching_columns (SdStore       *self,
                                                                 const SdScope *scope,
                                                                 const char    *columns,
                                                                 gboolean       covering,
                                                                 GError       **error);
/* Story @id's row, as a full listing reads it (no highlights, repairs or
 * mentions yet), or %NULL with %SD_STORE_ERROR_NOT_FOUND
 * (sd-store-stories.c). */
G_GNUC_INTERNAL SdStory      *_sd_store_read_story_by_id (SdStore       *self,
                                                         gint64         id,
                                                         GError       **error);
/* The same statement giving @columns (static or interned text) instead;
 * @covering: read from the index stories_listing, which holds them, or
 * for a search from stories_filters (sd-store-stories.c). */
G_GNUC_INTERNAL sqlite3_stmt *_sd_store_prepare_listing_columns (SdStore       *self,
                                                                const SdScope *scope,
                                                                const char    *columns,
                                                                gboolean       covering,
                                                                GError       **error);
/* The statement listing @scope's stories, bound, the store's cached one:
 * step it, then reset it; the editor's selection as a set of ids in
 * @out_selected, NULL when there is none (sd-store-stories.c). */
G_GNUC_INTERNAL sqlite3_stmt *_sd_store_prepare_listing  (SdStore       *self,
                                                         const SdScope *scope,
                                                         gboolean       full,
                                                         GHashTable   **out_selected,
                                                         GError       **error);

/* A search ranked best first, or a list in page order (a place, all, a
 * batch): its first @n_rows found from the index alone and handed to
 * @func in @context before the whole list is read, unless @cancellable is
 * cancelled by then; other lists (sorted, the trash) are not
 * (sd-store-listing.c). */
G_GNUC_INTERNAL void          _sd_store_tell_first_rows  (SdStore           *reader,
                                                         const SdScope     *scope,
                                                         SdStoryOrder       order,
                                                         guint              n_rows,
                                                         SdStoryListingFunc func,
                                                         gpointer           data,
                                                         GMainContext      *context,
                                                         GCancellable      *cancellable);

/* sd_store_list_story_ids () on a worker's @reader, which keeps the list
 * it read: the same list asked again (a library that changed, an import
 * writing) keeps the ids before the first page changed since, read from
 * the change log, and reads the rest; @out_n_kept: how many were kept
 * (sd-store-listing.c). */
G_GNUC_INTERNAL GArray       *_sd_store_list_story_ids_again (SdStore       *reader,
                                                             const SdScope *scope,
                                                             SdStoryOrder   order,
                                                             gboolean       descending,
                                                             guint         *out_n_kept,
                                                             GError       **error);

/* SdStore's side of the SdLibrary interface (sd-library.c). */
G_GNUC_INTERNAL void _sd_store_library_init (SdLibraryInterface *iface);
/* Its corrections, trash and page details (sd-library-corrections.c). */
G_GNUC_INTERNAL void _sd_store_library_init_corrections (SdLibraryInterface *iface);
/* The page view and repairs taken back (sd-library-pages.c). */
G_GNUC_INTERNAL void _sd_store_library_init_pages (SdLibraryInterface *iface);
/* batches, the trash's entries, a story's history (sd-library-trash.c) */
G_GNUC_INTERNAL void _sd_store_library_init_trash (SdLibraryInterface *iface);

G_END_DECLS
