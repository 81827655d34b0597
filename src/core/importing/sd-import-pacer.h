/* sd-import-pacer.h — an import that steps aside while the window's main
 * loop is late (#16: no frame over 50 ms while importing)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SdImportPacer SdImportPacer;

/* How often the main loop beats, and how late a beat is when the loop is
 * behind (running something, or waiting for a CPU). */
#define SD_IMPORT_PACER_BEAT_MS 5
#define SD_IMPORT_PACER_LATE_MS 12

SdImportPacer *sd_import_pacer_new        (void);
SdImportPacer *sd_import_pacer_ref        (SdImportPacer *self);
void           sd_import_pacer_unref      (SdImportPacer *self);
/* The main loop ran again (its own thread, every SD_IMPORT_PACER_BEAT_MS
 * while an import runs). */
void           sd_import_pacer_beat       (SdImportPacer *self);
/* No more beats come (the window stops watching): no wait any longer. */
void           sd_import_pacer_stop       (SdImportPacer *self);
/* The import's thread: returns at once while the main loop beats on
 * time, else sleeps until it beats again (at most a bounded while, so a
 * main loop busy for long only slows the import); the ms it slept. */
guint          sd_import_pacer_wait       (SdImportPacer *self);
/* The pacer the calling thread's pause points ask (NULL: none), so that
 * a long page's steps (sd-pipeline) step aside between them too; counts
 * the thread's sleep afresh. */
void           sd_import_pacer_set_thread (SdImportPacer *self);
void           sd_import_pause_point      (void);
/* The ms the calling thread has slept at its pause points since its
 * pacer was set. */
guint64        sd_import_pacer_thread_slept_ms (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdImportPacer, sd_import_pacer_unref)

G_END_DECLS
