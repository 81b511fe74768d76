package xingcun.pipeline.read;

import java.util.Locale;

/** The file kinds an inbox may hold, by extension. */
public enum FileKind
{
    CSV, TSV, XLSX, JSONL, UNKNOWN;

    public static FileKind of(String fileName)
    {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".tsv")) {
            return TSV;
        }
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        if (lower.endsWith(".jsonl")) {
            return JSONL;
        }
        return UNKNOWN;
    }
}
