/* sd-store-schema.c — the library's tables, as a list of forward migrations
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sd-store-private.h"

/* Each entry brings a library from user_version i to i + 1. */
const char *const _sd_store_migrations[] = {
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

const guint _sd_store_n_migrations = G_N_ELEMENTS (_sd_store_migrations);
