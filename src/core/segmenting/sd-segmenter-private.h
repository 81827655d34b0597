/* sd-segmenter-private.h — what the segmenter's passes share
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the core library: sd-line-structure.c joins wrapped lines
 * into paragraphs, sd-page-units.c reads each line on its own,
 * sd-segmenter.c cuts the page into stories (sd-title-cues.c weighs the
 * undecided titles), sd-story-builder.c fills the segments.
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

#include <string.h>

#include "sd-segment.h"
#include "sd-text-util.h"

G_BEGIN_DECLS

#define TITLE_MAX_CHARS    48  /* a plain headline or kicker */
#define MD_TITLE_MAX_CHARS 80  /* a line marked with '#' */
#define SECTION_MAX_CHARS  30
#define KICKER_COLON_CHARS 16  /* a kicker that ends in a colon */
#define TAIL_MAX_CHARS     40  /* names and credit glued after the last sentence */
#define CAPTION_MAX_CHARS  120
#define LONE_CAPTION_CHARS 60  /* a caption printed apart from its credit */
#define PHOTO_MAX_CHARS    400
#define BRIEF_MAX_CHARS    600
#define PLACE_WINDOW       3000 /* bytes of a story that name its places */
#define CHARS_LIMIT        MD_TITLE_MAX_CHARS /* no shorter line is counted further */
#define NONE               G_MAXUINT

typedef enum
{
  SHAPE_TEXT,     /* prose, or a title-shaped line */
  SHAPE_BOLD,     /* **heading** with prose after it on the line */
  SHAPE_REPORTER, /* □ 本报记者 X */
  SHAPE_NAMES,    /* a line of names */
  SHAPE_CREDIT,   /* 徐宇欣 摄, (X供图) */
  SHAPE_CREDITS,  /* （参与记者：… 整理：…）, 文/X */
  SHAPE_FURNITURE, /* editor line, date line, page number */
} SdSegShape;

typedef enum
{
  ROLE_BODY,
  ROLE_KICKER,
  ROLE_HEADLINE,
  ROLE_SUBHEADLINE,
  ROLE_SECTION,
  ROLE_REPORTER,
  ROLE_BYLINE,
  ROLE_CREDIT,
  ROLE_CAPTION,
  ROLE_STRAY,
} SdSegRole;

typedef struct
{
  gsize start; /* the trimmed line */
  gsize end;
  gsize text_start; /* without '#' markup; for SHAPE_BOLD the bold run */
  gsize text_end;
  gsize prose_start; /* after 本报讯(…), ▶上接…, **…** */
  gsize prose_end;   /* before glued names or a glued credit */
  gsize reporter_start; /* inside 本报讯(…), or the reporter line */
  gsize reporter_end;
  gsize tail_start; /* glued names and credit, or the credit line */
  gsize tail_end;
  gsize numbered_end; /* after "一、" heading a section, else text_start */
  gsize restated_start; /* the title a dateline restates after 题, or 0 */
  gsize restated_end;
  gsize names_start; /* the names in the tail, a credit or a name line */
  gsize names_end;
  guint chars; /* non-space characters of the text, counted up to CHARS_LIMIT + 1 */
  guint blank_before;
  guint md_level;
  SdSegShape shape;
  SdSegRole role;
  guint story;
  guint title : 1;         /* short, no sentence end: could be a headline */
  guint indented : 1;      /* the line opens with "　　" or spaces */
  guint at_edge : 1;       /* the line runs to the edge of the page's column, if any */
  guint spans : 1;         /* one line wider than the page's columns: set across them */
  guint bold : 1;          /* **set in bold** */
  guint section_shape : 1; /* could be a section heading, not a broken line */
  guint news_lead : 1;     /* 本报讯 */
  guint bracket_lead : 1;  /* (记者 X) opens it, no 本报讯: sections may follow */
  guint continued : 1;     /* ▶上接1版 */
  guint jumps_on : 1;      /* (下转A2版): the story's text on this page ends */
  guint boxed : 1;         /* □ 本报记者 X: a reporter line that heads a story */
  guint dash_start : 1;    /* ——副题 */
  guint dash_end : 1;      /* 引题—— */
  guint tail_names : 1;
  guint tail_credit : 1;
  guint tail_kept : 1; /* the glued names are the byline, not a broken word */
  guint head_credit : 1; /* 【X 摄】 opens it: a photo's caption */
  guint ends_sentence : 1;
  guint mark_known : 1; /* has_mark is set */
  guint has_mark : 1;   /* the text holds a sentence end */
  guint weighed : 2;    /* WEIGHED_*: what the boundary scorer said of it */
  guint bullet : 1;     /* ◆ opens it: an item of a column of briefs */
} SdSegUnit;

/* SdSegUnit.weighed: no rule decided the title, the scorer did */
enum
{
  WEIGHED_NOT,
  WEIGHED_SECTION,
  WEIGHED_STORY,
};

typedef struct
{
  guint first; /* units [first, last] */
  guint last;
  guint headline;  /* its headline unit, or NONE */
  guint last_body; /* the last unit of text, or NONE */
  guint credit;    /* the unit of its last photo credit, or NONE */
  guint ended : 1; /* a byline or credit has closed it */
  guint ended_by_photo : 1; /* a photo's credit closed it, no byline */
  guint has_body : 1;
  guint news_lead : 1; /* its text opens with 本报讯 */
  guint marked_sections : 1; /* it has section heads in bold or numbered */
  guint plain_sections : 1;  /* and plain ones */
  guint colon_sections : 1;  /* "如城街道：…" heads one of its sections */
  guint place_sections : 1;  /* and names a place before the colon */
  guint bullets : 1;         /* its text has items opened by ◆ */
} SdSegStory;

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *units;   /* (element-type SdSegUnit) */
  GArray     *stories; /* (element-type SdSegStory) */
  guint       min_md_level;
  guint       md_titles; /* title-shaped units marked with '#' */
  guint       column;    /* the width wrapped lines were joined at, or 0 */
  const struct _SdLineStructure *lines; /* (nullable) maps offsets of joined text to the page */
  struct _SdSegBigrams *bigrams; /* scratch of the cohesion measure */
  guint       usual_gap; /* blank lines between most paragraphs */
  guint       gap_titles; /* titles after a gap wider than the usual one */
} SdSegPage;


static inline SdSegUnit *
_sd_seg_unit_at (SdSegPage *page, guint i)
{
  return &g_array_index (page->units, SdSegUnit, i);
}

static inline SdSegStory *
_sd_seg_story_at (SdSegPage *page, guint i)
{
  return &g_array_index (page->stories, SdSegStory, i);
}

/* Whether @c is one of the characters of @set (a short string literal). */
static inline gboolean
_sd_seg_char_in (const char *set, gunichar c)
{
  if (c == 0)
    return FALSE;
  for (const char *p = set; *p != '\0'; p = g_utf8_next_char (p))
    if (_sd_text_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static inline gsize
_sd_seg_skip_char (const char *text, gsize pos)
{
  return g_utf8_next_char (text + pos) - text;
}

static inline gsize
_sd_seg_skip_spaces (const char *text, gsize pos, gsize end)
{
  return _sd_text_skip_spaces (text, pos, end);
}

/* Body text, or the prose after a **bold run** on the same line. */
static inline gboolean
_sd_seg_carries_prose (const SdSegUnit *u)
{
  return u->role == ROLE_BODY
         || (u->role == ROLE_SECTION && u->shape == SHAPE_BOLD && u->prose_end > u->prose_start);
}

/* Unit @i opens a paragraph: a column break (an empty line the OCR put in)
 * may cut one in two, and then the unit above it ends in mid-sentence. */
static inline gboolean
_sd_seg_opens_paragraph (SdSegPage *page, guint i)
{
  SdSegUnit *above = i > 0 ? _sd_seg_unit_at (page, i - 1) : NULL;

  return above == NULL || !_sd_seg_carries_prose (above) || above->ends_sentence;
}

/* The cues the boundary scorer (sd-boundary.c) weighs for a title-shaped
 * unit that no strong sign decides.  The first ones sd-title-cues.c
 * measures of the title and the story above it; the rest sd-boundary.c,
 * across the candidate boundary. */
typedef enum
{
  CUE_MARKED,        /* '#' or bold */
  CUE_COLON,         /* "崇川区：…": a place before a colon */
  CUE_NEW_PLACE,     /* names first a place the story above never named */
  CUE_KNOWN_PLACE,   /* names first a place it did name */
  CUE_SPACED_HALVES, /* "发挥村级监督优势 走出对村巡察新路子" */
  CUE_WIDE_GAP,      /* more blank lines above than the page's usual */
  CUE_LEAD_OPENER,   /* the text under it opens "近日", "10月28日，" */
  CUE_LEAD_NAMES,    /* the lead names the title's subject as a place */
  CUE_AFTER_MARKED,  /* plain, after sections in bold or numbered */
  CUE_HEADER,        /* a kicker or 副题 goes with it */
  CUE_COHESION,      /* share of its words the story above used, 0–1 */
  CUE_SECTION_SHAPE, /* short and tidy as a section head is */
  CUE_PREV_ENDED,    /* the text above ends a sentence */
  CUE_STORY_LENGTH,  /* thousands of characters of the story above, at most 2 */
  CUE_TITLE_LENGTH,  /* its characters over TITLE_MAX_CHARS */
  CUE_EXCLAIMS,      /* it exclaims or asks */
  /* measured in sd-boundary.c */
  CUE_ENDED,          /* a byline or credit closed the story above */
  CUE_ENDED_BY_PHOTO, /* a photo's credit did, no byline */
  CUE_LEAD_CAPTION,   /* a photo's caption stands under it */
  CUE_LEAD_COHESION,  /* share of the title's and its lead's words the story used, 0–1 */
  CUE_CUT_ABOVE,      /* the text above stops mid-sentence */
  CUE_STORY_PLACE,    /* its lead opens on a village or town the story named */
  CUE_NEWS_ITEM,      /* the story above opened with a 本报讯-style dateline */
  CUE_AT_EDGE,        /* runs to the column's edge and ends no sentence there */
  CUE_CUT_PROSE,      /* reads like a line of prose cut short */
  CUE_NOISE,          /* share of its characters neither Han nor punctuation, 0–1 */
  CUE_COLUMNS,        /* the page is in column lines (sd-line-structure.c joined them) */
  CUE_COUNT,          /* it states a count ("47个"), as news does and a section head seldom */
  CUE_ECHO,           /* share of its words its lead repeats, 0–1 */
  N_CUES,
} SdSegCue;

/* Hands the cues weighed for every undecided title to @sink, for fitting
 * the weights (tests/fit-boundary.py); NULL stops it.  Not thread-safe. */
typedef void (*SdSegCueSink) (const char   *text,
                              gsize         title_start,
                              gsize         title_end,
                              const double *cues,
                              guint         n_cues,
                              gpointer      data);
G_GNUC_INTERNAL void       _sd_seg_set_cue_sink     (SdSegCueSink sink,
                                                     gpointer     data);
/* Hands every unit of every page cut, with its role and story, to @sink
 * (tests/sd-boundary-cues --units: where the headlines are lost); NULL
 * stops it.  Not thread-safe. */
typedef void (*SdSegUnitSink) (const char      *text,
                               const SdSegUnit *u,
                               gpointer         data);
G_GNUC_INTERNAL void       _sd_seg_set_unit_sink    (SdSegUnitSink sink,
                                                     gpointer      data);
G_GNUC_INTERNAL void       _sd_seg_trace_units      (SdSegPage    *page);
/* Weighs with @weights (@n_weights of them, one a cue) and @bias instead
 * of the fitted table, for scoring a fit on pages it left out; NULL goes
 * back to the table.  @weights must outlive its use.  Not thread-safe. */
G_GNUC_INTERNAL void       _sd_seg_set_boundary_model (const double *weights,
                                                       guint         n_weights,
                                                       double        bias);

/* set off by '#' or bold */
static inline gboolean
_sd_seg_is_marked (const SdSegUnit *u)
{
  return u->md_level > 0 || u->bold;
}

/* "一、…" numbers it */
static inline gboolean
_sd_seg_is_numbered (const SdSegUnit *u)
{
  return u->numbered_end > u->text_start;
}

/* sd-page-units.c: the text holds 。！？… */
G_GNUC_INTERNAL gboolean   _sd_seg_has_sentence_mark (const char *text,
                                                      gsize       start,
                                                      gsize       end);
G_GNUC_INTERNAL gboolean   _sd_seg_unit_has_sentence_mark (SdSegPage *page,
                                                           SdSegUnit *u);
/* sd-page-units.c: a particle at the end, a closing mark at the start,
 * a clause mark other than one comma: a line of prose cut short */
G_GNUC_INTERNAL gboolean   _sd_seg_reads_like_cut_prose (SdSegPage *page,
                                                         SdSegUnit *u);

/* sd-credits.c: each finds its kind of line, sets the unit's shape and
 * spans, and says whether it did */
G_GNUC_INTERNAL gboolean   _sd_seg_find_reporter_line (SdSegPage *page,
                                                       SdSegUnit *u);
G_GNUC_INTERNAL gboolean   _sd_seg_find_credit_line (SdSegPage *page,
                                                     SdSegUnit *u);
G_GNUC_INTERNAL gboolean   _sd_seg_find_credits_line (SdSegPage *page,
                                                      SdSegUnit *u);
G_GNUC_INTERNAL gboolean   _sd_seg_find_name_line   (SdSegPage  *page,
                                                     SdSegUnit  *u);
/* sd-furniture.c: the paper's name, an editor line, a date, a page number */
G_GNUC_INTERNAL gboolean   _sd_seg_find_furniture   (SdSegPage  *page,
                                                     SdSegUnit  *u);
/* sd-datelines.c: the dateline and reporter of a 本报讯-style lead, and
 * sd-signatures.c: names glued after the last sentence, narrow the unit's
 * prose */
G_GNUC_INTERNAL void       _sd_seg_find_news_lead   (SdSegPage  *page,
                                                     SdSegUnit  *u);
G_GNUC_INTERNAL void       _sd_seg_find_glued_tail  (SdSegPage  *page,
                                                     SdSegUnit  *u);
/* sd-datelines.c: the dateline lead at unit @lead restates the title at
 * unit @title after 题 (OCR's misreads passed over) */
G_GNUC_INTERNAL gboolean   _sd_seg_restates_title   (SdSegPage  *page,
                                                     SdSegUnit  *lead,
                                                     SdSegUnit  *title);
/* sd-datelines.c: unit @i, a dated lead ("今天(12月2日),…") after the
 * byline that closed @story, opens an item printed with no title */
G_GNUC_INTERNAL gboolean   _sd_seg_opens_after_byline (SdSegPage  *page,
                                                       SdSegStory *story,
                                                       guint       i);
/* sd-datelines.c: @story's paragraphs above unit @i, titles and
 * captions aside, counted no further than @most */
G_GNUC_INTERNAL guint      _sd_seg_count_paragraphs_above (SdSegPage  *page,
                                                           SdSegStory *story,
                                                           guint       i,
                                                           guint       most);
/* sd-datelines.c: unit @u opens as a dated lead does ("今天(12月2日),…",
 * "18日中午,…", "近日,…") */
G_GNUC_INTERNAL gboolean   _sd_seg_starts_with_dated_lead (SdSegPage *page,
                                                           SdSegUnit *u);
/* sd-untitled.c: unit @i, a dated lead after a finished sentence whose
 * words @story does not share, opens an item printed with no title and
 * no byline before it */
G_GNUC_INTERNAL gboolean   _sd_seg_opens_untitled_item (SdSegPage  *page,
                                                        SdSegStory *story,
                                                        guint       i);
/* sd-untitled.c: unit @i, a photo's caption of no date under @story, sets
 * a scene of its own: a picture item printed with no title */
G_GNUC_INTERNAL gboolean   _sd_seg_sets_own_scene      (SdSegPage  *page,
                                                        SdSegStory *story,
                                                        guint       i);
/* sd-untitled.c: sets of Han bigrams and TextTiling's cosine (per mille)
 * of two, G_MAXUINT when either is empty (no evidence) */
G_GNUC_INTERNAL GHashTable *_sd_seg_bigram_set_new     (void);
G_GNUC_INTERNAL void       _sd_seg_add_bigrams         (GHashTable *set,
                                                        const char *text,
                                                        gsize       start,
                                                        gsize       end);
G_GNUC_INTERNAL guint      _sd_seg_measure_bigram_cosine (GHashTable *above,
                                                          GHashTable *below);
/* sd-credits.c: the role a reporter field leaves out where it leads */
G_GNUC_INTERNAL gsize      _sd_seg_leading_role_length (const char *names);
G_GNUC_INTERNAL char      *_sd_seg_dup_roles_apart (const char *names);
/* sd-signatures.c: past "CICPHOTO/" before a credit, or @start */
G_GNUC_INTERNAL gsize      _sd_seg_skip_latin_agency (const char *text, gsize start, gsize end);
/* sd-signatures.c: "记 者 X" gives "记者 X", in place */
G_GNUC_INTERNAL void       _sd_seg_close_spaced_roles (char *names);
/* sd-signatures.c: six Han characters or more that are names of two or
 * three characters run together, each with its surname ("李晓静马志龙") */
G_GNUC_INTERNAL gboolean   _sd_seg_names_run_together (const char *text, gsize start, gsize end);
/* sd-credits.c: what sd-signatures.c shares: the box before a reporter
 * line (□, ◎), the commas that part clauses or names, where a credit ends
 * before its picture agency in brackets */
G_GNUC_INTERNAL gboolean   _sd_seg_is_box_char      (gunichar    c);
G_GNUC_INTERNAL gboolean   _sd_seg_is_comma         (gunichar    c);
G_GNUC_INTERNAL gsize      _sd_seg_cut_bracketed_agency (const char *text,
                                                         gsize       start,
                                                         gsize       end);
/* sd-credits.c: runs of names, each after a role (or all after a box) */
G_GNUC_INTERNAL gboolean   _sd_seg_lists_reporters  (const char *text,
                                                     gsize       start,
                                                     gsize       end);
/* sd-signatures.c: an office "徐溜镇党史教办" or names run together
 * "吉文化孙晓璐张开虎宋文文", as brackets hold them to sign */
G_GNUC_INTERNAL gboolean   _sd_seg_names_office     (const char *text,
                                                     gsize       start,
                                                     gsize       end);
/* sd-credits.c: where the names start after "文/" that marks a writer,
 * or @start */
G_GNUC_INTERNAL gsize      _sd_seg_skip_writer_prefix (const char *text,
                                                       gsize       start,
                                                       gsize       end);
/* sd-credits.c: a photo's credit in brackets before its caption */
G_GNUC_INTERNAL void       _sd_seg_find_head_credit (SdSegPage  *page,
                                                     SdSegUnit  *u);

/* sd-title-cues.c */
G_GNUC_INTERNAL gboolean   _sd_seg_starts_with_opener (SdSegPage *page,
                                                       SdSegUnit *u);
G_GNUC_INTERNAL gboolean   _sd_seg_has_title_colon  (SdSegPage  *page,
                                                     SdSegUnit  *u);
G_GNUC_INTERNAL gboolean   _sd_seg_ends_with_media_mark (SdSegPage *page,
                                                         SdSegUnit *u);
G_GNUC_INTERNAL gboolean   _sd_seg_states_count     (SdSegPage  *page,
                                                     SdSegUnit  *u);
G_GNUC_INTERNAL gboolean   _sd_seg_colon_names_place (SdSegPage *page,
                                                      SdSegUnit *u);
G_GNUC_INTERNAL gboolean   _sd_seg_lead_names_story_place (SdSegPage  *page,
                                                           SdSegStory *story,
                                                           guint       i,
                                                           guint       lead);
/* sd-title-cues.c: the cues up to CUE_EXCLAIMS of the title at unit @i
 * (with @n header units and its lead at @lead, or NONE) after @story */
G_GNUC_INTERNAL void       _sd_seg_measure_title_cues (SdSegPage  *page,
                                                       SdSegStory *story,
                                                       guint       i,
                                                       guint       n,
                                                       guint       lead,
                                                       double     *cues);
/* sd-boundary.c: whether the cues of the title at unit @i (with @n header
 * units and its lead at @lead, or NONE) add up to a new story after
 * @story: the boundary scorer, for every title no strong sign decides */
G_GNUC_INTERNAL gboolean   _sd_seg_weighs_as_story  (SdSegPage  *page,
                                                     SdSegStory *story,
                                                     guint       i,
                                                     guint       n,
                                                     guint       lead);
/* sd-segmenter.c: one of the @n header units from @i is marked */
G_GNUC_INTERNAL gboolean   _sd_seg_header_is_marked (SdSegPage  *page,
                                                     guint       i,
                                                     guint       n);

/* sd-segmenter.c: the number of title units from @i that form one
 * header (kicker, title, 副题), and their roles in story @id */
G_GNUC_INTERNAL guint      _sd_seg_measure_header   (SdSegPage *page, guint i);
G_GNUC_INTERNAL void       _sd_seg_set_header_roles (SdSegPage *page, guint i, guint n, guint id);
/* sd-late-titles.c: the last unit taken when the title at @i heads the
 * story whose sentence it breaks into, else NONE */
G_GNUC_INTERNAL guint      _sd_seg_take_late_title  (SdSegPage *page, guint i);
/* sd-late-titles.c: the title at @i is the second half of the last
 * story's headline, read over the next column; takes it */
G_GNUC_INTERNAL gboolean   _sd_seg_take_headline_half (SdSegPage *page, guint i);
/* sd-headline-tail.c: the title at @i is the rest of the last story's
 * headline, read some lines down its text; takes it */
G_GNUC_INTERNAL gboolean   _sd_seg_take_headline_tail (SdSegPage *page, guint i);
/* sd-title-cues.c: how often the title's words (Han bigrams) occur in
 * [@start, @end) */
G_GNUC_INTERNAL guint      _sd_seg_count_title_bigrams (SdSegPage *page, SdSegUnit *title,
                                                        gsize start, gsize end);

/* sd-title-cues.c: percent of the bigrams of the title at unit @i and its
 * lead, unit @lead (or NONE: the rest of the page), that @story has */
G_GNUC_INTERNAL guint      _sd_seg_measure_lead_cohesion (SdSegPage *page, SdSegStory *story,
                                                          guint i, guint lead);
/* sd-title-cues.c: share (0–1) of the bigrams of the header [@i, @lead)
 * its lead repeats */
G_GNUC_INTERNAL double     _sd_seg_measure_title_echo (SdSegPage *page, guint i, guint lead);
/* sd-news-leads.c: the lead at @lead opens as news does and restates the
 * title at unit @i, after a sentence's end */
G_GNUC_INTERNAL gboolean   _sd_seg_news_lead_restates (SdSegPage *page, guint i, guint lead);
/* sd-column-lines.c: lines a page in columns cut at the edge lose the
 * title shape */
G_GNUC_INTERNAL void       _sd_seg_find_column_lines (SdSegPage *page);
/* sd-column-lines.c: lines at a column's edge that read like prose lose
 * the title shape, unless an indented paragraph opens under them */
G_GNUC_INTERNAL void       _sd_seg_find_edge_prose  (SdSegPage *page);
/* sd-column-lines.c: lines of no sentence right over a dateline lead are
 * titles, whatever their clauses */
G_GNUC_INTERNAL void       _sd_seg_find_lead_titles (SdSegPage *page);
/* sd-cut-leads.c: a title-shaped line with a comma over text that goes
 * on mid-sentence is its paragraph's first line, no title */
G_GNUC_INTERNAL void       _sd_seg_find_cut_leads   (SdSegPage *page);

G_GNUC_INTERNAL void       _sd_seg_scan_units       (SdSegPage  *page);
G_GNUC_INTERNAL gboolean   _sd_seg_has_role_prefix  (const char *text,
                                                     gsize       start,
                                                     gsize       end,
                                                     gsize      *after);
G_GNUC_INTERNAL gboolean   _sd_seg_is_photo_caption (SdSegPage  *page,
                                                     guint       i);
/* sd-segmenter.c: starts a story at unit @i (a titled one takes its header
 * units along); returns the last unit taken */
G_GNUC_INTERNAL guint      _sd_seg_open_story       (SdSegPage  *page,
                                                     guint       i,
                                                     gboolean    titled);
/* sd-photos.c: the caption at unit @i comes after the end of @story, a
 * photo of its own */
G_GNUC_INTERNAL gboolean   _sd_seg_after_story_end  (SdSegPage  *page,
                                                     SdSegStory *story,
                                                     guint       i);
/* sd-photos.c: the titled @story holds only a caption printed under its
 * title before unit @i: its lead is to come */
G_GNUC_INTERNAL gboolean   _sd_seg_holds_only_caption (SdSegPage  *page,
                                                       SdSegStory *story,
                                                       guint       i);
/* sd-photos.c: "②近期，…", a numbered caption of one spread */
G_GNUC_INTERNAL gboolean   _sd_seg_is_numbered_part (SdSegPage  *page,
                                                     SdSegUnit  *u);
/* sd-photos.c: nothing but a title, or the page's end, follows unit @i */
G_GNUC_INTERNAL gboolean   _sd_seg_closes_page_item (SdSegPage  *page,
                                                     guint       i);
/* sd-photos.c: the photo whose credit is unit @i, printed after the last
 * story with no title of its own, becomes a story; returns whether */
G_GNUC_INTERNAL gboolean   _sd_seg_split_off_photo  (SdSegPage  *page,
                                                     guint       i);
/* The unit opens with the rest of a sentence cut off above ("越。…"). */
G_GNUC_INTERNAL gboolean   _sd_seg_continues_sentence (SdSegPage *page,
                                                       SdSegUnit *u);
/* (transfer full) (element-type SdSegment) */
G_GNUC_INTERNAL GPtrArray *_sd_seg_build_segments   (SdSegPage  *page);
/* sd-story-builder.c: records a repair; @detail is N_() where written */
G_GNUC_INTERNAL void       _sd_seg_add_repair       (SdSegment   *segment,
                                                     SdRepairKind kind,
                                                     gsize        start,
                                                     gsize        end,
                                                     const char  *detail);
/* sd-captions.c: a photo item is its caption and credit, nothing more */
G_GNUC_INTERNAL gboolean   _sd_seg_is_photo_story   (SdSegPage  *page,
                                                     SdSegStory *story);
/* sd-captions.c: the captions of @story's photos, out of its body */
G_GNUC_INTERNAL void       _sd_seg_collect_captions (SdSegPage  *page,
                                                     SdSegStory *story,
                                                     SdSegment  *segment);

G_END_DECLS
