/* test-segmenter-ocr.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small made-up pages in the forms OCR engines give (Tesseract's reading
 * order of a page in columns, its misreads), one kind of trouble each.
 */
#include "config.h"

#include <string.h>

#include "sd-segmenter.h"

static void
assert_body_starts (SdSegment *segment, const char *prefix)
{
  g_autofree char *body = sd_segment_dup_body (segment);

  if (!g_str_has_prefix (body, prefix))
    g_error ("body “%.60s…” does not start with “%s”", body, prefix);
}

/* A story above, signed, so that the page's first story is not the one
 * under test. */
#define SIGNED_STORY                                                                               \
  "寅县举办农民丰收节\n\n"                                                                \
  "本报讯9月23日,寅县农民丰收节在卯镇开幕,来自全县\n"                         \
  "各镇的农民代表带来了当地的特色农产品,现场展销、\n"                       \
  "直播带货,吸引了大批市民前来选购,热闹非凡。\n\n"                             \
  "丰收节期间,全县还将举办农民运动会、农耕文化展等\n"                       \
  "十多项活动,让农民群众共享丰收喜悦。(甲乙 丙丁)\n\n"

/* One story of a small page, as it should come out. */
typedef struct
{
  const char *path;
  const char *page;
  guint       stories; /* on the page */
  guint       story;   /* the one under test */
  const char *headline;
  const char *body_start;
  const char *reporter;    /* (nullable) */
  const char *subheadline; /* (nullable) a prefix of it */
  int         kind;        /* an SdStoryKind, or -1 for any */
  gboolean    any_byline;  /* else there must be none */
  const char *body_end;    /* (nullable) */
  const char *byline;      /* (nullable) a part of it */
} OcrCase;

static const OcrCase ocr_cases[] = {
  /* Tesseract reads a headline set across columns after the first lines
   * beside it: the title breaks a sentence of its own story, which goes
   * on under it; here in a 本报讯 story */
  { "/segmenter-ocr/late-headline/news-lead",
    SIGNED_STORY "本报讯(记者 戊己)3月5日,全省微电影大赛颁奖典\n\n"
                 "全省微电影大赛在寅县颁奖\n\n"
                 "礼在寅县文化馆举行。\n\n"
                 "本届大赛由寅县县委宣传部、省电影评论学会微电影\n"
                 "研究会共同主办。大赛自去年9月21日启动以来,受到\n"
                 "社会各界广泛关注,经过4个月的征集,共收到1200多\n"
                 "部参赛作品,其中不少出自基层文艺工作者之手。\n",
    2, 1, "全省微电影大赛在寅县颁奖", "3月5日，全省微电影大赛颁奖典礼在寅县文化馆举行。", "戊己",
    NULL, -1 },
  /* in a story a reporter line opens at the top of the page, with the
   * second reporter's name read between: the names sign nothing */
  { "/segmenter-ocr/late-headline/after-reporter",
    "融媒体记者 戊己\n"
    "近日,记者来到寅县卯镇沿河村,只见一片片农田里,\n"
    "农民正弯腰忙碌。又是一年丰收季,拥有适合蔬菜\n"
    "生长土质的沿河村,正将优质食材销往全国各地,\n\n"
    "庚辛\n\n"
    "沿河村 把优质食材销往全国\n\n"
    "为人们的餐桌奉上绿色美味。\n"
    "当天上午,68岁的村民盛某正在瓜田里劳作,瓜架\n"
    "上挂满瓜蒌,一只只瓜蒌吊在藤上。盛某身体硬朗、\n"
    "手脚麻利,被雇来收瓜,一天能挣一百多元钱。\n\n" SIGNED_STORY,
    2, 0, "沿河村 把优质食材销往全国", "近日，记者来到寅县卯镇沿河村", "戊己", NULL, -1 },
  /* a 引题 too long for a title's shape above it, its dash read as "-一"
   * and wrapped over two lines */
  { "/segmenter-ocr/late-headline/long-kicker",
    "卯镇加快构建“一核三区”发展轴,上半年实现工业销售87.36亿元,同比增长20.\n"
    "1%-一\n"
    "激活发展原动力 打造优势产业链\n"
    "上周,记者从寅县发改委了解到,1至6月,卯镇\n"
    "工业销售额87.36亿元,同比增长20.1%;规模\n"
    "以上企业销售额55.73亿元,同比增长16.99%\n"
    "。新增规模企业15家,总数达129家,比去年同\n"
    "期多出十多家,增速位居全县各镇前列,势头良\n"
    "好。卯镇工业开票销售,2015年为40.5亿元,\n"
    "到2021年达143.81亿元,六年翻了3.5倍。\n",
    1, 0, "激活发展原动力 打造优势产业链", "上周，记者从寅县发改委了解到", NULL, "卯镇加快构建",
    -1 },
  /* in a story with a headline of its own: the title's story begins at
   * the paragraph above that uses its words, not at the nearest one */
  { "/segmenter-ocr/late-headline/own-lead-above",
    "寅县举办农民丰收节\n\n"
    "本报讯9月23日,寅县农民丰收节在卯镇开幕,来自全县\n"
    "各镇的农民代表带来了当地的特色农产品,现场展销、\n"
    "直播带货,吸引了大批市民前来选购,热闹非凡。\n\n"
    "丰收节期间,全县还将举办农民运动会、农耕文化展等\n"
    "十多项活动,让农民群众共享丰收喜悦,默默工作。\n\n"
    "连日来,卯镇组织河长办、维护办就样板河推进和环境\n"
    "维护、河道保洁工作下村督查,实时将督查情况发布至\n"
    "卯镇河长制工作微信群。\n\n"
    "今年以来,卯镇将河长制样板工程与森林小镇创建工作\n\n"
    "卯镇逐村建样板河\n\n"
    "相结合,在完成县里下发的河长制样板河道基础上自加\n"
    "压力,实施“一村一样板河”工程,全镇13个村对各村\n"
    "示范河道两侧堤岸进行修整。\n",
    2, 1, "卯镇逐村建样板河", "连日来，卯镇组织河长办", NULL, NULL, -1 },
  /* a headline broken over two lines, its second read at the top of the
   * next column: the words of the story's lead */
  { "/segmenter-ocr/late-headline/second-line",
    SIGNED_STORY "县领导赴卯镇 调研\n\n"
                 "本报讯(记者 戊己)5月24日上午,副县长带领县相关部门负\n"
                 "责同志,赴卯镇调研外资外贸企业。\n\n"
                 "调研组一行先后来到眼镜小镇、卯镇港、卯镇东站货场等项\n"
                 "目现场。其中,眼镜小镇项目占地约1700亩,以眼镜产业为\n"
                 "支撑,涵盖酒店、总部大厦、科技会馆等九大业态,正在加速\n"
                 "推进外资到位;卯镇港项目总用地面积约273亩,计划总投资\n"
                 "4.5亿元,重点打造铁水联运泊位、铁路专用线和集装箱铁路\n\n"
                 "外资外贸企业\n\n"
                 "堆场区、港池等区域,项目达产后,有望降低内河水运单箱运\n"
                 "输成本,创造就业岗位500个,铁路、公路、水路运输实现无\n"
                 "缝衔接。\n",
    2, 1, "县领导赴卯镇 调研外资外贸企业", "5月24日上午", "戊己", NULL, -1 },
  /* a headline set across two columns is read in halves, the second
   * over the second column: between the first column's last line, cut at
   * its edge, and the rest of that sentence */
  { "/segmenter-ocr/headline-half/second-column",
    SIGNED_STORY "卯镇沿河村:一条乡村道路的\n\n"
                 "“这条路已严重影响了周边居民出行。”7月底,卯镇沿河村“有事\n"
                 "好商量”协商议事室里,一场关于道路维修的协商会正在进行。\n\n"
                 "位于沿河村辖区内的九圩港河路与九圩港河平行,全长约两公里,\n"
                 "是周边企业和居民出行的必经之路。由于年久失修,路面坑洼不\n"
                 "平,雨天积水严重。为此,沿河村党委书记邀请政协委员、挂钩领\n\n"
                 "共治密码\n\n"
                 "导、首席服务员、居民代表、企业代表等一起到九圩港河路现场,\n"
                 "现场进行商前调研,听取各方意见,商定维修方案。\n",
    2, 1, "卯镇沿河村：一条乡村道路的共治密码", "“这条路已严重影响了周边居民出行。”", NULL, NULL,
    -1 },
  /* a titled photo item whose dated caption is all its text above the
   * rest, cut by columns, with the credit at its end: one story, the
   * caption opening its text */
  { "/segmenter-ocr/photo/titled-caption-first",
    "卯镇村民告诉记者,河道整治得到了村民普遍支持。在整治河\n"
    "岸时,我们把乱种植和一些杂树都清理掉了。村民们说,我们沿\n"
    "岸放置了垃圾桶,由河道保洁员收运垃圾,老百姓已经基本养成\n"
    "了垃圾入桶的习惯,实现“以河养河”。\n"
    "\n"
    "寅县:“鱼米之乡”忙秋收\n"
    "\n"
    "10月20日,一名农民驾驶收割机在寅县卯镇田间收割水稻。\n"
    "\n"
    "近日,素有“鱼米之乡”之称的寅县抢抓好天气加紧收割。当\n"
    "\n"
    "地农机、供电等部门随时待命,确保服务及时通畅,保证秋收生\n"
    "产顺利进行,颗粒归仓。\n"
    "\n"
    "寅县50.5万亩水稻陆续开镰,当地农民抓住晴好天气抢收抢种\n"
    "\n"
    "新华社发(甲乙 摄)\n"
    "\n"
    "卯镇秋收过后忙环境\n"
    "\n"
    "本报讯 连日来,卯镇组织人力、机械,突击清理秸秆,全镇没有\n"
    "发生一处火点。为巩固农村环境长效管理成果,卯镇还组织了\n"
    "专门队伍,对全镇道路、河道进行了全面清理,确保道路宽敞明\n"
    "亮,河道水清岸绿。\n",
    3, 1, "寅县：“鱼米之乡”忙秋收", "10月20日，一名农民驾驶收割机", NULL, NULL, -1, TRUE },
  /* OCR sets its blocks apart with blank lines: a line at the column's
   * edge in a block under a title is prose cut there, no title */
  { "/segmenter-ocr/title/edge-line-in-block",
    "寅县举办农民丰收节\n"
    "\n"
    "本报讯9月23日,寅县农民丰收节在卯镇开幕,来自全县各镇\n"
    "的农民代表带来了当地的特色农产品,现场展销、直播带货。\n"
    "\n"
    "丰收节期间,全县还将举办农民运动会、农耕文化展等十多\n"
    "项活动,让农民群众共享丰收喜悦。(甲乙 丙丁)\n"
    "\n"
    "卯镇农民的第三次回归\n"
    "肖某今年35岁,原先在县城开发区里的一家生产高档女\n"
    "\n"
    "装的厂里上班,工作得心应手,每月工资近6000元。今\n"
    "年3月,她回到卯镇老家,当上了新型职业农民,种起了\n"
    "150亩地,又从20多户人家那里流转过来75亩。\n"
    "\n"
    "这是她第三次回归。她是在了解到土地承包到期后再延长\n"
    "30年的政策后做的决定,家里人都很支持她回乡创业。\n",
    2, 1, "卯镇农民的第三次回归", "肖某今年35岁", NULL, NULL, -1, FALSE },
  /* OCR misreads "▶上接1版" ("《上搂1版)"): still the mark of a continued
   * story, no title of another */
  { "/segmenter-ocr/continuation/misread-mark",
    "寅县举办农民丰收节\n\n"
    "本报讯9月23日,寅县农民丰收节在卯镇开幕,来自全县各镇的农民代表带来了当地的特色农产品。"
    "(甲乙)\n\n"
    "《上搂1版)推动了企业发展和螃蟹养殖、拆蟹等相关领域农户增收。"
    "卯镇还成立家庭农场等,实现种植养殖、物流配送一体发展。\n",
    2, 1, NULL, "推动了企业发展", NULL, NULL, SD_STORY_KIND_CONTINUATION },
  /* the box of "□ 本报记者 X" read as a character drawn in a box ("图 ",
   * "国 "): still a reporter line, which heads the next story where the
   * one above jumps to another page ("(下转A2版)"); the two lines are one
   * block of reporters */
  { "/segmenter-ocr/reporter/misread-box",
    "沿河村:把优质食材销往全国\n\n"
    "近日,记者来到寅县卯镇沿河村,只见一片片农田里,农民正弯腰忙碌。\n\n"
    "“我家种了20亩地,闲时就到处去帮忙。昨天村里开始收瓜,我就过来了。”(下转A2版)\n\n"
    "图 本报记者 甲乙\n\n"
    "国 本报记者 丙丁\n\n"
    "“五一”小长假结束了。三天里,寅县展开热情的臂膀,拥抱着前来旅游观光的四海宾朋。\n",
    2, 1, NULL, "“五一”小长假结束了。", "甲乙 丙丁", NULL, -1 },
  /* a headline read after its story's first whole sentences, which use
   * its words: it heads the story above it, which had no title */
  { "/segmenter-ocr/late-headline/after-whole-sentences",
    "8月4日,卯镇万年社区联合县融媒体中心、县自然资\n"
    "源和规划局开展志愿服务活动,助力文明城市创建。\n\n"
    "“志愿红”为文明城市创建“加码”\n\n"
    "在万年大道,志愿者穿着红色马甲穿梭在大街小巷,\n"
    "有的手拿铲子、夹子等工具,铲除“牛皮癣”、拾捡\n"
    "垃圾,有的整理乱停乱放车辆,还有的向沿街商铺宣\n"
    "传文明城市创建相关内容,大家干劲十足,热情高涨。\n\n" SIGNED_STORY,
    2, 0, "“志愿红”为文明城市创建“加码”", "8月4日，卯镇万年社区", NULL, NULL, -1 },
  /* a hard-wrapped page that parts its stories with blank lines: a title
   * with none above it heads a section of the story */
  { "/segmenter-ocr/wrapped/section-without-gap",
    "卯镇:让红色古镇焕发新活力\n"
    "\u3000\u3000卯镇位于寅县北部,因清朝康\n"
    "熙年间钦差大臣居此而得名,是远\n"
    "近闻名的红色古镇。近年来,卯镇\n"
    "蓄势聚能,让红色古镇焕发新活力。\n"
    "午镇开发区:新兴产业集群加速成势\n"
    "\u3000\u3000卯镇始终将重大项目招引作为\n"
    "压舱石,紧紧围绕高端装备制造和\n"
    "电子信息核心产业链,狠抓以商招\n"
    "商,园区新经济稳步壮大。\n"
    "\n"
    "辰镇举办农民丰收节\n"
    "\u3000\u3000本报讯9月23日,辰镇农民丰收\n"
    "节开幕,来自全镇各村的农民代表\n"
    "带来了当地的特色农产品,现场展\n"
    "销、直播带货,热闹非凡。\n"
    "\n"
    "巳镇逐村建样板河\n"
    "\u3000\u3000连日来,巳镇组织河长办就样\n"
    "板河推进和环境维护、河道保洁工\n"
    "作下村督查,实时将督查情况发布\n"
    "至工作群。\n",
    3, 0, "卯镇：让红色古镇焕发新活力", "卯镇位于寅县北部", NULL, NULL, -1 },
  /* a hard-wrapped page: a title line wider than the page's columns is
   * set across them, as a section head is not, though its story's words
   * are the story's above */
  { "/segmenter-ocr/wrapped/title-across-columns",
    "卯镇:乡村振兴一村一特色\n"
    "\u3000\u3000卯镇位于寅县北部,近年来深\n"
    "入推进乡村振兴,加快构建现代农\n"
    "业产业体系,一村一特色,一院一盆\n"
    "景,乡村面貌焕然一新。\n"
    "\u3000\u3000卯镇还深入实施农村人居环境\n"
    "整治,深入推进农村改革,乡村振兴\n"
    "取得新成效,群众获得感不断增强。\n"
    "寅县践行新发展理念打造乡村振兴升级版\n"
    "乡村振兴看辰镇\n"
    "\u3000\u3000辰镇加快构建现代农业产业体\n"
    "系、深入实施农村人居环境整治、\n"
    "深入推进农村改革,乡村振兴呈现\n"
    "新气象。\n",
    2, 1, "乡村振兴看辰镇", "辰镇加快构建", NULL, "寅县践行", -1 },
  /* a hard-wrapped page: a kicker set across two columns holds clause
   * marks as prose does (、), yet over a title and a dateline lead it is
   * no line of prose cut at the edge */
  { "/segmenter-ocr/wrapped/kicker-with-clause-marks",
    "中央、省、市主流媒体记者走进寅县卯镇\n"
    "铺头村和美宜居入画来\n"
    "\u3000\u3000本报讯(记者 戊己)12月18日,\n"
    "“看寅县”主题活动走进卯镇。中\n"
    "央、省、市主流媒体记者10余人,\n"
    "实地探访了铺头自然村。\n"
    "\u3000\u3000错落有致的民居、整齐划一的\n"
    "停车位、设施完备的村民广场……\n"
    "在铺头自然村,一幅田园乡村和美\n"
    "宜居的优美画卷令人眼前一亮。漫\n"
    "步村中,路面宽阔且干净整洁。\n",
    1, 0, "铺头村和美宜居入画来", "12月18日，“看寅县”主题活动", "戊己", "中央、省、市", -1 },
  /* real OCR (r38): a ——副题 read as "-一", as wide as the column right
   * under its title, is the title's 副题, not a line of prose cut there */
  { "/segmenter-ocr/subheadline-at-edge",
    "新华日报\n\n"
    "濠里舍与得\n"
    "-一探寻太湖渔村生计与生态的共生密码\n\n"
    "沿着湖滨大道,一路向吴中区东山镇渡里村\n"
    "驶去,沿途残荷摇皮、芦花纷飞,连绵不绝。\n\n"
    "冬风掠过数娄湖面,卷起连片的芦花,显露出\n"
    "几名弯腰站在芦鞠荡里劳作的村民身影。他们身\n"
    "穷,刚收割的芦鞠堆成了小山。\n\n"
    "冬收户贰夏采荷,这在过去的几年里,成了渡\n"
    "里村不少村民的“四季歌”。\n\n"
    "季节变换、时光流转,曾经的太湖渔村,也从\n"
    "当年苏州响当当的水产基地.转而因荷花飞岛再\n\n"
    "度声名竟起。\n",
    1, 0, "濠里舍与得", "沿着湖滨大道", NULL, "-一探寻", -1 },
  /* real OCR (r21): the reporters' credit glued after the last sentence,
   * a stray closing quote read before it, signs the story and leaves its
   * text */
  { "/segmenter-ocr/credit/report-after-stray-quote",
    "5000亩桑草成熟 果农喜摘“致富果”\n"
    "\n"
    "今日镇江讯2022年5月6日以来,名容市茅山镇的果农们忙着采摘\n"
    "成熟的桑黄,包装、运输准备上市销售。近年来,当地因地制宜依托自\n"
    "然条件和地理优势,围绕培育“一村一品” 的发展思路,引导农户种植\n"
    "了包含水晶桑、奶油桑、黑桑、白桑等品种在内的约5000亩桑蕉。\n"
    "并打造出又果酒、桑果茶等衍生产品。初夏时节桑划成熟,茅山镇的\n"
    "果农们忙着采摘、销售,呈现出一派产业兴、农户乐的景象。 ”全媒\n"
    "体记者 辛一 通讯员 杨志国 刘亚 摄影报道\n",
    1, 0, "5000亩桑草成熟 果农喜摘“致富果”", "2022年5月6日以来", NULL, NULL, -1, TRUE,
    "农户乐的景象。", "辛一" },
};

static void
test_ocr_case (gconstpointer data)
{
  const OcrCase *c = data;
  g_autoptr (GPtrArray) segments = sd_segmenter_split (c->page, strlen (c->page));
  SdSegment *story;

  g_assert_cmpuint (segments->len, ==, c->stories);
  story = g_ptr_array_index (segments, c->story);
  g_assert_cmpstr (story->headline, ==, c->headline);
  assert_body_starts (story, c->body_start);
  g_assert_cmpstr (story->reporter, ==, c->reporter);
  if (!c->any_byline)
    g_assert_null (story->byline);
  if (c->kind >= 0)
    g_assert_cmpint (story->kind, ==, c->kind);
  if (c->subheadline != NULL)
    g_assert_true (story->subheadline != NULL
                   && g_str_has_prefix (story->subheadline, c->subheadline));
  if (c->body_end != NULL)
    {
      g_autofree char *body = sd_segment_dup_body (story);

      g_assert_true (g_str_has_suffix (body, c->body_end));
    }
  if (c->byline != NULL)
    g_assert_true (story->byline != NULL && strstr (story->byline, c->byline) != NULL);
}

/* OCR's line widths vary: a line of prose that stops short of the
 * column's edge, the next line of its block going on with the rest of a
 * word ("越。"), is no title: neither a section head nor a story's. */
/* A photo's credit whose 摄 the OCR misread (报, 氢): names, then one
 * character set apart by a space or a bracket, are still a credit, no
 * title. */
static void
test_misread_credit (void)
{
  static const char *const credits[] = { "新华社发(周社根氢)", "郑富芹 报", "(郑富芹报)" };

  for (guint i = 0; i < G_N_ELEMENTS (credits); i++)
    {
      g_autofree char *page = g_strconcat (
          "寅县举办农民丰收节\n\n"
          "本报讯9月23日,寅县农民丰收节在卯镇开幕,来自全县各镇的农民代表带来了特色农产品。\n\n"
          "农民在丰收节上展示特色农产品。\n\n",
          credits[i],
          "\n\n卯镇逐村建样板河\n\n"
          "连日来,卯镇组织河长办就样板河推进和环境维护工作下村督查。\n",
          NULL);
      g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
      SdSegment *story;

      g_assert_cmpuint (segments->len, ==, 2);
      story = g_ptr_array_index (segments, 1);
      g_assert_cmpstr (story->headline, ==, "卯镇逐村建样板河");
      g_assert_null (story->subheadline);
    }
}

static void
test_short_line_in_block (void)
{
  static const char page[] = SIGNED_STORY "卯镇善卷村的新变化\n"
                                          "\n"
                                          "本报讯 近日,记者来到寅县卯镇善卷村,只见村道整洁干净,\n"
                                          "绿树成荫,家家户户门前都种上了花草,处处是一幅好风景。\n"
                                          "\n"
                                          "善卷村位于国家4A级风景区善卷洞旁自然条件优\n"
                                          "越。进入新时代,善卷村按照村前建产业园、村后建生态园\n"
                                          "的思路,发展乡村旅游,村民的收入一年比一年高了不少。\n";
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
  SdSegment       *story;
  g_autofree char *body = NULL;

  g_assert_cmpuint (segments->len, ==, 2);
  story = g_ptr_array_index (segments, 1);
  g_assert_cmpstr (story->headline, ==, "卯镇善卷村的新变化");
  g_assert_cmpuint (story->section_headings->len, ==, 0);
  body = sd_segment_dup_body (story);
  g_assert_nonnull (strstr (body, "自然条件优越。"));
}

/* Column rules and specks read as marks inside the text ("持 | 续",
 * "〈" opening nothing) are left out, each recorded as a repair over the
 * mark; a bar between Latin letters is text and stays. */
static void
test_stray_marks (void)
{
  static const char page[] =
      SIGNED_STORY "卯镇开展环境整治\n"
                   "\n"
                   "本报讯 连日来,卯镇持 | 续开展农村人居环境整治,组织党员、志\n"
                   "愿者清理河道垃圾,〈拆除违章搭建,村容村貌焕然一新。\n"
                   "\n"
                   "镇里还在各村设立了A|B两类垃圾分类点,方便村民投放。\n";
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
  g_autofree char *body = NULL;
  SdSegment       *story;
  guint            marks = 0;

  g_assert_cmpuint (segments->len, ==, 2);
  story = g_ptr_array_index (segments, 1);
  body = sd_segment_dup_body (story);
  g_assert_nonnull (strstr (body, "卯镇持续开展"));
  g_assert_nonnull (strstr (body, "垃圾，拆除"));
  g_assert_nonnull (strstr (body, "A|B"));
  for (guint i = 0; i < story->repairs->len; i++)
    {
      SdRepair *repair = g_ptr_array_index (story->repairs, i);

      if (repair->kind != SD_REPAIR_DROPPED_MARK)
        continue;
      marks++;
      g_assert_true (memchr (page + repair->start, '|', repair->end - repair->start) != NULL
                     || g_strstr_len (page + repair->start, repair->end - repair->start, "〈")
                            != NULL);
    }
  g_assert_cmpuint (marks, ==, 2);
}

/* The top of a real Tesseract page (tests/pages/real/b23 r91): under the
 * headline, a line of specks (marks alone between spaces, a Latin "JR")
 * the lead runs on from; they are left out as one repair, the lead kept. */
static void
test_opening_specks (void)
{
  static const char page[] =
      "连云港日报\n\n"
      "A7\n\n"
      " 瞧宁:大“丰”歌里好“丰”景\n"
      "，         @            [ -        ，        JR\n"
      "凌城大闸蟹、瑶集西瓜、官山灵芝、王集小花 于此,带来了60余种农特产品在现场展示销售。\n\n"
      "生、姚集猕猴桃……9月17日上午,在徐州市瞧宁县古\n"
      "黄河农产品批发市场里,由有瞧宁县委、县政府主办,瞧\n"
      "宁县农业农村局等部门承办的瞧宁县2022年“中国农\n"
      "民丰收节”正式开幕。活动现场,来自瞧宁18个镇(街\n"
      "道)的农业龙头企业、农民专业合作社、家庭农场汇聚\n\n"
      "展区现场人头捣动,各个展位前都挤满了试吃、选\n"
      "购的居民,十分热亲。“大丰收兮歌飞扬,农家田野全\n"
      "逐梦想,喜迎盛会今奔富强……” 瞧城街道瞧宁苏源农\n"
      "业有限公司负责人全永高兴地在展台前唱着自己编的\n"
      "歌,向来访市民和游客推销公司的丰产梨。\n";
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
  g_autofree char *body = NULL;
  SdSegment       *story;
  guint            marks = 0;

  g_assert_cmpuint (segments->len, ==, 1);
  story = g_ptr_array_index (segments, 0);
  body = sd_segment_dup_body (story);
  g_assert_true (g_str_has_prefix (body, "凌城大闸蟹、瑶集西瓜"));
  g_assert_nonnull (strstr (body, "“中国农民丰收节”正式开幕。"));
  g_assert_true (g_str_has_suffix (body, "推销公司的丰产梨。"));
  for (guint i = 0; i < story->repairs->len; i++)
    {
      SdRepair *repair = g_ptr_array_index (story->repairs, i);

      if (repair->kind != SD_REPAIR_DROPPED_MARK)
        continue;
      marks++;
      g_assert_nonnull (g_strstr_len (page + repair->start, repair->end - repair->start, "@"));
      g_assert_null (g_strstr_len (page + repair->start, repair->end - repair->start, "凌"));
    }
  g_assert_cmpuint (marks, ==, 1);
}

/* The tops of three real Tesseract pages (tests/pages/real/b9 r32, b2 r08,
 * b13 r49): over the first headline, the paper's name (with a space OCR
 * put inside it: "连云港日 报"), its town and the page's name and number,
 * and specks read as a character ("至"): none of them is a story, nor a
 * story's headline. */
static void
test_masthead_scraps (void)
{
  static const char *const pages[][2] = {
    { "徐州日报\n\n"
      "至\n\n"
      "故黄河畔徐州马集村:石头缝里实干巧干种出乡村振兴“杏”福果\n\n"
      "中新网记者 朱志庚\n"
      "中新网徐州3月4日电题:故黄河畔徐州马集\n"
      "村:石头乡里实干巧干种出乡村振兴“杏”福果\n"
      "“把这湖边200多亩杏园子先期流转过来,作\n\n"
      "”为农业休闲观光开发的“试验田”。”3月3日，\n\n"
      "在徐州城区东南20余公里的吕梁湖畔,江苏徐州\n"
      "金查旅游开发有限公司总经埋李先军沿着马\n"
      "集“十里查花村”的林间小道一路上山,为下一\n"
      "步发展进行再次实地考察。\n",
      "故黄河畔徐州马集村" },
    { "盐城。\n"
      "\n"
      "淮安地方版\n"
      "\n"
      "A7\n"
      "\n"
      "钦工镇: 让红色十镇焕发新活力\n"
      "\n"
      "国融媒体记者 王正道\n"
      "通讯员刘佩否周建\n"
      "证雨\n"
      "\n"
      "淮安区钦工镇,因清朝康熙年间钦差大臣居此督工\n"
      "治水而得名,它不仅是史前文明一青莲岗文化的发祥\n"
      "地,还是江淮地区最早建立党组织的地方,1928年2月发\n"
      "生的横沟寺农民武装暴动打响了苏北农民武装暴动第\n"
      "一枪。\n"
      "近年来,钦工镇广续厚重镇史、 传承红色基因 ,依\n"
      "\n"
      "托毗邻淮安经济技术开发区和高铁新城优势,对标城市，\n",
      "钦工镇" },
    { "连云港日 报\n\n"
      "A6\n\n"
      "“一体两翼” 腾飞!连云港港前 5 个月货物吞吐量同比增长 12.05%\n\n"
      "现代快报讯(记者 刘伟娟)2023 年 1-5 月,连云港港完成货物吞吐\n"
      "量 1.24 亿吨,同比增长 12.05%;集装箱完成 239.3 万标箱,同比增长\n"
      "16.45%。6 月 15 日”高质量发展调研行 ”主题采访活动走进连云\n"
      "港。现代快报记者在连云港港看到,\" 蹄蹦 \" 上涨的数据背后是一片繁\n"
      "忙的作业场景。连云港港开港于 1933 年,今年是开港 90 周年。\n",
      "“一体两翼”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GPtrArray) segments = sd_segmenter_split (pages[i][0], strlen (pages[i][0]));
      SdSegment *story;

      g_assert_cmpuint (segments->len, ==, 1);
      story = g_ptr_array_index (segments, 0);
      g_assert_true (g_str_has_prefix (story->headline, pages[i][1]));
    }
  /* the only line of a page is no masthead's: a page of one short line (a
   * new version of a page, as tests/test-page-identity.py has it) is a
   * story still */
  {
    static const char one[] = "\n无关的一行字，不是原来的任何一篇稿件。\n";
    g_autoptr (GPtrArray) segments = sd_segmenter_split (one, strlen (one));

    g_assert_cmpuint (segments->len, ==, 1);
  }
}

/* Real Tesseract text (tests/pages/real/b8, r31): a line of prose that
 * runs to the column's edge, set apart with blank lines between the two
 * halves of its sentence, is no headline; the headline read inside the
 * sentence above it, naming its place before a colon, is. */
static void
test_line_inside_sentence (void)
{
  static const char page[] = "\n"
                             "第二批全国乡村治理示范镇、村认定 苏州市1个镇和5个村入选\n"
                             "\n"
                             "日前,中央农办、农业农村部等六部委联合\n"
                             "认定了第二批全国乡村治理示范镇、村,苏州市1\n"
                             "个镇和5个村入选。截至目前,全市共有2个乡\n"
                             "\n"
                             "镇、12个村获评全国乡村治理示范乡镇、示范\n"
                             "村,数量居全省第一。\n"
                             "全国乡村治理示范镇、村是乡村治理的全国\n"
                             "\n"
                             "样板。第二批中,昆山市玉山镇入选全国乡村治\n"
                             "理示范乡镇,吴中区临湖镇牛桥村、吴江区盛译\n"
                             "镇黄家溪村、常熟市梅里镇四埠村、张家港经济\n"
                             "\n"
                             "技术开发区善港村、太仓市沙溪镇半泾村入选全\n"
                             "国乡村治理示范村。(记者 晓亮)\n"
                             "\n"
                             "近日,江苏连云港沿海40多万亩条班紫菜开\n"
                             "采头茬鲜紫菜,养殖户利用晴好天气,及时组织采\n"
                             "\n"
                             "江苏连云港:沿海40多万亩头茬鲜紫菜开采\n"
                             "\n"
                             " 收和转运, “海上菜园”一片繁忙景象。近年来，\n"
                             "\n"
                             "连云港市紫菜养殖业已成为渔业转型发展的支柱\n"
                             "\n"
                             "产业,形成育苗、生产、加工和出口创汇产业\n"
                             "\n"
                             "链。 ”王春 摄(人民图片网)\n";
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
  SdSegment       *last = g_ptr_array_index (segments, segments->len - 1);
  g_autofree char *body = sd_segment_dup_body (last);

  /* the signed story above, then the photo's: the prose line split none */
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_cmpstr (last->headline, ==, "江苏连云港：沿海40多万亩头茬鲜紫菜开采");
  g_assert_nonnull (strstr (body, "渔业转型发展的支柱产业"));
}

/* Real Tesseract text (tests/pages/real/b13, r48): a short line that ends
 * in an ellipsis under a line cut mid-clause ends that sentence; it heads
 * no story, and the story goes on under it. */
static void
test_ellipsis_ends_cut_sentence (void)
{
  static const char page[] = " 泰州海陵:取信民生“微小事” 守护群众“大幸福”\n"
                             "\n"
                             "近日,泰州市海陵区西祥云花园的居民迎来一柱“顺心事”,斜桥\n"
                             "社区经过征集居民建议,楼栋间原本杂草丛生的花围被改造成了干净\n"
                             "整齐的停车场,小区环境大为改善,困扰居民的停车难题也大为缓解。\n"
                             "。 ”无名有个， 同属老昌小区的鹏欣两都也在实施 “绿改停”,预计不出正\n"
                             "\n"
                             ".月就施工完成……\n"
                             "\n"
                             "在保证小区绿容率的前提下,将废这绿地转化为生态车位.这种空\n"
                             "间腾挪的艺术,正是海陵“解剖麻省”式雕琢城乡的生动注脚。\n"
                             "\n"
                             "海陵区老旧小区密集,早期规划中停车位的“先天不足”与私家\n"
                             "\n"
                             "车“爆发式增长”形成尖锐矛盾:车位缺口与日俱增，“ 车多位少”了矛\n"
                             "盾突出,不少居民深夜归家“一位难求 清晨挪车“进退两难”。\n";
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
  SdSegment       *story = g_ptr_array_index (segments, 0);
  g_autofree char *body = sd_segment_dup_body (story);

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (g_str_has_prefix (story->headline, "泰州海陵"));
  g_assert_nonnull (strstr (body, "月就施工完成"));
  g_assert_nonnull (strstr (body, "生动注脚"));
}

/* Real Tesseract text (tests/pages/real/b19, r74): a headline the OCR
 * damaged into clauses (车流增多了,商店营业了,景区开放了…… 淮安城市生活
 * “动”起来), a block of its own between the story above's last sentence
 * and a paragraph that opens as a lead does (连日来): it heads the next
 * story, which the story above does not run on into. */
static void
test_damaged_title_over_lead (void)
{
  static const char page[] = "盐城社区志愿者送关爱 26位空巢老人收到慰问品\n"
                             "\n"
                             "据诽鸣社区党总支书记蔡华介绍,在重阳节期间， 社区和市城建监\n"
                             "察支队的志愿者们一起,走访慰问辖区内特困、空巢、残疾等困难老\n"
                             "人,为他们送去党和政府的温暖和节日的祝福。社区志愿者上门为空\n"
                             "梨、孤寡老人拆洗被福,打扫卫生,发起社区居民对自己的长辈说一名\n"
                             "\n"
                             "“感谢党和政府,过年过节都来看 .\n"
                             "望我们，”空利老人王黎爹感动地说,在重阳节当天收到慰问品,让他\n"
                             "\n"
                             "贴心话、做一件暖心事活动,培养社区居民关心老人、和敬重老人、帮\n"
                             "\n"
                             "助老人的好品德。  (张斌)\n"
                             "\n"
                             "车流增多了 ,商店营业了,景  区家\n"
                             "\n"
                             "连日来,淮安各地在严格做好疫情防控的同时,积极推进复工复产\n"
                             "工作。受新冠肺炎疫情影响而变得稍显冷清的淮安,如今正有序恢复，\n"
                             "城市生活您发“动”力十足。需要提醒的是,大家外出时务必做好防\n";
  g_autoptr (GPtrArray) segments = sd_segmenter_split (page, strlen (page));
  SdSegment       *above, *next;
  g_autofree char *above_body = NULL;
  g_autofree char *next_body = NULL;

  g_assert_cmpuint (segments->len, ==, 2);
  above = g_ptr_array_index (segments, 0);
  next = g_ptr_array_index (segments, 1);
  above_body = sd_segment_dup_body (above);
  next_body = sd_segment_dup_body (next);
  g_assert_true (g_str_has_suffix (above_body, "助老人的好品德。"));
  g_assert_cmpstr (above->byline, ==, "张斌");
  g_assert_true (g_str_has_prefix (next->headline, "车流增多了"));
  g_assert_true (g_str_has_prefix (next_body, "连日来"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ocr_cases); i++)
    g_test_add_data_func (ocr_cases[i].path, &ocr_cases[i], test_ocr_case);
  g_test_add_func ("/segmenter-ocr/title/short-line-in-block", test_short_line_in_block);
  g_test_add_func ("/segmenter-ocr/credit/misread", test_misread_credit);
  g_test_add_func ("/segmenter-ocr/repair/stray-marks", test_stray_marks);
  g_test_add_func ("/segmenter-ocr/repair/opening-specks", test_opening_specks);
  g_test_add_func ("/segmenter-ocr/page/masthead-scraps", test_masthead_scraps);
  g_test_add_func ("/segmenter-ocr/title/line-inside-sentence", test_line_inside_sentence);
  g_test_add_func ("/segmenter-ocr/title/ellipsis-ends-cut-sentence",
                   test_ellipsis_ends_cut_sentence);
  g_test_add_func ("/segmenter-ocr/title/damaged-title-over-lead", test_damaged_title_over_lead);
  return g_test_run ();
}
