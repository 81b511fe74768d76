package xingcun.pipeline.sample;

import xingcun.pipeline.sample.InboxFiles.LedgerFile;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Every expert's yearly rating (evaluations/2025年度考评.csv, GBK) by whoever used them: the community, or the
 * sub-district for one in five. The least active are the ones rated unqualified, the most active mostly excellent.
 */
final class ScaleEvaluations
{
    private static final String WORK_FUNDS = "10000";

    private ScaleEvaluations() {}

    static void write(CountyScope scope, ScaleTalent talent, int year)
            throws IOException
    {
        SampleRandom random = scope.random();
        String rating = rating(talent.activity(), random);
        String reward = switch (rating) {
            case EvaluationSheet.EXCELLENT -> "10000";
            case EvaluationSheet.QUALIFIED -> "5000";
            default -> "0";
        };
        String evaluator = random.chance(0.2) ? subdistrictName(scope, talent.community()) : talent.community().fullName();
        Object[] cells = {talent.talentId(), String.valueOf(year), evaluator, rating, WORK_FUNDS, reward};
        LedgerFile ledger = scope.ledgers().evaluations().at(LocalDate.of(year, 1, 1));
        ledger.write(Expectation.ACCEPT, cells);
        switch (scope.bad().twin(2)) {
            case 0 -> ledger.write(Expectation.REPEAT, cells);
            case 1 -> ledger.write(BadRows.ENUMERATION_UNKNOWN, BadRows.with(cells, 3, "良好"));
            default -> {
                // no twin
            }
        }
    }

    private static String rating(double activity, SampleRandom random)
    {
        if (activity < 0.5 && random.chance(0.4)) {
            return EvaluationSheet.UNQUALIFIED;
        }
        return random.chance(activity > 1.4 ? 0.6 : 0.2) ? EvaluationSheet.EXCELLENT : EvaluationSheet.QUALIFIED;
    }

    private static String subdistrictName(CountyScope scope, ScaleCommunity community)
    {
        return scope.county().subdistricts().stream().filter(subdistrict -> subdistrict.code().equals(community.subdistrictCode()))
                .findFirst().orElseThrow().name();
    }
}
