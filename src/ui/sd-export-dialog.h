/* sd-export-dialog.h — choose a format and a file, then export in a worker
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <gtk/gtk.h>

#include "sd-library-model.h"

G_BEGIN_DECLS

#define SD_TYPE_EXPORT_DIALOG (sd_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SdExportDialog, sd_export_dialog, SD, EXPORT_DIALOG, GtkDialog)

/* Exports the stories of @scope, @n_listed of them as the window lists
 * them.  The dialog answers GTK_RESPONSE_ACCEPT once the file is written,
 * and another response when the editor closes it without exporting; a
 * failed export is shown in the dialog itself. */
SdExportDialog *sd_export_dialog_new            (GtkWindow      *parent,
                                                 SdLibraryModel *library,
                                                 const SdScope  *scope,
                                                 guint           n_listed);
/* The file written. (transfer none) (nullable) */
GFile          *sd_export_dialog_get_file       (SdExportDialog *self);
guint           sd_export_dialog_get_n_exported (SdExportDialog *self);

G_END_DECLS
