package xingcun.pipeline.read;

import org.apache.spark.api.java.JavaRDD;
import xingcun.pipeline.validate.Rejection;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What reading one file gave: its raw rows, or — when the file as a whole cannot be read — the reason and how
 * many data rows it held, so that they still count as read and rejected. Sheets that were skipped are listed.
 */
public record FileRead(InboxFile file, Optional<JavaRDD<RawRecord>> rows, Optional<Rejection> fileRejection, long rejectedRowCount, List<String> notes)
{
    public FileRead
    {
        requireNonNull(file, "file is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(fileRejection, "fileRejection is null");
        notes = List.copyOf(notes);
        if (rows.isPresent() == fileRejection.isPresent()) {
            throw new IllegalArgumentException("Invalid file read of " + file.name() + ": exactly one of rows and fileRejection");
        }
    }

    public static FileRead rows(InboxFile file, JavaRDD<RawRecord> rows, List<String> notes)
    {
        return new FileRead(file, Optional.of(rows), Optional.empty(), 0, notes);
    }

    public static FileRead unreadable(InboxFile file, Rejection rejection, long rowCount)
    {
        return new FileRead(file, Optional.empty(), Optional.of(rejection), rowCount, List.of());
    }
}
