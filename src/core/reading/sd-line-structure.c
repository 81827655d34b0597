/* sd-line-structure.c — how a page's text lines relate to its paragraphs
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The column width is the width most lines reach: set in a newspaper
 * column, every line of a paragraph but its last runs to the column edge
 * (give or take a half-width digit, or a closing mark pulled back onto the
 * line, as Chinese line breaking wants).  A page whose lines mostly end
 * near one width is wrapped; a line that reaches the edge then runs on into
 * the next line unless that one is indented (a new paragraph) or blank.
 * A short line ends its paragraph: it is a paragraph's last line, or a
 * line of its own (a title, a reporter line, names).
 */
#define G_LOG_DOMAIN "sd-line-structure"

#include "config.h"

#include "sd-line-structure.h"
#include "sd-line-shapes-private.h"

#include "sd-text-util.h"

#define WIDTH_MIN 16  /* 8 Han: no column is narrower */
#define WIDTH_MAX 100 /* 50 Han: wider lines are paragraphs */
#define WIDTH_BINS (WIDTH_MAX + 8)
#define FULL_LINES_MIN 6  /* lines at the width a page needs to count as wrapped */
#define FULL_SHARE_MIN 40 /* percent of its lines */
#define PULLED_BACK 3     /* a closing mark kept on the line, or two digits */
#define TITLE_WIDTH_MIN 8 /* four Han characters: no title is shorter */

typedef struct
{
  gsize text_start; /* in the joined text */
  gsize page_start;
  gsize length;
} Run;

struct _SdLineStructure
{
  SdLineForm  form;
  guint       width;
  guint       measure; /* the width most full lines have: no wider than @width */
  const char *page_text;
  gsize       page_length;
  GString    *joined; /* NULL for a page of paragraph lines */
  GArray     *runs;   /* (element-type Run) the joined text's pieces of page text */
};

static guint
char_width (gunichar c)
{
  /* ASCII and half-width forms take half a Han character's room */
  if (c < 0x2000 || (c >= 0xFF61 && c <= 0xFFDC))
    return 1;
  return 2;
}

/* Counting stops past @cap: a wider line is no column's. */
static guint
measure_width (const char *text, gsize start, gsize end, guint cap)
{
  guint width = 0;

  /* no character takes less than a unit for three bytes (the half-width
   * forms): a long line is known to be wider than @cap without a look */
  if ((end - start) / 3 > cap)
    return cap + 1;
  for (const guchar *p = (const guchar *) text + start;
       p < (const guchar *) text + end && width <= cap;)
    {
      /* ASCII and the other one- and two-byte forms are half width; the
       * three-byte forms full width but for U+FF61–U+FFDC */
      if (*p < 0xE0)
        {
          width += 1;
          p += *p < 0x80 ? 1 : 2;
        }
      else if (*p == 0xEF) /* U+F000–U+FFFF: the half-width forms live here */
        {
          width += char_width (_sd_text_get_char ((const char *) p));
          p += 3;
        }
      else
        {
          width += 2;
          p += *p < 0xF0 ? 3 : 4;
        }
    }
  return width;
}

static void
measure_line (const char *text, SdTextLine *line)
{
  const char *p = text + line->start;
  const char *end = text + line->end;
  guint       indent = 0;

  /* the ideographic indent "　　", or two spaces or more in plain text */
  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      if (c == 0x3000)
        indent += 2;
      else if (c == ' ' || c == '\t')
        indent += 1;
      else
        break;
    }
  line->indented = indent >= 2;
  line->text_start = p - text;
  line->text_end = line->end;
  _sd_text_trim (text, &line->text_start, &line->text_end);
  line->width = indent + measure_width (text, line->text_start, line->text_end, WIDTH_BINS);
  /* an ellipsis typed as dots ends a sentence as … does (…相得益彰......) */
  line->ends_sentence = _sd_text_ends_sentence (text, line->text_start, line->text_end)
                        || _sd_text_has_suffix (text, line->text_start, line->text_end, "...");
}

static GArray *
scan_lines (const char *text, gsize length)
{
  GArray  *lines = g_array_sized_new (FALSE, FALSE, sizeof (SdTextLine), length / 40 + 16);
  gsize    pos = 0;
  gsize    next_lf = 0; /* where the next LF is at or after @pos, or @length */
  gboolean lf_found = FALSE;

  while (pos < length)
    {
      SdTextLine line = { .start = pos };
      gsize      eol;

      /* the LF is looked for once for all the lines a CR alone ends before
       * it (old Mac files): linear either way */
      if (!lf_found || next_lf < pos)
        {
          const char *nl = memchr (text + pos, '\n', length - pos);

          next_lf = nl != NULL ? (gsize) (nl - text) : length;
          lf_found = TRUE;
        }
      eol = next_lf;
      {
        const char *cr = memchr (text + pos, '\r', eol - pos);

        if (cr != NULL)
          eol = cr - text;
      }
      line.end = eol;
      if (eol < length && text[eol] == '\r')
        eol++;
      if (eol < length && text[eol] == '\n' && (eol == line.end || text[eol - 1] == '\r'))
        eol++;
      measure_line (text, &line);
      g_array_append_val (lines, line);
      pos = eol;
    }
  return lines;
}

/* How far short of the column width a line may end and still have run to
 * the edge: a few half-width characters, more in a wide column. */
static guint
edge_slack (guint width)
{
  return MAX (PULLED_BACK, width / 8);
}

static gboolean
width_reaches_edge (guint column, guint width)
{
  return column > 0 && width + edge_slack (column) >= column && width <= column + PULLED_BACK;
}

static gboolean
reaches_edge (guint column, const SdTextLine *line)
{
  return width_reaches_edge (column, line->width);
}

gboolean
sd_line_reaches_edge (guint column, const char *text, gsize start, gsize end)
{
  /* measured no further than the edge: a wider line does not reach it */
  return column > 0
         && width_reaches_edge (column, measure_width (text, start, end, column + PULLED_BACK));
}

gboolean
sd_line_structure_ends_at_edge (const SdLineStructure *lines, gsize offset)
{
  const char *text = lines->page_text;
  SdTextLine  line = { .end = sd_line_structure_to_page (lines, offset) };

  if (lines->width == 0)
    return FALSE;
  line.start = line.end;
  while (line.start > 0 && text[line.start - 1] != '\n' && text[line.start - 1] != '\r')
    line.start--;
  measure_line (text, &line);
  return reaches_edge (lines->width, &line);
}

/* The window of widths around @found, the column, holds its full lines;
 * the measure they were set to is the width most of them have, or the
 * next unit wider where many do: a full line of Han characters holding
 * one half-width comma or digit is a unit short, and a closing mark pulled
 * back onto a line makes it a character wider. */
static guint
measure_full_lines (const guint *bins, guint found)
{
  guint mode = found;

  for (guint w = found - edge_slack (found); w <= found + PULLED_BACK && w < WIDTH_BINS - 1; w++)
    if (bins[w] > bins[mode])
      mode = w;
  if (mode < found && bins[mode + 1] * 3 >= bins[mode])
    mode++;
  return mode;
}

/* The width most lines reach, or 0 when the lines end anywhere; and the
 * measure of its full lines in @measure. */
static guint
measure_column (GArray *lines, guint *measure)
{
  guint bins[WIDTH_BINS] = { 0 };
  guint filled = 0, best = 0, best_count = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const SdTextLine *line = &g_array_index (lines, SdTextLine, i);

      if (line->text_start == line->text_end)
        continue;
      filled++;
      bins[MIN (line->width, WIDTH_BINS - 1)]++;
    }
  for (guint column = WIDTH_MIN; column <= WIDTH_MAX; column++)
    {
      guint count = 0;

      for (guint w = column - edge_slack (column); w <= column + PULLED_BACK && w < WIDTH_BINS - 1;
           w++)
        count += bins[w];
      /* the widest of equals: a column's lines fall short of it, not over */
      if (count >= best_count)
        {
          best = column;
          best_count = count;
        }
    }
  if (best_count < FULL_LINES_MIN || best_count * 100 < filled * FULL_SHARE_MIN)
    return 0;
  *measure = measure_full_lines (bins, best);
  return best;
}

/* A photo's credit on a line of its own: "潦里村供图", "记者王继亮摄". */
static gboolean
is_credit_line (const char *text, guint column, const SdTextLine *line)
{
  gsize names_start, names_end;

  return !_sd_line_is_blank (line) && !line->indented && line->width < column
         && _sd_text_strip_credit (text, line->text_start, line->text_end, &names_start,
                                   &names_end);
}

/* Lines at most a caption holds: CAPTION_MAX_CHARS at the narrowest column. */
#define CAPTION_LINES_MAX 8

/* The unindented block that opens at @first (lines of a paragraph: each
 * but its last at the edge) ends a sentence right over a credit line: the
 * caption of a photo printed there.  After a paragraph's sentence a caption
 * is told from the paragraph going on by holding one sentence (@one);
 * under a title, a caption may hold several. */
static gboolean
opens_caption (const char *text, guint column, GArray *page_lines, guint first, gboolean one)
{
  for (guint k = first; k < page_lines->len && k < first + CAPTION_LINES_MAX; k++)
    {
      const SdTextLine *line = &g_array_index (page_lines, SdTextLine, k);

      if (_sd_line_is_blank (line) || (k > first && line->indented)
          || (one && !line->ends_sentence
              && _sd_text_contains (text, line->text_start, line->text_end, "。")))
        return FALSE;
      if (line->ends_sentence && k + 1 < page_lines->len && is_credit_line (text, column, line + 1))
        return TRUE;
      if (!reaches_edge (column, line) || (one && line->ends_sentence))
        return FALSE;
    }
  return FALSE;
}

static gboolean
opens_paragraph (const char *text, GArray *page_lines, guint i)
{
  const SdTextLine *line = i < page_lines->len ? &g_array_index (page_lines, SdTextLine, i) : NULL;

  return line != NULL && !_sd_line_is_blank (line)
         && (line->indented || _sd_line_opens_lead (text, line));
}

/* The unindented line @first opens a header of its own, not the paragraph
 * above going on after its sentence: a title that asks or exclaims, or one
 * of two lines (引题 and title), over an indented paragraph or a lead. */
static gboolean
opens_header (const char *text, guint column, GArray *page_lines, guint first)
{
  const SdTextLine *b = &g_array_index (page_lines, SdTextLine, first);
  const SdTextLine *c = first + 1 < page_lines->len ? b + 1 : NULL;

  if (c == NULL || !_sd_line_is_title_or_cry (text, b))
    return FALSE;
  if (opens_paragraph (text, page_lines, first + 1))
    return b->ends_sentence;
  return !b->ends_sentence && !_sd_line_is_blank (c) && !c->indented && !c->ends_sentence
         && _sd_line_is_title_like (text, c) && !reaches_edge (column, c)
         && opens_paragraph (text, page_lines, first + 2);
}

/* Whether @b carries on the paragraph of @a; @c (nullable) follows @b.
 * @after_title: @a opens a block right under a line of no sentence that
 * did not run on into it (a kicker over its headline), or opens the page;
 * @under_title_caption: that block is a photo's caption;
 * @indenting: the page indents its paragraphs. */
static gboolean
runs_on (const char       *text,
         guint             column,
         guint             measure,
         const SdTextLine *a,
         const SdTextLine *b,
         const SdTextLine *c,
         gboolean          after_title,
         gboolean          under_title_caption,
         gboolean          indenting)
{
  if (_sd_line_is_blank (a) || _sd_line_is_blank (b) || b->indented)
    return FALSE;
  if (_sd_line_goes_on_in_bracket (text, a, b))
    return TRUE;
  if (!reaches_edge (column, a))
    return FALSE;
  if (_sd_line_opens_subtitle (text, a) && c != NULL && !_sd_line_is_blank (c)
      && (c->indented || _sd_line_opens_lead (text, c)) && !b->ends_sentence
      && b->width >= TITLE_WIDTH_MIN && _sd_line_is_title_like (text, b))
    return TRUE;
  /* where paragraphs are indented, an unindented line of no sentence under
   * a kicker is a title as wide as the column, not a paragraph */
  if (indenting && after_title && !a->indented && _sd_line_is_title_like (text, a)
      && !_sd_line_opens_wire_lead (text, a) && !under_title_caption)
    return FALSE;
  /* a line wider than the column was not set in it: a title across columns,
   * and so is a line of no sentence wider than the column's full lines
   * after a sentence's end */
  if (b->width > column + PULLED_BACK + edge_slack (column)
      || (a->ends_sentence && b->width > measure + PULLED_BACK && _sd_line_is_title_like (text, b)))
    return FALSE;
  /* a sentence ends at the edge and a title-length line follows: the title
   * of what comes next, or names, not the paragraph's last line */
  if (a->ends_sentence && !b->ends_sentence && !reaches_edge (column, b))
    return FALSE;
  /* a line with no sentence in it, before an indented paragraph or a lead,
   * is a title even where it is as wide as the column (or the story above
   * was cut off in mid-sentence); a line that ends a sentence after one
   * cut short ends that paragraph; so does a line of a character or
   * three, too short for a title (the rest of a name, 葛 / 勇) */
  if (c != NULL && !_sd_line_is_blank (c) && (c->indented || _sd_line_opens_lead (text, c))
      && !b->ends_sentence && b->width >= TITLE_WIDTH_MIN && _sd_line_is_title_like (text, b)
      && !_sd_line_ends_open_clause (text, a))
    return FALSE;
  return TRUE;
}

/* Paragraphs marked by the ideographic indent: some of the page's lines
 * are indented (OCR of a scan drops indents, and so do some layouts). */
static gboolean
measure_indenting (GArray *page_lines)
{
  guint indented = 0, filled = 0;

  for (guint i = 0; i < page_lines->len; i++)
    {
      const SdTextLine *line = &g_array_index (page_lines, SdTextLine, i);

      filled += !_sd_line_is_blank (line);
      indented += line->indented;
    }
  return indented >= 3 && indented * 20 >= filled;
}

static void
add_run (SdLineStructure *lines, gsize page_start, gsize page_end)
{
  Run run = { lines->joined->len, page_start, page_end - page_start };

  if (page_end <= page_start)
    return;
  g_string_append_len (lines->joined, lines->page_text + page_start, page_end - page_start);
  g_array_append_val (lines->runs, run);
}

static gboolean
is_latin (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* A line of no sentence that opens its block, wider than the column's
 * full lines: a headline set across columns, which goes on in no line under
 * it (a photo's caption, 图为扬州新地标万福大桥。, or a 副题); not a
 * paragraph's last line as wide under a line cut at the edge (…文物古迹原 /
 * 有风貌保存完好,与运河风情相得益彰......). */
static gboolean
heads_across_columns (const char *text, guint measure, const SdTextLine *a)
{
  return !_sd_line_is_blank (a) && !a->indented && a->width > measure + PULLED_BACK
         && _sd_line_is_title_like (text, a);
}

/* @line stops mid-sentence at the column's edge: the line under it goes on */
static gboolean
cut_above (guint column, const SdTextLine *line)
{
  return !_sd_line_is_blank (line) && !line->ends_sentence && reaches_edge (column, line);
}

/* A quote that closes a half: “守护者”:… */
static gboolean
is_closing_quote (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F;
}

/* "扬州将迎2500岁生日 书记称纪念日不办庆典活动", "…“守护者”:只为淮水安澜":
 * two halves a space or a colon parts, as headlines set them and a
 * caption's first line does not; not a line that leaves a quotation open,
 * prose cut at the column's edge (他说:“我们每一个人都是城市的主人,有义务通) */
static gboolean
reads_as_headline (const char *text, const SdTextLine *line)
{
  const char *end = text + line->text_end;
  gunichar    before = 0;
  gboolean    parted = FALSE;
  guint       open_quotes = 0;

  for (const char *p = text + line->text_start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = _sd_text_get_char (p);

      /* after a Han character or a closing quote (not 10:30, not 》: or ，:);
       * and a half after it (a ： or 　 of three bytes ending the line parts
       * none) */
      if ((c == ' ' || c == 0x3000 || c == ':' || c == 0xFF1A)
          && (_sd_text_is_han (before) || is_closing_quote (before)) && g_utf8_next_char (p) < end)
        parted = TRUE;
      if (c == 0x201C || c == 0x300C)
        open_quotes++;
      else if ((c == 0x201D || c == 0x300D) && open_quotes > 0)
        open_quotes--;
      before = c;
    }
  return parted && open_quotes == 0;
}

static void
join_lines (SdLineStructure *lines, GArray *page_lines)
{
  const char *text = lines->page_text;
  gsize       from = 0; /* page text not yet copied */

  gboolean indenting = measure_indenting (page_lines);
  gboolean after_title = TRUE; /* nothing above the page's first line goes on in it */
  gboolean opens_block = TRUE; /* no line above runs on into line i */

  lines->joined = g_string_sized_new (lines->page_length + 16);
  lines->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  for (guint i = 0; i + 1 < page_lines->len; i++)
    {
      const SdTextLine *a = &g_array_index (page_lines, SdTextLine, i);
      const SdTextLine *b = &g_array_index (page_lines, SdTextLine, i + 1);
      const SdTextLine *c =
          i + 2 < page_lines->len ? &g_array_index (page_lines, SdTextLine, i + 2) : NULL;

      /* a column break (a blank line) inside a bracket: the bracket goes on
       * past it */
      if (_sd_line_is_blank (b) && c != NULL && !_sd_line_is_blank (a)
          && _sd_line_goes_on_in_bracket (text, a, c))
        {
          add_run (lines, from, a->text_end);
          from = c->text_start;
          after_title = opens_block = FALSE;
          i++;
          continue;
        }
      /* a caption under a title (not the page's first line, a title
       * itself) runs on over its lines, however many sentences it holds */
      gboolean under_title_caption =
          after_title && i > 0 && opens_caption (text, lines->width, page_lines, i, FALSE);
      gboolean joined = !(opens_block && (i == 0 || !cut_above (lines->width, a - 1))
                          && heads_across_columns (text, lines->measure, a)
                          && !_sd_line_goes_on_in_bracket (text, a, b))
                        && runs_on (text, lines->width, lines->measure, a, b, c, after_title,
                                    under_title_caption, indenting)
                        && !(a->ends_sentence
                             && ((opens_caption (text, lines->width, page_lines, i + 1, TRUE)
                                  && !_sd_line_ends_quote (text, a))
                                 || opens_header (text, lines->width, page_lines, i + 1)))
                        && !(opens_block && (i == 0 || !cut_above (lines->width, a - 1))
                             && !a->indented && !a->ends_sentence
                             && _sd_line_is_title_like (text, a) && reads_as_headline (text, a)
                             && opens_caption (text, lines->width, page_lines, i + 1, TRUE));

      after_title =
          !joined && !_sd_line_is_blank (a) && !a->indented && _sd_line_is_title_like (text, a);
      opens_block = !joined;
      if (!joined)
        continue;
      add_run (lines, from, a->text_end);
      /* a Latin word is not broken at a line end: the space was; and a
       * space the OCR saw there (between names) is kept */
      if (a->text_end < a->end
          || (is_latin (_sd_text_last_char (text, a->text_start, a->text_end))
              && is_latin (_sd_text_first_char (text, b->text_start, b->text_end))))
        g_string_append_c (lines->joined, ' ');
      from = b->text_start;
    }
  add_run (lines, from, lines->page_length);
}

/**
 * sd_line_structure_read:
 *
 * Returns: (transfer full) the page's line structure; it keeps @text.
 */
SdLineStructure *
sd_line_structure_read (const char *text, gsize length)
{
  SdLineStructure *lines = g_new0 (SdLineStructure, 1);
  g_autoptr (GArray) page_lines = scan_lines (text, length);

  lines->page_text = text;
  lines->page_length = length;
  lines->width = measure_column (page_lines, &lines->measure);
  lines->form = lines->width > 0 ? SD_LINE_FORM_WRAPPED : SD_LINE_FORM_PARAGRAPHS;
  if (lines->form == SD_LINE_FORM_WRAPPED)
    join_lines (lines, page_lines);
  return lines;
}

void
sd_line_structure_free (SdLineStructure *lines)
{
  if (lines == NULL)
    return;
  if (lines->joined != NULL)
    g_string_free (lines->joined, TRUE);
  g_clear_pointer (&lines->runs, g_array_unref);
  g_free (lines);
}

gboolean
sd_line_structure_spans_columns (const SdLineStructure *lines, gsize start, gsize end)
{
  /* wider than a closing mark pulled back onto a full line makes it */
  guint       cap = lines->measure + PULLED_BACK;
  gsize       page_start, page_end;
  const char *text = lines->page_text;

  if (lines->width == 0 || end <= start)
    return FALSE;
  page_start = sd_line_structure_to_page (lines, start);
  page_end = sd_line_structure_to_page (lines, end);
  /* one line of the page, and no longer than any title */
  if (page_end - page_start > 4 * cap
      || memchr (text + page_start, '\n', page_end - page_start) != NULL
      || memchr (text + page_start, '\r', page_end - page_start) != NULL)
    return FALSE;
  return measure_width (text, page_start, page_end, cap) > cap;
}

SdLineForm
sd_line_structure_get_form (const SdLineStructure *lines)
{
  return lines->form;
}

guint
sd_line_structure_get_width (const SdLineStructure *lines)
{
  return lines->width;
}

const char *
sd_line_structure_get_text (const SdLineStructure *lines, gsize *length)
{
  if (lines->joined == NULL)
    {
      *length = lines->page_length;
      return lines->page_text;
    }
  *length = lines->joined->len;
  return lines->joined->str;
}

gsize
sd_line_structure_to_page (const SdLineStructure *lines, gsize offset)
{
  guint      lo = 0, hi;
  const Run *run;

  if (lines->runs == NULL)
    return MIN (offset, lines->page_length);
  hi = lines->runs->len;
  if (hi == 0)
    return 0;
  /* the last run starting at or before @offset */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lines->runs, Run, mid).text_start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  run = &g_array_index (lines->runs, Run, lo);
  if (offset < run->text_start)
    return run->page_start;
  if (offset - run->text_start <= run->length)
    return run->page_start + (offset - run->text_start);
  /* inside a joint: where the next piece starts */
  if (lo + 1 < lines->runs->len)
    return g_array_index (lines->runs, Run, lo + 1).page_start;
  return lines->page_length;
}
