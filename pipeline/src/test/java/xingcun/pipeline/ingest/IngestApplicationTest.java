package xingcun.pipeline.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The spark-submit entry point's argument errors: one line each and exit 2, before any Spark session starts. */
class IngestApplicationTest
{
    @TempDir
    Path folder;

    @Test
    void aMissingLakeIsOneLine()
    {
        assertThat(run("--inbox", folder.toString())).isEqualTo(new Outcome(2,
                "xingcun: Missing --lake: usage: spark-submit [spark options] xingcun-cluster-0.1.0.jar --inbox DIR --lake DIR|URI\n"));
    }

    @Test
    void anUnknownArgumentIsOneLine()
    {
        assertThat(run("--inbox", folder.toString(), "--master", "local[2]")).isEqualTo(new Outcome(2,
                "xingcun: Invalid argument --master: usage: spark-submit [spark options] xingcun-cluster-0.1.0.jar --inbox DIR --lake DIR|URI\n"));
    }

    @Test
    void anEmptyInboxIsOneLine()
    {
        assertThat(run("--inbox", folder.toString(), "--lake", folder.resolve("lake").toString())).isEqualTo(new Outcome(2,
                "xingcun: Cannot ingest inbox " + folder + ": it has no batch files in family folders (talents/, service_logs/ …)\n"));
    }

    private static Outcome run(String... args)
    {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = IngestApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return new Outcome(exit, err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int exit, String err) {}
}
