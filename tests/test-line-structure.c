/* test-line-structure.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages of a paragraph a line are left as they are; the same pages
 * hard-wrapped at a column width are joined back into those paragraphs,
 * and every offset maps back onto the character it came from.
 */
#include "config.h"

#include <string.h>

#include "sd-line-structure.h"
#include "sd-page-reader.h"

#define SD_TEST_COLUMN 17

/* Every page the segmenter is scored on in seed-like form. */
static GPtrArray *
read_paragraph_pages (void)
{
  const char *dirs[] = { SD_SEEDS_DIR, SD_PAGES_DIR };
  GPtrArray  *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sd_page_free);

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          SdPage          *page;

          if (!g_str_has_suffix (name, ".txt"))
            continue;
          page = sd_page_read_file (path, &error);
          g_assert_no_error (error);
          g_ptr_array_add (pages, page);
        }
    }
  g_assert_cmpuint (pages->len, >=, 20);
  return pages;
}

/* @text as a narrow column prints it: paragraphs indented with "　　" and
 * cut every @width characters; other lines (titles, names) as they are.
 * The pages' own column breaks (a paragraph cut mid-sentence) go on
 * unindented. */
static GString *
wrap_text (const char *text, guint width, const char *line_end)
{
  GString *out = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean paragraph_ended = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      guint       units = 4; /* half-width units: a Han character takes two */
      gboolean    indent = paragraph_ended;

      if (*line == '\0')
        continue;
      paragraph_ended = g_str_has_suffix (line, "。") || g_str_has_suffix (line, "”");
      /* titles and names span the columns; only prose is set in one */
      if (g_utf8_strlen (line, -1) <= (glong) width || strstr (line, "。") == NULL)
        {
          g_string_append_printf (out, "%s%s", line, line_end);
          paragraph_ended = TRUE;
          continue;
        }
      /* the rest of a paragraph a column break cut is not indented */
      if (!indent)
        units = 0;
      else
        g_string_append (out, "\u3000\u3000");
      for (const char *c = line; *c != '\0'; c = g_utf8_next_char (c))
        {
          guint w = (guchar) *c < 0x80 ? 1 : 2;

          if (units + w > 2 * width)
            {
              g_string_append (out, line_end);
              units = 0;
            }
          g_string_append_len (out, c, g_utf8_next_char (c) - c);
          units += w;
        }
      g_string_append (out, line_end);
    }
  return out;
}

static char *
squeeze (const char *text, gsize length)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
test_paragraph_pages_untouched (void)
{
  g_autoptr (GPtrArray) pages = read_paragraph_pages ();

  for (guint i = 0; i < pages->len; i++)
    {
      SdPage *page = g_ptr_array_index (pages, i);
      g_autoptr (SdLineStructure) lines = sd_line_structure_read (page->text, page->length);
      gsize length;

      g_test_message ("%s", page->basename);
      g_assert_cmpint (sd_line_structure_get_form (lines), ==, SD_LINE_FORM_PARAGRAPHS);
      g_assert_true (sd_line_structure_get_text (lines, &length) == page->text);
      g_assert_cmpuint (length, ==, page->length);
      g_assert_cmpuint (sd_line_structure_to_page (lines, 7), ==, 7);
    }
}

/* Joined text keeps every character of the page but the line breaks and
 * indents inside paragraphs, and each maps back onto itself. */
static void
check_wrapped (const char *page_text, gsize page_length, guint width, guint paragraphs)
{
  g_autoptr (SdLineStructure) lines = sd_line_structure_read (page_text, page_length);
  const char      *joined;
  gsize            length;
  g_autofree char *a = NULL, *b = NULL;
  guint            joined_lines = 0, page_lines = 0;

  g_assert_cmpint (sd_line_structure_get_form (lines), ==, SD_LINE_FORM_WRAPPED);
  /* in half-width units: the column is @width Han characters wide */
  g_assert_cmpuint (sd_line_structure_get_width (lines), >=, 2 * width - 2);
  g_assert_cmpuint (sd_line_structure_get_width (lines), <=, 2 * width + 3);
  joined = sd_line_structure_get_text (lines, &length);
  a = squeeze (page_text, page_length);
  b = squeeze (joined, length);
  g_assert_cmpstr (a, ==, b);
  for (gsize i = 0; i < page_length; i++)
    page_lines += page_text[i] == '\n';
  for (gsize i = 0; i < length; i++)
    joined_lines += joined[i] == '\n';
  g_assert_cmpuint (joined_lines, <, page_lines);
  /* about a line a paragraph: a paragraph's last line may end at the edge
   * and run on into a line of names; the pages' own column-break pieces,
   * indented here, may read as titles */
  g_assert_cmpuint (joined_lines * 100, <=, paragraphs * 120);
  g_assert_cmpuint (joined_lines * 100, >=, paragraphs * 85);

  for (const char *p = joined; p < joined + length; p = g_utf8_next_char (p))
    {
      gsize at = sd_line_structure_to_page (lines, p - joined);
      gsize n = g_utf8_next_char (p) - p;

      g_assert_cmpuint (at + n, <=, page_length);
      if (*p != ' ' && *p != '\n' && *p != '\r')
        g_assert_cmpmem (page_text + at, n, p, n);
    }
}

static void
test_wrapped_pages_joined (gconstpointer data)
{
  const char *line_end = data;
  g_autoptr (GPtrArray) pages = read_paragraph_pages ();

  for (guint i = 0; i < pages->len; i++)
    {
      SdPage *page = g_ptr_array_index (pages, i);
      g_autoptr (GString) wrapped = wrap_text (page->text, SD_TEST_COLUMN, line_end);
      g_auto (GStrv) page_lines = g_strsplit (page->text, "\n", -1);
      guint paragraphs = 0;

      for (guint k = 0; page_lines[k] != NULL; k++)
        paragraphs += *g_strstrip (page_lines[k]) != '\0';
      g_test_message ("%s", page->basename);
      check_wrapped (wrapped->str, wrapped->len, SD_TEST_COLUMN, paragraphs);
    }
}

/* The lines of a wrapped @page as joined, a paragraph each. */
static GStrv
read_wrapped_paragraphs (const char *page)
{
  g_autoptr (SdLineStructure) lines = sd_line_structure_read (page, strlen (page));
  gsize length;

  g_assert_cmpint (sd_line_structure_get_form (lines), ==, SD_LINE_FORM_WRAPPED);
  return g_strsplit (sd_line_structure_get_text (lines, &length), "\n", -1);
}

/* What ends a paragraph: an indent, a short line, a blank line, a title
 * before an indented paragraph even when it is as wide as the column. */
static void
test_wrapped_paragraph_ends (void)
{
  static const char page[] = "　　近日，卯区启动冬季送温暖活动，为困\n"
                             "难家庭送去棉被、米油等生活物资。活动\n"
                             "将持续到明年春节，预计惠及一千余户。\n"
                             "　　据介绍，卯区今年已走访困难家庭三\n"
                             "百余户，发放慰问金四十余万元，并为\n"
                             "他们建立了帮扶台账。\n"
                             "辰区举办首届读书节活动开幕式\n"
                             "　　近日，辰区首届读书节在区图书馆开\n"
                             "幕，二十余家书店和出版社参加展销，\n"
                             "市民可在现场免费借阅图书和参加讲座\n"
                             "\n"
                             "活动。主办方还设立了少儿阅读专区。\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);

  g_assert_cmpuint (g_strv_length (paragraphs), ==, 7);
  g_assert_cmpstr (paragraphs[0], ==,
                   "　　近日，卯区启动冬季送温暖活动，为困难家庭送去棉被、米油等生活物资。"
                   "活动将持续到明年春节，预计惠及一千余户。");
  g_assert_cmpstr (paragraphs[1], ==,
                   "　　据介绍，卯区今年已走访困难家庭三百余户，发放慰问金四十余万元，"
                   "并为他们建立了帮扶台账。");
  g_assert_cmpstr (paragraphs[2], ==, "辰区举办首届读书节活动开幕式");
  /* a column break: the paragraph goes on after the blank line, which the
   * segmenter's repairs join */
  g_assert_cmpstr (paragraphs[4], ==, "");
  g_assert_cmpstr (paragraphs[5], ==, "活动。主办方还设立了少儿阅读专区。");
}

/* Under a kicker, a headline as wide as the column does not run on into
 * the caption under it, where the page indents its paragraphs. */
static void
test_wrapped_title_under_kicker (void)
{
  static const char page[] = "以儿童视角展示“中国梦”“美丽中国”“美好乡村”“文明城市建设”\n"
                             "300幅“文明城”公益广告扮靓贾汪街道\n"
                             "在贾汪城区这样的“文明城”公益广\n"
                             "告墙画超过300幅\n"
                             "　　近日，在徐州贾汪区的城区街道上，\n"
                             "路边墙上一幅幅线条朴拙、颜色鲜艳的\n"
                             "公益广告墙画映入眼帘，吸引了不少市\n"
                             "民驻足观看。这些作品由贾汪城区新新\n"
                             "小学小画家社团的孩子们创作，孩子们\n"
                             "以儿童的视角观察社会，创作了三百幅\n"
                             "　　据了解，墙画内容涵盖文明城市建设\n"
                             "等多个方面，深受居民喜爱和称赞。\n"
                             "　　下一步，贾汪区将继续推进文明城市\n"
                             "建设，让文明新风吹进千家万户。\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);

  g_assert_cmpstr (paragraphs[1], ==, "300幅“文明城”公益广告扮靓贾汪街道");
}

/* r107 (b27): a headline set across columns, wider than the column's full
 * lines, after a paragraph's last sentence does not run on into the line
 * under it (the photo's credit, 江苏连云港市委市级机关工委); a paragraph's
 * line cut at the edge still runs on into a line as wide under it. */
static void
test_wrapped_title_across_columns (void)
{
  static const char page[] = "　　近年来,响水县围绕陈家港\n"
                             "国家二级渔港建设,加大培育和\n"
                             "渔港经济相关的产业发展。做强\n"
                             "海洋捕捞、近海养殖等传统产业。\n"
                             "江苏连云港:三万亩头茬坛紫菜迎丰收\n"
                             "江苏连云港市委市级机关工委\n"
                             "赣榆区融媒体中心 秦继真 司伟\n"
                             "　　金秋送爽,海风带着丝丝凉\n"
                             "意轻拂而过。10月10日,江苏连\n"
                             "云港市赣榆区沿海海域宛如一幅\n"
                             "壮丽的画卷徐徐展开,广袤的紫\n"
                             "菜养殖区似一块巨大的黑色绸缎,\n"
                             "静静地铺展在蔚蓝无垠的海面上。\n"
                             "　　养殖户们驾驶着采收船,如\n"
                             "灵动的鱼儿般穿梭其中。他们双\n"
                             "手熟练地操控着机械收割装置,\n"
                             "随着机器的运转,鲜嫩的坛紫菜\n"
                             "如丝带般不断被打捞上船。此刻,\n";
  /* r46 (b12): a paragraph's last line, as wide with its ellipsis, under
   * a line cut at the edge */
  static const char cut[] = "　　这里既有“最靓颜值”的山水风光,\n"
                            "又有“最强大脑”的创新研发产业高地,\n"
                            "这里既是创业投资的热土,又是和谐共\n"
                            "生的生态名城。泰州地标建筑望海楼,\n"
                            "夜晚亮灯后光华璀璨,引得游船上的摄\n"
                            "影师们一边不停按动快门,一边连连点\n"
                            "赞“ 惊艳 ”。 泰州梅兰芳纪念馆里\n"
                            "的小剧场,是小戏迷们学习京剧的免费\n"
                            "公益课堂。稻河古街区,鳞次栉比的泰\n"
                            "式民宅与周氏住宅等几十处文物古迹原\n"
                            "有风貌保存完好,与运河风情相得益彰......\n"
                            "记者在泰州市健新智造科技有限公司拍\n"
                            "摄轻量化轮毂。\n"
                            "曹政 摄\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);
  g_auto (GStrv) cut_paragraphs = read_wrapped_paragraphs (cut);

  g_assert_cmpstr (paragraphs[1], ==, "江苏连云港:三万亩头茬坛紫菜迎丰收");
  /* its last line runs on from the line cut above it, ends the paragraph
   * with its dots, and the photo's caption under it stays apart */
  g_assert_cmpstr (cut_paragraphs[0], ==,
                   "　　这里既有“最靓颜值”的山水风光,又有“最强大脑”的创新研发产业高地,"
                   "这里既是创业投资的热土,又是和谐共生的生态名城。泰州地标建筑望海楼,"
                   "夜晚亮灯后光华璀璨,引得游船上的摄影师们一边不停按动快门,一边连连点"
                   "赞“ 惊艳 ”。 泰州梅兰芳纪念馆里的小剧场,是小戏迷们学习京剧的免费"
                   "公益课堂。稻河古街区,鳞次栉比的泰式民宅与周氏住宅等几十处文物古迹原"
                   "有风貌保存完好,与运河风情相得益彰......");
  g_assert_cmpstr (cut_paragraphs[1], ==, "记者在泰州市健新智造科技有限公司拍摄轻量化轮毂。");
}

/* r55 (b14): a headline as wide as the column, its halves parted by a
 * colon, over a photo's caption of one sentence and its credit: the
 * caption is not the headline's end. */
static void
test_wrapped_title_over_caption (void)
{
  static const char page[] = "“从散居到聚居,村子环境美了、土地多了,发展\n"
                             "的后劲也更足了。”董河村党总支书记钱成军说,\n"
                             "打那时候起,村“两委”逐渐明晰了发展方向,统\n"
                             "一了发展思路,概括起来就是,“人,集中居住;地,\n"
                             "归拢整合;村,引企兴业。”\n"
                             "淮河盱眙站大堤上的“守护者”:只为淮水安澜\n"
                             "新迁村党总支书记李锐。\n"
                             "徐珊珊 摄\n"
                             "　　中新网淮安7月26日电 题:淮河盱眙站大堤\n"
                             "上的“守护者”:只为淮水安澜 作者 徐珊珊白\n"
                             "天头顶烈日,晚上忍着蚊虫叮咬,不停地用脚步丈\n"
                             "\n"
                             "量大堤……25日是江苏省盱眙县鲍集镇新迁村党\n"
                             "总支书记李锐守护在大堤上的第七个日夜。“平\n"
                             "稳渡过昨晚上游来的洪水,现在心里踏实多了,但\n"
                             "仍不能放松警惕。”看着从安徽一路奔腾而来的\n"
                             "淮河水,李锐平静地说。\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);

  g_assert_cmpstr (paragraphs[1], ==, "淮河盱眙站大堤上的“守护者”:只为淮水安澜");
  g_assert_cmpstr (paragraphs[2], ==, "新迁村党总支书记李锐。");
}

/* A full-width colon that ends a line parts no two halves: the line is
 * no headline and runs on into the sentence under it, over a credit.
 * r43 (b11) as a column break after 先辈们有 would set it, over a photo's
 * credit from r41 of the same batch (r43's own, 王 春摄(新华社发), is read
 * as no credit); its colon written full-width as Chinese type sets it (the
 * archive's text has the ASCII one, which never tripped the rule). */
static void
test_wrapped_colon_ends_line (void)
{
  static const char page[] = "　　屯是新屯,地有历史。早在\n"
                             "三国时期,为供应粮草,魏将邓艾\n"
                             "率兵在此屯垦驻军,筑“石鳖城”,\n"
                             "修“白水塘”,引淮河之水灌溉\n"
                             "农田。彼时,沿途兵屯相望,鸡犬\n"
                             "相闻,民谣不绝于耳:“手持镰,\n"
                             "肩扛枪,两件事情一模样。苏米\n"
                             "香,蜀米甜,不胜曹营米干饭。芝\n"
                             "麻扁,豌豆圆,还是屯里粮食全。”\n"
                             "　　新中国成立前,湖畔旺屯所\n"
                             "在地水患频发,一年一小淹,三年\n"
                             "一大淹,居住于此的百姓不得不\n"
                             "弃房远走,投亲靠友。关于当年\n"
                             "的安居之难,孙集村的先辈们有\n"
                             "\n"
                             "过形象的十二字概括,那就是：\n"
                             "“住草房,草铺床,过秋雨,抹大\n"
                             "墙。”\n"
                             "新华社记者 李博 摄\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);
  guint k = 0;

  while (paragraphs[k] != NULL && !g_str_has_prefix (paragraphs[k], "过形象"))
    k++;
  g_assert_cmpstr (paragraphs[k], ==, "过形象的十二字概括,那就是：“住草房,草铺床,过秋雨,抹大墙。”");
}

/* r55 (b14): prose after a sentence's end, cut at the edge inside what a
 * man says (他说:“…), over the rest of that sentence and a credit: the
 * colon parts no headline's halves, and the line runs on.  The page's
 * lines with its photo's credit under them. */
static void
test_wrapped_speech_over_caption (void)
{
  static const char page[] = "础设施完善了,环境优美了,群众生活质量大变样。\n"
                             "该村54岁的居民赵万碧对此深有感触,在砚台小\n"
                             "区西南角有一个占地600平方米的废弃空地,以前\n"
                             "每到雨季,这里便成了蚊虫的“聚集地”。今年8\n"
                             "月份起,村里投资20万元,打造一个花园式居民广\n"
                             "场。“建成后,不仅多了一处风景,而且为我们提\n"
                             "供了纳凉、聊天的地方,真是太好了。”赵万碧\n"
                             "说。该村居民朱文付在全国文明城市创建开始后,\n"
                             "主动当起村里的环境卫生保洁员和义务巡逻员。\n"
                             "他说:“我们每一个人都是城市的主人,有义务通\n"
                             "过自己的行为,为文明城市建设添砖加瓦。”\n"
                             "徐珊珊 摄\n"
                             "　　兴隆巷是洪泽老城区一条不足100米长的老\n"
                             "街道,道路两侧共有50余家商铺,以前沿街房屋墙\n"
                             "面破损严重,道路坑坑洼洼;建设路是新城区一条\n"
                             "250米长的街道,原道路两侧围墙破损,路面也损\n"
                             "毁严重。为做好这两条背街小巷整治工作,洪泽\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);
  guint k = 0;

  while (paragraphs[k] != NULL && !g_str_has_prefix (paragraphs[k], "他说"))
    k++;
  g_assert_cmpstr (paragraphs[k], ==,
                   "他说:“我们每一个人都是城市的主人,有义务通过自己的行为,"
                   "为文明城市建设添砖加瓦。”");
}

/* A joined paragraph ends at the column's edge when its last line of the
 * page does, however long the paragraph: the one before the blank line
 * was cut there, the one ending a sentence in a short line was not. */
static void
test_wrapped_ends_at_edge (void)
{
  static const char page[] = "　　本报讯午镇今年新建村级文化广场十\n"
                             "二个，添置健身器材三百余件，村民茶\n"
                             "余饭后有了休闲好去处。镇里还组织文\n"
                             "艺骨干下村辅导，组建广场舞队伍二十\n"
                             "余支，群众生活更丰富。\n"
                             "　　午镇还在各村设立农家书屋，配备\n"
                             "图书两万余册，每周定时向村民开放，\n"
                             "\n"
                             "方便群众就近借阅，受到村民欢迎。\n";
  g_autoptr (SdLineStructure) lines = sd_line_structure_read (page, strlen (page));
  gsize       length;
  const char *text = sd_line_structure_get_text (lines, &length);
  const char *cut = strstr (text, "定时向村民开放，") + strlen ("定时向村民开放，");
  const char *ended = strstr (text, "群众生活更丰富。") + strlen ("群众生活更丰富。");

  g_assert_true (sd_line_structure_ends_at_edge (lines, cut - text));
  g_assert_false (sd_line_structure_ends_at_edge (lines, ended - text));
}

/* A bracket left open at a line's end goes on in the next line, which is
 * no title however short, and past a column break (a blank line) too
 * (lines of real pages: a reporter line after a paragraph's last sentence,
 * a photo's credit cut by a column break). */
static void
test_wrapped_open_bracket (void)
{
  static const char reporters[] = "连云港高速路网再添两条重要动脉\n"
                                  "　　连宿高速公路一期工程(徐圩\n"
                                  "至灌云段)与长深高速公路连淮段\n"
                                  "扩建工程今日正式建成通车,标志\n"
                                  "着连云港高速路网再添两条重要动\n"
                                  "脉,将有效缓解区域交通压力,强化\n"
                                  "连云港“一带一路”交汇点枢纽功\n"
                                  "能,为沿线城乡互动与区域协同发\n"
                                  "展注入新动能。(记者 刘蔚 通讯\n"
                                  "员 朱正艳)\n"
                                  "　　3月21日,在江苏省连云港市连\n"
                                  "云区高公岛街道腾旭紫菜加工厂,\n"
                                  "工人们在生产今年最后一批紫菜。\n";
  static const char credit[] = "江苏沭阳:千亩莲藕种植基地迎来采收季\n"
                               "　　2022年年9月4日,江苏省沭阳县耿圩镇千亩\n"
                               "莲藕种植基地迎来采收季,农民加紧采挖莲藕,准\n"
                               "备供应市场。\n"
                               "　　据了解,沭阳县耿圩镇莲藕产业基地种植面\n"
                               "积近千亩,平均亩产1700公斤左右,莲藕个大白嫩、\n"
                               "口感鲜甜,受到消费者青睐。 周永摄(人民图片\n"
                               "\n"
                               "网)\n"
                               "\n"
                               "江苏淮阴徐溜镇:干群协力防汛排涝\n"
                               "　　7月份以来,江苏省淮安市淮阴区徐溜镇出现\n"
                               "多次连续降雨,辖区内部分农田积水严重,直接影\n"
                               "响到了群众正常的生产生活。为切实保护群众的\n"
                               "切身利益,该镇提前谋划,多措并举,组织广大党\n"
                               "员干部,全力以赴做好防汛、排涝工作。\n"
                               "　　灾情就是命令,徐溜镇迅速启动《防汛排涝\n"
                               "应急预案》,组织防汛排涝工作组,加强领导、明\n"
                               "确职责,班子成员包村,镇主要领导到排水除涝工\n"
                               "作第一线,现场督导各村排涝工作;特别是种植菊\n"
                               "花的六个村,由于菊花最怕水灾,及时联系调动挖\n"
                               "掘机,疏通沟渠,确保排水通畅,对地势低洼、排\n"
                               "水不畅的地块,采取用水泵抽水的办法,将菊花地\n";
  g_auto (GStrv) first = read_wrapped_paragraphs (reporters);
  g_auto (GStrv) second = read_wrapped_paragraphs (credit);

  g_assert_cmpuint (g_strv_length (first), ==, 4);
  g_assert_true (g_str_has_suffix (first[1], "展注入新动能。(记者 刘蔚 通讯员 朱正艳)"));
  g_assert_true (g_str_has_prefix (first[2], "　　3月21日,"));
  g_assert_true (g_str_has_suffix (second[3], "受到消费者青睐。 周永摄(人民图片网)"));
  g_assert_cmpstr (second[4], ==, "");
  g_assert_cmpstr (second[5], ==, "江苏淮阴徐溜镇:干群协力防汛排涝");
}

/* A line ending in a comma at the column's edge leaves its sentence open:
 * the short line under it, before an indented paragraph, ends that
 * sentence and is no title (a real page's lines). */
static void
test_wrapped_open_clause (void)
{
  static const char page[] = "“翰墨园”里毛笔划过宣纸的沙沙声交织在\n"
                             "一起。空气里,飘着一楼社区食堂备餐的饭\n"
                             "菜香。\n"
                             "　　几乎同时,在建邺区庐山社区“37life+”\n"
                             "街区,咖啡机蒸汽嘶鸣,手工坊里谈笑声声。\n"
                             "　　而在江北新区大华社区的一个网格驿站\n"
                             "里,退休党员朱学生正凝神提笔,一个饱满的\n"
                             "“福”字在红纸上渐次成型。\n"
                             "　　这些散落在城市不同角落的生动画面,\n"
                             "指向同一个变化:\n"
                             "　　南京全市社区党群服务中心,正在褪去\n"
                             "单一、刻板的旧貌,变得鲜活而充满烟火气。\n"
                             "越来越旺的“人气”,让这些空间成为新的\n"
                             "“社区枢纽”。\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);

  g_assert_cmpstr (paragraphs[4], ==, "　　这些散落在城市不同角落的生动画面,指向同一个变化:");
  g_assert_true (g_str_has_prefix (paragraphs[5], "　　南京全市社区党群服务中心,"));
}

/* A 副题 that reaches the column's edge goes on in the title-length line
 * under it, before the paragraph; not in a line of names (lines of real
 * pages). */
static void
test_wrapped_subtitle (void)
{
  static const char cut[] = "然自得地享受着清新的空气,小小\n"
                            "新村内,荷塘长廊,更添几分江南余\n"
                            "韵。\n"
                            "　　在村史展览馆里,一张张发黄\n"
                            "的旧照片,则告诉游客们,这个如世\n"
                            "外桃源般的村子的奋斗史:67岁的\n"
                            "村党委书记常德盛带领全村百姓,\n"
                            "用44年的时间,把一个苏南最贫穷\n"
                            "的小乡村,建设成一个“全面发展\n"
                            "的”全国文明村、国家级生态村。\n"
                            "“天不能改,地一定要换”\n"
                            "——艰苦奋斗点燃穷苦村落幸福生\n"
                            "活的希望\n"
                            "　　蒋巷村是常熟一个偏远乡村,\n"
                            "与太仓和昆山交界,曾经是一个土\n"
                            "地贫瘠的“低乡”。83岁的冯雪林\n";
  static const char names[] = "考核、年度奖惩。“我们坚持‘见缝插绿、应绿\n"
                              "尽绿’,不仅在公共区域种绿,还鼓励村民打造庭\n"
                              "院绿化,乔灌花草科学搭配,让村庄既有‘面子’\n"
                              "更有‘里子’。”陈洪杰说。\n"
                              "古树为魂 林草深处藏文脉\n"
                              "　　“这两棵800年的古银杏是我们村的‘活化\n"
                              "石’,也是绿美村庄的灵魂所在。”横山桥镇西\n"
                              "崦社区党总支书记周耀光指着白龙观内的古树,\n"
                              "言语中充满自豪。\n"
                              "\n"
                              "让群众生活有盼头、有乐头、有甜头\n"
                              "——访党代表、西来桥镇党委书记蔡爱国\n"
                              "奚嘉哲\n"
                              "　　这个时节,站在二桥远眺,只见西来桥江边塔\n"
                              "吊林立、巨轮穿梭,勾勒出一幅热火朝天的建设\n"
                              "画卷;漫步在西来桥镇,只见集镇干净整洁、井然\n"
                              "有序,文明之风扑面而来;穿行在村落间,一步一\n"
                              "景、美不胜收,乡村旅游目的地呼之欲出……\n"
                              "　　“西来桥镇的变化非常明显,238省道西来桥\n";
  g_auto (GStrv) first = read_wrapped_paragraphs (cut);
  g_auto (GStrv) second = read_wrapped_paragraphs (names);

  g_assert_cmpstr (first[2], ==, "“天不能改,地一定要换”");
  g_assert_cmpstr (first[3], ==, "——艰苦奋斗点燃穷苦村落幸福生活的希望");
  g_assert_true (g_str_has_prefix (first[4], "　　蒋巷村是常熟"));
  g_assert_cmpstr (second[5], ==, "——访党代表、西来桥镇党委书记蔡爱国");
  g_assert_cmpstr (second[6], ==, "奚嘉哲");
}

/* After a quotation closing at the column's edge, a sentence over a
 * credit line names who spoke: the paragraph's last line, no caption (a
 * real page's lines). */
static void
test_wrapped_quote_speaker (void)
{
  static const char page[] = "食,体验“绣娘”绝活;见证太仓港繁忙\n"
                             "景象,追溯郑和下西洋风采……9月12日,\n"
                             "来自英国、泰国、巴基斯坦等国家的16\n"
                             "家外媒记者,到达“Hi,Jiangsu”海外\n"
                             "媒体江苏行活动的最后一站——苏州。\n"
                             "一天时间内,外媒记者马不停蹄走访了\n"
                             "苏州高新区展示馆、中国刺绣艺术馆、\n"
                             "苏绣小镇绣品街、太仓浏河天妃宫、太\n"
                             "仓港等地,天堂苏州的别样风味,鱼米之\n"
                             "乡的古韵今风,让这些金发蓝眼的“歪\n"
                             "果仁”印象深刻。“苏州是一座历史悠\n"
                             "久的古城,其丰厚的历史底蕴、独特的\n"
                             "精神特质,蕴含着巨大的发展潜力,必将\n"
                             "在‘一带一路’建设中发挥更大的作用。”\n"
                             "来自英国的中国日报外籍记者欧文说。\n"
                             "张红军摄\n";
  g_auto (GStrv) paragraphs = read_wrapped_paragraphs (page);

  g_assert_cmpuint (g_strv_length (paragraphs), ==, 3);
  g_assert_true (
      g_str_has_suffix (paragraphs[0], "发挥更大的作用。”来自英国的中国日报外籍记者欧文说。"));
  g_assert_cmpstr (paragraphs[1], ==, "张红军摄");
}

/* Too few lines, or lines of every length, are no column. */
static void
test_not_wrapped (void)
{
  static const char *const pages[] = {
    "",
    "\n\n\n",
    "近日，卯区启动冬季送温暖活动。\n",
    "短\n短短短短短短短短短短短短短短短短短短短短短短短短短短\n短短短短短\n"
    "短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短短\n短短\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (SdLineStructure) lines = sd_line_structure_read (pages[i], strlen (pages[i]));

      g_assert_cmpint (sd_line_structure_get_form (lines), ==, SD_LINE_FORM_PARAGRAPHS);
      g_assert_cmpuint (sd_line_structure_get_width (lines), ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-structure/paragraph-pages", test_paragraph_pages_untouched);
  g_test_add_data_func ("/line-structure/wrapped-pages/lf", "\n", test_wrapped_pages_joined);
  g_test_add_data_func ("/line-structure/wrapped-pages/crlf", "\r\n", test_wrapped_pages_joined);
  g_test_add_func ("/line-structure/paragraph-ends", test_wrapped_paragraph_ends);
  g_test_add_func ("/line-structure/not-wrapped", test_not_wrapped);
  g_test_add_func ("/line-structure/ends-at-edge", test_wrapped_ends_at_edge);
  g_test_add_func ("/line-structure/title-under-kicker", test_wrapped_title_under_kicker);
  g_test_add_func ("/line-structure/title-across-columns", test_wrapped_title_across_columns);
  g_test_add_func ("/line-structure/title-over-caption", test_wrapped_title_over_caption);
  g_test_add_func ("/line-structure/colon-ends-line", test_wrapped_colon_ends_line);
  g_test_add_func ("/line-structure/speech-over-caption", test_wrapped_speech_over_caption);
  g_test_add_func ("/line-structure/open-bracket", test_wrapped_open_bracket);
  g_test_add_func ("/line-structure/open-clause", test_wrapped_open_clause);
  g_test_add_func ("/line-structure/subtitle", test_wrapped_subtitle);
  g_test_add_func ("/line-structure/quote-speaker", test_wrapped_quote_speaker);
  return g_test_run ();
}
