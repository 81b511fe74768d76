package xingcun.pipeline.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;
import xingcun.pipeline.lake.Snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static xingcun.pipeline.ingest.TestInboxes.write;

/** An ingest killed with SIGKILL in the middle of its work leaves the lake exactly as the last committed run left it. */
class KilledRunTest
{
    @TempDir
    Path folder;

    @Test
    void killedRunCommitsNothingAndTheNextRunCleansUp()
            throws Exception
    {
        Path lakeFolder = folder.resolve("lake");
        Path first = folder.resolve("first");
        write(first, "talents/talents.csv", StandardCharsets.UTF_8, TestInboxes.TALENTS_CSV);
        assertThat(runToTheEnd(first, lakeFolder)).contains("done");

        Path sample = SampleIngestTest.sampleInbox();
        Process process = start(sample, lakeFolder);
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // the talents of the sample are staged and its other families are being read: kill it now
            while ((line = output.readLine()) != null && !line.startsWith("talents: 35 rows")) {
                // wait for the run to be well inside its work
            }
            assertThat(line).as("the run got as far as staging talents").isNotNull();
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        SparkSession spark = SparkTestSession.start();
        try {
            Lake lake = Lake.open(lakeFolder.toString(), spark.sparkContext().hadoopConfiguration());
            Snapshot snapshot = lake.currentSnapshot();
            assertThat(snapshot.id()).isEqualTo(1);
            List<Row> talents = LakeTables.read(spark, lake, Family.TALENTS).collectAsList();
            assertThat(talents).hasSize(2);
            assertThat(Files.list(lakeFolder.resolve("_staging")).count()).as("the killed run left its staging folder").isEqualTo(1);

            RunReport next = IngestJob.run(spark, new IngestOptions(first, lakeFolder.toString(), java.time.LocalDate.of(2026, 11, 28), line -> {}));
            assertThat(next.total()).isEqualTo(new Counts(2, 0, 0, 2, 0));
            assertThat(TestInboxes.regularFilesUnder(lakeFolder.resolve("_staging"))).as("staged files left behind").isEmpty();
        }
        finally {
            spark.stop();
        }
    }

    private static List<String> runToTheEnd(Path inbox, Path lake)
            throws IOException, InterruptedException
    {
        Process process = start(inbox, lake);
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(lines::add);
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return lines;
    }

    private static Process start(Path inbox, Path lake)
            throws IOException
    {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the test JVM's own flags: Spark's --add-opens and the heap size come from Surefire's argLine
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(argument -> !argument.startsWith("-agentlib")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), IngestProcess.class.getName(), inbox.toString(), lake.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
