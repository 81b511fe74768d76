package xingcun.pipeline.sample;

import xingcun.pipeline.sample.SampleTable.FileFormat;
import xingcun.pipeline.sample.SampleTable.Row;
import xingcun.pipeline.sample.TalentRoster.Talent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * evaluations/2021年度考评.csv (GBK): the yearly rating of every expert by whoever used them (谁使用谁考评) — mostly the
 * community, for a few the sub-district — with the 10,000-yuan work funds and the reward of the rating.
 */
final class EvaluationSheet
{
    static final String PATH = "evaluations/2021年度考评.csv";
    static final List<String> HEADERS = List.of("人才编号", "考核周期", "考评单位", "考核等次", "工作经费", "奖励");

    static final String EXCELLENT = "优秀";
    static final String QUALIFIED = "合格";
    static final String UNQUALIFIED = "不合格";

    /** Ten excellent experts: the three the article names and those behind the other community stories. */
    private static final Set<String> EXCELLENT_COMMUNITIES = Set.of("西华", "律则", "猫猫箐", "碧鸡", "中宝", "白鱼", "永靖", "妥吉", "观音山", "双哨");
    /** The expert with 22 on-site days and two missed quarterly meetings. */
    private static final String UNQUALIFIED_COMMUNITY = "大兴";
    /** Experts rated by the sub-district, which deployed them across communities. */
    private static final Set<String> RATED_BY_SUBDISTRICT = Set.of("龙门", "里仁", "中平", "和平", "雨花", "谷律");

    record Evaluation(String talentId, String cycle, String evaluator, String rating, BigDecimal workFunds, BigDecimal reward) {}

    private EvaluationSheet() {}

    static List<Evaluation> build(List<Talent> talents)
    {
        List<Evaluation> evaluations = new ArrayList<>();
        for (Talent talent : talents) {
            String community = talent.community().shortName();
            String rating = EXCELLENT_COMMUNITIES.contains(community) ? EXCELLENT : community.equals(UNQUALIFIED_COMMUNITY) ? UNQUALIFIED : QUALIFIED;
            BigDecimal reward = switch (rating) {
                case EXCELLENT -> new BigDecimal("10000");
                case QUALIFIED -> new BigDecimal("5000");
                default -> BigDecimal.ZERO;
            };
            String evaluator = RATED_BY_SUBDISTRICT.contains(community) ? talent.community().subDistrict() : talent.community().fullName();
            evaluations.add(new Evaluation(talent.talentId(), "2021", evaluator, rating, new BigDecimal("10000"), reward));
        }
        return evaluations;
    }

    static SampleTable table(List<Evaluation> evaluations)
    {
        List<Row> rows = evaluations.stream().map(e -> Row.of(Expectation.ACCEPT, e.talentId(), e.cycle(), e.evaluator(), e.rating(),
                e.workFunds().toPlainString(), e.reward().toPlainString())).toList();
        return SampleTable.of(PATH, FileFormat.CSV_GBK, HEADERS, rows);
    }
}
