package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.ingest.IngestSessions;
import xingcun.reports.build.ReportRequest;
import xingcun.reports.definition.Language;
import xingcun.reports.definition.ReportDefinitions;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job on the shipped sample: ingests samples/xishan-2021 into a fresh lake under --out,",
                "then writes the 2021 annual report to DIR/report-2021/index.html.",
                "Re-running replaces the demo's own lake."})
final class DemoCommand
        implements Callable<Integer>
{
    /** Marks a lake the demo made, so that a demo never deletes a lake someone else ingested into. */
    private static final String DEMO_MARKER = "_demo";

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xingcun-demo", description = "Output folder (default: ./xingcun-demo); the lake goes to DIR/lake, the annual report to DIR/report-2021.")
    private Path out;

    @Override
    public Integer call()
            throws IOException
    {
        Path sample = Installation.home().resolve("samples/xishan-2021");
        Path lake = out.resolve("lake").toAbsolutePath();
        removeOldDemoLake(lake);
        Files.createDirectories(lake);
        Files.writeString(lake.resolve(DEMO_MARKER), "written by xingcun demo; the next demo run replaces this lake\n");
        IngestCommand.ingest(spec, sample, lake.toString(), IngestSessions.LOCAL);
        spec.commandLine().getOut().println("Demo lake: " + lake);
        // the sample's program year; the report shows what the lake holds, as a district office would publish it
        ReportRequest annual = new ReportRequest("annual", ReportingPeriod.parse("2021"), Language.ZH, Optional.empty(), Optional.empty());
        Path report = ReportCommand.publish(spec, lake, annual, out.resolve("report-2021").toAbsolutePath(), ReportDefinitions.installed());
        spec.commandLine().getOut().println("Annual report: " + report);
        return ExitCodes.OK;
    }

    /** Only an empty folder or a lake the demo made (even one whose first run failed) is removed: anything else is left alone. */
    private static void removeOldDemoLake(Path lake)
            throws IOException
    {
        if (!Files.exists(lake)) {
            return;
        }
        if (!looksLikeALake(lake)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Cannot use " + lake + " for the demo: it exists and is not a demo lake; choose another --out");
        }
        try (Stream<Path> paths = Files.walk(lake)) {
            // deepest first, so each folder is empty when its turn comes
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean looksLikeALake(Path folder)
            throws IOException
    {
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> names = entries.map(path -> path.getFileName().toString()).toList();
            return names.isEmpty() || names.contains(DEMO_MARKER);
        }
    }
}
