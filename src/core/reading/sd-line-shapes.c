/* sd-line-shapes.c — what one text line of a page reads as: blank, a
 * lead's opening, a title's shape, a clause or a bracket left open, a 副题
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each asks of one line alone; how lines relate (the column's edge, what
 * runs on into what) is sd-line-structure.c's.
 */
#define G_LOG_DOMAIN "sd-line-structure"

#include "config.h"

#include "sd-line-shapes-private.h"

#include "sd-text-util.h"

gboolean
_sd_line_is_blank (const SdTextLine *line)
{
  return line->text_start == line->text_end;
}

/* How a story's first lines open when they are not indented. */
static const char *const lead_marks[] = {
  "本报讯", "本报记者", "记者", "通讯员", "新华社", "□", "■", "◇", "◆", "▶", "▲", "●",
};

gboolean
_sd_line_opens_lead (const char *text, const SdTextLine *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (lead_marks); i++)
    if (_sd_text_has_prefix (text, line->text_start, line->text_end, lead_marks[i]))
      return TRUE;
  return FALSE;
}

/* "中新社苏州5月27日电 题:…", "中新社记者 周兆军 申冉 李梦 葛": an
 * agency's dateline or its reporter line opens the line, which runs on
 * however it reads (a title the dateline restates, a name cut in two). */
#define WIRE_DATELINE_BYTES (20 * 3)
#define WIRE_REPORTER_BYTES (8 * 3)

gboolean
_sd_line_opens_wire_lead (const char *text, const SdTextLine *line)
{
  gsize start = line->text_start;

  return _sd_text_contains (text, start, MIN (line->text_end, start + WIRE_DATELINE_BYTES), "日电")
         || _sd_text_contains (text, start, MIN (line->text_end, start + WIRE_REPORTER_BYTES),
                               "记者");
}

/* A clause left open at the line's end (a comma, 、 or ;): a sentence
 * goes on, and no title comes next. */
gboolean
_sd_line_ends_open_clause (const char *text, const SdTextLine *line)
{
  gunichar last = _sd_text_last_char (text, line->text_start, line->text_end);

  return last == 0xFF0C || last == ',' || last == 0x3001 || last == 0xFF1B || last == ';';
}

/* No sentence, and no clause left open at its end: what a title, a
 * kicker or a section head is ("梁溪今年改造老旧小区47个,惠及3.3万余人"). */
gboolean
_sd_line_is_title_like (const char *text, const SdTextLine *line)
{
  return !_sd_line_ends_open_clause (text, line)
         && !_sd_text_contains (text, line->text_start, line->text_end, "。");
}

/* A line of no sentence, or a title asking or exclaiming ("…大商机！"):
 * one sentence ending in ！ or ？ with no closing quote after it. */
gboolean
_sd_line_is_title_or_cry (const char *text, const SdTextLine *line)
{
  gunichar last = _sd_text_last_char (text, line->text_start, line->text_end);

  if (!_sd_line_is_title_like (text, line))
    return FALSE;
  return !line->ends_sentence || last == 0xFF01 || last == 0xFF1F || last == '!' || last == '?';
}

/* How many round brackets the line leaves open at its end: a bracket
 * never closes in a line of its own, so a line that leaves one open goes
 * on in the next one (a credit "周永摄(人民图片" / "网)", a reporter
 * line "(记者 刘蔚 通讯" / "员 朱正艳)"). */
static int
open_brackets (const char *text, const SdTextLine *line)
{
  int depth = 0;

  for (const char *p = text + line->text_start; p < text + line->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == '(' || c == 0xFF08)
        depth++;
      else if ((c == ')' || c == 0xFF09) && depth > 0)
        depth--;
    }
  return depth;
}

/* The line closes a bracket before it opens one: the rest of a bracket
 * the line above left open. */
static gboolean
closes_bracket (const char *text, const SdTextLine *line)
{
  for (const char *p = text + line->text_start; p < text + line->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == ')' || c == 0xFF09)
        return TRUE;
      if (c == '(' || c == 0xFF08)
        return FALSE;
    }
  return FALSE;
}

gboolean
_sd_line_goes_on_in_bracket (const char *text, const SdTextLine *a, const SdTextLine *b)
{
  return !_sd_line_is_blank (b) && !b->indented && open_brackets (text, a) > 0
         && closes_bracket (text, b);
}

/* A 副题 opens with a dash and is its header's last line: where it
 * reaches the column's edge, its rest follows ("——艰苦奋斗点燃穷苦村落幸福生"
 * / "活的希望"). */
gboolean
_sd_line_opens_subtitle (const char *text, const SdTextLine *line)
{
  return !line->indented && _sd_text_first_char (text, line->text_start, line->text_end) == 0x2014;
}

/* A quotation closes at the line's end ("…作用。”"): what follows may
 * name who said it ("来自英国的…欧文说。"), the paragraph going on. */
gboolean
_sd_line_ends_quote (const char *text, const SdTextLine *line)
{
  gunichar last = _sd_text_last_char (text, line->text_start, line->text_end);

  return line->ends_sentence && (last == 0x201D || last == 0x300D || last == '"');
}
