package xingcun.pipeline.read;

import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;

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
}
