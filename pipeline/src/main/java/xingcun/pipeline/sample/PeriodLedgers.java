package xingcun.pipeline.sample;

import xingcun.pipeline.sample.InboxFiles.LedgerFile;
import xingcun.pipeline.sample.SampleTable.FileFormat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One family's ledger cut into a file per year or per month (service_logs/2025年03月服务台账.csv): finds the file a
 * record of a day belongs in and numbers the records in it (SL-202503-0000001).
 */
final class PeriodLedgers
{
    private final InboxFiles inbox;
    private final LedgerPeriod period;
    private final String folder;
    private final String fileName;
    private final FileFormat format;
    private final List<String> headers;
    private final String numberPrefix;
    private final int digits;
    private final Map<Integer, LedgerFile> files = new HashMap<>();
    private final Map<Integer, String> numberPrefixes = new HashMap<>();

    /**
     * @param fileName what follows the period in the file name: 服务台账.csv
     * @param numberPrefix the record numbers' letters: SL
     * @param digits how many digits the number in a file has
     */
    PeriodLedgers(InboxFiles files, LedgerPeriod period, String folder, String fileName, FileFormat format, List<String> headers, String numberPrefix, int digits)
    {
        this.inbox = files;
        this.period = period;
        this.folder = folder;
        this.fileName = fileName;
        this.format = format;
        this.headers = List.copyOf(headers);
        this.numberPrefix = numberPrefix;
        this.digits = digits;
    }

    LedgerFile at(LocalDate day)
            throws IOException
    {
        int key = key(day);
        LedgerFile ledger = files.get(key);
        if (ledger == null) {
            ledger = inbox.ledger(folder + "/" + period.fileLabel(day) + fileName, format, headers);
            files.put(key, ledger);
        }
        return ledger;
    }

    /** The next record number of the file for day: SL-202503-0000001. */
    String nextNumber(LocalDate day)
            throws IOException
    {
        String prefix = numberPrefixes.computeIfAbsent(key(day), key -> numberPrefix + "-" + period.numberPrefix(day) + "-");
        return prefix + Digits.padded(at(day).nextNumber(), digits);
    }

    private int key(LocalDate day)
    {
        return period == LedgerPeriod.YEAR ? day.getYear() : day.getYear() * 100 + day.getMonthValue();
    }
}
