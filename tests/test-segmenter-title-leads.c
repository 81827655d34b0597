/* test-segmenter-title-leads.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the lead under a title says of it, in lines of real pages: a news
 * lead that opens as news does and restates its title opens a story on a
 * page about one place, where every story shares the page's words with
 * the one above (sd-news-leads.c); a story that heads its sections
 * plainly keeps such a title among them.
 */
#include "config.h"

#include "sd-seg-test-util.h"

/* r88 (b23): two stories of 常州 in a row, both of projects and their
 * investment; the second's lead (9月27日,常州高新区…18个重大项目集中开工)
 * restates its headline. */
static void
test_news_lead_restates_title (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "天宁区:重点项目建设按下发展“加速键”\n\n"
      "发展是硬道理,项目是硬支撑。今年以来,常州天宁区聚焦重点项目建设按下发展“加速键”。\n\n"
      "在省级重点项目建设上,积极推进常州纳图电气智能配电设备项目和常州寺墩遗址公园项目,"
      "截至9月纳图电气项目已完成投资2.8亿元,投资完成率达93%,一期工程准备投产;"
      "常州寺墩考古遗址公园各项手续正稳步推进。\n\n"
      "在市级重大项目建设上,全年计划建设24个项目,截至9月已完成投资19.4亿元,投资完成率达97%;"
      "新入库项目10个,提前完成年度目标。\n\n"
      "在区级重点项目建设上,96个项目累计完成投资92亿元,投资完成率达91.6%,"
      "为实现全年发展目标奠定了坚实基础。\n\n"
      "常州高新区18个重大项目集中开工 总投资80亿元\n\n"
      "9月27日,常州高新区在位于传感小镇的常荣智造中心现场举行重大项目集中开工仪式,"
      "总投资80亿元的18个重大项目集中开工,今年计划投资17.7亿元。"
      "市委常委、高新区党工委书记周斌出席活动并讲话。管委会主任、区长陈正春主持仪式。\n\n"
      "据悉,本次集中开工的18个项目,包括2个市重点项目、12个区重点项目和4个新增项目,"
      "既有新材料、新医药、高端装备制造、汽车内饰件及零部件等先进制造业项目,"
      "也有生态环保、高端服务业项目。(人民网)\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (
      sd_test_body_has (sd_test_story_headed (segments, "天宁区：重点项目建设按下发展“加速键”"),
                        NULL, "奠定了坚实基础。"));
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (segments, "常州高新区18个重大项目集中开工 总投资80亿元"), "9月27日",
      NULL));
}

/* r98 (b25): a story of 城西街道 heads its sections with the street's
 * projects; the second one's text (近期,城西街道头营社区的集…) restates it
 * as a lead would, and it still heads a section of the story. */
static void
test_plain_sections_keep_news_lead (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "泰州市城西街道:和群众在一起 从“心”出发\n\n"
      "国际在线江苏频道消息:近日,泰州市海陵区城西街道组织开展“和群众在一起”主题活动,"
      "街道党工委书记孙乾走进社区党建长廊宣讲党史,介绍街道的未来发展。\n\n"
      "自党史学习教育开展以来,城西街道积极为群众服务,解决民生问题,"
      "把党史学习教育落实到基层社会治理、重大项目实施、农村人居环境整治、"
      "民生福祉等“为民办实事”具体工作中,促进党史学习教育“生根结果”。\n\n"
      "城西街道西仓社区闸沿北路片区房屋最早建于20世纪70年代,约170户居民。"
      "房屋年久失修,下雨时渗漏严重,部分房屋存在塌陷现象,存在安全隐患。\n\n"
      "城西街道体育公园项目\n\n"
      "在九龙社区,城西街道体育公园项目在抓紧建设,将改造成集体育运动、休闲等于一体的体育公园,"
      "让附近居民有休闲娱乐的好去处。\n\n"
      "城西街道头营社区的集装箱街区\n\n"
      "近期,城西街道头营社区的集\n\n"
      "装箱街区已见雏形。\n");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), NULL, "已见雏形。"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-title-leads/news-lead/restates-title",
                   test_news_lead_restates_title);
  g_test_add_func ("/segmenter-title-leads/news-lead/plain-sections",
                   test_plain_sections_keep_news_lead);
  return g_test_run ();
}
