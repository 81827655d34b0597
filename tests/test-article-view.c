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
#include "sd-pipeline.h"

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

/* The tags of the buffer line that reads @text, which must be there. */
static GSList *
line_tags (ArticleFixture *fixture, const char *text, GtkTextIter *out_start)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  GtkTextIter    start, match, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  while (gtk_text_iter_forward_search (&start, text, 0, &match, &match_end, NULL))
    {
      if (gtk_text_iter_starts_line (&match) && gtk_text_iter_ends_line (&match_end))
        {
          *out_start = match;
          return gtk_text_iter_get_tags (&match);
        }
      start = match_end;
    }
  g_error ("no line reads “%s”", text);
  return NULL;
}

/* The text of the buffer line before (@delta -1) or after (1) the one at
 * @iter. */
static char *
dup_line_beside (GtkTextIter iter, int delta)
{
  GtkTextIter end;

  gtk_text_iter_set_line (&iter, gtk_text_iter_get_line (&iter) + delta);
  end = iter;
  gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_text (&iter, &end);
}

/* The text the highlight tag covers. */
static char *
dup_highlighted (ArticleFixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  GtkTextTag    *tag = lookup_tag (fixture, "highlight");
  GtkTextIter    start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  return gtk_text_iter_get_text (&start, &end);
}

/* A section head the segmenter kept in the body is set in place, between
 * the paragraphs it stood between, with the heading tag; a highlight past
 * it still marks the characters it quotes.  A story stored before bodies
 * held their heads shows its heads first, its highlight as right. */
static void
test_article_heading_in_place (ArticleFixture *fixture, gconstpointer data)
{
  const char *text = "# 午镇建设美丽乡村\n\n本报记者 柳宁\n\n"
                     "午镇近年来持续推进美丽乡村建设，村容村貌焕然一新。\n\n"
                     "**产业兴旺促增收**\n\n"
                     "午镇发展特色种植，全镇农民人均收入同比增长百分之八。\n";
  const char *head = "产业兴旺促增收";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_bytes ("heads.txt", bytes, &error);
  g_autoptr (SdPipeline) pipeline = NULL;
  g_autoptr (SdStory) old = sd_story_new ();
  SdStory         *story;
  SdHighlight     *highlight = g_new0 (SdHighlight, 1);
  g_autofree char *before = NULL, *after = NULL, *marked = NULL;
  g_autoptr (GSList) tags = NULL;
  GtkTextIter    at, body_start;
  GtkTextBuffer *buffer;
  const char    *quoted;

  g_assert_no_error (error);
  pipeline = sd_pipeline_run (page, SD_PIPELINE_DEFAULT);
  story = g_ptr_array_index (pipeline->stories, 0);
  g_assert_true (sd_story_is_section_heading (story, head));
  quoted = strstr (story->body, "全镇农民");
  g_assert_nonnull (quoted);
  highlight->start = g_utf8_pointer_to_offset (story->body, quoted);
  highlight->end = highlight->start + 4;
  story->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);
  g_ptr_array_add (story->highlights, highlight);
  sd_article_view_set_story (fixture->view, story);
  show_at_width (fixture, 800);

  tags = line_tags (fixture, head, &at);
  g_assert_nonnull (g_slist_find (tags, lookup_tag (fixture, "heading")));
  g_assert_null (g_slist_find (tags, lookup_tag (fixture, "paragraph")));
  before = dup_line_beside (at, -1);
  after = dup_line_beside (at, 1);
  g_assert_true (g_str_has_suffix (before, "村容村貌焕然一新。"));
  g_assert_true (g_str_has_prefix (after, "午镇发展特色种植"));
  g_clear_pointer (&tags, g_slist_free);
  tags = line_tags (fixture, after, &at);
  g_assert_nonnull (g_slist_find (tags, lookup_tag (fixture, "paragraph")));
  marked = dup_highlighted (fixture);
  g_assert_cmpstr (marked, ==, "全镇农民");

  /* stored before: the body without its head, the highlight's offsets
   * into that body */
  old->id = 2;
  old->source_file = g_strdup ("heads.txt");
  old->headline = g_strdup (story->headline);
  old->body = g_strjoin ("\n", "午镇近年来持续推进美丽乡村建设，村容村貌焕然一新。",
                         "午镇发展特色种植，全镇农民人均收入同比增长百分之八。", NULL);
  old->section_headings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (old->section_headings, g_strdup (head));
  highlight = g_new0 (SdHighlight, 1);
  highlight->start = g_utf8_pointer_to_offset (old->body, strstr (old->body, "全镇农民"));
  highlight->end = highlight->start + 4;
  old->highlights = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_highlight_free);
  g_ptr_array_add (old->highlights, highlight);
  sd_article_view_set_story (fixture->view, old);
  process_events ();
  g_clear_pointer (&tags, g_slist_free);
  tags = line_tags (fixture, head, &at);
  g_assert_nonnull (g_slist_find (tags, lookup_tag (fixture, "heading")));
  g_free (after);
  after = dup_line_beside (at, 1);
  g_assert_true (g_str_has_prefix (after, "午镇近年来"));
  buffer = gtk_text_view_get_buffer (fixture->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &body_start,
                                    gtk_text_buffer_get_mark (buffer, "body-start"));
  g_assert_cmpint (gtk_text_iter_compare (&at, &body_start), <, 0); /* outside the body */
  g_free (marked);
  marked = dup_highlighted (fixture);
  g_assert_cmpstr (marked, ==, "全镇农民");
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
  g_test_add ("/article-view/heading-in-place", ArticleFixture, NULL, article_setup,
              test_article_heading_in_place, article_teardown);
  return g_test_run ();
}
