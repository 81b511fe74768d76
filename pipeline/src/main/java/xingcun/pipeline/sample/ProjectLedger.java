package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * projects/项目台账.xlsx: projects brought to the communities, talent-work innovation projects and the "双招双引"
 * projects under negotiation. The money headers carry their unit — 到位资金（万元） — so the cells are in 万元, as
 * the district's ledger keeps them; the ingest scales them to yuan.
 */
final class ProjectLedger
{
    static final String PATH = "projects/项目台账.xlsx";
    static final List<String> HEADERS = List.of("项目编号", "项目名称", "服务社区", "行业", "类别", "状态", "到位资金（万元）", "意向资金（万元）", "人才编号", "签约日期");

    static final String INTRODUCED = "引进项目";
    static final String INNOVATION = "人才工作创新项目";
    static final String RECRUITMENT = "双招双引";
    static final String LANDED = "已落地";
    static final String INTENDED = "意向";
    static final String NEGOTIATING = "洽谈中";

    /** community may be null (district-level projects); amounts in 万元, null when the cell is empty. */
    record Project(String projectId, String name, String community, String sector, String kind, String status, BigDecimal fundsInPlace,
            BigDecimal fundsIntended, String talentId, LocalDate signedOn, Expectation expected) {}

    private ProjectLedger() {}

    static List<Project> build()
    {
        List<Project> projects = new ArrayList<>();
        // 24 introduced projects: 105 万元 in place (1.05 million yuan), 100,000 万元 intended (1 billion yuan)
        introduced(projects, "律则", "彩色水稻农旅融合项目", "文旅融合", LANDED, "20", "30000", "2021-06-18");
        introduced(projects, "西华", "草莓产业园标准化种植基地", "现代农业", LANDED, "25", "20000", "2021-05-21");
        introduced(projects, "碧鸡", "茶马古道文化旅游项目", "文旅融合", INTENDED, "0", "15000", "2021-11-09");
        introduced(projects, "猫猫箐", "苹果采摘园提升项目", "现代农业", LANDED, "8", "1200", "2021-07-14");
        introduced(projects, "永靖", "“苹果之乡”品牌打造项目", "现代农业", INTENDED, "0", "3000", "2021-09-27");
        introduced(projects, "中宝", "樱桃采摘体验园", "乡村旅游", LANDED, "6", "1500", "2022-03-02");
        introduced(projects, "白鱼", "大黄梨精深加工项目", "农产品加工", INTENDED, "0", "4000", "2021-12-15");
        introduced(projects, "西华", "草莓冷链物流中心", "农产品加工", INTENDED, "0", "6000", "2022-01-20");
        introduced(projects, "观音山", "高原特色蔬菜无土栽培基地", "现代农业", LANDED, "10", "2500", "2021-08-06");
        introduced(projects, "妥吉", "山羊标准化养殖场", "现代农业", LANDED, "7.5", "1800", "2021-10-12");
        introduced(projects, "长坡", "花卉种苗繁育基地", "现代农业", INTENDED, "0", "2000", "2022-04-08");
        introduced(projects, "黑荞母", "中药材种植示范基地", "现代农业", LANDED, "5", "800", "2021-09-03");
        introduced(projects, "下冲", "生态茶园建设项目", "现代农业", INTENDED, "0", "1200", "2022-02-24");
        introduced(projects, "云龙", "核桃初加工项目", "农产品加工", INTENDED, "0", "900", "2021-12-28");
        introduced(projects, "双哨", "生猪生态养殖项目", "现代农业", LANDED, "6.5", "1500", "2021-11-23");
        introduced(projects, "青鱼", "食用菌工厂化栽培项目", "现代农业", INTENDED, "0", "1600", "2022-05-11");
        introduced(projects, "律则", "彩色稻米电商销售项目", "电子商务", LANDED, "4", "300", "2021-10-29");
        introduced(projects, "桃树", "水蜜桃采摘园", "乡村旅游", INTENDED, "0", "700", "2022-03-18");
        introduced(projects, "蔡家", "蓝莓种植基地", "现代农业", INTENDED, "0", "1100", "2022-06-09");
        introduced(projects, "海丰", "湖滨花卉产业项目", "现代农业", INTENDED, "0", "1500", "2022-05-26");
        introduced(projects, "花红园", "苹果酒坊项目", "农产品加工", INTENDED, "0", "600", "2022-04-27");
        introduced(projects, "龙门", "山地民宿集群项目", "乡村旅游", INTENDED, "0", "2000", "2022-06-15");
        introduced(projects, "朵亩", "中药材初加工项目", "农产品加工", LANDED, "3", "500", "2022-01-11");
        introduced(projects, "西华", "草莓文化节暨采摘旅游项目", "乡村旅游", LANDED, "10", "300", "2022-01-07");
        // deliberately bad: a donation is not a project kind of the contract
        projects.add(new Project("", "爱心企业捐赠农资项目", "大兴", "现代农业", "捐赠项目", LANDED, new BigDecimal("2"), null,
                talentOf("大兴"), LocalDate.parse("2021-12-20"), Expectation.reject("enumeration.unknown")));
        // 11 talent-work innovation projects supported in 2021, at most 10 万元 (100,000 yuan) each
        innovation(projects, "西华", "草莓专家工作室建设", "10", "2021-05-10");
        innovation(projects, "律则", "彩色水稻专家服务团队", "10", "2021-05-10");
        innovation(projects, "猫猫箐", "苹果技术服务站", "8", "2021-06-07");
        innovation(projects, "碧鸡", "乡土人才“传帮带”培育计划", "8", "2021-06-07");
        innovation(projects, "中宝", "樱桃避雨栽培技术示范", "6", "2021-07-19");
        innovation(projects, "白鱼", "大黄梨提质增效示范", "5", "2021-07-19");
        innovation(projects, "妥吉", "山羊养殖技术推广", "5", "2021-08-23");
        innovation(projects, "永靖", "苹果品牌青年人才孵化", "5", "2021-08-23");
        innovation(projects, "观音山", "蔬菜无土栽培技术示范", "4", "2021-09-13");
        innovation(projects, null, "团结街道青年人才储备计划", "3", "2021-10-25");
        innovation(projects, null, "海口街道乡村医生能力提升", "3", "2021-11-15");
        // 19 "双招双引" projects still under negotiation, in the health and digital-economy sectors; no signing date yet
        String[][] recruitment = {
                {"碧鸡", "大健康", "碧鸡康养旅居综合体"}, {"龙门", "大健康", "西山森林康养基地"}, {null, "大健康", "中医药康养产业园"},
                {"妥吉", "大健康", "高原山羊奶制品健康食品项目"}, {"朵亩", "大健康", "道地药材康养小镇"}, {"海丰", "大健康", "滇池湖滨养老服务中心"},
                {null, "大健康", "乡村医生远程诊疗平台"}, {"黑荞母", "大健康", "林下中药材康养体验园"}, {"白眉", "大健康", "山地运动康养营地"},
                {"西华", "数字经济", "草莓产业数字化平台"}, {"律则", "数字经济", "彩色水稻数字农旅平台"}, {null, "数字经济", "农村电商直播基地"},
                {"永靖", "数字经济", "苹果溯源区块链平台"}, {"观音山", "数字经济", "智慧大棚物联网项目"}, {null, "数字经济", "西山区智慧农业大数据中心"},
                {"中宝", "数字经济", "樱桃电商冷链配送平台"}, {"猫猫箐", "数字经济", "果园无人机植保服务项目"}, {null, "数字经济", "乡村治理数字化平台"},
                {"花红园", "数字经济", "农产品网络直播培训基地"}};
        for (String[] project : recruitment) {
            projects.add(new Project("", project[2], project[0], project[1], RECRUITMENT, NEGOTIATING, null, null,
                    project[0] == null ? null : talentOf(project[0]), null, Expectation.ACCEPT));
        }

        List<Project> numbered = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            numbered.add(new Project("XM-2021-%03d".formatted(i + 1), p.name(), p.community(), p.sector(), p.kind(), p.status(),
                    p.fundsInPlace(), p.fundsIntended(), p.talentId(), p.signedOn(), p.expected()));
        }
        return numbered;
    }

    private static void introduced(List<Project> projects, String community, String name, String sector, String status, String inPlace,
            String intended, String signedOn)
    {
        projects.add(new Project("", community + name, community, sector, INTRODUCED, status, new BigDecimal(inPlace), new BigDecimal(intended),
                talentOf(community), LocalDate.parse(signedOn), Expectation.ACCEPT));
    }

    private static void innovation(List<Project> projects, String community, String name, String funds, String signedOn)
    {
        projects.add(new Project("", community == null ? name : community + name, community, "人才工作", INNOVATION, LANDED,
                new BigDecimal(funds), null, community == null ? null : talentOf(community), LocalDate.parse(signedOn), Expectation.ACCEPT));
    }

    private static String talentOf(String community)
    {
        return TalentRoster.talentIdOf(community);
    }

    static SampleTable table(List<Project> projects)
    {
        List<Row> rows = projects.stream().map(p -> Row.of(p.expected(), p.projectId(), p.name(),
                p.community() == null ? null : SampleCommunity.byShortName(p.community()).communityName(), p.sector(), p.kind(), p.status(),
                p.fundsInPlace(), p.fundsIntended(), p.talentId(), p.signedOn())).toList();
        return new SampleTable(PATH, FileFormat.XLSX, "项目台账", HEADERS, rows, List.of());
    }
}
