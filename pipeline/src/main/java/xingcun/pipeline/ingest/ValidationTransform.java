package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.read.RawRecord;
import xingcun.pipeline.read.RawRecords;
import xingcun.pipeline.validate.LakeValues;
import xingcun.pipeline.validate.RecordValidator;
import xingcun.pipeline.validate.Rejection;
import xingcun.pipeline.validate.Rule;
import xingcun.pipeline.validate.ValidationOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Raw records → validated rows: each row gets its typed lake values, a hash of its natural key and a hash of its
 * content (valid rows), or the rule that rejected it with the messages (rejected rows). Pure transform: no I/O.
 * <p>
 * The key itself ({@link #recordKey}) and the source file's name ({@link #sourceFile}) are not in the rows: they are
 * cached between the passes over a family, and both repeat what the row has already (the key columns' text; the file's
 * order): an attendance row's key was 80 bytes of its 430, its file's name 48. They are made where a query needs them
 * (the writes, the rows of candidate keys). The rows carry the key's 64-bit hash, which is what the first pass looks at.
 */
public final class ValidationTransform
{
    public static final String RECORD_KEY = "record_key";
    /** A valid row's {@link #recordKey} hashed as Spark's {@code xxhash64} hashes it (null for a rejected row). */
    public static final String KEY_HASH = "key_hash";
    public static final String RECORD_HASH = "record_hash";
    public static final String RULE_ID = "rule_id";
    public static final String MESSAGE_ZH = "message_zh";
    public static final String MESSAGE_EN = "message_en";
    private static final char KEY_SEPARATOR = '\u001f';
    private static final byte SEPARATOR_BYTE = 0x1f; // KEY_SEPARATOR in UTF-8
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    // where the columns after a family's lake columns are in a validated row: schema()'s order
    private static final int KEY_HASH_AT = 0;
    private static final int HASH_AT = 1;
    private static final int SOURCE_SHEET_AT = 2;
    private static final int SOURCE_ROW_AT = 3;
    private static final int FILE_ORDER_AT = 4;
    private static final int RAW_JSON_AT = 5;
    private static final int RULE_AT = 6;
    private static final int MESSAGE_ZH_AT = 7;
    private static final int MESSAGE_EN_AT = 8;
    private static final int COLUMNS_AFTER_LAKE = 9;
    /** The seed of Spark's {@code xxhash64}: a key hashes here as the lake's keys hash in a query. */
    private static final long SPARK_XXHASH64_SEED = 42L;

    private ValidationTransform() {}

    public static StructType schema(Family family)
    {
        List<StructField> fields = new ArrayList<>(List.of(family.lakeSchema().fields()));
        fields.add(DataTypes.createStructField(KEY_HASH, DataTypes.LongType, true));
        fields.add(DataTypes.createStructField(RECORD_HASH, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RawRecords.SOURCE_SHEET, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(RawRecords.SOURCE_ROW, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(RawRecords.FILE_ORDER, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(RawRecords.RAW_JSON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RULE_ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(MESSAGE_ZH, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(MESSAGE_EN, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    /**
     * Validates raw records inside Spark tasks. The validator travels as a broadcast: it holds the program's
     * communities and every known talent id, too big to ship again with each task.
     * <p>
     * The rows are made in Spark's own value types (UTF8String, days since the epoch) and handed to Spark as they are:
     * {@code createDataFrame} of {@link Row}s runs each row through Spark's encoder, which converted every value again
     * and generated its code anew in every task (together 13 % of a province ingest's executor time).
     * {@code internalCreateDataFrame} is Spark-private in Scala, public to Java (like {@code Broadcast.destroy(boolean)}).
     */
    public static Dataset<Row> validate(SparkSession spark, Family family, JavaRDD<RawRecord> raw, Broadcast<RecordValidator> validator)
    {
        RawRecords rawRecords = new RawRecords(family);
        StructType lakeSchema = family.lakeSchema();
        sparkValues(lakeSchema); // every lake type has a conversion, or the run stops before its first task
        FlatMapFunction<Iterator<RawRecord>, InternalRow> validateRows = records -> new Iterator<>()
        {
            private final RecordValidator rowValidator = validator.value();
            private final MessageDigest digest = sha256();
            private final List<Function<Object, Object>> conversions = sparkValues(lakeSchema);

            @Override
            public boolean hasNext()
            {
                return records.hasNext();
            }

            @Override
            public InternalRow next()
            {
                return validateRow(family, rowValidator, rawRecords, lakeSchema, conversions, digest, records.next());
            }
        };
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(raw.mapPartitions(validateRows).rdd(), schema(family), false);
    }

    private static InternalRow validateRow(Family family, RecordValidator validator, RawRecords rawRecords, StructType lakeSchema,
            List<Function<Object, Object>> conversions, MessageDigest digest, RawRecord raw)
    {
        int lakeWidth = lakeSchema.size();
        Object[] values = new Object[lakeWidth + COLUMNS_AFTER_LAKE];
        values[lakeWidth + SOURCE_SHEET_AT] = UTF8String.fromString(raw.sheet());
        values[lakeWidth + SOURCE_ROW_AT] = raw.sourceRow();
        values[lakeWidth + FILE_ORDER_AT] = raw.fileOrder();
        if (raw.isMalformed()) {
            return rejected(values, lakeWidth, Rule.ROW_MALFORMED.reject("", "", raw.parseProblem()), rawRecords.rawJson(raw));
        }
        ValidationOutcome outcome = validator.validate(rawRecords.canonicalCells(raw), raw.layout().headerUnits());
        if (outcome.rejection().isPresent()) {
            // the raw record (masked) is kept only for rows the quarantine shows: building it for every row cost a tenth of the ingest
            return rejected(values, lakeWidth, outcome.rejection().get(), rawRecords.rawJson(raw));
        }
        LakeValues lakeValues = outcome.values();
        digest.reset(); // a row whose hashing failed must not leave its bytes to the next
        for (int i = 0; i < lakeWidth; i++) {
            Object value = lakeValues.at(i);
            values[i] = value == null ? null : conversions.get(i).apply(value);
            // the content hash is of the Java values' text (a date as 2021-03-05, a missing value as null), each after
            // the other with a separator, as the lake's hashes have always been; a text's UTF-8 bytes are its Spark value's
            digest.update(values[i] instanceof UTF8String text ? text.getBytes() : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            digest.update(SEPARATOR_BYTE);
        }
        StringBuilder key = new StringBuilder();
        for (String keyColumn : family.naturalKey()) {
            key.append(lakeValues.get(keyColumn)).append(KEY_SEPARATOR); // the text recordKey() makes of the row
        }
        byte[] keyBytes = key.toString().getBytes(StandardCharsets.UTF_8);
        values[lakeWidth + KEY_HASH_AT] = XXH64.hashUnsafeBytes(keyBytes, Platform.BYTE_ARRAY_OFFSET, keyBytes.length, SPARK_XXHASH64_SEED);
        values[lakeWidth + HASH_AT] = UTF8String.fromBytes(hex(digest.digest(), 16));
        return new GenericInternalRow(values);
    }

    /**
     * A valid row's natural key (record_key), made from its key columns: each one's text and a separator (U+001F) after
     * it, as the run's keys have always been made (a missing value would read "null", the validator's text of it; no
     * key column of a valid row is missing today: a blank product is an empty text); null for a rejected row. Its
     * {@code xxhash64} is the row's {@link #KEY_HASH}.
     *
     * @throws IllegalStateException when a key column is not text: Spark's text of a date or a number need not be
     *         the validator's, and the key would then hash differently from the key_hash the run judged by
     */
    public static Column recordKey(Family family)
    {
        return when(col(RULE_ID).isNull(), keyText(family));
    }

    /**
     * The natural key's text of rows holding the family's key columns, as {@link #recordKey} makes it: how the lake's
     * rows are keyed when a run reads them (LakeTables.read); the lake does not store it.
     *
     * @throws IllegalStateException when a key column is not text (see {@link #recordKey})
     */
    public static Column keyText(Family family)
    {
        List<Column> parts = new ArrayList<>();
        for (String keyColumn : family.naturalKey()) {
            DataType type = family.lakeSchema().apply(keyColumn).dataType();
            if (!type.equals(DataTypes.StringType)) {
                throw new IllegalStateException("The key column " + keyColumn + " of " + family.folder() + " is " + type.simpleString()
                        + ", not text: ValidationTransform.recordKey and the validator's key hash make a key of text columns only");
            }
            parts.add(coalesce(col(keyColumn), lit("null")));
            parts.add(lit(String.valueOf(KEY_SEPARATOR)));
        }
        return concat(parts.toArray(Column[]::new));
    }

    /**
     * A row's source file as the lake and the quarantine store it ({@link RawRecord#sourceFile}): its file's name, by
     * the file's order, and #sheet after it for a workbook's later sheets. Never null, as the lake's schema has it.
     *
     * @param fileNames the name of each file of the family's run, by its order (the orders of the whole inbox: small
     *        numbers, so the names are looked up by position in an array, not searched for in a map)
     */
    public static Column sourceFile(Map<Integer, String> fileNames)
    {
        int size = fileNames.keySet().stream().mapToInt(order -> order + 1).max().orElse(0);
        Column[] names = new Column[size];
        for (int order = 0; order < size; order++) {
            names[order] = lit(fileNames.get(order)).cast(DataTypes.StringType);
        }
        // every row's file order is one of its run's files; the fallback only tells Spark the column is never null
        Column fileName = coalesce(array(names).getItem(col(RawRecords.FILE_ORDER)), lit(""));
        Column sheet = col(RawRecords.SOURCE_SHEET);
        return concat(fileName, when(sheet.equalTo(lit("")), lit("")).otherwise(concat(lit("#"), sheet)));
    }

    /** The first {@code length} bytes in lower-case hexadecimal, as ASCII bytes (what HexFormat.of() writes). */
    private static byte[] hex(byte[] bytes, int length)
    {
        byte[] hex = new byte[2 * length];
        for (int i = 0; i < length; i++) {
            hex[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return hex;
    }

    /** The types of the lake's columns, each with how a validated Java value becomes Spark's value of that type. */
    static final Map<DataType, Function<Object, Object>> SPARK_VALUES = Map.of(
            DataTypes.StringType, value -> UTF8String.fromString((String) value),
            DataTypes.DateType, value -> (int) ((java.sql.Date) value).toLocalDate().toEpochDay(),
            DataTypes.LongType, value -> (Long) value,
            DataTypes.DoubleType, value -> (Double) value,
            DataTypes.BooleanType, value -> (Boolean) value);

    /**
     * How each lake column's validated values become Spark's (a cast that fails names a validator's mistake); a type
     * without a conversion fails here, before any row.
     */
    static List<Function<Object, Object>> sparkValues(StructType lakeSchema)
    {
        List<Function<Object, Object>> conversions = new ArrayList<>();
        for (StructField field : lakeSchema.fields()) {
            Function<Object, Object> conversion = SPARK_VALUES.get(field.dataType());
            if (conversion == null) {
                throw new IllegalStateException("Cannot hold the lake column " + field.name() + " of type " + field.dataType().simpleString()
                        + ": add the type to ValidationTransform.SPARK_VALUES");
            }
            conversions.add(conversion);
        }
        return conversions;
    }

    private static InternalRow rejected(Object[] values, int lakeWidth, Rejection rejection, String rawJson)
    {
        values[lakeWidth + RAW_JSON_AT] = UTF8String.fromString(rawJson);
        values[lakeWidth + RULE_AT] = UTF8String.fromString(rejection.rule().id());
        values[lakeWidth + MESSAGE_ZH_AT] = UTF8String.fromString(rejection.messageChinese());
        values[lakeWidth + MESSAGE_EN_AT] = UTF8String.fromString(rejection.messageEnglish());
        return new GenericInternalRow(values);
    }

    private static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
