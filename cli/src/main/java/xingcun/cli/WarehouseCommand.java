package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.warehouse.DataTests;
import xingcun.warehouse.Warehouse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = "The DuckDB warehouse over a lake: its models and their data tests.",
        subcommands = {WarehouseCommand.TestCommand.class})
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
}
