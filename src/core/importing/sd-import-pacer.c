/* sd-import-pacer.c — an import that steps aside while the window's main
 * loop is late
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-import-pacer"

#include "config.h"

#include "sd-import-pacer.h"

/* The longest one pause point sleeps: a main loop busy with its own work
 * for longer (a long list landing) then shares the CPU with the import
 * again, which is slowed, never stopped. */
#define MAX_WAIT_MS 60

/* Why: the window and its import are one scheduling group (Linux's
 * autogroup: a session's processes share a fair part of the CPUs), so on
 * a machine busy with others the import's thread takes the group's time
 * the main thread wants for a frame, and the frame waits for a CPU (96–100
 * ms stalls with under 13 ms of the window's own work, #16).  Sleeping
 * while the main loop is late hands that time to the frame; the import
 * loses only the main thread's own work. */
struct _SdImportPacer
{
  gint64 origin;    /* µs, monotonic: when it was made */
  gint   last_beat; /* (atomic) ms after @origin; -1: stopped */
};

static GPrivate thread_pacer = G_PRIVATE_INIT (NULL);
static GPrivate thread_slept = G_PRIVATE_INIT (NULL);

SdImportPacer *
sd_import_pacer_new (void)
{
  SdImportPacer *self = g_atomic_rc_box_new0 (SdImportPacer);

  self->origin = g_get_monotonic_time ();
  return self;
}

SdImportPacer *
sd_import_pacer_ref (SdImportPacer *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
sd_import_pacer_unref (SdImportPacer *self)
{
  g_atomic_rc_box_release (self);
}

void
sd_import_pacer_beat (SdImportPacer *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_get (&self->last_beat) >= 0)
    g_atomic_int_set (&self->last_beat, (gint) ((g_get_monotonic_time () - self->origin) / 1000));
}

void
sd_import_pacer_stop (SdImportPacer *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_int_set (&self->last_beat, -1);
}

static gboolean
is_late (SdImportPacer *self, gint64 now)
{
  gint beat = g_atomic_int_get (&self->last_beat);

  return beat >= 0 && (now - self->origin) / 1000 - beat > SD_IMPORT_PACER_LATE_MS;
}

guint
sd_import_pacer_wait (SdImportPacer *self)
{
  gint64 start = g_get_monotonic_time (), now = start;

  g_return_val_if_fail (self != NULL, 0);
  /* 1 ms naps: the main loop's next beat ends the wait within one */
  while (is_late (self, now) && now - start < MAX_WAIT_MS * 1000)
    {
      g_usleep (1000);
      now = g_get_monotonic_time ();
    }
  return (guint) ((now - start) / 1000);
}

void
sd_import_pacer_set_thread (SdImportPacer *self)
{
  g_private_replace (&thread_pacer, self);
  /* the thread may be a pool's, reused for the next import: count afresh */
  g_private_set (&thread_slept, NULL);
}

void
sd_import_pause_point (void)
{
  SdImportPacer *pacer = g_private_get (&thread_pacer);
  guint          slept;

  if (pacer == NULL || (slept = sd_import_pacer_wait (pacer)) == 0)
    return;
  g_private_set (&thread_slept,
                 GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_private_get (&thread_slept)) + slept));
}

guint64
sd_import_pacer_thread_slept_ms (void)
{
  return GPOINTER_TO_SIZE (g_private_get (&thread_slept));
}
