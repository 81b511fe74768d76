package xingcun.pipeline.ingest;

import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.read.FileKind;
import xingcun.pipeline.read.FileRead;
import xingcun.pipeline.read.FileReaders;
import xingcun.pipeline.read.Inbox;
import xingcun.pipeline.read.InboxFile;

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
 * the communities). A workbook's rows are parsed on the driver and held until its family is staged, so only
 * workbooks of up to {@link #MAX_WORKBOOK_BYTES}, {@link #MAX_WORKBOOKS_BYTES} of them in all, are read ahead; a family
 * with others is read when it starts, as before. A family's reads are let go once it takes them.
 */
final class FilesReadAhead implements AutoCloseable
{
    /** Bytes of a workbook up to which it is read ahead: a county's roster or project ledger, some 10,000 rows. */
    static final long MAX_WORKBOOK_BYTES = 4L << 20;
    /** Bytes of all the workbooks read ahead. */
    static final long MAX_WORKBOOKS_BYTES = 16L << 20;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread reader = new Thread(task, "xingcun-read-ahead");
        reader.setDaemon(true);
        return reader;
    });
    private final Map<Family, Future<List<FileRead>>> reads = new java.util.concurrent.ConcurrentHashMap<>();
    private final SparkSession spark;

    FilesReadAhead(SparkSession spark, Inbox inbox, List<Family> loadOrder)
    {
        this.spark = spark;
        long workbookBytes = 0;
        for (Family family : loadOrder) {
            List<InboxFile> files = inbox.filesOf(family);
            List<Long> workbooks = files.stream().map(FilesReadAhead::workbookBytes).toList();
            long bytes = workbooks.stream().mapToLong(Long::longValue).sum();
            if (!files.isEmpty() && !workbooks.contains(-1L) && bytes <= MAX_WORKBOOKS_BYTES - workbookBytes) {
                workbookBytes += bytes;
                reads.put(family, thread.submit(() -> readAll(files)));
            }
        }
    }

    /** The family's files ({@code files}, the inbox's) as read ahead, or read now when they were not. */
    List<FileRead> reads(Family family, List<InboxFile> files)
    {
        Future<List<FileRead>> ahead = reads.remove(family);
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

    /** A workbook's bytes, -1 when it is over {@link #MAX_WORKBOOK_BYTES} or unknown; 0 for other files. */
    private static long workbookBytes(InboxFile file)
    {
        if (file.kind() != FileKind.XLSX) {
            return 0;
        }
        try {
            long bytes = java.nio.file.Files.size(file.path());
            return bytes > MAX_WORKBOOK_BYTES ? -1 : bytes;
        }
        catch (java.io.IOException e) {
            return -1; // read when its family starts, where the reader names the problem
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
