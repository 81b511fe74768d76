package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.notebook.CellOutcome;
import xingcun.reports.notebook.Notebook;
import xingcun.reports.notebook.NotebookFiles;
import xingcun.reports.notebook.NotebookParameter;
import xingcun.reports.notebook.NotebookReader;
import xingcun.reports.notebook.NotebookRun;
import xingcun.reports.notebook.NotebookRunner;
import xingcun.reports.notebook.ParameterValues;
import xingcun.warehouse.Warehouse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Markdown SQL notebooks (notebooks/NAME.md): prose, ```sql NAME queries and ```chart blocks, run on the warehouse into one offline HTML page.",
                "See notebooks/README.md for the format."},
        subcommands = {NotebookCommand.RunCommand.class, NotebookCommand.ListCommand.class})
final class NotebookCommand
{
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs a notebook and writes DIR/NAME.html (prose, each query with its first rows, each chart, the parameters used) and DIR/NAME/RESULT.csv.",
                    "A failing cell shows its error in place and the rest still runs; the command then names each failed cell and exits 3."})
    static final class RunCommand
            implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook file, e.g. notebooks/talent-compliance.md, or the name of a shipped one.")
        private String notebook;

        @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
        private Path lake;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A parameter's value, repeatable; the others keep their defaults.")
        private List<String> parameters = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write NAME.html and NAME/*.csv into (created if missing).")
        private Path out;

        @Override
        public Integer call()
        {
            long started = System.nanoTime();
            Notebook read = NotebookReader.read(notebookFile(notebook));
            ParameterValues values = ParameterValues.resolve(read, given(parameters));
            NotebookRun run;
            long opened;
            try (Warehouse warehouse = Warehouse.open(lake)) {
                opened = System.nanoTime();
                run = new NotebookRunner(warehouse, Clock.system(ZoneId.of("Asia/Shanghai"))).run(read, values);
            }
            long ran = System.nanoTime();
            Path page = NotebookFiles.write(run, out).toAbsolutePath().normalize();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("Notebook written: %s%n", page);
            stdout.printf("%s · %d queries, %d charts, results in %s/*.csv%s%n", read.title(), run.queries().size(), run.charts().size(), read.name(),
                    run.failures().isEmpty() ? "" : "; " + run.failures().size() + " cells failed");
            stdout.printf("Time: %.1f s — warehouse open %.1f s, cells %.1f s%n", (System.nanoTime() - started) / 1e9, (opened - started) / 1e9, (ran - opened) / 1e9);
            stdout.flush();
            PrintWriter stderr = spec.commandLine().getErr();
            for (CellOutcome failure : run.failures()) {
                stderr.println("xingcun: " + failure.label() + " failed: " + failure.error().orElseThrow());
            }
            return run.failures().isEmpty() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
        }

        private static Map<String, String> given(List<String> parameters)
        {
            Map<String, String> given = new LinkedHashMap<>();
            for (String parameter : parameters) {
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid --param " + parameter + ": write KEY=VALUE, e.g. --param community=西华");
                }
                if (given.put(parameter.substring(0, equals).strip(), parameter.substring(equals + 1)) != null) {
                    throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Invalid --param " + parameter + ": " + parameter.substring(0, equals).strip() + " is given twice");
                }
            }
            return given;
        }

        /** A path as given, or a shipped notebook by its name (talent-compliance), so it runs from any folder. */
        private static Path notebookFile(String notebook)
        {
            Path given = Path.of(notebook);
            Path shipped = shippedFolder().resolve(notebook.endsWith(".md") ? notebook : notebook + ".md");
            return Files.isRegularFile(given) || notebook.contains("/") || !Files.isRegularFile(shipped) ? given : shipped;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the shipped notebooks (notebooks/*.md) with their parameters and defaults.")
    static final class ListCommand
            implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call()
        {
            PrintWriter stdout = spec.commandLine().getOut();
            for (Path file : shipped()) {
                Notebook notebook = NotebookReader.read(file);
                stdout.printf("%s  %s%n", Installation.home().relativize(file), notebook.title());
                for (NotebookParameter parameter : notebook.parameters()) {
                    stdout.printf("    --param %s=%s  %s%n", parameter.name(), parameter.defaultValue().orElse("…（必填 required）"), parameter.description());
                }
            }
            return ExitCodes.OK;
        }

        private static List<Path> shipped()
        {
            try (Stream<Path> files = Files.list(shippedFolder())) {
                return files.filter(file -> file.getFileName().toString().endsWith(".md") && !file.getFileName().toString().equals("README.md")).sorted().toList();
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + shippedFolder(), e);
            }
        }
    }

    private static Path shippedFolder()
    {
        return Installation.home().resolve("notebooks");
    }
}
