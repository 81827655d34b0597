/* sd-bench.h — what the benchmark's files share: the table of figures
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Adds @value to the row @name of class @klass in @table, made on first use. */
void     sd_bench_record        (GPtrArray  *table,
                                 const char *name,
                                 const char *klass,
                                 const char *unit,
                                 double      value);
/* Milliseconds since @start (g_get_monotonic_time ()). */
double   sd_bench_elapsed_ms    (gint64      start);

/* Times the import pipeline's steps, @n_runs times each, on the pages of
 * @dir and on a 1 MB page made of them (sd-bench-pipeline.c). */
gboolean sd_bench_time_pipeline (const char *dir,
                                 int         n_runs,
                                 GPtrArray  *table,
                                 GError    **error);

G_END_DECLS
