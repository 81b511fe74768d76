package xingcun.pipeline.validate;

/**
 * Every reason a row or a file can be rejected, with a stable id (what tools and tests match on) and a message
 * in Chinese and English that a clerk understands. {column}, {value} and {detail} are filled in per row.
 */
public enum Rule
{
    FILE_ENCODING("file.encoding",
            "文件编码无法识别（不是 UTF-8 也不是 GBK/GB18030）：请在 Excel 中另存为“CSV UTF-8”后重新提交",
            "Cannot decode the file: it is neither UTF-8 nor GBK/GB18030; save it from Excel as \"CSV UTF-8\" and resubmit"),
    JSON_LINES_ENCODING("file.encoding",
            "JSON Lines 文件必须是 UTF-8 编码：请用文本编辑器另存为 UTF-8 后重新提交",
            "A JSON Lines file must be UTF-8: save it as UTF-8 in a text editor and resubmit"),
    FILE_MISSING_COLUMN("file.missing_column",
            "文件缺少必填列“{column}”：请补上该列（表头可写中文名）后重新提交",
            "The file lacks the required column \"{column}\": add it (a Chinese header is fine) and resubmit"),
    FILE_UNREADABLE_XLSX("file.unreadable_xlsx",
            "Excel 文件已损坏或不是 .xlsx 格式（{detail}）：请用 Excel 打开后另存为 .xlsx 再提交",
            "The Excel file is damaged or not an .xlsx workbook ({detail}): open it in Excel, save as .xlsx and resubmit"),
    ROW_MALFORMED("row.malformed",
            "该行无法解析（{detail}）",
            "Cannot parse the row ({detail})"),
    REQUIRED_MISSING("required.missing",
            "必填项“{column}”为空",
            "Required value \"{column}\" is empty"),
    ENUMERATION_UNKNOWN("enumeration.unknown",
            "“{column}”的值“{value}”不在允许范围内，可选：{detail}",
            "\"{column}\" value \"{value}\" is not allowed; allowed: {detail}"),
    DATE_INVALID("date.invalid",
            "“{column}”的日期“{value}”无法识别，请写成 2021-07-13 这样的格式",
            "\"{column}\" date \"{value}\" is not a date; write it like 2021-07-13"),
    DATE_OUT_OF_RANGE("date.out_of_range",
            "“{column}”的日期“{value}”超出允许范围（2000-01-01 至明年今日）",
            "\"{column}\" date \"{value}\" is outside 2000-01-01 … one year from today"),
    DATE_ORDER("date.order",
            "服务结束日期“{value}”早于服务开始日期",
            "cycle_end \"{value}\" is before cycle_start"),
    NUMBER_INVALID("number.invalid",
            "“{column}”的数值“{value}”无法识别",
            "\"{column}\" value \"{value}\" is not a number"),
    NUMBER_NEGATIVE("number.negative",
            "“{column}”不能为负数（“{value}”）",
            "\"{column}\" cannot be negative (\"{value}\")"),
    NUMBER_NOT_WHOLE("number.not_whole",
            "“{column}”应为整数（“{value}”）",
            "\"{column}\" must be a whole number (\"{value}\")"),
    DAYS_OUT_OF_RANGE("days.out_of_range",
            "服务天数“{value}”应在 0 到 1 之间（一条日志记一天，半天写 0.5；多天请分多条登记）",
            "Service days \"{value}\" must be more than 0 and at most 1 (one log per day, 0.5 for half a day; log several days as several rows)"),
    OUTPUT_DATE_MISSING("output.date_missing",
            "成果须填写授权/发布日期或申请日期，否则无法计入任何统计期",
            "An output needs granted_on or filed_on; without either it falls in no period"),
    NUMBER_UNIT_AMBIGUOUS("number.unit_ambiguous",
            "数值“{value}”已含“万/亿”，单位又是“{detail}”：请只在一处写（如数值 1.05、单位 万元）",
            "Value \"{value}\" already says 万/亿 and the unit is \"{detail}\": say it once (value 1.05, unit 万元)"),
    PERIOD_INVALID("period.invalid",
            "统计期“{value}”无法识别，可写 2021、2021Q3、2021-07、2021年第三季度",
            "Period \"{value}\" is not recognised; write 2021, 2021Q3, 2021-07 or 2021年第三季度"),
    COMMUNITY_MISSING("community.missing",
            "未填写社区（社区代码或社区名称至少填一项）",
            "No community given: fill in community_code or community_name"),
    COMMUNITY_UNKNOWN("community.unknown",
            "社区“{value}”不在本项目的社区名单中（可填 12 位统计代码或社区名称）",
            "Community \"{value}\" is not in the program's set (give its 12-digit statistics code or its name)"),
    COMMUNITY_CODE_INVALID("community.code_invalid",
            "“{column}”的代码“{value}”应为 12 位统计用区划代码（如 530112008003）",
            "\"{column}\" code \"{value}\" must be a 12-digit statistics division code (like 530112008003)"),
    FLAG_INVALID("flag.invalid",
            "“{column}”的值“{value}”应为“是”或“否”",
            "\"{column}\" value \"{value}\" must be yes or no (是/否)"),
    COMMUNITY_MISMATCH("community.mismatch",
            "社区代码与社区名称不一致（{detail}）",
            "community_code and community_name disagree ({detail})"),
    TALENT_UNKNOWN("talent.unknown",
            "人才编号“{value}”不存在：请先在人才名册（talents）中登记该人才",
            "Talent \"{value}\" does not exist: register the talent in talents first"),
    TRAINING_UNKNOWN("training.unknown",
            "培训编号“{value}”不存在：请先登记该场培训（trainings）",
            "Training \"{value}\" does not exist: register the training in trainings first"),
    PATENT_CHECK_DIGIT("patent.check_digit",
            "专利号“{value}”校验位错误，请核对专利证书",
            "Patent number \"{value}\" has a wrong check character; compare it with the certificate"),
    PATENT_TYPE_MISMATCH("patent.type_mismatch",
            "专利号“{value}”的类型位表示{detail}，与成果类型不符",
            "Patent number \"{value}\" has type digit for {detail}, which contradicts output_type"),
    REGISTRATION_INVALID("registration.invalid",
            "登记号/编号“{value}”格式不符合{detail}的规定格式",
            "Registration number \"{value}\" does not have the format of a {detail}"),
    ID_NUMBER_INVALID("id_number.invalid",
            "身份证号格式或校验位错误",
            "The ID number has a wrong shape or check digit"),
    PHONE_INVALID("phone.invalid",
            "手机号应为以 13-19 开头的 11 位数字",
            "The phone number must be 11 digits starting 13-19");

    private final String id;
    private final String messageChinese;
    private final String messageEnglish;

    Rule(String id, String messageChinese, String messageEnglish)
    {
        this.id = id;
        this.messageChinese = messageChinese;
        this.messageEnglish = messageEnglish;
    }

    public String id()
    {
        return id;
    }

    public Rejection reject(String column, String value, String detail)
    {
        return new Rejection(this, fill(messageChinese, column, value, detail), fill(messageEnglish, column, value, detail));
    }

    private static String fill(String template, String column, String value, String detail)
    {
        // personal values never reach a message: callers pass "" for them
        return template.replace("{column}", column).replace("{value}", value).replace("{detail}", detail);
    }
}
