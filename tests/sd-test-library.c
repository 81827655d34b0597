/* sd-test-library.c — the window's reads through SdLibrary, for the tests
 * of both engines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
