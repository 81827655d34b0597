/* sd-article-typography.c — how the article view sets a story
 *
 * The typesetting follows the W3C "Requirements for Chinese Text Layout"
 * (clreq): Simplified Chinese glyph forms (language zh-cn, Noto CJK SC), a
 * two-character first-line indent, a line height of about 1.7 for Han body
 * text, justified lines of at most MEASURE characters, the column centred.
 * Colours come from the theme, so they read in light and dark variants.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sd-article-typography.h"
#include "sd-gazetteer.h"
#include "sd-story-item.h"

#define LINE_HEIGHT 1.7
#define MEASURE 36    /* characters a line, at most */
#define MIN_MARGIN 36 /* pixels either side */
#define BODY_FAMILY "Noto Serif CJK SC, Noto Sans CJK SC, Serif"
#define HEAD_FAMILY "Noto Sans CJK SC, Sans"
/* Between the parts of the meta line: a word joiner keeps the dot from
 * starting a line (clreq: 间隔号 never opens one). */
#define META_SEPARATOR " \u2060· "

static double
points_to_pixels (GtkWidget *widget, double points)
{
  double dpi = gdk_screen_get_resolution (gtk_widget_get_screen (widget));
  return points * (dpi > 0 ? dpi : 96.0) / 72.0;
}

/* GTK 3 text tags have no line-height, so the gap between wrapped lines is
 * what the font's own line height lacks to reach LINE_HEIGHT. */
static int
extra_line_pixels (GtkTextView *view, const char *family, double points)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (view));
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (family);
  PangoFontMetrics *metrics;
  double            natural, wanted;

  pango_font_description_set_size (description, points * PANGO_SCALE);
  metrics = pango_context_get_metrics (context, description, pango_language_from_string ("zh-cn"));
  natural =
      (double) (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics))
      / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  wanted = LINE_HEIGHT * points_to_pixels (GTK_WIDGET (view), points);
  return MAX (0, (int) (wanted - natural + 0.5));
}

static void
set_tag (GtkTextView *view, const char *name, const char *first_property, ...)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view));
  GtkTextTag      *tag = gtk_text_tag_table_lookup (table, name);
  va_list          args;

  g_return_if_fail (tag != NULL);
  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
}

/**
 * _sd_article_typography_create_tags:
 *
 * Creates the article's tags in @buffer, each set in Simplified Chinese.
 * Sizes and colours come later, from the view and its theme.
 */
void
_sd_article_typography_create_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  const char      *names[] = { "meta",      "kicker",    "headline", "subheadline", "reporter",
                               "heading",   "paragraph", "byline",   "caption",     "repair",
                               "highlight", "place",     "match",    "halved" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_text_buffer_create_tag (buffer, names[i], "language", "zh-cn", NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "headline"), "weight", PANGO_WEIGHT_BOLD, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "heading"), "weight", PANGO_WEIGHT_BOLD, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "byline"), "justification", GTK_JUSTIFY_RIGHT,
                NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "caption"), "left-margin", 48, NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "place"), "underline", PANGO_UNDERLINE_SINGLE,
                NULL);
  /* the half-width forms of CJK punctuation (OpenType "halt") */
  g_object_set (gtk_text_tag_table_lookup (table, "halved"), "font-features", "halt", NULL);
}

/**
 * _sd_article_typography_apply:
 *
 * Sizes every tag of the article for a body of @points.  Body paragraphs
 * are justified (clreq §3.1.3: both edges of a Han column are straight).
 */
void
_sd_article_typography_apply (GtkTextView *view, double points)
{
  int em = (int) (points_to_pixels (GTK_WIDGET (view), points) + 0.5);
  int extra = extra_line_pixels (view, BODY_FAMILY, points);

  set_tag (view, "paragraph", "family", BODY_FAMILY, "size-points", points, "indent", 2 * em,
           "justification", GTK_JUSTIFY_FILL, "pixels-inside-wrap", extra, "pixels-below-lines",
           extra + em / 2, NULL);
  set_tag (view, "heading", "family", HEAD_FAMILY, "size-points", points * 1.05,
           "pixels-above-lines", em / 2, "pixels-below-lines", em / 2, NULL);
  set_tag (view, "headline", "family", HEAD_FAMILY, "size-points", points * 1.75,
           "pixels-inside-wrap", em / 4, "pixels-below-lines", em / 2, NULL);
  set_tag (view, "kicker", "family", HEAD_FAMILY, "size-points", points * 1.05,
           "pixels-below-lines", em / 3, NULL);
  set_tag (view, "subheadline", "family", HEAD_FAMILY, "size-points", points * 1.1,
           "pixels-below-lines", em / 2, NULL);
  set_tag (view, "reporter", "family", HEAD_FAMILY, "size-points", points * 0.9,
           "pixels-below-lines", em, NULL);
  set_tag (view, "byline", "family", HEAD_FAMILY, "size-points", points * 0.9, "pixels-above-lines",
           em / 2, NULL);
  set_tag (view, "caption", "family", HEAD_FAMILY, "size-points", points * 0.85,
           "pixels-inside-wrap", extra / 2, "pixels-above-lines", em / 2, NULL);
  set_tag (view, "meta", "family", HEAD_FAMILY, "size-points", points * 0.8, "pixels-below-lines",
           em, NULL);
  set_tag (view, "repair", "family", HEAD_FAMILY, "size-points", points * 0.8, "pixels-inside-wrap",
           2, NULL);
}

/* @share of @a over @b. */
static GdkRGBA
mix (const GdkRGBA *a, const GdkRGBA *b, double share)
{
  return (GdkRGBA){ a->red * share + b->red * (1 - share),
                    a->green * share + b->green * (1 - share),
                    a->blue * share + b->blue * (1 - share), 1.0 };
}

static GdkRGBA
look_up_color (GtkStyleContext *context, const char *name, const char *fallback)
{
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, name, &color))
    gdk_rgba_parse (&color, fallback);
  return color;
}

/**
 * _sd_article_typography_apply_colors:
 *
 * Colours every tag from the view's theme: secondary text is the theme's
 * text mixed into its background (grey on white, light grey on near-black);
 * highlighter colours are pale under dark text in a light theme and dimmed
 * under light text in a dark one.  Each keeps a contrast of at least 4.5:1
 * (WCAG AA) in Adwaita and Adwaita:dark.
 */
void
_sd_article_typography_apply_colors (GtkTextView *view)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (view));
  GdkRGBA          text = look_up_color (context, "theme_text_color", "#000000");
  GdkRGBA          base = look_up_color (context, "theme_base_color", "#ffffff");
  gboolean         dark = 0.2126 * base.red + 0.7152 * base.green + 0.0722 * base.blue < 0.5;
  /* GNOME's palette: Yellow 1 / 4, Orange 1 / 4, Brown 4 / 1, Blue 3 / 2 */
  GdkRGBA highlight, match, repair, place;
  GdkRGBA secondary = mix (&text, &base, 0.72);
  GdkRGBA kicker = mix (&text, &base, 0.85);
  GdkRGBA meta = mix (&text, &base, 0.6);

  gdk_rgba_parse (&highlight, dark ? "#f5c211" : "#f9e784");
  gdk_rgba_parse (&match, dark ? "#ff7800" : "#ffbe6f");
  gdk_rgba_parse (&repair, dark ? "#cdab8f" : "#865e3c");
  gdk_rgba_parse (&place, dark ? "#62a0ea" : "#3584e4");
  if (dark)
    {
      highlight = mix (&highlight, &base, 0.35);
      match = mix (&match, &base, 0.4);
    }
  set_tag (view, "meta", "foreground-rgba", &meta, NULL);
  set_tag (view, "kicker", "foreground-rgba", &kicker, NULL);
  set_tag (view, "subheadline", "foreground-rgba", &kicker, NULL);
  set_tag (view, "reporter", "foreground-rgba", &secondary, NULL);
  set_tag (view, "byline", "foreground-rgba", &secondary, NULL);
  set_tag (view, "caption", "foreground-rgba", &secondary, NULL);
  set_tag (view, "repair", "foreground-rgba", &repair, NULL);
  set_tag (view, "highlight", "background-rgba", &highlight, "foreground-rgba", &text, NULL);
  set_tag (view, "match", "background-rgba", &match, "foreground-rgba", &text, NULL);
  set_tag (view, "place", "underline-rgba", &place, NULL);
}

int
_sd_article_typography_get_margin (GtkTextView *view, double points, int width)
{
  /* Han characters are one em wide; a pixel more keeps rounding from
   * pushing the last one to the next line. */
  int measure = (int) (MEASURE * points_to_pixels (GTK_WIDGET (view), points)) + 1;

  return MAX (MIN_MARGIN, (width - measure) / 2);
}

char *
_sd_article_dup_place_path (const char *code)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *place = sd_gazetteer_lookup (gazetteer, code);
  const SdPlace *city = NULL, *district = NULL, *town = NULL;

  if (place == NULL)
    return NULL;
  if (place->level == SD_PLACE_LEVEL_PROVINCE)
    return g_strdup (place->name);
  sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);
  return g_strjoin (" ", city ? city->name : "", district ? district->name : "",
                    town ? town->name : "", NULL);
}

/* Appends @text so that a line may break around it but not inside it: a
 * word joiner between its characters (Pango would break Han anywhere). */
static void
append_unbroken (GString *line, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p != text)
        g_string_append (line, "\u2060");
      g_string_append_unichar (line, g_utf8_get_char (p));
    }
}

char *
_sd_article_dup_meta_line (const SdStory *story)
{
  SdGazetteer   *gazetteer = sd_gazetteer_get_default ();
  const SdPlace *place =
      story->place_code ? sd_gazetteer_lookup (gazetteer, story->place_code) : NULL;
  const SdPlace *city = NULL, *district = NULL, *town = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *issue = sd_story_dup_issue_label (story);

  /* Paper, date and page say where the story was printed; the file name
   * only when none of them is known. */
  if (issue != NULL)
    {
      /* a line may break between paper, date and page, not inside one */
      g_auto (GStrv) parts = g_strsplit (issue, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (line, ' ');
          append_unbroken (line, parts[i]);
        }
      g_string_append (line, META_SEPARATOR);
    }
  if (place == NULL)
    g_string_append (line, _("Unplaced"));
  else if (place->level == SD_PLACE_LEVEL_PROVINCE)
    g_string_append (line, place->name);
  else
    {
      sd_gazetteer_split_levels (gazetteer, place, &city, &district, &town);
      for (const SdPlace *const *p = (const SdPlace *const[]){ city, district, town, NULL }; *p;
           p++)
        {
          if (line->len > 0)
            g_string_append_c (line, ' ');
          append_unbroken (line, (*p)->name);
        }
    }
  if (issue == NULL)
    {
      g_string_append (line, META_SEPARATOR);
      g_string_append (line, story->source_file);
    }
  if (story->truncated)
    {
      g_string_append (line, META_SEPARATOR);
      append_unbroken (line, _("cut off in the source"));
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}
