package xingcun.reports.build;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartKind;
import xingcun.reports.definition.Labels;
import xingcun.reports.definition.Language;
import xingcun.reports.definition.NumberStyle;
import xingcun.reports.definition.ReportDefinition;
import xingcun.reports.definition.ReportDefinitions;
import xingcun.reports.definition.Section;
import xingcun.reports.notebook.SqlTokens;
import xingcun.warehouse.QueryResult;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.Metric;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.MetricValue;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Computes a report's content from its definition and the warehouse: metric values, chart numbers, tables, text. */
public final class ReportCompiler
{
    private static final Pattern TEXT_PLACEHOLDER = Pattern.compile("\\{([a-z_]+)(\\.change)?}");

    private final Warehouse warehouse;
    private final MetricCatalog catalog;
    private final MetricEngine engine;
    private final ReportDefinitions definitions;
    private final Clock clock;

    public ReportCompiler(Warehouse warehouse, MetricCatalog catalog, ReportDefinitions definitions, Clock clock)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.engine = new MetricEngine(warehouse, catalog);
        this.definitions = requireNonNull(definitions, "definitions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ReportContent compile(ReportRequest request)
    {
        return compile(request, chart -> {});
    }

    /** The report's content; each chart is also handed to {@code onChart} as soon as it is computed, to be drawn meanwhile. */
    public ReportContent compile(ReportRequest request, Consumer<ChartSection> onChart)
    {
        ReportDefinition definition = definitions.load(request.kind());
        checkPeriod(definition, request.period());
        ReportSubject subject = subject(definition.subject(), request);
        Language language = request.language();
        Map<String, Metric> metricsShown = new LinkedHashMap<>();
        Map<String, MetricValue> totals = totals(definition, request, subject);
        List<ReportPart> parts = new ArrayList<>();
        for (Section section : definition.sections()) {
            switch (section.type()) {
                case CARDS -> parts.add(cards(section, request, subject, totals, metricsShown));
                case TEXT -> parts.add(text(section, request, subject, totals, metricsShown));
                case CHART -> {
                    ChartSection chart = chart(section, request, subject, totals, metricsShown);
                    onChart.accept(chart);
                    parts.add(new ReportPart.Chart(chart));
                }
                case TABLE -> parts.add(new ReportPart.Table(table(section, request, subject, metricsShown)));
            }
        }
        String title = definition.title(language).replace("{period}", periodName(request.period(), language)).replace("{subject}", subject.name());
        return new ReportContent(definition, request, subject, title, ZonedDateTime.now(clock), warehouse.snapshot(), parts, List.copyOf(metricsShown.values()));
    }

    /**
     * The totals the report shows or checks its charts against — its cards, its text, its charts of no dimension and
     * the totals of its charts of a metric that adds up — computed together: one query per model instead of one per
     * metric. A metric that cannot be computed for this subject is left to the section that asks for it, which says so.
     */
    private Map<String, MetricValue> totals(ReportDefinition definition, ReportRequest request, ReportSubject subject)
    {
        Set<String> ids = new LinkedHashSet<>();
        for (Section section : definition.sections()) {
            switch (section.type()) {
                case CARDS -> ids.addAll(section.metrics());
                case TEXT -> {
                    Matcher matcher = TEXT_PLACEHOLDER.matcher(request.language().pick(section.textChinese(), section.textEnglish()));
                    while (matcher.find()) {
                        if (!matcher.group(1).equals("period") && !matcher.group(1).equals("subject")) {
                            ids.add(matcher.group(1));
                        }
                    }
                }
                case CHART -> {
                    if (section.metric() != null) {
                        // its total: shown when it has no dimension, checked against when it adds up (else not needed)
                        ids.add(section.metric());
                    }
                }
                case TABLE -> {
                    // a table shows its metrics by a dimension only
                }
            }
        }
        Map<String, MetricValue> totals = new LinkedHashMap<>();
        try {
            for (MetricValue value : engine.compute(metricQuery(List.copyOf(ids), request, subject, List.of()))) {
                totals.putIfAbsent(value.metric().id(), value);
            }
        }
        catch (RuntimeException e) {
            totals.clear();
        }
        return totals;
    }

    /** The period a user means in the report's language: 2021年, 2021年第3季度, 2021年7月. */
    public static String periodName(ReportingPeriod period, Language language)
    {
        String label = period.label();
        if (label.matches("\\d{4}")) {
            return language.pick(label + "年", label);
        }
        if (label.matches("\\d{4}Q[1-4]")) {
            return language.pick(label.substring(0, 4) + "年第" + label.charAt(5) + "季度", label.substring(0, 4) + " Q" + label.charAt(5));
        }
        if (label.matches("\\d{4}-\\d{2}")) {
            return language.pick(label.substring(0, 4) + "年" + Integer.parseInt(label.substring(5)) + "月", label);
        }
        return period.from() + " – " + period.to();
    }

    private static void checkPeriod(ReportDefinition definition, ReportingPeriod period)
    {
        String label = period.label();
        boolean fits = switch (definition.period()) {
            case YEAR -> label.matches("\\d{4}");
            case QUARTER -> label.matches("\\d{4}Q[1-4]");
            case MONTH -> label.matches("\\d{4}-\\d{2}");
            case ANY -> true;
        };
        if (!fits) {
            String example = switch (definition.period()) {
                case YEAR -> "a year such as 2021";
                case QUARTER -> "a quarter such as 2021Q3";
                case MONTH -> "a month such as 2021-07";
                case ANY -> "";
            };
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid period " + label + " for " + (definition.kind().matches("[aeiou].*") ? "an " : "a ")
                    + definition.kind() + " report: give " + example);
        }
    }

    private ReportSubject subject(ReportDefinition.Subject kind, ReportRequest request)
    {
        Language language = request.language();
        switch (kind) {
            case COMMUNITY -> {
                String given = request.community().orElseThrow(() -> new ReportException(ReportErrorCode.INVALID_ARGUMENT,
                        "A community report needs --community: a 12-digit code or a name such as 西华"));
                String code = engine.resolveCommunity(given);
                List<Object> row = warehouse.query("select community_name, subdistrict_name from dim_community where community_code = ?", List.of(code)).rows().get(0);
                return new ReportSubject(row.get(1) + " " + row.get(0), Optional.of(code), Optional.empty());
            }
            case TALENT -> {
                String talent = request.talent().orElseThrow(() -> new ReportException(ReportErrorCode.INVALID_ARGUMENT,
                        "A talent report needs --talent: a talent id such as XS2021002"));
                List<List<Object>> rows = warehouse.query("select talent_id, community_name from dim_talent where talent_id = ?", List.of(talent.strip())).rows();
                if (rows.isEmpty()) {
                    throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Unknown talent " + talent
                            + "; xingcun sql --lake … \"select talent_id, community_name from dim_talent\" lists them");
                }
                return new ReportSubject(language.pick("人才 ", "talent ") + rows.get(0).get(0) + language.pick("（", " (") + rows.get(0).get(1) + language.pick("）", ")"),
                        Optional.empty(), Optional.of((String) rows.get(0).get(0)));
            }
            default -> {
                return new ReportSubject(language.pick("西山区", "Xishan district"), Optional.empty(), Optional.empty());
            }
        }
    }

    private MetricQuery metricQuery(List<String> metricIds, ReportRequest request, ReportSubject subject, List<String> by)
    {
        return new MetricQuery(metricIds, request.period(), by, subject.communityCode(), subject.talentId());
    }

    private MetricValue total(String metricId, ReportRequest request, ReportSubject subject, Map<String, MetricValue> totals)
    {
        return totals.computeIfAbsent(metricId, id -> engine.compute(metricQuery(List.of(id), request, subject, List.of())).get(0));
    }

    private ReportPart cards(Section section, ReportRequest request, ReportSubject subject, Map<String, MetricValue> totals, Map<String, Metric> shown)
    {
        Language language = request.language();
        List<Card> cards = new ArrayList<>();
        for (String metricId : section.metrics()) {
            MetricValue value = total(metricId, request, subject, totals);
            Metric metric = value.metric();
            shown.put(metricId, metric);
            Double previous = value.previousValue().orElse(null);
            cards.add(new Card(metricId, language.pick(metric.nameChinese(), metric.nameEnglish()),
                    NumberStyle.withUnit(value.value(), metric.unit(), language),
                    NumberStyle.change(value.value(), previous, language),
                    value.value() != null && previous != null && value.value() > previous,
                    language.pick(metric.definitionChinese(), metric.definitionEnglish())));
        }
        return new ReportPart.Cards(section.title(language), cards);
    }

    private ReportPart text(Section section, ReportRequest request, ReportSubject subject, Map<String, MetricValue> totals, Map<String, Metric> shown)
    {
        Language language = request.language();
        String template = language.pick(section.textChinese(), section.textEnglish());
        Matcher matcher = TEXT_PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = switch (name) {
                case "period" -> periodName(request.period(), language);
                case "subject" -> subject.name();
                default -> {
                    MetricValue value = total(name, request, subject, totals);
                    shown.put(name, value.metric());
                    if (matcher.group(2) == null) {
                        yield NumberStyle.withUnit(value.value(), value.metric().unit(), language);
                    }
                    String change = NumberStyle.change(value.value(), value.previousValue().orElse(null), language);
                    yield change.isEmpty() ? language.pick("无可比数据", "nothing earlier to compare with") : change;
                }
            };
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return new ReportPart.Text(section.title(language), text.toString());
    }

    /** One chart of a metric on its own (xingcun chart): for the district, or for the request's community. */
    public ChartSection chart(String metricId, List<String> by, ChartKind kind, ReportRequest request)
    {
        Metric metric = catalog.find(metricId);
        if (kind == ChartKind.FUNNEL && !by.equals(List.of("status"))) {
            throw new IllegalArgumentException("a funnel draws the project stages: use --by status");
        }
        // the stages of a project, first to last: a funnel counts those that reached each one
        List<String> order = kind == ChartKind.FUNNEL ? List.of("negotiating", "intended", "landed") : null;
        Section section = new Section(Section.SectionType.CHART, metricId, metric.nameChinese(), metric.nameEnglish(), null, null, null,
                metricId, by, null, kind, order, null, null, null, null);
        ReportSubject subject = request.community().isPresent()
                ? subject(ReportDefinition.Subject.COMMUNITY, request)
                : subject(ReportDefinition.Subject.DISTRICT, request);
        return chart(section, request, subject, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private ChartSection chart(Section section, ReportRequest request, ReportSubject subject, Map<String, MetricValue> totals, Map<String, Metric> shown)
    {
        Language language = request.language();
        String subtitle = subject.name() + " · " + periodName(request.period(), language);
        if (section.query() != null) {
            ChartData data = queryData(section.query(), request, subject);
            return new ChartSection(section.id(), section.chart(), section.title(language), subtitle, note(section, language, data.rows().size(), data.rows().size()),
                    data, Optional.empty(), List.of());
        }
        Metric metric = catalog.find(section.metric());
        shown.put(metric.id(), metric);
        List<MetricValue> values = section.by().isEmpty()
                ? List.of(total(metric.id(), request, subject, totals))
                : engine.computeWithoutPrevious(metricQuery(List.of(metric.id()), request, subject, section.by()));
        List<String> columns = new ArrayList<>();
        section.by().forEach(dimension -> columns.add(language.pick(catalog.dimension(dimension).nameChinese(), catalog.dimension(dimension).nameEnglish())));
        columns.add(language.pick(metric.nameChinese(), metric.nameEnglish()));
        List<List<Object>> rows = new ArrayList<>();
        for (MetricValue value : values) {
            List<Object> row = new ArrayList<>();
            section.by().forEach(dimension -> row.add(Labels.of(dimension, value.dimensions().get(dimension), language)));
            row.add(value.value());
            rows.add(row);
        }
        boolean additive = "sum".equals(metric.rollup());
        List<List<Object>> all = shaped(section, request.period(), rows, language);
        Limited drawn = limited(section, request.period(), all, language, additive);
        Optional<Double> expectedTotal = Optional.empty();
        if (!section.by().isEmpty() && additive) {
            expectedTotal = Optional.ofNullable(total(metric.id(), request, subject, totals).value());
        }
        return new ChartSection(section.id(), section.chart(), section.title(language), subtitle, note(section, language, drawn.shown(), drawn.total()),
                new ChartData(columns, drawn.rows()), new ChartData(columns, all), expectedTotal, List.of(metric.id()));
    }

    /** The section's note, its {shown} and {total} filled in: how many rows (talents, communities) it shows of how many. */
    private static Optional<String> note(Section section, Language language, int shown, int total)
    {
        return section.note(language).map(note -> note.replace("{shown}", String.format("%,d", shown)).replace("{total}", String.format("%,d", total)));
    }

    /**
     * Months with nothing still show (a line that skips a month lies); stages come in the definition's order, a
     * funnel counting those that reached at least each stage.
     */
    private static List<List<Object>> shaped(Section section, ReportingPeriod period, List<List<Object>> rows, Language language)
    {
        List<List<Object>> shaped = new ArrayList<>(rows);
        if (section.by().equals(List.of("month"))) {
            Map<Object, List<Object>> byMonth = new LinkedHashMap<>();
            for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
                byMonth.put(month.toString(), new ArrayList<>(List.of(month.toString(), 0.0)));
            }
            rows.forEach(row -> byMonth.put(row.get(0), row));
            shaped = new ArrayList<>(byMonth.values());
        }
        int monthColumn = section.by().indexOf("month");
        if (section.by().size() == 2 && monthColumn >= 0) {
            // a month with no rows still gets its column: one zero cell under the first label of the other dimension
            Object firstOther = rows.isEmpty() ? null : rows.get(0).get(1 - monthColumn);
            Set<Object> present = new HashSet<>();
            rows.forEach(row -> present.add(row.get(monthColumn)));
            for (YearMonth month = YearMonth.from(period.from()); firstOther != null && !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
                if (!present.contains(month.toString())) {
                    List<Object> row = new ArrayList<>(List.of("", "", 0.0));
                    row.set(monthColumn, month.toString());
                    row.set(1 - monthColumn, firstOther);
                    shaped.add(row);
                }
            }
            // back in the engine's order: by the first dimension, then the second
            shaped.sort(Comparator.comparing((List<Object> row) -> String.valueOf(row.get(0))).thenComparing(row -> String.valueOf(row.get(1))));
        }
        if (!section.order().isEmpty()) {
            String dimension = section.by().get(0);
            List<List<Object>> ordered = new ArrayList<>();
            for (String code : section.order()) {
                String label = Labels.of(dimension, code, language);
                double value = rows.stream().filter(row -> label.equals(row.get(0))).map(row -> row.get(1)).filter(Objects::nonNull)
                        .mapToDouble(cell -> ((Number) cell).doubleValue()).sum();
                ordered.add(new ArrayList<>(List.of(label, value)));
            }
            if (section.chart() == ChartKind.FUNNEL) {
                for (int index = ordered.size() - 2; index >= 0; index--) {
                    ordered.get(index).set(1, (Double) ordered.get(index).get(1) + (Double) ordered.get(index + 1).get(1));
                }
            }
            shaped = ordered;
        }
        return shaped;
    }

    /** The rows a chart draws, and how many of the ranked labels (bars, talents, communities) it shows of how many. */
    private record Limited(List<List<Object>> rows, int shown, int total) {}

    /**
     * The rows a chart with a limit draws. One dimension: its largest (or smallest) rows, and, for a metric that adds
     * up, the rest summed into one row. Two: the labels of the dimension that is not month or quarter (else of the
     * finer one) ranked by their total; for a metric that adds up, the rest summed into one label (per month, or one
     * row when no dimension is time), except in a heatmap, where a row of everyone else would wash out the scale.
     */
    private static Limited limited(Section section, ReportingPeriod period, List<List<Object>> rows, Language language, boolean additive)
    {
        int dimensions = section.by().size();
        if (dimensions == 0 || dimensions > 2) {
            return new Limited(rows, rows.size(), rows.size());
        }
        int time = dimensions == 2 ? timeColumn(section.by()) : -1;
        int ranked = dimensions == 1 ? 0 : time == 1 ? 0 : 1;
        // what is ranked: a label (a bar; a talent over the months), or with no time a whole row (a community in its sub-district)
        Function<List<Object>, Object> key = dimensions == 2 && time < 0 ? row -> row.subList(0, 2) : row -> row.get(ranked);
        Map<Object, Double> totals = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            totals.merge(key.apply(row), value(row.get(dimensions)), Double::sum);
        }
        Integer limit = section.limit();
        if (limit == null || totals.size() <= limit) {
            return new Limited(rows, totals.size(), totals.size());
        }
        Comparator<Map.Entry<Object, Double>> byTotal = Map.Entry.comparingByValue();
        if (section.rank() == Section.Rank.HIGHEST) {
            byTotal = byTotal.reversed();
        }
        // ties in the order the rows came (the engine's: by label), so the same data always shows the same labels
        List<Object> kept = totals.entrySet().stream().sorted(byTotal).limit(limit).map(Map.Entry::getKey).toList();
        Map<Object, Integer> position = new HashMap<>();
        kept.forEach(label -> position.put(label, position.size()));
        int restCount = totals.size() - limit;
        String restLabel = language.pick("其他" + String.format("%,d", restCount) + "个", String.format("%,d", restCount) + " others");
        if (dimensions == 1) {
            List<List<Object>> drawn = new ArrayList<>(rows.stream().filter(row -> position.containsKey(row.get(0)))
                    .sorted(Comparator.comparingInt(row -> position.get(row.get(0)))).toList());
            // the rest folds into one row only where values add up; a rate or a distinct count of the rest is no sum
            if (additive) {
                double rest = rows.stream().filter(row -> !position.containsKey(row.get(0))).mapToDouble(row -> value(row.get(1))).sum();
                drawn.add(List.of(restLabel, rest));
            }
            return new Limited(drawn, limit, totals.size());
        }
        int other = 1 - ranked;
        List<List<Object>> drawn = new ArrayList<>(rows.stream().filter(row -> position.containsKey(key.apply(row))).toList());
        if (additive && section.chart() != ChartKind.HEATMAP) {
            Map<Object, Double> rest = new LinkedHashMap<>();
            for (List<Object> row : rows) {
                if (!position.containsKey(key.apply(row))) {
                    // by month when the other dimension is time; else everything left in one row
                    rest.merge(time >= 0 ? row.get(other) : language.pick("其他", "others"), value(row.get(2)), Double::sum);
                }
            }
            rest.forEach((otherLabel, sum) -> {
                List<Object> row = new ArrayList<>(List.of("", "", sum));
                row.set(ranked, restLabel);
                row.set(other, otherLabel);
                drawn.add(row);
            });
            position.put(restLabel, position.size());
        }
        if (time >= 0) {
            if (section.by().get(time).equals("month")) {
                // every month of the period still shows, now under the first label kept
                Set<Object> present = new HashSet<>();
                drawn.forEach(row -> present.add(row.get(time)));
                for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month.plusMonths(1)) {
                    if (!present.contains(month.toString())) {
                        List<Object> row = new ArrayList<>(List.of("", "", 0.0));
                        row.set(ranked, kept.get(0));
                        row.set(time, month.toString());
                        drawn.add(row);
                    }
                }
            }
            // the kept labels in rank order, each with its months in order
            drawn.sort(Comparator.comparingInt((List<Object> row) -> position.get(row.get(ranked))).thenComparing(row -> String.valueOf(row.get(time))));
        }
        return new Limited(drawn, limit, totals.size());
    }

    private static int timeColumn(List<String> by)
    {
        for (int index = 0; index < by.size(); index++) {
            if (by.get(index).equals("month") || by.get(index).equals("quarter")) {
                return index;
            }
        }
        return -1;
    }

    private static double value(Object cell)
    {
        return cell == null ? 0 : ((Number) cell).doubleValue();
    }

    private TableSection table(Section section, ReportRequest request, ReportSubject subject, Map<String, Metric> shown)
    {
        Language language = request.language();
        Integer limit = section.limit();
        if (section.query() != null) {
            ChartData data = queryData(section.query(), request, subject);
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> row : data.rows()) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < row.size(); column++) {
                    cells.add(cellText(data.columns().get(column), row.get(column), language));
                }
                rows.add(cells);
            }
            List<String> columns = data.columns().stream().map(column -> Labels.of("columns", column, language)).toList();
            // a query's table shows its first rows, in the query's own order
            List<List<String>> showing = limit == null || rows.size() <= limit ? rows : rows.subList(0, limit);
            return new TableSection(section.id(), section.title(language), note(section, language, showing.size(), rows.size()), columns, showing, rows, List.of());
        }
        String dimension = section.by().get(0);
        List<MetricValue> values = engine.computeWithoutPrevious(metricQuery(section.metrics(), request, subject, section.by()));
        // the value of each metric by key, looked up once (a province has thousands of communities)
        Map<Object, Map<String, MetricValue>> byKey = new LinkedHashMap<>();
        values.forEach(value -> byKey.computeIfAbsent(value.dimensions().get(dimension), key -> new HashMap<>()).put(value.metric().id(), value));
        List<Object> keys = new ArrayList<>(byKey.keySet());
        if (limit != null && keys.size() > limit) {
            // ranked by the first metric: its largest values first, or its smallest with rank: lowest
            Comparator<Object> byFirstMetric = Comparator.comparingDouble(key -> {
                MetricValue value = byKey.get(key).get(section.metrics().get(0));
                return value == null || value.value() == null ? 0 : value.value();
            });
            keys.sort(section.rank() == Section.Rank.HIGHEST ? byFirstMetric.reversed() : byFirstMetric);
        }
        List<String> columns = new ArrayList<>();
        columns.add(language.pick(catalog.dimension(dimension).nameChinese(), catalog.dimension(dimension).nameEnglish()));
        List<Metric> metrics = new ArrayList<>();
        for (String metricId : section.metrics()) {
            Metric metric = catalog.find(metricId);
            shown.put(metricId, metric);
            metrics.add(metric);
            columns.add(language.pick(metric.nameChinese(), metric.nameEnglish()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Object key : keys) {
            List<String> row = new ArrayList<>();
            row.add(Labels.of(dimension, key, language));
            for (Metric metric : metrics) {
                MetricValue value = byKey.get(key).get(metric.id());
                // a key without a row of this metric counted nothing
                row.add(NumberStyle.number(value == null ? Double.valueOf(0.0) : value.value(), metric.unit(), language));
            }
            rows.add(row);
        }
        List<List<String>> showing = limit == null || rows.size() <= limit ? rows : rows.subList(0, limit);
        return new TableSection(section.id(), section.title(language), note(section, language, showing.size(), rows.size()), columns, showing, rows, section.metrics());
    }

    /** A cell of a query's table: numbers in the report's style, codes through labels.yml (by column name). */
    private static String cellText(String column, Object cell, Language language)
    {
        if (cell instanceof Number number) {
            return NumberStyle.number(number.doubleValue(), "", language);
        }
        return Labels.of(column, cell, language);
    }

    /**
     * A named query of the definitions, its :from, :to, :community and :talent bound as parameters. The notebooks'
     * tokenizer finds them, so a colon in a string, a comment or a ::cast is left alone.
     */
    private ChartData queryData(String name, ReportRequest request, ReportSubject subject)
    {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (SqlTokens.Token token : SqlTokens.of(definitions.query(name))) {
            if (token.kind() != SqlTokens.Kind.PARAMETER) {
                sql.append(token.text());
                continue;
            }
            String parameter = token.text().substring(1);
            parameters.add(switch (parameter) {
                case "from" -> Date.valueOf(request.period().from());
                case "to" -> Date.valueOf(request.period().to());
                case "community" -> subject.communityCode().orElse(null);
                case "talent" -> subject.talentId().orElse(null);
                default -> throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid query " + name + ": unknown parameter :" + parameter
                        + "; use :from, :to, :community or :talent");
            });
            sql.append("cast(? as ").append(parameter.equals("from") || parameter.equals("to") ? "date" : "varchar").append(')');
        }
        QueryResult result = warehouse.query(sql.toString(), parameters);
        return new ChartData(result.columns(), result.rows());
    }
}
