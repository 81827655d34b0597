/* sd-place-tree-dates.c — 日期 in the place tree: the days the library has
 * pages of, by year, month and day, each with its stories; a row lists its
 * stories as a date: query of its day, month or year does
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-place-tree"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sd-place-tree-private.h"

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The row's name: the year, the month or the day, as the tree reads. */
static char *
dup_name (const char *date)
{
  int year = 0, month = 0, day = 0;

  sscanf (date, "%d-%d-%d", &year, &month, &day);
  if (day > 0)
    {
      /* the window's language, not the locale's: the chrome is Chinese
       * in the C locale too */
      static const char *const weekdays[] = {
        NC_ ("weekday", "Mon"), NC_ ("weekday", "Tue"), NC_ ("weekday", "Wed"),
        NC_ ("weekday", "Thu"), NC_ ("weekday", "Fri"), NC_ ("weekday", "Sat"),
        NC_ ("weekday", "Sun"),
      };
      g_autoptr (GDateTime) time = g_date_time_new_utc (year, month, day, 0, 0, 0);
      const char *weekday = time != NULL
                                ? g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                                weekdays[g_date_time_get_day_of_week (time) - 1])
                                : "";

      /* TRANSLATORS: a day in the tree's 日期 node, under its month: the
       * day of the month and the weekday */
      return g_strdup_printf (C_ ("date node", "%02d %s"), day, weekday);
    }
  if (month > 0)
    /* TRANSLATORS: a month in the tree's 日期 node, under its year */
    return g_strdup_printf (C_ ("date node", "%02d"), month);
  /* TRANSLATORS: a year in the tree's 日期 node */
  return g_strdup_printf (C_ ("date node", "%d"), year);
}

/* Appends the row of @prefix (a year or a month) under @parent, or finds
 * it as the last row there: the dates come in order. */
static void
ensure_row (SdPlaceTree *self, GtkTreeIter *parent, const char *prefix, GtkTreeIter *out_iter)
{
  GtkTreeModel    *model = GTK_TREE_MODEL (self->model);
  int              n = gtk_tree_model_iter_n_children (model, parent);
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;

  if (n > 0 && gtk_tree_model_iter_nth_child (model, out_iter, parent, n - 1))
    {
      gtk_tree_model_get (model, out_iter, COLUMN_DATE, &last, -1);
      if (g_strcmp0 (last, prefix) == 0)
        return;
    }
  name = dup_name (prefix);
  gtk_tree_store_append (self->model, out_iter, parent);
  _sd_place_tree_set_row (self, out_iter, name, NULL, SD_SCOPE_ALL, 0);
  gtk_tree_store_set (self->model, out_iter, COLUMN_DATE, prefix, -1);
}

static void
add_count (SdPlaceTree *self, GtkTreeIter *iter, gint64 count)
{
  g_autofree char *text = NULL;
  gint64           sum;

  gtk_tree_model_get (GTK_TREE_MODEL (self->model), iter, COLUMN_COUNT, &sum, -1);
  sum += count;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  gtk_tree_store_set (self->model, iter, COLUMN_COUNT, sum, COLUMN_COUNT_TEXT, text, -1);
}

/* 日期 → 2022 → 2022-11 → 2022-11-03, newest last as a calendar reads;
 * nothing when no page has a date. */
void
_sd_place_tree_add_dates (SdPlaceTree *self)
{
  g_autoptr (GPtrArray) days = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer       key;
  GtkTreeIter    group;

  if (self->dates == NULL || g_hash_table_size (self->dates) == 0)
    return;
  g_hash_table_iter_init (&iter, self->dates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strlen (key) == 10) /* yyyy-mm-dd: the store keeps no other form */
      g_ptr_array_add (days, key);
  g_ptr_array_sort (days, compare_strings);

  gtk_tree_store_append (self->model, &group, NULL);
  _sd_place_tree_set_row (self, &group, _("Dates"), NULL, SD_SCOPE_ALL, 0);
  gtk_tree_store_set (self->model, &group, COLUMN_COUNT_TEXT, "", -1);
  for (guint i = 0; i < days->len; i++)
    {
      const char      *date = g_ptr_array_index (days, i);
      gint64           count = *(const gint64 *) g_hash_table_lookup (self->dates, date);
      g_autofree char *year = g_strndup (date, 4);
      g_autofree char *month = g_strndup (date, 7);
      GtkTreeIter      year_iter, month_iter, day_iter;

      ensure_row (self, &group, year, &year_iter);
      ensure_row (self, &year_iter, month, &month_iter);
      ensure_row (self, &month_iter, date, &day_iter);
      add_count (self, &year_iter, count);
      add_count (self, &month_iter, count);
      add_count (self, &day_iter, count);
    }
  /* its years show; months and days open as the editor opens them */
  _sd_place_tree_expand_row (self, &group);
}
