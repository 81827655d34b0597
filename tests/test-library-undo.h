/* test-library-undo.h — what the files of test-library-undo share: the
 * engines, the stories picked, and what no SdStory carries read from each
 * engine (test-library-undo-extras.c)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-library.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  SdLibrary  *library; /* the editor's */
  SdLibrary  *other;   /* another editor's, on the same library */
} Engine;


/* The stories each body works on, picked once from the personal library,
 * so both engines are asked the same; each has a story after it on its
 * page, none of them another's. */
typedef struct
{
  gint64 joined;   /* joined with the next, undone, redone */
  gint64 split;    /* four paragraphs or more */
  gint64 field;    /* its headline corrected */
  gint64 moved[2]; /* filed elsewhere together */
  gint64 trashed;  /* deleted, undone, redone */
  gint64 refused;  /* split, then the new story's note changed by another */
  gint64 kept;     /* deleted, then restored by another */
  gint64 tagged;   /* tagged: named as its tag's editor's; the next noted */
  gint64 demoted;  /* split by a reviewer whose role is taken away before the undo */
  gint64 repaired; /* an OCR repair taken back (a pasted fragment's), undone, redone */
} UndoPicked;

extern Engine     engines[2];
extern char      *sqlite_path; /* engines[0]'s file */
extern UndoPicked picked;

/* Whether story @id is marked corrected, from the engine's own rows. */
gboolean corrected_of  (const Engine  *engine,
                        gint64         id);
/* Whether @theme is turned down for story @id. */
gboolean dismissed_for (SdLibrary     *library,
                        gint64         id,
                        const char    *theme);
/* The id of @story's pasted fragment, a repair whose taking back gives
 * the story a paragraph (0: none). */
gint64   fragment_of   (const SdStory *story);
/* The body of /library-undo/ENGINE/repair. */
void     test_repair   (gconstpointer  data);

G_END_DECLS
