/* sd-store-schema.c — the library's tables, as a list of forward migrations
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-store-private.h"

/* Each entry brings a library from user_version i to i + 1, and says what
 * it does to it (sd-store.h): REWRITES when it rewrites or drops stored
 * rows, an index's included, which owes the library a copy before and a
 * VACUUM after (sd-store-upgrade.c); INDEXES when it builds an index from
 * what is stored, which takes time but changes nothing stored, in its own
 * transaction; SETTINGS when it writes a few bytes whatever the library
 * holds (settings, triggers, new tables, a column with a default).  A
 * step that says less than it does costs libraries their backup. */
const SdStoreMigration _sd_store_migrations[] = {
  /* 0 → 1: the first schema */
  { SD_STORE_UPGRADE_SETTINGS,
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
    "CREATE INDEX story_tags_by_tag ON story_tags (tag_id);" },

  /* 1 → 2: highlights, dismissed theme suggestions, place mentions */
  { SD_STORE_UPGRADE_SETTINGS,
    "CREATE TABLE highlights ("
    "  id INTEGER PRIMARY KEY,"
    "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL,"
    "  quote TEXT NOT NULL,"
    "  prefix TEXT NOT NULL DEFAULT '',"
    "  suffix TEXT NOT NULL DEFAULT '',"
    "  comment TEXT NOT NULL DEFAULT '',"
    "  editor TEXT,"
    "  created TEXT NOT NULL);"
    "CREATE INDEX highlights_by_story ON highlights (story_id);"
    "CREATE TABLE dismissed_themes ("
    "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
    "  theme TEXT NOT NULL,"
    "  editor TEXT,"
    "  created TEXT NOT NULL,"
    "  PRIMARY KEY (story_id, theme)) WITHOUT ROWID;"
    "CREATE TABLE place_mentions ("
    "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
    "  field TEXT NOT NULL,"
    "  start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL,"
    "  place_code TEXT NOT NULL);"
    "CREATE INDEX place_mentions_by_story ON place_mentions (story_id);"
    /* set when an editor changed the headline, kicker or byline */
    "ALTER TABLE stories ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;" },

  /* 2 → 3: full-text search (sd-store-search.c) and saved searches.  The
   * index reads its text from stories (external content); the triggers are
   * the one place that keeps it in step with imports, edits, splits, merges
   * and deletes.  'rebuild' indexes the stories already there. */
  { SD_STORE_UPGRADE_INDEXES,
    "CREATE VIRTUAL TABLE story_fts USING fts5 ("
    "  headline, subheadline, body, byline, note,"
    "  content = 'stories', content_rowid = 'id', tokenize = 'sd_cjk');"
    "CREATE TRIGGER story_fts_insert AFTER INSERT ON stories BEGIN"
    "  INSERT INTO story_fts (rowid, headline, subheadline, body, byline, note)"
    "  VALUES (new.id, new.headline, new.subheadline, new.body, new.byline, new.note);"
    "END;"
    "CREATE TRIGGER story_fts_delete AFTER DELETE ON stories BEGIN"
    "  INSERT INTO story_fts (story_fts, rowid, headline, subheadline, body, byline, note)"
    "  VALUES ('delete', old.id, old.headline, old.subheadline, old.body, old.byline, old.note);"
    "END;"
    "CREATE TRIGGER story_fts_update"
    "  AFTER UPDATE OF id, headline, subheadline, body, byline, note ON stories BEGIN"
    "  INSERT INTO story_fts (story_fts, rowid, headline, subheadline, body, byline, note)"
    "  VALUES ('delete', old.id, old.headline, old.subheadline, old.body, old.byline, old.note);"
    "  INSERT INTO story_fts (rowid, headline, subheadline, body, byline, note)"
    "  VALUES (new.id, new.headline, new.subheadline, new.body, new.byline, new.note);"
    "END;"
    "INSERT INTO story_fts (story_fts) VALUES ('rebuild');"
    /* what a search checks of each match, without reading its row */
    "CREATE INDEX stories_filters ON stories (id, place_code, status, kind, page_id);"
    "CREATE TABLE saved_searches ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE,"
    "  query TEXT NOT NULL,"
    "  editor TEXT,"
    "  created TEXT NOT NULL);" },

  /* 3 → 4: every story's permanent identity, a random (version 4) UUID;
   * new stories get theirs from the store (_sd_store_insert_story ()) */
  { SD_STORE_UPGRADE_REWRITES,
    "ALTER TABLE stories ADD COLUMN uuid TEXT;"
    "UPDATE stories SET uuid = lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4'"
    "  || substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1)"
    "  || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)));"
    "CREATE UNIQUE INDEX stories_by_uuid ON stories (uuid);" },

  /* 4 → 5: a page's identity (sd-page-identity.h): its paper, date and page
   * number where known, else its path from the folder imported; a new
   * version is one of the same identity, found through its index.  The
   * pages already there had only their file name. */
  { SD_STORE_UPGRADE_REWRITES,
    "ALTER TABLE pages ADD COLUMN path TEXT;"
    "ALTER TABLE pages ADD COLUMN paper TEXT;"
    "ALTER TABLE pages ADD COLUMN issue_date TEXT;"
    "ALTER TABLE pages ADD COLUMN page_no TEXT;"
    "ALTER TABLE pages ADD COLUMN identity TEXT;"
    "UPDATE pages SET path = file, identity = 'file:' || file;"
    "CREATE INDEX pages_by_identity ON pages (identity);"
    "CREATE INDEX pages_by_issue ON pages (issue_date, paper, page_no);" },

  /* 5 → 6: import batches and the trash (sd-store-trash.c).  A page
   * remembers the import run that brought it; a deleted story keeps its
   * rows, marked with when it went to the trash and with what (itself, its
   * page or its batch), so that restoring and undoing put back exactly
   * what was there.  The search index holds only the stories not in the
   * trash: it now reads them through a view, and the triggers add and take
   * out a story as it leaves and enters the trash. */
  { SD_STORE_UPGRADE_REWRITES,
    "CREATE TABLE batches ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL DEFAULT 'import',"
    "  editor TEXT,"
    "  started TEXT NOT NULL);"
    "ALTER TABLE pages ADD COLUMN batch_id INTEGER;" /* batches are never deleted */
    "CREATE INDEX pages_by_batch ON pages (batch_id);"
    "ALTER TABLE stories ADD COLUMN trashed TEXT;"
    "ALTER TABLE stories ADD COLUMN trash_kind TEXT;"
    "ALTER TABLE stories ADD COLUMN trash_of INTEGER;"
    "CREATE INDEX stories_in_trash ON stories (trashed) WHERE trashed IS NOT NULL;"
    "DROP TRIGGER story_fts_insert;"
    "DROP TRIGGER story_fts_delete;"
    "DROP TRIGGER story_fts_update;"
    "DROP TABLE story_fts;"
    "CREATE VIEW live_stories AS"
    "  SELECT id, headline, subheadline, body, byline, note FROM stories WHERE trashed IS NULL;"
    "CREATE VIRTUAL TABLE story_fts USING fts5 ("
    "  headline, subheadline, body, byline, note,"
    "  content = 'live_stories', content_rowid = 'id', tokenize = 'sd_cjk');"
    "CREATE TRIGGER story_fts_insert AFTER INSERT ON stories WHEN new.trashed IS NULL BEGIN"
    "  INSERT INTO story_fts (rowid, headline, subheadline, body, byline, note)"
    "  VALUES (new.id, new.headline, new.subheadline, new.body, new.byline, new.note);"
    "END;"
    "CREATE TRIGGER story_fts_delete AFTER DELETE ON stories WHEN old.trashed IS NULL BEGIN"
    "  INSERT INTO story_fts (story_fts, rowid, headline, subheadline, body, byline, note)"
    "  VALUES ('delete', old.id, old.headline, old.subheadline, old.body, old.byline, old.note);"
    "END;"
    "CREATE TRIGGER story_fts_update"
    "  AFTER UPDATE OF id, headline, subheadline, body, byline, note, trashed ON stories BEGIN"
    "  INSERT INTO story_fts (story_fts, rowid, headline, subheadline, body, byline, note)"
    "  SELECT 'delete', old.id, old.headline, old.subheadline, old.body, old.byline, old.note"
    "  WHERE old.trashed IS NULL;"
    "  INSERT INTO story_fts (rowid, headline, subheadline, body, byline, note)"
    "  SELECT new.id, new.headline, new.subheadline, new.body, new.byline, new.note"
    "  WHERE new.trashed IS NULL;"
    "END;"
    "INSERT INTO story_fts (story_fts) VALUES ('rebuild');" },

  /* 6 → 7: a story's earlier notes and statuses, kept when a newer edit
   * replaced them in a merge (sd-store-history.c): who wrote each, when,
   * and when it was replaced. */
  { SD_STORE_UPGRADE_SETTINGS,
    "CREATE TABLE story_history ("
    "  id INTEGER PRIMARY KEY,"
    "  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,"
    "  field TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  editor TEXT,"
    "  edited TEXT,"
    "  replaced TEXT NOT NULL,"
    "  reason TEXT NOT NULL);"
    "CREATE INDEX story_history_by_story ON story_history (story_id);" },

  /* 7 → 8: an import feeds the search index a batch of stories at a time
   * (sd-store-import.c), so the insert trigger stands aside while it does
   * (#16); edits, splits, joins and undo still go through the triggers.
   * A page stored in several short transactions (#14 item 12) is partial
   * until its last one: a later import of the file stores it again. */
  { SD_STORE_UPGRADE_SETTINGS,
    "DROP TRIGGER story_fts_insert;"
    "CREATE TRIGGER story_fts_insert AFTER INSERT ON stories"
    "  WHEN new.trashed IS NULL AND NOT sd_fts_deferred () BEGIN"
    "  INSERT INTO story_fts (rowid, headline, subheadline, body, byline, note)"
    "  VALUES (new.id, new.headline, new.subheadline, new.body, new.byline, new.note);"
    "END;"
    "ALTER TABLE pages ADD COLUMN partial INTEGER NOT NULL DEFAULT 0;" },

  /* 8 → 9: a smaller library (#16).  The index keeps a Han character's
   * unigram only at the ends of a run (sd-cjk-tokenizer.c: a query finds
   * a lone character as the start of a bigram) and no column sizes, which
   * the ranking does not read; it is rebuilt once.  A page's text is kept
   * deflated (sd_page_pack (), read through sd_page_text ()): its stories
   * hold the same text again.  VACUUM, which gives the space back, cannot
   * run in the migration's transaction: sd-store.c runs it after. */
  { SD_STORE_UPGRADE_REWRITES,
    "DROP TABLE story_fts;" /* the triggers name it, and go on feeding the new one */
    "CREATE VIRTUAL TABLE story_fts USING fts5 ("
    "  headline, subheadline, body, byline, note,"
    "  content = 'live_stories', content_rowid = 'id', tokenize = 'sd_cjk', columnsize = 0);"
    "INSERT INTO story_fts (story_fts) VALUES ('rebuild');"
    "UPDATE pages SET text = sd_page_pack (text);" },

  /* 9 → 10: an unchanged file is known without reading a row (#16): its
   * checksum and whether it is partial from an index (the row holds the
   * page's text before the flag), and whether its stories went to the
   * trash with it from a small one of only those. */
  { SD_STORE_UPGRADE_INDEXES, "CREATE INDEX pages_by_checksum ON pages (checksum, partial);"
                              "CREATE INDEX stories_trashed_by_page ON stories (page_id)"
                              "  WHERE trash_kind IN ('page', 'batch');" },

  /* 10 → 11: when the library last had its full integrity_check and its
   * weekly backup (sd-store-maintenance.c), in seconds since 1970.  A new
   * library has nothing to check; a migrated one was just backed up, but
   * only because every library that takes this step takes 13 → 14 after
   * it, which REWRITES: the upgrade copies a library aside before its
   * first step when any step it lacks rewrites (sd-store-upgrade.c).
   * Steps are only ever added after the last, so that stays true. */
  { SD_STORE_UPGRADE_SETTINGS, "CREATE TABLE maintenance ("
                               "  task TEXT PRIMARY KEY,"
                               "  done INTEGER NOT NULL);"
                               "INSERT INTO maintenance (task, done) VALUES"
                               "  ('integrity-check', CAST (strftime ('%s', 'now') AS INTEGER)),"
                               "  ('backup', CAST (strftime ('%s', 'now') AS INTEGER));" },

  /* 11 → 12: the pages an import is storing, a batch at a time, left out
   * of lists, counts and searches until whole: found at once. */
  { SD_STORE_UPGRADE_INDEXES, "CREATE INDEX pages_partial ON pages (id) WHERE partial;" },

  /* 12 → 13: the window's list reads its stories' ids in page order, with
   * what it is sorted and filtered by, from an index alone (#16): a row of
   * stories holds its body before the trash mark, so reading the mark from
   * the table walks every body. */
  { SD_STORE_UPGRADE_INDEXES,
    "CREATE INDEX stories_listing ON stories (page_id, ordinal, trashed, place_code, status);" },

  /* 13 → 14: a library at most three times its text (#16).  The index
   * keeps which stories hold each token, not where (`detail=none`): a
   * fifth of the size.  A term of one token (a character, two side by
   * side, a Latin word) is still answered by the index alone; a longer
   * one is asked as all its tokens and each story found is checked
   * against its text (sd_fts_holds (), sd-store-search.c).  A lone
   * character, which the index finds as the start of its tokens, has an
   * index of its own (prefix = '1'): its stories are read newest first
   * and stop at the screenful, where a prefix query merged every token
   * that starts with it first.  Headlines have an index of their own,
   * the same way, which ranks headline matches first, kept by triggers
   * of its own.  Both are rebuilt once. */
  { SD_STORE_UPGRADE_REWRITES,
    "DROP TABLE story_fts;" /* its triggers name it, and go on feeding the new one */
    "CREATE VIRTUAL TABLE story_fts USING fts5 ("
    "  headline, subheadline, body, byline, note, content = 'live_stories',"
    "  content_rowid = 'id', tokenize = 'sd_cjk', columnsize = 0, detail = none,"
    "  prefix = '1');"
    "CREATE VIRTUAL TABLE story_fts_headline USING fts5 ("
    "  headline, content = 'live_stories', content_rowid = 'id', tokenize = 'sd_cjk',"
    "  columnsize = 0, detail = none, prefix = '1');"
    "CREATE TRIGGER story_fts_headline_insert AFTER INSERT ON stories"
    "  WHEN new.trashed IS NULL AND NOT sd_fts_deferred () BEGIN"
    "  INSERT INTO story_fts_headline (rowid, headline) VALUES (new.id, new.headline);"
    "END;"
    "CREATE TRIGGER story_fts_headline_delete AFTER DELETE ON stories"
    "  WHEN old.trashed IS NULL BEGIN"
    "  INSERT INTO story_fts_headline (story_fts_headline, rowid, headline)"
    "  VALUES ('delete', old.id, old.headline);"
    "END;"
    "CREATE TRIGGER story_fts_headline_update"
    "  AFTER UPDATE OF id, headline, trashed ON stories BEGIN"
    "  INSERT INTO story_fts_headline (story_fts_headline, rowid, headline)"
    "  SELECT 'delete', old.id, old.headline WHERE old.trashed IS NULL;"
    "  INSERT INTO story_fts_headline (rowid, headline)"
    "  SELECT new.id, new.headline WHERE new.trashed IS NULL;"
    "END;"
    "INSERT INTO story_fts (story_fts) VALUES ('rebuild');"
    "INSERT INTO story_fts_headline (story_fts_headline) VALUES ('rebuild');" },

  /* 14 → 15: which pages' stories changed, in the order written, so that
   * the window's list, read again while an import writes, reads the pages
   * from the first one changed onwards and keeps the ids before it (#16;
   * sd-store-listing.c).  Logged: what moves a story in or out of a list
   * or within its order.  The last 200,000 changes are kept; a reader
   * whose last look is older reads its whole list. */
  { SD_STORE_UPGRADE_SETTINGS,
    "CREATE TABLE story_changes ("
    "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  page_id INTEGER NOT NULL);"
    "CREATE TRIGGER story_changes_insert AFTER INSERT ON stories BEGIN"
    "  INSERT INTO story_changes (page_id) VALUES (new.page_id);"
    "END;"
    "CREATE TRIGGER story_changes_delete AFTER DELETE ON stories BEGIN"
    "  INSERT INTO story_changes (page_id) VALUES (old.page_id);"
    "END;"
    "CREATE TRIGGER story_changes_update"
    "  AFTER UPDATE OF id, page_id, ordinal, trashed, place_code ON stories BEGIN"
    "  INSERT INTO story_changes (page_id) VALUES (min (old.page_id, new.page_id));"
    "END;"
    "CREATE TRIGGER story_changes_page AFTER UPDATE OF id, partial, batch_id ON pages BEGIN"
    "  INSERT INTO story_changes (page_id) VALUES (min (old.id, new.id));"
    "END;"
    "CREATE TRIGGER story_changes_prune AFTER INSERT ON story_changes"
    "  WHEN new.seq % 4096 = 0 BEGIN"
    "  DELETE FROM story_changes WHERE seq <= new.seq - 200000;"
    "END;" },

  /* 15 → 16: the import's late tenths (#16).  FTS5 writes a segment for
   * each statement that feeds an index (a page's batch) and merges a
   * level's segments into one of the next when it holds `automerge` of
   * them: every entry is rewritten once a level, and the levels grow with
   * the log of the pages.  At 16 (FTS5's default is 4) there are half as
   * many levels, so half the rewriting, and the import's cost a story
   * grows half as fast; a search reads up to 15 segments a level where it
   * read 3 (measured in README, Performance).  `crisismerge`, a level's
   * merge done at once rather than spread over the writes after it, stays
   * above it.  Only the indexes' settings: nothing stored or found
   * changes. */
  { SD_STORE_UPGRADE_SETTINGS,
    "INSERT INTO story_fts (story_fts, rank) VALUES ('automerge', 16);"
    "INSERT INTO story_fts (story_fts, rank) VALUES ('crisismerge', 32);"
    "INSERT INTO story_fts_headline (story_fts_headline, rank) VALUES ('automerge', 16);"
    "INSERT INTO story_fts_headline (story_fts_headline, rank) VALUES ('crisismerge', 32);" },
};

const guint _sd_store_n_migrations = G_N_ELEMENTS (_sd_store_migrations);
