/* sd-pg-library.h — a shared library on a PostgreSQL server: its schema,
 * stories and search (the first part of the team engine, issue #17)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search needs no extension: each story's tokens (sd-tsvector.h) are stored
 * as tsvector windows in story_windows, GIN-indexed, and each term of a
 * query is a tsquery matched against them.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gio/gio.h>

#include "sd-query.h"
#include "sd-store.h"
#include "sd-story.h"

G_BEGIN_DECLS

#define SD_PG_ERROR (sd_pg_error_quark ())
typedef enum
{
  SD_PG_ERROR_CONNECT,     /* the server cannot be reached or refused us */
  SD_PG_ERROR_FAILED,      /* a statement failed: the server's message */
  SD_PG_ERROR_UNSUPPORTED, /* asked of this engine before it can do it */
  SD_PG_ERROR_DENIED,      /* the person's role does not allow it */
  SD_PG_ERROR_NOT_FOUND,   /* no story of that id */
  SD_PG_ERROR_CHANGED,     /* someone else changed the story since the version named */
  SD_PG_ERROR_RETRY,       /* the server undid the transaction (a deadlock): run it again */
  SD_PG_ERROR_PASSWORD,    /* the server asks for a password none knows, or refused it */
} SdPgError;
GQuark sd_pg_error_quark (void);

/* A person's role: each may do what the one before may, and more. */
typedef enum
{
  SD_PG_ROLE_EDITOR,   /* 编辑: tags, notes, highlights, status new or needs-work */
  SD_PG_ROLE_REVIEWER, /* 审稿: also 已审 and 不用, corrections and splits */
  SD_PG_ROLE_ADMIN,    /* 管理员: also imports, deletes and people */
} SdPgRole;

/* "editor", "reviewer" or "admin". */
gboolean     sd_pg_role_from_string     (const char        *text,
                                         SdPgRole          *out_role);

typedef struct _SdPgLibrary SdPgLibrary;

/* TRUE when @location names a server (postgresql:// or postgres://), not
 * a library file. */
gboolean     sd_pg_library_is_location  (const char        *location);

/* Who a connection logs in as, as libpq resolved the address (its
 * defaults, PGUSER and the like, included): what a password in the
 * keyring is filed under (sd-pg-secret.h). */
typedef struct
{
  char *host;     /* a name, an address, or the folder of a Unix socket */
  char *port;
  char *database;
  char *user;
} SdPgLogin;

void         sd_pg_login_free           (SdPgLogin         *login);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPgLogin, sd_pg_login_free)
/* "anna on HOST:PORT/DATABASE", for messages. (transfer full) */
char        *sd_pg_login_describe       (const SdPgLogin   *login);

/* Connects as sd_pg_library_open_full () with no password given: ~/.pgpass,
 * else the desktop keyring when the server asks for one (sd-pg-connect.c). */
SdPgLibrary *sd_pg_library_open         (const char        *location,
                                         GError           **error);
/* Connects to @location without ever blocking for long: libpq's steps are
 * polled, given up when @cancellable is cancelled or after the address's
 * connect_timeout (30 s when it names none).  @password: (nullable) the
 * one the editor typed; without it libpq reads ~/.pgpass, and when the
 * server still asks for one the keyring's is tried.  @remember: the typed
 * password stored in the keyring once the server took it.  A password
 * asked for and not known, or refused, is SD_PG_ERROR_PASSWORD;
 * @out_login: (optional) who the connection logs in as, also then. */
SdPgLibrary *sd_pg_library_open_full    (const char        *location,
                                         const char        *password,
                                         gboolean           remember,
                                         SdPgLogin        **out_login,
                                         GCancellable      *cancellable,
                                         GError           **error);
/* A second connection to the same library, with what the first logged in
 * with (a password included); safe from any thread while the first is in
 * use, since it reads only what was kept when the first was made. */
SdPgLibrary *sd_pg_library_open_again   (SdPgLibrary       *self,
                                         GCancellable      *cancellable,
                                         GError           **error);
void         sd_pg_library_close        (SdPgLibrary       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdPgLibrary, sd_pg_library_close)

/* Connects to the server at @server_location and creates the database
 * @name there unless it exists. */
gboolean     sd_pg_library_ensure_database (const char  *server_location,
                                            const char  *name,
                                            GError     **error);
/* Creates the tables, indexes, roles and policies where they are missing
 * (sd-pg-schema.c); run by a role that may create roles. */
gboolean     sd_pg_library_create       (SdPgLibrary       *self,
                                         GError           **error);
/* How many stories have a headline but no row in story_heads (stored
 * before it was there); -1 with @error. */
gint64       sd_pg_library_count_missing_heads (SdPgLibrary  *self,
                                                GError      **error);
/* Fills story_heads for them, @batch_size a transaction, at most
 * @max_batches (0: all); stopped, it keeps what it did (sd-pg-schema.c). */
gboolean     sd_pg_library_fill_heads   (SdPgLibrary       *self,
                                         guint              batch_size,
                                         guint              max_batches,
                                         GCancellable      *cancellable,
                                         guint             *out_n_filled,
                                         GError           **error);
gboolean     sd_pg_library_add_person   (SdPgLibrary       *self,
                                         const char        *name,
                                         SdPgRole           role,
                                         GError           **error);

/* Stores @story under its id (replacing a story of that id), with its
 * search windows, in one transaction. */
gboolean     sd_pg_library_put_story    (SdPgLibrary       *self,
                                         const SdStory     *story,
                                         GError           **error);

/* A story's note (its search windows following) and status, as the
 * connection's role; SD_PG_ERROR_DENIED when the role may not. */
gboolean     sd_pg_library_set_note     (SdPgLibrary       *self,
                                         gint64             id,
                                         const char        *note,
                                         GError           **error);
gboolean     sd_pg_library_set_status   (SdPgLibrary       *self,
                                         gint64             id,
                                         SdStoryStatus      status,
                                         GError           **error);

/* The story's note and version now. */
gboolean     sd_pg_library_get_note     (SdPgLibrary       *self,
                                         gint64             id,
                                         char             **out_note,
                                         gint64            *out_version,
                                         GError           **error);
/* Sets the note only while the story is at @version, else
 * SD_PG_ERROR_CHANGED (the caller shows both texts); @out_version: the
 * story's version after it (sd-pg-edits.c). */
gboolean     sd_pg_library_set_note_at  (SdPgLibrary       *self,
                                         gint64             id,
                                         gint64             version,
                                         const char        *note,
                                         gint64            *out_version,
                                         GError           **error);
/* Puts the tag @name on the story (made when new); a tag already there is
 * kept as it is. */
gboolean     sd_pg_library_add_tag      (SdPgLibrary       *self,
                                         gint64             id,
                                         const char        *name,
                                         GError           **error);
/* The story's tags, sorted. (element-type utf8) */
GPtrArray   *sd_pg_library_list_tags    (SdPgLibrary       *self,
                                         gint64             id,
                                         GError           **error);

/* The same for the status (sd-pg-edits.c). */
gboolean     sd_pg_library_set_status_at (SdPgLibrary      *self,
                                          gint64            id,
                                          gint64            version,
                                          SdStoryStatus     status,
                                          gint64           *out_version,
                                          GError          **error);
/* Puts the tag @name on the @n_ids stories (made when new), or takes it
 * off when !@add, in one transaction; @out_n_changed (optional): how many
 * stories gained or lost it, @out_changed (nullable, element-type gint64)
 * appended to: which. */
gboolean     sd_pg_library_tag_stories  (SdPgLibrary       *self,
                                         const gint64      *ids,
                                         guint              n_ids,
                                         const char        *name,
                                         gboolean           add,
                                         guint             *out_n_changed,
                                         GArray            *out_changed,
                                         GError           **error);

/* Story @id whole, as a personal library's cursor reads it: page,
 * provenance, tags, highlights (sd-pg-read.c); @out_version: (optional)
 * its version now. (transfer full) */
SdStory     *sd_pg_library_get_story    (SdPgLibrary       *self,
                                         gint64             id,
                                         gint64            *out_version,
                                         GError           **error);
/* The story @ref names, an id or a uuid; -1 with @error. */
gint64       sd_pg_library_find_story   (SdPgLibrary       *self,
                                         const char        *ref,
                                         GError           **error);
/* Tag name → "#rrggbb", as sd_store_dup_tag_colors (). (transfer full) */
GHashTable  *sd_pg_library_dup_tag_colors (SdPgLibrary     *self,
                                           GError         **error);
/* Who the connection is: the database role's @out_name and the highest
 * of the library's roles it holds; FALSE with @error unset when it holds
 * none of them. */
gboolean     sd_pg_library_get_person   (SdPgLibrary       *self,
                                         char             **out_name,
                                         SdPgRole          *out_role,
                                         GError           **error);
/* "an editor (编辑)", "a reviewer (审稿)", "an admin (管理员)". */
const char  *sd_pg_role_to_label        (SdPgRole           role);

/* Copies full records (a personal library's cursor's) in one transaction
 * (sd-pg-copy.c): a story whose uuid the library holds is left as it is
 * (@out_n_skipped); the others keep their ids where no story has them.
 * As an admin only.  @tag_colors: (nullable) */
gboolean     sd_pg_library_copy_stories (SdPgLibrary       *self,
                                         GPtrArray         *stories,
                                         GHashTable        *tag_colors,
                                         guint             *out_n_copied,
                                         guint             *out_n_skipped,
                                         GError           **error);

/* Every story of the personal library @store, read through its cursor,
 * copied a batch at a time (sd_pg_library_copy_stories ()). */
gboolean     sd_pg_library_copy_library (SdPgLibrary       *self,
                                         SdStore           *store,
                                         guint             *out_n_copied,
                                         guint             *out_n_skipped,
                                         GError           **error);

/* Called for a story that changed, by anyone (this connection too), and
 * when the connection is lost or back; sd-pg-watch.c. */
typedef void (*SdPgChangeFunc)     (SdPgLibrary *library,
                                    gint64       story_id,
                                    gpointer     user_data);
typedef void (*SdPgConnectionFunc) (SdPgLibrary *library,
                                    gboolean     connected,
                                    gpointer     user_data);

/* Tells @changed of every change to a story or its tags within moments, in
 * the thread-default main context; a lost connection is tried again every
 * second, and what changed meanwhile is told when it is back. */
gboolean     sd_pg_library_watch        (SdPgLibrary       *self,
                                         SdPgChangeFunc     changed,
                                         SdPgConnectionFunc connection,
                                         gpointer           user_data,
                                         GError           **error);
gboolean     sd_pg_library_is_connected (SdPgLibrary       *self);

/* Story counts keyed by place code ("" for the unplaced ones), as
 * sd_store_count_by_place (). (element-type utf8 gint64*) */
GHashTable  *sd_pg_library_count_by_place (SdPgLibrary     *self,
                                           GError         **error);
/* Story counts keyed by their page's date (yyyy-mm-dd), pages without
 * one left out, as sd_store_count_by_date (). (element-type utf8 gint64*) */
GHashTable  *sd_pg_library_count_by_date  (SdPgLibrary     *self,
                                           GError         **error);

/* The ids, in order, of the stories holding every wanted word and phrase
 * of @query and none of the unwanted ones.  Field filters are not answered
 * here yet (SD_PG_ERROR_UNSUPPORTED). (element-type gint64) */
GArray      *sd_pg_library_search_ids   (SdPgLibrary       *self,
                                         const SdQuery     *query,
                                         GError           **error);

/* The ids of @scope's stories ordered by @order, then in the library's
 * order (page, then the order they came), as a personal library lists
 * them; a search's words and phrases in @scope->text; the trash's latest
 * first; an import batch's stories (sd-pg-list.c).
 * (element-type gint64) */
GArray      *sd_pg_library_list_ids     (SdPgLibrary       *self,
                                         const SdScope     *scope,
                                         SdStoryOrder       order,
                                         gboolean           descending,
                                         GError           **error);
/* The stories of these ids that exist, whole, in their order.
 * (element-type SdStory) (transfer full) */
GPtrArray   *sd_pg_library_get_stories  (SdPgLibrary       *self,
                                         const gint64      *ids,
                                         guint              n_ids,
                                         GError           **error);
/* Every tag name, most used first. (element-type utf8) (transfer full) */
GPtrArray   *sd_pg_library_list_all_tags (SdPgLibrary      *self,
                                          GError          **error);

G_END_DECLS
