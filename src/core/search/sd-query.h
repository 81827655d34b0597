/* sd-query.h — the search language of the window and the command line
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   党建 工作          stories holding both (anywhere, in any order)
 *   "乡村 振兴"        a phrase: the words in this order, spaces and
 *                      punctuation between them ignored
 *   -广告  -"招聘"     leave out stories holding a word or phrase
 *   tag:党建           tagged so (-tag:党建: not tagged so)
 *   place:吴江区       filed under the place or anywhere below it
 *   status:reviewed    new, reviewed, needs-work, rejected, or 未审, 已审,
 *                      待修改, 不用
 *   kind:photo         news, brief, photo, continuation
 *   source:004_        cut from the page file of that name, or starting so
 *   date:2022-11       of a page of that day, month or year, or of a range
 *                      of them: date:2022-11-01..2022-11-30
 *   paper:苏州日报      of a page of that paper
 *   page:A05           of a page of that number (A5, 第A05版 alike)
 *
 * Text is matched the way sd-cjk-tokenizer.h indexes it: Chinese by
 * characters, so 振兴 finds 乡村振兴; Latin words and numbers whole, full-width
 * and half-width alike, case ignored.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

#include "sd-store.h"

G_BEGIN_DECLS

#define SD_QUERY_ERROR (sd_query_error_quark ())
typedef enum
{
  SD_QUERY_ERROR_INVALID,           /* not UTF-8 */
  SD_QUERY_ERROR_UNCLOSED_QUOTE,
  SD_QUERY_ERROR_LONE_MINUS,
  SD_QUERY_ERROR_UNKNOWN_FIELD,
  SD_QUERY_ERROR_EMPTY_VALUE,
  SD_QUERY_ERROR_UNKNOWN_PLACE,
  SD_QUERY_ERROR_UNKNOWN_STATUS,
  SD_QUERY_ERROR_UNKNOWN_KIND,
  SD_QUERY_ERROR_NOTHING_TO_SEARCH, /* a term of punctuation only */
  SD_QUERY_ERROR_BAD_VALUE,         /* a date or page number that is none */
  SD_QUERY_ERROR_TOO_LONG,          /* more than SD_QUERY_MAX_PARTS words and fields */
} SdQueryError;
GQuark sd_query_error_quark (void);

/* The most words, phrases and fields one search may hold: far more than an
 * editor types, and few enough that SQLite's expression depth (1000) is
 * never reached, whatever the fields. */
#define SD_QUERY_MAX_PARTS 256

typedef enum
{
  SD_QUERY_FIELD_TAG,    /* value: the tag name, NFKC */
  SD_QUERY_FIELD_PLACE,  /* value: the place's code */
  SD_QUERY_FIELD_STATUS, /* value: new, reviewed, needs-work, rejected */
  SD_QUERY_FIELD_KIND,   /* value: news, brief, photo, continuation */
  SD_QUERY_FIELD_SOURCE, /* value: a page file name or its start */
  SD_QUERY_FIELD_DATE,   /* value: "2022-11-01..2022-11-30", first and last day */
  SD_QUERY_FIELD_PAPER,  /* value: the paper's name */
  SD_QUERY_FIELD_PAGE,   /* value: the page number as stored, A05 */
} SdQueryField;

typedef struct
{
  SdQueryField field;
  gboolean     negated;
  char        *value;
} SdQueryFilter;

typedef struct _SdQuery SdQuery;

SdQuery    *sd_query_parse       (const char    *text,
                                  GError       **error);
void        sd_query_free        (SdQuery       *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdQuery, sd_query_free)

/* TRUE when the query asks for nothing: every story matches. */
gboolean    sd_query_is_empty    (const SdQuery *query);
/* The FTS5 MATCH expression for the wanted words and phrases, with the
 * unwanted ones subtracted; NULL when no word is wanted. */
const char *sd_query_get_match   (const SdQuery *query);
/* When no word is wanted but some are not: the MATCH expression of those to
 * leave out; NULL otherwise. */
const char *sd_query_get_exclude (const SdQuery *query);
/* The wanted words and phrases as typed, e.g. to highlight them.
 * (element-type utf8) (transfer none) */
GPtrArray  *sd_query_get_terms   (const SdQuery *query);
/* The wanted words and phrases of the query @text as typed, for marking
 * them in what it found: empty when @text is NULL or not a query.
 * (transfer full) */
GStrv       sd_query_dup_marked_terms (const char *text);
/* The unwanted words and phrases as typed.
 * (element-type utf8) (transfer none) */
GPtrArray  *sd_query_get_excluded (const SdQuery *query);
/* (element-type SdQueryFilter) (transfer none) */
GPtrArray  *sd_query_get_filters (const SdQuery *query);

G_END_DECLS
