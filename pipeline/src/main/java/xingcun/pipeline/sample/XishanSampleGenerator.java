package xingcun.pipeline.sample;

import xingcun.pipeline.sample.TalentRoster.Talent;
import xingcun.pipeline.sample.TrainingLedger.Training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Generates the sample inbox of the Xishan program (西山区“万名人才兴万村”), 2021-04-01 … 2022-06-30: one folder per
 * record family, in the formats, encodings and header styles the district's staff really hand over, reproducing the
 * figures the 2022-07-13 article publishes, plus a few deliberately bad rows the ingest must reject.
 *
 * <p>Deterministic on purpose: fixed seeds, no clock, no hash-order iteration, fixed XLSX timestamps — the committed
 * sample in samples/xishan-2021 is checked byte for byte against this generator by XishanSampleGeneratorTest.
 */
public final class XishanSampleGenerator
{
    public static final LocalDate PERIOD_START = LocalDate.of(2021, 4, 1);
    public static final LocalDate PERIOD_END = LocalDate.of(2022, 6, 30);

    /** The article's publication date; each family draws from its own seed derived from it. */
    private static final long SEED = 20220713L;

    private XishanSampleGenerator() {}

    /** The sample's records, in memory. */
    static XishanSample generate()
    {
        SyntheticPeople people = new SyntheticPeople(SEED);
        List<Talent> talents = TalentRoster.build(people, new SampleRandom(SEED + 1));
        List<Training> trainings = TrainingLedger.build(talents, new SampleRandom(SEED + 2));
        return new XishanSample(
                talents,
                ServiceLedger.build(talents, trainings, new SampleRandom(SEED + 3)),
                trainings,
                TrainingLedger.attendance(trainings, people, new SampleRandom(SEED + 4)),
                IpOutputRegister.build(TalentRoster.talentIdOf("西华"), TalentRoster.talentIdOf("律则"), TalentRoster.talentIdOf("猫猫箐")),
                IndustryStatistics.build(),
                ProjectLedger.build(),
                EvaluationSheet.build(talents),
                YouthTalentPool.build(people, new SampleRandom(SEED + 5)));
    }

    /** Writes every file of the sample into the inbox folder (created if needed; existing files are overwritten). */
    public static void write(Path inboxDirectory)
    {
        write(inboxDirectory, generate().tables());
    }

    private static void write(Path inboxDirectory, List<SampleTable> tables)
    {
        try {
            for (SampleTable table : tables) {
                SampleFileWriter.write(inboxDirectory, table);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Xishan sample to " + inboxDirectory, e);
        }
    }

    public static void main(String[] args)
    {
        if (args.length != 1) {
            System.err.println("usage: XishanSampleGenerator <inbox folder>");
            System.exit(2);
        }
        List<SampleTable> tables = generate().tables();
        write(Path.of(args[0]), tables);
        for (SampleTable table : tables) {
            long bad = table.rows().stream().filter(row -> row.expected().bad()).count();
            System.out.printf("%-40s %5d rows (%d deliberately bad or repeated)%n", table.path(), table.rows().size(), bad);
        }
    }
}
