package xingcun.pipeline.cluster;

import org.apache.commons.csv.CSVFormat;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need from this application, for {@code spark.jars}: the executors of a Spark
 * installation have Spark and its libraries, but not our pipeline (validation, readers) nor the libraries its tasks
 * call. Workbooks are read on the driver, so POI is not among them.
 */
public final class ExecutorJars
{
    /** One class of each code source that tasks run: this pipeline, and commons-csv, which splits delimited lines on executors. */
    private static final List<Class<?>> TASK_CODE = List.of(ExecutorJars.class, CSVFormat.class);

    private ExecutorJars() {}

    /**
     * The jar files holding the tasks' code. A code source that is a folder of classes (tests, an IDE) is packed into
     * a jar in a temporary folder removed when this process exits, since Spark ships only jars.
     */
    public static List<Path> locate()
    {
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> type : TASK_CODE) {
            sources.add(codeSource(type));
        }
        List<Path> jars = new ArrayList<>();
        Path packingFolder = null;
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                packingFolder = packingFolder == null ? temporaryFolder() : packingFolder;
                jars.add(pack(source, packingFolder));
            }
            else {
                jars.add(source);
            }
        }
        return jars;
    }

    private static Path codeSource(Class<?> type)
    {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException | NullPointerException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot find the jar of " + type.getName() + " to ship to executors: " + e.getMessage(), e);
        }
    }

    /** ".../pipeline/target/classes" becomes "pipeline-classes.jar": a name that says where the classes came from. */
    private static Path pack(Path classes, Path packingFolder)
    {
        Path parent = classes.getParent();
        String module = parent != null && parent.getFileName().toString().equals("target") && parent.getParent() != null
                ? parent.getParent().getFileName().toString() : classes.getFileName().toString();
        Path jar = packingFolder.resolve(module + "-classes.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (name.isEmpty() || name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                boolean folder = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot pack " + classes + " into a jar for the executors: " + e.getMessage(), e);
        }
        return jar;
    }

    private static Path temporaryFolder()
    {
        try {
            Path folder = Files.createTempDirectory("xingcun-executor-jars-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "xingcun-executor-jars-cleanup"));
            return folder;
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot make a folder for the executors' jars: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder)
    {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
        catch (IOException | RuntimeException ignored) {
            // a temporary folder the system cleans up in time
        }
    }
}
