/* sd-library.h — what the window's models ask of a library, whichever
 * engine holds it: a personal SQLite file (SdStore) or a shared library on
 * a PostgreSQL server (SdPgShared, issue #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reads are the store's worker reads (sd-store-async.h), with the same
 * results; the writes are the three an editor makes on a shared library
 * today.  The interface declares the signals every engine emits:
 * "story-changed" (gint64 id), "tags-changed", "library-changed", and
 * "online-changed" when a server goes away or comes back.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-store-async.h"
#include "sd-store.h"

G_BEGIN_DECLS

#define SD_LIBRARY_ERROR (sd_library_error_quark ())
typedef enum
{
  SD_LIBRARY_ERROR_UNSUPPORTED, /* not built on this engine yet */
  SD_LIBRARY_ERROR_OFFLINE,     /* the server cannot be reached: nothing was saved */
} SdLibraryError;
GQuark sd_library_error_quark (void);

/* What an engine can do besides reading and the three writes. */
typedef enum
{
  SD_LIBRARY_CAN_IMPORT   = 1 << 0, /* import page files and exports */
  SD_LIBRARY_CAN_UNDO     = 1 << 1, /* the edit history's undo and redo */
  SD_LIBRARY_CAN_CORRECT  = 1 << 2, /* fields, places, splits, joins, repairs */
  SD_LIBRARY_CAN_TRASH    = 1 << 3, /* delete, restore, batches */
  SD_LIBRARY_CAN_MARK     = 1 << 4, /* highlights and themes turned down */
  SD_LIBRARY_CAN_PAGES    = 1 << 5, /* the page view, page details */
  SD_LIBRARY_CAN_ORGANISE = 1 << 6, /* saved searches, tags renamed or recoloured */
  SD_LIBRARY_CAN_EXPORT   = 1 << 7, /* the window's export */
  SD_LIBRARY_CAN_PAGE_TEXT = 1 << 8, /* a story shown in its page's text (a shared
                                      * library keeps no page text yet) */
} SdLibraryFeatures;
#define SD_LIBRARY_CAN_EVERYTHING ((SdLibraryFeatures) 0x1ff)

#define SD_TYPE_LIBRARY (sd_library_get_type ())
G_DECLARE_INTERFACE (SdLibrary, sd_library, SD, LIBRARY, GObject)

struct _SdLibraryInterface
{
  GTypeInterface parent_iface;

  void               (*list_story_ids_async)    (SdLibrary *self, const SdScope *scope,
                                                 SdStoryOrder order, gboolean descending,
                                                 guint n_rows, SdStoryListingFunc first_func,
                                                 gpointer first_data, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
  SdStoryListing    *(*list_story_ids_finish)   (SdLibrary *self, GAsyncResult *result,
                                                 GError **error);
  void               (*get_story_rows_async)    (SdLibrary *self, const gint64 *ids, guint n_ids,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
  GPtrArray         *(*get_story_rows_finish)   (SdLibrary *self, GAsyncResult *result,
                                                 GError **error);
  void               (*get_story_details_async) (SdLibrary *self, gint64 id,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
  SdStoryDetails    *(*get_story_details_finish) (SdLibrary *self, GAsyncResult *result,
                                                  GError **error);
  void               (*read_summary_async)      (SdLibrary *self, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
  SdLibrarySummary  *(*read_summary_finish)     (SdLibrary *self, GAsyncResult *result,
                                                 GError **error);

  gboolean           (*tag_stories)             (SdLibrary *self, const gint64 *ids, guint n_ids,
                                                 const char *tag, gboolean add,
                                                 GArray *out_changed, GError **error);
  gboolean           (*set_note_from)           (SdLibrary *self, gint64 id, const char *expected,
                                                 const char *note, GError **error);
  gboolean           (*set_status)              (SdLibrary *self, gint64 id,
                                                 const SdStoryStatus *expected,
                                                 SdStoryStatus status, GError **error);

  SdLibraryFeatures  (*get_features)            (SdLibrary *self);
  gboolean           (*is_online)               (SdLibrary *self);

  /* The importer's (sd-importer.c), all but the first called in its worker
   * on the library open_for_import () gave; nullable where
   * SD_LIBRARY_CAN_IMPORT is not among the features. */
  SdLibrary         *(*open_for_import)         (SdLibrary *self, GError **error);
  void               (*begin_batch)             (SdLibrary *self, SdBatchKind kind);
  gboolean           (*check_page)              (SdLibrary *self, const SdPageRecord *page,
                                                 gboolean *out_known, gboolean *out_has_identity,
                                                 GError **error);
  gboolean           (*import_page)             (SdLibrary *self, const SdPageRecord *page,
                                                 GPtrArray *stories, SdPageImportFlags flags,
                                                 SdPageOutcome *out_outcome, GError **error);
  /* (nullable) the sentence for a feature this library lacks, when not
   * sd_library_describe_missing ()'s */
  const char        *(*describe_missing)        (SdLibrary *self, SdLibraryFeatures feature);

  /* Corrections, the trash and page details (sd-library-corrections.c);
   * nullable where SD_LIBRARY_CAN_CORRECT, _TRASH or _PAGES is not among
   * the features. */
  gboolean           (*set_story_field)         (SdLibrary *self, gint64 id, SdStoryField field,
                                                 const char *expected, const char *value,
                                                 GError **error);
  gboolean           (*set_place)               (SdLibrary *self, const gint64 *ids, guint n_ids,
                                                 const char *place_code, GError **error);
  gboolean           (*split_story)             (SdLibrary *self, gint64 id, guint paragraph,
                                                 gint64 *out_new_id, GError **error);
  gboolean           (*merge_with_next)         (SdLibrary *self, gint64 id, GError **error);
  gboolean           (*trash)                   (SdLibrary *self, SdTrashKind kind, gint64 id,
                                                 guint *out_n, GError **error);
  gboolean           (*restore)                 (SdLibrary *self, SdTrashKind kind, gint64 id,
                                                 guint *out_n, GError **error);
  gboolean           (*empty_trash)             (SdLibrary *self, guint *out_n, GError **error);
  gboolean           (*set_page_fields)         (SdLibrary *self, gint64 story_id,
                                                 const char *paper, const char *issue_date,
                                                 const char *page_no, GError **error);
  /* Marks and organising (#17): nullable where SD_LIBRARY_CAN_MARK or
   * SD_LIBRARY_CAN_ORGANISE is not among the features. */
  gboolean           (*add_highlight)           (SdLibrary *self, gint64 id, gint64 start,
                                                 gint64 end, const char *comment,
                                                 gint64 *out_id, GError **error);
  gboolean           (*remove_highlight)        (SdLibrary *self, gint64 id,
                                                 gint64 highlight_id, GError **error);
  gboolean           (*dismiss_theme)           (SdLibrary *self, gint64 id, const char *theme,
                                                 gboolean dismiss, gboolean *out_changed,
                                                 GError **error);
  gboolean           (*save_search)             (SdLibrary *self, const char *name,
                                                 const char *query, GError **error);
  gboolean           (*delete_search)           (SdLibrary *self, const char *name,
                                                 GError **error);
  gboolean           (*rename_tag)              (SdLibrary *self, const char *tag,
                                                 const char *new_name, GError **error);
  gboolean           (*set_tag_color)           (SdLibrary *self, const char *tag,
                                                 const char *color, GError **error);
  /* the edit history's, on the main loop: a story as it is now */
  SdStory           *(*get_story)               (SdLibrary *self, gint64 id, GError **error);
  /* Undo of corrections on a library that keeps no snapshots (#17,
   * sd-library-undo.c): nullable, as on a personal library. */
  gboolean           (*put_back_stories)        (SdLibrary *self, GPtrArray *put,
                                                 GArray *after, GPtrArray *put_extras,
                                                 GPtrArray *left, GError **error);
  gint64             (*find_next_story)         (SdLibrary *self, gint64 id, gint64 *out_after,
                                                 GError **error);
  GVariant          *(*read_story_extras)       (SdLibrary *self, gint64 id, GError **error);
  /* The page view and OCR repairs (sd-library-pages.c): nullable where
   * SD_LIBRARY_CAN_PAGE_TEXT (the read) or SD_LIBRARY_CAN_CORRECT (the
   * repair) is not among the features. */
  void               (*read_story_page_async)   (SdLibrary *self, gint64 id,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
  SdStoryPage       *(*read_story_page_finish)  (SdLibrary *self, GAsyncResult *result,
                                                 GError **error);
  gboolean           (*revert_repair)           (SdLibrary *self, gint64 id, gint64 repair_id,
                                                 GError **error);

  /* Import batches, the trash's entries, a story's history and a story
   * named by id or uuid, read on the caller's thread (the command line's;
   * sd-library-trash.c); nullable where the engine keeps none of them. */
  GPtrArray         *(*list_batches)            (SdLibrary *self, GError **error);
  GPtrArray         *(*list_trash)              (SdLibrary *self, GError **error);
  GPtrArray         *(*list_history)            (SdLibrary *self, gint64 id, GError **error);
  gint64             (*find_story)              (SdLibrary *self, const char *id_or_uuid,
                                                 GError **error);

  /* A Storydesk JSON export's stories merged in (sd_store_import_stories ()),
   * in the importer's worker; nullable where the engine cannot. */
  gboolean           (*import_stories)          (SdLibrary *self, const char *checksum,
                                                 gint64 size, GPtrArray *stories,
                                                 SdExchangeOutcome *out, GError **error);
};

/* The ids of @scope's stories in order, the first @n_rows rows with them
 * (sd_store_list_story_ids_async ()). */
void              sd_library_list_story_ids_async    (SdLibrary           *self,
                                                      const SdScope       *scope,
                                                      SdStoryOrder         order,
                                                      gboolean             descending,
                                                      guint                n_rows,
                                                      SdStoryListingFunc   first_func,
                                                      gpointer             first_data,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Returns: (transfer full) */
SdStoryListing   *sd_library_list_story_ids_finish   (SdLibrary           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* The list's rows of these ids that still exist, in their order. */
void              sd_library_get_story_rows_async    (SdLibrary           *self,
                                                      const gint64        *ids,
                                                      guint                n_ids,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray        *sd_library_get_story_rows_finish   (SdLibrary           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* A story whole, with what an editor is shown beside it. */
void              sd_library_get_story_details_async (SdLibrary           *self,
                                                      gint64               id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Returns: (transfer full) */
SdStoryDetails   *sd_library_get_story_details_finish (SdLibrary          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* The tags, their colours, the counts by place (and what else the engine
 * keeps: dates, saved searches, batches, the trash). */
void              sd_library_read_summary_async      (SdLibrary           *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Returns: (transfer full) */
SdLibrarySummary *sd_library_read_summary_finish     (SdLibrary           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Puts the tag @tag on the @n_ids stories, or takes it off (!@add), in one
 * transaction; another editor's tags on them stay. */
gboolean          sd_library_tag_stories             (SdLibrary           *self,
                                                      const gint64        *ids,
                                                      guint                n_ids,
                                                      const char          *tag,
                                                      gboolean             add,
                                                      GError             **error);
/* The same, the stories that gained or lost the tag appended to
 * @out_changed (nullable, element-type gint64): an undo takes back those. */
gboolean          sd_library_change_tags             (SdLibrary           *self,
                                                      const gint64        *ids,
                                                      guint                n_ids,
                                                      const char          *tag,
                                                      gboolean             add,
                                                      GArray              *out_changed,
                                                      GError             **error);
/* Writes @note only over the note @expected the editor began from (NULL:
 * any); SD_STORE_ERROR_CHANGED, nothing written, when someone else changed
 * it since (the engine's "story-changed" brings theirs). */
gboolean          sd_library_set_note_from           (SdLibrary           *self,
                                                      gint64               id,
                                                      const char          *expected,
                                                      const char          *note,
                                                      GError             **error);
/* The same for the status, over the status @expected (nullable: any) the
 * editor saw; a personal library writes it whatever it is now, as the
 * edit history always did (its undo puts it back). */
gboolean          sd_library_set_status              (SdLibrary           *self,
                                                      gint64               id,
                                                      const SdStoryStatus *expected,
                                                      SdStoryStatus        status,
                                                      GError             **error);

/* Marks (SD_LIBRARY_CAN_MARK): a highlight of characters [@start, @end)
 * of story @id's body, @out_id (optional) its id; a highlight taken off
 * (SD_STORE_ERROR_NOT_FOUND, or a shared library's SD_PG_ERROR_NOT_FOUND,
 * when the story has it no longer); a suggested @theme turned down, or
 * (!@dismiss) taken back, @out_changed (optional) whether it was not so
 * already.  SD_LIBRARY_ERROR_UNSUPPORTED where the feature is missing. */
gboolean          sd_library_add_highlight           (SdLibrary           *self,
                                                      gint64               id,
                                                      gint64               start,
                                                      gint64               end,
                                                      const char          *comment,
                                                      gint64              *out_id,
                                                      GError             **error);
gboolean          sd_library_remove_highlight        (SdLibrary           *self,
                                                      gint64               id,
                                                      gint64               highlight_id,
                                                      GError             **error);
gboolean          sd_library_dismiss_theme           (SdLibrary           *self,
                                                      gint64               id,
                                                      const char          *theme,
                                                      gboolean             dismiss,
                                                      gboolean            *out_changed,
                                                      GError             **error);
/* Organising (SD_LIBRARY_CAN_ORGANISE): saved searches, kept for the whole
 * library (sd_store_save_search ()), and tags renamed (merged into an
 * existing name) or recoloured (NULL: none). */
gboolean          sd_library_save_search             (SdLibrary           *self,
                                                      const char          *name,
                                                      const char          *query,
                                                      GError             **error);
gboolean          sd_library_delete_search           (SdLibrary           *self,
                                                      const char          *name,
                                                      GError             **error);
gboolean          sd_library_rename_tag              (SdLibrary           *self,
                                                      const char          *tag,
                                                      const char          *new_name,
                                                      GError             **error);
gboolean          sd_library_set_tag_color           (SdLibrary           *self,
                                                      const char          *tag,
                                                      const char          *color,
                                                      GError             **error);
/* Story @id whole as it is now, read on the caller's thread (the edit
 * history's labels and conflicts); NULL with @error. (transfer full) */
SdStory          *sd_library_get_story               (SdLibrary           *self,
                                                      gint64               id,
                                                      GError             **error);

/* What an engine calls to tell the window: the interface declares the
 * signals (SdLibrary::story-changed, ::tags-changed, ::library-changed,
 * ::online-changed) once for every engine. */
void              sd_library_emit_story_changed      (SdLibrary           *self,
                                                      gint64               id);
void              sd_library_emit_tags_changed       (SdLibrary           *self);
void              sd_library_emit_library_changed    (SdLibrary           *self);
void              sd_library_emit_online_changed     (SdLibrary           *self,
                                                      gboolean             online);

SdLibraryFeatures sd_library_get_features            (SdLibrary           *self);
/* FALSE while the engine's server cannot be reached (a file is always). */
gboolean          sd_library_is_online               (SdLibrary           *self);
/* The sentence a control the engine cannot serve yet shows. */
const char       *sd_library_describe_missing        (SdLibrary           *self);
/* The same for a control that needs @feature: the engine's own reason
 * (an admin's work, on a shared library) when it has one. */
const char       *sd_library_describe_missing_feature (SdLibrary          *self,
                                                      SdLibraryFeatures    feature);

/* Pages coming in, whichever engine holds the library (sd-importer.c is
 * the one caller).  A library of the import's own, for its worker thread:
 * a personal library's connection (sd_store_open_for_worker ()), or a
 * shared library's. (transfer full) */
SdLibrary        *sd_library_open_for_import         (SdLibrary           *self,
                                                      GError             **error);
/* A JSON export's @stories (checked by sd_exchange_check_stories ()) merged
 * into the library as sd_store_import_stories () merges them, on either
 * engine; SD_LIBRARY_ERROR_UNSUPPORTED where the engine cannot. */
gboolean          sd_library_import_stories          (SdLibrary           *self,
                                                      const char          *checksum,
                                                      gint64               size,
                                                      GPtrArray           *stories,
                                                      SdExchangeOutcome   *out,
                                                      GError             **error);
/* The pages stored from now on make one import batch of @kind (a shared
 * library keeps no batches yet). */
void              sd_library_begin_batch             (SdLibrary           *self,
                                                      SdBatchKind          kind);
/* As sd_store_check_page (): whether a page of @page's bytes is stored
 * whole, and (@out_has_identity, optional) whether one of its identity is. */
gboolean          sd_library_check_page              (SdLibrary           *self,
                                                      const SdPageRecord  *page,
                                                      gboolean            *out_known,
                                                      gboolean            *out_has_identity,
                                                      GError             **error);
/* As sd_store_import_page (): @page and its @stories stored, a new page or
 * a new version of the page of its identity. */
gboolean          sd_library_import_page             (SdLibrary           *self,
                                                      const SdPageRecord  *page,
                                                      GPtrArray           *stories,
                                                      SdPageImportFlags    flags,
                                                      SdPageOutcome       *out_outcome,
                                                      GError             **error);

/* Corrections, the trash and page details, whichever engine holds the
 * library (sd-library-corrections.c); on a shared library each a write at
 * the version read, so another editor's write meanwhile is
 * SD_STORE_ERROR_CHANGED, never lost; SD_LIBRARY_ERROR_UNSUPPORTED where
 * the engine lacks the feature.  Field @value NULL or "" clears it;
 * @expected (nullable): the value the editor saw, else CHANGED. */
gboolean          sd_library_set_story_field         (SdLibrary           *self,
                                                      gint64               id,
                                                      SdStoryField         field,
                                                      const char          *expected,
                                                      const char          *value,
                                                      GError             **error);
/* The @n_ids stories filed under @place_code, by the editor. */
gboolean          sd_library_set_place               (SdLibrary           *self,
                                                      const gint64        *ids,
                                                      guint                n_ids,
                                                      const char          *place_code,
                                                      GError             **error);
/* As sd_store_split_story () and sd_store_merge_with_next (). */
gboolean          sd_library_split_story             (SdLibrary           *self,
                                                      gint64               id,
                                                      guint                paragraph,
                                                      gint64              *out_new_id,
                                                      GError             **error);
gboolean          sd_library_merge_with_next         (SdLibrary           *self,
                                                      gint64               id,
                                                      GError             **error);
/* As sd_store_trash (), sd_store_restore () and sd_store_empty_trash ()
 * (all of it); @out_n nullable. */
gboolean          sd_library_trash                   (SdLibrary           *self,
                                                      SdTrashKind          kind,
                                                      gint64               id,
                                                      guint               *out_n,
                                                      GError             **error);
gboolean          sd_library_restore                 (SdLibrary           *self,
                                                      SdTrashKind          kind,
                                                      gint64               id,
                                                      guint               *out_n,
                                                      GError             **error);
gboolean          sd_library_empty_trash             (SdLibrary           *self,
                                                      guint               *out_n,
                                                      GError             **error);
/* As sd_store_set_page_fields (): the paper, date and page number of the
 * page story @story_id was cut from. */
gboolean          sd_library_set_page_fields         (SdLibrary           *self,
                                                      gint64               story_id,
                                                      const char          *paper,
                                                      const char          *issue_date,
                                                      const char          *page_no,
                                                      GError             **error);

/* Undo and redo of corrections on a library that keeps no snapshots (a
 * shared one, #17; sd-library-undo.c).  In one transaction: each story of
 * @left (element-type SdStory, whole: as the step left it) must be as it is
 * now, else SD_STORE_ERROR_CHANGED and nothing written; then each story of
 * @put (whole: as it was) is written back, its fields, place, tags and
 * highlights (moved by id), one no longer in the library made again with
 * its id and uuid on its page, right after the story @after names for it
 * (element-type gint64, one for each of @put; nullable, or 0: the story
 * before it in @put), in the trash or not, with what @put_extras keeps of
 * it (element-type GVariant, one for each of @put, from
 * sd_library_read_story_extras (); nullable, or NULL: none); a story of
 * @left not in @put is joined away onto the first of @put.  Each write
 * needs the role the correction needed.  SD_LIBRARY_ERROR_UNSUPPORTED on
 * a personal library, whose edit history swaps snapshots instead. */
gboolean          sd_library_put_back_stories        (SdLibrary           *self,
                                                      GPtrArray           *put,
                                                      GArray              *after,
                                                      GPtrArray           *put_extras,
                                                      GPtrArray           *left,
                                                      GError             **error);
/* The story a join of story @id would take (the next on its page, not in
 * the trash): 0 when there is none, -1 with @error; @out_after: the story
 * right before that one on the page, in the trash or not (where an undo
 * puts it back).  Read on the caller's thread, for the edit history;
 * SD_LIBRARY_ERROR_UNSUPPORTED where put_back_stories is missing. */
gint64            sd_library_find_next_story         (SdLibrary           *self,
                                                      gint64               id,
                                                      gint64              *out_after,
                                                      GError             **error);
/* What story @id holds that no SdStory carries and an undo gives back with
 * it (on a shared library: its corrected mark and the themes turned down
 * for it), as a value only its engine reads: (transfer full), NULL with
 * @error.  Read on the caller's thread, for the edit history;
 * SD_LIBRARY_ERROR_UNSUPPORTED where put_back_stories is missing. */
GVariant         *sd_library_read_story_extras       (SdLibrary           *self,
                                                      gint64               id,
                                                      GError             **error);
/* What differs between story @was and story @now, in the editor's words
 * ("the note", "the status to 已审", "the tags"), for undo's refusal; NULL
 * when they hold the same (who wrote last and when aside). (transfer full) */
char             *sd_story_describe_change           (const SdStory       *was,
                                                      const SdStory       *now);

/* The page view and OCR repairs, whichever engine holds the library
 * (sd-library-pages.c).  Story @id's page text as imported, and where the
 * story stands in it (sd_store_read_story_page_async ()), read in the
 * library's worker; SD_LIBRARY_ERROR_UNSUPPORTED where the engine keeps
 * no page text. */
void              sd_library_read_story_page_async   (SdLibrary           *self,
                                                      gint64               id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Returns: (transfer full) */
SdStoryPage      *sd_library_read_story_page_finish  (SdLibrary           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* As sd_store_revert_repair (): OCR repair @repair_id of story @id taken
 * back, its text put back where the page had it; on a shared library a
 * reviewer's, written at the version read (SD_STORE_ERROR_CHANGED when
 * another editor changed the story meanwhile). */
gboolean          sd_library_revert_repair           (SdLibrary           *self,
                                                      gint64               id,
                                                      gint64               repair_id,
                                                      GError             **error);

/* Import batches, the trash and a story's history, whichever engine holds
 * the library, read on the caller's thread (sd-library-trash.c): as
 * sd_store_list_batches () (element-type SdBatch), sd_store_list_trash ()
 * (element-type SdTrashEntry) and sd_store_list_history () (element-type
 * SdHistoryEntry); SD_LIBRARY_ERROR_UNSUPPORTED where the engine keeps
 * none.  sd_library_find_story (): the id of the story @id_or_uuid names
 * (its id, or its uuid), -1 with SD_STORE_ERROR_NOT_FOUND. */
GPtrArray        *sd_library_list_batches            (SdLibrary           *self,
                                                      GError             **error);
GPtrArray        *sd_library_list_trash              (SdLibrary           *self,
                                                      GError             **error);
GPtrArray        *sd_library_list_history            (SdLibrary           *self,
                                                      gint64               id,
                                                      GError             **error);
gint64            sd_library_find_story              (SdLibrary           *self,
                                                      const char          *id_or_uuid,
                                                      GError             **error);

G_END_DECLS
