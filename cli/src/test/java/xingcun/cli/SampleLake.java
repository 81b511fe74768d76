package xingcun.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's first command (`xingcun demo`) run once per test JVM: its ingest takes most of a minute, and every
 * test class that reads the sample lake shares it. Readers never write to it.
 */
final class SampleLake
{
    private static CommandLineTest.Result demo;
    private static Path folder;

    private SampleLake() {}

    static synchronized CommandLineTest.Result demo()
    {
        if (demo == null) {
            try {
                folder = Files.createTempDirectory("xingcun-sample-lake-");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            demo = CommandLineTest.run("demo", "--out", folder.toString());
        }
        return demo;
    }

    static Path folder()
    {
        demo();
        return folder;
    }

    static Path lake()
    {
        return folder().resolve("lake");
    }
}
