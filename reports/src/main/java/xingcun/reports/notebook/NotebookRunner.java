package xingcun.reports.notebook;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.chart.ChartData;
import xingcun.reports.chart.ChartOptions;
import xingcun.reports.definition.Language;
import xingcun.warehouse.QueryResult;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.WarehouseException;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Runs a notebook's cells top to bottom on the warehouse. Each query passes the warehouse's read-only guards with its
 * parameters bound as values; a failing cell keeps its error and the cells after it still run, as in a notebook a
 * reader fixes one cell at a time. A chart reads only results above it.
 */
public final class NotebookRunner
{
    private final Warehouse warehouse;
    private final Clock clock;

    public NotebookRunner(Warehouse warehouse, Clock clock)
    {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public NotebookRun run(Notebook notebook, ParameterValues parameters)
    {
        Map<String, ParameterValues.Value> values = parameters.byName();
        Map<String, QueryResult> results = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        List<CellOutcome> outcomes = new ArrayList<>();
        int charts = 0;
        for (Cell cell : notebook.cells()) {
            if (cell instanceof Cell.Prose prose) {
                outcomes.add(new CellOutcome.Prose(prose.html(), prose.line()));
            }
            else if (cell instanceof Cell.Query query) {
                outcomes.add(query(query, values, names, results));
            }
            else if (cell instanceof Cell.Chart chart) {
                outcomes.add(chart(chart, "c" + ++charts, names, results));
            }
        }
        return new NotebookRun(notebook, parameters, warehouse.snapshot(), ZonedDateTime.now(clock), outcomes);
    }

    private CellOutcome.Query query(Cell.Query query, Map<String, ParameterValues.Value> values, Set<String> names, Map<String, QueryResult> results)
    {
        try {
            checkName(query.name(), names);
            BoundQuery bound = BoundQuery.bind(query.sql(), values);
            QueryResult result = warehouse.runUserQuery(bound.sql(), bound.values());
            results.put(query.name(), result);
            return new CellOutcome.Query(query.name(), query.sql(), query.line(), Optional.of(result), Optional.empty());
        }
        catch (ReportException | WarehouseException e) {
            return new CellOutcome.Query(query.name(), query.sql(), query.line(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private static void checkName(String name, Set<String> names)
    {
        if (name.isEmpty()) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid query: name its result after sql, e.g. ```sql guidance_by_month");
        }
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid query name " + name + ": use lower-case letters, digits and _ (it names the CSV file)");
        }
        if (!names.add(name)) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid query name " + name + ": a query above has it already");
        }
    }

    private static CellOutcome.Chart chart(Cell.Chart chart, String id, Set<String> names, Map<String, QueryResult> results)
    {
        String kind = "";
        String title = "";
        String data = "";
        try {
            ChartSpec spec = ChartSpec.parse(chart.yaml());
            kind = spec.kind().id();
            title = spec.title();
            data = spec.data();
            QueryResult result = results.get(spec.data());
            if (result == null) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, names.contains(spec.data())
                        ? "Cannot draw chart: its data " + spec.data() + " failed above"
                        : "Invalid chart: no result named " + spec.data() + " above it" + (results.isEmpty() ? "" : "; results so far: " + String.join(", ", results.keySet())));
            }
            ChartData chartData = spec.chartData(result);
            Optional<String> option = chartData.isEmpty() ? Optional.empty() : Optional.of(ChartOptions.json(spec.kind(), chartData, spec.title(), "", Language.ZH));
            return new CellOutcome.Chart(id, kind, title, data, chart.line(), option, Optional.empty());
        }
        catch (ReportException e) {
            return new CellOutcome.Chart(id, kind, title, data, chart.line(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }
}
