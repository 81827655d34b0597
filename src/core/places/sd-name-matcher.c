/* sd-name-matcher.c — find many names in a text in one pass (Aho-Corasick)
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The automaton works on UTF-8 bytes: a name starts with a lead byte, so a
 * match in valid UTF-8 text always starts and ends on character boundaries.
 * Nodes are laid out from the sorted names, each node's edges contiguous and
 * sorted by byte; the root gets a dense table since every scan step that
 * fails lands there.
 */
#define G_LOG_DOMAIN "sd-name-matcher"

#include "config.h"

#include "sd-name-matcher.h"

#include <string.h>

#define NO_NODE 0 /* the root is never a transition target */

typedef struct
{
  guint32 first_edge;
  guint32 n_edges;
  guint32 fail;
  guint32 out;   /* next terminal node on the fail chain, or 0 */
  guint32 value; /* value + 1 for a terminal node, else 0 */
  guint32 depth; /* bytes from the root */
} Node;

typedef struct
{
  guint8  byte;
  guint32 target;
} Edge;

struct _SdNameMatcher
{
  GHashTable *pending; /* name → value + 1, until compiled */

  GArray *nodes; /* Node */
  GArray *edges; /* Edge */
  guint32 root_next[256];
};

static inline guint32
step (const SdNameMatcher *self, guint32 state, guint8 byte)
{
  const Node *node;
  const Edge *edges;
  guint       lo, hi;

  if (state == 0)
    return self->root_next[byte];

  node = &g_array_index (self->nodes, Node, state);
  edges = &g_array_index (self->edges, Edge, node->first_edge);
  lo = 0;
  hi = node->n_edges;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (edges[mid].byte == byte)
        return edges[mid].target;
      if (edges[mid].byte < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NO_NODE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Builds the subtrie of @node_index from the sorted names [lo, hi), which
 * all share their first @depth bytes. */
static void
build_subtrie (
    SdNameMatcher *self, const char **names, guint lo, guint hi, guint32 node_index, guint32 depth)
{
  guint32 first_edge;
  guint32 n_groups = 0;
  guint   i;

  if (lo < hi && names[lo][depth] == '\0')
    {
      gpointer value = g_hash_table_lookup (self->pending, names[lo]);

      g_array_index (self->nodes, Node, node_index).value = GPOINTER_TO_UINT (value);
      lo++;
    }
  if (lo == hi)
    return;

  /* Reserve this node's edges and children before recursing, so they stay
   * contiguous. */
  first_edge = self->edges->len;
  for (i = lo; i < hi; i++)
    if (i == lo || names[i][depth] != names[i - 1][depth])
      {
        Edge edge = { (guint8) names[i][depth], self->nodes->len };
        Node child = { 0, 0, 0, 0, 0, depth + 1 };

        g_array_append_val (self->edges, edge);
        g_array_append_val (self->nodes, child);
        n_groups++;
      }
  g_array_index (self->nodes, Node, node_index).first_edge = first_edge;
  g_array_index (self->nodes, Node, node_index).n_edges = n_groups;

  for (guint g = 0, start = lo; g < n_groups; g++)
    {
      guint   end = start + 1;
      guint32 child;

      while (end < hi && names[end][depth] == names[start][depth])
        end++;
      child = g_array_index (self->edges, Edge, first_edge + g).target;
      build_subtrie (self, names, start, end, child, depth + 1);
      start = end;
    }
}

static void
link_failures (SdNameMatcher *self)
{
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint32));
  Node       *nodes = (Node *) (void *) self->nodes->data;
  const Edge *edges = (const Edge *) (void *) self->edges->data;
  guint       head = 0;

  for (guint e = 0; e < nodes[0].n_edges; e++)
    {
      const Edge *edge = &edges[nodes[0].first_edge + e];

      self->root_next[edge->byte] = edge->target;
      g_array_append_val (queue, edge->target);
    }

  while (head < queue->len)
    {
      guint32 u = g_array_index (queue, guint32, head++);

      for (guint e = 0; e < nodes[u].n_edges; e++)
        {
          const Edge *edge = &edges[nodes[u].first_edge + e];
          guint32     v = edge->target;
          guint32     f = nodes[u].fail;
          guint32     t;

          while (f != 0 && step (self, f, edge->byte) == NO_NODE)
            f = nodes[f].fail;
          t = step (self, f, edge->byte);
          nodes[v].fail = t;
          nodes[v].out = nodes[t].value != 0 ? t : nodes[t].out;
          g_array_append_val (queue, v);
        }
    }
}

static int
compare_matches (gconstpointer a, gconstpointer b)
{
  const SdNameMatch *ma = a;
  const SdNameMatch *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end > mb->end ? -1 : 1;
  return 0;
}

SdNameMatcher *
_sd_name_matcher_new (void)
{
  SdNameMatcher *self = g_new0 (SdNameMatcher, 1);

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  self->edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  return self;
}

void
_sd_name_matcher_free (SdNameMatcher *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_free (self);
}

void
_sd_name_matcher_add (SdNameMatcher *self, const char *name, guint value)
{
  g_return_if_fail (self->pending != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (value < G_MAXUINT32);

  g_hash_table_insert (self->pending, g_strdup (name), GUINT_TO_POINTER (value + 1));
}

void
_sd_name_matcher_compile (SdNameMatcher *self)
{
  g_autofree const char **names = NULL;
  guint                   n_names;
  Node                    root = { 0 };

  g_return_if_fail (self->pending != NULL);

  names = (const char **) g_hash_table_get_keys_as_array (self->pending, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);

  g_array_append_val (self->nodes, root);
  build_subtrie (self, names, 0, n_names, 0, 0);
  link_failures (self);

  g_clear_pointer (&self->pending, g_hash_table_unref);
}

GArray *
_sd_name_matcher_scan (const SdNameMatcher *self, const char *text, gsize len)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (SdNameMatch));
  GArray     *kept = g_array_new (FALSE, FALSE, sizeof (SdNameMatch));
  const Node *nodes;
  guint32     state = 0;
  gsize       last_end = 0;

  g_return_val_if_fail (self->pending == NULL, kept);

  nodes = (const Node *) (void *) self->nodes->data;
  for (gsize i = 0; i < len; i++)
    {
      guint8  byte = (guint8) text[i];
      guint32 next;

      while ((next = step (self, state, byte)) == NO_NODE && state != 0)
        state = nodes[state].fail;
      state = next;

      for (guint32 hit = nodes[state].value != 0 ? state : nodes[state].out; hit != 0;
           hit = nodes[hit].out)
        {
          SdNameMatch match = { i + 1 - nodes[hit].depth, i + 1, nodes[hit].value - 1 };

          g_array_append_val (all, match);
        }
    }

  /* Overlaps are rare (a short form inside a longer name), so sorting the
   * few matches is cheaper than a leftmost-longest automaton. */
  g_array_sort (all, compare_matches);
  for (guint i = 0; i < all->len; i++)
    {
      const SdNameMatch *match = &g_array_index (all, SdNameMatch, i);

      if (kept->len > 0 && match->start < last_end)
        continue;
      g_array_append_val (kept, *match);
      last_end = match->end;
    }
  return kept;
}
