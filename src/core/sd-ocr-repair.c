/* sd-ocr-repair.c — find text printed twice on a page
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block is reduced to its content characters (Han, letters, digits) and
 * cut into overlapping shingles of SHINGLE characters, hashed into one table
 * that remembers the first two blocks holding each shingle.  A clause whose
 * characters are mostly covered by shingles seen in another block is
 * "repeated"; a long enough run of repeated clauses is either a duplicate
 * (its copy sits earlier in the same story) or a fragment (its words fit
 * another story better than the one it sits in).  Every step is a single
 * pass, so the whole is linear in the page size.
 */
#define G_LOG_DOMAIN "sd-ocr-repair"

#include "sd-ocr-repair.h"

#include "sd-text-util.h"

#define SHINGLE       8    /* characters per shingle */
#define MIN_RUN       30   /* content characters a repeated run needs */
#define COVERED_SHARE 0.8  /* share of a clause that must be seen elsewhere */
#define COPY_SHARE    0.6  /* share of a run one other block must hold */
#define NEIGHBOURS    2    /* fragments come from stories this close by */
#define MAX_COPIES    8
#define NONE          G_MAXUINT

typedef struct
{
  gunichar c;
} NormChar;

typedef struct
{
  guint first; /* content characters [first, last) */
  guint last;
  gsize start; /* bytes, with the clause's punctuation */
  gsize end;
  gboolean repeated;
} Clause;

typedef struct
{
  guint64 key;
  guint   first;
  guint   second;
} Slot;

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

  GArray *chars;        /* (element-type NormChar) every block, in order */
  guint  *char_first;   /* [n_blocks + 1] */
  GArray *clauses;      /* (element-type Clause) */
  guint  *clause_first; /* [n_blocks + 1] */
  guint  *slot_of;      /* shingle starting at each character, or NONE */
  Slot   *slots;
  gsize   mask;

  GHashTable **story_words; /* packed Han bigram → present, per story */
  GHashTable  *word_stories;/* packed Han bigram → number of stories */
} Repeats;

static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF5A)
    c -= 0xFEE0;
  return g_unichar_tolower (c);
}

static guint64
hash_shingle (const NormChar *chars)
{
  guint64 h = 0xcbf29ce484222325ULL;

  for (guint i = 0; i < SHINGLE; i++)
    {
      h ^= chars[i].c;
      h *= 0x100000001b3ULL;
    }
  return h != 0 ? h : 1;
}

static void
close_clause (Repeats *self, Clause *clause, guint block, gsize end)
{
  const SdTextBlock *b = &self->blocks[block];

  clause->last = self->chars->len;
  clause->end = end;
  _sd_text_trim (self->text, &clause->start, &clause->end);
  if (clause->end > clause->start)
    g_array_append_val (self->clauses, *clause);
  clause->first = self->chars->len;
  clause->start = end;
  clause->end = b->end;
}

/* Content characters and clauses of one block. */
static void
normalise_block (Repeats *self, guint block)
{
  const SdTextBlock *b = &self->blocks[block];
  const char *text = self->text;
  Clause clause = { self->chars->len, 0, b->start, b->end, FALSE };
  const char *p = text + b->start;

  while (p < text + b->end)
    {
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      if (_sd_text_is_content (c))
        {
          NormChar nc = { fold_char (c) };
          g_array_append_val (self->chars, nc);
        }
      else if (_sd_text_is_clause_end (c))
        {
          while (p < text + b->end && _sd_text_is_closing (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          close_clause (self, &clause, block, p - text);
        }
    }
  close_clause (self, &clause, block, b->end);
}

static gsize
next_power_of_two (gsize n)
{
  gsize size = 16;

  while (size < n)
    size <<= 1;
  return size;
}

static void
index_shingles (Repeats *self)
{
  NormChar *chars = (NormChar *) self->chars->data;

  self->slot_of = g_new (guint, self->chars->len + 1);
  self->mask = next_power_of_two (2 * (gsize) self->chars->len + 16) - 1;
  self->slots = g_new0 (Slot, self->mask + 1);

  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint first = self->char_first[block];
      guint last = self->char_first[block + 1];

      for (guint i = first; i < last; i++)
        {
          guint64 key;
          gsize pos;

          self->slot_of[i] = NONE;
          if (self->blocks[block].vocabulary_only || i + SHINGLE > last)
            continue;
          key = hash_shingle (chars + i);
          for (pos = key & self->mask;; pos = (pos + 1) & self->mask)
            {
              Slot *slot = &self->slots[pos];

              if (slot->key == 0)
                {
                  slot->key = key;
                  slot->first = block;
                  slot->second = NONE;
                  break;
                }
              if (slot->key == key)
                {
                  if (slot->first != block && slot->second == NONE)
                    slot->second = block;
                  break;
                }
            }
          self->slot_of[i] = pos;
        }
    }
}

/* The other block holding the shingle that starts at character @i. */
static guint
shingle_elsewhere (Repeats *self, guint block, guint i)
{
  const Slot *slot;

  if (self->slot_of[i] == NONE)
    return NONE;
  slot = &self->slots[self->slot_of[i]];
  return slot->first != block ? slot->first : slot->second;
}

static void
mark_repeated_clauses (Repeats *self)
{
  g_autofree int *delta = g_new0 (int, self->chars->len + SHINGLE + 1);

  for (guint block = 0; block < self->n_blocks; block++)
    for (guint i = self->char_first[block]; i < self->char_first[block + 1]; i++)
      if (shingle_elsewhere (self, block, i) != NONE)
        {
          delta[i]++;
          delta[i + SHINGLE]--;
        }

  /* prefix sums: delta[i] > 0 when character i is covered */
  for (guint i = 1; i < self->chars->len; i++)
    delta[i] += delta[i - 1];

  for (guint k = 0; k < self->clauses->len; k++)
    {
      Clause *clause = &g_array_index (self->clauses, Clause, k);
      guint covered = 0;

      for (guint i = clause->first; i < clause->last; i++)
        if (delta[i] > 0)
          covered++;
      clause->repeated = clause->last > clause->first
                         && covered >= COVERED_SHARE * (clause->last - clause->first);
    }
}

static guint
pack_bigram (gunichar a, gunichar b)
{
  if (!_sd_text_is_han (a) || !_sd_text_is_han (b) || a > 0xFFFF || b > 0xFFFF)
    return 0;
  return (a << 16) | b;
}

static void
add_story_words (Repeats *self, guint story, guint first, guint last)
{
  NormChar *chars = (NormChar *) self->chars->data;
  GHashTable *words = self->story_words[story];

  for (guint i = first; i + 1 < last; i++)
    {
      guint key = pack_bigram (chars[i].c, chars[i + 1].c);

      if (key == 0 || !g_hash_table_add (words, GUINT_TO_POINTER (key)))
        continue;
      g_hash_table_insert (self->word_stories, GUINT_TO_POINTER (key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->word_stories, GUINT_TO_POINTER (key))) + 1));
    }
}

/* Each story's vocabulary, from its own (not repeated) text and headline. */
static void
collect_story_words (Repeats *self)
{
  self->story_words = g_new0 (GHashTable *, self->n_stories);
  for (guint s = 0; s < self->n_stories; s++)
    self->story_words[s] = g_hash_table_new (NULL, NULL);
  self->word_stories = g_hash_table_new (NULL, NULL);

  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint story = self->blocks[block].story;

      for (guint k = self->clause_first[block]; k < self->clause_first[block + 1]; k++)
        {
          const Clause *clause = &g_array_index (self->clauses, Clause, k);

          if (!clause->repeated)
            add_story_words (self, story, clause->first, clause->last);
        }
    }
}

/* How well the words of characters [first, last) fit @story; words found in
 * few stories weigh most. */
static double
vote_for_story (Repeats *self, guint story, guint first, guint last)
{
  NormChar *chars = (NormChar *) self->chars->data;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  double vote = 0;

  if (story >= self->n_stories)
    return 0;
  for (guint i = first; i + 1 < last; i++)
    {
      guint key = pack_bigram (chars[i].c, chars[i + 1].c);
      guint n;

      if (key == 0 || !g_hash_table_add (seen, GUINT_TO_POINTER (key)))
        continue;
      if (!g_hash_table_contains (self->story_words[story], GUINT_TO_POINTER (key)))
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (self->word_stories, GUINT_TO_POINTER (key)));
      vote += 1.0 / MAX (n, 1);
    }
  return vote;
}

/* Which other blocks hold the shingles of characters [first, last). */
static guint
tally_copies (Repeats *self, guint block, guint first, guint last, Copy *copies)
{
  guint n_copies = 0;

  for (guint i = first; i < last; i++)
    {
      guint other = shingle_elsewhere (self, block, i);
      guint k;

      if (other == NONE)
        continue;
      for (k = 0; k < n_copies; k++)
        if (copies[k].block == other)
          break;
      if (k == n_copies)
        {
          if (n_copies == MAX_COPIES)
            continue;
          copies[n_copies++] = (Copy) { other, self->blocks[other].story, 0 };
        }
      copies[k].hits++;
    }
  return n_copies;
}

/* Decides about one run of repeated clauses; appends to @drops. */
static void
judge_run (Repeats *self, guint block, const Clause *from, const Clause *to, GArray *drops)
{
  guint host = self->blocks[block].story;
  Copy copies[MAX_COPIES];
  guint n_copies = tally_copies (self, block, from->first, to->last, copies);
  guint best = 0;
  SdTextDrop drop = { block, from->start, to->end, SD_REPAIR_DROPPED_DUPLICATE, NONE };
  double host_vote, best_vote = 0;

  if (n_copies == 0)
    return;
  for (guint k = 1; k < n_copies; k++)
    if (copies[k].hits > copies[best].hits)
      best = k;
  /* set phrases ("坚持稳中求进工作总基调") recur all over a page; a copy
   * is one stretch of text found again in one place */
  if (copies[best].hits < COPY_SHARE * (to->last - from->first))
    return;

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

  /* Pasted from elsewhere?  Ask every story near a copy whose words these are. */
  host_vote = vote_for_story (self, host, from->first, to->last);
  for (guint k = 0; k < n_copies; k++)
    for (gint d = -NEIGHBOURS; d <= NEIGHBOURS; d++)
      {
        gint story = (gint) copies[k].story + d;
        double vote;

        if (story < 0 || (guint) story == host)
          continue;
        vote = vote_for_story (self, story, from->first, to->last);
        if (vote > best_vote)
          {
            best_vote = vote;
            drop.other = story;
          }
      }
  if (best_vote > host_vote)
    {
      drop.kind = SD_REPAIR_DROPPED_FRAGMENT;
      g_array_append_val (drops, drop);
    }
}

static void
find_runs (Repeats *self, GArray *drops)
{
  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint k = self->clause_first[block];
      guint end = self->clause_first[block + 1];

      if (self->blocks[block].vocabulary_only)
        continue;
      while (k < end)
        {
          const Clause *first = &g_array_index (self->clauses, Clause, k);
          guint run_end = k, length = 0;

          if (!first->repeated)
            {
              k++;
              continue;
            }
          while (run_end < end)
            {
              const Clause *clause = &g_array_index (self->clauses, Clause, run_end);

              if (!clause->repeated && clause->last > clause->first)
                break;
              length += clause->last - clause->first;
              run_end++;
            }
          if (length >= MIN_RUN)
            judge_run (self, block, first,
                       &g_array_index (self->clauses, Clause, run_end - 1), drops);
          k = run_end;
        }
    }
}

static void
repeats_clear (Repeats *self)
{
  g_clear_pointer (&self->chars, g_array_unref);
  g_clear_pointer (&self->clauses, g_array_unref);
  g_clear_pointer (&self->char_first, g_free);
  g_clear_pointer (&self->clause_first, g_free);
  g_clear_pointer (&self->slot_of, g_free);
  g_clear_pointer (&self->slots, g_free);
  if (self->story_words != NULL)
    for (guint s = 0; s < self->n_stories; s++)
      g_hash_table_unref (self->story_words[s]);
  g_clear_pointer (&self->story_words, g_free);
  g_clear_pointer (&self->word_stories, g_hash_table_unref);
}

GArray *
_sd_ocr_find_repeats (const char        *text,
                      const SdTextBlock *blocks,
                      guint              n_blocks,
                      guint              n_stories)
{
  Repeats self = { .text = text, .blocks = blocks, .n_blocks = n_blocks, .n_stories = n_stories };
  GArray *drops = g_array_new (FALSE, FALSE, sizeof (SdTextDrop));

  self.chars = g_array_new (FALSE, FALSE, sizeof (NormChar));
  self.clauses = g_array_new (FALSE, FALSE, sizeof (Clause));
  self.char_first = g_new (guint, n_blocks + 1);
  self.clause_first = g_new (guint, n_blocks + 1);
  for (guint block = 0; block < n_blocks; block++)
    {
      self.char_first[block] = self.chars->len;
      self.clause_first[block] = self.clauses->len;
      normalise_block (&self, block);
    }
  self.char_first[n_blocks] = self.chars->len;
  self.clause_first[n_blocks] = self.clauses->len;

  index_shingles (&self);
  mark_repeated_clauses (&self);
  /* a headline is vocabulary, never a repeat */
  for (guint block = 0; block < n_blocks; block++)
    if (blocks[block].vocabulary_only)
      for (guint k = self.clause_first[block]; k < self.clause_first[block + 1]; k++)
        g_array_index (self.clauses, Clause, k).repeated = FALSE;
  collect_story_words (&self);
  find_runs (&self, drops);

  repeats_clear (&self);
  return drops;
}
