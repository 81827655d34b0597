/* test-segmenter.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small made-up pages, one kind of trouble each, plus every real page in
 * seeds/ for the invariants.
 */
#include "config.h"

#include <string.h>

#include "sd-segmenter.h"
#include "sd-text-util.h" /* internal: the character classes */

/* ---- helpers ------------------------------------------------------------ */

static GPtrArray *
split (const char *text)
{
  GPtrArray *segments = sd_segmenter_split (text, strlen (text));

  g_assert_nonnull (segments);
  return segments;
}

static SdSegment *
find_story (GPtrArray *segments, const char *headline)
{
  for (guint i = 0; i < segments->len; i++)
    {
      SdSegment *segment = g_ptr_array_index (segments, i);

      if (g_strcmp0 (segment->headline, headline) == 0)
        return segment;
    }
  g_test_message ("no story headed “%s”", headline);
  g_assert_not_reached ();
  return NULL;
}

static gboolean
has_repair (SdSegment *segment, SdRepairKind kind)
{
  for (guint i = 0; i < segment->repairs->len; i++)
    if (((SdRepair *) g_ptr_array_index (segment->repairs, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static void
assert_body_starts (SdSegment *segment, const char *prefix)
{
  g_autofree char *body = sd_segment_dup_body (segment);

  if (!g_str_has_prefix (body, prefix))
    g_error ("body “%.60s…” does not start with “%s”", body, prefix);
}

static void
assert_body_ends (SdSegment *segment, const char *suffix)
{
  g_autofree char *body = sd_segment_dup_body (segment);

  if (!g_str_has_suffix (body, suffix))
    g_error ("body “…%s” does not end with “%s”", body + MAX (strlen (body), 60) - 60, suffix);
}

static void
assert_body_lacks (SdSegment *segment, const char *text)
{
  g_autofree char *body = sd_segment_dup_body (segment);

  g_assert_null (strstr (body, text));
}

/* @heading is a paragraph of its own in the body, right after the one
 * ending in @before (NULL: the body's first) and before the one starting
 * with @after (NULL: the body's last), and listed as a section heading. */
static void
assert_heading_in_place (SdSegment  *segment,
                         const char *heading,
                         const char *before,
                         const char *after)
{
  GPtrArray *paragraphs = segment->paragraphs;
  guint      at = 0, listed = 0;

  while (at < paragraphs->len && g_strcmp0 (g_ptr_array_index (paragraphs, at), heading) != 0)
    at++;
  if (at == paragraphs->len)
    g_error ("the body holds no paragraph “%s”", heading);
  for (guint h = 0; h < segment->section_headings->len; h++)
    listed += g_str_equal (g_ptr_array_index (segment->section_headings, h), heading);
  g_assert_cmpuint (listed, ==, 1);
  if (before == NULL)
    g_assert_cmpuint (at, ==, 0);
  else if (at == 0 || !g_str_has_suffix (g_ptr_array_index (paragraphs, at - 1), before))
    g_error ("“%s” does not follow a paragraph ending in “%s”", heading, before);
  if (after == NULL)
    g_assert_cmpuint (at, ==, paragraphs->len - 1);
  else if (at + 1 == paragraphs->len
           || !g_str_has_prefix (g_ptr_array_index (paragraphs, at + 1), after))
    g_error ("“%s” is not followed by a paragraph starting “%s”", heading, after);
}

/* Offsets are byte spans of the page; each story's span holds its headline. */
static void
assert_spans_valid (const char *text, gsize length, GPtrArray *segments)
{
  gsize previous_end = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      SdSegment       *segment = g_ptr_array_index (segments, i);
      g_autofree char *span = NULL;

      g_assert_cmpuint (segment->start, <, segment->end);
      g_assert_cmpuint (segment->end, <=, length);
      g_assert_cmpuint (segment->start, >=, previous_end);
      previous_end = segment->end;
      span = g_strndup (text + segment->start, segment->end - segment->start);
      g_assert_true (g_utf8_validate (span, -1, NULL));
      if (segment->headline != NULL)
        {
          /* as the editor reads it: punctuation inside Chinese full width */
          g_autofree char *widened = _sd_text_dup_widened (span, -1);

          g_assert_nonnull (strstr (widened, segment->headline));
        }
      g_assert_true (segment->headline != NULL || segment->paragraphs->len > 0);
      for (guint r = 0; r < segment->repairs->len; r++)
        {
          SdRepair *repair = g_ptr_array_index (segment->repairs, r);

          g_assert_cmpuint (repair->start, <=, repair->end);
          g_assert_cmpuint (repair->end, <=, length);
          g_assert_nonnull (repair->detail);
        }
    }
}

/* ---- pages -------------------------------------------------------------- */

static const char markdown_page[] =
    "\n\n# 甲市开展秋季植树活动\n\n"
    "## ——多方携手扮靓城乡绿色家园\n\n"
    "本报讯(李明)"
    "近日，甲市组织机关干部和志愿者在城东湿地公园开展秋季植树活动，共栽下各类苗木两千余株。\n\n"
    "活动现场，大家分工协作，挖坑、扶苗、培土、浇水，干得热火朝天。市林业部门工作人员还向市民讲解了"
    "苗木养护知识。\n\n"
    "# 乙县推进农村道路提档升级\n\n"
    "今年以来，乙县投入专项资金对全县农村道路进行改造，新建和改造道路一百二十公里，群众出行条件明显"
    "改善。\n\n"
    "下一步，乙县将继续完善农村道路养护机制，让群众走上平安路、幸福路。张强 王丽\n";

static const char plain_page[] =
    "丙区深化基层治理创新——\n\n"
    "丙区打造“十分钟”便民服务圈\n\n"
    "近年来，丙区围绕群众急难愁盼问题，推动服务资源下沉社区，打造“十分钟”便民服务圈，让居民办事少跑"
    "腿。\n\n"
    "□ 本报记者 赵刚\n\n"
    "在丙区东门社区，居民服务站里的自助终端可以办理社保查询、证明开具等二十多项业务。“以前要跑好几"
    "个地方，现在下楼就能办。”居民刘阿姨说。\n\n"
    "据介绍，丙区已建成社区服务站六十八个，覆盖全部城市社区。\n\n"
    "丁镇举办农民丰收节\n\n"
    "本报讯（记者 "
    "孙悦）日前，丁镇第三届农民丰收节在镇文化广场开幕，农产品展销、农事体验等活动吸引了大批市民。\n"
    "\n"
    "丰收节期间，丁镇还组织电商直播带货，帮助农户拓宽销售渠道。\n\n"
    "戊街道推广垃圾分类新模式\n\n"
    "本报讯(周洁 吴昊)戊街道近日在辖区小区推广“定时定点”垃圾分类模式，居民参与率明显提升。\n";

static const char photo_page[] =
    "己县开展消防安全演练\n\n"
    "本报讯(钱进)"
    "日前，己县消防救援大队联合县人民医院开展消防安全演练，医护人员参与疏散逃生和初期火灾扑救训练。"
    "\n\n"
    "演练结束后，消防员还为大家讲解了灭火器的使用方法。冯刚\n\n"
    "\n\n"
    "近日，庚镇万亩高标准农田迎来丰收，农机手驾驶收割机在田间来回穿梭，一派繁忙景象。刘洋 文/图\n\n"
    "金秋时节 稻浪翻滚\n\n"
    "日前，辛村的晚稻进入收割期，金黄的稻田与村庄相映成趣，村民们忙着收割晾晒。\n\n"
    "陈晨 摄\n";

static const char continuation_page[] =
    "坚持创新驱动 加快转型升级\n\n"
    "▶上接1版 要坚持把发展经济的着力点放在实体经济上，推动传统产业改造提升，培育壮大新兴产业。\n\n"
    "会议要求，各地各部门要压实责任，抓好各项任务落实，确保全年目标顺利完成。\n\n"
    "（参与记者：郑一 王二 整理：郑一）\n";

/* ---- headlines ---------------------------------------------------------- */

static void
test_headline_markdown (void)
{
  g_autoptr (GPtrArray) segments = split (markdown_page);
  SdSegment *first, *second;

  g_assert_cmpuint (segments->len, ==, 2);
  first = find_story (segments, "甲市开展秋季植树活动");
  g_assert_cmpstr (first->subheadline, ==, "——多方携手扮靓城乡绿色家园");
  g_assert_cmpstr (first->reporter, ==, "李明");
  assert_body_starts (first, "近日，甲市组织机关干部");
  second = find_story (segments, "乙县推进农村道路提档升级");
  g_assert_null (second->subheadline);
  g_assert_null (second->reporter);
}

static void
test_headline_plain (void)
{
  g_autoptr (GPtrArray) segments = split (plain_page);

  g_assert_cmpuint (segments->len, ==, 3);
  find_story (segments, "丙区打造“十分钟”便民服务圈");
  find_story (segments, "丁镇举办农民丰收节");
  find_story (segments, "戊街道推广垃圾分类新模式");
}

static void
test_headline_bold (void)
{
  const char *page = "**午市打造口袋公园**\n\n"
                     "今年以来，午市利用边角地建成口袋公园三十个，方便市民就近休闲健身。\n\n"
                     "**未县新建五个日间照料中心**\n\n"
                     "本报讯(严冬)未县今年新建日间照料中心五个，为老人提供助餐、娱乐等服务。\n";
  g_autoptr (GPtrArray) segments = split (page);

  g_assert_cmpuint (segments->len, ==, 2);
  find_story (segments, "午市打造口袋公园");
  g_assert_cmpstr (find_story (segments, "未县新建五个日间照料中心")->reporter, ==, "严冬");
}

typedef struct
{
  const char *path;
  const char *page;
  const char *headline;
  const char *subheadline;
} HeaderCase;

static const HeaderCase header_cases[] = {
  { "/segmenter/headline/kicker-above", plain_page, "丙区打造“十分钟”便民服务圈",
    "丙区深化基层治理创新——" },
  { "/segmenter/headline/dash-below", markdown_page, "甲市开展秋季植树活动",
    "——多方携手扮靓城乡绿色家园" },
  { "/segmenter/headline/plain-kicker",
    "\n\n\n壬市持续推进“放管服”改革\n\n壬市让企业办事更省心\n\n"
    "今年以来，壬市不断优化营商环境，推出一批便企利企举措，企业开办时间压缩至一个工作日。\n",
    "壬市让企业办事更省心", "壬市持续推进“放管服”改革" },
  { "/segmenter/headline/colon-kicker",
    "江苏省淮安市涟水县扁担村:\n\n能人回乡助乡村振兴\n\n本报记者 薛海燕\n\n"
    "近年来，扁担村在外能人纷纷回乡创业，带动村民增收致富。\n",
    "能人回乡助乡村振兴", "江苏省淮安市涟水县扁担村：" },
  { "/segmenter/headline/markdown-kicker",
    "## 癸县实施人才强县战略\n\n# 引来金凤凰 筑好梧桐巢\n\n"
    "近年来，癸县出台人才新政十条，累计引进各类人才三千余名。\n",
    "引来金凤凰 筑好梧桐巢", "癸县实施人才强县战略" },
  /* OCR reads a 副题's dash as one long stroke: 一 */
  { "/segmenter/headline/dash-read-as-one",
    "总投资近百亿 十个项目签约落户\n\n一子县产业合作大会开幕\n\n"
    "10月16日，子县产业合作大会开幕，十个项目集中签约。\n",
    "总投资近百亿 十个项目签约落户", "一子县产业合作大会开幕" },
  /* a title may open with 一 as a number: "一村一特色" is a title */
  { "/segmenter/headline/one-is-a-number",
    "丑县发展特色产业\n\n一村一特色 一户一产业\n\n"
    "近年来，丑县各村发展特色产业，农民收入稳步增长。\n",
    "一村一特色 一户一产业", "丑县发展特色产业" },
};

static void
test_headline_header (gconstpointer data)
{
  const HeaderCase *test_case = data;
  g_autoptr (GPtrArray) segments = split (test_case->page);
  SdSegment *segment = find_story (segments, test_case->headline);

  g_assert_cmpstr (segment->subheadline, ==, test_case->subheadline);
}

/* ---- reporters and bylines ---------------------------------------------- */

static void
test_reporter_news_lead (void)
{
  g_autoptr (GPtrArray) segments = split (plain_page);
  SdSegment *fair = find_story (segments, "丁镇举办农民丰收节");
  SdSegment *waste = find_story (segments, "戊街道推广垃圾分类新模式");

  g_assert_cmpstr (fair->reporter, ==, "孙悦"); /* 记者 prefix stripped */
  assert_body_starts (fair, "日前，丁镇第三届农民丰收节");
  g_assert_cmpstr (waste->reporter, ==, "周洁 吴昊");
  assert_body_starts (waste, "戊街道近日在辖区小区");
}

static void
test_reporter_line (void)
{
  g_autoptr (GPtrArray) segments = split (plain_page);
  SdSegment *segment = find_story (segments, "丙区打造“十分钟”便民服务圈");

  g_assert_cmpstr (segment->reporter, ==, "赵刚");
  /* the lead printed above the reporter line is body text */
  assert_body_starts (segment, "近年来，丙区围绕群众急难愁盼问题");
  assert_body_lacks (segment, "本报记者");
}

static void
test_byline_glued (void)
{
  g_autoptr (GPtrArray) segments = split (markdown_page);
  SdSegment *segment = find_story (segments, "乙县推进农村道路提档升级");

  g_assert_cmpstr (segment->byline, ==, "张强 王丽");
  assert_body_ends (segment, "让群众走上平安路、幸福路。");
  g_assert_true (has_repair (segment, SD_REPAIR_SPLIT_BYLINE));
}

static void
test_byline_own_line (void)
{
  const char *page =
      "壬区开展文明交通劝导\n\n"
      "近日，壬区组织志愿者在主要路口开展文明交通劝导活动，引导市民自觉遵守交通规则。\n\n"
      "活动持续一个月，累计劝导不文明交通行为三百余起。\n\n"
      "何平\n\n"
      "癸镇建成首个乡村书房\n\n"
      "近日，癸镇首个乡村书房在中心村建成开放，藏书五千余册，免费向村民开放。\n\n"
      "书房还定期举办读书分享会。海文宣\n";
  g_autoptr (GPtrArray) segments = split (page);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (find_story (segments, "壬区开展文明交通劝导")->byline, ==, "何平");
  /* a unit's byline, glued like a name */
  g_assert_cmpstr (find_story (segments, "癸镇建成首个乡村书房")->byline, ==, "海文宣");
}

static void
test_byline_credits_line (void)
{
  g_autoptr (GPtrArray) segments = split (continuation_page);
  SdSegment *segment = find_story (segments, "坚持创新驱动 加快转型升级");

  g_assert_cmpstr (segment->byline, ==, "参与记者：郑一 王二 整理：郑一");
  assert_body_ends (segment, "确保全年目标顺利完成。");
}

static void
test_names_trailing_list (void)
{
  const char *page =
      "子县推进乡村振兴示范带建设\n\n"
      "今年以来，子县聚焦产业、生态和治理，高标准打造乡村振兴示范带，串联起十二个特色村庄。\n\n"
      "示范带建成后，将成为群众增收的新引擎。\n\n"
      "许亮 秦月\n"
      "韩冰 邓超 唐宁\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->byline, ==, "许亮 秦月");
  assert_body_ends (segment, "将成为群众增收的新引擎。");
  assert_body_lacks (segment, "韩冰");
}

typedef struct
{
  const char *path;
  const char *ending; /* what follows the last sentence */
  const char *byline;
  const char *reporter;
} BylineCase;

static const BylineCase byline_cases[] = {
  { "/segmenter/byline/form/glued-space", " 朱明", "朱明", NULL },
  { "/segmenter/byline/form/bracketed", "（记者 高远 通讯员 林木）", "高远 林木", NULL },
  { "/segmenter/byline/form/own-line-bracketed", "\n\n（高远）", "高远", NULL },
  { "/segmenter/byline/form/reporter-line-last", "\n\n□ 记者 高远", "高远", NULL },
  { "/segmenter/byline/form/writer", "\n\n文/高远", "高远", NULL },
  { "/segmenter/byline/form/not-a-name", "他说", NULL, NULL },
  { "/segmenter/byline/form/editor-line", "\n\n责任编辑：钟山", NULL, NULL },
  /* a two-character name set as wide as three */
  { "/segmenter/byline/form/padded-bracketed", "（汤　悦）", "汤 悦", NULL },
  { "/segmenter/byline/form/padded-own-line", "\n\n费 扬", "费 扬", NULL },
  /* a publicity office signs with its short name */
  { "/segmenter/byline/form/unit-own-line", "\n\n锡宣", "锡宣", NULL },
  { "/segmenter/byline/form/not-a-padded-name", "\n\n好 的", NULL, NULL },
  /* signatures in brackets after the last sentence */
  { "/segmenter/byline/form/pen-name", "（心诺）", "心诺", NULL },
  { "/segmenter/byline/form/station-reporter", "（苏州广电总台记者 杨民）", "杨民", NULL },
  { "/segmenter/byline/form/agency", "（人民日报）", "人民日报", NULL },
  { "/segmenter/byline/form/not-a-note", "（未完待续）", NULL, NULL },
  { "/segmenter/byline/form/reporter-own-line", "\n\n记者 毛莹", "毛莹", NULL },
  /* glued: a two-character name spaced out, with no common surname; a box */
  { "/segmenter/byline/form/padded-glued", " 晓 晖", "晓 晖", NULL },
  { "/segmenter/byline/form/not-a-glued-word", "晓晖", NULL, NULL },
  { "/segmenter/byline/form/boxed-glued", " □ 赵紫妍", "赵紫妍", NULL },
};

static void
test_byline_form (gconstpointer data)
{
  const BylineCase *test_case = data;
  g_autofree char  *page =
      g_strconcat ("卯区启动冬季送温暖活动\n\n"
                   "近日，卯区启动冬季送温暖活动，为困难家庭送去棉被、米油等生活物资。\n\n"
                   "活动将持续到明年春节，预计惠及一千余户家庭。",
                   test_case->ending, "\n", NULL);
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->byline, ==, test_case->byline);
  g_assert_cmpstr (segment->reporter, ==, test_case->reporter);
  assert_body_starts (segment, "近日，卯区启动");
  if (test_case->byline != NULL)
    assert_body_ends (segment, "预计惠及一千余户家庭。");
}

/* ---- kinds -------------------------------------------------------------- */

typedef struct
{
  const char *path;
  const char *page;
  const char *headline; /* NULL: the story without one */
  SdStoryKind kind;
  const char *byline;
} KindCase;

/* "新华社发（X摄）": an agency's photo credit closes the photo, and the
 * title under it opens the next story. */
static const char agency_photo_page[] =
    "晚秋忙收获\n"
    "　　11月3日，农民驾驶农机在寅镇收割水稻。\n"
    "新华社发（周社根摄）\n"
    "触摸发展印记\n"
    "　　卯村位于三茅街道东部，面临长江，交通便捷，环境优美，是远近闻名的文明村。\n";

static const KindCase kind_cases[] = {
  { "/segmenter/kind/brief", plain_page, "丁镇举办农民丰收节", SD_STORY_KIND_BRIEF, NULL },
  { "/segmenter/kind/photo-credit-line", photo_page, "金秋时节 稻浪翻滚", SD_STORY_KIND_PHOTO,
    "陈晨" },
  { "/segmenter/kind/photo-no-headline", photo_page, NULL, SD_STORY_KIND_PHOTO, "刘洋" },
  { "/segmenter/kind/continuation", continuation_page, "坚持创新驱动 加快转型升级",
    SD_STORY_KIND_CONTINUATION, "参与记者：郑一 王二 整理：郑一" },
  { "/segmenter/kind/photo-agency-credit", agency_photo_page, "晚秋忙收获", SD_STORY_KIND_PHOTO,
    "周社根" },
  { "/segmenter/kind/after-agency-credit", agency_photo_page, "触摸发展印记", SD_STORY_KIND_BRIEF,
    NULL },
};

static void
test_kind (gconstpointer data)
{
  const KindCase *test_case = data;
  g_autoptr (GPtrArray) segments = split (test_case->page);
  SdSegment *segment = NULL;

  for (guint i = 0; i < segments->len && segment == NULL; i++)
    if (g_strcmp0 (((SdSegment *) g_ptr_array_index (segments, i))->headline, test_case->headline)
        == 0)
      segment = g_ptr_array_index (segments, i);
  g_assert_nonnull (segment);
  g_assert_cmpstr (sd_story_kind_to_string (segment->kind), ==,
                   sd_story_kind_to_string (test_case->kind));
  g_assert_cmpstr (segment->byline, ==, test_case->byline);
}

/* A spread of photos by one photographer stays with its story. */
static void
test_kind_photo_spread (void)
{
  static const char page[] = "壬县：百川汇流 水韵新城\n\n"
                             "近日，多位摄影家来到壬县，用镜头记录水乡新貌。\n\n"
                             "弯弯的小河穿城而过。\n\n"
                             "郑和 摄\n\n"
                             "湿地公园的清晨。 郑和 摄\n\n"
                             "壬县水域面积约占全县面积的四分之一，湿地公园、滨河绿道连成一片。\n\n"
                             "村民在果园采摘葡萄。 郑和 摄\n\n"
                             "癸镇举办农民丰收节\n\n"
                             "近日，癸镇举办农民丰收节，村民们载歌载舞庆丰收。\n\n"
                             "收割机在田间来回穿梭。 程远 摄\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 2);
  segment = find_story (segments, "壬县：百川汇流 水韵新城");
  assert_body_starts (segment, "近日，多位摄影家");
  assert_body_lacks (segment, "湿地公园的清晨");
  g_assert_cmpstr (segment->byline, ==, "郑和");
}

/* A reporter line with correspondents heads the rest of a story after
 * one or two lead paragraphs; under more it signs the story, and the title
 * after it opens the next (r88). */
static void
test_byline_correspondents_sign (void)
{
  g_autoptr (GPtrArray) segments =
      split ("点亮回家路,温暖邻里心\n\n"
             "近日,在苏州市姑苏区沧浪街道胥虹社区“社情民意联系日” "
             "活动现场,家住胥江路318号7幢的居民反映,楼道照明灯多处损坏,夜间上下楼视线不佳,"
             "不仅给居民出行带来不便,更存在明显安全隐患,恳请社区协助予以解决。\n\n"
             "胥江路318号属于典型的无物业管理老旧小区,公共设施维护长期缺乏专人管理,"
             "楼道灯损坏后往往难以及时更换。随着冬季昼短夜长,照明不足的问题愈发突出,"
             "尤其对老年人和儿童出行造成不便,也埋下安全隐忧。居民\n\n"
             "通过“社情民意联系日”这一畅通高效的沟通渠道,将问题第一时间反馈至社区。\n\n"
             "社工在接到反映后,立即与网格员一起实地走访排查,"
             "发现7幢多个单元存在灯泡老化、线路接触不良甚至部分灯具缺失的情况。为彻底解决问题,"
             "避免“头痛医头、脚痛医脚”,社区利用“社情民意联系日”民生小事项目,"
             "对整栋楼所有楼道照明设施进行系统性检修。维修过程中,"
             "工作人员逐层逐户检查线路、更换灯泡、加固灯具,并对部分老化严重的线路进行局部更新,"
             "确保照明效果持久稳定。\n\n"
             "“现在晚上回家再也不用摸黑了,一进楼道灯就亮,心里踏实多了!"
             "”家住7幢的居民陈老伯高兴地说。今后,社区将继续依托“社情民意联系日”等平台,倾听群众声音,"
             "聚焦群众关切,把小事办实、把难事办成,不断提升居民的获得感、幸福感和安全感。\n\n"
             "通讯员 王蕾  扬子晚报/紫牛新闻记者  周晓青\n\n"
             "十里梁溪入画来(图)\n\n"
             "包松林摄\n\n"
             "梁溪河,长5.5公里,是无锡城最大的内河。梁溪两岸,曾是无锡先民最早的聚居地,"
             "梁溪就自然而然地成了无锡的别名和雅称。\n\n"
             "漫步梁溪河两岸,蜿蜒的亲水小径、玲珑的凭水亭台和生机勃发的花草树木,"
             "一切都让“母亲河”焕发着勃勃生机。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (find_story (segments, "点亮回家路，温暖邻里心")->byline, ==, "王蕾 周晓青");
  assert_body_starts (g_ptr_array_index (segments, 1), "梁溪河，长5.5公里");
}

/* "记者 X" on its own line signs the story above; the next title opens
 * another story.  "□ 张 栩" under an editor's note is a reporter line. */
static void
test_byline_reporter_line_closes (void)
{
  g_autoptr (GPtrArray) segments =
      split ("巳区开展义诊\n\n"
             "近日，巳区开展义诊，为困难家庭送去棉被、米油等生活物资。\n\n"
             "记者 毛莹\n\n"
             "午区推进老旧小区改造\n\n"
             "编者按：老旧小区改造是重大民生工程。本报今起推出系列报道，敬请关注。\n\n"
             "□ 张 栩 王 敏\n\n"
             "近日，午区启动老旧小区改造，首批涉及十二个小区。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (find_story (segments, "巳区开展义诊")->byline, ==, "毛莹");
  g_assert_cmpstr (find_story (segments, "午区推进老旧小区改造")->reporter, ==, "张 栩 王 敏");
  assert_body_ends (find_story (segments, "午区推进老旧小区改造"), "首批涉及十二个小区。");
}

/* Datelines of other media than 本报 open a news lead like 本报讯; a
 * report of 喜讯 in prose does not. */
typedef struct
{
  const char *path;
  const char *lead;
  const char *reporter;
} DatelineCase;

static const DatelineCase dateline_cases[] = {
  { "/segmenter/dateline/medium", "交汇点讯 ", NULL },
  { "/segmenter/dateline/site-and-place", "中国江苏网7月13日连云港讯", NULL },
  { "/segmenter/dateline/paper-reporter", "现代快报讯(记者 潘荣)", "潘荣" },
  { "/segmenter/dateline/paper-and-date", "今日镇江讯", NULL },
  { "/segmenter/dateline/agency", "新华社南京2月19日电 ", NULL },
  { "/segmenter/dateline/bracketed", "【连网】(通讯员 刘志奇)", "刘志奇" },
  { "/segmenter/dateline/news-of", "央广网无锡9月23日消息", NULL },
  /* a web outlet's wire: its place, then 电 before the day (r97) */
  { "/segmenter/dateline/web-wire", "人民网南京电", NULL },
  /* a web outlet's name before 消息 and a colon, no date (r65, r98) */
  { "/segmenter/dateline/outlet-news", "国际在线江苏频道消息:", NULL },
  /* 本报讯 with one character misread by the OCR */
  { "/segmenter/dateline/misread", "本报汛(记者 潘荣)", "潘荣" },
};

static void
test_dateline (gconstpointer data)
{
  const DatelineCase *test_case = data;
  g_autofree char    *page = g_strconcat (
         "卯区启动冬季送温暖活动\n\n", test_case->lead,
         "3月3日上午，卯区启动冬季送温暖活动，为困难家庭送去棉被、米油等生活物资。\n", NULL);
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment = find_story (segments, "卯区启动冬季送温暖活动");

  assert_body_starts (segment, "3月3日上午，卯区");
  g_assert_cmpstr (segment->reporter, ==, test_case->reporter);
}

static void
test_dateline_not_prose (void)
{
  static const char *const paragraphs[] = {
    "连日来传来喜讯，卯区三个村入选省级特色田园乡村。",
    "好喜讯到家了，卯区三个村入选省级特色田园乡村。",
    "4月15日电动自行车强制性国家标准正式实施，卯区开展专项检查。",
    "平台发布的最新资讯显示，卯区三个村入选省级特色田园乡村。",
    "村里传来好消息：卯区三个村入选省级特色田园乡村。",
    /* a subject giving news, no outlet: its words are the story's */
    "卯区气象站发布消息：今天夜里卯区有小到中雨。",
    /* a company's name before 电 and a day, no web outlet's wire */
    "国网南京供电7月起在卯区全面开展迎峰度夏用电检查。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autofree char *page = g_strconcat ("卯区启动冬季送温暖活动\n\n", paragraphs[i],
                                           "\n\n【编者按】今年是卯区撤县设区十周年。\n\n"
                                           "【相关链接】卯区概况\n",
                                           NULL);
      g_autoptr (GPtrArray) segments = split (page);
      SdSegment       *segment = find_story (segments, "卯区启动冬季送温暖活动");
      g_autofree char *body = sd_segment_dup_body (segment);

      g_assert_cmpuint (segments->len, ==, 1);
      assert_body_starts (segment, paragraphs[i]);
      /* 【相关链接】 heads a section of the story, no story of its own */
      g_assert_nonnull (strstr (body, "【编者按】今年是"));
    }
}

/* A paragraph broken where its printed line broke, on a page a paragraph
 * a line: its first line holds a comma and ends in a Han character, and
 * the text under it goes on mid-word (明、…, 动,…), so it is no title
 * (r65, r61); a 副题 over a lead that opens a sentence of its own stays
 * one (r73). */
static void
test_cut_lead_line (void)
{
  static const char *const pages[][3] = {
    { "假期首日!骆马湖国家级旅游度假区人从众!\n\n"
      "清明小长假首日,骆马湖国家级旅游度假区春和景\n\n"
      "明、游人如织,欢声笑语不断,处处洋溢着欢乐祥和的节日氛围。\n",
      "假期首日！骆马湖国家级旅游度假区人从众！", "清明小长假首日，骆马湖国家级旅游度假区春和景" },
    { "爱心人士带28位老人畅游凤城河景区\n\n"
      "22日上午,海陵区红十字会、泰州爱心车队联合开展关爱老人活\n\n"
      "动,组织海陵区苏陈镇28位老人畅游凤城河景区。\n",
      "爱心人士带28位老人畅游凤城河景区", "22日上午，海陵区红十字会" },
    { "固城湖螃蟹节高淳开幕\n\n"
      "今年螃蟹个头大,公蟹多半 两重\n\n"
      "昨天,高淳县举办第十一届固城湖螃蟹节暨首届国际慢城大地艺术节,整个县城充满丰收的喜悦。\n",
      NULL, "昨天，高淳县" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GPtrArray) segments = split (pages[i][0]);

      g_assert_cmpuint (segments->len, ==, 1);
      if (pages[i][1] != NULL)
        g_assert_cmpstr (((SdSegment *) g_ptr_array_index (segments, 0))->headline, ==,
                         pages[i][1]);
      assert_body_starts (g_ptr_array_index (segments, 0), pages[i][2]);
    }
}

/* Titles that hold 记者 or end in 报 are titles, not reporter lines or a
 * paper's name; a line of nothing but a stray mark is no title. */
static void
test_headline_not_credit (void)
{
  g_autoptr (GPtrArray) segments =
      split ("# 老党员向记者讲述入党故事\n\n"
             "近日，卯区老党员向记者讲述了自己的入党故事，听者无不动容。\n\n"
             "# ”\n\n"
             "# 春耕时节喜讯频传捷报\n\n"
             "近日，卯区春耕生产有序推进，各地喜讯频传。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_null (find_story (segments, "老党员向记者讲述入党故事")->reporter);
  assert_body_starts (find_story (segments, "春耕时节喜讯频传捷报"), "近日，卯区春耕");
}

/* Web-age headlines exclaim and ask; the page's folio is furniture; a
 * medium before 记者 and names parted by 、 make a reporter line. */
static void
test_headline_exclaims (void)
{
  g_autoptr (GPtrArray) segments = split (
      "无锡日报\n\n"
      "厉害了!这三个村成为省级特色田园乡村建设试点,你最看好哪个?\n\n"
      "■融媒体记者 王正道\n\n"
      "记者近日从市农业农村局获悉，江苏省日前公布了第三批省级特色田园乡村建设试点村庄名单。\n\n"
      "“渔”水共生迎春来\n\n"
      "新华社记者朱程、赵久龙\n\n"
      "“左手拿着那千丝的网，右手拿着那钓鱼的竿”，渔民们开始了新生活。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (
      find_story (segments, "厉害了！这三个村成为省级特色田园乡村建设试点，你最看好哪个？")
          ->reporter,
      ==, "王正道");
  g_assert_cmpstr (find_story (segments, "“渔”水共生迎春来")->reporter, ==, "朱程、赵久龙");
}

/* A 本报讯 item has no section heads, long ones least: a title with a comma
 * that exclaims, after the item's last sentence and in words of its own,
 * opens the next story (r55); a line of prose OCR cut short under the
 * item's last sentence, holding a 、 and a comma, does not (r11). */
static void
test_title_after_news_item (void)
{
  g_autoptr (GPtrArray) segments = split (
      "淮安洪泽区:创建让家园更美好\n\n"
      "本报讯在全国文明城市创建中,越来越多的洪泽市民感受到生活环境的巨大变化、生活质量的不断提升。"
      "\n\n"
      "兴隆巷是洪泽老城区一条不足100米长的老街道,道路两侧共有50余家商铺,以前沿街房屋墙面破损严重,"
      "道路坑坑洼洼;建设路是新城区一条250米长的街道,原道路两侧围墙破损,路面也损毁严重。"
      "为做好这两条背街小巷整治工作,洪泽区\n\n"
      "建立区创建办——街道——片区——社区四级责任体系,推行“门前五包”责任制。整治后的背街小巷路面硬化,"
      "环境整洁,车辆停放有序,违章停车、占道经营不见了,道路两侧漂亮的宣传画喷图、"
      "社会主义核心价值观宣传板随处可见。\n\n"
      "淮安这一村,从村落到桃花源:小别墅引来的大商机!\n\n"
      "北濒老三河,南依入江道,淮金线穿村而过。从高空俯瞰,淮安市金湖县董河村可谓道路四通八达,"
      "水网纵横交错。坐拥“地利”,董河村百姓近十几年来“天时”、享“人和”,演绎出一幕幕振兴大戏。\n");
  g_autoptr (GPtrArray) cut = split ("化、产品研发、销售网络的综合性农业开发企业，，\n"
                                     "是江苏省乡村产业振兴带头人培育“头雁”项目泗\n"
                                     "洪唯一一家驿站单位。\n"
                                     "\n"
                                     "“中国花谷”美丽绽放,第十届沭阳花木节精彩开幕\n"
                                     "\n"
                                     "交汇点讯9月27日上午,在华东地区最大的花木\n"
                                     "交易市场一华东花木大世界,第十届沭阳人花木节隆\n"
                                     "重举办,以花为媒、开启一场秋日的美丽相约。\n"
                                     "\n"
                                     "从2002年至今,沭阳花木节已经走过了21个年\n"
                                     "\n"
                                     "头,不仅全面生动地记录了沭阳花木产业发展历程，\n"
                                     "也成为展示花木产品、交流花木文化的重要平台。\n"
                                     "本届人花木节主会场和八个分会场同步开展,主要活\n"
                                     "\n"
                                     "动包括开幕式、2023年国际盆景大会年度主展览、\n"
                                     "2023首届江苏林草种苗新特优品种技术展、花木电\n"
                                     "商直播等,同步开展园艺资材、奇石、观赏盆景、\n"
                                     "高端盆景拍卖的市场化展销活动。\n"
                                     "\n"
                                     "沭阳花木种植始于唐代、成于明清、盛于今\n"
                                     "朝。经过1300多年的发展,特别是近30年的努力,沐\n"
                                     "阳成为江苏省面积最大的花木生产县、全国花木主\n"
                                     "\n"
                                     "产区之一,创成全国唯一以花木产业为主导的国家 |\n"
                                     "\n"
                                     "级现代农业产业园。\n"
                                     "沭阳人民有双“造化空间”的巧手,善于在一\n"
                                     "方陶盆中打造“方寸天地”。.明代两淮名士、抗葡\n"
                                     "\n"
                                     ".| 英雄明柬去官归沐,钟情盆景制作,所建的胡家花园\n"
                                     "院内,乾隆御赐的“卧牛望月”和胡氏后人培育.\n"
                                     "\n"
                                     "的“二龙戏珠”两株树桩盆景,是国内现存树龄最\n"
                                     "长的树桩盆景之一,也是“沐派盆景”代表之作。\n"
                                     "\n"
                                     "今天,沭阳将“方寸天地”搬进城市,持续推进“增\n"
                                     "\n"
                                     "花、增绿、增彩、增园” ,玫瑰园、月季园、绣球\n"
                                     "园等主题公园百花齐放,构建了梯次完备的城市花\n"
                                     "园体系,城区绿化覆盖率上升至44%,成功创建国家\n"
                                     "卫生县城、省园林城市、省优秀管理城市,入选全\n"
                                     "国文明城市提名城市。\n"
                                     "\n"
                                     "沭阳以其开放、包容的城市品格,吸引着人\n"
                                     "流、物流、资金流四方集聚。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  assert_body_ends (find_story (segments, "淮安洪泽区：创建让家园更美好"),
                    "社会主义核心价值观宣传板随处可见。");
  assert_body_starts (find_story (segments, "淮安这一村，从村落到桃花源：小别墅引来的大商机！"),
                      "北濒老三河");
  g_assert_cmpuint (cut->len, ==, 2);
  assert_body_ends (find_story (cut, "“中国花谷”美丽绽放，第十届沭阳花木节精彩开幕"),
                    "吸引着人流、物流、资金流四方集聚。");
}

/* A story's text opens with its dateline: a lone short sentence between
 * its headline and the dateline is a photo's caption printed there, not
 * the text's start (r53; r18's 2018年的阳澄湖大闸蟹正式开捕。 too). */
static void
test_caption_over_dateline (void)
{
  /* r53's paragraphs, one a line */
  const char *paragraphs[] = {
    "# 江心洲便民直通车免费接送市民",
    "社区居民表演的《洲岛大鼓》。",
    "中国江苏网5月12日讯歌舞表演、健康检测、便民服务、有奖问答……日前,由扬子晚报、"
    "江苏省养生养老产业服务联盟、南京市四月天社会工作服务中心、建邺区洲岛家园社区、"
    "南京洲岛现代服务业发展有限公司共同主办的“洲岛最美‘四月天’广场文化服务活动”,"
    "在洲岛家园菜市场旁的小广场上举办,现场气氛热烈欢快。",
    NULL,
  };
  g_autofree char *page = g_strjoinv ("\n\n", (char **) paragraphs);
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *story = find_story (segments, "江心洲便民直通车免费接送市民");

  g_assert_cmpuint (segments->len, ==, 1);
  assert_body_starts (story, "歌舞表演、健康检测");
  g_assert_cmpuint (story->captions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (story->captions, 0), ==, "社区居民表演的《洲岛大鼓》。");
  g_assert_true (has_repair (story, SD_REPAIR_MOVED_CAPTION));
}

/* A reporter line after lead paragraphs heads the rest of the story when
 * it names correspondents or a medium; "…报道" after the text signs it. */
static void
test_reporter_after_lead (void)
{
  g_autoptr (GPtrArray) segments =
      split ("射阳:特色小镇争奇斗艳\n\n"
             "近年来，射阳县坚持一镇一品，加快推进特色小镇建设。\n\n"
             "通讯员 陈鹏飞 戴超 现代快报/ZAKER南京记者 姜振军\n\n"
             "绿色引领打造生态旅游小镇\n\n"
             "初秋时节，由盐城机场路驶入盘黄线进入洋马镇，菊花小镇里游人如织。\n\n"
             "初冬银杏美 满村尽是“黄金叶”\n\n"
             "本报讯 11月28日上午，记者走进古邳镇果园村，银杏叶铺满村道。\n\n"
             "全媒体通讯员赵磊、陈士洲报道\n");
  SdSegment *first;

  g_assert_cmpuint (segments->len, ==, 2);
  first = find_story (segments, "射阳：特色小镇争奇斗艳");
  g_assert_cmpstr (first->reporter, ==, "通讯员 陈鹏飞 戴超 现代快报/ZAKER南京记者 姜振军");
  assert_body_ends (first, "菊花小镇里游人如织。");
  assert_body_ends (find_story (segments, "初冬银杏美 满村尽是“黄金叶”"), "银杏叶铺满村道。");
}

/* A photo printed after a story with no title of its own: its dated
 * caption and credit line are an item of their own. */
static void
test_photo_after_story (void)
{
  g_autoptr (GPtrArray) segments = split (
      "连云港高速路网再添两条重要动脉\n\n"
      "连宿高速公路一期工程与长深高速公路连淮段扩建工程今日正式建成通车。\n\n"
      "3月21日,在江苏省连云港市连云区高公岛街道腾旭紫菜加工厂,工人们在生产今年最后一批紫菜。\n\n"
      "朱华南摄/光明图片\n\n"
      "厉害了!这三个村成为省级特色田园乡村建设试点,你最看好哪个?\n\n"
      "本报讯 记者近日从市农业农村局获悉，江苏省日前公布了第三批试点村庄名单。\n");
  SdSegment *photo;

  g_assert_cmpuint (segments->len, ==, 3);
  assert_body_ends (find_story (segments, "连云港高速路网再添两条重要动脉"), "今日正式建成通车。");
  photo = g_ptr_array_index (segments, 1);
  g_assert_null (photo->headline);
  g_assert_cmpint (photo->kind, ==, SD_STORY_KIND_PHOTO);
  g_assert_cmpstr (photo->byline, ==, "朱华南");
  assert_body_starts (photo, "3月21日，在江苏省连云港市");
}

/* A picture's caption and credit printed between a title and its lead
 * belong to that story. */
static void
test_caption_before_lead (void)
{
  g_autoptr (GPtrArray) segments = split (
      "江苏兴化:千垛菜花 美景如画\n\n"
      "万亩“垛田”陆续披上金装。\n\n"
      "周社根摄\n\n"
      "人民网泰州3月24日电 (张玉峰)天气渐暖,江苏泰州兴化市千垛景区的万亩垛田陆续披上了金装。\n");
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->reporter, ==, "张玉峰");
  assert_body_starts (segment, "天气渐暖");
}

/* In a scan's columns a line cut at the edge, with a paragraph break put
 * in by the OCR, is no title: what follows goes on mid-sentence. */
static void
test_cut_line_not_title (void)
{
  g_autoptr (GPtrArray) segments = split ("善卷村打造生态旅游村\n\n"
                                          "善卷村位于宜兴市张渚镇西南部,交通十分便\n"
                                          "利,村里依山傍水,自然风光十分秀美宜人。\n"
                                          "近年来,善卷村大力发展乡村旅游,全村接待\n"
                                          "游客人数逐年增长,旅游收入不断提高,生态\n"
                                          "环境持续向好,村容村貌焕然一新,村民收入\n"
                                          "大幅增加。\n"
                                          "\n"
                                          "善卷村位于国家4A级风景区善卷洞旁条件优\n"
                                          "\n"
                                          "越。进入新时代,善卷村按照村前建产业园,\n"
                                          "村后建生态园的思路,走出了一条新路子。\n");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpuint (((SdSegment *) g_ptr_array_index (segments, 0))->section_headings->len, ==, 0);
}

/* In a page of columns, a photo after a signed story: its paragraph cut
 * by a column break (an empty line) is still one paragraph of the photo,
 * and the break is no start of another item. */
static void
test_photo_after_column_break (void)
{
  static const char page[] = "寅县百岁老人超过五百位\n"
                             "　　寅县民政局最新统计数据显示,全县百岁\n"
                             "老人总数突破五百位,其中最年长者已有一百\n"
                             "一十岁,是全省百岁老人最多的县之一。\n"
                             "　　寅县是有名的长寿之乡,近年来,该县先后\n"
                             "出台一系列养老、惠老政策,全县尊老敬老孝\n"
                             "老助老蔚然成风。(记者甲乙)\n"
                             "\n"
                             "　　11月10日,在卯镇渔港码头,渔民分拣海产\n"
                             "品。\n"
                             "　　近日,卯镇渔港码头一片热闹景象,渔民们\n"
                             "\n"
                             "忙着卸运、分类处理刚刚到港的多种新鲜海产\n"
                             "品。卯镇渔港是首批国家级中心渔港之一,也\n"
                             "是国内规模较大、配套设施较完善的综合性人\n"
                             "工渔港。\n"
                             "新华社记者 丙丁 摄\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *photo;

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (find_story (segments, "寅县百岁老人超过五百位")->byline, ==, "甲乙");
  photo = g_ptr_array_index (segments, 1);
  g_assert_null (photo->headline);
  g_assert_cmpstr (photo->byline, ==, "丙丁");
  assert_body_ends (photo, "综合性人工渔港。");
  assert_body_lacks (find_story (segments, "寅县百岁老人超过五百位"), "近日");
}

/* A title line over a credit line captions the photo printed under the
 * headline: no kicker. */
static void
test_caption_under_headline (void)
{
  g_autoptr (GPtrArray) segments = split (
      "睢宁:美丽乡村“面子”靓“里子”美\n\n"
      "邱圩社区一角\n\n"
      "顾士刚 摄\n\n"
      "今年以来，睢宁经济开发区持续推进农村人居环境整治工作，实现美丽乡村“面子”靓“里子”美。\n");
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->headline, ==, "睢宁：美丽乡村“面子”靓“里子”美");
  g_assert_null (segment->subheadline);
}

/* The numbered captions of one spread of photos are one item. */
static void
test_photo_spread (void)
{
  g_autoptr (GPtrArray) segments =
      split ("众志成城，齐心抗疫\n\n"
             "①2月20日，滨湖区太湖街道开展核酸检测，共检测居民3459人。徐艺 摄\n\n"
             "②近期，惠山区长安中心幼儿园教师利用休息时间为隔离居民代购生活用品。陆丽霞 摄\n\n"
             "③在志愿者和医护人员共同努力下，2月22日检测工作顺利完成。海峰 摄\n");

  g_assert_cmpuint (segments->len, ==, 1);
}

static void
test_kind_continuation_marker (void)
{
  g_autoptr (GPtrArray) segments = split (continuation_page);
  SdSegment *segment = g_ptr_array_index (segments, 0);

  assert_body_starts (segment, "要坚持把发展经济的着力点");
  assert_body_lacks (segment, "上接");
}

static void
test_kind_news (void)
{
  g_autoptr (GString) page = g_string_new ("丑市打造智慧城市管理平台\n\n");
  g_autoptr (GPtrArray) segments = NULL;

  /* well over the length of a brief */
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (
        page,
        "第%u阶段，丑市依托大数据平台整合城管、交通、环保等部门信息，"
        "实现问题发现、派单、处置、反馈全流程闭环管理，群众满意度不断提升。\n\n",
        i + 1);
  segments = split (page->str);
  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpint (((SdSegment *) g_ptr_array_index (segments, 0))->kind, ==, SD_STORY_KIND_NEWS);
}

/* ---- sections and captions ---------------------------------------------- */

static void
test_sections (void)
{
  const char *page =
      "寅县全力打造营商环境新高地\n\n"
      "近年来，寅县以企业需求为导向，持续深化改革，营商环境不断优化，市场主体活力明显增强。\n\n"
      "服务企业零距离\n\n"
      "走进寅县政务服务中心，企业开办专区里人来人往。工作人员介绍，企业开办全流程实现一窗受理、一日"
      "办结。\n\n"
      "**要素保障再提速**"
      "寅县建立重点项目要素保障清单，土地、用能、资金等要素优先向重点项目倾斜。\n\n"
      "今年前三季度，全县新增市场主体一万余户，同比增长百分之十五。柳宁\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpuint (segment->section_headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (segment->section_headings, 0), ==, "服务企业零距离");
  g_assert_cmpstr (g_ptr_array_index (segment->section_headings, 1), ==, "要素保障再提速");
  /* each head a paragraph of its own where it stands, its markup gone */
  assert_heading_in_place (segment, "服务企业零距离", "市场主体活力明显增强。", "走进寅县");
  assert_heading_in_place (segment, "要素保障再提速", "一日办结。", "寅县建立");
  assert_body_lacks (segment, "**");
  g_assert_cmpuint (segment->paragraphs->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (segment->paragraphs, 4), ==,
                   "寅县建立重点项目要素保障清单，土地、用能、资金等要素优先向重点项目倾斜。");
  g_assert_cmpstr (segment->byline, ==, "柳宁");
}

/* A plain head under a 本报讯 lead, or under a photo's caption and credit,
 * heads a section when the text under it goes on in the story's words
 * (the village, its crabs and boats); another story brings its own. */
static void
test_sections_cohesive (void)
{
  const char *page =
      "卯镇渔村走上小康路\n\n"
      "本报讯10月24日下午，寅县小记者团走进卯镇渔港村，寻找渔港村渔民步入小康背后的故事。\n\n"
      "渔港村螃蟹喜丰收\n\n"
      "渔港村是卯镇湖边的一个小渔村，渔民世代靠捕捞螃蟹为生。如今渔港村的螃蟹远销各地，"
      "渔民的渔船也换了新。\n\n"
      "渔港村渔民驾驶渔船捕捞螃蟹。 记者 柳宁 摄\n\n"
      "螃蟹养殖户均增收三万元\n\n"
      "渔港村渔民说，如今渔港村的螃蟹远销各地，渔船出湖一趟能捕捞螃蟹两百斤。\n\n"
      "申县举办首届梨花节\n\n"
      "本报讯3月28日，申县首届梨花节在午乡开幕，游客赏花品茶，乡里的民宿家家客满。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpuint (find_story (segments, "申县举办首届梨花节")->section_headings->len, ==, 0);
  segment = find_story (segments, "卯镇渔村走上小康路");
  g_assert_cmpuint (segment->section_headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (segment->section_headings, 0), ==, "渔港村螃蟹喜丰收");
  g_assert_cmpstr (g_ptr_array_index (segment->section_headings, 1), ==, "螃蟹养殖户均增收三万元");
  assert_body_ends (segment, "渔船出湖一趟能捕捞螃蟹两百斤。");
}

/* Where headlines are marked with '#', a plain title over a reporter line
 * heads one report of a feature, a section; a marked one a story. */
static void
test_sections_signed_parts (void)
{
  /* the feature's two parts, each with its title and reporter line */
  const char *parts[] = {
    "交警坚守路口保畅通\n\n■ 本报记者 柳宁\n\n"
    "节日里，寅县交警在城区各路口疏导车流，保障道路畅通。\n\n",
    "环卫工人起早忙保洁\n\n■ 本报记者 江帆\n\n天还没亮，环卫工人就开始清扫街道。\n\n",
  };
  g_autofree char *page = g_strconcat (
      "# 小长假里的寅县\n\n五一小长假结束了。三天里，寅县游人如织，也有许多人坚守岗位。\n\n",
      parts[0], parts[1],
      "# 卯镇逐村建样板河\n\n■ 本报记者 高远\n\n连日来，卯镇组织河长办下村督查河道保洁工作。\n",
      NULL);
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *feature = g_ptr_array_index (segments, 0);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (feature->headline, ==, "小长假里的寅县");
  g_assert_cmpuint (feature->section_headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (feature->section_headings, 1), ==, "环卫工人起早忙保洁");
  assert_body_ends (feature, "环卫工人就开始清扫街道。");
  g_assert_cmpstr (find_story (segments, "卯镇逐村建样板河")->reporter, ==, "高远");
}

static void
test_sections_numbered (void)
{
  const char *page =
      "2022年11月10日 星期四\n\n"
      "辰市推进制造业智能化改造\n\n"
      "本报讯(江帆)今年以来，辰市把智能化改造作为制造业转型的主抓手，已完成改造项目二百余个。\n\n"
      "一、政策引导\n\n"
      "辰市出台专项扶持办法，对改造投入给予最高百分之二十的补助。\n\n"
      "（二）服务跟进\n\n"
      "市工信部门组建专家团队，上门为企业提供诊断服务。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->headline, ==, "辰市推进制造业智能化改造");
  g_assert_cmpuint (segment->section_headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (segment->section_headings, 0), ==, "一、政策引导");
  g_assert_cmpstr (g_ptr_array_index (segment->section_headings, 1), ==, "（二）服务跟进");
  assert_heading_in_place (segment, "一、政策引导", "改造项目二百余个。", "辰市出台");
  assert_heading_in_place (segment, "（二）服务跟进", "百分之二十的补助。", "市工信部门");
}

/* A head right under the reporter line opens the body, one after the last
 * paragraph closes it; a sentence a column break cut is not joined across
 * a head, and the story's span is the page's text as before. */
static void
test_sections_at_the_ends (void)
{
  const char *page =
      "# 午镇建设美丽乡村\n\n"
      "本报记者 柳宁\n\n"
      "**村容村貌换新颜**\n\n"
      "走进午镇各村，道路宽敞整洁，河道水清岸绿，家家户户门前种上了花草，村民们说\n\n"
      "**产业兴旺促增收**\n\n"
      "午镇发展特色种植，全镇农民人均收入同比增长百分之八。\n\n"
      "**下一步工作打算**\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->headline, ==, "午镇建设美丽乡村");
  g_assert_cmpuint (segment->section_headings->len, ==, 3);
  assert_heading_in_place (segment, "村容村貌换新颜", NULL, "走进午镇各村");
  assert_heading_in_place (segment, "产业兴旺促增收", "村民们说", "午镇发展特色种植");
  assert_heading_in_place (segment, "下一步工作打算", "增长百分之八。", NULL);
  g_assert_cmpuint (segment->paragraphs->len, ==, 5);
  g_assert_false (has_repair (segment, SD_REPAIR_JOINED_BREAK));
  g_assert_cmpuint (segment->start, ==, 0);
  g_assert_cmpuint (segment->end, ==, strlen (page) - 1);
}

typedef struct
{
  const char *path;
  const char *credit;
  const char *byline;
} CreditCase;

static const CreditCase credit_cases[] = {
  { "/segmenter/kind/photo-credit/suffix", "沈星 摄", "沈星" },
  { "/segmenter/kind/photo-credit/slash", "沈星/摄", "沈星" },
  { "/segmenter/kind/photo-credit/prefix", "图/沈星", "沈星" },
  { "/segmenter/kind/photo-credit/bracketed", "（沈星 摄影）", "沈星" },
  { "/segmenter/kind/photo-credit/reporter", "记者 沈星 摄", "沈星" },
  { "/segmenter/kind/photo-credit/text-and-photo", "文/图 沈星", "沈星" },
  { "/segmenter/kind/photo-credit/office", "（巳县委宣传部供图）", "巳县委宣传部" },
  /* a picture agency after the credit is no name; alone it is the credit */
  { "/segmenter/kind/photo-credit/agency-after", "朱华南摄/光明图片", "朱华南" },
  { "/segmenter/kind/photo-credit/agency-bracketed", "司 伟摄(人民图片)", "司 伟" },
  { "/segmenter/kind/photo-credit/agency-alone", "图/人民图片", "人民图片" },
};

static void
test_photo_credit (gconstpointer data)
{
  const CreditCase *test_case = data;
  g_autofree char  *page =
      g_strconcat ("巳湖湿地迎来越冬候鸟\n\n"
                   "近日，大批候鸟飞抵巳湖湿地越冬，在湖面上觅食嬉戏，构成一幅生态画卷。\n\n",
                   test_case->credit, "\n", NULL);
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpint (segment->kind, ==, SD_STORY_KIND_PHOTO);
  g_assert_cmpstr (segment->byline, ==, test_case->byline);
  assert_body_ends (segment, "构成一幅生态画卷。");
}

/* An office credits a photo item, its name glued to the caption. */
static void
test_photo_credit_office_glued (void)
{
  const char *page = "9月20日，在巳县广洋湖镇的荷藕种植基地，藕农正忙着采挖新藕，"
                     "当地推动荷藕加工、销售一体化发展。（巳县委宣传部供图）\n\n"
                     "午镇开展秋季植树活动\n\n"
                     "近日，午镇组织干部群众开展秋季植树活动，共栽植苗木五千余株。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 2);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpint (segment->kind, ==, SD_STORY_KIND_PHOTO);
  g_assert_cmpstr (segment->byline, ==, "巳县委宣传部");
  assert_body_ends (segment, "销售一体化发展。");
}

static void
test_caption_in_story (void)
{
  const char *page =
      "辰区建成社区养老服务综合体\n\n"
      "老人们在综合体内参加书法活动。\n\n"
      "近日，辰区首个社区养老服务综合体投入使用，为周边老人提供助餐、助浴、康复护理等服务。\n\n"
      "综合体面积三千平方米，设有日间照料中心、康复理疗室和老年食堂，可同时服务两百余名老人。"
      "下一步，辰区将在每个街道建设一个养老服务综合体，让老人在家门口安享晚年。这项工作已列入全区民"
      "生实事项目，"
      "由区民政局牵头推进，\n\n"
      "\n\n（辰区民政局供图）\n\n\n"
      "各街道配合实施。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpuint (segment->captions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (segment->captions, 0), ==,
                   "老人们在综合体内参加书法活动。（辰区民政局供图）");
  assert_body_starts (segment, "近日，辰区首个社区养老服务综合体");
  assert_body_ends (segment, "由区民政局牵头推进，各街道配合实施。");
  assert_body_lacks (segment, "供图");
  g_assert_cmpint (segment->kind, !=, SD_STORY_KIND_PHOTO);
  g_assert_true (has_repair (segment, SD_REPAIR_MOVED_CAPTION));
}

/* ---- repairs ------------------------------------------------------------ */

static void
test_repair_join (void)
{
  const char *page = "巳镇推进老旧小区改造\n\n"
                     "今年，巳镇启动六个老旧小区改造项目，这项工作由镇政府牵头，联合\n\n\n\n"
                     "社区和物业共同推进，预计年底前全部完工。\n\n"
                     "改造内容包括雨污分流、道路修缮和停车位增设。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment = g_ptr_array_index (segments, 0);

  g_assert_cmpuint (segment->paragraphs->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (segment->paragraphs, 0), ==,
                   "今年，巳镇启动六个老旧小区改造项目，这项工作由镇政府牵头，联合社区和物业共同推"
                   "进，预计年底前全部完工。");
  g_assert_true (has_repair (segment, SD_REPAIR_JOINED_BREAK));
  g_assert_false (segment->truncated);
}

static void
test_repair_duplicate (void)
{
  const char *page =
      "午县举办职业技能大赛\n\n"
      "近日，午县第五届职业技能大赛开幕，来自全县各行业的三百余名选手同台竞技。\n\n"
      "大赛设置电工、焊工、育婴员等十二个项目，获奖选手将获得相应职业技能等级证书和奖金。\n\n"
      "大赛设置电工、焊工、育婴员等十二个项目，获奖选手将获得相应职业技能等级证书和奖金。\n\n"
      "县人社局表示，将以赛促学，助力高技能人才队伍建设。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment       *segment = g_ptr_array_index (segments, 0);
  g_autofree char *body = sd_segment_dup_body (segment);
  const char      *first = strstr (body, "大赛设置电工");

  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "大赛设置电工"));
  g_assert_cmpuint (segment->paragraphs->len, ==, 3);
  g_assert_true (has_repair (segment, SD_REPAIR_DROPPED_DUPLICATE));
}

static void
test_repair_fragment (void)
{
  const char *page =
      "未市启动城市绿道建设\n\n"
      "本报讯(施雨)未市近日启动城市绿道建设工程，计划三年内建成环城绿道八十公里。\n\n"
      "绿道将串联沿河公园、湿地和历史街区，沿线设置驿站、观景平台和健身场地，"
      "市民可以骑行或步行游览城市风光。\n\n"
      "申县开展食品安全专项检查\n\n"
      "本报讯(鲁阳)申县市场监管局近日对全县学校食堂、农贸市场开展食品安全专项检查，"
      "共检查经营单位一百二十家，督促整改问题三十余个。"
      "绿道将串联沿河公园、湿地和历史街区，沿线设置驿站、观景平台和健身场地，"
      "市民可以骑行或步行游览城市风光。\n\n"
      "检查中，执法人员重点查看了食品进货查验、餐具消毒和从业人员健康证明等情况。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment       *greenway = find_story (segments, "未市启动城市绿道建设");
  SdSegment       *food = find_story (segments, "申县开展食品安全专项检查");
  g_autofree char *greenway_body = sd_segment_dup_body (greenway);

  g_assert_nonnull (strstr (greenway_body, "沿线设置驿站"));
  assert_body_lacks (food, "沿线设置驿站");
  assert_body_starts (food, "申县市场监管局近日");
  assert_body_ends (food, "从业人员健康证明等情况。");
  g_assert_true (has_repair (food, SD_REPAIR_DROPPED_FRAGMENT));
  g_assert_false (has_repair (greenway, SD_REPAIR_DROPPED_FRAGMENT));
}

/* A fragment cut at a column break starts and ends inside clauses, in
 * the story it comes from and in the one it was pasted into: found all
 * the same, from the clauses it holds whole. */
static void
test_repair_fragment_mid_clause (void)
{
  const char *page =
      "辰县建成乡村振兴学院\n\n"
      "本报讯(田禾)辰县乡村振兴学院近日建成，学院依托县委党校办学，开设产业发展、乡村治理和"
      "电商营销三类课程，今年计划培训村干部和致富带头人两千人次。\n\n"
      "学院聘请农业专家、优秀村党组织书记担任兼职教师，采取课堂教学与现场观摩相结合的方式。\n\n"
      "巳镇开展安全生产大检查\n\n"
      "本报讯(江川)巳镇近日开展安全生产大检查，重点检查危化品企业、建筑工地和人员密集场所，"
      "共排查隐患四十余处。\n\n"
      "产业发展、乡村治理和电商营销三类课程，今年计划培训村干部和致富带头人两千\n\n"
      "对排查出的隐患，镇里建立台账，明确整改责任人和整改时限，确保隐患整改到位。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *college = find_story (segments, "辰县建成乡村振兴学院");
  SdSegment *safety = find_story (segments, "巳镇开展安全生产大检查");

  assert_body_lacks (safety, "电商营销");
  assert_body_lacks (safety, "产业发展");
  assert_body_lacks (safety, "两千");
  assert_body_ends (safety, "确保隐患整改到位。");
  g_assert_true (has_repair (safety, SD_REPAIR_DROPPED_FRAGMENT));
  g_assert_false (has_repair (college, SD_REPAIR_DROPPED_FRAGMENT));
}

/* OCR misread two characters of the second copy: still a duplicate, all
 * of it. */
static void
test_repair_near_duplicate (void)
{
  const char *page =
      "戌县举办农民丰收节\n\n"
      "近日，戌县第六届农民丰收节在城南广场开幕，全县十二个乡镇带来两百多种特色农产品。\n\n"
      "丰收节设置农产品展销、农耕文化体验和乡村美食品鉴三个板块，吸引市民五万余人次参与。\n\n"
      "丰收节设置农产品展销、农耕文化休验和乡村美食品鉴三个板块，吸引市民五万余入次参与。\n\n"
      "县农业农村局表示，将以节为媒，进一步打响本地农产品品牌。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment = g_ptr_array_index (segments, 0);

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpuint (segment->paragraphs->len, ==, 3);
  /* the last clause too, misread in the middle of a short clause */
  assert_body_lacks (segment, "入次");
  g_assert_true (has_repair (segment, SD_REPAIR_DROPPED_DUPLICATE));
}

/* A file that holds the same story twice (two printings, or two OCR runs
 * put together): each copy keeps its whole text, even where a third story
 * uses the rarer words of that text; neither copy is a fragment of the
 * other. */
static void
test_repair_twins (void)
{
  const char *twin =
      "丑县整治磷石膏堆场\n\n"
      "本报讯(记者 王林)丑县近日启动第%u轮磷石膏堆场整治，对全县尾矿库和渣场逐一排查，"
      "督促企业完善防渗、导排和覆土设施。\n\n"
      "县生态环境局在堆场周边布设地下水监测井，每月公开监测数据，接受群众监督。\n\n";
  const char *other = "寅镇召开生态环境工作会\n\n"
                      "本报讯(记者 李青)寅镇近日召开生态环境工作会，会议通报了磷石膏综合利用、"
                      "尾矿库闭库和渣场复绿的进展，要求各村加快推进地下水监测井建设。\n\n";
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (GPtrArray) segments = NULL;

  g_string_append_printf (page, twin, 1);
  g_string_append (page, other);
  g_string_append_printf (page, twin, 2);
  segments = split (page->str);
  g_assert_cmpuint (segments->len, ==, 3);
  for (guint i = 0; i < segments->len; i++)
    {
      SdSegment *segment = g_ptr_array_index (segments, i);

      g_assert_false (has_repair (segment, SD_REPAIR_DROPPED_FRAGMENT));
      g_assert_false (has_repair (segment, SD_REPAIR_DROPPED_DUPLICATE));
      if (i != 1)
        g_assert_cmpuint (segment->paragraphs->len, ==, 2);
    }
}

/* The credit as printed, less the leading role: "记者 X 通讯员 Y" → "X 通讯员 Y". */
static void
test_reporter_with_correspondent (void)
{
  const char *page = "午区建成智慧停车平台\n\n"
                     "本报讯（记者 许海燕 通讯员 狄小龙）午区智慧停车平台近日上线，"
                     "市民可以在手机上查询空余车位。\n\n"
                     "未镇开展秋季植树活动\n\n"
                     "本报记者 韩 冰 通讯员 未宣\n\n"
                     "近日，未镇组织干部群众开展秋季植树活动，共栽植苗木五千余株。\n";
  g_autoptr (GPtrArray) segments = split (page);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (find_story (segments, "午区建成智慧停车平台")->reporter, ==,
                   "许海燕 通讯员 狄小龙");
  g_assert_cmpstr (find_story (segments, "未镇开展秋季植树活动")->reporter, ==,
                   "韩 冰 通讯员 未宣");
}

/* A photo printed inside a story, caption and credit on one line, and the
 * story going on after it: a caption, not the story's byline. */
static void
test_caption_glued_credit (void)
{
  const char *page = "# 申镇念好山水经\n\n"
                     "周末的申镇游人如织，紫山脚下的露营地里，帐篷一顶挨着一顶。\n\n"
                     "游客在采摘园体验采摘乐趣。 赵明/摄\n\n"
                     "**做活农文旅融合文章**\n\n"
                     "与此同时，申镇深入挖掘民俗文化，举办乡村音乐节，打响文旅品牌。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  /* a bold head on a page whose headlines are marked '#' is a section */
  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_null (segment->byline);
  g_assert_cmpuint (segment->captions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (segment->captions, 0), ==,
                   "游客在采摘园体验采摘乐趣。 赵明/摄");
  assert_body_lacks (segment, "赵明");
  g_assert_cmpuint (segment->section_headings->len, ==, 1);
  assert_body_ends (segment, "打响文旅品牌。");
}

/* A line cut at a column end, short and unpunctuated, that starts with the
 * story's own place: the story goes on, it is no headline. */
static void
test_headline_not_broken_line (void)
{
  const char *page =
      "申蜀镇：一把紫砂壶焙出百亿产业\n\n"
      "走进宜兴市申蜀镇蜀山古南街，青石板路两侧，紫砂作坊一间挨着一间。\n\n"
      "申蜀镇是中国陶都的核心区，紫砂从\n\n"
      "业人员超过4万人。近年来，申蜀镇围绕保护传承、创新发展的思路，一手抓传承，一手抓创新。\n";
  g_autoptr (GPtrArray) segments = split (page);

  g_assert_cmpuint (segments->len, ==, 1);
  assert_body_ends (g_ptr_array_index (segments, 0), "一手抓创新。");
}

/* A story heads its sections one way: after sections in bold, a plain
 * title heads the next story, though nothing else marks it. */
static void
test_headline_after_bold_sections (void)
{
  const char *page =
      "孟镇汽摩配产业向新向智\n\n"
      "孟镇是全国闻名的汽摩配件产业集聚地，现有相关企业一千余家。\n\n"
      "**强链补链，产业集群提能级**今年以来，孟镇先后引进智能座舱等项目十四个。\n\n"
      "**数智赋能，老企业焕发新活力**孟镇联合服务机构开展免费诊断，企业纷纷上云。\n\n"
      "“下一步，我们将持续做强主导产业。”孟镇相关负责人说。\n\n"
      "科技小院让草莓种出新甜头\n\n"
      "九月下旬，白兔镇的草莓大棚里，农户们正抢抓农时定植草莓苗。\n\n"
      "科技小院的老师和学生教大家用生物药剂防病，草莓品质明显提高。\n";
  g_autoptr (GPtrArray) segments = split (page);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpuint (find_story (segments, "孟镇汽摩配产业向新向智")->section_headings->len, ==, 2);
  assert_body_ends (find_story (segments, "孟镇汽摩配产业向新向智"), "孟镇相关负责人说。");
  assert_body_starts (find_story (segments, "科技小院让草莓种出新甜头"), "九月下旬");
}

/* Two title lines marked alike are one title OCR broke in two. */
static void
test_headline_broken_in_two (void)
{
  const char *page = "## 丑区街道“一老一小”\n\n"
                     "## 服务圈越织越密\n\n"
                     "近日，丑区街道建成“一老一小”服务中心，为老人和孩子提供助餐、托管服务。\n\n"
                     "## 寅镇开展秋季植树活动\n\n"
                     "近日，寅镇组织干部群众开展秋季植树活动，共栽植苗木五千余株。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 2);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpstr (segment->headline, ==, "丑区街道“一老一小”服务圈越织越密");
  g_assert_null (segment->subheadline);
}

/* A long story whose sections are headed "place：…" like the page's
 * headlines: after the first such section, the next ones are its
 * siblings, not new stories.  Its sections go on in its words, as a real
 * feature's do. */
static void
test_sections_place_colon (void)
{
  const char *page =
      "卯市网格织密基层治理网\n\n"
      "——卯市推动新就业群体融入基层治理纪实\n\n"
      "卯市现有快递员、外卖员、网约车司机等新就业群体一万二千余人，他们走街串巷，熟悉社情民意。\n\n"
      "东城街道：小哥驿站变身民情站\n\n"
      "东城街道是卯市的老城区，快递员、外卖员走街串巷，街道在驿站设立民情信箱，"
      "让新就业群体融入基层治理。\n\n"
      "白蒲镇：骑手当上移动网格员\n\n"
      "白蒲镇是千年古镇，镇综治中心将外卖员、网约车司机纳入网格队伍，新就业群体"
      "熟悉社情民意。\n\n"
      "搬经镇：积分兑换激活一池春水\n\n"
      "搬经镇给出的答案是积分兑换，快递员、外卖员上报一条社情民意就能积一分，积分可以兑换生活用品。"
      "\n\n"
      "辰县开展文明交通劝导\n\n"
      "本报讯（记者 高远）近日，辰县组织志愿者在主要路口开展文明交通劝导活动。\n";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment;

  g_assert_cmpuint (segments->len, ==, 2);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpuint (segment->section_headings->len, ==, 3);
  assert_body_ends (segment, "积分可以兑换生活用品。");
}

static void
test_repair_truncated (void)
{
  const char *page =
      "酉县推动农文旅融合发展\n\n"
      "近年来，酉县依托山水资源，大力发展乡村旅游，打造了一批精品民宿和田园综合体。\n\n"
      "今年国庆假期，全县接待游客四十万人次，实现旅游收入";
  g_autoptr (GPtrArray) segments = split (page);
  SdSegment *segment = g_ptr_array_index (segments, 0);

  g_assert_true (segment->truncated);
  g_assert_true (has_repair (segment, SD_REPAIR_TRUNCATED));
  assert_body_ends (segment, "实现旅游收入");
  g_assert_null (segment->byline);
}

static void
test_repair_recorded (void)
{
  g_autoptr (GPtrArray) segments = split (photo_page);
  SdSegment *segment = find_story (segments, "己县开展消防安全演练");
  SdRepair  *repair = NULL;

  for (guint i = 0; i < segment->repairs->len; i++)
    if (((SdRepair *) g_ptr_array_index (segment->repairs, i))->kind == SD_REPAIR_SPLIT_BYLINE)
      repair = g_ptr_array_index (segment->repairs, i);
  g_assert_nonnull (repair);
  g_assert_cmpuint (repair->end - repair->start, ==, strlen ("冯刚"));
  g_assert_cmpint (memcmp (photo_page + repair->start, "冯刚", strlen ("冯刚")), ==, 0);
  g_assert_cmpstr (sd_repair_kind_to_string (repair->kind), ==, "split-byline");
}

/* ---- line ends and offsets ---------------------------------------------- */

typedef struct
{
  const char *path;
  const char *line_end;
} LineEndCase;

static const LineEndCase line_end_cases[] = {
  { "/segmenter/line-ends/crlf", "\r\n" },
  { "/segmenter/line-ends/cr", "\r" },
};

static char *
convert_line_ends (const char *text, const char *line_end)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv (line_end, lines);
}

static void
test_line_ends (gconstpointer data)
{
  const LineEndCase *test_case = data;
  const char        *pages[] = { markdown_page, plain_page, photo_page, continuation_page };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autofree char *converted = convert_line_ends (pages[p], test_case->line_end);
      g_autoptr (GPtrArray) want = split (pages[p]);
      g_autoptr (GPtrArray) got = split (converted);

      assert_spans_valid (converted, strlen (converted), got);
      g_assert_cmpuint (got->len, ==, want->len);
      for (guint i = 0; i < want->len; i++)
        {
          SdSegment       *a = g_ptr_array_index (want, i), *b = g_ptr_array_index (got, i);
          g_autofree char *body_a = sd_segment_dup_body (a);
          g_autofree char *body_b = sd_segment_dup_body (b);

          g_assert_cmpstr (a->headline, ==, b->headline);
          g_assert_cmpstr (a->subheadline, ==, b->subheadline);
          g_assert_cmpstr (a->reporter, ==, b->reporter);
          g_assert_cmpstr (a->byline, ==, b->byline);
          g_assert_cmpstr (body_a, ==, body_b);
          g_assert_cmpint (a->kind, ==, b->kind);
        }
    }
}

static void
test_offsets (void)
{
  const char *pages[] = { markdown_page, plain_page, photo_page, continuation_page };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr (GPtrArray) segments = split (pages[p]);

      g_assert_cmpuint (segments->len, >, 0);
      assert_spans_valid (pages[p], strlen (pages[p]), segments);
    }
}

/* ---- odd input ---------------------------------------------------------- */

static void
test_edge_empty (void)
{
  g_autoptr (GPtrArray) none = sd_segmenter_split (NULL, 0);
  g_autoptr (GPtrArray) empty = sd_segmenter_split ("", 0);
  g_autoptr (GPtrArray) blank = split (" \n\r\n\t\n\u3000\n");
  g_autoptr (GPtrArray) names = split ("张三 李四\n");

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_edge_bad_bytes (void)
{
  /* invalid UTF-8 and a NUL inside: no crash, spans stay in bounds */
  static const char page[] =
      "亥镇举办\xff\xfe文化节\n\n近日，亥镇\x00文化节开幕，吸引游客\xe4\xb8近万人。\n";
  gsize length = sizeof page - 1;
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, length);

  g_assert_cmpuint (segments->len, >=, 1);
  for (guint i = 0; i < segments->len; i++)
    {
      SdSegment       *segment = g_ptr_array_index (segments, i);
      g_autofree char *body = sd_segment_dup_body (segment);

      g_assert_cmpuint (segment->end, <=, length);
      g_assert_true (g_utf8_validate (body, -1, NULL));
      g_assert_true (segment->headline == NULL || g_utf8_validate (segment->headline, -1, NULL));
    }
}

static void
test_edge_unterminated (void)
{
  /* the page buffer is not NUL-terminated past @length */
  const char *page = "子区开展义诊活动\n\n近日，子区组织医生走进社区开展义诊。";
  gsize       length = strlen (page);
  g_autofree char *copy = g_memdup2 (page, length);
  g_autoptr (GPtrArray) segments = sd_segmenter_split (copy, length);

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpuint (((SdSegment *) g_ptr_array_index (segments, 0))->end, ==, length);
}

/* ---- scale -------------------------------------------------------------- */

/* A page of about a megabyte: it must come back in one piece and quickly
 * enough for `meson test`; no timing assert, the time is only reported. */
static void
test_linear (void)
{
  g_autoptr (GString) page = g_string_sized_new (1100000);
  g_autoptr (GPtrArray) segments = NULL;
  gint64 start;
  guint  n = 0;

  while (page->len < 1000000)
    {
      g_string_append_printf (page, "第%u号区域推进重点工程建设\n\n", n);
      g_string_append_printf (page,
                              "本报讯(记者 王%u)近日，第%u号区域召开推进会，部署第%u批重点工程，"
                              "计划投资%u亿元，涉及交通、水利、教育等领域。\n\n",
                              n % 10, n, n * 7 % 1000, n % 97 + 3);
      g_string_append_printf (
          page, "会议强调，要倒排工期、挂图作战，确保第%u批项目按期完工、早日见效。\n\n", n);
      if (n % 50 == 0) /* now and then a paragraph printed twice */
        g_string_append_printf (
            page, "会议强调，要倒排工期、挂图作战，确保第%u批项目按期完工、早日见效。\n\n", n);
      n++;
    }
  start = g_get_monotonic_time ();
  segments = sd_segmenter_split (page->str, page->len);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u stories in %.1f ms", page->len, segments->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (segments->len, ==, n);
  assert_spans_valid (page->str, page->len, segments);
}

/* One long story into which another story's paragraph was pasted a few
 * thousand times: every pasted copy is a fragment to weigh, in one host. */
static void
test_linear_pasted (void)
{
  g_autoptr (GString) page = g_string_sized_new (1100000);
  g_autoptr (GPtrArray) segments = NULL;
  const char *pasted = "绿道将串联沿河公园、湿地和历史街区，沿线设置驿站、观景平台和健身场地，"
                       "市民可以骑行或步行游览城市风光。";
  SdSegment  *host;
  gint64      start;
  guint       n = 0;

  g_string_append_printf (page,
                          "未市启动城市绿道建设\n\n本报讯(施雨)未市近日启动城市绿道建设工程，"
                          "计划三年内建成环城绿道八十公里。\n\n%s\n\n",
                          pasted);
  g_string_append (page, "申县开展食品安全专项检查\n\n");
  while (page->len < 1000000)
    {
      g_string_append_printf (page,
                              "第%u组执法人员检查了%u家经营单位的食品进货查验、餐具消毒和"
                              "从业人员健康证明等情况，督促整改问题%u个。\n\n",
                              n, n * 7 % 1000 + 3, n % 13 + 1);
      if (n % 2 == 0)
        g_string_append_printf (page, "%s\n\n", pasted);
      n++;
    }
  start = g_get_monotonic_time ();
  segments = sd_segmenter_split (page->str, page->len);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u stories in %.1f ms", page->len, segments->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (segments->len, ==, 2);
  host = find_story (segments, "申县开展食品安全专项检查");
  assert_body_lacks (host, "沿线设置驿站");
  g_assert_cmpuint (host->paragraphs->len, ==, n); /* its own, every one */
  assert_spans_valid (page->str, page->len, segments);
}

/* A megabyte of a few stories printed again and again with small changes:
 * most of the page repeats, which is what the repair finder works hardest
 * on. */
static void
test_linear_repeats (void)
{
  g_autoptr (GString) page = g_string_sized_new (1100000);
  g_autoptr (GPtrArray) segments = NULL;
  gint64 start;
  guint  n = 0;

  while (page->len < 1000000)
    {
      g_string_append_printf (page, "%s区推进老旧小区改造第%u期\n\n", n % 2 ? "东" : "西", n % 7);
      g_string_append_printf (
          page,
          "本报讯(记者 王%u)今年以来，%s区启动老旧小区改造项目，涉及雨污分流、道路修缮和停车位"
          "增设，惠及居民%u户。\n\n",
          n % 10, n % 2 ? "东" : "西", n % 13 * 100 + 300);
      g_string_append (page, "改造过程中，街道组织居民议事会，广泛听取意见建议，确保改造工程"
                             "顺民意、得民心。项目完工后，小区环境明显改善。\n\n");
      if (n % 3 == 0) /* text of another story pasted in */
        g_string_append (page, "绿道将串联沿河公园、湿地和历史街区，沿线设置驿站、观景平台和健身"
                               "场地，市民可以骑行或步行游览城市风光。\n\n");
      n++;
    }
  start = g_get_monotonic_time ();
  segments = sd_segmenter_split (page->str, page->len);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u stories in %.1f ms", page->len, segments->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (segments->len, ==, n);
  assert_spans_valid (page->str, page->len, segments);
}

/* One story with a long first paragraph and a great many photo credits:
 * each credit looks for the paragraph's lone sentence, which must not
 * cost a pass over the paragraph each time. */
static void
test_linear_credits (void)
{
  g_autoptr (GString) page = g_string_new ("某县推进重点工程建设\n\n");
  g_autoptr (GPtrArray) segments = NULL;
  gint64 start;

  for (guint i = 0; i < 2000; i++)
    g_string_append (page, "会议强调，要倒排工期、挂图作战，确保项目按期完工、早日见效");
  g_string_append (page, "。\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (page, "（张三供图）\n\n");
  start = g_get_monotonic_time ();
  segments = sd_segmenter_split (page->str, page->len);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u stories in %.1f ms", page->len, segments->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpuint (((SdSegment *) g_ptr_array_index (segments, 0))->captions->len, ==, 20000);
  assert_spans_valid (page->str, page->len, segments);
}

/* One story printing the same signed paragraph thousands of times: every
 * copy but the first is left out, and each copy's names must not look
 * through all the copies after it. */
static void
test_linear_tails (void)
{
  g_autoptr (GString) page = g_string_new ("某县推进重点工程建设\n\n");
  g_autoptr (GPtrArray) segments = NULL;
  SdSegment *segment;
  gint64     start;

  for (guint i = 0; i < 8000; i++)
    g_string_append (page, "会议强调，要倒排工期、挂图作战，确保第一批项目按期完工、早日见效，"
                           "推动全县经济社会高质量发展。张三 李四\n\n");
  start = g_get_monotonic_time ();
  segments = sd_segmenter_split (page->str, page->len);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, %u stories in %.1f ms", page->len, segments->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (segments->len, ==, 1);
  segment = g_ptr_array_index (segments, 0);
  g_assert_cmpuint (segment->paragraphs->len, ==, 1);
  g_assert_cmpstr (segment->byline, ==, "张三 李四");
  assert_spans_valid (page->str, page->len, segments);
}

/* ---- repair details ----------------------------------------------------- */

static gboolean
has_detail (SdSegment *segment, SdRepairKind kind, const char *detail)
{
  for (guint i = 0; i < segment->repairs->len; i++)
    {
      SdRepair *repair = g_ptr_array_index (segment->repairs, i);

      if (repair->kind == kind && g_strcmp0 (repair->detail, detail) == 0)
        return TRUE;
    }
  g_test_message ("no repair “%s”", detail);
  return FALSE;
}

/* Untranslated (the tests run in the C locale), the details are the
 * English messages. */
static void
test_repair_details (void)
{
  const char *duplicate_page =
      "午县举办职业技能大赛\n\n"
      "近日，午县第五届职业技能大赛开幕，来自全县各行业的三百余名选手同台竞技。\n\n"
      "大赛设置电工、焊工、育婴员等十二个项目，获奖选手将获得相应职业技能等级证书和奖金。\n\n"
      "大赛设置电工、焊工、育婴员等十二个项目，获奖选手将获得相应职业技能等级证书和奖金。\n\n"
      "县人社局表示，将以赛促学，助力高技能人才队伍建设。\n";
  const char *caption_page =
      "辰区建成社区养老服务综合体\n\n"
      "老人们在综合体内参加书法活动。\n\n"
      "近日，辰区首个社区养老服务综合体投入使用，为周边老人提供助餐、助浴、康复护理等服务。\n\n"
      "综合体面积三千平方米，设有日间照料中心、康复理疗室和老年食堂，可同时服务两百余名老人。"
      "下一步，辰区将在每个街道建设一个养老服务综合体，让老人在家门口安享晚年。这项工作已列入全区民"
      "生实事项目，由区民政局牵头推进，\n\n"
      "（辰区民政局供图）\n\n"
      "各街道配合实施。\n\n"
      "今年国庆假期，全县接待游客四十万人次，实现旅游收入";
  g_autoptr (GPtrArray) duplicate = split (duplicate_page);
  g_autoptr (GPtrArray) markdown = split (markdown_page);
  g_autoptr (GPtrArray) captioned = split (caption_page);
  g_autofree char *expected =
      g_strdup_printf ("repeats the paragraph at byte %" G_GSIZE_FORMAT,
                       (gsize) (strstr (duplicate_page, "大赛设置电工") - duplicate_page));
  SdSegment *segment = g_ptr_array_index (captioned, 0);

  g_assert_true (
      has_detail (g_ptr_array_index (duplicate, 0), SD_REPAIR_DROPPED_DUPLICATE, expected));
  g_assert_true (has_detail (find_story (markdown, "乙县推进农村道路提档升级"),
                             SD_REPAIR_SPLIT_BYLINE,
                             "names glued to the last sentence split off as the byline"));
  g_assert_true (
      has_detail (segment, SD_REPAIR_MOVED_CAPTION, "photo caption taken out of the body"));
  g_assert_true (
      has_detail (segment, SD_REPAIR_MOVED_CAPTION, "photo credit taken out of the body"));
  g_assert_true (has_detail (segment, SD_REPAIR_JOINED_BREAK,
                             "paragraph broken mid-sentence at a column end, joined again"));
  g_assert_true (has_detail (segment, SD_REPAIR_TRUNCATED,
                             "ends in mid-sentence: the rest is not on this page"));
}

static void
test_repair_details_fragment (void)
{
  const char *page =
      "未市启动城市绿道建设\n\n"
      "本报讯(施雨)未市近日启动城市绿道建设工程，计划三年内建成环城绿道八十公里。\n\n"
      "绿道将串联沿河公园、湿地和历史街区，沿线设置驿站、观景平台和健身场地，"
      "市民可以骑行或步行游览城市风光。\n\n"
      "申县开展食品安全专项检查\n\n"
      "本报讯(鲁阳)申县市场监管局近日对全县学校食堂、农贸市场开展食品安全专项检查，"
      "共检查经营单位一百二十家，督促整改问题三十余个。"
      "绿道将串联沿河公园、湿地和历史街区，沿线设置驿站、观景平台和健身场地，"
      "市民可以骑行或步行游览城市风光。\n\n"
      "检查中，执法人员重点查看了食品进货查验、餐具消毒和从业人员健康证明等情况。\n";
  g_autoptr (GPtrArray) segments = split (page);

  g_assert_true (has_detail (find_story (segments, "申县开展食品安全专项检查"),
                             SD_REPAIR_DROPPED_FRAGMENT,
                             "text of the story “未市启动城市绿道建设” pasted in"));
}

/* ---- character classes -------------------------------------------------- */

/* The segmenter's own character classes skip GLib's tables where they can;
 * they must still answer as GLib does. */
/* Half-width punctuation inside Chinese is set full width; numbers and
 * Latin text keep theirs. */
static void
test_text_widened (void)
{
  static const char *const cases[][2] = {
    { "日前,记者参加活动!", "日前，记者参加活动！" },
    { "无锡阳山:书写乡村振兴新“桃花源记”", "无锡阳山：书写乡村振兴新“桃花源记”" },
    { "中国(江苏)自由贸易试验区", "中国（江苏）自由贸易试验区" },
    { "城区区域, 2020年该区", "城区区域，2020年该区" },
    { "总数达1,000家,10:30开幕", "总数达1,000家，10:30开幕" },
    { "Hello, world (again)", "Hello, world (again)" },
    { "“好”,他说", "“好”，他说" },
    { "(中国(China)公司)", "（中国(China)公司）" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *widened = _sd_text_dup_widened (cases[i][0], -1);

      g_assert_cmpstr (widened, ==, cases[i][1]);
    }
}

static void
test_text_classes (void)
{
  for (gunichar c = 0; c < 0x10000; c++)
    {
      gboolean space = c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r')
                                : c == 0x3000 || c == 0x00A0 || c == 0xFEFF || c == 0x0085
                                      || (c >= 0x1680 && c < 0x3000 && g_unichar_isspace (c));

      g_assert_cmpint (_sd_text_is_space (c), ==, space);
      g_assert_cmpint (_sd_text_is_content (c), ==,
                       _sd_text_is_han (c)
                           || (c >= 0xFF10 && c <= 0xFF5A ? g_unichar_isalnum (c)
                                                          : c < 0x2000 && g_unichar_isalnum (c)));
    }
}

/* Each well-formed character survives; each byte of a malformed one
 * becomes '?'. */
static void
test_edge_utf8_forms (void)
{
  static const struct
  {
    const char *bytes;
    gboolean    valid;
  } forms[] = {
    { "\xe4\xb8\xad", TRUE },      /* 中 */
    { "\xc3\xa9", TRUE },          /* é */
    { "\xf0\x9f\x98\x80", TRUE },  /* U+1F600 */
    { "\xef\xbf\xbf", TRUE },      /* U+FFFF, a noncharacter but well formed */
    { "\xed\x9f\xbf", TRUE },      /* U+D7FF */
    { "\xe0\x80\xaf", FALSE },     /* overlong '/' */
    { "\xed\xa0\x80", FALSE },     /* a surrogate */
    { "\xf4\x90\x80\x80", FALSE }, /* past U+10FFFF */
    { "\xc0\xaf", FALSE },         /* overlong */
    { "\xe4\xb8", FALSE },         /* cut short */
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      /* the page reader's and the segmenter's check, against GLib's */
      g_assert_true (_sd_text_is_clean_utf8 (forms[i].bytes, strlen (forms[i].bytes))
                     == forms[i].valid);
      g_assert_true (g_utf8_validate_len (forms[i].bytes, strlen (forms[i].bytes), NULL)
                     == forms[i].valid);
    }
  g_assert_false (_sd_text_is_clean_utf8 ("ab\0cd", 5));
  g_assert_true (_sd_text_is_clean_utf8 ("", 0));

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *page = g_strconcat ("亥镇举办文化节\n\n近日，亥镇", forms[i].bytes,
                                           "文化节开幕，吸引游客近万人。\n", NULL);
      g_autoptr (GPtrArray) segments = split (page);
      g_autofree char *body = NULL;

      g_assert_cmpuint (segments->len, ==, 1);
      body = sd_segment_dup_body (g_ptr_array_index (segments, 0));
      g_assert_true (g_utf8_validate (body, -1, NULL));
      if (forms[i].valid)
        g_assert_nonnull (strstr (body, forms[i].bytes));
      /* a bad byte is a '?' in place, set full width inside Chinese */
      g_assert_true ((strchr (body, '?') == NULL && strstr (body, "？") == NULL) == forms[i].valid);
    }
}

/* ---- the real pages ----------------------------------------------------- */

static char *
dup_seeds_dir (void)
{
  const char *env = g_getenv ("SD_SEEDS_DIR");

  if (env != NULL)
    return g_strdup (env);
#ifdef SD_SEEDS_DIR
  return g_strdup (SD_SEEDS_DIR);
#else
  return g_test_build_filename (G_TEST_DIST, "..", "seeds", NULL);
#endif
}

static void
test_seeds (void)
{
  g_autofree char *dir_name = dup_seeds_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  guint       pages = 0;

  if (dir == NULL)
    {
      g_test_skip ("no seeds directory");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_name, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr (GPtrArray) segments = NULL;
      gsize length;
      guint titled = 0;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_autoptr (SdPage) page = NULL;
      g_autoptr (GPtrArray) from_page = NULL;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      segments = sd_segmenter_split (text, length);
      g_assert_cmpuint (segments->len, >=, 3);
      /* the importer's way, with the text checked once by the reader */
      page = sd_page_read_file (path, NULL);
      g_assert_nonnull (page);
      from_page = sd_segmenter_split_page (page);
      g_assert_cmpuint (from_page->len, ==, segments->len);
      for (guint i = 0; i < segments->len; i++)
        {
          g_autofree char *a = sd_segment_dup_body (g_ptr_array_index (segments, i));
          g_autofree char *b = sd_segment_dup_body (g_ptr_array_index (from_page, i));

          g_assert_cmpstr (a, ==, b);
        }
      assert_spans_valid (text, length, segments);
      for (guint i = 0; i < segments->len; i++)
        {
          SdSegment *segment = g_ptr_array_index (segments, i);

          titled += segment->headline != NULL;
          g_assert_cmpuint (segment->paragraphs->len, >, 0);
          for (guint k = 0; k < segment->paragraphs->len; k++)
            g_assert_null (strchr (g_ptr_array_index (segment->paragraphs, k), '\n'));
        }
      g_assert_cmpuint (titled, >=, segments->len - 1);
      pages++;
    }
  g_assert_cmpuint (pages, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segmenter/headline/markdown", test_headline_markdown);
  g_test_add_func ("/segmenter/headline/plain", test_headline_plain);
  g_test_add_func ("/segmenter/headline/bold", test_headline_bold);
  for (guint i = 0; i < G_N_ELEMENTS (header_cases); i++)
    g_test_add_data_func (header_cases[i].path, &header_cases[i], test_headline_header);
  g_test_add_func ("/segmenter/reporter/news-lead", test_reporter_news_lead);
  g_test_add_func ("/segmenter/reporter/line", test_reporter_line);
  g_test_add_func ("/segmenter/byline/glued", test_byline_glued);
  g_test_add_func ("/segmenter/byline/own-line", test_byline_own_line);
  g_test_add_func ("/segmenter/byline/credits-line", test_byline_credits_line);
  for (guint i = 0; i < G_N_ELEMENTS (byline_cases); i++)
    g_test_add_data_func (byline_cases[i].path, &byline_cases[i], test_byline_form);
  g_test_add_func ("/segmenter/names/trailing-list", test_names_trailing_list);
  g_test_add_func ("/segmenter/byline/reporter-line-closes", test_byline_reporter_line_closes);
  g_test_add_func ("/segmenter/byline/correspondents-sign", test_byline_correspondents_sign);
  for (guint i = 0; i < G_N_ELEMENTS (dateline_cases); i++)
    g_test_add_data_func (dateline_cases[i].path, &dateline_cases[i], test_dateline);
  g_test_add_func ("/segmenter/dateline/not-prose", test_dateline_not_prose);
  g_test_add_func ("/segmenter/cut-lead-line", test_cut_lead_line);
  g_test_add_func ("/segmenter/headline/not-credit", test_headline_not_credit);
  g_test_add_func ("/segmenter/headline/exclaims", test_headline_exclaims);
  g_test_add_func ("/segmenter/reporter/after-lead", test_reporter_after_lead);
  g_test_add_func ("/segmenter/kind/photo-after-story", test_photo_after_story);
  g_test_add_func ("/segmenter/caption/before-lead", test_caption_before_lead);
  g_test_add_func ("/segmenter/headline/cut-line", test_cut_line_not_title);
  g_test_add_func ("/segmenter/kind/photo-spread", test_photo_spread);
  g_test_add_func ("/segmenter/caption/under-headline", test_caption_under_headline);
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    g_test_add_data_func (kind_cases[i].path, &kind_cases[i], test_kind);
  g_test_add_func ("/segmenter/kind/continuation-marker", test_kind_continuation_marker);
  g_test_add_func ("/segmenter/kind/news", test_kind_news);
  g_test_add_func ("/segmenter/sections", test_sections);
  g_test_add_func ("/segmenter/sections/numbered", test_sections_numbered);
  g_test_add_func ("/segmenter/sections/cohesive", test_sections_cohesive);
  g_test_add_func ("/segmenter/sections/signed-parts", test_sections_signed_parts);
  g_test_add_func ("/segmenter/sections/at-the-ends", test_sections_at_the_ends);
  for (guint i = 0; i < G_N_ELEMENTS (credit_cases); i++)
    g_test_add_data_func (credit_cases[i].path, &credit_cases[i], test_photo_credit);
  g_test_add_func ("/segmenter/caption/in-story", test_caption_in_story);
  g_test_add_func ("/segmenter/repair/join", test_repair_join);
  g_test_add_func ("/segmenter/repair/duplicate", test_repair_duplicate);
  g_test_add_func ("/segmenter/repair/fragment", test_repair_fragment);
  g_test_add_func ("/segmenter/reporter/correspondent", test_reporter_with_correspondent);
  g_test_add_func ("/segmenter/caption/glued-credit", test_caption_glued_credit);
  g_test_add_func ("/segmenter/headline/not-broken-line", test_headline_not_broken_line);
  g_test_add_func ("/segmenter/headline/after-bold-sections", test_headline_after_bold_sections);
  g_test_add_func ("/segmenter/headline/broken-in-two", test_headline_broken_in_two);
  g_test_add_func ("/segmenter/sections/place-colon", test_sections_place_colon);
  g_test_add_func ("/segmenter/kind/photo-credit/office-glued", test_photo_credit_office_glued);
  g_test_add_func ("/segmenter/repair/fragment-mid-clause", test_repair_fragment_mid_clause);
  g_test_add_func ("/segmenter/repair/near-duplicate", test_repair_near_duplicate);
  g_test_add_func ("/segmenter/repair/twins", test_repair_twins);
  g_test_add_func ("/segmenter/repair/truncated", test_repair_truncated);
  g_test_add_func ("/segmenter/repair/recorded", test_repair_recorded);
  for (guint i = 0; i < G_N_ELEMENTS (line_end_cases); i++)
    g_test_add_data_func (line_end_cases[i].path, &line_end_cases[i], test_line_ends);
  g_test_add_func ("/segmenter/offsets", test_offsets);
  g_test_add_func ("/segmenter/edge/empty", test_edge_empty);
  g_test_add_func ("/segmenter/edge/bad-bytes", test_edge_bad_bytes);
  g_test_add_func ("/segmenter/edge/unterminated", test_edge_unterminated);
  g_test_add_func ("/segmenter/linear", test_linear);
  g_test_add_func ("/segmenter/boundary/title-after-news-item", test_title_after_news_item);
  g_test_add_func ("/segmenter/captions/over-dateline", test_caption_over_dateline);
  g_test_add_func ("/segmenter/linear/repeats", test_linear_repeats);
  g_test_add_func ("/segmenter/linear/pasted", test_linear_pasted);
  g_test_add_func ("/segmenter/linear/credits", test_linear_credits);
  g_test_add_func ("/segmenter/linear/tails", test_linear_tails);
  g_test_add_func ("/segmenter/kind/photo-spread-one-photographer", test_kind_photo_spread);
  g_test_add_func ("/segmenter/kind/photo-after-column-break", test_photo_after_column_break);
  g_test_add_func ("/segmenter/repair/details", test_repair_details);
  g_test_add_func ("/segmenter/repair/details-fragment", test_repair_details_fragment);
  g_test_add_func ("/segmenter/text/classes", test_text_classes);
  g_test_add_func ("/segmenter/text/widened", test_text_widened);
  g_test_add_func ("/segmenter/edge/utf8-forms", test_edge_utf8_forms);
  g_test_add_func ("/segmenter/seeds", test_seeds);

  return g_test_run ();
}
