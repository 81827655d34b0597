/* test-place-resolver.c — deciding a story's city, district and town
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sentence here is made up for the test, but for those marked as
 * quoted: excerpts of the real pages (tests/pages/real, their SOURCES.md
 * give the addresses), cut at a sentence end.
 */
#include "config.h"

#include "sd-place-resolver.h"
#include "sd-test-util.h"

#include <string.h>

#ifndef SD_GAZETTEER_DIR
#error "SD_GAZETTEER_DIR must name data/gazetteer"
#endif

static SdGazetteer *gazetteer;

typedef struct
{
  const char *path;
  const char *headline;
  const char *body;
  /* Expected names, NULL for none; city "江苏省" means the province. */
  const char *city;
  const char *district;
  const char *town;
} StoryCase;

static const StoryCase story_cases[] = {
  /* The whole province, or several cities with none ahead. */
  { "/place-resolver/province/meeting", "全省新就业群体党建工作推进会召开",
    "省委组织部近日召开推进会。南京、苏州、徐州、南通、扬州等设区市作交流发言，"
    "全省13个设区市组织部门负责同志参加会议。",
    "江苏省", NULL, NULL },
  { "/place-resolver/province/several-cities", "城市暖心更暖“新”",
    "在无锡市，外卖小哥有了歇脚的驿站；在常州市，货车司机有了专属食堂；"
    "在盐城市，网约车司机有了法律顾问；在宿迁市，快递员有了技能培训。",
    "江苏省", NULL, NULL },
  { "/place-resolver/province/passing-city", "科学精准做好防控工作",
    "我省坚持科学精准防控，全省各地迅速行动。会议在南京召开，省委有关负责同志出席。", "江苏省",
    NULL, NULL },
  /* A city named once, written out in the first sentence, is the scene;
   * not when the story goes on to other cities. */
  { "/place-resolver/city/lede-scene", "44年 带出个新农村",
    "走进江苏省常熟市蒋巷村，千亩良田绿浪滚滚。蒋巷村曾是苏南有名的穷村，如今村民过上了好日子。",
    "苏州市", "常熟市", NULL },
  { "/place-resolver/province/lede-scene-among-cities", "乡村振兴看新村",
    "走进江苏省常熟市蒋巷村，千亩良田绿浪滚滚。近年来，我省新村建设全面铺开，南通市、扬州市"
    "也涌现出一批示范村，全省示范村已达百余个。",
    "江苏省", NULL, NULL },
  { "/place-resolver/none", "秋收时节稻谷飘香", "田野里一片金黄，农户们忙着收割。", NULL, NULL,
    NULL },

  /* A town resolves its district and city. */
  { "/place-resolver/town/full-name", "黎里镇打造古镇新名片",
    "近日，黎里镇文体中心正式向居民开放，每天接待游客上千人次。", "苏州市", "吴江区", "黎里镇" },
  { "/place-resolver/town/after-district", "吴中木渎建起消防安全体系",
    "木渎镇近年来持续完善基层消防力量建设。", "苏州市", "吴中区", "木渎镇" },
  { "/place-resolver/town/short-needs-parent", "黎里古镇迎客忙",
    "游客们漫步在古镇老街上，感受江南水乡风情。", NULL, NULL, NULL },
  { "/place-resolver/town/body-only", "一体化示范区新时代文明实践促交流",
    "在吴江汾湖高新区，汾湖文体中心成为两地居民的共同家园。黎里镇还组织志愿者开展服务。", "苏州市",
    "吴江区", "黎里镇" },

  /* The first sentences (about 120 characters) set the scene: a town
   * named there in full is the story's, even named once, when no other
   * town of its district is named. */
  { "/place-resolver/town/lede-scene", "候鸟迁徙迎来高峰",
    "10月中旬，东台市弶港镇沿海滩涂迎来候鸟南迁高峰期。东台市湿地保护中心工作人员"
    "每天记录鸟类数量，东台市还组织志愿者开展巡护。",
    "盐城市", "东台市", "弶港镇" },
  { "/place-resolver/town/lede-scene-without-parent", "候鸟迁徙迎来高峰",
    "10月中旬，弶港镇沿海滩涂迎来候鸟南迁高峰期。东台市湿地保护中心工作人员每天记录"
    "鸟类数量，东台市还组织志愿者开展巡护。",
    "盐城市", "东台市", "弶港镇" },
  { "/place-resolver/town/lede-scene-short-name", "新吴区打造靓丽门户",
    "近日，新吴区硕放机场高速出入口和硕放枢纽绿化提升工作通过验收，新吴区还将落实长效机制。",
    "无锡市", "新吴区", NULL },
  { "/place-resolver/town/lede-scene-other-town", "射阳特色小镇争奇斗艳",
    "近日，射阳县洋马镇的菊花迎来盛花期，吸引游客纷至沓来。射阳县还建设了特庸镇蚕桑小镇，"
    "射阳县坚持一镇一品。",
    "盐城市", "射阳县", NULL },
  { "/place-resolver/town/lede-scene-not-in-mid-body", "候鸟迁徙迎来高峰",
    "10月中旬，沿海滩涂迎来候鸟南迁高峰期，湿地保护中心工作人员每天记录鸟类数量，"
    "志愿者们也加入巡护，不少摄影爱好者专程从外地赶来，在滩涂边架起长枪短炮拍摄候鸟。据了解，今年以"
    "来当地持续开展湿地保护修复，新增栖息地一千多亩，"
    "越冬候鸟种类和数量明显增加，观鸟游客也越来越多。东台市弶港镇和东台市其他镇也在行动。",
    "盐城市", "东台市", NULL },
  /* Below a district the headline names, the town the first sentences
   * are set in; but not the place of an opening quote's speaker (an
   * anecdote: the story is the district's). */
  { "/place-resolver/town/headline-district-lede-scene", "金湖县网格员快速响应解民忧",
    "近日，金湖县黎城街道平安路社区网格员接到居民反映，老旧小区过道堆放杂物。网格员第一时间"
    "上门核实，金湖县有关部门也及时跟进。",
    "淮安市", "金湖县", "黎城街道" },
  { "/place-resolver/town/headline-district-two-towns", "金湖县网格员快速响应解民忧",
    "近日，金湖县黎城街道平安路社区网格员接到居民反映，老旧小区过道堆放杂物。银涂镇网格员"
    "也上门核实，金湖县有关部门及时跟进。",
    "淮安市", "金湖县", NULL },
  /* With no place in the headline, the speaker's place is the story's. */
  { "/place-resolver/town/lede-speaker", "小区改造换新颜",
    "“以前这里又脏又乱，现在环境优美，我们很开心。”日前，家住响水县陈家港镇淮海小区的周大爷"
    "如是说。近年来，该镇将老旧小区改造列入为民办实事项目。",
    "盐城市", "响水县", "陈家港镇" },
  { "/place-resolver/town/headline-district-lede-anecdote", "泗洪小微权力清单让村务监督长牙带电",
    "“以前村里的钱怎么花，我们心里没底。”泗洪县上塘镇垫湖村村民朱大爷说。今年以来，"
    "泗洪县纪委监委在全县推行村级小微权力清单制度，泗洪县还建立三级联动监督机制。"
    "在上塘镇，镇纪委组织村务监督委员会成员对照清单逐项体检。",
    "宿迁市", "泗洪县", NULL },
  { "/place-resolver/town/headline-district-examples", "淮安区推动党性教育有形有效",
    "淮安区委组织部近日出台党性教育专题计划，将党性修养作为各级干部培训的首要任务，淮安区各镇"
    "街积极行动，探索各具特色的教育形式，打造了一批党性教育基地，组织党员干部就近参观学习。"
    "区里还编印了党性教育读本，开设线上课堂，让党员干部随时随地接受教育。"
    "该区平桥镇沈庄村党总支把党性教育与提升村级治理结合起来。该区平桥镇谭庄村利用本村"
    "历史故事开展诚信教育。",
    "淮安市", "淮安区", NULL },
  /* A lake, hill or road named after a town lies in the town's district. */
  { "/place-resolver/town/lake-named-after-town", "固城湖螃蟹上市",
    "固城湖螃蟹上市了，高淳区蟹农忙着捕捞，固城湖畔一片繁忙。", "南京市", "高淳区", NULL },

  /* A town's short name followed by 区 names the district called so. */
  { "/place-resolver/town/short-name-district", "雨花区花神庙社区：文明之花花开花神庙",
    "记者日前来到花神庙社区采访，社区里新楼拔地而起，居民们过上了好日子。", "南京市", "雨花台区",
    NULL },

  /* Right after a town, a place it does not hold names one of its
   * communities (丹阳门社区 in 金坛's 金城镇). */
  { "/place-resolver/town/community-named-after-place", "有一道风景叫“孝老”",
    "4月16日，金城镇丹阳门社区组织党员志愿者，对社区孤寡老人开展一对一帮扶活动。", "常州市",
    "金坛区", "金城镇" },

  /* The same name in two places: the story around it decides. */
  { "/place-resolver/ambiguous/xindian-xinyi", "新店镇农房改善见成效",
    "新沂市新店镇大湖村的村民们搬进了新型农民社区。", "徐州市", "新沂市", "新店镇" },
  { "/place-resolver/ambiguous/xindian-rudong", "新店镇农房改善见成效",
    "在如东县，新店镇的村民们搬进了新居，如东县还将继续推进。", "南通市", "如东县", "新店镇" },
  { "/place-resolver/ambiguous/xindian-alone", "新店镇农房改善见成效", "村民们搬进了新型农民社区。",
    NULL, NULL, NULL },
  { "/place-resolver/ambiguous/huangqiao-xiangcheng", "相城黄桥探路村庄治理",
    "黄桥街道生田村引入物业公司，村庄环境明显改善。", "苏州市", "相城区", "黄桥街道" },
  { "/place-resolver/ambiguous/huangqiao-taixing", "黄桥老街焕新颜",
    "泰兴市持续推进古镇保护，黄桥老街修缮工程日前完工，泰兴文旅再添名片。", "泰州市", "泰兴市",
    "黄桥镇" },
  { "/place-resolver/ambiguous/hi-tech-suzhou", "高新区新设人才驿站",
    "记者从苏州市获悉，高新区今年新建人才驿站五处。", "苏州市", "虎丘区", NULL },
  { "/place-resolver/ambiguous/hi-tech-changzhou", "高新区新设人才驿站",
    "记者从常州市获悉，高新区今年新建人才驿站五处。", "常州市", "新北区", NULL },
  { "/place-resolver/ambiguous/gulou-nanjing", "鼓楼区打造社区食堂",
    "南京市鼓楼区在辖区内新建社区食堂十家。", "南京市", "鼓楼区", NULL },

  /* The headline counts more than the body. */
  { "/place-resolver/headline/outweighs-body", "昆山周市专题协商民生事宜",
    "会上，与会人员围绕民生实事展开讨论，并参观了太仓港。太仓市、太仓浮桥镇的代表列席会议。",
    "苏州市", "昆山市", "周市镇" },
  { "/place-resolver/headline/city-only", "淮安抓好三个环节推进产改",
    "淮安市总工会推进产业工人队伍建设改革。淮安区组织技能竞赛，盱眙县开展岗位练兵。", "淮安市",
    NULL, NULL },
  { "/place-resolver/headline/district-not-town", "崇川区矩阵服务新就业群体",
    "“卸了货还能来这休息一下，很贴心。”近日，南通市崇川区秦灶街道物流园货车司机开心地说。"
    "崇川区建成新就业群体服务站11个。",
    "南通市", "崇川区", NULL },
  /* Below a city the headline names, the district the first sentences
   * are set in, written out with its city or its town; not from a list. */
  { "/place-resolver/headline/city-lede-district", "老广场变新公园 南京这个小区焕新",
    "“如今小区绿化比以前好多了！”在南京雨花台区景明佳园小区广场上，居民们告诉记者。"
    "这两年，南京持续推进老旧小区改造，铁心桥街道也在行动。",
    "南京市", "雨花台区", "铁心桥街道" },
  { "/place-resolver/headline/city-lede-list", "徐州保护传统村落 留住乡愁记忆",
    "近日，徐州市铜山区柳泉镇北村和贾汪区、邳州市的五个村庄入选传统村落名录。"
    "徐州市将加大保护力度。",
    "徐州市", NULL, NULL },
  { "/place-resolver/body/lede-tour", "七彩收获",
    "邳州市碾庄镇，秸秆打捆机在田间作业。\n铜山区柳泉镇，农户夜间抢抓收割。", "徐州市", NULL,
    NULL },
  /* Past the first sentences, the only district a story names, written
   * out with its city, is the story's (quoted, r32). */
  { "/place-resolver/headline/city-late-district",
    "故黄河畔徐州马集村：石头缝里实干巧干种出乡村振兴“杏”福果",
    "“把这湖边200多亩杏园子先期流转过来，作为农业休闲观光开发的‘试验田’。”3月3日，在徐州城区"
    "东南20余公里的吕梁湖畔，江苏徐州金杏旅游开发有限公司总经理李先军沿着马集“十里杏花村”的林间"
    "小道一路上山，为下一步发展进行再次实地考察。\n马集行政村位于江苏省徐州市铜山区伊庄镇吕梁湖"
    "东岸，下辖五个自然村，人口3100人。",
    "徐州市", "铜山区", NULL },
  { "/place-resolver/headline/city-late-district-among-others", "徐州保护传统村落 留住乡愁记忆",
    "近日，徐州多个村庄入选传统村落名录，徐州将加大保护力度，邀请专家逐村把脉，编制保护规划。"
    "入选的村庄中，马集村位于江苏省徐州市铜山区伊庄镇，户部山社区位于云龙区。",
    "徐州市", NULL, NULL },
  /* A town named in full in the first sentences, the only place below
   * the city the story names, sets its district too, however often the
   * city's name starts a firm's (quoted, r59). */
  { "/place-resolver/body/lede-town-only-place", "一手抓防疫一手抓生产",
    "24日，无锡昌鼎电子有限公司的车间内，员工们戴着口罩在生产一线忙碌。山北街道坚持一手抓防疫一手抓"
    "生产，积极帮助企业应对和减少因疫情造成的损失，截至目前，无锡光电新材料科技园内的企业复工率达"
    "100%。",
    "无锡市", "梁溪区", "山北街道" },
  { "/place-resolver/body/lede-town-among-districts", "一手抓防疫一手抓生产",
    "24日，无锡昌鼎电子有限公司的车间内，员工们戴着口罩在生产一线忙碌。山北街道坚持一手抓防疫一手抓"
    "生产，锡山区、惠山区的企业也已复工，无锡各区企业复工率达100%。",
    "无锡市", NULL, NULL },
  { "/place-resolver/body/lede-district", "小村庄是个大课堂",
    "农业起家、工业发家，是常熟市支塘镇蒋巷村多年来的发展密码。蒋巷村地处常熟、昆山、"
    "太仓三地交界处，过去是个低洼地。",
    "苏州市", "常熟市", "支塘镇" },

  /* Aliases: nicknames, zones, former names. */
  { "/place-resolver/alias/nickname", "让“小哥”在港城安家更安心",
    "张家港市为快递小哥提供公寓，张家港还开通了服务热线。", "苏州市", "张家港市", NULL },
  { "/place-resolver/alias/tech-city", "苏州科技城启动守护行动",
    "苏州科技城联合东渚街道开展关爱新就业群体活动。", "苏州市", "虎丘区", "东渚街道" },
  { "/place-resolver/alias/xuzhou-zone", "徐州经开区东环街道激发发展动能",
    "东环街道发挥党建引领作用。", "徐州市", "徐州经济技术开发区", "东环街道" },
  { "/place-resolver/alias/eco-new-town", "泰安镇打造统战特色品牌",
    "扬州生态科技新城泰安镇泰安社区成立同心驿站。", "扬州市", "广陵区", "泰安镇" },
  { "/place-resolver/alias/park", "工业园区金鸡湖街道建成儿童友好街区",
    "苏州工业园区金鸡湖街道新建儿童友好街区。", "苏州市", "苏州工业园区", "金鸡湖街道" },
  { "/place-resolver/alias/former-name", "吴江市老照片展开展", "展览回顾了吴江撤市设区以来的变化。",
    "苏州市", "吴江区", NULL },
  /* A town merged since (苏政复〔2013〕80号) is the town that holds it now
   * (quoted, r68). */
  { "/place-resolver/alias/merged-town", "“安大板块”成为资本降落跑道",
    "汉留镇境内总长9.3公里的安大路、总长5公里的汉留大道、总长9公里的三樊路同时进行施工，这三条路"
    "构成的“川”字形大道拉开汉留工业集中区的骨架。",
    "扬州市", "高邮市", "汤庄镇" },
  /* 吕四 for 吕四港镇, a short form the rule does not make (quoted, r69). */
  { "/place-resolver/alias/short-form", "且看吕四新渔港的裂变效应",
    "久违了的吕四新渔港早已今非昔比。吕四古镇因渔而兴港，因港而兴渔，更因一座新渔港而带动一方"
    "经济繁荣兴盛。",
    "南通市", "启东市", "吕四港镇" },
  /* A lake shared by three districts names none of them: 阳澄湖 is no
   * 阳澄湖镇 (quoted, r18). */
  { "/place-resolver/alias/shared-lake", "2018中国苏州阳澄湖大闸蟹开捕节在“蟹都”巴城开幕",
    "9月21日，由苏州市阳澄湖大闸蟹行业协会主办、昆山市巴城镇人民政府、昆山市巴城镇阳澄湖蟹业协会、"
    "苏州托普信息职业技术学院承办的“2018中国苏州阳澄湖大闸蟹开捕节”，在昆曲发源地、闻名遐迩的"
    "“中国阳澄湖大闸蟹之乡”昆山巴城举行。\n今年气候宜人，阳澄湖水质优化，大闸蟹整体的规格比去年大"
    "。",
    "苏州市", "昆山市", "巴城镇" },
  /* Right after a district, a landmark of another district is one of its
   * own of that name (quoted, r49). */
  { "/place-resolver/alias/landmark-after-district", NULL,
    "5月13日航拍的连云区北固山生态公园。近年来，我市加大投入打造城市“绿肺”。", "连云港市", "连云区",
    NULL },

  /* A village or community the story is about, where nothing else names
   * its district (quoted, r71 and r27). */
  { "/place-resolver/village/headline", "下甸村让文明招牌“擦”得更亮",
    "走进下甸村，一股浓郁的文明新风气息扑面而来，干净整洁的道路，排放整齐的分类垃圾桶，友好和善的"
    "路边村民，再看看路两边的墙体上，画满了图片、文字、漫画等，引得大家赞叹不已。",
    "镇江市", "句容市", "华阳街道" },
  { "/place-resolver/village/lede", "图片新闻",
    "22日，连元街社区的古运河边，太湖流域水文水资源监测中心的工作人员带着专业设备对河水进行检测"
    "和分析，并用真实数据告诉辖区居民经过持续的水治理，如今运河水正在慢慢变好。",
    "无锡市", "梁溪区", "崇安寺街道" },
  /* never over a district the story names, nor villages of several
   * districts, nor one named only further on, nor a list of the province's */
  { "/place-resolver/village/under-district", "句容市推进文明村创建",
    "句容市今年新增全国文明村两个。下甸村通过创建实现了双富裕。", "镇江市", "句容市", NULL },
  { "/place-resolver/village/several-districts", "文明新风进乡村",
    "下甸村和连元街社区近日分别举办文明实践活动，村民居民踊跃参加。", NULL, NULL, NULL },
  { "/place-resolver/village/further-on", "文明新风进乡村",
    "近年来，各地持续推进农村人居环境整治，道路干净整洁，垃圾分类有序，村民们的精神面貌焕然一新，"
    "文明新风吹遍城乡，群众的获得感、幸福感不断增强，乡村振兴迈出坚实步伐。"
    "今年以来，各村还组织志愿服务队定期走访独居老人，开展环境卫生评比，评出一批美丽庭院示范户。"
    "其中下甸村实现了双富裕。",
    NULL, NULL, NULL },
  { "/place-resolver/village/province-list", "我省公布省级特色田园乡村名单",
    "省田园办近日命名了一批特色田园乡村，下甸村等村庄名列其中。", "江苏省", NULL, NULL },

  /* Words that only look like places. */
  /* A school, bank or road named after a city is no story there: the
   * village of this one is in 淮安 (quoted, r24). */
  { "/place-resolver/false-positive/namesake-school", "高桥村：问君何处去 黄庄有田园",
    "村“两委”班子最终达成一致意见，从南京大学邀请专家进村探探底。", NULL, NULL, NULL },
  { "/place-resolver/false-positive/namesake-road", "公交线路今起调整",
    "记者从公交公司获悉，途经南通路的两条线路今起改道，苏州银行网点门前增设站台。", NULL, NULL,
    NULL },
  { "/place-resolver/false-positive/namesake-and-city", "南京大学生走进社区",
    "南京市鼓楼区宁海路街道组织南京大学学生开展志愿服务。", "南京市", "鼓楼区", "宁海路街道" },
  { "/place-resolver/false-positive/harvest", "今年又是大丰收",
    "粮食总产再创新高，极大丰富了市民的菜篮子。", NULL, NULL, NULL },
  { "/place-resolver/false-positive/common-words", "弘扬中华优秀传统文化",
    "大家非常熟悉这些故事，它们影响水乡几代人，例如东坡的诗句。", NULL, NULL, NULL },
  { "/place-resolver/false-positive/weak-stem", "东海之滨看日出",
    "游客们在海边等待日出，新区建设也在加快。", NULL, NULL, NULL },
  { "/place-resolver/false-positive/weak-stem-with-city", "东海：水晶产业再升级",
    "连云港市东海县水晶产业年产值突破百亿元，东海水晶闻名全国。", "连云港市", "东海县", NULL },
  { "/place-resolver/false-positive/other-province", "上海安排专列",
    "上海安全生产形势平稳，山东海域风平浪静。", NULL, NULL, NULL },
  /* (the story is set in 胥口镇, named first and alone) */
  { "/place-resolver/false-positive/generic-park", "吴中区发展特色产业",
    "吴中区胥口镇大湖工业园区新引进企业12家，吴中区还将加快布局。", "苏州市", "吴中区", "胥口镇" },
  /* A place the story is about, or one it passes by: a landmark on a tour
   * of a city, a district written out once with its town among others, a
   * town's short name in a station's, a list under a headline about the
   * province. */
  { "/place-resolver/subject/landmark-on-city-tour", "海外记者点赞苏州",
    "9月12日，海外记者来到苏州。他们先后走访了太仓港、浏河天妃宫等地。"
    "记者们说，苏州是一座历史悠久的古城，太仓港的繁忙景象令人难忘，"
    "天堂苏州的古韵今风令人印象深刻，苏州的开放让他们看到了中国的活力。",
    "苏州市", NULL, NULL },
  { "/place-resolver/subject/landmark-against-city", "志愿者温暖这座城",
    "在扬州的大街小巷，总有一群志愿者。他们在东关街为游客指路，在路口劝导文明出行，让扬州更温暖。",
    "扬州市", NULL, NULL },
  { "/place-resolver/subject/district-against-passing-city", "吴都路改造工程完工",
    "近日，新吴区吴都路改造工程完工。工程按照无锡市道路品质导则施工。", "无锡市", "新吴区", NULL },
  { "/place-resolver/subject/written-out-once", "一村一特色",
    "徐州市推动农业全面升级。贾汪区的草莓迎来丰收。睢宁县姚集镇建起手工艺工坊。", "徐州市", NULL,
    NULL },
  { "/place-resolver/subject/short-town-in-station", "外地游客说南京",
    "昨夜，记者在南京中央门汽车站遇到了回乡的李军。他说，南京的街道很干净。", "南京市", NULL,
    NULL },
  { "/place-resolver/subject/province-headline", "江苏公布新一批特色田园乡村",
    "近日，江苏省命名了新一批特色田园乡村，南京溧水区和凤镇张家村等村庄上榜。"
    "南京溧水区和凤镇张家村诸家保留了传统风貌。苏州市、南京市也各有乡村上榜。",
    "江苏省", NULL, NULL },
  { "/place-resolver/false-positive/innovation", "创新吴江建设加速推进",
    "吴江区今年新增高新技术企业百余家。", "苏州市", "吴江区", NULL },
};

static const char *
name_or_null (const SdPlace *place)
{
  return place != NULL ? place->name : NULL;
}

static void
test_story (gconstpointer data)
{
  const StoryCase *c = data;
  g_autoptr (SdPlaceDecision) decision = NULL;
  const SdPlace *city, *district, *town;

  decision = sd_place_resolver_resolve (gazetteer, c->headline, c->body);
  g_assert_nonnull (decision);
  g_assert_nonnull (decision->mentions);
  g_assert_cmpfloat (decision->confidence, >=, 0.0);
  g_assert_cmpfloat (decision->confidence, <=, 1.0);

  if (g_strcmp0 (c->city, "江苏省") == 0)
    {
      g_assert_nonnull (decision->place);
      g_assert_cmpint (decision->place->level, ==, SD_PLACE_LEVEL_PROVINCE);
      return;
    }
  if (c->city == NULL)
    {
      g_assert_null (decision->place);
      return;
    }

  sd_gazetteer_split_levels (gazetteer, decision->place, &city, &district, &town);
  g_assert_cmpstr (name_or_null (city), ==, c->city);
  g_assert_cmpstr (name_or_null (district), ==, c->district);
  g_assert_cmpstr (name_or_null (town), ==, c->town);
}

static void
test_mentions (void)
{
  const char *headline = "吴江让新就业群体感受温情";
  const char *body = "苏州市吴江区汾湖高新区设立驿站。";
  g_autoptr (SdPlaceDecision) decision = sd_place_resolver_resolve (gazetteer, headline, body);
  const char *expected[][2] = {
    { "吴江", "吴江区" },
    { "苏州市", "苏州市" },
    { "吴江区", "吴江区" },
    { "汾湖高新区", "黎里镇" },
  };

  g_assert_cmpuint (decision->mentions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < decision->mentions->len; i++)
    {
      const SdPlaceMention *m = &g_array_index (decision->mentions, SdPlaceMention, i);
      const char           *text = m->field == SD_MENTION_IN_HEADLINE ? headline : body;
      g_autofree char      *printed = g_strndup (text + m->start, m->end - m->start);

      g_assert_cmpint (m->field, ==, i == 0 ? SD_MENTION_IN_HEADLINE : SD_MENTION_IN_BODY);
      g_assert_cmpstr (printed, ==, expected[i][0]);
      g_assert_cmpstr (m->place->name, ==, expected[i][1]);
    }
  /* Byte offsets: 吴江 is the first six bytes of the headline. */
  g_assert_cmpuint (g_array_index (decision->mentions, SdPlaceMention, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (decision->mentions, SdPlaceMention, 0).end, ==, 6);
}

static void
test_null_texts (void)
{
  g_autoptr (SdPlaceDecision) nothing = sd_place_resolver_resolve (gazetteer, NULL, NULL);
  g_autoptr (SdPlaceDecision) body_only =
      sd_place_resolver_resolve (gazetteer, NULL, "沭阳县花木产业蓬勃发展。");

  g_assert_null (nothing->place);
  g_assert_cmpuint (nothing->mentions->len, ==, 0);
  g_assert_cmpstr (body_only->place->name, ==, "沭阳县");
}

/* A page of a county paper: 我市 is its home, the district most of its
 * stories are filed under; on a page of many places it means nothing. */
static void
test_home (void)
{
  const char *headlines[] = {
    "邳州银杏节开幕",           "我市企业开办实现一日办结", "土山镇建成农产品冷链中心",
    "我市为新就业群体送上暖包", "我区推进老旧小区改造",     "银杏叶黄引客来",
  };
  const char *bodies[] = {
    "邳州市第二十届银杏节近日开幕，邳州市各镇推出赏银杏线路。",
    "我市推行企业开办全程网办，申请人提交材料后当天即可领取营业执照。",
    "邳州市土山镇农产品冷链中心投入使用，土山镇蔬菜可以直供超市。",
    "我市总工会近日为外卖骑手、快递员发放冬日暖包两千份。",
    "我区今年改造老旧小区三十个，惠及居民上万户。",
    "连日来，银杏叶渐次变黄，前来观赏拍照的游客络绎不绝。",
  };
  SdPlaceDecision *decisions[G_N_ELEMENTS (headlines)];
  const char *expected[] = { "邳州市", "邳州市", "土山镇", "邳州市", NULL, "邳州市" };

  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    decisions[i] = sd_place_resolver_resolve (gazetteer, headlines[i], bodies[i]);
  g_assert_null (decisions[1]->place);
  sd_place_resolver_settle_home (gazetteer, decisions, headlines, bodies, G_N_ELEMENTS (headlines));
  for (guint i = 0; i < G_N_ELEMENTS (headlines); i++)
    {
      /* 我区 is no 邳州市: the home is a 市; a story naming no place at
       * all is the paper's own */
      g_assert_cmpstr (decisions[i]->place != NULL ? decisions[i]->place->name : NULL, ==,
                       expected[i]);
      sd_place_decision_free (decisions[i]);
    }

  /* a provincial page: no home, 我市 stays unplaced */
  {
    const char *h[] = { "南京新建口袋公园", "苏州推进古城保护", "我市企业开办实现一日办结",
                        "银杏叶黄引客来" };
    const char *b[] = { "南京市今年新建口袋公园五十个。", "苏州市出台古城保护条例。",
                        "我市推行企业开办全程网办。", "连日来，银杏叶渐次变黄。" };
    SdPlaceDecision *d[4];

    for (guint i = 0; i < 4; i++)
      d[i] = sd_place_resolver_resolve (gazetteer, h[i], b[i]);
    sd_place_resolver_settle_home (gazetteer, d, h, b, 4);
    g_assert_null (d[2]->place);
    g_assert_null (d[3]->place);
    for (guint i = 0; i < 4; i++)
      sd_place_decision_free (d[i]);
  }
}

static void
test_speed (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  const guint rounds = 200;
  gint64      start;
  double      per_story;

  /* About 2,000 characters, with mentions spread through it. */
  while (g_utf8_strlen (body->str, -1) < 2000)
    g_string_append (body,
                     "记者从吴江区获悉，汾湖高新区今年新设驿站，为外卖员、快递员提供歇脚服务。"
                     "松陵街道、黎里镇也同步推进，全区新就业群体党建工作取得实效。");
  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr (SdPlaceDecision) decision =
          sd_place_resolver_resolve (gazetteer, "吴江暖新行动", body->str);
      g_assert_nonnull (decision->place);
    }
  per_story = (g_get_monotonic_time () - start) / (double) rounds;
  g_test_message ("resolve: %.1f us per %zu-byte story", per_story, body->len);
  /* Well under a millisecond optimised; generous for sanitizers. */
  g_assert_cmpfloat (per_story, <, 20000.0);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GBytes) places = NULL;
  g_autoptr (GBytes) aliases = NULL;
  g_autoptr (GBytes) stopwords = NULL;
  g_autoptr (GBytes) villages = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  places = sd_test_read_file (SD_GAZETTEER_DIR, "jiangsu.tsv");
  aliases = sd_test_read_file (SD_GAZETTEER_DIR, "aliases.tsv");
  stopwords = sd_test_read_file (SD_GAZETTEER_DIR, "stopwords.tsv");
  villages = sd_test_read_file (SD_GAZETTEER_DIR, "villages.tsv");
  gazetteer = sd_gazetteer_new_with_villages (places, aliases, stopwords, villages, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (story_cases); i++)
    g_test_add_data_func (story_cases[i].path, &story_cases[i], test_story);
  g_test_add_func ("/place-resolver/mentions/offsets", test_mentions);
  g_test_add_func ("/place-resolver/mentions/null-texts", test_null_texts);
  g_test_add_func ("/place-resolver/home", test_home);
  g_test_add_func ("/place-resolver/speed", test_speed);

  status = g_test_run ();
  g_object_unref (gazetteer);
  return status;
}
