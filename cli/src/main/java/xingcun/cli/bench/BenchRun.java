package xingcun.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import xingcun.warehouse.LakeSnapshot;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One bench: prepares the inbox, runs the chosen sections' children, prints the table and writes the JSON. */
final class BenchRun
{
    static final String MAIN = "xingcun.cli.Main";
    static final int BATCH_ROWS = 10_000;
    private static final Pattern FAMILY_LINE = Pattern.compile("xingcun: (\\w+): (\\d+) rows in ([\\d.]+) s(?:, ([a-z ]+))?");
    private static final Pattern SPARK_READY = Pattern.compile("Spark ready in ([\\d.]+) s");
    private static final Pattern REPORT_TIME = Pattern.compile(
            "Time: ([\\d.]+) s — warehouse and queries ([\\d.]+) s, chart engine start ([\\d.]+) s, charts ([\\d.]+) s .*; ([\\d.]+) s after them");

    private final PrintWriter err;
    private final String profile;
    private final long seed;
    private final Integer talents;
    private final int runs;
    private final int warmIterations;
    private final Path work;
    private final Set<BenchCommand.Section> sections;
    private final ChildJvm children;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final List<Double> loads = new ArrayList<>();
    private BenchInbox inbox;
    private Measurement xingcunIngest;

    BenchRun(PrintWriter err, String profile, long seed, Integer talents, int runs, int warmIterations, Path work, Set<BenchCommand.Section> sections)
    {
        this.warmIterations = warmIterations;
        this.err = err;
        this.profile = profile;
        this.seed = seed;
        this.talents = talents;
        this.runs = runs;
        this.work = work;
        this.sections = sections;
        this.children = new ChildJvm(work.resolve("logs"));
    }

    void run(Path json, PrintWriter out)
    {
        Map<String, Object> machine = Machine.describe();
        double startLoad = Machine.loadAverage()[0];
        long started = System.nanoTime();
        progress("machine: %s cores, %s GiB, load %s; work folder %s", machine.get("cores"), machine.get("memory_gib"), machine.get("load_average_at_start"), work);
        inbox = prepareInbox();
        if (sections.contains(BenchCommand.Section.ingest)) {
            ingest();
        }
        Path lake = work.resolve("lake");
        if (sections.contains(BenchCommand.Section.queries) || sections.contains(BenchCommand.Section.report) || sections.contains(BenchCommand.Section.batch)) {
            requireLake(lake);
        }
        if (sections.contains(BenchCommand.Section.queries)) {
            queries(lake);
        }
        if (sections.contains(BenchCommand.Section.report)) {
            report(lake);
        }
        if (sections.contains(BenchCommand.Section.batch)) {
            batch(lake);
        }
        if (!loads.isEmpty()) {
            notes.add(0, String.format(Locale.ROOT, "machine: %s cores, %s GiB; the 1-minute load average was %.1f–%.1f when children started and ended "
                            + "(%.1f at the start; anything above %s means others were using the cores: read the walls with it)", machine.get("cores"),
                    machine.get("memory_gib"), loads.stream().min(Double::compare).orElseThrow(), loads.stream().max(Double::compare).orElseThrow(),
                    startLoad, machine.get("cores")));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bench", "xingcun bench");
        result.put("machine", machine);
        result.put("load_average_at_end", loadList(Machine.loadAverage()));
        result.put("total_wall_s", Measurement.round(ChildResult.millisSince(started) / 1000));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("profile", profile);
        config.put("seed", seed);
        config.put("talents", talents == null ? inbox.manifest().path("talents").asInt() : talents);
        config.put("runs", runs);
        config.put("warm_iterations", warmIterations);
        config.put("period", inbox.year());
        config.put("sections", sections.stream().map(Enum::name).toList());
        config.put("work", work.toString());
        List<String> childJvm = ChildJvm.javaCommand(MAIN, List.of());
        config.put("child_jvm", String.join(" ", childJvm.subList(0, childJvm.size() - 3)) + " -cp <this bench's classpath> MAIN ARGS"
                + "; a child running xingcun COMMAND also gets the launcher's options for COMMAND (xingcun-command-jvm.options: "
                + "report and metrics " + String.join(" ", ChildJvm.commandOptions("report")) + ")");
        List<String> sparkJvm = ChildJvm.javaCommand(MAIN, List.of("ingest"));
        config.put("spark_child_jvm", String.join(" ", sparkJvm.subList(0, sparkJvm.size() - 4))
                + " -cp <this bench's classpath> MAIN ingest ARGS; the plain Spark copy and Spark SQL run on the same JVM (the launcher's, see scripts/spark-jvm.sh)");
        config.put("memory_sampling", "every " + ChildJvm.SAMPLE_MILLIS + " ms: max of the child's VmHWM and the sum of VmRSS of it and its descendants");
        result.put("config", config);
        result.putAll(extra);
        result.put("measurements", measurements.stream().map(Measurement::json).toList());
        result.put("notes", notes);
        write(json, result);
        BenchTable.print(measurements, notes, out);
        out.println("JSON: " + json);
        out.flush();
    }

    // ---------------------------------------------------------------- inbox

    private BenchInbox prepareInbox()
    {
        Path folder = work.resolve("inbox");
        JsonNode manifest = BenchInbox.readManifest(folder);
        Map<String, Object> about = new LinkedHashMap<>();
        if (BenchInbox.matches(manifest, profile, seed, talents)) {
            progress("inbox: reusing %s (%s, seed %d, %,d rows)", folder, profile, seed, manifest.path("rows").asLong());
            about.put("generated", false);
        }
        else {
            progress("inbox: generating the %s inbox (seed %d) into %s …", profile, seed, folder);
            List<String> arguments = new ArrayList<>(List.of("generate", "--profile", profile, "--seed", Long.toString(seed), "--out", folder.toString()));
            if (talents != null) {
                arguments.addAll(List.of("--talents", Integer.toString(talents)));
            }
            ChildJvm.Run run = children.run("generate", MAIN, arguments).requireSuccess();
            manifest = BenchInbox.readManifest(folder);
            if (!BenchInbox.matches(manifest, profile, seed, talents)) {
                throw BenchErrors.failed("xingcun generate wrote no matching manifest.json into " + folder);
            }
            about.put("generated", true);
            about.put("generate_wall_ms", Measurement.round(run.wallMillis()));
            progress("inbox: generated %,d rows in %s", manifest.path("rows").asLong(), BenchTable.seconds(run.wallMillis()));
        }
        BenchInbox benchInbox = new BenchInbox(folder, manifest);
        about.put("folder", folder.toString());
        about.put("rows", benchInbox.rows());
        about.put("service_log_rows", benchInbox.serviceLogRows());
        about.put("bytes", LakeFiles.bytes(folder));
        Map<String, Object> families = new LinkedHashMap<>();
        manifest.path("families").fields().forEachRemaining(family -> families.put(family.getKey(),
                Map.of("files", family.getValue().path("files").asInt(), "rows", family.getValue().path("rows").asLong())));
        about.put("families", families);
        about.put("period", benchInbox.year());
        extra.put("inbox", about);
        return benchInbox;
    }

    // ---------------------------------------------------------------- ingest

    private void ingest()
    {
        List<Path> logFiles = inbox.serviceLogFiles();
        Map<Path, Charset> encodings = new LinkedHashMap<>();
        logFiles.forEach(file -> encodings.put(file, BenchInbox.encoding(file)));
        Set<String> charsets = new TreeSet<>();
        encodings.values().forEach(charset -> charsets.add(charset.name()));
        long logBytes = logFiles.stream().mapToLong(BenchRun::size).sum();
        List<String> header = BenchInbox.header(logFiles.get(0), encodings.get(logFiles.get(0)));
        // DuckDB's CSV reader takes UTF-8 only (GBK needs the encodings extension, which this DuckDB build lacks and cannot download)
        Path utf8 = work.resolve("duckdb-input/service_logs");
        long converted = System.nanoTime();
        BenchInbox.utf8Copies(logFiles, utf8);
        double conversionMillis = ChildResult.millisSince(converted);
        progress("ingest: %d service-log files (%s, %,d bytes); UTF-8 copies for DuckDB in %s (%s, not timed)", logFiles.size(), String.join("+", charsets),
                logBytes, utf8, BenchTable.seconds(conversionMillis));
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("service_log_files", logFiles.size());
        setup.put("service_log_bytes", logBytes);
        setup.put("service_log_encodings", charsets);
        setup.put("utf8_conversion_ms", Measurement.round(conversionMillis));
        extra.put("ingest_setup", setup);

        xingcunIngest = new Measurement("ingest.xingcun", "ingest", String.format(Locale.ROOT, "ingest: xingcun ingest, all %d families (rows/s over all rows read)",
                inbox.manifest().path("families").size()));
        Measurement xingcunServiceLogs = new Measurement("ingest.xingcun.service_log_rows", "ingest",
                "ingest: xingcun ingest, same runs (rows/s counting service_logs rows only)");
        Measurement xingcunFamily = new Measurement("ingest.xingcun.service_logs_family", "ingest",
                "ingest: xingcun's own service_logs progress line (beside other families)");
        Measurement plainSpark = new Measurement("ingest.plain_spark", "ingest", "ingest: plain Spark CSV→Parquet, service_logs only, no validation");
        Measurement duckdb = new Measurement("ingest.duckdb", "ingest", "ingest: DuckDB COPY read_csv→Parquet, service_logs only (UTF-8 copies)");
        long totalRead = 0;
        long serviceLogsRead = 0;
        Path keptLake = null;
        for (int k = 1; k <= runs; k++) {
            // one round per k: xingcun, plain Spark, DuckDB one after another, so a busy spell on the machine hits all three
            Path lake = work.resolve("lake-" + k);
            LakeFiles.delete(lake);
            progress("ingest %d/%d: xingcun ingest --inbox %s --lake %s …", k, runs, inbox.folder(), lake);
            ChildJvm.Run run = children.run("ingest-xingcun-" + k, MAIN, List.of("ingest", "--inbox", inbox.folder().toString(), "--lake", lake.toString()))
                    .requireSuccess();
            JsonNode report = runReport(lake);
            long read = 0;
            long logsRead = 0;
            for (JsonNode family : report.path("families")) {
                read += family.path("counts").path("read").asLong();
                if (family.path("family").asText().equals("service_logs")) {
                    logsRead = family.path("counts").path("read").asLong();
                }
            }
            totalRead = read;
            serviceLogsRead = logsRead;
            Map<String, Object> details = runDetails(run);
            details.put("rows_read", read);
            details.put("service_logs_read", logsRead);
            details.put("accepted", sum(report, "accepted"));
            details.put("rejected", sum(report, "rejected"));
            details.put("duplicates", sum(report, "duplicates"));
            Matcher ready = SPARK_READY.matcher(run.stderr());
            if (ready.find()) {
                details.put("spark_ready_s", Double.parseDouble(ready.group(1)));
            }
            Map<String, Object> families = new LinkedHashMap<>();
            Matcher family = FAMILY_LINE.matcher(run.stderr());
            Double serviceLogSeconds = null;
            while (family.find()) {
                families.put(family.group(1), Map.of("rows", Long.parseLong(family.group(2)), "seconds", Double.parseDouble(family.group(3)),
                        "staging", family.group(4) == null ? "" : family.group(4)));
                if (family.group(1).equals("service_logs")) {
                    serviceLogSeconds = Double.parseDouble(family.group(3));
                }
            }
            details.put("families_progress", families);
            details.put("lake_bytes", LakeFiles.bytes(lake));
            xingcunIngest.add(run.wallMillis(), run.peakRssMegabytes(), details);
            xingcunServiceLogs.add(run.wallMillis(), run.peakRssMegabytes(), Map.of("service_logs_read", logsRead));
            if (serviceLogSeconds != null) {
                xingcunFamily.add(serviceLogSeconds * 1000, null, Map.of("seconds_printed", serviceLogSeconds));
            }
            progress("ingest %d/%d: xingcun %s, %,d rows read, peak RSS %s", k, runs, BenchTable.seconds(run.wallMillis()), read,
                    BenchTable.megabytes(run.peakRssMegabytes()));
            if (keptLake != null) {
                LakeFiles.delete(keptLake);
            }
            keptLake = lake;

            Path sparkOut = work.resolve("spark-copy-" + k);
            LakeFiles.delete(sparkOut);
            List<String> arguments = new ArrayList<>(List.of(sparkOut.toString(), String.join("\t", header)));
            encodings.forEach((file, charset) -> arguments.add(charset.name() + "=" + file));
            progress("ingest %d/%d: plain Spark copy of the service logs …", k, runs);
            run = children.run("ingest-plain-spark-" + k, PlainSparkCopy.class.getName(), arguments).requireSuccess();
            long sparkRows = parquetRows(sparkOut.resolve("*.parquet"));
            Map<String, Object> sparkDetails = runDetails(run);
            sparkDetails.putAll(childTimings(run));
            sparkDetails.put("rows_written", sparkRows);
            sparkDetails.put("parquet_bytes", LakeFiles.bytes(sparkOut));
            plainSpark.add(run.wallMillis(), run.peakRssMegabytes(), sparkDetails);
            checkRows("plain Spark", sparkRows);
            LakeFiles.delete(sparkOut);
            progress("ingest %d/%d: plain Spark %s, %,d rows written, peak RSS %s", k, runs, BenchTable.seconds(run.wallMillis()), sparkRows,
                    BenchTable.megabytes(run.peakRssMegabytes()));

            Path duckdbOut = work.resolve("duckdb-copy-" + k + ".parquet");
            deleteFile(duckdbOut);
            progress("ingest %d/%d: DuckDB COPY of the service logs …", k, runs);
            run = children.run("ingest-duckdb-" + k, DuckDbCopy.class.getName(), List.of(utf8.resolve("*.csv").toString(), duckdbOut.toString())).requireSuccess();
            long duckdbRows = parquetRows(duckdbOut);
            Map<String, Object> duckdbDetails = runDetails(run);
            duckdbDetails.putAll(childTimings(run));
            duckdbDetails.put("rows_written", duckdbRows);
            duckdbDetails.put("parquet_bytes", size(duckdbOut));
            duckdb.add(run.wallMillis(), run.peakRssMegabytes(), duckdbDetails);
            checkRows("DuckDB", duckdbRows);
            deleteFile(duckdbOut);
            progress("ingest %d/%d: DuckDB %s, %,d rows written, peak RSS %s", k, runs, BenchTable.seconds(run.wallMillis()), duckdbRows,
                    BenchTable.megabytes(run.peakRssMegabytes()));
        }
        // the last run's lake is the one the other sections read
        Path lake = work.resolve("lake");
        LakeFiles.delete(lake);
        move(keptLake, lake);
        writeLakeMarker(lake);

        xingcunIngest.rows(totalRead, "rows read by xingcun ingest over all families (its run report)");
        xingcunServiceLogs.rows(serviceLogsRead, "service_logs rows read (the whole run's wall: it also ingests the other families)");
        xingcunFamily.rows(serviceLogsRead, "service_logs rows; time from xingcun's own progress line, which runs beside up to two other families");
        plainSpark.rows(inbox.serviceLogRows(), "service_logs rows (the same files xingcun reads)");
        duckdb.rows(inbox.serviceLogRows(), "service_logs rows (the same files, converted to UTF-8 beforehand)");
        // a ratio per round, then their median: the machine's speed drifts by more than the differences measured (README,
        // "Where a province ingest's time goes"), and the contenders of one round ran minutes apart, so a drift moves both
        List<String> roundNotes = new ArrayList<>();
        for (Map.Entry<String, Measurement> named : List.of(Map.entry("plain Spark", plainSpark), Map.entry("DuckDB", duckdb))) {
            Measurement contender = named.getValue();
            contender.roundRatios.addAll(roundRatios(xingcunIngest.wallMillis, totalRead, contender.wallMillis, contender.rows));
            contender.ratio = Measurement.median(contender.roundRatios);
            contender.ratioOfMedians = xingcunIngest.medianWall() / totalRead / (contender.medianWall() / contender.rows);
            contender.ratioText = "xingcun time/row ÷ this";
            roundNotes.add(String.format(Locale.ROOT, "ingest: the ratio to %s in each round: %s (median %.2f; of the median walls %.2f)", named.getKey(),
                    contender.roundRatios.stream().map(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).collect(Collectors.joining(", ")),
                    contender.ratio, contender.ratioOfMedians));
        }
        measurements.add(xingcunIngest);
        measurements.add(xingcunServiceLogs);
        if (!xingcunFamily.wallMillis.isEmpty()) {
            measurements.add(xingcunFamily);
        }
        measurements.add(plainSpark);
        measurements.add(duckdb);
        notes.add(String.format(Locale.ROOT, "ingest: xingcun reads all %d families (%,d rows: validation, de-duplication, quarantine, lineage, snapshot commit); "
                        + "plain Spark and DuckDB copy only the %,d service-log rows with no validation. Compare rows/s; the ratio is xingcun's wall per row "
                        + "(over all its rows) divided by the contender's, in each round (xingcun, plain Spark, DuckDB one after another), and the median of "
                        + "the rounds; the JSON also has the ratio of the median walls.", inbox.manifest().path("families").size(), totalRead, inbox.serviceLogRows()));
        notes.addAll(roundNotes);
        notes.add("ingest: every wall time is a whole child JVM (start, Spark or DuckDB start, work, exit); every child runs with the JVM arguments the "
                + "launcher gave the bench: " + ChildJvm.describeHeapAndCollector() + ".");
        ChildJvm.describeSparkJvm().ifPresent(sparkJvm -> notes.add("ingest: " + sparkJvm));
        if (charsets.stream().anyMatch(name -> !name.equals("UTF-8"))) {
            notes.add("ingest: the service logs are " + String.join("+", charsets) + "; plain Spark reads them with option encoding (Spark 4 needs spark.sql.legacy.javaCharsets=true for any charset beyond UTF-8/16/32 and Latin-1), DuckDB's read_csv cannot "
                    + "(this DuckDB " + "build has no GBK: its encodings extension is not bundled and nothing is downloaded), so DuckDB reads UTF-8 copies made once "
                    + "beforehand, not timed (" + BenchTable.seconds(conversionMillis) + ").");
        }
    }

    /** xingcun's wall per row ÷ the contender's, round by round: the k-th run of each was the k-th of its round. */
    static List<Double> roundRatios(List<Double> xingcunWalls, long xingcunRows, List<Double> contenderWalls, long contenderRows)
    {
        if (xingcunWalls.size() != contenderWalls.size()) {
            throw new IllegalArgumentException("rounds differ: " + xingcunWalls.size() + " runs of xingcun, " + contenderWalls.size() + " of the contender");
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < xingcunWalls.size(); round++) {
            ratios.add(xingcunWalls.get(round) / xingcunRows / (contenderWalls.get(round) / contenderRows));
        }
        return ratios;
    }

    private void checkRows(String who, long rows)
    {
        if (rows != inbox.serviceLogRows()) {
            notes.add(String.format(Locale.ROOT, "ingest: %s wrote %,d rows, the manifest says the service logs have %,d", who, rows, inbox.serviceLogRows()));
        }
    }

    // ---------------------------------------------------------------- lake for the other sections

    private void requireLake(Path lake)
    {
        Map<String, Object> marker = lakeMarker();
        JsonNode found = null;
        try {
            if (Files.isRegularFile(work.resolve("lake.json"))) {
                found = ChildResult.JSON.readTree(work.resolve("lake.json").toFile());
            }
        }
        catch (IOException e) {
            found = null;
        }
        boolean usable = found != null && sameJson(marker, found) && Files.isDirectory(lake.resolve("_snapshots"));
        if (usable) {
            return;
        }
        progress("lake: none for this inbox in %s; ingesting once (not measured) …", lake);
        LakeFiles.delete(lake);
        ChildJvm.Run run = children.run("setup-ingest", MAIN, List.of("ingest", "--inbox", inbox.folder().toString(), "--lake", lake.toString())).requireSuccess();
        writeLakeMarker(lake);
        extra.put("setup_ingest_wall_ms", Measurement.round(run.wallMillis()));
    }

    private static boolean sameJson(Map<String, Object> marker, JsonNode found)
    {
        try {
            return ChildResult.JSON.readTree(ChildResult.JSON.writeValueAsString(marker)).equals(found);
        }
        catch (IOException e) {
            return false;
        }
    }

    private Map<String, Object> lakeMarker()
    {
        return Map.of("profile", profile, "seed", seed, "talents", inbox.manifest().path("talents").asInt(), "rows", inbox.rows());
    }

    private void writeLakeMarker(Path lake)
    {
        try {
            ChildResult.JSON.writeValue(work.resolve("lake.json").toFile(), lakeMarker());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + work.resolve("lake.json"), e);
        }
    }

    // ---------------------------------------------------------------- queries

    private void queries(Path lake)
    {
        String period = inbox.year();
        int iterations = warmIterations;
        Measurement command = new Measurement("queries.xingcun_metrics_command", "queries",
                "queries: xingcun metrics --period " + period + " (a fresh JVM each run)");
        for (int k = 1; k <= runs; k++) {
            progress("queries %d/%d: xingcun metrics --lake %s --period %s …", k, runs, lake, period);
            ChildJvm.Run run = children.run("metrics-command-" + k, MAIN, List.of("metrics", "--lake", lake.toString(), "--period", period)).requireSuccess();
            command.add(run.wallMillis(), run.peakRssMegabytes(), runDetails(run));
            progress("queries %d/%d: xingcun metrics %s", k, runs, BenchTable.seconds(run.wallMillis()));
        }

        progress("queries: the headline metrics %d times in one JVM (MetricEngine on an open Warehouse) …", iterations);
        ChildJvm.Run warmRun = children.run("metrics-warm", WarmMetrics.class.getName(), List.of(lake.toString(), period, Integer.toString(iterations))).requireSuccess();
        JsonNode warm = ChildResult.parse(warmRun);
        List<Double> warmRuns = doubles(warm.path("run_ms"));
        Measurement open = new Measurement("queries.xingcun_warehouse_open", "queries", "queries: xingcun warehouse open (DuckDB views over the snapshot)")
                .add(warm.path("open_ms").asDouble(), warmRun.peakRssMegabytes(), Map.of());
        Measurement first = new Measurement("queries.xingcun_first", "queries", "queries: xingcun headline metrics, first computation in the JVM")
                .add(warmRuns.get(0), warmRun.peakRssMegabytes(), Map.of());
        Measurement warmMeasurement = new Measurement("queries.xingcun_warm", "queries",
                "queries: xingcun headline metrics, warm (median of runs 2.." + iterations + ", one JVM)");
        warmRuns.subList(1, warmRuns.size()).forEach(millis -> warmMeasurement.add(millis, warmRun.peakRssMegabytes(), Map.of()));
        int metrics = warm.path("metrics").asInt();
        progress("queries: xingcun open %s, first %s, warm median %s (%d metrics and their previous period)", BenchTable.seconds(open.medianWall()),
                BenchTable.seconds(first.medianWall()), BenchTable.seconds(warmMeasurement.medianWall()), metrics);

        Measurement sparkCold = new Measurement("queries.spark_sql_cold", "queries", "queries: Spark SQL, session start + views + first run (per JVM)");
        Measurement sparkFirst = new Measurement("queries.spark_sql_first", "queries", "queries: Spark SQL, views + first run after session start");
        Measurement sparkWarm = new Measurement("queries.spark_sql_warm", "queries", "queries: Spark SQL, warm (median of runs 2.." + iterations + " of every JVM)");
        Measurement sparkProcess = new Measurement("queries.spark_sql_process", "queries",
                "queries: Spark SQL child JVM, whole process (" + iterations + " runs)");
        JsonNode sparkValues = null;
        for (int k = 1; k <= runs; k++) {
            progress("queries %d/%d: the same metrics in Spark SQL (%d runs in one session) …", k, runs, iterations);
            ChildJvm.Run run = children.run("metrics-spark-sql-" + k, SparkSqlMetrics.class.getName(), List.of(lake.toString(), period, Integer.toString(iterations)))
                    .requireSuccess();
            JsonNode result = ChildResult.parse(run);
            List<Double> sparkRuns = doubles(result.path("run_ms"));
            double session = result.path("session_ms").asDouble();
            double views = result.path("views_ms").asDouble();
            sparkCold.add(session + views + sparkRuns.get(0), run.peakRssMegabytes(), Map.of("session_ms", session, "views_ms", views, "first_run_ms", sparkRuns.get(0)));
            sparkFirst.add(views + sparkRuns.get(0), run.peakRssMegabytes(), Map.of());
            for (double millis : sparkRuns.subList(1, sparkRuns.size())) {
                sparkWarm.add(millis, run.peakRssMegabytes(), Map.of("jvm", k));
            }
            Map<String, Object> details = runDetails(run);
            details.put("run_ms", sparkRuns);
            sparkProcess.add(run.wallMillis(), run.peakRssMegabytes(), details);
            sparkValues = result.path("values");
            progress("queries %d/%d: Spark SQL session %s, first %s, process %s", k, runs, BenchTable.seconds(session), BenchTable.seconds(views + sparkRuns.get(0)),
                    BenchTable.seconds(run.wallMillis()));
        }
        sparkCold.ratio = sparkCold.medianWall() / command.medianWall();
        sparkCold.ratioText = "this ÷ xingcun metrics command";
        sparkFirst.ratio = sparkFirst.medianWall() / (open.medianWall() + first.medianWall());
        sparkFirst.ratioText = "this ÷ xingcun open + first";
        sparkWarm.ratio = sparkWarm.medianWall() / warmMeasurement.medianWall();
        sparkWarm.ratioText = "this ÷ xingcun warm";
        measurements.addAll(List.of(command, open, first, warmMeasurement, sparkCold, sparkFirst, sparkWarm, sparkProcess));
        extra.put("query_values", compareValues(warm.path("values"), sparkValues));
        notes.add(String.format(Locale.ROOT, "queries: the headline set is %d metrics, each for %s and the year before (xingcun: %d queries through MetricEngine; "
                        + "Spark SQL: %d hand-written queries, one per table with conditional aggregates, over the snapshot's Parquet files, shuffle partitions 4, no caching).",
                metrics, period, 2 * metrics, 2 * SparkSqlMetrics.QUERIES));
        notes.add("queries: cold = the first computation in a fresh JVM; the OS page cache already holds the lake (it was just written), so no run reads from disk. "
                + "The xingcun metrics command's wall includes JVM start; Spark SQL's cold row starts at session start (its JVM start, ≈0.5 s, is not in it).");
    }

    private Map<String, Object> compareValues(JsonNode xingcun, JsonNode spark)
    {
        Map<String, Object> comparison = new LinkedHashMap<>();
        List<String> differ = new ArrayList<>();
        Set<String> ids = new java.util.LinkedHashSet<>();
        xingcun.fieldNames().forEachRemaining(ids::add);
        if (spark != null) {
            spark.fieldNames().forEachRemaining(ids::add);
        }
        for (String id : ids) {
            Map<String, Object> entry = new LinkedHashMap<>();
            JsonNode ours = xingcun.path(id);
            JsonNode theirs = spark == null ? null : spark.path(id);
            entry.put("xingcun", Arrays.asList(number(ours.path("value")), number(ours.path("previous_value"))));
            entry.put("spark_sql", theirs == null ? null : Arrays.asList(number(theirs.path("value")), number(theirs.path("previous_value"))));
            boolean same = theirs != null && close(ours.path("value"), theirs.path("value")) && close(ours.path("previous_value"), theirs.path("previous_value"));
            entry.put("agree", same);
            if (!same) {
                differ.add(id);
            }
            comparison.put(id, entry);
        }
        if (differ.isEmpty()) {
            notes.add("queries: Spark SQL's " + ids.size() + " values (and their previous year) equal xingcun's.");
        }
        else {
            notes.add("queries: Spark SQL and xingcun disagree on " + String.join(", ", differ) + " (see query_values in the JSON).");
        }
        return comparison;
    }

    private static Object number(JsonNode node)
    {
        return node.isMissingNode() || node.isNull() ? null : node.asDouble();
    }

    private static boolean close(JsonNode ours, JsonNode theirs)
    {
        boolean oursMissing = ours.isMissingNode() || ours.isNull();
        boolean theirsMissing = theirs.isMissingNode() || theirs.isNull();
        if (oursMissing || theirsMissing) {
            return oursMissing == theirsMissing;
        }
        double a = ours.asDouble();
        double b = theirs.asDouble();
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    // ---------------------------------------------------------------- report

    private void report(Path lake)
    {
        String period = inbox.year();
        Measurement wall = new Measurement("report.wall", "report", "report: annual " + period + ", whole command (a fresh JVM each run)");
        // the command starts the chart engine and draws charts beside its queries: start-up, queries and "after the
        // queries" add up to the wall; the engine start and the drawing overlap them and are shown for what they cost
        Measurement startup = new Measurement("report.startup", "report", "report: start-up and exit (wall − the command's own time)");
        Measurement queries = new Measurement("report.queries", "report", "report: warehouse and queries (engine starting beside them)");
        Measurement afterQueries = new Measurement("report.after_queries", "report", "report: after the queries (charts still to draw, files)");
        Measurement engine = new Measurement("report.engine_start", "report", "report: chart engine start (GraalJS + ECharts), overlaps");
        Measurement charts = new Measurement("report.charts", "report", "report: charts (SVG in GraalJS, PNG by Batik), overlaps");
        int chartCount = 0;
        for (int k = 1; k <= runs; k++) {
            Path out = work.resolve("report-" + k);
            LakeFiles.delete(out);
            progress("report %d/%d: xingcun report --kind annual --period %s …", k, runs, period);
            ChildJvm.Run run = children.run("report-" + k, MAIN, List.of("report", "--lake", lake.toString(), "--kind", "annual", "--period", period,
                    "--out", out.toString())).requireSuccess();
            Matcher time = REPORT_TIME.matcher(run.stdout());
            if (!time.find()) {
                throw BenchErrors.failed("xingcun report printed no Time: line; see " + run.stdoutFile());
            }
            double printedWall = Double.parseDouble(time.group(1)) * 1000;
            double queryMillis = Double.parseDouble(time.group(2)) * 1000;
            double engineMillis = Double.parseDouble(time.group(3)) * 1000;
            double chartMillis = Double.parseDouble(time.group(4)) * 1000;
            double afterQueryMillis = Double.parseDouble(time.group(5)) * 1000;
            Map<String, Object> details = runDetails(run);
            details.put("printed_time_s", printedWall / 1000);
            JsonNode manifest = readJson(out.resolve("report.json"));
            long svg = 0;
            long png = 0;
            List<Map<String, Object>> perChart = new ArrayList<>();
            for (JsonNode chart : manifest.path("charts")) {
                svg += chart.path("svg_ms").asLong();
                png += chart.path("png_ms").asLong();
                perChart.add(Map.of("id", chart.path("id").asText(), "svg_ms", chart.path("svg_ms").asLong(), "png_ms", chart.path("png_ms").asLong()));
            }
            chartCount = perChart.size();
            details.put("charts", perChart);
            details.put("svg_ms_sum", svg);
            details.put("png_ms_sum", png);
            wall.add(run.wallMillis(), run.peakRssMegabytes(), details);
            startup.add(run.wallMillis() - printedWall, null, Map.of());
            queries.add(queryMillis, null, Map.of());
            afterQueries.add(afterQueryMillis, null, Map.of());
            engine.add(engineMillis, null, Map.of());
            charts.add(chartMillis, null, Map.of("svg_ms_sum", svg, "png_ms_sum", png));
            progress("report %d/%d: %s (queries %s, engine %s, %d charts %s)", k, runs, BenchTable.seconds(run.wallMillis()), BenchTable.seconds(queryMillis),
                    BenchTable.seconds(engineMillis), perChart.size(), BenchTable.seconds(chartMillis));
            if (k < runs) {
                LakeFiles.delete(out);
            }
        }
        for (Measurement part : List.of(startup, queries, afterQueries, engine, charts)) {
            part.ratio = part.medianWall() / wall.medianWall();
            part.ratioText = "share of the wall";
        }
        charts.note(chartCount + " charts");
        measurements.addAll(List.of(wall, startup, queries, afterQueries, engine, charts));
        notes.add("report: the split comes from the command's own Time: line (0.1 s resolution) and report.json's svg_ms/png_ms per chart (in the JSON). "
                + "Start-up (JVM start, class loading, exit: the wall less the command's own time), the queries and what follows them add up to the wall; "
                + "the chart engine starts and draws beside the queries (the engine starts on one thread, then each core draws SVGs in a GraalJS context of its own and PNGs in Batik), so its two rows overlap the others.");
    }

    // ---------------------------------------------------------------- batch

    private void batch(Path lake)
    {
        java.time.LocalDate day = inbox.periodEnd();
        Measurement batch = new Measurement("batch.ingest", "batch", String.format(Locale.ROOT, "batch: xingcun ingest of %,d service logs into the lake", BATCH_ROWS));
        List<Map<String, Object>> differences = new ArrayList<>();
        for (int k = 1; k <= runs; k++) {
            Path copy = work.resolve("batch-lake-" + k);
            Path batchInbox = work.resolve("batch-" + k);
            LakeFiles.delete(copy);
            LakeFiles.copy(lake, copy);
            Path file = inbox.writeBatch(batchInbox, day, BATCH_ROWS);
            Map<String, LakeFiles.FileState> before = LakeFiles.list(copy);
            LakeSnapshot snapshotBefore = LakeSnapshot.latest(copy);
            progress("batch %d/%d: xingcun ingest --inbox %s (%,d rows dated %s) --lake %s …", k, runs, batchInbox, BATCH_ROWS, day, copy);
            ChildJvm.Run run = children.run("batch-ingest-" + k, MAIN, List.of("ingest", "--inbox", batchInbox.toString(), "--lake", copy.toString())).requireSuccess();
            LakeFiles.Difference difference = LakeFiles.difference(before, LakeFiles.list(copy));
            LakeSnapshot snapshotAfter = LakeSnapshot.latest(copy);
            JsonNode report = runReport(copy);
            Map<String, Object> details = runDetails(run);
            details.put("batch_file", file.toString());
            details.put("read", sum(report, "read"));
            details.put("accepted", sum(report, "accepted"));
            details.put("updated", sum(report, "updated"));
            details.put("duplicates", sum(report, "duplicates"));
            details.put("rejected", sum(report, "rejected"));
            details.put("lake_files", difference.summary(20));
            LakeFiles.Difference data = difference.only(path -> path.endsWith(".parquet") && !path.startsWith("_"));
            details.put("lake_data_files", data.summary(20));
            details.put("snapshot_data_files", snapshotDifference(snapshotBefore, snapshotAfter));
            batch.add(run.wallMillis(), run.peakRssMegabytes(), details);
            differences.add(details);
            progress("batch %d/%d: %s; lake files: %d new, %d changed, %d removed, %d untouched (data files: %d new, %d changed, %d removed, %d untouched)", k, runs,
                    BenchTable.seconds(run.wallMillis()), difference.added().size(), difference.changed().size(), difference.removed().size(),
                    difference.untouched().size(), data.added().size(), data.changed().size(), data.removed().size(), data.untouched().size());
            LakeFiles.delete(copy);
        }
        batch.rows(BATCH_ROWS, "rows in the batch file");
        if (xingcunIngest != null) {
            batch.ratio = batch.medianWall() / xingcunIngest.medianWall();
            batch.ratioText = "this ÷ full ingest";
        }
        Map<String, Object> last = differences.get(differences.size() - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>) last.get("lake_data_files");
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) last.get("snapshot_data_files");
        batch.note(String.format(Locale.ROOT, "data files: %s new, %s changed, %s removed, %s untouched; snapshot: %s kept, %s added, %s dropped",
                files.get("new"), files.get("changed"), files.get("removed"), files.get("untouched"), snapshot.get("kept"), snapshot.get("added"), snapshot.get("dropped")));
        measurements.add(batch);
        notes.add(String.format(Locale.ROOT, "batch: each run copies the lake (mtimes kept), writes %,d valid service-log rows of the largest service-log file with new "
                        + "log ids (SL-BATCH-…) dated %s (the generated year's last day, so they land in the existing year partition) into batch-K/service_logs/, "
                        + "ingests them and compares every file (path, size, mtime) before and after: last run's data files %s new, %s changed, %s removed, %s untouched; "
                        + "its snapshot kept %s data files, added %s, dropped %s.", BATCH_ROWS, day, files.get("new"), files.get("changed"), files.get("removed"),
                files.get("untouched"), snapshot.get("kept"), snapshot.get("added"), snapshot.get("dropped")));
    }

    private static Map<String, Object> snapshotDifference(LakeSnapshot before, LakeSnapshot after)
    {
        Set<String> old = new HashSet<>();
        Set<String> now = new HashSet<>();
        before.tables().forEach((table, files) -> {
            if (!table.startsWith("_")) {
                files.forEach(file -> old.add(file.toString()));
            }
        });
        after.tables().forEach((table, files) -> {
            if (!table.startsWith("_")) {
                files.forEach(file -> now.add(file.toString()));
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kept", old.stream().filter(now::contains).count());
        summary.put("added", now.stream().filter(file -> !old.contains(file)).count());
        summary.put("dropped", old.stream().filter(file -> !now.contains(file)).count());
        summary.put("dropped_files", old.stream().filter(file -> !now.contains(file)).sorted().limit(20).toList());
        return summary;
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> runDetails(ChildJvm.Run run)
    {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exit_code", run.exitCode());
        details.put("memory_samples", run.memorySamples());
        loads.add(run.loadBefore()[0]);
        loads.add(run.loadAfter()[0]);
        details.put("load_before", loadList(run.loadBefore()));
        details.put("load_after", loadList(run.loadAfter()));
        details.put("stdout", run.stdoutFile().toString());
        details.put("stderr", run.stderrFile().toString());
        return details;
    }

    private static Map<String, Object> childTimings(ChildJvm.Run run)
    {
        Map<String, Object> timings = new LinkedHashMap<>();
        ChildResult.parse(run).fields().forEachRemaining(field -> timings.put("child_" + field.getKey(),
                field.getValue().isNumber() ? Measurement.round(field.getValue().asDouble()) : field.getValue().toString()));
        return timings;
    }

    private static List<Double> loadList(double[] load)
    {
        return Arrays.stream(load).boxed().toList();
    }

    private static List<Double> doubles(JsonNode array)
    {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        if (values.isEmpty()) {
            throw BenchErrors.failed("a child reported no timed runs");
        }
        return values;
    }

    private static long sum(JsonNode report, String count)
    {
        long total = 0;
        for (JsonNode family : report.path("families")) {
            total += family.path("counts").path(count).asLong();
        }
        return total;
    }

    /** The run report of the lake's newest run. */
    private static JsonNode runReport(Path lake)
    {
        try (Stream<Path> files = Files.list(lake.resolve("_runs"))) {
            Path newest = files.filter(file -> file.getFileName().toString().endsWith(".json")).max(Path::compareTo)
                    .orElseThrow(() -> BenchErrors.failed("no run report in " + lake.resolve("_runs")));
            return readJson(newest);
        }
        catch (IOException e) {
            throw BenchErrors.failed("cannot read the run reports of " + lake + ": " + e.getMessage());
        }
    }

    private static JsonNode readJson(Path file)
    {
        try {
            return ChildResult.JSON.readTree(file.toFile());
        }
        catch (IOException e) {
            throw BenchErrors.failed("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Rows of Parquet files (a path or a glob), from their footers, with DuckDB in this JVM after the child has exited. */
    private static long parquetRows(Path parquet)
    {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from read_parquet('" + parquet.toString().replace("'", "''") + "')")) {
            result.next();
            return result.getLong(1);
        }
        catch (SQLException e) {
            throw BenchErrors.failed("cannot count the rows of " + parquet + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void write(Path json, Map<String, Object> result)
    {
        try {
            if (json.getParent() != null) {
                Files.createDirectories(json.getParent());
            }
            Files.writeString(json, ChildResult.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw BenchErrors.failed("cannot write " + json + ": " + e.getMessage());
        }
    }

    private static void move(Path from, Path to)
    {
        try {
            Files.move(from, to);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    private static void deleteFile(Path file)
    {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void progress(String format, Object... arguments)
    {
        err.println("bench: " + String.format(Locale.ROOT, format, arguments));
        err.flush();
    }
}
