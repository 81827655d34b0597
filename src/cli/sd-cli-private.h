/* sd-cli-private.h — what the command line's files share; nothing outside
 * src/cli/ includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-cli.h"
#include "sd-export.h"
#include "sd-library.h"
#include "sd-pg-library.h"
#include "sd-store.h"

G_BEGIN_DECLS

/* Exit status for refused input and failed commands; 0 is success. */
#define EXIT_REFUSED 2

G_GNUC_INTERNAL void      _sd_cli_print_error   (const char *message);
/* Parses the options of command @name; prints usage and returns FALSE on a mistake. */
G_GNUC_INTERNAL gboolean  _sd_cli_parse_options (const char *name, const GOptionEntry *entries, int *argc, char ***argv);
/* The library --db names, or the default; NULL, said, when it cannot be opened. */
G_GNUC_INTERNAL SdStore  *_sd_cli_open_store    (void);
/* The same for a command that writes: the weekly check and backup first. */
G_GNUC_INTERNAL SdStore  *_sd_cli_open_store_to_write (void);

/* The same for import, which makes the library where there is none. */
G_GNUC_INTERNAL SdStore  *_sd_cli_open_store_to_import (void);

/* One line on stderr before opening a library whose schema the open
 * brings up to date (sd-cli.c). */
G_GNUC_INTERNAL void      _sd_cli_say_upgrade   (const char *path);

/* The library --db names, or the default one's path. */
G_GNUC_INTERNAL char     *_sd_cli_dup_db_path   (void);

/* storydesk check, backup, recover (sd-cli-library.c) */
G_GNUC_INTERNAL int       _sd_cli_run_check     (int argc, char **argv);
G_GNUC_INTERNAL int       _sd_cli_run_backup    (int argc, char **argv);
G_GNUC_INTERNAL int       _sd_cli_run_recover   (int argc, char **argv);

/* storydesk delete, trash, batches (sd-cli-trash.c) */
G_GNUC_INTERNAL int       _sd_cli_run_delete    (int argc, char **argv);
G_GNUC_INTERNAL int       _sd_cli_run_trash     (int argc, char **argv);
G_GNUC_INTERNAL int       _sd_cli_run_batches   (int argc, char **argv);
/* storydesk history (sd-cli-history.c) */
G_GNUC_INTERNAL int       _sd_cli_run_history   (int argc, char **argv);
/* The library --db names, either engine's (sd-cli-trash.c): a personal
 * library (its weekly care first when @to_write), or a shared one on one
 * connection, for a person holding one of its roles; NULL, said,
 * otherwise.  Then @error said, the server's refusal (a shared library's
 * SD_PG_ERROR_DENIED) naming who the person is there and @action. */
G_GNUC_INTERNAL SdLibrary *_sd_cli_open_library (gboolean to_write);
G_GNUC_INTERNAL void      _sd_cli_say_library_error (SdLibrary *library, const char *action,
                                                     const GError *error);

/* storydesk serve, admin: a shared library on PostgreSQL (sd-cli-shared.c) */
G_GNUC_INTERNAL int       _sd_cli_run_serve     (int argc, char **argv);
G_GNUC_INTERNAL int       _sd_cli_run_admin     (int argc, char **argv);

/* storydesk import, into either engine's library (sd-cli-import.c) */
G_GNUC_INTERNAL int       _sd_cli_run_import    (int argc, char **argv);
/* storydesk copy: a personal library into a shared one (sd-cli-copy.c) */
G_GNUC_INTERNAL int       _sd_cli_run_copy      (int argc, char **argv);
/* storydesk search, on either engine (sd-cli-pg.c) */
G_GNUC_INTERNAL int       _sd_cli_run_search    (int argc, char **argv);

/* Writes the stories @source gives as export does (sd-cli.c), to standard
 * output when @output_path is NULL or "-". */
G_GNUC_INTERNAL gboolean  _sd_cli_write_stories (const SdStorySource *source, SdExportFormat format,
                                                 const SdExportOptions *options,
                                                 const char *output_path, GError **error);

/* export, tag, note and status on the shared library --db names
 * (sd-cli-pg.c); each returns the command's exit status.  @version: the
 * story's version the caller saw, or 0 for the one it has now. */
G_GNUC_INTERNAL int       _sd_cli_export_shared (const char *query, SdExportFormat format,
                                                 SdExportOptions *options, const char *output_path);
G_GNUC_INTERNAL int       _sd_cli_tag_shared    (const char *story_ref, const char *query,
                                                 const char *add, const char *remove);
G_GNUC_INTERNAL int       _sd_cli_note_shared   (const char *story_ref, const char *text,
                                                 gint64 version);
G_GNUC_INTERNAL int       _sd_cli_status_shared (const char *story_ref, SdStoryStatus status,
                                                 gint64 version);
/* page set on a shared library (sd-cli-page.c): a reviewer's, at the
 * version of the story the editor saw (0: as it is now). */
G_GNUC_INTERNAL int       _sd_cli_page_shared   (const char *story_ref, const char *paper,
                                                 const char *issue_date, const char *page_no,
                                                 gint64 version);
/* The shared library at @location, for a person holding one of its
 * roles; NULL, said, otherwise. */
G_GNUC_INTERNAL SdPgLibrary *_sd_cli_open_shared (const char *location);
/* Says that the person may not do @action ("tag stories"), naming their
 * role; @library: (nullable) */
G_GNUC_INTERNAL void      _sd_cli_print_denied  (SdPgLibrary *library, const char *action,
                                                 const GError *error);

G_END_DECLS
