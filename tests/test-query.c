/* test-query.c — the search language: what it asks of the index, and what
 * it refuses
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sd-query.h"

typedef struct
{
  const char *text;
  const char *match;   /* NULL: none */
  const char *exclude; /* NULL: none */
  const char *filters; /* "field=value" or "-field=value", space-separated */
} ParseCase;

typedef struct
{
  const char *text;
  int         code;
  const char *message_part; /* the message names this */
} ErrorCase;

static const ParseCase parse_cases[] = {
  { "", NULL, NULL, "" },
  { "  　 ", NULL, NULL, "" },
  { "党建", "(\"党建\")", NULL, "" },
  { "党建 工作", "(\"党建\" AND \"工作\")", NULL, "" },
  { "党建　工作", "(\"党建\" AND \"工作\")", NULL, "" }, /* ideographic space */
  { "\"乡村 振兴\"", "(\"乡村\" + \"村\"* + \"振兴\")", NULL, "" },
  { "“乡村振兴” 党建", "(\"乡村振兴\" AND \"党建\")", NULL, "" },
  { "「两会」", "(\"两会\")", NULL, "" },
  { "党建 -广告", "(\"党建\") NOT \"广告\"", NULL, "" },
  { "党建 -\"招聘 启事\" -广告", "(\"党建\") NOT \"招聘\" + \"聘\"* + \"启事\" NOT \"广告\"", NULL,
    "" },
  { "-广告", NULL, "\"广告\"", "" },
  { "－广告 -招聘", NULL, "\"广告\" OR \"招聘\"", "" },
  { "COVID-19", "(\"COVID-19\")", NULL, "" },
  { "10:30", "(\"10:30\")", NULL, "" },
  { "记者：张三", "(\"记者\" + \"者\"* + \"张三\")", NULL, "" },
  { "党", "(\"党\"*)", NULL, "" }, /* a lone character: the bigrams it starts */
  { "tag:党建", NULL, NULL, "tag=党建" },
  { "-tag:党建", NULL, NULL, "-tag=党建" },
  { "tag:\"两会 专题\"", NULL, NULL, "tag=两会 专题" },
  { "TAG：党建", NULL, NULL, "tag=党建" },
  { "tag:ＡＢ", NULL, NULL, "tag=AB" }, /* NFKC, as tags are stored */
  { "place:吴江区", NULL, NULL, "place=320509" },
  { "place:苏州市", NULL, NULL, "place=3205" },
  { "place:320509", NULL, NULL, "place=320509" },
  { "status:reviewed", NULL, NULL, "status=reviewed" },
  { "status:Needs-Work", NULL, NULL, "status=needs-work" },
  { "status:未审", NULL, NULL, "status=new" },
  { "status:已审", NULL, NULL, "status=reviewed" },
  { "status:待修改", NULL, NULL, "status=needs-work" },
  { "status:不用", NULL, NULL, "status=rejected" },
  { "kind:photo", NULL, NULL, "kind=photo" },
  { "source:004_0bf4", NULL, NULL, "source=004_0bf4" },
  { "source:seeds/001_x.txt", NULL, NULL, "source=001_x.txt" },
  { "吴江 place:苏州市 -status:rejected -外卖", "(\"吴江\") NOT \"外卖\"", NULL,
    "place=3205 -status=rejected" },
};

static const ErrorCase error_cases[] = {
  { "\"党建", SD_QUERY_ERROR_UNCLOSED_QUOTE, "character 1" },
  { "党建 “工作", SD_QUERY_ERROR_UNCLOSED_QUOTE, "character 4" },
  { "tag:\"两会", SD_QUERY_ERROR_UNCLOSED_QUOTE, "character 5" },
  { "-", SD_QUERY_ERROR_LONE_MINUS, "character 1" },
  { "党建 - 工作", SD_QUERY_ERROR_LONE_MINUS, "character 4" },
  { "foo:bar", SD_QUERY_ERROR_UNKNOWN_FIELD, "foo" },
  { "党建 http://x", SD_QUERY_ERROR_UNKNOWN_FIELD, "character 4" },
  { "tag:", SD_QUERY_ERROR_EMPTY_VALUE, "tag:" },
  { "place:\"\"", SD_QUERY_ERROR_EMPTY_VALUE, "place:" },
  { "tag:\"　\"", SD_QUERY_ERROR_EMPTY_VALUE, "tag:" },
  { "tag:\"\xe2\x80\x82\"", SD_QUERY_ERROR_EMPTY_VALUE, "tag:" }, /* en space */
  { "place:火星", SD_QUERY_ERROR_UNKNOWN_PLACE, "火星" },
  { "status:done", SD_QUERY_ERROR_UNKNOWN_STATUS, "done" },
  { "kind:video", SD_QUERY_ERROR_UNKNOWN_KIND, "video" },
  { "，", SD_QUERY_ERROR_NOTHING_TO_SEARCH, "，" },
  { "党建 \"——\"", SD_QUERY_ERROR_NOTHING_TO_SEARCH, "character 4" },
  { "\xff", SD_QUERY_ERROR_INVALID, "UTF-8" },
};

static char *
describe_filters (const SdQuery *query)
{
  static const char *const names[] = { "tag", "place", "status", "kind", "source" };
  GPtrArray               *filters = sd_query_get_filters (query);
  GString                 *out = g_string_new (NULL);

  for (guint i = 0; i < filters->len; i++)
    {
      const SdQueryFilter *filter = g_ptr_array_index (filters, i);

      g_string_append_printf (out, "%s%s%s=%s", i > 0 ? " " : "", filter->negated ? "-" : "",
                              names[filter->field], filter->value);
    }
  return g_string_free (out, FALSE);
}

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdQuery) query = sd_query_parse (c->text, &error);
  g_autofree char *filters = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (query);
  g_assert_cmpstr (sd_query_get_match (query), ==, c->match);
  g_assert_cmpstr (sd_query_get_exclude (query), ==, c->exclude);
  filters = describe_filters (query);
  g_assert_cmpstr (filters, ==, c->filters);
  g_assert_true (sd_query_is_empty (query)
                 == (c->match == NULL && c->exclude == NULL && *c->filters == '\0'));
}

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SdQuery) query = sd_query_parse (c->text, &error);

  g_assert_null (query);
  g_assert_error (error, SD_QUERY_ERROR, c->code);
  g_test_message ("%s → %s", c->text, error->message);
  g_assert_nonnull (strstr (error->message, c->message_part));
}

static void
test_terms (void)
{
  g_autoptr (SdQuery) query = sd_query_parse ("乡村 \"振兴 战略\" -广告 tag:党建", NULL);
  GPtrArray *terms = sd_query_get_terms (query);

  g_assert_cmpuint (terms->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (terms, 0), ==, "乡村");
  g_assert_cmpstr (g_ptr_array_index (terms, 1), ==, "振兴 战略");
}

/* #14: 990 field filters reached SQLite's expression depth; the language
 * refuses a search of more than SD_QUERY_MAX_PARTS parts, naming the limit
 * and where the rest starts. */
static void
test_size_limit (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdQuery) at_limit = NULL;
  g_autoptr (SdQuery) over = NULL;

  for (guint i = 0; i < SD_QUERY_MAX_PARTS; i++)
    g_string_append_printf (text, "%stag:t%u", i > 0 ? " " : "", i);
  at_limit = sd_query_parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sd_query_get_filters (at_limit)->len, ==, SD_QUERY_MAX_PARTS);

  for (guint i = SD_QUERY_MAX_PARTS; i < 990; i++)
    g_string_append_printf (text, " tag:t%u", i);
  over = sd_query_parse (text->str, &error);
  g_assert_null (over);
  g_assert_error (error, SD_QUERY_ERROR, SD_QUERY_ERROR_TOO_LONG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "more than 256 words and fields"));
}

/* What the list marks in the stories a search found: the wanted words and
 * phrases only, never a filter's value or a word left out. */
static void
test_marked_terms (void)
{
  g_auto (GStrv) marked = sd_query_dup_marked_terms ("党建 \"乡村振兴\" -广告 tag:重点");
  g_auto (GStrv) none = sd_query_dup_marked_terms (NULL);
  g_auto (GStrv) bad = sd_query_dup_marked_terms ("\"unclosed");

  g_assert_cmpuint (g_strv_length (marked), ==, 2);
  g_assert_cmpstr (marked[0], ==, "党建");
  g_assert_cmpstr (marked[1], ==, "乡村振兴");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_nonnull (bad);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/query/parse/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/query/error/%u", i);
      g_test_add_data_func (path, &error_cases[i], test_error);
    }
  g_test_add_func ("/query/terms", test_terms);
  g_test_add_func ("/query/size-limit", test_size_limit);
  g_test_add_func ("/query/marked-terms", test_marked_terms);
  return g_test_run ();
}
