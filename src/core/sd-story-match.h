/* sd-story-match.h — a story found again in a new version of its page, and
 * a highlight found again in a story's new text: the same on either
 * engine (a personal library's sd-store-versions.c, a shared library's
 * sd-pg-versions.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-story.h"

G_BEGIN_DECLS

/* The story of @candidates (element-type SdStory) that @old is found
 * again in: the same headline (white space and markup aside), else a body
 * holding the start of @old's; one not @used yet, marked used.  NULL when
 * none is. */
SdStory  *sd_story_find_again     (const SdStory     *old,
                                   GPtrArray         *candidates,
                                   gboolean          *used);
/* Each story of @old (element-type SdStory) looked for in @candidates
 * (element-type SdStory), the ones editors worked on (@worked, one a
 * story) choosing first, so that each story found again keeps its
 * identity: @out_order gets the indexes of @old in the order they chose,
 * @out_matches (by index) each one's match or NULL.  Both arrays hold
 * @old->len. */
void      sd_story_find_all_again (GPtrArray         *old,
                                   const gboolean    *worked,
                                   GPtrArray         *candidates,
                                   guint             *out_order,
                                   SdStory          **out_matches);
/* Where @highlight's quote is in @body (characters), the place whose
 * context best agrees with the highlight's prefix and suffix; FALSE when
 * the quote is not in @body. */
gboolean  sd_highlight_find_again (const SdHighlight *highlight,
                                   const char        *body,
                                   gint64            *out_start,
                                   gint64            *out_end);

G_END_DECLS
