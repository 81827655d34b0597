/* test-segmenter-cohesion.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lexical cohesion across a candidate boundary, in lines of real pages:
 * a title whose lead repeats its words (the echo) opens a story, a
 * section head whose text goes on in the story's own stays a section.
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-cohesion/echo/opens-story", test_echo_opens_story);
  g_test_add_func ("/segmenter-cohesion/echo/section-without", test_section_without_echo);
  return g_test_run ();
}
