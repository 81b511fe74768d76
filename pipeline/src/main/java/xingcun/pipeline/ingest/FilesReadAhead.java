package xingcun.pipeline.ingest;

import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.read.FileKind;
import xingcun.pipeline.read.FileRead;
import xingcun.pipeline.read.FileReaders;
import xingcun.pipeline.read.Inbox;
import xingcun.pipeline.read.InboxFile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The driver's checks of a run's inbox files ({@link FileReaders#read}: each file decoded whole to find its encoding,
 * its header matched, its quotes scanned) made ahead, on a thread of their own and in the order the families load,
 * while earlier families run: they were on the critical path before each family's first task (a province's 218 MB of
 * attendance took the driver ≈ 2 s after the trainings had ended; its 0.9 MB talent roster, a workbook, ≈ 1 s after
 * the communities). A workbook's rows are parsed on the driver and held until its family is staged, so a family
 * with a workbook bigger than {@link #MAX_WORKBOOK_BYTES} is read when it starts, as before.
 */
final class FilesReadAhead implements AutoCloseable
{
    /** Bytes of a workbook up to which it is read ahead: a county's roster or project ledger, some 10,000 rows. */
    static final long MAX_WORKBOOK_BYTES = 4L << 20;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread reader = new Thread(task, "xingcun-read-ahead");
        reader.setDaemon(true);
        return reader;
    });
    private final Map<Family, Future<List<FileRead>>> reads = new EnumMap<>(Family.class);
    private final SparkSession spark;

    FilesReadAhead(SparkSession spark, Inbox inbox, List<Family> loadOrder)
    {
        this.spark = spark;
        for (Family family : loadOrder) {
            List<InboxFile> files = inbox.filesOf(family);
            if (!files.isEmpty() && files.stream().noneMatch(FilesReadAhead::isBigWorkbook)) {
                reads.put(family, thread.submit(() -> readAll(files)));
            }
        }
    }

    /** The family's files as read ahead, or read now. */
    List<FileRead> reads(Family family, List<InboxFile> files)
    {
        Future<List<FileRead>> ahead = reads.get(family);
        if (ahead == null) {
            return readAll(files);
        }
        try {
            return ahead.get();
        }
        catch (ExecutionException e) {
            // a file the reader refuses fails the run with the reader's own message, as when read on this thread
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Ingest interrupted", e);
        }
    }

    private static boolean isBigWorkbook(InboxFile file)
    {
        try {
            return file.kind() == FileKind.XLSX && java.nio.file.Files.size(file.path()) > MAX_WORKBOOK_BYTES;
        }
        catch (java.io.IOException e) {
            return true; // read when its family starts, where the reader names the problem
        }
    }

    private List<FileRead> readAll(List<InboxFile> files)
    {
        return files.stream().map(file -> FileReaders.read(spark, file)).toList();
    }

    @Override
    public void close()
    {
        thread.shutdownNow();
    }
}
