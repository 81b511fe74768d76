package xingcun.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM (what systemd, docker stop and kill send; Ctrl-C runs the same shutdown) to a real `xingcun schedule`
 * process: it stops waiting at once, and a running attempt gets stop_timeout before it is recorded as interrupted.
 */
class ScheduleSignalTest
{
    private static final Path SAMPLE = Path.of("..", "samples", "xishan-2021").toAbsolutePath().normalize();
    /** What a JVM killed by SIGTERM exits with: 128 + 15. */
    private static final int KILLED_BY_SIGTERM = 143;

    @TempDir
    Path folder;

    @Test
    void sigtermWhileWaitingStopsAtOnce()
            throws Exception
    {
        sigtermOnce("waiting; next: yearly at ", """
                jobs:
                  yearly:
                    run: ingest
                    cron: "0 6 2 1 *"
                    inbox: %s
                    lake: lake
                """);
        assertThat(folder.resolve("schedule-runs.jsonl")).isEmptyFile();
        assertThat(folder.resolve("schedule-runs.state.json")).content().contains("\"yearly\"");
    }

    @Test
    void sigtermDuringARunGivesItStopTimeoutThenRecordsItInterrupted()
            throws Exception
    {
        ConsoleLines console = sigtermOnce("xingcun: schedule: ingest started", """
                stop_timeout: 1s
                jobs:
                  ingest:
                    run: ingest
                    cron: "* * * * * *"
                    inbox: %s
                    lake: lake
                """);
        assertThat(console.text()).contains("xingcun: schedule: stopping: waiting up to 1.0 s for ingest to finish", "xingcun: schedule: ingest interrupted");
        List<JsonNode> log = RunLogLines.read(folder.resolve("schedule-runs.jsonl"));
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asText()).isEqualTo("interrupted");
        // either the wait ran out, or Spark's own shutdown hook ended the run first and its error line is kept
        assertThat(log.get(0).get("reason").asText()).startsWith("the scheduler was stopped");
        // the interrupted fire is not marked done: the next start catches it up
        assertThat(ScheduleState.load(folder.resolve("schedule-runs.state.json"), ScheduleConfigReader.DEFAULT_ZONE).lastHandled("ingest").orElseThrow())
                .isBefore(OffsetDateTime.parse(log.get(0).get("scheduled_for").asText()).toInstant());
    }

    /** Starts a scheduler on the schedule (%s: the sample inbox), sends SIGTERM once it said the line, and checks it stopped. */
    private ConsoleLines sigtermOnce(String line, String schedule)
            throws Exception
    {
        ConsoleLines console = new ConsoleLines();
        Process scheduler = start(Files.writeString(folder.resolve("schedules.yml"), schedule.formatted(SAMPLE)), console);
        console.await(line, Duration.ofSeconds(60));
        // Process.destroy() sends SIGTERM too, but closes our end of the pipes: the lines said while stopping would be lost
        assertThat(scheduler.toHandle().destroy()).isTrue();
        assertThat(scheduler.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.exitValue()).isEqualTo(KILLED_BY_SIGTERM);
        console.await("xingcun: schedule: stopped", Duration.ofSeconds(10));
        return console;
    }

    /** xingcun schedule in its own JVM, with this JVM's flags (Spark's --add-opens) and classpath; its stderr goes to the console lines. */
    private static Process start(Path schedule, ConsoleLines console)
            throws IOException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "xingcun.cli.Main", "schedule", "--config", schedule.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> copy(process, console.writer()), "scheduler-stderr");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void copy(Process process, PrintWriter console)
    {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            err.lines().forEach(console::println);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
