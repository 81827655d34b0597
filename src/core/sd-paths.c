/* sd-paths.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-paths"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sd-paths.h"

static gboolean uninstalled;

/* A binary that runs from the build tree must not pick up an installed (maybe
 * older) schema or translation, nor fail for lack of one. */
static gboolean
detect_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = NULL;

  if (exe == NULL)
    return FALSE;
  exe_dir = g_path_get_dirname (exe);
  return g_str_has_prefix (exe_dir, BUILD_ROOT G_DIR_SEPARATOR_S)
         || g_str_equal (exe_dir, BUILD_ROOT);
}

void
sd_paths_init (void)
{
  uninstalled = detect_uninstalled ();

  setlocale (LC_ALL, "");
  /* In the C or POSIX locale (or an unknown one) text would be ASCII, and
   * Chinese arguments such as `tag --add 党建` could not be read: take UTF-8,
   * as C.UTF-8 does, the way Python coerces the C locale. */
  {
    const char *ctype = setlocale (LC_CTYPE, NULL);
    if (ctype != NULL && (g_str_equal (ctype, "C") || g_str_equal (ctype, "POSIX")))
      setlocale (LC_CTYPE, "C.UTF-8");
  }
  if (uninstalled)
    {
      const char      *schema_dir = g_getenv ("GSETTINGS_SCHEMA_DIR");
      g_autofree char *dirs = NULL;

      dirs = schema_dir != NULL && *schema_dir != '\0'
                 ? g_strconcat (BUILD_DATADIR, G_SEARCHPATH_SEPARATOR_S, schema_dir, NULL)
                 : g_strdup (BUILD_DATADIR);
      g_setenv ("GSETTINGS_SCHEMA_DIR", dirs, TRUE);
      bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
    }
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
sd_paths_prefer_chinese (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if ((language != NULL && *language != '\0') || messages == NULL)
    return;
  if (!g_str_equal (messages, "C") && !g_str_equal (messages, "POSIX")
      && !g_str_has_prefix (messages, "C."))
    return;
  /* gettext ignores LANGUAGE in the plain C locale, not in C.UTF-8. */
  if (!g_str_has_prefix (messages, "C.") && setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    return;
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
}

void
sd_paths_prefer_simplified_glyphs (void)
{
  const char      *languages = g_getenv ("PANGO_LANGUAGE");
  g_autofree char *preferred = NULL;

  /* Pango reads the list once, and when a run's own language (en-us, or
   * c) does not write Han, takes the first listed language that does. */
  if (languages != NULL && g_str_has_prefix (languages, "zh"))
    return;
  preferred = languages != NULL && *languages != '\0' ? g_strconcat ("zh-cn:", languages, NULL)
                                                      : g_strdup ("zh-cn");
  g_setenv ("PANGO_LANGUAGE", preferred, TRUE);
}

gboolean
sd_paths_is_uninstalled (void)
{
  return uninstalled;
}

const char *
sd_paths_get_seeds_dir (void)
{
  return uninstalled ? SOURCE_SEEDSDIR : PKGDATADIR G_DIR_SEPARATOR_S "seeds";
}

char *
sd_paths_dup_default_library (void)
{
  return g_build_filename (g_get_user_data_dir (), "storydesk", "library.db", NULL);
}
