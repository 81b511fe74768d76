package xingcun.pipeline.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A key's repeats within one partition of a family's validated rows — a partition is one inbox file, and a clerk's
 * repeat (a row typed twice) stands in the ledger of the row it repeats — judged in the task that tallies them, as
 * {@link ChangeClassification#classify} judges them when no other file and not the lake hold the key: in the order of
 * judgement (file, sheet, row) the first row is accepted, each later one a duplicate of the one before it or an update
 * of it, and the last one is kept. The driver uses these outcomes only for keys that no other partition and not the
 * lake hold (those are judged with all their rows, by a query); so most runs need no query to find their repeats.
 * <p>
 * Keys compare on 128 bits (the validator's key hash and a second hash of the key's text, made here) and contents on
 * 128 bits (two hashes of the content hash's text), as close to exact as the run's other judgements, which compare the
 * 128-bit content hashes. Per valid row the task keeps 48 bytes until the partition ends (12 MB for a province's
 * largest attendance file; up to twice that while its arrays grow).
 */
final class RepeatsInFile
{
    /** The seed of the second key hash: any other than the first's (Spark's 42). */
    private static final long SECOND_KEY_SEED = 0x9E3779B97F4A7C15L;
    private static final byte SEPARATOR = 0x1f; // as ValidationTransform.recordKey separates the key's columns
    private static final UTF8String NULL_TEXT = UTF8String.fromString("null"); // as recordKey writes a missing value

    /** Where the columns the judgement reads are in a validated row. */
    record Positions(int keyHash, int recordHash, int fileOrder, int sheet, int sourceRow, int[] keyColumns) implements Serializable {}

    /** A repeated key's row with its outcome, as {@link ChangeClassification#uncommonOutcomes} lists rows. */
    record Settled(long keyHash, int fileOrder, String sheet, long sourceRow, String change, boolean winner) implements Serializable
    {
        /** The row as the uncommon outcomes' rows are ({@link ChangeClassification#UNCOMMON_OUTCOMES}): not held by the lake. */
        Row toRow()
        {
            return new GenericRowWithSchema(new Object[] {fileOrder, sheet, sourceRow, change, winner, null}, ChangeClassification.UNCOMMON_OUTCOMES);
        }
    }

    private final Positions positions;
    private final Map<String, Integer> sheetIndex = new HashMap<>(Map.of("", 0));
    private final List<String> sheets = new ArrayList<>(List.of(""));
    private long[] keyHash = new long[1024];
    private long[] secondKeyHash = new long[1024];
    private long[] contentHigh = new long[1024];
    private long[] contentLow = new long[1024];
    private long[] sourceRow = new long[1024];
    private int[] fileOrder = new int[1024];
    private int[] sheet = new int[1024];
    private int size;
    private byte[] keyText = new byte[256];
    private long[] sortedKeyHashes;

    RepeatsInFile(Positions positions)
    {
        this.positions = positions;
    }

    /** Keeps what the judgement reads of a valid row (Spark may reuse the row: nothing of it is kept itself). */
    void add(InternalRow row)
    {
        if (size == keyHash.length) {
            int grown = size * 2;
            keyHash = Arrays.copyOf(keyHash, grown);
            secondKeyHash = Arrays.copyOf(secondKeyHash, grown);
            contentHigh = Arrays.copyOf(contentHigh, grown);
            contentLow = Arrays.copyOf(contentLow, grown);
            sourceRow = Arrays.copyOf(sourceRow, grown);
            fileOrder = Arrays.copyOf(fileOrder, grown);
            sheet = Arrays.copyOf(sheet, grown);
        }
        keyHash[size] = row.getLong(positions.keyHash());
        secondKeyHash[size] = secondKeyHash(row);
        // the content hash (32 hexadecimal digits) as two 64-bit hashes of its text: no assumption about its form
        UTF8String content = row.getUTF8String(positions.recordHash());
        contentHigh[size] = XXH64.hashUnsafeBytes(content.getBaseObject(), content.getBaseOffset(), content.numBytes(), 42L);
        contentLow[size] = XXH64.hashUnsafeBytes(content.getBaseObject(), content.getBaseOffset(), content.numBytes(), SECOND_KEY_SEED);
        sourceRow[size] = row.getLong(positions.sourceRow());
        fileOrder[size] = row.getInt(positions.fileOrder());
        UTF8String sheetName = row.getUTF8String(positions.sheet());
        sheet[size] = sheetName.numBytes() == 0 ? 0 : sheetIndex.computeIfAbsent(sheetName.toString(), name -> {
            sheets.add(name);
            return sheets.size() - 1;
        });
        size++;
    }

    /** The partition's key hashes, each once, ascending (call once the partition's rows are all added). */
    long[] distinctKeyHashes()
    {
        long[] sorted = Arrays.copyOf(sortedKeyHashes(), size);
        int count = 0;
        for (long value : sorted) {
            if (count == 0 || sorted[count - 1] != value) {
                sorted[count++] = value;
            }
        }
        return Arrays.copyOf(sorted, count);
    }

    /** Every row of every key the partition holds more than once, with its outcome. */
    List<Settled> settle()
    {
        long[] repeated = repeatedValues(sortedKeyHashes());
        if (repeated.length == 0) {
            return List.of();
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (Arrays.binarySearch(repeated, keyHash[i]) >= 0) {
                rows.add(i);
            }
        }
        byte[][] sheetBytes = sheets.stream().map(name -> name.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        rows.sort((left, right) -> {
            int byKey = Long.compare(keyHash[left], keyHash[right]);
            if (byKey != 0) {
                return byKey;
            }
            int bySecondKey = Long.compare(secondKeyHash[left], secondKeyHash[right]);
            if (bySecondKey != 0) {
                return bySecondKey;
            }
            // the order of judgement: file, sheet (Spark's order of strings: their UTF-8 bytes), row
            int byFile = Integer.compare(fileOrder[left], fileOrder[right]);
            if (byFile != 0) {
                return byFile;
            }
            int bySheet = Arrays.compareUnsigned(sheetBytes[sheet[left]], sheetBytes[sheet[right]]);
            return bySheet != 0 ? bySheet : Long.compare(sourceRow[left], sourceRow[right]);
        });
        List<Settled> settled = new ArrayList<>();
        int groupStart = 0;
        for (int at = 1; at <= rows.size(); at++) {
            if (at == rows.size() || !sameKey(rows.get(at), rows.get(groupStart))) {
                if (at - groupStart > 1) {
                    judge(rows.subList(groupStart, at), settled);
                }
                groupStart = at;
            }
        }
        return settled;
    }

    /** One key's rows in the order of judgement, as ChangeClassification.classify judges them without the lake. */
    private void judge(List<Integer> keyRows, List<Settled> settled)
    {
        for (int k = 0; k < keyRows.size(); k++) {
            int row = keyRows.get(k);
            String change;
            if (k == 0) {
                change = ChangeClassification.ACCEPTED;
            }
            else {
                int prior = keyRows.get(k - 1);
                change = contentHigh[prior] == contentHigh[row] && contentLow[prior] == contentLow[row] ? ChangeClassification.DUPLICATE : ChangeClassification.UPDATED;
            }
            settled.add(new Settled(keyHash[row], fileOrder[row], sheets.get(sheet[row]), sourceRow[row], change, k == keyRows.size() - 1));
        }
    }

    /** The key hashes of all rows added, ascending: sorted once, for both of the partition's answers. */
    private long[] sortedKeyHashes()
    {
        if (sortedKeyHashes == null) {
            sortedKeyHashes = Arrays.copyOf(keyHash, size);
            Arrays.sort(sortedKeyHashes);
        }
        return sortedKeyHashes;
    }

    private boolean sameKey(int left, int right)
    {
        return keyHash[left] == keyHash[right] && secondKeyHash[left] == secondKeyHash[right];
    }

    /** The key's text as ValidationTransform.recordKey makes it (text columns only), hashed with the second seed. */
    private long secondKeyHash(InternalRow row)
    {
        int length = 0;
        for (int column : positions.keyColumns()) {
            UTF8String text = row.isNullAt(column) ? NULL_TEXT : row.getUTF8String(column);
            int needed = length + text.numBytes() + 1;
            if (needed > keyText.length) {
                keyText = Arrays.copyOf(keyText, Math.max(needed, 2 * keyText.length));
            }
            text.writeToMemory(keyText, Platform.BYTE_ARRAY_OFFSET + length);
            length += text.numBytes();
            keyText[length++] = SEPARATOR;
        }
        return XXH64.hashUnsafeBytes(keyText, Platform.BYTE_ARRAY_OFFSET, length, SECOND_KEY_SEED);
    }

    /** The values that occur more than once in an ascending array, each once. */
    private static long[] repeatedValues(long[] sorted)
    {
        long[] repeated = new long[sorted.length];
        int count = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (count == 0 || repeated[count - 1] != sorted[i])) {
                repeated[count++] = sorted[i];
            }
        }
        return Arrays.copyOf(repeated, count);
    }
}
