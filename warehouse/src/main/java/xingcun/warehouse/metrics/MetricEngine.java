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
        boolean byTime = dimensions.stream().anyMatch(dimension -> dimension.time() != null);
        List<MetricValue> values = new ArrayList<>();
        for (Metric metric : metrics) {
            Map<List<Object>, Double> current = values(metric, query.period(), dimensions, communityCode, query.talent());
            Map<List<Object>, Double> previous = byTime ? Map.of() : values(metric, query.period().previous(), dimensions, communityCode, query.talent());
            current.forEach((key, value) -> {
                Map<String, Object> cut = new LinkedHashMap<>();
                for (int i = 0; i < dimensions.size(); i++) {
                    cut.put(dimensions.get(i).id(), key.get(i));
                }
                Optional<Double> previousValue = byTime ? Optional.empty() : Optional.ofNullable(previous.getOrDefault(key, emptyValue(metric)));
                values.add(new MetricValue(metric, cut, value, previousValue));
            });
        }
        return values;
    }

    /** Values by dimension key (a list of dimension values; empty for the total). */
    private Map<List<Object>, Double> values(Metric metric, ReportingPeriod period, List<Dimension> dimensions, Optional<String> community, Optional<String> talent)
    {
        if (metric.isRatio()) {
            Map<List<Object>, Double> numerator = values(catalog.find(metric.ratio().numerator()), period, dimensions, community, talent);
            Map<List<Object>, Double> denominator = values(catalog.find(metric.ratio().denominator()), period, dimensions, community, talent);
            Map<List<Object>, Double> ratio = new LinkedHashMap<>();
            denominator.forEach((key, divisor) -> ratio.put(key, divisor == null || divisor == 0 ? null : numerator.getOrDefault(key, 0.0) / divisor));
            return ratio;
        }
        List<String> expressions = dimensions.stream().map(dimension -> dimension.expression(metric.timeColumn())).toList();
        StringBuilder template = new StringBuilder("select ");
        for (int i = 0; i < expressions.size(); i++) {
            template.append(expressions.get(i)).append(" as d").append(i).append(", ");
        }
        template.append(metric.measure()).append(" as value from ").append(metric.model()).append(" where (").append(metric.periodFilter()).append(')');
        if (metric.filter() != null) {
            template.append(" and (").append(metric.filter()).append(')');
        }
        // :from and :to may stand anywhere in the catalog's SQL (a time column can depend on the period): bound in order
        List<Object> parameters = new ArrayList<>();
        Matcher matcher = PERIOD_PARAMETER.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            parameters.add(Date.valueOf(matcher.group(1).equals("from") ? period.from() : period.to()));
            matcher.appendReplacement(sql, "cast(? as date)");
        }
        matcher.appendTail(sql);
        if (community.isPresent()) {
            sql.append(" and community_code = ?");
            parameters.add(community.get());
        }
        if (talent.isPresent()) {
            sql.append(" and talent_id = ?");
            parameters.add(talent.get());
        }
        if (!expressions.isEmpty()) {
            sql.append(" group by all order by all");
        }
        QueryResult result = warehouse.query(sql.toString(), parameters);
        Map<List<Object>, Double> values = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            Object value = row.get(expressions.size());
            values.put(new ArrayList<>(row.subList(0, expressions.size())), value == null ? null : ((Number) value).doubleValue());
        }
        return values;
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
