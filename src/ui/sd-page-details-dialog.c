/* sd-page-details-dialog.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-page-details-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-page-details-dialog.h"
#include "sd-page-identity.h"

struct _SdPageDetailsDialog
{
  GtkDialog parent_instance;

  GtkLabel  *heading_label;
  GtkEntry  *paper_entry;
  GtkEntry  *date_entry;
  GtkEntry  *page_entry;
  GtkWidget *page_label;
  GtkLabel  *error_label;
};

G_DEFINE_TYPE (SdPageDetailsDialog, sd_page_details_dialog, GTK_TYPE_DIALOG)

typedef char *(*ParseFunc) (const char *text, GError **error);

/* "" for an empty field, else the field checked by @parse. */
static char *
dup_field (GtkEntry *entry, ParseFunc parse, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_entry_get_text (entry)));

  if (*text == '\0')
    return g_steal_pointer (&text);
  return parse (text, error);
}

static void
changed_cb (SdPageDetailsDialog *self)
{
  gtk_widget_hide (GTK_WIDGET (self->error_label));
}

static void
sd_page_details_dialog_class_init (SdPageDetailsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/storydesk/Storydesk/ui/sd-page-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SdPageDetailsDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SdPageDetailsDialog, paper_entry);
  gtk_widget_class_bind_template_child (widget_class, SdPageDetailsDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, SdPageDetailsDialog, page_entry);
  gtk_widget_class_bind_template_child (widget_class, SdPageDetailsDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, SdPageDetailsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
sd_page_details_dialog_init (SdPageDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SdPageDetailsDialog *
sd_page_details_dialog_new (GtkWindow  *parent,
                            const char *title,
                            const char *heading,
                            gboolean    with_page,
                            const char *paper,
                            const char *issue_date,
                            const char *page_no)
{
  SdPageDetailsDialog *self = g_object_new (SD_TYPE_PAGE_DETAILS_DIALOG, "transient-for", parent,
                                            "use-header-bar", FALSE, "title", title, NULL);

  gtk_label_set_text (self->heading_label, heading);
  gtk_entry_set_text (self->paper_entry, paper != NULL ? paper : "");
  gtk_entry_set_text (self->date_entry, issue_date != NULL ? issue_date : "");
  gtk_entry_set_text (self->page_entry, page_no != NULL ? page_no : "");
  gtk_widget_set_visible (GTK_WIDGET (self->page_entry), with_page);
  gtk_widget_set_visible (self->page_label, with_page);
  return self;
}

gboolean
sd_page_details_dialog_dup_values (SdPageDetailsDialog *self,
                                   char               **out_paper,
                                   char               **out_issue_date,
                                   char               **out_page_no,
                                   GError             **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *paper = NULL, *issue_date = NULL, *page_no = NULL;

  g_return_val_if_fail (SD_IS_PAGE_DETAILS_DIALOG (self), FALSE);

  if ((paper = dup_field (self->paper_entry, sd_page_identity_parse_paper, &local)) == NULL
      || (issue_date = dup_field (self->date_entry, sd_page_identity_parse_date, &local)) == NULL
      || (page_no = dup_field (self->page_entry, sd_page_identity_parse_page, &local)) == NULL)
    {
      gtk_label_set_text (self->error_label, local->message);
      gtk_widget_show (GTK_WIDGET (self->error_label));
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *out_paper = g_steal_pointer (&paper);
  *out_issue_date = g_steal_pointer (&issue_date);
  if (out_page_no != NULL)
    *out_page_no = g_steal_pointer (&page_no);
  return TRUE;
}
