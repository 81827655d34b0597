/* sd-name-matcher.h — find many names in a text in one pass (Aho-Corasick)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SdNameMatcher SdNameMatcher;

typedef struct
{
  gsize start; /* byte offsets into the scanned text */
  gsize end;
  guint value; /* what the name was added with */
} SdNameMatch;

G_GNUC_INTERNAL
SdNameMatcher *_sd_name_matcher_new     (void);
G_GNUC_INTERNAL
void           _sd_name_matcher_free    (SdNameMatcher *self);
/* Only before _sd_name_matcher_compile(); adding a name twice keeps the
 * last value. */
G_GNUC_INTERNAL
void           _sd_name_matcher_add     (SdNameMatcher *self,
                                         const char    *name,
                                         guint          value);
G_GNUC_INTERNAL
void           _sd_name_matcher_compile (SdNameMatcher *self);
/* Leftmost-longest, non-overlapping matches, in text order; linear in @len
 * plus the number of matches.  (element-type SdNameMatch) (transfer full) */
G_GNUC_INTERNAL
GArray        *_sd_name_matcher_scan    (const SdNameMatcher *self,
                                         const char          *text,
                                         gsize                len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdNameMatcher, _sd_name_matcher_free)

G_END_DECLS
