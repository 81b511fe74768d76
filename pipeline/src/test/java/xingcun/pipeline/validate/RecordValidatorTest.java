package xingcun.pipeline.validate;

import org.junit.jupiter.api.Test;
import xingcun.pipeline.community.CommunityDirectory;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.identity.PatentNumbers;
import xingcun.pipeline.identity.PersonalDataHasher;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorTest
{
    private static final ValidationContext CONTEXT = new ValidationContext(CommunityDirectory.xishanProgram(),
            Set.of("XS2021001"), Set.of("TR-1"), new PersonalDataHasher(new byte[32]), LocalDate.of(2027, 11, 28));

    @Test
    void programSetHasTheThirtySixCommunitiesOfTheThreeSubdistricts()
    {
        CommunityDirectory directory = CommunityDirectory.xishanProgram();
        assertThat(directory.communities()).hasSize(36);
        assertThat(directory.byName("西华社区居委会").orElseThrow().code()).isEqualTo("530112008003");
        assertThat(directory.byName("西华").orElseThrow().code()).isEqualTo("530112008003");
        assertThat(directory.byCode("530112010014").orElseThrow().shortName()).isEqualTo("律则");
        assertThat(directory.byCode("530112001001")).isEmpty(); // an urban community, not in the program
        // typed as stored, or full-width and with spaces: the same community
        assertThat(directory.byCode(" ５３０１１２０１００１４ ").orElseThrow().shortName()).isEqualTo("律则");
        assertThat(directory.byCode("53011201001")).isEmpty();
        assertThat(directory.byName("幸福")).isEmpty();
        // a name that ends in 村 keeps it: only the office suffixes are optional
        CommunityDirectory withNewVillage = directory.withOverrides(java.util.List.of(
                new CommunityDirectory.CommunityOverride("530112010099", "新村社区", java.util.Optional.empty(), true)));
        assertThat(withNewVillage.byName("新村").orElseThrow().code()).isEqualTo("530112010099");
        assertThat(withNewVillage.byName("新村社区居委会").orElseThrow().subdistrictCode()).isEqualTo("530112010000");
    }

    @Test
    void normalisesAServiceLog()
    {
        ValidationOutcome outcome = validate(Family.SERVICE_LOGS, Map.of("log_id", " sl-2021-0001 ", "talent_id", "xs2021001",
                "community_name", "西华社区", "service_on", "2021年7月13日", "activity_type", "技术指导", "people_served", "１２"));
        assertThat(outcome.rejection()).isEmpty();
        assertThat(outcome.values()).containsEntry("log_id", "SL-2021-0001").containsEntry("talent_id", "XS2021001")
                .containsEntry("community_code", "530112008003").containsEntry("service_on", Date.valueOf("2021-07-13"))
                .containsEntry("activity_type", "field_guidance").containsEntry("people_served", 12L).containsEntry("days", 1.0);
    }

    @Test
    void rejectsWithRuleAndMessages()
    {
        Map<String, String> log = new HashMap<>(Map.of("log_id", "SL-1", "talent_id", "XS2021001", "community_code", "530112008003",
                "service_on", "2021-07-13", "activity_type", "技术指导"));
        assertRejected(Family.SERVICE_LOGS, with(log, "activity_type", "喝茶"), Rule.ENUMERATION_UNKNOWN,
                "“activity_type”的值“喝茶”不在允许范围内，可选：技术指导/field_guidance, 培训授课/teaching, 联席会议/joint_meeting, 目标分析/target_analysis, 进度汇报/progress_report, 深度走访/in_depth_visit, 项目对接/project_matching, 线上咨询/online_consultation, 其他/other");
        assertRejected(Family.SERVICE_LOGS, with(log, "talent_id", "XS2021099"), Rule.TALENT_UNKNOWN,
                "人才编号“XS2021099”不存在：请先在人才名册（talents）中登记该人才");
        assertRejected(Family.SERVICE_LOGS, with(log, "service_on", "1999-12-31"), Rule.DATE_OUT_OF_RANGE,
                "“service_on”的日期“1999-12-31”超出允许范围（2000-01-01 至明年今日）");
        assertRejected(Family.SERVICE_LOGS, with(log, "community_code", "530112001001"), Rule.COMMUNITY_UNKNOWN,
                "社区“530112001001”不在本项目的社区名单中（可填 12 位统计代码或社区名称）");
        assertRejected(Family.SERVICE_LOGS, with(with(log, "community_code", ""), "community_name", ""), Rule.COMMUNITY_MISSING,
                "未填写社区（社区代码或社区名称至少填一项）");
        assertRejected(Family.SERVICE_LOGS, with(log, "community_name", "律则"), Rule.COMMUNITY_MISMATCH,
                "社区代码与社区名称不一致（530112008003 = 西华社区居委会, 律则）");
        assertRejected(Family.SERVICE_LOGS, with(log, "days", "一天半"), Rule.NUMBER_INVALID, "“days”的数值“一天半”无法识别");
        assertRejected(Family.SERVICE_LOGS, with(log, "log_id", " "), Rule.REQUIRED_MISSING, "必填项“log_id”为空");
        assertRejected(Family.SERVICE_LOGS, with(log, "days", "3"), Rule.DAYS_OUT_OF_RANGE,
                "服务天数“3”应在 0 到 1 之间（一条日志记一天，半天写 0.5；多天请分多条登记）");
    }

    @Test
    void convertsMoneyToYuan()
    {
        ValidationOutcome project = validate(Family.PROJECTS, Map.of("project_id", "P1", "name", "草莓深加工", "kind", "引进项目",
                "status", "已落地", "funds_in_place", "4.5", "funds_intended", "2亿", "unit", "万元"));
        assertThat(project.values()).containsEntry("funds_in_place_yuan", 45_000.0).containsEntry("funds_intended_yuan", 200_000_000.0);
        ValidationOutcome industry = validate(Family.INDUSTRY_OUTPUTS, Map.of("community_name", "西华", "period", "2021年",
                "indicator", "产值", "product", "草莓", "value", "8,050", "unit", "万元"));
        assertThat(industry.values()).containsEntry("value", 80_500_000.0).containsEntry("unit", "yuan")
                .containsEntry("period", "2021").containsEntry("period_start", Date.valueOf("2021-01-01"));
        assertRejected(Family.INDUSTRY_OUTPUTS, Map.of("community_name", "西华", "period", "2021", "indicator", "产值", "value", "1.05万", "unit", "万元"),
                Rule.NUMBER_UNIT_AMBIGUOUS, "数值“1.05万”已含“万/亿”，单位又是“万元”：请只在一处写（如数值 1.05、单位 万元）");
        assertThat(validate(Family.INDUSTRY_OUTPUTS, Map.of("community_name", "西华", "period", "2021", "indicator", "产值", "value", "1.05万", "unit", "元"))
                .values()).containsEntry("value", 10_500.0);
    }

    @Test
    void checksPatentNumbersAgainstTheOutputType()
    {
        String digits = "202130345678";
        String design = digits + PatentNumbers.checkCharacter(digits);
        Map<String, String> output = Map.of("output_id", "IP-1", "output_type", "外观设计专利", "registration_no", design, "title", "草莓包装盒",
                "granted_on", "2021-09-01");
        assertThat(validate(Family.IP_OUTPUTS, output).rejection()).isEmpty();
        assertRejected(Family.IP_OUTPUTS, with(output, "granted_on", ""), Rule.OUTPUT_DATE_MISSING, "成果须填写授权/发布日期或申请日期，否则无法计入任何统计期");
        assertRejected(Family.IP_OUTPUTS, with(output, "output_type", "实用新型专利"), Rule.PATENT_TYPE_MISMATCH,
                "专利号“" + design + "”的类型位表示外观设计专利/design_patent，与成果类型不符");
    }

    @Test
    void keepsPersonalDataOnlyMaskedOrHashed()
    {
        ValidationOutcome talent = validate(Family.TALENTS, Map.of("talent_id", "XS2021002", "name", "陶磅", "id_number", "11010519491231002X",
                "phone", "138 1234 5678", "organization", "云南省农业科学院", "community_code", "530112008003", "cycle_start", "2021-04-01"));
        assertThat(talent.values()).containsEntry("id_number_masked", "1101**********002X").containsEntry("phone_masked", "138****5678")
                .doesNotContainValue("11010519491231002X").doesNotContainValue("13812345678").doesNotContainKeys("id_number", "phone");
        assertRejected(Family.TALENTS, with(talent(), "id_number", "110105194912310021"), Rule.ID_NUMBER_INVALID, "身份证号格式或校验位错误");
    }

    private static Map<String, String> talent()
    {
        return Map.of("talent_id", "XS2021002", "name", "陶磅", "organization", "云南省农业科学院", "community_code", "530112008003", "cycle_start", "2021-04-01");
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value)
    {
        Map<String, String> copy = new HashMap<>(row);
        copy.put(column, value);
        return copy;
    }

    private static ValidationOutcome validate(Family family, Map<String, String> row)
    {
        return new RecordValidator(family, CONTEXT).validate(row, Map.of());
    }

    private static void assertRejected(Family family, Map<String, String> row, Rule rule, String messageChinese)
    {
        Rejection rejection = validate(family, row).rejection().orElseThrow();
        assertThat(rejection.rule()).isEqualTo(rule);
        assertThat(rejection.messageChinese()).isEqualTo(messageChinese);
        assertThat(rejection.messageEnglish()).isNotBlank();
    }
}
