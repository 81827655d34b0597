/* test-undo-random.c — random sequences of every editorial action, all
 * undone: the library must come back exactly, every table, ids included;
 * all redone, exactly as it was after them (#13's bar for undo); deleting
 * stories, pages and import batches and restoring them among them
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-edit-history.h"
#include "sd-importer.h"
#include "sd-test-util.h"

/* Rounds of actions, each undone and redone in full: the history keeps
 * the last 500 steps, so a round stays below that. */
#define N_ROUNDS 4
#define ACTIONS_PER_ROUND 350
#define SEED 20261206

typedef enum
{
  ACTION_TAG_ONE,
  ACTION_TAG_MANY,
  ACTION_UNTAG_ONE,
  ACTION_UNTAG_MANY,
  ACTION_NOTE,
  ACTION_STATUS,
  ACTION_ADD_HIGHLIGHT,
  ACTION_REMOVE_HIGHLIGHT,
  ACTION_FIELD,
  ACTION_PLACE,
  ACTION_SPLIT,
  ACTION_JOIN,
  ACTION_REVERT_REPAIR,
  ACTION_DISMISS_THEME,
  ACTION_DELETE_STORY,
  ACTION_DELETE_PAGE,
  ACTION_DELETE_BATCH,
  ACTION_RESTORE,
  N_ACTIONS
} Action;

static const char *const tags[] = { "党建", "民生", "经济", "文化", "待核" };
static const char *const places[] = { "320509", "320100", "320412", "320200", "321204", NULL };
static const char *const themes[] = { "乡村振兴", "营商环境", "安全生产" };

typedef struct
{
  SdStore       *store;
  SdEditHistory *history;
  GRand         *rand;
  guint          done[N_ACTIONS]; /* how many of each succeeded */
  guint          n_steps;         /* undo steps they made */
} Run;

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The page files (*.txt) of @dir, in name order. */
static void
import_pages (SdStore *store, const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr (SdImportResult) result = sd_importer_import_file (store, path);

      g_assert_no_error (result->error);
    }
}

/* A random one of @listed (the library's stories). */
static gint64
pick_id (Run *run, GPtrArray *listed)
{
  return ((SdStory *) g_ptr_array_index (listed, g_rand_int_range (run->rand, 0, listed->len)))->id;
}

static guint
count_paragraphs (const char *body)
{
  guint n = 1;

  for (const char *p = body; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* 1 to 5 stories, the first @story. (element-type gint64) */
static GArray *
pick_many (Run *run, GPtrArray *listed, const SdStory *story)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint   n = g_rand_int_range (run->rand, 1, 6);

  g_array_append_val (ids, story->id);
  for (guint i = 1; i < n; i++)
    {
      gint64 id = pick_id (run, listed);
      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
random_text (Run *run)
{
  static const char *const words[] = { "核对", "人名", "数字", "待定", "地名", "" };

  return g_strconcat (words[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (words))],
                      words[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (words))], NULL);
}

/* One random action on a random story; FALSE when the store refused it (a
 * join of a page's last story, a repair whose text is gone …). */
/* Brings back a random entry of the trash, or one story of it. */
static gboolean
restore (Run *run)
{
  g_autoptr (GPtrArray) entries = sd_store_list_trash (run->store, NULL);
  SdTrashEntry *entry;

  g_assert_nonnull (entries);
  if (entries->len == 0)
    return FALSE;
  entry = g_ptr_array_index (entries, g_rand_int_range (run->rand, 0, entries->len));
  return sd_edit_history_restore (run->history, entry->kind, &entry->target, 1, NULL);
}

static gboolean
act (Run *run, GPtrArray *listed, Action action)
{
  g_autoptr (SdStory) story = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *text = NULL;
  const char      *tag = tags[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (tags))];
  glong            length;

  if (action == ACTION_RESTORE)
    return restore (run);
  if (listed->len == 0)
    return FALSE; /* all in the trash */
  story = sd_test_get_story (run->store, pick_id (run, listed));
  length = g_utf8_strlen (story->body, -1);
  switch (action)
    {
    case ACTION_DELETE_STORY: /* one to five stories, one step */
      ids = pick_many (run, listed, story);
      return sd_edit_history_trash (run->history, SD_TRASH_STORY, (gint64 *) ids->data, ids->len,
                                    NULL);
    case ACTION_DELETE_PAGE:
      return sd_edit_history_trash (run->history, SD_TRASH_PAGE, &story->page_id, 1, NULL);
    case ACTION_DELETE_BATCH:
      {
        g_autoptr (GPtrArray) batches = sd_store_list_batches (run->store, NULL);
        SdBatch *batch = g_ptr_array_index (batches, g_rand_int_range (run->rand, 0, batches->len));

        return sd_edit_history_trash (run->history, SD_TRASH_BATCH, &batch->id, 1, NULL);
      }
    case ACTION_TAG_ONE:
    case ACTION_UNTAG_ONE:
    case ACTION_TAG_MANY:
    case ACTION_UNTAG_MANY:
      ids = pick_many (run, listed, story);
      if (action == ACTION_TAG_ONE || action == ACTION_UNTAG_ONE)
        g_array_set_size (ids, 1);
      if (action == ACTION_TAG_ONE || action == ACTION_TAG_MANY)
        return sd_edit_history_add_tag (run->history, (gint64 *) ids->data, ids->len, tag, NULL);
      return sd_edit_history_remove_tag (run->history, (gint64 *) ids->data, ids->len, tag, NULL);
    case ACTION_NOTE:
      text = random_text (run);
      return sd_edit_history_set_note (run->history, story->id, text, NULL);
    case ACTION_STATUS:
      return sd_edit_history_set_status (run->history, story->id,
                                         g_rand_int_range (run->rand, 0, 4), NULL);
    case ACTION_ADD_HIGHLIGHT:
      {
        gint64 start = g_rand_int_range (run->rand, 0, MAX (length, 1));
        gint64 end = MIN (length, start + g_rand_int_range (run->rand, 1, 12));

        if (end <= start)
          return FALSE;
        return sd_edit_history_add_highlight (run->history, story->id, start, end,
                                              g_rand_boolean (run->rand) ? "看" : NULL, NULL);
      }
    case ACTION_REMOVE_HIGHLIGHT:
      if (story->highlights->len == 0)
        return FALSE;
      return sd_edit_history_remove_highlight (
          run->history, story->id,
          ((SdHighlight *) g_ptr_array_index (
               story->highlights, g_rand_int_range (run->rand, 0, story->highlights->len)))
              ->id,
          NULL);
    case ACTION_FIELD:
      text = g_rand_boolean (run->rand) ? random_text (run) : NULL;
      return sd_edit_history_set_story_field (run->history, story->id,
                                              g_rand_int_range (run->rand, 0, 4), text, NULL);
    case ACTION_PLACE:
      return sd_edit_history_set_place (
          run->history, story->id, places[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (places))],
          NULL);
    case ACTION_SPLIT:
      if (count_paragraphs (story->body) < 2)
        return FALSE;
      return sd_edit_history_split_story (
          run->history, story->id, g_rand_int_range (run->rand, 1, count_paragraphs (story->body)),
          NULL, NULL);
    case ACTION_JOIN:
      return sd_edit_history_merge_with_next (run->history, story->id, NULL);
    case ACTION_REVERT_REPAIR:
      if (story->repairs->len == 0)
        return FALSE;
      return sd_edit_history_revert_repair (
          run->history, story->id,
          ((SdRepair *) g_ptr_array_index (story->repairs,
                                           g_rand_int_range (run->rand, 0, story->repairs->len)))
              ->id,
          NULL);
    case ACTION_DISMISS_THEME:
      return sd_edit_history_dismiss_theme (
          run->history, story->id, themes[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (themes))],
          NULL);
    case N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

static guint
undo_all (Run *run)
{
  guint n = 0;

  while (sd_edit_history_can_undo (run->history))
    {
      sd_test_undo (run->history);
      n++;
    }
  return n;
}

static void
test_random_sequences (SdTestLibrary *fixture, gconstpointer data)
{
  Run run = { fixture->store, sd_edit_history_new (fixture->store), g_rand_new_with_seed (SEED) };
  gint64 start = g_get_monotonic_time ();
  guint  n_done = 0;

  /* two import batches, to delete one at a time */
  sd_store_begin_batch (fixture->store, SD_BATCH_SAMPLE);
  import_pages (fixture->store, SD_SEEDS_DIR);
  sd_store_begin_batch (fixture->store, SD_BATCH_IMPORT);
  import_pages (fixture->store, SD_PAGES_DIR);
  g_test_message ("%" G_GINT64_FORMAT " stories imported in %.1f s",
                  sd_store_count_stories (fixture->store, NULL),
                  (g_get_monotonic_time () - start) / 1e6);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *before = sd_test_dump_library (fixture->path);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      guint            n_steps;

      for (guint i = 0; i < ACTIONS_PER_ROUND; i++)
        {
          Action  action = g_rand_int_range (run.rand, 0, N_ACTIONS);
          SdScope all = { SD_SCOPE_ALL, NULL, NULL };
          g_autoptr (GPtrArray) listed = sd_store_list_stories (run.store, &all, NULL);

          /* A batch is a quarter or more of the library: deleted as often
           * as the rest, it would leave little to act on. */
          if (listed->len == 0
              || (action == ACTION_DELETE_BATCH && g_rand_int_range (run.rand, 0, 3) > 0))
            action = ACTION_RESTORE;

          /* a new step each time, not one more save of the same note */
          sd_edit_history_close_group (run.history);
          if (!act (&run, listed, action))
            continue;
          run.done[action]++;
          n_done++;
        }
      after = sd_test_dump_library (fixture->path);

      n_steps = undo_all (&run);
      g_assert_cmpuint (n_steps, <=, ACTIONS_PER_ROUND);
      undone = sd_test_dump_library (fixture->path);
      g_assert_cmpstr (undone, ==, before);

      while (sd_edit_history_can_redo (run.history))
        sd_test_redo (run.history);
      redone = sd_test_dump_library (fixture->path);
      g_assert_cmpstr (redone, ==, after);
      g_assert_cmpuint (undo_all (&run), ==, n_steps);
      run.n_steps += n_steps;
    }
  sd_test_assert_index_whole (fixture->path);

  for (Action a = 0; a < N_ACTIONS; a++)
    {
      g_test_message ("action %d: %u done", a, run.done[a]);
      g_assert_cmpuint (run.done[a], >, 0); /* every kind was tried and worked */
    }
  g_test_message ("%u actions done, %u undo steps, %.1f s", n_done, run.n_steps,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_done, >=, 1000);

  g_rand_free (run.rand);
  g_object_unref (run.history);
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  SD_TEST_ADD_WITH_LIBRARY ("/undo/random-sequences", NULL, test_random_sequences);

  return g_test_run ();
}
