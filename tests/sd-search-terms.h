/* sd-search-terms.h — the terms a search must answer exactly, and the
 * stories that hold each: shared by the search tests of both engines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char  *fields[5]; /* folded headline, subheadline, body, byline, note */
} SdFoldedStory;

void       sd_search_terms_import_seeds   (SdStore    *store);
GPtrArray *sd_search_terms_annotate_seeds (SdStore    *store);
GArray    *sd_search_terms_fold           (GPtrArray  *stories);
GPtrArray *sd_search_terms_pick           (GArray     *folded);
char      *sd_search_terms_expected       (GArray     *folded,
                                           const char *term);
void       sd_search_terms_collect_cjk    (GHashTable *terms,
                                           const char *text,
                                           guint       n);

G_END_DECLS
