package xingcun.pipeline.sample;

import java.util.List;
import java.util.Map;

/**
 * What each community product means for the sample: which organizations send experts for it, the expert's
 * specialty, and the field-guidance and training topics, so that every row talks about its community's crop or herd.
 */
final class ProductCatalog
{
    record Organization(String name, String type) {}

    record Product(String name, String specialty, List<Organization> organizations, List<String> guidanceTopics, List<String> trainingTopics) {}

    static final Organization HORTICULTURE = new Organization("云南省农业科学院园艺作物研究所", "科研院所");
    static final Organization KUST = new Organization("昆明理工大学", "高等院校");
    static final Organization FRUIT_ASSOCIATION = new Organization("昆明市西山区果树技术协会", "技术协会");
    private static final Organization YNAU = new Organization("云南农业大学", "高等院校");
    private static final Organization SWFU = new Organization("西南林业大学", "高等院校");
    private static final Organization FOOD_CROPS = new Organization("云南省农业科学院粮食作物研究所", "科研院所");
    private static final Organization FLOWERS = new Organization("云南省农业科学院花卉研究所", "科研院所");
    private static final Organization TEA = new Organization("云南省农业科学院茶叶研究所", "科研院所");
    private static final Organization MEDICINAL = new Organization("云南省农业科学院药用植物研究所", "科研院所");
    private static final Organization ENVIRONMENT = new Organization("云南省农业科学院农业环境资源研究所", "科研院所");
    private static final Organization ANIMAL = new Organization("云南省畜牧兽医科学院", "科研院所");
    private static final Organization FORESTRY = new Organization("云南省林业和草原科学院", "科研院所");
    private static final Organization KUNMING_ACADEMY = new Organization("昆明市农业科学研究院", "科研院所");
    private static final Organization DIANFENG = new Organization("云南滇丰农业科技有限公司", "科技企业");
    private static final Organization HUAZHIYUAN = new Organization("昆明花之源生物科技有限公司", "科技企业");
    private static final Organization YUNCAOTANG = new Organization("云南云草堂中药材科技有限公司", "科技企业");
    private static final Organization JUNYUAN = new Organization("昆明菌源生物科技有限公司", "科技企业");
    private static final Organization RURAL_ASSOCIATION = new Organization("西山区农村专业技术协会", "技术协会");
    private static final Organization VETERINARY_SOCIETY = new Organization("昆明市畜牧兽医学会", "技术协会");
    private static final Organization TEA_SOCIETY = new Organization("昆明市茶叶学会", "技术协会");
    private static final Organization MUSHROOM_ASSOCIATION = new Organization("云南省食用菌协会", "技术协会");

    /** Looked up by name only, never iterated, so its order does not matter. */
    private static final Map<String, Product> PRODUCTS = Map.ofEntries(
            product("草莓", "草莓育种与栽培", List.of(HORTICULTURE, DIANFENG),
                    List.of("草莓大棚温湿度调控", "草莓白粉病与灰霉病绿色防控", "草莓水肥一体化滴灌管理", "草莓高架基质栽培", "草莓疏花疏果与采收分级"),
                    List.of("草莓脱毒种苗繁育技术", "草莓设施栽培管理", "草莓病虫害绿色防控", "草莓采后保鲜与包装", "草莓新品种示范推广")),
            product("苹果", "果树栽培", List.of(FRUIT_ASSOCIATION, YNAU, HORTICULTURE),
                    List.of("苹果矮化密植整形修剪", "苹果早期落叶病防治", "苹果疏花疏果与套袋", "苹果园测土配方施肥"),
                    List.of("苹果冬季修剪技术", "苹果病虫害综合防治", "苹果提质增效栽培技术", "苹果采后贮藏与销售")),
            product("樱桃", "果树栽培", List.of(KUNMING_ACADEMY, HORTICULTURE),
                    List.of("樱桃避雨设施搭建", "樱桃裂果防控", "樱桃花期授粉管理", "樱桃采后修剪"),
                    List.of("樱桃优质丰产栽培", "樱桃病虫害防治", "樱桃采摘园经营管理")),
            product("彩色水稻", "作物遗传育种", List.of(KUST, FOOD_CROPS),
                    List.of("彩色水稻育秧管理", "稻田图案设计与定植", "稻田水分管理", "稻瘟病防治"),
                    List.of("彩色水稻栽培技术", "稻田景观农业与农旅融合", "稻渔综合种养技术")),
            product("大黄梨", "果树栽培", List.of(YNAU),
                    List.of("梨树整形修剪", "大黄梨黑星病防治", "梨园授粉与疏果", "梨果套袋"),
                    List.of("大黄梨提质增效技术", "梨树病虫害防治", "梨园土肥水管理")),
            product("山羊", "畜牧兽医", List.of(ANIMAL, VETERINARY_SOCIETY),
                    List.of("山羊圈舍消毒与疫病防控", "山羊饲草料配制", "山羊品种改良与选育", "羊粪资源化利用"),
                    List.of("山羊标准化养殖技术", "山羊常见疫病防治", "青贮饲料制作技术")),
            product("茶", "茶学", List.of(TEA, TEA_SOCIETY),
                    List.of("茶园绿色防控", "古茶树保护与复壮", "茶树修剪与施肥", "春茶采摘标准"),
                    List.of("生态茶园管理技术", "茶叶初制加工技术", "茶文化与茶旅融合")),
            product("蔬菜", "蔬菜学", List.of(KUNMING_ACADEMY, DIANFENG, RURAL_ASSOCIATION, ENVIRONMENT),
                    List.of("设施蔬菜水肥管理", "蔬菜病虫害绿色防控", "蔬菜穴盘育苗", "蔬菜轮作与土壤改良"),
                    List.of("高原特色蔬菜栽培技术", "蔬菜病虫害绿色防控", "设施蔬菜无土栽培技术")),
            product("花卉", "园林花卉", List.of(FLOWERS, HUAZHIYUAN),
                    List.of("鲜切花采后处理", "花卉设施温控管理", "花卉种苗扦插繁育", "花卉病虫害防治"),
                    List.of("鲜切花标准化生产", "花卉种苗繁育技术", "花卉采后保鲜与分级")),
            product("中药材", "中药资源", List.of(MEDICINAL, YUNCAOTANG),
                    List.of("中药材规范化种植", "重楼林下种植管理", "中药材病害防治", "中药材采收与初加工"),
                    List.of("中药材GAP种植技术", "林下中药材种植", "中药材初加工技术")),
            product("核桃", "经济林", List.of(FORESTRY, SWFU),
                    List.of("核桃高接换优", "核桃整形修剪", "核桃病虫害防治", "核桃采收与脱青皮"),
                    List.of("核桃提质增效技术", "核桃嫁接技术", "核桃初加工技术")),
            product("桃", "果树栽培", List.of(KUNMING_ACADEMY),
                    List.of("桃树整形修剪", "桃园病虫害防治", "桃果套袋", "桃园水肥管理"),
                    List.of("水蜜桃优质栽培技术", "桃树病虫害防治", "桃园生草栽培")),
            product("食用菌", "食用菌", List.of(MUSHROOM_ASSOCIATION, JUNYUAN),
                    List.of("食用菌菌棒制作", "出菇房温湿度管理", "食用菌杂菌污染防控", "食用菌采收与烘干"),
                    List.of("食用菌栽培技术", "林下食用菌种植", "食用菌保鲜与加工")),
            product("生猪", "畜牧兽医", List.of(ANIMAL, VETERINARY_SOCIETY),
                    List.of("猪舍环境控制", "非洲猪瘟防控", "生猪饲料配比", "养殖粪污资源化利用"),
                    List.of("生猪生态养殖技术", "非洲猪瘟防控知识", "养殖场生物安全管理")),
            product("蓝莓", "果树栽培", List.of(SWFU),
                    List.of("蓝莓土壤酸化改良", "蓝莓修剪与疏果", "蓝莓避雨栽培", "蓝莓病虫害防治"),
                    List.of("蓝莓高效栽培技术", "蓝莓基质栽培", "蓝莓采后保鲜")));

    private ProductCatalog() {}

    static Product of(String name)
    {
        Product product = PRODUCTS.get(name);
        if (product == null) {
            throw new IllegalArgumentException("No catalog entry for product " + name);
        }
        return product;
    }

    /** Livestock are served in pens, not fields: the words of a visit differ. */
    static boolean livestock(String product)
    {
        return product.equals("山羊") || product.equals("生猪");
    }

    private static Map.Entry<String, Product> product(String name, String specialty, List<Organization> organizations,
            List<String> guidanceTopics, List<String> trainingTopics)
    {
        return Map.entry(name, new Product(name, specialty, organizations, guidanceTopics, trainingTopics));
    }
}
