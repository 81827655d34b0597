/* test-widgets.c — SdPageView and SdPlaceChooser in a real (Xvfb) display
 *
 * Run as: xvfb-run -a -s '-screen 0 1280x800x24' test-widgets
 * with NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory GDK_BACKEND=x11.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sd-han-glyphs.h"

#include "sd-edit-history.h"
#include "sd-gazetteer.h"
#include "sd-page-view.h"
#include "sd-place-chooser.h"
#include "sd-store.h"
#include "sd-story-inspector.h"
#include "sd-tag-chip.h"

/* A page as the importer stores it: two stories, printed line ends ("\r\n"
 * as in many OCR exports), a 引题 and a reporter line. */
static const char page_text[] = "第3版 · 苏州新闻\r\n"
                                "\r\n"
                                "吴江区黎里镇古镇保护工程启动\r\n"
                                "本报记者 王芳\r\n"
                                "　　本报讯 日前，吴江区黎里镇古镇保护工程正式启动，\r\n"
                                "计划用三年时间修缮沿河民居。\r\n"
                                "\r\n"
                                "新沂市新店镇举办农民丰收节\r\n"
                                "　　本报讯 9月23日，新沂市新店镇举办第六届农民丰收节。\r\n";

static void
process_events (void)
{
  while (gtk_events_pending ())
    gtk_main_iteration ();
}

static void
find_span (const char *needle, gint64 *out_start, gint64 *out_end)
{
  const char *found = strstr (page_text, needle);

  g_assert_nonnull (found);
  *out_start = found - page_text;
  *out_end = *out_start + (gint64) strlen (needle);
}

/* Every stretch of the buffer the tag covers, "|"-separated. */
static char *
dup_tagged_text (GtkTextBuffer *buffer, GtkTextTag *tag)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter      end = iter;
      g_autofree char *part = NULL;

      g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      part = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "", part);
      iter = end;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkTextBuffer *
get_page_buffer (GtkWidget *view)
{
  GtkWidget *text_view = sd_page_view_get_text_view (SD_PAGE_VIEW (view));

  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
}

/* What the story's highlight covers. */
static char *
dup_span_text (GtkWidget *view)
{
  GtkTextBuffer   *buffer = get_page_buffer (view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  return dup_tagged_text (buffer, gtk_text_tag_table_lookup (table, SD_PAGE_VIEW_SPAN_TAG));
}

/* #14: each page view leaked the empty text init () set before its page
 * came.  LeakSanitizer, in the sanitizer build, fails this on any leak. */
static void
test_page_view_no_leak (void)
{
  for (guint i = 0; i < 10; i++)
    {
      GtkWidget *view = sd_page_view_new (NULL, "a.txt", "吴江区黎里镇", 0, 6);

      gtk_widget_destroy (view);
    }
}

static void
test_page_view_span (void)
{
  const char      *story = "吴江区黎里镇古镇保护工程启动\r\n本报记者 王芳\r\n"
                           "　　本报讯 日前，吴江区黎里镇古镇保护工程正式启动，\r\n"
                           "计划用三年时间修缮沿河民居。";
  g_autofree char *expected_subtitle = NULL;
  g_autofree char *tagged = NULL;
  g_autofree char *all = NULL;
  GtkWidget       *view;
  GtkTextBuffer   *buffer;
  GtkHeaderBar    *header_bar;
  GtkTextIter      start, end;
  gint64           span_start, span_end;

  find_span (story, &span_start, &span_end);
  view = sd_page_view_new (NULL, "suzhou-2024-09-24-03.txt", page_text, span_start, span_end);
  buffer = get_page_buffer (view);

  /* The page as imported, "\r\n" and all. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  all = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (all, ==, page_text);

  tagged = dup_span_text (view);
  g_assert_cmpstr (tagged, ==, story);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (view)), ==, "suzhou-2024-09-24-03.txt");
  expected_subtitle =
      g_strdup_printf ("bytes %lld–%lld", (long long) span_start, (long long) span_end);
  header_bar = GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (view)));
  g_assert_cmpstr (gtk_header_bar_get_subtitle (header_bar), ==, expected_subtitle);

  /* Shown, the span's first line is scrolled into view. */
  gtk_window_set_default_size (GTK_WINDOW (view), 500, 120);
  gtk_widget_show (view);
  gtk_test_widget_wait_for_draw (view);
  {
    GtkTextView *text_view = GTK_TEXT_VIEW (sd_page_view_get_text_view (SD_PAGE_VIEW (view)));
    GdkRectangle visible, location;

    gtk_text_buffer_get_iter_at_offset (
        buffer, &start, (int) g_utf8_pointer_to_offset (page_text, page_text + span_start));
    gtk_text_view_get_visible_rect (text_view, &visible);
    gtk_text_view_get_iter_location (text_view, &start, &location);
    g_assert_cmpint (location.y, >=, visible.y);
    g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
  }
  gtk_widget_destroy (view);
}

/* Offsets inside a character widen to it; offsets past the text clamp. */
static void
test_page_view_align (void)
{
  g_autofree char *tagged = NULL;
  GtkWidget       *view;
  gint64           span_start, span_end;

  find_span ("新沂市新店镇举办农民丰收节", &span_start, &span_end);
  view = sd_page_view_new (NULL, NULL, page_text, span_start + 1, span_end - 2);
  tagged = dup_span_text (view);
  g_assert_cmpstr (tagged, ==, "新沂市新店镇举办农民丰收节");
  gtk_widget_destroy (view);

  g_clear_pointer (&tagged, g_free);
  view = sd_page_view_new (NULL, NULL, page_text, span_start, G_MAXINT64);
  tagged = dup_span_text (view);
  g_assert_cmpstr (tagged, ==, page_text + span_start);
  gtk_widget_destroy (view);
}

static gboolean
query_tooltip_at (GtkWidget *view, gint64 byte)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (sd_page_view_get_text_view (SD_PAGE_VIEW (view)));
  g_autoptr (GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkTextIter  iter;
  GdkRectangle location;
  gboolean     shown = FALSE;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter,
                                      (int) g_utf8_pointer_to_offset (page_text, page_text + byte));
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (
      text_view, GTK_TEXT_WINDOW_WIDGET, location.x + location.width / 2,
      location.y + location.height / 2, &location.x, &location.y);
  g_signal_emit_by_name (text_view, "query-tooltip", location.x, location.y, FALSE, tooltip,
                         &shown);
  return shown;
}

static void
test_page_view_marks (void)
{
  const char *const tooltips[] = { "Joined a line broken inside a word", NULL,
                                   "Paragraph joined again" };
  gint64            starts[3], ends[3];
  g_autofree char  *underlined = NULL;
  GtkWidget        *view;
  GtkTextBuffer    *buffer;
  GtkTextTagTable  *table;
  GtkTextIter       iter;
  GSList           *tags;
  GtkTextTag       *mark_tag = NULL;
  gint64            span_start, span_end;

  find_span ("新沂市新店镇举办农民丰收节", &span_start, &span_end);
  find_span ("丰收节", &starts[0], &ends[0]);
  find_span ("修缮", &starts[1], &ends[1]);
  find_span ("，\r\n计划", &starts[2], &ends[2]);
  starts[2] += strlen ("，"); /* only the line break */
  ends[2] = starts[2] + 2;
  view = sd_page_view_new (NULL, NULL, page_text, span_start, span_end);
  sd_page_view_add_marks (SD_PAGE_VIEW (view), starts, ends, 3, tooltips);
  buffer = get_page_buffer (view);
  table = gtk_text_buffer_get_tag_table (buffer);
  g_assert_cmpint (gtk_text_tag_table_get_size (table), ==, 5); /* page, span, three marks */

  gtk_text_buffer_get_iter_at_offset (
      buffer, &iter, (int) g_utf8_pointer_to_offset (page_text, page_text + starts[0]));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      PangoUnderline underline;

      g_object_get (l->data, "underline", &underline, NULL);
      if (underline == PANGO_UNDERLINE_ERROR)
        mark_tag = l->data;
    }
  g_slist_free (tags);
  g_assert_nonnull (mark_tag);
  underlined = dup_tagged_text (buffer, mark_tag);
  g_assert_cmpstr (underlined, ==, "丰收节");

  /* A mark on a line break alone takes in the characters either side. */
  g_clear_pointer (&underlined, g_free);
  mark_tag = NULL;
  gtk_text_buffer_get_iter_at_offset (
      buffer, &iter, (int) g_utf8_pointer_to_offset (page_text, page_text + starts[2]));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    if (l->data != gtk_text_tag_table_lookup (table, "sd-page"))
      mark_tag = l->data;
  g_slist_free (tags);
  g_assert_nonnull (mark_tag);
  underlined = dup_tagged_text (buffer, mark_tag);
  g_assert_cmpstr (underlined, ==, "，\r\n计");

  gtk_widget_show (view);
  gtk_test_widget_wait_for_draw (view);
  g_assert_true (query_tooltip_at (view, starts[0] + 3));
  g_assert_false (query_tooltip_at (view, starts[1]));  /* marked, but no tooltip given */
  g_assert_false (query_tooltip_at (view, span_start)); /* not marked */
  gtk_widget_destroy (view);
}

typedef struct
{
  GtkWidget      *window;
  SdPlaceChooser *chooser;
  GtkEntry       *entry;
  GtkTreeView    *tree_view;
  guint           n_chosen;
  char           *chosen;
} ChooserFixture;

/* The chooser's model columns. */
enum
{
  COLUMN_NAME,
  COLUMN_PATH,
  COLUMN_CODE,
};

static void
find_widget_cb (GtkWidget *widget, gpointer data)
{
  gpointer *found = data; /* { GType, result } */

  if (found[1] != NULL)
    return;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (found[0])))
    found[1] = widget;
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_widget_cb, data);
}

static gpointer
find_widget (GtkWidget *root, GType type)
{
  gpointer found[2] = { GSIZE_TO_POINTER (type), NULL };

  gtk_container_forall (GTK_CONTAINER (root), find_widget_cb, found);
  g_assert_nonnull (found[1]);
  return found[1];
}

static void
place_chosen_cb (SdPlaceChooser *chooser, const char *code, ChooserFixture *fixture)
{
  fixture->n_chosen++;
  g_free (fixture->chosen);
  fixture->chosen = g_strdup (code);
}

static void
chooser_setup (ChooserFixture *fixture, gconstpointer data)
{
  GtkWidget *button = gtk_button_new_with_label ("Place");

  fixture->window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  gtk_container_add (GTK_CONTAINER (fixture->window), button);
  gtk_widget_show_all (fixture->window);
  fixture->chooser = SD_PLACE_CHOOSER (sd_place_chooser_new (button));
  fixture->entry = find_widget (GTK_WIDGET (fixture->chooser), GTK_TYPE_SEARCH_ENTRY);
  fixture->tree_view = find_widget (GTK_WIDGET (fixture->chooser), GTK_TYPE_TREE_VIEW);
  g_signal_connect (fixture->chooser, "place-chosen", G_CALLBACK (place_chosen_cb), fixture);
}

static void
chooser_teardown (ChooserFixture *fixture, gconstpointer data)
{
  gtk_widget_destroy (fixture->window);
  g_free (fixture->chosen);
}

static int
count_rows (ChooserFixture *fixture)
{
  return gtk_tree_model_iter_n_children (gtk_tree_view_get_model (fixture->tree_view), NULL);
}

/* (transfer full) */
static char *
dup_cell (ChooserFixture *fixture, int row, int column)
{
  GtkTreeModel *model = gtk_tree_view_get_model (fixture->tree_view);
  GtkTreeIter   iter;
  char         *text = NULL;

  g_assert_true (gtk_tree_model_iter_nth_child (model, &iter, NULL, row));
  gtk_tree_model_get (model, &iter, column, &text, -1);
  return text;
}

#define assert_cell(fixture, row, column, expected)                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *cell_ = dup_cell (fixture, row, column);                                      \
    g_assert_cmpstr (cell_, ==, expected);                                                         \
  }                                                                                                \
  G_STMT_END

/* What a screen reader hears for the row: the texts of its cells. */
static char *
dup_accessible_row (ChooserFixture *fixture, int row)
{
  AtkObject *table = gtk_widget_get_accessible (GTK_WIDGET (fixture->tree_view));
  g_autoptr (AtkObject) cell = atk_table_ref_at (ATK_TABLE (table), row, 0);
  g_autoptr (GString) text = g_string_new (NULL);
  int n = atk_object_get_n_accessible_children (cell);

  if (n == 0)
    return g_strdup (atk_object_get_name (cell));
  for (int i = 0; i < n; i++)
    {
      g_autoptr (AtkObject) child = atk_object_ref_accessible_child (cell, i);
      const char *name = atk_object_get_name (child);

      if (name != NULL && *name != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? "|" : "", name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
activate_row (ChooserFixture *fixture, int row)
{
  g_autoptr (GtkTreePath) path = gtk_tree_path_new_from_indices (row, -1);

  gtk_tree_view_row_activated (fixture->tree_view, path,
                               gtk_tree_view_get_column (fixture->tree_view, 0));
}

static void
test_chooser_same_name (ChooserFixture *fixture, gconstpointer data)
{
  SdGazetteer *gazetteer = sd_gazetteer_get_default ();

  gtk_entry_set_text (fixture->entry, "新店");
  g_assert_cmpint (count_rows (fixture), ==, 2);
  assert_cell (fixture, 0, COLUMN_NAME, "新店镇");
  assert_cell (fixture, 1, COLUMN_NAME, "新店镇");
  /* Told apart by their parents, in official order: 3203 before 3206. */
  assert_cell (fixture, 0, COLUMN_PATH, "徐州市 · 新沂市");
  assert_cell (fixture, 1, COLUMN_PATH, "南通市 · 如东县");
  {
    g_autofree char *spoken = dup_accessible_row (fixture, 1);
    g_assert_true (g_str_has_prefix (spoken, "新店镇"));
  }

  /* Picking a row tells its code and closes. */
  activate_row (fixture, 1);
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_cmpstr (fixture->chosen, ==, "320623112");
  g_assert_cmpstr (sd_gazetteer_lookup (gazetteer, fixture->chosen)->name, ==, "新店镇");
  g_assert_cmpstr (sd_gazetteer_lookup (gazetteer, fixture->chosen)->parent_code, ==, "320623");
}

static void
test_chooser_district (ChooserFixture *fixture, gconstpointer data)
{
  gboolean found = FALSE;

  gtk_entry_set_text (fixture->entry, "吴江");
  g_assert_cmpint (count_rows (fixture), >=, 2);
  assert_cell (fixture, 0, COLUMN_NAME, "吴江区");
  assert_cell (fixture, 0, COLUMN_PATH, "苏州市");
  assert_cell (fixture, 0, COLUMN_CODE, "320509");
  for (int i = 0; i < count_rows (fixture); i++)
    {
      g_autofree char *name = dup_cell (fixture, i, COLUMN_NAME);
      found |= g_str_equal (name, "吴江经济技术开发区");
    }
  g_assert_true (found);

  /* Enter in the entry picks the best match. */
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_cmpstr (fixture->chosen, ==, "320509");

  /* The old name (吴江市 until 2012) still finds it, by the name without 市. */
  gtk_entry_set_text (fixture->entry, "吴江市");
  g_assert_cmpint (count_rows (fixture), >=, 1);
  assert_cell (fixture, 0, COLUMN_NAME, "吴江区");

  /* Nothing found: Enter does nothing. */
  gtk_entry_set_text (fixture->entry, "不存在的地方");
  g_assert_cmpint (count_rows (fixture), ==, 0);
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
}

static void
test_chooser_unplaced (ChooserFixture *fixture, gconstpointer data)
{
  /* Unplaced, the province, 13 cities, their districts and towns. */
  g_assert_cmpint (count_rows (fixture), >, 1500);
  assert_cell (fixture, 0, COLUMN_NAME, "Unplaced");
  assert_cell (fixture, 0, COLUMN_CODE, NULL);
  assert_cell (fixture, 1, COLUMN_NAME, "江苏省");
  {
    g_autofree char *spoken = dup_accessible_row (fixture, 0);
    g_assert_cmpstr (spoken, ==, "Unplaced");
  }

  fixture->chosen = g_strdup ("not called");
  activate_row (fixture, 0);
  g_assert_cmpuint (fixture->n_chosen, ==, 1);
  g_assert_null (fixture->chosen);

  /* "Unplaced" hides while searching for a place. */
  gtk_entry_set_text (fixture->entry, "苏州");
  g_assert_cmpint (count_rows (fixture), >=, 1);
  assert_cell (fixture, 0, COLUMN_NAME, "苏州市");
}

static void
send_key (GtkWidget *widget, guint keyval)
{
  GdkEvent                *event = gdk_event_new (GDK_KEY_PRESS);
  g_autofree GdkKeymapKey *keys = NULL;
  gboolean                 handled;
  int                      n_keys;

  event->key.window = g_object_ref (gtk_widget_get_window (widget));
  event->key.keyval = keyval;
  event->key.time = GDK_CURRENT_TIME;
  /* Key bindings (the tree view's arrows) match the hardware key code. */
  g_assert_true (gdk_keymap_get_entries_for_keyval (
      gdk_keymap_get_for_display (gtk_widget_get_display (widget)), keyval, &keys, &n_keys));
  event->key.hardware_keycode = (guint16) keys[0].keycode;
  event->key.group = (guint8) keys[0].group;
  gdk_event_set_device (event, gdk_seat_get_keyboard (
                                   gdk_display_get_default_seat (gtk_widget_get_display (widget))));
  handled = gtk_widget_event (widget, event);
  gdk_event_free (event);
  g_assert_true (handled);
}

static int
get_selected_row (ChooserFixture *fixture)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (fixture->tree_view);
  GtkTreeModel     *model;
  GtkTreeIter       iter;
  g_autoptr (GtkTreePath) path = NULL;

  if (!gtk_tree_selection_get_selected (selection, &model, &iter))
    return -1;
  path = gtk_tree_model_get_path (model, &iter);
  return gtk_tree_path_get_indices (path)[0];
}

/* Opened, the current place is selected; Down moves into the list, Up
 * back, Escape closes. */
static void
test_chooser_keyboard (ChooserFixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);

  sd_place_chooser_set_current (fixture->chooser, "320509");
  gtk_entry_set_text (fixture->entry, "leftover");
  gtk_popover_popup (GTK_POPOVER (fixture->chooser));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->chooser));
  process_events ();
  {
    /* No window manager gives focus under Xvfb; the tree view only moves
     * its cursor in a focused window. */
    GdkEvent *focus = gdk_event_new (GDK_FOCUS_CHANGE);

    focus->focus_change.window = g_object_ref (gtk_widget_get_window (fixture->window));
    focus->focus_change.in = TRUE;
    gtk_widget_send_focus_change (fixture->window, focus);
    gdk_event_free (focus);
  }

  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "");
  g_assert_cmpint (get_selected_row (fixture), >, 0);
  assert_cell (fixture, get_selected_row (fixture), COLUMN_CODE, "320509");
  g_assert_true (gtk_window_get_focus (window) == GTK_WIDGET (fixture->entry));

  gtk_entry_set_text (fixture->entry, "新店");
  g_assert_cmpint (get_selected_row (fixture), ==, 0);
  send_key (GTK_WIDGET (fixture->entry), GDK_KEY_Down);
  g_assert_true (gtk_window_get_focus (window) == GTK_WIDGET (fixture->tree_view));
  send_key (GTK_WIDGET (fixture->tree_view), GDK_KEY_Down);
  g_assert_cmpint (get_selected_row (fixture), ==, 1);
  send_key (GTK_WIDGET (fixture->tree_view), GDK_KEY_Up);
  send_key (GTK_WIDGET (fixture->tree_view), GDK_KEY_Up);
  g_assert_true (gtk_window_get_focus (window) == GTK_WIDGET (fixture->entry));
  g_assert_cmpint (get_selected_row (fixture), ==, 0);

  g_signal_emit_by_name (fixture->entry, "stop-search");
  process_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chooser)));
  g_assert_cmpuint (fixture->n_chosen, ==, 0);
}

/* The family of the font each run of @label is drawn with, "|"-joined. */
static char *
dup_run_families (GtkLabel *label)
{
  PangoLayout     *layout = gtk_label_get_layout (label);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autoptr (GString) families = g_string_new (NULL);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      if (run != NULL)
        {
          g_autoptr (PangoFontDescription) face = pango_font_describe (run->item->analysis.font);
          g_string_append_printf (families, "%s%s", families->len ? "|" : "",
                                  pango_font_description_get_family (face));
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return g_string_free (g_steal_pointer (&families), FALSE);
}

/* In the C locale (as this test runs) a label's Han text falls back to
 * Noto Sans CJK JP unless the window's family names the SC face; the
 * Latin text keeps the desktop's font. */
static void
test_han_glyphs_in_labels (void)
{
  GtkWidget       *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget       *label = gtk_label_new ("Storydesk 稿件：说");
  g_autofree char *families = NULL;
  g_auto (GStrv) runs = NULL;

  /* gtk_test_init () set the C locale */
  g_assert_cmpstr (pango_language_to_string (gtk_get_default_language ()), ==, "c");
  _sd_han_glyphs_install (gtk_widget_get_screen (window));
  gtk_container_add (GTK_CONTAINER (window), label);
  gtk_widget_show_all (window);
  families = dup_run_families (GTK_LABEL (label));
  g_test_message ("runs: %s", families);
  runs = g_strsplit (families, "|", -1);
  g_assert_cmpuint (g_strv_length (runs), >=, 2);
  g_assert_false (g_str_has_prefix (runs[0], "Noto Sans CJK"));
  for (guint i = 1; runs[i] != NULL; i++)
    g_assert_cmpstr (runs[i], ==, "Noto Sans CJK SC");
  gtk_widget_destroy (window);
}

static void
collect_chips (GtkWidget *widget, gpointer data)
{
  if (SD_IS_TAG_CHIP (widget))
    g_ptr_array_add (data, widget);
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_chips, data);
}

/* The chips' tags in the order shown, "|"-separated; @chips gets them. */
static char *
dup_chip_tags (GtkWidget *inspector, GPtrArray *chips)
{
  g_autoptr (GString) tags = g_string_new (NULL);

  g_ptr_array_set_size (chips, 0);
  gtk_container_forall (GTK_CONTAINER (inspector), collect_chips, chips);
  for (guint i = 0; i < chips->len; i++)
    g_string_append_printf (tags, "%s%s", i ? "|" : "",
                            sd_tag_chip_get_tag (g_ptr_array_index (chips, i)));
  return g_string_free (g_steal_pointer (&tags), FALSE);
}

static GPtrArray *
new_selection (const char *const *tags)
{
  GPtrArray *stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  SdStory   *story = sd_story_new ();

  story->id = 7;
  for (guint i = 0; tags[i] != NULL; i++)
    g_ptr_array_add (story->tags, g_strdup (tags[i]));
  g_ptr_array_add (stories, story);
  return stories;
}

/* Another writer's change refreshes the panel several times a second: a
 * chip whose tag stays must be the same widget, or a click on its cross
 * between press and release is lost (the concurrency test saw it). */
static void
test_inspector_chips_stay (void)
{
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget *inspector = g_object_new (SD_TYPE_STORY_INSPECTOR, NULL);
  g_autoptr (GPtrArray) chips = g_ptr_array_new ();
  g_autoptr (GPtrArray) first = new_selection ((const char *[]){ "党建", "要闻", NULL });
  g_autoptr (GPtrArray) second = new_selection ((const char *[]){ "党建", "新业态", NULL });
  g_autoptr (GPtrArray) third = new_selection ((const char *[]){ "新业态", "党建", NULL });
  g_autofree char *tags = NULL;
  GtkWidget       *kept = NULL;

  gtk_container_add (GTK_CONTAINER (window), inspector);
  gtk_widget_show_all (window);
  sd_story_inspector_set_stories (SD_STORY_INSPECTOR (inspector), first, NULL);
  process_events ();
  tags = dup_chip_tags (inspector, chips);
  g_assert_cmpstr (tags, ==, "党建|要闻");
  kept = g_ptr_array_index (chips, 0);
  g_object_add_weak_pointer (G_OBJECT (kept), (gpointer *) &kept);

  /* the same story read again, one tag replaced */
  sd_story_inspector_set_stories (SD_STORY_INSPECTOR (inspector), second, NULL);
  process_events ();
  g_clear_pointer (&tags, g_free);
  tags = dup_chip_tags (inspector, chips);
  g_assert_cmpstr (tags, ==, "党建|新业态");
  g_assert_true (kept == g_ptr_array_index (chips, 0));

  /* the order follows the story's, still with the same chips */
  sd_story_inspector_set_stories (SD_STORY_INSPECTOR (inspector), third, NULL);
  process_events ();
  g_clear_pointer (&tags, g_free);
  tags = dup_chip_tags (inspector, chips);
  g_assert_cmpstr (tags, ==, "新业态|党建");
  g_assert_true (kept == g_ptr_array_index (chips, 1));

  g_object_remove_weak_pointer (G_OBJECT (kept), (gpointer *) &kept);
  gtk_widget_destroy (window);
}

static void
collect_label_texts (GtkWidget *widget, gpointer data)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (data, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_label_texts, data);
}

/* Select all on a long list: the list has read some of the stories only.
 * The panel counts every one, and the chips do not count a tag over the
 * stories read as if they were all (it cannot know the others' tags). */
static void
test_inspector_unread_selection (void)
{
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget *inspector = g_object_new (SD_TYPE_STORY_INSPECTOR, NULL);
  g_autoptr (GPtrArray) read = new_selection ((const char *[]){ "党建", NULL });
  g_autoptr (GPtrArray) other = new_selection ((const char *[]){ "党建", NULL });
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GString) texts = g_string_new ("|");

  ((SdStory *) g_ptr_array_index (other, 0))->id = 8;
  g_ptr_array_add (read, sd_story_ref (g_ptr_array_index (other, 0)));
  for (gint64 id = 7; id <= 10; id++)
    g_array_append_val (ids, id);
  gtk_container_add (GTK_CONTAINER (window), inspector);
  gtk_widget_show_all (window);

  /* all read: the chip counts its stories */
  sd_story_inspector_set_stories (SD_STORY_INSPECTOR (inspector), read, NULL);
  process_events ();
  gtk_container_forall (GTK_CONTAINER (inspector), collect_label_texts, texts);
  g_assert_nonnull (strstr (texts->str, "|2 stories selected: tags apply to all|"));
  g_assert_nonnull (strstr (texts->str, "|党建 (2)|"));

  /* four selected, two read */
  sd_story_inspector_set_stories (SD_STORY_INSPECTOR (inspector), read, ids);
  process_events ();
  g_string_assign (texts, "|");
  gtk_container_forall (GTK_CONTAINER (inspector), collect_label_texts, texts);
  g_assert_nonnull (strstr (texts->str, "|4 stories selected: tags apply to all|"));
  g_assert_nonnull (strstr (texts->str, "|党建|"));
  g_assert_null (strstr (texts->str, "(2)"));
  gtk_widget_destroy (window);
}

static void
find_tag_entry (GtkWidget *widget, gpointer data)
{
  GtkWidget **found = data;

  if (GTK_IS_ENTRY (widget)
      && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "Add a tag…") == 0)
    *found = widget;
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_tag_entry, data);
}

/* A tag typed in the panel after select all reaches every selected story,
 * the ones the list has not read too (a real library and its history). */
static void
test_inspector_tags_unread (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sd-widgets-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr (SdStore) store = sd_store_open (path, &error);
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_story_unref);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (SdEditHistory) history = NULL;
  SdPageRecord page = { "p.txt", "sum", "UTF-8", "text", 4 };
  GtkWidget   *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget   *inspector = g_object_new (SD_TYPE_STORY_INSPECTOR, NULL);
  GtkWidget   *entry = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      SdStory *story = sd_story_new ();
      story->headline = g_strdup_printf ("标题%u", i);
      story->body = g_strdup ("吴江区举行活动。");
      g_ptr_array_add (stories, story);
    }
  g_assert_true (sd_store_add_page (store, &page, stories, NULL, &error));
  g_assert_no_error (error);
  for (gint64 id = 1; id <= 4; id++)
    g_array_append_val (ids, id);
  /* the list has read the first two */
  for (gint64 id = 1; id <= 2; id++)
    g_ptr_array_add (read, sd_store_get_story (store, id, &error));
  g_assert_no_error (error);

  history = sd_edit_history_new (store);
  gtk_container_add (GTK_CONTAINER (window), inspector);
  gtk_widget_show_all (window);
  sd_story_inspector_set_models (SD_STORY_INSPECTOR (inspector), NULL, NULL, history);
  sd_story_inspector_set_stories (SD_STORY_INSPECTOR (inspector), read, ids);
  process_events ();
  find_tag_entry (inspector, &entry);
  g_assert_nonnull (entry);
  gtk_entry_set_text (GTK_ENTRY (entry), "党建");
  g_signal_emit_by_name (entry, "activate");
  process_events ();
  for (gint64 id = 1; id <= 4; id++)
    {
      g_autoptr (SdStory) story = sd_store_get_story (store, id, &error);

      g_assert_no_error (error);
      g_assert_true (g_ptr_array_find_with_equal_func (story->tags, "党建", g_str_equal, NULL));
    }
  gtk_widget_destroy (window);
  g_clear_object (&history);
  g_clear_object (&store);
  for (const char *const *suffix = (const char *const[]){ "", "-wal", "-shm", NULL }; *suffix;
       suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  /* Popovers then close at once instead of fading out. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/widgets/han-glyphs", test_han_glyphs_in_labels);
  g_test_add_func ("/widgets/page-view/span", test_page_view_span);
  g_test_add_func ("/widgets/page-view/align", test_page_view_align);
  g_test_add_func ("/widgets/page-view/marks", test_page_view_marks);
  g_test_add_func ("/widgets/page-view/no-leak", test_page_view_no_leak);
  g_test_add_func ("/widgets/inspector/chips-stay", test_inspector_chips_stay);
  g_test_add_func ("/widgets/inspector/unread-selection", test_inspector_unread_selection);
  g_test_add_func ("/widgets/inspector/tags-unread", test_inspector_tags_unread);
  g_test_add ("/widgets/place-chooser/same-name", ChooserFixture, NULL, chooser_setup,
              test_chooser_same_name, chooser_teardown);
  g_test_add ("/widgets/place-chooser/district", ChooserFixture, NULL, chooser_setup,
              test_chooser_district, chooser_teardown);
  g_test_add ("/widgets/place-chooser/unplaced", ChooserFixture, NULL, chooser_setup,
              test_chooser_unplaced, chooser_teardown);
  g_test_add ("/widgets/place-chooser/keyboard", ChooserFixture, NULL, chooser_setup,
              test_chooser_keyboard, chooser_teardown);
  return g_test_run ();
}
