package xingcun.pipeline.sample;

import xingcun.pipeline.identity.PatentNumbers;
import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ip_outputs/成果登记.jsonl: patents, the software copyright, enterprise standards and new varieties, exported by a
 * registration system as one JSON object a line with the contract's English keys. Patent numbers get their real
 * check character from PatentNumbers.checkCharacter, so the ingest's check accepts them.
 */
final class IpOutputRegister
{
    static final String PATH = "ip_outputs/成果登记.jsonl";
    static final List<String> KEYS = List.of("output_id", "output_type", "registration_no", "title", "talent_id", "community_code",
            "filed_on", "granted_on", "status");

    static final String UTILITY_MODEL = "实用新型专利";
    static final String DESIGN_PATENT = "外观设计专利";
    static final String SOFTWARE_COPYRIGHT = "软件著作权";
    static final String ENTERPRISE_STANDARD = "企业标准";
    static final String NEW_VARIETY = "新品种";

    record IpOutput(String outputId, String outputType, String registrationNo, String title, String talentId, String communityCode,
            LocalDate filedOn, LocalDate grantedOn, String status, Expectation expected) {}

    private IpOutputRegister() {}

    static List<IpOutput> build(String xihuaTalent, String lvzeTalent, String maomaoqingTalent)
    {
        String xihua = SampleCommunity.byShortName("西华").code();
        String lvze = SampleCommunity.byShortName("律则").code();
        String maomaoqing = SampleCommunity.byShortName("猫猫箐").code();
        List<IpOutput> outputs = new ArrayList<>();
        // 西华's strawberry expert studio: 4 utility models, 1 design, 1 software copyright (article), written in the styles people use
        outputs.add(output(UTILITY_MODEL, "ZL" + patent("202120345678", true), "一种草莓高架基质栽培槽", xihuaTalent, xihua,
                "2021-05-12", "2021-11-23", "已授权"));
        outputs.add(output(UTILITY_MODEL, patent("202120812345", false), "一种草莓大棚水肥一体化滴灌装置", xihuaTalent, xihua,
                "2021-06-18", "2021-12-28", "已授权"));
        outputs.add(output(UTILITY_MODEL, "ZL" + patent("202121034567", true), "一种草莓脱毒种苗组培架", xihuaTalent, xihua,
                "2021-07-26", "2022-01-14", "已授权"));
        outputs.add(output(UTILITY_MODEL, patent("202122156789", true), "一种草莓采摘分级周转箱", xihuaTalent, xihua,
                "2021-09-02", "2022-03-08", "已授权"));
        outputs.add(output(DESIGN_PATENT, "ZL" + patent("202130612345", true), "草莓礼品包装盒（西华红）", xihuaTalent, xihua,
                "2021-10-11", "2022-02-25", "已授权"));
        outputs.add(output(SOFTWARE_COPYRIGHT, "2021SR1365218", "西华草莓大棚环境监测管理系统V1.0", xihuaTalent, xihua,
                "2021-07-05", "2021-09-14", "已登记"));
        // 3 enterprise standards: two for 西华 strawberries (one typed with an em dash), one for 律则 coloured rice
        outputs.add(output(ENTERPRISE_STANDARD, "Q/XHCM001-2021", "西华草莓鲜果分级与包装规范", xihuaTalent, xihua,
                "2021-08-10", "2021-10-20", "已发布"));
        outputs.add(output(ENTERPRISE_STANDARD, "Q/XHCM002—2021", "草莓脱毒种苗繁育技术规程", xihuaTalent, xihua,
                "2021-09-15", "2021-12-01", "已发布"));
        outputs.add(output(ENTERPRISE_STANDARD, "Q/LZCD001-2022", "律则彩色稻米", lvzeTalent, lvze,
                "2022-01-10", "2022-04-18", "已发布"));
        // 6 provincially registered strawberry varieties bred with the 西华 studio
        String[][] varieties = {
                {"GPD草莓(2021)530012", "云莓1号", "2021-03-15", "2021-08-26"},
                {"GPD草莓(2021)530013", "云莓2号", "2021-03-15", "2021-08-26"},
                {"GPD草莓(2021)530027", "西华红", "2021-05-20", "2021-12-09"},
                {"GPD草莓(2022)530004", "西华香", "2021-09-28", "2022-03-17"},
                {"GPD草莓(2022)530005", "碧玉", "2021-09-28", "2022-03-17"},
                {"GPD草莓(2022)530011", "滇雪莓", "2021-11-05", "2022-05-30"}};
        for (String[] variety : varieties) {
            outputs.add(output(NEW_VARIETY, variety[0], variety[1], xihuaTalent, xihua, variety[2], variety[3], "已登记"));
        }
        // deliberately bad: a mistyped check character, and a design patent filed under a utility-model number
        String wrongCheck = "202120567890";
        char correct = PatentNumbers.checkCharacter(wrongCheck);
        char wrong = "0123456789X".charAt(("0123456789X".indexOf(correct) + 3) % 11);
        outputs.add(new IpOutput("", UTILITY_MODEL, "ZL" + wrongCheck + "." + wrong, "一种苹果套袋辅助器", maomaoqingTalent, maomaoqing,
                LocalDate.parse("2021-08-03"), LocalDate.parse("2022-02-11"), "已授权", Expectation.reject("patent.check_digit")));
        outputs.add(new IpOutput("", DESIGN_PATENT, "ZL" + patent("202120998877", true), "草莓采摘篮", xihuaTalent, xihua,
                LocalDate.parse("2021-11-16"), LocalDate.parse("2022-04-22"), "已授权", Expectation.reject("patent.type_mismatch")));

        // the register numbers its entries in grant order
        outputs.sort(Comparator.comparing(IpOutput::grantedOn).thenComparing(IpOutput::registrationNo));
        List<IpOutput> numbered = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            IpOutput o = outputs.get(i);
            numbered.add(new IpOutput("CG-2021-%03d".formatted(i + 1), o.outputType(), o.registrationNo(), o.title(), o.talentId(),
                    o.communityCode(), o.filedOn(), o.grantedOn(), o.status(), o.expected()));
        }
        return numbered;
    }

    /** A 12-digit application number with its check character, with or without the dot before it. */
    static String patent(String twelveDigits, boolean dotted)
    {
        return twelveDigits + (dotted ? "." : "") + PatentNumbers.checkCharacter(twelveDigits);
    }

    private static IpOutput output(String type, String number, String title, String talentId, String communityCode, String filedOn,
            String grantedOn, String status)
    {
        return new IpOutput("", type, number, title, talentId, communityCode, LocalDate.parse(filedOn), LocalDate.parse(grantedOn), status,
                Expectation.ACCEPT);
    }

    static SampleTable table(List<IpOutput> outputs)
    {
        List<Row> rows = outputs.stream().map(o -> Row.of(o.expected(), o.outputId(), o.outputType(), o.registrationNo(), o.title(),
                o.talentId(), o.communityCode(), o.filedOn().toString(), o.grantedOn().toString(), o.status())).toList();
        return SampleTable.of(PATH, FileFormat.JSONL, KEYS, rows);
    }
}
