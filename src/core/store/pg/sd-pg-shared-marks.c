/* sd-pg-shared-marks.c — the SdLibrary interface's marks and organising on
 * a shared library (#17): highlights, themes turned down, saved searches,
 * tags renamed and recoloured, written on the main loop's connection as
 * the person's role; and a story read there for the edit history
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-pg-shared"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-pg-private.h"

typedef enum
{
  ADD_HIGHLIGHT,
  REMOVE_HIGHLIGHT,
  DISMISS_THEME,
  SAVE_SEARCH,
  DELETE_SEARCH,
  RENAME_TAG,
  SET_TAG_COLOR,
} WriteKind;

/* One write's arguments, as its SdLibrary function was given them. */
typedef struct
{
  WriteKind   kind;
  gint64      id;     /* the story */
  gint64      number; /* the highlight to take off */
  SdHighlight wanted; /* the one to make: start, end, comment */
  const char *text;   /* the theme, the tag, the search's name */
  const char *value;  /* the new name, colour or query */
  gboolean    dismiss;
  gint64     *out_id;
  gboolean   *out_changed;
} Write;

static gboolean
run_on (SdPgLibrary *writer, const Write *write, GError **error)
{
  switch (write->kind)
    {
    case ADD_HIGHLIGHT:
      return sd_pg_library_add_highlight (writer, write->id, &write->wanted, write->out_id, error);
    case REMOVE_HIGHLIGHT:
      return sd_pg_library_remove_highlight (writer, write->id, write->number, error);
    case DISMISS_THEME:
      return sd_pg_library_dismiss_theme (writer, write->id, write->text, write->dismiss,
                                          write->out_changed, error);
    case SAVE_SEARCH:
      return sd_pg_library_save_search (writer, write->text, write->value, error);
    case DELETE_SEARCH:
      return sd_pg_library_delete_search (writer, write->text, error);
    case RENAME_TAG:
      return sd_pg_library_rename_tag (writer, write->text, write->value, error);
    case SET_TAG_COLOR:
    default:
      return sd_pg_library_set_tag_color (writer, write->text, write->value, error);
    }
}

/* @write on the connection writes go on, as the window is told it: the
 * server gone said as such, a highlight gone already as not found, an
 * editor's rename or colour, refused by the server, as whose work it is. */
static gboolean
run (SdLibrary *library, const Write *write, GError **error)
{
  SdPgShared  *self = SD_PG_SHARED (library);
  SdPgLibrary *writer;
  GError      *local_error = NULL;

  if (!_sd_pg_shared_check_online (self, error)
      || (writer = _sd_pg_shared_get_writer (self, error)) == NULL)
    return FALSE;
  if (run_on (writer, write, &local_error))
    return TRUE;
  if (write->kind == REMOVE_HIGHLIGHT
      && g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_NOT_FOUND))
    local_error->domain = SD_STORE_ERROR, local_error->code = SD_STORE_ERROR_NOT_FOUND;
  if ((write->kind == RENAME_TAG || write->kind == SET_TAG_COLOR)
      && g_error_matches (local_error, SD_PG_ERROR, SD_PG_ERROR_DENIED))
    {
      g_error_free (local_error);
      g_set_error (error, SD_PG_ERROR, SD_PG_ERROR_DENIED,
                   _("Only a reviewer (审稿) or an admin (管理员) may rename or recolour a tag "
                     "of a shared library: every editor’s stories show it"));
      return FALSE;
    }
  return _sd_pg_shared_fail (self, local_error, error);
}

static gboolean
add_highlight (SdLibrary  *library,
               gint64      id,
               gint64      start,
               gint64      end,
               const char *comment,
               gint64     *out_id,
               GError    **error)
{
  Write write = { ADD_HIGHLIGHT, id,
                  .wanted = { .start = start, .end = end, .comment = (char *) comment },
                  .out_id = out_id };

  return run (library, &write, error);
}

static gboolean
remove_highlight (SdLibrary *library, gint64 id, gint64 highlight_id, GError **error)
{
  return run (library, &(Write){ REMOVE_HIGHLIGHT, id, highlight_id }, error);
}

static gboolean
dismiss_theme (SdLibrary  *library,
               gint64      id,
               const char *theme,
               gboolean    dismiss,
               gboolean   *out_changed,
               GError    **error)
{
  Write write = { DISMISS_THEME, id, .text = theme, .dismiss = dismiss,
                  .out_changed = out_changed };

  return run (library, &write, error);
}

static gboolean
save_search (SdLibrary *library, const char *name, const char *query, GError **error)
{
  return run (library, &(Write){ SAVE_SEARCH, .text = name, .value = query }, error);
}

static gboolean
delete_search (SdLibrary *library, const char *name, GError **error)
{
  return run (library, &(Write){ DELETE_SEARCH, .text = name }, error);
}

static gboolean
rename_tag (SdLibrary *library, const char *tag, const char *new_name, GError **error)
{
  return run (library, &(Write){ RENAME_TAG, .text = tag, .value = new_name }, error);
}

static gboolean
set_tag_color (SdLibrary *library, const char *tag, const char *color, GError **error)
{
  return run (library, &(Write){ SET_TAG_COLOR, .text = tag, .value = color }, error);
}

/* On the writes' connection, which the main loop holds. */
static SdStory *
get_story (SdLibrary *library, gint64 id, GError **error)
{
  SdPgShared  *self = SD_PG_SHARED (library);
  SdPgLibrary *writer;
  GError      *local_error = NULL;
  SdStory     *story = NULL;

  if (_sd_pg_shared_check_online (self, error)
      && (writer = _sd_pg_shared_get_writer (self, error)) != NULL
      && (story = sd_pg_library_get_story (writer, id, NULL, &local_error)) == NULL)
    _sd_pg_shared_fail (self, local_error, error);
  return story;
}

void
_sd_pg_shared_marks_init (SdLibraryInterface *iface)
{
  iface->add_highlight = add_highlight;
  iface->remove_highlight = remove_highlight;
  iface->dismiss_theme = dismiss_theme;
  iface->save_search = save_search;
  iface->delete_search = delete_search;
  iface->rename_tag = rename_tag;
  iface->set_tag_color = set_tag_color;
  iface->get_story = get_story;
}
