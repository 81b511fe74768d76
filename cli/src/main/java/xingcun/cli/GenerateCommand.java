package xingcun.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.sample.XishanSampleGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic inbox. Profile xishan reproduces samples/xishan-2021.")
final class GenerateCommand
        implements Callable<Integer>
{
    /** The profiles this version can generate; county and province scale come with the scale issue. */
    enum Profile { xishan }

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "Profile to generate: ${COMPLETION-CANDIDATES}.")
    private Profile profile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Inbox folder to write.")
    private Path out;

    @Override
    public Integer call()
            throws Exception
    {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot generate into " + out + ": it is a file; give a folder");
        }
        XishanSampleGenerator.write(out);
        spec.commandLine().getOut().println("Wrote the " + profile + " inbox to " + out.toAbsolutePath());
        return ExitCodes.OK;
    }
}
