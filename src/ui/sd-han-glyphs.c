/* sd-han-glyphs.c — Simplified Chinese glyph forms in the window's chrome
 *
 * Labels, entries and menus are set in the desktop's font, which rarely
 * has Han characters; which CJK font Pango falls back to depends on the
 * language it thinks the text is in.  In the C locale that language is
 * "c", which Pango takes to include every script, and fontconfig then
 * offers Noto Sans CJK JP first: 说 and ： come out in Japanese forms.
 * (Under a real locale such as en_US, sd_paths_prefer_simplified_glyphs ()
 * is enough.)  So the window's font family becomes the desktop font's
 * Latin face, then Noto Sans CJK SC, then the desktop font itself.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-han-glyphs.h"

#define HAN_FAMILY "Noto Sans CJK SC"

/* The face that the desktop's font family draws Latin text with. */
static char *
dup_latin_family (GdkScreen *screen, const char *family)
{
  PangoContext *context = gdk_pango_context_get_for_screen (screen);
  g_autoptr (PangoFontDescription) description = pango_font_description_new ();
  PangoFont *font;
  char      *latin = NULL;

  pango_font_description_set_family (description, family);
  pango_context_set_language (context, pango_language_from_string ("en"));
  font = pango_context_load_font (context, description);
  if (font != NULL)
    {
      g_autoptr (PangoFontDescription) face = pango_font_describe (font);
      latin = g_strdup (pango_font_description_get_family (face));
      g_object_unref (font);
    }
  g_object_unref (context);
  return latin;
}

/**
 * _sd_han_glyphs_install:
 *
 * Sets every window's font family (tooltips too) so that Han characters
 * come from Noto Sans CJK SC and everything else from the desktop's font.
 * Widgets that name a family of their own (the article, monospace text)
 * keep it.
 */
void
_sd_han_glyphs_install (GdkScreen *screen)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  g_autofree char *font_name = NULL;
  g_autoptr (PangoFontDescription) description = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *rule = NULL;
  const char      *family;

  g_object_get (gtk_settings_get_for_screen (screen), "gtk-font-name", &font_name, NULL);
  description = pango_font_description_from_string (font_name ? font_name : "Sans");
  family = pango_font_description_get_family (description);
  if (family == NULL)
    family = "Sans";
  latin = dup_latin_family (screen, family);
  /* A desktop set in a CJK font already draws Han its own way. */
  if (latin == NULL || g_str_has_prefix (latin, "Noto Sans CJK")
      || g_str_has_prefix (latin, "Noto Serif CJK"))
    return;
  rule = g_strdup_printf ("window, tooltip { font-family: \"%s\", \"%s\", \"%s\"; }", latin,
                          HAN_FAMILY, family);
  gtk_css_provider_load_from_data (css, rule, -1, NULL);
  gtk_style_context_add_provider_for_screen (screen, GTK_STYLE_PROVIDER (css),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
