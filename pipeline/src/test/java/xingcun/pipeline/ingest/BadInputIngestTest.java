package xingcun.pipeline.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.identity.PatentNumbers;
import xingcun.pipeline.lake.Lake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static xingcun.pipeline.ingest.TestInboxes.write;
import static xingcun.pipeline.read.EncodingDetector.GB18030;

/**
 * One inbox, one file per bad-input case, one ingest run: each file's outcome is asserted on its own —
 * the rule id, the message, and that read = accepted + updated + duplicates + rejected.
 */
class BadInputIngestTest
{
    private static final String LOG_HEADER = "日志编号,人才编号,服务社区代码,服务日期,服务类型,服务天数\n";
    private static final String GOOD_LOG = "SL-%s,XS2021001,530112008003,2021-07-13,技术指导,1\n";
    private static SparkSession spark;
    private static RunReport report;
    private static Lake lake;

    @TempDir
    static Path folder;

    @BeforeAll
    static void ingestTheBadInbox()
            throws IOException
    {
        spark = SparkTestSession.start();
        Path inbox = folder.resolve("inbox");
        write(inbox, "talents/talents.csv", StandardCharsets.UTF_8, TestInboxes.TALENTS_CSV);
        byte[] utf16 = ("\uFEFF" + LOG_HEADER + GOOD_LOG.formatted("E1")).getBytes(StandardCharsets.UTF_16LE);
        TestInboxes.writeBytes(inbox, "service_logs/01_wrong_encoding.csv", utf16);
        write(inbox, "service_logs/02_missing_column.csv", StandardCharsets.UTF_8, "日志编号,人才编号,服务社区代码,服务类型\nSL-M1,XS2021001,530112008003,技术指导\nSL-M2,XS2021001,530112008003,技术指导\n");
        write(inbox, "service_logs/03_unknown_enumeration.csv", GB18030, LOG_HEADER + GOOD_LOG.formatted("G1") + "SL-U1,XS2021001,530112008003,2021-07-14,喝茶,1\n");
        write(inbox, "service_logs/04_bad_date.csv", StandardCharsets.UTF_8, LOG_HEADER + "SL-D1,XS2021001,530112008003,2021-13-05,技术指导,1\n");
        write(inbox, "service_logs/05_negative_count.csv", StandardCharsets.UTF_8, LOG_HEADER + "SL-N1,XS2021001,530112008003,2021-07-13,技术指导,-1\n");
        write(inbox, "service_logs/06_unknown_talent.csv", StandardCharsets.UTF_8, LOG_HEADER + "SL-T1,XS2021099,530112008003,2021-07-13,技术指导,1\n");
        write(inbox, "service_logs/07_unknown_community.csv", StandardCharsets.UTF_8, "日志编号,人才编号,服务社区,服务日期,服务类型\nSL-C1,XS2021001,幸福,2021-07-13,技术指导\n");
        write(inbox, "service_logs/08_duplicate_row.csv", StandardCharsets.UTF_8, LOG_HEADER + GOOD_LOG.formatted("R1") + GOOD_LOG.formatted("R1"));
        write(inbox, "service_logs/09_empty.csv", StandardCharsets.UTF_8, "");
        write(inbox, "service_logs/10_header_only.csv", StandardCharsets.UTF_8, LOG_HEADER);
        write(inbox, "service_logs/11_notes.docx", StandardCharsets.UTF_8, "not a ledger");
        String utility = "202120345678";
        char wrong = PatentNumbers.checkCharacter(utility) == '0' ? '1' : '0';
        String designDigits = "202120999999";
        write(inbox, "ip_outputs/12_patents.jsonl", StandardCharsets.UTF_8, """
                {"output_id":"IP-1","output_type":"实用新型专利","registration_no":"%s","title":"草莓育苗架","granted_on":"2021-09-01"}
                {"output_id":"IP-2","output_type":"外观设计专利","registration_no":"%s","title":"草莓包装盒","granted_on":"2021-09-01"}
                {"output_id":"IP-3","output_type":"软件著作权","registration_no":"2021SR0143549","title":"草莓管理系统","granted_on":"2021-09-01"}
                not json at all
                """.formatted(utility + wrong, designDigits + PatentNumbers.checkCharacter(designDigits)));
        TestInboxes.writeBytes(inbox, "projects/13_broken.xlsx", "PK\u0003\u0004 this is not a workbook".getBytes(StandardCharsets.ISO_8859_1));
        TestInboxes.xlsx(inbox, "projects/14_codes_as_numbers.xlsx", List.of(
                List.of("项目编号", "项目名称", "社区代码", "类别", "状态", "到位资金（万元）"),
                List.of("P-1", "草莓深加工", 530112008003L, "引进项目", "已落地", 4.5)));
        List<Object> projectHeader = List.of("项目编号", "项目名称", "社区代码", "类别", "状态");
        TestInboxes.xlsx(inbox, "projects/19_two_sheets.xlsx",
                new TestInboxes.Sheet("一期", List.of(projectHeader, List.of("P-2", "草莓冷库", "530112008003", "引进项目", "已落地"))),
                new TestInboxes.Sheet("二期", List.of(projectHeader, List.of("P-3", "草莓烘干", "530112008003", "引进项目", "已落地"),
                        List.of("P-4", "草莓捐赠", "530112008003", "捐赠项目", "已落地"))));
        TestInboxes.xls(inbox, "projects/20_old_excel_saved_as_xlsx.xlsx", List.of(projectHeader, List.of("P-5", "草莓酒", 530112008003L, "引进项目", "已落地")));
        write(inbox, "communities/program.csv", StandardCharsets.UTF_8, "社区代码,社区名称,所属街道代码,是否纳入项目\n"
                + "530112010099,新村社区,530112010000,是\n530112009001,海门社区,,否\n5301120100,短代码社区,,是\n");
        write(inbox, "service_logs/15_program_communities.csv", StandardCharsets.UTF_8, "日志编号,人才编号,服务社区,服务日期,服务类型\n"
                + "SL-P1,XS2021001,新村,2021-07-13,技术指导\nSL-P2,XS2021001,海门,2021-07-13,技术指导\n");
        write(inbox, "training_attendance/16_personal.csv", StandardCharsets.UTF_8, "培训编号,姓名,手机号,联系电话,联系方式\n"
                + "TR-404,李四,13700001111,13900002222,13800003333\n"
                + "\"TR-405,王五,13600004444\n");
        write(inbox, "service_logs/17_line_break_in_a_cell.csv", StandardCharsets.UTF_8, "日志编号,人才编号,服务社区代码,服务日期,服务类型,备注\n"
                + "SL-B1,XS2021001,530112008003,2021-07-13,技术指导,\"第一行\n第二行\"\n"
                + "SL-B2,XS2021001,530112008003,2021-07-14,技术指导,正常\n"
                + "SL-B3,XS2021001,530112008003,2021-13-14,技术指导,\"坏日期\"\n");
        write(inbox, "service_logs/18_gbk_line_break_windows.csv", GB18030, "日志编号,人才编号,服务社区代码,服务日期,服务类型,备注\r\n"
                + "SL-W1,xs 2021 001,530112008003,2021-07-15,技术指导,\"第一行\r\n第二行\"\r\n"
                + "SL-W2,XS2021001,530112008003,2021-07-16,技术指导,正常\r\n");
        report = IngestJob.run(spark, new IngestOptions(inbox, folder.resolve("lake").toString(), LocalDate.of(2026, 11, 28), line -> {}));
        lake = Lake.open(folder.resolve("lake").toString(), spark.sparkContext().hadoopConfiguration());
    }

    @AfterAll
    static void stop()
    {
        spark.stop();
    }

    @Test
    void conservesEveryRowOfEveryFileAndFamily()
    {
        // Counts' constructor enforces read = accepted + updated + duplicates + rejected; here the totals must also agree
        for (RunReport.FamilyResult family : report.families()) {
            long readInFiles = report.files().stream().filter(file -> file.family().equals(family.family())).mapToLong(file -> file.counts().read()).sum();
            assertThat(family.counts().read()).as(family.family()).isEqualTo(readInFiles);
        }
        Map<String, Long> quarantined = quarantineRowsByFile();
        for (RunReport.FileResult file : report.files()) {
            assertThat(quarantined.getOrDefault(file.file(), 0L)).as(file.file()).isEqualTo(file.counts().rejected());
        }
    }

    @Test
    void wrongEncodingRejectsTheWholeFile()
    {
        RunReport.FileResult file = file("service_logs/01_wrong_encoding.csv");
        assertThat(file.fileRule()).isEqualTo("file.encoding");
        assertThat(file.counts()).isEqualTo(new Counts(1, 0, 0, 0, 1));
        assertThat(quarantine("service_logs/01_wrong_encoding.csv").getString(5))
                .isEqualTo("文件编码无法识别（不是 UTF-8 也不是 GBK/GB18030）：请在 Excel 中另存为“CSV UTF-8”后重新提交");
    }

    @Test
    void missingRequiredColumnRejectsTheFileAndNamesTheColumn()
    {
        RunReport.FileResult file = file("service_logs/02_missing_column.csv");
        assertThat(file.fileRule()).isEqualTo("file.missing_column");
        assertThat(file.counts()).isEqualTo(new Counts(2, 0, 0, 0, 2));
        Row record = quarantine("service_logs/02_missing_column.csv");
        assertThat(record.getLong(3)).isEqualTo(2);
        assertThat(record.getString(6)).isEqualTo("The file lacks the required column \"service_on（服务日期）\": add it (a Chinese header is fine) and resubmit");
    }

    @Test
    void unknownEnumerationInAGbkFileListsTheAllowedValues()
    {
        assertThat(file("service_logs/03_unknown_enumeration.csv").counts()).isEqualTo(new Counts(2, 1, 0, 0, 1));
        Row record = quarantine("service_logs/03_unknown_enumeration.csv");
        assertThat(record.getString(4)).isEqualTo("enumeration.unknown");
        assertThat(record.getLong(2)).isEqualTo(3);
        assertThat(record.getString(5)).startsWith("“activity_type”的值“喝茶”不在允许范围内，可选：技术指导/field_guidance");
    }

    @Test
    void oneRulePerBadRow()
    {
        assertSingleRejection("service_logs/04_bad_date.csv", "date.invalid", "\"service_on\" date \"2021-13-05\" is not a date; write it like 2021-07-13");
        assertSingleRejection("service_logs/05_negative_count.csv", "number.negative", "\"days\" cannot be negative (\"-1\")");
        assertSingleRejection("service_logs/06_unknown_talent.csv", "talent.unknown", "Talent \"XS2021099\" does not exist: register the talent in talents first");
        assertSingleRejection("service_logs/07_unknown_community.csv", "community.unknown",
                "Community \"幸福\" is not in the program's set (give its 12-digit statistics code or its name)");
    }

    @Test
    void theCommunitiesFamilyChangesTheProgramSetForTheSameRun()
    {
        assertThat(file("communities/program.csv").counts()).isEqualTo(new Counts(3, 2, 0, 0, 1));
        assertThat(quarantine("communities/program.csv").getString(5)).isEqualTo("“code”的代码“5301120100”应为 12 位统计用区划代码（如 530112008003）");
        assertThat(file("service_logs/15_program_communities.csv").counts()).isEqualTo(new Counts(2, 1, 0, 0, 1));
        assertThat(quarantine("service_logs/15_program_communities.csv").getString(6))
                .isEqualTo("Community \"海门\" is not in the program's set (give its 12-digit statistics code or its name)");
    }

    @Test
    void quarantineKeepsNoPersonalDataInClear()
    {
        List<Row> rows = quarantineRows("training_attendance/16_personal.csv");
        assertThat(rows).extracting(row -> row.getString(4)).containsExactlyInAnyOrder("training.unknown", "row.malformed");
        for (Row row : rows) {
            assertThat(row.getString(7)).doesNotContain("李四", "王五", "13700001111", "13900002222", "13800003333", "13600004444");
            assertThat(row.getString(5) + row.getString(6)).doesNotContain("王五", "13600004444");
        }
    }

    @Test
    void aCellWithALineBreakStaysOneRowAndLaterRowsKeepTheirLineNumbers()
    {
        assertThat(file("service_logs/17_line_break_in_a_cell.csv").counts()).isEqualTo(new Counts(3, 2, 0, 0, 1));
        Row rejected = quarantine("service_logs/17_line_break_in_a_cell.csv");
        assertThat(rejected.getString(4)).isEqualTo("date.invalid");
        assertThat(rejected.getLong(2)).isEqualTo(5); // header 1, SL-B1 on lines 2-3, SL-B2 on 4, SL-B3 on 5
        Row note = LakeTables.read(spark, lake, Family.SERVICE_LOGS).filter(col("log_id").equalTo("SL-B1")).first();
        assertThat((String) note.getAs("notes")).isEqualTo("第一行\n第二行");
    }

    @Test
    void aGbkLedgerWithWindowsLineBreaksKeepsACellsLineBreakAndFoldsSpacedIds()
    {
        assertThat(file("service_logs/18_gbk_line_break_windows.csv").counts()).isEqualTo(new Counts(2, 2, 0, 0, 0));
        Row note = LakeTables.read(spark, lake, Family.SERVICE_LOGS).filter(col("log_id").equalTo("SL-W1")).first();
        assertThat((String) note.getAs("notes")).isEqualTo("第一行\r\n第二行");
        assertThat((String) note.getAs("talent_id")).isEqualTo("XS2021001");
        assertThat((long) note.getAs("source_row")).isEqualTo(2);
    }

    @Test
    void repeatedRowIsADuplicate()
    {
        assertThat(file("service_logs/08_duplicate_row.csv").counts()).isEqualTo(new Counts(2, 1, 0, 1, 0));
    }

    @Test
    void emptyFilesReadNothingAndUnknownKindsAreListedAsSkipped()
    {
        assertThat(file("service_logs/09_empty.csv").counts()).isEqualTo(Counts.zero());
        assertThat(file("service_logs/10_header_only.csv").counts()).isEqualTo(Counts.zero());
        assertThat(report.skippedFiles()).containsExactly("service_logs/11_notes.docx: unknown file kind; save it as .csv, .tsv, .xlsx or .jsonl");
    }

    @Test
    void patentNumbersAreCheckedAgainstTheirTypeAndMalformedLinesQuarantined()
    {
        RunReport.FileResult file = file("ip_outputs/12_patents.jsonl");
        assertThat(file.counts()).isEqualTo(new Counts(4, 1, 0, 0, 3));
        Map<String, String> rules = quarantineRows("ip_outputs/12_patents.jsonl").stream()
                .collect(Collectors.toMap(row -> String.valueOf(row.getLong(2)), row -> row.getString(4)));
        assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of("1", "patent.check_digit", "2", "patent.type_mismatch", "4", "row.malformed"));
    }

    @Test
    void brokenWorkbookIsRejectedAndCodesInNumericCellsStayExact()
    {
        assertThat(file("projects/13_broken.xlsx").fileRule()).isEqualTo("file.unreadable_xlsx");
        assertThat(quarantine("projects/13_broken.xlsx").getString(6))
                .startsWith("The Excel file is damaged or not an .xlsx workbook (").endsWith("): open it in Excel, save as .xlsx and resubmit");
        assertThat(file("projects/14_codes_as_numbers.xlsx").counts()).isEqualTo(new Counts(1, 1, 0, 0, 0));
        Row project = LakeTables.read(spark, lake, Family.PROJECTS).filter(col("project_id").equalTo("P-1")).collectAsList().get(0);
        assertThat((String) project.getAs("community_code")).isEqualTo("530112008003");
        assertThat((Double) project.getAs("funds_in_place_yuan")).isEqualTo(45_000.0);
        assertThat((String) project.getAs("source_file")).isEqualTo("projects/14_codes_as_numbers.xlsx");
        assertThat((Long) project.getAs("source_row")).isEqualTo(2L);
    }

    @Test
    void anOldExcelWorkbookSavedUnderXlsxIsReadAsWell()
    {
        assertThat(file("projects/20_old_excel_saved_as_xlsx.xlsx").counts()).isEqualTo(new Counts(1, 1, 0, 0, 0));
        Row project = LakeTables.read(spark, lake, Family.PROJECTS).filter(col("project_id").equalTo("P-5")).collectAsList().get(0);
        assertThat((String) project.getAs("community_code")).isEqualTo("530112008003");
        assertThat((Long) project.getAs("source_row")).isEqualTo(2L);
    }

    @Test
    void aWorkbooksLaterSheetsAreLocatedAsFileHashSheetInTheLakeTheQuarantineAndTheReport()
            throws IOException
    {
        assertThat(file("projects/19_two_sheets.xlsx").counts()).isEqualTo(new Counts(3, 2, 0, 0, 1));
        Map<String, String> sourceByProject = LakeTables.read(spark, lake, Family.PROJECTS).filter(col("project_id").isin("P-2", "P-3"))
                .collectAsList().stream().collect(Collectors.toMap(row -> row.getAs("project_id"), row -> row.getAs("source_file") + ":" + row.getAs("source_row")));
        assertThat(sourceByProject).containsExactlyInAnyOrderEntriesOf(Map.of(
                "P-2", "projects/19_two_sheets.xlsx:2", "P-3", "projects/19_two_sheets.xlsx#二期:2"));
        Row rejected = quarantine("projects/19_two_sheets.xlsx#二期");
        assertThat(rejected.getLong(2)).isEqualTo(3L);
        assertThat(rejected.getString(4)).isEqualTo("enumeration.unknown");
        assertThat(report.rejectionReasons()).filteredOn(reason -> reason.family().equals("projects") && reason.ruleId().equals("enumeration.unknown"))
                .extracting(RunReport.RejectionReason::exampleLocation).containsExactly("projects/19_two_sheets.xlsx#二期:3");
        // and source_file is a required column of the lake's files and the quarantine's, as it always was
        for (String folder : List.of(Family.PROJECTS.folder(), Lake.QUARANTINE + "/" + Family.PROJECTS.folder())) {
            for (String file : lake.currentFiles(folder)) {
                try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                        org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file), spark.sparkContext().hadoopConfiguration()))) {
                    assertThat(reader.getFooter().getFileMetaData().getSchema().getType("source_file").getRepetition()).as(file)
                            .isEqualTo(org.apache.parquet.schema.Type.Repetition.REQUIRED);
                }
            }
        }
    }

    @Test
    void unreadableInboxIsABadArgument()
    {
        assertThatThrownBy(() -> IngestJob.run(spark, new IngestOptions(folder.resolve("no-such-inbox"), folder.resolve("lake2").toString(),
                LocalDate.of(2026, 11, 28), line -> {})))
                .isInstanceOf(PipelineException.class)
                .hasMessage("Cannot read inbox " + folder.resolve("no-such-inbox") + ": it is not a readable folder; give the folder that holds talents/, service_logs/ …")
                .extracting(error -> ((PipelineException) error).errorCode()).isEqualTo(PipelineErrorCode.INVALID_ARGUMENT);
    }

    private static RunReport.FileResult file(String name)
    {
        return report.files().stream().filter(file -> file.file().equals(name)).findFirst().orElseThrow();
    }

    private static void assertSingleRejection(String fileName, String ruleId, String messageEnglish)
    {
        assertThat(file(fileName).counts()).as(fileName).isEqualTo(new Counts(1, 0, 0, 0, 1));
        Row record = quarantine(fileName);
        assertThat(record.getString(4)).isEqualTo(ruleId);
        assertThat(record.getString(6)).isEqualTo(messageEnglish);
        assertThat(record.getLong(2)).isEqualTo(2);
    }

    private static Row quarantine(String fileName)
    {
        List<Row> rows = quarantineRows(fileName);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<Row> quarantineRows(String fileName)
    {
        Family family = Family.fromFolder(fileName.substring(0, fileName.indexOf('/'))).orElseThrow();
        return LakeTables.readQuarantine(spark, lake, family).filter(col("source_file").equalTo(fileName)).collectAsList();
    }

    /** Quarantined rows by inbox file: the rows of a workbook's later sheets are located as file.xlsx#sheet. */
    private static Map<String, Long> quarantineRowsByFile()
    {
        List<String> files = report.files().stream().map(RunReport.FileResult::file).toList();
        return java.util.Arrays.stream(Family.values())
                .flatMap(family -> LakeTables.readQuarantine(spark, lake, family).collectAsList().stream())
                .collect(Collectors.groupingBy(row -> files.contains(row.getString(1)) ? row.getString(1) : row.getString(1).substring(0, row.getString(1).lastIndexOf('#')),
                        Collectors.summingLong(row -> row.getLong(3))));
    }
}
