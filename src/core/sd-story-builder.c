/* sd-story-builder.c — fill the segments of a page cut into stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photo credits take their captions out of the body; text printed twice is
 * left out (sd-ocr-repair.c); paragraphs broken at a column end are joined;
 * names glued after a story's last sentence become its byline; the kind
 * follows from markers and length.  Every repair is recorded with its span.
 */
#define G_LOG_DOMAIN "sd-story-builder"

#include "sd-segmenter-private.h"

#include "sd-ocr-repair.h"
#include "sd-text-util.h"

static char *
dup_clean (const char *text, gsize start, gsize end)
{
  GString *out = g_string_sized_new (end - start);
  gboolean space = FALSE;

  _sd_text_trim (text, &start, &end);
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

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

      if (_sd_seg_has_role_prefix (word, 0, strlen (word), &after))
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
count_prose (SdSegPage *page, SdSegStory *story, gsize limit)
{
  gsize n = 0;

  for (guint i = story->first; i <= story->last && n <= limit; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_BODY)
        n += _sd_text_count_chars (page->text, u->prose_start, u->prose_end, limit - n);
    }
  return n;
}

static gboolean
has_credit (SdSegPage *page, SdSegStory *story)
{
  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_CREDIT || (u->role == ROLE_BODY && u->tail_credit))
        return TRUE;
    }
  return FALSE;
}

/* A photo item is its caption and credit, nothing more. */
static gboolean
is_photo_story (SdSegPage *page, SdSegStory *story)
{
  guint paragraphs = 0;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_SECTION || u->news_lead)
        return FALSE;
      if (u->role == ROLE_BODY && ++paragraphs > 2)
        return FALSE;
    }
  return paragraphs > 0 && has_credit (page, story)
         && count_prose (page, story, PHOTO_MAX_CHARS) <= PHOTO_MAX_CHARS;
}

static char *
dup_caption (SdSegPage *page, SdSegUnit *caption, SdSegUnit *credit)
{
  const char *text = page->text;
  GString *out = g_string_new (NULL);

  if (caption != NULL)
    g_string_append_len (out, text + caption->prose_start,
                         caption->prose_end - caption->prose_start);
  /* "…注入新鲜力量。(X供图)", but "…启动。 徐宇欣 摄" */
  if (caption != NULL
      && !_sd_seg_char_in ("(（【", _sd_text_first_char (text, credit->start, credit->end)))
    g_string_append_c (out, ' ');
  g_string_append_len (out, text + credit->start, credit->end - credit->start);
  return g_string_free (out, FALSE);
}

/* Photo credits inside a story: the short sentence printed with each one is
 * its caption; a credit printed apart takes the lone sentence under the
 * headline. */
static void
collect_captions (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  guint first_body = NONE;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      SdSegUnit *caption = NULL;

      if (u->role == ROLE_BODY && first_body == NONE)
        first_body = i;
      if (u->role != ROLE_CREDIT)
        continue;
      if (i > story->first && _sd_seg_unit_at (page, i - 1)->role == ROLE_BODY
          && _sd_seg_unit_at (page, i - 1)->ends_sentence
          && _sd_text_count_chars (page->text, _sd_seg_unit_at (page, i - 1)->prose_start,
                                   _sd_seg_unit_at (page, i - 1)->prose_end, CAPTION_MAX_CHARS)
                 <= CAPTION_MAX_CHARS)
        caption = _sd_seg_unit_at (page, i - 1);
      else if (first_body != NONE && first_body != i - 1)
        {
          SdSegUnit *lone = _sd_seg_unit_at (page, first_body);
          gsize chars = _sd_text_count_chars (page->text, lone->prose_start, lone->prose_end,
                                              LONE_CAPTION_CHARS);
          gsize one_sentence = _sd_text_last_sentence_end (
              page->text, lone->prose_start,
              g_utf8_find_prev_char (page->text, page->text + lone->prose_end) - page->text);

          if (lone->ends_sentence && chars <= LONE_CAPTION_CHARS
              && one_sentence == lone->prose_start && !lone->news_lead)
            caption = lone;
        }
      if (caption != NULL)
        {
          caption->role = ROLE_CAPTION;
          add_repair (segment, SD_REPAIR_MOVED_CAPTION, caption->prose_start, caption->prose_end,
                      "photo caption taken out of the body");
        }
      add_repair (segment, SD_REPAIR_MOVED_CAPTION, u->start, u->end,
                  "photo credit taken out of the body");
      g_ptr_array_add (segment->captions, dup_caption (page, caption, u));
    }
}

/* "记者 王某" after the last paragraph signs the story rather than
 * introducing it. */
static gboolean
closes_story (SdSegStory *story, guint i)
{
  return story->last_body != NONE && story->last_body < i;
}

static void
fill_header (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  const char *text = page->text;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

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
          if (segment->reporter == NULL && !closes_story (story, i))
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
  gsize last_start; /* page offset where its last piece starts */
  gsize end;        /* page offset where its text ends */
  gboolean ends_sentence;
} Paragraph;

/* Appends the unit's prose minus the dropped spans to @out (nullable);
 * returns whether anything was kept. */
static gboolean
append_kept_prose (SdSegPage *page, SdSegUnit *u, const SdTextDrop *drops, guint n_drops,
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
          if (out != NULL)
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
note_drop (SdSegPage *page, SdSegment *segment, const SdTextDrop *drop, const SdTextBlock *blocks)
{
  g_autofree char *detail = NULL;

  if (drop->kind == SD_REPAIR_DROPPED_DUPLICATE)
    detail = g_strdup_printf ("repeats the paragraph at byte %" G_GSIZE_FORMAT,
                              blocks[drop->other].start);
  else
    {
      const SdSegStory *owner = _sd_seg_story_at (page, drop->other);
      g_autofree char *headline = NULL;

      if (owner->headline != NONE)
        headline = dup_clean (page->text, _sd_seg_unit_at (page, owner->headline)->text_start,
                              _sd_seg_unit_at (page, owner->headline)->text_end);
      detail =
          g_strdup_printf ("text of the story “%s” pasted in", headline != NULL ? headline : "…");
    }
  add_repair (segment, drop->kind, drop->start, drop->end, detail);
}

/* Names after the last sentence are a byline only where the story's text
 * stops; "…40多人次。典型示" followed by "范走在前…" is a word cut in two. */
static void
settle_tails (SdSegPage *page, SdSegStory *story, const gboolean *kept)
{
  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      u->tail_kept = u->tail_credit;
      if (!u->tail_names || u->tail_credit)
        continue;
      u->tail_kept = TRUE;
      for (guint j = i + 1; j <= story->last; j++)
        {
          SdSegUnit *next = _sd_seg_unit_at (page, j);

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
build_paragraphs (SdSegPage *page, SdSegStory *story, SdSegment *segment, const SdTextBlock *blocks,
                  const guint *block_of_unit, const SdTextDrop *drops, const guint *drop_first)
{
  const char *text = page->text;
  Paragraph para = { NULL, 0, 0, TRUE };
  g_autofree gboolean *kept = g_new0 (gboolean, story->last - story->first + 1);
  gboolean any_kept = FALSE, keep_all = FALSE;

  for (guint pass = 0; pass < 2 && !any_kept; pass++)
    {
      /* text repeated in full elsewhere still is this story's text: a
       * story is never left out whole, only pieces of it */
      keep_all = pass == 1;
      for (guint i = story->first; i <= story->last; i++)
        {
          SdSegUnit *u = _sd_seg_unit_at (page, i);
          guint block = keep_all ? NONE : block_of_unit[i];
          gsize kept_end;

          if (_sd_seg_carries_prose (u))
            kept[i - story->first] = append_kept_prose (
                page, u, block != NONE ? drops + drop_first[block] : NULL,
                block != NONE ? drop_first[block + 1] - drop_first[block] : 0, NULL, &kept_end);
          any_kept |= kept[i - story->first];
        }
    }
  settle_tails (page, story, kept);

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      guint block = keep_all ? NONE : block_of_unit[i];
      const SdTextDrop *own = block != NONE ? drops + drop_first[block] : NULL;
      guint n_own = block != NONE ? drop_first[block + 1] - drop_first[block] : 0;
      g_autoptr (GString) piece = g_string_new (NULL);
      gsize kept_end = 0;

      if (u->role == ROLE_SECTION)
        para.ends_sentence = TRUE; /* never join across a heading */
      if (!_sd_seg_carries_prose (u))
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
      para.last_start = u->prose_start;
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
          /* the span is the unfinished sentence */
          add_repair (segment, SD_REPAIR_TRUNCATED,
                      _sd_text_last_sentence_end (text, para.last_start, para.end), para.end,
                      "ends in mid-sentence: the rest is not on this page");
        }
    }
}

/* The last byline wins: a line of its own, else names glued to a paragraph. */
static void
fill_byline (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  const char *text = page->text;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role == ROLE_BYLINE)
        set_string (&segment->byline,
                    dup_names (text, u->names_start, u->names_end, u->shape == SHAPE_CREDITS));
      else if (u->role == ROLE_REPORTER && closes_story (story, i))
        set_string (&segment->byline, dup_names (text, u->reporter_start, u->reporter_end, FALSE));
      else if (u->role == ROLE_CREDIT && segment->kind == SD_STORY_KIND_PHOTO
               && u->names_end > u->names_start)
        set_string (&segment->byline, dup_names (text, u->names_start, u->names_end, FALSE));
      else if (_sd_seg_carries_prose (u) && u->tail_names && u->tail_kept)
        set_string (&segment->byline, dup_names (text, u->names_start, u->names_end, FALSE));
    }
}

static SdStoryKind
decide_kind (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  gboolean news_lead = FALSE;
  gsize chars = 0;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      if (u->role != ROLE_BODY)
        continue;
      if (u->continued)
        return SD_STORY_KIND_CONTINUATION;
      news_lead |= u->news_lead;
      break;
    }
  if (is_photo_story (page, story))
    return SD_STORY_KIND_PHOTO;
  for (guint i = 0; i < segment->paragraphs->len && chars < BRIEF_MAX_CHARS; i++)
    {
      const char *para = g_ptr_array_index (segment->paragraphs, i);

      chars += _sd_text_count_chars (para, 0, strlen (para), BRIEF_MAX_CHARS - chars);
    }
  /* a cut-off feature is judged by its likely length, a 本报讯 item is short anyway */
  if (chars < BRIEF_MAX_CHARS && segment->section_headings->len == 0
      && (news_lead || !segment->truncated))
    return SD_STORY_KIND_BRIEF;
  return SD_STORY_KIND_NEWS;
}

GPtrArray *
_sd_seg_build_segments (SdSegPage *page)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify)sd_segment_free);
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
      if (!is_photo_story (page, _sd_seg_story_at (page, s)))
        collect_captions (page, _sd_seg_story_at (page, s), segment);
    }

  for (guint i = 0; i < page->units->len; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
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
      else if (!_sd_seg_carries_prose (u))
        continue;
      block_of_unit[i] = blocks->len;
      g_array_append_val (blocks, block);
    }
  drops = _sd_ocr_find_repeats (page->text, (SdTextBlock *)blocks->data, blocks->len,
                                page->stories->len);
  drop_first = g_new0 (guint, blocks->len + 1);
  for (guint k = 0; k < drops->len; k++)
    drop_first[g_array_index (drops, SdTextDrop, k).block + 1]++;
  for (guint b = 0; b < blocks->len; b++)
    drop_first[b + 1] += drop_first[b];

  for (guint s = 0; s < page->stories->len; s++)
    {
      SdSegStory *story = _sd_seg_story_at (page, s);
      SdSegment *segment = g_ptr_array_index (built, s);

      segment->start = _sd_seg_unit_at (page, story->first)->start;
      segment->end = _sd_seg_unit_at (page, story->last)->end;
      fill_header (page, story, segment);
      build_paragraphs (page, story, segment, (SdTextBlock *)blocks->data, block_of_unit,
                        (SdTextDrop *)drops->data, drop_first);
      segment->kind = decide_kind (page, story, segment);
      fill_byline (page, story, segment);
      /* a title with no text under it is no story */
      if (segment->paragraphs->len == 0)
        {
          sd_segment_free (segment);
          continue;
        }
      g_ptr_array_add (segments, segment);
    }
  return segments;
}
