/* test-segmenter-ocr-titles.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In lines of real pages as Tesseract read them: headlines OCR broke
 * apart, read in their pieces where the page's reading order put them.
 */
#include "config.h"

#include "sd-seg-test-util.h"

/* r88 (b23): the headline's second line (项目建设按下发展) read some lines
 * down, between two lines of its text; the lead reads the two as one
 * (…聚焦重点项目建设按下发展…).  It is the rest of the headline, no
 * story of its own. */
static void
test_tail_down_the_text (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("市政府通过搭建融资平台,结合梁溪河周边地块\n"
                                                "开发平衡整治工程资金。2004年7月,综合整治工\n"
                                                "程动工,投资预算达7.6亿元,预计到2008年结束。\n"
                                                "\n"
                                                "整治开始,相关部门对两岸破旧的违章建筑\n"
                                                "拆危拆建,搬迁了部分工厂企业,清理了堆场垃圾，\n"
                                                "\n"
                                                ".对破损抽塌的双岸进行拆除重建,对沿河地形地\n"
                                                "\n"
                                                "通进行美化造景,两岸步行道、车行道全部贯\n"
                                                "通。梁诅河亮化照明工程也同期实施,各种泛光\n"
                                                "灯、家庭灯、草坪灯、轮廓灯被安装到沿河公\n"
                                                "园、 、绿化带中间。\n"
                                                "\n"
                                                "梁溪河整治,最难的就是治水。 引太湖水冲\n"
                                                "刷河道污染物,就是一个好办法。\n"
                                                "\n"
                                                "天于区: 重点\n"
                                                "\n"
                                                "发展是硬道理,项目是硬支撑。今年以来,常\n"
                                                "州天宁区聚焦重点项目建设按下发展“加速\n"
                                                "键”\n"
                                                "\n"
                                                "在省级重点项 目建设上,积极推进常州纳图\n"
                                                "\n"
                                                "电气智能配电设备项目和常州寺墩遗址公园项\n"
                                                "”目,截至9月纳图电气项目已完成投资2.8亿元,投\n"
                                                "资完成率达93%,一期工程准备投产;常州寺墩考\n"
                                                "\n"
                                                "项目建设按下发展\n"
                                                "\n"
                                                "66     ee        2??\n"
                                                "加速键\n"
                                                "古遗址公园各项手续正稳步推进。\n"
                                                "\n"
                                                "在市级重大项目建设上,全年计划建设24个\n"
                                                "项目,截至9月已完成投资19.4亿元,投资完成率达\n"
                                                "97%4;新入库项目10个,提前完成年度目标。\n"
                                                "\n"
                                                "在区级重点项目建设上,96个项目累计完成\n"
                                                "投资92亿元,投资完成率达91.6% ,为实现全年发\n"
                                                "展目标商定了坚实基础。\n");
  SdSegment *story = sd_test_story_headed (segments, "天于区：重点项目建设按下发展");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (story, "发展是硬道理", NULL));
}

/* r87 (b22): the second line (民生活提质增效幸福生活加码) read a column
 * further on, the lead joining it to the first over a character OCR
 * dropped from the title (…为居民生活提质增效). */
static void
test_tail_over_a_dropped_character (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("塘里扔,没饵料就让螃蟹饿着。死苗损稻是常事，\n"
                                                "螃蟹个头小,也卖不上价。”刘永发感慨道。\n"
                                                "\n"
                                                "随着市场对螃蟹品质日益“挑剔”,高品质\n"
                                                "生态蟹行情持续走高,加之泗洪推进退圩还湖政\n"
                                                "策,内湖养殖空间收紧,粗放式养殖彻底失去竞争\n"
                                                "力。于是,当地部分养殖户选择“上岸”转型发\n"
                                                "展,更多蟹农则顺势转向“养大蟹”“养生态\n"
                                                "蟹” ,推动螃蟹养殖产业向优质化、生态化方向\n"
                                                "稳步升级。\n"
                                                "\n"
                                                "苏州:打通服务群众“末梢神经”为\n"
                                                "\n"
                                                " 姑苏古城,全国唯一的国家历史文化名城保\n"
                                                "护区,坐拥2500多年的历史底殖,人文积淀深厚。\n"
                                                "\n"
                                                "作为城址2500多年未变的国家历史文化名\n"
                                                "城,近年来,苏州市关苏区以高自觉、大合力推进\n"
                                                "古城保护,突出历史文化延续传承,突出闲置资源\n"
                                                "高效盘活,突出活力人群有效导入,突出科学合\n"
                                                "简政放权,精心谋划“十四五”乃至更长时期证\n"
                                                "\n"
                                                "城可持续发展,破解长期以来的城市发展瓶颈,打\n"
                                                "通服务群众“末梢神经” ,为居民生活提质增效，\n"
                                                "为幸福生活加码。\n"
                                                "\n"
                                                "当前,姑苏区正加速融入长三角一体化发展，\n"
                                                "将党建工作深度融入古城经济社会发展,积极打\n"
                                                "造“高质量核心功能城区、高标准全域旅游城\n"
                                                "区、高品质宣居生活城区”。全区紧扣中心城区\n"
                                                "\n"
                                                "首位度和发展能级提升,不断提高对全市改革开\n"
                                                "放、动能转换、高质量发展的贡献度,奋力打造\n"
                                                "苏州“最美窗口”中的“最靓景致 。\n"
                                                "古城保护\n"
                                                ".2021年,姑苏区沧浪街道富郎中埠德寿坊\n"
                                                "的“一颗红星”守护人沈延春,有了一个新的身\n"
                                                "\n"
                                                "民生活提质增效幸福生活加码\n"
                                                "\n"
                                                "份一德寿坊党员中心示范户。和沈延春一\n"
                                                "同“履新”的党员中心示范户共有10人,主要行\n"
                                                "动在32号街坊北部街埠沿线,涵盖畅园、桃园等8\n"
                                                "处文保控保建筑。\n"
                                                "\n");
  SdSegment *story =
      sd_test_story_headed (segments, "苏州：打通服务群众“末梢神经”为民生活提质增效幸福生活加码");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (story, "姑苏古城", NULL));
}

/* r45 (wrap form): a section head (机械一村社区) whose words the text has
 * used, but after a sentence's end that closes the headline's last
 * character (…上新。机械一村…): no seam, the headline stays as it is. */
static void
test_no_seam_across_sentence_end (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("钟楼区:3年22处社区用房“旧”地上新\n"
                                                "　　原地改建、原地扩建、异地重\n"
                                                "建……近年来,一个个高标准、有\n"
                                                "特色的社区、村委服务中心在钟楼\n"
                                                "崭新亮相,为城乡居民提供了新的\n"
                                                "办事活动空间,为钟楼区保障和改\n"
                                                "善民生工作持续注入全新能量。\n"
                                                "　　记者近日从区委社会工作部获\n"
                                                "悉,坚持高起点谋划、高投入建设、\n"
                                                "高水平管理的标准,2022—2024年,\n"
                                                "全区村(社区)党群服务中心用房提\n"
                                                "升改造上的投入逐年提高,其中202\n"
                                                "4年达5462万元。2022—2024年,全\n"
                                                "区共有22个村(社区)上新。\n"
                                                "机械一村:老新村新阵地\n"
                                                "　　穿过热闹的关河路,沿着进入\n"
                                                "机械新村的小路走进去100多米,就\n"
                                                "能看到原地升级改造、刚刚投用的\n"
                                                "机械一村社区。有棱有角的窗台、\n"
                                                "地上的齿轮图案,都透露出浓浓的\n"
                                                "“机械”元素。\n"
                                                "　　机械新村建于上世纪70年代,\n"
                                                "设有机械一村社区和机械二村社区\n"
                                                "2个社区。其中机械一村社区由机\n"
                                                "械一村小区、芦墅广景苑小区、客\n"
                                                "车宿舍小区3个小区和化机宿舍散\n"
                                                "居楼组成,户籍总数3200余户。借\n"
                                                "着去年机械新村老旧小区改造的东\n"
                                                "风,机械一村社区和机械二村社区\n"
                                                "分别进行了原地升级改造,改造后\n"
                                                "的2个新社区于今年7月陆续投用。\n"
                                                "机械一村社区\n"
                                                "　　机械一村社区党委书记文芳告\n"
                                                "诉记者,社区成立于1990年,社区用\n"
                                                "房已使用30余年,先后创办过全市\n"
                                                "首家居家养老服务中心、全市首家\n");
  SdSegment *story = sd_test_story_headed (segments, "钟楼区：3年22处社区用房“旧”地上新");

  g_assert_true (sd_test_body_has (story, "原地改建", NULL));
}

/* r99 (b25): Tesseract read the headline's closing quote as a comma
 * (弶港镇…与百岁老人“结亲，): still a title, the headline of the story
 * under it, not the end of the story above. */
static void
test_quote_read_as_comma (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("河道环境整治提升“颜值”。近年来,该镇对\n"
                                                "河道进行覆盖式清理,积极落实“河长制”“路长\n"
                                                "制”,在河道岸边进行植绿补绿,着重对镇区南干渠\n"
                                                "两岸重点整治,增加绿量,使原本杂乱无章的菜地,变\n"
                                                "成错落有致、四季常绿的景观绿化,切实提升集\n"
                                                "镇 颜值” 。\n"
                                                "\n"
                                                "泳港镇老干部与百岁老人“结亲，\n"
                                                "\n"
                                                "8月24日上午,综港镇老龄委联合该镇尖南村老\n"
                                                "年协会赴三仓镇强西村八组,看望尖南村现住在女\n"
                                                "儿家的百岁老人周领。一阵寒瞳后,老人的生活\n"
                                                "健康情况被记录了下来。 这种不定期看望奈问百岁\n"
                                                "老人的关爱机制在营港已成常态。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, "泳港镇老干部与百岁老人“结亲，"),
                                   "8月24日上午", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segmenter-ocr-titles/tail/down-the-text", test_tail_down_the_text);
  g_test_add_func ("/segmenter-ocr-titles/tail/dropped-character",
                   test_tail_over_a_dropped_character);
  g_test_add_func ("/segmenter-ocr-titles/tail/no-seam-across-sentence-end",
                   test_no_seam_across_sentence_end);
  g_test_add_func ("/segmenter-ocr-titles/quote-read-as-comma", test_quote_read_as_comma);
  return g_test_run ();
}
