/* sd-export-docx.c — a Word document (OOXML, .docx), written with
 * libgsf's zip archive
 *
 * Each story: its headline as a Heading 2 (in the navigation pane), a grey
 * line with its place, page, tags and status, the byline, the body with
 * its section heads in bold and every paragraph indented two characters
 * (w:firstLineChars="200", as Chinese is set), the passages editors marked
 * as Word highlights, the photos' captions under a ▲; the note and the
 * highlights' comments as Word comments on the headline.  Text is in Noto
 * Serif CJK SC, heads in Noto Sans CJK SC, with w:lang w:eastAsia="zh-CN"
 * so Word picks Simplified Chinese forms and line breaking.
 *
 * The document part is written story by story; only the comments wait for
 * the end.  The archive is built in a temporary file, then copied to the
 * destination, which need not be seekable.
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sd-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <gsf/gsf-utils.h>

#include "sd-export-ooxml-private.h"

/* libgsf 1.14 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define SERIF "Noto Serif CJK SC"
#define SANS "Noto Sans CJK SC"

typedef struct
{
  char                  *path; /* the temporary archive */
  GsfOutput             *sink;
  GsfOutfile            *zip;
  GsfOutfile            *word;     /* the folder word/ */
  GsfOutput             *document; /* word/document.xml, open while stories come */
  GString               *out;      /* the document's text not yet written */
  GString               *comments; /* word/comments.xml's */
  guint                  n_comments;
  const SdExportOptions *options;
} Docx;

static const char content_types[] =
    XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" "
             "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
             "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
             "<Override PartName=\"/word/comments.xml\" ContentType=\"application/"
             "vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
             "</Types>";

static const char package_rels[] =
    XML_HEAD "<Relationships xmlns=\"" REL_NS "\">"
             "<Relationship Id=\"rId1\" Type=\"" R_NS "/officeDocument\" "
             "Target=\"word/document.xml\"/></Relationships>";

static const char document_rels[] =
    XML_HEAD "<Relationships xmlns=\"" REL_NS "\">"
             "<Relationship Id=\"rId1\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"" R_NS "/comments\" Target=\"comments.xml\"/>"
             "</Relationships>";

#define FONTS(face)                                                                                \
  "<w:rFonts w:ascii=\"" face "\" w:hAnsi=\"" face "\" w:eastAsia=\"" face "\" w:cs=\"" face "\"/" \
  ">"
#define HEADING_STYLE(id, name, level, size)                                                       \
  "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>"                \
  "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>"                          \
  "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>"                               \
  "<w:outlineLvl w:val=\"" level "\"/></w:pPr>"                                                    \
  "<w:rPr>" FONTS (SANS) "<w:b/><w:bCs/><w:sz w:val=\"" size "\"/></w:rPr></w:style>"

static const char styles[] = XML_HEAD
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>" FONTS (
        SERIF) "<w:sz w:val=\"21\"/><w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
               "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" "
               "w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
               "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
               "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
               "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
               "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:rPr>" FONTS (
                   SANS) "<w:b/><w:sz w:val=\"44\"/></w:rPr></w:style>" HEADING_STYLE ("Heading2",
                                                                                       "heading 2",
                                                                                       "1",
                                                                                       "32")
                   HEADING_STYLE (
                       "Heading3",
                       "heading 3",
                       "2",
                       "22") "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name "
                             "w:val=\"Body Text\"/>"
                             "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc "
                             "w:val=\"both\"/>"
                             "<w:ind w:firstLineChars=\"200\" "
                             "w:firstLine=\"420\"/></w:pPr></w:style>"
                             "<w:style w:type=\"paragraph\" w:styleId=\"Meta\"><w:name "
                             "w:val=\"Meta\"/>"
                             "<w:basedOn w:val=\"Normal\"/><w:rPr>" FONTS (
                                 SANS) "<w:color w:val=\"5D6670\"/><w:sz "
                                       "w:val=\"17\"/></w:rPr></w:style>"
                                       "<w:style w:type=\"paragraph\" "
                                       "w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
                                       "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing "
                                       "w:before=\"80\" "
                                       "w:after=\"80\"/></w:pPr><w:rPr>" FONTS (
                                           SANS) "<w:color w:val=\"444444\"/><w:sz "
                                                 "w:val=\"18\"/></w:rPr></w:style>"
                                                 "</w:styles>";

static gboolean
set_gsf_error (GError **error, GsfOutput *output, const char *what)
{
  const GError *cause = gsf_output_error (output);

  g_set_error (error, SD_EXPORT_ERROR, SD_EXPORT_ERROR_WRITE,
               _("Cannot write the %s: %s"), what,
                  cause != NULL ? cause->message : _("unknown error"));
  return FALSE;
}

static gboolean
write_part (GsfOutfile *folder, const char *name, const char *text, gsize length, GError **error)
{
  g_autoptr (GsfOutput) part =
      gsf_outfile_new_child_full (folder, name, FALSE, "compression-level", GSF_ZIP_DEFLATED, NULL);

  if (part == NULL || !gsf_output_write (part, length, (const guint8 *) text)
      || !gsf_output_close (part))
    return set_gsf_error (error, part != NULL ? part : GSF_OUTPUT (folder), name);
  return TRUE;
}

static gboolean
flush_document (Docx *docx, gboolean force, GError **error)
{
  if (docx->out->len == 0 || (!force && docx->out->len < SD_EXPORT_CHUNK))
    return TRUE;
  if (!gsf_output_write (docx->document, docx->out->len, (const guint8 *) docx->out->str))
    return set_gsf_error (error, docx->document, "word/document.xml");
  g_string_truncate (docx->out, 0);
  return TRUE;
}

/* One run of text; @props are its w:rPr, or NULL. */
static void
append_run (GString *out, const char *props, const char *text, gssize length)
{
  g_string_append (out, "<w:r>");
  if (props != NULL)
    g_string_append_printf (out, "<w:rPr>%s</w:rPr>", props);
  g_string_append (out, "<w:t xml:space=\"preserve\">");
  _sd_export_append_xml (out, text, length);
  g_string_append (out, "</w:t></w:r>");
}

static void
append_paragraph (GString *out, const char *style, const char *text)
{
  g_string_append_printf (out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  append_run (out, NULL, text, -1);
  g_string_append (out, "</w:p>");
}

/* A comment on the headline: its text one paragraph a line. */
static guint
add_comment (Docx *docx, const char *author, const char *iso8601, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint id = docx->n_comments++;

  g_string_append_printf (docx->comments, "<w:comment w:id=\"%u\" w:author=\"", id);
  _sd_export_append_xml (docx->comments, author != NULL && *author != '\0' ? author : "Storydesk",
                         -1);
  g_string_append (docx->comments, "\"");
  if (iso8601 != NULL)
    {
      g_string_append (docx->comments, " w:date=\"");
      _sd_export_append_xml (docx->comments, iso8601, -1);
      g_string_append (docx->comments, "\"");
    }
  g_string_append (docx->comments, ">");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (docx->comments, "<w:p>");
      append_run (docx->comments, NULL, lines[i], -1);
      g_string_append (docx->comments, "</w:p>");
    }
  g_string_append (docx->comments, "</w:comment>");
  return id;
}

/* The headline, the note and the highlights' comments anchored on it. */
static void
append_headline (Docx *docx, const SdStory *story, SdExportFields fields)
{
  g_autofree char *title = sd_story_dup_title (story);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  if ((fields & SD_EXPORT_FIELD_NOTE) && story->note != NULL && *story->note != '\0')
    {
      guint id = add_comment (docx, story->editor, story->updated, story->note);
      g_array_append_val (ids, id);
    }
  for (guint i = 0;
       (fields & SD_EXPORT_FIELD_HIGHLIGHTS) && i < _sd_export_count_highlights (story); i++)
    {
      const SdHighlight *highlight = g_ptr_array_index (story->highlights, i);
      g_autofree char   *text = NULL;
      guint              id;

      if (highlight->comment == NULL || *highlight->comment == '\0')
        continue;
      text = g_strdup_printf ("“%s”\n%s", highlight->quote, highlight->comment);
      id = add_comment (docx, highlight->editor, highlight->created, text);
      g_array_append_val (ids, id);
    }

  g_string_append (docx->out, "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (docx->out, "<w:commentRangeStart w:id=\"%u\"/>",
                            g_array_index (ids, guint, i));
  append_run (docx->out, NULL, title, -1);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (docx->out,
                            "<w:commentRangeEnd w:id=\"%u\"/>"
                            "<w:r><w:commentReference w:id=\"%u\"/></w:r>",
                            g_array_index (ids, guint, i), g_array_index (ids, guint, i));
  g_string_append (docx->out, "</w:p>");
}

/* Place · page · tags · status · source · id, as the other documents. */
static void
append_meta (Docx *docx, const SdStory *story, SdExportFields fields)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char *place = (fields & SD_EXPORT_FIELD_PLACE) ? _sd_export_dup_place_line (story) : NULL;

  _sd_export_add_record_parts (parts, story, fields);
  if (place != NULL)
    g_ptr_array_insert (parts, 0, place); /* first, as in every document */
  if (parts->len == 0
      && !((fields & SD_EXPORT_FIELD_TAGS) && story->tags != NULL && story->tags->len > 0))
    return;

  g_string_append (docx->out, "<w:p><w:pPr><w:pStyle w:val=\"Meta\"/></w:pPr>");
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        append_run (docx->out, NULL, " · ", -1);
      append_run (docx->out, NULL, g_ptr_array_index (parts, i), -1);
    }
  if ((fields & SD_EXPORT_FIELD_TAGS) && story->tags != NULL && story->tags->len > 0)
    {
      append_run (docx->out, NULL, parts->len > 0 ? " · " : "", -1);
      append_run (docx->out, NULL, _("Tags: "), -1);
      for (guint i = 0; i < story->tags->len; i++)
        {
          if (i > 0)
            append_run (docx->out, NULL, "、", -1);
          const char      *tag = g_ptr_array_index (story->tags, i);
          const char      *color = _sd_export_get_tag_color (docx->options, tag);
          g_autofree char *props = NULL;

          /* a coloured tag is shaded with its colour, as its chip is */
          if (color != NULL)
            props =
                g_strdup_printf ("<w:b/><w:color w:val=\"%06X\"/>"
                                 "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>",
                                 _sd_export_get_ink (_sd_export_parse_color (color)), color + 1);
          append_run (docx->out, props != NULL ? props : "<w:b/>", tag, -1);
        }
    }
  g_string_append (docx->out, "</w:p>");
}

/* A paragraph of the body in runs, a highlighted stretch a Word
 * highlight. */
static void
append_body_paragraph (Docx *docx, const SdExportBlock *block, const guint8 *marks, glong n_chars)
{
  const char *run = block->text;
  gboolean    marked = block->offset < n_chars && marks[block->offset] > 0;
  glong       c = block->offset;

  g_string_append (docx->out, "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/></w:pPr>");
  for (const char *q = block->text;; q = g_utf8_next_char (q), c++)
    {
      gboolean here = *q != '\0' && c < n_chars && marks[c] > 0;

      if (*q == '\0' || here != marked)
        {
          if (q > run)
            append_run (docx->out, marked ? "<w:highlight w:val=\"yellow\"/>" : NULL, run, q - run);
          run = q;
          marked = here;
        }
      if (*q == '\0')
        break;
    }
  g_string_append (docx->out, "</w:p>");
}

static gboolean
docx_add (SdExportSink *sink, const SdStory *story, GError **error)
{
  Docx          *docx = sink->state;
  SdExportFields fields = sink->options->fields;

  append_headline (docx, story, fields);
  if (story->subheadline != NULL && *story->subheadline != '\0')
    append_paragraph (docx->out, "Meta", story->subheadline);
  append_meta (docx, story, fields);
  if ((fields & SD_EXPORT_FIELD_BYLINE) && story->byline != NULL && *story->byline != '\0')
    append_paragraph (docx->out, "Meta", story->byline);

  if (fields & SD_EXPORT_FIELD_BODY)
    {
      const char        *body = story->body != NULL ? story->body : "";
      glong              n_chars = g_utf8_strlen (body, -1);
      g_autofree guint8 *marks =
          _sd_export_dup_marks (story, n_chars, (fields & SD_EXPORT_FIELD_HIGHLIGHTS) != 0);
      g_autoptr (GArray) blocks = _sd_export_dup_blocks (story, fields);

      for (guint i = 0; i < blocks->len; i++)
        {
          const SdExportBlock *block = &g_array_index (blocks, SdExportBlock, i);

          if (block->kind == SD_EXPORT_BLOCK_HEADING)
            append_paragraph (docx->out, "Heading3", block->text);
          else
            append_body_paragraph (docx, block, marks, n_chars);
        }
    }
  for (guint i = 0; i < _sd_export_count_captions (story, fields); i++)
    {
      g_autofree char *line = g_strconcat (
          SD_EXPORT_PHOTO_MARK " ", (const char *) g_ptr_array_index (story->captions, i), NULL);
      append_paragraph (docx->out, "Caption", line);
    }
  return flush_document (docx, FALSE, error);
}

static gboolean
docx_begin (SdExportSink *sink, GError **error)
{
  Docx *docx = g_new0 (Docx, 1);

  sink->state = docx;
  docx->options = sink->options;
  docx->out = g_string_new (NULL);
  docx->comments = g_string_new (XML_HEAD "<w:comments xmlns:w=\"" W_NS "\">");
  if ((docx->path = _sd_export_make_temp ("docx", error)) == NULL)
    return FALSE;
  if ((docx->sink = gsf_output_stdio_new (docx->path, error)) == NULL
      || (docx->zip = gsf_outfile_zip_new (docx->sink, error)) == NULL)
    return FALSE;
  if (!write_part (docx->zip, "[Content_Types].xml", content_types, strlen (content_types), error))
    return FALSE;
  {
    g_autoptr (GsfOutfile) rels = GSF_OUTFILE (gsf_outfile_new_child (docx->zip, "_rels", TRUE));
    if (!write_part (rels, ".rels", package_rels, strlen (package_rels), error))
      return FALSE;
    gsf_output_close (GSF_OUTPUT (rels));
  }
  docx->word = GSF_OUTFILE (gsf_outfile_new_child (docx->zip, "word", TRUE));
  if (!write_part (docx->word, "styles.xml", styles, strlen (styles), error))
    return FALSE;
  {
    g_autoptr (GsfOutfile) rels = GSF_OUTFILE (gsf_outfile_new_child (docx->word, "_rels", TRUE));
    if (!write_part (rels, "document.xml.rels", document_rels, strlen (document_rels), error))
      return FALSE;
    gsf_output_close (GSF_OUTPUT (rels));
  }
  docx->document = gsf_outfile_new_child_full (docx->word, "document.xml", FALSE,
                                               "compression-level", GSF_ZIP_DEFLATED, NULL);
  g_string_append (docx->out,
                   XML_HEAD "<w:document xmlns:w=\"" W_NS "\" xmlns:r=\"" R_NS "\"><w:body>");
  append_paragraph (docx->out, "Title", _("Storydesk export"));
  return TRUE;
}

static gboolean
docx_end (SdExportSink *sink, GError **error)
{
  Docx *docx = sink->state;

  /* A4, margins of an inch. */
  g_string_append (docx->out, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                              "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" "
                              "w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>"
                              "</w:sectPr></w:body></w:document>");
  if (!flush_document (docx, TRUE, error))
    return FALSE;
  if (!gsf_output_close (docx->document))
    return set_gsf_error (error, docx->document, "word/document.xml");
  g_string_append (docx->comments, "</w:comments>");
  if (!write_part (docx->word, "comments.xml", docx->comments->str, docx->comments->len, error))
    return FALSE;
  gsf_output_close (GSF_OUTPUT (docx->word));
  if (!gsf_output_close (GSF_OUTPUT (docx->zip)))
    return set_gsf_error (error, GSF_OUTPUT (docx->zip), "archive");
  if (!gsf_output_close (docx->sink))
    return set_gsf_error (error, docx->sink, "archive");
  return _sd_export_copy_temp (docx->path, sink->output, sink->cancellable, error);
}

static void
docx_clear (SdExportSink *sink)
{
  Docx *docx = sink->state;

  if (docx == NULL)
    return;
  g_clear_object (&docx->document);
  g_clear_object (&docx->word);
  g_clear_object (&docx->zip);
  g_clear_object (&docx->sink);
  if (docx->path != NULL)
    g_unlink (docx->path);
  g_free (docx->path);
  g_string_free (docx->out, TRUE);
  g_string_free (docx->comments, TRUE);
  g_free (docx);
  sink->state = NULL;
}

const SdExportSinkClass _sd_export_docx_sink = { docx_begin, docx_add, docx_end, docx_clear };
