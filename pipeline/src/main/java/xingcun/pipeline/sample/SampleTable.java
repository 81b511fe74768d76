package xingcun.pipeline.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One file of the inbox as it will be written: its path under the inbox, its format, the header row and the data
 * rows. Cells are Strings (written as typed, e.g. hand-typed dates), LocalDates (real date cells in XLSX), Numbers,
 * or null for an empty cell.
 */
record SampleTable(String path, FileFormat format, String sheetName, List<String> headers, List<Row> rows, List<String> notesSheet)
{
    /** How a file is encoded; the mix mirrors what Excel exports on Chinese-locale machines. */
    enum FileFormat
    {
        XLSX, CSV_GBK, CSV_UTF8, CSV_UTF8_BOM, TSV_UTF8, JSONL
    }

    /** One data row and what the ingest should do with it. */
    record Row(List<Object> cells, Expectation expected)
    {
        Row
        {
            cells = Collections.unmodifiableList(new ArrayList<>(cells));
            requireNonNull(expected, "expected is null");
        }

        static Row of(Expectation expected, Object... cells)
        {
            return new Row(Arrays.asList(cells), expected);
        }
    }

    SampleTable
    {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(sheetName, "sheetName is null");
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        notesSheet = List.copyOf(notesSheet);
        for (Row row : rows) {
            if (row.cells().size() != headers.size()) {
                throw new IllegalArgumentException("Row of " + path + " has " + row.cells().size() + " cells, header has " + headers.size());
            }
        }
    }

    static SampleTable of(String path, FileFormat format, List<String> headers, List<Row> rows)
    {
        return new SampleTable(path, format, "", headers, rows, List.of());
    }

    /** The inbox sub-folder, which names the record family. */
    String folder()
    {
        return path.substring(0, path.indexOf('/'));
    }

    /**
     * Where a clerk finds a data row: its spreadsheet row (the header is row 1), or for JSON Lines, which has no
     * header, its line number.
     */
    int fileRow(int dataRowIndex)
    {
        return format == FileFormat.JSONL ? dataRowIndex + 1 : dataRowIndex + 2;
    }
}
