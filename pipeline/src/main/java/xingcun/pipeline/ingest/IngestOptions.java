package xingcun.pipeline.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * What an ingest run is asked to do.
 *
 * @param lake a folder path or a Hadoop URI (file://, hdfs://, s3a://)
 * @param today the day the run treats as today: dates later than a year after it are rejected
 * @param progress receives one line per step, for the user to see the run move
 */
public record IngestOptions(Path inbox, String lake, LocalDate today, Consumer<String> progress)
{
    public IngestOptions
    {
        requireNonNull(inbox, "inbox is null");
        requireNonNull(lake, "lake is null");
        requireNonNull(today, "today is null");
        requireNonNull(progress, "progress is null");
    }
}
