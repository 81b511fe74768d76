package xingcun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's care for folders that are not its own, and the exit code of a failed run. */
class DemoCommandTest
{
    @TempDir
    Path folder;

    @Test
    void demoRefusesToReplaceAFolderThatIsNoLake()
            throws Exception
    {
        Files.createDirectories(folder.resolve("lake"));
        Files.writeString(folder.resolve("lake/precious.txt"), "keep me");
        CommandLineTest.Result result = CommandLineTest.run("demo", "--out", folder.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("xingcun: Cannot use " + folder.resolve("lake").toAbsolutePath()
                + " for the demo: it exists and is not a demo lake; choose another --out\n");
        assertThat(folder.resolve("lake/precious.txt")).hasContent("keep me");
    }

    @Test
    void failedRunExitsThreeWithOneLine()
    {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = new ExitCodes.ExceptionHandler().handleExecutionException(
                new PipelineException(PipelineErrorCode.RUN_FAILED, "Ingest run r1 failed, nothing was committed: disk full"), commandLine, null);
        assertThat(exitCode).isEqualTo(3);
        assertThat(err.toString()).isEqualTo("xingcun: Ingest run r1 failed, nothing was committed: disk full\n");
    }
}
