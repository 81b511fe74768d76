package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.ingest.IngestSessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job on the shipped sample: ingests samples/xishan-2021 into a fresh lake under --out.",
                "Re-running replaces the demo's own lake."})
final class DemoCommand
        implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xingcun-demo", description = "Output folder (default: ./xingcun-demo); the lake goes to DIR/lake.")
    private Path out;

    @Override
    public Integer call()
            throws IOException
    {
        Path sample = Installation.home().resolve("samples/xishan-2021");
        Path lake = out.resolve("lake").toAbsolutePath();
        removeOldDemoLake(lake);
        IngestCommand.ingest(spec, sample, lake.toString(), IngestSessions.LOCAL);
        spec.commandLine().getOut().println("Demo lake: " + lake);
        return ExitCodes.OK;
    }

    /** Only a folder that is a lake (it has _snapshots/) is removed: --out pointing at anything else is left alone. */
    private static void removeOldDemoLake(Path lake)
            throws IOException
    {
        if (!Files.exists(lake)) {
            return;
        }
        if (!Files.isDirectory(lake.resolve("_snapshots"))) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Cannot use " + lake + " for the demo: it exists and is not a lake; choose another --out");
        }
        try (Stream<Path> paths = Files.walk(lake)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
