package xingcun.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one measured child JVM with the bench's own classpath and JVM arguments (what ./xingcun passed to java), its
 * stdout and stderr in files, and samples its memory every 100 ms: the peak is the larger of the JVM's own high-water
 * mark (VmHWM, exact) and the largest sum of resident sets of it and its descendants seen at one sample.
 */
final class ChildJvm
{
    static final long SAMPLE_MILLIS = 100;
    private static final long TIMEOUT_MINUTES = 120;
    /** The launcher's JVM for Spark commands (see scripts/spark-jvm.sh), one argument a line. */
    static final String SPARK_JVM = "XINGCUN_SPARK_JVM";

    private final Path logs;

    ChildJvm(Path logs)
    {
        this.logs = logs;
    }

    /**
     * What ./xingcun runs: java with the options the launcher adds for the child's command (xingcun-command-jvm.options),
     * the JVM arguments this JVM was started with — the launcher's heap and collector settings, $JAVA_OPTS, Spark's
     * --add-opens from xingcun-jvm.options, -Dxingcun.home — and this classpath, then MAIN ARGS. Taking them from this
     * JVM rather than repeating them keeps the children what the launcher starts, whatever it passes. A child that runs
     * Spark runs on the JVM the launcher gives {@code xingcun ingest} when it names one ({@value #SPARK_JVM}).
     */
    static List<String> javaCommand(String mainClass, List<String> arguments)
    {
        return javaCommand(mainClass, arguments, System.getenv(SPARK_JVM));
    }

    /**
     * @param sparkJvm the launcher's JVM for Spark commands, one argument a line: the java binary, then its options
     *        (heap, collector, $JAVA_OPTS, the JDK's --add-opens, the start-up cache); null or empty: none named.
     *        The Spark contenders (the plain Spark copy, Spark SQL) run on it too, cache included, so they get the
     *        same JVM (the cache, made from xingcun's own ingest, still suits xingcun better).
     */
    static List<String> javaCommand(String mainClass, List<String> arguments, String sparkJvm)
    {
        List<String> spark = sparkJvmArguments(sparkJvm);
        boolean onSparkJvm = !spark.isEmpty() && runsSpark(mainClass, arguments);
        List<String> command = new ArrayList<>();
        command.add(onSparkJvm ? spark.get(0) : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the launcher's Spark JVM holds the ingest's options already (scripts/spark-jvm.sh)
        if (mainClass.equals(BenchRun.MAIN) && !arguments.isEmpty() && !onSparkJvm) {
            command.addAll(commandOptions(arguments.get(0))); // before the others: a flag in $JAVA_OPTS still wins
        }
        if (onSparkJvm) {
            command.addAll(spark.subList(1, spark.size()));
        }
        else {
            List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
            command.addAll(inherited);
            if (inherited.stream().noneMatch(argument -> argument.startsWith("--add-opens"))) {
                command.addAll(jvmOptions()); // started some other way than the launcher: Spark still needs its --add-opens
            }
            if (inherited.stream().noneMatch(argument -> argument.startsWith("-Dxingcun.home="))) {
                Optional.ofNullable(System.getProperty("xingcun.home")).ifPresent(home -> command.add("-Dxingcun.home=" + home));
            }
            if (inherited.stream().noneMatch(argument -> argument.startsWith("-Dxingcun.log.level="))) {
                command.add("-Dxingcun.log.level=" + System.getProperty("xingcun.log.level", "error"));
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** The launcher's Spark JVM as arguments (the java binary first); empty when it named none. */
    private static List<String> sparkJvmArguments(String sparkJvm)
    {
        return sparkJvm == null ? List.of() : sparkJvm.lines().filter(line -> !line.isBlank()).toList();
    }

    /** Children that start Spark: an ingest, the plain Spark copy, the Spark SQL metrics. */
    static boolean runsSpark(String mainClass, List<String> arguments)
    {
        return mainClass.equals(BenchRun.MAIN) ? !arguments.isEmpty() && arguments.get(0).equals("ingest")
                : mainClass.equals(PlainSparkCopy.class.getName()) || mainClass.equals(SparkSqlMetrics.class.getName());
    }

    /** The children's heap and collector in words, for the notes: what the launcher chose, or the JVM's defaults. */
    static String describeHeapAndCollector()
    {
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String heap = inherited.stream().filter(argument -> argument.startsWith("-Xmx")).reduce((first, second) -> second)
                .orElse(String.format(java.util.Locale.ROOT, "no -Xmx (the JVM's default heap, a quarter of RAM: %.1f GB)",
                        Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024)));
        String collector = inherited.stream().filter(argument -> argument.matches("-XX:\\+Use\\w*GC")).reduce((first, second) -> second)
                .orElse("the default collector (G1)");
        return heap + ", " + collector;
    }

    /** The JVM the Spark children run on, in words, when the launcher named one other than this. */
    static Optional<String> describeSparkJvm()
    {
        List<String> jvm = sparkJvmArguments(System.getenv(SPARK_JVM));
        if (jvm.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> cache = jvm.stream().filter(option -> option.startsWith("-XX:AOTCache=")).findFirst().map(option -> option.substring("-XX:AOTCache=".length()));
        return Optional.of("xingcun ingest, the plain Spark copy and Spark SQL run on " + jvm.get(0)
                + cache.map(file -> " with its start-up cache " + file).orElse(" without a start-up cache")
                + " (what ./xingcun ingest runs on: scripts/spark-jvm.sh)"
                + cache.map(file -> "; the contenders get the same JVM and cache, which was trained on xingcun's ingest of a generated inbox"
                        + " and the sample (scripts/spark-jvm.sh): it holds profiles of Spark's planner and Parquet writer, which the contenders use"
                        + " too, but not of Spark's CSV reader, which xingcun does not use.").orElse("."));
    }

    /** The JVM options the build wrote for the launcher (Spark's --add-opens), from the CLI's own resources. */
    static List<String> jvmOptions()
    {
        String text = resource("xingcun-jvm.options").trim();
        return text.isEmpty() || text.startsWith("${") ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    /** The options ./xingcun adds for one command, read from the file it reads: "report" → the C1 compiler only. */
    static List<String> commandOptions(String commandName)
    {
        return resource("xingcun-command-jvm.options").lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> Arrays.asList(line.trim().split("\\s+")))
                .filter(words -> words.get(0).equals(commandName))
                .flatMap(words -> words.subList(1, words.size()).stream())
                .toList();
    }

    private static String resource(String name)
    {
        try (InputStream stream = ChildJvm.class.getResourceAsStream("/" + name)) {
            return stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    /** Runs MAIN ARGS as a child JVM named name (its logs are name.out and name.err) and waits for it. */
    Run run(String name, String mainClass, List<String> arguments)
    {
        List<String> command = javaCommand(mainClass, arguments);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        double[] loadBefore = Machine.loadAverage();
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            long started = System.nanoTime();
            Process process = builder.start();
            MemorySampler sampler = new MemorySampler(process.toHandle());
            Thread thread = new Thread(sampler, "bench-memory-" + name);
            thread.setDaemon(true);
            thread.start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            long wallNanos = System.nanoTime() - started;
            sampler.stop();
            thread.join();
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw BenchErrors.failed(name + " ran longer than " + TIMEOUT_MINUTES + " minutes and was stopped; see " + err);
            }
            return new Run(name, command, process.exitValue(), wallNanos / 1_000_000.0, sampler.peakBytes(), sampler.samples(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), out, err, loadBefore, Machine.loadAverage());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + name, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BenchErrors.failed("interrupted while " + name + " ran");
        }
    }

    /** One finished child: exit code, wall time, peak memory and what it printed. */
    record Run(String name, List<String> command, int exitCode, double wallMillis, long peakRssBytes, int memorySamples, String stdout, String stderr,
               Path stdoutFile, Path stderrFile, double[] loadBefore, double[] loadAfter)
    {
        Run requireSuccess()
        {
            if (exitCode != 0) {
                String reason = stderr.lines().filter(line -> !line.isBlank()).reduce((first, second) -> second).orElse("no message");
                throw BenchErrors.failed(name + " exited " + exitCode + " (" + reason.strip() + "); see " + stderrFile);
            }
            return this;
        }

        double peakRssMegabytes()
        {
            return peakRssBytes / (1024.0 * 1024.0);
        }
    }

    /** Polls /proc/PID/status of the child and its descendants until stopped. */
    static final class MemorySampler
            implements Runnable
    {
        private final ProcessHandle root;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean stopped;
        private int samples;

        MemorySampler(ProcessHandle root)
        {
            this.root = root;
        }

        @Override
        public void run()
        {
            while (!stopped && root.isAlive()) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample()
        {
            long rootHighWater = status(root.pid(), "VmHWM:");
            long treeResident = status(root.pid(), "VmRSS:");
            Optional<Path> rootProgram = program(root.pid());
            for (ProcessHandle descendant : root.descendants().toList()) {
                // a process the JVM starts (Hadoop runs `stat` for file permissions) is, until it executes its program,
                // a clone sharing the JVM's memory (posix_spawn): its resident set is the JVM's, counted once already
                if (rootProgram.isPresent() && rootProgram.equals(program(descendant.pid()))) {
                    continue;
                }
                treeResident += status(descendant.pid(), "VmRSS:");
            }
            long seen = Math.max(rootHighWater, treeResident);
            peak.accumulateAndGet(seen, Math::max);
            samples++;
        }

        void stop()
        {
            stopped = true;
        }

        long peakBytes()
        {
            return peak.get();
        }

        int samples()
        {
            return samples;
        }

        /** The program a process runs (/proc/PID/exe), empty when it is gone or not readable. */
        static Optional<Path> program(long pid)
        {
            try {
                return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")));
            }
            catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** A kB field of /proc/PID/status in bytes, 0 when the process is gone. */
        static long status(long pid, String field)
        {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith(field)) {
                        String[] parts = line.substring(field.length()).trim().split("\\s+");
                        return Long.parseLong(parts[0]) * 1024;
                    }
                }
            }
            catch (IOException | RuntimeException e) {
                // the process ended between listing and reading
            }
            return 0;
        }
    }
}
