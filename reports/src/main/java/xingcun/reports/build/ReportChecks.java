package xingcun.reports.build;

import xingcun.reports.chart.ChartFont;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.chart.SvgDocuments;

import java.util.ArrayList;
import java.util.List;

/**
 * What a report must pass before it is published: every chart drew something when it has numbers, every character
 * of every chart has a glyph in the shipped font, and what a chart adds up to equals the metric's own total.
 */
public final class ReportChecks
{
    private ReportChecks() {}

    private static String plain(double value)
    {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The problems found, each one line naming the chart; empty when the report may be published. */
    public static List<String> problems(ChartSection chart, ChartFiles files)
    {
        List<String> problems = new ArrayList<>();
        if (!ChartDrawing.hasNothingToDraw(chart) && SvgDocuments.shapes(files.svg()) <= 1) {
            problems.add("chart " + chart.id() + " is empty although it has " + chart.data().rows().size() + " rows");
        }
        List<String> missing = ChartFont.missingGlyphs(String.join("", files.texts()));
        if (!missing.isEmpty()) {
            problems.add("chart " + chart.id() + " uses characters the font " + ChartFont.FAMILY + " has no glyph for: " + String.join(" ", missing)
                    + " (add them with reports/fonts/make-font-subset.sh)");
        }
        if (chart.expectedTotal().isPresent()) {
            // every number behind the chart (the data CSV), also when the chart draws only the largest of them
            double expected = chart.expectedTotal().get();
            double shown = chart.kind() == ChartKind.FUNNEL && !chart.allData().isEmpty()
                    ? chart.allData().value(chart.allData().rows().get(0))
                    : chart.allData().total();
            if (Math.abs(shown - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
                problems.add("chart " + chart.id() + " adds up to " + plain(shown) + " but its metric " + chart.metricIds().get(0) + " totals " + plain(expected));
            }
        }
        return problems;
    }
}
