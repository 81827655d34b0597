/* test-segmenter-untitled.c
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Items printed with no title and no date in their lead, in lines of real
 * pages (sd-untitled.c): a scene of its own (a season, then a district or
 * town the story above never wrote out) in words the story above does not
 * use over two paragraphs on each side opens a story; a feature's own new
 * scene, which writes out no place, stays in it.  After a byline the
 * same evidence, a little more of the story's words allowed, opens one,
 * and so does it a photo's caption of no date closed by its credit.
 */
#include "config.h"

#include "sd-seg-test-util.h"
#include "sd-segmenter-private.h"

/* r111 (b28): under a story of 射阳's 开渔节, two items with no title and
 * no date (清明时节,位于新河镇的沭阳县…; 烈日炙烤下的宿迁市宿城区埠子镇…),
 * each a story of its own. */
static void
test_scene_opens_items (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("# 中国黄海·黄沙港开渔节隆重开幕!\n"
                   "\n"
                   "9月16日,中国黄海·黄沙港开渔节在黄沙港渔港码头开幕。中国渔业协会会长赵兴"
                   "武,省农业农村厅副厅长肖延川,省商务厅二级巡视员夏网生,副市长顾云岭,县委书"
                   "记吴冈玉,县委副书记、代县长王宁,县委副书记李宝会出席活动。\n"
                   "\n"
                   "肖延川在讲话时指出\n"
                   "\n"
                   "海洋渔业是沿海地区的重要产业、富民产业。射阳是我省海域面积最大的县区,也是我"
                   "省重要的水产品供给基地。射阳不仅渔港发展质量高,形成了以黄沙港渔港为中心,新"
                   "洋港、射阳港、双洋港为配套的渔港产业集群,水产苗种也具有显著优势,蟹苗产业稳"
                   "居全国蟹苗市场份额的70%以上,华东地区沿海增殖放流的海蜇苗种也都出自射阳。"
                   "与此同时,紧抓渔业安全工作,黄沙港国家中心渔港获评“全国文明渔港”,射阳县连"
                   "续三届获得了“全国平安渔业示范县”,为全省海洋渔业生产和安全作出了重要贡献。"
                   "开渔节既是渔民的盛大节日,也是发展海洋经济的靓丽窗口,希望射阳传承弘扬“吃苦"
                   "耐劳、敢闯敢拼”的耕海精神,以节为媒,大力弘扬渔业民俗文化,切实把生产安全放"
                   "在第一位,致力“一地、两带、三区”功能布局,为海洋渔业、渔港提质增效注入新动"
                   "力。\n"
                   "\n"
                   "吴冈玉在致辞时说\n"
                   "\n"
                   "射阳位于江苏沿海中部、美丽富饶的黄海之滨,拥有江苏最广阔的海域面积、最丰富的"
                   "海洋资源,渔业历史发展悠久,孕育了独特的海洋文化和渔耕文化。\n"
                   "\n"
                   "清明时节,位于新河镇的沭阳县枫皇园艺场内,15名工人忙着打磨、雕刻、装饰,精"
                   "心制作着仿真树。这个由90后小伙子张乔兴办的简易工厂,每月网上销售额达180"
                   "多万元。\n"
                   "\n"
                   "坚持农业农村优先发展,沭阳以实施乡村振兴战略为统领,全力推动农业强、农村美、"
                   "农民富,交出一份亮丽出彩、振奋人心的“三农”答卷。\n"
                   "\n"
                   "走进花乡新河镇,随处可感受到“家家有项目、户户搞经营、人人有钱赚”的浓厚创业"
                   "氛围。新河连续6年获评“中国淘宝镇”,已发展各类花木网店1.1万家,成立花木"
                   "、电商、种子、快递、干花等行业协会。全镇3500多人通过直播销售花木,带动\n"
                   "\n"
                   "从业人员2.5万人。\n"
                   "\n"
                   "“我们紧紧抓住乡村振兴战略实施机遇,推动各乡镇结合自身区位条件和产业特色等因"
                   "素,走好农业产业转型升级之路,推进生态特色农业的规模化生产、品牌化打造,有效"
                   "带动区域特色农业发展,带动更多群众增收致富。”沭阳县委书记卞建军说,作为人口"
                   "大县,沭阳有责任走出乡村振兴新路,让农业强、农村美、农民富成为花乡鲜明标识。\n"
                   "\n"
                   "陇集镇引进面积达3134亩的俄乐岗彩色苗木基地,瞄准全球市场培育槭树、彩叶豆"
                   "梨、栎树等高端品种,抢占市场制高点;北丁集农民乔闯瞄准家庭园艺,建起蝴蝶兰基"
                   "地,春节期间售出15万株,毛利达20%……沭阳“中国花木之乡”品牌越擦越亮,"
                   "规模化种植让广大农村添绿又增金。\n"
                   "\n"
                   "花木电商蓬勃发展吸引着众多游子“凤还巢”。2015年,大学毕业的乔江辞去山东"
                   "一家国企的稳定工作返乡创业,在网上卖起仿真花,生意红红火火。在新河镇,70%"
                   "以上的大学生毕业后选择返乡创业。\n"
                   "\n"
                   "“互联网+花木”让年轻人在乡村实现梦想,带动周边更多村民就业和致富,也让环境"
                   "变得更美、农民获得感自豪感更强。\n"
                   "\n"
                   "烈日炙烤下的宿迁市宿城区埠子镇蚕桑村,连片的桑叶随风摇曳。64 岁的蚕农许丙"
                   "文利落地将修剪下的桑枝捆扎在一起。“祖祖辈辈靠养蚕为生,蚕桑一身都是宝,蚕宝"
                   "宝不吃的桑葚、桑皮、桑枝都能卖,就连桑根也能卖出不少钱。”许丙文笑着说。蚕桑"
                   "村名副其实,916 户人家3911 口人,2760 亩地有2700 亩桑,是"
                   "宿迁市唯一的全村域蚕桑专业村。村中有棵两人环抱的百年老桑树,枝叶茂盛、生机勃"
                   "勃,见证了蚕桑村的沧桑变迁。\n");

  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "9月16日", "渔耕文化。"));
  g_assert_true (
      sd_test_body_has (g_ptr_array_index (segments, 1), "清明时节，位于新河镇", "自豪感更强。"));
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 2), "烈日炙烤下的宿迁市", NULL));
}

/* r101 (b26): a feature's walk round 连岛 turns to a new scene (山路一转,
 * 苏马湾到了。…) in words of its own, but writes out no district or town:
 * it stays in the feature. */
static void
test_feature_scene_stays (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("# 连岛走马观花\n"
                   "\n"
                   "□ 冯德良\n"
                   "\n"
                   "连云港是我国东部沿海的重要港口,面对连岛,背靠云台山。“连云”之得名,一是取"
                   "“连岛”与“云台山”之首字,二是暗含“民帆舰舶连云,海运昌盛”的期待。\n"
                   "\n"
                   "不说云台山,亦不说连云港,只说连岛。连岛位于黄海之滨,古称鹰游山,有文献记载"
                   ":“群鹰常集其上。”它由东西两个岛屿连接而成,分别称为东连岛、西连岛,简称连"
                   "岛。有一副对联:“南通州、北通州,南北通州通南北;东连岛、西连岛,东西连岛连"
                   "东西。”下联说的就是连岛。\n"
                   "\n"
                   "连岛原本是孤立的海岛,以前从连云港上岛,需要摆渡。从1985年起,历经数年时"
                   "间,当地建成了全长6.7千米的拦海大堤,将连岛和陆地连为一体。大堤气势磅礴,"
                   "就像一条巨龙横卧于海面,被称为“神州第一堤”,也是连云港的最美景观路。我们在"
                   "规定车速内以最慢的速度前行,一边是海湾,一边是大海。摇下车窗,海风扑面,海天"
                   "一色,渔帆点点,好一派山海连云的壮美景观。\n"
                   "\n"
                   "连岛的海岸线曲折迂回,素有十八湾之称。环岛公路如一条金色的缎带,将岛上景点串"
                   "联在一起。路的外侧,山海相连,远处沧海茫茫,近处山势曲折。岛上层林叠翠,院落"
                   "数家,掩映在绿树丛中。据导游讲,渔民们均已搬离,集中居住,仅留小院作为风景或"
                   "开办民宿,供来岛游客食宿。\n"
                   "\n"
                   "山路一转,苏马湾到了。苏马湾生态园深藏在两座山峰的臂弯之中,松柏滴翠,鸟语花"
                   "香。据传,明末将军苏子恒生性耿直,德才兼备,虽武艺高超,但大厦将倾,独木难支"
                   ",又不甘卖主求荣、留下骂名,遂带领部属隐居于此,操练兵马,养精蓄锐,以图东山"
                   "再起,反清复明。平日里,他牧马耕田,除暴安良,深得民众爱戴。\n"
                   "\n");

  g_assert_cmpuint (segments->len, ==, 1);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "连云港是", NULL));
}

/* r100 (b26): under a story of 长江镇's centenarians closed by its
 * reporters' lines (本报通讯员 …, 本报记者 杨新明), a paragraph of no date
 * (阳春三月,春风和煦。漫步于如皋市江安镇周庄社区…) writes out a town the
 * story never did, in words of its own: an item of its own. */
static void
test_scene_after_byline (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("如皋百岁老人赶新潮话小康\n"
                   "\n"
                   "20日,如皋市长江镇“百岁老人话小康”巡回展上,一幅百岁老人手摸方向盘的照片"
                   "吸引了大家的眼球(右图),他是长江镇红星北区居民王龙生,上个月刚刚过完100"
                   "岁生日。\n"
                   "\n"
                   "长江镇现有百岁老人43名,重阳节来临之际,该镇举办“百岁老人话小康”巡回展,"
                   "将如皋特有的“长寿文化”和“孝道文化”娓娓道来。\n"
                   "\n"
                   "“自行车曾经都稀罕,如今家家户户都有了小汽车,穷苦人真是过上了小康好日子。”"
                   "王爷爷坐进汽车驾驶室,感受新时代带来的“小康”。\n"
                   "\n"
                   "“我啊,喜欢边扫地边唱歌,还让孙子教我唱起了卡拉OK哩。”这是周粉英的小康语"
                   "录。106岁的周粉英,家住长江镇郭园社区,如今五世同堂,喜爱唱歌。在这个不愁"
                   "吃穿的时代,做些自己喜欢的事情就是她的“小康生活”。\n"
                   "\n"
                   "“平常没事我就喜欢让孙女帮我拍照,她把照片发到朋友圈,好多人给我点红心。”长"
                   "江镇五零社区100岁的尹琴英爱看微信,爱刷朋友圈。\n"
                   "\n"
                   "巡回展走进长江镇的社区、广场、学校、商场,为弘扬尊老、敬老的传统美德营造良好"
                   "的社会氛围。\n"
                   "\n"
                   "本报通讯员 陈嘉仪 张颖 宋蕾蕾\n"
                   "\n"
                   "本报记者 杨新明\n"
                   "\n"
                   "阳春三月,春风和煦。漫步于如皋市江安镇周庄社区周严四级河河边,新栽的600株"
                   "樱花树昂首挺立,含苞待放;河道南侧,一块占地约80亩的桑田里,一片片新叶立在"
                   "枝头,吐露着春的气息,散发勃勃生机。\n"
                   "\n"
                   "“以前的周严四级河河道淤堵,河水不清澈,两岸还有垃圾。这几年,社区逐步推进整"
                   "治,做好了驳岸、栽种了樱花、安装了音响、完成了亮化,这600株红叶石楠也要陆"
                   "续种在岸边,沿水岸的地方再安装防腐木护栏,以后吃完晚饭散步、休闲倒有了好去处"
                   ",说不定还能吸引更多游客来社区玩呢。那时候,我们社区的名气可就更大了。”村民"
                   "赵林成一边把放在路边的红叶石楠搬上电动三轮车,一边细数周严四级河的变化,语气"
                   "里颇有自豪感。将三轮车装满,他跨步上车,慢悠悠地离开了。远处的周严四级河,一"
                   "眼望不到头。\n"
                   "\n"
                   "近年来,周庄社区围绕“强富美高”的发展目标,充分挖掘社区内的红色资源、生态资"
                   "源、人文资源,全面加强生态宜居建设。目前,社区内村组间阡陌交错、道路边花木缭"
                   "绕、农家别墅错落有致、乡间河流水清岸绿、生态桑园富民兴村、产业发展效果突显,"
                   "周庄社区已经成为“宜居、宜游、宜业”的美丽乡村。2020年,周庄社区荣获“国"
                   "家森林乡村”称号。\n"
                   "\n"
                   "周庄社区党总支书记孙新桃表示,周严四级河全长1.5公里,是周庄社区重点打造的"
                   "一处滨水景观,目标是打造成网红打卡点,既能改善群众居住环境,又能为社区发展旅"
                   "游业增添助力。\n"
                   "\n"
                   "周严四级河的蜕变,是周庄社区8条主要河道、江安镇60条河道及黑臭水体的一个缩"
                   "影。\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (
      sd_test_body_has (g_ptr_array_index (segments, 0), "20日", "营造良好的社会氛围。"));
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 1), "阳春三月", NULL));
}

/* r39 (b10): under a story of 海州's snow, a picture item of no title and
 * no date (地处洪泽湖畔的泗洪县在…, closed by its credit 许昌亮 摄 光明图片)
 * is the photo's own story, not the story's last paragraph. */
static void
test_picture_item_of_own_scene (void)
{
  g_autoptr (GPtrArray) segments =
      sd_test_cut ("# 连云港海州:以“雪”之名彰显“海州温度”\n"
                   "\n"
                   "连日来,连云港市迎来了一段持续降雪,给市民的生活、出行带来很大不便。为保障城"
                   "市道路畅通和市民安全出行,海州区迅即行动,发出“以雪为令,全力以赴”除雪倡议"
                   ",第一时间启动应急响应预案,全区近3万名党员干部、网格员、志愿者等深入居民小"
                   "区、背街小巷、商户门前开展清雪除冰,用实际行动彰显“海州温度”。\n"
                   "\n"
                   "在朐海社区中茵名都西门广场,机关党员干部\n"
                   "\n"
                   "身穿红色志愿马甲,拿起铁锹、雪铲和扫帚,与风雪作战;路南街道河运社区书记王庆"
                   "枝带领20名干部和党员志愿者,对河运路、南极南路至大庆路、运河路、河运巷、朝"
                   "阳路商铺前路面铲雪撒盐,做好相应的应急准备措施;家住海州街道的“新时代海州好"
                   "人”金为民,发动市徒协微马健委会280名志愿者,共同参与扫雪除冰工作。2月3"
                   "日-4日,海州区处处都是红马甲除雪、保障市民出行的身影。\n"
                   "\n"
                   "志愿者上门服务\n"
                   "\n"
                   "在位于新坝小荡村蔬菜基地大棚内,农技人员耐心细致地为种植户讲解雪后大棚管理注"
                   "意事项,为广大种植户吃下了“定心丸”。\n"
                   "\n"
                   "地处洪泽湖畔的泗洪县在洪泽湖退养水面栽植荷藕、菱角、芡实等水生植物,建成13"
                   ".85万亩水上生态牧场,以乡镇村(居)为单位组织低收入渔民加入合作社统一销售"
                   "分红。既加快了渔民脱贫步伐,又改善了洪泽湖水域生态环境。\n"
                   "\n"
                   "许昌亮 摄 光明图片\n");

  g_assert_cmpuint (segments->len, ==, 2);
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 0), "连日来", "下了“定心丸”。"));
  g_assert_true (sd_test_body_has (g_ptr_array_index (segments, 1), "地处洪泽湖畔", NULL));
}

/* r40 (b11, wrapped): a tour of 南京's communities goes on from one to
 * the next (几乎同时,在建邺区庐山社区…) under a title the wrapped lines
 * lose, sharing 4 % of the story above's words and 14 ‰ in the window,
 * which items reach too: the story's own paragraph nearest the undated-lead
 * rule, which must stay in it with a margin (the cut-off under 3 %). */
static void
test_community_tour_stays (void)
{
  g_autoptr (GPtrArray) segments = sd_test_cut ("雨花区花神庙社区:文明之花花开花神庙\n"
                                                "　　龙虎网讯“过去这里就是农村。”记者\n"
                                                "日前来到雨花台区花神庙社区采访时,指着\n"
                                                "身前身后拔地而起的崭新楼群,社区社工尹\n"
                                                "申虎向记者感叹:“变化翻天覆地,翻天覆地!”\n"
                                                "　　50岁的尹申虎曾经是花神庙村的一名普\n"
                                                "通花农,祖祖辈辈都在当地靠种花、卖花为\n"
                                                "生,在他的记忆里,花神庙这一带虽然距离中\n"
                                                "华门还不到3公里,但多年前一直是花农和菜\n"
                                                "农聚居的村子,起伏的丘陵上遍布着挨挨挤\n"
                                                "挤的苗圃和平房,附近还有一个高坡叫望江\n"
                                                "矶,站上去能看见长江水——随着城市化的\n"
                                                "推进,这一切都已变成了历史。那些还留在\n"
                                                "当地的原住民,身份大多也已不再是花农,不\n"
                                                "\n"
                                                "少人成了创业者。尹申虎家就开了一家小型\n"
                                                "苗木公司,妻子在不远处的万博花卉市场经\n"
                                                "营一家花店,年销售额达百万元。\n"
                                                "　　跟随社区主任张鸣,记者走进花神庙社\n"
                                                "区,放眼望去,错落有致的楼宇之间花木成行,\n"
                                                "兼有凉亭、广场,全都整齐干净;因为天热,\n"
                                                "在户外散步的居民不多,“大家都在社区服\n"
                                                "务中心活动。”张鸣说。\n"
                                                "　　走进社区服务中心一看,果然很热闹:一\n"
                                                "楼进门左转就是居民活动室,内有乒乓球桌、\n"
                                                "棋牌、跑步机等设施,许多中老年人在此放\n"
                                                "松,见到社工都熟络地打招呼。活动室一隅\n"
                                                "还设置了一间小型博物馆,陈列着花神庙原\n"
                                                "住民过去使用的花锄、花篮,以及新社区居\n"
                                                "民主动提供的奖状、荣誉证书。围着转一圈,\n"
                                                "仿佛穿越了花神庙的过去和现在。二楼被分\n"
                                                "隔成许多房间,有舞蹈教室、练琴房、架子\n"
                                                "鼓室、画室、书屋等,记者看到每间屋子里\n"
                                                "都有青少年活动的身影;此外,还有一个小议\n"
                                                "事厅,居民可以自由使用。\n"
                                                "南京真“豪横”,黄金商铺也舍得免费开放,图什么?\n"
                                                "　　上午九点,玄武区樱驼花园社区党群服\n"
                                                "务中心四楼,乒乓球撞击桌面的脆响,与二楼\n"
                                                "“翰墨园”里毛笔划过宣纸的沙沙声交织在\n"
                                                "一起。空气里,飘着一楼社区食堂备餐的饭\n"
                                                "菜香。\n"
                                                "　　几乎同时,在建邺区庐山社区“37life+”\n"
                                                "街区,咖啡机蒸汽嘶鸣,手工坊里谈笑声声。\n"
                                                "　　而在江北新区大华社区的一个网格驿站\n"
                                                "里,退休党员朱学生正凝神提笔,一个饱满的\n"
                                                "“福”字在红纸上渐次成型。\n");

  for (guint k = 0; k < segments->len; k++)
    g_assert_false (sd_test_body_has (g_ptr_array_index (segments, k), "几乎同时", NULL));
}

/* TextTiling's window with nothing on one side (a short last line of a
 * page, with no paragraph under it) measures nothing: it must not read as
 * the change of subject an overlap under the limit tells. */
static void
test_empty_window_is_no_evidence (void)
{
  const char *lead = "几乎同时,在建邺区庐山社区“37life+”街区,咖啡机蒸汽嘶鸣,手工坊里谈笑声声。";
  g_autoptr (GHashTable) none = _sd_seg_bigram_set_new ();
  g_autoptr (GHashTable) words = _sd_seg_bigram_set_new ();

  _sd_seg_add_bigrams (words, lead, 0, strlen (lead));
  g_assert_cmpuint (g_hash_table_size (words), >, 0);
  g_assert_cmpuint (_sd_seg_measure_bigram_cosine (words, none), ==, G_MAXUINT);
  g_assert_cmpuint (_sd_seg_measure_bigram_cosine (none, words), ==, G_MAXUINT);
  g_assert_cmpuint (_sd_seg_measure_bigram_cosine (words, words), ==, 1000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segmenter-untitled/scene/opens-items", test_scene_opens_items);
  g_test_add_func ("/segmenter-untitled/scene/feature-stays", test_feature_scene_stays);
  g_test_add_func ("/segmenter-untitled/scene/after-byline", test_scene_after_byline);
  g_test_add_func ("/segmenter-untitled/scene/picture-item", test_picture_item_of_own_scene);
  g_test_add_func ("/segmenter-untitled/window/empty-is-no-evidence",
                   test_empty_window_is_no_evidence);
  g_test_add_func ("/segmenter-untitled/scene/community-tour-stays", test_community_tour_stays);
  return g_test_run ();
}
