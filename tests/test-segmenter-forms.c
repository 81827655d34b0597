/* test-segmenter-forms.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small made-up pages in the less common printed forms of datelines,
 * reporter lines, credits and bylines, and of spreads of photos: each
 * form must sign or close what it belongs to, and no title may be taken
 * for one or one for a title.
 */
#include "config.h"

#include <string.h>

#include "sd-seg-test-util.h"

/* A few Han characters and 讯 open a dateline whatever follows them
 * ("今日镇江讯为进一步…"), and a colon after it is the dateline's; a line
 * of no sentence right over one is its story's title, though it strings
 * clauses as prose does. */
static void
test_dateline_plain (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("卯区启动冬季送温暖活动\n\n"
                   "今日卯区讯为进一步弘扬志愿服务精神，卯区启动冬季送温暖活动。(甲乙)\n\n"
                   "你我共参与,家园更美丽,辰区人民路社区持续开展环境卫生整治活动\n\n"
                   "辰区日报讯:“我们社区只有两个成型小区。”社区党委书记介绍。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, "卯区启动冬季送温暖活动"),
                                   "为进一步弘扬", NULL));
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (segments,
                            "你我共参与，家园更美丽，辰区人民路社区持续开展环境卫生整治活动"),
      "“我们社区", NULL));
}

/* An agency's dateline restates the title after 题 (real text, r32 and
 * r55): that title, and the author named after it, are not the story's
 * text, which starts after them. */
static void
test_dateline_restated_title (void)
{
  g_autoptr (GPtrArray) wire = sd_test_cut (
      "故黄河畔徐州马集村:石头缝里实干巧干种出乡村振兴“杏”福果\n\n"
      "中新网徐州3月4日电题:故黄河畔徐州马集村:石头缝里实干巧干种出乡村振兴“杏”福果\n\n"
      "中新网记者 朱志庚\n\n"
      "“把这湖边200多亩杏园子先期流转过来,作为农业休闲观光开发的‘试验田’。”3月3日,"
      "在徐州城区东南20余公里的吕梁湖畔,江苏徐州金杏旅游开发有限公司总经理李先军沿着马集"
      "“十里杏花村”的林间小道一路上山,为下一步发展进行再次实地考察。\n");
  g_autoptr (GPtrArray) author = sd_test_cut (
      "淮河盱眙站大堤上的“守护者”:只为淮水安澜\n\n"
      "中新网淮安7月26日电 题:淮河盱眙站大堤上的“守护者”:只为淮水安澜 作者 "
      "徐珊珊白天头顶烈日,晚上忍着蚊虫叮咬,不停地用脚步丈量大堤……25日是江苏省盱眙县鲍集镇"
      "新迁村党总支书记李锐守护在大堤上的第七个日夜。\n");

  sd_test_only_story (wire, NULL, "“把这湖边", "朱志庚");
  sd_test_only_story (author, NULL, "白天头顶烈日", "徐珊珊");
}

/* The title an agency's dateline restates heads the dateline's story,
 * past a photo's caption and credit printed between them (real text, r61
 * and r55): the title over the caption is no photo item nor a section of
 * the story above, and the dateline opens no story of its own. */
static void
test_dateline_restates_title_above (void)
{
  g_autoptr (GPtrArray) first = sd_test_cut (
      "江苏姜堰龙卷风 村民飞出数米远\n\n"
      "8月9日17时15分左右,一场龙卷风袭击了江苏姜堰市蒋垛镇的界河、兴港、蒋垛等8个村,"
      "造成了三百多间房屋损毁。图为8月10日,村民在被龙卷风掀翻的房屋周围查看受损情况。\n\n"
      "中新社发 周胜涛 摄\n\n"
      "中新社泰州8月10日电 题:江苏姜堰龙卷风 村民飞出数米远 作者 周胜涛 张宏兵 "
      "申春华“昨天起风时,我出来关猪舍门,没想到风有这么大。”10日,在遭受龙卷风袭击严重的"
      "江苏姜堰市界河村,村民钱艺开心有余悸地对记者说。\n");
  g_autoptr (GPtrArray) after =
      sd_test_cut ("淮安这一村,从村落到桃花源:小别墅引来的大商机!\n\n"
                   "北濒老三河,南依入江道,淮金线穿村而过。从高空俯瞰,淮安市金湖县董河村可谓道路四通"
                   "八达,水网纵横交错。\n\n"
                   "2013年,金地绿园小区在村里落成,这在当年可是件稀罕事。\n\n"
                   "淮河盱眙站大堤上的“守护者”:只为淮水安澜\n\n"
                   "新迁村党总支书记李锐。 徐珊珊 摄\n\n"
                   "中新网淮安7月26日电 题:淮河盱眙站大堤上的“守护者”:只为淮水安澜 作者 "
                   "徐珊珊白天头顶烈日,晚上忍着蚊虫叮咬,不停地用脚步丈量大堤。\n");

  sd_test_assert_one_caption (sd_test_only_story (first, "江苏姜堰龙卷风 村民飞出数米远",
                                                  "“昨天起风时", "周胜涛 张宏兵 申春华"),
                              "8月9日");
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (after, "淮安这一村，从村落到桃花源：小别墅引来的大商机！"), NULL,
      "稀罕事。"));
  g_assert_true (
      sd_test_body_has (sd_test_story_headed (after, "淮河盱眙站大堤上的“守护者”：只为淮水安澜"),
                        "白天头顶烈日", NULL));
}

/* The reporters in brackets open a story's text with the paper's
 * dateline left out (real text, r60: "(记者 张泽瑞 通讯员 王婷 正祥)14日,…");
 * the same bracket alone after the last paragraph signs the story (r05). */
static void
test_dateline_reporters_only (void)
{
  g_autoptr (GPtrArray) lead = sd_test_cut (
      "乡村发展新动能\n\n"
      "(记者  张泽瑞  通讯员  王婷  正祥)14日,在灌云县杨集镇双湾村昊群生态农业种殖家庭农场,"
      "村民正在地里忙碌着分拣辣椒。\n\n"
      "灌南“志愿红”把小城温度织进人间烟火\n\n"
      "(□ 张文华 孙荪 赵占成 王岩)“以前送完货只能在驾驶室啃两口面包。现在有了爱心驿站,"
      "热水热饭都有。”\n");
  g_autoptr (GPtrArray) signed_off =
      sd_test_cut ("更让高层住户暖心的是去年就启动的电梯加装项目。\n\n"
                   "(记者司占伟 通讯员孙平)\n");
  SdSegment *story;

  g_assert_cmpuint (lead->len, ==, 2);
  story = sd_test_story_headed (lead, "乡村发展新动能");
  g_assert_true (sd_test_body_has (story, "14日，在灌云县", NULL));
  g_assert_cmpstr (story->reporter, ==, "张泽瑞 通讯员 王婷 正祥");
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (lead, "灌南“志愿红”把小城温度织进人间烟火"), "“以前送完货", NULL));
  story = sd_test_only_story (signed_off, NULL, "更让高层住户", NULL);
  g_assert_null (story->reporter);
  g_assert_nonnull (story->byline);
  g_assert_nonnull (strstr (story->byline, "司占伟"));
}

/* A role spaced out to line up with the one above it ("通 讯 员") makes a
 * reporter line still, no line of the story's text. */
static void
test_reporter_spaced_role (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("沿河村:把优质食材销往全国\n\n"
                                                "■融媒体记者 姜彩兰 杨春阳\n\n"
                                                "通 讯 员 谢 婧 毕梓豪\n\n"
                                                "近日,记者来到卯镇沿河村,只见农民正弓腰忙碌。\n");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (
      sd_test_body_has (g_ptr_array_index (segments, 0), "近日，记者来到卯镇沿河村", NULL));
}

/* A spread of photos in a story: short undated captions, each closed by
 * its own photographer's credit, stay in the story; a longer caption of
 * news after a credit is a photo of its own. */
static void
test_photo_spread_captions (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "卯镇摄影展作品选\n\n"
      "4月27日，卯镇摄影展开幕，展出摄影爱好者拍摄的卯镇风光作品一百余幅。\n\n"
      "卯镇石塘村青山绿水环绕，环境优美。\n\n"
      "李莉 摄\n\n"
      "以茶山、竹海和松涛为主体的石塘竹海，宛如仙境。\n\n"
      "陈宁华 摄\n\n"
      "良田万顷，村庄秀美，卯镇西岗社区宜人的生态吸引摄影爱好者纷纷驻足。\n\n"
      "俯瞰卯镇大福村，犹如一幅画卷。\n\n"
      "魏福春 摄\n\n"
      "春节临近，辰镇夏氏月饼店内一派忙碌，师傅们正熬煮白糖、制作炒米糕。作为辰镇特色年味"
      "糕点，炒米糕承载着当地人对步步高升、年年顺遂的美好期盼。(龚建平 摄)\n");
  SdSegment       *story = sd_test_story_headed (segments, "卯镇摄影展作品选");
  g_autofree char *body = sd_segment_dup_body (story);

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_nonnull (strstr (body, "吸引摄影爱好者纷纷驻足。"));
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 1), "春节临近", NULL));
}

/* Of two title lines with no dash, one that names its subject before a
 * colon is the headline and the line under it its 副题; over a line that
 * does so itself, a plain line is the 引题. */
static void
test_title_colon_over_plain (void)
{
  static const char *const headers[][3] = {
    /* the two lines, the headline */
    { "寅城:破解乡村振兴三大难题在一线", "人从哪里来", "寅城：破解乡村振兴三大难题在一线" },
    { "富民路上干出新实景", "寅城:特色小镇争奇斗艳", "寅城：特色小镇争奇斗艳" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *page = g_strdup_printf ("%s\n%s\n\n"
                                               "近日，记者走进寅城，村里的能人纷纷回乡创业。\n",
                                               headers[i][0], headers[i][1]);

      sd_test_assert_cut (page, 1, headers[i][2], "近日");
    }
}

/* A line whose bracket dates and credits a photo ("…（2023年12月21日摄
 * 无人机照片）") is the photo's caption inside the story, no title. */
static void
test_caption_bracketed_credit (void)
{
  sd_test_assert_cut (
      "卯区老街焕新颜\n\n"
      "近年来，卯区对老街进行保护性修缮，青石板路、粉墙黛瓦重现昔日风貌，游客络绎不绝。\n\n"
      "卯区城区景色(2023年12月21日摄 无人机照片)\n\n"
      "老街两旁的商铺也重新开张，手工作坊、茶馆和书店吸引了不少年轻人前来打卡。\n",
      1, "卯区老街焕新颜", "近年来");
}

/* A photo item's text closed by its credit, then one short sentence at
 * its end: the caption printed under the photo, out of the body. */
static void
test_caption_under_photo (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("卯镇茶园的繁忙采摘\n\n"
                   "近日，卯镇茶场迎来了一年一度的春茶采摘旺季。茶农们抢抓时节，"
                   "采摘鲜嫩春茶供应市场。 王小明摄(人民图片网)\n\n"
                   "采茶工在卯镇茶场采摘春茶。\n");
  SdSegment *story = sd_test_story_headed (segments, "卯镇茶园的繁忙采摘");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (story, "近日", "供应市场。"));
  g_assert_cmpuint (story->captions->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (story->captions, 0), ==, "采茶工在卯镇茶场采摘春茶。");
}

/* Credits and bylines in less common forms close the story above, and the
 * title under them heads its own: on a line of their own, names and a
 * picture agency or a role after a slash, or a credit with its agency
 * after a space; glued after the last sentence, names with their medium
 * and role before them, a photographer's 摄影报道, 摄 with the picture
 * agency in brackets, or a bracket of a photo's credits with their roles. */
static void
test_credit_forms (void)
{
  static const char *const forms[][3] = {
    /* what parts the credit from the last sentence, the credit, the names */
    { "\n\n", "陈岗/视觉中国", "陈岗" },
    { "\n\n", "师杰/文", "师杰" },
    { "\n\n", "许昌亮 摄 光明图片", "许昌亮" },
    { "", "扬子晚报/紫牛新闻记者梅方滢", "梅方滢" },
    { "", "张仁勇摄影报道", "张仁勇" },
    { "", "王春摄(人民图片网)", "王春" },
    /* a photo's credits in brackets, roles and all */
    { "", "(沙佳仪 供图:辰区视点 摄影师:吴良伟)", "沙佳仪 供图:辰区视点 摄影师:吴良伟" },
    /* the paper before the names in brackets; a label and names parted
     * by commas; an agency that sends the photo */
    { "", "(辰区日报 王小明 李大伟)", "王小明 李大伟" },
    { "", "(供稿人:王小燕,陈国庆)", "王小燕,陈国庆" },
    { " ", "新华社发", "新华社" },
    /* the paper a photographer works for, like a masthead; reporters
     * with their roles who sign a photo report */
    { "\n\n", "辰区日报 王小明 摄", "辰区日报 王小明" },
    { " ", "全媒体记者 王小明 通讯员 李大伟 陈小红 摄影报道", "王小明 李大伟 陈小红" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *page = g_strconcat ("村居穿新衣 壁画美家园\n\n"
                                           "11月2日，辰区江心洲一位美术工作者在为村庄道路两旁的墙壁"
                                           "绘制壁画。\n\n"
                                           "据了解，江心洲四面环水，素有“水中碧玉”之称。",
                                           forms[i][0], forms[i][1],
                                           "\n\n居民“摸黑”多年社区带来光明\n\n"
                                           "“每到晚上我们‘摸黑’走路，已经十多年了。”居民说。\n",
                                           NULL);
      g_autoptr (GPtrArray) segments = sd_test_cut (page);
      SdSegment *story;

      g_assert_cmpuint (segments->len, ==, 2);
      story = sd_test_story_headed (segments, "村居穿新衣 壁画美家园");
      g_assert_true (sd_test_body_has (story, NULL, "素有“水中碧玉”之称。"));
      g_assert_cmpstr (story->byline, ==, forms[i][2]);
      g_assert_true (sd_test_body_has (
          sd_test_story_headed (segments, "居民“摸黑”多年社区带来光明"), "“每到晚上", NULL));
    }
}

/* 闻讯 opens prose, no dateline. */
static void
test_dateline_heard_news (void)
{
  static const char page[] = "卯区启动冬季送温暖活动\n\n"
                             "村民闻讯赶来，卯区三个村入选省级特色田园乡村。\n";
  g_autoptr (GPtrArray) segments = sd_test_cut (page);

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, "卯区启动冬季送温暖活动"),
                                   "村民闻讯赶来", NULL));
}

/* No paragraph opens with a closing quote or a comma: such marks before a
 * dateline are what OCR read off a rule or the line above, and the
 * dateline behind them still opens a story. */
static void
test_dateline_after_stray_marks (void)
{
  static const char *const marks[] = { "”", "， ", "。 ", "|" };
  /* the title goes on in the words of the story above: only the dateline
   * says it opens one */
  static const char format[] =
      "卯区敬老月活动启动\n\n"
      "重阳节前夕，卯区社区志愿者走访了三百户老人，送去重阳糕和敬老礼物，社区老人喜气洋洋。\n\n"
      "社区重阳喜气浓\n\n"
      "%s本报讯10月5日是一年一度的重阳节，各社区纷纷举办敬老、爱老、助老活动，老人喜气洋洋。"
      "社区志愿者为老人理发、测血压，陪老人聊家常，现场欢声笑语不断。\n";

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *page = g_strdup_printf (format, marks[i]);

      sd_test_assert_cut (page, 2, "社区重阳喜气浓", "10月5日是一年一度的重阳节");
    }
}

/* A dateline OCR read with one mark misread inside it ("中国网。美丽卯区讯",
 * "?月20日讯") is still one; so is "…日电" before the 题 of a headline the
 * text repeats, and the restated headline, glued to the text, is not the
 * text (r73).  Two misread marks are prose. */
static void
test_dateline_misread (void)
{
  static const char *const leads[][2] = {
    { "中国网。美丽卯区讯10月24日下午，", "10月24日下午" },
    { "中国卯区网?月20日讯(记者 甲乙)", "这里有" },
    { "中新网卯区3月4日电题:卯区马集村种出“杏”福果", "这里有" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      g_autofree char *page = g_strconcat ("卯区马集村种出“杏”福果\n\n", leads[i][0],
                                           "这里有十里杏花海，村民种杏致富。\n", NULL);
      sd_test_assert_cut (page, 1, NULL, leads[i][1]);
    }
  sd_test_assert_cut ("卯区马集村种出“杏”福果\n\n"
                      "中国网。美丽。卯区讯10月24日下午，这里有十里杏花海。\n",
                      1, NULL, "中国网。美丽。卯区讯");
}

/* The box before a reporter line, read by OCR as 国 (or 口, 图, 回): set
 * apart before names, or glued to the role, it still makes a reporter
 * line, not the story's headline. */
static void
test_reporter_misread_box (void)
{
  static const char *const lines[][2] = {
    { "国 甲乙丙 李刚", "甲乙丙 李刚" },
    { "国通讯员 甲乙丙 李刚", "甲乙丙 李刚" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *page =
          g_strconcat ("卯区迎来上海客\n", lines[i][0],
                       "\n本报讯 面对摄像头，走下大巴车的游客手打“V”字。\n", NULL);
      g_autoptr (GPtrArray) segments = sd_test_cut (page);
      SdSegment *story;

      g_assert_cmpuint (segments->len, ==, 1);
      story = sd_test_story_headed (segments, "卯区迎来上海客");
      g_assert_nonnull (g_strrstr (story->reporter, lines[i][1]));
      g_assert_true (sd_test_body_has (story, "面对摄像头", NULL));
    }
}

/* "寅城：社区…" over a lead that names 寅城市: the subject before the
 * colon is a place the lead names, though 社区 after the colon ends in a
 * suffix of places. */
static void
test_title_subject_before_colon (void)
{
  sd_test_assert_cut ("卯区桃园花开踏青游\n\n"
                      "春光正好，卯区桃园里游人如织，踏青赏花的市民纷纷拿出手机记录美好春光。\n\n"
                      "寅城:社区志愿者贴心服务解民忧\n\n"
                      "走进寅城市亭湖区大洋街道育才社区，记者看到“周末爱心课堂”里坐满了学生。\n",
                      2, "寅城：社区志愿者贴心服务解民忧", "走进寅城市");
}

/* Real text (tests/pages/real/b2, r07): a feature heads its sections with
 * a group before a colon ("退休居民：…", "医护人员：…"), a headline with a
 * place ("孤山镇、城北园区：…"); the first are sections of the story, the
 * last opens one. */
static void
test_title_colon_group_or_place (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "疫情防控,泰州志愿者在行动\n\n"
      "3月13日,泰州市文明办、市志愿服务联合会向全市志愿服务组织、志愿者、市民发出疫情防控志愿服务的"
      "倡议。连日来,泰州广大志愿者立即行动起来,卡口值勤、核酸采样、捐献物资、参与“敲门行动”……他们"
      "用各种方式投身到疫情防控行动中。\n\n"
      "退休居民:主动请缨参与卡口执勤\n\n"
      "14日下午,在海陵区城西街道招贤社区建工三村,54岁的社区居民徐秀珍正在小区门口执勤。\n\n"
      "徐秀珍说,她是一名退休人员,前两年新冠疫情最初暴发的时候,她就主动报名,成为一名志愿者,参与社区"
      "疫情防控。\n\n"
      "医护人员:发挥专业特长投身防控\n\n"
      "在海陵区城南街道社区卫生服务中心,29岁的江鹏正在忙着进行核酸采样。\n\n"
      "孤山镇、城北园区:民生实事落地见效 托起群众“稳稳的幸福”\n\n"
      "2026年以来,靖江市孤山镇、城北园区一系列民生实事项目陆续落地见效,涉及养老服务提升、交通出行"
      "优化、基础设施建设等多个领域,切实为群众带来便利。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, "疫情防控，泰州志愿者在行动"),
                                   "3月13日", "忙着进行核酸采样。"));
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (segments, "孤山镇、城北园区：民生实事落地见效 托起群众“稳稳的幸福”"),
      "2026年以来", NULL));
}

/* Real hard-wrapped text (tests/pages/real/b10, r37): a spread of photos,
 * each caption closed by its credit, then after a blank line a photo of
 * its own whose caption ends in its glued credit ("…(厚宣 摄)"): the last
 * is no part of the spread's story, nor is its photographer that story's
 * byline. */
static void
test_photo_after_spread (void)
{
  static const char page[] = "水蜜桃这一“甜蜜产业”助力乡村振兴的鲜活\n"
                             "实践。\n"
                             "无锡阳山,一批“桃王”集中亮相。\n"
                             "孙权 摄\n"
                             "　　作为“中国水蜜桃之乡”,无锡阳山所产\n"
                             "“阳山水蜜桃”以香气浓郁、皮薄肉细、汁多\n"
                             "味甜等特点享誉海内外。每年品桃旺季,“精\n"
                             "品阳山水蜜桃”推选、优质果品联展等活动,\n"
                             "已成为观察阳山区域特色产业活力的“窗口”\n"
                             "——既晒出桃农丰收成果,也亮出产业升级轨\n"
                             "迹。\n"
                             "　　本次活动紧扣“提升品质、强化品牌、促\n"
                             "进交流、助力增收”宗旨,吸引了惠山区50多\n"
                             "户桃农参与。无锡市惠山区阳山水蜜桃桃农协\n"
                             "会会长钱畅介绍,工作人员对送检样品进行称\n"
                             "重测量、糖度检测等,9位专家组成的评审团则\n"
                             "\n"
                             "依据果重、甜度、色泽等核心指标评审。最终,\n"
                             "10个单位(个人)入选“精品阳山水蜜桃”目录,\n"
                             "20个单位(个人)入选“优质阳山水蜜桃”目录。\n"
                             "图为参选的阳山水蜜桃样品,果形周正。\n"
                             "孙权 摄\n"
                             "　　“技术赋能让桃子品质更稳定。”无锡市\n"
                             "阳山镇桃缘仁家水蜜桃专业合作社负责人姚仁\n"
                             "志说,此次合作社送检果品重8两至9两,果形周\n"
                             "正,这得益于智能水肥浇灌等设备的引入;无锡\n"
                             "太湖阳山水蜜桃科技有限公司是“阳山水蜜桃”\n"
                             "种植的龙头企业,今年,该公司选送的果品堪称\n"
                             "果中“白富美”,公司种植管理部副部长高寒\n"
                             "表示,后续将持续在品种改良与技术创新上发\n"
                             "力,希望种出更好的水蜜桃。\n"
                             "\n"
                             "留锡过年也温暖\n"
                             "近日,梁溪区离退休干部、省优秀志愿者赵大\n"
                             "松来到广益街道上马墩社区,向春节期间留锡\n"
                             "坚守岗位的环卫工人送上新春的祝福。\n"
                             "(小汤 摄)\n"
                             "近日,锡山区云林街道云昌社区组织留锡过年\n"
                             "的青少年开展创意手工画活动。孩子们以冬奥\n"
                             "会、冰雪运动为素材,精心创作了一幅幅作品,\n"
                             "抒发对冬奥会的祝福和对祖国的热爱。\n"
                             "(田光华 摄)\n"
                             "春节期间,新吴区旺庄街道党群服务中心举办\n"
                             "冬令营,组织留在无锡就地过年的企业职工子\n"
                             "女开展迎新春系列活动。图为在党员志愿者的\n"
                             "带领下,孩子们写春联、练书法。\n"
                             "(戚善成 摄)\n"
                             "\n"
                             "　　4月1日,由锡山经济技术开发区、厚桥街\n"
                             "道主办的“云瞰宛山湖,醉美梨花韵”2020宛\n"
                             "山湖梨花节正式拉开序幕,期间将举办短视频\n"
                             "创作大赛、原创主题曲征集大赛、文化创意设\n"
                             "计大赛、知名乐队现场助演等活动。依托得天\n"
                             "独厚的自然资源优势,宛山湖近两年在市民口\n"
                             "中声名鹊起,成为当仁不让的“网红”打卡地。\n"
                             "图为游客梨园赏花。(厚宣 摄)\n";
  g_autoptr (GPtrArray) segments = sd_test_cut (page);
  SdSegment *spread, *photo;

  spread = sd_test_story_headed (segments, "留锡过年也温暖");
  photo = g_ptr_array_index (segments, segments->len - 1);
  g_assert_true (photo != spread);
  g_assert_true (sd_test_body_has (photo, "4月1日", "图为游客梨园赏花。"));
  g_assert_null (spread->byline);
}

/* A titled spread of photos (real text, r37): each caption closed by its
 * own photographer's credit and repeating a word of the title (留锡,
 * 过年) goes on in the spread, which keeps them all as its text and is
 * signed by none of them; a photo after it that shares no word of the
 * title is an item of its own. */
static void
test_photo_spread_title_words (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "留锡过年也温暖\n\n"
      "近日,梁溪区离退休干部、省优秀志愿者赵大松来到广益街道上马墩社区,向春节期间留锡坚守岗位"
      "的环卫工人送上新春的祝福。(小汤 摄)\n\n"
      "近日,锡山区云林街道云昌社区组织留锡过年的青少年开展创意手工画活动。孩子们以冬奥会、"
      "冰雪运动为素材,精心创作了一幅幅作品,抒发对冬奥会的祝福和对祖国的热爱。\n\n"
      "(田光华 摄)\n\n"
      "春节期间,新吴区旺庄街道党群服务中心举办冬令营,组织留在无锡就地过年的企业职工子女开展"
      "迎新春系列活动。图为在党员志愿者的带领下,孩子们写春联、练书法。\n\n"
      "(戚善成 摄)\n\n"
      "4月1日,由锡山经济技术开发区、厚桥街道主办的“云瞰宛山湖,醉美梨花韵”2020宛山湖梨花节"
      "正式拉开序幕。图为游客梨园赏花。(厚宣 摄)\n");
  SdSegment *spread = sd_test_story_headed (segments, "留锡过年也温暖");
  SdSegment *photo = g_ptr_array_index (segments, segments->len - 1);

  /* all three captions, each with its photographer's credit */
  g_assert_true (sd_test_body_has (spread, "近日，梁溪区", "孩子们写春联、练书法。"));
  g_assert_null (spread->byline);
  g_assert_true (photo != spread && sd_test_body_has (photo, "4月1日", NULL));
  g_assert_cmpuint (segments->len, ==, 2);
}

/* Real text (tests/pages/real/b13, r49): a photo's caption that opens with
 * its credit in brackets (【…摄】) is an item of its own after a story
 * that did not end in a byline; the names are its reporter, out of the
 * body.  A shorter credit (【本报记者 王健民 摄】) is no dateline either. */
static void
test_photo_credit_first (void)
{
  static const char *const credits[] = { "【连云港日报全媒体记者 王健民 摄】",
                                         "【本报记者 王健民 摄】" };

  for (guint i = 0; i < G_N_ELEMENTS (credits); i++)
    {
      g_autofree char *page = g_strdup_printf (
          "“一体两翼”腾飞!连云港港前 5 个月货物吞吐量同比增长 12.05%%\n\n"
          "现代快报讯(记者 刘伟娟)2023 年 1-5 月,连云港港完成货物吞吐量 1.24 亿吨,"
          "同比增长 12.05%%;集装箱完成 239.3 万标箱,同比增长 16.45%%。\n\n"
          "近年来,连云港突出深水大港、班轮航线、国际班列、物流场站的无缝对接,"
          "有效贯通亚欧两大洲、连接三大洋。\n\n"
          "%s5月13日航拍的连云区北固山生态公园。近年来,我市加大投入打造城市“绿肺”。\n\n"
          "今年前7月连云港港口吞吐量同比增3.4%%\n\n"
          "本报电 (丁茜茜)中国(江苏)自由贸易试验区设立一年来,连云港片区立足自身特色,"
          "开展差异化探索,实现疫情之下各项数据逆势增长。\n",
          credits[i]);
      g_autoptr (GPtrArray) segments = sd_test_cut (page);
      SdSegment *photo;

      g_assert_cmpuint (segments->len, ==, 3);
      g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "2023", "连接三大洋。"));
      photo = g_ptr_array_index (segments, 1);
      g_assert_null (photo->headline);
      g_assert_true (sd_test_body_has (photo, "5月13日", "“绿肺”。"));
      g_assert_nonnull (photo->reporter);
      g_assert_nonnull (strstr (photo->reporter, "王健民"));
    }
}

/* Real text (tests/pages/real/b1, r03): inside a feature, a section head
 * with its own ——副题, the text under them going on about the village the
 * story told of (蒋巷村): a section of the story, both lines its heads. */
static void
test_section_with_subtitle (void)
{
  static const char page[] =
      "\n"
      "时代先锋\n"
      "\n"
      "44年 带出个新农村\n"
      "\n"
      "常德盛(左)和农技人员在蒋巷生态园察看葡萄收成(8月29日摄)。 新华社记者 陈琪摄\n"
      "\n"
      "“上有天堂,下有苏杭”。走进江苏省常熟市蒋巷村,似乎真的走进了“人间天堂”:遍植的树木郁郁葱葱,"
      "千亩良田绿浪滚滚,生态园区里,树上挂满了水果,树下鸡鸭成群,碧水环绕的别墅里,"
      "村民们悠然自得地享受着清新的空气,小小新村内,荷塘长廊,更添几分江南余韵。\n"
      "\n"
      "在村史展览馆里,一张张发黄的旧照片,则告\n"
      "\n"
      "诉游客们,这个如世外桃源般的村子的奋斗史:67岁的村党委书记常德盛带领全村百姓,用44年的时间,"
      "把一个苏南最贫穷的小乡村,建设成一个“全面发展的”全国文明村、国家级生态村。\n"
      "\n"
      "“天不能改,地一定要换”\n"
      "\n"
      "——艰苦奋斗点燃穷苦村落幸福生活的希望\n"
      "\n"
      "蒋巷村是常熟一个偏远乡村,与太仓和昆山交界,曾经是一个土地贫瘠的“低乡”。83岁的冯雪林回忆,"
      "上世纪五六十年代的蒋巷村,地势低洼,水灾虫灾一年到头轮番折磨,全村90%的人有血吸虫病,男女老少,"
      "面黄肌瘦,苦种一年,收成寥寥,住的是泥土墙、茅草房,村里35岁左右的小伙子,半数以上娶不上媳妇。\n"
      "\n"
      "1966年,23岁的常德盛成为一名共产党员,"
      "并当上了生产队大队长。第一次在两间茅草房召开全村会议的时候,连条凳子都没有,"
      "村干部站着开会。在那次会议上,常德盛对村民喊出了“天不能改,地一定要换”的誓言,"
      "并拟定了改变蒋巷穷乡僻壤、穷土恶水面貌的计划,开始了艰苦奋斗的征程。\n"
      "\n";
  g_autoptr (GPtrArray) segments = sd_test_cut (page);
  SdSegment *story;

  g_assert_cmpuint (segments->len, ==, 1);
  story = g_ptr_array_index (segments, 0);
  g_assert_true (sd_test_body_has (story, "“上有天堂", "开始了艰苦奋斗的征程。"));
  g_assert_cmpuint (story->section_headings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (story->section_headings, 1), ==,
                   "——艰苦奋斗点燃穷苦村落幸福生活的希望");
}

/* A web page's title names what goes with it, "(组图)" (real text,
 * r72): it is the headline, never a kicker over the caption under it. */
static void
test_title_media_mark (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("扬州古运河现数十座古墓 部分尸体未腐(组图)\n\n"
                   "宋墓里出土铜镜和粉盒等随葬\n\n"
                   "墓主或是女子\n\n"
                   "昨天下午考古发掘的一座宋代古墓,棺椁板也已经腐烂,"
                   "但锈迹斑斑的铁质棺钉还一个个竖立在四周。\n\n"
                   "截至昨天傍晚收工时,考古人员在不大的墓穴里南侧头厢位置,发现了一只陶罐。\n");

  sd_test_only_story (segments, "扬州古运河现数十座古墓 部分尸体未腐（组图）", NULL, NULL);
}

/* A 引题 that ends in a dash leads into the title under it, though it
 * holds sentences (real text, r69): no story of its own without a title. */
static void
test_title_dash_kicker (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "吕四依海而兴,因渔而名。近年来,我市高起点实施扩建,投资16亿打造国内一流渔港经济区——\n\n"
      "且看吕四新渔港的裂变效应\n\n"
      "农历小满,正值渔业春汛黄金时节,从崇启大桥北桥头堡沿新近通车的临海高等级公路驱车向北,"
      "只需40分钟即便进入吕四渔港。船在港中,城在海边。\n");
  SdSegment *story = sd_test_only_story (segments, "且看吕四新渔港的裂变效应", "农历小满", NULL);

  g_assert_true (g_str_has_prefix (story->subheadline, "吕四依海而兴"));
}

/* A headline states a count ("12项"), its 副题 under it none (real text,
 * r51): the line above is the headline, not a 引题. */
static void
test_title_count_over_subtitle (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "云龙区文明创建12项专题整治行动顺利推进\n\n"
      "文明创建加速度得民心赢掌声\n\n"
      "◎徐州日报记者 刘苏 通讯员 于芳 袁雪萍\n\n"
      "2017年是全国文明城市评选表彰之年,也是我市创建全国文明城市的攻坚之年、关键之年。\n");
  SdSegment *story =
      sd_test_only_story (segments, "云龙区文明创建12项专题整治行动顺利推进", "2017年", NULL);

  g_assert_cmpstr (story->subheadline, ==, "文明创建加速度得民心赢掌声");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-forms/dateline/plain", test_dateline_plain);
  g_test_add_func ("/segmenter-forms/dateline/heard-news", test_dateline_heard_news);
  g_test_add_func ("/segmenter-forms/dateline/after-stray-marks", test_dateline_after_stray_marks);
  g_test_add_func ("/segmenter-forms/dateline/misread", test_dateline_misread);
  g_test_add_func ("/segmenter-forms/dateline/restated-title", test_dateline_restated_title);
  g_test_add_func ("/segmenter-forms/dateline/reporters-only", test_dateline_reporters_only);
  g_test_add_func ("/segmenter-forms/dateline/restates-title-above",
                   test_dateline_restates_title_above);
  g_test_add_func ("/segmenter-forms/reporter/spaced-role", test_reporter_spaced_role);
  g_test_add_func ("/segmenter-forms/reporter/misread-box", test_reporter_misread_box);
  g_test_add_func ("/segmenter-forms/title/subject-before-colon", test_title_subject_before_colon);
  g_test_add_func ("/segmenter-forms/title/colon-over-plain", test_title_colon_over_plain);
  g_test_add_func ("/segmenter-forms/title/colon-group-or-place", test_title_colon_group_or_place);
  g_test_add_func ("/segmenter-forms/title/section-with-subtitle", test_section_with_subtitle);
  g_test_add_func ("/segmenter-forms/title/media-mark", test_title_media_mark);
  g_test_add_func ("/segmenter-forms/title/dash-kicker", test_title_dash_kicker);
  g_test_add_func ("/segmenter-forms/title/count-over-subtitle", test_title_count_over_subtitle);
  g_test_add_func ("/segmenter-forms/credit/forms", test_credit_forms);
  g_test_add_func ("/segmenter-forms/photo/spread-captions", test_photo_spread_captions);
  g_test_add_func ("/segmenter-forms/photo/bracketed-credit", test_caption_bracketed_credit);
  g_test_add_func ("/segmenter-forms/photo/caption-under-photo", test_caption_under_photo);
  g_test_add_func ("/segmenter-forms/photo/after-spread", test_photo_after_spread);
  g_test_add_func ("/segmenter-forms/photo/spread-title-words", test_photo_spread_title_words);
  g_test_add_func ("/segmenter-forms/photo/credit-first", test_photo_credit_first);
  return g_test_run ();
}
