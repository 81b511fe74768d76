package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.warehouse.DataTests;
import xingcun.warehouse.Warehouse;
import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;
import xingcun.warehouse.metrics.MetricCatalog;

import java.nio.file.Files;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = "The DuckDB warehouse over a lake: its models and their data tests.",
        subcommands = {WarehouseCommand.TestCommand.class, WarehouseCommand.ExportCommand.class})
final class WarehouseCommand
{
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Runs the data tests declared beside the models (not null, unique, accepted values, relationships, expressions).",
                    "Prints each failing test with sample rows; exits 1 when any test fails."})
    static final class TestCommand
            implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
        private Path lake;

        @Override
        public Integer call()
        {
            PrintWriter out = spec.commandLine().getOut();
            List<DataTests.Outcome> outcomes;
            try (Warehouse warehouse = Warehouse.open(lake)) {
                outcomes = DataTests.run(warehouse);
            }
            long failed = outcomes.stream().filter(outcome -> outcome.failures() > 0).count();
            for (DataTests.Outcome outcome : outcomes) {
                if (outcome.failures() > 0) {
                    out.printf("FAIL %s %s: %d rows%n", outcome.test().model(), outcome.test().name(), outcome.failures());
                    out.println("     " + String.join(" | ", outcome.sample().columns()));
                    outcome.sample().rows().forEach(row -> out.println("     " + row.stream().map(String::valueOf).reduce((a, b) -> a + " | " + b).orElse("")));
                }
            }
            out.printf("%d data tests, %d passed, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
            return failed == 0 ? ExitCodes.OK : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the warehouse to a DuckDB database file: every model as a table, the metric catalog, the division table.",
                    "Written in DuckDB's 1.4 storage format, so DuckDB CLI 1.4+, DBeaver and the Node and Python clients open it."})
    static final class ExportCommand
            implements Callable<Integer>
    {
        @Spec
        private CommandSpec spec;

        @Option(names = "--lake", required = true, paramLabel = "DIR", description = "Lake folder written by xingcun ingest.")
        private Path lake;

        @Option(names = "--out", required = true, paramLabel = "FILE.duckdb", description = "Database file to create; it must not exist yet.")
        private Path out;

        @Override
        public Integer call()
        {
        OutputFiles.requireFolderExists(out);
            if (Files.exists(out)) {
                throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Cannot export to " + out + ": it exists; remove it or choose another --out");
            }
            MetricCatalog catalog = MetricCatalog.load();
            try (Warehouse warehouse = Warehouse.open(lake)) {
                warehouse.exportDatabase(out, catalog.tableRows(), MetricCatalog.TABLE_COLUMNS);
                spec.commandLine().getOut().println("Wrote " + out + ": " + warehouse.models().size() + " models, the metric catalog and the division table"
                        + " (lake snapshot " + warehouse.snapshot().id() + "). Open it with: duckdb -readonly " + out);
            }
            return ExitCodes.OK;
        }
    }
}
