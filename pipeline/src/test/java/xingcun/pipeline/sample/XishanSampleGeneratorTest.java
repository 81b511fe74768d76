package xingcun.pipeline.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator is deterministic, and the committed sample in samples/xishan-2021 is exactly what it writes: if the
 * generator changes, the committed files must be regenerated in the same change, and vice versa.
 */
class XishanSampleGeneratorTest
{
    private static final String SAMPLE = "samples/xishan-2021";

    @Test
    void writesTheSameBytesEveryTime(@TempDir Path first, @TempDir Path second)
            throws Exception
    {
        XishanSampleGenerator.write(first);
        // XLSX zip entries were stamped with the clock before they were fixed: cross a 2-second DOS-time tick
        Thread.sleep(2100);
        XishanSampleGenerator.write(second);

        List<Path> files = relativeFiles(first);
        assertThat(files).hasSize(10);
        assertThat(relativeFiles(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file)))
                    .as("bytes of %s", file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void committedSampleMatchesTheGenerator(@TempDir Path generated)
            throws Exception
    {
        Path committed = repositoryRoot().resolve(SAMPLE);
        XishanSampleGenerator.write(generated);

        List<Path> files = relativeFiles(generated);
        List<Path> committedFiles = relativeFiles(committed).stream().filter(file -> !file.toString().equals("README.md")).toList();
        assertThat(committedFiles).as("files in %s besides README.md", committed).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(committed.resolve(file)))
                    .as("%s/%s differs from the generator: regenerate with ./xingcun generate --profile xishan --out %s", SAMPLE, file, SAMPLE)
                    .isEqualTo(Files.readAllBytes(generated.resolve(file)));
        }
    }

    @Test
    void readmeListsEveryBadRowWhereItIs()
            throws Exception
    {
        String readme = Files.readString(repositoryRoot().resolve(SAMPLE).resolve("README.md"));
        int bad = 0;
        for (SampleTable table : XishanSampleGenerator.generate().tables()) {
            for (int r = 0; r < table.rows().size(); r++) {
                SampleTable.Row row = table.rows().get(r);
                if (row.expected().bad()) {
                    String line = "| `%s` | %d | %s |".formatted(table.path(), table.fileRow(r), row.cells().get(0));
                    assertThat(readme).as("README row for a bad row").contains(line);
                    assertThat(readme.substring(readme.indexOf(line)).lines().findFirst().orElseThrow())
                            .contains(row.expected().rule());
                    bad++;
                }
            }
        }
        assertThat(bad).isEqualTo(9);
    }

    /** Walks up from the working directory (the module, under Maven) to the folder that holds samples/xishan-2021. */
    private static Path repositoryRoot()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SAMPLE))) {
                return dir;
            }
        }
        throw new AssertionError("No " + SAMPLE + " above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> relativeFiles(Path root)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
