/* sd-store.h — the library: one SQLite file holding pages, stories and
 * everything editors add to them.  All SQL of Storydesk lives in sd-store.c.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-story.h"

G_BEGIN_DECLS

#define SD_STORE_ERROR (sd_store_error_quark ())
typedef enum
{
  SD_STORE_ERROR_OPEN,
  SD_STORE_ERROR_SQL,
  SD_STORE_ERROR_NOT_FOUND,
  SD_STORE_ERROR_TOO_NEW,
  SD_STORE_ERROR_INVALID,
  SD_STORE_ERROR_CHANGED, /* changed by someone else since; an undo step refused */
  SD_STORE_ERROR_NO_LIBRARY,  /* nothing at the path, and not asked to make a library */
  SD_STORE_ERROR_NOT_LIBRARY, /* another program's database, or no database */
  SD_STORE_ERROR_DAMAGED,     /* PRAGMA quick_check or integrity_check found damage */
  SD_STORE_ERROR_WOULD_DROP, /* a new version of a page would drop stories of the old */
  SD_STORE_ERROR_BUSY,       /* another writer kept the library for minutes */
} SdStoreError;
GQuark sd_store_error_quark (void);

/* Which stories a list holds: all of them, the unplaced ones, or those
 * under one place (its code, prefix of all the codes below it).  Stories
 * in the trash are in none of these, and in no count or search. */
typedef enum
{
  SD_SCOPE_ALL,
  SD_SCOPE_UNPLACED,
  SD_SCOPE_PLACE,
  SD_SCOPE_TRASH, /* the stories in the trash, most recently deleted first;
                   * its text is not used */
  SD_SCOPE_BATCH, /* the stories of one import batch's pages */
} SdScopeKind;

typedef struct
{
  SdScopeKind kind;
  const char *place_code; /* for SD_SCOPE_PLACE */
  const char *text;       /* (nullable) a search: only stories it finds */
  const gint64 *ids;      /* (nullable) only these stories: the editor's
                           * selection */
  guint       n_ids;
  gboolean    by_relevance; /* a search's best matches first (bm25, headline
                             * matches weighing most), not page order */
  gint64      batch_id;   /* for SD_SCOPE_BATCH */
} SdScope;

/* A copy of @scope that owns its strings and ids, for a read in a worker
 * after the caller's scope is gone; freed with sd_scope_free (). */
SdScope    *sd_scope_copy (const SdScope *scope);
void        sd_scope_free (SdScope       *scope);

/* A page as the store records it.  Its identity (sd-page-identity.h) is
 * its paper, date and page number when the date and page are known, else
 * its name. */
typedef struct
{
  const char *file;       /* basename */
  const char *checksum;   /* SHA-256 of the file's bytes */
  const char *encoding;
  const char *text;       /* the page text, UTF-8 */
  gint64      size;
  const char *name;       /* (nullable) the path from the folder imported,
                           * that folder's name first; NULL: @file */
  const char *paper;      /* (nullable) */
  const char *issue_date; /* (nullable) yyyy-mm-dd */
  const char *page_no;    /* (nullable) A05 */
} SdPageRecord;

/* A tag name is trimmed, one line without control characters, and at most
 * this long; the store refuses others (SD_STORE_ERROR_INVALID). */
#define SD_STORE_TAG_MAX_CHARS 64

/* A Storydesk library says so in its header (PRAGMA application_id): the
 * bytes "SDSK", 0x5344534B.  A database with another id is not opened. */
#define SD_STORE_APPLICATION_ID 1396986699

typedef enum
{
  SD_STORE_OPEN_DEFAULT  = 0,
  SD_STORE_OPEN_CREATE   = 1 << 0, /* make a new library when the path holds none */
  SD_STORE_OPEN_NO_CHECK = 1 << 1, /* no quick_check: this process did it already */
  /* the quick_check after the open, in sd_store_maintain () (or the first
   * write, which waits for it): every write waits until it passed and is
   * refused after damage.  A library that must be written to open (a
   * migration, an older one's id) is checked at once all the same. */
  SD_STORE_OPEN_CHECK_LATER = 1 << 2,
} SdStoreOpenFlags;

#define SD_TYPE_STORE (sd_store_get_type ())
G_DECLARE_FINAL_TYPE (SdStore, sd_store, SD, STORE, GObject)

/* Opens a library, refusing other databases and damaged libraries
 * untouched (sd-store-library.h: check, backup, recover). */
SdStore    *sd_store_open_full           (const char    *path,
                                          SdStoreOpenFlags flags,
                                          GError       **error);
/* sd_store_open_full () in a worker; @cancellable stops a migration,
 * rolled back (sd-store.c). */
void        sd_store_open_async          (const char    *path,
                                          SdStoreOpenFlags flags,
                                          GCancellable  *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer       user_data);
SdStore    *sd_store_open_finish         (GAsyncResult  *result,
                                          GError       **error);
/* Whether opening @path changes its schema (*@out_from < *@out_to) and
 * how many stories it holds, read without writing (sd-store-upgrade.c). */
gboolean    sd_store_peek_upgrade        (const char    *path,
                                          guint         *out_from,
                                          guint         *out_to,
                                          gint64        *out_n_stories,
                                          GError       **error);
/* What bringing a library to this version's schema does: the most that
 * any step it lacks does (sd-store-schema.c says each step's).  The order
 * matters: each value weighs more than those before it, and
 * sd_store_weigh_upgrade () takes the MAX of the steps' values, so a new
 * value goes where its weight puts it, not at the end. */
typedef enum
{
  SD_STORE_UPGRADE_NONE,     /* at this version's schema, or past it */
  SD_STORE_UPGRADE_SETTINGS, /* settings, triggers, new tables: a few bytes */
  SD_STORE_UPGRADE_INDEXES,  /* an index built from what is stored: time grows with it */
  SD_STORE_UPGRADE_REWRITES, /* stored data rewritten or dropped: a copy first, VACUUM after */
} SdStoreUpgrade;

/* What opening a library at schema @from does to it (sd-store-upgrade.c). */
SdStoreUpgrade sd_store_weigh_upgrade    (guint          from);
/* sd_store_open_full () with SD_STORE_OPEN_CREATE. */
SdStore    *sd_store_open                (const char    *path,
                                          GError       **error);
/* Another connection to the same library, for a worker thread's long job. */
SdStore    *sd_store_open_for_worker     (SdStore       *self,
                                          GError       **error);
const char *sd_store_get_path            (SdStore       *self);
void        sd_store_set_editor          (SdStore       *self,
                                          const char    *editor);
const char *sd_store_get_editor          (SdStore       *self);
/* Changes when another connection (another process, a worker) commits
 * to the library: a cheap way to notice others' writes. */
gint64      sd_store_get_data_version    (SdStore       *self,
                                          GError       **error);
/* While on, reads from the calling thread outside a write are reported
 * with g_critical(): the window's check that it reads in the worker. */
void        sd_store_forbid_main_thread_reads (SdStore  *self,
                                          gboolean       forbid);

/* Import: stores @page and @stories (element-type SdStory, ids 0) in one
 * transaction.  A page whose checksum is already stored changes nothing and
 * sets @out_known.  A new version of a page replaces it, whatever it drops
 * (sd_store_import_page () with SD_PAGE_IMPORT_ALLOW_DROP).  Fills in the
 * new ids. */
gboolean    sd_store_add_page            (SdStore       *self,
                                          const SdPageRecord *page,
                                          GPtrArray     *stories,
                                          gboolean      *out_known,
                                          GError       **error);

/* What storing a page did: nothing (the same bytes were stored before;
 * when the page was deleted, its stories come back from the trash), a
 * new page, or a new version of the page of the same identity, whose
 * stories' tags, notes, status, highlights, corrections and place moves
 * were carried over to the matching new stories.  Old stories with
 * annotations that match none are kept, so nothing an editor did is lost;
 * old stories without any that match none are dropped. */
typedef struct
{
  gboolean known;
  gboolean replaced;
  guint    n_carried; /* old stories whose annotations found a new story */
  guint    n_kept;    /* old annotated stories kept as they were */
  guint    n_dropped; /* old stories gone with the old version (or that would go) */
  guint    n_restored; /* known: its stories brought back from the trash, where
                        * they went with the page or its batch */
} SdPageOutcome;

typedef enum
{
  SD_PAGE_IMPORT_DEFAULT    = 0,      /* a version that drops stories is refused */
  SD_PAGE_IMPORT_ALLOW_DROP = 1 << 0, /* … or allowed */
  SD_PAGE_IMPORT_DRY_RUN    = 1 << 1, /* only says what it would do */
} SdPageImportFlags;

/* Stores @page and @stories (element-type SdStory, ids 0) in one
 * transaction, as a new page or a new version of the page of its identity.
 * A version that would drop stories fails with WOULD_DROP unless @flags
 * allows it; a dry run fills @out_outcome and writes nothing. */
gboolean    sd_store_import_page         (SdStore       *self,
                                          const SdPageRecord *page,
                                          GPtrArray     *stories,
                                          SdPageImportFlags flags,
                                          SdPageOutcome *out_outcome,
                                          GError       **error);
/* Whether a page of these bytes (@page's checksum) is stored, and whether
 * a page of @page's identity is: a read, to skip unchanged files before
 * any segmenting. */
gboolean    sd_store_check_page          (SdStore       *self,
                                          const SdPageRecord *page,
                                          gboolean      *out_known,
                                          gboolean      *out_has_identity,
                                          GError       **error);

/* The paper, date and page number of the page @story_id was cut from:
 * NULL leaves a field, "" clears it; the page's identity follows. */
gboolean    sd_store_set_page_fields     (SdStore       *self,
                                          gint64         story_id,
                                          const char    *paper,
                                          const char    *issue_date,
                                          const char    *page_no,
                                          GError       **error);

gint64      sd_store_count_stories       (SdStore       *self,
                                          GError       **error);
/* 1 when the library holds a story, listed or in the trash (those of a
 * page still being imported aside), 0 when none, -1 on failure. */
int         sd_store_has_stories         (SdStore       *self,
                                          GError       **error);
/* Story counts keyed by place code ("" for the unplaced ones), each counting
 * the stories filed exactly there. (element-type utf8 gint64*) */
GHashTable *sd_store_count_by_place      (SdStore       *self,
                                          GError       **error);
/* Story counts keyed by their page's date, yyyy-mm-dd; pages without a
 * date left out (sd-store-dates.c). (element-type utf8 gint64*) */
GHashTable *sd_store_count_by_date       (SdStore       *self,
                                          GError       **error);
/* Short records (no body) in page order. (element-type SdStory) */
GPtrArray  *sd_store_list_stories        (SdStore       *self,
                                          const SdScope *scope,
                                          GError       **error);
/* Full records, for export. (element-type SdStory) */
GPtrArray  *sd_store_list_full_stories   (SdStore       *self,
                                          const SdScope *scope,
                                          GError       **error);

/* What a list is ordered by over the store's own order (page order, a
 * search's best matches first, the trash's latest first), which breaks
 * ties; unknown values (a page without a date) go last either way. */
typedef enum
{
  SD_STORY_ORDER_NONE,
  SD_STORY_ORDER_DATE,
  SD_STORY_ORDER_PAPER,
  SD_STORY_ORDER_PAGE,
  SD_STORY_ORDER_PLACE, /* codes nest: a city's stories stay together */
  SD_STORY_ORDER_STATUS,
} SdStoryOrder;

/* The ids of @scope's stories in @order, read from indexes: what a list
 * of 100,000 stories holds before it shows any (sd-store-listing.c).
 * (element-type gint64) */
GArray     *sd_store_list_story_ids      (SdStore       *self,
                                          const SdScope *scope,
                                          SdStoryOrder   order,
                                          gboolean       descending,
                                          GError       **error);
/* The short records (as sd_store_list_stories () reads them) of the
 * stories with these ids that still exist, those in the trash too, in the
 * order of @ids: the rows a list shows. (element-type SdStory) */
GPtrArray  *sd_store_get_story_rows      (SdStore       *self,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          GError       **error);
SdStory    *sd_store_get_story           (SdStore       *self,
                                          gint64         id,
                                          GError       **error);
/* The id of the story @ref names, by its id ("6") or its uuid; -1 with
 * NOT_FOUND when no story has it, INVALID when it is neither. */
gint64      sd_store_find_story          (SdStore       *self,
                                          const char    *ref,
                                          GError       **error);
/* The page text a story was cut from, with the file's encoding and size
 * (each out value nullable) to map file offsets into it. (transfer full) */
char       *sd_store_dup_page_text       (SdStore       *self,
                                          gint64         page_id,
                                          char         **out_encoding,
                                          gint64        *out_size,
                                          GError       **error);

gboolean    sd_store_add_tag             (SdStore       *self,
                                          gint64         story_id,
                                          const char    *tag,
                                          GError       **error);
gboolean    sd_store_remove_tag          (SdStore       *self,
                                          gint64         story_id,
                                          const char    *tag,
                                          GError       **error);
/* Bulk tagging in one transaction; @out_changed (nullable, element-type
 * gint64) receives the stories whose tags really changed. */
gboolean    sd_store_add_tag_to_stories  (SdStore       *self,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          const char    *tag,
                                          GArray        *out_changed,
                                          GError       **error);
gboolean    sd_store_remove_tag_from_stories (SdStore   *self,
                                          const gint64  *ids,
                                          guint          n_ids,
                                          const char    *tag,
                                          GArray        *out_changed,
                                          GError       **error);
/* Renames a tag on every story; into an existing name it merges the two. */
gboolean    sd_store_rename_tag          (SdStore       *self,
                                          const char    *tag,
                                          const char    *new_name,
                                          GError       **error);
/* @color: (nullable) "#rrggbb", or NULL for the default */
gboolean    sd_store_set_tag_color       (SdStore       *self,
                                          const char    *tag,
                                          const char    *color,
                                          GError       **error);
/* tag name → "#rrggbb" for the tags that have a colour. (element-type utf8 utf8) */
GHashTable *sd_store_dup_tag_colors      (SdStore       *self,
                                          GError       **error);
/* A suggested theme the editor turned down is not suggested again. */
gboolean    sd_store_dismiss_theme       (SdStore       *self,
                                          gint64         story_id,
                                          const char    *theme,
                                          GError       **error);
gboolean    sd_store_undismiss_theme     (SdStore       *self,
                                          gint64         story_id,
                                          const char    *theme,
                                          GError       **error);
/* (element-type utf8) */
GPtrArray  *sd_store_list_dismissed_themes (SdStore     *self,
                                          gint64         story_id,
                                          GError       **error);
/* All tag names, most used first. (element-type utf8) */
GPtrArray  *sd_store_list_tags           (SdStore       *self,
                                          GError       **error);
gboolean    sd_store_set_note            (SdStore       *self,
                                          gint64         story_id,
                                          const char    *note,
                                          GError       **error);
/* As sd_store_set_note(), only over the note @expected (NULL: any);
 * SD_STORE_ERROR_CHANGED when someone else changed it since. */
gboolean    sd_store_set_note_from       (SdStore       *self,
                                          gint64         story_id,
                                          const char    *expected,
                                          const char    *note,
                                          GError       **error);
gboolean    sd_store_set_status          (SdStore       *self,
                                          gint64         story_id,
                                          SdStoryStatus  status,
                                          GError       **error);
/* Marks characters [@start, @end) of the story body; sets @out_id. */
gboolean    sd_store_add_highlight       (SdStore       *self,
                                          gint64         story_id,
                                          gint64         start,
                                          gint64         end,
                                          const char    *comment,
                                          gint64        *out_id,
                                          GError       **error);
gboolean    sd_store_remove_highlight    (SdStore       *self,
                                          gint64         highlight_id,
                                          GError       **error);
/* An editor's correction: marked as the editor's, kept on re-import. */
gboolean    sd_store_set_place           (SdStore       *self,
                                          gint64         story_id,
                                          const char    *place_code,
                                          GError       **error);
/* Puts back a place as it was before an editor's correction (for undo). */
gboolean    sd_store_restore_place       (SdStore       *self,
                                          gint64         story_id,
                                          const char    *place_code,
                                          double         confidence,
                                          gboolean       by_editor,
                                          GError       **error);

/* Import batches and the trash (sd-store-trash.c) */

/* One import run: the pages one connection stored (the window's import
 * job, one `storydesk import`), or the sample pages the window brings in
 * on its first run. */
typedef enum
{
  SD_BATCH_IMPORT,
  SD_BATCH_SAMPLE,
} SdBatchKind;

typedef struct
{
  gint64      id;
  SdBatchKind kind;
  char       *editor;    /* (nullable) */
  char       *started;   /* ISO 8601, UTC */
  char       *first_file; /* (nullable) the first of its page files, by name */
  guint       n_pages;   /* its pages in the library, in the trash or not */
  guint       n_stories; /* their stories not in the trash */
  guint       n_trashed; /* and in it */
} SdBatch;

void        sd_batch_free                (SdBatch       *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdBatch, sd_batch_free)

/* The pages this connection stores from now on go into a new batch of
 * @kind, made when the first of them is stored.  Without a call, a
 * connection's pages go into one batch of SD_BATCH_IMPORT. */
void        sd_store_begin_batch         (SdStore       *self,
                                          SdBatchKind    kind);
/* Oldest first. (element-type SdBatch) */
GPtrArray  *sd_store_list_batches        (SdStore       *self,
                                          GError       **error);
/* Whether the library ever had a batch of @kind (the sample pages). */
gboolean    sd_store_has_batch_kind      (SdStore       *self,
                                          SdBatchKind    kind,
                                          GError       **error);

/* What goes to the trash in one action, and comes back in one. */
typedef enum
{
  SD_TRASH_STORY,
  SD_TRASH_PAGE,  /* every story of a page */
  SD_TRASH_BATCH, /* every story of every page of an import batch */
} SdTrashKind;

/* Stories deleted together: one entry of the trash. */
typedef struct
{
  SdTrashKind kind;
  gint64      target;    /* the story, page or batch deleted */
  char       *label;     /* the story's headline, the page's file, the batch's first file */
  char       *trashed;   /* when, ISO 8601, UTC */
  SdBatchKind batch_kind; /* for SD_TRASH_BATCH */
  guint       n_pages;
  guint       n_stories;
} SdTrashEntry;

void        sd_trash_entry_free          (SdTrashEntry  *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdTrashEntry, sd_trash_entry_free)

/* What the editor knows a story, page or batch by: the story's headline,
 * the page's file, the batch's first file; NULL with NOT_FOUND. */
char       *sd_store_dup_target_name     (SdStore       *self,
                                          SdTrashKind    kind,
                                          gint64         id,
                                          GError       **error);

/* How long a story stays in the trash before sd_store_open() purges it. */
#define SD_STORE_TRASH_DAYS 30

/* Moves to the trash the story, the page's stories or the batch's stories
 * (those not there already): they leave every list, count, search and
 * export and keep all their rows, to come back with sd_store_restore().
 * NOT_FOUND when there is no such story, page or batch; @out_n (nullable)
 * is how many stories went, 0 when all were in the trash already. */
gboolean    sd_store_trash               (SdStore       *self,
                                          SdTrashKind    kind,
                                          gint64         id,
                                          guint         *out_n,
                                          GError       **error);
/* Brings back the entry of the trash the page or batch made, or with
 * SD_TRASH_STORY the one story however it went there.  @out_n (nullable):
 * how many stories came back, 0 when none of them was in the trash. */
gboolean    sd_store_restore             (SdStore       *self,
                                          SdTrashKind    kind,
                                          gint64         id,
                                          guint         *out_n,
                                          GError       **error);
/* The entries of the trash, the most recently deleted first.
 * (element-type SdTrashEntry) */
GPtrArray  *sd_store_list_trash          (SdStore       *self,
                                          GError       **error);
/* How many stories are in the trash; -1 with @error set. */
gint64      sd_store_count_trash         (SdStore       *self,
                                          GError       **error);
/* Deletes for good the stories put in the trash before @before (ISO 8601,
 * UTC; NULL for all of them), and the pages none of whose stories is left;
 * @out_n (nullable): how many stories. */
gboolean    sd_store_empty_trash         (SdStore       *self,
                                          const char    *before,
                                          guint         *out_n,
                                          GError       **error);

/* Exchange (sd-store-exchange.c) */

/* What importing an exchange file did. */
typedef struct
{
  gboolean known;         /* this very file was imported before: nothing changed */
  guint    n_added;       /* stories the library did not hold */
  guint    n_merged;      /* stories it held (by uuid, else page file and span),
                           * which took the incoming tags and highlights, and the
                           * note and status where the incoming edit is newer */
  guint    n_conflicting; /* of those, stories whose note or status had been edited
                           * on both sides to different values: the newer edit won */
} SdExchangeOutcome;

/* The merge rule and the check of an export's stories that both engines
 * use (sd-store-exchange.c; a shared library's: sd-pg-exchange.c). */
gboolean    sd_exchange_weigh_edits      (const SdStory *own,
                                          const SdStory *incoming,
                                          gboolean      *out_incoming_wins,
                                          gboolean      *out_conflicting);
gboolean    sd_exchange_check_stories    (GPtrArray     *stories,
                                          GError       **error);
/* Stores stories read from a Storydesk JSON export (element-type SdStory,
 * full records, ids 0) in one transaction.  A story the library holds
 * already (the same uuid, else the same page file and span) is merged, not
 * doubled: tags and highlights are joined, and for note and status the
 * newer edit wins, the older one kept in the story's history
 * (sd_store_list_history ()).  The others are added with their tags, note, status,
 * place, editor, time and highlights: each run of them from one source file
 * becomes a page of that name, keyed "@checksum#N" (@checksum of the export
 * file), so importing the same export again changes nothing and sets
 * @out->known.  Fills in the ids. */
gboolean    sd_store_import_stories      (SdStore       *self,
                                          const char    *checksum,
                                          gint64         size,
                                          GPtrArray     *stories,
                                          SdExchangeOutcome *out,
                                          GError       **error);

/* A note or status a newer edit replaced, kept (sd-store-history.c). */
typedef struct
{
  char *field;    /* "note" or "status" */
  char *value;    /* the note, or the status ("reviewed") */
  char *editor;   /* (nullable) who wrote it */
  char *edited;   /* (nullable) when, ISO 8601, UTC */
  char *replaced; /* when the newer edit replaced it */
  char *reason;   /* "merge": a JSON export imported */
} SdHistoryEntry;

void        sd_history_entry_free        (SdHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdHistoryEntry, sd_history_entry_free)

/* Story @story_id's earlier notes and statuses, oldest first.
 * (element-type SdHistoryEntry) */
GPtrArray  *sd_store_list_history        (SdStore       *self,
                                          gint64         story_id,
                                          GError       **error);

/* Editors' corrections of the segmentation (sd-store-corrections.c) */
typedef enum
{
  SD_STORY_FIELD_HEADLINE,
  SD_STORY_FIELD_SUBHEADLINE,
  SD_STORY_FIELD_REPORTER,
  SD_STORY_FIELD_BYLINE,
} SdStoryField;

/* @value: (nullable) NULL or "" clears the field. */
gboolean    sd_store_set_story_field     (SdStore       *self,
                                          gint64         story_id,
                                          SdStoryField   field,
                                          const char    *value,
                                          GError       **error);
/* Cuts a story in two before body paragraph @paragraph (1 ≤ it < the
 * number of paragraphs); the new story after it keeps the place, tags and
 * status, and takes the highlights and the OCR repairs in its part.  A short first paragraph
 * without final punctuation becomes its headline. */
gboolean    sd_store_split_story         (SdStore       *self,
                                          gint64         story_id,
                                          guint          paragraph,
                                          gint64        *out_new_id,
                                          GError       **error);
/* Takes back one OCR repair of the story: a dropped duplicate or fragment,
 * or a caption taken out, goes back into the body where it stood on the
 * page; a joined column break is broken again; a split-off byline goes
 * back to the last paragraph.  The repair is forgotten. */
gboolean    sd_store_revert_repair       (SdStore       *self,
                                          gint64         story_id,
                                          gint64         repair_id,
                                          GError       **error);
/* The story after this one on its page; -1 with an error when it is the
 * last. */
gint64      sd_store_find_next_story     (SdStore       *self,
                                          gint64         story_id,
                                          GError       **error);
/* Joins the next story of the same page onto this one: its headline and
 * body follow as paragraphs, its tags, note, highlights and repairs come
 * along.
 * @out_paragraph: where the joined part starts, for splitting back. */
gboolean    sd_store_merge_with_next     (SdStore       *self,
                                          gint64         story_id,
                                          gint64        *out_removed_id,
                                          guint         *out_paragraph,
                                          GError       **error);

/* Search (sd-store-search.c)
 *
 * @query is the query language of sd-query.h (words, "phrases", -word,
 * tag:, place:, status:, kind:, source:); a wrong one fails with an error in
 * SD_QUERY_ERROR that names the problem and where it is.  @scope may be
 * NULL for all stories; its text is not used. */

/* A search an editor named and kept. */
typedef struct
{
  char  *name;
  char  *query;
  gint64 count; /* stories matching now; -1 when the query no longer parses */
} SdSavedSearch;

void        sd_saved_search_free         (SdSavedSearch *search);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdSavedSearch, sd_saved_search_free)

/* Short records, best match first (bm25, headline matches weighing most),
 * at most @limit (0: all). (element-type SdStory) */
GPtrArray  *sd_store_search              (SdStore       *self,
                                          const SdScope *scope,
                                          const char    *query,
                                          guint          limit,
                                          GError       **error);
/* How many stories match; -1 with @error set. */
gint64      sd_store_count_matches       (SdStore       *self,
                                          const SdScope *scope,
                                          const char    *query,
                                          GError       **error);
/* SQLite's plan for sd_store_search(), one step a line. (transfer full) */
char       *sd_store_explain_search      (SdStore       *self,
                                          const SdScope *scope,
                                          const char    *query,
                                          GError       **error);
/* Keeps @query under @name, replacing a search of that name. */
gboolean    sd_store_save_search         (SdStore       *self,
                                          const char    *name,
                                          const char    *query,
                                          GError       **error);
/* By name, with live counts. (element-type SdSavedSearch) */
GPtrArray  *sd_store_list_saved_searches (SdStore       *self,
                                          GError       **error);
gboolean    sd_store_delete_saved_search (SdStore       *self,
                                          const char    *name,
                                          GError       **error);

G_END_DECLS
