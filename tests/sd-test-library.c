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

char *
sd_test_list_ids (SdLibrary *library, SdScopeKind kind, const char *place_code, const char *query)
{
  SdScope scope = { kind, place_code, query };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  SdStoryListing *listing;
  GString        *out = g_string_new (NULL);

  sd_library_list_story_ids_async (library, &scope, SD_STORY_ORDER_NONE, FALSE, 0, NULL, NULL, NULL,
                                   sd_test_keep_result_cb, &result);
  listing = sd_library_list_story_ids_finish (library, sd_test_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listing->ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (listing->ids, gint64, i));
  sd_story_listing_free (listing);
  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* NULL and "" alike, as both engines store them. */
static const char *
or_none (const char *text)
{
  return text != NULL ? text : "";
}

char *
sd_test_describe_story (SdLibrary *library, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SdStory) story = sd_library_get_story (library, id, &error);
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  g_autoptr (GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  GString *out;

  if (story == NULL)
    return g_strdup ("(none)");
  out = g_string_new (NULL);
  g_string_append_printf (out, "id %" G_GINT64_FORMAT " %s\n%s\n%s\n%s\n%s\n%s\n", story->id,
                          or_none (story->uuid), or_none (story->headline),
                          or_none (story->subheadline), or_none (story->reporter),
                          or_none (story->byline), or_none (story->body));
  g_string_append_printf (out, "note %s\nstatus %s\nplace %s%s\npage %s %s %s\nheads",
                          or_none (story->note), sd_story_status_to_string (story->status),
                          or_none (story->place_code), story->place_by_editor ? " (editor)" : "",
                          or_none (story->paper), or_none (story->issue_date),
                          or_none (story->page_no));
  for (guint i = 0; story->section_headings != NULL && i < story->section_headings->len; i++)
    g_string_append_printf (out, " %s", (char *) story->section_headings->pdata[i]);
  for (guint i = 0; story->tags != NULL && i < story->tags->len; i++)
    g_ptr_array_add (tags, story->tags->pdata[i]);
  g_ptr_array_sort (tags, compare_strings);
  g_string_append (out, "\ntags");
  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (out, " %s", (char *) tags->pdata[i]);
  g_string_append (out, "\nhighlights");
  for (guint i = 0; story->highlights != NULL && i < story->highlights->len; i++)
    {
      const SdHighlight *h = story->highlights->pdata[i];

      g_ptr_array_add (marks, g_strdup_printf (" %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%s",
                                               h->start, h->end, or_none (h->comment)));
    }
  g_ptr_array_sort (marks, compare_strings);
  for (guint i = 0; i < marks->len; i++)
    g_string_append (out, marks->pdata[i]);
  g_string_append_printf (out, "\n%s", story->trashed != NULL ? "in the trash" : "in the library");
  return g_string_free (out, FALSE);
}

SdLibrary *
sd_test_copy_to_shared (SdStore *store)
{
  const char *location = g_getenv ("SD_TEST_PG_URL");
  g_autoptr (SdPgLibrary) owner = NULL;
  g_autoptr (GError) error = NULL;
  SdLibrary *shared;
  guint      n_copied = 0, n_skipped = 0;

  if (location == NULL)
    return NULL;
  owner = sd_pg_library_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (sd_pg_library_create (owner, &error));
  g_assert_true (sd_pg_library_copy_library (owner, store, &n_copied, &n_skipped, &error));
  g_assert_no_error (error);
  shared = SD_LIBRARY (sd_pg_shared_open (location, &error));
  g_assert_no_error (error);
  return shared;
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
