package xingcun.reports.build;

import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.chart.ChartOptions;
import xingcun.reports.chart.ChartRenderer;
import xingcun.reports.chart.PngExport;
import xingcun.reports.chart.SvgDocuments;
import xingcun.reports.definition.Language;

import java.util.List;
import java.util.Optional;

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

    public static boolean hasNothingToDraw(ChartSection chart)
    {
        return chart.data().isEmpty() && chart.kind() != ChartKind.NUMBER && chart.kind() != ChartKind.GAUGE;
    }
}
