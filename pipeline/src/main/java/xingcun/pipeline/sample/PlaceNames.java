package xingcun.pipeline.sample;

import java.util.HashSet;
import java.util.Set;

/**
 * Chinese place names for the generated divisions, each handed out once: communities are found by name when a ledger
 * gives no code, so two with one name would make both unresolvable. Names are built the way Yunnan villages are
 * named — a surname or a landmark and a landform (李家营, 石坝, 龙潭箐) — from characters GBK can hold.
 */
final class PlaceNames
{
    private static final String FIRST = "大小新老上下东西南北中前后龙凤马石金银黑白青红杨柳松桃梨李王张刘陈赵黄周吴徐孙胡朱高林何郭罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋蔡丁魏叶余潘杜夏钟汪田任姜范方姚谭廖邹熊陆孔崔康毛邱秦江史顾侯邵孟段雷钱汤尹黎易常武乔贺赖龚普鲁者岩";
    private static final String MIDDLE = "家水马木花沙石草竹平";
    private static final String LANDFORM = "村营庄坝箐冲寨哨铺坡湾甸河山塘邑屯田沟岭桥街园林潭坪";
    private static final String COUNTY_FIRST = "云永宁安丰华祥弥宜富禄临景盈施泸澜陇镇彝元墨江孟勐沧双耿巍漾洱剑鹤姚牟武嵩寻";
    private static final String COUNTY_SECOND = "平安宁丰川山水德阳源和兴胜龙城泉溪谷峰庆昌远通南北西东";
    private static final int ATTEMPTS = 10_000;

    private final SampleRandom random;
    private final Set<String> taken;

    /** reserved: names that must not be handed out, such as the program's own communities. */
    PlaceNames(SampleRandom random, Set<String> reserved)
    {
        this.random = random;
        this.taken = new HashSet<>(reserved);
    }

    /** 石坝, 李家营 or 龙水潭. */
    String village()
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String name = random.chance(0.5) ? "" + one(FIRST) + one(LANDFORM) : "" + one(FIRST) + one(MIDDLE) + one(LANDFORM);
            if (taken.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("No new place name left after " + ATTEMPTS + " attempts");
    }

    /** 永平, 云德: a county's two characters, before 县. */
    String county()
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String name = "" + one(COUNTY_FIRST) + one(COUNTY_SECOND);
            if (name.charAt(0) != name.charAt(1) && taken.add(name + "县")) {
                return name;
            }
        }
        throw new IllegalStateException("No new county name left after " + ATTEMPTS + " attempts");
    }

    private char one(String characters)
    {
        return characters.charAt(random.between(0, characters.length() - 1));
    }
}
