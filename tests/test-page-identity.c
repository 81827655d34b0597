/* test-page-identity.c — paper, date and page number from file names and
 * mastheads, and what is not one
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-page-identity.h"
#include "sd-test-util.h"

typedef struct
{
  const char *input;
  const char *paper; /* NULL: none found */
  const char *date;
  const char *page;
} Case;

static const Case name_cases[] = {
  { "苏州日报_20221103_A05.txt", "苏州日报", "2022-11-03", "A05" },
  { "20221103-A05.txt", NULL, "2022-11-03", "A05" },
  { "20221103_a5.txt", NULL, "2022-11-03", "A05" },
  { "2022-11-03/A05.txt", NULL, "2022-11-03", "A05" },
  { "2022.11.03 B12.txt", NULL, "2022-11-03", "B12" },
  { "szrb20221103a05.txt", "szrb", "2022-11-03", "A05" },
  { "苏州日报2022年11月3日第5版.txt", "苏州日报", "2022-11-03", "05" },
  { "苏州日报_20221103/A05.txt", "苏州日报", "2022-11-03", "A05" },
  { "扬子晚报-2023-01-09-A02-要闻.txt", "扬子晚报", "2023-01-09", "A02" },
  { "A05.txt", NULL, NULL, "A05" },
  { "第A05版.txt", NULL, NULL, "A05" },
  { "2022-11-03/page.txt", NULL, "2022-11-03", NULL },
  /* not a page: the seeds' hash names, scans, impossible dates */
  { "000_17ad7f2eb8d76244.txt", NULL, NULL, NULL },
  { "004_0bf4be6d0501d271.txt", NULL, NULL, NULL },
  { "scan 2 of 3.txt", NULL, NULL, NULL },
  { "20221303-A05.txt", NULL, NULL, NULL },
  { "20220230.txt", NULL, NULL, NULL },
  { "120221103.txt", NULL, NULL, NULL },
  { "monday/page.txt", NULL, NULL, NULL },
};

static const Case text_cases[] = {
  { "苏州日报 2022年11月3日 星期四\n第A05版：要闻\n\n标题\n正文。", "苏州日报", "2022-11-03",
    "A05" },
  { "2022年11月3日 星期四 农历十月初十\n\n标题\n正文。", NULL, "2022-11-03", NULL },
  { "\n  A05版 要闻 责任编辑：张三\n标题\n正文。", NULL, NULL, "A05" },
  { "２０２２年１１月３日　星期四　第Ａ０５版\n标题", NULL, "2022-11-03", "A05" },
  { "扬子晚报 第B3版\n标题", "扬子晚报", NULL, "B03" },
  /* dates and pages in the body are no masthead */
  { "标题\n会议于2022年11月3日在苏州召开，与会者就此展开讨论。", NULL, NULL, NULL },
  { "标题\n详见A05版。\n本报今日共8版", NULL, NULL, NULL },
  { "标题\n2022年11月3日，市委召开常委会议。", NULL, NULL, NULL },
  { "记者在A05版报道了此事，引起关注。", NULL, NULL, NULL },
  { "喜报\n我市获得表彰。", NULL, NULL, NULL },
};

static void
check (const Case *expected, const SdPageIdentity *identity)
{
  g_test_message ("%s", expected->input);
  g_assert_cmpstr (identity->paper, ==, expected->paper);
  g_assert_cmpstr (identity->issue_date, ==, expected->date);
  g_assert_cmpstr (identity->page_no, ==, expected->page);
}

static void
test_name (gconstpointer data)
{
  g_auto (SdPageIdentity) identity = { 0 };

  sd_page_identity_read_name (&identity, ((const Case *) data)->input);
  check (data, &identity);
}

static void
test_text (gconstpointer data)
{
  g_auto (SdPageIdentity) identity = { 0 };

  sd_page_identity_read_text (&identity, ((const Case *) data)->input);
  check (data, &identity);
}

/* What a name gives is kept; the masthead fills in only what it lacks. */
static void
test_name_before_text (void)
{
  g_auto (SdPageIdentity) identity = { 0 };

  sd_page_identity_read_name (&identity, "2022-11-04/A01.txt");
  sd_page_identity_read_text (&identity, "新华日报 2022年11月3日 星期四 第A07版\n标题");
  g_assert_cmpstr (identity.paper, ==, "新华日报");
  g_assert_cmpstr (identity.issue_date, ==, "2022-11-04");
  g_assert_cmpstr (identity.page_no, ==, "A01");
}

static void
test_values (void)
{
  g_autoptr (GError) error = NULL;
  char *first = NULL, *last = NULL;
  char *value;

  value = sd_page_identity_parse_date ("2022年11月3日", &error);
  g_assert_cmpstr (value, ==, "2022-11-03");
  g_free (value);
  value = sd_page_identity_parse_date ("20221103", &error);
  g_assert_cmpstr (value, ==, "2022-11-03");
  g_free (value);
  g_assert_null (sd_page_identity_parse_date ("2022-11-31", &error));
  g_assert_error (error, SD_PAGE_IDENTITY_ERROR, SD_PAGE_IDENTITY_ERROR_BAD_DATE);
  g_clear_error (&error);
  g_assert_null (sd_page_identity_parse_date ("yesterday", &error));
  g_clear_error (&error);

  value = sd_page_identity_parse_page ("第a5版", &error);
  g_assert_cmpstr (value, ==, "A05");
  g_free (value);
  value = sd_page_identity_parse_page ("12", &error);
  g_assert_cmpstr (value, ==, "12");
  g_free (value);
  g_assert_null (sd_page_identity_parse_page ("A0", &error));
  g_assert_error (error, SD_PAGE_IDENTITY_ERROR, SD_PAGE_IDENTITY_ERROR_BAD_PAGE);
  g_clear_error (&error);

  value = sd_page_identity_parse_paper (" 苏州日报 ", &error);
  g_assert_cmpstr (value, ==, "苏州日报");
  g_free (value);
  g_assert_null (sd_page_identity_parse_paper ("苏州\n日报", &error));
  g_clear_error (&error);
  g_assert_null (sd_page_identity_parse_paper ("  ", &error));
  g_clear_error (&error);

  g_assert_true (sd_page_identity_parse_date_range ("2022-11", &first, &last, &error));
  g_assert_cmpstr (first, ==, "2022-11-01");
  g_assert_cmpstr (last, ==, "2022-11-30");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);
  g_assert_true (sd_page_identity_parse_date_range ("2024-02", &first, &last, &error));
  g_assert_cmpstr (last, ==, "2024-02-29");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);
  g_assert_true (sd_page_identity_parse_date_range ("2022..2023-01-05", &first, &last, &error));
  g_assert_cmpstr (first, ==, "2022-01-01");
  g_assert_cmpstr (last, ==, "2023-01-05");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);
  g_assert_false (sd_page_identity_parse_date_range ("2022-12..2022-11", &first, &last, &error));
  g_clear_error (&error);
  g_assert_false (sd_page_identity_parse_date_range ("2022-11-", &first, &last, &error));
  g_clear_error (&error);
  g_assert_false (sd_page_identity_parse_date_range ("11-2022", &first, &last, &error));
  g_clear_error (&error);
}

static void
test_key (void)
{
  g_autofree char *full = sd_page_identity_dup_key ("苏州日报", "2022-11-03", "A05", "x/a.txt");
  g_autofree char *no_paper = sd_page_identity_dup_key (NULL, "2022-11-03", "A05", "x/a.txt");
  g_autofree char *no_page = sd_page_identity_dup_key ("苏州日报", "2022-11-03", NULL, "x/a.txt");

  g_assert_cmpstr (full, ==, "page:苏州日报|2022-11-03|A05");
  g_assert_cmpstr (no_paper, ==, "page:|2022-11-03|A05");
  /* the migration's 'file:' || file for the pages already there */
  g_assert_cmpstr (no_page, ==, "file:x/a.txt");
}

int
main (int argc, char *argv[])
{
  sd_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/page-identity/name/%u", i);
      g_test_add_data_func (path, &name_cases[i], test_name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/page-identity/text/%u", i);
      g_test_add_data_func (path, &text_cases[i], test_text);
    }
  g_test_add_func ("/page-identity/name-before-text", test_name_before_text);
  g_test_add_func ("/page-identity/values", test_values);
  g_test_add_func ("/page-identity/key", test_key);
  return g_test_run ();
}
