/* sd-export-html.c — one standalone page: no script, every text escaped
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sd-export-private.h"

/* The stories under one city, in export order; city NULL for the
 * unplaced.  What the table of contents knows of each (its id, its place
 * in the source's order, its title) goes to a file of its own as it is
 * read, and is read back twice, for the contents and for the stories,
 * which are read again by id: the export holds one story at a time and a
 * chunk of each city's entries (#16: 1,000,000 stories' titles took 209 MB
 * held in memory). */
typedef struct
{
  const SdPlace *city;
  guint          n_stories;
  GFile         *file; /* (nullable) until the first story */
  GFileIOStream *io;
  GString       *pending; /* entries not yet written to @io */
} CityGroup;

/* One entry, as the file holds it (host byte order). */
typedef struct
{
  gint64  id;
  guint32 index;
  guint32 title_len; /* the title's bytes follow */
} EntryHead;

/* Nothing may load or run: the page is read, printed and passed on. */
#define CONTENT_SECURITY_POLICY                                                                    \
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "                \
  "form-action 'none'"

#define SERIF_STACK                                                                                \
  "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Source Han Serif CN\", \"Songti SC\", "       \
  "STSong, SimSun, \"Noto Serif SC\", serif"
#define SANS_STACK                                                                                 \
  "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Source Han Sans CN\", \"PingFang SC\", "        \
  "\"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif"

static const char style_sheet[] =
    "body{font-family:" SERIF_STACK ";line-height:1.7;color:#1b1b1b;background:#fff;"
    "max-width:46em;margin:0 auto;padding:2em 1.5em}\n"
    "h1,h2,h3,h4,nav,.meta,.tags,.byline,.by,.subheadline,body>footer{font-family:" SANS_STACK "}\n"
    "h1{font-size:1.8em;margin:0 0 .2em}\n"
    ".meta{color:#5d6670;font-size:.88em;margin:.2em 0}\n"
    "nav.toc{border:1px solid #d8dde3;border-radius:6px;padding:.6em 1.2em;margin:1.5em 0}\n"
    "nav.toc h2{font-size:1.1em}nav.toc h3{font-size:1em;margin:.8em 0 .2em}\n"
    "nav.toc ol{margin:0;padding-left:1.6em}nav.toc a{color:#1d4f91;text-decoration:none}\n"
    ".count{color:#5d6670;font-weight:normal;font-size:.85em}\n"
    "section.city>h2{font-size:1.35em;border-bottom:2px solid #1d4f91;padding-bottom:.2em;"
    "margin-top:2.2em}\n"
    "article{border-top:1px solid #e1e4e8;margin-top:1.6em;padding-top:1em}\n"
    "article h3{font-size:1.35em;line-height:1.4;margin:0 0 .3em}\n"
    ".subheadline{color:#333;margin:0 0 .3em}\n"
    ".body p{text-indent:2em;margin:0;text-align:justify}\n"
    ".body h4.section{font-size:1.05em;margin:.9em 0 .3em}\n"
    ".caption{color:#444;font-size:.9em;margin:.6em 0}.caption .photo{color:#8a939c}\n"
    ".tags{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:.4em}\n"
    ".tags li{background:#eef3f9;border:1px solid #c5d3e3;border-radius:999px;padding:0 .75em;"
    "font-size:.85em;color:#1d3b5e}\n"
    ".byline,.by{color:#5d6670;font-size:.88em}\n"
    ".note{border-left:4px solid #5b83b0;background:#f4f7fb;padding:.4em 1em;margin:1em 0}\n"
    ".note h4,.highlights h4{margin:.2em 0;font-size:.95em}\n"
    ".highlights blockquote{border-left:4px solid #e0b800;background:#fffbe6;margin:.5em 0;"
    "padding:.3em 1em}\n"
    ".note p,.highlights p{margin:.2em 0}\n"
    "mark{background:#fff0a0;color:inherit}\n"
    "body>footer{color:#8a939c;font-size:.8em;margin-top:3em}\n"
    "@page{size:A4;margin:2cm}\n"
    "@media print{body{max-width:none;padding:0}nav.toc{break-after:page}"
    "a{color:inherit;text-decoration:none}article{break-inside:avoid-page}}\n";

static void
append_text (GString *out, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_string_append (out, escaped);
}

static void
append_element (GString *out, const char *open, const char *text, const char *close)
{
  g_string_append (out, open);
  append_text (out, text);
  g_string_append (out, close);
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const CityGroup *first = *(const CityGroup *const *) a;
  const CityGroup *second = *(const CityGroup *const *) b;

  if (first->city == NULL || second->city == NULL)
    return (first->city == NULL) - (second->city == NULL);
  return (int) first->city->order - (int) second->city->order;
}

static void
city_group_free (CityGroup *group)
{
  if (group->io != NULL)
    g_io_stream_close (G_IO_STREAM (group->io), NULL, NULL);
  if (group->file != NULL)
    g_file_delete (group->file, NULL, NULL);
  g_clear_object (&group->io);
  g_clear_object (&group->file);
  g_string_free (group->pending, TRUE);
  g_free (group);
}

/* Writes @group's pending entries to its file (made at the first call). */
static gboolean
spill (CityGroup *group, GError **error)
{
  GOutputStream *out;

  if (group->pending->len == 0)
    return TRUE;
  if (group->file == NULL
      && (group->file = g_file_new_tmp ("storydesk-html-XXXXXX", &group->io, error)) == NULL)
    {
      g_prefix_error (error, _("The HTML export’s table of contents cannot be written aside: "));
      return FALSE;
    }
  out = g_io_stream_get_output_stream (G_IO_STREAM (group->io));
  if (!g_output_stream_write_all (out, group->pending->str, group->pending->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (group->pending, 0);
  return TRUE;
}

static void
add_entry (CityGroup *group, guint index, const SdStory *story)
{
  g_autofree char *title = sd_story_dup_title (story);
  EntryHead        head = { story->id, index, (guint32) strlen (title) };

  g_string_append_len (group->pending, (const char *) &head, sizeof head);
  g_string_append_len (group->pending, title, head.title_len);
  group->n_stories++;
}

/* Groups in official city order, the unplaced last; the stories read once
 * for it.  (element-type CityGroup) */
static GPtrArray *
group_by_city (SdExportSource *stories, GError **error)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) city_group_free);
  g_autoptr (GHashTable) by_city = g_hash_table_new (NULL, NULL);

  for (guint i = 0;; i++)
    {
      const SdStory *story;
      const SdPlace *city, *district, *town;
      CityGroup     *group;

      if (!_sd_export_source_next (stories, &story, error))
        return NULL;
      if (story == NULL)
        break;
      _sd_export_get_place (story, &city, &district, &town);
      group = g_hash_table_lookup (by_city, city);
      if (group == NULL)
        {
          group = g_new0 (CityGroup, 1);
          group->city = city;
          group->pending = g_string_new (NULL);
          g_hash_table_insert (by_city, (gpointer) city, group);
          g_ptr_array_add (groups, group);
        }
      add_entry (group, i, story);
      if (group->pending->len >= SD_EXPORT_CHUNK && !spill (group, error))
        return NULL;
    }
  for (guint i = 0; i < groups->len; i++)
    if (!spill (g_ptr_array_index (groups, i), error))
      return NULL;
  g_ptr_array_sort (groups, compare_groups);
  return g_steal_pointer (&groups);
}

/* @group's entries from the first, one at a time. (transfer full) */
static GDataInputStream *
read_entries (CityGroup *group, GError **error)
{
  GDataInputStream *in;

  if (!g_seekable_seek (G_SEEKABLE (group->io), 0, G_SEEK_SET, NULL, error))
    return NULL;
  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (group->io)));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
  return in;
}

/* The next entry of @in into @head and @title (the title's bytes). */
static gboolean
next_entry (GDataInputStream *in, EntryHead *head, GString *title, GError **error)
{
  gsize got = 0;

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof *head, &got, NULL, error))
    return FALSE;
  g_string_set_size (title, got == sizeof *head ? head->title_len : 0);
  if (got == sizeof *head
      && g_input_stream_read_all (G_INPUT_STREAM (in), title->str, head->title_len, &got, NULL,
                                  error)
      && got == head->title_len)
    return TRUE;
  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                 _("The HTML export’s table of contents set aside is cut short"));
  return FALSE;
}

static const char *
group_anchor (const CityGroup *group)
{
  return group->city != NULL ? group->city->code : "unplaced";
}

static const char *
group_name (const CityGroup *group)
{
  return group->city != NULL ? group->city->name : _("Unplaced");
}

/* The body's paragraphs and section heads, the highlighted passages
 * marked. */
static void
append_body (GString *out, const SdStory *story, SdExportFields fields)
{
  const char        *body = story->body != NULL ? story->body : "";
  glong              n_chars = g_utf8_strlen (body, -1);
  gboolean           mark = (fields & SD_EXPORT_FIELD_HIGHLIGHTS) != 0;
  g_autofree guint8 *marks = _sd_export_dup_marks (story, n_chars, mark);
  g_autoptr (GArray) blocks = _sd_export_dup_blocks (story, fields);

  g_string_append (out, "<div class=\"body\">\n");
  for (guint i = 0; i < blocks->len; i++)
    {
      const SdExportBlock *block = &g_array_index (blocks, SdExportBlock, i);
      gboolean             open = FALSE;
      glong                c = block->offset;

      if (block->kind == SD_EXPORT_BLOCK_HEADING)
        {
          append_element (out, "<h4 class=\"section\">", block->text, "</h4>\n");
          continue;
        }
      g_string_append (out, "<p>");
      for (const char *q = block->text; *q != '\0'; q = g_utf8_next_char (q), c++)
        {
          const char      *next = g_utf8_next_char (q);
          g_autofree char *escaped = NULL;

          if ((c < n_chars && marks[c] > 0) != open)
            {
              g_string_append (out, open ? "</mark>" : "<mark>");
              open = !open;
            }
          escaped = g_markup_escape_text (q, next - q);
          g_string_append (out, escaped);
        }
      if (open)
        g_string_append (out, "</mark>");
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</div>\n");
}

static void
append_captions (GString *out, const SdStory *story, SdExportFields fields)
{
  for (guint i = 0; i < _sd_export_count_captions (story, fields); i++)
    {
      g_string_append (
          out,
          "<p class=\"caption\"><span class=\"photo\" aria-hidden=\"true\">" SD_EXPORT_PHOTO_MARK
          "</span> ");
      append_text (out, g_ptr_array_index (story->captions, i));
      g_string_append (out, "</p>\n");
    }
}

static void
append_attribution (GString *out, const char *editor, const char *iso8601)
{
  g_autofree char *time = _sd_export_format_time (iso8601);

  if ((editor == NULL || *editor == '\0') && time == NULL)
    return;
  g_string_append (out, "<p class=\"by\">— ");
  if (editor != NULL && *editor != '\0')
    append_text (out, editor);
  if (editor != NULL && *editor != '\0' && time != NULL)
    g_string_append (out, ", ");
  if (time != NULL)
    {
      g_autofree char *element =
          g_markup_printf_escaped ("<time datetime=\"%s\">%s</time>", iso8601, time);
      g_string_append (out, element);
    }
  g_string_append (out, "</p>\n");
}

static void
append_paragraphs (GString *out, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      append_element (out, "<p>", lines[i], "</p>\n");
}

static void
append_meta (GString *out, const SdStory *story, SdExportFields fields)
{
  g_autofree char *place = _sd_export_dup_place_line (story);
  g_autofree char *issue = _sd_export_dup_issue_line (story);
  gboolean         any = FALSE;

  g_string_append (out, "<p class=\"meta\">");
  if ((fields & SD_EXPORT_FIELD_PLACE) && place != NULL)
    {
      append_element (out, "<span class=\"place\">", place, "</span>");
      any = TRUE;
    }
  if (fields & SD_EXPORT_FIELD_STATUS)
    {
      g_string_append_printf (out, "%s<span class=\"status status-%s\">", any ? " · " : "",
                              sd_story_status_to_string (story->status));
      append_text (out, sd_story_status_to_label (story->status));
      g_string_append (out, "</span>");
      any = TRUE;
    }
  if ((fields & SD_EXPORT_FIELD_SOURCE) && issue != NULL)
    {
      g_string_append (out, any ? " · " : "");
      append_element (out, "<span class=\"issue\">", issue, "</span>");
      any = TRUE;
    }
  if ((fields & SD_EXPORT_FIELD_SOURCE) && story->source_file != NULL)
    {
      g_autofree char *source = g_strdup_printf (_("Source: %s"), story->source_file);
      g_string_append (out, any ? " · " : "");
      append_element (out, "<span class=\"source\">", source, "</span>");
      any = TRUE;
    }
  if (fields & SD_EXPORT_FIELD_ID)
    {
      g_autofree char *id = g_strdup_printf (_("Story %lld"), (long long) story->id);
      g_string_append (out, any ? " · " : "");
      append_element (out, "<span class=\"id\">", id, "</span>");
    }
  g_string_append (out, "</p>\n");
}

static void
append_story (GString *out, const SdStory *story, const SdExportOptions *options)
{
  SdExportFields   fields = options->fields;
  g_autofree char *title = sd_story_dup_title (story);

  g_string_append_printf (out, "<article id=\"story-%" G_GINT64_FORMAT "\">\n<header>\n",
                          story->id);
  append_element (out, "<h3>", title, "</h3>\n");
  if (story->subheadline != NULL && *story->subheadline != '\0')
    append_element (out, "<p class=\"subheadline\">", story->subheadline, "</p>\n");
  append_meta (out, story, fields);
  if ((fields & SD_EXPORT_FIELD_TAGS) && story->tags != NULL && story->tags->len > 0)
    {
      g_autofree char *open =
          g_markup_printf_escaped ("<ul class=\"tags\" aria-label=\"%s\">", _("Tags"));
      g_string_append (out, open);
      for (guint i = 0; i < story->tags->len; i++)
        {
          const char *color =
              _sd_export_get_tag_color (options, g_ptr_array_index (story->tags, i));
          g_autofree char *lower = color != NULL ? g_ascii_strdown (color + 1, -1) : NULL;
          g_autofree char *open_tag =
              lower != NULL ? g_strdup_printf ("<li class=\"tag-%s\">", lower) : g_strdup ("<li>");

          append_element (out, open_tag, g_ptr_array_index (story->tags, i), "</li>");
        }
      g_string_append (out, "</ul>\n");
    }
  if ((fields & SD_EXPORT_FIELD_BYLINE) && story->byline != NULL && *story->byline != '\0')
    append_element (out, "<p class=\"byline\">", story->byline, "</p>\n");
  g_string_append (out, "</header>\n");

  if (fields & SD_EXPORT_FIELD_BODY)
    append_body (out, story, fields);
  append_captions (out, story, fields);

  if ((fields & SD_EXPORT_FIELD_NOTE) && story->note != NULL && *story->note != '\0')
    {
      g_string_append (out, "<aside class=\"note\">\n");
      append_element (out, "<h4>", _("Note"), "</h4>\n");
      append_paragraphs (out, story->note);
      append_attribution (out, story->editor, story->updated);
      g_string_append (out, "</aside>\n");
    }
  if ((fields & SD_EXPORT_FIELD_HIGHLIGHTS) && _sd_export_count_highlights (story) > 0)
    {
      g_string_append (out, "<section class=\"highlights\">\n");
      append_element (out, "<h4>", _("Highlights"), "</h4>\n");
      for (guint i = 0; i < story->highlights->len; i++)
        {
          const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);

          g_string_append (out, "<blockquote>\n");
          append_element (out, "<p><mark>", highlight->quote, "</mark></p>\n");
          if (highlight->comment != NULL && *highlight->comment != '\0')
            append_paragraphs (out, highlight->comment);
          append_attribution (out, highlight->editor, highlight->created);
          g_string_append (out, "</blockquote>\n");
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</article>\n");
}

/* A class a colour, "tag-rrggbb", in the style sheet: the chips carry no
 * style attribute of their own. */
static void
append_tag_classes (GString *out, const SdExportOptions *options)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       tag;

  if (options->tag_colors == NULL)
    return;
  g_hash_table_iter_init (&iter, options->tag_colors);
  while (g_hash_table_iter_next (&iter, &tag, NULL))
    {
      const char      *color = _sd_export_get_tag_color (options, tag);
      g_autofree char *lower = NULL;

      if (color == NULL || g_hash_table_contains (seen, color))
        continue;
      g_hash_table_add (seen, (gpointer) color);
      lower = g_ascii_strdown (color + 1, -1);
      g_string_append_printf (out, ".tags li.tag-%s{background:#%s;border-color:#%s;color:#%06x}\n",
                              lower, lower, lower,
                              _sd_export_get_ink (_sd_export_parse_color (color)));
    }
}

static char *
dup_summary (guint n_stories, const SdExportOptions *options)
{
  g_autoptr (GString) line = g_string_new (NULL);

  g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u story", "%u stories", n_stories),
                          n_stories);
  if (options->place_name != NULL)
    g_string_append_printf (line, " · %s", options->place_name);
  if (options->query != NULL && *options->query != '\0')
    {
      g_string_append (line, " · ");
      g_string_append_printf (line, _("containing “%s”"), options->query);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
append_head (GString *out, guint n_stories, const SdExportOptions *options)
{
  g_autofree char *summary = dup_summary (n_stories, options);
  g_autofree char *title = g_strdup_printf ("%s: %s", _("Storydesk export"), summary);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *exported = g_strdup_printf (_("exported %s"), date);
  g_autofree char *nav = NULL;

  g_string_append (out,
                   "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                   "<meta charset=\"utf-8\"/>\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"" CONTENT_SECURITY_POLICY
                   "\"/>\n"
                   "<meta name=\"viewport\" "
                   "content=\"width=device-width, initial-scale=1\"/>\n"
                   "<meta name=\"referrer\" content=\"no-referrer\"/>\n"
                   "<meta name=\"generator\" content=\"Storydesk " PACKAGE_VERSION "\"/>\n");
  append_element (out, "<title>", title, "</title>\n");
  g_string_append_printf (out, "<style>\n%s", style_sheet);
  append_tag_classes (out, options);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n");
  append_element (out, "<h1>", _("Storydesk export"), "</h1>\n");
  g_string_append (out, "<p class=\"meta\">");
  append_text (out, summary);
  g_string_append (out, " · ");
  append_text (out, exported);
  g_string_append (out, "</p>\n</header>\n");

  nav = g_markup_printf_escaped ("<nav class=\"toc\" aria-label=\"%s\">\n", _("Contents"));
  g_string_append (out, nav);
  append_element (out, "<h2>", _("Contents"), "</h2>\n");
}

/* The table of contents' cities and stories, read back from their files. */
static gboolean
write_contents (GString       *out,
                GPtrArray     *groups,
                GOutputStream *output,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (GString) title = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      CityGroup *group = g_ptr_array_index (groups, i);
      g_autoptr (GDataInputStream) in = read_entries (group, error);
      EntryHead head;

      if (in == NULL)
        return FALSE;
      g_string_append_printf (out, "<section>\n<h3><a href=\"#city-%s\">", group_anchor (group));
      append_text (out, group_name (group));
      g_string_append_printf (out, "</a> <span class=\"count\">%u</span></h3>\n<ol>\n",
                              group->n_stories);
      for (guint j = 0; j < group->n_stories; j++)
        {
          if (!next_entry (in, &head, title, error))
            return FALSE;
          g_string_append_printf (out, "<li><a href=\"#story-%" G_GINT64_FORMAT "\">", head.id);
          append_text (out, title->str);
          g_string_append (out, "</a></li>\n");
          if (!_sd_export_flush (output, out, FALSE, cancellable, error))
            return FALSE;
        }
      g_string_append (out, "</ol>\n</section>\n");
    }
  g_string_append (out, "</nav>\n");
  return TRUE;
}

/* Grouped by city in official order, as the table of contents: the
 * stories read once for it, then each again as it is written. */
gboolean
_sd_export_write_html (SdExportSource        *stories,
                       const SdExportOptions *options,
                       GOutputStream         *output,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) title = g_string_new (NULL);
  g_autoptr (GPtrArray) groups = group_by_city (stories, error);
  guint total = _sd_export_source_get_total (stories);
  guint done = 0;

  if (groups == NULL)
    return FALSE;
  append_head (out, total, options);
  if (!write_contents (out, groups, output, cancellable, error))
    return FALSE;
  g_string_append (out, "<main>\n");
  for (guint i = 0; i < groups->len; i++)
    {
      CityGroup *group = g_ptr_array_index (groups, i);
      g_autoptr (GDataInputStream) in = read_entries (group, error);

      if (in == NULL)
        return FALSE;
      g_string_append_printf (out, "<section class=\"city\" id=\"city-%s\">\n",
                              group_anchor (group));
      append_element (out, "<h2>", group_name (group), "</h2>\n");
      for (guint j = 0; j < group->n_stories; j++)
        {
          const SdStory *story;
          EntryHead      head;

          if (!next_entry (in, &head, title, error)
              || (story = _sd_export_source_get (stories, head.index, head.id, error)) == NULL)
            return FALSE;
          append_story (out, story, options);
          if (!_sd_export_flush (output, out, FALSE, cancellable, error)
              || !_sd_export_step (options, ++done, total, cancellable, error))
            return FALSE;
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</main>\n<footer><p>");
  append_text (out, _("Exported with Storydesk"));
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");
  return _sd_export_flush (output, out, TRUE, cancellable, error);
}
