package xingcun.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The cluster of scripts/spark-standalone.sh, in a state folder of the test: a master and workers on 127.0.0.1 on
 * free ports. {@link #close()} stops it, and so does a shutdown hook if the test JVM ends before close is reached.
 */
final class StandaloneCluster
        implements AutoCloseable
{
    private static final Path SCRIPT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../scripts/spark-standalone.sh").normalize();
    private static final long SCRIPT_TIMEOUT_SECONDS = 240;

    private final Path state;
    private final String masterUrl;
    private final Thread stopAtExit;

    private StandaloneCluster(Path state, String masterUrl)
    {
        this.state = requireNonNull(state, "state is null");
        this.masterUrl = requireNonNull(masterUrl, "masterUrl is null");
        this.stopAtExit = new Thread(() -> script(state, "stop"), "stop-standalone-cluster");
    }

    static StandaloneCluster start(Path state, int workers)
    {
        Thread stopIfStartFails = new Thread(() -> script(state, "stop"), "stop-standalone-cluster");
        Runtime.getRuntime().addShutdownHook(stopIfStartFails);
        Result started = script(state, "start", "--workers", String.valueOf(workers));
        if (started.exit() != 0) {
            script(state, "stop");
            throw new IllegalStateException("Cannot start the standalone cluster (exit " + started.exit() + "):\n" + started.output());
        }
        StandaloneCluster cluster;
        try {
            cluster = new StandaloneCluster(state, Files.readString(state.resolve("master-url")).strip());
        }
        catch (IOException e) {
            script(state, "stop");
            throw new IllegalStateException("Cannot read the master URL the script wrote: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
        Runtime.getRuntime().removeShutdownHook(stopIfStartFails);
        return cluster;
    }

    String masterUrl()
    {
        return masterUrl;
    }

    /** The script's status: one line per process it started. */
    Result status()
    {
        return script(state, "status");
    }

    long pidOf(String role)
    {
        try {
            return Long.parseLong(Files.readString(state.resolve("pids/" + role + ".pid")).strip());
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read the pid of " + role + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close()
    {
        Result stopped = script(state, "stop");
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        }
        catch (IllegalStateException exiting) {
            // the JVM is already shutting down and runs the hook itself
        }
        if (stopped.exit() != 0) {
            throw new IllegalStateException("Cannot stop the standalone cluster (exit " + stopped.exit() + "):\n" + stopped.output());
        }
    }

    /** The script's standard output and error, merged: start prints progress on stderr and the master URL last on stdout. */
    private static Result script(Path state, String... arguments)
    {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "XINGCUN_SPARK_STATE", state.toString(),
                // free ports, so the tests never collide with a cluster someone runs on the usual ones
                "SPARK_MASTER_PORT", "0",
                "SPARK_MASTER_WEBUI_PORT", "0",
                "SPARK_WORKER_WEBUI_PORT", "0",
                // the master and workers are idle JVMs here: the quick compiler and one GC thread leave the cores to the run
                "SPARK_DAEMON_MEMORY", "512m",
                "SPARK_DAEMON_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // a background reader: start's daemons never hold the pipe, but a hung script must not hang the test
            java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
                catch (IOException e) {
                    return "(output unreadable: " + e.getMessage() + ")";
                }
            });
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + SCRIPT_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        }
        catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Result(-1, "cannot run " + String.join(" ", command) + ": " + e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + String.join(" ", command));
        }
    }

    record Result(int exit, String output) {}
}
