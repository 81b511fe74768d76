package xingcun.pipeline.read;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;
import java.util.List;

/** Reads any inbox file into raw rows, choosing the reader by the file's kind. */
public final class FileReaders
{
    private FileReaders() {}

    public static FileRead read(SparkSession spark, InboxFile file)
    {
        try {
            return switch (file.kind()) {
                case CSV, TSV -> DelimitedFileReader.read(spark, file);
                case XLSX -> XlsxFileReader.read(spark, file);
                case JSONL -> JsonLinesFileReader.read(spark, file);
                case UNKNOWN -> throw new IllegalArgumentException("Invalid file kind for reading: " + file.name());
            };
        }
        catch (IOException e) {
            throw new PipelineException(PipelineErrorCode.RUN_FAILED, "Cannot read " + file.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One Spark partition holding the file's absolute path, for a task that opens and streams the file itself: the
     * inbox is a local folder (or one that every worker mounts at the same path). Not {@code binaryFiles}, which set up
     * a Hadoop input format and listed the file for each of a province's 40 files, ≈ 15 ms of the driver's time each.
     */
    static JavaRDD<String> pathInOneTask(SparkSession spark, InboxFile file)
    {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(file.path().toAbsolutePath().toString()), 1);
    }
}
