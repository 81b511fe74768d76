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
        Path java = jdk("jdk-25", "25.0.3");
        String words = bash("spark_jvm_for_ingest ingest --inbox I; printf '%s\\n' \"${spark_jvm[@]}\"", Map.of("XINGCUN_SPARK_JAVA", java.toString(), "XINGCUN_AOT", "off"));

        assertThat(words.lines().toList()).startsWith(java.toString(), "-Xmx2g", "-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED")
                .doesNotContain(GONE_IN_25)
                .contains("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
                .noneMatch(word -> word.startsWith("-XX:AOTCache"));
    }

    @Test
    void onJdk17TheOptionsAreTheLaunchersOwn() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-17", "17.0.15");
        List<String> words = bash("spark_jvm_for_ingest ingest; printf '%s\\n' \"${spark_jvm[@]}\"", Map.of("XINGCUN_SPARK_JAVA", java.toString())).lines().toList();

        assertThat(words).startsWith(java.toString()).contains(GONE_IN_25).doesNotContain("--enable-native-access=ALL-UNNAMED")
                .noneMatch(word -> word.startsWith("-XX:AOTCache"));
    }

    @Test
    void aCacheThatCannotBeMadeIsSaidInOneLineAndTheIngestRunsWithoutIt() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3");
        String output = bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", Map.of("XINGCUN_SPARK_JAVA", java.toString()));

        assertThat(output).contains("xingcun: making the start-up cache for ingest on JDK 25 (once per build")
                .contains("xingcun: could not make the start-up cache (see " + folder.resolve("home/cli/target/aot/training.log") + "); ingest runs without it")
                .doesNotContain("-XX:AOTCache");
        assertThat(folder.resolve("home/cli/target/aot/.making")).doesNotExist();
    }

    @Test
    void aCacheNewerThanTheJdkAndEveryJarIsUsedAndAnOlderOneIsMadeAgain() throws IOException, InterruptedException
    {
        Path java = jdk("jdk-25", "25.0.3");
        Path cache = folder.resolve("home/cli/target/aot/ingest-jdk25-jdk-25.aot");
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "a cache");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));
        Map<String, String> environment = Map.of("XINGCUN_SPARK_JAVA", java.toString());

        assertThat(bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", environment))
                .contains("-XX:AOTCache=" + cache).doesNotContain("making the start-up cache");

        // a rebuilt jar is newer than the cache: the launcher makes it again (here the fake java fails, so it is not used)
        Files.setLastModifiedTime(folder.resolve("home/cli.jar"), FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(bash("spark_jvm_for_ingest ingest 2>&1; printf '%s\\n' \"${spark_jvm[@]}\"", environment))
                .contains("making the start-up cache").doesNotContain("-XX:AOTCache");
    }

    /** A JDK of that version under the temp folder whose java prints its arguments and fails, as a JVM that cannot record would. */
    private Path jdk(String name, String version) throws IOException
    {
        Path home = folder.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"$@\"\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(java, FileTime.from(Instant.now().minusSeconds(3600)));
        return java;
    }

    /** Runs the script's functions as the launcher sets them up: an installation with a jar, a classpath and the options files. */
    private String bash(String commands, Map<String, String> environment) throws IOException, InterruptedException
    {
        Path home = folder.resolve("home");
        Files.createDirectories(home);
        Path jar = home.resolve("cli.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "");
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
            Files.writeString(home.resolve("classpath.txt"), jar.toString());
            Files.writeString(home.resolve("jvm.options"), "--add-opens=java.base/java.lang=ALL-UNNAMED " + GONE_IN_25 + " -Dio.netty.tryReflectionSetAccessible=true");
        }
        String prelude = String.join("\n",
                "set -euo pipefail",
                "home='" + home + "' jar='" + jar + "' classpath_file='" + home.resolve("classpath.txt") + "' jvm_options_file='" + home.resolve("jvm.options") + "'",
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
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
