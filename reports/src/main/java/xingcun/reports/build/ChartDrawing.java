package xingcun.reports.build;

import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.chart.ChartOptions;
import xingcun.reports.chart.ChartRenderer;
import xingcun.reports.chart.PngExport;
import xingcun.reports.chart.SvgDocuments;
import xingcun.reports.definition.Language;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Draws one chart section to SVG and PNG with the process's one ECharts engine. */
public final class ChartDrawing
{
    /** PNGs are drawn at twice the SVG's size: sharp on phones and in print. */
    public static final float PNG_SCALE = 2f;

    private ChartDrawing() {}

    public static ChartFiles draw(ChartRenderer renderer, ChartSection chart, Language language, int width, int height)
    {
        return draw(renderer, chart, language, width, height, Optional.empty());
    }

    public static ChartFiles draw(ChartRenderer renderer, ChartSection chart, Language language, int width, int height, Optional<String> caption)
    {
        ChartFiles svg = drawSvg(renderer, chart, language, width, height, caption);
        return rasterise(svg, width);
    }

    /** The SVG only: ECharts runs in the one JavaScript engine, one chart at a time. */
    public static ChartFiles drawSvg(ChartRenderer renderer, ChartSection chart, Language language, int width, int height, Optional<String> caption)
    {
        long started = System.nanoTime();
        ChartKind kind = chart.kind();
        ChartData data = chart.data();
        String subtitle = chart.subtitle();
        if (hasNothingToDraw(chart)) {
            // a chart with no rows says so instead of drawing empty axes
            kind = ChartKind.NUMBER;
            data = new ChartData(List.of("value"), List.of());
            subtitle = subtitle + " · " + language.pick("本期无数据", "no data in this period");
        }
        String optionJson = ChartOptions.json(kind, data, chart.title(), subtitle, language, caption);
        String svg = renderer.renderSvg(optionJson, width, height);
        return new ChartFiles(chart.id(), optionJson, svg, new byte[0], SvgDocuments.texts(svg), (System.nanoTime() - started) / 1_000_000, 0);
    }

    /** The PNG of a drawn SVG; Batik needs no shared state, so several charts may be rasterised at once. */
    public static ChartFiles rasterise(ChartFiles drawn, int width)
    {
        long started = System.nanoTime();
        byte[] png = PngExport.png(drawn.svg(), width, PNG_SCALE);
        return drawn.withPng(png, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Draws a small chart of each kind and throws it away, until {@code stop} says the real charts are ready: a
     * kind's first chart costs several times its later ones (the interpreter meets ECharts' code for that kind for
     * the first time), and a report pays that while its queries run on the other core, not on the way to its pages.
     */
    public static void warmUp(ChartRenderer renderer, Collection<ChartKind> kinds, Language language, BooleanSupplier stop)
    {
        for (ChartKind kind : new LinkedHashSet<>(kinds)) {
            if (stop.getAsBoolean()) {
                return;
            }
            ChartData sample = switch (kind) {
                case NUMBER, GAUGE -> new ChartData(List.of("达标率"), List.of(List.of(0.914)));
                case STACKED_BAR -> new ChartData(List.of("月份", "对象", "人次"), List.of(List.of("2021-01", "村民", 1_250.0), List.of("2021-01", "村干部", 36.0),
                        List.of("2021-02", "村民", 98_000.0), List.of("2021-02", "村干部", 4.5)));
                case HEATMAP -> new ChartData(List.of("人才", "月份", "天数"), List.of(List.of("XS2021001", "2021-01", 2.0), List.of("XS2021001", "2021-02", 0.5),
                        List.of("XS2021002", "2021-01", 4.0), List.of("XS2021002", "2021-02", 3.0)));
                case TREEMAP, SUNBURST -> new ChartData(List.of("街道", "社区", "天数"), List.of(List.of("碧鸡街道", "西华", 29.0), List.of("碧鸡街道", "观音山", 24.5),
                        List.of("团结街道", "律则", 1_024.5), List.of("其他", "其他12个", 22.0)));
                default -> new ChartData(List.of("社区", "人次"), List.of(List.of("西华", 91.0), List.of("律则", 66_000.0), List.of("其他7,139个", 4.5)));
            };
            renderer.renderSvg(ChartOptions.json(kind, sample, "预热 warm-up", "西山区 · 2021年", language), ReportBuilder.CHART_WIDTH, ReportBuilder.CHART_HEIGHT);
        }
    }

    public static boolean hasNothingToDraw(ChartSection chart)
    {
        return chart.data().isEmpty() && chart.kind() != ChartKind.NUMBER && chart.kind() != ChartKind.GAUGE;
    }
}
