/* test-segmenter-cohesion.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lexical cohesion across a candidate boundary, in lines of real pages:
 * a title whose lead repeats its words (the echo) opens a story, a
 * section head whose text goes on in the story's own stays a section; a
 * story its byline has closed takes no dated lead after it, nor one with
 * no byline a dated lead in words of its own follows.
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

/* r93 (b24): an item printed with no title and no byline above it
 * (18日中午,崇川区学田南路…) after a story of 启东's investment: its dated
 * lead shares none of the story's words, so it opens a story of its own;
 * the story's own dated paragraph (6月11日,启东经济开发区…) goes on in it. */
static void
test_untitled_item_without_byline (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 拼!抢!争!启东全力以赴冲刺“双过半”\n"
      "\n"
      "麦浪翻涌间奏响丰收序曲,梅雨浸润着成熟的希望,"
      "2025年的“期中大考”已近在咫尺。这个承载着汗水与期盼的六月,既是上半年收官之战的决胜时刻,"
      "也是贯彻省委、南通市委全会精神的崭新起点。\n"
      "\n"
      "六月以来,启东市全市上下以“时不我待”的使命感把握发展机遇,以 "
      "“破釜沉舟”的坚定决心攻克难关。田间地头的麦收忙碌与车间厂房的生产热潮交相辉映,"
      "每一份脚踏实地的付出,都化作推动城市发展的强劲动能,生动诠释着“一分耕耘一分收获”的实干真谛。\n"
      "\n"
      "如今,攻坚的战鼓已然擂响,各地各部门正以昂扬奋进的姿态,在这场年中“大考”的赛道上奋勇争先,"
      "用实际行动书写高质量发展的精彩答卷。\n"
      "\n"
      "争分夺秒拼经济\n"
      "\n"
      "春争一刻,夏抢一晌。连日来,各地锚定“双过半”目标加压奋进、全力攻坚。\n"
      "\n"
      "6月11日,启东经济开发区招商引资再传捷报——总投资5亿元的莱古比星商业化生产基地项目正式签约落户,"
      "为园区冲刺“双过半”注入一剂强心针。该项目分两期建设,一期项目投资3亿元,"
      "从事莱古比星等产品的商业化生产;二期项目投资2亿元,用于扩大生产规模。\n"
      "\n"
      "莱古比星项目的快速签约落户,"
      "正是开发区推动项目“快落地、快建设、快投产”的生动缩影。为提升招商能级,园区聚焦三大主导产业,"
      "制定“产业链图谱+目标企业清单”。今年以来,园区领导亲自挂帅,"
      "高频次奔赴深圳、上海、苏州等产业高地,"
      "密集对接目标企业50余家。日盛电子、启明芯半导体等项目相继落户启东,"
      "乾朔、托伦斯、磊菱等“老友”频频追加投资,投下“信任票”。\n"
      "\n"
      "18日中午,崇川区学田南路烟火气正浓,这条历经焕新改造的“网红美食街”迎来午市高峰,"
      "沿街店铺座无虚席,智慧化管理的停车位井然有序,"
      "沉浸式文化景观与美食香气交织——这是崇川区创新治理模式,持续提升主城区环境品质的生动缩影。\n"
      "\n"
      "近年来,该区紧扣“精致细腻整洁有序”目标,"
      "通过街区智慧升级、闲置地块活化、交通秩序整治等创新举措,"
      "推动城市面貌蝶变。从荒地披绿到堵点疏通,到“网红打卡地”成“长红生活圈”,崇川区既雕琢城市“面子”,"
      "更夯实民生“里子”,让主城区焕发出兼具现代活力与人文魅力的新气象。\n");
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "麦浪翻涌", "投下“信任票”。"));
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 1), "18日中午", "新气象。"));
}

/* r102 (b26): an item with no title (日前,淮安区经历强降雨过程,…) under a
 * story of 清江浦区's 幸运巷 that names 淮安 only as its city: its dated lead
 * writes out a district the story never wrote out (淮安区) and shares few of
 * its words, so it opens a story of its own. */
static void
test_untitled_item_names_new_place (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "# 运河|软硬环境“两手抓”幸运巷开出“文明花”\n"
      "\n"
      "本报讯近日,一场大雨过后,空气格\n"
      "\n"
      "外清新,比这更清新的,是清江浦区幸运巷内的美景 。“以前这里脏乱差,苍蝇到处飞 "
      "。经过改造,苍蝇没了,小巷白净美了 。”"
      "68岁的巷内居民张月华笑着说 。\n"
      "\n"
      "位于浦楼街道运河社区的幸运巷东起城西路,西至西安路,全长近500米 "
      "。据运河社区党委书记沈吉星介绍,今年4月,为了让老小"
      "区旧貌换新颜,居民生活环境提档升级,幸运巷开启了综合整治工程,出新墙面,整改下水管网,"
      "清除垃圾、杂物,栽种花草树木,改建"
      "停车场,兴建居民休息广场……如今,走进幸运巷,优美的环境和丰富的色彩和谐统一,巷内处处皆风景 。\n"
      "\n"
      "采访人员从东侧走入巷内,就像行走在一座旅游小镇古朴的小胡同内 "
      "。首先映入眼帘的是南侧青绿色的“文明巴士”彩绘墙 。坐上“"
      "巴士”往下看,彩绘内容多姿多彩,"
      "绿窗黄花、女孩浇水、幸福树、中国梦……最吸引人的要数巷中最大墙面的淮安话彩绘,如果你想考"
      "验一下自己的淮安话水平,读读这30余句淮安话即可知晓 。\n"
      "\n"
      "硬环境给力,软环境也要跟上 。据沈吉星介绍,运河社区着重开展文明活动,倡导社区居民做文明人 "
      "。居民李凤刚家门前,挂着“美"
      "丽庭院”木牌 。走进李家,院内假山流水、花繁叶茂、鱼游鸟鸣,一个美丽的庭院跃然眼前 "
      "。近年来,运河社区组织开展“好媳妇”"
      "“好婆婆”“最美家庭”等文明创建活动评比,让健康向上的现代文明理念深入千家万户;严管不文明行为,"
      "成立“老支书巡访团”,邀"
      "请退休的社区干部发挥领头雁作用,各自认领一条支巷,成为巷道领创人,并定期开展美丽巷道评比,"
      "用常态化的评比制度确保社区新面"
      "貌常态化 。\n"
      "\n"
      "日前,淮安区经历强降雨过程,"
      "城区防汛工作经受考验。该区聚焦住建领域防汛重点区域、关键点位开展防汛安全专项检查,部署防御措"
      "施,确保各项防汛工作落实到位。\n"
      "\n"
      "该区迅速集结防汛巡查力量,共出动防汛巡查人员100人次,调配巡查车辆25辆,架设移动泵车和水泵6台,"
      "确保市政设施应急能力"
      "充足。此外,在下穿式立交桥、地下\n"
      "\n"
      "通道等重点部位,提前配备应急排水设备6套,安排5名专业人员值守,实时监测水位变化,"
      "及时处置突发情况。\n"
      "\n"
      "该区对32个小区开展检查,同时加强与小区物业的沟通协调,及时通报积水情况,"
      "共同做好防汛工作。建筑工地方面,对51个(标段"
      ")中4个建筑工地开展巡检,经检查,未出现异常情况。同时,要求各建筑工地严格落实防汛责任,"
      "密切关注天气变化,提前做好人员疏"
      "散和物资储备工作,确保工地安全度汛。\n");
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), NULL, "新面貌常态化 。"));
  g_assert_true (
      sd_test_body_has (g_ptr_array_index (segments, 1), "日前，淮安区", "确保工地安全度汛。"));
}

/* r13 (b4): a story's own dated paragraph that names a town the story
 * never named (11月初,在“草皮之乡”苏州常熟辛庄镇平墅村,…) goes on about the
 * story's subject, the city's rice: it shares enough of its words to stay. */
static void
test_story_paragraph_names_new_place (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("# 苏州:工业大市劲唱“强粮歌”\n"
                   "\n"
                   "光明日报记者 苏雁\n"
                   "\n"
                   "都知道苏州是工业强市,可说起粮食生产,苏州市农业农村局局长宁春生一脸自豪:“这些年,"
                   "苏州粮食生产一点也不含糊,产量一直稳"
                   "步增长。今年全市水稻总产量预计13.9亿斤,创7年来新高!”\n"
                   "\n"
                   "改革开放以来,苏州工业发展一直走在江苏甚至全国前列。成为工业强市后,"
                   "一个问题摆在苏州人面前:还要不要发展农业,尤其是水稻"
                   "种植这样的“纯农业”?\n"
                   "\n"
                   "苏州的回答斩钉截铁:不但“要”,而且是高质量的“要”。\n"
                   "\n"
                   "苏州有1600多万人口,维持城市安全有序运转,离不开农产品的有效供给。要端稳粮食饭碗,"
                   "就须臾不能放松粮食生产。\n"
                   "\n"
                   "苏州寸土寸金。而粮食生产,离不开耕地。如何守住耕地红线?\n"
                   "\n"
                   "11月初,在“草皮之乡”苏州常熟辛庄镇平墅村,记者看到,2600亩水稻迎来丰收。2019年起,"
                   "常熟决定全面推进退草还田,"
                   "平墅村成为第一个试点。“每收一茬草皮,都会带走一层土,退草还田,"
                   "就是为了确保耕地安全!”辛庄镇副镇长陈伟忠说。\n"
                   "\n"
                   "近几年,苏州通过退草还田、退渔还田、“三优三保”等行动,新增加10万亩水稻田。\n");
  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (
      sd_test_body_has (g_ptr_array_index (segments, 0), "都知道苏州", "新增加10万亩水稻田。"));
}

/* r97 (b25): an item with no title under a story of 白下区's 共建 (its
 * dateline 南京日报报道, its last paragraph 昨天,…), opened by a web outlet's wire dateline with the day
 * after 电 (人民网南京电28日上午,…): a lead of its own, a story of its own. */
static void
test_untitled_item_web_wire (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut (
      "南京日报报道(记者 毛庆 通讯员 张先才)“想不到南京新城建得这么漂亮”。全市“城乡携手、共建文明新"
      "农村”动员大会后,白下区房产局率先启动新一轮城乡共建活动,"
      "昨天组织结对共建的高淳县桠溪镇镇东村20多"
      "位村民看南京新貌。\n"
      "\n"
      "坐在旅游大巴上,"
      "村民们对窗外拔地而起的商务楼宇、风格各异的漂亮住宅、宽阔明亮的道路和大片整齐的绿地感"
      "叹不已。“看,"
      "这就是十运会时我从电视上看到的机器人腾空点火的主火炬台。”站在气势恢弘的奥体中心体育场"
      "门口,60多岁的老支书韦东伢兴奋地与村民一起交流着。韦东伢说,因为农活太忙,十多年都没到南京来了,"
      "这"
      "次区房产局工作人员把旅游大巴开到他家门口,把乡亲们一起接过来,看看南京城的新面貌,"
      "“想不到南京变化这"
      "么大,下次我一定要把孙子也带过来看看。”接着,大家还参观了南京新火车站,"
      "登上阅江楼眺望长江和南京全貌"
      ",最后,村民们还兴致勃勃地过了一把“地铁瘾”。\n"
      "\n"
      "昨天,白下区房产局还与镇东村签订了3年共建协议,副书记李清松介绍说,"
      "区房产局将在镇东村做大肉鸽养殖项"
      "目上给予扶持和帮助,并支持他们清淤村塘、兴建村文化活动室、开展技能培训等,在3年的共建时间内,"
      "帮助镇"
      "东村进入“文明家园示范村”行列。\n"
      "\n"
      "人民网南京电28日上午,2022“苏韵乡情”乡村休闲旅游农业(南京·浦口)专场推介暨2022年中国农"
      "民丰收节南京庆祝活动·第七届永宁河岸花海农旅嘉年华在永宁街道张圩葵花朵朵园开幕。活动现场举行"
      "了“浦口"
      "区农业农村乡土人才”颁奖仪式,表彰为浦口农业现代化作出贡献的人才。此外,"
      "多项重大农业项目于当天签约。\n"
      "\n"
      "浦口农业历史悠久,农耕文化厚重。金秋时节,浦口大地五谷丰登、瓜果飘香,"
      "活动在江苏省非物质文化遗产永宁"
      "“手狮舞”表演中拉开序幕。南京市农业农村局局长张屹在致辞中表示,国庆黄金周即将到来,"
      "南京诚挚邀请各地"
      "各界朋友和广大市民,走进乡村、踏进田园,共同体验乡野、乡趣、乡情、乡愁,"
      "也欢迎大家投资南京、深耕南京"
      ",在这片创新创业的热土沃土上互利共赢、畅想未来。\n");
  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 1), "28日上午", NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-cohesion/echo/opens-story", test_echo_opens_story);
  g_test_add_func ("/segmenter-cohesion/echo/section-without", test_section_without_echo);
  g_test_add_func ("/segmenter-cohesion/byline/dated-lead-after", test_dated_lead_after_byline);
  g_test_add_func ("/segmenter-cohesion/byline/early-names", test_dated_lead_after_early_names);
  g_test_add_func ("/segmenter-cohesion/untitled/no-byline", test_untitled_item_without_byline);
  g_test_add_func ("/segmenter-cohesion/untitled/new-place", test_untitled_item_names_new_place);
  g_test_add_func ("/segmenter-cohesion/untitled/own-new-place",
                   test_story_paragraph_names_new_place);
  g_test_add_func ("/segmenter-cohesion/untitled/web-wire", test_untitled_item_web_wire);
  return g_test_run ();
}
