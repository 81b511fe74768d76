package xingcun.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import xingcun.warehouse.metrics.MetricValue;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Writes metric values as a terminal table, JSON or CSV. */
final class MetricOutput
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> dimensions;
    private final boolean english;

    MetricOutput(List<String> dimensions, boolean english)
    {
        this.dimensions = List.copyOf(dimensions);
        this.english = english;
    }

    void table(List<MetricValue> values, ReportingPeriod period, PrintWriter out)
    {
        String window = period.from() + " … " + period.to();
        out.println((english ? "Period " : "统计期 ") + (period.label().contains("…") ? window : period.label() + " (" + window + ")"));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(english ? "metric" : "指标"));
        header.addAll(dimensions);
        header.addAll(english ? List.of("value", "unit", "previous", "change") : List.of("数值", "单位", "上期", "变化"));
        rows.add(header);
        for (MetricValue value : values) {
            List<String> row = new ArrayList<>(List.of(name(value)));
            dimensions.forEach(dimension -> row.add(String.valueOf(value.dimensions().get(dimension))));
            row.add(NumberText.format(value.value(), value.metric().unit()));
            row.add(english ? value.metric().unit() : NumberText.unitChinese(value.metric().unit()));
            row.add(value.previousValue().map(previous -> NumberText.format(previous, value.metric().unit())).orElse(""));
            row.add(value.change().map(change -> String.format("%+.1f%%", change * 100)).orElse(""));
            rows.add(row);
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = dimensions.size() + 1; i < numeric.length; i++) {
            numeric[i] = i != dimensions.size() + 2; // every column after the dimensions but the unit
        }
        TextTable.print(rows, numeric, out);
    }

    void json(List<MetricValue> values, ReportingPeriod period, PrintWriter out)
    {
        ArrayNode array = JSON.createArrayNode();
        for (MetricValue value : values) {
            ObjectNode node = array.addObject();
            node.put("metric", value.metric().id());
            node.put("name_zh", value.metric().nameChinese());
            node.put("name_en", value.metric().nameEnglish());
            node.put("unit", value.metric().unit());
            node.put("period", period.label());
            node.put("from", period.from().toString());
            node.put("to", period.to().toString());
            value.dimensions().forEach((dimension, dimensionValue) -> node.putPOJO(dimension, dimensionValue));
            putNumber(node, "value", value.value());
            value.previousValue().ifPresent(previous -> putNumber(node, "previous_value", previous));
            value.change().ifPresent(change -> node.put("change", change));
        }
        try {
            out.println(JSON.writeValueAsString(array));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flat columns of csv and xlsx output. */
    List<String> columns()
    {
        List<String> header = new ArrayList<>(List.of("metric", "name_zh", "name_en", "unit"));
        header.addAll(dimensions);
        header.addAll(List.of("value", "previous_value", "change"));
        return header;
    }

    List<List<Object>> rows(List<MetricValue> values)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (MetricValue value : values) {
            List<Object> row = new ArrayList<>(List.of(value.metric().id(), value.metric().nameChinese(), value.metric().nameEnglish(), value.metric().unit()));
            dimensions.forEach(dimension -> row.add(value.dimensions().get(dimension)));
            row.add(value.value());
            row.add(value.previousValue().orElse(null));
            row.add(value.change().orElse(null));
            rows.add(row);
        }
        return rows;
    }

    void csv(List<MetricValue> values, PrintWriter out)
    {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns().toArray(String[]::new)).get())) {
            for (List<Object> row : rows(values)) {
                printer.printRecord(row.stream().map(cell -> cell instanceof Double number ? plain(number) : cell == null ? "" : cell).toList());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String name(MetricValue value)
    {
        return english ? value.metric().nameEnglish() : value.metric().nameChinese();
    }

    private static void putNumber(ObjectNode node, String field, Double number)
    {
        if (number == null) {
            node.putNull(field);
        }
        else if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            node.put(field, number.longValue());
        }
        else {
            node.put(field, BigDecimal.valueOf(number).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros());
        }
    }

    private static String plain(Double number)
    {
        if (number == null) {
            return "";
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
