package xingcun.pipeline.ingest;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import xingcun.pipeline.contract.ColumnSpec;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.read.HeaderLayout;
import xingcun.pipeline.read.RawRecords;
import xingcun.pipeline.validate.RecordValidator;
import xingcun.pipeline.validate.Rule;
import xingcun.pipeline.validate.ValidationContext;
import xingcun.pipeline.validate.ValidationOutcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Raw rows → validated rows: each row gets its typed lake values, its natural key and a hash of its content
 * (valid rows), or the rule that rejected it with the messages (rejected rows). Pure transform: no I/O.
 */
public final class ValidationTransform
{
    public static final String RECORD_KEY = "record_key";
    public static final String RECORD_HASH = "record_hash";
    public static final String RULE_ID = "rule_id";
    public static final String MESSAGE_ZH = "message_zh";
    public static final String MESSAGE_EN = "message_en";
    private static final char KEY_SEPARATOR = '\u001f';

    private ValidationTransform() {}

    public static StructType schema(Family family)
    {
        List<StructField> fields = new ArrayList<>(List.of(family.lakeSchema().fields()));
        fields.add(DataTypes.createStructField(RECORD_KEY, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RECORD_HASH, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RawRecords.SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(RawRecords.SOURCE_ROW, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(RawRecords.FILE_ORDER, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(RawRecords.RAW_JSON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RULE_ID, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(MESSAGE_ZH, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(MESSAGE_EN, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    public static Dataset<Row> validate(Family family, Dataset<Row> raw, ValidationContext context)
    {
        RecordValidator validator = new RecordValidator(family, context);
        List<String> inputColumns = family.columns().stream().map(ColumnSpec::name).toList();
        StructType lakeSchema = family.lakeSchema();
        MapPartitionsFunction<Row, Row> validateRows = rows -> new Iterator<>()
        {
            @Override
            public boolean hasNext()
            {
                return rows.hasNext();
            }

            @Override
            public Row next()
            {
                return validateRow(family, validator, inputColumns, lakeSchema, rows.next());
            }
        };
        return raw.mapPartitions(validateRows, Encoders.row(schema(family)));
    }

    private static Row validateRow(Family family, RecordValidator validator, List<String> inputColumns, StructType lakeSchema, Row raw)
    {
        int lakeWidth = lakeSchema.size();
        Object[] values = new Object[lakeWidth + 9];
        values[lakeWidth + 2] = raw.getAs(RawRecords.SOURCE_FILE);
        values[lakeWidth + 3] = raw.getAs(RawRecords.SOURCE_ROW);
        values[lakeWidth + 4] = raw.getAs(RawRecords.FILE_ORDER);
        values[lakeWidth + 5] = raw.getAs(RawRecords.RAW_JSON);
        String parseProblem = raw.getAs(RawRecords.PARSE_PROBLEM);
        if (parseProblem != null) {
            var rejection = Rule.ROW_MALFORMED.reject("", "", parseProblem);
            values[lakeWidth + 6] = rejection.rule().id();
            values[lakeWidth + 7] = rejection.messageChinese();
            values[lakeWidth + 8] = rejection.messageEnglish();
            return RowFactory.create(values);
        }
        Map<String, String> cells = new HashMap<>();
        for (String column : inputColumns) {
            cells.put(column, raw.getAs(column));
        }
        ValidationOutcome outcome = validator.validate(cells, HeaderLayout.parseHeaderUnits(raw.getAs(RawRecords.HEADER_UNITS)));
        if (outcome.rejection().isPresent()) {
            values[lakeWidth + 6] = outcome.rejection().get().rule().id();
            values[lakeWidth + 7] = outcome.rejection().get().messageChinese();
            values[lakeWidth + 8] = outcome.rejection().get().messageEnglish();
            return RowFactory.create(values);
        }
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < lakeWidth; i++) {
            values[i] = outcome.values().get(lakeSchema.fields()[i].name());
            content.append(values[i]).append(KEY_SEPARATOR);
        }
        StringBuilder key = new StringBuilder();
        for (String keyColumn : family.naturalKey()) {
            key.append(outcome.values().get(keyColumn)).append(KEY_SEPARATOR);
        }
        values[lakeWidth] = key.toString();
        values[lakeWidth + 1] = sha256(content.toString());
        return RowFactory.create(values);
    }

    private static String sha256(String text)
    {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
