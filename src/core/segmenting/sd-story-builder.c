/* sd-story-builder.c — fill the segments of a page cut into stories
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photo credits take their captions out of the body (sd-captions.c); text printed twice is
 * left out (sd-ocr-repair.c); paragraphs broken at a column end are joined;
 * names glued after a story's last sentence become its byline; the kind
 * follows from markers and length.  Every repair is recorded with its span.
 */
#define G_LOG_DOMAIN "sd-story-builder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sd-line-structure.h"
#include "sd-segmenter-private.h"

#include "sd-ocr-repair.h"
#include "sd-text-util.h"

/* The span with markup gone and each run of spaces made one: never longer
 * than the span, so it is copied byte for byte into a buffer of that size. */
static char *
dup_clean (const char *text, gsize start, gsize end)
{
  char    *out, *o;
  gboolean space = FALSE;

  _sd_text_trim (text, &start, &end);
  out = o = g_malloc (end - start + 1);
  for (const char *p = text + start, *next; p < text + end; p = next)
    {
      gunichar c;

      /* Han (lead bytes E4 to E9) is copied as it is */
      if ((guchar) *p >= 0xE4 && (guchar) *p <= 0xE9)
        {
          if (space)
            *o++ = ' ';
          space = FALSE;
          *o++ = *p++;
          *o++ = *p++;
          *o++ = *p++;
          next = p;
          continue;
        }
      c = _sd_text_get_char (p);
      next = g_utf8_next_char (p);
      if (c == '*' || (c == '#' && o == out))
        continue;
      if (_sd_text_is_space (c))
        {
          space = o > out;
          continue;
        }
      if (space)
        *o++ = ' ';
      space = FALSE;
      while (p < next)
        *o++ = *p++;
    }
  *o = '\0';
  return out;
}

/* Text an editor reads (titles, headings): cleaned, its punctuation set
 * full width inside Chinese. */
static char *
dup_text (const char *text, gsize start, gsize end)
{
  g_autofree char *clean = dup_clean (text, start, end);

  return _sd_text_dup_widened (clean, -1);
}

/* What dup_names () keeps of role words. */
typedef enum
{
  NAMES_ONLY,        /* "记者 陈悦勤" → "陈悦勤" */
  NAMES_AND_ROLES,   /* as printed: "参与记者：…整理：张莎莎" */
  LEADING_ROLE_GONE, /* "记者 许海燕 通讯员 狄小龙" → "许海燕 通讯员 狄小龙" */
} NameForm;

/* The names of a reporter line or byline, brackets gone. */
static char *
dup_names (const char *text, gsize start, gsize end, NameForm form)
{
  char *clean, *out, *word;

  _sd_text_trim (text, &start, &end);
  _sd_text_strip_brackets (text, &start, &end);
  if (end <= start)
    return NULL;
  clean = dup_clean (text, start, end);
  if (form == NAMES_AND_ROLES)
    return clean;
  _sd_seg_close_spaced_roles (clean);
  if (form == NAMES_ONLY)
    {
      char *apart = _sd_seg_dup_roles_apart (clean);

      g_free (clean);
      clean = apart;
    }
  /* words are one space apart; what is kept of each moves down in place */
  out = clean;
  for (word = clean; *word != '\0';)
    {
      gsize length = strcspn (word, " ");
      char *next = word + length + (word[length] == ' ');
      gsize after = 0;

      /* past the first name, a reporter's credit is kept as printed */
      if (form == NAMES_ONLY ? _sd_seg_has_role_prefix (word, 0, length, &after)
                             : out == clean && (after = _sd_seg_leading_role_length (word)) > 0)
        length -= after;
      if (length > 0)
        {
          if (out > clean)
            *out++ = ' ';
          memmove (out, word + after, length);
          out += length;
        }
      word = next;
    }
  *out = '\0';
  if (out == clean)
    g_clear_pointer (&clean, g_free);
  return clean;
}

/* @detail is an untranslated message, N_() where it is written. */
void
_sd_seg_add_repair (
    SdSegment *segment, SdRepairKind kind, gsize start, gsize end, const char *detail)
{
  g_ptr_array_add (segment->repairs, sd_repair_new (kind, start, end, _(detail)));
}

static void
set_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* "记者 王某" after the last paragraph signs the story rather than
 * introducing it. */
static gboolean
closes_story (SdSegStory *story, guint i)
{
  return story->last_body != NONE && story->last_body < i;
}

/* Whether unit @i goes on with the reporter line right above it, a block
 * of them: "◎孙嘉隆 柳 鑫" over "本报记者 李诏宇", "■快报记者 都怡文" over
 * "通讯员 陈苏平". */
static gboolean
continues_reporters (SdSegPage *page, SdSegStory *story, guint i)
{
  guint next = i + 1;

  if (!(i > story->first && _sd_seg_unit_at (page, i)->role == ROLE_REPORTER
        && _sd_seg_unit_at (page, i - 1)->role == ROLE_REPORTER
        && closes_story (story, i) == closes_story (story, i - 1)))
    return FALSE;
  /* a scrap of two or three characters under the block ("证雨" for "卞
   * 雨") is its last line, misread: the names read are not all of them,
   * and the first line alone is what can be vouched for */
  while (next <= story->last
         && (_sd_seg_unit_at (page, next)->role == ROLE_REPORTER
             || _sd_seg_unit_at (page, next)->shape == SHAPE_NAMES))
    next++;
  return next > story->last || _sd_seg_unit_at (page, next)->chars > 3
         || _sd_seg_unit_has_sentence_mark (page, _sd_seg_unit_at (page, next));
}

/* Whether the line of names at unit @i, amid the story's text, heads it
 * rather than signing it: one paragraph or two above it (a lead, a
 * caption), more below ("张晓培 顾士刚" under a lead, before the story
 * goes on). */
static gboolean
heads_text (SdSegPage *page, SdSegStory *story, guint i)
{
  guint above = 0, below = 0;

  if (_sd_seg_unit_at (page, i)->role != ROLE_BYLINE
      || _sd_seg_unit_at (page, i)->shape != SHAPE_NAMES || closes_story (story, i))
    return FALSE;
  for (guint k = story->first; k <= story->last; k++)
    if (_sd_seg_carries_prose (_sd_seg_unit_at (page, k)))
      {
        if (k < i)
          above++;
        else
          below++;
      }
  return above <= 2 && below > above;
}

/* @names after the names in *@field, a space between */
static void
append_names (char **field, char *names)
{
  if (names != NULL)
    set_string (field, g_strconcat (*field, " ", names, NULL));
  g_free (names);
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
          /* a title broken over two lines is joined again */
          if (segment->headline != NULL)
            {
              g_autofree char *rest = dup_text (text, u->text_start, u->text_end);

              set_string (&segment->headline, g_strconcat (segment->headline, rest, NULL));
            }
          else
            segment->headline = dup_text (text, u->text_start, u->text_end);
          break;
        case ROLE_KICKER:
        case ROLE_SUBHEADLINE:
          /* and so is a 引题 */
          if (segment->subheadline != NULL && u->role == ROLE_KICKER && i > story->first
              && _sd_seg_unit_at (page, i - 1)->role == ROLE_KICKER)
            {
              g_autofree char *rest = dup_text (text, u->text_start, u->text_end);

              set_string (&segment->subheadline, g_strconcat (segment->subheadline, rest, NULL));
            }
          else if (segment->subheadline == NULL)
            segment->subheadline = dup_text (text, u->text_start, u->text_end);
          break;
        case ROLE_SECTION:
          g_ptr_array_add (segment->section_headings, dup_text (text, u->text_start, u->text_end));
          break;
        case ROLE_REPORTER:
          if (segment->reporter == NULL && !closes_story (story, i))
            segment->reporter =
                dup_names (text, u->reporter_start, u->reporter_end, LEADING_ROLE_GONE);
          else if (segment->reporter != NULL && !closes_story (story, i)
                   && continues_reporters (page, story, i))
            append_names (&segment->reporter,
                          dup_names (text, u->reporter_start, u->reporter_end, LEADING_ROLE_GONE));
          break;
        case ROLE_STRAY:
          /* "卞 雨": the last line of names of a reporter block, left over;
           * set out with spaces as the block is (a lone word may be debris) */
          if (u->shape == SHAPE_NAMES && segment->reporter != NULL && !closes_story (story, i)
              && _sd_text_contains (text, u->names_start, u->names_end, " ") && i > story->first
              && _sd_seg_unit_at (page, i - 1)->role == ROLE_REPORTER)
            append_names (&segment->reporter,
                          dup_names (text, u->names_start, u->names_end, NAMES_ONLY));
          break;
        case ROLE_BODY:
          if ((u->news_lead || u->head_credit) && u->reporter_end > u->reporter_start
              && segment->reporter == NULL)
            segment->reporter =
                dup_names (text, u->reporter_start, u->reporter_end, LEADING_ROLE_GONE);
          break;
        case ROLE_BYLINE:
          if (segment->reporter == NULL && heads_text (page, story, i))
            segment->reporter = dup_names (text, u->names_start, u->names_end, NAMES_ONLY);
          break;
        case ROLE_CREDIT:
        case ROLE_CAPTION:
        default:
          break;
        }
    }
}

/* ---- paragraphs --------------------------------------------------------- */

typedef struct
{
  GString *text;       /* a buffer kept from story to story */
  gboolean open;       /* it holds a paragraph */
  gsize    last_start; /* page offset where its last piece starts */
  gsize    end;        /* page offset where its text ends */
  gboolean ends_sentence;
} Paragraph;

/* Appends the unit's prose minus the dropped spans to @out (nullable);
 * returns whether anything was kept. */
static gboolean
append_kept_prose (SdSegPage        *page,
                   SdSegUnit        *u,
                   const SdTextDrop *drops,
                   guint             n_drops,
                   GString          *out,
                   gsize            *kept_end)
{
  gsize    pos = u->prose_start;
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
  SdRepair *repair = sd_repair_new (drop->kind, drop->start, drop->end, NULL);

  if (drop->kind == SD_REPAIR_DROPPED_DUPLICATE)
    {
      /* the offset formatted apart keeps G_GSIZE_FORMAT out of the message */
      gsize            at = blocks[drop->other].start;
      g_autofree char *offset = NULL;

      /* in the page, not in its lines as joined for reading */
      if (page->lines != NULL)
        at = sd_line_structure_to_page (page->lines, at);
      offset = g_strdup_printf ("%" G_GSIZE_FORMAT, at);

      repair->detail = g_strdup_printf (_("repeats the paragraph at byte %s"), offset);
    }
  else if (drop->kind == SD_REPAIR_DROPPED_MARK)
    repair->detail = g_strdup (_("a mark read from a column rule or a speck"));
  else
    {
      const SdSegStory *owner = _sd_seg_story_at (page, drop->other);
      g_autofree char  *headline = NULL;

      if (owner->headline != NONE)
        headline = dup_text (page->text, _sd_seg_unit_at (page, owner->headline)->text_start,
                             _sd_seg_unit_at (page, owner->headline)->text_end);
      repair->detail = g_strdup_printf (_("text of the story “%s” pasted in"),
                                           headline != NULL ? headline : "…");
    }
  g_ptr_array_add (segment->repairs, repair);
}

/* Names after the last sentence are a byline only where the story's text
 * stops; "…40多人次。典型示" followed by "范走在前…" is a word cut in two. */
static void
settle_tails (SdSegPage *page, SdSegStory *story, const gboolean *kept)
{
  /* whether kept text comes before the next heading: one pass from the
   * end, not a look ahead from every unit */
  gboolean text_follows = FALSE;

  for (guint i = story->last + 1; i-- > story->first;)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);

      u->tail_kept = u->tail_credit;
      if (u->tail_names && !u->tail_credit)
        {
          u->tail_kept = !text_follows;
          if (!u->tail_kept)
            {
              u->tail_names = FALSE;
              u->prose_end = u->tail_end;
              u->ends_sentence = _sd_text_ends_sentence (page->text, u->prose_start, u->prose_end);
            }
        }
      if (u->role == ROLE_SECTION || u->role == ROLE_HEADLINE)
        text_follows = FALSE;
      else if (u->role == ROLE_BODY && kept[i - story->first])
        text_follows = TRUE;
    }
}

/* Adds the first @length bytes of the paragraph buffer as a paragraph. */
static void
add_paragraph (SdSegment *segment, Paragraph *para, gsize length)
{
  g_ptr_array_add (segment->paragraphs, _sd_text_dup_widened (para->text->str, length));
}

/* A section head is a paragraph of its own where it stands, the same text
 * as in section_headings (which tells readers it is one); the paragraph
 * before it ends there. */
static void
add_heading (SdSegPage *page, SdSegUnit *u, SdSegment *segment, Paragraph *para)
{
  if (para->open)
    add_paragraph (segment, para, para->text->len);
  g_string_truncate (para->text, 0);
  para->open = FALSE;
  para->ends_sentence = TRUE;
  g_ptr_array_add (segment->paragraphs, dup_text (page->text, u->text_start, u->text_end));
}

static void
build_paragraphs (SdSegPage         *page,
                  SdSegStory        *story,
                  SdSegment         *segment,
                  const SdTextBlock *blocks,
                  const guint       *block_of_unit,
                  const SdTextDrop  *drops,
                  const guint       *drop_first,
                  GString           *buffer)
{
  const char          *text = page->text;
  Paragraph            para = { buffer, FALSE, 0, 0, TRUE };
  g_autofree gboolean *kept = g_new0 (gboolean, story->last - story->first + 1);
  gboolean             any_kept = FALSE, keep_all = FALSE;

  for (guint pass = 0; pass < 2 && !any_kept; pass++)
    {
      /* text repeated in full elsewhere still is this story's text: a
       * story is never left out whole, only pieces of it */
      keep_all = pass == 1;
      for (guint i = story->first; i <= story->last; i++)
        {
          SdSegUnit *u = _sd_seg_unit_at (page, i);
          guint      block = keep_all ? NONE : block_of_unit[i];
          gsize      kept_end;

          if (_sd_seg_carries_prose (u))
            kept[i - story->first] = append_kept_prose (
                page, u, block != NONE && drops != NULL ? drops + drop_first[block] : NULL,
                block != NONE ? drop_first[block + 1] - drop_first[block] : 0, NULL, &kept_end);
          any_kept |= kept[i - story->first];
        }
    }
  settle_tails (page, story, kept);

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      guint      block = keep_all ? NONE : block_of_unit[i];
      /* No repeats on the page: no array to point into at all. */
      const SdTextDrop *own = block != NONE && drops != NULL ? drops + drop_first[block] : NULL;
      guint             n_own = block != NONE ? drop_first[block + 1] - drop_first[block] : 0;
      gsize             kept_end = 0, piece;

      if (u->role == ROLE_SECTION)
        add_heading (page, u, segment, &para);
      if (!_sd_seg_carries_prose (u))
        continue;

      for (guint k = 0; k < n_own; k++)
        note_drop (page, segment, &own[k], blocks);
      /* the kept prose goes after the paragraph so far, and starts a
       * paragraph of its own unless it joins that one */
      piece = para.text->len;
      if (!append_kept_prose (page, u, own, n_own, para.text, &kept_end))
        continue;

      if (para.open && !para.ends_sentence)
        _sd_seg_add_repair (segment, SD_REPAIR_JOINED_BREAK, para.end, u->prose_start,
                            N_("paragraph broken mid-sentence at a column end, joined again"));
      else
        {
          if (para.open)
            {
              add_paragraph (segment, &para, piece);
              g_string_erase (para.text, 0, piece);
            }
          para.open = TRUE;
        }
      para.last_start = u->prose_start;
      para.end = kept_end;
      para.ends_sentence = _sd_text_ends_sentence (text, u->prose_start, kept_end);
      if (u->tail_names && kept_end == u->prose_end)
        _sd_seg_add_repair (segment, SD_REPAIR_SPLIT_BYLINE, u->tail_start, u->tail_end,
                            N_("names glued to the last sentence split off as the byline"));
      else if (u->tail_names)
        u->tail_kept = FALSE; /* left out with the text it closed */
    }
  if (para.open)
    {
      add_paragraph (segment, &para, para.text->len);
      g_string_truncate (para.text, 0);
      if (!para.ends_sentence)
        {
          segment->truncated = TRUE;
          /* the span is the unfinished sentence */
          _sd_seg_add_repair (segment, SD_REPAIR_TRUNCATED,
                              _sd_text_last_sentence_end (text, para.last_start, para.end),
                              para.end, N_("ends in mid-sentence: the rest is not on this page"));
        }
    }
}

/* Whether the names of credit unit @u are those of @names (nullable). */
static gboolean
names_differ (SdSegPage *page, SdSegUnit *u, const char *names)
{
  gsize n = u->names_end - u->names_start;

  return names != NULL
         && (strlen (names) != n || memcmp (names, page->text + u->names_start, n) != 0);
}

/* The last byline wins: a line of its own, else names glued to a paragraph.
 * A photo item's credit signs it, unless its photos are credited to
 * different photographers (a spread): then the credits are the photos'. */
static void
fill_byline (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  const char      *text = page->text;
  g_autofree char *credited = NULL; /* the names of the first photo credit */
  gboolean         from_credit = FALSE, mixed = FALSE;

  for (guint i = story->first; i <= story->last; i++)
    {
      SdSegUnit *u = _sd_seg_unit_at (page, i);
      gboolean   credit;

      credit = segment->kind == SD_STORY_KIND_PHOTO && u->names_end > u->names_start
               && (u->role == ROLE_CREDIT
                   || (_sd_seg_carries_prose (u) && u->tail_kept && u->tail_credit));
      if (credit)
        {
          mixed |= names_differ (page, u, credited);
          if (credited == NULL)
            credited = g_strndup (text + u->names_start, u->names_end - u->names_start);
        }
      if (u->role == ROLE_BYLINE && heads_text (page, story, i))
        continue;
      if (u->role == ROLE_BYLINE)
        set_string (&segment->byline,
                    dup_names (text, u->names_start, u->names_end,
                               u->shape == SHAPE_CREDITS ? NAMES_AND_ROLES : NAMES_ONLY));
      else if (u->role == ROLE_REPORTER && closes_story (story, i) && segment->byline != NULL
               && continues_reporters (page, story, i))
        append_names (&segment->byline,
                      dup_names (text, u->reporter_start, u->reporter_end, NAMES_ONLY));
      else if (u->role == ROLE_REPORTER && closes_story (story, i))
        set_string (&segment->byline,
                    dup_names (text, u->reporter_start, u->reporter_end, NAMES_ONLY));
      /* a photo's credit may name an office: "（宝应县委宣传部供图）" */
      else if (credit || (_sd_seg_carries_prose (u) && u->tail_kept && u->tail_names))
        set_string (&segment->byline, dup_names (text, u->names_start, u->names_end, NAMES_ONLY));
      else
        continue;
      from_credit = credit;
    }
  if (from_credit && mixed)
    g_clear_pointer (&segment->byline, g_free);
}

static SdStoryKind
decide_kind (SdSegPage *page, SdSegStory *story, SdSegment *segment)
{
  gboolean news_lead = FALSE;
  gsize    chars = 0, bytes = 0;

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
  if (_sd_seg_is_photo_story (page, story))
    return SD_STORY_KIND_PHOTO;
  /* no character is shorter than a byte: a short story need not be counted */
  for (guint i = 0; i < segment->paragraphs->len && bytes < BRIEF_MAX_CHARS; i++)
    bytes += strlen (g_ptr_array_index (segment->paragraphs, i));
  if (bytes >= BRIEF_MAX_CHARS)
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
  GPtrArray *segments = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_segment_free);
  g_autoptr (GArray) blocks =
      g_array_sized_new (FALSE, FALSE, sizeof (SdTextBlock), page->units->len + 1);
  g_autofree guint *block_of_unit = g_new (guint, page->units->len + 1);
  g_autofree guint *drop_first = NULL;
  g_autoptr (GArray) drops = NULL;
  g_autoptr (GPtrArray) built = g_ptr_array_new ();
  g_autoptr (GString) buffer = g_string_sized_new (4096); /* a paragraph being built */

  /* captions first: they are not body text and must not count as repeats */
  for (guint s = 0; s < page->stories->len; s++)
    {
      SdSegment *segment = sd_segment_new ();

      g_ptr_array_add (built, segment);
      _sd_seg_collect_captions (page, _sd_seg_story_at (page, s), segment);
    }

  for (guint i = 0; i < page->units->len; i++)
    {
      SdSegUnit  *u = _sd_seg_unit_at (page, i);
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
  drops = _sd_ocr_find_repeats (page->text, (SdTextBlock *) blocks->data, blocks->len,
                                page->stories->len);
  _sd_ocr_add_stray_marks (page->text, (SdTextBlock *) blocks->data, blocks->len, drops);
  drop_first = g_new0 (guint, blocks->len + 1);
  for (guint k = 0; k < drops->len; k++)
    drop_first[g_array_index (drops, SdTextDrop, k).block + 1]++;
  for (guint b = 0; b < blocks->len; b++)
    drop_first[b + 1] += drop_first[b];

  for (guint s = 0; s < page->stories->len; s++)
    {
      SdSegStory *story = _sd_seg_story_at (page, s);
      SdSegment  *segment = g_ptr_array_index (built, s);

      segment->start = _sd_seg_unit_at (page, story->first)->start;
      segment->end = _sd_seg_unit_at (page, story->last)->end;
      fill_header (page, story, segment);
      build_paragraphs (page, story, segment, (SdTextBlock *) blocks->data, block_of_unit,
                        (SdTextDrop *) drops->data, drop_first, buffer);
      segment->kind = decide_kind (page, story, segment);
      fill_byline (page, story, segment);
      /* a title with no text under it, its heads (one paragraph each) aside, is no story */
      if (segment->paragraphs->len == segment->section_headings->len)
        {
          sd_segment_free (segment);
          continue;
        }
      g_ptr_array_add (segments, segment);
    }
  return segments;
}
