package xingcun.reports.notebook;

import com.github.jknack.handlebars.Template;
import xingcun.reports.html.PageShell;
import xingcun.warehouse.QueryResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notebook run as one offline page in the report's look: the parameters used, the prose, each query with its SQL
 * and the first rows of its result, each chart drawn in the browser from its ECharts option, and each failed cell's
 * error where the cell is. Data reaches the page only through Handlebars' escaping, the SQL highlighter's escaping
 * or script-safe JSON; the prose was rendered by CommonMark with raw HTML escaped.
 */
public final class NotebookPage
{
    /** Rows a result table shows; the CSV beside the page has them all. */
    private static final int ROWS_SHOWN = 50;
    private static final Template TEMPLATE = PageShell.template("notebook/notebook");

    private NotebookPage() {}

    public static String html(NotebookRun run)
    {
        Notebook notebook = run.notebook();
        Map<String, Object> model = PageShell.model("zh-CN", notebook.title());
        model.put("description", notebook.description());
        model.put("contents", notebook.contents().stream().map(heading -> Map.of("id", heading.id(), "text", heading.text())).toList());
        model.put("parameters", run.parameters().values().stream().map(value -> Map.of(
                "name", value.parameter().name(), "value", value.text().isEmpty() ? "（空 empty）" : value.text(), "description", value.parameter().description(),
                "origin", value.isGiven() ? "--param" : "默认 default")).toList());
        model.put("queryCount", run.queries().size());
        model.put("chartCount", run.charts().size());
        model.put("failureCount", run.failures().size());
        model.put("failures", run.failures().stream().map(failure -> Map.of("anchor", anchor(failure), "label", failure.label())).toList());
        Map<String, String> queryAnchors = new HashMap<>();
        run.queries().forEach(query -> queryAnchors.putIfAbsent(query.name(), anchor(query)));
        model.put("cells", run.outcomes().stream().map(outcome -> cell(notebook, outcome, queryAnchors)).toList());
        model.put("footer", "xingcun notebook · notebooks/" + notebook.name() + ".md · 数据湖快照 " + run.snapshot().id()
                + " · 生成于 " + run.generatedAt().withNano(0).toLocalDateTime().toString().replace('T', ' '));
        return PageShell.apply(TEMPLATE, model);
    }

    static String anchor(CellOutcome outcome)
    {
        return "cell-" + outcome.line();
    }

    private static Map<String, Object> cell(Notebook notebook, CellOutcome outcome, Map<String, String> queryAnchors)
    {
        Map<String, Object> view = new HashMap<>();
        view.put("anchor", anchor(outcome));
        view.put("error", outcome.error().orElse(null));
        if (outcome instanceof CellOutcome.Prose prose) {
            view.put("prose", prose.html());
        }
        else if (outcome instanceof CellOutcome.Query query) {
            view.put("query", true);
            view.put("name", query.name().isEmpty() ? "(no name)" : query.name());
            view.put("sqlHtml", SqlHighlighter.html(query.sql().stripTrailing()));
            query.result().ifPresent(result -> table(view, notebook, query.name(), result));
        }
        else if (outcome instanceof CellOutcome.Chart chart) {
            view.put("chart", true);
            view.put("id", chart.id());
            view.put("kind", chart.kind());
            view.put("title", chart.title());
            view.put("data", chart.data());
            view.put("dataAnchor", queryAnchors.get(chart.data()));
            view.put("isEmpty", chart.error().isEmpty() && chart.optionJson().isEmpty());
            chart.optionJson().ifPresent(json -> view.put("optionJson", PageShell.scriptSafeJson(json)));
        }
        return view;
    }

    private static void table(Map<String, Object> view, Notebook notebook, String name, QueryResult result)
    {
        List<String> columns = result.columns();
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (List<Object> row : result.rows().subList(0, Math.min(ROWS_SHOWN, result.rows().size()))) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int column = 0; column < columns.size(); column++) {
                Object value = row.get(column);
                cells.add(Map.of("text", CellText.of(columns.get(column), value), "exact", CellText.exactIfRounded(columns.get(column), value),
                        "isNumber", value instanceof Number));
            }
            rows.add(cells);
        }
        int total = result.rows().size();
        view.put("columns", columns);
        view.put("rows", rows);
        view.put("rowCount", total > ROWS_SHOWN
                ? "共 " + count(total) + " 行，显示前 " + ROWS_SHOWN + " 行 · " + count(total) + " rows, first " + ROWS_SHOWN + " shown"
                : "共 " + count(total) + " 行 · " + count(total) + (total == 1 ? " row" : " rows"));
        view.put("csv", NotebookFiles.csvPath(notebook, name));
    }

    private static String count(int rows)
    {
        return String.format(Locale.ROOT, "%,d", rows);
    }
}
