/* test-article-view.c — SdArticleView's typesetting in a real (Xvfb) display
 *
 * Run as: xvfb-run -a -s '-screen 0 1920x1080x24' test-article-view
 * with NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory GDK_BACKEND=x11.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "sd-article-view.h"

typedef struct
{
  GtkWidget     *window;
  SdArticleView *view;
  GtkTextView   *text_view;
} ArticleFixture;

static void
process_events (void)
{
  while (gtk_events_pending ())
    gtk_main_iteration ();
}

/* A story of one long paragraph, placed and cut off, so its meta line has
 * both separators. */
static SdStory *
make_story (void)
{
  SdStory *story = sd_story_new ();
  g_autoptr (GString) body = g_string_new (NULL);

  story->source_file = g_strdup ("suzhou-2024-09-24-03.txt");
  story->place_code = g_strdup ("320509");
  story->truncated = TRUE;
  story->headline = g_strdup ("吴江区黎里镇古镇保护工程启动");
  for (int i = 0; i < 12; i++)
    g_string_append (body, "吴江区黎里镇古镇保护工程正式启动计划用三年时间修缮沿河民居。");
  story->body = g_string_free (g_steal_pointer (&body), FALSE);
  return story;
}

static void
show_at_width (ArticleFixture *fixture, int width)
{
  gtk_window_resize (GTK_WINDOW (fixture->window), width, 700);
  gtk_test_widget_wait_for_draw (fixture->window);
  process_events ();
  for (int i = 0; i < 2000 && gtk_widget_get_allocated_width (GTK_WIDGET (fixture->view)) != width;
       i++)
    {
      g_usleep (1000);
      process_events ();
    }
  g_assert_cmpint (gtk_widget_get_allocated_width (GTK_WIDGET (fixture->view)), ==, width);
  process_events ();
}

static void
article_setup (ArticleFixture *fixture, gconstpointer data)
{
  g_autoptr (SdStory) story = make_story ();

  fixture->window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  fixture->view = g_object_new (SD_TYPE_ARTICLE_VIEW, NULL);
  fixture->text_view = GTK_TEXT_VIEW (sd_article_view_get_text_view (fixture->view));
  gtk_container_add (GTK_CONTAINER (fixture->window), GTK_WIDGET (fixture->view));
  sd_article_view_set_font_size (fixture->view, 13.5);
  sd_article_view_set_story (fixture->view, story);
  gtk_widget_show_all (fixture->window);
}

static void
article_teardown (ArticleFixture *fixture, gconstpointer data)
{
  gtk_widget_destroy (fixture->window);
}

/* The characters of each display line of the buffer line at @in_line. */
static GArray *
count_display_lines (GtkTextView *text_view, const GtkTextIter *in_line)
{
  GArray     *counts = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextIter start = *in_line, line_end = *in_line;

  gtk_text_iter_set_line_offset (&start, 0);
  gtk_text_iter_forward_to_line_end (&line_end);
  while (gtk_text_iter_compare (&start, &line_end) < 0)
    {
      GtkTextIter end = start;
      int         count;

      if (!gtk_text_view_forward_display_line (text_view, &end)
          || gtk_text_iter_compare (&end, &line_end) > 0)
        end = line_end;
      count = gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start);
      g_array_append_val (counts, count);
      start = end;
    }
  return counts;
}

static GtkTextTag *
lookup_tag (ArticleFixture *fixture, const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);

  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
}

/* Body lines are justified and hold at most 34–38 characters however wide
 * the view; the column is centred. */
static void
test_article_measure (ArticleFixture *fixture, gconstpointer data)
{
  GtkJustification justification;
  const int        widths[] = { 1600, 1000, 500 };

  g_object_get (lookup_tag (fixture, "paragraph"), "justification", &justification, NULL);
  g_assert_cmpint (justification, ==, GTK_JUSTIFY_FILL);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkTextIter iter;
      g_autoptr (GArray) counts = NULL;
      int longest = 0;

      show_at_width (fixture, widths[w]);
      gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (fixture->text_view), &iter);
      g_assert_true (
          gtk_text_iter_forward_to_tag_toggle (&iter, lookup_tag (fixture, "paragraph")));
      counts = count_display_lines (fixture->text_view, &iter);
      g_assert_cmpuint (counts->len, >, 3);
      /* The last line of a paragraph is short. */
      for (guint i = 0; i + 1 < counts->len; i++)
        longest = MAX (longest, g_array_index (counts, int, i));
      g_test_message ("width %d: %u lines, at most %d characters, margins %d", widths[w],
                      counts->len, longest, gtk_text_view_get_left_margin (fixture->text_view));
      g_assert_cmpint (gtk_text_view_get_left_margin (fixture->text_view), ==,
                       gtk_text_view_get_right_margin (fixture->text_view));
      g_assert_cmpint (gtk_text_view_get_left_margin (fixture->text_view), >=, 36);
      if (widths[w] >= 1000)
        {
          g_assert_cmpint (longest, >=, 34);
          g_assert_cmpint (longest, <=, 38);
        }
      else
        g_assert_cmpint (longest, <, 34);
    }
}

/* A story whose body is full of 间隔号 in transliterated names and of
 * adjacent punctuation pairs. */
static SdStory *
make_dotted_story (void)
{
  SdStory *story = sd_story_new ();
  g_autoptr (GString) body = g_string_new (NULL);

  story->source_file = g_strdup ("xinhua-2024-05-01-02.txt");
  story->headline = g_strdup ("中外友人·共话江南");
  for (int i = 0; i < 8; i++)
    g_string_append (body, "阿卜杜拉·买买提说：“苏州·吴江的丝绸很好。”玛丽亚·罗德里格斯·"
                           "加西亚点头称是，又说“《江苏》”杂志也写过。");
  story->body = g_string_free (g_steal_pointer (&body), FALSE);
  return story;
}

/* No display line starts with a middle dot, at any width (clreq), in the
 * meta line or in the body. */
static void
test_article_middle_dot (ArticleFixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  g_autoptr (SdStory) story = make_dotted_story ();
  int dots = 0;

  sd_article_view_set_story (fixture->view, story);
  for (int width = 330; width <= 690; width += 6)
    {
      GtkTextIter iter;

      show_at_width (fixture, width);
      gtk_text_buffer_get_start_iter (buffer, &iter);
      do
        {
          gunichar c = gtk_text_iter_get_char (&iter);
          if (c == 0x00B7 || c == 0x30FB)
            g_error ("a line starts with a middle dot at width %d, character %d", width,
                     gtk_text_iter_get_offset (&iter));
        }
      while (gtk_text_view_forward_display_line (fixture->text_view, &iter));
    }
  /* the dots are all there, as many characters as the story has */
  {
    GtkTextIter      start, end;
    g_autofree char *text = NULL;
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    for (const char *p = text; *p; p = g_utf8_next_char (p))
      dots += g_utf8_get_char (p) == 0x30FB;
    g_assert_cmpint (dots, >=, 8 * 4 + 1);
  }
}

/* Adjacent marks are closed up (clreq §3.1.6): the stop before a closing
 * quote takes half the width of a Han character; a lone stop keeps its
 * full width. */
static void
test_article_punctuation_pairs (ArticleFixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  g_autoptr (SdStory) story = make_dotted_story ();
  GtkTextIter  iter, han;
  GdkRectangle stop, lone_stop, character;

  sd_article_view_set_story (fixture->view, story);
  show_at_width (fixture, 1200);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "好。”", 0, &han, NULL, NULL));
  gtk_text_view_get_iter_location (fixture->text_view, &han, &character);
  gtk_text_iter_forward_char (&han);
  gtk_text_view_get_iter_location (fixture->text_view, &han, &stop);
  g_assert_true (gtk_text_iter_forward_search (&iter, "称是，又", 0, &han, NULL, NULL));
  gtk_text_iter_forward_chars (&han, 2);
  gtk_text_view_get_iter_location (fixture->text_view, &han, &lone_stop);
  g_test_message ("Han %d px, 。 before ” %d px, lone ， %d px", character.width, stop.width,
                  lone_stop.width);
  g_assert_cmpint (character.width, >, 10);
  g_assert_cmpint (ABS (lone_stop.width - character.width), <=, 2);
  g_assert_cmpint (ABS (2 * stop.width - character.width), <=, 2);
}

/* A button in the article whose label starts with @prefix. */
static GtkWidget *
find_button (GtkWidget *widget, const char *prefix)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL
      && g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), prefix))
    return widget;
  if (GTK_IS_CONTAINER (widget))
    {
      g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (widget));
      for (GList *l = children; l != NULL; l = l->next)
        {
          GtkWidget *found = find_button (l->data, prefix);
          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* #14: a story of 2,000,000 characters is laid out in part, quickly, with
 * a button that shows more; a highlight past the shown part is skipped,
 * not drawn at the end. */
static void
test_article_long_body (ArticleFixture *fixture, gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  g_autoptr (SdStory) story = sd_story_new ();
  g_autoptr (GString) body = g_string_new (NULL);
  SdHighlight *far = g_new0 (SdHighlight, 1);
  GtkWidget   *more;
  int          shown, more_shown;

  story->id = 7;
  story->source_file = g_strdup ("long.txt");
  story->headline = g_strdup ("很长的稿件");
  for (int i = 0; i < 20000; i++)
    g_string_append (body, i % 10 == 9 ? "长稿件的一段正文，共有十个字。\n"
                                       : "长稿件的一段正文，共有很多字，");
  story->body = g_string_free (g_steal_pointer (&body), FALSE);
  far->start = 1900000;
  far->end = 1900004;
  story->highlights = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (story->highlights, far);
  /* a page of one paragraph repeated: thousands of repairs, each with a
   * button to take it back */
  story->repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_repair_free);
  for (int i = 0; i < 6000; i++)
    {
      SdRepair *repair = sd_repair_new (SD_REPAIR_DROPPED_DUPLICATE, i, i + 1, "重复");
      repair->id = i + 1;
      g_ptr_array_add (story->repairs, repair);
    }

  sd_article_view_set_story (fixture->view, story);
  shown = gtk_text_buffer_get_char_count (buffer);
  g_test_message ("a body of %ld characters: %d in the buffer", g_utf8_strlen (story->body, -1),
                  shown);
  g_assert_cmpint (shown, <, 100000);
  {
    GtkTextIter      start, end;
    g_autofree char *text = NULL;
    guint            anchors = 0;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    for (GtkTextIter i = start; !gtk_text_iter_is_end (&i); gtk_text_iter_forward_char (&i))
      anchors += gtk_text_iter_get_child_anchor (&i) != NULL;
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_test_message ("%u buttons in the article", anchors);
    g_assert_cmpuint (anchors, <=, 101);
    g_assert_nonnull (strstr (text, "5900"));
  }
  more = find_button (GTK_WIDGET (fixture->text_view), "显示更多");
  if (more == NULL)
    more = find_button (GTK_WIDGET (fixture->text_view), "Show _More");
  g_assert_nonnull (more);
  show_at_width (fixture, 900);

  gtk_button_clicked (GTK_BUTTON (more));
  more_shown = gtk_text_buffer_get_char_count (buffer);
  g_assert_cmpint (more_shown, >, 3 * shown);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/article-view/measure", ArticleFixture, NULL, article_setup, test_article_measure,
              article_teardown);
  g_test_add ("/article-view/middle-dot", ArticleFixture, NULL, article_setup,
              test_article_middle_dot, article_teardown);
  g_test_add ("/article-view/punctuation-pairs", ArticleFixture, NULL, article_setup,
              test_article_punctuation_pairs, article_teardown);
  g_test_add ("/article-view/long-body", ArticleFixture, NULL, article_setup,
              test_article_long_body, article_teardown);
  return g_test_run ();
}
