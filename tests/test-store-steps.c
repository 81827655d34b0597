/* test-store-steps.c — each step of the schema does what its label says
 * (sd-store-schema.c): a step said to change only settings or to build an
 * index leaves every stored row as it was, and a step said to rewrite
 * does change some.  A step that says less than it does costs libraries
 * their backup; the upgrade trusts the label (sd_store_weigh_upgrade ()).
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "sd-store-fts5.h"
#include "sd-store-private.h"
#include "sd-test-schema.h"
#include "sd-test-util.h"

static const char *const work_names[] = {
  [SD_STORE_UPGRADE_NONE] = "NONE",
  [SD_STORE_UPGRADE_SETTINGS] = "SETTINGS",
  [SD_STORE_UPGRADE_INDEXES] = "INDEXES",
  [SD_STORE_UPGRADE_REWRITES] = "REWRITES",
};

/* The seeds' library, with an editor's marks: a note, a tag, a highlight,
 * a story in the trash.  (transfer full) */
static char *
make_seeded (const char *folder)
{
  g_autoptr (SdStore) store = sd_test_open_seeds_in (folder);
  g_autoptr (GPtrArray) stories = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id, gone;

  stories = sd_store_list_stories (store, &(SdScope){ SD_SCOPE_ALL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stories->len, >, 10);
  id = ((SdStory *) g_ptr_array_index (stories, 3))->id;
  gone = ((SdStory *) g_ptr_array_index (stories, 5))->id;
  g_assert_true (sd_store_set_note (store, id, "升级前写的批注", &error));
  g_assert_true (sd_store_add_tag (store, id, "待升级", &error));
  g_assert_true (sd_store_add_highlight (store, id, 0, 4, "看这里", NULL, &error));
  g_assert_true (sd_store_trash (store, SD_TRASH_STORY, gone, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (sd_store_get_path (store));
}

/* Step @data (it brings schema @data to @data + 1) run on a library at
 * @data that holds the seeds, alone, as the upgrade runs it: the rows
 * stored before are all there after, as they were, unless it is labelled
 * REWRITES, when some are not.  Step 0 makes the first schema of an empty
 * file, which has no row to keep. */
static void
test_step (gconstpointer data)
{
  guint            step = GPOINTER_TO_UINT (data);
  SdStoreUpgrade   work = _sd_store_migrations[step].work;
  g_autofree char *folder = sd_test_make_dir ("step");
  g_autofree char *seeded = make_seeded (folder);
  g_autofree char *path = g_build_filename (folder, "older.db", NULL);
  g_autoptr (SdTestStored) before = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *changed = NULL;
  sqlite3         *db = NULL;
  char            *message = NULL;

  sd_test_make_library_at (path, step, seeded);
  before = sd_test_read_stored (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (sd_store_register_fts5 (db, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, "BEGIN", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db, _sd_store_migrations[step].sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_exec (db, "COMMIT", NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  changed = sd_test_describe_changed (before, path);
  if (work != SD_STORE_UPGRADE_REWRITES && changed != NULL)
    g_error ("step %u -> %u is labelled %s, but it changes what is stored (label it REWRITES):\n%s",
             step, step + 1, work_names[work], changed);
  if (work == SD_STORE_UPGRADE_REWRITES && changed == NULL)
    g_error ("step %u -> %u is labelled REWRITES, but it leaves every stored row as it was", step,
             step + 1);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  for (guint step = 1; step < _sd_store_n_migrations; step++)
    {
      g_autofree char *name = g_strdup_printf ("/store-steps/%u-to-%u-%s", step, step + 1,
                                               work_names[_sd_store_migrations[step].work]);

      g_test_add_data_func (name, GUINT_TO_POINTER (step), test_step);
    }
  return g_test_run ();
}
