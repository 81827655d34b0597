/* sd-pg-corrections.h — a reviewer's corrections, an admin's trash and
 * page details on a shared library (#17), each as the person's role: the
 * server refuses what the role may not do (SD_PG_ERROR_DENIED)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write that changes a story names the version it read
 * (UPDATE … WHERE id = $1 AND version = $2): another editor's write in
 * between is SD_PG_ERROR_CHANGED, nothing written.  The story's search
 * windows and headline tokens are rewritten in the same transaction.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-pg-library.h"

G_BEGIN_DECLS

/* sd-pg-corrections.c.  @expected (nullable): the value the editor saw,
 * else SD_PG_ERROR_CHANGED; an unchanged value writes nothing. */
gboolean     sd_pg_library_set_story_field (SdPgLibrary   *self,
                                            gint64         id,
                                            SdStoryField   field,
                                            const char    *expected,
                                            const char    *value,
                                            GError       **error);
/* The @n_ids stories filed under @place_code (NULL: unplaced) by the editor. */
gboolean     sd_pg_library_set_place       (SdPgLibrary   *self,
                                            const gint64  *ids,
                                            guint          n_ids,
                                            const char    *place_code,
                                            GError       **error);
/* As sd_store_split_story (): the cut of sd_story_cut (). */
gboolean     sd_pg_library_split_story     (SdPgLibrary   *self,
                                            gint64         id,
                                            guint          paragraph,
                                            gint64        *out_new_id,
                                            GError       **error);
/* As sd_store_merge_with_next (): the join of sd_story_join (). */
gboolean     sd_pg_library_merge_with_next (SdPgLibrary   *self,
                                            gint64         id,
                                            GError       **error);
/* As sd_store_revert_repair (), a reviewer's, at the version read
 * (SD_PG_ERROR_CHANGED when another editor changed the story meanwhile). */
gboolean     sd_pg_library_revert_repair   (SdPgLibrary   *self,
                                            gint64         id,
                                            gint64         repair_id,
                                            GError       **error);
/* As sd_store_set_page_fields (): NULL keeps a field, "" clears it; the
 * page's identity follows (sd-pg-pages.c).  _at () only while story
 * @story_id is at @version (0: any), its version after in @out_version. */
gboolean     sd_pg_library_set_page_fields (SdPgLibrary   *self,
                                            gint64         story_id,
                                            const char    *paper,
                                            const char    *issue_date,
                                            const char    *page_no,
                                            GError       **error);
gboolean     sd_pg_library_set_page_fields_at (SdPgLibrary *self,
                                            gint64         story_id,
                                            gint64         version,
                                            const char    *paper,
                                            const char    *issue_date,
                                            const char    *page_no,
                                            gint64        *out_version,
                                            GError       **error);

/* sd-pg-trash.c: as sd_store_trash (), sd_store_restore () and
 * sd_store_empty_trash () (all of it); a story, a page or an import
 * batch.  @out_n nullable. */
gboolean     sd_pg_library_trash           (SdPgLibrary   *self,
                                            SdTrashKind    kind,
                                            gint64         id,
                                            guint         *out_n,
                                            GError       **error);
gboolean     sd_pg_library_restore         (SdPgLibrary   *self,
                                            SdTrashKind    kind,
                                            gint64         id,
                                            guint         *out_n,
                                            GError       **error);
gboolean     sd_pg_library_empty_trash     (SdPgLibrary   *self,
                                            guint         *out_n,
                                            GError       **error);
/* How many stories are in the trash; -1 with @error set. */
gint64       sd_pg_library_count_trash     (SdPgLibrary   *self,
                                            GError       **error);
/* The stories in the trash longer than SD_STORE_TRASH_DAYS deleted for
 * good, as a personal library's open purges them; @out_n nullable.  Only
 * an admin may: an admin's open runs it. */
gboolean     sd_pg_library_purge_trash     (SdPgLibrary   *self,
                                            guint         *out_n,
                                            GError       **error);

/* sd-pg-batches.c: as sd_store_begin_batch (), sd_store_list_batches ()
 * (element-type SdBatch), sd_store_list_trash () (element-type
 * SdTrashEntry) and sd_store_list_history () (element-type
 * SdHistoryEntry). */
void         sd_pg_library_begin_batch     (SdPgLibrary   *self,
                                            SdBatchKind    kind);
GPtrArray   *sd_pg_library_list_batches    (SdPgLibrary   *self,
                                            GError       **error);
GPtrArray   *sd_pg_library_list_trash      (SdPgLibrary   *self,
                                            GError       **error);
GPtrArray   *sd_pg_library_list_history    (SdPgLibrary   *self,
                                            gint64         story_id,
                                            GError       **error);

G_END_DECLS
