/* sd-window-private.h — what the window's source files share; nothing outside
 * src/ui/sd-window*.c includes it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include "sd-article-view.h"
#include "sd-edit-history.h"
#include "sd-library-model.h"
#include "sd-place-tree.h"
#include "sd-story-list.h"
#include "sd-story-model.h"
#include "sd-story-inspector.h"
#include "sd-toast.h"
#include "sd-window.h"

G_BEGIN_DECLS

struct _SdWindow
{
  GtkApplicationWindow parent_instance;

  GtkSearchEntry *search_entry;
  GtkPopover     *search_popover;
  GtkPopover     *query_problem_popover;
  GtkLabel       *query_problem_label;
  GtkEntry       *saved_name_entry;
  GtkWidget      *forget_search_button;
  GtkMenuButton  *menu_button;
  GtkRevealer    *progress_revealer;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkInfoBar     *info_bar;
  SdToast        *toast;
  GtkWidget      *undo_button;
  GtkWidget      *redo_button;
  GtkLabel       *info_label;
  GtkPaned       *outer_paned;
  GtkPaned       *inner_paned;
  SdPlaceTree    *place_tree;
  SdStoryList    *story_list;
  SdArticleView  *article_view;
  SdStoryInspector *inspector;
  GtkLabel       *status_label;

  SdLibrary      *engine;         /* the library, personal or shared */
  SdStore        *store;          /* the same when personal, else NULL */
  GtkInfoBar     *offline_bar;    /* a shared library's server gone */
  SdEditHistory  *history;
  GSettings      *settings;
  SdLibraryModel *library;        /* tags, counts by place, saved searches */
  SdStoryListModel *stories;     /* the listed stories */
  SdStoryModel   *shown;          /* the story in the article view */
  GCancellable   *import_cancellable;
  gint64          progress_shown; /* when an import's progress was last shown */
  SdImportPacer  *import_pacer;  /* (nullable) beaten while an import runs */
  guint           import_beat;   /* the beat's source */
  GStrv           import_paths;  /* (nullable) the import being checked or run */
  SdBatchKind     import_batch_kind;
  GPtrArray      *import_checked; /* (nullable) (element-type SdImportResult) the dry run's */
  gboolean        import_details_asked; /* paper and date asked of the editor already */
  char           *import_paper;  /* (nullable) for files that name none */
  char           *import_date;   /* (nullable) the same */
  char           *listed_node;   /* the tree node the list shows */
  char           *scope_text;    /* the search of the last scope, with its 日期 row's date: */
  GPtrArray      *import_queue;  /* imports waiting their turn, each its paths and batch kind */
  char           *restore_uuid;  /* the story to select once the list is read */
  GtkPrintSettings *print_settings; /* the printer and options last used */
  SdScopeKind     list_kind;     /* what the list shows, for its menu */
  GPtrArray      *row_tags;      /* (nullable) (element-type utf8) the list menu's tags */
  GdkWindow      *held_window;   /* (nullable) its paints held for the story asked */
  guint           hold_timeout;  /* when they are let go anyway */
};

/* sd-window.c */
/* A notification after an undo or redo: @format with @label in it. */
G_GNUC_INTERNAL void _sd_window_notify_step (SdWindow *self, const char *format, const char *label, gint64 story_id);
G_GNUC_INTERNAL void _sd_window_show_message (SdWindow *self, GtkMessageType type,
                                              const char *message);
/* The id of the story in the article view, 0 for none. */
G_GNUC_INTERNAL gint64 _sd_window_get_shown_id (SdWindow *self);
/* The node picked in the tree and the search typed; @out_code owns the
 * place code @scope points to. */
G_GNUC_INTERNAL void _sd_window_get_scope (SdWindow *self, SdScope *scope, char **out_code);
/* The key of a tree node the list shows (listed_node): its kind, code,
 * saved query and day, each nullable (sd-window-start.c). */
G_GNUC_INTERNAL char *_sd_window_node_key (SdScopeKind kind,
                                           const char *code,
                                           const char *query,
                                           const char *date);
/* Lists the node the tree will select for @key when the key says its scope
 * (then TRUE), before the tree is built (sd-window-start.c). */
G_GNUC_INTERNAL gboolean _sd_window_list_restored_node (SdWindow *self, const char *key);
/* The library model's first reading, once the next frame is painted
 * (sd-window-start.c). */
G_GNUC_INTERNAL void _sd_window_start_library_after_frame (SdWindow *self);

/* sd-window-searches.c */
/* The search typed kept under the name in the popover; a saved search
 * picked in the tree forgotten, once the editor confirms. */
G_GNUC_INTERNAL void _sd_window_save_search   (SdWindow *self);
G_GNUC_INTERNAL void _sd_window_forget_search (SdWindow *self);

/* sd-window-desktop.c */
/* Drops, recent imports, and going back to where the editor left off. */
G_GNUC_INTERNAL void _sd_window_setup_desktop   (SdWindow          *self);
/* On a shared library: what it cannot do yet disabled, saying why, and a
 * bar while its server is gone (sd-window-shared.c); nothing on a
 * personal library. */
G_GNUC_INTERNAL void _sd_window_setup_shared    (SdWindow          *self);
G_GNUC_INTERNAL void _sd_window_save_session    (SdWindow          *self);
G_GNUC_INTERNAL void _sd_window_queue_import    (SdWindow          *self,
                                                 const char *const *paths,
                                                 SdBatchKind        batch_kind);
/* Starts the next import waiting, or drops them all when @cancelled. */
G_GNUC_INTERNAL void _sd_window_import_next     (SdWindow          *self,
                                                 gboolean           cancelled);
G_GNUC_INTERNAL void _sd_window_dispose_desktop (SdWindow          *self);

/* sd-window-tags.c: Alt+1 … Alt+9 and their legend */
G_GNUC_INTERNAL void _sd_window_add_tag_keys (SdWindow *self, GtkApplication *application);
/* The tags the keys put on, those with a colour, by name, at most nine.
 * (element-type utf8) (transfer container) */
G_GNUC_INTERNAL GPtrArray *_sd_window_dup_keyed_tags (SdWindow *self);
G_GNUC_INTERNAL gboolean _sd_window_story_has_tag (const SdStory *story, const char *tag);

/* sd-window-rows.c: the list's menu on the selected rows */
G_GNUC_INTERNAL void _sd_window_add_row_actions (SdWindow *self);
G_GNUC_INTERNAL void _sd_window_append_row_menu (SdWindow *self, GMenu *menu);

/* sd-window-import.c: after the paper and date were asked, the import
 * goes on (or, @cancelled, stops with nothing written). */
G_GNUC_INTERNAL void _sd_window_import_continue (SdWindow *self, gboolean cancelled);
G_GNUC_INTERNAL void _sd_window_stop_import_pacer (SdWindow *self);

/* sd-window-pages.c: paper, date and page */
/* Asks paper and date for the files of the dry run @results that name
 * none; FALSE when none lacks them (nothing asked). */
G_GNUC_INTERNAL gboolean _sd_window_ask_page_details (SdWindow *self, GPtrArray *results);
G_GNUC_INTERNAL void _sd_window_add_page_actions (SdWindow *self);

/* The inspector gets the selected stories: the shown one in full, or
 * several as they are listed; the menu and actions follow them. */
G_GNUC_INTERNAL void _sd_window_show_selection (SdWindow *self);
/* sd-window-rows.c: the same once the frame that paints the story is
 * done, so that its text is not held up by the inspector (#16). */
G_GNUC_INTERNAL void _sd_window_show_selection_after_frame (SdWindow *self);

/* sd-window-story-frame.c: the window's frames held from a story asked
 * until it is shown (HOLD_MS at most), so that the list's selection and the
 * story are painted in one frame (#16). */
G_GNUC_INTERNAL void _sd_window_hold_frame    (SdWindow *self);
G_GNUC_INTERNAL void _sd_window_release_frame (SdWindow *self);

/* sd-window-print.c */
G_GNUC_INTERNAL void _sd_window_add_print_actions (SdWindow *self);

/* sd-window-actions.c */
G_GNUC_INTERNAL void _sd_window_add_actions (SdWindow *self);
/* sd-window-trash.c */
G_GNUC_INTERNAL void _sd_window_add_trash_actions (SdWindow *self);
/* The list's context menu for the stories of @kind (made again when the
 * selection or the tags change: it shows their status and tags). */
G_GNUC_INTERNAL void _sd_window_set_list_scope (SdWindow *self, SdScopeKind kind);
G_GNUC_INTERNAL void _sd_window_article_populate_popup_cb (GtkTextView *text_view, GtkWidget *popup,
                                                           SdWindow *self);

G_END_DECLS
