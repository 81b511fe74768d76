package xingcun.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's children run with what ./xingcun would add for their command (xingcun-command-jvm.options, the file the
 * launcher reads): a report with the C1 compiler only, an ingest with C2; the option goes before this JVM's own, so a
 * flag in $JAVA_OPTS still wins.
 */
class ChildJvmTest
{
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @Test
    void aReportChildRunsWithTheC1CompilerOnlyBeforeTheInheritedOptions()
    {
        List<String> command = ChildJvm.javaCommand(BenchRun.MAIN, List.of("report", "--lake", "L"));

        assertThat(command).contains(C1_ONLY);
        assertThat(command.indexOf(C1_ONLY)).isEqualTo(1);
        assertThat(command.subList(command.size() - 4, command.size())).containsExactly(BenchRun.MAIN, "report", "--lake", "L");
    }

    @Test
    void anIngestChildAndAChildOfAnotherMainClassKeepTheDefaultCompiler()
    {
        assertThat(ChildJvm.javaCommand(BenchRun.MAIN, List.of("ingest", "--inbox", "I"))).doesNotContain(C1_ONLY);
        assertThat(ChildJvm.javaCommand("xingcun.cli.bench.PlainSparkIngest", List.of("report"))).doesNotContain(C1_ONLY);
    }

    @Test
    void theFileNamesEveryCommandThatStartsNoSpark()
    {
        for (String command : List.of("report", "chart", "notebook", "metrics", "sql", "warehouse")) {
            assertThat(ChildJvm.commandOptions(command)).as(command).containsExactly(C1_ONLY);
        }
        for (String command : List.of("ingest", "demo", "schedule", "generate", "bench", "#")) {
            assertThat(ChildJvm.commandOptions(command)).as(command).isEmpty();
        }
    }
}
