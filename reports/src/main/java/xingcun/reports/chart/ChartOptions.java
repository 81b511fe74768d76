package xingcun.reports.chart;

import org.icepear.echarts.Option;
import org.icepear.echarts.charts.bar.BarItemStyle;
import org.icepear.echarts.charts.bar.BarLabel;
import org.icepear.echarts.charts.bar.BarSeries;
import org.icepear.echarts.charts.funnel.FunnelLabel;
import org.icepear.echarts.charts.gauge.GaugeDetail;
import org.icepear.echarts.charts.gauge.GaugePointer;
import org.icepear.echarts.charts.gauge.GaugeProgress;
import org.icepear.echarts.charts.gauge.GaugeTitle;
import org.icepear.echarts.charts.line.LineAreaStyle;
import org.icepear.echarts.charts.pie.PieItemStyle;
import org.icepear.echarts.charts.pie.PieLabel;
import org.icepear.echarts.charts.sunburst.SunburstLabel;
import org.icepear.echarts.charts.treemap.Breadcrumb;
import org.icepear.echarts.charts.treemap.TreemapSeriesItemStyle;
import org.icepear.echarts.charts.treemap.TreemapSeriesLabel;
import org.icepear.echarts.components.coord.SplitArea;
import org.icepear.echarts.components.coord.SplitLine;
import org.icepear.echarts.components.series.ItemStyle;
import org.icepear.echarts.components.series.LineStyle;
import org.icepear.echarts.components.series.SeriesLabel;
import org.icepear.echarts.components.text.Label;
import org.icepear.echarts.charts.funnel.FunnelSeries;
import org.icepear.echarts.charts.gauge.GaugeSeries;
import org.icepear.echarts.charts.heatmap.HeatmapSeries;
import org.icepear.echarts.charts.line.LineSeries;
import org.icepear.echarts.charts.pie.PieSeries;
import org.icepear.echarts.charts.sunburst.SunburstSeries;
import org.icepear.echarts.charts.treemap.TreemapSeries;
import org.icepear.echarts.components.coord.cartesian.CategoryAxis;
import org.icepear.echarts.components.coord.cartesian.ValueAxis;
import org.icepear.echarts.components.grid.Grid;
import org.icepear.echarts.components.legend.Legend;
import org.icepear.echarts.components.title.Title;
import org.icepear.echarts.components.tooltip.Tooltip;
import org.icepear.echarts.components.visualMap.ContinousVisualMap;
import org.icepear.echarts.origin.util.SeriesOption;
import org.icepear.echarts.render.Engine;
import xingcun.reports.definition.Language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the numbers behind a chart into an ECharts option with echarts-java. The JSON is the same for the browser
 * and for server-side rendering; number formatting (万/亿 in Chinese) is attached by xingcun-charts.js, since JSON
 * cannot carry functions.
 */
public final class ChartOptions
{
    /** The program's palette: rice-field green first, then earth and sky tones that print well in grey. */
    static final String[] PALETTE = {"#2E7D32", "#F9A825", "#1565C0", "#C62828", "#6A1B9A", "#00838F", "#EF6C00", "#558B2F", "#4E342E", "#AD1457"};

    private ChartOptions() {}

    public static String json(ChartKind kind, ChartData data, String title, String subtitle, Language language)
    {
        return json(kind, data, title, subtitle, language, Optional.empty());
    }

    /** With a caption under the chart (source, data as of, the metric's definition) for charts posted on their own. */
    public static String json(ChartKind kind, ChartData data, String title, String subtitle, Language language, Optional<String> caption)
    {
        Option option = new Option()
                .setColor(PALETTE)
                .setBackgroundColor("#FFFFFF")
                .setTextStyle(Map.of("fontFamily", ChartFont.CSS_FAMILIES))
                .setTitle(new Title().setText(title).setSubtext(subtitle).setLeft("center")
                        .setTextStyle(new Label().setFontSize(18).setColor("#1B2A1B")));
        switch (kind) {
            case BAR -> categories(option, data, false).setSeries(bar(data, "top"));
            case HORIZONTAL_BAR -> categories(option, data, true).setSeries(bar(data, "right"));
            case STACKED_BAR -> stackedBars(option, data);
            case LINE -> categories(option, data, false).setSeries(line(data));
            case PIE, DOUGHNUT -> option.setTooltip(new Tooltip().setTrigger("item")).setSeries(pie(data, kind == ChartKind.DOUGHNUT));
            case FUNNEL -> option.setTooltip(new Tooltip().setTrigger("item")).setSeries(funnel(data));
            case NUMBER -> option.setSeries(bigNumber(data));
            case GAUGE -> option.setSeries(gauge(data));
            case TREEMAP -> option.setTooltip(new Tooltip()).setSeries(new TreemapSeries().setData(hierarchy(data).toArray())
                    .setTop(60).setBottom(10).setLeft(10).setRight(10).setBreadcrumb(new Breadcrumb().setShow(false))
                    .setLabel(new TreemapSeriesLabel().setShow(true)).setUpperLabel(new TreemapSeriesLabel().setShow(true).setHeight(22).setColor("#FFFFFF"))
                    .setItemStyle(new TreemapSeriesItemStyle().setBorderColor("#FFFFFF").setBorderWidth(2).setGapWidth(2)));
            case SUNBURST -> option.setTooltip(new Tooltip()).setSeries(new SunburstSeries().setData(hierarchy(data).toArray())
                    .setRadius(new String[] {"12%", "80%"}).setCenter(new String[] {"50%", "56%"})
                    .setLabel(new SunburstLabel().setShow(true).setMinAngle(6)));
            case HEATMAP -> heatmap(option, data, language);
        }
        if (caption.isPresent()) {
            Title main = (Title) option.getTitle();
            Title footer = new Title().setText(caption.get()).setLeft(16).setBottom(8)
                    .setTextStyle(new Label().setFontSize(12).setColor("#5F6B5F").setFontWeight("normal").setLineHeight(18));
            option.setTitle(new Title[] {main, footer});
            int captionHeight = 30 + 18 * (int) caption.get().lines().count();
            // the caption takes the bottom of the picture: move the chart up, whatever lays it out
            if (option.getGrid() instanceof Grid grid) {
                grid.setBottom(captionHeight);
            }
            Object series = option.getSeries();
            if (series instanceof TreemapSeries treemap) {
                treemap.setBottom(captionHeight);
            }
            if (series instanceof FunnelSeries funnel) {
                funnel.setBottom(captionHeight);
            }
            if (series instanceof PieSeries pie) {
                pie.setCenter(new String[] {"50%", "50%"}).setRadius(pie.getRadius() instanceof String[] radius && radius[0].equals("0%")
                        ? new String[] {"0%", "58%"} : new String[] {"36%", "58%"});
            }
            if (series instanceof SunburstSeries sunburst) {
                sunburst.setCenter(new String[] {"50%", "50%"}).setRadius(new String[] {"10%", "68%"});
            }
            if (series instanceof GaugeSeries gauge) {
                gauge.setCenter(new String[] {"50%", "52%"});
            }
        }
        String json = new Engine().renderJsonOption(option);
        // read by xingcun-charts.js, which removes it before ECharts sees the option
        return "{\"xingcunLanguage\":\"" + language.id() + "\"," + json.strip().substring(1);
    }

    private static Option categories(Option option, ChartData data, boolean horizontal)
    {
        List<String> labels = data.labels(0);
        CategoryAxis categoryAxis = new CategoryAxis().setData(labels.toArray(String[]::new))
                .setAxisLabel(Map.of("interval", 0, "rotate", !horizontal && labels.size() > 8 ? 40 : 0, "hideOverlap", true));
        ValueAxis valueAxis = new ValueAxis().setSplitLine(new SplitLine().setLineStyle(new LineStyle().setType("dashed")));
        Grid grid = new Grid().setTop(70).setBottom(20).setLeft(20).setRight(horizontal ? 60 : 30).setContainLabel(true);
        option.setTooltip(new Tooltip().setTrigger("axis")).setGrid(grid);
        if (horizontal) {
            categoryAxis.setInverse(true);
            return option.setYAxis(categoryAxis).setXAxis(valueAxis);
        }
        return option.setXAxis(categoryAxis).setYAxis(valueAxis);
    }

    private static BarSeries bar(ChartData data, String labelPosition)
    {
        return new BarSeries().setName(data.columns().get(data.labelColumns())).setData(values(data))
                .setBarMaxWidth(48).setItemStyle(new BarItemStyle().setBorderRadius(labelPosition.equals("right") ? new Number[] {0, 4, 4, 0} : new Number[] {4, 4, 0, 0}))
                .setLabel(new BarLabel().setShow(true).setPosition(labelPosition));
    }

    private static LineSeries line(ChartData data)
    {
        return new LineSeries().setName(data.columns().get(data.labelColumns())).setData(values(data))
                .setSmooth(true).setSymbolSize(7).setAreaStyle(new LineAreaStyle().setOpacity(0.15))
                .setLabel(new SeriesLabel().setShow(data.rows().size() <= 18).setPosition("top"));
    }

    private static Object[] values(ChartData data)
    {
        return data.rows().stream().map(data::value).toArray();
    }

    private static void stackedBars(Option option, ChartData data)
    {
        ChartData categories = new ChartData(List.of(data.columns().get(0), "value"),
                data.labels(0).stream().map(label -> List.<Object>of(label, 0)).toList());
        categories(option, categories, false);
        List<String> xLabels = data.labels(0);
        List<SeriesOption> series = new ArrayList<>();
        for (String stack : data.labels(1)) {
            Object[] values = new Object[xLabels.size()];
            for (List<Object> row : data.rows()) {
                if (data.label(row, 1).equals(stack)) {
                    values[xLabels.indexOf(data.label(row, 0))] = data.value(row);
                }
            }
            series.add(new BarSeries().setName(stack).setStack("total").setData(values).setBarMaxWidth(48));
        }
        option.setLegend(new Legend().setTop(40)).setSeries(series.toArray(SeriesOption[]::new));
    }

    private static PieSeries pie(ChartData data, boolean doughnut)
    {
        Object[] slices = data.rows().stream().map(row -> Map.of("name", data.label(row, 0), "value", data.value(row))).toArray();
        return new PieSeries().setName(data.columns().get(1)).setData(slices)
                .setRadius(doughnut ? new String[] {"42%", "68%"} : new String[] {"0%", "68%"})
                .setCenter(new String[] {"50%", "56%"})
                .setItemStyle(new PieItemStyle().setBorderColor("#FFFFFF").setBorderWidth(2))
                .setLabel(new PieLabel().setShow(true));
    }

    private static FunnelSeries funnel(ChartData data)
    {
        Object[] stages = data.rows().stream().map(row -> Map.of("name", data.label(row, 0), "value", data.value(row))).toArray();
        return new FunnelSeries().setName(data.columns().get(1)).setData(stages).setSort("none")
                .setTop(70).setBottom(20).setLeft("15%").setWidth("70%").setGap(4)
                .setLabel(new FunnelLabel().setShow(true).setPosition("inside").setColor("#FFFFFF"));
    }

    /** A big-number card: the value in large type, what it counts under it. */
    private static GaugeSeries bigNumber(ChartData data)
    {
        return new GaugeSeries().setData(new Object[] {Map.of("value", data.isEmpty() ? 0 : data.value(data.rows().get(0)))})
                .setStartAngle(0).setEndAngle(0).setAxisLine(Map.of("show", false)).setSplitLine(Map.of("show", false))
                .setAxisTick(Map.of("show", false)).setAxisLabel(Map.of("show", false)).setPointer(new GaugePointer().setShow(false))
                .setMax(Double.MAX_VALUE).setRadius("0%")
                .setDetail(new GaugeDetail().setShow(true).setOffsetCenter(new String[] {"0", "10%"}).setFontSize(64).setFontWeight("bold").setColor(PALETTE[0]));
    }

    /** A ratio (0…1) as a progress ring in percent. */
    private static GaugeSeries gauge(ChartData data)
    {
        Double ratio = data.isEmpty() ? null : data.value(data.rows().get(0));
        double percent = ratio == null ? 0 : Math.round(ratio * 1000) / 10.0;
        return new GaugeSeries().setData(new Object[] {Map.of("value", percent, "name", data.columns().get(data.labelColumns()))})
                .setMin(0).setMax(100).setStartAngle(210).setEndAngle(-30).setCenter(new String[] {"50%", "60%"}).setRadius("75%")
                .setProgress(new GaugeProgress().setShow(true).setWidth(18).setRoundCap(true))
                .setAxisLine(Map.of("lineStyle", Map.of("width", 18, "color", new Object[] {new Object[] {1, "#E8EDE8"}})))
                .setPointer(new GaugePointer().setShow(false)).setAxisTick(Map.of("show", false)).setSplitLine(Map.of("show", false))
                .setAxisLabel(Map.of("show", false)).setTitle(new GaugeTitle().setShow(true).setOffsetCenter(new String[] {"0", "35%"}).setFontSize(14))
                .setDetail(new GaugeDetail().setShow(true).setOffsetCenter(new String[] {"0", "0"}).setFontSize(40).setFontWeight("bold").setColor(PALETTE[0]));
    }

    /** Two label columns (parent, child) as a tree for treemap and sunburst: sub-district → community. */
    private static List<Map<String, Object>> hierarchy(ChartData data)
    {
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        for (List<Object> row : data.rows()) {
            Double value = data.value(row);
            if (value != null && value > 0) {
                children.computeIfAbsent(data.label(row, 0), parent -> new ArrayList<>())
                        .add(Map.of("name", data.label(row, 1), "value", value));
            }
        }
        List<Map<String, Object>> tree = new ArrayList<>();
        children.forEach((parent, leaves) -> tree.add(Map.of("name", parent, "children", leaves)));
        return tree;
    }

    /** Rows of (y label, x label, value): talents down the side in the order of the rows (the first at the top), months along the bottom. */
    private static void heatmap(Option option, ChartData data, Language language)
    {
        List<String> yLabels = data.labels(0);
        List<String> xLabels = data.labels(1).stream().sorted().toList();
        Map<String, Integer> yIndex = new java.util.HashMap<>();
        yLabels.forEach(label -> yIndex.put(label, yIndex.size()));
        Map<String, Integer> xIndex = new java.util.HashMap<>();
        xLabels.forEach(label -> xIndex.put(label, xIndex.size()));
        Object[] cells = data.rows().stream()
                .map(row -> new Object[] {xIndex.get(data.label(row, 1)), yIndex.get(data.label(row, 0)), data.value(row)})
                .toArray();
        double max = data.rows().stream().map(data::value).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        option.setTooltip(new Tooltip().setPosition("top"))
                .setGrid(new Grid().setTop(60).setBottom(70).setLeft(10).setRight(20).setContainLabel(true))
                .setXAxis(new CategoryAxis().setData(xLabels.toArray(String[]::new)).setSplitArea(new SplitArea().setShow(true)))
                .setYAxis(new CategoryAxis().setData(yLabels.toArray(String[]::new)).setInverse(true).setSplitArea(new SplitArea().setShow(true))
                        .setAxisLabel(Map.of("interval", 0, "fontSize", yLabels.size() > 30 ? 9 : 12)))
                .setVisualMap(new ContinousVisualMap().setMin(0).setMax(max).setCalculable(true).setOrient("horizontal")
                        .setLeft("center").setBottom(5).setColor(new String[] {"#1B5E20", "#7CB342", "#F1F8E9"})
                        .setText(new String[] {language.pick("多", "more"), language.pick("少", "less")}))
                .setSeries(new HeatmapSeries().setData(cells).setLabel(new SeriesLabel().setShow(xLabels.size() * yLabels.size() <= 120))
                        .setItemStyle(new ItemStyle().setBorderColor("#FFFFFF").setBorderWidth(1)));
    }
}
