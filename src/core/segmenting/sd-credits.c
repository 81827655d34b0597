/* sd-credits.c — who wrote a story, as a page prints it
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter: where reporters, bylines and credits are
 * recognised.  Reporter lines (□ 本报记者 X, ■融媒体记者 X), lines of
 * names, photo credits (X 摄, (X供图)), credit lines (（参与记者：…）, 文/X)
 * and names glued after a story's last sentence (…坚强力量。袁腊梅 韩丹,
 * …。（心诺）, …。（人民日报）).
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include "sd-segmenter-private.h"

#include "sd-text-util.h"

static const char *const reporter_roles[] = {
  "本报特约记者", "本报通讯员", "本报记者", "特约记者", "见习记者", "通讯员", "实习生", "记者",
};

static const char *const writer_prefixes[] = {
  "文/",
  "文／",
  "文：",
  "文:",
};

static const char *const credit_roles[] = {
  "记者", "通讯员", "整理", "编辑", "撰稿", "执笔", "摄影", "供图", "文/图",
};

static gboolean
names_medium (const char *text, gsize start, gsize end)
{
  /* or a reporter's post and rank: "驻张家港首席记者" */
  if (_sd_text_has_suffix (text, start, end, "媒体")
      || _sd_text_has_suffix (text, start, end, "新闻")
      || _sd_text_has_prefix (text, start, end, "驻")
      || _sd_text_has_suffix (text, start, end, "首席"))
    return TRUE;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (_sd_seg_char_in ("报社台网端", _sd_text_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_medium_char (gunichar c)
{
  return _sd_text_is_han (c) || (c < 0x80 && g_ascii_isalpha (c)) || c == '/' || c == 0x00B7;
}

/* "通 讯 员": a role set out with a space between its characters, to
 * line up with 记者 above it; where it ends goes to @after. */
static gboolean
has_spaced_prefix (const char *text, gsize start, gsize end, const char *word, gsize *after)
{
  gsize pos = start;

  for (const char *w = word; *w != '\0'; w = g_utf8_next_char (w))
    {
      if (w != word)
        pos = _sd_seg_skip_spaces (text, pos, end);
      if (pos >= end || _sd_text_get_char (text + pos) != _sd_text_get_char (w))
        return FALSE;
      pos = _sd_seg_skip_char (text, pos);
    }
  *after = pos;
  return TRUE;
}

static gboolean
find_role (const char *text, gsize start, gsize end, gsize *after)
{
  gsize pos = start;

  for (guint i = 0; i < G_N_ELEMENTS (reporter_roles); i++)
    if (_sd_text_has_prefix (text, start, end, reporter_roles[i]))
      {
        *after = start + strlen (reporter_roles[i]);
        return TRUE;
      }
  /* spaced out, only where the role's first character is followed by a
   * space: most lines are let go at once */
  if (start + 3 < end && text[start + 3] == ' ')
    for (guint i = 0; i < G_N_ELEMENTS (reporter_roles); i++)
      if (has_spaced_prefix (text, start, end, reporter_roles[i], after))
        return TRUE;
  /* the medium before the role: "融媒体记者", "新华社记者",
   * "南京日报/紫金山新闻记者", "现代快报/ZAKER南京记者"; it names a paper,
   * an agency, a station or a site ("老党员向记者讲述…" names none) */
  for (guint n = 0; n < 16 && pos < end && is_medium_char (_sd_text_get_char (text + pos)); n++)
    {
      pos = _sd_seg_skip_char (text, pos);
      /* the role's first bytes first: most text holds no role here */
      if (n >= 1 && pos < end && (text[pos] == "记"[0] || text[pos] == "通"[0])
          && (_sd_text_has_prefix (text, pos, end, "记者")
              || _sd_text_has_prefix (text, pos, end, "通讯员"))
          && names_medium (text, start, pos))
        {
          *after = pos
                   + (_sd_text_has_prefix (text, pos, end, "记者") ? strlen ("记者")
                                                                   : strlen ("通讯员"));
          return TRUE;
        }
    }
  return FALSE;
}

/* Roles that name a writer only before a colon: "作者:耿敬东 李沛生", where
 * "作者在文中…" is prose. */
static const char *const colon_roles[] = { "作者", "撰文", "文字" };

gboolean
_sd_seg_has_role_prefix (const char *text, gsize start, gsize end, gsize *after)
{
  gsize    role_end = start;
  gboolean found = find_role (text, start, end, &role_end);

  for (guint i = 0; !found && i < G_N_ELEMENTS (colon_roles); i++)
    if (_sd_text_has_prefix (text, start, end, colon_roles[i]))
      {
        role_end = start + strlen (colon_roles[i]);
        /* the word alone, as a field of names splits "作者 园消" */
        found = role_end == end
                || (role_end < end && _sd_seg_char_in (":：", _sd_text_get_char (text + role_end)));
        /* "作者 耿敬东 李沛生": or a space, when names alone follow to the end */
        if (!found && role_end < end && _sd_text_is_space (_sd_text_get_char (text + role_end)))
          found = _sd_text_is_name_list (text, role_end, end, FALSE);
      }
  /* @after is left alone unless there is a role */
  if (!found)
    return FALSE;
  /* "记者:冯润(兴化台)", "全媒体记者：许宏": the colon after the role is
   * no part of the names */
  if (role_end < end && _sd_seg_char_in (":：", _sd_text_get_char (text + role_end)))
    role_end = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, role_end), end);
  *after = role_end;
  return TRUE;
}

/* How many bytes of a reporter field, @names (up to its NUL), open with a
 * role to leave out: a reporter's ("记者 许海燕 通讯员 狄小龙" gives "许海燕
 * 通讯员 狄小龙"), or a correspondent's no other role follows ("通讯员
 * 刘志奇"); 0 where the roles stay as printed, as a correspondent's before
 * a reporter's ("通讯员 刘晓静 记者 殷学兵"): left out, the names before
 * 记者 would read as the reporters'. */
gsize
_sd_seg_leading_role_length (const char *names)
{
  gsize word = strcspn (names, " "), role_end, spaced_end, end = strlen (names);

  if (!_sd_seg_has_role_prefix (names, 0, word, &role_end))
    return 0;
  if (!_sd_text_contains (names, 0, role_end, "通讯员")
      && !has_spaced_prefix (names, 0, role_end, "通讯员", &spaced_end))
    return role_end;
  for (gsize pos = _sd_seg_skip_spaces (names, word, end); pos < end;)
    {
      gsize next = pos + strcspn (names + pos, " "), after;

      if (_sd_seg_has_role_prefix (names, pos, next, &after))
        return 0;
      pos = _sd_seg_skip_spaces (names, next, end);
    }
  return role_end;
}

gboolean
_sd_seg_is_box_char (gunichar c)
{
  /* '@' is how OCR reads a small ◎ */
  return c == 0x25A1 || c == 0x25A0 || c == 0x25C7 || c == 0x25C6 || c == 0x25CB || c == 0x25CF
         || c == 0x25B3 || c == 0x25B2 || c == 0x25CE || c == 0x2605 || c == 0x2606 || c == '@';
}

/* "图 本报记者 余义舌": OCR reads the box before a reporter line as a
 * character drawn in a box (口, 国, 图, 回), set apart by a space, or
 * glued to the role ("国通讯员 X").  The role must follow, so "国 家" is
 * never taken for one; or, after the space, two names or more ("国 腾保荣
 * 李刚"), as a box before names heads a reporter line too. */
static gboolean
reads_as_box (const char *text, gsize pos, gsize end, gsize *after)
{
  gsize next;

  if (!_sd_seg_char_in ("口囗国图回", _sd_text_first_char (text, pos, end)))
    return FALSE;
  next = _sd_seg_skip_char (text, pos);
  /* or glued to names run together ("口张棚祖伊美李晓静马志龙") */
  if (next < end
      && (_sd_seg_has_role_prefix (text, next, end, after)
          || _sd_seg_names_run_together (text, next, end)))
    {
      *after = next;
      return TRUE;
    }
  if (next >= end || (text[next] != ' ' && _sd_text_get_char (text + next) != 0x3000))
    return FALSE;
  *after = _sd_seg_skip_spaces (text, next, end);
  return _sd_seg_has_role_prefix (text, *after, end, &next)
         || (_sd_text_is_name_list (text, *after, end, FALSE)
             && _sd_text_contains (text, *after, end, " "));
}

gboolean
_sd_seg_is_comma (gunichar c)
{
  return c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1B || c == ';';
}

/* A comma that parts clauses, not the 、 that parts names. */
static gboolean
has_clause_comma (const char *text, gsize start, gsize end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c != 0x3001 && _sd_seg_is_comma (c))
        return TRUE;
    }
  return FALSE;
}

/* Who wrote and who took the photos, before the roles and names:
 * "◎文/图 徐报融媒记者 季芳 通讯员 周婷婷". */
static const char *const writer_marks[] = {
  "文/图", "文／图", "图/文", "图／文", "文/摄", "文／摄"
};

/* Where the names and roles start after a writer's mark, or @pos. */
static gsize
skip_writer_mark (const char *text, gsize pos, gsize end)
{
  for (guint i = 0; i < G_N_ELEMENTS (writer_marks); i++)
    if (_sd_text_has_prefix (text, pos, end, writer_marks[i]))
      {
        gsize after = pos + strlen (writer_marks[i]);

        /* a role or a space must follow: "文/图片…" is no mark */
        if (after < end && !_sd_text_is_space (_sd_text_get_char (text + after))
            && !_sd_seg_has_role_prefix (text, after, end, &after))
          return pos;
        return _sd_seg_skip_spaces (text, pos + strlen (writer_marks[i]), end);
      }
  return pos;
}

/* "王呈 摄影报道", "全媒体通讯员赵磊、陈士洲报道": where the names before
 * the report end, or @end.  A photographer who reports signs the story,
 * so the line is a byline, not a photo's credit. */
static gsize
cut_reporting (const char *text, gsize start, gsize end)
{
  if (!_sd_text_has_suffix (text, start, end, "报道"))
    return end;
  end -= strlen ("报道");
  if (_sd_text_has_suffix (text, start, end, "摄影"))
    end -= strlen ("摄影");
  _sd_text_trim (text, &start, &end);
  return end;
}

/* "□ 本报记者 徐瑞雅" */
gboolean
_sd_seg_find_reporter_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       pos = u->text_start, after;

  gboolean boxed = _sd_seg_is_box_char (_sd_text_first_char (text, pos, u->text_end));
  gsize    box_end;

  /* "@@": OCR reads one ◎ as two */
  for (guint n = 0; n < 2 && _sd_seg_is_box_char (_sd_text_first_char (text, pos, u->text_end));
       n++)
    pos = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, pos), u->text_end);
  if (!boxed && reads_as_box (text, pos, u->text_end, &after))
    {
      pos = after;
      boxed = TRUE;
    }
  box_end = pos;
  pos = skip_writer_mark (text, pos, u->text_end);
  /* "□ 张 栩 王 敏": a box before names is a reporter line too */
  if (!_sd_seg_has_role_prefix (text, pos, u->text_end, &after)
      && !(boxed
           && (_sd_text_is_name_list (text, pos, u->text_end, FALSE)
               || _sd_seg_names_run_together (text, pos, u->text_end))))
    return FALSE;
  if (u->chars > 42 || _sd_seg_has_sentence_mark (text, pos, u->text_end)
      || has_clause_comma (text, pos, u->text_end))
    return FALSE;
  u->shape = SHAPE_REPORTER;
  u->boxed = box_end > u->text_start;
  u->reporter_start = pos;
  u->reporter_end = cut_reporting (text, pos, u->text_end);
  return TRUE;
}

/* A photo's credit whose 摄 the OCR misread as another character (报, 振,
 * 氢…): names, then one Han character set apart from them by a space or
 * a bracket ("郑富芹 报", "新华社发(周社根氢)").  A title holds no lone
 * character after a name so set apart.  The names' span goes to
 * @names_start, @names_end. */
static gboolean
strip_misread_credit (
    const char *text, gsize start, gsize end, gsize *names_start, gsize *names_end)
{
  gboolean    bracketed = _sd_text_strip_brackets (text, &start, &end);
  const char *last;
  gsize       names_stop;

  if (!bracketed && _sd_text_has_prefix (text, start, end, "新华社发"))
    {
      start = _sd_text_skip_spaces (text, start + strlen ("新华社发"), end);
      bracketed = _sd_text_strip_brackets (text, &start, &end);
    }
  last = _sd_text_prev_char (text + start, text + end);
  if (last == NULL || !_sd_text_is_han (_sd_text_get_char (last)))
    return FALSE;
  names_stop = last - text;
  if (!bracketed
      && (names_stop == start || !_sd_text_is_space (_sd_text_last_char (text, start, names_stop))))
    return FALSE;
  /* "(吉战顺)": three characters that make a name with a surname are that
   * name, no two-character one and a misread 摄 */
  if (bracketed && _sd_text_count_chars (text, start, end, 4) == 3
      && _sd_text_is_name_list (text, start, end, TRUE))
    return FALSE;
  _sd_text_trim (text, &start, &names_stop);
  if (!_sd_text_is_name_list (text, start, names_stop, TRUE))
    return FALSE;
  *names_start = start;
  *names_end = names_stop;
  return TRUE;
}

/* "北京日报李如意报", "中国改革报 茆同风报": a paper's name, then a name of
 * two or three characters and 摄 glued to it, as OCR most often misreads
 * it, 报 (no other character: glued to a name, any could end a title); the
 * name opens with a surname or is set apart from the paper by a space. */
static gboolean
strip_glued_misread_credit (
    const char *text, gsize start, gsize end, gsize *names_start, gsize *names_end)
{
  const char *last = _sd_text_prev_char (text + start, text + end);
  gsize       stop, p = start;

  if (last == NULL || !_sd_seg_char_in ("报摄", _sd_text_get_char (last)))
    return FALSE;
  stop = last - text;
  for (guint n = 0; p < stop && n < 8; p = _sd_seg_skip_char (text, p), n++)
    if (n >= 1 && _sd_seg_char_in ("报社网台", _sd_text_get_char (text + p)))
      {
        gsize    names = _sd_seg_skip_char (text, p);
        gboolean spaced = names < stop && _sd_text_is_space (_sd_text_get_char (text + names));
        guint    k;

        names = _sd_seg_skip_spaces (text, names, stop);
        k = _sd_text_count_chars (text, names, stop, 4);
        if (k < 2 || k > 3 || !_sd_text_is_name_list (text, names, stop, FALSE)
            || _sd_text_contains (text, names, stop, " ")
            || !(spaced || _sd_text_is_surname (_sd_text_get_char (text + names))))
          return FALSE;
        *names_start = names;
        *names_end = stop;
        return TRUE;
      }
  return FALSE;
}

/* The picture agency or the role after a slash: "陈岗/视觉中国", "师杰/文". */
static const char *const slash_credits[] = { "文", "图", "摄", "摄影" };
static const char *const picture_agencies[] = { "中国", "图片", "图库", "社", "网" };

/* "王春摄(人民图片网)": where a credit ends before the picture agency in
 * brackets after it, or @end. */
gsize
_sd_seg_cut_bracketed_agency (const char *text, gsize start, gsize end)
{
  const char *close = _sd_text_prev_char (text + start, text + end), *p = close;
  guint       n = 0;

  if (close == NULL || !_sd_seg_char_in (")）", _sd_text_get_char (close)))
    return end;
  while ((p = _sd_text_prev_char (text + start, p)) != NULL && n++ < 8)
    if (_sd_seg_char_in ("(（", _sd_text_get_char (p)))
      {
        gsize open = p - text, keep = open;

        for (guint i = 0; i < G_N_ELEMENTS (picture_agencies); i++)
          if (_sd_text_has_suffix (text, g_utf8_next_char (p) - text, close - text,
                                   picture_agencies[i]))
            {
              _sd_text_trim (text, &start, &keep);
              return _sd_text_has_suffix (text, start, keep, "摄") ? open : end;
            }
        return end;
      }
  return end;
}

/* Credits in the forms the common ones do not cover: names, a slash and a
 * role or a picture agency ("陈岗/视觉中国", "师杰/文"), or a credit with its
 * agency after a space ("许昌亮 摄 光明图片").  The names' span goes to
 * @names_start, @names_end. */
static gboolean
strip_credit_variant (
    const char *text, gsize start, gsize end, gsize *names_start, gsize *names_end)
{
  const char *slash = NULL, *space = NULL;
  gsize       right;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == '/' || c == 0xFF0F)
        {
          if (slash != NULL)
            return FALSE;
          slash = p;
        }
      else if (_sd_text_is_space (c))
        space = p;
    }
  if (slash != NULL)
    {
      gsize left_end = slash - text;

      right = _sd_seg_skip_spaces (text, g_utf8_next_char (slash) - text, end);
      _sd_text_trim (text, &start, &left_end);
      if (!_sd_text_is_name_list (text, start, left_end, TRUE) || right >= end
          || _sd_text_count_chars (text, right, end, 7) > 6)
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (slash_credits); i++)
        if (end - right == strlen (slash_credits[i])
            && memcmp (text + right, slash_credits[i], end - right) == 0)
          goto found;
      for (guint i = 0; i < G_N_ELEMENTS (picture_agencies); i++)
        if (_sd_text_has_suffix (text, right, end, picture_agencies[i]))
          goto found;
      return FALSE;
    found:
      *names_start = start;
      *names_end = left_end;
      return TRUE;
    }
  /* "许昌亮 摄 光明图片": the credit before the agency */
  return space != NULL && _sd_text_has_suffix (text, start, end, "图片")
         && _sd_text_count_chars (text, space - text, end, 8) <= 7
         && _sd_text_strip_credit (text, start, space - text, names_start, names_end);
}

/* "徐宇欣 摄", "(苏州科技城管委会供图)" on a line of their own */
gboolean
_sd_seg_find_credit_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       start = u->text_start;

  /* "。 北京日报李如意报": the full stop of the line above, read onto this one */
  if (_sd_text_is_sentence_end (_sd_text_first_char (text, start, u->text_end)))
    start = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, start), u->text_end);
  start = _sd_seg_skip_latin_agency (text, start, u->text_end);
  if (u->chars > TAIL_MAX_CHARS || _sd_seg_has_sentence_mark (text, start, u->text_end)
      || !(
          _sd_text_strip_credit (text, start,
                                 _sd_seg_cut_bracketed_agency (text, start, u->text_end),
                                 &u->names_start, &u->names_end)
          || strip_credit_variant (text, start, u->text_end, &u->names_start, &u->names_end)
          || strip_misread_credit (text, start, u->text_end, &u->names_start, &u->names_end)
          || strip_glued_misread_credit (text, start, u->text_end, &u->names_start, &u->names_end)))
    return FALSE;
  u->shape = SHAPE_CREDIT;
  u->tail_start = u->text_start;
  u->tail_end = u->text_end;
  return TRUE;
}

/* "赵占成王岩": two names a wrapped line's end glued together, each with
 * a surname, of two or three characters. */
static gboolean
is_glued_pair (const char *text, gsize start, gsize end)
{
  gsize middle = start;

  for (guint n = 0; n < 3 && middle < end; n++)
    {
      middle = _sd_seg_skip_char (text, middle);
      if (n >= 1 && _sd_text_is_name_list (text, start, middle, TRUE)
          && _sd_text_is_name_list (text, middle, end, TRUE)
          && _sd_text_count_chars (text, middle, end, 4) >= 2)
        return TRUE;
    }
  return FALSE;
}

/* A run of names, or of names where wrapping glued two together. */
static gboolean
is_name_run (const char *text, gsize start, gsize end)
{
  gsize pos = start;

  if (_sd_text_is_name_list (text, start, end, FALSE))
    return TRUE;
  while ((pos = _sd_seg_skip_spaces (text, pos, end)) < end)
    {
      gsize word = pos;

      while (pos < end && !_sd_text_is_space (_sd_text_get_char (text + pos)))
        pos = _sd_seg_skip_char (text, pos);
      if (!_sd_text_is_name_list (text, word, pos, FALSE) && !is_glued_pair (text, word, pos))
        return FALSE;
    }
  return TRUE;
}

/* "记者  张泽瑞  通讯员  王婷  正祥", "□ 张文华 孙荪", "速新闻记者臧子青":
 * runs of names, each after a role (or all after a box), and nothing
 * else; "记者手记" names nobody. */
gboolean
_sd_seg_lists_reporters (const char *text, gsize start, gsize end)
{
  gsize    pos = start, run = start, after;
  gboolean signed_by = FALSE;
  guint    runs = 0;

  if (_sd_seg_is_box_char (_sd_text_first_char (text, start, end)))
    {
      pos = run = _sd_seg_skip_char (text, start);
      signed_by = TRUE;
    }
  while (TRUE)
    {
      gsize    word = _sd_seg_skip_spaces (text, pos, end);
      gboolean role = word < end && _sd_seg_has_role_prefix (text, word, end, &after);

      if (word >= end || role)
        {
          /* the run of names before this role, or before the end */
          if (_sd_seg_skip_spaces (text, run, pos) < pos)
            {
              if (!is_name_run (text, run, pos))
                return FALSE;
              runs++;
            }
          if (word >= end)
            break;
          signed_by = TRUE;
          pos = run = after;
          continue;
        }
      /* a role glued to the names before it ends their run too: "杨溢通讯员费红" */
      for (pos = word; pos < end && !_sd_text_is_space (_sd_text_get_char (text + pos));)
        {
          pos = _sd_seg_skip_char (text, pos);
          if (pos < end && _sd_seg_has_role_prefix (text, pos, end, &after))
            break;
        }
    }
  return signed_by && runs > 0;
}

/* "(记者 张泽瑞 通讯员 王婷 正祥)14日,在灌云县…": a lead that opens with
 * its reporters in brackets, without 本报讯 or an agency before them. */
static void
find_bracketed_reporters (SdSegPage *page, SdSegUnit *u, gsize open, gsize close)
{
  const char *text = page->text;
  gsize       start = _sd_seg_skip_char (text, open), end = close;
  gsize       prose = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, close), u->prose_end);

  _sd_text_trim (text, &start, &end);
  if (prose >= u->prose_end || _sd_seg_has_sentence_mark (text, start, end)
      || !_sd_seg_lists_reporters (text, start, end))
    return;
  if (_sd_seg_is_box_char (_sd_text_first_char (text, start, end)))
    start = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, start), end);
  u->news_lead = u->bracket_lead = TRUE;
  u->reporter_start = start;
  u->reporter_end = end;
  u->prose_start = prose;
}

/* What a bracket opening a paragraph holds.  A photo's credit:
 * "【连云港日报全媒体记者 王健民 摄】5月13日航拍的…", a caption printed
 * after it, which no paragraph of a story opens with; the names are the
 * photo's reporter, as a dateline's are.  Or the story's reporters, a
 * lead as 本报讯(…) is. */
void
_sd_seg_find_head_credit (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       open = u->prose_start, close, names_start, names_end;
  guint       n = 0;

  if (!_sd_seg_char_in ("(（【", _sd_text_first_char (text, open, u->prose_end)))
    return;
  for (close = _sd_seg_skip_char (text, open); close < u->prose_end && n++ <= TAIL_MAX_CHARS;
       close = _sd_seg_skip_char (text, close))
    if (_sd_seg_char_in (")）】", _sd_text_get_char (text + close)))
      break;
  if (close >= u->prose_end || n > TAIL_MAX_CHARS)
    return;
  if (!_sd_text_strip_credit (text, open, _sd_seg_skip_char (text, close), &names_start, &names_end)
      || names_end <= names_start)
    {
      find_bracketed_reporters (page, u, open, close);
      return;
    }
  u->head_credit = TRUE;
  u->reporter_start = names_start;
  u->reporter_end = names_end;
  u->prose_start = _sd_seg_skip_spaces (text, _sd_seg_skip_char (text, close), u->prose_end);
}

gsize
_sd_seg_skip_writer_prefix (const char *text, gsize start, gsize end)
{
  for (guint i = 0; i < G_N_ELEMENTS (writer_prefixes); i++)
    if (_sd_text_has_prefix (text, start, end, writer_prefixes[i]))
      return _sd_seg_skip_spaces (text, start + strlen (writer_prefixes[i]), end);
  return start;
}

/* "（参与记者：许雯斐 张瑞 … 整理：张莎莎）" */
gboolean
_sd_seg_find_credits_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       start = u->text_start, end = u->text_end;
  gsize       names = _sd_seg_skip_writer_prefix (text, start, end);

  /* "文/张三" names the writer */
  if (names > start && u->chars <= 30 && !_sd_seg_has_sentence_mark (text, start, end))
    {
      u->shape = SHAPE_CREDITS;
      u->names_start = names;
      u->names_end = end;
      return u->names_end > u->names_start;
    }
  if (!_sd_text_strip_brackets (text, &start, &end))
    return FALSE;
  if (_sd_text_count_chars (text, start, end, 150) > 150
      || _sd_seg_has_sentence_mark (text, start, end))
    return FALSE;
  /* "（文/董语婷）": the writer's mark in brackets, the names alone kept */
  names = _sd_seg_skip_writer_prefix (text, start, end);
  if (names > start && names < end && _sd_text_count_chars (text, names, end, 31) <= 30)
    {
      u->shape = SHAPE_CREDITS;
      u->names_start = names;
      u->names_end = end;
      return TRUE;
    }
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

/* "于广益", "（王某 李某）" on a line of their own */
gboolean
_sd_seg_find_name_line (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       start = u->text_start, end = u->text_end;
  gboolean    bracketed;

  /* at most eight names of four characters, and brackets: most lines are
   * longer than any list of names */
  if (u->chars > 8 * 4 + 2)
    return FALSE;
  bracketed = _sd_text_strip_brackets (text, &start, &end);
  end = cut_reporting (text, start, end);
  /* a lone line of names has nothing else to vouch for it: wants surnames;
   * in brackets an office signs too, "(徐溜镇党史教办)" */
  if (!_sd_text_is_name_list (text, start, end, !bracketed)
      && !(bracketed && _sd_seg_names_office (text, start, end)))
    return FALSE;
  u->shape = SHAPE_NAMES;
  u->names_start = start;
  u->names_end = end;
  return TRUE;
}
