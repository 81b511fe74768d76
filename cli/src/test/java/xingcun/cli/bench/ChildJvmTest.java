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
    private static final String COMPILE_LATER = "-XX:CompileThresholdScaling=3";

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
        assertThat(ChildJvm.javaCommand(BenchRun.MAIN, List.of("ingest", "--inbox", "I"), "")).doesNotContain(C1_ONLY).contains(COMPILE_LATER);
        assertThat(ChildJvm.javaCommand("xingcun.cli.bench.PlainSparkIngest", List.of("report"))).doesNotContain(C1_ONLY);
    }

    @Test
    void theFileNamesEveryCommandThatStartsNoSpark()
    {
        for (String command : List.of("report", "chart", "notebook", "metrics", "sql", "warehouse")) {
            assertThat(ChildJvm.commandOptions(command)).as(command).containsExactly(C1_ONLY);
        }
        assertThat(ChildJvm.commandOptions("ingest")).containsExactly(COMPILE_LATER);
        for (String command : List.of("demo", "schedule", "generate", "bench", "#")) {
            assertThat(ChildJvm.commandOptions(command)).as(command).isEmpty();
        }
    }

    @Test
    void theSparkChildrenRunOnTheLaunchersSparkJvmAndTheOthersOnThisOne()
    {
        // as the launcher gives it: its ingest options included, so they are not added twice
        String sparkJvm = "/opt/jdk-25/bin/java\n-Xmx2g\n" + COMPILE_LATER + "\n-XX:AOTCache=/x/ingest.aot\n-Dxingcun.home=/x\n";
        for (List<String> command : List.of(
                ChildJvm.javaCommand(BenchRun.MAIN, List.of("ingest", "--inbox", "I"), sparkJvm),
                ChildJvm.javaCommand(PlainSparkCopy.class.getName(), List.of("in", "out"), sparkJvm),
                ChildJvm.javaCommand(SparkSqlMetrics.class.getName(), List.of("lake"), sparkJvm))) {
            assertThat(command.subList(0, 7)).containsExactly("/opt/jdk-25/bin/java", "-Xmx2g", COMPILE_LATER, "-XX:AOTCache=/x/ingest.aot", "-Dxingcun.home=/x",
                    "-cp", System.getProperty("java.class.path"));
        }
        String thisJava = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertThat(ChildJvm.javaCommand(BenchRun.MAIN, List.of("report", "--lake", "L"), sparkJvm)).startsWith(thisJava, C1_ONLY).doesNotContain("-XX:AOTCache=/x/ingest.aot");
        assertThat(ChildJvm.javaCommand(BenchRun.MAIN, List.of("generate"), sparkJvm).get(0)).isEqualTo(thisJava);
        // no Spark JVM named (the launcher found no JDK 25, or the bench started otherwise): this JVM for every child
        assertThat(ChildJvm.javaCommand(BenchRun.MAIN, List.of("ingest"), "").get(0)).isEqualTo(thisJava);
        assertThat(ChildJvm.javaCommand(BenchRun.MAIN, List.of("ingest"), null).get(0)).isEqualTo(thisJava);
    }
}
