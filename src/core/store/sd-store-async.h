/* sd-store-async.h — store reads that may take long, done in a worker
 * thread on a connection of its own
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

/* sd_store_list_stories() of the library at @db_path, in a worker thread:
 * a node of 100,000 stories takes a noticeable moment to read. */
void       sd_store_list_stories_async  (const char          *db_path,
                                         const SdScope       *scope,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Returns: (element-type SdStory) (transfer full) */
GPtrArray *sd_store_list_stories_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
