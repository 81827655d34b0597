/* sd-fragment-owner.c — whose text a run pasted into a story is
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words of a run are its Han bigrams.  Each story asked (the stories
 * holding a copy of the run, and those using its rarest words) is weighed
 * by a cosine of the run's words against the story's own text (what is
 * not repeated, and its headline), where a word few stories use weighs
 * most, so that a long story knowing many words does not win on size
 * alone.  Only the words of the runs are ever looked up: they are
 * collected first, one pass over the page counts the stories using each,
 * and every story asked gathers its words once for all its runs.
 */
#define G_LOG_DOMAIN "sd-fragment-owner"

#include "config.h"

#include "sd-fragment-owner-private.h"

#include "sd-text-util.h"

#include <math.h>
#include <string.h>

#define MAX_CANDIDATES 16 /* stories asked whose text a fragment is */
#define VOTE_CHARS 200    /* characters of a run weighed for its owner */
#define NONE G_MAXUINT
#define HASH_MIX 0x9E3779B97F4A7C15ULL

/* A fragment and how the stories asked voted for it. */
typedef struct
{
  guint  block; /* from the SdFragment */
  guint  from;
  guint  to;
  guint  n_copies;
  guint  copy_story[SD_FRAGMENT_MAX_COPIES];
  guint  evidence; /* its words: [evidence, evidence + n_evidence) in evidence */
  guint  n_evidence;
  guint  n_asked;
  guint  asked[MAX_CANDIDATES]; /* the stories asked whose words these are */
  double vote[MAX_CANDIDATES];  /* and how well the words fit each */
  double host_vote;
} Ballot;

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
  /* the page, as SdOcrText has it */
  const SdTextBlock *blocks;
  guint              n_blocks;
  guint              n_stories;
  const gunichar    *chars;
  const SdOcrClause *clauses;
  const guint       *clause_first;
  const guint       *story_block;

  Ballot   *ballots;
  guint     n_fragments;
  guint    *evidence; /* words of the fragments, in order */
  guint     n_evidence;
  GArray   *words;   /* (element-type Word) */
  double   *weights; /* a word few stories use weighs most */
  guint8   *marked;  /* bits: the words of the story weighed now */
  WordSlot *word_slots;
  gsize     word_mask;
  guint8   *word_filter; /* answers most bigrams of the page not among the words */
  guint     word_filter_shift;
} Judge;

static gsize
next_power_of_two (gsize n)
{
  gsize size = 16;

  while (size < n)
    size <<= 1;
  return size;
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

/* Fibonacci hashing: the top bits of the product, as many as the table has. */
static gsize
bigram_slot (guint32 bigram, gsize mask)
{
  return (bigram * HASH_MIX) >> (64 - g_bit_storage (mask));
}

static WordSlot *
find_word_slot (Judge *self, guint32 bigram)
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
find_word (Judge *self, guint32 bigram, gboolean create)
{
  WordSlot *slot = find_word_slot (self, bigram);
  Word      word = { 0, 0, 0 };

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
      gsize     old_size = self->word_mask + 1;

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
word_at (Judge *self, guint word)
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
collect_evidence (Judge *self, Ballot *fragment)
{
  const gunichar *chars = self->chars;
  guint           first = self->clauses[fragment->from].first;
  guint           end = MIN (self->clauses[fragment->to].last, first + VOTE_CHARS);

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
count_word_stories (Judge *self)
{
  /* sixty-four filter bits a word, and no fewer than fit the first
   * level cache: the filter is asked for every pair of characters */
  self->word_filter_shift = 64 - g_bit_storage (MAX (64 * self->words->len, 32768));
  self->word_filter = g_new0 (guint8, ((gsize) 1 << (64 - self->word_filter_shift)) / 8 + 1);
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
          const SdOcrClause *clause = &self->clauses[k];

          if (clause->repeated)
            continue;
          for (guint i = clause->first; i + 1 < clause->last; i++)
            {
              /* the filter turns away nearly every pair of characters, so
               * it is asked first, before they are known to be Han */
              guint32 bigram = (self->chars[i] << 16) ^ self->chars[i + 1];
              gsize   bit = bigram_bit (bigram, self->word_filter_shift);
              guint   index;
              Word   *word;

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
add_rare_word_stories (Judge *self, Ballot *fragment)
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

/* Marks the words of @story's own text in self->marked, listing them in
 * @marks; returns how many distinct bigrams that text has, counted in
 * @seen (a table of @seen_mask + 1 slots whose entries carry the story,
 * so it never needs clearing). */
static guint
mark_story_words (Judge    *self,
                  guint     story,
                  guint     first,
                  guint     last,
                  WordSlot *seen,
                  gsize     seen_mask,
                  GArray   *marks)
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
collect_words (Judge *self)
{
  Ballot *fragments = self->ballots;
  gsize   n_evidence = 0;

  for (guint f = 0; f < self->n_fragments; f++)
    n_evidence += MIN (VOTE_CHARS, self->clauses[fragments[f].to].last
                                       - self->clauses[fragments[f].from].first);
  self->evidence = g_new (guint, n_evidence + 1);
  self->words = g_array_new (FALSE, FALSE, sizeof (Word));
  /* fragments are often the same text over and over: a start for the
   * table that grows with the distinct words */
  self->word_mask = next_power_of_two (MIN (n_evidence, 65536)) - 1;
  self->word_slots = g_new0 (WordSlot, self->word_mask + 1);
  for (guint f = 0; f < self->n_fragments; f++)
    collect_evidence (self, &fragments[f]);
  count_word_stories (self);
}

/* Which stories each fragment asks, sorted by story: the stories holding a
 * copy, and those using the run's rarest words.  Returns the questions;
 * those of story s are [(*first)[s], (*first)[s + 1]). */
static Question *
ask_stories (Judge *self, guint **first)
{
  Ballot *fragments = self->ballots;
  g_autoptr (GArray) questions = g_array_new (FALSE, FALSE, sizeof (Question));
  guint    *start = g_new0 (guint, self->n_stories + 2);
  Question *sorted;

  for (guint f = 0; f < self->n_fragments; f++)
    {
      Ballot  *fragment = &fragments[f];
      guint    host = self->blocks[fragment->block].story;
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
weigh_fragments (Judge *self, const Question *questions, const guint *first)
{
  Ballot           *fragments = self->ballots;
  g_autofree guint *story_clause = g_new (guint, self->n_stories + 1);
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree WordSlot *seen = NULL;
  gsize                seen_mask = 0;

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
          Ballot      *fragment = &fragments[questions[q].fragment];
          const guint *evidence = self->evidence + fragment->evidence;
          double       vote = 0;

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

void
_sd_fragment_find_owners (const SdOcrText *text, SdFragment *fragments, guint n_fragments)
{
  Judge self = {
    .blocks = text->blocks,
    .n_blocks = text->n_blocks,
    .n_stories = text->n_stories,
    .chars = text->chars,
    .clauses = text->clauses,
    .clause_first = text->clause_first,
    .story_block = text->story_block,
    .n_fragments = n_fragments,
  };
  g_autofree guint    *first = NULL;
  g_autofree Question *questions = NULL;

  if (n_fragments == 0)
    return;
  self.ballots = g_new0 (Ballot, n_fragments);
  for (guint f = 0; f < n_fragments; f++)
    {
      Ballot *ballot = &self.ballots[f];

      ballot->block = fragments[f].block;
      ballot->from = fragments[f].from;
      ballot->to = fragments[f].to;
      ballot->n_copies = fragments[f].n_copies;
      memcpy (ballot->copy_story, fragments[f].copy_story, sizeof ballot->copy_story);
    }
  collect_words (&self);
  questions = ask_stories (&self, &first);
  weigh_fragments (&self, questions, first);

  /* the story whose words fit a fragment best owns it, unless that is the
   * story it sits in */
  for (guint f = 0; f < n_fragments; f++)
    {
      const Ballot *ballot = &self.ballots[f];
      guint         host = self.blocks[ballot->block].story;
      double        best_vote = 0;

      fragments[f].owner = NONE;
      for (guint k = 0; k < ballot->n_asked; k++)
        if (ballot->asked[k] != host && ballot->vote[k] > best_vote)
          {
            best_vote = ballot->vote[k];
            fragments[f].owner = ballot->asked[k];
          }
      if (best_vote <= ballot->host_vote)
        fragments[f].owner = NONE;
    }

  g_free (self.ballots);
  g_free (self.evidence);
  g_array_unref (self.words);
  g_free (self.weights);
  g_free (self.marked);
  g_free (self.word_slots);
  g_free (self.word_filter);
}
