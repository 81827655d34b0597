/* sd-test-library.c — the window's reads through SdLibrary, for the tests
 * of both engines
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-test-library.h"

void
sd_test_got_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

GAsyncResult *
sd_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

SdStoryDetails *
sd_test_read_details (SdLibrary *library, gint64 id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryDetails *details;

  sd_library_get_story_details_async (library, id, NULL, sd_test_got_result_cb, &result);
  details = sd_library_get_story_details_finish (library, sd_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return details;
}

SdLibrarySummary *
sd_test_read_summary (SdLibrary *library)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdLibrarySummary *summary;

  sd_library_read_summary_async (library, NULL, sd_test_got_result_cb, &result);
  summary = sd_library_read_summary_finish (library, sd_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return summary;
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
