/* sd-test-schema.h — a library at an older schema, filled with another's
 * rows, and what a library stores, compared before and after a migration
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first schema after the last step that rewrites what a library holds
 * (sd-store-schema.c): a library there or later upgrades with no copy. */
guint    sd_test_schema_after_last_rewrite (void);

/* Makes a library at @path at @schema (1 or more, below this version's),
 * its migrations run in turn on an empty file, then each of its tables
 * filled with the rows of the library at @seeded (this version's schema) in
 * the columns both have: the search index fed by its triggers, a page's
 * text unpacked for a schema before it was packed.  Aborts on a failure. */
void     sd_test_make_library_at   (const char *path,
                                    guint       schema,
                                    const char *seeded);

/* Brings the library at @path, at an older schema, to @schema through the
 * migrations alone, each in a transaction (no copy, no VACUUM): as the
 * Storydesk of @schema left it.  Aborts on a failure. */
void     sd_test_migrate_to        (const char *path,
                                    guint       schema);

/* What the library at @path stores: its tables and indexes as defined,
 * every row of each (the search index's shadow tables too). */
typedef struct _SdTestStored SdTestStored;

SdTestStored *sd_test_read_stored  (const char         *path);
void     sd_test_stored_free       (SdTestStored       *stored);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdTestStored, sd_test_stored_free)
/* NULL when the library at @path still stores all of @before: each table
 * and index there still, defined as it was (a table may have gained
 * columns, each at its default in every row), each row as it was (rows
 * may be added: settings); else what changed, a line each.
 * (transfer full) */
char    *sd_test_describe_changed  (const SdTestStored *before,
                                    const char         *path);

G_END_DECLS
