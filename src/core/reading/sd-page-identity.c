/* sd-page-identity.c — paper, date and page number of a page file, and the
 * key a library knows the page by
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File names (the folder's name fills in what the file's lacks):
 *
 *   苏州日报_20221103_A05.txt    paper, date, page
 *   szrb20221103a05.txt          paper (the letters: szrb), date, page
 *   20221103-A05.txt             date, page; also 2022-11-03_A05, 2022.11.03 A05
 *   2022-11-03/A05.txt           date from the folder, page from the file
 *   苏州日报2022年11月3日第5版.txt  paper, date, page
 *   A05.txt, 第A05版.txt          page only
 *
 * Mastheads, among the first lines of the text, each line on its own:
 *
 *   苏州日报 2022年11月3日 星期四    a date with a weekday, a page mark, or
 *   2022年11月3日 星期四 第A05版      little else beside it (no sentence)
 *   第A05版：要闻                     a page mark starting a line
 *   A05版 要闻 责任编辑：张三
 *
 * A date or a page in a sentence of the body (会议于2022年11月3日召开。,
 * 详见A05版。) is not a masthead.
 */
#define G_LOG_DOMAIN "sd-page-identity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-page-identity.h"

/* Mastheads stand in the first lines of a page. */
#define MASTHEAD_LINES 12
/* A masthead line is short; a longer one is a paragraph. */
#define MASTHEAD_MAX_CHARS 60
/* What a masthead line may hold besides its date, weekday, page and paper. */
#define MASTHEAD_MAX_REST 16
#define PAPER_MAX_CHARS 64

/* 2022-11-03, 2022.11.3, 2022_11_03 (one separator throughout) or 20221103,
 * never inside a longer number; or 2022年11月3日. */
#define DATE_PATTERN                                                                               \
  "(?<![0-9])(?:((?:19|20)[0-9]{2})([-_./])([0-9]{1,2})\\2([0-9]{1,2})"                            \
  "|((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})"                                                       \
  "|((?:19|20)[0-9]{2})\\s*年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日)(?![0-9])"
/* A05, a5, 第A05版, 05; in a name, at its start. */
#define NAME_PAGE_PATTERN "^第?\\s*([A-Za-z]{0,2})\\s*0*([1-9][0-9]{0,2})\\s*版?(?:[-_ .]|$)"
/* In a text line: 第A05版, 第5版, A05版; never a bare number (共8版). */
#define TEXT_PAGE_PATTERN                                                                          \
  "第\\s*([A-Za-z]{0,2})\\s*0*([1-9][0-9]{0,2})\\s*版"                                           \
  "|(?<![A-Za-z0-9])([A-Za-z]{1,2})\\s*0*([1-9][0-9]{0,2})\\s*版"
#define WEEKDAY_PATTERN "(?:星期|周|礼拜)[一二三四五六日天]"
/* A paper's name as a masthead prints it, before its date or page. */
#define PAPER_PATTERN                                                                              \
  "^(\\p{Han}{1,12}(?:日报|晚报|早报|晨报|时报|商报|周报|报))(?=\\s|[0-9]|第|[A-Za-z]|$)"
#define SENTENCE_MARKS "，。；！？、,;!?"

typedef enum
{
  PATTERN_DATE,
  PATTERN_NAME_PAGE,
  PATTERN_TEXT_PAGE,
  PATTERN_WEEKDAY,
  PATTERN_PAPER,
  N_PATTERNS
} Pattern;

G_DEFINE_QUARK (sd - page - identity - error - quark, sd_page_identity_error)

static GRegex *
get_pattern (Pattern pattern)
{
  static const char *const sources[N_PATTERNS] = {
    [PATTERN_DATE] = DATE_PATTERN,           [PATTERN_NAME_PAGE] = NAME_PAGE_PATTERN,
    [PATTERN_TEXT_PAGE] = TEXT_PAGE_PATTERN, [PATTERN_WEEKDAY] = WEEKDAY_PATTERN,
    [PATTERN_PAPER] = PAPER_PATTERN,
  };
  static GRegex *compiled[N_PATTERNS];
  static gsize   initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        compiled[i] = g_regex_new (sources[i], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }
  return compiled[pattern];
}

void
sd_page_identity_clear (SdPageIdentity *identity)
{
  g_clear_pointer (&identity->paper, g_free);
  g_clear_pointer (&identity->issue_date, g_free);
  g_clear_pointer (&identity->page_no, g_free);
}

/* The first of groups @first, @first + 1, … that matched. */
static int
first_matched_group (GMatchInfo *match, int first, int step)
{
  for (int group = first; group < g_match_info_get_match_count (match); group += step)
    {
      int start = -1, end = -1;
      if (g_match_info_fetch_pos (match, group, &start, &end) && start >= 0)
        return group;
    }
  return -1;
}

/* The date of @match (of DATE_PATTERN), ISO 8601, or NULL when it is no
 * day of the calendar. */
static char *
dup_matched_date (GMatchInfo *match)
{
  /* year, month, day: groups 1, 3, 4 or 5, 6, 7 or 8, 9, 10 */
  static const int groups[][3] = { { 1, 3, 4 }, { 5, 6, 7 }, { 8, 9, 10 } };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *year = g_match_info_fetch (match, groups[i][0]);
      g_autofree char *month = NULL;
      g_autofree char *day = NULL;
      guint64          y, m, d;

      if (year == NULL || *year == '\0')
        continue;
      month = g_match_info_fetch (match, groups[i][1]);
      day = g_match_info_fetch (match, groups[i][2]);
      y = g_ascii_strtoull (year, NULL, 10);
      m = g_ascii_strtoull (month, NULL, 10);
      d = g_ascii_strtoull (day, NULL, 10);
      if (m < 1 || m > 12 || d < 1 || d > 31 || !g_date_valid_dmy (d, m, y))
        return NULL;
      return g_strdup_printf ("%04u-%02u-%02u", (guint) y, (guint) m, (guint) d);
    }
  return NULL;
}

/* "A05" from the letters and number of a page match. */
static char *
dup_matched_page (GMatchInfo *match, int letters_group)
{
  g_autofree char *letters = g_match_info_fetch (match, letters_group);
  g_autofree char *number = g_match_info_fetch (match, letters_group + 1);
  g_autofree char *upper = g_ascii_strup (letters != NULL ? letters : "", -1);

  return g_strdup_printf ("%s%02u", upper, (guint) g_ascii_strtoull (number, NULL, 10));
}

static gboolean
is_separator (gunichar c)
{
  return c == '-' || c == '_' || c == '.' || g_unichar_isspace (c);
}

/* The paper a name gives before its date: Han characters, or 2 to 10
 * Latin letters (szrb); NULL for anything else. */
static char *
dup_name_paper (const char *start, const char *end)
{
  g_autofree char *text = g_strndup (start, end - start);
  char            *stripped = text;
  gboolean         han = TRUE, latin = TRUE;
  glong            n;

  while (*stripped != '\0' && is_separator (g_utf8_get_char (stripped)))
    stripped = g_utf8_next_char (stripped);
  for (gsize len = strlen (stripped);
       len > 0 && is_separator (g_utf8_get_char (g_utf8_prev_char (stripped + len)));)
    {
      len = g_utf8_prev_char (stripped + len) - stripped;
      stripped[len] = '\0';
    }
  n = g_utf8_strlen (stripped, -1);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      han = han && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
      latin = latin && c < 0x80 && g_ascii_isalpha (c);
    }
  if (n == 0 || !(han || (latin && n >= 2 && n <= 10)))
    return NULL;
  return g_strdup (stripped);
}

/* Reads one part of a name (a file name without its extension, or a
 * folder's name) into the fields still empty. */
static void
read_name_part (SdPageIdentity *identity, const char *part)
{
  g_autoptr (GMatchInfo) match = NULL;
  const char *rest = part;

  if (g_regex_match (get_pattern (PATTERN_DATE), part, 0, &match))
    {
      g_autofree char *date = dup_matched_date (match);
      int              start = 0, end = 0;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (date != NULL)
        {
          if (identity->issue_date == NULL)
            identity->issue_date = g_steal_pointer (&date);
          if (identity->paper == NULL)
            identity->paper = dup_name_paper (part, part + start);
          rest = part + end;
          while (*rest != '\0' && is_separator (g_utf8_get_char (rest)))
            rest = g_utf8_next_char (rest);
        }
    }
  g_clear_pointer (&match, g_match_info_free);
  /* without a date, only a name that is a page and nothing else (A05) */
  if (identity->page_no == NULL && g_regex_match (get_pattern (PATTERN_NAME_PAGE), rest, 0, &match))
    {
      int end = 0;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      if (rest != part || rest[end] == '\0')
        identity->page_no = dup_matched_page (match, 1);
    }
}

/**
 * sd_page_identity_read_name:
 * @name: a file name, or a path whose last folder is read too
 */
void
sd_page_identity_read_name (SdPageIdentity *identity, const char *name)
{
  g_auto (GStrv) parts = NULL;
  guint n;

  g_return_if_fail (identity != NULL && name != NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return;
  parts = g_strsplit (name, "/", -1);
  n = g_strv_length (parts);
  if (n == 0)
    return;
  {
    char *dot = strrchr (parts[n - 1], '.');
    if (dot != NULL && dot != parts[n - 1])
      *dot = '\0';
  }
  read_name_part (identity, parts[n - 1]);
  if (n >= 2)
    read_name_part (identity, parts[n - 2]);
}

/* Removes [start, end) of @line, leaving a space. */
static void
cut (GString *line, int start, int end)
{
  g_string_erase (line, start, end - start);
  g_string_insert_c (line, start, ' ');
}

/* What is left of a masthead line without its marks: a masthead has no
 * sentence and little else. */
static gboolean
is_masthead_rest (const char *rest)
{
  glong n = 0;

  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_utf8_strchr (SENTENCE_MARKS, -1, c) != NULL)
        return FALSE;
      if (!g_unichar_isspace (c))
        n++;
    }
  return n <= MASTHEAD_MAX_REST;
}

/* Reads one line of the text: NFKC, so full-width digits and letters read
 * as ASCII. */
static void
read_masthead_line (SdPageIdentity *identity, const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr (GString) line = g_string_new (normal);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *date = NULL;
  g_autofree char *page = NULL;
  g_autofree char *paper = NULL;
  gboolean         page_first = FALSE, weekday = FALSE;
  int              start, end;

  g_strstrip (line->str);
  g_string_set_size (line, strlen (line->str));
  if (line->len == 0 || g_utf8_strlen (line->str, -1) > MASTHEAD_MAX_CHARS)
    return;

  if (g_regex_match (get_pattern (PATTERN_DATE), line->str, 0, &match))
    {
      date = dup_matched_date (match);
      g_match_info_fetch_pos (match, 0, &start, &end);
      cut (line, start, end);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (get_pattern (PATTERN_TEXT_PAGE), line->str, 0, &match))
    {
      int group = first_matched_group (match, 1, 2);
      g_match_info_fetch_pos (match, 0, &start, &end);
      page_first = start == 0;
      page = dup_matched_page (match, group);
      cut (line, start, end);
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (get_pattern (PATTERN_WEEKDAY), line->str, 0, &match))
    {
      weekday = TRUE;
      g_match_info_fetch_pos (match, 0, &start, &end);
      cut (line, start, end);
    }
  g_clear_pointer (&match, g_match_info_free);
  g_strchug (line->str);
  g_string_set_size (line, strlen (line->str));
  if (g_regex_match (get_pattern (PATTERN_PAPER), line->str, 0, &match))
    {
      paper = g_match_info_fetch (match, 1);
      g_match_info_fetch_pos (match, 0, &start, &end);
      cut (line, start, end);
    }

  /* A date line holds a weekday, a page or little else; a page line
   * starts with its page.  Either may also name the paper. */
  if (!is_masthead_rest (line->str))
    return;
  if (date != NULL
      && !(weekday || page != NULL || paper != NULL || *g_strstrip (line->str) == '\0'))
    return;
  if (date == NULL && !page_first && !(paper != NULL && page != NULL))
    return;
  if (identity->issue_date == NULL && date != NULL)
    identity->issue_date = g_steal_pointer (&date);
  if (identity->page_no == NULL && page != NULL)
    identity->page_no = g_steal_pointer (&page);
  if (identity->paper == NULL && paper != NULL)
    identity->paper = g_steal_pointer (&paper);
}

/**
 * sd_page_identity_read_text:
 * @text: the page text, UTF-8
 */
void
sd_page_identity_read_text (SdPageIdentity *identity, const char *text)
{
  const char *p = text;
  guint       n_lines = 0;

  g_return_if_fail (identity != NULL && text != NULL);

  while (*p != '\0' && n_lines < MASTHEAD_LINES
         && (identity->paper == NULL || identity->issue_date == NULL || identity->page_no == NULL))
    {
      const char      *end = strchr (p, '\n');
      g_autofree char *line = g_strndup (p, end != NULL ? (gsize) (end - p) : strlen (p));

      g_strstrip (line);
      if (*line != '\0')
        {
          read_masthead_line (identity, line);
          n_lines++;
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
}

/* @text matched in whole by @pattern; NULL otherwise. */
static GMatchInfo *
match_whole (Pattern pattern, const char *text)
{
  GMatchInfo *match = NULL;
  int         start = 0, end = 0;

  if (g_regex_match (get_pattern (pattern), text, 0, &match)
      && g_match_info_fetch_pos (match, 0, &start, &end) && start == 0
      && (gsize) end == strlen (text))
    return match;
  g_match_info_free (match);
  return NULL;
}

/**
 * sd_page_identity_parse_date:
 *
 * Returns: (transfer full): the date as yyyy-mm-dd, or %NULL with @error
 */
char *
sd_page_identity_parse_date (const char *text, GError **error)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr (GMatchInfo) match = NULL;
  char *date = NULL;

  if (normal != NULL)
    match = match_whole (PATTERN_DATE, g_strstrip (normal));
  if (match != NULL)
    date = dup_matched_date (match);
  if (date == NULL)
    g_set_error (error, SD_PAGE_IDENTITY_ERROR, SD_PAGE_IDENTITY_ERROR_BAD_DATE,
                 _("“%s” is not a date: write it as 2022-11-03"), text);
  return date;
}

/**
 * sd_page_identity_parse_page:
 *
 * Returns: (transfer full): the page as A05 or 05, or %NULL with @error
 */
char *
sd_page_identity_parse_page (const char *text, GError **error)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr (GMatchInfo) match = NULL;

  if (normal != NULL)
    match = match_whole (PATTERN_NAME_PAGE, g_strstrip (normal));
  if (match == NULL)
    {
      g_set_error (error, SD_PAGE_IDENTITY_ERROR, SD_PAGE_IDENTITY_ERROR_BAD_PAGE,
                   _("“%s” is not a page number: write it as A05 or 5"), text);
      return NULL;
    }
  return dup_matched_page (match, 1);
}

/**
 * sd_page_identity_parse_paper:
 *
 * Returns: (transfer full): the name trimmed, or %NULL with @error
 */
char *
sd_page_identity_parse_paper (const char *text, GError **error)
{
  g_autofree char *name = g_utf8_validate (text, -1, NULL) ? g_strstrip (g_strdup (text)) : NULL;
  gboolean         clean = name != NULL && *name != '\0';

  for (const char *p = name; clean && *p != '\0'; p = g_utf8_next_char (p))
    clean = !g_unichar_iscntrl (g_utf8_get_char (p));
  if (!clean || g_utf8_strlen (name, -1) > PAPER_MAX_CHARS)
    {
      g_set_error (error, SD_PAGE_IDENTITY_ERROR, SD_PAGE_IDENTITY_ERROR_BAD_PAPER,
                   _("A paper’s name is one line of at most %d characters"), PAPER_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&name);
}

/* The first (@last FALSE) or last day of 2022, 2022-11 or 2022-11-03. */
static char *
dup_bound (const char *text, gboolean last)
{
  g_auto (GStrv) parts = g_strsplit (text, "-", -1);
  guint   n = g_strv_length (parts);
  guint64 year, month = last ? 12 : 1, day = 1;

  if (n == 0 || n > 3)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      if (*parts[i] == '\0' || strspn (parts[i], "0123456789") != strlen (parts[i])
          || strlen (parts[i]) > (i == 0 ? 4 : 2) || (i == 0 && strlen (parts[i]) != 4))
        return NULL;
    }
  year = g_ascii_strtoull (parts[0], NULL, 10);
  if (n >= 2)
    month = g_ascii_strtoull (parts[1], NULL, 10);
  if (month < 1 || month > 12 || year < 1)
    return NULL;
  if (n == 3)
    day = g_ascii_strtoull (parts[2], NULL, 10);
  else if (last)
    day = g_date_get_days_in_month (month, year);
  if (day < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", (guint) year, (guint) month, (guint) day);
}

/**
 * sd_page_identity_parse_date_range:
 * @out_first: (out) (transfer full)
 * @out_last: (out) (transfer full)
 */
gboolean
sd_page_identity_parse_date_range (const char *text,
                                   char      **out_first,
                                   char      **out_last,
                                   GError    **error)
{
  const char      *dots = strstr (text, "..");
  g_autofree char *from = g_strndup (text, dots != NULL ? (gsize) (dots - text) : strlen (text));
  const char      *to = dots != NULL ? dots + 2 : text;
  g_autofree char *first = dup_bound (g_strstrip (from), FALSE);
  g_autofree char *to_text = g_strstrip (g_strdup (to));
  g_autofree char *last = dup_bound (to_text, TRUE);

  if (first == NULL || last == NULL || strcmp (first, last) > 0)
    {
      g_set_error (error, SD_PAGE_IDENTITY_ERROR, SD_PAGE_IDENTITY_ERROR_BAD_DATE,
                   _("“%s” is not a date or a range of dates: write 2022-11-03, 2022-11, 2022 "
                     "or 2022-11-01..2022-11-30"),
                      text);
      return FALSE;
    }
  *out_first = g_steal_pointer (&first);
  *out_last = g_steal_pointer (&last);
  return TRUE;
}

/**
 * sd_page_identity_dup_key:
 * @paper: (nullable)
 * @issue_date: (nullable)
 * @page_no: (nullable)
 * @name: the page's name when it has no date and page number: its path
 *   from the folder imported (that folder's name first), or the file's name
 *
 * What the newsroom means by a page is its paper, date and page number; a
 * page without them is known by its name.  The migration that brought
 * identities (sd-store-schema.c) writes "file:" || file for the pages
 * already there.
 *
 * Returns: (transfer full): the key
 */
char *
sd_page_identity_dup_key (const char *paper,
                          const char *issue_date,
                          const char *page_no,
                          const char *name)
{
  if (issue_date != NULL && *issue_date != '\0' && page_no != NULL && *page_no != '\0')
    return g_strdup_printf ("page:%s|%s|%s", paper != NULL ? paper : "", issue_date, page_no);
  return g_strconcat ("file:", name != NULL ? name : "", NULL);
}
