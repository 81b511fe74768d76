package xingcun.cli.schedule;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs one xingcun command in this process, exactly as `xingcun ARGS…` would (same exit codes, same one-line
 * errors), with its output captured so the run log can say why a run failed.
 */
public final class CommandRunner
{
    private final Supplier<CommandLine> commandLines;

    /** commandLines makes a fresh xingcun command line per run: picocli keeps parsed options in the command objects. */
    public CommandRunner(Supplier<CommandLine> commandLines)
    {
        this.commandLines = requireNonNull(commandLines, "commandLines is null");
    }

    public Result run(List<String> arguments)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = commandLines.get();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err)
    {
        public Result
        {
            requireNonNull(out, "out is null");
            requireNonNull(err, "err is null");
        }

        /** The command's error line: the last thing it said on stderr, without the "xingcun: " every line starts with. */
        public Optional<String> errorLine()
        {
            List<String> lines = err.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1).replaceFirst("^xingcun: ", ""));
        }
    }
}
