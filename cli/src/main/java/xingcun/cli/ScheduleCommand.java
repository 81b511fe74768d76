package xingcun.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.cli.schedule.CommandRunner;
import xingcun.cli.schedule.JobDefinition;
import xingcun.cli.schedule.RunLog;
import xingcun.cli.schedule.RunRecord;
import xingcun.cli.schedule.ScheduleConfig;
import xingcun.cli.schedule.ScheduleConfigReader;
import xingcun.cli.schedule.ScheduleException;
import xingcun.cli.schedule.ScheduleState;
import xingcun.cli.schedule.Scheduler;
import xingcun.cli.schedule.SchedulerLock;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Runs the jobs of a schedule file (YAML) when their cron fires: ingests, reports and metrics exports, one at a time,",
                "with periods relative to the run (last-month, last-quarter, last-year), catch-up of runs missed while stopped, and retries.",
                "Every attempt is a line of the run log (JSON lines). Stop with Ctrl-C or SIGTERM. See schedules.yml at the repository root.",
                "Exit codes: 2 the schedule file cannot be used (one line says what to fix); with --run-now, the job's own exit code."})
public final class ScheduleCommand
        implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Schedule file (YAML); relative paths in it are relative to its folder.")
    private Path config;

    @Option(names = "--run-now", paramLabel = "JOB", description = "Run this job once now (its period relative to now), log it, and exit with its exit code.")
    private String runNow;

    /**
     * The command line jobs run in: the same as `xingcun` itself, so a job's exit codes and error lines are the
     * command's own. Public so the scheduler's tests (package xingcun.cli.schedule) run jobs exactly as this does.
     */
    public static CommandLine xingcun()
    {
        return Main.commandLine();
    }

    @Override
    public Integer call()
            throws Exception
    {
        var err = spec.commandLine().getErr();
        try {
            ScheduleConfig schedule = ScheduleConfigReader.read(config);
            // an unknown job is a bad argument, said before the run log or the lock is touched
            Optional<JobDefinition> job = Optional.ofNullable(runNow).map(schedule::job);
            RunLog runLog = new RunLog(schedule.runLog());
            ScheduleState state = ScheduleState.load(schedule.stateFile(), schedule.zone());
            Scheduler scheduler = new Scheduler(schedule, new CommandRunner(ScheduleCommand::xingcun), state, runLog, Clock.systemUTC(), err);
            if (job.isPresent()) {
                RunRecord record = whileStoppable(scheduler, schedule, () -> scheduler.runNow(job.get()));
                return record.exitCode().orElse(ExitCodes.RUN_FAILED);
            }
            try (SchedulerLock lock = SchedulerLock.acquire(schedule.lockFile())) {
                whileStoppable(scheduler, schedule, () -> {
                    scheduler.run();
                    return null;
                });
                return ExitCodes.OK;
            }
        }
        catch (ScheduleException e) {
            err.println("xingcun: " + e.getMessage());
            return switch (e.errorCode()) {
                case INVALID_CONFIG, UNKNOWN_JOB -> ExitCodes.BAD_ARGUMENTS;
                case ALREADY_RUNNING, STATE_FAILED -> ExitCodes.RUN_FAILED;
            };
        }
    }

    /** Ctrl-C and SIGTERM run the JVM's shutdown hooks: ours stops the scheduler and waits for (or records) the running attempt. */
    private static <T> T whileStoppable(Scheduler scheduler, ScheduleConfig schedule, Callable<T> work)
            throws Exception
    {
        Thread hook = new Thread(() -> scheduler.stop(schedule.stopTimeout()), "xingcun-schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.call();
        }
        finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (IllegalStateException shuttingDown) {
                // the JVM is stopping and the hook is running: it records how the run ended
            }
        }
    }
}
