/* test-segmenter-cohesion.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lexical cohesion across a candidate boundary, in lines of real pages:
 * a title whose lead repeats its words (the echo) opens a story, a
 * section head whose text goes on in the story's own stays a section; a
 * story its byline has closed takes no dated lead after it.
 */
#include "config.h"

#include "sd-seg-test-util.h"

/* r78 (b20): a news lead restates its headline's subject, 鹰潭市政协…
 * under 鹰潭市政协…来丹调研, after a 本报讯 item of another visit whose
 * words (调研, 政协) it shares: the page's first two stories whole, but
 * for the second one's later paragraphs. */
static void
test_echo_opens_story (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "感受城乡融合发展新气象\n\n"
      "本报讯(记者 "
      "顾嘉乐)昨天,市四套班子离退休老领导参观调研城厢镇,切实感受我市经济社会发展新气象。"
      "市委常委、组织部部长倪嘉臻陪同调研。\n\n"
      "在市科技产业园,老领导们先后走进上海连成集团苏州股份有限公司三期项目、亿迈齿轮(太仓)"
      "有限公司、"
      "城厢镇企业服务中心,参观智能化生产车间,了解德国企业双元制学徒培训中心,观看特色产品,"
      "感受城厢镇先进制造业的发展活力与优化升级的营商环境。随后,老领导们来到电站村,"
      "领略新时代乡村振兴风貌。\n\n"
      "调研期间,老领导们听取了城厢镇经济社会发展情况汇报,"
      "对城厢镇经济社会各项事业发展取得的成效给予充分肯定,"
      "并对城厢镇未来发展蓝图有了更清晰的了解。大家纷纷表示,将一如既往关心、支持城厢镇发展工作,"
      "积极主动为城厢镇、为全市发展建言献策、当好参谋,为建设“现代田园城、幸福金太仓”发挥余热。\n\n"
      "鹰潭市政协、余江区政协代表及鹰潭眼镜行业一行来丹调研\n\n"
      "4日上午,鹰潭市政协、余江区政协代表及鹰潭眼镜行业一行来我市对眼镜产业情况进行调研及座谈,"
      "丹阳市政协副主席钱留梅等政协领导及丹阳市眼镜商会秘书长袁红锦陪同调研。\n\n"
      "调研座一行首先来到海昌隐形眼镜有限公司,对海昌目前的产\n\n"
      "品范围及生产、仓储及销售情况进行了解。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, "感受城乡融合发展新气象"), NULL,
                                   "发挥余热。"));
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (segments, "鹰潭市政协、余江区政协代表及鹰潭眼镜行业一行来丹调研"),
      "4日上午", NULL));
}

/* r01 (b1): a section head (生长条件得天独厚) whose text goes on in the
 * story's words and does not repeat its own stays in its story. */
static void
test_section_without_echo (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("无锡阳山:书写乡村振兴新“桃花源记”\n\n"
                   "本报记者 李诏宇\n\n"
                   "从“一只桃子”的单链条经济,到“一棵桃树”的全链条经济,再到“一片桃源”的文旅产业,"
                   "阳山正在书写乡村振兴的新“桃花源记”。\n\n"
                   "生长条件得天独厚\n\n"
                   "阳山镇阳山村党总支书记姚剑介绍,阳山水蜜桃与众不同,个头大、甜度高、口感好,"
                   "深受消费者喜爱。\n");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_cmpuint (((SdSegment *) g_ptr_array_index (segments, 0))->section_headings->len, ==, 1);
}

/* r95 (b24): a story closed by its byline, then an item printed with no
 * title whose lead names its day (今天(12月2日),…): the item is a story
 * of its own, not the end of the one above. */
static void
test_dated_lead_after_byline (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "常州购物中心斥资42亿原地重建 总建面25万㎡\n\n"
      "常州购物中心改造工程,总投资预计42亿元,是天宁区确定的今年100个区重点项目之一。\n\n"
      "2017年,天宁区目标引进超亿美元外资项目1个、超10亿元内资项目3个以上,"
      "力争产业类重大项目实现新突破。\n\n"
      "(来源:常州日报 记者:涂贤平/黄洁璐/陶怡)\n\n"
      "今天(12月2日),姑苏区虎丘街道曹杨社区联合街道综合行政执法大队、辖区保洁等,"
      "持续开展“两小”行动,改善辖区环境。\n\n"
      "曹杨社区辖区内的西杨安浜是一个无物业老小区,总共有6幢居民楼。"
      "此次整治,共清理垃圾8车约4吨。(苏报融媒记者 管有明 通讯员 朱琳 文/摄)\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (
      sd_test_story_headed (segments, "常州购物中心斥资42亿原地重建 总建面25万㎡"), NULL,
      "实现新突破。"));
  g_assert_true (sd_test_body_has (sd_test_story_headed (segments, NULL), "今天", "约4吨。"));
}

/* r12 (b3): names set after a caption and the story's first paragraph
 * are its reporters; the dated paragraph under them goes on in it. */
static void
test_dated_lead_after_early_names (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "300幅“文明城”公益广告扮靓贾汪街道\n\n"
      "在贾汪城区,这样的“文明城”公益广告墙画超过300幅\n\n"
      "通讯员供图\n\n"
      "近日,在徐州贾汪区的城区街道上,路边墙上一幅幅线条朴拙、颜色绚丽、"
      "画风充满童趣的文明宣传画引人注目。\n\n"
      "李伟豪 李欣欣\n\n"
      "近日,在贾汪城区一些人员密集的广场、商场、小区前,许多身着红色志愿者衣装的“红孩子”,"
      "用当下流行的“快闪”艺术形式,向广大市民宣传文明城市创建的相关内容。\n");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), NULL, "相关内容。"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-cohesion/echo/opens-story", test_echo_opens_story);
  g_test_add_func ("/segmenter-cohesion/echo/section-without", test_section_without_echo);
  g_test_add_func ("/segmenter-cohesion/byline/dated-lead-after", test_dated_lead_after_byline);
  g_test_add_func ("/segmenter-cohesion/byline/early-names", test_dated_lead_after_early_names);
  return g_test_run ();
}
