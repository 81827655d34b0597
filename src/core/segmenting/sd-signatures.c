/* sd-signatures.c — names and credits glued after a story's last sentence
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter: the signature a story's last paragraph ends
 * with, after its last sentence: names (…坚强力量。袁腊梅 韩丹), a pen name
 * or an agency in brackets (…。（心诺）, …。（人民日报）), a photo's credit
 * (…。张仁勇摄影报道) or a reporter with a role (…。扬子晚报/紫牛新闻记者梅方滢).
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

#include "sd-text-util.h"

/* Any comma, the 、 that parts names included. */
static gboolean
has_comma (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (_sd_seg_is_comma (_sd_text_get_char (p)))
      return TRUE;
  return FALSE;
}

/* What a bracket after a story's last sentence holds that is no signature:
 * "（完）", "（未完待续）", "（上）" */
static const char *const bracket_notes[] = {
  "完", "续", "待续", "未完待续", "上", "中", "下", "图", "略", "摘编", "节选", "有删节",
};

/* Agencies and papers sign reprinted stories: "（人民日报）", "（新华社）". */
static const char *const agency_suffixes[] = {
  "日报", "晚报", "新华社", "报", "社", "网", "电视台", "融媒体中心", "客户端",
};

/* "（苏州广电总台记者 杨民）", "（通讯员 李四）": the names follow the role. */
static void
skip_signature_role (const char *text, gsize *start, gsize end)
{
  for (const char *p = text + *start; p < text + end; p = g_utf8_next_char (p))
    {
      gsize after;

      if (_sd_seg_has_role_prefix (text, p - text, end, &after))
        {
          *start = _sd_text_skip_spaces (text, after, end);
          return;
        }
    }
}

/* "朱冬娅、见习记者 姚程玉": names, a 、, a role and names. */
static gboolean
names_before_role (const char *text, gsize start, gsize end)
{
  const char *mark = g_strstr_len (text + start, end - start, "、");
  gsize       role, after;

  if (mark == NULL)
    return FALSE;
  role = _sd_seg_skip_spaces (text, g_utf8_next_char (mark) - text, end);
  return _sd_text_is_name_list (text, start, mark - text, TRUE)
         && _sd_seg_has_role_prefix (text, role, end, &after)
         && _sd_text_is_name_list (text, after, end, FALSE);
}

/* Offices sign what they send in: "（扬州市作协）", "（徐溜镇党史教办）". */
static const char *const office_suffixes[] = {
  "办", "局", "委", "协", "联", "会", "中心", "站", "所", "部", "处", "科", "院", "队", "馆",
};

/* "（吉文化孙晓璐张开虎宋文文）": names of two or three characters run
 * together, two or more, each opening with a surname (three-character
 * names tried first, as most are). */
static gboolean
is_glued_names (const char *text, gsize start, gsize end, guint depth)
{
  gsize two, three;

  if (start >= end)
    return start == end && depth >= 2;
  if (depth == 6 || !_sd_text_is_surname (_sd_text_get_char (text + start)))
    return FALSE;
  two = _sd_seg_skip_char (text, _sd_seg_skip_char (text, start));
  three = two < end ? _sd_seg_skip_char (text, two) : end + 1;
  return is_glued_names (text, three, end, depth + 1) || is_glued_names (text, two, end, depth + 1);
}

/* The Han characters of [@start, @end), or 0 where it holds anything
 * else or more than 12. */
static guint
count_han (const char *text, gsize start, gsize end)
{
  guint n = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p), n++)
    if (!_sd_text_is_han (_sd_text_get_char (p)) || n == 12)
      return 0;
  return n;
}

gboolean
_sd_seg_names_run_together (const char *text, gsize start, gsize end)
{
  return count_han (text, start, end) >= 6 && is_glued_names (text, start, end, 0);
}

gboolean
_sd_seg_names_office (const char *text, gsize start, gsize end)
{
  guint n = count_han (text, start, end);

  if (n < 4)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (office_suffixes); i++)
    if (n <= 10 && _sd_text_has_suffix (text, start, end, office_suffixes[i]))
      return TRUE;
  return is_glued_names (text, start, end, 0);
}

/* A pen name "（心诺）", an agency or an office, alone in brackets after
 * the last sentence: two to ten Han characters that are no note; past
 * three, an agency's or an office's name or names run together. */
static gboolean
is_bracketed_signature (const char *text, gsize start, gsize end)
{
  guint n = count_han (text, start, end);

  if (n < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (bracket_notes); i++)
    if (end - start == strlen (bracket_notes[i])
        && memcmp (text + start, bracket_notes[i], end - start) == 0)
      return FALSE;
  if (n <= 3)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (agency_suffixes); i++)
    if (n <= 6 && _sd_text_has_suffix (text, start, end, agency_suffixes[i]))
      return TRUE;
  return _sd_seg_names_office (text, start, end);
}

/* "（常州日报 徐维庆 马浩剑）": the paper before the names, set apart by a
 * space. */
static void
skip_signature_medium (const char *text, gsize *start, gsize end)
{
  gsize space = *start;

  while (space < end && !_sd_text_is_space (_sd_text_get_char (text + space)))
    space = _sd_seg_skip_char (text, space);
  if (space >= end || _sd_text_count_chars (text, *start, space, 12) > 10)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (agency_suffixes); i++)
    if (_sd_text_has_suffix (text, *start, space, agency_suffixes[i]))
      {
        *start = _sd_text_skip_spaces (text, space, end);
        return;
      }
}

/* "供稿人：王艳，颜国庆": a short label and its colon, then names parted by
 * commas. */
static gboolean
lists_names (const char *text, gsize *start, gsize end)
{
  gsize names = *start, part;
  guint n = 0;

  for (const char *p = text + *start; p < text + end && n <= 5; p = g_utf8_next_char (p), n++)
    if (_sd_seg_char_in ("：:", _sd_text_get_char (p)))
      {
        names = g_utf8_next_char (p) - text;
        break;
      }
  part = names;
  for (gsize p = part; p <= end; p = p < end ? _sd_seg_skip_char (text, p) : end + 1)
    if (p == end || _sd_seg_is_comma (_sd_text_get_char (text + p)))
      {
        if (!_sd_text_is_name_list (text, part, p, TRUE))
          return FALSE;
        part = p < end ? _sd_seg_skip_char (text, p) : end;
      }
  *start = names;
  return TRUE;
}

/* "全媒体记者 辛一 通讯员 杨志国 刘亚": roles and names, Han and spaces
 * only, a reporter's or correspondent's role among them. */
static gboolean
names_roles (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (!_sd_text_is_han (_sd_text_get_char (p)) && !_sd_text_is_space (_sd_text_get_char (p)))
      return FALSE;
  return _sd_text_contains (text, start, end, "记者")
         || _sd_text_contains (text, start, end, "通讯员");
}

/* "新华社发": an agency that sends a photo (…社, …网), a few characters. */
static gboolean
sends_photo (const char *text, gsize start, gsize end)
{
  guint n = _sd_text_count_chars (text, start, end, 8);

  return n >= 3 && n <= 7
         && (_sd_text_has_suffix (text, start, end, "社发")
             || _sd_text_has_suffix (text, start, end, "网发"))
         && !_sd_seg_has_sentence_mark (text, start, end) && !has_comma (text, start, end);
}

/* Whether [@start, @end) is one bracket: "（…）". */
static gboolean
is_bracketed (const char *text, gsize start, gsize end)
{
  gsize inner_start = start, inner_end = end;

  return _sd_text_strip_brackets (text, &inner_start, &inner_end);
}

/* A bracket of names and the roles they had in a photo: 供图, 摄影师:…,
 * opening with a name, not a note ("（图为…摄）" holds a sentence). */
static gboolean
credits_photo (const char *text, gsize start, gsize end)
{
  return _sd_text_is_han (_sd_text_first_char (text, start, end))
         && (_sd_text_contains (text, start, end, "供图")
             || _sd_text_contains (text, start, end, "摄影"))
         && !_sd_seg_has_sentence_mark (text, start, end);
}

/* Names (and maybe a credit) glued after the last sentence:
 * "…坚强力量。袁腊梅 韩丹", "…日常巡查。史春雨 秦海 文/图". */
/* Where a tail glued after the last sentence end (and its closing marks)
 * starts, or @start when what follows that end cannot be names: a comma,
 * or more than TAIL_MAX_CHARS characters.  Walks back no further. */
static gsize
find_tail_start (const char *text, gsize start, gsize end)
{
  const char *p = text + end;
  guint       walked = 0;
  gboolean    inside = FALSE; /* in a bracket that closes the text: commas may part names */

  while ((p = _sd_text_prev_char (text + start, p)) != NULL)
    {
      gunichar c = _sd_text_get_char (p);

      if (_sd_text_is_sentence_end (c))
        return _sd_text_skip_closing (text, g_utf8_next_char (p) - text, end);
      if ((c == ')' || c == 0xFF09) && walked == 0)
        inside = TRUE;
      else if (c == '(' || c == 0xFF08)
        inside = FALSE;
      /* closing marks right after the end are no part of the tail */
      if ((_sd_seg_is_comma (c) && !inside)
          || (!_sd_text_is_space (c) && !_sd_text_is_closing (c) && ++walked > TAIL_MAX_CHARS))
        return start;
    }
  return start;
}

/* "…下图为采风团一行 的照片 庄学兵摄影报道。": a photographer who reports
 * signs the story with a full stop of its own, set apart from the text
 * before by a space or a sentence's end (the text may stop short of one).
 * Says whether it found one, and narrows the unit's prose. */
static gboolean
find_stopped_photographer (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       stop = u->prose_end, names_start, names_end;
  const char *last = _sd_text_prev_char (text + u->prose_start, text + stop), *p;
  guint       n = 0;

  if (last == NULL || !_sd_text_is_sentence_end (_sd_text_get_char (last)))
    return FALSE;
  names_end = last - text;
  if (!_sd_text_has_suffix (text, u->prose_start, names_end, "摄影报道"))
    return FALSE;
  names_end -= strlen ("摄影报道");
  _sd_text_trim (text, &u->prose_start, &names_end);
  /* back over the names to the space or the sentence end before them */
  for (p = text + names_end; (p = _sd_text_prev_char (text + u->prose_start, p)) != NULL && n < 12;
       n++)
    {
      gunichar c = _sd_text_get_char (p);

      /* or a closing quote OCR read for the space ("…的照片”庄学兵摄影报道。") */
      if (_sd_text_is_space (c) || _sd_text_is_sentence_end (c) || c == 0x201D)
        break;
    }
  if (p == NULL || n == 12)
    return FALSE;
  names_start = g_utf8_next_char (p) - text;
  if (!_sd_text_is_name_list (text, names_start, names_end, TRUE))
    return FALSE;
  /* the story's byline, no photo's credit: the photo is printed apart */
  u->tail_names = TRUE;
  u->tail_start = names_start;
  u->tail_end = u->prose_end;
  u->names_start = names_start;
  u->names_end = names_end;
  u->prose_end = names_start;
  _sd_text_trim (text, &u->prose_start, &u->prose_end);
  return TRUE;
}

/* @end with the spaces before it left out */
static gsize
trim_end (const char *text, gsize start, gsize end)
{
  _sd_text_trim_spaces (text, &start, &end);
  return end;
}

void
_sd_seg_find_glued_tail (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       tail = find_tail_start (text, u->prose_start, u->prose_end);
  gsize       tail_end = u->prose_end, names_start, names_end, cut;

  if (tail >= tail_end && find_stopped_photographer (page, u))
    return;
  if (tail <= u->prose_start || tail >= tail_end)
    return;
  /* a closing mark OCR read apart from its sentence ("…景象。 ”全媒体记者…")
   * is no part of the names */
  cut = tail;
  tail = _sd_seg_skip_spaces (text, tail, tail_end);
  tail = _sd_seg_skip_spaces (text, _sd_text_skip_closing (text, tail, tail_end), tail_end);
  /* names in brackets may be parted by commas: "（供稿人：王艳，颜国庆）" */
  if (_sd_text_count_chars (text, tail, tail_end, TAIL_MAX_CHARS) > TAIL_MAX_CHARS
      || (has_comma (text, tail, tail_end) && !is_bracketed (text, tail, tail_end)))
    return;
  names_start = tail;
  /* "…认可。” □ 赵紫妍": the box that marks a reporter line marks names
   * glued to the last sentence too */
  if (_sd_seg_is_box_char (_sd_text_first_char (text, tail, tail_end)))
    names_start = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, tail), tail_end);
  /* and so does the box OCR read as a character drawn in one, set apart by
   * a space ("…认可。” ”口 赵紫妍"): the names after it must still be names */
  else if (_sd_seg_char_in ("口囗国图回", _sd_text_first_char (text, tail, tail_end))
           && _sd_seg_skip_char (text, tail) < tail_end
           && _sd_text_is_space (_sd_text_get_char (text + _sd_seg_skip_char (text, tail))))
    names_start = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, tail), tail_end);
  names_end = tail_end;
  if (_sd_text_strip_credit (text, names_start,
                             _sd_seg_cut_bracketed_agency (text, names_start, tail_end),
                             &names_start, &names_end))
    {
      u->tail_credit = TRUE;
      u->tail_names = _sd_text_is_name_list (text, names_start, names_end, FALSE);
    }
  else
    {
      /* "…。（王某）", "…。(记者 王某)" */
      gboolean bracketed = _sd_text_strip_brackets (text, &names_start, &names_end);

      /* "(沙佳仪 供图:栖霞视点 摄影师:吴良伟)": a photo's credits, roles and all */
      gsize after;

      if (bracketed && credits_photo (text, names_start, names_end))
        u->tail_credit = TRUE;
      /* "…安全。张仁勇摄影报道" (or 张仁勇 摄影报道): the photographer reports */
      else if (!bracketed && _sd_text_has_suffix (text, names_start, names_end, "摄影报道")
               && _sd_text_is_name_list (
                   text, names_start, trim_end (text, names_start, names_end - strlen ("摄影报道")),
                   FALSE))
        {
          u->tail_credit = u->tail_names = TRUE;
          names_end = trim_end (text, names_start, names_end - strlen ("摄影报道"));
        }
      /* "…景象。 全媒体记者 辛一 通讯员 杨志国 刘亚 摄影报道": reporters with
       * their roles sign the whole report, no photo of its own */
      else if (!bracketed && _sd_text_has_suffix (text, names_start, names_end, "摄影报道")
               && names_roles (text, names_start,
                               trim_end (text, names_start, names_end - strlen ("摄影报道"))))
        {
          u->tail_names = TRUE;
          names_end = trim_end (text, names_start, names_end - strlen ("摄影报道"));
        }
      /* "…集聚。 新华社发": an agency sends the photo */
      else if (!bracketed && sends_photo (text, names_start, names_end))
        {
          u->tail_credit = TRUE;
          names_end -= strlen ("发");
        }
      /* "（记者方方 通讯员高明）": names after roles, glued to them; without
       * brackets when a role opens them ("…洗礼。通讯员谢立平记者李波") */
      else if ((bracketed || _sd_seg_has_role_prefix (text, names_start, names_end, &after))
               && _sd_seg_lists_reporters (text, names_start, names_end))
        u->tail_names = TRUE;
      else
        {
          /* "（朱冬娅、见习记者 姚程玉）": names before the role sign too */
          if (bracketed && !names_before_role (text, names_start, names_end))
            skip_signature_role (text, &names_start, names_end);
          if (bracketed)
            skip_signature_medium (text, &names_start, names_end);
          /* "（文/董语婷）": the writer */
          if (bracketed)
            names_start = _sd_seg_skip_writer_prefix (text, names_start, names_end);
          /* "…幸福感。扬子晚报/紫牛新闻记者梅方滢": the role before the names */
          else if (_sd_seg_has_role_prefix (text, names_start, names_end, &after))
            names_start = _sd_seg_skip_spaces (text, after, names_end);
          if (!_sd_text_is_name_list (text, names_start, names_end, FALSE)
              && !(bracketed && is_bracketed_signature (text, names_start, names_end))
              && !(bracketed && lists_names (text, &names_start, names_end))
              && !(bracketed && names_before_role (text, names_start, names_end)))
            return;
          u->tail_names = TRUE;
        }
    }
  u->tail_start = tail;
  u->tail_end = tail_end;
  u->names_start = names_start;
  u->names_end = names_end;
  u->prose_end = cut;
  _sd_text_trim (text, &u->prose_start, &u->prose_end);
}

/* "CICPHOTO/汤德宏 摄": a picture agency's Latin name and a slash before
 * a photographer's credit (CFP/, VCG/ alike).  Returns where the credit
 * starts past it, or @start. */
gsize
_sd_seg_skip_latin_agency (const char *text, gsize start, gsize end)
{
  gsize pos = start;

  while (pos < end && g_ascii_isupper (text[pos]))
    pos++;
  if (pos - start < 2 || pos >= end || !_sd_seg_char_in ("/／", _sd_text_get_char (text + pos)))
    return start;
  pos = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, pos), end);
  return pos < end && _sd_text_is_han (_sd_text_get_char (text + pos)) ? pos : start;
}

/* "记 者 孟庆斗": a reporter's role set out with spaces between its
 * characters, to line up with 通讯员 under it, closed up in place in
 * @names, so that the role is a word of its own and is left out as 记者
 * is.  A spaced 通 讯 员 after a reporter's names stays as printed, the
 * credit the reporter field keeps ("王正道 通 讯 员 刘佩珩"). */
void
_sd_seg_close_spaced_roles (char *names)
{
  gsize end = strlen (names), after;

  for (gsize pos = 0; pos < end;)
    {
      gsize out = pos;

      if ((pos > 0 && names[pos - 1] != ' ') || pos + 3 >= end || names[pos + 3] != ' '
          || !_sd_seg_has_role_prefix (names, pos, end, &after)
          || !_sd_text_contains (names, pos, after, "者"))
        {
          pos = _sd_seg_skip_char (names, pos);
          continue;
        }
      /* the role's own characters only: spaces after it part the names */
      while (after > pos && names[after - 1] == ' ')
        after--;
      for (gsize k = pos; k < after; k++)
        if (names[k] != ' ')
          names[out++] = names[k];
      memmove (names + out, names + after, end - after + 1);
      end -= after - out;
      pos = out;
    }
}

/* A copy of @names with a space before each role glued to the name before
 * it ("通讯员谢立平记者李波" gives "通讯员谢立平 记者李波"), so that each name
 * and its role are a word; a role after anything but a name (a post, "驻张
 * 家港首席记者") stays glued. */
char *
_sd_seg_dup_roles_apart (const char *names)
{
  GString *out = g_string_sized_new (strlen (names) + 8);
  gsize    end = strlen (names), run = 0, after;

  for (gsize pos = 0; pos < end;)
    {
      if (_sd_text_is_space (_sd_text_get_char (names + pos)))
        run = pos + 1;
      else if (_sd_seg_has_role_prefix (names, pos, end, &after))
        {
          if (pos > run && _sd_text_is_name_list (names, run, pos, TRUE))
            g_string_append_c (out, ' ');
          g_string_append_len (out, names + pos, after - pos);
          pos = run = after;
          continue;
        }
      g_string_append_len (out, names + pos, _sd_seg_skip_char (names, pos) - pos);
      pos = _sd_seg_skip_char (names, pos);
    }
  return g_string_free (out, FALSE);
}
