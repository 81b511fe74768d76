package xingcun.pipeline.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One data row of an inbox file as it was read, before validation: where it came from (file, row, the file's order
 * in the run), the header it was read under, and its cells in file order — or, when the line could not be split
 * into cells, the line itself and the problem. A plain value, so readers hand rows to validation without a Spark
 * schema in between, and the raw record is written out (masked) only for the rows that are rejected.
 */
public record RawRecord(String sourceFile, long sourceRow, int fileOrder, HeaderLayout layout, List<String> cells, String parseProblem)
        implements Serializable
{
    public RawRecord
    {
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(layout, "layout is null");
        cells = new ArrayList<>(requireNonNull(cells, "cells is null")); // a cell may be null (JSON null)
    }

    public static RawRecord of(String sourceFile, long sourceRow, int fileOrder, HeaderLayout layout, List<String> cells)
    {
        return new RawRecord(sourceFile, sourceRow, fileOrder, layout, cells, null);
    }

    /** A line that could not be split (a broken CSV quote, a line that is not JSON): kept whole, with the problem. */
    public static RawRecord malformed(String sourceFile, long sourceRow, int fileOrder, HeaderLayout layout, String line, String problem)
    {
        return new RawRecord(sourceFile, sourceRow, fileOrder, layout, List.of(line), requireNonNull(problem, "problem is null"));
    }

    public boolean isMalformed()
    {
        return parseProblem != null;
    }
}
