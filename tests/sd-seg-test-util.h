/* sd-seg-test-util.h — what the segmenter's tests share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-segmenter.h"

G_BEGIN_DECLS

GPtrArray *sd_test_cut                (const char *page);
SdSegment *sd_test_story_headed       (GPtrArray  *segments,
                                       const char *headline);
gboolean   sd_test_body_has           (SdSegment  *segment,
                                       const char *prefix,
                                       const char *suffix);
void       sd_test_assert_cut         (const char *page,
                                       guint       n,
                                       const char *headline,
                                       const char *prefix);
SdSegment *sd_test_only_story         (GPtrArray  *segments,
                                       const char *headline,
                                       const char *prefix,
                                       const char *reporter);
void       sd_test_assert_one_caption (SdSegment  *story,
                                       const char *prefix);

G_END_DECLS
