package xingcun.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The xingcun command: main only executes the command line. */
@Command(name = "xingcun",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "兴村 xingcun: analytics and reporting for the 万名人才兴万村 program.",
        subcommands = {DemoCommand.class, IngestCommand.class, MetricsCommand.class, SqlCommand.class, ReportCommand.class, ChartCommand.class, NotebookCommand.class, WarehouseCommand.class, GenerateCommand.class, ScheduleCommand.class, xingcun.cli.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main
{
    public static void main(String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine()
    {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new ExitCodes.ExceptionHandler())
                .setParameterExceptionHandler(new ExitCodes.ParameterHandler());
    }
}
