package xingcun.pipeline.sample;

import java.util.List;

/**
 * One of the 35 communities of the sample, with the product its story is about.
 *
 * <p>The list is written out here rather than read from the division table, so that an edit to the table cannot
 * silently change the committed sample. The program covers the 36 communities of 碧鸡 (530112008), 海口 (530112009)
 * and 团结 (530112010) in the statistics table, and the article speaks of 35: 海门社区 (530112009001) is left out,
 * because it is urban core (urban_rural_code 111) and the article never names it, whereas 碧鸡社区 (also 111) is
 * named with its rural talent plan and 龙潭 keeps its vegetable plots.
 */
record SampleCommunity(String code, String shortName, String subDistrict, String product)
{
    static final String BIJI = "碧鸡街道办事处";
    static final String HAIKOU = "海口街道办事处";
    static final String TUANJIE = "团结街道办事处";

    /** The left-out community, 海门社区居委会: urban core and not named in the article. */
    static final String LEFT_OUT_CODE = "530112009001";

    static final List<SampleCommunity> ALL = List.of(
            new SampleCommunity("530112008001", "碧鸡", BIJI, "茶"),
            new SampleCommunity("530112008002", "观音山", BIJI, "蔬菜"),
            new SampleCommunity("530112008003", "西华", BIJI, "草莓"),
            new SampleCommunity("530112008004", "龙门", BIJI, "茶"),
            new SampleCommunity("530112008005", "富善", BIJI, "蔬菜"),
            new SampleCommunity("530112008006", "长坡", BIJI, "花卉"),
            new SampleCommunity("530112008007", "猫猫箐", BIJI, "苹果"),
            new SampleCommunity("530112008008", "黑荞母", BIJI, "中药材"),
            new SampleCommunity("530112009002", "里仁", HAIKOU, "蔬菜"),
            new SampleCommunity("530112009003", "白鱼", HAIKOU, "大黄梨"),
            new SampleCommunity("530112009004", "海丰", HAIKOU, "花卉"),
            new SampleCommunity("530112009005", "中新", HAIKOU, "蔬菜"),
            new SampleCommunity("530112009006", "中宝", HAIKOU, "樱桃"),
            new SampleCommunity("530112009007", "桃树", HAIKOU, "桃"),
            new SampleCommunity("530112009008", "中平", HAIKOU, "蔬菜"),
            new SampleCommunity("530112009009", "云龙", HAIKOU, "核桃"),
            new SampleCommunity("530112009010", "青鱼", HAIKOU, "食用菌"),
            new SampleCommunity("530112009011", "双哨", HAIKOU, "生猪"),
            new SampleCommunity("530112009012", "山冲", HAIKOU, "蔬菜"),
            new SampleCommunity("530112010001", "龙潭", TUANJIE, "蔬菜"),
            new SampleCommunity("530112010002", "和平", TUANJIE, "花卉"),
            new SampleCommunity("530112010003", "大兴", TUANJIE, "中药材"),
            new SampleCommunity("530112010004", "白眉", TUANJIE, "核桃"),
            new SampleCommunity("530112010005", "棋台", TUANJIE, "食用菌"),
            new SampleCommunity("530112010006", "妥吉", TUANJIE, "山羊"),
            new SampleCommunity("530112010007", "雨花", TUANJIE, "蔬菜"),
            new SampleCommunity("530112010008", "花红园", TUANJIE, "苹果"),
            new SampleCommunity("530112010009", "永靖", TUANJIE, "苹果"),
            new SampleCommunity("530112010010", "下冲", TUANJIE, "茶"),
            new SampleCommunity("530112010011", "朵亩", TUANJIE, "中药材"),
            new SampleCommunity("530112010012", "谷律", TUANJIE, "核桃"),
            new SampleCommunity("530112010013", "妥排", TUANJIE, "山羊"),
            new SampleCommunity("530112010014", "律则", TUANJIE, "彩色水稻"),
            new SampleCommunity("530112010015", "乐亩", TUANJIE, "生猪"),
            new SampleCommunity("530112010016", "蔡家", TUANJIE, "蓝莓"));

    /** The registered name, as on the division table: 西华社区居委会. */
    String fullName()
    {
        return shortName + "社区居委会";
    }

    /** The name as people say it: 西华社区. */
    String communityName()
    {
        return shortName + "社区";
    }

    static SampleCommunity byShortName(String shortName)
    {
        return ALL.stream().filter(community -> community.shortName.equals(shortName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a sample community: " + shortName));
    }
}
