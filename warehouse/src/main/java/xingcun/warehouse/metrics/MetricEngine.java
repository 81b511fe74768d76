package xingcun.warehouse.metrics;

import xingcun.warehouse.QueryResult;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Computes catalog metrics on a warehouse. Each aggregate metric becomes one grouped query whose SQL comes from
 * the catalog (never from the user); the period, the community and every other user value are bound parameters.
 */
public final class MetricEngine
{
    private static final Pattern PERIOD_PARAMETER = Pattern.compile(":(from|to)\\b");

    private final Warehouse warehouse;
    private final MetricCatalog catalog;

    public MetricEngine(Warehouse warehouse, MetricCatalog catalog)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public List<MetricValue> compute(MetricQuery query)
    {
        return compute(query, true);
    }

    /** The values of the period alone, without the previous period's (a chart or a table shows none). */
    public List<MetricValue> computeWithoutPrevious(MetricQuery query)
    {
        return compute(query, false);
    }

    private List<MetricValue> compute(MetricQuery query, boolean withPrevious)
    {
        List<Metric> metrics = query.metricIds().isEmpty() ? catalog.headline() : query.metricIds().stream().map(catalog::find).toList();
        List<Dimension> dimensions = query.dimensions().stream().map(catalog::dimension).toList();
        for (Metric metric : metrics) {
            for (Dimension dimension : dimensions) {
                if (!metric.dimensions().contains(dimension.id())) {
                    throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Metric " + metric.id() + " cannot be cut by " + dimension.id()
                            + "; it can be cut by: " + String.join(", ", metric.dimensions()));
                }
            }
            if (query.talent().isPresent() && !metric.dimensions().contains("talent")) {
                throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Metric " + metric.id() + " is not counted per talent, so it cannot be given for talent "
                        + query.talent().get());
            }
        }
        Optional<String> communityCode = query.community().map(this::resolveCommunity);
        // a cut by month or quarter has no previous period to compare with
        boolean currentOnly = !withPrevious || dimensions.stream().anyMatch(dimension -> dimension.time() != null);
        List<ReportingPeriod> periods = currentOnly ? List.of(query.period()) : List.of(query.period(), query.period().previous());
        Map<Cell, Map<List<Object>, Double>> aggregates = aggregates(metrics, periods, dimensions, communityCode, query.talent());
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<List<Object>, Double> current = values(metric, 0, aggregates);
            Map<List<Object>, Double> previous = currentOnly ? Map.of() : values(metric, 1, aggregates);
            current.forEach((key, value) -> {
                Map<String, Object> cut = new LinkedHashMap<>();
                for (int i = 0; i < dimensions.size(); i++) {
                    cut.put(dimensions.get(i).id(), key.get(i));
                }
                Optional<Double> previousValue = currentOnly ? Optional.empty() : Optional.ofNullable(previous.getOrDefault(key, emptyValue(metric)));
                values.add(new MetricValue(metric, cut, value, previousValue));
            });
        }
        return values;
    }

    /** One aggregate metric in one of the periods asked for (0 the period, 1 the previous one). */
    private record Cell(String metricId, int period) {}

    /** Values by dimension key (a list of dimension values; empty for the total), a ratio from its two aggregates. */
    private Map<List<Object>, Double> values(Metric metric, int period, Map<Cell, Map<List<Object>, Double>> aggregates)
    {
        if (metric.isRatio()) {
            Map<List<Object>, Double> numerator = values(catalog.find(metric.ratio().numerator()), period, aggregates);
            Map<List<Object>, Double> denominator = values(catalog.find(metric.ratio().denominator()), period, aggregates);
            Map<List<Object>, Double> ratio = new LinkedHashMap<>();
            denominator.forEach((key, divisor) -> ratio.put(key, divisor == null || divisor == 0 ? null : numerator.getOrDefault(key, 0.0) / divisor));
            return ratio;
        }
        return aggregates.get(new Cell(metric.id(), period));
    }

    /**
     * Every aggregate behind the metrics asked for (a ratio's numerator and denominator among them), in every period,
     * with one query per model, each metric and period a branch of a UNION ALL: one round trip and one plan instead of
     * one per metric and period. Each branch reads from the model's Parquet files only the columns it uses, and only
     * the row groups whose dates can fall in its period (a previous year with no files costs next to nothing).
     */
    private Map<Cell, Map<List<Object>, Double>> aggregates(List<Metric> metrics, List<ReportingPeriod> periods, List<Dimension> dimensions,
            Optional<String> community, Optional<String> talent)
    {
        Map<String, Metric> needed = new LinkedHashMap<>();
        metrics.forEach(metric -> collectAggregates(metric, needed));
        Map<String, List<Metric>> byModel = new LinkedHashMap<>();
        needed.values().forEach(metric -> byModel.computeIfAbsent(metric.model(), model -> new ArrayList<>()).add(metric));
        Map<Cell, Map<List<Object>, Double>> aggregates = new LinkedHashMap<>();
        for (Map.Entry<String, List<Metric>> model : byModel.entrySet()) {
            aggregates.putAll(modelAggregates(model.getKey(), model.getValue(), periods, dimensions, community, talent));
        }
        return aggregates;
    }

    private void collectAggregates(Metric metric, Map<String, Metric> needed)
    {
        if (metric.isRatio()) {
            collectAggregates(catalog.find(metric.ratio().numerator()), needed);
            collectAggregates(catalog.find(metric.ratio().denominator()), needed);
        }
        else {
            needed.putIfAbsent(metric.id(), metric);
        }
    }

    private Map<Cell, Map<List<Object>, Double>> modelAggregates(String model, List<Metric> metrics, List<ReportingPeriod> periods, List<Dimension> dimensions,
            Optional<String> community, Optional<String> talent)
    {
        List<Object> parameters = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (Metric metric : metrics) {
            for (int period = 0; period < periods.size(); period++) {
                cells.add(new Cell(metric.id(), period));
                branches.add(branch(cells.size() - 1, metric, model, periods.get(period), dimensions, community, talent, parameters));
            }
        }
        String sql = String.join("\nunion all\n", branches) + "\norder by all";
        QueryResult result = warehouse.query(sql, parameters);
        Map<Cell, Map<List<Object>, Double>> aggregates = new LinkedHashMap<>();
        cells.forEach(cell -> aggregates.put(cell, new LinkedHashMap<>()));
        int keyColumns = dimensions.size();
        for (List<Object> row : result.rows()) {
            Cell cell = cells.get(((Number) row.get(0)).intValue());
            Object value = row.get(1 + keyColumns);
            aggregates.get(cell).put(new ArrayList<>(row.subList(1, 1 + keyColumns)), value == null ? null : ((Number) value).doubleValue());
        }
        return aggregates;
    }

    /** One metric in one period: (branch number, dimension values…, value), the measure grouped by the dimensions. */
    private static String branch(int number, Metric metric, String source, ReportingPeriod period, List<Dimension> dimensions,
            Optional<String> community, Optional<String> talent, List<Object> parameters)
    {
        StringBuilder template = new StringBuilder("select ").append(number).append(" as branch, ");
        for (int i = 0; i < dimensions.size(); i++) {
            template.append(dimensions.get(i).expression(metric.timeColumn())).append(" as d").append(i).append(", ");
        }
        // a common type for every branch's value: counts, sums and averages all read as doubles
        template.append("cast(").append(metric.measure()).append(" as double) as value from ").append(source)
                .append(" where (").append(metric.periodFilter()).append(')');
        if (metric.filter() != null) {
            template.append(" and (").append(metric.filter()).append(')');
        }
        StringBuilder sql = new StringBuilder(bind(template.toString(), period, parameters));
        appendSubject(sql, community, talent, parameters);
        if (!dimensions.isEmpty()) {
            sql.append(" group by all");
        }
        return "(" + sql + ")";
    }

    /** :from and :to may stand anywhere in the catalog's SQL (a time column can depend on the period): bound in order. */
    private static String bind(String template, ReportingPeriod period, List<Object> parameters)
    {
        Matcher matcher = PERIOD_PARAMETER.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            parameters.add(Date.valueOf(matcher.group(1).equals("from") ? period.from() : period.to()));
            matcher.appendReplacement(sql, "cast(? as date)");
        }
        matcher.appendTail(sql);
        return sql.toString();
    }

    private static void appendSubject(StringBuilder sql, Optional<String> community, Optional<String> talent, List<Object> parameters)
    {
        if (community.isPresent()) {
            sql.append(" and community_code = ?");
            parameters.add(community.get());
        }
        if (talent.isPresent()) {
            sql.append(" and talent_id = ?");
            parameters.add(talent.get());
        }
    }

    /** A community code or name (with or without its suffix) as its code, by dim_community; unknown ones are a bad argument. */
    public String resolveCommunity(String codeOrName)
    {
        // a statistics code is unique; only then may a name or a civil-affairs code (which can equal another's code) match
        if (!warehouse.query("select 1 from dim_community where community_code = ?", List.of(codeOrName.strip())).rows().isEmpty()) {
            return codeOrName.strip();
        }
        List<List<Object>> matches = warehouse.query("select community_code from dim_community where community_code = ? or community_code_civil_affairs = ? "
                + "or community_name = ? or community_full_name = ? or community_name = regexp_replace(?, '(社区居民委员会|社区居委会|村民委员会|村委会|居委会|社区)$', '')",
                java.util.Collections.nCopies(5, codeOrName.strip())).rows();
        if (matches.size() != 1) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Unknown community " + codeOrName
                    + (matches.isEmpty() ? "" : " (it matches " + matches.size() + " communities)")
                    + "; give a 12-digit code or a name such as 西华; xingcun sql --lake … \"select community_code, community_name from dim_community\" lists them");
        }
        return (String) matches.get(0).get(0);
    }

    /** What a metric is when no row falls in the period: nothing counted is zero, an average of nothing has no value. */
    private static Double emptyValue(Metric metric)
    {
        return metric.unit().equals("ratio") ? null : 0.0;
    }
}
