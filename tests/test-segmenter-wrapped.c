/* test-segmenter-wrapped.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pages hard-wrapped at a column's width, from the real pages: the
 * less common forms of titles, captions, credits and leads (those of
 * test-segmenter-forms.c) as narrow column lines print them.
 */
#include "config.h"

#include "sd-seg-test-util.h"

/* A hard-wrapped page (real text, r38): a sentence ends at the column's
 * edge and an unindented line of one sentence over a credit line follows:
 * that is a photo's caption, not the paragraph going on. */
static void
test_wrapped_caption_over_credit (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("潦里舍与得\n"
                                                "——探寻太湖渔村生计与生态的共生密码\n"
                                                "　　沿着湖滨大道,一路向吴中区东山\n"
                                                "镇潦里村驶去,沿途残荷摇曳、芦花纷\n"
                                                "飞,连绵不绝。\n"
                                                "　　冬风掠过粼粼湖面,卷起连片的芦\n"
                                                "花,显露出几名弯腰站在芦苇荡里劳作\n"
                                                "的村民身影。他们身旁,刚收割的芦苇\n"
                                                "堆成了小山。\n"
                                                "　　冬收芦苇夏采荷,这在过去的几年\n"
                                                "里,成了潦里村不少村民的“四季歌”。\n"
                                                "潦里村的鱼塘变荷塘。\n"
                                                "潦里村供图\n"
                                                "　　季节变换、时光流转,曾经的太湖\n"
                                                "渔村,也从当年苏州响当当的水产基地,\n"
                                                "转而因荷花飞鸟再度声名鹊起。\n");
  SdSegment *story = sd_test_only_story (segments, "潦里舍与得", "沿着湖滨大道", NULL);
  g_autofree char *body = sd_segment_dup_body (story);

  g_assert_null (strstr (body, "鱼塘变荷塘"));
  sd_test_assert_one_caption (story, "潦里村的鱼塘变荷塘。");
}

/* A hard-wrapped page (real text, r55): under a 本报讯 item whose last
 * sentence ends at the column's edge, a title that exclaims, as wide as
 * the column, heads the next story over its indented paragraph. */
static void
test_wrapped_title_exclaims (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("淮安洪泽区:创建让家园更美好\n"
                                                "　　本报讯在全国文明城市创建中,越来越多的\n"
                                                "洪泽市民感受到生活环境的巨大变化、生活质量\n"
                                                "的不断提升。\n"
                                                "　　兴隆巷是洪泽老城区一条不足100米长的老\n"
                                                "街道,道路两侧共有50余家商铺,以前沿街房屋墙\n"
                                                "面破损严重,道路坑坑洼洼;建设路是新城区一条\n"
                                                "250米长的街道,原道路两侧围墙破损,路面也损\n"
                                                "毁严重。为做好这两条背街小巷整治工作,洪泽\n"
                                                "区建立区创建办——街道——片区——社区四级\n"
                                                "责任体系,推行“门前五包”责任制。整治后的\n"
                                                "背街小巷路面硬化,环境整洁,车辆停放有序,违\n"
                                                "章停车、占道经营不见了,道路两侧漂亮的宣传\n"
                                                "画喷图、社会主义核心价值观宣传板随处可见。\n"
                                                "淮安这一村,从村落到桃花源:小别墅引来的大商机!\n"
                                                "　　北濒老三河,南依入江道,淮金线穿村而过。\n"
                                                "从高空俯瞰,淮安市金湖县董河村可谓道路四通\n"
                                                "八达,水网纵横交错。坐拥“地利”,董河村百姓\n"
                                                "近十几年来“天时”、享“人和”,演绎出一幕\n"
                                                "幕振兴大戏。\n");

  SdSegment *cleaner, *village;

  g_assert_cmpuint (segments->len, ==, 2);
  /* the title under the last line of the story above opens its own */
  cleaner = sd_test_story_headed (segments, "淮安洪泽区：创建让家园更美好");
  village = sd_test_story_headed (segments, "淮安这一村，从村落到桃花源：小别墅引来的大商机！");
  g_assert_true (sd_test_body_has (cleaner, NULL, "宣传板随处可见。"));
  g_assert_true (sd_test_body_has (village, "北濒老三河", NULL));
}

/* A hard-wrapped page (real text, r23): a sentence ends at the column's
 * edge, and a 引题 as wide as the column and a shorter title follow over
 * a dateline lead: a header of two lines, not the paragraph going on. */
static void
test_wrapped_two_line_title (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("触摸70年发展印记\n"
                                                "　　1951年,指南村围出胜利圩,新增良田\n"
                                                "300余亩;1956年,整治西夹江,新增耕地面\n"
                                                "积100余亩,新增桑田100余亩;1959年,围\n"
                                                "垦花鱼套,新增高地50余亩。经过一番改\n"
                                                "造建设,指南村成为当时耕地最多的村。\n"
                                                "为完成水系配套,指南村南开大寨河,建造\n"
                                                "大寨河电站;中修中心河,连接花鱼套,建\n"
                                                "指南电站。三条内港通过各自的电站与长\n"
                                                "江连接,旱时进水,涝时排水,旱涝都不怕。\n"
                                                "2017年句容天王金秋丰收节隆重开幕\n"
                                                "有机园里生态美 稻田上演丰收节\n"
                                                "　　金山网讯“水满田畴稻叶齐,日光穿\n"
                                                "树晓烟低”。秋风飒爽,稻穗飘香,10月,\n"
                                                "正是丰收好时节。今天(10月15日)上午,2\n"
                                                "017句容天王金秋丰收节在天王镇戴庄村\n"
                                                "那田山水生态园内隆重开幕。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), NULL, "旱涝都不怕。"));
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, "有机园里生态美 稻田上演丰收节"),
                                   "“水满田畴", NULL));
}

/* A hard-wrapped page (real text, r45): an agency's dateline and its
 * reporter line run on over column lines however they read (a title the
 * dateline restates; a name cut in two, 葛 / 勇). */
static void
test_wrapped_wire_lead (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("鱼米之乡的乡村振兴路:江苏现代化田园打造进行时\n"
                                                "中新社苏州5月27日电 题:鱼米之\n"
                                                "乡的乡村振兴路:江苏现代化田园\n"
                                                "打造进行时\n"
                                                "中新社记者 周兆军 申冉 李梦 葛\n"
                                                "勇\n"
                                                "　　稻花香里听蛙鸣、小桥流水人\n"
                                                "家……在鱼米之乡的江苏,现代化\n"
                                                "的田园水乡正逐渐成形。近日,中\n"
                                                "新社记者探访江苏苏南多处村庄,\n"
                                                "感受新型农村集体经济在这里的蓬\n"
                                                "勃成长。\n"
                                                "　　“稻田已经10多年不打农药、\n"
                                                "不施化肥了。”镇江句容市天王镇\n"
                                                "戴庄有机农业专业合作社研究员赵\n"
                                                "亚夫与当地村民一起,探索出了一\n"
                                                "条生态循环种养模式。\n");

  sd_test_only_story (segments, "鱼米之乡的乡村振兴路：江苏现代化田园打造进行时", "稻花香里",
                      "周兆军 申冉 李梦 葛勇");
}

/* A hard-wrapped page (real text, r61): under the headline, a caption set
 * in the column over its credit line runs on over its lines, however many
 * sentences it holds; its first line is no title. */
static void
test_wrapped_caption_under_title (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("江苏姜堰龙卷风 村民飞出数米远\n"
                                                "8月9日17时15分左右,一场龙卷风\n"
                                                "袭击了江苏姜堰市蒋垛镇的界河、\n"
                                                "兴港、蒋垛等8个村,造成了三百多\n"
                                                "间房屋损毁,四百多头牲畜死亡,一\n"
                                                "百多户农户受灾,所幸未造成重大\n"
                                                "人员伤亡。图为8月10日,村民在被\n"
                                                "龙卷风掀翻的房屋周围查看受损情\n"
                                                "况。\n"
                                                "中新社发 周胜涛 摄\n"
                                                "　　中新社泰州8月10日电 题:江\n"
                                                "苏姜堰龙卷风 村民飞出数米远 作\n"
                                                "者 周胜涛 张宏兵 申春华“昨天\n"
                                                "起风时,我出来关猪舍门,没想到风\n"
                                                "有这么大,刚一出门时,龙卷风就把\n"
                                                "我吹到了五六米外的井边,滑动中\n"
                                                "我抱住了井沿。”10日,在遭受龙\n"
                                                "卷风袭击严重的江苏姜堰市界河村,\n"
                                                "村民钱艺开心有余悸地对记者说。\n"
                                                "　　受台风“海葵”影响,9日下午,\n"
                                                "江苏多地遭到龙卷风的袭击。姜堰\n"
                                                "市蒋垛镇政府10日公布,该镇的界\n"
                                                "河、兴港、蒋垛等8个村是受龙卷\n"
                                                "风袭击受灾最严重的村。\n"
                                                "　　记者来到受灾最严重的界河村,\n"
                                                "看到很多房屋的残垣断壁。\n");

  sd_test_assert_one_caption (
      sd_test_only_story (segments, "江苏姜堰龙卷风 村民飞出数米远", "“昨天", NULL), "8月9日");
}

/* A hard-wrapped page (real text, r76): a county paper's column of briefs,
 * each item opened by ◆ and closed by its own credit, printed with no title
 * under a one-paragraph item: the column is one story of its own, not the
 * end of the item above. */
static void
test_wrapped_briefs_column (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("航拍江苏兴化千垛花田:垛田青青翠欲滴\n"
                                                "　　人民网泰州4月10日电(耿志\n"
                                                "超)泰州兴化的油菜花,以千岛样\n"
                                                "式形成的垛田景观享誉全国。传\n"
                                                "说垛田是当年泰州知州岳飞大战\n"
                                                "金兵摆设的八卦阵,每当清明前\n"
                                                "后,油菜花开,蓝天、碧水、“金\n"
                                                "岛”织就了“河有万湾多碧水,\n"
                                                "田无一垛不黄花”的奇丽画卷,\n"
                                                "吸引了众多海内外游客前来观光。\n"
                                                "　　◆27日上午,市城建局领导\n"
                                                "班子成员集中察看由该局承担的\n"
                                                "城建“双十”工程项目建设现场,\n"
                                                "了解项目建设进展情况。据了解,\n"
                                                "今年该局共承担19项工程建设任\n"
                                                "务,其中,十大重点项目4项,已开\n"
                                                "工3项,即蝶园路南延工程、盂城\n"
                                                "驿二期工程、屏淮南路南延工程;\n"
                                                "十类重点工程15项,分为19个子\n"
                                                "项目,已开工9个,进入招投标程\n"
                                                "序5个,已完成项目包装资料5个。\n"
                                                "夏慧\n"
                                                "　　◆27日下午,高邮姓氏文化\n"
                                                "研究会在三垛镇文化中心召开姜\n"
                                                "氏家族文化座谈会。据文史资料\n"
                                                "记载,三垛姜姓是明初从苏州阊\n"
                                                "门迁徙而来,是三垛“姜俞卞陆”\n"
                                                "四大家族中的首姓,培养出辛亥\n"
                                                "革命英雄姜国生、著名外交家姜\n"
                                                "恩柱等杰出人才。 王庆山 姜长\n"
                                                "荣\n"
                                                "　　◆近日从扬州社区医生高血\n"
                                                "压防治知识小品比赛上传来捷报,\n"
                                                "我市参赛小品《都是血压惹的祸》\n"
                                                "荣获二等奖。 徐凤勇 夏慧\n"
                                                "江苏如皋长寿现象引起国际关注\n"
                                                "　　3月8日至11日,受中央老龄\n"
                                                "工作委员会委托,中央电视台\n");
  SdSegment *photo, *briefs = NULL;

  g_assert_cmpuint (segments->len, ==, 3);
  photo = sd_test_story_headed (segments, "航拍江苏兴化千垛花田：垛田青青翠欲滴");
  g_assert_true (sd_test_body_has (photo, NULL, "吸引了众多海内外游客前来观光。"));
  for (guint k = 0; k < segments->len; k++)
    if (((SdSegment *) g_ptr_array_index (segments, k))->headline == NULL)
      briefs = g_ptr_array_index (segments, k);
  g_assert_nonnull (briefs);
  g_assert_true (sd_test_body_has (briefs, "◆27日上午", "荣获二等奖。"));
  sd_test_story_headed (segments, "江苏如皋长寿现象引起国际关注");
}

/* @page cuts into two stories: the text above, ending in @above_end, and
 * a story under @headline whose text opens with @prefix. */
static void
assert_second_story (const char *page,
                     const char *headline,
                     const char *prefix,
                     const char *above_end)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (page);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, headline), prefix, NULL));
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), NULL, above_end));
}

/* A hard-wrapped page (real text, r57): a title short of the column's
 * edge under a paragraph's last line, over an indented paragraph that
 * opens with an exclamation in quotes.  In a column only a paragraph's
 * first line is indented, so the title ends a block of its own: it is no
 * line of prose cut short ("“咚咚锵!" goes on no sentence). */
static void
test_wrapped_title_over_quote (void)
{
  assert_second_story ("头垃圾、路边杂物乱堆乱放和停放僵尸车等。观\n"
                       "察员逐一做记录,及时反馈给相关责任人,要求予\n"
                       "以整改。巡访团建议相关部门和单位,要抓紧时\n"
                       "间认真对照创文标准要求,补短板,强弱项。群众\n"
                       "要参与文明条例和法律法规宣传、市民公约遵守、\n"
                       "城市形象维护、整体素质提升等活动。大家要以\n"
                       "创建全国文明城市为主线,提升群众幸福指数,融\n"
                       "入主题活动实践,以优异成绩向新中国成立71周\n"
                       "年献礼。\n"
                       "大中街道新德社区解民忧获赠锦旗\n"
                       "　　“咚咚锵!咚咚锵!”一阵欢快的锣鼓声划破\n"
                       "了社区的宁静,“真是太感谢你们了!这下解决了\n"
                       "我们停车难、充电难问题了!”8月19日一大早,\n"
                       "名校嘉园小区居民代表捧着一面鲜红的锦旗走进\n"
                       "了大丰区大中街道新德社区办公室。锦旗上“心\n"
                       "系居民办实事情暖社区显担当”十四个金字熠熠\n"
                       "生辉。据了解,名校嘉园小区无空余地方安装电\n"
                       "动车充电棚,小区居民存在电动车上楼充电、私\n",
                       "大中街道新德社区解民忧获赠锦旗", "“咚咚锵！", "年献礼。");
}

/* A hard-wrapped page (real text, r15): a title as wide as the column
 * that ends in 为 (作为), as a line of prose cut at the edge may, between
 * a paragraph's last sentence and an indented paragraph: a title. */
static void
test_wrapped_title_ends_like_prose (void)
{
  assert_second_story ("村老家,当上了新型职业农民。\n"
                       "　　这是她第三次回归。她是在了解到“第\n"
                       "二轮土地承包到期后再延长30年”政策后做\n"
                       "的决定。她接下父母从村上流转来的150亩\n"
                       "地,又从20多户人家那里流转过来75亩。\n"
                       "　　肖丽第一次辞职回家是在10年前。那次\n"
                       "是因为母亲病重。她一边照料母亲,一边跟\n"
                       "父亲学做农活。后来,母亲病情稳定了,她就\n"
                       "回城重新找了工作。\n"
                       "太湖街道:锚定奋进坐标 展现首善作为\n"
                       "　　在一百余年前的太湖街道所在地,无锡\n"
                       "工商先驱周舜卿来此建镇设厂,开启一代代\n"
                       "锡商接力逐鹿的“苏南模式”新篇。紧随前\n"
                       "人脚步,锚定2035年远景目标,近年来,太湖\n"
                       "街道紧紧围绕“四区”建设目标和“科产城\n"
                       "人融合发展示范区、太湖湾科创带建设引领\n"
                       "区、新发展理念全域实践区”要求,立足经\n",
                       "太湖街道：锚定奋进坐标 展现首善作为", "在一百余年前的太湖街道所在地",
                       "回城重新找了工作。");
}

/* Each test, by its path. */
static const struct
{
  const char *path;
  GTestFunc   func;
} wrapped_tests[] = {
  { "/segmenter-wrapped/caption-over-credit", test_wrapped_caption_over_credit },
  { "/segmenter-wrapped/title-exclaims", test_wrapped_title_exclaims },
  { "/segmenter-wrapped/two-line-title", test_wrapped_two_line_title },
  { "/segmenter-wrapped/wire-lead", test_wrapped_wire_lead },
  { "/segmenter-wrapped/caption-under-title", test_wrapped_caption_under_title },
  { "/segmenter-wrapped/briefs-column", test_wrapped_briefs_column },
  { "/segmenter-wrapped/title-over-quote", test_wrapped_title_over_quote },
  { "/segmenter-wrapped/title-ends-like-prose", test_wrapped_title_ends_like_prose },
};

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (wrapped_tests); i++)
    g_test_add_func (wrapped_tests[i].path, wrapped_tests[i].func);
  return g_test_run ();
}
