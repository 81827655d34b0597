/* sd-title-cues.c — what a title that may open a story says of itself
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  What sd-boundary.c weighs of a title-shaped
 * unit that no strong sign decides: the habits of headlines (a place named
 * first, a colon, two halves, a lead naming the place), markup, gaps, and
 * the lexical cohesion of the title and the text under it with the story
 * above.
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include <stdlib.h>

#include "sd-gazetteer.h"
#include "sd-segmenter-private.h"
#include "sd-text-util.h"

/* How a news lead opens. */
static const char *const lead_openers[] = {
  "近日", "日前", "近期", "近年来", "今年以来", "连日来", "近段时间", "记者从", "本报讯",
};

static const char admin_suffixes[] = "市区县镇乡村";

gboolean
_sd_seg_starts_with_opener (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gsize       pos = u->prose_start;

  for (guint i = 0; i < G_N_ELEMENTS (lead_openers); i++)
    if (_sd_text_has_prefix (text, pos, u->prose_end, lead_openers[i]))
      return TRUE;
  /* "10月28日，…", "9日，…" */
  if (pos >= u->prose_end || !g_ascii_isdigit (text[pos]))
    return FALSE;
  while (pos < u->prose_end && g_ascii_isdigit (text[pos]))
    pos++;
  return _sd_text_has_prefix (text, pos, u->prose_end, "月")
         || _sd_text_has_prefix (text, pos, u->prose_end, "日");
}

/* Headlines name a place first: "崇川区：…", "连云区政协 …".  Returns the
 * end of the place name, or 0. */
static gsize
find_leading_place (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint       n = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end && n < 8;
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = _sd_text_get_char (p);

      if (!_sd_text_is_han (c))
        return 0;
      if (n >= 2 && _sd_seg_char_in (admin_suffixes, c))
        return g_utf8_next_char (p) - text;
    }
  return 0;
}

/* A section heading stays with its story's places; a headline naming a
 * place the story so far never mentioned starts another one. */
static gboolean
names_new_place (SdSegPage *page, SdSegStory *story, SdSegUnit *u, gsize place_end)
{
  g_autofree char *place = g_strndup (page->text + u->text_start, place_end - u->text_start);
  gsize            from = _sd_seg_unit_at (page, story->first)->start;
  gsize            to = MIN (u->start, from + PLACE_WINDOW);

  return !_sd_text_contains (page->text, from, to, place);
}

/* Where the subject a title names before its colon ends ("盐城：社区…"):
 * the colon, or the title's end when it has none. */
static gsize
find_subject_end (SdSegPage *page, SdSegUnit *title)
{
  const char *text = page->text;
  guint       n = 0;

  for (const char *p = text + title->text_start; p < text + title->text_end && n <= 8;
       p = g_utf8_next_char (p), n++)
    if (_sd_seg_char_in ("：:", _sd_text_get_char (p)))
      return p - text;
  return title->text_end;
}

/* The lead names the headline's subject as a place: "武进…" → "常州市武进区",
 * "盐城：社区…" → "盐城市亭湖区". */
static gboolean
lead_names_place (SdSegPage *page, SdSegUnit *title, SdSegUnit *lead)
{
  const char *text = page->text;
  gunichar    a = 0, b = 0;
  const char *p, *end;
  guint       n = 0;

  for (p = text + title->text_start; p < text + title->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

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
  /* "武进…" over "常州市武进区…" tells; "丁蜀镇…" over "丁蜀镇…" only repeats
   * (a suffix after a colon, "盐城：社区…", belongs to the rest) */
  end = text + find_subject_end (page, title);
  p = g_utf8_next_char (p);
  for (guint k = 0; k < 4 && p < end; k++, p = g_utf8_next_char (p))
    if (_sd_seg_char_in (admin_suffixes, _sd_text_get_char (p)))
      return FALSE;
  end = text + lead->prose_end;
  for (p = text + lead->prose_start; p < end && n < 80; p = g_utf8_next_char (p), n++)
    {
      const char *q = g_utf8_next_char (p);

      if (_sd_text_get_char (p) != a || q >= end || _sd_text_get_char (q) != b)
        continue;
      q = g_utf8_next_char (q);
      for (guint k = 0; k < 4 && q < end; k++, q = g_utf8_next_char (q))
        if (_sd_seg_char_in (admin_suffixes, _sd_text_get_char (q)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
has_spaced_halves (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gunichar    before = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (_sd_text_is_space (c))
        {
          gunichar after;

          if (g_utf8_next_char (p) >= text + u->text_end)
            break;
          after = _sd_text_get_char (g_utf8_next_char (p));

          if ((_sd_text_is_content (before) || _sd_text_is_closing (before))
              && (_sd_text_is_content (after) || after == 0x201C))
            return TRUE;
          continue;
        }
      before = c;
    }
  return FALSE;
}

gboolean
_sd_seg_has_title_colon (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  guint       n = 0;

  for (const char *p = text + u->text_start; p < text + u->text_end; p = g_utf8_next_char (p), n++)
    {
      gunichar c = _sd_text_get_char (p);

      if ((c == 0xFF1A || c == ':') && n >= 2)
        return g_utf8_next_char (p) < text + u->text_end;
    }
  return FALSE;
}

/* The text under title @u writes [@subject, @subject_end) with an
 * administrative suffix: "寅城：…" over "寅城市…", a place the gazetteer
 * may not hold by that name. */
#define UNDER_TITLE 300 /* bytes of text under a title: some 100 Han */

static gboolean
text_under_suffixes (SdSegPage *page, SdSegUnit *u, const char *subject, const char *subject_end)
{
  gsize       n = subject_end - subject;
  const char *p = page->text + u->end;
  const char *end = page->text + MIN (page->length, u->end + UNDER_TITLE);

  for (; p + n < end; p = g_utf8_next_char (p))
    if (memcmp (p, subject, n) == 0 && _sd_seg_char_in (admin_suffixes, _sd_text_get_char (p + n)))
      return TRUE;
  return FALSE;
}

/* "盐城：…", "常州天宁：…", "孤山镇、城北园区：…" name a place before the
 * colon, as headlines do; "退休居民：…", "谋篇布局：…" name a group or a
 * step, as a feature's section heads do.  A place is a name of the
 * gazetteer (OCR may spoil a district after its city: "宿迁宿天") or a
 * name with an administrative suffix. */
gboolean
_sd_seg_colon_names_place (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  const char *p = text + u->text_start;
  const char *end = text + u->text_end;
  const char *chars[12];
  guint       n = 0;

  if (!_sd_seg_has_title_colon (page, u))
    return FALSE;
  if (g_str_has_prefix (p, "江苏省"))
    p += strlen ("江苏省");
  else if (g_str_has_prefix (p, "江苏"))
    p += strlen ("江苏");
  for (; p < end && n < G_N_ELEMENTS (chars) - 1; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == 0xFF1A || c == ':')
        break;
      if (!_sd_text_is_han (c) && c != 0x3001) /* 、 */
        return FALSE;
      chars[n++] = p;
    }
  if (p >= end || n >= G_N_ELEMENTS (chars) - 1)
    return FALSE;
  chars[n] = p;
  if (n == 0 || _sd_seg_char_in (admin_suffixes, _sd_text_get_char (chars[n - 1]))
      || (n >= 2 && g_str_has_prefix (chars[n - 2], "街道")))
    return TRUE;
  for (guint k = n; k >= MAX (2, n - MIN (n, 2)); k--)
    {
      g_autofree char *name = g_strndup (chars[0], chars[k] - chars[0]);

      if (sd_gazetteer_find_by_name (sd_gazetteer_get_default (), name, NULL) != NULL)
        return TRUE;
    }
  return n >= 2 && text_under_suffixes (page, u, chars[0], chars[n]);
}

/* The first village, town or community the lead of the title at unit @i
 * names ("蒋巷村是常熟…") is one the story above named already: the text
 * goes on about the same place. */
#define LEAD_PLACE_CHARS 40 /* how far into the lead its place is looked for */

gboolean
_sd_seg_lead_names_story_place (SdSegPage *page, SdSegStory *story, guint i, guint lead)
{
  const char *text = page->text;
  SdSegUnit  *l = _sd_seg_unit_at (page, lead);
  const char *back[3] = { NULL, NULL, NULL }; /* the last three characters' starts */
  guint       n = 0;

  for (const char *p = text + l->prose_start; p < text + l->prose_end && n < LEAD_PLACE_CHARS;
       p = g_utf8_next_char (p), n++)
    {
      gunichar c = _sd_text_get_char (p);

      if (!_sd_text_is_han (c))
        {
          back[0] = back[1] = back[2] = NULL;
          continue;
        }
      back[0] = back[1];
      back[1] = back[2];
      back[2] = p;
      if (back[0] != NULL && _sd_seg_char_in ("村镇乡", c))
        {
          g_autofree char *name = g_strndup (back[0], g_utf8_next_char (p) - back[0]);

          return _sd_text_contains (text, _sd_seg_unit_at (page, story->first)->start,
                                    _sd_seg_unit_at (page, i)->start, name);
        }
    }
  return FALSE;
}

/* ---- lexical cohesion ----------------------------------------------------
 * A section goes on in its story's words; a new story brings its own.  The
 * share of the Han bigrams of a title and the text under it that the story
 * above already used tells the two apart (TextTiling's idea).  Measured on
 * the labelled pages: sections share 17 % of their bigrams with the 600
 * characters before them (median), new stories 5 %. */

#define COHESION_BEFORE 1800 /* bytes of the story above: some 600 Han */
#define COHESION_AFTER 450   /* bytes of the title and text under it */
#define ECHO_AFTER 600       /* bytes of a lead a title's echo is sought in: some 200 Han */
#define COHESION_STORY 6     /* percent: at most this is a new story */
#define BIGRAM_SLOTS 2048    /* a power of two over COHESION_BEFORE / 3 */

/* Function words, numbers and dates are shared by any two stories:
 * 的了和与及或等在对为把被将向从于而并就也都还让使给以是有这个中一不人们年月日上下大新多会能要,
 * in code point order for the binary search. */
static const gunichar common_han[] = {
  0x4E00, 0x4E0A, 0x4E0B, 0x4E0D, 0x4E0E, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E5F, 0x4E86, 0x4E8E, 0x4EBA,
  0x4ECE, 0x4EE5, 0x4EEC, 0x4F1A, 0x4F7F, 0x53CA, 0x5411, 0x548C, 0x5728, 0x591A, 0x5927, 0x5BF9,
  0x5C06, 0x5C31, 0x5E74, 0x5E76, 0x6216, 0x628A, 0x65B0, 0x65E5, 0x662F, 0x6708, 0x6709, 0x7684,
  0x7B49, 0x7ED9, 0x800C, 0x80FD, 0x88AB, 0x8981, 0x8BA9, 0x8FD8, 0x8FD9, 0x90FD,
};

static int
compare_chars (gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

static gboolean
is_common_han (gunichar c)
{
  return bsearch (&c, common_han, G_N_ELEMENTS (common_han), sizeof (gunichar), compare_chars)
         != NULL;
}

static gsize
char_start (const char *text, gsize pos)
{
  while (pos > 0 && ((guchar) text[pos] & 0xC0) == 0x80)
    pos--;
  return pos;
}

struct _SdSegBigrams
{
  guint64 slots[BIGRAM_SLOTS]; /* 0: empty */
  guint   used[BIGRAM_SLOTS];  /* the slots filled, to empty them again */
  guint   n_used;
  guint   shared;
  guint   seen;
};
typedef struct _SdSegBigrams BigramSet;

static guint
slot_of (guint64 bigram)
{
  return (guint) ((bigram * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 40) & (BIGRAM_SLOTS - 1);
}

/* Adds @bigram to @set, or with @count_only counts whether it is there. */
static void
visit_bigram (BigramSet *set, guint64 bigram, gboolean count_only)
{
  guint i = slot_of (bigram);

  if (count_only)
    set->seen++;
  for (guint n = 0; n < BIGRAM_SLOTS; n++, i = (i + 1) & (BIGRAM_SLOTS - 1))
    {
      if (set->slots[i] == bigram)
        {
          set->shared += count_only;
          return;
        }
      if (set->slots[i] == 0)
        {
          if (!count_only)
            {
              set->slots[i] = bigram;
              set->used[set->n_used++] = i;
            }
          return;
        }
    }
}

/* Visits every bigram of uncommon Han characters in [start, end). */
static void
visit_bigrams (BigramSet *set, const char *text, gsize start, gsize end, gboolean count_only)
{
  gunichar last = 0;

  for (const char *p = text + char_start (text, start); p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (!_sd_text_is_han (c) || is_common_han (c))
        {
          last = 0;
          continue;
        }
      if (last != 0)
        visit_bigram (set, ((guint64) last << 32) | c, count_only);
      last = c;
    }
}

/* Percent of the bigrams of [@after, @end) that the story above unit @i
 * has. */
static guint
measure_cohesion_from (SdSegPage *page, SdSegStory *story, guint i, gsize after, gsize end)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  gsize      from = _sd_seg_unit_at (page, story->first)->start;
  BigramSet *set;
  guint      percent;

  /* one table for the page, emptied slot by slot after each use */
  if (page->bigrams == NULL)
    page->bigrams = g_new0 (BigramSet, 1);
  set = page->bigrams;
  if (u->start > from + COHESION_BEFORE)
    from = u->start - COHESION_BEFORE;
  visit_bigrams (set, page->text, from, u->start, FALSE);
  visit_bigrams (set, page->text, after, end, TRUE);
  percent = set->seen > 0 ? set->shared * 100 / set->seen : 0;
  for (guint k = 0; k < set->n_used; k++)
    set->slots[set->used[k]] = 0;
  set->n_used = set->shared = set->seen = 0;
  return percent;
}

/* Percent of the bigrams from unit @i on that the story above has. */
static guint
measure_cohesion (SdSegPage *page, SdSegStory *story, guint i)
{
  gsize start = _sd_seg_unit_at (page, i)->start;

  return measure_cohesion_from (page, story, i, start, MIN (page->length, start + COHESION_AFTER));
}

/* The same over the title and its lead, the first paragraph under it: a
 * new story names its own places and people there, while text pasted from
 * elsewhere or a caption may come later. */
guint
_sd_seg_measure_lead_cohesion (SdSegPage *page, SdSegStory *story, guint i, guint lead)
{
  gsize end = lead != NONE ? _sd_seg_unit_at (page, lead)->end : page->length;
  gsize start = _sd_seg_unit_at (page, i)->start;

  return measure_cohesion_from (page, story, i, start, MIN (end, start + COHESION_AFTER));
}

/* Share (0–1) of the bigrams of the header [@i, @lead) that the first
 * two hundred characters of its lead, the paragraph under it, repeat.  A news lead restates its
 * headline's subject (鹰潭市政协…来丹调研 over 4日上午,鹰潭市政协、…),
 * a section's text goes on from the story's own; across the boundary this
 * is the other half of the cohesion with the story above. */
double
_sd_seg_measure_title_echo (SdSegPage *page, guint i, guint lead)
{
  SdSegUnit *under;
  BigramSet *set;
  double     share;

  if (lead == NONE || lead <= i)
    return 0.0;
  under = _sd_seg_unit_at (page, lead);
  if (page->bigrams == NULL)
    page->bigrams = g_new0 (BigramSet, 1);
  set = page->bigrams;
  visit_bigrams (set, page->text, under->start, MIN (under->end, under->start + ECHO_AFTER), FALSE);
  visit_bigrams (set, page->text, _sd_seg_unit_at (page, i)->text_start,
                 _sd_seg_unit_at (page, lead - 1)->text_end, TRUE);
  share = set->seen > 0 ? set->shared / (double) set->seen : 0.0;
  for (guint k = 0; k < set->n_used; k++)
    set->slots[set->used[k]] = 0;
  set->n_used = set->shared = set->seen = 0;
  return share;
}

guint
_sd_seg_count_title_bigrams (SdSegPage *page, SdSegUnit *title, gsize start, gsize end)
{
  BigramSet *set;
  guint      shared;

  if (page->bigrams == NULL)
    page->bigrams = g_new0 (BigramSet, 1);
  set = page->bigrams;
  visit_bigrams (set, page->text, title->text_start, title->text_end, FALSE);
  visit_bigrams (set, page->text, start, end, TRUE);
  shared = set->shared;
  for (guint k = 0; k < set->n_used; k++)
    set->slots[set->used[k]] = 0;
  set->n_used = set->shared = set->seen = 0;
  return shared;
}

/* ---- a title's own cues --------------------------------------------------
 * What sd-boundary.c weighs of the title itself and the story above. */

static gboolean
exclaims (SdSegPage *page, SdSegUnit *u)
{
  for (const char *p = page->text + u->text_start; p < page->text + u->text_end;
       p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F)
        return TRUE;
    }
  return FALSE;
}

void
_sd_seg_measure_title_cues (
    SdSegPage *page, SdSegStory *story, guint i, guint n, guint lead, double *cues)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  SdSegUnit *first = _sd_seg_unit_at (page, story->first);
  /* sections are headed alike: "白蒲镇：…" after "如城街道：…", never
   * "太湖街道：…" after "种植养殖大户：…" */
  gboolean sibling_colon = story->colon_sections && _sd_seg_has_title_colon (page, u)
                           && _sd_seg_colon_names_place (page, u) == story->place_sections;
  gsize place_end;

  cues[CUE_MARKED] = _sd_seg_is_marked (u);
  /* "白蒲镇：…" after a section "如城街道：…" heads the next section of the
   * same story: a place and a colon tell nothing there */
  if (!sibling_colon)
    {
      cues[CUE_COLON] = _sd_seg_colon_names_place (page, u);
      place_end = find_leading_place (page, u);
      if (place_end > 0 && names_new_place (page, story, u, place_end))
        cues[CUE_NEW_PLACE] = 1;
      else if (place_end > 0)
        cues[CUE_KNOWN_PLACE] = 1;
    }
  cues[CUE_SPACED_HALVES] = has_spaced_halves (page, u);
  cues[CUE_WIDE_GAP] = u->blank_before > page->usual_gap;
  if (lead != NONE)
    {
      cues[CUE_LEAD_OPENER] = _sd_seg_starts_with_opener (page, _sd_seg_unit_at (page, lead));
      cues[CUE_LEAD_NAMES] = lead_names_place (page, u, _sd_seg_unit_at (page, lead));
    }
  /* a story heads its sections one way: a plain title after sections in
   * bold or numbered heads another story */
  cues[CUE_AFTER_MARKED] = story->marked_sections && !story->plain_sections
                           && !_sd_seg_is_marked (u) && !_sd_seg_is_numbered (u);
  cues[CUE_HEADER] = n > 1;
  cues[CUE_COHESION] = sibling_colon ? 1.0 : measure_cohesion (page, story, i) / 100.0;
  cues[CUE_SECTION_SHAPE] = u->section_shape;
  cues[CUE_PREV_ENDED] = _sd_seg_unit_at (page, i - 1)->ends_sentence;
  cues[CUE_STORY_LENGTH] = MIN (2.0, (u->start - first->start) / 3000.0);
  cues[CUE_TITLE_LENGTH] = u->chars / (double) TITLE_MAX_CHARS;
  cues[CUE_EXCLAIMS] = exclaims (page, u);
}

/* "…部分尸体未腐(组图)": a web page's title says what goes with it; a
 * kicker or a 副题 never does. */
gboolean
_sd_seg_ends_with_media_mark (SdSegPage *page, SdSegUnit *u)
{
  static const char *const media[] = { "图", "组图", "多图", "视频", "图文" };
  gsize                    end = u->text_end, start;
  gunichar                 close = _sd_text_last_char (page->text, u->text_start, end);

  if (close != ')' && close != 0xFF09)
    return FALSE;
  end -= g_unichar_to_utf8 (close, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (media); k++)
    {
      if (!_sd_text_has_suffix (page->text, u->text_start, end, media[k]))
        continue;
      start = end - strlen (media[k]);
      if (_sd_text_has_suffix (page->text, u->text_start, start, "(")
          || _sd_text_has_suffix (page->text, u->text_start, start, "（"))
        return TRUE;
    }
  return FALSE;
}

/* "改造老旧小区47个", "12项专题整治": a count of things, the news a
 * headline states; a date ("2017年", "8月") or a number alone is none. */
gboolean
_sd_seg_states_count (SdSegPage *page, SdSegUnit *u)
{
  const char *text = page->text;
  gboolean    digits = FALSE;

  for (gsize p = u->text_start; p < u->text_end; p = _sd_seg_skip_char (text, p))
    {
      gunichar c = _sd_text_get_char (text + p);

      if (g_unichar_isdigit (c) && c < 0x2460)
        digits = TRUE;
      else if (digits && c != '.' && !_sd_seg_char_in ("万亿", c))
        {
          if (_sd_text_is_han (c) && !_sd_seg_char_in ("年月日时号点版期届", c))
            return TRUE;
          digits = FALSE;
        }
    }
  return FALSE;
}
