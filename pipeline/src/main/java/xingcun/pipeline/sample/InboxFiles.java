package xingcun.pipeline.sample;

import xingcun.pipeline.contract.Family;
import xingcun.pipeline.sample.InboxManifest.FamilyCounts;
import xingcun.pipeline.sample.SampleTable.FileFormat;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a generated inbox while they are written, and the tally of every row by what the ingest must do
 * with it. Ledgers stay open until the end, so rows go to their file as they are drawn, in any order of files.
 */
final class InboxFiles
        implements Closeable
{
    private final Path inbox;
    private final Map<String, LedgerFile> open = new HashMap<>();
    private final Map<String, Tally> tallies = new HashMap<>();

    InboxFiles(Path inbox)
    {
        this.inbox = inbox;
    }

    /** The open ledger at path (family folder/file name), opened with its header row on first use. */
    LedgerFile ledger(String path, FileFormat format, List<String> headers)
            throws IOException
    {
        LedgerFile ledger = open.get(path);
        if (ledger == null) {
            Path file = inbox.resolve(path);
            Files.createDirectories(file.getParent());
            ledger = new LedgerFile(path, RowFileWriter.open(file, format, headers), tally(path));
            open.put(path, ledger);
        }
        return ledger;
    }

    /** A workbook written whole, tallied row by row. */
    void writeWorkbook(SampleTable table)
            throws IOException
    {
        SampleFileWriter.writeLargeXlsx(inbox, table);
        Tally tally = tally(table.path());
        table.rows().forEach(row -> tally.count(table.path(), row.expected()));
    }

    private Tally tally(String path)
    {
        return tallies.computeIfAbsent(path.substring(0, path.indexOf('/')), folder -> new Tally());
    }

    /** Each family's counts, in the contract's order of families. */
    Map<String, FamilyCounts> counts()
    {
        Map<String, FamilyCounts> counts = new LinkedHashMap<>();
        for (Family family : Family.values()) {
            Tally tally = tallies.get(family.folder());
            if (tally != null) {
                counts.put(family.folder(), tally.counts());
            }
        }
        return counts;
    }

    @Override
    public void close()
            throws IOException
    {
        IOException failure = null;
        for (LedgerFile ledger : open.values()) {
            try {
                ledger.writer.close();
            }
            catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One open ledger: its rows are tallied as they are written, and it hands out the record numbers in it. */
    static final class LedgerFile
    {
        private final String path;
        private final RowFileWriter writer;
        private final Tally tally;
        private int lastNumber;

        private LedgerFile(String path, RowFileWriter writer, Tally tally)
        {
            this.path = path;
            this.writer = writer;
            this.tally = tally;
        }

        /** 1, 2, 3 … in the order records are numbered in this file. */
        int nextNumber()
        {
            return ++lastNumber;
        }

        void write(Expectation expected, Object... cells)
                throws IOException
        {
            writer.write(Arrays.asList(cells));
            tally.count(path, expected);
        }
    }

    private static final class Tally
    {
        private final Map<String, Long> rowsByFile = new TreeMap<>();
        private final Map<String, Long> rejectedByRule = new TreeMap<>();
        private long accepted;
        private long duplicates;
        private long rejected;

        void count(String path, Expectation expected)
        {
            rowsByFile.merge(path, 1L, Long::sum);
            switch (expected.outcome()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> {
                    rejected++;
                    rejectedByRule.merge(expected.rule(), 1L, Long::sum);
                }
            }
        }

        FamilyCounts counts()
        {
            long rows = accepted + duplicates + rejected;
            return new FamilyCounts(rowsByFile.size(), rows, accepted, duplicates, rejected, duplicates + rejected, rejectedByRule, rowsByFile);
        }
    }
}
