package xingcun.pipeline.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.contract.ValueKind;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a family makes of its raw records: the cells by canonical column (for validation), and the masked raw
 * record as JSON (for the quarantine, so a clerk can see what was typed). Also the names of the lineage columns
 * every validated row carries.
 */
public final class RawRecords
        implements Serializable
{
    public static final String SOURCE_FILE = "source_file";
    /** A validated row's sheet ({@link RawRecord#sheet}): with its file order, where it is; the lake has source_file. */
    public static final String SOURCE_SHEET = "source_sheet";
    public static final String SOURCE_ROW = "source_row";
    public static final String FILE_ORDER = "file_order";
    public static final String RAW_JSON = "raw_json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern PERSONAL_NUMBER = java.util.regex.Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|\\d{17}[\\dXx])(?!\\d)");

    private final boolean hasPersonNames;

    public RawRecords(Family family)
    {
        this.hasPersonNames = requireNonNull(family, "family is null").columns().stream().anyMatch(column -> column.kind() == ValueKind.PERSON_NAME);
    }

    /** The record's cells under their canonical column names; columns the file lacks are absent, cells the contract does not know are left out. */
    public Map<String, String> canonicalCells(RawRecord record)
    {
        Map<String, String> cells = new HashMap<>();
        List<String> canonical = record.layout().canonicalByPosition();
        for (int i = 0; i < record.cells().size() && i < canonical.size(); i++) {
            if (canonical.get(i) != null) {
                cells.put(canonical.get(i), record.cells().get(i));
            }
        }
        return cells; // a column the file lacks is simply absent: validation reads absent as empty
    }

    /** The raw record as JSON for the quarantine: every header with its cell, personal cells masked (1*********8, 张**). */
    public String rawJson(RawRecord record)
    {
        if (record.isMalformed()) {
            return json(Map.of("line", maskLine(record.cells().get(0))));
        }
        HeaderLayout layout = record.layout();
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < record.cells().size(); i++) {
            String header = i < layout.headers().size() ? layout.headers().get(i) : "column_" + (i + 1);
            boolean personal = i < layout.personalByPosition().size() && layout.personalByPosition().get(i);
            raw.put(header, personal ? maskPersonal(record.cells().get(i)) : maskNumbers(record.cells().get(i)));
        }
        return json(raw);
    }

    /** Quarantine keeps raw values for the clerk to fix, but personal ones only masked: 1*********8, 张**. */
    static String maskPersonal(String value)
    {
        if (value == null || value.isBlank()) {
            return value;
        }
        String text = value.strip();
        if (text.length() <= 3) {
            return text.charAt(0) + "*".repeat(text.length() - 1);
        }
        return text.charAt(0) + "*".repeat(text.length() - 2) + text.charAt(text.length() - 1);
    }

    /** Phone and id numbers wherever they stand (an unknown column, a note) keep only their first and last character. */
    static String maskNumbers(String value)
    {
        return value == null ? null : PERSONAL_NUMBER.matcher(value).replaceAll(match -> maskPersonal(match.group()));
    }

    /**
     * A line that could not be split: in a family with personal names every cell is masked (which cell is a name
     * cannot be known), elsewhere only phone and id numbers.
     */
    private String maskLine(String line)
    {
        if (!hasPersonNames) {
            return maskNumbers(line);
        }
        StringBuilder masked = new StringBuilder();
        for (String cell : line.split("(?<=[,\\t])|(?=[,\\t])")) {
            masked.append(cell.equals(",") || cell.equals("\t") ? cell : maskPersonal(cell));
        }
        return masked.toString();
    }

    private static String json(Map<String, String> raw)
    {
        try {
            return JSON.writeValueAsString(raw);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write raw record as JSON", e);
        }
    }
}
