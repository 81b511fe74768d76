package xingcun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's promises that need no Spark: help, version, and one clear line with exit 2 for bad arguments. */
class CommandLineTest
{
    @TempDir
    Path folder;

    @Test
    void helpListsTheCommands()
    {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: xingcun", "demo", "ingest", "metrics", "sql", "warehouse", "generate");
    }

    @Test
    void everyCommandHasHelp()
    {
        for (String command : new String[] {"demo", "ingest", "metrics", "sql", "warehouse", "generate"}) {
            Result result = run(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: xingcun " + command);
        }
    }

    @Test
    void versionIsTheBuildVersion()
    {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("xingcun 0.1.0");
    }

    @Test
    void missingOptionIsOneLineAndExitTwo()
    {
        Result result = run("ingest", "--inbox", "x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("xingcun: Missing required option: '--lake=DIR' (see: xingcun ingest --help)\n");
    }

    @Test
    void unreadableInboxIsOneLineAndExitTwo()
    {
        Path missing = folder.resolve("missing");
        Result result = run("ingest", "--inbox", missing.toString(), "--lake", folder.resolve("lake").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("xingcun: Cannot read inbox " + missing
                + ": it is not a readable folder; give the folder that holds talents/, service_logs/ …\n");
    }

    @Test
    void badMasterAndAnInboxOneLevelTooHighAreSaidBeforeSparkStarts()
            throws Exception
    {
        java.nio.file.Files.createDirectories(folder.resolve("inbox/talents"));
        java.nio.file.Files.writeString(folder.resolve("inbox/talents/t.csv"), "talent_id\n");
        Result master = run("ingest", "--inbox", folder.resolve("inbox").toString(), "--lake", folder.resolve("lake").toString(), "--master", "bogus://x");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).isEqualTo("xingcun: Invalid --master bogus://x: use local[*], local[N] or spark://HOST:PORT (also yarn, k8s://…, mesos://…)\n");
        Result parent = run("ingest", "--inbox", folder.toString(), "--lake", folder.resolve("lake").toString());
        assertThat(parent.exitCode()).isEqualTo(2);
        assertThat(parent.err()).isEqualTo("xingcun: Cannot ingest inbox " + folder
                + ": it has no batch files in family folders (talents/, service_logs/ …); did you mean --inbox " + folder.resolve("inbox") + "?\n");
        assertThat(master.err() + parent.err()).doesNotContain("starting Spark");
    }

    @Test
    void unknownProfileListsTheValidOnes()
    {
        Result result = run("generate", "--profile", "planet", "--out", folder.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("xingcun: Invalid value for option '--profile': expected one of [xishan, county, province] (case-sensitive) but was 'planet'");
    }

    static Result run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {}
}
