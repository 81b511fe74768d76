package xingcun.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/spark-jvm.sh, the launcher's choice of the JVM that runs an ingest, run by bash against JDKs made for the
 * test: a release file and a bin/java that prints its arguments (so the cache it is asked to make never appears).
 */
class SparkJvmScriptTest
{
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).getParent().resolve("scripts/spark-jvm.sh");
    private static final String GONE_IN_25 = "--add-opens=java.base/sun.security.action=ALL-UNNAMED";

    @TempDir
    Path folder;

    @Test
    void aClusterMasterIsToldFromALocalOne() throws IOException, InterruptedException
    {
        String checks = String.join("\n",
                "for args in 'ingest --inbox I' 'ingest --master local[2]' 'ingest --master=local[*]' 'ingest --master spark://h:7077' 'ingest --master=yarn'; do",
                "  if spark_jvm_cluster_master $args; then echo \"cluster: $args\"; else echo \"local: $args\"; fi",
                "done");
        assertThat(bash(checks, Map.of()).lines()).containsExactly(
                "local: ingest --inbox I", "local: ingest --master local[2]", "local: ingest --master=local[*]",
                "cluster: ingest --master spark://h:7077", "cluster: ingest --master=yarn");
    }

    @Test
    void onJdk25TheGonePackageIsNotOpenedAndTheWarningsAreAnswered() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3", 1);
        String words = bash("spark_jvm_for_ingest ingest --inbox I; printf '%s\\n' \"${spark_jvm[@]}\"", Map.of("XINGCUN_SPARK_JAVA", java.toString(), "XINGCUN_AOT", "off"));

        assertThat(words.lines().toList()).startsWith(java.toString(), "-Xmx2g", "-XX:+UseParallelGC", "-Dfor.ingest=yes", "--add-opens=java.base/java.lang=ALL-UNNAMED")
                .doesNotContain(GONE_IN_25)
                .contains("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
                // the options ./xingcun adds for ingest, whatever command asked (the bench hands this JVM to its ingest children)
                .contains("-Dfor.ingest=yes").doesNotContain("-Dfor.bench=yes", "-XX:TieredStopAtLevel=1")
                .noneMatch(word -> word.startsWith("-XX:AOTCache"));
    }

    @Test
    void onJdk17TheOptionsAreTheLaunchersOwn() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-17", "17.0.15", 1);
        List<String> words = bash("spark_jvm_for_ingest ingest; printf '%s\\n' \"${spark_jvm[@]}\"", Map.of("XINGCUN_SPARK_JAVA", java.toString())).lines().toList();

        assertThat(words).startsWith(java.toString()).contains(GONE_IN_25).doesNotContain("--enable-native-access=ALL-UNNAMED")
                .noneMatch(word -> word.startsWith("-XX:AOTCache"));
    }

    @Test
    void aCacheThatCannotBeMadeIsSaidInOneLineAndNotTriedAgainUntilTheNextBuild() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3", 1);
        Map<String, String> environment = Map.of("XINGCUN_SPARK_JAVA", java.toString());
        String output = bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", environment);

        assertThat(output).contains("xingcun: making the start-up cache for ingest on JDK 25 (once per build")
                .contains("xingcun: could not make the start-up cache (see " + folder.resolve("home/cli/target/aot/training.log")
                        + "); ingest runs without it until the next build")
                .doesNotContain("-XX:AOTCache");
        assertThat(bash("spark_jvm_for_ingest ingest 2>&1", environment)).isEmpty();
        // the next build: the jars are newer than the failure, so it is tried again
        Files.setLastModifiedTime(folder.resolve("home/cli.jar"), FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(bash("spark_jvm_for_ingest ingest 2>&1", environment)).contains("making the start-up cache");
        try (var left = Files.list(folder.resolve("home/cli/target/aot"))) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".work"));
        }
    }

    @Test
    void anInterruptedTrainingStopsTheLauncherWithItsStatus() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3", 130);
        Result result = run("spark_jvm_for_ingest ingest 2>&1; echo 'the ingest would start here'", Map.of("XINGCUN_SPARK_JAVA", java.toString()));

        assertThat(result.status()).isEqualTo(130);
        assertThat(result.output()).contains("making the start-up cache").doesNotContain("could not make").doesNotContain("the ingest would start here");
    }

    @Test
    void whileAnotherLauncherMakesTheCacheThisOneRunsWithoutItQuietly() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3", 1);
        Files.createDirectories(folder.resolve("home/cli/target/aot"));
        String output = bash("exec 8>\"$home/cli/target/aot/.lock\"; flock 8; spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"",
                Map.of("XINGCUN_SPARK_JAVA", java.toString()));

        assertThat(output).doesNotContain("making the start-up cache").doesNotContain("could not make").doesNotContain("-XX:AOTCache");
    }

    @Test
    void aCacheNewerThanEveryJarIsUsedAndAnOlderOneIsMadeAgain() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3", 1);
        Map<String, String> environment = Map.of("XINGCUN_SPARK_JAVA", java.toString());
        Path cache = Path.of(bash("XINGCUN_AOT=off spark_jvm_for_ingest ingest; echo \"$spark_jvm_cache\"", environment).strip());
        assertThat(cache.getParent()).isEqualTo(folder.resolve("home/cli/target/aot"));
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "a cache");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", environment))
                .contains("-XX:AOTCache=" + cache).doesNotContain("making the start-up cache");
        // other options (a bigger heap) or another build of the JDK: a cache of their own
        assertThat(bash("heap=-Xmx8g; XINGCUN_AOT=off spark_jvm_for_ingest ingest; echo \"$spark_jvm_cache\"", environment).strip()).isNotEqualTo(cache.toString());
        Files.writeString(java.getParent().getParent().resolve("release"), "JAVA_VERSION=\"25.0.4\"\n");
        assertThat(bash("XINGCUN_AOT=off spark_jvm_for_ingest ingest; echo \"$spark_jvm_cache\"", environment).strip()).isNotEqualTo(cache.toString());
        Files.writeString(java.getParent().getParent().resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        // another class path (a build of one module names the other modules' jars in ~/.m2): a cache of its own
        Path classpath = folder.resolve("home/classpath.txt");
        String built = Files.readString(classpath);
        Files.writeString(classpath, built + ":" + folder.resolve("home/other.jar"));
        assertThat(bash("XINGCUN_AOT=off spark_jvm_for_ingest ingest; echo \"$spark_jvm_cache\"", environment).strip()).isNotEqualTo(cache.toString());
        Files.writeString(classpath, built);

        // a rebuilt jar is newer than the cache: the launcher makes it again (here the fake java fails, so it is not used)
        Files.setLastModifiedTime(folder.resolve("home/cli.jar"), FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", environment))
                .contains("making the start-up cache").doesNotContain("-XX:AOTCache");
    }

    @Test
    void theCacheLearnsFromAGeneratedInboxWithTheSamplesFilesAdded() throws IOException, InterruptedException
    {
        Path calls = folder.resolve("calls.txt");
        Path java = trainingJdk(calls, "never", 0);
        Path sample = folder.resolve("home/samples/xishan-2021");
        Files.createDirectories(sample.resolve("talents"));
        Files.createDirectories(sample.resolve("ip_outputs"));
        Files.writeString(sample.resolve("talents/人才名册.xlsx"), "a workbook");
        Files.writeString(sample.resolve("ip_outputs/成果登记.jsonl"), "{}\n");
        Map<String, String> environment = Map.of("XINGCUN_SPARK_JAVA", java.toString());

        List<String> words = bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", environment).lines().toList();

        assertThat(words).contains("xingcun: making the start-up cache for ingest on JDK 25 (once per build: a training ingest of 437,000 rows, about 2½ minutes) …")
                .anyMatch(word -> word.startsWith("-XX:AOTCache=" + folder.resolve("home/cli/target/aot/ingest-")));
        List<String> log = Files.readAllLines(calls);
        assertThat(log).hasSize(5);
        assertThat(log.get(0)).contains(" xingcun.cli.Main generate --profile province --talents 1000 --seed 1 --out ").endsWith("/inbox");
        assertThat(log.get(1)).contains(" -XX:AOTMode=record ").contains(" xingcun.cli.Main ingest --inbox ");
        // the generated inbox is empty here (this java writes nothing): what the training ingest sees is the sample's files
        assertThat(log.subList(2, 4)).containsExactly("./ip_outputs/成果登记.jsonl", "./talents/人才名册.xlsx");
        assertThat(log.get(4)).contains(" -XX:AOTMode=create ");
        // every step's output is kept for a failure's reader
        assertThat(Files.readAllLines(folder.resolve("home/cli/target/aot/training.log"))).containsExactly("generated", "ingested", "created");
        // another training makes another cache: the name holds it
        String cache = bash("XINGCUN_AOT=off spark_jvm_for_ingest ingest; echo \"$spark_jvm_cache\"", environment).strip();
        assertThat(bash("SPARK_JVM_TRAINING=(generate --profile county --seed 1); XINGCUN_AOT=off spark_jvm_for_ingest ingest; echo \"$spark_jvm_cache\"", environment).strip())
                .isNotEqualTo(cache);
    }

    @Test
    void aTrainingIngestThatIsInterruptedOrFailsAfterTheInboxWasWritten() throws IOException, InterruptedException
    {
        Result interrupted = run("spark_jvm_for_ingest ingest 2>&1; echo 'the ingest would start here'",
                Map.of("XINGCUN_SPARK_JAVA", trainingJdk(folder.resolve("calls.txt"), "-XX:AOTMode=record", 143).toString()));
        assertThat(interrupted.status()).isEqualTo(143);
        assertThat(interrupted.output()).contains("making the start-up cache").doesNotContain("could not make").doesNotContain("the ingest would start here");

        String failed = bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"",
                Map.of("XINGCUN_SPARK_JAVA", trainingJdk(folder.resolve("calls.txt"), "-XX:AOTMode=create", 1).toString()));
        assertThat(failed).contains("xingcun: could not make the start-up cache (see " + folder.resolve("home/cli/target/aot/training.log"))
                .doesNotContain("-XX:AOTCache");
        assertThat(Files.readAllLines(folder.resolve("home/cli/target/aot/training.log"))).containsExactly("generated", "ingested", "created");
    }

    /**
     * A JDK 25 whose java logs each call to {@code calls}, lists the inbox an ingest is given there, prints a word for
     * each step of a training, makes the folder generate is asked to write, writes the cache it is asked to create,
     * and exits with {@code status} when one of its arguments is {@code failOn} (0 otherwise).
     */
    private Path trainingJdk(Path calls, String failOn, int status) throws IOException
    {
        Path java = jdk("jdk-25", "25.0.3", 0);
        Files.writeString(java, String.join("\n", "#!/usr/bin/env bash",
                "echo \"java $*\" >> '" + calls + "'",
                "previous=''",
                "for argument in \"$@\"; do",
                "  case \"$previous:$argument\" in",
                "    *:generate) echo generated ;;",
                "    --out:*) mkdir -p \"$argument\" ;;",
                "    --inbox:*) echo ingested; (cd \"$argument\" && find . -type f | LC_ALL=C sort) >> '" + calls + "' ;;",
                "    *:-XX:AOTMode=create) echo created ;;",
                "    *:-XX:AOTCache=*) [[ \" $* \" == *' -XX:AOTMode=create '* ]] && touch \"${argument#-XX:AOTCache=}\" ;;",
                "  esac",
                "  [ \"$argument\" != '" + failOn + "' ] || exit " + status,
                "  previous=\"$argument\"",
                "done", ""));
        return java;
    }

    /** A JDK of that version under the temp folder whose java prints its arguments and exits with that status (a failed or interrupted JVM). */
    private Path jdk(String name, String version, int status) throws IOException
    {
        Path home = folder.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"$@\"\nexit " + status + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(java, FileTime.from(Instant.now().minusSeconds(3600)));
        return java;
    }

    /** Runs the script's functions as the launcher sets them up: an installation with a jar, a classpath and the options files. */
    private String bash(String commands, Map<String, String> environment) throws IOException, InterruptedException
    {
        Result result = run(commands, environment);
        assertThat(result.status()).as(result.output()).isZero();
        return result.output();
    }

    private record Result(int status, String output) {}

    private Result run(String commands, Map<String, String> environment) throws IOException, InterruptedException
    {
        Path home = folder.resolve("home");
        Files.createDirectories(home);
        Path jar = home.resolve("cli.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "");
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
            Files.writeString(home.resolve("classpath.txt"), jar.toString());
            Files.writeString(home.resolve("command-jvm.options"), "# comment ingest\nreport -XX:TieredStopAtLevel=1\ningest -Dfor.ingest=yes\nbench -Dfor.bench=yes\n");
            Files.writeString(home.resolve("jvm.options"), "--add-opens=java.base/java.lang=ALL-UNNAMED " + GONE_IN_25 + " -Dio.netty.tryReflectionSetAccessible=true");
        }
        String prelude = String.join("\n",
                "set -euo pipefail",
                "home='" + home + "' jar='" + jar + "' classpath_file='" + home.resolve("classpath.txt") + "' jvm_options_file='" + home.resolve("jvm.options") + "'"
                        + " command_options_file='" + home.resolve("command-jvm.options") + "'",
                "heap=-Xmx2g collector=-XX:+UseParallelGC command_options='' level=error",
                ". '" + SCRIPT + "'");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", prelude + "\n" + commands).redirectErrorStream(true);
        builder.environment().remove("XINGCUN_SPARK_JAVA");
        builder.environment().remove("XINGCUN_AOT");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
