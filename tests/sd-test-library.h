/* sd-test-library.h — what the tests of both engines share: the window's
 * reads through SdLibrary, waited for, and its "story-changed" counted
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* As the window reads it, in the library's worker; fails the test if it
 * cannot be read (sd-test-util.h has the summary and the waiting).
 * (transfer full) */
SdStoryDetails   *sd_test_read_details   (SdLibrary      *library,
                                          gint64          id);

/* "story-changed" of one story, counted. */
typedef struct
{
  gint64     id;
  guint      n_told;
  SdLibrary *library;
  gulong     handler;
} SdTestTold;

void              sd_test_told_start     (SdTestTold     *told,
                                          SdLibrary      *library,
                                          gint64          id);
/* Runs the main loop until @told was told more than @before times; fails
 * the test after 10 s. */
void              sd_test_told_wait      (SdTestTold     *told,
                                          guint           before);
void              sd_test_told_stop      (SdTestTold     *told);

/* The ids @kind lists (of the place @place_code, a search of @query; both
 * nullable), in the library's order, as text: "3 5 8". (transfer full) */
char             *sd_test_list_ids       (SdLibrary      *library,
                                          SdScopeKind     kind,
                                          const char     *place_code,
                                          const char     *query);
/* Story @id as an editor sees it, on one line a field, read on the
 * caller's thread (sd_library_get_story ()): uuid, fields, body, note,
 * status, place, section heads, tags (sorted), highlights (range and
 * comment, not their ids: a shared library's undo makes one again under a
 * new id), whether it is in the trash; who wrote it last and when left
 * out.  "(none)" when the library has no such story. (transfer full) */
char             *sd_test_describe_story (SdLibrary      *library,
                                          gint64          id);

/* With a server given (SD_TEST_PG_URL, as tests/with-postgres.py sets it),
 * a shared library made there with @store's stories copied in, the same
 * ids; NULL without one.  Fails the test if it cannot be. (transfer full) */
SdLibrary        *sd_test_copy_to_shared (SdStore        *store);

/* A test body of both engines, given the engine's index (0: the personal
 * library, 1: the shared one). */
typedef struct
{
  const char    *name;
  GTestDataFunc  func;
} SdTestBody;

/* Adds each of @bodies on each of the two @engines not NULL, as
 * "@prefix/sqlite/NAME" and "@prefix/postgresql/NAME", body by body. */
void              sd_test_add_engine_bodies (const char       *prefix,
                                             SdLibrary *const *engines,
                                             const SdTestBody *bodies,
                                             guint             n_bodies);

G_END_DECLS
