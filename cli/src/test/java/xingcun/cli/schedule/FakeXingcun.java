package xingcun.cli.schedule;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A hand-made stand-in for the xingcun command line: it records the arguments of every run and answers with the
 * exit codes it was given (0 when none is left), saying "xingcun: fake failure N" on stderr as the real commands
 * say their error line. It lets the scheduler's rules be proved in milliseconds; the real commands are run by
 * ScheduleSampleLakeTest.
 */
final class FakeXingcun
{
    private final Deque<Integer> exitCodes = new ArrayDeque<>();
    private final List<List<String>> runs = new ArrayList<>();
    private Runnable duringRun = () -> {};

    FakeXingcun exitWith(Integer... codes)
    {
        exitCodes.addAll(List.of(codes));
        return this;
    }

    /** Something that happens while a run is in progress: the clock moves on, or the run waits for the test. */
    FakeXingcun duringRun(Runnable action)
    {
        duringRun = action;
        return this;
    }

    synchronized List<List<String>> runs()
    {
        return List.copyOf(runs);
    }

    Supplier<CommandLine> commandLines()
    {
        return () -> new CommandLine(new Run());
    }

    private synchronized int next(List<String> arguments)
    {
        runs.add(List.copyOf(arguments));
        Integer code = exitCodes.poll();
        return code == null ? 0 : code;
    }

    @Command(name = "xingcun")
    private final class Run
            implements Callable<Integer>
    {
        @Unmatched
        private List<String> arguments = new ArrayList<>();

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            int exitCode = next(arguments);
            duringRun.run();
            if (exitCode != 0) {
                spec.commandLine().getErr().println("xingcun: working …");
                spec.commandLine().getErr().println("xingcun: fake failure " + exitCode);
            }
            return exitCode;
        }
    }
}
