package xingcun.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

/** The bench's two kinds of error, in the command line's exit codes: a bad option (2) and a measurement that failed (3). */
final class BenchErrors
{
    private BenchErrors() {}

    /** A bad option value: one line naming the option and the fix, exit 2 (see: xingcun bench --help). */
    static CommandLine.ParameterException badArgument(CommandSpec spec, String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A child that failed or an unusable result: one line, exit 3; the child's logs are named in the message. */
    static PipelineException failed(String message)
    {
        return new PipelineException(PipelineErrorCode.RUN_FAILED, "bench failed: " + message);
    }
}
