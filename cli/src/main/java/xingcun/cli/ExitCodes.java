package xingcun.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.reports.ReportException;
import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;

/**
 * Exit codes of every command: 0 done, 2 bad arguments or unusable input (fix the command), 3 the run failed and
 * nothing was committed, 4 a report failed its own checks and was not published. Errors print one line, never a stack trace (set XINGCUN_DEBUG=1 to see it).
 */
public final class ExitCodes
{
    public static final int OK = 0;
    public static final int BAD_ARGUMENTS = 2;
    public static final int RUN_FAILED = 3;
    /** A report was built but failed its own checks (empty chart, missing glyph, totals that disagree): not published. */
    public static final int REPORT_NOT_PUBLISHED = 4;

    private ExitCodes() {}

    static final class ExceptionHandler
            implements IExecutionExceptionHandler
    {
        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
        {
            if (System.getenv("XINGCUN_DEBUG") != null) {
                exception.printStackTrace(commandLine.getErr());
            }
            if (exception instanceof PipelineException pipelineException) {
                commandLine.getErr().println("xingcun: " + pipelineException.getMessage());
                return pipelineException.errorCode() == PipelineErrorCode.INVALID_ARGUMENT ? BAD_ARGUMENTS : RUN_FAILED;
            }
            if (exception instanceof WarehouseException warehouseException) {
                commandLine.getErr().println("xingcun: " + warehouseException.getMessage());
                return warehouseException.errorCode() == WarehouseErrorCode.INVALID_ARGUMENT ? BAD_ARGUMENTS : RUN_FAILED;
            }
            if (exception instanceof ReportException reportException) {
                commandLine.getErr().println("xingcun: " + reportException.getMessage());
                return switch (reportException.errorCode()) {
                    case INVALID_ARGUMENT -> BAD_ARGUMENTS;
                    case CHECK_FAILED -> REPORT_NOT_PUBLISHED;
                    case RENDER_FAILED -> RUN_FAILED;
                };
            }
            String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage().lines().findFirst().orElse("");
            commandLine.getErr().println("xingcun: failed: " + message + " (set XINGCUN_DEBUG=1 for details)");
            return RUN_FAILED;
        }
    }

    static final class ParameterHandler
            implements IParameterExceptionHandler
    {
        @Override
        public int handleParseException(ParameterException exception, String[] args)
        {
            CommandLine commandLine = exception.getCommandLine();
            commandLine.getErr().println("xingcun: " + exception.getMessage() + " (see: " + commandLine.getCommandSpec().qualifiedName() + " --help)");
            return BAD_ARGUMENTS;
        }
    }
}
