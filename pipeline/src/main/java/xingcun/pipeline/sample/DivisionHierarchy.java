package xingcun.pipeline.sample;

import xingcun.pipeline.community.Community;
import xingcun.pipeline.community.CommunityDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A generated division table: prefectures → counties → sub-districts → communities, with statistics codes shaped
 * like the real ones (xishan_divisions.csv): county = prefecture + 2 digits, sub-district = county + 3 digits (001–
 * for 街道, 101– for 镇, 201– for 乡) + 000, community = sub-district + 3 digits (001– for 社区居委会, 201– for
 * 村委会). Prefectures are Yunnan's real 16 with their real county counts (129 in all); counties are numbered from
 * 21, like the NBS numbers counties after city districts, so no code can meet Xishan's 530112 of the built-in table.
 */
record DivisionHierarchy(List<Prefecture> prefectures)
{
    record Prefecture(String code, String name, List<County> counties)
    {
        Prefecture
        {
            requireNonNull(code, "code is null");
            requireNonNull(name, "name is null");
            counties = List.copyOf(counties);
        }
    }

    /** code is the 6-digit county code. */
    record County(String code, String name, List<Subdistrict> subdistricts)
    {
        County
        {
            requireNonNull(code, "code is null");
            requireNonNull(name, "name is null");
            subdistricts = List.copyOf(subdistricts);
        }

        List<ScaleCommunity> communities()
        {
            return subdistricts.stream().flatMap(subdistrict -> subdistrict.communities().stream()).toList();
        }
    }

    /** code is the 12-digit sub-district code; name is the registered one (碧鸡街道办事处, 石坝镇). */
    record Subdistrict(String code, String name, List<ScaleCommunity> communities)
    {
        Subdistrict
        {
            requireNonNull(code, "code is null");
            requireNonNull(name, "name is null");
            communities = List.copyOf(communities);
        }
    }

    /** A real prefecture of Yunnan and how many counties it has (2021). */
    private record PrefectureShape(String code, String name, int counties) {}

    private static final List<PrefectureShape> YUNNAN = List.of(
            new PrefectureShape("5301", "昆明市", 14), new PrefectureShape("5303", "曲靖市", 9), new PrefectureShape("5304", "玉溪市", 9),
            new PrefectureShape("5305", "保山市", 5), new PrefectureShape("5306", "昭通市", 11), new PrefectureShape("5307", "丽江市", 5),
            new PrefectureShape("5308", "普洱市", 10), new PrefectureShape("5309", "临沧市", 8), new PrefectureShape("5323", "楚雄彝族自治州", 10),
            new PrefectureShape("5325", "红河哈尼族彝族自治州", 13), new PrefectureShape("5326", "文山壮族苗族自治州", 8),
            new PrefectureShape("5328", "西双版纳傣族自治州", 3), new PrefectureShape("5329", "大理白族自治州", 12),
            new PrefectureShape("5331", "德宏傣族景颇族自治州", 5), new PrefectureShape("5333", "怒江傈僳族自治州", 4),
            new PrefectureShape("5334", "迪庆藏族自治州", 3));

    /** What the communities grow or raise, most common first: a product drawn with these weights. */
    private static final List<String> PRODUCTS = List.of("蔬菜", "核桃", "茶", "中药材", "生猪", "花卉", "食用菌", "山羊", "苹果", "樱桃",
            "草莓", "桃", "蓝莓", "大黄梨", "彩色水稻");
    private static final int[] PRODUCT_WEIGHTS = {20, 12, 10, 10, 8, 6, 6, 5, 4, 3, 3, 3, 2, 2, 2};

    DivisionHierarchy
    {
        prefectures = List.copyOf(prefectures);
    }

    static DivisionHierarchy generate(ScaleProfile profile, SampleRandom random)
    {
        PlaceNames names = new PlaceNames(random, programCommunityNames());
        List<Prefecture> prefectures = new ArrayList<>();
        if (profile == ScaleProfile.COUNTY) {
            PrefectureShape shape = random.pick(YUNNAN);
            prefectures.add(prefecture(new PrefectureShape(shape.code(), shape.name(), 1), profile, names, random));
        }
        else {
            for (PrefectureShape shape : YUNNAN) {
                prefectures.add(prefecture(shape, profile, names, random));
            }
        }
        return new DivisionHierarchy(prefectures);
    }

    /**
     * The names of the communities the ingest knows without being told (the Xishan program): a generated community
     * with one of them could not be found by name.
     */
    private static Set<String> programCommunityNames()
    {
        return CommunityDirectory.xishanProgram().communities().stream().map(Community::shortName).collect(Collectors.toSet());
    }

    private static Prefecture prefecture(PrefectureShape shape, ScaleProfile profile, PlaceNames names, SampleRandom random)
    {
        List<County> counties = new ArrayList<>();
        for (int c = 0; c < shape.counties(); c++) {
            counties.add(county(shape.code() + (21 + c), names.county() + "县", profile, names, random));
        }
        return new Prefecture(shape.code(), shape.name(), counties);
    }

    /** The first one or two sub-districts are 街道 around the county seat, the rest towns (镇) and a few townships (乡). */
    private static County county(String code, String name, ScaleProfile profile, PlaceNames names, SampleRandom random)
    {
        int subdistrictCount = profile.subdistricts(random);
        int[] sizes = split(profile.communities(random, subdistrictCount), subdistrictCount, random);
        int streets = random.between(1, 2);
        int townships = random.between(0, subdistrictCount / 4);
        List<Subdistrict> subdistricts = new ArrayList<>();
        int streetNumber = 1;
        int townNumber = 101;
        int townshipNumber = 201;
        for (int s = 0; s < subdistrictCount; s++) {
            boolean street = s < streets;
            boolean township = !street && s >= subdistrictCount - townships;
            int number = street ? streetNumber++ : township ? townshipNumber++ : townNumber++;
            String subdistrictCode = code + "%03d".formatted(number) + "000";
            String place = names.village();
            String subdistrictName = place + (street ? "街道办事处" : township ? "乡" : "镇");
            subdistricts.add(new Subdistrict(subdistrictCode, subdistrictName, communities(subdistrictCode, sizes[s], street, names, random)));
        }
        return new County(code, name, subdistricts);
    }

    /**
     * A street's communities are all 社区; a town or township has one 社区 at its seat and villages (村委会) around it.
     * About one community in twenty is busy.
     */
    private static List<ScaleCommunity> communities(String subdistrictCode, int count, boolean street, PlaceNames names, SampleRandom random)
    {
        List<ScaleCommunity> communities = new ArrayList<>();
        String prefix = subdistrictCode.substring(0, 9);
        int communityNumber = 1;
        int villageNumber = 201;
        for (int i = 0; i < count; i++) {
            boolean village = !street && i > 0;
            String code = prefix + "%03d".formatted(village ? villageNumber++ : communityNumber++);
            communities.add(new ScaleCommunity(code, names.village(), village, subdistrictCode, PRODUCTS.get(random.weighted(PRODUCT_WEIGHTS)),
                    random.chance(0.05)));
        }
        return communities;
    }

    /** total split into parts of at least 2 each, at random. */
    private static int[] split(int total, int parts, SampleRandom random)
    {
        int[] sizes = new int[parts];
        Arrays.fill(sizes, 2);
        for (int left = total - 2 * parts; left > 0; left--) {
            sizes[random.between(0, parts - 1)]++;
        }
        return sizes;
    }

    List<County> counties()
    {
        return prefectures.stream().flatMap(prefecture -> prefecture.counties().stream()).toList();
    }

    int subdistrictCount()
    {
        return counties().stream().mapToInt(county -> county.subdistricts().size()).sum();
    }

    int communityCount()
    {
        return counties().stream().mapToInt(county -> county.communities().size()).sum();
    }
}
