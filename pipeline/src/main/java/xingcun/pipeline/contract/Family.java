package xingcun.pipeline.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static xingcun.pipeline.contract.ColumnSpec.optional;
import static xingcun.pipeline.contract.ColumnSpec.optionalEnumeration;
import static xingcun.pipeline.contract.ColumnSpec.required;
import static xingcun.pipeline.contract.ColumnSpec.requiredEnumeration;
import static xingcun.pipeline.contract.ValueKind.COMMUNITY;
import static xingcun.pipeline.contract.ValueKind.COUNT;
import static xingcun.pipeline.contract.ValueKind.DATE;
import static xingcun.pipeline.contract.ValueKind.DECIMAL;
import static xingcun.pipeline.contract.ValueKind.DIVISION_CODE;
import static xingcun.pipeline.contract.ValueKind.FLAG;
import static xingcun.pipeline.contract.ValueKind.IDENTIFIER;
import static xingcun.pipeline.contract.ValueKind.ID_NUMBER;
import static xingcun.pipeline.contract.ValueKind.MONEY;
import static xingcun.pipeline.contract.ValueKind.PERIOD;
import static xingcun.pipeline.contract.ValueKind.PERSON_NAME;
import static xingcun.pipeline.contract.ValueKind.PHONE;
import static xingcun.pipeline.contract.ValueKind.REGISTRATION_NUMBER;
import static xingcun.pipeline.contract.ValueKind.TALENT_REFERENCE;
import static xingcun.pipeline.contract.ValueKind.TEXT;
import static xingcun.pipeline.contract.ValueKind.TRAINING_REFERENCE;

/**
 * The record families of the data contract: what a file of each may hold (columns and their Chinese aliases)
 * and what the lake stores for it (typed columns, personal data masked or hashed, money in yuan).
 * Families are listed in an order a run can load them in, so that references (talent_id, training_id) resolve; a
 * run starts each once the families it names are staged (LoadOrder, in the ingest).
 */
public enum Family
{
    /** Optional: extends or narrows the built-in division table and the program's set of communities. */
    COMMUNITIES("communities", false, List.of("code"), Optional.empty(),
            List.of(
                    required("code", DIVISION_CODE, "社区代码", "区划代码", "统计用区划代码", "代码"),
                    required("name", TEXT, "社区名称", "名称", "社区"),
                    optional("parent_code", DIVISION_CODE, "街道代码", "所属街道代码", "上级代码"),
                    optional("in_program", FLAG, "纳入项目", "是否纳入项目", "是否纳入")),
            schema("code", "string", "name", "string", "parent_code", "string", "in_program", "boolean")),
    TALENTS("talents", true, List.of("talent_id"), Optional.empty(),
            List.of(
                    required("talent_id", IDENTIFIER, "人才编号", "编号", "专家编号"),
                    required("name", TEXT, "姓名", "人才姓名", "专家姓名"),
                    optionalEnumeration("gender", Enumerations.GENDER, "性别"),
                    optional("id_number", ID_NUMBER, "身份证号", "身份证号码"),
                    optional("phone", PHONE, "手机号", "联系电话", "手机号码"),
                    required("organization", TEXT, "派出单位", "工作单位"),
                    optionalEnumeration("organization_type", Enumerations.ORGANIZATION_TYPE, "单位类型"),
                    optional("specialty", TEXT, "专业领域", "专业"),
                    optional("title", TEXT, "职称"),
                    required("cycle_start", DATE, "服务开始日期"),
                    optional("cycle_end", DATE, "服务结束日期"),
                    optional("batch", TEXT, "批次")),
            schema("talent_id", "string", "name", "string", "gender", "string",
                    "id_number_masked", "string", "id_number_hash", "string", "phone_masked", "string", "phone_hash", "string",
                    "organization", "string", "organization_type", "string", "specialty", "string", "title", "string",
                    "community_code", "string", "cycle_start", "date", "cycle_end", "date", "batch", "string")),
    SERVICE_LOGS("service_logs", true, List.of("log_id"), Optional.of("service_on"),
            List.of(
                    required("log_id", IDENTIFIER, "日志编号", "记录编号"),
                    required("talent_id", TALENT_REFERENCE, "人才编号", "专家编号"),
                    required("service_on", DATE, "服务日期"),
                    requiredEnumeration("activity_type", Enumerations.ACTIVITY_TYPE, "服务类型"),
                    optional("days", DECIMAL, "服务天数"),
                    optional("people_served", COUNT, "服务人次"),
                    optional("bottleneck", TEXT, "破解技术瓶颈", "技术瓶颈"),
                    optional("topic", TEXT, "服务内容"),
                    optional("notes", TEXT, "备注")),
            schema("log_id", "string", "talent_id", "string", "community_code", "string", "service_on", "date",
                    "activity_type", "string", "days", "double", "people_served", "long", "bottleneck", "string",
                    "topic", "string", "notes", "string")),
    TRAININGS("trainings", true, List.of("training_id"), Optional.of("held_on"),
            List.of(
                    required("training_id", IDENTIFIER, "培训编号"),
                    optional("talent_id", TALENT_REFERENCE, "授课人才编号", "人才编号", "专家编号"),
                    required("held_on", DATE, "培训日期"),
                    required("topic", TEXT, "培训主题"),
                    optional("hours", DECIMAL, "学时"),
                    required("attendees", COUNT, "参训人次", "参训人数"),
                    optionalEnumeration("audience", Enumerations.AUDIENCE, "培训对象"),
                    optionalEnumeration("mode", Enumerations.TRAINING_MODE, "形式", "培训形式")),
            schema("training_id", "string", "talent_id", "string", "community_code", "string", "held_on", "date",
                    "topic", "string", "hours", "double", "attendees", "long", "audience", "string", "mode", "string")),
    TRAINING_ATTENDANCE("training_attendance", false, List.of("training_id", "attendee_hash", "phone_hash"), Optional.empty(),
            List.of(
                    required("training_id", TRAINING_REFERENCE, "培训编号"),
                    required("attendee_name", PERSON_NAME, "姓名", "学员姓名"),
                    optional("phone", PHONE, "手机号", "联系电话"),
                    optional("village", TEXT, "村组"),
                    optional("role", TEXT, "身份")),
            schema("training_id", "string", "attendee_hash", "string", "phone_masked", "string", "phone_hash", "string",
                    "village", "string", "role", "string")),
    IP_OUTPUTS("ip_outputs", false, List.of("output_id"), Optional.empty(),
            List.of(
                    required("output_id", IDENTIFIER, "成果编号"),
                    requiredEnumeration("output_type", Enumerations.OUTPUT_TYPE, "成果类型"),
                    optional("registration_no", REGISTRATION_NUMBER, "专利号", "申请号", "登记号", "标准编号", "审定编号"),
                    required("title", TEXT, "名称", "成果名称"),
                    optional("talent_id", TALENT_REFERENCE, "人才编号", "专家编号"),
                    optional("filed_on", DATE, "申请日期"),
                    optional("granted_on", DATE, "授权日期", "发布日期"),
                    optional("status", TEXT, "状态")),
            schema("output_id", "string", "output_type", "string", "registration_no", "string", "title", "string",
                    "talent_id", "string", "community_code", "string", "filed_on", "date", "granted_on", "date", "status", "string")),
    INDUSTRY_OUTPUTS("industry_outputs", true, List.of("community_code", "period", "indicator", "product"), Optional.empty(),
            List.of(
                    required("period", PERIOD, "统计期", "统计期间"),
                    requiredEnumeration("indicator", Enumerations.INDICATOR, "指标"),
                    optional("product", TEXT, "产品"),
                    required("value", DECIMAL, "数值"),
                    requiredEnumeration("unit", Enumerations.UNIT, "单位")),
            schema("community_code", "string", "period", "string", "period_start", "date", "period_end", "date",
                    "indicator", "string", "product", "string", "value", "double", "unit", "string")),
    PROJECTS("projects", false, List.of("project_id"), Optional.empty(),
            List.of(
                    required("project_id", IDENTIFIER, "项目编号"),
                    required("name", TEXT, "项目名称"),
                    optional("sector", TEXT, "行业"),
                    requiredEnumeration("kind", Enumerations.PROJECT_KIND, "类别", "项目类别"),
                    requiredEnumeration("status", Enumerations.PROJECT_STATUS, "状态", "项目状态"),
                    optional("funds_in_place", MONEY, "到位资金"),
                    optional("funds_intended", MONEY, "意向资金"),
                    optional("unit", TEXT, "单位", "资金单位"),
                    optional("talent_id", TALENT_REFERENCE, "人才编号", "专家编号"),
                    optional("signed_on", DATE, "签约日期")),
            schema("project_id", "string", "name", "string", "community_code", "string", "sector", "string",
                    "kind", "string", "status", "string", "funds_in_place_yuan", "double", "funds_intended_yuan", "double",
                    "talent_id", "string", "signed_on", "date")),
    EVALUATIONS("evaluations", false, List.of("talent_id", "cycle"), Optional.empty(),
            List.of(
                    required("talent_id", TALENT_REFERENCE, "人才编号", "专家编号"),
                    required("cycle", PERIOD, "考核周期"),
                    optional("evaluator", TEXT, "考评单位"),
                    requiredEnumeration("rating", Enumerations.RATING, "考核等次"),
                    optional("work_funds", MONEY, "工作经费"),
                    optional("reward", MONEY, "奖励", "奖励金额")),
            schema("talent_id", "string", "cycle", "string", "evaluator", "string", "rating", "string",
                    "work_funds_yuan", "double", "reward_yuan", "double")),
    YOUTH_TALENTS("youth_talents", false, List.of("person_id"), Optional.empty(),
            List.of(
                    required("person_id", IDENTIFIER, "编号", "人员编号"),
                    required("name", PERSON_NAME, "姓名"),
                    requiredEnumeration("category", Enumerations.YOUTH_CATEGORY, "类别", "人才类别"),
                    optional("joined_on", DATE, "引进日期")),
            schema("person_id", "string", "name_hash", "string", "category", "string", "community_code", "string",
                    "joined_on", "date"));

    private final String folder;
    private final boolean communityRequired;
    private final List<String> naturalKey;
    private final Optional<String> partitionDate;
    private final List<ColumnSpec> columns;
    private final StructType lakeSchema;

    Family(String folder, boolean communityRequired, List<String> naturalKey, Optional<String> partitionDate,
            List<ColumnSpec> ownColumns, StructType lakeSchema)
    {
        this.folder = folder;
        this.communityRequired = communityRequired;
        this.naturalKey = naturalKey;
        this.partitionDate = partitionDate;
        List<ColumnSpec> all = new ArrayList<>(ownColumns);
        if (List.of(lakeSchema.fieldNames()).contains("community_code")) {
            all.addAll(communityColumns());
        }
        this.columns = List.copyOf(all);
        this.lakeSchema = lakeSchema;
    }

    private static List<ColumnSpec> communityColumns()
    {
        return List.of(
                optional("community_code", COMMUNITY, "社区代码", "服务社区代码", "所在社区代码"),
                optional("community_name", COMMUNITY, "社区", "社区名称", "服务社区", "所在社区"));
    }

    /** The inbox sub-folder and the lake folder of this family. */
    public String folder()
    {
        return folder;
    }

    /** Whether a row must name its community (by code or by name). */
    public boolean communityRequired()
    {
        return communityRequired;
    }

    public List<ColumnSpec> columns()
    {
        return columns;
    }

    /** Lake columns whose values identify a record: a second row with the same key is a duplicate or an update. */
    public List<String> naturalKey()
    {
        return naturalKey;
    }

    /** The date column whose year partitions the lake folder, for families large enough to need it. */
    public Optional<String> partitionDate()
    {
        return partitionDate;
    }

    /** The typed business columns the lake stores, without the lineage columns the ingest adds. */
    public StructType lakeSchema()
    {
        return lakeSchema;
    }

    public boolean hasColumn(String canonicalName)
    {
        return columns.stream().anyMatch(column -> column.name().equals(canonicalName));
    }

    public static Optional<Family> fromFolder(String folder)
    {
        for (Family family : values()) {
            if (family.folder.equals(folder)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    private static StructType schema(String... namesAndTypes)
    {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.add(DataTypes.createStructField(namesAndTypes[i], type(namesAndTypes[i + 1]), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(String name)
    {
        return switch (name) {
            case "string" -> DataTypes.StringType;
            case "date" -> DataTypes.DateType;
            case "double" -> DataTypes.DoubleType;
            case "long" -> DataTypes.LongType;
            case "boolean" -> DataTypes.BooleanType;
            default -> throw new IllegalArgumentException("Invalid type: " + name);
        };
    }
}
