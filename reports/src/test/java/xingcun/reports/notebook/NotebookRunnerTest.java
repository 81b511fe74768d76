package xingcun.reports.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.ReportException;
import xingcun.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Running cells on a real (empty) warehouse: a broken cell keeps its error, the cells after it still run. */
class NotebookRunnerTest
{
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String BROKEN = """
            ---
            title: 坏了一格的笔记本
            parameters:
              community:
                default: 西华
                description: 社区
            ---

            ```sql guidance
            select * from (values (:community, 12), ('律则', 7)) as t(社区, 人次)
            ```

            ```sql typo
            select 1 +
            ```

            ```sql writes
            drop view dim_talent
            ```

            ```sql
            select 1
            ```

            ```sql guidance
            select 2
            ```

            ```chart
            type: bar
            data: nowhere
            x: 社区
            y: 人次
            ```

            ```chart
            type: bar
            data: guidance
            x: 村
            y: 人次
            ```

            ```chart
            type: bar
            data: typo
            x: a
            y: b
            ```

            ```chart
            type: pie
            data: guidance
            x: 人次
            y: 社区
            ```

            ```chart
            type: radar
            data: guidance
            ```

            ```chart
            type: bar
            data: guidance
            x: 社区
            y: 人次
            title: 各社区人次
            ```
            """;

    @TempDir
    Path folder;

    @Test
    void aFailingCellShowsItsErrorAndTheRestStillRuns()
            throws Exception
    {
        Notebook notebook = NotebookReader.parse("broken", BROKEN, "broken.md");
        NotebookRun run;
        try (Warehouse warehouse = Warehouse.open(EmptyLake.in(folder))) {
            run = new NotebookRunner(warehouse, CLOCK).run(notebook, ParameterValues.resolve(notebook, Map.of()));
        }

        assertThat(run.failures().stream().map(failure -> failure.label() + ": " + failure.error().orElseThrow())).containsExactly(
                "query typo (line 13): Parser Error: syntax error at or near \"+\" (at character 9)",
                "query writes (line 17): Refused DROP: the warehouse is read-only; run queries (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE), and export with --out",
                "query without a name (line 21): Invalid query: name its result after sql, e.g. ```sql guidance_by_month",
                "query guidance (line 25): Invalid query name guidance: a query above has it already",
                "chart \"nowhere\" (line 29): Invalid chart: no result named nowhere above it; results so far: guidance",
                "chart \"guidance\" (line 36): Invalid chart: result guidance has no column 村; its columns are: 社区, 人次",
                "chart \"typo\" (line 43): Cannot draw chart: its data typo failed above",
                "chart \"guidance\" (line 50): Invalid chart: y column 社区 of result guidance holds 西华, not a number",
                "chart c5 (line 57): Invalid chart: Unknown chart radar; use one of: bar, horizontal_bar, stacked_bar, line, pie, doughnut, number, gauge, treemap, sunburst, funnel, heatmap");
        CellOutcome.Query guidance = run.queries().get(0);
        assertThat(guidance.result().orElseThrow().rows()).containsExactly(List.of("西华", 12), List.of("律则", 7));
        CellOutcome.Chart drawn = run.charts().get(5);
        assertThat(drawn.title()).isEqualTo("各社区人次");
        assertThat(drawn.error()).isEmpty();
        assertThat(drawn.optionJson().orElseThrow()).contains("\"xingcunLanguage\":\"zh\"", "\"西华\"", "\"律则\"", "各社区人次");
    }

    @Test
    void chartSpecificationsSayWhatIsMissing()
    {
        assertInvalidChart("type: bar\ndata: r\ny: v\n", "Invalid chart: a bar chart needs x, the column of its categories");
        assertInvalidChart("type: stacked_bar\ndata: r\nx: a\ny: v\n", "Invalid chart: a stacked_bar chart needs series, the column of its second dimension");
        assertInvalidChart("type: line\ndata: r\nx: a\nseries: b\ny: v\n", "Invalid chart: a line chart draws one series; series is for stacked_bar, heatmap, treemap and sunburst");
        assertInvalidChart("type: number\ndata: r\nx: a\ny: v\n", "Invalid chart: a number chart draws one number: give y only, not x or series");
        assertInvalidChart("type: bar\nx: a\ny: v\n", "Invalid chart: it needs data:");
        assertInvalidChart("type: bar\ndata: r\nx: a\ny: v\ncolour: red\n", "Invalid chart: unknown key colour; use type, data, x, y, series, title");
        assertInvalidChart("- bar\n", "Invalid chart: write type, data, x, y and title as YAML keys");
    }

    @Test
    void parametersAreCheckedAgainstTheDeclarations()
    {
        Notebook notebook = NotebookReader.parse("p", """
                ---
                title: t
                parameters:
                  from:
                    default: 2021-01-01
                    description: 第一天
                  community:
                    description: 社区名称，如 西华
                ---
                """, "p.md");

        assertThatThrownBy(() -> ParameterValues.resolve(notebook, Map.of("community", "西华", "year", "2021")))
                .isInstanceOf(ReportException.class).hasMessage("Unknown parameter year for notebook p; it takes: from, community");
        assertThatThrownBy(() -> ParameterValues.resolve(notebook, Map.of()))
                .isInstanceOf(ReportException.class).hasMessage("Missing parameter community for notebook p: give --param community=… (社区名称，如 西华)");
        assertThatThrownBy(() -> ParameterValues.resolve(notebook, Map.of("community", "西华", "from", "2021-13-01")))
                .isInstanceOf(ReportException.class).hasMessage("Invalid --param from=2021-13-01: give a date such as 2021-01-01");
        ParameterValues values = ParameterValues.resolve(notebook, Map.of("community", "西华"));
        assertThat(values.values()).extracting(ParameterValues.Value::text, ParameterValues.Value::isGiven)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2021-01-01", false), org.assertj.core.groups.Tuple.tuple("西华", true));
    }

    private static void assertInvalidChart(String yaml, String message)
    {
        assertThatThrownBy(() -> ChartSpec.parse(yaml)).isInstanceOf(ReportException.class).hasMessage(message);
    }
}
