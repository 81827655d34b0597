/* sd-ocr-repair.c — find text printed twice on a page
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block is reduced to its content characters (Han, letters, digits)
 * and cut into clauses at the punctuation.  The shingle of SHINGLE
 * characters at the start of each clause is an anchor: text printed twice
 * is punctuated the same way twice, so its copies share anchors.  The
 * anchors are sorted by hash, each learns a copy in another block, and from
 * each anchor with a copy the two texts are walked both ways as far as they
 * agree (sd-ocr-agree.c): that stretch is seen elsewhere.  A clause mostly inside such
 * stretches is "repeated"; a long enough run of repeated clauses is either
 * a duplicate (its copy sits earlier in the same story) or a fragment (its
 * words fit another story better than the one it sits in: see
 * sd-fragment-owner.c), unless the two stories are one story printed
 * twice.  Every step is a pass over the text, over the anchors or over one
 * run, so the whole is linear in the page size.
 */
#define G_LOG_DOMAIN "sd-ocr-repair"

#include "config.h"

#include "sd-ocr-repair.h"

#include "sd-fragment-owner-private.h"
#include "sd-text-util.h"

#include <string.h>

#define SHINGLE 8         /* characters per shingle */
#define MIN_RUN 30        /* content characters a repeated run needs */
#define COVERED_SHARE 0.8 /* share of a clause that must be seen elsewhere */
#define COPY_SHARE 0.6    /* share of a run one other block must hold */
#define MAX_COPIES SD_FRAGMENT_MAX_COPIES
#define NONE G_MAXUINT
#define HASH_BASE 0x100000001B3ULL
#define HASH_MIX 0x9E3779B97F4A7C15ULL

/* An anchor: a shingle picked to look for copies by, in page order. */
typedef struct
{
  guint pos; /* its first character */
  guint block;
  guint copy; /* the anchor of a copy in another block, or NONE */
} Anchor;

/* An anchor's key (the high bits of its hash), to sort by. */
typedef struct
{
  guint32 key;
  guint32 anchor;
} Keyed;

/* A stretch of text found again in another block: the shingles starting
 * at [first, last) lie in it. */
typedef struct
{
  guint first;
  guint last;
  guint copy_block;
} Match;

typedef struct
{
  guint block;
  guint story;
  guint hits;
} Copy;

typedef struct
{
  const char        *text;
  const SdTextBlock *blocks;
  guint              n_blocks;
  guint              n_stories;

  gunichar    *chars; /* content characters of every block, in order, folded */
  guint        n_chars;
  guint       *char_first; /* [n_blocks + 1] */
  SdOcrClause *clauses;
  guint        n_clauses;
  guint        clauses_size;
  guint       *clause_first; /* [n_blocks + 1] */
  Anchor      *anchors;
  Keyed       *keys;
  guint        n_anchors;
  guint        anchors_size;
  GArray      *matches;  /* (element-type Match) in page order */
  guint        match_at; /* the first that tally_copies () may need */

  guint *story_block; /* [n_stories + 1]: each story's first block */
  guint *story_chars; /* content characters of each story's text */
  guint  twin_at;     /* the first match of the host judged now */
  guint  tallied;     /* that host, whose text found_in tallies */
  guint *found_in;    /* [n_stories]: its characters found in each story */
  guint *touched;     /* the stories found_in counts */
  guint  n_touched;

  /* runs whose copy sits in another story: whose text each is can only be
   * told once the words of all are known */
  GArray *fragments;      /* (element-type SdFragment) */
  GArray *fragment_drops; /* (element-type guint) the place of each among the drops */
} Repeats;

static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF5A)
    c -= 0xFEE0;
  if (c >= 'A' && c <= 'Z')
    return c + ('a' - 'A');
  return c < 0x80 || _sd_text_is_han (c) ? c : g_unichar_tolower (c);
}

/* Ends the clause at @end (bytes) and @n_chars, and starts the next.  A
 * clause with no content character is kept only if it holds more than
 * spaces; the spans of the others are trimmed when a drop needs them. */
static void
close_clause (Repeats *self, SdOcrClause *clause, guint n_chars, gsize end)
{
  clause->last = n_chars;
  clause->end = end;
  if (clause->last == clause->first)
    {
      gsize start = clause->start, stop = clause->end;

      _sd_text_trim (self->text, &start, &stop);
      if (stop == start)
        {
          clause->start = end;
          return;
        }
    }
  if (self->n_clauses == self->clauses_size)
    {
      self->clauses_size *= 2;
      self->clauses = g_renew (SdOcrClause, self->clauses, self->clauses_size);
    }
  self->clauses[self->n_clauses++] = *clause;
  clause->first = n_chars;
  clause->start = end;
}

/* Content characters and clauses of one block. */
static void
normalise_block (Repeats *self, guint block)
{
  const SdTextBlock *b = &self->blocks[block];
  const char        *text = self->text;
  const guchar      *p = (const guchar *) text + b->start, *end = (const guchar *) text + b->end;
  gunichar          *chars = self->chars;
  guint              n = self->n_chars;
  SdOcrClause        clause = { n, 0, b->start, b->end, FALSE };

  /* sized beforehand for one character per byte at most */
  while (p < end)
    {
      gunichar c;

      /* most of a page is runs of Han from U+4E00 on (lead bytes E4 to
       * E9), which folds to itself */
      while ((guint) (*p - 0xE4) <= 0xE9 - 0xE4)
        {
          c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          if (c < 0x4E00)
            break;
          chars[n++] = c;
          p += 3;
          if (p >= end)
            break;
        }
      if (p >= end)
        break;
      c = _sd_text_get_char ((const char *) p);
      p += g_utf8_skip[*p];
      if (_sd_text_is_content (c))
        chars[n++] = fold_char (c);
      else if (_sd_text_is_clause_end (c))
        {
          while (p < end && _sd_text_is_closing (_sd_text_get_char ((const char *) p)))
            p += g_utf8_skip[*p];
          close_clause (self, &clause, n, (const char *) p - text);
        }
    }
  clause.end = b->end;
  close_clause (self, &clause, n, b->end);
  self->n_chars = n;
}

static gboolean
has_shingles (Repeats *self, guint block)
{
  return !self->blocks[block].vocabulary_only
         && self->char_first[block + 1] - self->char_first[block] >= SHINGLE;
}

/* The shingle at the start of each clause of a block is an anchor.  Text
 * printed twice is punctuated the same way twice, so two copies of a
 * stretch share the anchors of the clauses that start in it, and a
 * stretch long enough to matter holds a clause start or two: no other
 * shingle needs a hash. */
static void
pick_anchors (Repeats *self, guint block)
{
  guint end = self->char_first[block + 1];

  if (self->anchors_size - self->n_anchors < self->n_clauses - self->clause_first[block])
    {
      self->anchors_size = MAX (2 * self->anchors_size, self->n_anchors + self->n_clauses);
      self->anchors = g_renew (Anchor, self->anchors, self->anchors_size);
      self->keys = g_renew (Keyed, self->keys, self->anchors_size);
    }
  for (guint k = self->clause_first[block]; k < self->n_clauses; k++)
    {
      guint   first = self->clauses[k].first;
      guint64 h = 0;

      /* a shingle may run on into the next clauses, not past the block */
      if (first + SHINGLE > end)
        break;
      /* a clause of punctuation alone starts where the next one does */
      if (self->clauses[k].last == first)
        continue;
      for (guint i = 0; i < SHINGLE; i++)
        h = h * HASH_BASE + self->chars[first + i] + 1;
      self->keys[self->n_anchors] = (Keyed){ (h * HASH_MIX) >> 32, self->n_anchors };
      self->anchors[self->n_anchors++] = (Anchor){ first, block, NONE };
    }
}

/* Sorts the keys, page order kept among equal ones: a radix sort, eleven
 * bits a pass. */
static void
sort_keys (Repeats *self)
{
  g_autofree Keyed *spare = g_new (Keyed, self->n_anchors + 1);
  Keyed            *from = self->keys, *to = spare;

  for (guint shift = 0; shift < 32; shift += 11)
    {
      guint  count[2048 + 1] = { 0 };
      Keyed *swap;

      for (guint a = 0; a < self->n_anchors; a++)
        count[((from[a].key >> shift) & 2047) + 1]++;
      for (guint d = 1; d <= 2048; d++)
        count[d] += count[d - 1];
      for (guint a = 0; a < self->n_anchors; a++)
        to[count[(from[a].key >> shift) & 2047]++] = from[a];
      swap = from;
      from = to;
      to = swap;
    }
  /* three passes: the sorted keys are in spare */
  memcpy (self->keys, from, self->n_anchors * sizeof (Keyed));
}

/* Anchors of one key are the same shingle (the characters are compared
 * when a copy is followed).  Each learns a copy in another block: the
 * first anchor of its key, or for anchors in the first one's block, the
 * first in any other block. */
static void
pair_anchors (Repeats *self)
{
  const Keyed *keys = self->keys;
  Anchor      *anchors = self->anchors;

  for (guint a = 0; a < self->n_anchors;)
    {
      guint end = a + 1, second = NONE, first_block = anchors[keys[a].anchor].block;

      while (end < self->n_anchors && keys[end].key == keys[a].key)
        {
          if (second == NONE && anchors[keys[end].anchor].block != first_block)
            second = keys[end].anchor;
          end++;
        }
      if (second != NONE)
        for (guint k = a; k < end; k++)
          {
            Anchor *anchor = &anchors[keys[k].anchor];

            anchor->copy = anchor->block != first_block ? keys[a].anchor : second;
          }
      a = end;
    }
}

/* Adds the characters of [start, end) to the clauses they fall in, from
 * clause *k on; clauses before @start are passed for good. */
static void
cover_clauses (Repeats *self, guint *covered, guint *k, guint start, guint end)
{
  while (*k < self->n_clauses && self->clauses[*k].last <= start)
    (*k)++;
  for (guint j = *k; j < self->n_clauses && self->clauses[j].first < end; j++)
    {
      guint from = MAX (start, self->clauses[j].first);
      guint to = MIN (end, self->clauses[j].last);

      if (to > from)
        covered[j] += to - from;
    }
}

/* From each anchor with a copy, in page order, the copy is followed both
 * ways as far as the two texts agree: the characters in between are seen
 * elsewhere.  The walk goes on after the stretch found and never back into
 * it, so each character is compared a few times at most. */
static void
follow_copies (Repeats *self, guint *covered)
{
  const gunichar *chars = self->chars;
  guint           k = 0, stretch_start = 0, stretch_end = 0;
  guint           resume = 0; /* no walk starts before */

  for (guint a = 0; a < self->n_anchors; a++)
    {
      const Anchor *anchor = &self->anchors[a], *copy;
      guint         i = anchor->pos, j, left = 0, right = SHINGLE;
      guint         start, end, copy_start, copy_end, floor;
      Match         match;

      if (anchor->copy == NONE || i < resume)
        continue;
      copy = &self->anchors[anchor->copy];
      j = copy->pos;
      /* keys of 32 bits may meet by chance */
      if (memcmp (chars + i, chars + j, SHINGLE * sizeof (gunichar)) != 0)
        continue;
      start = self->char_first[anchor->block];
      end = self->char_first[anchor->block + 1];
      copy_start = self->char_first[copy->block];
      copy_end = self->char_first[copy->block + 1];
      floor = MAX (start, resume);
      right += _sd_ocr_agree_ahead (chars, i + right, end, j + right, copy_end);
      left += _sd_ocr_agree_behind (chars, i - left, floor, j - left, copy_start);

      /* shingles in two stretches go with the later one */
      match = (Match){ i - left, i + right + 1 - SHINGLE, copy->block };
      if (self->matches->len > 0)
        {
          Match *last = &g_array_index (self->matches, Match, self->matches->len - 1);

          last->last = MIN (last->last, match.first);
        }
      g_array_append_val (self->matches, match);
      resume = match.last;

      /* stretches come in page order; touching ones are merged */
      if (i - left > stretch_end)
        {
          cover_clauses (self, covered, &k, stretch_start, stretch_end);
          stretch_start = i - left;
        }
      stretch_end = MAX (stretch_end, i + right);
    }
  cover_clauses (self, covered, &k, stretch_start, stretch_end);
}

/* Finds the text seen in another block: a clause is repeated when most of
 * its characters are. */
static void
find_repeated_clauses (Repeats *self)
{
  g_autofree guint *covered = g_new0 (guint, self->n_clauses + 1);

  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  sort_keys (self);
  pair_anchors (self);
  follow_copies (self, covered);

  for (guint j = 0; j < self->n_clauses; j++)
    {
      SdOcrClause *clause = &self->clauses[j];

      clause->repeated = clause->last > clause->first
                         && covered[j] >= COVERED_SHARE * (clause->last - clause->first);
    }
}

/* Which other blocks hold the shingles of characters [first, last).
 * Runs come in page order, and so do the matches. */
static guint
tally_copies (Repeats *self, guint first, guint last, Copy *copies)
{
  const Match *matches = (const Match *) self->matches->data;
  guint        n_copies = 0;

  while (self->match_at < self->matches->len && matches[self->match_at].last <= first)
    self->match_at++;
  for (guint m = self->match_at; m < self->matches->len && matches[m].first < last; m++)
    {
      guint from = MAX (first, matches[m].first), to = MIN (last, matches[m].last), k;

      if (to <= from)
        continue;
      for (k = 0; k < n_copies; k++)
        if (copies[k].block == matches[m].copy_block)
          break;
      if (k == n_copies)
        {
          if (n_copies == MAX_COPIES)
            continue;
          copies[n_copies++] =
              (Copy){ matches[m].copy_block, self->blocks[matches[m].copy_block].story, 0 };
        }
      copies[k].hits += to - from;
    }
  return n_copies;
}

/* Whether @host is @other printed again: two thirds of the text of each
 * is found in the other.  A page put together from several printings
 * holds such twins; their text is their own, not pasted in.  Runs are
 * judged in page order, so the stretches of each host come in turn. */
static gboolean
is_twin (Repeats *self, guint host, guint other)
{
  const Match *matches = (const Match *) self->matches->data;

  /* what the host's text is found in is tallied once for all its runs */
  if (self->tallied != host)
    {
      guint first = self->char_first[self->story_block[host]];
      guint last = self->char_first[self->story_block[host + 1]];

      for (guint k = 0; k < self->n_touched; k++)
        self->found_in[self->touched[k]] = 0;
      self->n_touched = 0;
      while (self->twin_at < self->matches->len && matches[self->twin_at].first < first)
        self->twin_at++;
      for (guint m = self->twin_at; m < self->matches->len && matches[m].first < last; m++)
        if (matches[m].last > matches[m].first)
          {
            guint story = self->blocks[matches[m].copy_block].story;

            if (self->found_in[story] == 0)
              self->touched[self->n_touched++] = story;
            self->found_in[story] += matches[m].last - matches[m].first + SHINGLE - 1;
          }
      self->tallied = host;
    }
  return 3 * self->found_in[other] >= 2 * self->story_chars[host]
         && 3 * self->found_in[other] >= 2 * self->story_chars[other];
}

/* Decides about one run of repeated clauses [from, to]; appends to @drops. */
static void
judge_run (Repeats *self, guint block, guint from, guint to, GArray *drops)
{
  const SdOcrClause *first = &self->clauses[from], *last = &self->clauses[to];
  guint              host = self->blocks[block].story;
  Copy               copies[MAX_COPIES];
  guint              n_copies = tally_copies (self, first->first, last->last, copies);
  guint              best = 0;
  gsize      start = first->start, end = first->end, last_start = last->start, last_end = last->end;
  SdTextDrop drop;
  SdFragment fragment = { .block = block, .from = from, .to = to, .n_copies = n_copies };

  if (n_copies == 0)
    return;
  for (guint k = 1; k < n_copies; k++)
    if (copies[k].hits > copies[best].hits)
      best = k;
  /* set phrases ("坚持稳中求进工作总基调") recur all over a page; a copy
   * is one stretch of text found again in one place */
  if (copies[best].hits < COPY_SHARE * (last->last - first->first))
    return;

  /* clauses keep their spaces until a drop needs its span */
  _sd_text_trim (self->text, &start, &end);
  _sd_text_trim (self->text, &last_start, &last_end);
  drop = (SdTextDrop){ block, start, last_end, SD_REPAIR_DROPPED_DUPLICATE, NONE };

  if (copies[best].story == host)
    {
      /* printed twice in one story: keep the first copy */
      if (copies[best].block < block)
        {
          drop.other = copies[best].block;
          g_array_append_val (drops, drop);
        }
      return;
    }

  if (is_twin (self, host, copies[best].story))
    return;
  /* pasted from elsewhere, maybe: keep its place, judge_fragments() decides */
  for (guint k = 0; k < n_copies; k++)
    fragment.copy_story[k] = copies[k].story;
  drop.kind = SD_REPAIR_DROPPED_FRAGMENT;
  g_array_append_val (self->fragment_drops, drops->len);
  g_array_append_val (drops, drop);
  g_array_append_val (self->fragments, fragment);
}

/* Pasted from elsewhere?  A fragment its own story fits best stays; the
 * others are left out as text of their owner. */
static void
judge_fragments (Repeats *self, GArray *drops)
{
  SdFragment *fragments = (SdFragment *) self->fragments->data;
  SdOcrText   text = {
      .blocks = self->blocks,
      .n_blocks = self->n_blocks,
      .n_stories = self->n_stories,
      .chars = self->chars,
      .clauses = self->clauses,
      .clause_first = self->clause_first,
      .story_block = self->story_block,
  };
  guint kept = 0;

  if (self->fragments->len == 0)
    return;
  _sd_fragment_find_owners (&text, fragments, self->fragments->len);
  for (guint f = 0; f < self->fragments->len; f++)
    {
      SdTextDrop *drop =
          &g_array_index (drops, SdTextDrop, g_array_index (self->fragment_drops, guint, f));

      drop->other = fragments[f].owner;
      if (fragments[f].owner == NONE)
        drop->block = NONE;
    }

  /* the drops that stay, in their order */
  for (guint k = 0; k < drops->len; k++)
    if (g_array_index (drops, SdTextDrop, k).block != NONE)
      g_array_index (drops, SdTextDrop, kept++) = g_array_index (drops, SdTextDrop, k);
  g_array_set_size (drops, kept);
}

/* Where each story's blocks start, and how much text each has. */
static void
index_stories (Repeats *self)
{
  self->story_block = g_new (guint, self->n_stories + 1);
  self->story_chars = g_new0 (guint, self->n_stories + 1);
  self->found_in = g_new0 (guint, self->n_stories + 1);
  self->touched = g_new (guint, self->n_stories + 1);
  self->tallied = NONE;
  for (guint s = 0, b = 0; s <= self->n_stories; s++)
    {
      self->story_block[s] = b;
      for (; b < self->n_blocks && self->blocks[b].story <= s; b++)
        if (has_shingles (self, b))
          self->story_chars[MIN (self->blocks[b].story, self->n_stories)] +=
              self->char_first[b + 1] - self->char_first[b];
    }
}

static void
find_runs (Repeats *self, GArray *drops)
{
  index_stories (self);
  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint k = self->clause_first[block];
      guint end = self->clause_first[block + 1];

      if (self->blocks[block].vocabulary_only)
        continue;
      while (k < end)
        {
          guint run_end = k, length = 0;

          if (!self->clauses[k].repeated)
            {
              k++;
              continue;
            }
          while (run_end < end)
            {
              const SdOcrClause *clause = &self->clauses[run_end];

              if (!clause->repeated && clause->last > clause->first)
                break;
              length += clause->last - clause->first;
              run_end++;
            }
          if (length >= MIN_RUN)
            judge_run (self, block, k, run_end - 1, drops);
          k = run_end;
        }
    }
  judge_fragments (self, drops);
}

static void
repeats_clear (Repeats *self)
{
  g_clear_pointer (&self->clauses, g_free);
  g_clear_pointer (&self->char_first, g_free);
  g_clear_pointer (&self->clause_first, g_free);
  g_clear_pointer (&self->chars, g_free);
  g_clear_pointer (&self->anchors, g_free);
  g_clear_pointer (&self->story_block, g_free);
  g_clear_pointer (&self->story_chars, g_free);
  g_clear_pointer (&self->found_in, g_free);
  g_clear_pointer (&self->touched, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->fragment_drops, g_array_unref);
}

GArray *
_sd_ocr_find_repeats (const char *text, const SdTextBlock *blocks, guint n_blocks, guint n_stories)
{
  Repeats self = { .text = text, .blocks = blocks, .n_blocks = n_blocks, .n_stories = n_stories };
  GArray *drops = g_array_new (FALSE, FALSE, sizeof (SdTextDrop));
  gsize   total = 0;

  self.fragments = g_array_new (FALSE, FALSE, sizeof (SdFragment));
  self.fragment_drops = g_array_new (FALSE, FALSE, sizeof (guint));
  self.char_first = g_new (guint, n_blocks + 1);
  self.clause_first = g_new (guint, n_blocks + 1);
  for (guint block = 0; block < n_blocks; block++)
    total += blocks[block].end - blocks[block].start;
  /* most clauses take 24 bytes (eight characters) or more: growing seldom
   * copies */
  self.clauses_size = (guint) (total / 24) + n_blocks + 64;
  self.clauses = g_new (SdOcrClause, self.clauses_size);
  /* sized for every byte to be a character */
  self.chars = g_new (gunichar, total + 1);
  /* anchors are picked while a block's characters are in the cache */
  self.anchors_size = self.clauses_size;
  self.anchors = g_new (Anchor, self.anchors_size);
  self.keys = g_new (Keyed, self.anchors_size);
  for (guint block = 0; block < n_blocks; block++)
    {
      self.char_first[block] = self.n_chars;
      self.clause_first[block] = self.n_clauses;
      normalise_block (&self, block);
      self.char_first[block + 1] = self.n_chars;
      if (has_shingles (&self, block))
        pick_anchors (&self, block);
    }
  self.char_first[n_blocks] = self.n_chars;
  self.clause_first[n_blocks] = self.n_clauses;

  find_repeated_clauses (&self);
  /* a headline is vocabulary, never a repeat */
  for (guint block = 0; block < n_blocks; block++)
    if (blocks[block].vocabulary_only)
      for (guint k = self.clause_first[block]; k < self.clause_first[block + 1]; k++)
        self.clauses[k].repeated = FALSE;
  find_runs (&self, drops);

  repeats_clear (&self);
  return drops;
}