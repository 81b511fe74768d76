package xingcun.pipeline.sample;

import xingcun.pipeline.sample.InboxFiles.LedgerFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The statistics of the communities that host an expert (industry_outputs/2025年产业数据.csv, UTF-8 with BOM): a
 * year's output value, households benefiting, planted area and collective income, with the period styles and
 * community names staff write; the busy communities also report their output value by quarter.
 */
final class ScaleIndustry
{

    private ScaleIndustry() {}

    static void write(CountyScope scope, ScaleCommunity community, int year)
            throws IOException
    {
        SampleRandom random = scope.random();
        LedgerFile ledger = scope.ledgers().industryOutputs().at(LocalDate.of(year, 1, 1));
        String name = CountyTalents.typedName(community, random);
        String annual = random.chance(0.5) ? String.valueOf(year) : year + "年";
        String product = community.product();
        int scale = community.busy() ? 10 : 1;
        write(scope, ledger, name, annual, "产值", product, BigDecimal.valueOf(random.between(50, 3000) * scale), "万元");
        write(scope, ledger, name, annual, "带动农户", product, BigDecimal.valueOf(random.between(20, 400)), "户");
        if (!ProductCatalog.livestock(product)) {
            write(scope, ledger, name, annual, "种植面积", product, BigDecimal.valueOf(random.between(50, 3000)), "亩");
        }
        write(scope, ledger, name, annual, "集体经济收入", "", BigDecimal.valueOf(random.between(50, 2000), 1), "万元");
        if (community.busy()) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                String period = random.chance(0.5) ? "%dQ%d".formatted(year, quarter) : "%d年第%s季度".formatted(year, "一二三四".charAt(quarter - 1));
                write(scope, ledger, name, period, "产值", product, BigDecimal.valueOf(random.between(10, 800) * scale), "万元");
            }
        }
    }

    private static void write(CountyScope scope, LedgerFile ledger, String community, String period, String indicator, String product, BigDecimal value,
            String unit)
            throws IOException
    {
        Object[] cells = {community, period, indicator, product, value, unit};
        ledger.write(Expectation.ACCEPT, cells);
        switch (scope.bad().twin(2)) {
            case 0 -> ledger.write(Expectation.REPEAT, cells);
            case 1 -> ledger.write(BadRows.ENUMERATION_UNKNOWN, BadRows.with(cells, 5, "吨"));
            default -> {
                // no twin
            }
        }
    }
}
