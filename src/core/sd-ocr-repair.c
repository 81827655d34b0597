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
 * agree: that stretch is seen elsewhere.  A clause mostly inside such
 * stretches is "repeated"; a long enough run of repeated clauses is either
 * a duplicate (its copy sits earlier in the same story) or a fragment (its
 * words, weighed by how few stories use them, fit another story better than
 * the one it sits in), unless the two stories are one story printed twice.
 * Fragments are weighed together once all are known, story by story, so
 * that each story's words are gathered once.  Every step is a pass over the
 * text, over the anchors or over one run, so the whole is linear in the
 * page size.
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
#define HASH_BASE 0x100000001B3ULL
#define HASH_MIX 0x9E3779B97F4A7C15ULL

typedef struct
{
  guint first; /* content characters [first, last) */
  guint last;
  gsize start; /* bytes, with the clause's punctuation */
  gsize end;
  gboolean repeated;
} Clause;

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
  Anchor *anchors;
  Keyed *keys;
  guint n_anchors;
  guint anchors_size;
  GArray *matches; /* (element-type Match) in page order */
  guint match_at;  /* the first that tally_copies () may need */

  guint *story_block; /* [n_stories + 1]: each story's first block */
  guint *story_chars; /* content characters of each story's text */
  guint twin_at;      /* the first match of the host judged now */

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

/* Ends the clause at @end (bytes) and @n_chars, and starts the next.  A
 * clause with no content character is kept only if it holds more than
 * spaces; the spans of the others are trimmed when a drop needs them. */
static void
close_clause (Repeats *self, Clause *clause, guint n_chars, gsize end)
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
      self->clauses = g_renew (Clause, self->clauses, self->clauses_size);
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
  const char *text = self->text;
  const guchar *p = (const guchar *)text + b->start, *end = (const guchar *)text + b->end;
  gunichar *chars = self->chars;
  guint n = self->n_chars;
  Clause clause = { n, 0, b->start, b->end, FALSE };

  /* sized beforehand for one character per byte at most */
  while (p < end)
    {
      gunichar c;

      /* most of a page is runs of Han from U+4E00 on (lead bytes E4 to
       * E9), which folds to itself */
      while ((guint)(*p - 0xE4) <= 0xE9 - 0xE4)
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
      c = _sd_text_get_char ((const char *)p);
      p += g_utf8_skip[*p];
      if (_sd_text_is_content (c))
        chars[n++] = fold_char (c);
      else if (_sd_text_is_clause_end (c))
        {
          while (p < end && _sd_text_is_closing (_sd_text_get_char ((const char *)p)))
            p += g_utf8_skip[*p];
          close_clause (self, &clause, n, (const char *)p - text);
        }
    }
  clause.end = b->end;
  close_clause (self, &clause, n, b->end);
  self->n_chars = n;
}

static gsize
next_power_of_two (gsize n)
{
  gsize size = 16;

  while (size < n)
    size <<= 1;
  return size;
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
 * stretch of any length holds a clause start or two: no other shingle
 * needs a hash. */
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
      guint first = self->clauses[k].first;
      guint64 h = 0;

      /* a shingle may run on into the next clauses, not past the block */
      if (first + SHINGLE > end)
        break;
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
  Keyed *from = self->keys, *to = spare;

  for (guint shift = 0; shift < 32; shift += 11)
    {
      guint count[2048 + 1] = { 0 };
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
  Anchor *anchors = self->anchors;

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
  guint k = 0, stretch_start = 0, stretch_end = 0;
  guint resume = 0; /* no walk starts before */

  for (guint a = 0; a < self->n_anchors; a++)
    {
      const Anchor *anchor = &self->anchors[a], *copy;
      guint i = anchor->pos, j, left = 0, right = SHINGLE;
      guint start, end, copy_start, copy_end, floor;
      Match match;

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
      while (i + right < end && j + right < copy_end && chars[i + right] == chars[j + right])
        right++;
      while (i - left > floor && j - left > copy_start
             && chars[i - left - 1] == chars[j - left - 1])
        left++;

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
      Clause *clause = &self->clauses[j];

      clause->repeated = clause->last > clause->first
                         && covered[j] >= COVERED_SHARE * (clause->last - clause->first);
    }
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
  /* sixty-four filter bits a word, and no fewer than fit the first
   * level cache: the filter is asked for every pair of characters */
  self->word_filter_shift = 64 - g_bit_storage (MAX (64 * self->words->len, 32768));
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

      for (guint k = self->clause_first[b]; k < self->clause_first[b + 1]; k++)
        {
          const Clause *clause = &self->clauses[k];

          if (clause->repeated)
            continue;
          for (guint i = clause->first; i + 1 < clause->last; i++)
            {
              /* the filter turns away nearly every pair of characters, so
               * it is asked first, before they are known to be Han */
              guint32 bigram = (self->chars[i] << 16) ^ self->chars[i + 1];
              gsize bit = bigram_bit (bigram, self->word_filter_shift);
              guint index;
              Word *word;

              if (G_LIKELY (!(self->word_filter[bit >> 3] & (1u << (bit & 7))))
                  || bigram != pack_bigram (self->chars[i], self->chars[i + 1])
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
    }
  self->weights = g_new (double, self->words->len + 1);
  for (guint w = 0; w < self->words->len; w++)
    self->weights[w] = 1.0 / MAX (word_at (self, w)->count, 1);
}

/* Which other blocks hold the shingles of characters [first, last).
 * Runs come in page order, and so do the matches. */
static guint
tally_copies (Repeats *self, guint first, guint last, Copy *copies)
{
  const Match *matches = (const Match *)self->matches->data;
  guint n_copies = 0;

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

/* Whether @host is @other printed again: two thirds of the text of each
 * (counted in shingles) is found in the other.  A page put together from several printings holds
 * such twins; their text is their own, not pasted in.  Runs are judged
 * in page order, so the stretches of each host come in turn. */
static gboolean
is_twin (Repeats *self, guint host, guint other)
{
  const Match *matches = (const Match *)self->matches->data;
  guint first = self->char_first[self->story_block[host]];
  guint last = self->char_first[self->story_block[host + 1]];
  guint shingles = 0;

  while (self->twin_at < self->matches->len && matches[self->twin_at].first < first)
    self->twin_at++;
  for (guint m = self->twin_at; m < self->matches->len && matches[m].first < last; m++)
    if (matches[m].last > matches[m].first && self->blocks[matches[m].copy_block].story == other)
      shingles += matches[m].last - matches[m].first + SHINGLE - 1;
  return 3 * shingles >= 2 * self->story_chars[host]
         && 3 * shingles >= 2 * self->story_chars[other];
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
  gsize start = first->start, end = first->end, last_start = last->start, last_end = last->end;
  SdTextDrop drop;
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
  for (guint s = 0; s <= self->n_stories; s++)
    story_clause[s] = self->clause_first[self->story_block[s]];
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

/* Where each story's blocks start, and how much text each has. */
static void
index_stories (Repeats *self)
{
  self->story_block = g_new (guint, self->n_stories + 1);
  self->story_chars = g_new0 (guint, self->n_stories + 1);
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
  g_clear_pointer (&self->chars, g_free);
  g_clear_pointer (&self->anchors, g_free);
  g_clear_pointer (&self->story_block, g_free);
  g_clear_pointer (&self->story_chars, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
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