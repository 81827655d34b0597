/* sd-segmenter.h — split an OCR'd newspaper page into stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-page-reader.h"
#include "sd-segment.h"

G_BEGIN_DECLS

/* @text is the whole page as UTF-8 (any of LF, CRLF or CR line ends; no BOM).
 * Returns (element-type SdSegment) (transfer full) the stories in page order.
 * Runs in time linear in @length. */
GPtrArray *sd_segmenter_split      (const char   *text,
                                    gsize         length);
/* The same for a page from the page reader, whose text is known to be
 * valid UTF-8 with no NUL byte: it is not checked again. */
GPtrArray *sd_segmenter_split_page (const SdPage *page);

G_END_DECLS
