/* sd-segmenter.c — split an OCR'd newspaper page into stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is read as a list of units (non-blank lines).  Each unit gets a
 * shape from its own text: prose, a title-shaped line, a bold run, a
 * reporter line, a line of names, a photo credit.  Stories are then cut at
 * title-shaped units that show evidence of starting a story (markup, a
 * 本报讯 lead after them, a byline or a broken-off sentence before them,
 * a headline's habits); other title-shaped units are section headings.
 * Finally text printed twice is left out, paragraphs broken at column ends
 * are joined and the fields are filled in.  Every pass is linear.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "sd-segmenter.h"

#include <stdio.h>
#include <string.h>

#include "sd-ocr-repair.h"
#include "sd-text-util.h"

#define TITLE_MAX_CHARS    48  /* a plain headline or kicker */
#define MD_TITLE_MAX_CHARS 80  /* a line marked with '#' */
#define SECTION_MAX_CHARS  30
#define TAIL_MAX_CHARS     40  /* names and credit glued after the last sentence */
#define CAPTION_MAX_CHARS  120
#define LONE_CAPTION_CHARS 60  /* a caption printed apart from its credit */
#define PHOTO_MAX_CHARS    400
#define BRIEF_MAX_CHARS    600
#define HEADLINE_SCORE     2   /* weak cues a plain title needs to open a story */
#define NONE               G_MAXUINT

typedef enum
{
  SHAPE_TEXT,     /* prose, or a title-shaped line */
  SHAPE_BOLD,     /* **heading**, maybe with prose after it */
  SHAPE_REPORTER, /* □ 本报记者 X */
  SHAPE_NAMES,    /* a line of names */
  SHAPE_CREDIT,   /* 徐宇欣 摄, (X供图) */
  SHAPE_CREDITS,  /* （参与记者：… 整理：…） */
} UnitShape;

typedef enum
{
  ROLE_BODY,
  ROLE_KICKER,
  ROLE_HEADLINE,
  ROLE_SUBHEADLINE,
  ROLE_SECTION,
  ROLE_REPORTER,
  ROLE_BYLINE,
  ROLE_CREDIT,
  ROLE_CAPTION,
  ROLE_STRAY,
} UnitRole;

typedef struct
{
  gsize start; /* the trimmed line */
  gsize end;
  gsize text_start; /* without '#' markup; for SHAPE_BOLD the bold run */
  gsize text_end;
  gsize prose_start; /* after 本报讯(…), ▶上接…, **…** */
  gsize prose_end;   /* before glued names or a glued credit */
  gsize reporter_start; /* inside 本报讯(…), or the reporter line */
  gsize reporter_end;
  gsize tail_start; /* glued names and credit, or the credit line */
  gsize tail_end;
  gsize names_start; /* the names in the tail, a credit or a name line */
  gsize names_end;
  guint blank_before;
  guint md_level;
  UnitShape shape;
  UnitRole role;
  guint story;
  guint title : 1;         /* short, no sentence end: could be a headline */
  guint section_shape : 1; /* could be a section heading, not a broken line */
  guint news_lead : 1;     /* 本报讯 */
  guint continued : 1;     /* ▶上接1版 */
  guint dash_start : 1;    /* ——副题 */
  guint dash_end : 1;      /* 引题—— */
  guint tail_names : 1;
  guint tail_credit : 1;
  guint tail_kept : 1; /* the glued names are the byline, not a broken word */
  guint ends_sentence : 1;
} Unit;

typedef struct
{
  guint first; /* units [first, last] */
  guint last;
  guint ended : 1; /* a byline or credit has closed it */
  guint has_body : 1;
} Story;

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *units;   /* (element-type Unit) */
  GArray     *stories; /* (element-type Story) */
  guint       min_md_level;
  guint       usual_gap; /* blank lines between most paragraphs */
} Page;

/* Clause-level cues of a headline: "崇川区：…", "连云区政协 筑牢…". */
static const char *const lead_openers[] = {
  "近日", "日前", "近期", "近年来", "今年以来", "连日来", "近段时间", "记者从", "本报讯",
};

static const char *const reporter_roles[] = {
  "本报特约记者", "本报通讯员", "本报记者", "特约记者", "通讯员", "实习生", "记者",
};

static const char *const credit_roles[] = {
  "记者", "通讯员", "整理", "编辑", "撰稿", "执笔", "摄影", "供图", "文/图",
};

static const char admin_suffixes[] = "市区县镇乡村";
static const char particles[] = "的了和与及或等在对为把被将向从于而并就也都还让使给以";

static Unit *
unit_at (Page *page, guint i)
{
  return &g_array_index (page->units, Unit, i);
}

static Story *
story_at (Page *page, guint i)
{
  return &g_array_index (page->stories, Story, i);
}

static gboolean
char_in (const char *set, gunichar c)
{
  char buf[8];
  int n = g_unichar_to_utf8 (c, buf);

  buf[n] = '\0';
  return c != 0 && strstr (set, buf) != NULL;
}

static gsize
skip_char (const char *text, gsize pos)
{
  return g_utf8_next_char (text + pos) - text;
}

static gsize
skip_spaces (const char *text, gsize pos, gsize end)
{
  while (pos < end && _sd_text_is_space (g_utf8_get_char (text + pos)))
    pos = skip_char (text, pos);
  return pos;
}

/* ---- one unit on its own ------------------------------------------------ */

static void
strip_markdown (Page *page, Unit *u)
{
  const char *text = page->text;

  while (u->text_start < u->text_end && text[u->text_start] == '#')
    {
      u->text_start++;
      u->md_level++;
    }
  while (u->text_end > u->text_start && text[u->text_end - 1] == '#')
    u->text_end--;
  _sd_text_trim (text, &u->text_start, &u->text_end);
  if (u->text_end == u->text_start)
    u->md_level = 0;
}

/* "**融智——聚焦新市民群体**乐余镇依托…" */
static gboolean
find_bold_run (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize close;

  if (!_sd_text_has_prefix (text, u->text_start, u->text_end, "**"))
    return FALSE;
  for (close = u->text_start + 2; close + 1 < u->text_end; close++)
    if (text[close] == '*' && text[close + 1] == '*')
      break;
  if (close + 1 >= u->text_end || close == u->text_start + 2)
    return FALSE;
  u->shape = SHAPE_BOLD;
  u->prose_start = skip_spaces (text, close + 2, u->prose_end);
  u->text_start += 2;
  u->text_end = close;
  _sd_text_trim (text, &u->text_start, &u->text_end);
  return TRUE;
}

static gboolean
has_role_prefix (const char *text, gsize start, gsize end, gsize *after)
{
  for (guint i = 0; i < G_N_ELEMENTS (reporter_roles); i++)
    if (_sd_text_has_prefix (text, start, end, reporter_roles[i]))
      {
        *after = start + strlen (reporter_roles[i]);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_box_char (gunichar c)
{
  return c == 0x25A1 || c == 0x25A0 || c == 0x25C7 || c == 0x25C6 || c == 0x25CB
         || c == 0x25CF || c == 0x25B3 || c == 0x25B2 || c == 0x25CE || c == 0x2605
         || c == 0x2606;
}

static gboolean
has_sentence_mark (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (_sd_text_is_sentence_end (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
has_comma (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1B || c == ';')
        return TRUE;
    }
  return FALSE;
}

/* "□ 本报记者 徐瑞雅" */
static gboolean
find_reporter_line (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize pos = u->text_start, after;

  if (is_box_char (_sd_text_first_char (text, pos, u->text_end)))
    pos = skip_spaces (text, skip_char (text, pos), u->text_end);
  if (!has_role_prefix (text, pos, u->text_end, &after))
    return FALSE;
  if (_sd_text_count_chars (text, pos, u->text_end) > 40
      || has_sentence_mark (text, pos, u->text_end) || has_comma (text, pos, u->text_end))
    return FALSE;
  u->shape = SHAPE_REPORTER;
  u->reporter_start = pos;
  u->reporter_end = u->text_end;
  return TRUE;
}

/* "徐宇欣 摄", "(苏州科技城管委会供图)" on a line of their own */
static gboolean
find_credit_line (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize names_end;

  if (_sd_text_count_chars (text, u->text_start, u->text_end) > TAIL_MAX_CHARS
      || has_sentence_mark (text, u->text_start, u->text_end)
      || !_sd_text_strip_credit (text, u->text_start, u->text_end, &names_end))
    return FALSE;
  u->shape = SHAPE_CREDIT;
  u->tail_start = u->text_start;
  u->tail_end = u->text_end;
  u->names_start = u->text_start;
  u->names_end = names_end;
  _sd_text_strip_brackets (text, &u->names_start, &(gsize) { u->text_end });
  return TRUE;
}

/* "（参与记者：许雯斐 张瑞 … 整理：张莎莎）" */
static gboolean
find_credits_line (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize start = u->text_start, end = u->text_end;

  if (!_sd_text_strip_brackets (text, &start, &end))
    return FALSE;
  if (_sd_text_count_chars (text, start, end) > 150 || has_sentence_mark (text, start, end))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (credit_roles); i++)
    if (_sd_text_contains (text, start, end, credit_roles[i]))
      {
        u->shape = SHAPE_CREDITS;
        u->names_start = start;
        u->names_end = end;
        return TRUE;
      }
  return FALSE;
}

/* "本报讯(范韶欣)…" */
static void
find_news_lead (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize pos = u->prose_start, close;
  gunichar open;

  if (!_sd_text_has_prefix (text, pos, u->prose_end, "本报讯"))
    return;
  u->news_lead = TRUE;
  pos = skip_spaces (text, pos + strlen ("本报讯"), u->prose_end);
  u->prose_start = pos;
  open = _sd_text_first_char (text, pos, u->prose_end);
  if (open != '(' && open != 0xFF08 && open != 0x3010)
    return;
  for (close = skip_char (text, pos); close < u->prose_end && close - pos < 120;
       close = skip_char (text, close))
    {
      gunichar c = g_utf8_get_char (text + close);

      if (c == ')' || c == 0xFF09 || c == 0x3011)
        {
          u->reporter_start = skip_char (text, pos);
          u->reporter_end = close;
          u->prose_start = skip_spaces (text, skip_char (text, close), u->prose_end);
          return;
        }
    }
}

/* "▶上接1版 …" at the start, "▶下转2版" at the end */
static void
find_continuation_marks (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize pos = u->prose_start, mark;

  if (!_sd_text_is_content (_sd_text_first_char (text, pos, u->prose_end)))
    pos = skip_char (text, pos);
  if (_sd_text_has_prefix (text, pos, u->prose_end, "上接"))
    {
      for (mark = pos; mark < u->prose_end && mark - pos < 30; mark = skip_char (text, mark))
        if (_sd_text_has_prefix (text, mark, u->prose_end, "版"))
          {
            mark = skip_char (text, mark);
            if (_sd_text_is_closing (_sd_text_first_char (text, mark, u->prose_end)))
              mark = skip_char (text, mark);
            u->continued = TRUE;
            u->prose_start = skip_spaces (text, mark, u->prose_end);
            break;
          }
    }
  for (mark = MAX (u->prose_start, u->prose_end > 30 ? u->prose_end - 30 : 0);
       mark < u->prose_end; mark++)
    if (_sd_text_has_prefix (text, mark, u->prose_end, "下转"))
      {
        const char *prev = g_utf8_find_prev_char (text + u->prose_start, text + mark);

        if (prev != NULL && !_sd_text_is_content (g_utf8_get_char (prev)))
          mark = prev - text;
        u->prose_end = mark;
        _sd_text_trim (text, &u->prose_start, &u->prose_end);
        break;
      }
}

/* Names (and maybe a credit) glued after the last sentence:
 * "…坚强力量。袁腊梅 韩丹", "…日常巡查。史春雨 秦海 文/图". */
static void
find_glued_tail (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize tail = _sd_text_last_sentence_end (text, u->prose_start, u->prose_end);
  gsize tail_end = u->prose_end, names_end;

  if (tail <= u->prose_start || tail >= tail_end)
    return;
  tail = skip_spaces (text, tail, tail_end);
  if (_sd_text_count_chars (text, tail, tail_end) > TAIL_MAX_CHARS || has_comma (text, tail, tail_end))
    return;
  if (_sd_text_strip_credit (text, tail, tail_end, &names_end))
    {
      u->tail_credit = TRUE;
      u->tail_names = _sd_text_is_name_list (text, tail, names_end, FALSE);
    }
  else if (_sd_text_is_name_list (text, tail, tail_end, FALSE))
    {
      u->tail_names = TRUE;
      names_end = tail_end;
    }
  else
    return;
  u->tail_start = u->names_start = tail;
  u->tail_end = tail_end;
  u->names_end = names_end;
  _sd_text_strip_brackets (text, &u->names_start, &(gsize) { tail_end });
  u->prose_end = tail;
  _sd_text_trim (text, &u->prose_start, &u->prose_end);
}

static gboolean
is_title_shaped (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize chars = _sd_text_count_chars (text, u->text_start, u->text_end);
  gunichar last = _sd_text_last_char (text, u->text_start, u->text_end);

  if (u->shape != SHAPE_TEXT || u->news_lead || u->continued || u->tail_names || u->tail_credit)
    return FALSE;
  if (u->md_level > 0)
    return chars <= MD_TITLE_MAX_CHARS;
  if (chars < 4 || chars > TITLE_MAX_CHARS || has_sentence_mark (text, u->text_start, u->text_end))
    return FALSE;
  return !char_in ("，,、；;：:（(“‘《", last);
}

/* Section headings are tidy; a line cut at a column end often is not:
 * "通过自荐报名、党员互荐、行业举荐等", "展园面积为4200". */
static gboolean
is_section_shaped (Page *page, Unit *u)
{
  const char *text = page->text;
  gunichar last = _sd_text_last_char (text, u->text_start, u->text_end);

  if (u->md_level > 0 || u->shape == SHAPE_BOLD)
    return TRUE;
  if (!u->title || _sd_text_count_chars (text, u->text_start, u->text_end) > SECTION_MAX_CHARS)
    return FALSE;
  if (g_unichar_isdigit (last) || char_in (particles, last))
    return FALSE;
  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3001 || c == ';' || c == 0xFF1B)
        return FALSE;
      /* "体验式调研， 了解…" is a heading's comma; "…服务日，联" is prose */
      if ((c == 0xFF0C || c == ',')
          && !_sd_text_is_space (g_utf8_get_char (g_utf8_next_char (p))))
        return FALSE;
    }
  return TRUE;
}

static void
classify_unit (Page *page, Unit *u)
{
  const char *text = page->text;

  u->text_start = u->start;
  u->text_end = u->end;
  u->shape = SHAPE_TEXT;
  u->role = ROLE_BODY;
  u->story = NONE;
  strip_markdown (page, u);
  u->prose_start = u->text_start;
  u->prose_end = u->text_end;

  if (!find_bold_run (page, u) && u->md_level == 0
      && !find_reporter_line (page, u) && !find_credit_line (page, u)
      && !find_credits_line (page, u)
      && _sd_text_is_name_list (text, u->text_start, u->text_end, TRUE))
    {
      u->shape = SHAPE_NAMES;
      u->names_start = u->text_start;
      u->names_end = u->text_end;
    }
  if (u->shape == SHAPE_TEXT || u->shape == SHAPE_BOLD)
    {
      find_news_lead (page, u);
      find_continuation_marks (page, u);
      find_glued_tail (page, u);
    }
  else
    u->prose_start = u->prose_end;

  u->dash_start = _sd_text_has_prefix (text, u->text_start, u->text_end, "—")
                  || _sd_text_has_prefix (text, u->text_start, u->text_end, "--");
  u->dash_end = _sd_text_has_suffix (text, u->text_start, u->text_end, "——");
  u->title = is_title_shaped (page, u);
  u->section_shape = is_section_shaped (page, u);
  u->ends_sentence = _sd_text_ends_sentence (text, u->prose_start, u->prose_end);
}

/* Layouts differ in how many blank lines part paragraphs; a gap is only
 * telling when it is wider than the page's usual one. */
static void
measure_usual_gap (Page *page)
{
  guint counts[8] = { 0 };
  guint best = 0;

  for (guint i = 1; i < page->units->len; i++)
    counts[MIN (unit_at (page, i)->blank_before, G_N_ELEMENTS (counts) - 1)]++;
  for (guint gap = 1; gap < G_N_ELEMENTS (counts); gap++)
    if (counts[gap] > counts[best])
      best = gap;
  page->usual_gap = MAX (best, 1);
}

static void
scan_units (Page *page)
{
  const char *text = page->text;
  gsize pos = 0;
  guint blanks = 0;

  page->min_md_level = G_MAXUINT;
  while (pos < page->length)
    {
      gsize eol = pos;
      Unit u = { 0 };

      while (eol < page->length && text[eol] != '\n' && text[eol] != '\r')
        eol++;
      u.start = pos;
      u.end = eol;
      _sd_text_trim (text, &u.start, &u.end);
      if (u.end > u.start)
        {
          u.blank_before = blanks;
          classify_unit (page, &u);
          if (u.md_level > 0)
            page->min_md_level = MIN (page->min_md_level, u.md_level);
          g_array_append_val (page->units, u);
          blanks = 0;
        }
      else
        blanks++;
      pos = eol;
      if (pos < page->length && text[pos] == '\r')
        pos++;
      if (pos < page->length && text[pos] == '\n')
        pos++;
    }
}

/* ---- where stories start ----------------------------------------------- */

static gboolean
starts_with_opener (Page *page, Unit *u)
{
  const char *text = page->text;
  gsize pos = u->prose_start;

  for (guint i = 0; i < G_N_ELEMENTS (lead_openers); i++)
    if (_sd_text_has_prefix (text, pos, u->prose_end, lead_openers[i]))
      return TRUE;
  /* "10月28日，…", "9日，…" */
  if (!g_ascii_isdigit (text[pos]))
    return FALSE;
  while (pos < u->prose_end && g_ascii_isdigit (text[pos]))
    pos++;
  return _sd_text_has_prefix (text, pos, u->prose_end, "月")
         || _sd_text_has_prefix (text, pos, u->prose_end, "日");
}

/* Headlines name a place first: "崇川区：…", "连云区政协 …". */
static gboolean
starts_with_place (Page *page, Unit *u)
{
  const char *text = page->text;
  guint n = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end && n < 8;
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!_sd_text_is_han (c))
        return FALSE;
      if (n >= 2 && char_in (admin_suffixes, c))
        return TRUE;
    }
  return FALSE;
}

/* The lead names the headline's subject as a place: "武进…" → "常州市武进区". */
static gboolean
lead_names_place (Page *page, Unit *title, Unit *lead)
{
  const char *text = page->text;
  gunichar a = 0, b = 0;
  const char *p, *end;
  guint n = 0;

  for (p = text + title->text_start; p < text + title->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!_sd_text_is_han (c))
        continue;
      if (a == 0)
        a = c;
      else
        {
          b = c;
          break;
        }
    }
  if (b == 0)
    return FALSE;
  end = text + lead->prose_end;
  for (p = text + lead->prose_start; p < end && n < 80; p = g_utf8_next_char (p), n++)
    {
      const char *q = g_utf8_next_char (p);

      if (g_utf8_get_char (p) != a || q >= end || g_utf8_get_char (q) != b)
        continue;
      q = g_utf8_next_char (q);
      for (guint k = 0; k < 4 && q < end; k++, q = g_utf8_next_char (q))
        if (char_in (admin_suffixes, g_utf8_get_char (q)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
has_spaced_halves (Page *page, Unit *u)
{
  const char *text = page->text;
  gunichar before = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_sd_text_is_space (c))
        {
          gunichar after = g_utf8_get_char (g_utf8_next_char (p));

          if ((_sd_text_is_content (before) || _sd_text_is_closing (before))
              && (_sd_text_is_content (after) || after == 0x201C))
            return TRUE;
          continue;
        }
      before = c;
    }
  return FALSE;
}

static gboolean
has_title_colon (Page *page, Unit *u)
{
  const char *text = page->text;
  guint n = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == 0xFF1A || c == ':') && n >= 2)
        return g_utf8_next_char (p) < text + u->text_end;
    }
  return FALSE;
}

/* Weak cues that a title-shaped unit heads a new story rather than a section. */
static guint
score_headline (Page *page, guint i, guint lead)
{
  Unit *u = unit_at (page, i);
  guint score = 0;

  if (u->md_level > 0)
    score++;
  if (has_title_colon (page, u))
    score++;
  if (has_spaced_halves (page, u))
    score++;
  if (starts_with_place (page, u))
    score++;
  if (u->blank_before > page->usual_gap)
    score++;
  if (lead != NONE && starts_with_opener (page, unit_at (page, lead)))
    score++;
  if (lead != NONE && lead_names_place (page, u, unit_at (page, lead)))
    score += 2;
  return score;
}

/* A caption: short prose closed by a photo credit. */
static gboolean
is_photo_caption (Page *page, guint i)
{
  Unit *u = unit_at (page, i);

  if (u->shape != SHAPE_TEXT || u->title)
    return FALSE;
  if (_sd_text_count_chars (page->text, u->prose_start, u->prose_end) > PHOTO_MAX_CHARS)
    return FALSE;
  if (u->tail_credit)
    return TRUE;
  return u->ends_sentence && i + 1 < page->units->len
         && unit_at (page, i + 1)->shape == SHAPE_CREDIT;
}

static gboolean
continues_header (guint group_len, Unit *a, Unit *b)
{
  if (!b->title || b->blank_before > 3)
    return FALSE;
  if (b->dash_start)
    return TRUE;
  if (group_len > 1)
    return FALSE;
  if (a->dash_end)
    return TRUE;
  /* a plain line above a marked title is its kicker */
  if (a->md_level == 0 && b->md_level > 0)
    return TRUE;
  if (a->md_level > 0 || b->md_level > 0)
    return a->md_level > 0 && b->md_level > 0 && a->md_level != b->md_level;
  return b->section_shape || b->blank_before <= 1;
}

/* Number of title units from @i that form one header (kicker, title, 副题). */
static guint
measure_header (Page *page, guint i)
{
  guint n = 1;

  while (i + n < page->units->len && n < 3
         && continues_header (n, unit_at (page, i + n - 1), unit_at (page, i + n)))
    n++;
  return n;
}

static gboolean
starts_story (Page *page, Story *story, guint i)
{
  Unit *u = unit_at (page, i);
  Unit *prev = unit_at (page, i - 1);
  guint n = measure_header (page, i);
  guint lead = i + n < page->units->len ? i + n : NONE;
  Unit *next = lead != NONE ? unit_at (page, lead) : NULL;

  if (!story->has_body || prev->role == ROLE_REPORTER)
    return FALSE;
  if (u->md_level > 0 && u->md_level == page->min_md_level)
    return TRUE;
  if (next != NULL && (next->news_lead || next->continued || next->shape == SHAPE_REPORTER))
    return TRUE;
  if (story->ended || (lead != NONE && is_photo_caption (page, lead)))
    return TRUE;
  if (!u->section_shape)
    return FALSE;
  /* the story before was cut off in mid-sentence */
  if (prev->role == ROLE_BODY && !prev->ends_sentence
      && (u->blank_before > page->usual_gap || _sd_text_count_chars (page->text, u->text_start, u->text_end) >= 8))
    return TRUE;
  return score_headline (page, i, lead) >= HEADLINE_SCORE;
}

static guint
open_story (Page *page, guint i, gboolean titled)
{
  Story story = { i, i, FALSE, FALSE };

  g_array_append_val (page->stories, story);
  if (!titled)
    return i;

  guint n = measure_header (page, i);
  Unit *a = unit_at (page, i);
  Unit *b = n > 1 ? unit_at (page, i + 1) : NULL;

  a->role = ROLE_HEADLINE;
  if (n == 3)
    {
      a->role = ROLE_KICKER;
      b->role = ROLE_HEADLINE;
      unit_at (page, i + 2)->role = ROLE_SUBHEADLINE;
    }
  else if (n == 2)
    {
      gboolean kicker_first = !b->dash_start
                              && (a->dash_end || a->md_level == 0 || a->md_level > b->md_level);

      a->role = kicker_first ? ROLE_KICKER : ROLE_HEADLINE;
      b->role = kicker_first ? ROLE_HEADLINE : ROLE_SUBHEADLINE;
    }
  for (guint k = 0; k < n; k++)
    unit_at (page, i + k)->story = page->stories->len - 1;
  story_at (page, page->stories->len - 1)->last = i + n - 1;
  return i + n - 1;
}

/* Gives every unit a story and a role. */
static void
assign_stories (Page *page)
{
  for (guint i = 0; i < page->units->len; i++)
    {
      Unit *u = unit_at (page, i);
      Story *story = page->stories->len > 0 ? story_at (page, page->stories->len - 1) : NULL;

      if (u->shape == SHAPE_TEXT && u->title)
        {
          if (story == NULL || starts_story (page, story, i))
            {
              i = open_story (page, i, TRUE);
              continue;
            }
          u->role = u->section_shape ? ROLE_SECTION : ROLE_BODY;
        }
      else if (u->shape == SHAPE_BOLD)
        {
          if (story == NULL)
            {
              open_story (page, i, FALSE);
              story = story_at (page, page->stories->len - 1);
            }
          u->role = ROLE_SECTION;
        }
      else if (u->shape == SHAPE_NAMES || u->shape == SHAPE_CREDITS)
        u->role = story == NULL || story->ended || !story->has_body ? ROLE_STRAY : ROLE_BYLINE;
      else if (u->shape == SHAPE_CREDIT)
        u->role = story == NULL ? ROLE_STRAY : ROLE_CREDIT;
      else if (u->shape == SHAPE_REPORTER)
        {
          if (story == NULL)
            {
              open_story (page, i, FALSE);
              story = story_at (page, page->stories->len - 1);
            }
          u->role = ROLE_REPORTER;
        }
      else if (story == NULL || ((u->news_lead || u->continued) && story->has_body)
               || (story->ended && is_photo_caption (page, i)))
        {
          open_story (page, i, FALSE);
          story = story_at (page, page->stories->len - 1);
        }

      if (story == NULL)
        continue;
      u->story = page->stories->len - 1;
      if (u->role != ROLE_STRAY)
        story->last = i;
      if (u->role == ROLE_BODY || (u->shape == SHAPE_BOLD && u->prose_end > u->prose_start))
        story->has_body = TRUE;
      if (u->role == ROLE_BYLINE || u->role == ROLE_STRAY
          || (u->role == ROLE_CREDIT && story->has_body)
          || (u->role == ROLE_BODY && (u->tail_names || u->tail_credit)))
        story->ended = TRUE;
      else if (u->role == ROLE_BODY)
        story->ended = FALSE;
    }
}

/* ---- filling the segments ---------------------------------------------- */

static char *
dup_clean (const char *text, gsize start, gsize end)
{
  GString *out = g_string_sized_new (end - start);
  gboolean space = FALSE;

  _sd_text_trim (text, &start, &end);
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '*' || (c == '#' && out->len == 0))
        continue;
      if (_sd_text_is_space (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Names only: role words and brackets go, "记者 陈悦勤" → "陈悦勤". */
static char *
dup_names (const char *text, gsize start, gsize end, gboolean keep_roles)
{
  g_autofree char *clean = NULL;
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  _sd_text_trim (text, &start, &end);
  _sd_text_strip_brackets (text, &start, &end);
  if (end <= start)
    return NULL;
  clean = dup_clean (text, start, end);
  if (keep_roles)
    return g_steal_pointer (&clean);
  words = g_strsplit (clean, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gsize after;

      if (has_role_prefix (word, 0, strlen (word), &after))
        word += after;
      if (*word == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, word);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
add_repair (SdSegment *segment, SdRepairKind kind, gsize start, gsize end, const char *detail)
{
  g_ptr_array_add (segment->repairs, sd_repair_new (kind, start, end, detail));
}

static void
set_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static gsize
count_prose (Page *page, Story *story)
{
  gsize n = 0;

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      if (u->role == ROLE_BODY)
        n += _sd_text_count_chars (page->text, u->prose_start, u->prose_end);
    }
  return n;
}

static gboolean
has_credit (Page *page, Story *story)
{
  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      if (u->role == ROLE_CREDIT || (u->role == ROLE_BODY && u->tail_credit))
        return TRUE;
    }
  return FALSE;
}

/* A photo item is its caption and credit, nothing more. */
static gboolean
is_photo_story (Page *page, Story *story)
{
  guint paragraphs = 0;

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      if (u->role == ROLE_SECTION || u->news_lead)
        return FALSE;
      if (u->role == ROLE_BODY)
        paragraphs++;
    }
  return paragraphs > 0 && paragraphs <= 2 && has_credit (page, story)
         && count_prose (page, story) <= PHOTO_MAX_CHARS;
}

static char *
dup_caption (Page *page, Unit *caption, Unit *credit)
{
  const char *text = page->text;
  GString *out = g_string_new (NULL);

  if (caption != NULL)
    g_string_append_len (out, text + caption->prose_start, caption->prose_end - caption->prose_start);
  /* "…注入新鲜力量。(X供图)", but "…启动。 徐宇欣 摄" */
  if (caption != NULL && !char_in ("(（【", _sd_text_first_char (text, credit->start, credit->end)))
    g_string_append_c (out, ' ');
  g_string_append_len (out, text + credit->start, credit->end - credit->start);
  return g_string_free (out, FALSE);
}

/* Photo credits inside a story: the short sentence printed with each one is
 * its caption; a credit printed apart takes the lone sentence under the
 * headline. */
static void
collect_captions (Page *page, Story *story, SdSegment *segment)
{
  guint first_body = NONE;

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);
      Unit *caption = NULL;

      if (u->role == ROLE_BODY && first_body == NONE)
        first_body = i;
      if (u->role != ROLE_CREDIT)
        continue;
      if (i > story->first && unit_at (page, i - 1)->role == ROLE_BODY
          && unit_at (page, i - 1)->ends_sentence
          && _sd_text_count_chars (page->text, unit_at (page, i - 1)->prose_start,
                                   unit_at (page, i - 1)->prose_end) <= CAPTION_MAX_CHARS)
        caption = unit_at (page, i - 1);
      else if (first_body != NONE && first_body != i - 1)
        {
          Unit *lone = unit_at (page, first_body);
          gsize chars = _sd_text_count_chars (page->text, lone->prose_start, lone->prose_end);
          gsize one_sentence = _sd_text_last_sentence_end (page->text, lone->prose_start,
                                                          g_utf8_find_prev_char (page->text, page->text + lone->prose_end) - page->text);

          if (lone->ends_sentence && chars <= LONE_CAPTION_CHARS && one_sentence == lone->prose_start
              && !lone->news_lead)
            caption = lone;
        }
      if (caption != NULL)
        {
          caption->role = ROLE_CAPTION;
          add_repair (segment, SD_REPAIR_MOVED_CAPTION, caption->prose_start, caption->prose_end,
                      "photo caption taken out of the body");
        }
      add_repair (segment, SD_REPAIR_MOVED_CAPTION, u->start, u->end, "photo credit taken out of the body");
      g_ptr_array_add (segment->captions, dup_caption (page, caption, u));
    }
}

static void
fill_header (Page *page, Story *story, SdSegment *segment)
{
  const char *text = page->text;

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      switch (u->role)
        {
        case ROLE_HEADLINE:
          set_string (&segment->headline, dup_clean (text, u->text_start, u->text_end));
          break;
        case ROLE_KICKER:
        case ROLE_SUBHEADLINE:
          if (segment->subheadline == NULL)
            segment->subheadline = dup_clean (text, u->text_start, u->text_end);
          break;
        case ROLE_SECTION:
          g_ptr_array_add (segment->section_headings, dup_clean (text, u->text_start, u->text_end));
          break;
        case ROLE_REPORTER:
          if (segment->reporter == NULL)
            segment->reporter = dup_names (text, u->reporter_start, u->reporter_end, FALSE);
          break;
        case ROLE_BODY:
          if (u->news_lead && u->reporter_end > u->reporter_start && segment->reporter == NULL)
            segment->reporter = dup_names (text, u->reporter_start, u->reporter_end, FALSE);
          break;
        case ROLE_BYLINE:
        case ROLE_CREDIT:
        case ROLE_CAPTION:
        case ROLE_STRAY:
        default:
          break;
        }
    }
}

/* ---- paragraphs --------------------------------------------------------- */

typedef struct
{
  GString *text;
  gsize    end; /* page offset where the paragraph's text ends */
  gboolean ends_sentence;
} Paragraph;

/* Appends the unit's prose minus the dropped spans; returns whether anything was kept. */
static gboolean
append_kept_prose (Page *page, Unit *u, const SdTextDrop *drops, guint n_drops,
                   GString *out, gsize *kept_end)
{
  gsize pos = u->prose_start;
  gboolean kept = FALSE;

  for (guint k = 0; k <= n_drops; k++)
    {
      gsize start = pos, end = k < n_drops ? drops[k].start : u->prose_end;

      end = MIN (end, u->prose_end);
      _sd_text_trim (page->text, &start, &end);
      if (end > start)
        {
          g_string_append_len (out, page->text + start, end - start);
          *kept_end = end;
          kept = TRUE;
        }
      if (k < n_drops)
        pos = MAX (pos, drops[k].end);
    }
  return kept;
}

static void
note_drop (Page *page, SdSegment *segment, const SdTextDrop *drop, const SdTextBlock *blocks)
{
  g_autofree char *detail = NULL;

  if (drop->kind == SD_REPAIR_DROPPED_DUPLICATE)
    detail = g_strdup_printf ("repeats the paragraph at byte %" G_GSIZE_FORMAT, blocks[drop->other].start);
  else
    {
      g_autofree char *owner = NULL;

      for (guint i = 0; i < page->units->len && owner == NULL; i++)
        {
          Unit *u = unit_at (page, i);

          if (u->story == drop->other && u->role == ROLE_HEADLINE)
            owner = dup_clean (page->text, u->text_start, u->text_end);
        }
      detail = g_strdup_printf ("text of the story “%s” pasted in", owner != NULL ? owner : "?");
    }
  add_repair (segment, drop->kind, drop->start, drop->end, detail);
}

static gboolean
carries_prose (Unit *u)
{
  return u->role == ROLE_BODY
         || (u->role == ROLE_SECTION && u->shape == SHAPE_BOLD && u->prose_end > u->prose_start);
}

/* Names after the last sentence are a byline only where the story's text
 * stops; "…40多人次。典型示" followed by "范走在前…" is a word cut in two. */
static void
settle_tails (Page *page, Story *story, const gboolean *kept)
{
  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      u->tail_kept = u->tail_credit;
      if (!u->tail_names || u->tail_credit)
        continue;
      u->tail_kept = TRUE;
      for (guint j = i + 1; j <= story->last; j++)
        {
          Unit *next = unit_at (page, j);

          if (next->role == ROLE_SECTION || next->role == ROLE_HEADLINE)
            break;
          if (next->role == ROLE_BODY && kept[j - story->first])
            {
              u->tail_kept = FALSE;
              break;
            }
        }
      if (!u->tail_kept)
        {
          u->tail_names = FALSE;
          u->prose_end = u->tail_end;
          u->ends_sentence = _sd_text_ends_sentence (page->text, u->prose_start, u->prose_end);
        }
    }
}

static void
build_paragraphs (Page *page, Story *story, SdSegment *segment,
                  const SdTextBlock *blocks, const guint *block_of_unit,
                  const SdTextDrop *drops, const guint *drop_first)
{
  const char *text = page->text;
  Paragraph para = { NULL, 0, TRUE };
  g_autofree gboolean *kept = g_new0 (gboolean, story->last - story->first + 1);

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);
      guint block = block_of_unit[i];
      g_autoptr (GString) scratch = g_string_new (NULL);
      gsize kept_end;

      if (carries_prose (u))
        kept[i - story->first] = append_kept_prose (page, u, block != NONE ? drops + drop_first[block] : NULL,
                                                    block != NONE ? drop_first[block + 1] - drop_first[block] : 0,
                                                    scratch, &kept_end);
    }
  settle_tails (page, story, kept);

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);
      guint block = block_of_unit[i];
      const SdTextDrop *own = block != NONE ? drops + drop_first[block] : NULL;
      guint n_own = block != NONE ? drop_first[block + 1] - drop_first[block] : 0;
      g_autoptr (GString) piece = g_string_new (NULL);
      gsize kept_end = 0;

      if (u->role == ROLE_SECTION)
        para.ends_sentence = TRUE; /* never join across a heading */
      if (!carries_prose (u))
        continue;

      for (guint k = 0; k < n_own; k++)
        note_drop (page, segment, &own[k], blocks);
      if (!append_kept_prose (page, u, own, n_own, piece, &kept_end))
        continue;

      if (para.text != NULL && !para.ends_sentence)
        {
          g_string_append (para.text, piece->str);
          add_repair (segment, SD_REPAIR_JOINED_BREAK, para.end, u->prose_start,
                      "paragraph broken mid-sentence at a column end, joined again");
        }
      else
        {
          if (para.text != NULL)
            g_ptr_array_add (segment->paragraphs, g_string_free (para.text, FALSE));
          para.text = g_string_new (piece->str);
        }
      para.end = kept_end;
      para.ends_sentence = _sd_text_ends_sentence (text, u->prose_start, kept_end);
      if (u->tail_names && kept_end == u->prose_end)
        add_repair (segment, SD_REPAIR_SPLIT_BYLINE, u->tail_start, u->tail_end,
                    "names glued to the last sentence split off as the byline");
      else if (u->tail_names)
        u->tail_kept = FALSE; /* left out with the text it closed */
    }
  if (para.text != NULL)
    {
      g_ptr_array_add (segment->paragraphs, g_string_free (para.text, FALSE));
      if (!para.ends_sentence)
        {
          segment->truncated = TRUE;
          add_repair (segment, SD_REPAIR_TRUNCATED, para.end, para.end,
                      "ends in mid-sentence: the rest is not on this page");
        }
    }
}

/* The last byline wins: a line of its own, else names glued to a paragraph. */
static void
fill_byline (Page *page, Story *story, SdSegment *segment)
{
  const char *text = page->text;

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      if (u->role == ROLE_BYLINE)
        set_string (&segment->byline, dup_names (text, u->names_start, u->names_end,
                                                 u->shape == SHAPE_CREDITS));
      else if (u->role == ROLE_CREDIT && segment->kind == SD_STORY_KIND_PHOTO
               && u->names_end > u->names_start)
        set_string (&segment->byline, dup_names (text, u->names_start, u->names_end, FALSE));
      else if (carries_prose (u) && u->tail_names && u->tail_kept)
        set_string (&segment->byline, dup_names (text, u->names_start, u->names_end, FALSE));
    }
}

static SdStoryKind
decide_kind (Page *page, Story *story, SdSegment *segment)
{
  gboolean news_lead = FALSE;
  gsize chars = 0;

  for (guint i = story->first; i <= story->last; i++)
    {
      Unit *u = unit_at (page, i);

      if (u->role != ROLE_BODY)
        continue;
      if (u->continued)
        return SD_STORY_KIND_CONTINUATION;
      news_lead |= u->news_lead;
      break;
    }
  if (is_photo_story (page, story))
    return SD_STORY_KIND_PHOTO;
  for (guint i = 0; i < segment->paragraphs->len; i++)
    chars += _sd_text_count_chars (g_ptr_array_index (segment->paragraphs, i), 0,
                                   strlen (g_ptr_array_index (segment->paragraphs, i)));
  /* a cut-off feature is judged by its likely length, a 本报讯 item is short anyway */
  if (chars < BRIEF_MAX_CHARS && segment->section_headings->len == 0
      && (news_lead || !segment->truncated))
    return SD_STORY_KIND_BRIEF;
  return SD_STORY_KIND_NEWS;
}

static GPtrArray *
build_segments (Page *page)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_segment_free);
  g_autoptr (GArray) blocks = g_array_new (FALSE, FALSE, sizeof (SdTextBlock));
  g_autofree guint *block_of_unit = g_new (guint, page->units->len + 1);
  g_autofree guint *drop_first = NULL;
  g_autoptr (GArray) drops = NULL;
  g_autoptr (GPtrArray) built = g_ptr_array_new ();

  /* captions first: they are not body text and must not count as repeats */
  for (guint s = 0; s < page->stories->len; s++)
    {
      SdSegment *segment = sd_segment_new ();

      g_ptr_array_add (built, segment);
      if (!is_photo_story (page, story_at (page, s)))
        collect_captions (page, story_at (page, s), segment);
    }

  for (guint i = 0; i < page->units->len; i++)
    {
      Unit *u = unit_at (page, i);
      SdTextBlock block = { u->prose_start, u->prose_end, u->story, FALSE };

      block_of_unit[i] = NONE;
      if (u->story == NONE)
        continue;
      if (u->role == ROLE_HEADLINE || u->role == ROLE_KICKER || u->role == ROLE_SUBHEADLINE)
        {
          block.start = u->text_start;
          block.end = u->text_end;
          block.vocabulary_only = TRUE;
        }
      else if (!carries_prose (u))
        continue;
      block_of_unit[i] = blocks->len;
      g_array_append_val (blocks, block);
    }
  drops = _sd_ocr_find_repeats (page->text, (SdTextBlock *) blocks->data, blocks->len,
                                page->stories->len);
  drop_first = g_new0 (guint, blocks->len + 1);
  for (guint k = 0; k < drops->len; k++)
    drop_first[g_array_index (drops, SdTextDrop, k).block + 1]++;
  for (guint b = 0; b < blocks->len; b++)
    drop_first[b + 1] += drop_first[b];

  for (guint s = 0; s < page->stories->len; s++)
    {
      Story *story = story_at (page, s);
      SdSegment *segment = g_ptr_array_index (built, s);

      segment->start = unit_at (page, story->first)->start;
      segment->end = unit_at (page, story->last)->end;
      fill_header (page, story, segment);
      build_paragraphs (page, story, segment, (SdTextBlock *) blocks->data, block_of_unit,
                        (SdTextDrop *) drops->data, drop_first);
      segment->kind = decide_kind (page, story, segment);
      fill_byline (page, story, segment);
      if (segment->headline == NULL && segment->paragraphs->len == 0)
        {
          sd_segment_free (segment);
          continue;
        }
      g_ptr_array_add (segments, segment);
    }
  return segments;
}

/* Offsets must stay valid, so bad bytes become '?' in place. */
static char *
dup_valid_utf8 (const char *text, gsize length)
{
  char *copy = g_memdup2 (text, length + 1);
  const char *end;

  copy[length] = '\0';
  for (gsize pos = 0; pos < length;)
    {
      if (g_utf8_validate (copy + pos, length - pos, &end))
        break;
      pos = end - copy;
      copy[pos++] = '?';
    }
  for (gsize pos = 0; pos < length; pos++)
    if (copy[pos] == '\0')
      copy[pos] = ' ';
  return copy;
}

/**
 * sd_segmenter_split:
 * @text: the page, UTF-8
 * @length: its length in bytes
 *
 * Returns: (transfer full) (element-type SdSegment): the stories in page order.
 */
GPtrArray *
sd_segmenter_split (const char *text, gsize length)
{
  g_autofree char *valid = NULL;
  Page page = { .text = text, .length = length };
  GPtrArray *segments;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sd_segment_free);
  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    page.text = valid = dup_valid_utf8 (text, length);

  page.units = g_array_new (FALSE, FALSE, sizeof (Unit));
  page.stories = g_array_new (FALSE, FALSE, sizeof (Story));
  scan_units (&page);
  measure_usual_gap (&page);
  assign_stories (&page);
  segments = build_segments (&page);
  if (g_getenv ("SD_SEG_DEBUG"))
    for (guint i = 0; i < page.units->len; i++)
      {
        Unit *u = unit_at (&page, i);
        g_autofree char *t = g_strndup (page.text + u->start, MIN (u->end - u->start, 45));
        fprintf (stderr, "%3u s%-3d shape%d role%d title%d sec%d ends%d tailn%d tailc%d kept%d md%d | %s\n", i,
                    (int) u->story, u->shape, u->role, u->title, u->section_shape, u->ends_sentence,
                    u->tail_names, u->tail_credit, u->tail_kept, u->md_level, t);
      }
  g_array_unref (page.units);
  g_array_unref (page.stories);
  return segments;
}
