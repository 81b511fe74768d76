package xingcun.pipeline.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import xingcun.pipeline.contract.ColumnSpec;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.contract.ValueKind;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The common shape every reader produces for a family, whatever the file kind: lineage (file, row, order),
 * the row's raw cells as JSON (for quarantine), a parse problem if the line could not be split, and one text
 * column per canonical contract column.
 */
public final class RawRecords
        implements Serializable
{
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_ROW = "source_row";
    public static final String FILE_ORDER = "file_order";
    public static final String HEADER_UNITS = "header_units";
    public static final String RAW_JSON = "raw_json";
    public static final String PARSE_PROBLEM = "parse_problem";
    private static final int LINEAGE_COLUMNS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern PERSONAL_NUMBER = java.util.regex.Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|\\d{17}[\\dXx])(?!\\d)");

    private final Family family;
    // the file's name and order, not the InboxFile: a java.nio Path cannot travel to Spark executors
    private final String fileName;
    private final int fileOrder;
    private final HeaderLayout layout;

    public RawRecords(Family family, InboxFile file, HeaderLayout layout)
    {
        this(family, file.name(), file.order(), layout);
    }

    RawRecords(Family family, String fileName, int fileOrder, HeaderLayout layout)
    {
        this.family = requireNonNull(family, "family is null");
        this.fileName = requireNonNull(fileName, "fileName is null");
        this.fileOrder = fileOrder;
        this.layout = requireNonNull(layout, "layout is null");
    }

    public static StructType schema(Family family)
    {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
                DataTypes.createStructField(SOURCE_ROW, DataTypes.LongType, false),
                DataTypes.createStructField(FILE_ORDER, DataTypes.IntegerType, false),
                DataTypes.createStructField(HEADER_UNITS, DataTypes.StringType, true),
                DataTypes.createStructField(RAW_JSON, DataTypes.StringType, true),
                DataTypes.createStructField(PARSE_PROBLEM, DataTypes.StringType, true)));
        for (ColumnSpec column : family.columns()) {
            fields.add(DataTypes.createStructField(column.name(), DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** A raw row from the cells of one data row; rowNumber is the spreadsheet row (the header is row 1). */
    public Row row(long rowNumber, List<String> cells)
    {
        Object[] values = new Object[LINEAGE_COLUMNS + family.columns().size()];
        values[0] = fileName;
        values[1] = rowNumber;
        values[2] = fileOrder;
        values[3] = layout.headerUnitsText();
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String header = i < layout.headers().size() ? layout.headers().get(i) : "column_" + (i + 1);
            String canonical = i < layout.canonicalByPosition().size() ? layout.canonicalByPosition().get(i) : null;
            int index = canonical == null ? -1 : columnIndex(canonical);
            if (index >= 0) {
                values[LINEAGE_COLUMNS + index] = cells.get(i);
            }
            boolean personal = i < layout.personalByPosition().size() && layout.personalByPosition().get(i);
            raw.put(header, personal ? maskPersonal(cells.get(i)) : maskNumbers(cells.get(i)));
        }
        values[4] = json(raw);
        return RowFactory.create(values);
    }

    /** A row that could not be split into cells (a broken CSV quote, a line that is not JSON). */
    public Row malformed(long rowNumber, String line, String problem)
    {
        Object[] values = new Object[LINEAGE_COLUMNS + family.columns().size()];
        values[0] = fileName;
        values[1] = rowNumber;
        values[2] = fileOrder;
        values[4] = json(Map.of("line", maskLine(line)));
        values[5] = problem;
        return RowFactory.create(values);
    }

    private int columnIndex(String canonical)
    {
        List<ColumnSpec> columns = family.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(canonical)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Invalid column for " + family.folder() + ": " + canonical);
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
        boolean hasNames = family.columns().stream().anyMatch(column -> column.kind() == ValueKind.PERSON_NAME);
        if (!hasNames) {
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
