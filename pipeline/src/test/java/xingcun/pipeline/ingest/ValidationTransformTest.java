package xingcun.pipeline.ingest;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xingcun.pipeline.community.CommunityDirectory;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.identity.PersonalDataHasher;
import xingcun.pipeline.read.HeaderLayout;
import xingcun.pipeline.read.RawRecord;
import xingcun.pipeline.validate.RecordValidator;
import xingcun.pipeline.validate.ValidationContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validated rows as Spark gets them: typed values, and the key (made by a query) and content hash every lake compares with. A lake keeps
 * the hashes of the rows it was given; a hash computed differently would call every row of a ledger ingested again an
 * update, so the text they are computed from is pinned here.
 */
class ValidationTransformTest
{
    private static final List<String> HEADERS = List.of("日志编号", "人才编号", "服务社区代码", "服务日期", "服务类型", "服务天数", "服务人次", "破解技术瓶颈", "服务内容", "备注");
    private static SparkSession spark;

    @BeforeAll
    static void start()
    {
        spark = SparkTestSession.start();
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void aValidRowHasItsTypedValuesItsKeyAndTheHashOfItsValuesText()
            throws Exception
    {
        Row row = validate(List.of(" sl-2021-001 ", "XS2021001", "530112010014", "2021/3/5", "培训授课", "0.5", "12", "", "烤烟移栽 育苗", "")).get(0);
        assertThat(row.getString(row.fieldIndex("rule_id"))).isNull();

        assertThat(row.getString(row.fieldIndex("log_id"))).isEqualTo("SL-2021-001");
        assertThat(row.getString(row.fieldIndex("community_code"))).isEqualTo("530112010014");
        assertThat(row.getDate(row.fieldIndex("service_on"))).isEqualTo(Date.valueOf(LocalDate.of(2021, 3, 5)));
        assertThat(row.getDouble(row.fieldIndex("days"))).isEqualTo(0.5);
        assertThat(row.getLong(row.fieldIndex("people_served"))).isEqualTo(12L);
        assertThat(row.isNullAt(row.fieldIndex("notes"))).isTrue();
        assertThat(row.getString(row.fieldIndex("record_key"))).isEqualTo("SL-2021-001\u001f");
        assertThat(row.getLong(row.fieldIndex("key_hash"))).isEqualTo(row.getLong(row.fieldIndex("spark_key_hash")));
        // the lake's columns in order, each as Java writes it (a missing value as null), each followed by U+001F; the
        // first 16 bytes of its SHA-256 in lower-case hexadecimal
        String content = String.join("\u001f", "SL-2021-001", "XS2021001", "530112010014", "2021-03-05", "teaching", "0.5", "12",
                "null", "烤烟移栽 育苗", "null") + "\u001f";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        assertThat(row.getString(row.fieldIndex("record_hash"))).isEqualTo(HexFormat.of().formatHex(digest, 0, 16))
                .isEqualTo("721ab01a7e2cb6cac116171c18fc9074");
        assertThat(row.isNullAt(row.fieldIndex("rule_id"))).isTrue();
        assertThat(row.isNullAt(row.fieldIndex("raw_json"))).isTrue();
        assertThat(row.getString(row.fieldIndex("source_file"))).isEqualTo("service_logs/服务日志.csv");
        assertThat(row.getLong(row.fieldIndex("source_row"))).isEqualTo(2L);
    }

    @Test
    void aKeyOfSeveralColumnsIsTheirTextEachWithASeparatorAndHashesAsSparkHashesIt()
    {
        Row row = validate(Family.INDUSTRY_OUTPUTS, List.of("社区名称", "统计期", "指标", "产品", "数值", "单位"),
                List.of("律则社区居委会", "2021年", "农产品摊点", "", "15", "个")).get(0);

        assertThat(row.getString(row.fieldIndex("message_en"))).isNull();
        // a blank product is an empty text in the key
        assertThat(row.getString(row.fieldIndex("record_key")))
                .isEqualTo(row.getString(row.fieldIndex("community_code")) + "\u001f2021\u001fproduce_stalls\u001f\u001f");
        assertThat(row.getLong(row.fieldIndex("key_hash"))).isEqualTo(row.getLong(row.fieldIndex("spark_key_hash")));
        Row strawberries = validate(Family.INDUSTRY_OUTPUTS, List.of("社区名称", "统计期", "指标", "产品", "数值", "单位"),
                List.of("律则社区居委会", "2021年", "农产品摊点", "草莓", "15", "个")).get(0);
        assertThat(strawberries.getString(strawberries.fieldIndex("record_key"))).endsWith("\u001f草莓\u001f");
        assertThat(strawberries.getLong(strawberries.fieldIndex("key_hash"))).isEqualTo(strawberries.getLong(strawberries.fieldIndex("spark_key_hash")))
                .isNotEqualTo(row.getLong(row.fieldIndex("key_hash")));
        // a missing value, which no key column of a valid row has today, reads "null", as the validator's text of it
        org.apache.spark.sql.types.StructType keyColumns = new org.apache.spark.sql.types.StructType()
                .add("community_code", "string").add("period", "string").add("indicator", "string").add("product", "string").add("rule_id", "string");
        assertThat(spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("5301", "2021", "stall", null, null)), keyColumns)
                .select(ValidationTransform.recordKey(Family.INDUSTRY_OUTPUTS)).first().getString(0)).isEqualTo("5301\u001f2021\u001fstall\u001fnull\u001f");
    }

    @Test
    void theSourceFileIsTheFilesNameByItsOrderAndTheSheetAfterItForAWorkbooksLaterSheets()
    {
        org.apache.spark.sql.types.StructType located = new org.apache.spark.sql.types.StructType().add("file_order", "int", false).add("source_sheet", "string", false); // as validated rows have them
        List<Row> rows = List.of(org.apache.spark.sql.RowFactory.create(3, ""), org.apache.spark.sql.RowFactory.create(3, "二期"),
                org.apache.spark.sql.RowFactory.create(5, ""));
        org.apache.spark.sql.Dataset<Row> sourceFiles = spark.createDataFrame(rows, located)
                .select(ValidationTransform.sourceFile(java.util.Map.of(3, "projects/台账.xlsx", 5, "projects/b#1.xlsx")));
        assertThat(sourceFiles.collectAsList().stream().map(row -> row.getString(0)).toList())
                .containsExactly("projects/台账.xlsx", "projects/台账.xlsx#二期", "projects/b#1.xlsx");
        // the lake's and the quarantine's source_file is a required column: a nullable one would change their files' schema
        assertThat(sourceFiles.schema().fields()[0].nullable()).isFalse();
    }

    @Test
    void everyFamilysKeyIsMadeOfTextColumns()
    {
        for (Family family : Family.values()) {
            assertThat(ValidationTransform.recordKey(family)).as(family.folder()).isNotNull();
        }
    }

    @Test
    void textBeyondTheBasicPlaneHashesAsItsUtf8()
            throws Exception
    {
        Row row = validate(List.of("SL-2021-003", "XS2021001", "530112010014", "2021-03-05", "培训授课", "1", "3", "", "𠀀𪚥 烤烟", "")).get(0);

        String content = String.join("\u001f", "SL-2021-003", "XS2021001", "530112010014", "2021-03-05", "teaching", "1.0", "3",
                "null", "𠀀𪚥 烤烟", "null") + "\u001f";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        assertThat(row.getString(row.fieldIndex("topic"))).isEqualTo("𠀀𪚥 烤烟");
        assertThat(row.getString(row.fieldIndex("record_hash"))).isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
    }

    @Test
    void everyLakeColumnTypeBecomesASparkValueAndAnyOtherStopsTheRun()
    {
        for (Family family : Family.values()) {
            assertThat(ValidationTransform.sparkValues(family.lakeSchema())).as(family.folder()).hasSize(family.lakeSchema().size());
        }
        org.apache.spark.sql.types.StructType decimal = new org.apache.spark.sql.types.StructType().add("amount", org.apache.spark.sql.types.DataTypes.createDecimalType(18, 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValidationTransform.sparkValues(decimal)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot hold the lake column amount of type decimal(18,2): add the type to ValidationTransform.SPARK_VALUES");
    }

    @Test
    void aRejectedRowHasItsRuleMessagesAndRawRecordButNoKey()
    {
        Row row = validate(List.of("SL-2021-002", "XS2099999", "530112010014", "2021-03-05", "培训授课", "1", "3", "", "", "")).get(0);

        assertThat(row.getString(row.fieldIndex("rule_id"))).isEqualTo("talent.unknown");
        assertThat(row.getString(row.fieldIndex("message_en"))).contains("XS2099999");
        assertThat(row.getString(row.fieldIndex("raw_json"))).contains("\"人才编号\":\"XS2099999\"");
        assertThat(row.isNullAt(row.fieldIndex("record_key"))).isTrue();
        assertThat(row.isNullAt(row.fieldIndex("key_hash"))).isTrue();
        assertThat(row.isNullAt(row.fieldIndex("record_hash"))).isTrue();
        assertThat(row.isNullAt(row.fieldIndex("log_id"))).isTrue();
    }

    private static List<Row> validate(List<String> cells)
    {
        return validate(Family.SERVICE_LOGS, HEADERS, cells);
    }

    /** The row validated, with the key a query makes of it and Spark's hash of that key beside the validator's. */
    private static List<Row> validate(Family family, List<String> headers, List<String> cells)
    {
        ValidationContext context = new ValidationContext(CommunityDirectory.xishanProgram(), Set.of("XS2021001"), Set.of(),
                new PersonalDataHasher(new byte[32]), LocalDate.of(2027, 11, 28));
        JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RawRecord raw = RawRecord.of(family.folder() + "/服务日志.csv", 2, 0, HeaderLayout.of(family, headers), Arrays.asList(cells.toArray(String[]::new)));
        return ValidationTransform.validate(spark, family, sparkContext.parallelize(List.of(raw), 1), sparkContext.broadcast(new RecordValidator(family, context)))
                .withColumn("record_key", ValidationTransform.recordKey(family))
                .withColumn("source_file", ValidationTransform.sourceFile(java.util.Map.of(0, raw.fileName())))
                .withColumn("spark_key_hash", xxhash64(col("record_key")))
                .collectAsList();
    }
}
