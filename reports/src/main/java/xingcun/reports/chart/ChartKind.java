package xingcun.reports.chart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The charts a report definition can ask for, by the name it uses. */
public enum ChartKind
{
    BAR, HORIZONTAL_BAR, STACKED_BAR, LINE, PIE, DOUGHNUT, NUMBER, GAUGE, TREEMAP, SUNBURST, FUNNEL, HEATMAP;

    @JsonValue
    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChartKind of(String id)
    {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown chart " + id + "; use one of: " + names()));
    }

    public static String names()
    {
        return Arrays.stream(values()).map(ChartKind::id).collect(Collectors.joining(", "));
    }

    /** How many dimensions the chart draws: a number has none, a bar one, a stacked bar or heatmap two. */
    public int dimensions()
    {
        return switch (this) {
            case NUMBER, GAUGE -> 0;
            case STACKED_BAR, HEATMAP, TREEMAP, SUNBURST -> 2;
            default -> 1;
        };
    }
}
