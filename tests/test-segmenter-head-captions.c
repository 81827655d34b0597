/* test-segmenter-head-captions.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In lines of real pages: photo captions printed between a story's
 * header and its text (and a spread's numbered ones after it, and
 * credited ones closing it) are taken out of the body, and the dateline a
 * text opens with is left out of it, whatever the outlet.
 */
#include "config.h"

#include "sd-seg-test-util.h"

/* r94 (b24): "图为…" right under the headline, the text under it. */
static void
test_picture_mark (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("# 扬州将迎2500岁生日 书记称纪念日不办庆典活动\n\n"
                   "图为扬州新地标万福大桥。\n\n"
                   "“不忘本来才能开辟未来,善于继承才能更好创新。”今年是扬州建城2500周年,"
                   "9月29日,扬州城将迎来了她2500岁生日,扬州如何庆生?\n\n"
                   "扬州,是中国首批历史文化名城之一,也是一座通史式的城市。\n");
  SdSegment *story = sd_test_story_headed (segments, "扬州将迎2500岁生日 书记称纪念日不办庆典活动");

  g_assert_true (sd_test_body_has (story, "“不忘本来", NULL));
  sd_test_assert_one_caption (story, "图为扬州新地标");
}

/* r12 (b3): a caption with no full stop over its credit line. */
static void
test_caption_over_credit_line (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 300幅“文明城”公益广告扮靓贾汪街道\n\n"
      "在贾汪城区,这样的“文明城”公益广告墙画超过300幅\n\n"
      "通讯员供图\n\n"
      "近日,在徐州贾汪区的城区街道上,"
      "路边墙上一幅幅线条朴拙、颜色绚丽、画风充满童趣的文明宣传画引人注目。据悉,"
      "这些墙画的底本都是由贾汪城区新新小学小画鼠社团的孩子们创作的,孩子们以儿童的视角观察社会,"
      "创作了300余幅丰富的“文明城”公益广告作品。\n\n"
      "贾汪区在培养孩子们文明习惯养成的同时,还注重让孩子们主动参与文明创建。在新新小学,"
      "青年教师谢琳成立了以她的名字命名的工作室,并组建了小画鼠社团,结合文明创建主题教育内容,"
      "让孩子们通过画笔、音乐剧、周末快闪活动等多种形式,"
      "展示他们心中“中国梦”“美丽中国”“美好乡村”“文明城市建设”的图景。\n\n");
  SdSegment *story = sd_test_story_headed (segments, "300幅“文明城”公益广告扮靓贾汪街道");

  g_assert_true (sd_test_body_has (story, "近日", NULL));
}

/* r74 (b19, as Tesseract read it, its △ read as 人): a lone sentence
 * between the headline and a lead that opens with a date is a caption,
 * as one over a dateline is. */
static void
test_caption_over_dated_lead (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 盐城社区志愿者送关爱 26位空巢老人收到野问品\n\n"
      "人社区志愿者看望空巢老人。\n\n"
      "28日上午,城南新区黄海街道座鸣社区26位空和全、孤寡和贫困老人 "
      "收到了米、.油、牛奶等慰问品。\n\n"
      "王驳驳和老伴年过八旬,儿女们都不在身边。“年纪大了,家里就是我和老伴,有时感觉怪冷清的。"
      "感谢社区志愿者隔三差五上门看望，陪我们聊天。”\n");
  SdSegment *story = sd_test_story_headed (segments, "盐城社区志愿者送关爱 26位空巢老人收到野问品");

  g_assert_true (sd_test_body_has (story, "28日上午", NULL));
  sd_test_assert_one_caption (story, "人社区志愿者看望空巢老人。");
}

/* r109 (b28, as Tesseract read it): a spread's numbered captions printed
 * one under another over the last one's credit are all captions; the
 * text ends where they begin. */
static void
test_numbered_captions (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("# 戴南镇举行首届 “墨缘杯”学生棋类比赛\n\n"
                                                "近日,戴南镇举行首届“墨缘杯”学生棋类比赛。"
                                                "来自全镇的50多名青少年在工农路“墨缘教育”展开"
                                                "了一场激烈的角逐。镇党委副书记刘林来到比赛现场"
                                                "观看小选手们对奔。\n\n"
                                                "经过半天的激烈角逐,来自董北实验小学的朱恒宇"
                                                "荣获中国象棋A组冠军、顾子航荣获中国象棋B组冠"
                                                "军,来自戴南中心小学的翟子宕荣获围棋组冠军。\n\n"
                                                "图1 开赛。\n\n"
                                                "图2 观战。\n\n"
                                                "图3 对弈。\n\n"
                                                "图4 棋场。\n\n"
                                                "施伍钰摄\n");
  SdSegment *story = g_ptr_array_index (segments, 0);

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (story, "近日", "荣获围棋组冠军。"));
  g_assert_cmpuint (story->captions->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (story->captions, 0), ==, "图1 开赛。");
  g_assert_cmpstr (g_ptr_array_index (story->captions, 2), ==, "图3 对弈。");
}

/* r63 (b16): two captions, each with its credit, close the story: the
 * last is a caption as the first is, not the text's end. */
static void
test_credited_captions_at_end (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 打卡邳州网红“后花园”,一年接待游客达300万人次\n\n"
      "据了解,邳州银杏湖风景区有沙滩浴场、水上游乐园、授贤古渡、邳州沂河悬索玻璃桥等景点,"
      "还被誉为邳州城市“后花园”。\n\n"
      "邳州银杏湖玻璃栈桥全长300米,共6跨,每跨长50米,每一跨两端各15米菠萝格木,"
      "中间20米是钢化玻璃材料,比张家界峡谷的玻璃桥只短了75米。由于桥梁采用特殊的结构形式,"
      "人站在上面,桥下滑的最大幅度可达一米左右,成为江苏省少见的玻璃步道悬索桥。\n\n"
      "邳州银杏湖风景区秋季里盛开的花。 中国青年网记者耿立君 摄\n\n"
      "游客在邳州银杏湖风景区内“打卡”。 邳州市委宣传部供图\n");
  SdSegment *story = g_ptr_array_index (segments, 0);

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (story, "据了解", "玻璃步道悬索桥。"));
  g_assert_cmpuint (story->captions->len, ==, 2);
}

/* r27 (b7, wrapped): a photo item's numbered paragraphs, each with its
 * credit, one cut by a column break: the last stays its text. */
static void
test_credited_paragraphs_stay (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("众志成城,齐心抗疫\n"
                                                "　　①日前,新吴区旺庄街道春四社\n"
                                                "区15名退役军人组成抗疫志愿者服务\n"
                                                "队,奋战在物资运输、核酸检测、上\n"
                                                "门服务等志愿服务一线。图为志愿者\n"
                                                "将代购的生活用品送到居家隔离居民\n"
                                                "的家门口。(徐艺 摄)\n"
                                                "　　②近期,惠山区长安中心幼儿园\n"
                                                "教师利用休息时间,奔赴长乐、长宁、\n"
                                                "\n"
                                                "惠城等社区,为疫情防控工作贡献力\n"
                                                "量。图为老师在社区开展电话流调,\n"
                                                "确保排查到位,不漏一人。(陆丽霞\n"
                                                "摄)\n"
                                                "　　③在志愿者和医护人员共同努力\n"
                                                "下,2月22日,梁溪区黄巷街道惠山社\n"
                                                "区顺利完成了第二轮全员核酸检测工\n"
                                                "作,共检测居民3459人。图为检测现\n"
                                                "场。(海峰 摄)\n");
  SdSegment *story = sd_test_story_headed (segments, "众志成城，齐心抗疫");

  g_assert_true (sd_test_body_has (story, NULL, "图为检测现场。"));
}

/* r61 (b16): a first line cut at the column's edge under the headline
 * is the text's start, no caption. */
static void
test_short_lead_stays (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 爱心人士带28位老人畅游凤城河景区\n\n"
      "22日上午,海陵区红十字会、泰州爱心车队联合开展关爱老人活\n\n"
      "动,组织海陵区苏陈镇28位老人畅游凤城河景区。\n\n"
      "据悉,28位老人来自苏陈镇夏郑社区和夏棋社区。活动中,老人们游览了桃园、梅园、望海楼等景点,"
      "并乘坐画舫一览城河风光。一路上,老人们欢声笑语不断。\n");
  SdSegment *story = g_ptr_array_index (segments, 0);

  g_assert_true (sd_test_body_has (story, "22日上午", NULL));
  g_assert_cmpuint (story->captions->len, ==, 0);
}

/* r67 (b17): a wire's dateline with no agency, its reporters after it. */
static void
test_place_wire_dateline (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 品“夜宵顶流” :江苏盱眙万人龙虾宴火热开席\n\n"
      "南京6月14日电(田敏 周莹)13日晚,第二十四届盱眙龙虾节万人龙虾宴在江苏盱眙火热开席。\n\n"
      "来自南京的刘颖是盱眙龙虾的忠实爱好者,每年都会赶来参加盱眙龙虾节,"
      "她最期待的是同万名“虾迷”围桌而坐,吃龙虾、看演出,\n");

  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "13日晚", NULL));
}

/* r91 (b23): a wire's dateline glued to a text citing its source. */
static void
test_wire_before_source (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("# 上海侨办官员考察连云港东海县 调研水晶产业\n\n"
                   "中新网连云港5月9日电据连云港侨办消息,近日,上海市侨办刘建平副主任一行4人在连云港"
                   "市侨办刘娟主任的陪同下来到东海县考察水晶产业发展情况。\n\n"
                   "在中国水晶城,刘建平一行听取了水晶产业发展情况介绍。\n");

  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "据连云港侨办消息", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-head-captions/picture-mark", test_picture_mark);
  g_test_add_func ("/segmenter-head-captions/over-credit-line", test_caption_over_credit_line);
  g_test_add_func ("/segmenter-head-captions/over-dated-lead", test_caption_over_dated_lead);
  g_test_add_func ("/segmenter-head-captions/numbered", test_numbered_captions);
  g_test_add_func ("/segmenter-head-captions/credited-at-end", test_credited_captions_at_end);
  g_test_add_func ("/segmenter-head-captions/credited-paragraphs-stay",
                   test_credited_paragraphs_stay);
  g_test_add_func ("/segmenter-head-captions/short-lead-stays", test_short_lead_stays);
  g_test_add_func ("/segmenter-head-captions/place-wire", test_place_wire_dateline);
  g_test_add_func ("/segmenter-head-captions/wire-before-source", test_wire_before_source);
  return g_test_run ();
}
