/* sd-test-library.c — the window's reads through SdLibrary, for the tests
 * of both engines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-pg-shared.h"
#include "sd-test-library.h"
#include "sd-test-util.h"

SdStoryDetails *
sd_test_read_details (SdLibrary *library, gint64 id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryDetails *details;

  sd_library_get_story_details_async (library, id, NULL, sd_test_keep_result_cb, &result);
  details = sd_library_get_story_details_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  return details;
}

static void
story_changed_cb (SdLibrary *library, gint64 id, SdTestTold *told)
{
  if (id == told->id)
    told->n_told++;
}

void
sd_test_told_start (SdTestTold *told, SdLibrary *library, gint64 id)
{
  *told = (SdTestTold){ id, 0, library };
  told->handler = g_signal_connect (library, "story-changed", G_CALLBACK (story_changed_cb), told);
}

void
sd_test_told_wait (SdTestTold *told, guint before)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (told->n_told == before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  g_assert_cmpuint (told->n_told, >, before);
}

void
sd_test_told_stop (SdTestTold *told)
{
  g_clear_signal_handler (&told->handler, told->library);
}

SdLibrary *
sd_test_copy_to_shared (SdStore *store)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  g_autoptr (SdPgLibrary) owner = NULL;
  g_autoptr (GError) error = NULL;
  SdPgShared *shared;
  guint       n_copied = 0, n_skipped = 0;

  if (location == NULL)
    return NULL;
  owner = sd_pg_library_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (owner, &error));
  g_assert_true (sd_pg_library_copy_library (owner, store, &n_copied, &n_skipped, &error));
  g_assert_no_error (error);
  shared = sd_pg_shared_open (location, &error);
  g_assert_no_error (error);
  return SD_LIBRARY (shared);
}

void
sd_test_add_engine_bodies (const char       *prefix,
                           SdLibrary *const *engines,
                           const SdTestBody *bodies,
                           guint             n_bodies)
{
  static const char *const names[] = { "sqlite", "postgresql" };

  /* each body on each engine in turn: the same calls, the same answers */
  for (guint b = 0; b < n_bodies; b++)
    for (guint e = 0; e < G_N_ELEMENTS (names); e++)
      if (engines[e] != NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s/%s", prefix, names[e], bodies[b].name);

          g_test_add_data_func (path, GUINT_TO_POINTER (e), bodies[b].func);
        }
}
