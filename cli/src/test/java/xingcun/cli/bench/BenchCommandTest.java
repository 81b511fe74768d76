package xingcun.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * xingcun bench end to end on a tiny county inbox (3 experts, one run of everything) as the launcher runs it, in a
 * JVM of its own: every measurement is in the JSON with positive times, the batch landed, the table was printed; and
 * bad options are one line and exit 2.
 */
class BenchCommandTest
{
    private static final List<String> MEASUREMENTS = List.of("ingest.xingcun", "ingest.xingcun.service_log_rows", "ingest.xingcun.service_logs_family",
            "ingest.plain_spark", "ingest.duckdb", "queries.xingcun_metrics_command", "queries.xingcun_warehouse_open", "queries.xingcun_first",
            "queries.xingcun_warm", "queries.spark_sql_cold", "queries.spark_sql_first", "queries.spark_sql_warm", "queries.spark_sql_process",
            "report.wall", "report.startup", "report.queries", "report.after_queries", "report.engine_start", "report.charts", "batch.ingest");

    @TempDir
    Path folder;

    @Test
    void measuresEverySectionOnATinyInbox()
            throws Exception
    {
        Path json = folder.resolve("results/tiny.json");
        Result result = xingcun("bench", "--profile", "county", "--talents", "3", "--runs", "1", "--warm-runs", "2",
                "--work", folder.resolve("work").toString(), "--out", json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("bench: ingest 1/1: xingcun ingest", "bench: batch 1/1:");
        assertThat(result.out()).contains("what", "median wall", "rows/s", "peak RSS", "ratio", "runs",
                "ingest: plain Spark", "ingest: DuckDB", "queries: Spark SQL", "report: charts", "batch: xingcun ingest of 10,000 service logs", "JSON: " + json);

        JsonNode bench = new ObjectMapper().readTree(json.toFile());
        assertThat(bench.path("machine").path("cores").asInt()).isPositive();
        assertThat(bench.path("machine").path("memory_gib").asDouble()).isPositive();
        assertThat(bench.path("machine").path("java_version").asText()).contains("17");
        assertThat(bench.path("machine").path("load_average_at_start")).hasSize(3);
        assertThat(bench.path("config").path("period").asText()).isEqualTo("2025");
        List<String> ids = new ArrayList<>();
        for (JsonNode measurement : bench.path("measurements")) {
            String id = measurement.path("id").asText();
            ids.add(id);
            assertThat(measurement.path("median_wall_ms").asDouble()).as(id).isPositive();
            assertThat(measurement.path("individual_runs")).as(id).isNotEmpty();
            for (JsonNode run : measurement.path("individual_runs")) {
                assertThat(run.path("wall_ms").asDouble()).as(id).isPositive();
            }
        }
        assertThat(ids).containsExactlyElementsOf(MEASUREMENTS);

        JsonNode ingest = measurement(bench, "ingest.xingcun");
        long inboxRows = bench.path("inbox").path("rows").asLong();
        assertThat(ingest.path("rows").asLong()).isEqualTo(inboxRows);
        assertThat(ingest.path("rows_per_s").asLong()).isPositive();
        assertThat(ingest.path("peak_rss_mb").asDouble()).isGreaterThan(100);
        for (String contender : List.of("ingest.plain_spark", "ingest.duckdb")) {
            JsonNode copy = measurement(bench, contender);
            assertThat(copy.path("rows").asLong()).isEqualTo(bench.path("inbox").path("service_log_rows").asLong());
            assertThat(copy.path("individual_runs").get(0).path("rows_written").asLong()).isEqualTo(copy.path("rows").asLong());
            assertThat(copy.path("ratio").asDouble()).isPositive();
            // one round: its ratio is the median of the rounds and the ratio of the medians alike
            assertThat(copy.path("round_ratios")).hasSize(1);
            assertThat(copy.path("ratio").asDouble()).isEqualTo(copy.path("round_ratios").get(0).asDouble())
                    .isEqualTo(copy.path("ratio_of_medians").asDouble());
        }
        assertThat(bench.path("query_values")).hasSize(19);
        bench.path("query_values").fields().forEachRemaining(value -> assertThat(value.getValue().path("agree").asBoolean()).as(value.getKey()).isTrue());

        JsonNode batch = measurement(bench, "batch.ingest");
        JsonNode batchRun = batch.path("individual_runs").get(0);
        assertThat(batch.path("rows").asLong()).isEqualTo(10_000);
        assertThat(batchRun.path("accepted").asLong()).isEqualTo(10_000);
        assertThat(batchRun.path("lake_data_files").path("new").asInt()).isPositive();
        assertThat(batchRun.path("lake_data_files").path("untouched").asInt()).isPositive();
        assertThat(batchRun.path("snapshot_data_files").path("kept").asInt()).isPositive();
        assertThat(batch.path("ratio").asDouble()).isPositive();
        assertThat(measurement(bench, "report.charts").path("individual_runs").get(0).path("svg_ms_sum").asLong()).isPositive();
    }

    @Test
    void theIngestRatioIsTakenRoundByRound()
    {
        // the walls of bench/results/province-seed7-jdk25-trained.json: xingcun over 4,235,886 rows, plain Spark over 985,269
        List<Double> xingcun = List.of(94763.5, 102624.5, 102575.5);
        List<Double> plainSpark = List.of(13759.5, 15593.3, 14113.7);

        List<Double> ratios = BenchRun.roundRatios(xingcun, 4_235_886, plainSpark, 985_269);

        assertThat(ratios).hasSize(3);
        assertThat(ratios.get(0)).isCloseTo(1.602, within(0.001));
        assertThat(ratios.get(1)).isCloseTo(1.531, within(0.001));
        assertThat(ratios.get(2)).isCloseTo(1.690, within(0.001));
        // the median of the rounds is round 1's; the ratio of the median walls (102,575.5 / 14,113.7) would be round 3's
        assertThat(Measurement.median(ratios)).isCloseTo(1.602, within(0.001));
        assertThatThrownBy(() -> BenchRun.roundRatios(xingcun, 4_235_886, plainSpark.subList(0, 2), 985_269))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rounds differ: 3 runs of xingcun, 2 of the contender");
    }

    @Test
    void badOptionsAreOneLineAndExitTwo()
            throws Exception
    {
        Result runs = xingcun("bench", "--profile", "county", "--runs", "0", "--work", folder.toString());
        assertThat(runs.exitCode()).isEqualTo(2);
        assertThat(runs.err()).isEqualTo("xingcun: Invalid --runs 0: give 1 or more runs of each measurement (see: xingcun bench --help)\n");

        Result only = xingcun("bench", "--profile", "county", "--only", "ingest,charts");
        assertThat(only.exitCode()).isEqualTo(2);
        assertThat(only.err()).startsWith("xingcun: Invalid value for option '--only'").contains("ingest, queries, report, batch").contains("charts")
                .endsWith("(see: xingcun bench --help)\n").hasLineCount(1);

        Result profile = xingcun("bench", "--profile", "xishan");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.err()).contains("--profile").contains("county, province").hasLineCount(1);

        Path file = Files.writeString(folder.resolve("a-file"), "x");
        Result work = xingcun("bench", "--profile", "county", "--work", file.toString());
        assertThat(work.exitCode()).isEqualTo(2);
        assertThat(work.err()).isEqualTo("xingcun: Invalid --work " + file + ": it is a file; give a folder (see: xingcun bench --help)\n");
        assertThat(runs.out() + only.out() + profile.out() + work.out()).isEmpty();
    }

    private static JsonNode measurement(JsonNode bench, String id)
    {
        for (JsonNode measurement : bench.path("measurements")) {
            if (measurement.path("id").asText().equals(id)) {
                return measurement;
            }
        }
        throw new AssertionError("no measurement " + id);
    }

    /** Runs xingcun as the launcher does (java, the launcher's JVM options, the classpath, xingcun.cli.Main) and waits. */
    private Result xingcun(String... arguments)
            throws IOException, InterruptedException
    {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        Process process = new ProcessBuilder(ChildJvm.javaCommand(BenchRun.MAIN, List.of(arguments))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("xingcun " + String.join(" ", arguments) + " ran longer than 20 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String out, String err) {}
}
