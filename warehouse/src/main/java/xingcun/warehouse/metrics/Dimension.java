package xingcun.warehouse.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A way to cut a metric: a column of its model, or a time bucket (month, quarter) of its time column. */
public record Dimension(
        String id,
        @JsonProperty("column") String column,
        @JsonProperty("time") String time,
        @JsonProperty("name_zh") String nameChinese,
        @JsonProperty("name_en") String nameEnglish)
{
    /** The SQL expression of this dimension over a model whose time column is {@code timeColumn}. */
    String expression(String timeColumn)
    {
        if (time == null) {
            return column;
        }
        return switch (time) {
            case "month" -> "strftime(" + timeColumn + ", '%Y-%m')";
            case "quarter" -> "year(" + timeColumn + ") || 'Q' || quarter(" + timeColumn + ")";
            default -> throw new IllegalStateException("Invalid time dimension in metrics.yml: " + time);
        };
    }

    Dimension withId(String id)
    {
        return new Dimension(id, column, time, nameChinese, nameEnglish);
    }
}
