package xingcun.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures xingcun against what a user would do instead, on one machine in one go, each contender in its own JVM:",
                "ingest (xingcun ingest of the whole inbox vs a plain Spark CSV-to-Parquet job and DuckDB's COPY of the service logs),",
                "queries (the headline metrics through xingcun metrics and in one JVM vs the same aggregation in Spark SQL, cold and warm),",
                "report (the annual report: start-up, queries, charts) and batch (a daily batch of 10,000 service logs into the lake).",
                "Prints a table (median wall, rows/s, peak RSS, ratio) and writes every run to a JSON file; progress goes to stderr.",
                "See bench/README.md."})
public final class BenchCommand
        implements Callable<Integer>
{
    public enum Profile { county, province }

    public enum Section { ingest, queries, report, batch }

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "Generated inbox to measure on: ${COMPLETION-CANDIDATES}.")
    private Profile profile;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "N", description = "Seed of the generated inbox (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--talents", paramLabel = "N", description = "Experts of the generated inbox (1-100,000; default: the profile's), as xingcun generate --talents.")
    private Integer talents;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Runs of each measurement; medians are reported (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--warm-runs", paramLabel = "N",
            description = "Computations of the metrics in one JVM (xingcun and Spark SQL); warm is the median of the 2nd to the Nth (default: the larger of --runs and 5).")
    private Integer warmRuns;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Working folder: inbox/ (reused when its manifest matches), lake/, logs/ of every child (default: bench/work in the installation).")
    private Path work;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Where to write the JSON (default: DIR/bench-PROFILE.json).")
    private Path out;

    @Option(names = "--only", split = ",", paramLabel = "SECTION", description = "Only these sections: ${COMPLETION-CANDIDATES} (default: all).")
    private List<Section> only = new ArrayList<>();

    @Override
    public Integer call()
    {
        if (runs < 1) {
            throw BenchErrors.badArgument(spec, "Invalid --runs " + runs + ": give 1 or more runs of each measurement");
        }
        if (warmRuns != null && warmRuns < 2) {
            throw BenchErrors.badArgument(spec, "Invalid --warm-runs " + warmRuns + ": give 2 or more (the first computation is the cold one)");
        }
        if (talents != null && (talents < 1 || talents > 100_000)) {
            throw BenchErrors.badArgument(spec, "Invalid --talents " + talents + ": give 1 to 100,000 experts");
        }
        if (work == null) {
            String home = System.getProperty("xingcun.home");
            work = home == null ? Path.of("xingcun-bench") : Path.of(home, "bench", "work");
        }
        if (Files.exists(work) && !Files.isDirectory(work)) {
            throw BenchErrors.badArgument(spec, "Invalid --work " + work + ": it is a file; give a folder");
        }
        Path json = out == null ? work.resolve("bench-" + profile + ".json") : out;
        if (Files.isDirectory(json)) {
            throw BenchErrors.badArgument(spec, "Invalid --out " + json + ": it is a folder; give a file such as bench/results/" + profile + ".json");
        }
        Set<Section> sections = only.isEmpty() ? EnumSet.allOf(Section.class) : EnumSet.copyOf(only);
        new BenchRun(spec.commandLine().getErr(), profile.name(), seed, talents, runs, warmRuns == null ? Math.max(runs, 5) : warmRuns, work.toAbsolutePath().normalize(), sections)
                .run(json.toAbsolutePath().normalize(), spec.commandLine().getOut());
        return 0;
    }
}
