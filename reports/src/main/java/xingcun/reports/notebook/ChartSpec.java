package xingcun.reports.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartKind;
import xingcun.warehouse.QueryResult;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A ```chart block: which chart (a ChartKind id), of which named result, with x (the categories), y (the numbers)
 * and, for two-dimensional charts, series (the stack of a stacked bar, the rows of a heatmap, the parent of a
 * treemap or sunburst).
 */
record ChartSpec(ChartKind kind, String data, Optional<String> x, String y, Optional<String> series, String title)
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("type", "data", "x", "y", "series", "title");

    ChartSpec
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(data, "data is null");
        requireNonNull(x, "x is null");
        requireNonNull(y, "y is null");
        requireNonNull(series, "series is null");
        requireNonNull(title, "title is null");
    }

    static ChartSpec parse(String yaml)
    {
        JsonNode spec;
        try {
            spec = YAML.readTree(yaml);
        }
        catch (JsonProcessingException e) {
            throw invalid("it is not YAML: " + e.getOriginalMessage());
        }
        if (spec == null || !spec.isObject()) {
            throw invalid("write type, data, x, y and title as YAML keys");
        }
        for (Iterator<String> keys = spec.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                throw invalid("unknown key " + key + "; use type, data, x, y, series, title");
            }
        }
        ChartKind kind;
        try {
            kind = ChartKind.of(required(spec, "type"));
        }
        catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        String data = required(spec, "data");
        Optional<String> x = optional(spec, "x");
        Optional<String> series = optional(spec, "series");
        if (kind.dimensions() == 0 && (x.isPresent() || series.isPresent())) {
            throw invalid("a " + kind.id() + " chart draws one number: give y only, not x or series");
        }
        if (kind.dimensions() > 0 && x.isEmpty()) {
            throw invalid("a " + kind.id() + " chart needs x, the column of its categories");
        }
        if (kind.dimensions() == 2 && series.isEmpty()) {
            throw invalid("a " + kind.id() + " chart needs series, the column of its second dimension");
        }
        if (kind.dimensions() == 1 && series.isPresent()) {
            throw invalid("a " + kind.id() + " chart draws one series; series is for stacked_bar, heatmap, treemap and sunburst");
        }
        return new ChartSpec(kind, data, x, required(spec, "y"), series, optional(spec, "title").orElse(data));
    }

    /** The chart's numbers from its result, in the column order ChartOptions reads for this kind. */
    ChartData chartData(QueryResult result)
    {
        List<String> columns = new ArrayList<>();
        switch (kind.dimensions()) {
            case 0 -> { }
            case 1 -> columns.add(x.orElseThrow());
            default -> {
                // ChartOptions reads (stack or row or parent, category, value) for stacked bars, heatmaps and trees
                if (kind == ChartKind.STACKED_BAR) {
                    columns.addAll(List.of(x.orElseThrow(), series.orElseThrow()));
                }
                else {
                    columns.addAll(List.of(series.orElseThrow(), x.orElseThrow()));
                }
            }
        }
        columns.add(y);
        List<Integer> indexes = new ArrayList<>();
        for (String column : columns) {
            int index = result.columns().indexOf(column);
            if (index < 0) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid chart: result " + data + " has no column " + column
                        + "; its columns are: " + String.join(", ", result.columns()));
            }
            indexes.add(index);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<Object> cells = new ArrayList<>();
            indexes.forEach(index -> cells.add(row.get(index)));
            Object value = cells.get(cells.size() - 1);
            if (value != null && !(value instanceof Number)) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid chart: y column " + y + " of result " + data
                        + " holds " + value + ", not a number");
            }
            rows.add(cells);
        }
        return new ChartData(columns, rows);
    }

    private static String required(JsonNode spec, String key)
    {
        return optional(spec, key).orElseThrow(() -> invalid("it needs " + key + ":"));
    }

    private static Optional<String> optional(JsonNode spec, String key)
    {
        JsonNode value = spec.get(key);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    private static ReportException invalid(String problem)
    {
        return new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid chart: " + problem);
    }
}
