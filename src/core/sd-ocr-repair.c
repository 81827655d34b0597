/* sd-ocr-repair.c — find text printed twice on a page
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each block is reduced to its content characters (Han, letters, digits) and
 * cut into overlapping shingles of SHINGLE characters with a rolling hash.
 * Two bit filters pick the shingles that may occur twice; only those go
 * into a hash table that remembers the first two blocks holding each.  A
 * clause whose characters are mostly covered by shingles seen in another
 * block is "repeated"; a long enough run of repeated clauses is either a
 * duplicate (its copy sits earlier in the same story) or a fragment (its
 * words, weighed by how few stories use them, fit another story better than
 * the one it sits in).  Every step is a pass over the text or over one run,
 * so the whole is linear in the page size.
 */
#define G_LOG_DOMAIN "sd-ocr-repair"

#include "sd-ocr-repair.h"

#include "sd-text-util.h"

#include <math.h>
#include <string.h>

#define SHINGLE 8         /* characters per shingle */
#define MIN_RUN 30        /* content characters a repeated run needs */
#define COVERED_SHARE 0.8 /* share of a clause that must be seen elsewhere */
#define COPY_SHARE 0.6    /* share of a run one other block must hold */
#define MAX_CANDIDATES 16 /* stories asked whose text a fragment is */
#define VOTE_CHARS 200    /* characters of a run weighed for its owner */
#define MAX_COPIES 8
#define NONE G_MAXUINT

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(address) __builtin_prefetch (address)
#else
#define PREFETCH(address) ((void)0)
#endif

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
  guint32 fingerprint; /* high hash bits, never 0; the low bits pick the slot */
  guint32 first;
  guint32 second;
} Slot;

typedef struct
{
  guint64 key;
  guint count;       /* (story, bigram): uses; bigram: stories using it */
  guint first_story; /* bigram keys: the first and last of those stories */
  guint last_story;
} WordSlot;

typedef struct
{
  guint block;
  guint story;
  guint hits;
} Copy;

typedef struct
{
  const char *text;
  const SdTextBlock *blocks;
  guint n_blocks;
  guint n_stories;

  gunichar *chars; /* content characters of every block, in order, folded */
  guint n_chars;
  guint *char_first;   /* [n_blocks + 1] */
  GArray *clauses;     /* (element-type Clause) */
  guint *clause_first; /* [n_blocks + 1] */
  guint *other_of;     /* another block holding that shingle, or NONE */
  guint8 *twice;       /* bit filter: shingles that may occur twice */
  gsize filter_mask;
  Slot *slots; /* the shingles that may occur twice */
  gsize mask;

  /* built only when a run is judged: (story, bigram) → uses and bigram →
   * number of stories */
  WordSlot *words;
  guint *story_size; /* distinct bigrams of each story */
  gsize word_mask;
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

static void
close_clause (Repeats *self, Clause *clause, guint block, gsize end)
{
  const SdTextBlock *b = &self->blocks[block];

  clause->last = self->n_chars;
  clause->end = end;
  _sd_text_trim (self->text, &clause->start, &clause->end);
  if (clause->end > clause->start)
    g_array_append_val (self->clauses, *clause);
  clause->first = self->n_chars;
  clause->start = end;
  clause->end = b->end;
}

/* Content characters and clauses of one block. */
static void
normalise_block (Repeats *self, guint block)
{
  const SdTextBlock *b = &self->blocks[block];
  const char *text = self->text;
  Clause clause = { self->n_chars, 0, b->start, b->end, FALSE };
  const char *p = text + b->start;

  while (p < text + b->end)
    {
      gunichar c = _sd_text_get_char (p);

      p = g_utf8_next_char (p);
      if (_sd_text_is_content (c))
        {
          /* sized beforehand for one character per byte at most */
          self->chars[self->n_chars++] = fold_char (c);
        }
      else if (_sd_text_is_clause_end (c))
        {
          while (p < text + b->end && _sd_text_is_closing (_sd_text_get_char (p)))
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

/* A polynomial rolling hash over SHINGLE characters: two multiplications
 * per position instead of SHINGLE. */
static void
hash_block_shingles (const gunichar *chars, guint n, guint64 *hashes)
{
  const guint64 base = 0x100000001B3ULL;
  guint64 drop = 1, h = 0;

  for (guint i = 1; i < SHINGLE; i++)
    drop *= base;
  for (guint i = 0; i < n; i++)
    {
      if (i >= SHINGLE)
        h -= (chars[i - SHINGLE] + 1) * drop;
      h = h * base + chars[i] + 1;
      if (i + 1 >= SHINGLE)
        hashes[i + 1 - SHINGLE] = h * 0x9E3779B97F4A7C15ULL;
    }
}

static guint
insert_shingle (Repeats *self, guint64 hash, guint block)
{
  guint32 fingerprint = (guint32)(hash >> 32) | 1;
  gsize pos;

  for (pos = hash & self->mask;; pos = (pos + 1) & self->mask)
    {
      Slot *slot = &self->slots[pos];

      if (slot->fingerprint == 0)
        {
          slot->fingerprint = fingerprint;
          slot->first = block;
          slot->second = NONE;
          return pos;
        }
      if (slot->fingerprint == fingerprint)
        {
          if (slot->first != block && slot->second == NONE)
            slot->second = block;
          return pos;
        }
    }
}

static gboolean
test_and_set (guint8 *bits, gsize bit)
{
  guint8 mask = 1u << (bit & 7);
  gboolean was = (bits[bit >> 3] & mask) != 0;

  bits[bit >> 3] |= mask;
  return was;
}

static gboolean
test_bit (const guint8 *bits, gsize bit)
{
  return (bits[bit >> 3] & (1u << (bit & 7))) != 0;
}

static gsize
filter_bit (Repeats *self, guint64 hash)
{
  return (hash >> 24) & self->filter_mask;
}

static guint
max_block_chars (Repeats *self)
{
  guint longest = 0;

  for (guint block = 0; block < self->n_blocks; block++)
    longest = MAX (longest, self->char_first[block + 1] - self->char_first[block]);
  return longest;
}

typedef enum
{
  PASS_SEE,    /* mark each shingle seen, and seen twice */
  PASS_COUNT,  /* count the shingles that may repeat */
  PASS_INSERT, /* put those into the table */
} IndexPass;

static gsize
run_index_pass (Repeats *self, IndexPass pass, guint8 *seen, guint64 *hashes)
{
  const gunichar *chars = self->chars;
  gsize candidates = 0;

  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint first = self->char_first[block];
      guint n = self->char_first[block + 1] - first;

      if (self->blocks[block].vocabulary_only || n < SHINGLE)
        continue;
      /* recomputed each pass: cheaper than keeping a hash per character */
      hash_block_shingles (chars + first, n, hashes);
      for (guint i = 0; i + SHINGLE <= n; i++)
        {
          gsize bit = filter_bit (self, hashes[i]);

          if (pass == PASS_SEE)
            {
              if (test_and_set (seen, bit))
                test_and_set (self->twice, bit);
            }
          else if (!test_bit (self->twice, bit))
            continue;
          else if (pass == PASS_COUNT)
            candidates++;
          else
            {
              /* the table outgrows the cache when much repeats: ask early */
              if (i + 8 + SHINGLE <= n)
                PREFETCH (&self->slots[hashes[i + 8] & self->mask]);
              self->other_of[first + i] = insert_shingle (self, hashes[i], block);
            }
        }
    }
  return candidates;
}

/* Most text is printed once.  Two bit filters (seen, seen twice) pick the
 * shingles that may repeat; only those go into the hash table, which keeps
 * the table small and the common page fast. */
static void
index_shingles (Repeats *self)
{
  guint n_chars = self->n_chars;
  g_autofree guint8 *seen = NULL;
  g_autofree guint64 *hashes = g_new (guint64, max_block_chars (self) + 1);
  gsize candidates;

  self->other_of = g_new (guint, n_chars + 1);
  for (guint i = 0; i < n_chars; i++)
    self->other_of[i] = NONE;
  self->filter_mask = next_power_of_two (8 * (gsize)n_chars + 1024) - 1;
  seen = g_new0 (guint8, (self->filter_mask >> 3) + 1);
  self->twice = g_new0 (guint8, (self->filter_mask >> 3) + 1);

  run_index_pass (self, PASS_SEE, seen, hashes);
  candidates = run_index_pass (self, PASS_COUNT, seen, hashes);
  self->mask = next_power_of_two (2 * candidates + 16) - 1;
  self->slots = g_new0 (Slot, self->mask + 1);
  run_index_pass (self, PASS_INSERT, seen, hashes);

  /* now that every block is in, each shingle learns its other block */
  for (guint block = 0; block < self->n_blocks; block++)
    for (guint i = self->char_first[block]; i < self->char_first[block + 1]; i++)
      if (self->other_of[i] != NONE)
        {
          const Slot *slot = &self->slots[self->other_of[i]];

          self->other_of[i] = slot->first != block ? slot->first : slot->second;
        }
}

static void
mark_repeated_clauses (Repeats *self)
{
  /* at most SHINGLE windows overlap a character */
  g_autofree gint8 *delta = g_new0 (gint8, self->n_chars + SHINGLE + 1);

  for (guint block = 0; block < self->n_blocks; block++)
    for (guint i = self->char_first[block]; i < self->char_first[block + 1]; i++)
      if (self->other_of[i] != NONE)
        {
          delta[i]++;
          delta[i + SHINGLE]--;
        }

  /* prefix sums: delta[i] > 0 when character i is covered */
  for (guint i = 1; i < self->n_chars; i++)
    delta[i] += delta[i - 1];

  for (guint k = 0; k < self->clauses->len; k++)
    {
      Clause *clause = &g_array_index (self->clauses, Clause, k);
      guint covered = 0;

      for (guint i = clause->first; i < clause->last; i++)
        if (delta[i] > 0)
          covered++;
      clause->repeated =
          clause->last > clause->first && covered >= COVERED_SHARE * (clause->last - clause->first);
    }
}

static guint
pack_bigram (gunichar a, gunichar b)
{
  if (!_sd_text_is_han (a) || !_sd_text_is_han (b) || a > 0xFFFF || b > 0xFFFF)
    return 0;
  return (a << 16) | b;
}

/* Open addressing on 64-bit keys (never 0). */
static WordSlot *
find_word (Repeats *self, guint64 key, gboolean create)
{
  for (gsize pos = (key * 0x9E3779B97F4A7C15ULL) >> 20 & self->word_mask;;
       pos = (pos + 1) & self->word_mask)
    {
      WordSlot *slot = &self->words[pos];

      if (slot->key == key)
        return slot;
      if (slot->key == 0)
        {
          if (!create)
            return NULL;
          slot->key = key;
          return slot;
        }
    }
}

static guint64
story_word_key (guint story, guint bigram)
{
  return ((guint64)(story + 1) << 32) | bigram;
}

/* Each story's vocabulary, from its own (not repeated) text and headline:
 * one key per (story, bigram), and per bigram the number of stories. */
static void
collect_story_words (Repeats *self)
{
  const gunichar *chars = self->chars;
  gsize own_chars = 0;

  /* at most two keys per character of text that is not repeated */
  for (guint k = 0; k < self->clauses->len; k++)
    {
      const Clause *clause = &g_array_index (self->clauses, Clause, k);

      if (!clause->repeated)
        own_chars += clause->last - clause->first;
    }
  self->word_mask = next_power_of_two (4 * own_chars + 16) - 1;
  self->words = g_new0 (WordSlot, self->word_mask + 1);
  self->story_size = g_new0 (guint, self->n_stories);
  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint story = self->blocks[block].story;

      for (guint k = self->clause_first[block]; k < self->clause_first[block + 1]; k++)
        {
          const Clause *clause = &g_array_index (self->clauses, Clause, k);

          if (clause->repeated)
            continue;
          for (guint i = clause->first; i + 1 < clause->last; i++)
            {
              guint bigram = pack_bigram (chars[i], chars[i + 1]);
              WordSlot *word;

              if (bigram == 0
                  || find_word (self, story_word_key (story, bigram), TRUE)->count++ > 0)
                continue;
              word = find_word (self, bigram, TRUE);
              if (word->count++ == 0)
                word->first_story = story;
              word->last_story = story;
              self->story_size[story]++;
            }
        }
    }
}

/* How well the words of characters [first, last) fit @story: a cosine of
 * the run's bigrams against the story's, where a bigram few stories use
 * weighs most, so that a long story knowing many words does not win on
 * size alone. */
static double
vote_for_story (Repeats *self, guint story, guint first, guint last)
{
  const gunichar *chars = self->chars;
  double vote = 0;

  if (story >= self->n_stories)
    return 0;
  if (self->words == NULL)
    collect_story_words (self);
  if (self->story_size[story] == 0)
    return 0;
  for (guint i = first; i + 1 < last; i++)
    {
      guint bigram = pack_bigram (chars[i], chars[i + 1]);
      const WordSlot *word;

      if (bigram == 0 || find_word (self, story_word_key (story, bigram), FALSE) == NULL)
        continue;
      word = find_word (self, bigram, FALSE);
      vote += 1.0 / MAX (word != NULL ? word->count : 1, 1);
    }
  return vote / sqrt (self->story_size[story]);
}

/* Which other blocks hold the shingles of characters [first, last). */
static guint
tally_copies (Repeats *self, guint first, guint last, Copy *copies)
{
  guint n_copies = 0;

  for (guint i = first; i < last; i++)
    {
      guint other = self->other_of[i];
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
          copies[n_copies++] = (Copy){ other, self->blocks[other].story, 0 };
        }
      copies[k].hits++;
    }
  return n_copies;
}

static void
add_candidate (guint *asked, guint *n_asked, guint story)
{
  for (guint k = 0; k < *n_asked; k++)
    if (asked[k] == story)
      return;
  if (*n_asked < MAX_CANDIDATES)
    asked[(*n_asked)++] = story;
}

/* Stories using a word of characters [first, last) that at most two stories
 * use: where the owner of a fragment is found when no copy sits in it. */
static void
add_rare_word_stories (Repeats *self, guint first, guint last, guint *asked, guint *n_asked)
{
  const gunichar *chars = self->chars;

  for (guint i = first; i + 1 < last && *n_asked < MAX_CANDIDATES; i++)
    {
      guint bigram = pack_bigram (chars[i], chars[i + 1]);
      const WordSlot *slot;

      if (bigram == 0 || (slot = find_word (self, bigram, FALSE)) == NULL || slot->count > 2)
        continue;
      add_candidate (asked, n_asked, slot->first_story);
      add_candidate (asked, n_asked, slot->last_story);
    }
}

/* Decides about one run of repeated clauses; appends to @drops. */
static void
judge_run (Repeats *self, guint block, const Clause *from, const Clause *to, GArray *drops)
{
  guint host = self->blocks[block].story;
  Copy copies[MAX_COPIES];
  guint n_copies = tally_copies (self, from->first, to->last, copies);
  guint best = 0;
  SdTextDrop drop = { block, from->start, to->end, SD_REPAIR_DROPPED_DUPLICATE, NONE };
  double host_vote, best_vote = 0;
  guint asked[MAX_CANDIDATES], n_asked = 0, evidence_end;

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

  /* Pasted from elsewhere?  Ask the stories holding a copy, and those that
   * use the run's rarest words, whose words these are; the first
   * VOTE_CHARS characters are evidence enough. */
  evidence_end = MIN (to->last, from->first + VOTE_CHARS);
  host_vote = vote_for_story (self, host, from->first, evidence_end);
  for (guint k = 0; k < n_copies; k++)
    add_candidate (asked, &n_asked, copies[k].story);
  add_rare_word_stories (self, from->first, evidence_end, asked, &n_asked);
  for (guint k = 0; k < n_asked; k++)
    {
      double vote;

      if (asked[k] == host)
        continue;
      vote = vote_for_story (self, asked[k], from->first, evidence_end);
      if (vote > best_vote)
        {
          best_vote = vote;
          drop.other = asked[k];
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
            judge_run (self, block, first, &g_array_index (self->clauses, Clause, run_end - 1),
                       drops);
          k = run_end;
        }
    }
}

static void
repeats_clear (Repeats *self)
{
  g_clear_pointer (&self->chars, g_free);
  g_clear_pointer (&self->clauses, g_array_unref);
  g_clear_pointer (&self->char_first, g_free);
  g_clear_pointer (&self->clause_first, g_free);
  g_clear_pointer (&self->other_of, g_free);
  g_clear_pointer (&self->twice, g_free);
  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->words, g_free);
  g_clear_pointer (&self->story_size, g_free);
}

GArray *
_sd_ocr_find_repeats (const char *text, const SdTextBlock *blocks, guint n_blocks, guint n_stories)
{
  Repeats self = { .text = text, .blocks = blocks, .n_blocks = n_blocks, .n_stories = n_stories };
  GArray *drops = g_array_new (FALSE, FALSE, sizeof (SdTextDrop));
  gsize total = 0;

  self.clauses = g_array_new (FALSE, FALSE, sizeof (Clause));
  self.char_first = g_new (guint, n_blocks + 1);
  self.clause_first = g_new (guint, n_blocks + 1);
  for (guint block = 0; block < n_blocks; block++)
    total += blocks[block].end - blocks[block].start;
  self.chars = g_new (gunichar, total + 1);
  for (guint block = 0; block < n_blocks; block++)
    {
      self.char_first[block] = self.n_chars;
      self.clause_first[block] = self.clauses->len;
      normalise_block (&self, block);
    }
  self.char_first[n_blocks] = self.n_chars;
  self.clause_first[n_blocks] = self.clauses->len;

  index_shingles (&self);
  mark_repeated_clauses (&self);
  /* a headline is vocabulary, never a repeat */
  for (guint block = 0; block < n_blocks; block++)
    if (blocks[block].vocabulary_only)
      for (guint k = self.clause_first[block]; k < self.clause_first[block + 1]; k++)
        g_array_index (self.clauses, Clause, k).repeated = FALSE;
  find_runs (&self, drops);

  repeats_clear (&self);
  return drops;
}
