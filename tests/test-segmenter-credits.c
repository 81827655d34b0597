/* test-segmenter-credits.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bylines, reporter lines and credits in the forms real pages print them
 * (issue #11, item 5), and what else stands before a story's text (a
 * restated title, a hotline): excerpts of the real pages in
 * tests/pages/real, cut at a sentence's end or a block's, one form each.
 */
#include "config.h"

#include <string.h>

#include "sd-segmenter.h"

/* What an excerpt's story must be credited with, and where it is. */
typedef struct
{
  const char *path;
  const char *page;
  const char *reporter; /* (nullable) none */
  const char *byline;   /* (nullable) none */
  const char *headline;
  const char *body_start; /* a prefix of the body, its , between Han shown as ， */
  const char *body_end;   /* (nullable) a suffix of it */
  guint       sections;   /* section heads it holds, at least */
  guint       stories;    /* on the page */
  guint       story;      /* the one under test */
} CreditCase;

/* r60, story 2: a lead of its own after the headline, of a page where 本报讯
 * is never printed */
#define R60_BRACKET_LEAD                                                                           \
  "乡村发展新动能\n\n"                                                                      \
  "(记者  张泽瑞  通讯员  王婷  "                                                        \
  "正祥)14日,在灌云县杨集镇双湾村昊群生态农业种殖家庭农场,"               \
  "村民正在地里忙碌着分拣辣椒。随着秋日的到来,"                               \
  "当地种植的辣椒进入收获季,人们抢抓晴好天气采摘、分拣、加工上市。\n\n"

/* r60's third story goes on under section heads */
#define R60_SECTIONS                                                                                                 \
  "灌南“志愿红”把小城温度织进人间烟火\n\n"                                                       \
  "(□ 张文华 孙荪 赵占成 王岩)“以前送完货只能在驾驶室啃两口面包。"                    \
  "现在到驿站能喝热水、充电,还能用微波炉热饭,就像回到家一样。”"                        \
  "在灌南县百禄镇的“暖心驿站”,货车司机李师傅捧着一杯热气腾腾的水,"                  \
  "笑意盈盈地说道。近年来,灌南县以一抹鲜亮的“志愿红”为纽带,"                           \
  "将温情服务织进乡村振\n\n"                                                                               \
  "兴的画卷,写进基层治理的日常,让民生实事真正落地生根。\n\n"                                \
  "从“心”出发\n\n"                                                                                           \
  "让服务精准对接“需要的人”\n\n"                                                                      \
  "“李奶奶,下午3点村部有智能手机课,专门教怎么用手机缴水电费、查社保信息。"        \
  "我陪您一块儿去,慢慢学。”在百禄村,振兴专干小戴正挨家挨户发出邀请。\n\n"           \
  "以“爱在灌南志愿行”为契机,全县27个部门携手联动,构建起“群众点单—中心派单—" \
  "志愿者接单—群众评单”的完整服务闭环。\n"

/* r61's last two stories: a reporter line after the last paragraph, its
 * role and a colon before the names */
#define R61_COLON_BYLINES                                                                          \
  "老少同乐  共庆重阳\n\n"                                                                 \
  "下午两点半,海陵区城北街道森南社区的老人们,"                                 \
  "齐聚某幼儿园的操场上,一起欣赏孩子们精心准备的演出。\n\n"               \
  "全媒体记者:许宏 吕昊 邹霖 焦堃玥(实习)\n\n"                                     \
  "假期|游客齐聚兴化 共赏千垛花海\n\n"                                               \
  "春风暖,菜花艳。清明假期,兴化千垛景区人气爆棚,一朵朵怒放的油菜花," \
  "吸引了不少游客前来观赏。\n\n"                                                       \
  "山东游客张家浩说:“在我们那没有这么大片的油菜花,"                        \
  "南方的景色还是特别特别好,欢迎大家都来玩。”\n\n"                           \
  "记者:冯润(兴化台)\n"

/* r63's last story: 作者 and a colon sign it */
#define R63_WRITERS                                                                                                 \
  "# 沛城街道:彩菊香飘富民路\n\n"                                                                        \
  "秋高气爽,沛城街道任庄社区的徐州东凌果蔬种植家庭农场内,"                                \
  "鲜切菊花又到了丰收时节。大棚内花开芬芳,菊香满园,一派色香俱佳的丰收景象。\n\n" \
  "作者:耿敬东 李沛生\n"

/* r63's third story: the photographer's credit glued to the last
 * paragraph, with a full stop of its own */
#define R63_STOPPED_CREDIT                                                                                    \
  "# 县作协组团赴王集采风创作\n\n"                                                                \
  "作家、学者们表示:将用他们手中的笔,记述、撰写这块红色沃土上的发生的故事," \
  "把红色文化、民俗文化传承下去不久,这些美文、\n\n"                                      \
  "美图将在今日睢宁报及《乡愁》、《圯桥》等报刊发表 下图为采风团一行 "        \
  "的照片 庄学兵摄影报道。\n\n"

/* r63's second story: who wrote and photographed it, with their roles,
 * after a box and 文/图 */
#define R63_WRITER_MARK(box)                                                                                \
  "# 经开区徐庄镇近10万亩农作物迎来丰收\n\n"                                                \
  "## 秋色正浓 “丰”景如画\n\n" box "文/图 徐报融媒记者 季芳 通讯员 周婷婷\n\n"              \
  "金灿灿的田野,沉淀淀的稻穗,饱满的玉米粒……中秋时节,徐州大地,"                \
  "处处“丰”景如画。在徐州经开区徐庄镇,近10万亩农作物全部迎来大丰收。\n\n" \
  "作为重要的“口粮”基地,徐庄镇5.4万亩水稻正陆续进入收割期,"                     \
  "已收割的1.5万亩水稻已尽数归仓,亩产达到了650公斤。\n\n"

/* r71's first story: a two-character name is set as wide as three, and
 * the reporters' line under the title holds nothing else */
#define R71_SPACED_NAMES                                                                                                \
  "## 创建实现了“口袋”与“脑袋”双富裕\n\n"                                                          \
  "# 下甸村让文明招牌“擦”得更亮\n\n"                                                                    \
  "周 茉  封 羽\n\n"                                                                                                \
  "走进下甸村,一股浓郁的文明新风气息扑面而来,干净整洁的道路,排放整齐的分类垃圾桶," \
  "友好和善的路边村民,再看看路两边的墙体上,画满了图片、文字、漫画等,引得大家赞叹不已。\n"

/* r73's third story: an agency's dateline with the date in Han numerals,
 * the title it restates glued to the text */
#define R73_GLUED_TITLE                                                                                               \
  "年终特稿:苏州——与台湾最具亲情的\"热土\"\n\n"                                                   \
  "中新社记者陈光明\n\n"                                                                                      \
  "中新社南京十二月二十九日电题:苏州——与台湾最具亲情的“热土”今年十二月八日," \
  "是许多苏州人不能忘怀的日子:不仅仅是因为苏州最大的公共设施——苏州体育馆于当天开馆。\n"

/* r75's second story: the paper's hotline after its dateline */
#define R75_HOTLINE                                                                                \
  "# 天上不下雨积水却遍地 铁狮巷路面泥泞不堪(图)\n\n"                          \
  "龙网常州晚报讯 本报热线6633355最近几天天气持续晴好,"                       \
  "可铁狮巷的路面却一直泥泞不堪,且有积水。\n"

/* r46's second story, its last paragraph and what signs it (@tail: a
 * bracket glued to it, or a line of its own) */
#define R46_SIGNED(tail)                                                                            \
  "# 扬州作家诗人赴施桥采风\n\n"                                                         \
  "扬州晚报副总编辑袁益民,扬州市作协副主席、扬州市诗歌学会会长朱燕," \
  "扬州市作协诗歌创作专业委员会主任陈跃等参加了采风活动。" tail
#define R46_REST                                                                                   \
  .headline = "扬州作家诗人赴施桥采风", .body_start = "扬州晚报副总编辑",                          \
  .body_end = "参加了采风活动。", .stories = 1, .story = 0

static const CreditCase credit_cases[] = {
  /* r92 (b24): a picture agency's Latin name before the photographer
   * ("CICPHOTO/汤德宏 摄") makes a photo's credit, not the story's byline */
  { .path = "/segmenter-credits/credit/latin-agency",
    .page = "江苏泰州:千垛花开迎客来\n\n"
            "当日,中国·兴化千垛菜花旅游节拉开帷幕,千垛菜花景区正式开园迎客。"
            "“千垛菜花”景观历史悠久,每年春季,金黄的菜花盛开于垛田之上,蓝天、碧水织就了"
            "“河有万湾多碧水,田无一垛不黄花”的绮丽画卷,美不胜收,吸引海内外游客前来赏花游览。\n\n"
            "3月26日,游客在江苏泰州兴化千垛菜花景区乘船游览(无人机拍摄)。\n\n"
            "CICPHOTO/汤德宏 摄\n\n"
            "↑3月26日,农民划船去田间劳作。 CICPHOTO/汤德宏 摄\n",
    .headline = "江苏泰州：千垛花开迎客来",
    .body_start = "当日",
    .stories = 1,
    .story = 0 },
  /* r91 (b23): 记 者 spaced out to line up with 通讯员 under it is the
   * reporter's role, not part of the names */
  { .path = "/segmenter-credits/reporter/spaced-role",
    .page = "连云港市景区昨迎来旅游高峰\n\n"
            "记 者 孟庆斗\n\n"
            "通讯员 江顺海\n\n"
            "本报讯天气回暖晴方好,正是全家出游时。昨天连云港市各大风景区迎来小长假接待高峰,"
            "抗日山、花果山、桃花涧、孔望山、大伊山、孔雀沟等风景区游客纷至沓来。\n",
    .reporter = "孟庆斗 江顺海",
    .headline = "连云港市景区昨迎来旅游高峰",
    .body_start = "天气回暖晴方好",
    .stories = 1,
    .story = 0 },
  /* names alone under the title are the reporters, not a stray line */
  { .path = "/segmenter-credits/reporter/spaced-names",
    .page = R71_SPACED_NAMES,
    .reporter = "周 茉 封 羽",
    .headline = "下甸村让文明招牌“擦”得更亮",
    .body_start = "走进下甸村",
    .stories = 1,
    .story = 0 },
  /* the restated title ends where the title above does */
  { .path = "/segmenter-credits/dateline/glued-title",
    .page = R73_GLUED_TITLE,
    .reporter = "陈光明",
    .headline = "年终特稿：苏州——与台湾最具亲情的\"热土\"",
    .body_start = "今年十二月八日，是许多",
    .stories = 1,
    .story = 0 },
  /* the hotline is the paper's, not the story's text */
  { .path = "/segmenter-credits/dateline/hotline",
    .page = R75_HOTLINE,
    .headline = "天上不下雨积水却遍地 铁狮巷路面泥泞不堪（图）",
    .body_start = "最近几天天气持续晴好",
    .stories = 1,
    .story = 0 },
  /* a bracket of roles and names opens the lead: the reporters, not body */
  { .path = "/segmenter-credits/bracket-lead/roles",
    .page = R60_BRACKET_LEAD "灌南“志愿红”把小城温度织进人间烟火\n\n"
                             "(□ 张文华 孙荪 赵占成 王岩)“以前送完货只能在驾驶室啃两口面包。"
                             "现在到驿站能喝热水、充电,还能用微波炉热饭,就像回到家一样。”\n",
    .reporter = "张泽瑞 通讯员 王婷 正祥",
    .headline = "乡村发展新动能",
    .body_start = "14日，在灌云县杨集镇",
    .stories = 2,
    .story = 0 },
  /* a box before the names in the bracket vouches for them as a role
   * does; the story is one of its own, its title a headline */
  { .path = "/segmenter-credits/bracket-lead/box",
    .page = R60_BRACKET_LEAD "灌南“志愿红”把小城温度织进人间烟火\n\n"
                             "(□ 张文华 孙荪 赵占成 王岩)“以前送完货只能在驾驶室啃两口面包。"
                             "现在到驿站能喝热水、充电,还能用微波炉热饭,就像回到家一样。”\n",
    .reporter = "张文华 孙荪 赵占成 王岩",
    .headline = "灌南“志愿红”把小城温度织进人间烟火",
    .body_start = "“以前送完货只能",
    .stories = 2,
    .story = 1 },
  /* the hard-wrapped form: the line's end glued two names together */
  { .path = "/segmenter-credits/bracket-lead/wrapped",
    .page = "乡村发展新动能\n"
            "　　(记者  张泽瑞  通讯员\n"
            "王婷  正祥)14日,在灌云县杨集\n"
            "镇双湾村昊群生态农业种殖家庭\n"
            "农场,村民正在地里忙碌着分拣\n"
            "辣椒。\n"
            "灌南“志愿红”把小城温度织进人间烟火\n"
            "　　(□ 张文华 孙荪 赵占成\n"
            "王岩)“以前送完货只能在驾驶\n"
            "室啃两口面包。现在到驿站能喝\n"
            "热水、充电,还能用微波炉热饭,\n"
            "就像回到家一样。”\n",
    .reporter = "张文华 孙荪 赵占成王岩",
    .headline = "灌南“志愿红”把小城温度织进人间烟火",
    .body_start = "“以前送完货只能",
    .stories = 2,
    .story = 1 },
  /* r47: the medium glued before the role, the name after it */
  { .path = "/segmenter-credits/bracket-lead/medium",
    .page = "文明过节!宿迁禁燃禁放倡议提前“敲警钟”\n\n"
            "(速新闻记者臧子青)距离2026年元旦仅剩几天,往年这个时候,不少市民会买上烟花爆竹,"
            "用热闹的声响迎接新年。\n",
    .reporter = "臧子青",
    .headline = "文明过节！宿迁禁燃禁放倡议提前“敲警钟”",
    .body_start = "距离2026年元旦",
    .stories = 1,
    .story = 0 },
  /* r13: a correspondent named first keeps the roles as printed; only a
   * reporter's role leading the names is left out (as the seed pages'
   * 本报讯(记者 X 通讯员 Y) gives "X 通讯员 Y") */
  { .path = "/segmenter-credits/roles/correspondent-first",
    .page = "# 建邺区“共享社区节”昨启动\n\n"
            "本报讯(通讯员 刘晓静 记者 殷学兵 朱泉)由建邺区社建工委主办,南苑街道黄山路社区、"
            "新城小学怡康街分校承办的建邺区“共享社区节”活动暨2017年度建邺区社会建设先进个人"
            "网络票选活动,昨天下午在新城小学怡康街分校二楼体育馆启动。\n",
    .reporter = "通讯员 刘晓静 记者 殷学兵 朱泉",
    .headline = "建邺区“共享社区节”昨启动",
    .body_start = "由建邺区社建工委主办",
    .stories = 1,
    .story = 0 },
  /* "记者:冯润(兴化台)": the colon goes with the role */
  { .path = "/segmenter-credits/colon/role",
    .page = R61_COLON_BYLINES,
    .byline = "冯润(兴化台)",
    .headline = "假期|游客齐聚兴化 共赏千垛花海",
    .body_start = "春风暖，菜花艳。",
    .body_end = "欢迎大家都来玩。”",
    .stories = 2,
    .story = 1 },
  { .path = "/segmenter-credits/colon/medium",
    .page = R61_COLON_BYLINES,
    .byline = "许宏 吕昊 邹霖 焦堃玥(实习)",
    .headline = "老少同乐 共庆重阳",
    .body_start = "下午两点半",
    .body_end = "精心准备的演出。",
    .stories = 2,
    .story = 0 },
  /* 作者 names the writer before a colon; the line is no headline */
  { .path = "/segmenter-credits/colon/writer",
    .page = R63_WRITERS,
    .byline = "耿敬东 李沛生",
    .headline = "沛城街道：彩菊香飘富民路",
    .body_start = "秋高气爽",
    .body_end = "丰收景象。",
    .stories = 1,
    .story = 0 },
  /* the photographer who reports signs after the text, with a full stop */
  { .path = "/segmenter-credits/stopped/photographer",
    .page = R63_STOPPED_CREDIT,
    .byline = "庄学兵",
    .headline = "县作协组团赴王集采风创作",
    .body_start = "作家、学者们表示",
    .body_end = "下图为采风团一行 的照片",
    .stories = 1,
    .story = 0 },
  /* and on a line of its own (r52) */
  { .path = "/segmenter-credits/line/photographer",
    .page = "昔日淤塞水库 今成赏荷佳处\n\n"
            "6月22日,京口区孟家湾湿地公园荷花盛开,市民漫步栈道,感受“接天莲叶无穷碧”的诗意。\n\n"
            "王呈 摄影报道\n\n"
            "长江大保护成效日显 镇江江段喜现江豚族群\n\n"
            "今日镇江讯10月21日,一群“微笑精灵”江豚在丹徒区高桥镇附近的江面上逐浪戏水,"
            "翻滚腾跃。\n",
    .byline = "王呈",
    .headline = "昔日淤塞水库 今成赏荷佳处",
    .body_start = "6月22日",
    .body_end = "无穷碧”的诗意。",
    .stories = 2,
    .story = 0 },
  /* r09: "…报道" after the names: they report, it is no part of them */
  { .path = "/segmenter-credits/line/reporting",
    .page = "初冬银杏美 满村尽是“黄金叶”\n\n"
            "11月28日上午,记者走进古邳镇果园村,呈现眼前的是一幅色彩浓郁的油画,"
            "村民们家前屋后尽被银杏林围绕,银杏叶飘落满地,一片金黄,美景如画。\n\n"
            "全媒体通讯员赵磊 、陈士洲报道\n",
    .byline = "赵磊 、陈士洲",
    .headline = "初冬银杏美 满村尽是“黄金叶”",
    .body_start = "11月28日上午",
    .body_end = "美景如画。",
    .stories = 1,
    .story = 0 },
  /* r59: a name, a 、 and a role before the next name, in brackets after
   * the last sentence: both names sign */
  { .path = "/segmenter-credits/glued/names-before-role",
    .page = "二十余家地方媒体总编辑注目无锡\n\n"
            "启动仪式上,来自重庆日报、深圳晚报等20多家地方媒体的总编辑获授“无锡城市推荐官”荣誉牌,"
            "将以城市推荐官的身份宣传报道精彩无锡画卷,进一步讲好无锡故事,"
            "增强无锡在全国范围内的知名度和影响力。(朱冬娅、见习记者 姚程玉)\n",
    .byline = "朱冬娅、见习记者 姚程玉",
    .headline = "二十余家地方媒体总编辑注目无锡",
    .body_start = "启动仪式上",
    .body_end = "知名度和影响力。",
    .stories = 1,
    .story = 0 },
  /* ◎文/图 before the roles and names: a reporter line, no title */
  { .path = "/segmenter-credits/writer-mark/box",
    .page = R63_WRITER_MARK ("◎"),
    .reporter = "季芳 通讯员 周婷婷",
    .headline = "经开区徐庄镇近10万亩农作物迎来丰收",
    .body_start = "金灿灿的田野",
    .stories = 1,
    .story = 0 },
  /* as Tesseract read it: the ◎ as "@@" */
  { .path = "/segmenter-credits/writer-mark/ocr-box",
    .page = R63_WRITER_MARK ("@@"),
    .reporter = "季芳 通讯员 周婷婷",
    .headline = "经开区徐庄镇近10万亩农作物迎来丰收",
    .body_start = "金灿灿的田野",
    .stories = 1,
    .story = 0 },
  /* a bracket of reporters opens a lead as 本报讯(…) does, but a story so
   * opened may be a feature: its section heads stay in it, no stories */
  { .path = "/segmenter-credits/bracket-lead/sections",
    .page = R60_BRACKET_LEAD R60_SECTIONS,
    .reporter = "张文华 孙荪 赵占成 王岩",
    .headline = "灌南“志愿红”把小城温度织进人间烟火",
    .body_start = "“以前送完货只能",
    .body_end = "完整服务闭环。",
    .sections = 1,
    .stories = 2,
    .story = 1 },
  /* r46: an office signs in brackets after the last sentence */
  { .path = "/segmenter-credits/glued/office",
    .page = "# 扬州作家诗人赴施桥采风\n\n"
            "2023年3月18日,扬州市作协、扬州市诗歌学会组织了二十余名作家诗人赴扬州经济开发区"
            "施桥镇采风,一行人深入企业及新农村。\n\n"
            "扬州晚报副总编辑袁益民,扬州市作协副主席、扬州市诗歌学会会长朱燕,"
            "扬州市作协诗歌创作专业委员会主任陈跃等参加了采风活动。(扬州市作协)\n",
    .byline = "扬州市作协",
    .headline = "扬州作家诗人赴施桥采风",
    .body_start = "2023年3月18日",
    .body_end = "参加了采风活动。",
    .stories = 1,
    .story = 0 },
  /* and on a line of its own, as the newest batch's labeller saw it */
  { .path = "/segmenter-credits/line/office",
    .page = R46_SIGNED ("\n\n(徐溜镇党史教办)\n"),
    .byline = "徐溜镇党史教办",
    R46_REST },
  /* r82: the writer's mark in brackets on a line of its own signs the
   * story, no section head of it */
  { .path = "/segmenter-credits/line/writer-bracketed",
    .page =
        "# 江枫苑社区与南京工业职业技术大学 携手共治,打造宜居环境\n\n"
        "针对小区内电动车停放杂乱无章的问题,志愿者们积极行动,耐心引导居民将电动车停放在指定区域,"
        "并细致入微地提醒居民注意电动车充电安全。\n\n"
        "此外,志愿者们还深入小区楼道,对楼道内的杂物进行了全面清理。\n\n"
        "(文/董语婷)\n",
    .byline = "董语婷",
    .headline = "江枫苑社区与南京工业职业技术大学 携手共治，打造宜居环境",
    .body_start = "针对小区内电动车",
    .body_end = "进行了全面清理。",
    .stories = 1,
    .story = 0 },
  /* r69: roles and names after the last sentence, no brackets round them */
  { .path = "/segmenter-credits/glued/roles-unbracketed",
    .page = "# 相聚里下河 尽享品蟹乐 海安青墩金秋品蟹节开幕\n\n"
            "晚报讯11月2日,南通海安第五届青墩金秋品蟹节在江海文明发源地——南莫镇隆重开幕。\n\n"
            "游客们还到青墩遗址和护国古寺参观,并走进凤凰庄,聆听神木传说,穿越时空隧道,"
            "探寻江海文明,漫游“天下第一墩”,尽享文化的熏陶和文明的洗礼。 通讯员谢立平 记者李波\n",
    .byline = "谢立平 李波",
    .headline = "相聚里下河 尽享品蟹乐 海安青墩金秋品蟹节开幕",
    .body_start = "11月2日",
    .body_end = "文明的洗礼。",
    .stories = 1,
    .story = 0 },
  /* r81: a reporter's post and rank before the role, the next role glued
   * to the name before it */
  { .path = "/segmenter-credits/glued/post-and-glued-role",
    .page = "# 共享“丰收宴” 让老年人有更多获得感幸福感\n\n"
            "近日,张家港市冶金园(锦丰镇)洪桥村举行“礼赞丰收情暖重阳”活动。\n\n"
            "“希望进一步发扬尊老敬老的传统美德,营造‘尊老、敬老、爱老、助老’的氛围,"
            "让老年人有更多的获得感、幸福感。”洪桥村党总支书记聂恩峰说。"
            "(驻张家港首席记者杨溢通讯员费红)\n",
    .byline = "杨溢 费红",
    .headline = "共享“丰收宴” 让老年人有更多获得感幸福感",
    .body_start = "近日，张家港市",
    .body_end = "聂恩峰说。",
    .stories = 1,
    .story = 0 },
  /* r25 as Tesseract read it: the box before the reporter read as 口,
   * after a closing quote read apart */
  { .path = "/segmenter-credits/glued/box-read-as-character",
    .page = "“新的一年风调雨顺,是个丰收年”\n\n"
            "宋庆昌的家庭农场主要以售卖自己种植的绿色草莓、秧苗、应季蔬菜为主。\n\n"
            "关于2024年,这个从事农业生产的新扬中人说:“我们王农业的都\n"
            "是靠天吃饭,希望新的一年风调雨顺是个丰收年。同时,自己还想看引\n"
            "进新的草莓品种、精进种植技术， 让上自己的草莓、秧苗、蔬菜被更多\n"
            "人知晓认可。” ”口 赵紫妍\n",
    .byline = "赵紫妍",
    .headline = "“新的一年风调雨顺，是个丰收年”",
    .body_start = "宋庆昌的家庭农场",
    .body_end = "被更多人知晓认可。”",
    .stories = 1,
    .story = 0 },
  /* r63 as Tesseract read it: a closing quote for the space before the
   * photographer who reports */
  { .path = "/segmenter-credits/glued/photographer-after-quote",
    .page = "县作协组团赴王集采风创作\n\n"
            "中的鲤鱼山,登山观景,领略古黄河风光,同时观赏有着300年历史的\n"
            "古井,聆听老人们讲述的古井故事。\n\n"
            "作家、学者们表示:将用他们手中的笔,记述、撰写这块红色沃\n"
            "十上的发生的故事,把红色文化、民俗文化传承下去不久,这些美\n"
            "文、美图将在今日瞧宁报及《乡悉》、《塌桥》等报刊发表 下图\n"
            "为采风团一行 的照片”庄学兵摄影报道。\n",
    .byline = "庄学兵",
    .headline = "县作协组团赴王集采风创作",
    .body_start = "中的鲤鱼山",
    .body_end = "的照片”",
    .stories = 1,
    .story = 0 },
  /* r42 as Tesseract read it: 摄 read as 报, glued to the name after the
   * paper's, and the caption's full stop read onto the credit's line */
  { .path = "/segmenter-credits/line/misread-credit-glued",
    .page = "# 在北京媒体“眼”中,泰州是这样的……\n\n"
            "集中采访首日 媒体记震们体验了闪州只亲 参观了江苏二砚二和馆、海纪馆、中国医药城,"
            "领略泰州深厚的文化底蕴,惊叹医药大健康产业的迅猛发展,感受干年古城焕发的勃勃生机。\n\n"
            "让我们一起看看他们镜头下的泰州。\n\n"
            "夜色里璀璨的凤城河。\n\n"
            "。 北京日报李如意报\n\n"
            "江苏盐税博物馆。\n\n"
            "首都之窗任岗摄\n\n"
            "泰州早茶博物馆。\n\n"
            "中国改革报 苋同风报\n",
    .headline = "在北京媒体“眼”中，泰州是这样的……",
    .body_start = "集中采访首日",
    .body_end = "镜头下的泰州。",
    .stories = 1,
    .story = 0 },
  /* r08 as Tesseract read it: the box before a reporter line read as 口,
   * glued to the names, which it ran together; the title above heads a
   * story of its own, not the end of the story above */
  { .path = "/segmenter-credits/reporter/box-glued-names",
    .page =
        "# 钦工镇:让红色古镇焕发新活力\n\n"
        ".，钦工镇秉持合作共赢理念,积极与南京益涧生物科技有限公司开展深度合作。"
        "在对土壤、气候和市场进行充分调研和深入分析的基础上,共同发展B-葡聚糖大米培育种植产业。\n\n"
        "学深悟透,奏好乡村振兴\n\n"
        "口张棚祖伊美李晓静马志龙\n\n"
        "【编者按】 为进一步深化细化党的二十大精神宣传报道,本报今日推出“新时代 新征程 "
        "新伟业”专栏，组织记者深入城乡社区、机关、企事业单位、校园、各类新经济组织和新社会组织。\n",
    .reporter = "张棚祖伊美李晓静马志龙",
    .headline = "学深悟透，奏好乡村振兴",
    .body_start = "【编者按】",
    .stories = 2,
    .story = 1 },
  /* r79: four names run together, each with its surname */
  { .path = "/segmenter-credits/glued/names-run-together",
    .page = "第十三届中国·东海国际水晶节开幕\n\n"
            "新华报业网讯第十三届中国·东海国际水晶节昨天开幕,近4000名中外嘉宾见证这一盛会。\n\n"
            "据了解,目前东海县拥有水晶商标756件,占全县商标总量的29%,"
            "水晶行业商标注册率达43%。(吉文化孙晓璐张开虎宋文文)\n",
    .byline = "吉文化孙晓璐张开虎宋文文",
    .headline = "第十三届中国·东海国际水晶节开幕",
    .body_start = "第十三届中国·东海",
    .body_end = "注册率达43%。",
    .stories = 1,
    .story = 0 },
  /* roles glued to the names in the bracket; the writer's 文/ in one */
  { .path = "/segmenter-credits/glued/roles-glued",
    .page = R46_SIGNED ("(记者方方 通讯员高明)\n"),
    .byline = "方方 高明",
    R46_REST },
  { .path = "/segmenter-credits/glued/writer-bracketed",
    .page = R46_SIGNED ("(文/董语婷)\n"),
    .byline = "董语婷",
    R46_REST },
  /* r63's 作者 line as the newest batch prints it, a space for the colon */
  { .path = "/segmenter-credits/line/writer-spaced",
    .page = "# 沛城街道:彩菊香飘富民路\n\n"
            "秋高气爽,沛城街道任庄社区的徐州东凌果蔬种植家庭农场内,"
            "鲜切菊花又到了丰收时节。大棚内花开芬芳,菊香满园,一派色香俱佳的丰收景象。\n\n"
            "作者 耿敬东 李沛生\n",
    .byline = "耿敬东 李沛生",
    .headline = "沛城街道：彩菊香飘富民路",
    .body_start = "秋高气爽",
    .body_end = "丰收景象。",
    .stories = 1,
    .story = 0 },
  /* r41: three characters in brackets are a name, not two and a misread 摄 */
  { .path = "/segmenter-credits/line/bracketed-name",
    .page = "# 市领导赴灌云参加扶贫项目建设开工奠基\n\n"
            "仪式结束后,参加奠基仪式相关人员还先后察看了灌云县龙苴镇嵇岭村低收入农户安装的"
            "光伏发电基站、杨范村综合服务中心项目建设、家庭农场、华彩纺织厂等地,"
            "并和龙苴镇党政领导、部分村干部进行了亲切交谈。\n\n"
            "(吉战顺)\n",
    .byline = "吉战顺",
    .headline = "市领导赴灌云参加扶贫项目建设开工奠基",
    .body_start = "仪式结束后",
    .body_end = "进行了亲切交谈。",
    .stories = 1,
    .story = 0 },
  /* r01: a reporter block of two lines, the box over the first */
  { .path = "/segmenter-credits/block/two-lines",
    .page = "# 无锡阳山:书写乡村振兴新“桃花源记”\n\n"
            "◎孙嘉隆  柳 鑫\n\n"
            "本报记者 李诏宇\n\n"
            "从“一只桃子”的单链条经济,到“一棵桃树”的全链条经济,再到“一片桃源”的文旅产业,"
            "阳山正在书写乡村振兴的新“桃花源记”。\n",
    .reporter = "孙嘉隆 柳 鑫 李诏宇",
    .headline = "无锡阳山：书写乡村振兴新“桃花源记”",
    .body_start = "从“一只桃子”",
    .stories = 1,
    .story = 0 },
  /* r08: three lines, the last of names alone */
  { .path = "/segmenter-credits/block/names-line",
    .page = "# 钦工镇:让红色古镇焕发新活力\n\n"
            "■融媒体记者 王正道\n\n"
            "通 讯 员 刘佩珩 周 建\n\n"
            "卞 雨\n\n"
            "淮安区钦工镇,因清朝康熙年间钦差大臣居此督工治水而得名。\n",
    .reporter = "王正道 通 讯 员 刘佩珩 周 建 卞 雨",
    .headline = "钦工镇：让红色古镇焕发新活力",
    .body_start = "淮安区钦工镇",
    .stories = 1,
    .story = 0 },
  /* r30: after the last paragraph, the byline of two lines */
  { .path = "/segmenter-credits/block/byline",
    .page = "全国五一劳动奖章\n\n"
            "江苏省总工会昨天公布,今年江苏共有73人获全国五一劳动奖章,"
            "其中一线职工42人,农民工6人。\n\n"
            "同时,获得省五一劳动奖章的有220人,和去年相比增幅达31.3%。\n\n"
            "■快报记者 都怡文\n\n"
            "通讯员 陈苏平\n",
    .byline = "都怡文 陈苏平",
    .headline = "全国五一劳动奖章",
    .body_start = "江苏省总工会",
    .body_end = "增幅达31.3%。",
    .stories = 1,
    .story = 0 },
  /* what looks like the forms above and is not: a bracket that names
   * nobody opens a paragraph of text, and 作者 without a colon starts a
   * sentence */
  { .path = "/segmenter-credits/negative/no-names",
    .page = "县作协组团赴王集采风创作\n\n"
            "(记者手记)应王集镇党委的邀请,8月28日,县作家协会组团赴王集镇采风创作。\n\n"
            "作者在文中写道,这块红色沃土上的故事要一代代传下去。\n",
    .headline = "县作协组团赴王集采风创作",
    .body_start = "（记者手记）",
    .body_end = "要一代代传下去。",
    .stories = 1,
    .story = 0 },
};

static void
test_credit_case (gconstpointer data)
{
  const CreditCase *c = data;
  g_autoptr (GPtrArray) segments = sd_segmenter_split (c->page, strlen (c->page));
  g_autofree char *body = NULL;
  SdSegment       *story;

  g_assert_cmpuint (segments->len, ==, c->stories);
  story = g_ptr_array_index (segments, c->story);
  g_assert_cmpstr (story->headline, ==, c->headline);
  g_assert_cmpstr (story->reporter, ==, c->reporter);
  g_assert_cmpstr (story->byline, ==, c->byline);
  body = sd_segment_dup_body (story);
  if (!g_str_has_prefix (body, c->body_start))
    g_error ("body “%s” does not start with “%s”", body, c->body_start);
  if (c->body_end != NULL && !g_str_has_suffix (body, c->body_end))
    g_error ("body “%s” does not end with “%s”", body, c->body_end);
  g_assert_cmpuint (story->section_headings->len, >=, c->sections);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (credit_cases); i++)
    g_test_add_data_func (credit_cases[i].path, &credit_cases[i], test_credit_case);
  return g_test_run ();
}
