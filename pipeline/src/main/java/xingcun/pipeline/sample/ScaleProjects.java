package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A prefecture's project ledger (projects/昆明市项目台账.xlsx, amounts in 万元 as the header says): projects experts
 * bring to their communities, talent-work innovation projects (at most 10 万元) and "双招双引" projects still under
 * negotiation. Rows collect while the prefecture's counties are drawn and are written as one workbook.
 */
final class ScaleProjects
{
    private static final List<String> SUFFIXES = List.of("标准化种植基地", "精深加工项目", "冷链物流中心", "采摘体验园", "电商销售项目", "品牌打造项目");
    private static final List<String> SECTORS = List.of("现代农业", "农产品加工", "农产品加工", "乡村旅游", "电子商务", "现代农业");
    private static final List<String> RECRUITMENT_SECTORS = List.of("大健康", "数字经济");

    private final String prefectureCode;
    private final String prefectureName;
    private final List<Row> rows = new ArrayList<>();
    private int lastNumber;

    ScaleProjects(String prefectureCode, String prefectureName)
    {
        this.prefectureCode = prefectureCode;
        this.prefectureName = prefectureName;
    }

    /** The projects an expert brings in one year: one in four introduces one, fewer start innovation or recruitment projects. */
    void add(CountyScope scope, ScaleTalent talent, LocalDate from, LocalDate to)
    {
        SampleRandom random = scope.random();
        if (random.chance(0.25)) {
            int suffix = random.between(0, SUFFIXES.size() - 1);
            boolean landed = random.chance(0.6);
            add(scope, talent, talent.community().shortName() + talent.community().product() + SUFFIXES.get(suffix), SECTORS.get(suffix),
                    ProjectLedger.INTRODUCED, landed ? ProjectLedger.LANDED : ProjectLedger.INTENDED,
                    landed ? BigDecimal.valueOf(random.between(1, 100), 1).multiply(BigDecimal.valueOf(5)) : BigDecimal.ZERO,
                    BigDecimal.valueOf(random.between(100, 5000)), random.day(from, to));
        }
        if (random.chance(0.05)) {
            add(scope, talent, talent.community().shortName() + talent.community().product() + "技术示范", "人才工作", ProjectLedger.INNOVATION,
                    ProjectLedger.LANDED, BigDecimal.valueOf(random.between(3, 10)), null, random.day(from, to));
        }
        if (random.chance(0.06)) {
            add(scope, talent, talent.community().shortName() + random.pick(List.of("康养旅居项目", "数字农业平台", "农村电商直播基地")),
                    random.pick(RECRUITMENT_SECTORS), ProjectLedger.RECRUITMENT, ProjectLedger.NEGOTIATING, null, null, null);
        }
    }

    private void add(CountyScope scope, ScaleTalent talent, String name, String sector, String kind, String status, BigDecimal fundsInPlace,
            BigDecimal fundsIntended, LocalDate signedOn)
    {
        Object[] cells = {"XM-%s-%05d".formatted(prefectureCode, ++lastNumber), name, talent.community().fullName(), sector, kind, status,
                fundsInPlace, fundsIntended, talent.talentId(), signedOn};
        rows.add(Row.of(Expectation.ACCEPT, cells));
        switch (scope.bad().twin(2)) {
            case 0 -> rows.add(Row.of(Expectation.REPEAT, cells));
            case 1 -> rows.add(Row.of(BadRows.ENUMERATION_UNKNOWN, BadRows.with(cells, 4, "捐赠项目")));
            default -> {
                // no twin
            }
        }
    }

    boolean isEmpty()
    {
        return rows.isEmpty();
    }

    SampleTable table()
    {
        return new SampleTable("projects/" + prefectureName + "项目台账.xlsx", FileFormat.XLSX, "项目台账", ProjectLedger.HEADERS, rows, List.of());
    }
}
