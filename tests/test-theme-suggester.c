/* test-theme-suggester.c — the theme vocabulary and the theme suggester
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sd-page-reader.h"
#include "sd-segmenter.h"
#include "sd-test-util.h"
#include "sd-theme-suggester.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#ifndef SD_SEEDS_DIR
#error "SD_SEEDS_DIR must name the seeds directory"
#endif

#define GOLD_PATH SD_SEEDS_DIR "/../tests/gold/seeds.json"

/* Floors for the top-3 suggestions on the seed pages, a little under what
 * the general vocabulary reaches (see the message the test prints). */
#define SEEDS_MIN_RECALL 0.6
#define SEEDS_MIN_PRECISION 0.6

/* A small vocabulary whose scores can be worked out by hand. */
static const char mini_tsv[] = "# a test vocabulary\n"
                               "\n"
                               "党建\t党的建设\t党建:3;党组织:2;党员:2\n"
                               "安全\t公共安全\t安全:1;消防:2;安全生产:1\n"
                               "安全生产\t企业安全生产\t安全生产:3;危化品:2\n"
                               "文化\t文化文艺\t文化:1;非遗:3;演出:2\n";

static SdThemeVocabulary *
load_mini (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (mini_tsv, strlen (mini_tsv));
  g_autoptr (GError) error = NULL;
  SdThemeVocabulary *vocab = sd_theme_vocabulary_new_from_data (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vocab);
  return vocab;
}

static gboolean
has_theme (GPtrArray *suggestions, const char *theme)
{
  for (guint i = 0; i < suggestions->len; i++)
    if (g_str_equal (((SdThemeSuggestion *) g_ptr_array_index (suggestions, i))->theme, theme))
      return TRUE;
  return FALSE;
}

static char *
describe (GPtrArray *suggestions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      SdThemeSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_string_append_printf (text, "%s%s %.2f", i > 0 ? ", " : "", suggestion->theme,
                              suggestion->score);
    }
  return g_string_free (text, FALSE);
}

/* Synthetic stories against the bundled vocabulary. */

typedef struct
{
  const char *path;
  const char *headline;
  const char *body;
  guint       filler;  /* times a keyword-free paragraph is added to @body */
  const char *first;   /* (nullable) the theme that must come first */
  const char *also[2]; /* (nullable) themes that must be among the top 3 */
  const char *absent;  /* (nullable) a theme that must not be suggested */
} StoryCase;

/* Plain reporting with no theme word in it, to make a story long. */
static const char filler[] = "记者在现场看到，新修的道路两旁绿树成荫，来往车辆有序通行，"
                             "不远处的广场上，几位老人正在下棋聊天，孩子们在草地上追逐嬉戏。"
                             "附近的商户告诉记者，这几年周边环境变化很大，生意也比过去好做了，"
                             "每到周末，从外地赶来游玩的人络绎不绝，街边的小吃店常常排起长队。";

static const StoryCase story_cases[] = {
  { "/theme-suggester/story/single-theme",
    "某街道开展冬季消防安全检查",
    "近日，某街道组织相关部门对辖区沿街商铺、出租屋开展消防安全检查。"
    "检查人员逐一查看灭火器、消防通道和电动自行车充电情况，对发现的安全隐患当场督促整改。"
    "街道还向商户发放宣传资料，提醒大家冬季用火用电注意安全。",
    0,
    "安全",
    { NULL, NULL },
    "党建" },
  { "/theme-suggester/story/two-themes",
    "党建引领聚合力 外卖小哥有了“暖心家园”",
    "某社区党委联合辖区快递企业党支部，在街口建成一处爱心驿站，为外卖员、快递员提供饮水、"
    "充电、休息等服务。社区还组织党员志愿者定期走访骑手，了解他们在工作和生活中遇到的困难，"
    "并邀请表现突出的骑手参与社区环境巡查。",
    0,
    NULL,
    { "新就业群体", "党建" },
    "文化" },
  /* 政协 only in the headline (3 × 3) beats three culture words in the
   * body (2 + 3 + 2). */
  { "/theme-suggester/story/headline-outweighs-body",
    "某镇政协委员为老街改造建言",
    "座谈会上，大家围绕老街的文化活动、非遗展示和夜间演出提出了意见，"
    "镇里表示将认真梳理，逐条研究落实。",
    0,
    "政协",
    { "文化", NULL },
    NULL },
  /* 职工 (工会) once in a story of some 1,800 characters. */
  { "/theme-suggester/story/passing-mention",
    "某区高新技术企业数量再创新高",
    "今年以来，某区持续加大科技创新投入，引导企业建设研发中心和重点实验室，"
    "全区新认定高新技术企业一百余家，科技型中小企业入库数量同比增长三成。"
    "区科技局负责人介绍，下一步将完善科技成果转化服务，推动更多专利在本地落地。"
    "不少企业还在厂区设立了职工书屋。",
    12,
    "科技创新",
    { NULL, NULL },
    "工会" },
  { "/theme-suggester/story/passing-mention-alone",
    "某区一家企业的新厂房投产",
    "这家企业去年开工建设的新厂房近日投产，企业负责人说，疫情期间项目没有停工。",
    12,
    NULL,
    { NULL, NULL },
    "疫情防控" },
  /* One ordinary keyword (weight 2) alone is not enough, even in a brief. */
  { "/theme-suggester/story/short-brief-one-hit",
    "某镇举办中秋座谈会",
    "中秋前夕，某镇邀请辖区快递员齐聚一堂，共叙乡情。",
    0,
    NULL,
    { NULL, NULL },
    NULL },
  { "/theme-suggester/story/short-brief-two-hits",
    "某镇举办中秋座谈会",
    "中秋前夕，某镇侨联邀请辖区归侨齐聚一堂，共叙乡情。",
    0,
    "侨务",
    { NULL, NULL },
    NULL },
};

static void
test_story (gconstpointer data)
{
  const StoryCase   *story = data;
  SdThemeVocabulary *vocab = sd_theme_vocabulary_get_default ();
  g_autoptr (GString) body = g_string_new (story->body);
  g_autoptr (GPtrArray) suggestions = NULL;
  g_autofree char *found = NULL;

  for (guint i = 0; i < story->filler; i++)
    g_string_append_printf (body, "\n%s", filler);

  suggestions = sd_theme_suggester_suggest (vocab, story->headline, body->str, 3);
  found = describe (suggestions);
  g_test_message ("%s: %s", story->headline, found);

  g_assert_cmpuint (suggestions->len, <=, 3);
  for (guint i = 0; i < suggestions->len; i++)
    {
      SdThemeSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      g_assert_cmpfloat (suggestion->score, >=, SD_THEME_SUGGESTION_THRESHOLD);
      g_assert_cmpstr (suggestion->description, ==,
                       sd_theme_vocabulary_lookup (vocab, suggestion->theme));
      g_assert_cmpuint (suggestion->evidence->len, >, 0);
      if (i > 0)
        g_assert_cmpfloat (suggestion->score, <=,
                           ((SdThemeSuggestion *) g_ptr_array_index (suggestions, i - 1))->score);
    }
  if (story->first != NULL)
    {
      g_assert_cmpuint (suggestions->len, >, 0);
      g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (suggestions, 0))->theme, ==,
                       story->first);
    }
  for (guint i = 0; i < G_N_ELEMENTS (story->also); i++)
    if (story->also[i] != NULL)
      g_assert_true (has_theme (suggestions, story->also[i]));
  if (story->first == NULL && story->also[0] == NULL && story->absent == NULL)
    g_assert_cmpuint (suggestions->len, ==, 0);
  if (story->absent != NULL)
    g_assert_false (has_theme (suggestions, story->absent));
}

/* Scores worked out by hand on the small vocabulary. */

static void
test_score_headline_factor (void)
{
  g_autoptr (SdThemeVocabulary) vocab = load_mini ();
  /* 党建 once in the headline (3 × 3 = 9) against 非遗 and 演出 in the body
   * (3 + 2 = 5); both texts short, so both clear the threshold. */
  g_autoptr (GPtrArray) suggestions = sd_theme_suggester_suggest (vocab, "党建活动", "非遗演出", 0);
  SdThemeSuggestion *first, *second;
  double             norm = 1.0 + log1p (8.0 / 400.0);

  g_assert_cmpuint (suggestions->len, ==, 2);
  first = g_ptr_array_index (suggestions, 0);
  second = g_ptr_array_index (suggestions, 1);
  g_assert_cmpstr (first->theme, ==, "党建");
  g_assert_cmpfloat_with_epsilon (first->score, 9.0 / norm, 1e-9);
  g_assert_cmpstr (second->theme, ==, "文化");
  g_assert_cmpfloat_with_epsilon (second->score, 5.0 / norm, 1e-9);
  g_assert_cmpuint (second->evidence->len, ==, 2);
  g_assert_cmpstr (((SdThemeEvidence *) g_ptr_array_index (second->evidence, 0))->keyword, ==,
                   "非遗");
}

static void
test_score_repeats_dampened (void)
{
  g_autoptr (SdThemeVocabulary) vocab = load_mini ();
  g_autoptr (GPtrArray) suggestions =
      sd_theme_suggester_suggest (vocab, NULL, "党员党员党员党员", 0);
  SdThemeSuggestion *suggestion;
  SdThemeEvidence   *evidence;

  g_assert_cmpuint (suggestions->len, ==, 1);
  suggestion = g_ptr_array_index (suggestions, 0);
  evidence = g_ptr_array_index (suggestion->evidence, 0);
  g_assert_cmpstr (evidence->keyword, ==, "党员");
  g_assert_cmpuint (evidence->count, ==, 4);
  g_assert_cmpfloat_with_epsilon (suggestion->score,
                                  2.0 * (1.0 + log (4.0)) / (1.0 + log1p (8.0 / 400.0)), 1e-9);
}

/* 安全生产 is one keyword for two themes, and hides the 安全 inside it. */
static void
test_score_longest_match (void)
{
  g_autoptr (SdThemeVocabulary) vocab = load_mini ();
  g_autoptr (GPtrArray) suggestions = sd_theme_suggester_suggest (vocab, "安全生产", NULL, 0);
  SdThemeSuggestion *first, *second;

  g_assert_cmpuint (suggestions->len, ==, 2);
  first = g_ptr_array_index (suggestions, 0);
  second = g_ptr_array_index (suggestions, 1);
  g_assert_cmpstr (first->theme, ==, "安全生产");
  g_assert_cmpstr (second->theme, ==, "安全");
  g_assert_cmpfloat_with_epsilon (first->score, 3.0 * second->score, 1e-9);
  g_assert_cmpuint (second->evidence->len, ==, 1);
  g_assert_cmpstr (((SdThemeEvidence *) g_ptr_array_index (second->evidence, 0))->keyword, ==,
                   "安全生产");
}

static void
test_score_max (void)
{
  g_autoptr (SdThemeVocabulary) vocab = load_mini ();
  g_autoptr (GPtrArray) all = sd_theme_suggester_suggest (vocab, "党建 非遗 消防", NULL, 0);
  g_autoptr (GPtrArray) one = sd_theme_suggester_suggest (vocab, "党建 非遗 消防", NULL, 1);

  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (one, 0))->theme, ==, "党建");
}

/* Which suggestions an editor is shown. */

/* Eight themes a headline can hit equally, one keyword each. */
static const char eight_tsv[] = "一\t说明\t党建:3\n二\t说明\t非遗:3\n三\t说明\t消防:3\n"
                                "四\t说明\t侨联:3\n五\t说明\t教育:3\n六\t说明\t医疗:3\n"
                                "七\t说明\t交通:3\n八\t说明\t环保:3\n";
#define EIGHT_HEADLINE "党建 非遗 消防 侨联 教育 医疗 交通 环保"

static GPtrArray *
dup_themes (GPtrArray *suggestions)
{
  GPtrArray *themes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < suggestions->len; i++)
    g_ptr_array_add (themes,
                     g_strdup (((SdThemeSuggestion *) g_ptr_array_index (suggestions, i))->theme));
  return themes;
}

static void
test_pick_decided (void)
{
  g_autoptr (SdThemeVocabulary) vocab = load_mini ();
  g_autoptr (GPtrArray) all = sd_theme_suggester_suggest (vocab, "党建 非遗 消防", NULL, 0);
  g_autoptr (GPtrArray) themes = dup_themes (all);
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  g_autoptr (GPtrArray) dismissed = g_ptr_array_new ();
  g_autoptr (GPtrArray) shown = NULL;

  g_assert_cmpuint (themes->len, ==, 3);
  g_ptr_array_add (tags, g_ptr_array_index (themes, 0));
  g_ptr_array_add (dismissed, g_ptr_array_index (themes, 2));
  shown = sd_theme_suggester_pick (sd_theme_suggester_suggest (vocab, "党建 非遗 消防", NULL, 0),
                                   tags, dismissed, 0);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (shown, 0))->theme, ==,
                   g_ptr_array_index (themes, 1));

  /* Nothing decided yet: all of them, in their order. */
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = sd_theme_suggester_pick (sd_theme_suggester_suggest (vocab, "党建 非遗 消防", NULL, 0),
                                   NULL, NULL, 0);
  g_assert_cmpuint (shown->len, ==, 3);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (shown, i))->theme, ==,
                     g_ptr_array_index (themes, i));
}

/* At most SD_THEME_SUGGESTIONS_SHOWN, counted after the decided ones are
 * left out: a tag and two dismissed themes among the best do not shorten
 * the list. */
static void
test_pick_for_story (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (eight_tsv, strlen (eight_tsv));
  g_autoptr (SdThemeVocabulary) vocab = sd_theme_vocabulary_new_from_data (bytes, NULL);
  g_autoptr (GPtrArray) all = sd_theme_suggester_suggest (vocab, EIGHT_HEADLINE, NULL, 0);
  g_autoptr (GPtrArray) themes = dup_themes (all);
  g_autoptr (GPtrArray) dismissed = g_ptr_array_new ();
  g_autoptr (GPtrArray) shown = NULL;
  g_autoptr (SdStory) story = sd_story_new ();
  const guint expected[] = { 2, 4, 5, 6, 7 }; /* 0 a tag, 1 and 3 dismissed */

  g_assert_cmpuint (themes->len, ==, 8);
  story->headline = g_strdup (EIGHT_HEADLINE);
  g_ptr_array_add (story->tags, g_strdup (g_ptr_array_index (themes, 0)));
  g_ptr_array_add (dismissed, g_ptr_array_index (themes, 1));
  g_ptr_array_add (dismissed, g_ptr_array_index (themes, 3));
  shown = sd_theme_suggester_suggest_for_story (vocab, story, dismissed);

  g_assert_cmpuint (shown->len, ==, SD_THEME_SUGGESTIONS_SHOWN);
  g_assert_cmpuint (SD_THEME_SUGGESTIONS_SHOWN, ==, 5);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (shown, i))->theme, ==,
                     g_ptr_array_index (themes, expected[i]));

  /* The cap alone. */
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = sd_theme_suggester_pick (sd_theme_suggester_suggest (vocab, EIGHT_HEADLINE, NULL, 0),
                                   NULL, NULL, 2);
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_cmpstr (((SdThemeSuggestion *) g_ptr_array_index (shown, 1))->theme, ==,
                   g_ptr_array_index (themes, 1));
}

typedef struct
{
  const char *path;
  const char *headline;
  const char *body;
} EmptyCase;

static const EmptyCase empty_cases[] = {
  { "/theme-suggester/empty/null", NULL, NULL },
  { "/theme-suggester/empty/empty-strings", "", "" },
  { "/theme-suggester/empty/spaces", "  ", "\n\n　\n" },
  { "/theme-suggester/empty/no-keywords", "今日天气",
    "今天白天晴到多云，气温十二到二十度，东南风三到四级。" },
};

static void
test_empty (gconstpointer data)
{
  const EmptyCase *empty = data;
  g_autoptr (GPtrArray) suggestions = NULL;

  suggestions = sd_theme_suggester_suggest (sd_theme_vocabulary_get_default (), empty->headline,
                                            empty->body, 3);
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (suggestions->len, ==, 0);
}

/* Malformed vocabularies: each must fail naming its line. */

typedef struct
{
  const char *path;
  const char *tsv;
  guint       line;
  const char *reason; /* a part of the message */
  gsize       size;   /* of @tsv when it holds a NUL byte, else 0 */
} BadCase;

#define WITH_NUL "侨务\t说明\t侨联\n#\n文化\t说\0明\t非遗\n"

static const BadCase bad_cases[] = {
  { "/theme-suggester/tsv/two-fields", "# c\n党建\t党的建设\n", 2, "3 tab-separated fields" },
  { "/theme-suggester/tsv/four-fields", "党建\t党的建设\t党建\t多余\n", 1,
    "3 tab-separated fields" },
  { "/theme-suggester/tsv/empty-theme", "\t说明\t党建\n", 1, "theme name is empty" },
  { "/theme-suggester/tsv/no-description", "党建\t \t党建\n", 1, "no description" },
  { "/theme-suggester/tsv/no-keywords", "党建\t党的建设\t ; ;\n", 1, "no keywords" },
  { "/theme-suggester/tsv/bad-weight", "党建\t说明\t党建:3\n\n文化\t说明\t非遗:x\n", 3, "weight" },
  { "/theme-suggester/tsv/zero-weight", "文化\t说明\t非遗:0\n", 1, "weight" },
  { "/theme-suggester/tsv/negative-weight", "文化\t说明\t非遗:-2\n", 1, "weight" },
  { "/theme-suggester/tsv/empty-weight", "文化\t说明\t非遗:\n", 1, "weight" },
  { "/theme-suggester/tsv/full-width-colon", "文化\t说明\t非遗：2\n", 1, "full-width colon" },
  { "/theme-suggester/tsv/short-keyword", "侨务\t说明\t侨务;侨\n", 1, "two characters" },
  { "/theme-suggester/tsv/empty-keyword", "侨务\t说明\t侨务;:2\n", 1, "two characters" },
  { "/theme-suggester/tsv/duplicate-keyword", "侨务\t说明\t侨联;侨联:2\n", 1, "listed twice" },
  { "/theme-suggester/tsv/duplicate-theme", "侨务\t说明\t侨联\r\n侨务\t说明\t华侨\r\n", 2,
    "listed twice" },
  { "/theme-suggester/tsv/not-utf8", "侨务\t说明\t侨联\n文化\t\xff\xfe\t非遗\n", 2, "not UTF-8" },
  { "/theme-suggester/tsv/nul-byte", WITH_NUL, 3, "NUL", sizeof (WITH_NUL) - 1 },
};

static void
test_bad_tsv (gconstpointer data)
{
  const BadCase *bad = data;
  gsize          size = bad->size != 0 ? bad->size : strlen (bad->tsv);
  g_autoptr (GBytes) bytes = g_bytes_new_static (bad->tsv, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdThemeVocabulary) vocab = NULL;
  g_autofree char *where = g_strdup_printf ("line %u:", bad->line);

  vocab = sd_theme_vocabulary_new_from_data (bytes, &error);
  g_assert_null (vocab);
  g_assert_error (error, SD_THEME_VOCABULARY_ERROR, SD_THEME_VOCABULARY_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, bad->reason));
}

static void
test_tsv_tolerated (void)
{
  static const char tsv[] = "\xEF\xBB\xBF# BOM, CRLF, spaces and a trailing “;”\r\n"
                            "\r\n"
                            "  党建 \t 党的建设 \t 党建:2.5 ; 党员 ;\r\n"
                            "文化\t文化文艺\t非遗;党员:0.5";
  g_autoptr (GBytes) bytes = g_bytes_new_static (tsv, sizeof tsv - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdThemeVocabulary) vocab = sd_theme_vocabulary_new_from_data (bytes, &error);
  g_autoptr (GPtrArray) themes = NULL;

  g_assert_no_error (error);
  themes = sd_theme_vocabulary_list_themes (vocab);
  g_assert_cmpuint (themes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (themes, 0), ==, "党建");
  g_assert_cmpstr (g_ptr_array_index (themes, 1), ==, "文化");
  g_assert_cmpstr (sd_theme_vocabulary_lookup (vocab, "党建"), ==, "党的建设");
  g_assert_null (sd_theme_vocabulary_lookup (vocab, "党"));
  g_assert_null (sd_theme_vocabulary_lookup (vocab, NULL));
  /* 党员 is one keyword shared by two themes. */
  g_assert_cmpuint (sd_theme_vocabulary_get_n_keywords (vocab), ==, 3);
}

/* The bundled vocabulary: loads, and has every label the gold uses. */
static void
test_default_vocabulary (void)
{
  static const char *const labels[] = {
    "党建",     "新业态",   "新就业群体", "基层治理", "人才",     "政协",     "统战",
    "乡村振兴", "安全生产", "疫情防控",   "工会",     "法治",     "纪检监察", "教育",
    "文化",     "民族团结", "侨务",       "科技创新", "经济发展", "民生服务", "信访",
    "产业工人", "新市民",   "儿童友好",   "产教融合", "干部教育", "安全",     "民族宗教",
  };
  SdThemeVocabulary *vocab = sd_theme_vocabulary_get_default ();
  g_autoptr (GPtrArray) themes = sd_theme_vocabulary_list_themes (vocab);

  g_assert_true (vocab == sd_theme_vocabulary_get_default ());
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *description = sd_theme_vocabulary_lookup (vocab, labels[i]);

      g_assert_nonnull (description);
      g_assert_null (strchr (description, '\n'));
    }
  g_test_message ("bundled vocabulary: %u themes, %u keywords", themes->len,
                  sd_theme_vocabulary_get_n_keywords (vocab));
  g_assert_cmpuint (themes->len, ==, G_N_ELEMENTS (labels));
}

/* Measurement on the seed pages. */

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* What the editor sees of a story besides its headline. */
static char *
dup_story_text (const SdSegment *segment)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *body = sd_segment_dup_body (segment);

  if (segment->subheadline != NULL)
    g_string_append_printf (text, "%s\n", segment->subheadline);
  for (guint i = 0; i < segment->section_headings->len; i++)
    g_string_append_printf (text, "%s\n",
                            (char *) g_ptr_array_index (segment->section_headings, i));
  for (guint i = 0; i < segment->captions->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (segment->captions, i));
  g_string_append (text, body);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_seeds_measure (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  SdThemeVocabulary *vocab = sd_theme_vocabulary_get_default ();
  JsonArray         *pages;
  guint              n_gold = 0, n_suggested = 0, n_correct = 0, n_stories = 0, n_matched = 0;
  guint              n_gold_top1 = 0, n_top1_correct = 0;
  double             precision, recall;

  json_parser_load_from_file (parser, GOLD_PATH, &error);
  g_assert_no_error (error);
  pages =
      json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "pages");

  for (guint p = 0; p < json_array_get_length (pages); p++)
    {
      JsonObject      *page_gold = json_array_get_object_element (pages, p);
      JsonArray       *stories = json_object_get_array_member (page_gold, "stories");
      g_autofree char *path =
          g_build_filename (SD_SEEDS_DIR, json_object_get_string_member (page_gold, "file"), NULL);
      g_autoptr (SdPage) page = sd_page_read_file (path, &error);
      g_autoptr (GPtrArray) segments = NULL;
      g_autoptr (GHashTable) by_headline =
          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_assert_no_error (error);
      for (guint s = 0; s < json_array_get_length (stories); s++)
        {
          JsonObject *story = json_array_get_object_element (stories, s);
          const char *headline =
              json_object_get_string_member_with_default (story, "headline", NULL);

          n_stories++;
          if (headline != NULL)
            g_hash_table_insert (by_headline, squeeze (headline), story);
        }

      segments = sd_segmenter_split (page->text, page->length);
      for (guint i = 0; i < segments->len; i++)
        {
          const SdSegment *segment = g_ptr_array_index (segments, i);
          g_autofree char *key = segment->headline != NULL ? squeeze (segment->headline) : NULL;
          JsonObject      *story = key != NULL ? g_hash_table_lookup (by_headline, key) : NULL;
          g_autofree char *text = NULL;
          g_autoptr (GPtrArray) suggestions = NULL;
          g_autofree char *found = NULL;
          g_autoptr (GString) gold_text = g_string_new (NULL);
          JsonArray *gold;

          if (story == NULL)
            continue;
          /* A headline matches one story only. */
          g_hash_table_remove (by_headline, key);
          n_matched++;

          text = dup_story_text (segment);
          suggestions = sd_theme_suggester_suggest (vocab, segment->headline, text, 3);
          gold = json_object_get_array_member (story, "themes");
          n_gold += json_array_get_length (gold);
          n_suggested += suggestions->len;
          for (guint g = 0; g < json_array_get_length (gold); g++)
            {
              const char *theme = json_array_get_string_element (gold, g);

              g_string_append_printf (gold_text, "%s%s", g > 0 ? ", " : "", theme);
              if (has_theme (suggestions, theme))
                n_correct++;
            }
          if (suggestions->len > 0)
            {
              const char *top = ((SdThemeSuggestion *) g_ptr_array_index (suggestions, 0))->theme;

              n_gold_top1++;
              for (guint g = 0; g < json_array_get_length (gold); g++)
                if (g_str_equal (json_array_get_string_element (gold, g), top))
                  n_top1_correct++;
            }
          found = describe (suggestions);
          g_test_message ("%.3s %s | gold: %s | top 3: %s",
                          json_object_get_string_member (page_gold, "file"), segment->headline,
                          gold_text->str, found);
        }
    }

  precision = n_suggested > 0 ? (double) n_correct / n_suggested : 0.0;
  recall = n_gold > 0 ? (double) n_correct / n_gold : 0.0;
  g_test_message ("seeds: %u of %u gold stories matched by headline; top-3 suggestions: "
                  "precision %.3f (%u/%u), recall %.3f (%u/%u); first suggestion right in %u/%u",
                  n_matched, n_stories, precision, n_correct, n_suggested, recall, n_correct,
                  n_gold, n_top1_correct, n_gold_top1);

  g_assert_cmpuint (n_matched, >=, n_stories * 3 / 4);
  g_assert_cmpfloat (recall, >=, SEEDS_MIN_RECALL);
  g_assert_cmpfloat (precision, >=, SEEDS_MIN_PRECISION);
}

/* A typical story of about 2,000 characters, cut from a seed page. */
static void
test_timing (void)
{
  g_autofree char *path = g_build_filename (SD_SEEDS_DIR, "000_17ad7f2eb8d76244.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SdPage) page = sd_page_read_file (path, &error);
  SdThemeVocabulary *vocab = sd_theme_vocabulary_get_default ();
  const guint        rounds = 2000;
  g_autofree char   *story = NULL;
  gint64             start, elapsed;
  guint              found = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (page->text, -1), >, 2000);
  story = g_utf8_substring (page->text, 0, 2000);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr (GPtrArray) suggestions = sd_theme_suggester_suggest (vocab, NULL, story, 3);

      found += suggestions->len;
    }
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("suggesting for a 2,000-character story (%zu bytes): %.1f µs on average "
                  "over %u rounds",
                  strlen (story), (double) elapsed / rounds, rounds);
  g_assert_cmpuint (found, >, 0);
  /* Generous, so slow CI machines and sanitizer builds pass too. */
  g_assert_cmpfloat ((double) elapsed / rounds, <, 5000.0);
}

int
main (int argc, char *argv[])
{
  /* So g_test_message() prints the Chinese as is, not as “?”. */
  setlocale (LC_ALL, "");
  sd_test_init (&argc, &argv);

  g_test_add_func ("/theme-suggester/vocabulary/default", test_default_vocabulary);
  g_test_add_func ("/theme-suggester/tsv/tolerated", test_tsv_tolerated);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    g_test_add_data_func (bad_cases[i].path, &bad_cases[i], test_bad_tsv);
  g_test_add_func ("/theme-suggester/score/headline-factor", test_score_headline_factor);
  g_test_add_func ("/theme-suggester/score/repeats-dampened", test_score_repeats_dampened);
  g_test_add_func ("/theme-suggester/score/longest-match", test_score_longest_match);
  g_test_add_func ("/theme-suggester/score/max", test_score_max);
  g_test_add_func ("/theme-suggester/pick/decided", test_pick_decided);
  g_test_add_func ("/theme-suggester/pick/for-story", test_pick_for_story);
  for (guint i = 0; i < G_N_ELEMENTS (empty_cases); i++)
    g_test_add_data_func (empty_cases[i].path, &empty_cases[i], test_empty);
  for (guint i = 0; i < G_N_ELEMENTS (story_cases); i++)
    g_test_add_data_func (story_cases[i].path, &story_cases[i], test_story);
  g_test_add_func ("/theme-suggester/seeds/measure", test_seeds_measure);
  g_test_add_func ("/theme-suggester/timing", test_timing);

  return g_test_run ();
}
