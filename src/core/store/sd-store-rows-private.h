/* sd-store-rows-private.h — one writer (and reader) per table row, shared by
 * the store's files; nothing outside src/core/store/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store-private.h"

G_BEGIN_DECLS

/* Each writes its row inside the caller's transaction. */

/* Sets @out_id (nullable) to the new page. */
G_GNUC_INTERNAL gboolean  _sd_store_insert_page       (SdStore *self, const SdPageRecord *page, const char *now, gint64 *out_id, GError **error);
/* Inserts @story (its place mentions and repairs too) as story @ordinal of
 * the page; sets its id, and its uuid unless it has one. */
G_GNUC_INTERNAL gboolean  _sd_store_insert_story      (SdStore *self, gint64 page_id, guint ordinal, SdStory *story, GError **error);
/* Writes @highlight's range, texts, editor and time; sets @out_id (nullable). */
G_GNUC_INTERNAL gboolean  _sd_store_insert_highlight  (SdStore *self, gint64 story_id, const SdHighlight *highlight, gint64 *out_id, GError **error);
/* Body offsets of place mentions no longer hold after the body changes; the
 * underlines go with them (the place the story is filed under stays). */
G_GNUC_INTERNAL gboolean  _sd_store_forget_body_mentions (SdStore *self, gint64 story_id, GError **error);
/* Fills story->highlights. */
G_GNUC_INTERNAL gboolean  _sd_store_read_highlights   (SdStore *self, SdStory *story, GError **error);

/* The stories @stmt returns (STORY_COLUMNS; FULL_STORY_COLUMNS with their
 * highlights when @full), only those in @only (nullable, a set of gint64
 * ids); NULL with @error, saying @what failed. (element-type SdStory) */
G_GNUC_INTERNAL GPtrArray *_sd_store_read_stories     (SdStore *self, sqlite3_stmt *stmt, gboolean full, GHashTable *only, const char *what, GError **error);

/* NFKC, trimmed; NULL with INVALID for an unusable name. */
G_GNUC_INTERNAL char     *_sd_store_normalize_tag     (const char *tag, GError **error);
/* A tag's colour, "#rrggbb" or NULL (sd-store-tags.c), and a saved
 * search's stripped name once its query parses (sd-store-saved-search.c):
 * the rules of both engines. */
G_GNUC_INTERNAL gboolean  _sd_store_check_tag_color   (const char *color, GError **error);
G_GNUC_INTERNAL char     *_sd_store_check_saved_search (const char *name, const char *query,
                                                        GError **error);
/* The tag's id, 0 when there is none, -1 with @error set. */
G_GNUC_INTERNAL gint64    _sd_store_find_tag          (SdStore *self, const char *name, GError **error);
/* Creates the tag unless it exists. */
G_GNUC_INTERNAL gboolean  _sd_store_insert_tag        (SdStore *self, const char *name, GError **error);
/* Links a story to an existing tag unless it is linked already. */
G_GNUC_INTERNAL gboolean  _sd_store_link_tag          (SdStore *self, gint64 story_id, const char *name, const char *editor, const char *added, GError **error);
G_GNUC_INTERNAL gboolean  _sd_store_unlink_tag        (SdStore *self, gint64 story_id, const char *name, GError **error);
/* Copies one story's tags onto another (what it has already stays). */
G_GNUC_INTERNAL gboolean  _sd_store_copy_tags         (SdStore *self, gint64 from_story, gint64 to_story, GError **error);
/* Links every story of one tag to another tag too. */
G_GNUC_INTERNAL gboolean  _sd_store_copy_tag_links    (SdStore *self, gint64 from_tag, gint64 to_tag, GError **error);

/* The page a story was cut from, and the story's place on it. */
typedef struct
{
  gint64  page_id;
  gint64  ordinal;
  gint64  size; /* of the page file */
  gint64  text_length;
  char   *encoding;
  char   *text;
} SdPageInfo;

G_GNUC_INTERNAL void      _sd_page_info_clear         (SdPageInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SdPageInfo, _sd_page_info_clear)
/* NOT_FOUND for a missing story. */
G_GNUC_INTERNAL gboolean  _sd_store_read_page_info    (SdStore *self, gint64 story_id, SdPageInfo *info, GError **error);

G_END_DECLS
