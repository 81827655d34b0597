/* sd-untitled.c — items printed with no title and no byline before them
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the segmenter.  A page of briefs may set an item with no
 * title straight under the last sentence of the story above, with no
 * byline to close it (a story's last sentence, then "18日中午,崇川区
 * 学田南路…").  Such an item opens as a dated lead does and names its own
 * places and people: its words are not the story's.  An undated opening
 * ("立秋前后,江苏省无锡市锡山区…") is taken only when three measures agree:
 * few of the story's words, a place of its own written out, and a change
 * of vocabulary over two paragraphs on each side (TextTiling's window).
 */
#define G_LOG_DOMAIN "sd-segmenter"

#include "config.h"

#include <math.h>

#include "sd-gazetteer.h"
#include "sd-segmenter-private.h"

/* Measured on the real pages b1–b24 over every paragraph after a finished
 * sentence in a story with no byline yet: of the dated leads there with
 * three paragraphs above them, the items printed with no title share
 * under 6 % of their bigrams with the story above (2009年8月19日,镇江市
 * 润州区…: 3 %; 18日中午,崇川区…: 5 %), the story's own dated paragraphs
 * 6 % or more ("连日来,…": 7 %), but for a photo's caption set over the
 * next title, which the check on the line under it leaves alone. */
#define COHESION_UNTITLED 6
/* a story's first paragraphs still set its scene, in words of their own */
#define UNTITLED_MIN_PARAGRAPHS 3
/* Measured the same way on b1–b26 (906 such paragraphs of the seed pages,
 * 886 of them the stories' own; 30 dated leads after three paragraphs): a
 * dated lead that writes out a district or town the story above never
 * wrote out (日前,淮安区… under a story of 淮安's 幸运巷: 6 %) is an item
 * under 8 %; the story's own dated paragraph that names a new place shares
 * 9 % (11月初,在…常熟辛庄镇平墅村…).  A new place alone tells little: a
 * story's own paragraphs tour towns too (在鼓楼区热河南路街道,…), 21 of them
 * under 20 % and 5 under 8 %, none of them a dated lead. */
#define COHESION_NEW_PLACE 8
#define NEW_PLACE_CHARS 40 /* how far into the lead the place is looked for */
/* Measured on b1–b28 over the same paragraphs with no dated lead (976 of
 * the seed pages, 981 wrapped, 434 of Tesseract's, none of them an item's
 * first): an item that opens with a season or a scene (立秋前后,江苏省无锡市
 * 锡山区谢埭荡村…; 清明时节,位于新河镇的沭阳县…; 烈日炙烤下的宿迁市宿城区
 * 埠子镇…) shares 2 % of its bigrams or fewer with the story above (清明时节:
 * 2 %), writes out a district or town the story never wrote out, and the two
 * paragraphs from it on share under 2 % of their bigrams (cosine, per mille
 * below; 19 ‰ at most) with the story's last two.  The window cannot part
 * them from the story's own paragraphs nearest the rule, a tour of 南京's
 * communities under a title the wrapped lines lose (几乎同时,在建邺区庐山社区…
 * and 而在江北新区…: 4 %, 14 ‰) and Tesseract's 硬环境给力,…(5 %, 8 ‰):
 * the words do, cut midway between the items' 2 % and their 4 %, so that
 * neither sits on the line.  Those the window stops are further off
 * (陇集镇引进…: 3 %, 59 ‰; 孤山镇、城北园区…: 0 %, 38 ‰); a paragraph of a
 * feature's new scene alone (山路一转,苏马湾到了。: 0 %, 0 ‰) writes out
 * no district or town. */
#define COHESION_UNDATED 3
#define WINDOW_PARAGRAPHS 2
#define WINDOW_UNDATED 20   /* per mille */
#define WINDOW_MIN_CHARS 20 /* shorter blocks after the lead are captions or names */

/* The length of the administrative suffix at @p (区, 县, 市, 镇, 乡,
 * 街道), or 0. */
static gsize
suffix_length (const char *p)
{
  if (g_str_has_prefix (p, "街道"))
    return strlen ("街道");
  return _sd_seg_char_in ("区县市镇乡", _sd_text_get_char (p)) ? (gsize) (g_utf8_next_char (p) - p)
                                                               : 0;
}

/* The district or town written out with its suffix (崇川区, 新庄镇, 虎丘街道)
 * that ends at @suffix, the start of its name in *@name_start. */
static const SdPlace *
find_place_before (const char *text, gsize from, const char *suffix, const char **name_start)
{
  gsize       suffix_len = suffix_length (suffix);
  const char *p = suffix;

  for (guint n = 1; n <= 4 && p > text + from; n++)
    {
      g_autofree char *name = NULL;
      const SdPlace   *place;

      p = g_utf8_prev_char (p);
      if (!_sd_text_is_han (_sd_text_get_char (p)))
        return NULL;
      if (n < 2)
        continue;
      name = g_strndup (p, suffix + suffix_len - p);
      place = sd_gazetteer_find_by_name (sd_gazetteer_get_default (), name, NULL);
      if (place != NULL
          && (place->level == SD_PLACE_LEVEL_DISTRICT || place->level == SD_PLACE_LEVEL_TOWN))
        {
          *name_start = p;
          return place;
        }
    }
  return NULL;
}

/* The lead at unit @i writes out, in its first characters, a district or
 * town the story above never wrote out in full: local items in a column
 * are each about a place of their own.  The full name, as a city's name
 * (淮安) in the story does not name its district (淮安区). */
static gboolean
lead_names_new_place (SdSegPage *page, SdSegStory *story, guint i)
{
  const char *text = page->text;
  SdSegUnit  *u = _sd_seg_unit_at (page, i);
  gsize       above = _sd_seg_unit_at (page, story->first)->start;
  guint       n = 0;

  for (const char *p = text + u->prose_start; p < text + u->prose_end && n < NEW_PLACE_CHARS;
       p = g_utf8_next_char (p), n++)
    {
      const char      *name_start = NULL;
      g_autofree char *name = NULL;

      if (suffix_length (p) == 0
          || find_place_before (text, u->prose_start, p, &name_start) == NULL)
        continue;
      name = g_strndup (name_start, p + suffix_length (p) - name_start);
      if (g_strstr_len (text + above, u->start - above, name) == NULL)
        return TRUE;
    }
  return FALSE;
}

/* A set of Han bigrams, for _sd_seg_add_bigrams.  A bigram is two code
 * points of up to 18 bits (Han runs to U+2FFFF): more than 32 bits, so
 * each key is a gint64 of its own, not a pointer (which holds 32 bits on
 * some systems, and whose g_direct_hash reads only the low half). */
GHashTable *
_sd_seg_bigram_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Adds the bigrams of Han characters in [@start, @end) of @text to @set. */
void
_sd_seg_add_bigrams (GHashTable *set, const char *text, gsize start, gsize end)
{
  gunichar last = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (!_sd_text_is_han (c))
        {
          last = 0;
          continue;
        }
      if (last != 0)
        {
          gint64 *bigram = g_new (gint64, 1);

          *bigram = ((gint64) last << 32) | c;
          g_hash_table_add (set, bigram);
        }
      last = c;
    }
}

/* The cosine (per mille) of two bigram sets, or G_MAXUINT when either is
 * empty: a side with nothing to compare (a short last line, with no
 * paragraph under it) is no evidence of a change of subject, and every
 * caller asks for an overlap under a limit. */
guint
_sd_seg_measure_bigram_cosine (GHashTable *above, GHashTable *below)
{
  GHashTableIter iter;
  gpointer       bigram;
  guint          shared = 0;

  if (g_hash_table_size (above) == 0 || g_hash_table_size (below) == 0)
    return G_MAXUINT;
  g_hash_table_iter_init (&iter, below);
  while (g_hash_table_iter_next (&iter, &bigram, NULL))
    shared += g_hash_table_contains (above, bigram);
  return (guint) (shared * 1000
                  / sqrt ((double) g_hash_table_size (above) * g_hash_table_size (below)));
}

/* TextTiling's gap score at unit @i: the cosine (per mille) of the
 * bigram sets of the story's last WINDOW_PARAGRAPHS paragraphs above it and
 * of the WINDOW_PARAGRAPHS blocks of text from it on, G_MAXUINT with no
 * window on one side.  One paragraph says little (a story's quote shares
 * few words with the paragraph above); two on each side tell a change of
 * subject from a turn of it. */
static guint
measure_window_overlap (SdSegPage *page, SdSegStory *story, guint i)
{
  g_autoptr (GHashTable) above = _sd_seg_bigram_set_new ();
  g_autoptr (GHashTable) below = _sd_seg_bigram_set_new ();
  guint n = 0;

  for (guint k = i; k > story->first && n < WINDOW_PARAGRAPHS; k--)
    {
      SdSegUnit *w = _sd_seg_unit_at (page, k - 1);

      if (w->role == ROLE_BODY && !w->title)
        {
          _sd_seg_add_bigrams (above, page->text, w->text_start, w->text_end);
          n++;
        }
    }
  /* the units below have no role yet: blocks of text long enough to be
   * paragraphs stand for them */
  n = 0;
  for (guint k = i; k < page->units->len && n < WINDOW_PARAGRAPHS; k++)
    {
      SdSegUnit *w = _sd_seg_unit_at (page, k);

      if (!w->title && w->chars >= WINDOW_MIN_CHARS)
        {
          _sd_seg_add_bigrams (below, page->text, w->text_start, w->text_end);
          n++;
        }
    }
  return _sd_seg_measure_bigram_cosine (above, below);
}

/* The three measures of a scene of its own at unit @i agree: under
 * @cohesion_limit % of the story's bigrams, a district or town of its own
 * written out, and TextTiling's window under WINDOW_UNDATED. */
static gboolean
sets_scene_of_its_own (SdSegPage *page, SdSegStory *story, guint i, guint cohesion_limit)
{
  return _sd_seg_measure_lead_cohesion (page, story, i, i) < cohesion_limit
         && lead_names_new_place (page, story, i)
         && measure_window_overlap (page, story, i) < WINDOW_UNDATED;
}

/* After a byline closed the story (a line of names, names glued after its
 * last sentence; not a photo's credit, which may close a caption inside
 * it), a whole paragraph of no date opens an item on the evidence a dated
 * lead needs with no byline above it: a place of its own written out, under
 * 8 % of the story's bigrams, and TextTiling's window.  Measured on b1–b28
 * over such paragraphs (14 of the seed pages, 12 wrapped, 40 of
 * Tesseract's): 阳春三月,春风和煦。漫步于如皋市江安镇… under 本报记者 杨新明
 * (6 %, 7 ‰) is an item; the story's own nearest is a paragraph OCR cut
 * from its sentence (汉留镇境内总长9.3公里的安大路…: 3 %, but 35 ‰). */
static gboolean
opens_after_byline (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);

  if (story->ended_by_photo || u->bullet || !u->ends_sentence || _sd_seg_is_photo_caption (page, i)
      || _sd_seg_starts_with_dated_lead (page, u)
      || _sd_seg_count_paragraphs_above (page, story, i, 2) < 2)
    return FALSE;
  return sets_scene_of_its_own (page, story, i, COHESION_NEW_PLACE);
}

/* A picture item printed with no title under a story with no credit (a
 * paragraph, then 许昌亮 摄 光明图片) opens with a date most often, which
 * sd-photos.c takes; one of no date (地处洪泽湖畔的泗洪县在…) is told from
 * a story's own captions by the evidence an undated lead needs: three
 * paragraphs of the story above, a place of its own written out, under 3 %
 * of the story's bigrams and TextTiling's window under 2 %. */
gboolean
_sd_seg_sets_own_scene (SdSegPage *page, SdSegStory *story, guint i)
{
  return i > story->first
         && _sd_seg_count_paragraphs_above (page, story, i, UNTITLED_MIN_PARAGRAPHS)
                >= UNTITLED_MIN_PARAGRAPHS
         && sets_scene_of_its_own (page, story, i, COHESION_UNDATED);
}

gboolean
_sd_seg_opens_untitled_item (SdSegPage *page, SdSegStory *story, guint i)
{
  SdSegUnit *u = _sd_seg_unit_at (page, i);
  guint      cohesion;
  gboolean   dated;

  if (i == 0 || u->role != ROLE_BODY || u->title || !story->has_body)
    return FALSE;
  if (story->ended)
    return opens_after_byline (page, story, i);
  if (!_sd_seg_unit_at (page, i - 1)->ends_sentence || _sd_seg_is_photo_caption (page, i))
    return FALSE;
  if (_sd_seg_count_paragraphs_above (page, story, i, UNTITLED_MIN_PARAGRAPHS)
      < UNTITLED_MIN_PARAGRAPHS)
    return FALSE;
  dated = _sd_seg_starts_with_dated_lead (page, u);
  /* a dated item is a whole paragraph and goes on in text or ends the page: a
   * dated line straight above a title is more likely that title's photo caption
   * (3月26日,游客在…(无人机拍摄)。).  A scene of no date is held by its words
   * instead, over a caption OCR read as a title (立秋前后,…谢埭荡村… over
   * 个2021年8月10日拍摄的…) and where OCR cut it mid-sentence (…是宿迁市唯 over
   * a speck read as RE) */
  if (dated
      && (!u->ends_sentence || (i + 1 < page->units->len && _sd_seg_unit_at (page, i + 1)->title)))
    return FALSE;
  if (!dated)
    return sets_scene_of_its_own (page, story, i, COHESION_UNDATED);
  cohesion = _sd_seg_measure_lead_cohesion (page, story, i, i);
  return cohesion < COHESION_UNTITLED
         || (cohesion < COHESION_NEW_PLACE && lead_names_new_place (page, story, i));
}
