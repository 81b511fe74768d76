package xingcun.pipeline.sample;

import xingcun.pipeline.sample.ProductCatalog.Organization;
import xingcun.pipeline.sample.ProductCatalog.Product;
import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * talents/人才名册.xlsx: the 35 dispatched experts, one per community, as the district's roster workbook.
 */
final class TalentRoster
{
    static final String PATH = "talents/人才名册.xlsx";
    static final List<String> HEADERS = List.of("人才编号", "姓名", "性别", "身份证号", "手机号", "派出单位", "单位类型", "专业领域", "职称",
            "服务社区", "服务开始日期", "服务结束日期", "批次");

    static final String FIRST_BATCH = "第一批";
    static final String SECOND_BATCH = "第二批";

    /** Communities whose expert came with the second batch (service year 2021-07-01 … 2022-06-30). */
    private static final Set<String> SECOND_BATCH_COMMUNITIES = Set.of("龙门", "海丰", "中平", "山冲", "雨花", "朵亩", "蔡家");

    /** One dispatched expert. communityText is the 服务社区 cell as typed (with or without the 居委会 suffix). */
    record Talent(String talentId, String name, String gender, String idNumber, String phone, Organization organization,
            String specialty, String title, SampleCommunity community, String communityText, LocalDate cycleStart,
            LocalDate cycleEnd, String batch)
    {
        String product()
        {
            return community.product();
        }
    }

    /** The experts the article names, at the communities it names them with. */
    private record NamedExpert(String community, String name, String gender, Organization organization, String specialty, String title) {}

    private static final List<NamedExpert> NAMED = List.of(
            new NamedExpert("西华", "陶磅", "男", ProductCatalog.HORTICULTURE, "草莓育种与栽培", "研究员"),
            new NamedExpert("律则", "孙鸿雁", "女", ProductCatalog.KUST, "农业生态与稻作", "教授"),
            new NamedExpert("猫猫箐", "段福才", "男", ProductCatalog.FRUIT_ASSOCIATION, "苹果栽培", "高级农艺师"));

    private TalentRoster() {}

    static List<Talent> build(SyntheticPeople people, SampleRandom random)
    {
        Set<String> names = new HashSet<>();
        NAMED.forEach(named -> names.add(named.name()));
        List<Talent> talents = new ArrayList<>();
        List<String> productsSoFar = new ArrayList<>();
        for (int i = 0; i < SampleCommunity.ALL.size(); i++) {
            SampleCommunity community = SampleCommunity.ALL.get(i);
            Product product = ProductCatalog.of(community.product());
            // rotate through the organizations that serve a product, so that communities with the same crop get different units
            int sameProductBefore = (int) productsSoFar.stream().filter(community.product()::equals).count();
            productsSoFar.add(community.product());
            Organization organization = product.organizations().get(sameProductBefore % product.organizations().size());
            NamedExpert named = NAMED.stream().filter(expert -> expert.community().equals(community.shortName())).findFirst().orElse(null);
            boolean male = named != null ? named.gender().equals("男") : people.male();
            String name = named != null ? named.name() : people.name(male, names);
            boolean secondBatch = SECOND_BATCH_COMMUNITIES.contains(community.shortName());
            LocalDate start = secondBatch ? LocalDate.of(2021, 7, 1) : LocalDate.of(2021, 4, 1);
            talents.add(new Talent(
                    talentIdOf(community.shortName()),
                    name,
                    male ? "男" : "女",
                    people.residentId(male, 1965, 1990),
                    people.phone(),
                    named != null ? named.organization() : organization,
                    named != null ? named.specialty() : product.specialty(),
                    named != null ? named.title() : random.pick(titles(organization.type(), ProductCatalog.livestock(community.product()))),
                    community,
                    // most clerks copy the registered name; every fourth row has the short form people say
                    i % 4 == 3 ? community.communityName() : community.fullName(),
                    start,
                    start.plusYears(1).minusDays(1),
                    secondBatch ? SECOND_BATCH : FIRST_BATCH));
        }
        return talents;
    }

    /** Talent ids follow the community order of the roster: XS2021001 碧鸡 … XS2021035 蔡家. */
    static String talentIdOf(String communityShortName)
    {
        return "XS2021%03d".formatted(SampleCommunity.ALL.indexOf(SampleCommunity.byShortName(communityShortName)) + 1);
    }

    /** Professional titles as each kind of unit grants them; herd experts hold the animal-husbandry series. */
    static List<String> titles(String organizationType, boolean livestock)
    {
        return switch (organizationType) {
            case "科研院所" -> List.of("研究员", "副研究员", "助理研究员", "副研究员");
            case "高等院校" -> List.of("教授", "副教授", "讲师");
            case "科技企业" -> List.of("高级工程师", "工程师", livestock ? "畜牧师" : "农艺师");
            default -> livestock ? List.of("高级畜牧师", "畜牧师") : List.of("高级农艺师", "农艺师");
        };
    }

    static SampleTable table(List<Talent> talents)
    {
        List<Row> rows = new ArrayList<>();
        for (Talent talent : talents) {
            rows.add(Row.of(Expectation.ACCEPT, talent.talentId(), talent.name(), talent.gender(), talent.idNumber(), talent.phone(),
                    talent.organization().name(), talent.organization().type(), talent.specialty(), talent.title(),
                    talent.communityText(), talent.cycleStart(), talent.cycleEnd(), talent.batch()));
        }
        // the instructions sheet has no 人才编号 header, so the ingest lists it as skipped instead of reading it
        List<String> instructions = List.of(
                "填表说明",
                "1. 本表为西山区“万名人才兴万村”派驻人才名册，每位人才一行，第一行为表头，请勿修改表头。",
                "2. 人才编号格式为 XS + 年份 + 三位序号，例如 XS2021001，一经分配不再变更。",
                "3. 服务社区填写社区全称（如“西华社区居委会”）或简称（如“西华社区”）。",
                "4. 服务开始日期、服务结束日期请使用 Excel 日期格式；服务周期为一年。",
                "5. 身份证号、手机号属个人信息，仅供管理使用，不得对外公开。",
                "6. 单位类型可选：科研院所、科技企业、技术协会、高等院校、其他。");
        return new SampleTable(PATH, FileFormat.XLSX, "人才名册", HEADERS, rows, instructions);
    }
}
