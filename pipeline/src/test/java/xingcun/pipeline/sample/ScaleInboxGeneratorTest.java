package xingcun.pipeline.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The county and province profiles are deterministic: the same options write the same bytes in every file, the
 * workbooks and the manifest included, and another seed writes other data.
 */
class ScaleInboxGeneratorTest
{
    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path first, @TempDir Path second)
            throws IOException
    {
        for (ScaleOptions options : List.of(county(11), province(11))) {
            ScaleInboxGenerator.write(first.resolve(options.profile().label()), options);
            ScaleInboxGenerator.write(second.resolve(options.profile().label()), options);
        }
        List<Path> files = relativeFiles(first);
        assertThat(files).contains(Path.of("county/manifest.json"), Path.of("county/talents/" + onlyFile(first.resolve("county/talents")).getFileName()),
                Path.of("province/service_logs/2024年01月服务台账.csv"), Path.of("province/training_attendance/2025年12月签到表.csv"));
        assertThat(files.stream().filter(file -> file.startsWith("province/service_logs"))).hasSize(24);
        assertThat(relativeFiles(second)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file))).as("bytes of %s", file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void anotherSeedWritesOtherData(@TempDir Path first, @TempDir Path second)
            throws IOException
    {
        ScaleInboxGenerator.write(first, county(11));
        ScaleInboxGenerator.write(second, county(12));
        for (String family : List.of("communities", "talents", "service_logs", "trainings", "training_attendance")) {
            Path one = onlyFile(first.resolve(family));
            Path other = onlyFile(second.resolve(family));
            assertThat(Files.readAllBytes(other)).as(family).isNotEqualTo(Files.readAllBytes(one));
        }
    }

    @Test
    void aNewInboxReplacesTheOneGeneratedBeforeButNoOtherFiles(@TempDir Path folder, @TempDir Path fresh)
            throws IOException
    {
        Path inbox = folder.resolve("inbox");
        ScaleInboxGenerator.write(inbox, province(11));
        ScaleInboxGenerator.write(inbox, county(11));
        ScaleInboxGenerator.write(fresh, county(11));
        assertThat(relativeFiles(inbox)).isEqualTo(relativeFiles(fresh));

        Files.writeString(folder.resolve("notes.txt"), "the user's");
        assertThatThrownBy(() -> ScaleInboxGenerator.write(folder, county(11)))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Cannot generate into " + folder + ": it holds files but no manifest.json of an inbox generated before; give a new or empty folder");
        assertThat(folder.resolve("notes.txt")).hasContent("the user's");
    }

    @Test
    void optionsOutsideTheirRangeAreRefusedWithTheFix()
    {
        assertThatThrownBy(() -> new ScaleOptions(ScaleProfile.COUNTY, 1, OptionalInt.of(0), 1))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Invalid --talents 0: give a number from 1 to 100000")
                .extracting(e -> ((PipelineException) e).errorCode()).isEqualTo(PipelineErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> new ScaleOptions(ScaleProfile.PROVINCE, 1, OptionalInt.of(100_001), 1))
                .hasMessage("Invalid --talents 100001: give a number from 1 to 100000");
        assertThatThrownBy(() -> new ScaleOptions(ScaleProfile.PROVINCE, 1, OptionalInt.empty(), 0))
                .hasMessage("Invalid --years 0: give a number from 1 to 10 (the years end with 2025)");
        assertThatThrownBy(() -> new ScaleOptions(ScaleProfile.PROVINCE, 1, OptionalInt.empty(), 11))
                .hasMessage("Invalid --years 11: give a number from 1 to 10 (the years end with 2025)");
    }

    private static ScaleOptions county(long seed)
    {
        return new ScaleOptions(ScaleProfile.COUNTY, seed, OptionalInt.of(8), 1);
    }

    /** Few experts, so most counties have none, but two years of monthly ledgers and all 16 prefectures. */
    private static ScaleOptions province(long seed)
    {
        return new ScaleOptions(ScaleProfile.PROVINCE, seed, OptionalInt.of(300), 2);
    }

    private static Path onlyFile(Path folder)
            throws IOException
    {
        List<Path> files = relativeFiles(folder);
        assertThat(files).as("files in %s", folder).hasSize(1);
        return folder.resolve(files.get(0));
    }

    private static List<Path> relativeFiles(Path root)
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
