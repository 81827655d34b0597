/* sd-store.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "sd-store.h"

struct _SdStore
{
  GObject     parent_instance;

  char       *path;
  char       *editor;
  sqlite3    *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt*, prepared once */
};

enum
{
  PROP_0,
  PROP_EDITOR,
  N_PROPS
};

enum
{
  STORY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_TYPE (SdStore, sd_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (sd-store-error-quark, sd_store_error)

/* Each entry brings a library from user_version i to i + 1. */
static const char *const migrations[] = {
  /* 0 → 1: the first schema */
  "CREATE TABLE pages ("
  "  id INTEGER PRIMARY KEY,"
  "  file TEXT NOT NULL,"
  "  checksum TEXT NOT NULL UNIQUE,"
  "  encoding TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  imported TEXT NOT NULL);"
  "CREATE TABLE stories ("
  "  id INTEGER PRIMARY KEY,"
  "  page_id INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,"
  "  ordinal INTEGER NOT NULL,"
  "  source_start INTEGER NOT NULL,"
  "  source_end INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  headline TEXT,"
  "  subheadline TEXT,"
  "  reporter TEXT,"
  "  byline TEXT,"
  "  body TEXT NOT NULL,"
  "  captions TEXT NOT NULL DEFAULT '',"
  "  section_headings TEXT NOT NULL DEFAULT '',"
  "  truncated INTEGER NOT NULL DEFAULT 0,"
  "  place_code TEXT,"
  "  place_confidence REAL NOT NULL DEFAULT 0,"
  "  place_by_editor INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'new',"
  "  editor TEXT,"
  "  updated TEXT,"
  "  UNIQUE (page_id, ordinal));"
  "CREATE INDEX stories_by_place ON stories (place_code);"
  "CREATE TABLE repairs ("
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  detail TEXT NOT NULL);"
  "CREATE INDEX repairs_by_story ON repairs (story_id);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  color TEXT);"
  "CREATE TABLE story_tags ("
  "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  editor TEXT,"
  "  added TEXT NOT NULL,"
  "  PRIMARY KEY (story_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX story_tags_by_tag ON story_tags (tag_id);",
};

/* Lists read the short fields; the full record adds the long ones. */
#define STORY_COLUMNS                                                              \
  "s.id, s.page_id, p.file, s.source_start, s.source_end, s.kind, s.headline, "    \
  "s.subheadline, s.reporter, s.byline, s.truncated, s.place_code, "               \
  "s.place_confidence, s.place_by_editor, s.note, s.status, s.editor, s.updated, " \
  "(SELECT group_concat (t.name, char (31)) FROM story_tags st "                   \
  "   JOIN tags t ON t.id = st.tag_id WHERE st.story_id = s.id)"
#define FULL_STORY_COLUMNS STORY_COLUMNS ", s.body, s.captions, s.section_headings"
#define STORY_FROM " FROM stories s JOIN pages p ON p.id = s.page_id "
#define STORY_ORDER " ORDER BY s.page_id, s.ordinal"

static gboolean
set_sql_error (SdStore *self, GError **error, const char *what)
{
  g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_SQL, "%s: %s: %s", self->path, what,
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (SdStore *self, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_SQL, "%s: %s", self->path, message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Returns a reset statement for @sql, prepared on first use. (transfer none) */
static sqlite3_stmt *
get_statement (SdStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
          != SQLITE_OK)
        {
          set_sql_error (self, error, "prepare");
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (SdStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, error, "write");
  return TRUE;
}

static char *
dup_column_text (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GPtrArray *
split_column (sqlite3_stmt *stmt, int column, const char *separator)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  if (text != NULL && *text != '\0')
    {
      g_auto (GStrv) parts = g_strsplit (text, separator, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        g_ptr_array_add (array, g_steal_pointer (&parts[i]));
    }
  return array;
}

static char *
join_array (GPtrArray *array)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (array, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static SdStory *
read_story_row (sqlite3_stmt *stmt, gboolean full)
{
  SdStory *story = sd_story_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 5);
  const char *status = (const char *) sqlite3_column_text (stmt, 15);

  story->id = sqlite3_column_int64 (stmt, 0);
  story->page_id = sqlite3_column_int64 (stmt, 1);
  story->source_file = dup_column_text (stmt, 2);
  story->source_start = sqlite3_column_int64 (stmt, 3);
  story->source_end = sqlite3_column_int64 (stmt, 4);
  if (!sd_story_kind_from_string (kind, &story->kind))
    story->kind = SD_STORY_KIND_NEWS;
  story->headline = dup_column_text (stmt, 6);
  story->subheadline = dup_column_text (stmt, 7);
  story->reporter = dup_column_text (stmt, 8);
  story->byline = dup_column_text (stmt, 9);
  story->truncated = sqlite3_column_int (stmt, 10);
  story->place_code = dup_column_text (stmt, 11);
  story->place_confidence = sqlite3_column_double (stmt, 12);
  story->place_by_editor = sqlite3_column_int (stmt, 13);
  g_free (story->note);
  story->note = dup_column_text (stmt, 14);
  if (!sd_story_status_from_string (status, &story->status))
    story->status = SD_STORY_STATUS_NEW;
  story->editor = dup_column_text (stmt, 16);
  story->updated = dup_column_text (stmt, 17);
  g_ptr_array_unref (story->tags);
  story->tags = split_column (stmt, 18, "\x1f");
  if (full)
    {
      story->body = dup_column_text (stmt, 19);
      story->captions = split_column (stmt, 20, "\n");
      story->section_headings = split_column (stmt, 21, "\n");
    }
  return story;
}

static char *
dup_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
begin_write (SdStore *self, GError **error)
{
  /* IMMEDIATE takes the write lock up front, so two writers queue on the
   * busy timeout instead of failing half-way with SQLITE_BUSY. */
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit_write (SdStore *self, GError **error)
{
  return exec_sql (self, "COMMIT", error);
}

static void
rollback_write (SdStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
migrate (SdStore *self, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return set_sql_error (self, error, "read the schema version");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_TOO_NEW,
                   _("%s: the library was written by a newer Storydesk (schema %d)"), self->path,
                   version);
      return FALSE;
    }

  for (guint i = version; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!begin_write (self, error))
        return FALSE;
      if (!exec_sql (self, migrations[i], error) || !exec_sql (self, set_version, error))
        {
          rollback_write (self);
          return FALSE;
        }
      if (!commit_write (self, error))
        return FALSE;
    }
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sd_store_finalize (GObject *object)
{
  SdStore *self = SD_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->editor);

  G_OBJECT_CLASS (sd_store_parent_class)->finalize (object);
}

static void
sd_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  SdStore *self = SD_STORE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_string (value, self->editor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  SdStore *self = SD_STORE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      sd_store_set_editor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_store_class_init (SdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sd_store_finalize;
  object_class->get_property = sd_store_get_property;
  object_class->set_property = sd_store_set_property;

  properties[PROP_EDITOR] =
      g_param_spec_string ("editor", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SdStore::story-changed:
   * @id: the story whose tags, note, status or place this store changed
   */
  signals[STORY_CHANGED] = g_signal_new ("story-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_INT64);
}

static void
sd_store_init (SdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->editor = g_strdup (g_get_real_name ());
}

/**
 * sd_store_open:
 * @path: the library file; created, with its folder, when missing
 *
 * Returns: (transfer full) the store, or %NULL with @error set.
 */
SdStore *
sd_store_open (const char *path, GError **error)
{
  g_autoptr (SdStore) self = g_object_new (SD_TYPE_STORE, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  self->path = g_strdup (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN,
                   _("%s: cannot create the folder: %s"), path, g_strerror (errno));
      return NULL;
    }
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_OPEN, _("%s: cannot open the library: %s"),
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* WAL lets the window read while an import writes; synchronous=NORMAL in
   * WAL mode still never corrupts the file on a crash. */
  if (!exec_sql (self, "PRAGMA journal_mode = WAL", error)
      || !exec_sql (self, "PRAGMA synchronous = NORMAL", error)
      || !exec_sql (self, "PRAGMA foreign_keys = ON", error))
    {
      g_prefix_error (error, _("Not a Storydesk library? "));
      return NULL;
    }
  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
sd_store_get_path (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->path;
}

void
sd_store_set_editor (SdStore *self, const char *editor)
{
  g_return_if_fail (SD_IS_STORE (self));
  if (g_strcmp0 (self->editor, editor) == 0)
    return;
  g_free (self->editor);
  self->editor = g_strdup (editor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR]);
}

const char *
sd_store_get_editor (SdStore *self)
{
  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  return self->editor;
}

static gboolean
insert_story (SdStore *self, gint64 page_id, guint ordinal, SdStory *story, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *captions = join_array (story->captions);
  g_autofree char *headings = join_array (story->section_headings);

  stmt = get_statement (self,
                        "INSERT INTO stories (page_id, ordinal, source_start, source_end, kind, "
                        "headline, subheadline, reporter, byline, body, captions, "
                        "section_headings, truncated, place_code, place_confidence) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, page_id);
  sqlite3_bind_int (stmt, 2, ordinal);
  sqlite3_bind_int64 (stmt, 3, story->source_start);
  sqlite3_bind_int64 (stmt, 4, story->source_end);
  bind_text (stmt, 5, sd_story_kind_to_string (story->kind));
  bind_text (stmt, 6, story->headline);
  bind_text (stmt, 7, story->subheadline);
  bind_text (stmt, 8, story->reporter);
  bind_text (stmt, 9, story->byline);
  bind_text (stmt, 10, story->body != NULL ? story->body : "");
  bind_text (stmt, 11, captions);
  bind_text (stmt, 12, headings);
  sqlite3_bind_int (stmt, 13, story->truncated);
  bind_text (stmt, 14, story->place_code);
  sqlite3_bind_double (stmt, 15, story->place_confidence);
  if (!step_done (self, stmt, error))
    return FALSE;
  story->id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; story->repairs != NULL && i < story->repairs->len; i++)
    {
      const SdRepair *repair = g_ptr_array_index (story->repairs, i);

      stmt = get_statement (self,
                            "INSERT INTO repairs (story_id, kind, start, end, detail) "
                            "VALUES (?, ?, ?, ?, ?)",
                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, story->id);
      bind_text (stmt, 2, sd_repair_kind_to_string (repair->kind));
      sqlite3_bind_int64 (stmt, 3, repair->start);
      sqlite3_bind_int64 (stmt, 4, repair->end);
      bind_text (stmt, 5, repair->detail != NULL ? repair->detail : "");
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sd_store_add_page (SdStore *self, const SdPageRecord *page, GPtrArray *stories,
                   gboolean *out_known, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = dup_now ();
  gint64 page_id;

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);

  if (out_known != NULL)
    *out_known = FALSE;
  if (!begin_write (self, error))
    return FALSE;

  stmt = get_statement (self, "SELECT id FROM pages WHERE checksum = ?", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, page->checksum);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* The same bytes again: what is stored, with all that editors added,
       * stays as it is. */
      sqlite3_reset (stmt);
      if (out_known != NULL)
        *out_known = TRUE;
      return commit_write (self, error);
    }
  sqlite3_reset (stmt);

  stmt = get_statement (self,
                        "INSERT INTO pages (file, checksum, encoding, size, text, imported) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, page->file);
  bind_text (stmt, 2, page->checksum);
  bind_text (stmt, 3, page->encoding);
  sqlite3_bind_int64 (stmt, 4, page->size);
  bind_text (stmt, 5, page->text);
  bind_text (stmt, 6, now);
  if (!step_done (self, stmt, error))
    goto failed;
  page_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < stories->len; i++)
    {
      SdStory *story = g_ptr_array_index (stories, i);

      if (!insert_story (self, page_id, i, story, error))
        goto failed;
      story->page_id = page_id;
    }

  if (!commit_write (self, error))
    goto failed;
  return TRUE;

failed:
  rollback_write (self);
  for (guint i = 0; i < stories->len; i++)
    ((SdStory *) g_ptr_array_index (stories, i))->id = 0;
  return FALSE;
}

gint64
sd_store_count_stories (SdStore *self, GError **error)
{
  sqlite3_stmt *stmt = get_statement (self, "SELECT count (*) FROM stories", error);
  gint64 count;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sql_error (self, error, "count");
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

GHashTable *
sd_store_count_by_place (SdStore *self, GError **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = get_statement (
      self, "SELECT coalesce (place_code, ''), count (*) FROM stories GROUP BY 1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *count = g_new (gint64, 1);
      *count = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (counts, dup_column_text (stmt, 0), count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, "count");
      return NULL;
    }
  return g_steal_pointer (&counts);
}

static GPtrArray *
list_stories (SdStore *self, const SdScope *scope, gboolean full, GError **error)
{
  /* One statement text per scope kind, so each is prepared once. */
  static const char *const queries[2][3] = {
    {
        "SELECT " STORY_COLUMNS STORY_FROM
        "WHERE (?1 IS NULL OR instr (coalesce (s.headline, '') || s.body, ?1) > 0)" STORY_ORDER,
        "SELECT " STORY_COLUMNS STORY_FROM "WHERE s.place_code IS NULL "
        "AND (?1 IS NULL OR instr (coalesce (s.headline, '') || s.body, ?1) > 0)" STORY_ORDER,
        "SELECT " STORY_COLUMNS STORY_FROM "WHERE s.place_code >= ?2 AND s.place_code < ?2 || ':' "
        "AND (?1 IS NULL OR instr (coalesce (s.headline, '') || s.body, ?1) > 0)" STORY_ORDER,
    },
    {
        "SELECT " FULL_STORY_COLUMNS STORY_FROM
        "WHERE (?1 IS NULL OR instr (coalesce (s.headline, '') || s.body, ?1) > 0)" STORY_ORDER,
        "SELECT " FULL_STORY_COLUMNS STORY_FROM "WHERE s.place_code IS NULL "
        "AND (?1 IS NULL OR instr (coalesce (s.headline, '') || s.body, ?1) > 0)" STORY_ORDER,
        "SELECT " FULL_STORY_COLUMNS STORY_FROM
        "WHERE s.place_code >= ?2 AND s.place_code < ?2 || ':' "
        "AND (?1 IS NULL OR instr (coalesce (s.headline, '') || s.body, ?1) > 0)" STORY_ORDER,
    },
  };
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);
  g_return_val_if_fail (scope != NULL && scope->kind <= SD_SCOPE_PLACE, NULL);

  stmt = get_statement (self, queries[full ? 1 : 0][scope->kind], error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, scope->text != NULL && *scope->text != '\0' ? scope->text : NULL);
  if (scope->kind == SD_SCOPE_PLACE)
    bind_text (stmt, 2, scope->place_code);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (stories, read_story_row (stmt, full));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, "list stories");
      return NULL;
    }
  return g_steal_pointer (&stories);
}

GPtrArray *
sd_store_list_stories (SdStore *self, const SdScope *scope, GError **error)
{
  return list_stories (self, scope, FALSE, error);
}

GPtrArray *
sd_store_list_full_stories (SdStore *self, const SdScope *scope, GError **error)
{
  return list_stories (self, scope, TRUE, error);
}

static gboolean
read_repairs (SdStore *self, SdStory *story, GError **error)
{
  sqlite3_stmt *stmt = get_statement (
      self, "SELECT kind, start, end, detail FROM repairs WHERE story_id = ? ORDER BY start",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  story->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  sqlite3_bind_int64 (stmt, 1, story->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind_name = (const char *) sqlite3_column_text (stmt, 0);
      for (SdRepairKind kind = 0; kind <= SD_REPAIR_TRUNCATED; kind++)
        if (g_strcmp0 (kind_name, sd_repair_kind_to_string (kind)) == 0)
          g_ptr_array_add (story->repairs,
                           sd_repair_new (kind, sqlite3_column_int64 (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2),
                                          (const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sql_error (self, error, "read repairs");
  return TRUE;
}

/**
 * sd_store_get_story:
 *
 * Returns: (transfer full) the full record, or %NULL with
 * %SD_STORE_ERROR_NOT_FOUND.
 */
SdStory *
sd_store_get_story (SdStore *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr (SdStory) story = NULL;
  int rc;

  g_return_val_if_fail (SD_IS_STORE (self), NULL);

  stmt = get_statement (self, "SELECT " FULL_STORY_COLUMNS STORY_FROM "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    story = read_story_row (stmt, TRUE);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No story with the id %" G_GINT64_FORMAT), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_sql_error (self, error, "read story");
      return NULL;
    }
  if (!read_repairs (self, story, error))
    return NULL;
  return g_steal_pointer (&story);
}

char *
sd_store_dup_page_text (SdStore *self, gint64 page_id, GError **error)
{
  sqlite3_stmt *stmt = get_statement (self, "SELECT text FROM pages WHERE id = ?", error);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, page_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (text == NULL)
    g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                 _("No page with the id %" G_GINT64_FORMAT), page_id);
  return text;
}

/* Stamps who changed a story and when; part of the caller's transaction. */
static gboolean
touch_story (SdStore *self, gint64 story_id, const char *now, GError **error)
{
  sqlite3_stmt *stmt =
      get_statement (self, "UPDATE stories SET editor = ?, updated = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, self->editor);
  bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, story_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_NOT_FOUND,
                   _("No story with the id %" G_GINT64_FORMAT), story_id);
      return FALSE;
    }
  return TRUE;
}

/* Runs one editor action as a single transaction: the statements @sqls,
 * bound to ?1 = the story, ?2 = @value, ?3 = now, ?4 = the editor, plus the
 * who-and-when stamp on the story. */
static gboolean
run_story_action (SdStore *self, gint64 story_id, const char *const *sqls, guint n_sqls,
                  const char *value, GError **error)
{
  g_autofree char *now = dup_now ();

  if (!begin_write (self, error))
    return FALSE;
  if (!touch_story (self, story_id, now, error))
    goto failed;
  for (guint i = 0; i < n_sqls; i++)
    {
      sqlite3_stmt *stmt = get_statement (self, sqls[i], error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, story_id);
      bind_text (stmt, 2, value);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        bind_text (stmt, 3, now);
      if (sqlite3_bind_parameter_count (stmt) >= 4)
        bind_text (stmt, 4, self->editor);
      if (!step_done (self, stmt, error))
        goto failed;
    }
  if (!commit_write (self, error))
    goto failed;
  g_signal_emit (self, signals[STORY_CHANGED], 0, story_id);
  return TRUE;

failed:
  rollback_write (self);
  return FALSE;
}

static char *
normalize_tag (const char *tag, GError **error)
{
  g_autofree char *normalized = NULL;

  if (tag == NULL || !g_utf8_validate (tag, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("A tag must be UTF-8 text"));
      return NULL;
    }
  normalized = g_utf8_normalize (tag, -1, G_NORMALIZE_NFKC);
  g_strstrip (normalized);
  if (*normalized == '\0' || strchr (normalized, '\x1f') != NULL)
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("“%s” is not a usable tag"),
                   tag);
      return NULL;
    }
  return g_steal_pointer (&normalized);
}

gboolean
sd_store_add_tag (SdStore *self, gint64 story_id, const char *tag, GError **error)
{
  static const char *const sqls[] = {
    "INSERT OR IGNORE INTO tags (name) VALUES (?2)",
    "INSERT OR IGNORE INTO story_tags (story_id, tag_id, added, editor) "
    "SELECT ?1, id, ?3, ?4 FROM tags WHERE name = ?2",
  };
  g_autofree char *name = normalize_tag (tag, error);

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  if (name == NULL)
    return FALSE;
  return run_story_action (self, story_id, sqls, G_N_ELEMENTS (sqls), name, error);
}

gboolean
sd_store_remove_tag (SdStore *self, gint64 story_id, const char *tag, GError **error)
{
  static const char *const sqls[] = {
    "DELETE FROM story_tags WHERE story_id = ?1 "
    "AND tag_id = (SELECT id FROM tags WHERE name = ?2)",
  };
  g_autofree char *name = normalize_tag (tag, error);

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  if (name == NULL)
    return FALSE;
  return run_story_action (self, story_id, sqls, G_N_ELEMENTS (sqls), name, error);
}

GPtrArray *
sd_store_list_tags (SdStore *self, GError **error)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = get_statement (self,
                                      "SELECT t.name FROM tags t "
                                      "LEFT JOIN story_tags st ON st.tag_id = t.id "
                                      "GROUP BY t.id ORDER BY count (st.story_id) DESC, t.name",
                                      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, dup_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sql_error (self, error, "list tags");
      return NULL;
    }
  return g_steal_pointer (&tags);
}

gboolean
sd_store_set_note (SdStore *self, gint64 story_id, const char *note, GError **error)
{
  static const char *const sqls[] = { "UPDATE stories SET note = ?2 WHERE id = ?1" };

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  if (note == NULL || !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, SD_STORE_ERROR, SD_STORE_ERROR_INVALID, _("A note must be UTF-8 text"));
      return FALSE;
    }
  return run_story_action (self, story_id, sqls, 1, note, error);
}

gboolean
sd_store_set_status (SdStore *self, gint64 story_id, SdStoryStatus status, GError **error)
{
  static const char *const sqls[] = { "UPDATE stories SET status = ?2 WHERE id = ?1" };
  const char *name = sd_story_status_to_string (status);

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  return run_story_action (self, story_id, sqls, 1, name, error);
}

gboolean
sd_store_set_place (SdStore *self, gint64 story_id, const char *place_code, GError **error)
{
  static const char *const sqls[] = {
    "UPDATE stories SET place_code = ?2, place_confidence = 1, place_by_editor = 1 "
    "WHERE id = ?1",
  };

  g_return_val_if_fail (SD_IS_STORE (self), FALSE);
  return run_story_action (self, story_id, sqls, 1, place_code, error);
}
