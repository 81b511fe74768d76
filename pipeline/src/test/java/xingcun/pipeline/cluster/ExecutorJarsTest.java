package xingcun.pipeline.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorJarsTest
{
    @Test
    void shipsThePipelineAndTheLibrariesItsTasksCall()
            throws IOException
    {
        List<Path> jars = ExecutorJars.locate();

        // under Maven's test phase the pipeline is a folder of classes: it is packed into a jar named after its module
        assertThat(jars).extracting(jar -> jar.getFileName().toString()).containsExactly("pipeline-classes.jar", "commons-csv-1.14.1.jar");
        try (JarFile pipeline = new JarFile(jars.get(0).toFile())) {
            assertThat(pipeline.getEntry("xingcun/pipeline/ingest/ValidationTransform.class")).isNotNull();
            assertThat(pipeline.getEntry("xingcun/pipeline/read/DelimitedFileReader$LineSplitter.class")).isNotNull();
            assertThat(pipeline.getManifest().getMainAttributes().getValue("Manifest-Version")).isEqualTo("1.0");
        }
    }
}
