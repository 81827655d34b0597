/* sd-page-details-dialog.h — a page's paper, date and page number (报名,
 * 日期, 版次) asked of the editor: at import for files that name none, and
 * to correct a page afterwards
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SD_TYPE_PAGE_DETAILS_DIALOG (sd_page_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdPageDetailsDialog, sd_page_details_dialog, SD, PAGE_DETAILS_DIALOG,
                      GtkDialog)

/* A dialog with @heading above the fields and no buttons yet (the caller
 * adds its own); @with_page shows the page number's field too.  Each
 * argument of the values is (nullable). */
SdPageDetailsDialog *sd_page_details_dialog_new (GtkWindow   *parent,
                                                 const char  *title,
                                                 const char  *heading,
                                                 gboolean     with_page,
                                                 const char  *paper,
                                                 const char  *issue_date,
                                                 const char  *page_no);
/* The values typed, checked and in their stored form ("" for an empty
 * field); FALSE with @error, and the reason shown in the dialog, when one
 * is not a paper, a date or a page number. */
gboolean    sd_page_details_dialog_dup_values (SdPageDetailsDialog *self,
                                               char               **out_paper,
                                               char               **out_issue_date,
                                               char               **out_page_no,
                                               GError             **error);

G_END_DECLS
