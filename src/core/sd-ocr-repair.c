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
 * the one it sits in).  Fragments are weighed together once all are known,
 * story by story, so that each story's words are gathered once.  Every step
 * is a pass over the text, over the shingles that may repeat or over one
 * run, so the whole is linear in the page size; the tables are sized by
 * what they hold, so that they stay in the cache when the page repeats.
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
/* a shingle's filter entry waits in a guint between two passes: at most
 * 2^31 entries (pages of 268 million characters and more get a smaller
 * filter, which only lets more shingles through) */
#define MAX_FILTER_BITS ((gsize)1 << 31)
#define HASH_BASE 0x100000001B3ULL
#define HASH_MIX 0x9E3779B97F4A7C15ULL

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

/* The shingles that may occur twice go into a table of mask + 1 slots,
 * probed from hash & mask on and matched by their fingerprint.  Few of
 * its slots are ever used (a shingle printed ten times takes one), so only
 * those are kept, in a small table of their own keyed by slot number: the
 * same answers as the whole table, in a fraction of its memory.  Slot
 * numbers fit a guint as character positions do. */
typedef struct
{
  guint32 slot;  /* its number in the whole table, + 1; 0 while free */
  guint32 group; /* the shingle, in groups */
} UsedSlot;

/* A shingle found: the first two blocks holding it. */
typedef struct
{
  guint32 slot;        /* its slot in the whole table */
  guint32 fingerprint; /* high hash bits, never 0 */
  guint32 first;
  guint32 second;
} Group;

typedef struct
{
  guint block;
  guint story;
  guint hits;
} Copy;

/* A run whose copy sits in another story: whose text it is can only be
 * told once the words of every such run are known. */
typedef struct
{
  guint block;
  guint from; /* clauses [from, to] */
  guint to;
  guint drop; /* its place among the drops */
  guint n_copies;
  guint copy_story[MAX_COPIES]; /* the stories holding a copy */
  guint evidence;               /* its words: [evidence, evidence + n_evidence) in evidence */
  guint n_evidence;
  guint n_asked;
  guint asked[MAX_CANDIDATES]; /* the stories asked whose words these are */
  double vote[MAX_CANDIDATES]; /* and how well the words fit each */
  double host_vote;
} Fragment;

/* A word (Han bigram) of the runs judged. */
typedef struct
{
  guint count;       /* stories using it in their own text */
  guint first_story; /* the first and last of those stories */
  guint last_story;
} Word;

typedef struct
{
  guint32 bigram; /* never 0 */
  guint32 word;
} WordSlot;

/* A story to weigh fragment @fragment against; @vote NONE for its host. */
typedef struct
{
  guint story;
  guint fragment;
  guint vote;
} Question;

typedef struct
{
  const char *text;
  const SdTextBlock *blocks;
  guint n_blocks;
  guint n_stories;

  gunichar *chars; /* content characters of every block, in order, folded */
  guint n_chars;
  guint *char_first; /* [n_blocks + 1] */
  Clause *clauses;
  guint n_clauses;
  guint clauses_size;
  guint *clause_first; /* [n_blocks + 1] */
  guint *other_of;     /* another block holding that shingle, or NONE */
  guint8 *filter;      /* the shingle filter, see index_shingles() */
  gpointer scratch;    /* chars, other_of and filter, in one buffer */
  gsize scratch_size;
  gsize mask;          /* of the whole shingle table */
  UsedSlot *used;      /* its slots in use */
  gsize used_mask;
  gsize n_used;
  Group *groups;
  guint n_groups;
  guint groups_size;

  GArray *fragments; /* (element-type Fragment) */
  /* built only when a fragment is judged */
  guint *evidence; /* words of the fragments, in order */
  guint n_evidence;
  GArray *words;   /* (element-type Word) */
  double *weights; /* a word few stories use weighs most */
  guint8 *marked;  /* bits: the words of the story weighed now */
  WordSlot *word_slots;
  gsize word_mask;
  guint8 *word_filter; /* answers most bigrams of the page not among the words */
  guint word_filter_shift;
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
    {
      if (self->n_clauses == self->clauses_size)
        {
          self->clauses_size *= 2;
          self->clauses = g_renew (Clause, self->clauses, self->clauses_size);
        }
      self->clauses[self->n_clauses++] = *clause;
    }
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
  const guchar *p = (const guchar *)text + b->start, *end = (const guchar *)text + b->end;
  gunichar *chars = self->chars;
  Clause clause = { self->n_chars, 0, b->start, b->end, FALSE };

  /* sized beforehand for one character per byte at most */
  while (p < end)
    {
      gunichar c;

      /* most of a page is Han from U+4E00 on (lead bytes E4 to E9), which
       * folds to itself */
      if (*p >= 0xE4 && *p <= 0xE9)
        {
          c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
          if (c >= 0x4E00)
            {
              chars[self->n_chars++] = c;
              continue;
            }
        }
      else
        {
          c = _sd_text_get_char ((const char *)p);
          p += g_utf8_skip[*p];
        }
      if (_sd_text_is_content (c))
        chars[self->n_chars++] = fold_char (c);
      else if (_sd_text_is_clause_end (c))
        {
          while (p < end && _sd_text_is_closing (_sd_text_get_char ((const char *)p)))
            p += g_utf8_skip[*p];
          close_clause (self, &clause, block, (const char *)p - text);
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

/* The polynomial hash of one shingle: the value the rolling hash of
 * see_shingles() arrives at, computed at once for a shingle on its own. */
static guint64
shingle_hash (const gunichar *chars)
{
  guint64 h = 0;

  for (guint i = 0; i < SHINGLE; i++)
    h = h * HASH_BASE + chars[i] + 1;
  return h * HASH_MIX;
}

static guint64
hash_drop (void)
{
  guint64 drop = 1;

  for (guint i = 1; i < SHINGLE; i++)
    drop *= HASH_BASE;
  return drop;
}

/* Fibonacci hashing: the top bits of the product, as many as the table
 * has; insert_pending () asks for the same position ahead. */
static gsize
used_home (Repeats *self, guint32 slot)
{
  return (slot * HASH_MIX) >> (64 - g_bit_storage (self->used_mask));
}

static UsedSlot *
find_used_slot (Repeats *self, guint32 slot)
{
  gsize pos;

  for (pos = used_home (self, slot); self->used[pos].slot != 0 && self->used[pos].slot != slot + 1;
       pos = (pos + 1) & self->used_mask)
    ;
  return &self->used[pos];
}

/* Keeps the table of used slots at most half full. */
static void
grow_used_slots (Repeats *self)
{
  UsedSlot *old = self->used;
  gsize old_size = self->used_mask + 1;

  self->used_mask = 2 * old_size - 1;
  self->used = g_new0 (UsedSlot, self->used_mask + 1);
  for (gsize pos = 0; pos < old_size; pos++)
    if (old[pos].slot != 0)
      *find_used_slot (self, old[pos].slot - 1) = old[pos];
  g_free (old);
}

/* Returns the shingle's group. */
static guint
insert_shingle (Repeats *self, guint64 hash, guint block)
{
  guint32 fingerprint = (guint32)(hash >> 32) | 1;

  /* slot numbers fit a guint32: see index_shingles () */
  for (guint32 slot = (guint32)(hash & self->mask);; slot = (guint32)((slot + 1) & self->mask))
    {
      UsedSlot *used = find_used_slot (self, slot);
      Group *found;

      if (used->slot == 0)
        {
          guint group = self->n_groups++;

          if (group == self->groups_size)
            {
              self->groups_size *= 2;
              self->groups = g_renew (Group, self->groups, self->groups_size);
            }
          self->groups[group] = (Group){ slot, fingerprint, block, NONE };
          *used = (UsedSlot){ slot + 1, group };
          if (2 * ++self->n_used > self->used_mask + 1)
            grow_used_slots (self);
          return group;
        }
      found = &self->groups[used->group];
      if (found->fingerprint == fingerprint)
        {
          if (found->first != block && found->second == NONE)
            found->second = block;
          return used->group;
        }
    }
}

/* Entries of the shingle filter for @n_chars characters.  Two entries a
 * character (a quarter of a megabyte for a megabyte of page) stay in the
 * cache, where eight missed it on every shingle; the extra collisions only
 * let a few more shingles into the exact table. */
static gsize
filter_entries (gsize n_chars)
{
  return MIN (next_power_of_two (2 * n_chars + 1024), MAX_FILTER_BITS);
}

/* The page's character, shingle and filter arrays take a few megabytes a
 * megabyte of page.  Fresh from malloc they are fresh pages, and faulting
 * them in cost about as much as filling them: each thread keeps the last
 * arrays (up to SCRATCH_KEEP bytes) for its next page. */
#define SCRATCH_KEEP ((gsize)32 << 20)

typedef struct
{
  gpointer data;
  gsize size;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_free (scratch->data);
  g_free (scratch);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* Takes the thread's kept buffer if it holds @size bytes, else a new one. */
static gpointer
scratch_take (gsize size)
{
  Scratch *scratch = g_private_get (&scratch_key);
  gpointer data;

  if (scratch == NULL || scratch->data == NULL || scratch->size < size)
    return g_malloc (size);
  data = scratch->data;
  scratch->data = NULL;
  return data;
}

/* Keeps @data (of @size bytes) for the thread's next page, or frees it. */
static void
scratch_give (gpointer data, gsize size)
{
  Scratch *scratch = g_private_get (&scratch_key);

  if (data == NULL)
    return;
  if (size > SCRATCH_KEEP)
    {
      g_free (data);
      return;
    }
  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      g_private_set (&scratch_key, scratch);
    }
  if (scratch->data != NULL && scratch->size >= size)
    {
      g_free (data);
      return;
    }
  g_free (scratch->data);
  scratch->data = data;
  scratch->size = size;
}

/* The two bit filters share one array, two bits an entry, so that each
 * shingle asks one cache line for both. */
#define SEEN 1u
#define TWICE 2u

static guint
filter_marks (const guint8 *filter, gsize entry)
{
  return (filter[entry >> 2] >> ((entry & 3) * 2)) & 3u;
}

static void
filter_mark (guint8 *filter, gsize entry, guint marks)
{
  filter[entry >> 2] |= marks << ((entry & 3) * 2);
}

static gboolean
has_shingles (Repeats *self, guint block)
{
  return !self->blocks[block].vocabulary_only
         && self->char_first[block + 1] - self->char_first[block] >= SHINGLE;
}

/* Marks each shingle seen, and seen twice, in the filter, with a
 * polynomial rolling hash: two multiplications per position instead of
 * SHINGLE.  Its filter entry waits in other_of for insert_candidates().
 * Returns how many shingles have an entry seen twice: two at its second
 * sighting, one at each after. */
static gsize
see_shingles (Repeats *self, guint8 *filter, gsize filter_mask)
{
  guint64 drop = hash_drop ();
  gsize candidates = 0;

  for (guint block = 0; block < self->n_blocks; block++)
    {
      const gunichar *chars = self->chars + self->char_first[block];
      guint *entry_of = self->other_of + self->char_first[block];
      guint n = self->char_first[block + 1] - self->char_first[block];
      guint64 h = 0;

      if (!has_shingles (self, block))
        continue;
      for (guint i = 0; i < n; i++)
        {
          if (i >= SHINGLE)
            h -= (chars[i - SHINGLE] + 1) * drop;
          h = h * HASH_BASE + chars[i] + 1;
          if (i + 1 >= SHINGLE)
            entry_of[i + 1 - SHINGLE] = (guint)(((h * HASH_MIX) >> 24) & filter_mask);
        }
      /* the filter may be larger than the cache: its lines are asked for ahead */
      for (guint i = 0; i + SHINGLE <= n; i++)
        {
          guint marks;

          if (i + 16 + SHINGLE <= n)
            PREFETCH (&filter[entry_of[i + 16] >> 2]);
          marks = filter_marks (filter, entry_of[i]);
          if (marks & SEEN)
            candidates += marks & TWICE ? 1 : 2;
          filter_mark (filter, entry_of[i], marks & SEEN ? TWICE : SEEN);
        }
    }
  return candidates;
}

/* A candidate waiting for its group. */
typedef struct
{
  guint pos;
  guint64 hash;
} Pending;

static guint
max_block_chars (Repeats *self)
{
  guint longest = 0;

  for (guint block = 0; block < self->n_blocks; block++)
    longest = MAX (longest, self->char_first[block + 1] - self->char_first[block]);
  return longest;
}

/* Inserts one block's candidates in order.  The table outgrows the cache
 * when much repeats: each slot is asked for a few candidates ahead.  A
 * passage printed again is mostly shingles found one after the other when
 * it was first printed: the group after the last one found is tried first,
 * and taken when it sits in the very slot the shingle's probe starts at,
 * which is where the table would find it too. */
static void
insert_pending (Repeats *self, guint block, const Pending *pending, guint n)
{
  guint next = NONE;

  for (guint k = 0; k < n; k++)
    {
      guint64 hash = pending[k].hash;
      Group *group = next < self->n_groups ? &self->groups[next] : NULL;
      guint found;

      if (k + 8 < n)
        PREFETCH (&self->used[used_home (self, (guint32)(pending[k + 8].hash & self->mask))]);
      if (group != NULL && group->slot == (hash & self->mask)
          && group->fingerprint == ((guint32)(hash >> 32) | 1))
        {
          if (group->first != block && group->second == NONE)
            group->second = block;
          found = next;
        }
      else
        found = insert_shingle (self, hash, block);
      self->other_of[pending[k].pos] = found;
      next = found + 1;
    }
}

/* Puts the shingles whose filter entry was seen twice into the table, in
 * page order; other_of then holds their group.  Their hashes are rolled
 * again over a block where many may repeat, computed one by one where few
 * do. */
static void
insert_candidates (Repeats *self, const guint8 *filter)
{
  guint64 drop = hash_drop ();
  g_autofree Pending *pending = g_new (Pending, max_block_chars (self) + 1);

  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint first = self->char_first[block];
      guint n = self->char_first[block + 1] - first;
      const gunichar *chars = self->chars + first;
      guint *entry_of = self->other_of + first;
      guint picked = 0, n_pending = 0;
      guint64 h = 0;

      if (!has_shingles (self, block))
        continue;
      /* a candidate keeps its filter entry until its group is known */
      for (guint i = 0; i + SHINGLE <= n; i++)
        {
          if (i + 16 + SHINGLE <= n)
            PREFETCH (&filter[entry_of[i + 16] >> 2]);
          if (filter_marks (filter, entry_of[i]) & TWICE)
            picked++;
          else
            entry_of[i] = NONE;
        }
      if (picked == 0)
        continue;
      if (picked < n / 8)
        {
          for (guint i = 0; i + SHINGLE <= n; i++)
            if (entry_of[i] != NONE)
              pending[n_pending++] = (Pending){ first + i, shingle_hash (chars + i) };
        }
      else
        for (guint i = 0; i < n; i++)
          {
            if (i >= SHINGLE)
              h -= (chars[i - SHINGLE] + 1) * drop;
            h = h * HASH_BASE + chars[i] + 1;
            if (i + 1 >= SHINGLE && entry_of[i + 1 - SHINGLE] != NONE)
              pending[n_pending++] = (Pending){ first + i + 1 - SHINGLE, h * HASH_MIX };
          }
      insert_pending (self, block, pending, n_pending);
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

/* Now that every block is in, each shingle in the table learns its other
 * block.  A clause is repeated when most of its characters lie under such
 * a shingle; in page order the shingles' union is a few merged stretches,
 * swept once against the clauses. */
static void
mark_repeated_clauses (Repeats *self)
{
  g_autofree guint *covered = g_new0 (guint, self->n_clauses + 1);
  guint k = 0, start = 0, end = 0;

  for (guint block = 0; block < self->n_blocks; block++)
    {
      guint last = self->char_first[block + 1];

      if (!has_shingles (self, block))
        continue;
      for (guint pos = self->char_first[block]; pos + SHINGLE <= last; pos++)
        {
          const Group *group;

          if (self->other_of[pos] == NONE)
            continue;
          group = &self->groups[self->other_of[pos]];
          self->other_of[pos] = group->first != block ? group->first : group->second;
          if (self->other_of[pos] == NONE)
            continue;
          if (pos > end)
            {
              cover_clauses (self, covered, &k, start, end);
              start = pos;
            }
          end = pos + SHINGLE;
        }
    }
  cover_clauses (self, covered, &k, start, end);

  for (guint j = 0; j < self->n_clauses; j++)
    {
      Clause *clause = &self->clauses[j];

      clause->repeated = clause->last > clause->first
                         && covered[j] >= COVERED_SHARE * (clause->last - clause->first);
    }
}

/* Most text is printed once.  Two bit filters (seen, seen twice) pick the
 * shingles that may repeat; only those go into the hash table, which keeps
 * the table small and the common page fast. */
static void
index_shingles (Repeats *self)
{
  gsize filter_size = filter_entries (self->n_chars);
  guint8 *filter = self->filter;
  gsize candidates;

  memset (filter, 0, filter_size / 4);
  memset (self->other_of, 0xff, (self->n_chars + 1) * sizeof (guint)); /* NONE */
  candidates = see_shingles (self, filter, filter_size - 1);
  self->mask = next_power_of_two (2 * candidates + 16) - 1;
  g_assert (self->mask < G_MAXUINT32); /* slot numbers + 1 fit a guint32 */
  self->used_mask = 1023;
  self->used = g_new0 (UsedSlot, self->used_mask + 1);
  self->groups_size = 512;
  self->groups = g_new (Group, self->groups_size);
  insert_candidates (self, filter);
}

static guint
pack_bigram (gunichar a, gunichar b)
{
  if (!_sd_text_is_han (a) || !_sd_text_is_han (b) || a > 0xFFFF || b > 0xFFFF)
    return 0;
  return (a << 16) | b;
}

/* A bit of a filter of 2^(64 - @shift) bits. */
static gsize
bigram_bit (guint32 bigram, guint shift)
{
  return (bigram * HASH_MIX) >> shift;
}

/* Fibonacci hashing, as used_home (). */
static gsize
bigram_slot (guint32 bigram, gsize mask)
{
  return (bigram * HASH_MIX) >> (64 - g_bit_storage (mask));
}

static WordSlot *
find_word_slot (Repeats *self, guint32 bigram)
{
  gsize pos;

  for (pos = bigram_slot (bigram, self->word_mask);
       self->word_slots[pos].bigram != 0 && self->word_slots[pos].bigram != bigram;
       pos = (pos + 1) & self->word_mask)
    ;
  return &self->word_slots[pos];
}

/* The word of @bigram, added when @create; NONE when it is none. */
static guint
find_word (Repeats *self, guint32 bigram, gboolean create)
{
  WordSlot *slot = find_word_slot (self, bigram);
  Word word = { 0, 0, 0 };

  if (slot->bigram != 0 || !create)
    return slot->bigram != 0 ? slot->word : NONE;
  slot->bigram = bigram;
  slot->word = self->words->len;
  g_array_append_val (self->words, word);
  /* runs judged are often the same text over and over: the table grows
   * with the distinct words, kept at most half full */
  if (2 * self->words->len > self->word_mask + 1)
    {
      WordSlot *old = self->word_slots;
      gsize old_size = self->word_mask + 1;

      self->word_mask = 2 * old_size - 1;
      self->word_slots = g_new0 (WordSlot, self->word_mask + 1);
      for (gsize pos = 0; pos < old_size; pos++)
        if (old[pos].bigram != 0)
          *find_word_slot (self, old[pos].bigram) = old[pos];
      g_free (old);
    }
  return self->words->len - 1;
}

static Word *
word_at (Repeats *self, guint word)
{
  return &g_array_index (self->words, Word, word);
}

/* Runs over the Han bigrams of the own text (what is not repeated, and the
 * headlines) in clauses [first_clause, last_clause): @bigram takes each. */
#define FOR_OWN_BIGRAMS(self, first_clause, last_clause, bigram)                                   \
  for (guint k_ = (first_clause); k_ < (last_clause); k_++)                                        \
    if (!(self)->clauses[k_].repeated)                                                             \
      for (guint i_ = (self)->clauses[k_].first; i_ + 1 < (self)->clauses[k_].last; i_++)          \
        if (((bigram) = pack_bigram ((self)->chars[i_], (self)->chars[i_ + 1])) != 0)

/* The words a run is weighed by: its first VOTE_CHARS characters. */
static void
collect_evidence (Repeats *self, Fragment *fragment)
{
  const gunichar *chars = self->chars;
  guint first = self->clauses[fragment->from].first;
  guint end = MIN (self->clauses[fragment->to].last, first + VOTE_CHARS);

  /* the array was sized for every fragment's evidence beforehand */
  fragment->evidence = self->n_evidence;
  for (guint i = first; i + 1 < end; i++)
    {
      guint bigram = pack_bigram (chars[i], chars[i + 1]);

      if (bigram != 0)
        self->evidence[self->n_evidence++] = find_word (self, bigram, TRUE);
    }
  fragment->n_evidence = self->n_evidence - fragment->evidence;
}

/* Only the words of the runs judged are ever asked about: those are
 * collected first, then one pass over every story's own text counts the
 * stories using each.  Blocks are in page order, so each story's blocks
 * come one after the other. */
static void
count_word_stories (Repeats *self)
{
  guint bigram;

  /* sixteen filter bits a word */
  self->word_filter_shift = 64 - g_bit_storage (16 * self->words->len);
  self->word_filter = g_new0 (guint8, ((gsize)1 << (64 - self->word_filter_shift)) / 8 + 1);
  for (gsize pos = 0; pos <= self->word_mask; pos++)
    if (self->word_slots[pos].bigram != 0)
      {
        gsize bit = bigram_bit (self->word_slots[pos].bigram, self->word_filter_shift);

        self->word_filter[bit >> 3] |= 1u << (bit & 7);
      }

  for (guint b = 0; b < self->n_blocks; b++)
    {
      guint story = self->blocks[b].story;

      FOR_OWN_BIGRAMS (self, self->clause_first[b], self->clause_first[b + 1], bigram)
      {
        gsize bit = bigram_bit (bigram, self->word_filter_shift);
        guint index;
        Word *word;

        if (!(self->word_filter[bit >> 3] & (1u << (bit & 7)))
            || (index = find_word (self, bigram, FALSE)) == NONE)
          continue;
        word = word_at (self, index);
        /* a story already counted is the last one counted */
        if (word->count > 0 && word->last_story == story)
          continue;
        if (word->count++ == 0)
          word->first_story = story;
        word->last_story = story;
      }
    }
  self->weights = g_new (double, self->words->len + 1);
  for (guint w = 0; w < self->words->len; w++)
    self->weights[w] = 1.0 / MAX (word_at (self, w)->count, 1);
}

/* Which other blocks hold the shingles of characters [first, last). */
static guint
tally_copies (Repeats *self, guint first, guint last, Copy *copies)
{
  guint n_copies = 0, last_k = 0;

  for (guint i = first; i < last; i++)
    {
      guint other = self->other_of[i];
      guint k;

      if (other == NONE)
        continue;
      /* a copy is a stretch of one other block: most often the last one */
      if (last_k < n_copies && copies[last_k].block == other)
        k = last_k;
      else
        {
          for (k = 0; k < n_copies; k++)
            if (copies[k].block == other)
              break;
          if (k == n_copies)
            {
              if (n_copies == MAX_COPIES)
                continue;
              copies[n_copies++] = (Copy){ other, self->blocks[other].story, 0 };
            }
        }
      copies[k].hits++;
      last_k = k;
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

/* Stories using a word of the run that at most two stories use: where the
 * owner of a fragment is found when no copy sits in it. */
static void
add_rare_word_stories (Repeats *self, Fragment *fragment)
{
  const guint *evidence = self->evidence + fragment->evidence;

  for (guint k = 0; k < fragment->n_evidence && fragment->n_asked < MAX_CANDIDATES; k++)
    {
      const Word *word = word_at (self, evidence[k]);

      /* a word of a run no story uses as its own is among the words too */
      if (word->count == 0 || word->count > 2)
        continue;
      add_candidate (fragment->asked, &fragment->n_asked, word->first_story);
      add_candidate (fragment->asked, &fragment->n_asked, word->last_story);
    }
}

/* Decides about one run of repeated clauses [from, to]; appends to @drops. */
static void
judge_run (Repeats *self, guint block, guint from, guint to, GArray *drops)
{
  const Clause *first = &self->clauses[from], *last = &self->clauses[to];
  guint host = self->blocks[block].story;
  Copy copies[MAX_COPIES];
  guint n_copies = tally_copies (self, first->first, last->last, copies);
  guint best = 0;
  SdTextDrop drop = { block, first->start, last->end, SD_REPAIR_DROPPED_DUPLICATE, NONE };
  Fragment fragment = {
    .block = block, .from = from, .to = to, .drop = drops->len, .n_copies = n_copies
  };

  if (n_copies == 0)
    return;
  for (guint k = 1; k < n_copies; k++)
    if (copies[k].hits > copies[best].hits)
      best = k;
  /* set phrases ("坚持稳中求进工作总基调") recur all over a page; a copy
   * is one stretch of text found again in one place */
  if (copies[best].hits < COPY_SHARE * (last->last - first->first))
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

  /* pasted from elsewhere, maybe: keep its place, judge_fragments() decides */
  for (guint k = 0; k < n_copies; k++)
    fragment.copy_story[k] = copies[k].story;
  drop.kind = SD_REPAIR_DROPPED_FRAGMENT;
  g_array_append_val (drops, drop);
  g_array_append_val (self->fragments, fragment);
}

/* Marks the words of @story's own text in self->marked, listing them in
 * @marks; returns how many distinct bigrams that text has, counted in
 * @seen (a table of @seen_mask + 1 slots whose entries carry the story,
 * so it never needs clearing). */
static guint
mark_story_words (Repeats *self, guint story, guint first, guint last, WordSlot *seen,
                  gsize seen_mask, GArray *marks)
{
  guint stamp = story + 1, size = 0, bigram;

  FOR_OWN_BIGRAMS (self, first, last, bigram)
  {
    gsize bit = bigram_bit (bigram, self->word_filter_shift);
    gsize pos;
    guint word;

    for (pos = bigram_slot (bigram, seen_mask);
         seen[pos].word == stamp && seen[pos].bigram != bigram; pos = (pos + 1) & seen_mask)
      ;
    if (seen[pos].word == stamp)
      continue;
    seen[pos] = (WordSlot){ bigram, stamp };
    size++;
    if ((self->word_filter[bit >> 3] & (1u << (bit & 7)))
        && (word = find_word (self, bigram, FALSE)) != NONE)
      {
        self->marked[word >> 3] |= 1u << (word & 7);
        g_array_append_val (marks, word);
      }
  }
  return size;
}

/* The words of every fragment, and how many stories use each. */
static void
collect_words (Repeats *self)
{
  Fragment *fragments = (Fragment *)self->fragments->data;
  gsize n_evidence = 0;

  for (guint f = 0; f < self->fragments->len; f++)
    n_evidence += MIN (VOTE_CHARS, self->clauses[fragments[f].to].last
                                       - self->clauses[fragments[f].from].first);
  self->evidence = g_new (guint, n_evidence + 1);
  self->words = g_array_new (FALSE, FALSE, sizeof (Word));
  /* fragments are often the same text over and over: a start for the
   * table that grows with the distinct words */
  self->word_mask = next_power_of_two (MIN (n_evidence, 65536)) - 1;
  self->word_slots = g_new0 (WordSlot, self->word_mask + 1);
  for (guint f = 0; f < self->fragments->len; f++)
    collect_evidence (self, &fragments[f]);
  count_word_stories (self);
}

/* Which stories each fragment asks, sorted by story: the stories holding a
 * copy, and those using the run's rarest words.  Returns the questions;
 * those of story s are [(*first)[s], (*first)[s + 1]). */
static Question *
ask_stories (Repeats *self, guint **first)
{
  Fragment *fragments = (Fragment *)self->fragments->data;
  g_autoptr (GArray) questions = g_array_new (FALSE, FALSE, sizeof (Question));
  guint *start = g_new0 (guint, self->n_stories + 2);
  Question *sorted;

  for (guint f = 0; f < self->fragments->len; f++)
    {
      Fragment *fragment = &fragments[f];
      guint host = self->blocks[fragment->block].story;
      Question question = { host, f, NONE };

      for (guint k = 0; k < fragment->n_copies; k++)
        add_candidate (fragment->asked, &fragment->n_asked, fragment->copy_story[k]);
      add_rare_word_stories (self, fragment);
      g_array_append_val (questions, question);
      for (guint k = 0; k < fragment->n_asked; k++)
        if (fragment->asked[k] != host)
          {
            question = (Question){ fragment->asked[k], f, k };
            g_array_append_val (questions, question);
          }
    }

  /* a counting sort; a story past the last (none is) gets no answer */
  for (guint q = 0; q < questions->len; q++)
    start[MIN (g_array_index (questions, Question, q).story, self->n_stories) + 1]++;
  for (guint s = 0; s <= self->n_stories; s++)
    start[s + 1] += start[s];
  sorted = g_new (Question, questions->len + 1);
  for (guint q = 0; q < questions->len; q++)
    {
      const Question *question = &g_array_index (questions, Question, q);

      sorted[start[MIN (question->story, self->n_stories)]++] = *question;
    }
  for (guint s = self->n_stories + 1; s > 0; s--)
    start[s] = start[s - 1];
  start[0] = 0;
  *first = start;
  return sorted;
}

/* How well a run's words fit each story asked: a cosine of the run's
 * bigrams against the story's own, where a bigram few stories use weighs
 * most, so that a long story knowing many words does not win on size
 * alone.  Every story asked is weighed against all its fragments at once,
 * so its words are gathered once: in all, one pass over the page. */
static void
weigh_fragments (Repeats *self, const Question *questions, const guint *first)
{
  Fragment *fragments = (Fragment *)self->fragments->data;
  g_autofree guint *story_clause = g_new (guint, self->n_stories + 1);
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree WordSlot *seen = NULL;
  gsize seen_mask = 0;

  /* each story's clauses, and a table for the distinct words of the
   * largest story asked */
  for (guint s = 0, b = 0; s <= self->n_stories; s++)
    {
      while (b < self->n_blocks && self->blocks[b].story < s)
        b++;
      story_clause[s] = self->clause_first[b];
    }
  for (guint s = 0; s < self->n_stories; s++)
    if (first[s + 1] > first[s])
      {
        gsize own_chars = 0;

        for (guint k = story_clause[s]; k < story_clause[s + 1]; k++)
          if (!self->clauses[k].repeated)
            own_chars += self->clauses[k].last - self->clauses[k].first;
        seen_mask = MAX (seen_mask, next_power_of_two (2 * own_chars + 16) - 1);
      }
  seen = g_new0 (WordSlot, seen_mask + 1);
  self->marked = g_new0 (guint8, self->words->len / 8 + 1);

  for (guint s = 0; s < self->n_stories; s++)
    {
      guint size;

      if (first[s + 1] == first[s])
        continue;
      size =
          mark_story_words (self, s, story_clause[s], story_clause[s + 1], seen, seen_mask, marks);
      for (guint q = first[s]; q < first[s + 1]; q++)
        {
          Fragment *fragment = &fragments[questions[q].fragment];
          const guint *evidence = self->evidence + fragment->evidence;
          double vote = 0;

          /* in the order of the run's words, as the sum is rounded */
          if (size > 0)
            {
              for (guint k = 0; k < fragment->n_evidence; k++)
                if (self->marked[evidence[k] >> 3] & (1u << (evidence[k] & 7)))
                  vote += self->weights[evidence[k]];
              vote /= sqrt (size);
            }
          if (questions[q].vote == NONE)
            fragment->host_vote = vote;
          else
            fragment->vote[questions[q].vote] = vote;
        }
      for (guint m = 0; m < marks->len; m++)
        self->marked[g_array_index (marks, guint, m) >> 3] = 0;
      g_array_set_size (marks, 0);
    }
}

/* Pasted from elsewhere?  The story whose words fit a fragment best, if
 * that is not the story it sits in, is its owner; the first
 * VOTE_CHARS characters are evidence enough. */
static void
judge_fragments (Repeats *self, GArray *drops)
{
  const Fragment *fragments = (const Fragment *)self->fragments->data;
  g_autofree guint *first = NULL;
  g_autofree Question *questions = NULL;
  guint kept = 0;

  if (self->fragments->len == 0)
    return;
  collect_words (self);
  questions = ask_stories (self, &first);
  weigh_fragments (self, questions, first);

  for (guint f = 0; f < self->fragments->len; f++)
    {
      const Fragment *fragment = &fragments[f];
      SdTextDrop *drop = &g_array_index (drops, SdTextDrop, fragment->drop);
      guint host = self->blocks[fragment->block].story;
      double best_vote = 0;

      for (guint k = 0; k < fragment->n_asked; k++)
        if (fragment->asked[k] != host && fragment->vote[k] > best_vote)
          {
            best_vote = fragment->vote[k];
            drop->other = fragment->asked[k];
          }
      /* a run its own story fits best stays */
      if (best_vote <= fragment->host_vote)
        drop->block = NONE;
    }

  /* the drops that stay, in their order */
  for (guint k = 0; k < drops->len; k++)
    if (g_array_index (drops, SdTextDrop, k).block != NONE)
      g_array_index (drops, SdTextDrop, kept++) = g_array_index (drops, SdTextDrop, k);
  g_array_set_size (drops, kept);
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
          guint run_end = k, length = 0;

          if (!self->clauses[k].repeated)
            {
              k++;
              continue;
            }
          while (run_end < end)
            {
              const Clause *clause = &self->clauses[run_end];

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
  self->chars = NULL;
  self->other_of = NULL;
  self->filter = NULL;
  scratch_give (g_steal_pointer (&self->scratch), self->scratch_size);
  g_clear_pointer (&self->used, g_free);
  g_clear_pointer (&self->groups, g_free);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->words, g_array_unref);
  g_clear_pointer (&self->weights, g_free);
  g_clear_pointer (&self->marked, g_free);
  g_clear_pointer (&self->word_slots, g_free);
  g_clear_pointer (&self->word_filter, g_free);
}

GArray *
_sd_ocr_find_repeats (const char *text, const SdTextBlock *blocks, guint n_blocks, guint n_stories)
{
  Repeats self = { .text = text, .blocks = blocks, .n_blocks = n_blocks, .n_stories = n_stories };
  GArray *drops = g_array_new (FALSE, FALSE, sizeof (SdTextDrop));
  gsize total = 0;

  self.fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  self.char_first = g_new (guint, n_blocks + 1);
  self.clause_first = g_new (guint, n_blocks + 1);
  for (guint block = 0; block < n_blocks; block++)
    total += blocks[block].end - blocks[block].start;
  /* most clauses take 24 bytes (eight characters) or more: growing seldom
   * copies */
  self.clauses_size = (guint)(total / 24) + n_blocks + 64;
  self.clauses = g_new (Clause, self.clauses_size);
  /* the characters, their shingles' entries and the filter, each sized
   * for every byte to be a character */
  self.scratch_size = 2 * (total + 1) * sizeof (guint) + filter_entries (total) / 4;
  self.scratch = scratch_take (self.scratch_size);
  self.chars = self.scratch;
  self.other_of = (guint *)(self.chars + total + 1);
  self.filter = (guint8 *)(self.other_of + total + 1);
  for (guint block = 0; block < n_blocks; block++)
    {
      self.char_first[block] = self.n_chars;
      self.clause_first[block] = self.n_clauses;
      normalise_block (&self, block);
    }
  self.char_first[n_blocks] = self.n_chars;
  self.clause_first[n_blocks] = self.n_clauses;

  index_shingles (&self);
  mark_repeated_clauses (&self);
  /* a headline is vocabulary, never a repeat */
  for (guint block = 0; block < n_blocks; block++)
    if (blocks[block].vocabulary_only)
      for (guint k = self.clause_first[block]; k < self.clause_first[block + 1]; k++)
        self.clauses[k].repeated = FALSE;
  find_runs (&self, drops);

  repeats_clear (&self);
  return drops;
}
