package xingcun.pipeline.validate;

import xingcun.pipeline.community.Community;
import xingcun.pipeline.contract.ColumnSpec;
import xingcun.pipeline.contract.Enumerations;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.identity.PatentNumbers;
import xingcun.pipeline.identity.PersonalNumbers;
import xingcun.pipeline.identity.RegistrationNumbers;
import xingcun.pipeline.normalize.DateParser;
import xingcun.pipeline.normalize.NumberParser;
import xingcun.pipeline.normalize.NumberParser.ParsedNumber;
import xingcun.pipeline.normalize.Period;
import xingcun.pipeline.normalize.Text;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Validates and normalises one raw row of a family (canonical column name → cell text) into lake values.
 * Rules are applied column by column in the contract's order, then the cross-column rules; the first failure
 * rejects the row. Pure Java, so it is unit-tested without Spark and runs inside Spark tasks.
 */
public final class RecordValidator
        implements Serializable
{
    // compiled once: String.matches compiles its pattern on every call, millions of times in a province run
    private static final java.util.regex.Pattern TWELVE_DIGITS = java.util.regex.Pattern.compile("\\d{12}");

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private final Family family;
    private final ValidationContext context;
    private final LakeValues.Positions lakeColumns;
    private final boolean namesCommunities; // asked once: a family's columns do not change from row to row

    public RecordValidator(Family family, ValidationContext context)
    {
        this.family = requireNonNull(family, "family is null");
        this.context = requireNonNull(context, "context is null");
        this.lakeColumns = LakeValues.Positions.of(family);
        this.namesCommunities = family.hasColumn("community_code");
    }

    /**
     * @param raw cell text by canonical column name (absent or blank means empty)
     * @param headerUnits units written in brackets in the header, by canonical column name ("万元")
     */
    public ValidationOutcome validate(Map<String, String> raw, Map<String, String> headerUnits)
    {
        try {
            LakeValues values = lakeColumns.newRow();
            for (ColumnSpec column : family.columns()) {
                Optional<String> text = Text.present(raw.get(column.name()));
                if (text.isEmpty()) {
                    if (column.required()) {
                        throw new RowRejected(Rule.REQUIRED_MISSING.reject(column.name(), "", ""));
                    }
                    continue;
                }
                normalize(column, text.get(), raw, headerUnits, values);
            }
            applyCrossColumnRules(raw, values);
            return ValidationOutcome.accepted(values);
        }
        catch (RowRejected rejected) {
            return ValidationOutcome.rejected(lakeColumns.newRow(), rejected.rejection);
        }
    }

    private void normalize(ColumnSpec column, String text, Map<String, String> raw, Map<String, String> headerUnits, Map<String, Object> values)
    {
        String name = column.name();
        switch (column.kind()) {
            case TEXT -> values.put(name, text);
            case IDENTIFIER -> values.put(name, identifier(text));
            case DATE -> values.put(name, Date.valueOf(date(name, text)));
            case COUNT -> values.put(name, count(name, text));
            case DECIMAL -> values.put(name, nonNegative(name, text).value().doubleValue());
            case MONEY -> values.put(name + "_yuan", money(name, text, moneyUnit(name, raw, headerUnits)));
            case ENUMERATION -> values.put(name, column.enumeration().orElseThrow().canonical(text)
                    .orElseThrow(() -> new RowRejected(Rule.ENUMERATION_UNKNOWN.reject(name, text, column.enumeration().orElseThrow().describeAllowed()))));
            case COMMUNITY -> {
                // resolved once both community columns are known, in applyCrossColumnRules
            }
            case TALENT_REFERENCE -> {
                String talentId = identifier(text);
                if (!context.knownTalentIds().contains(talentId)) {
                    throw new RowRejected(Rule.TALENT_UNKNOWN.reject(name, talentId, ""));
                }
                values.put(name, talentId);
            }
            case TRAINING_REFERENCE -> {
                String trainingId = identifier(text);
                if (!context.knownTrainingIds().contains(trainingId)) {
                    throw new RowRejected(Rule.TRAINING_UNKNOWN.reject(name, trainingId, ""));
                }
                values.put(name, trainingId);
            }
            case PERIOD -> {
                Period period = Period.parse(text).orElseThrow(() -> new RowRejected(Rule.PERIOD_INVALID.reject(name, text, "")));
                values.put(name, period.label());
                if (family == Family.INDUSTRY_OUTPUTS) {
                    values.put("period_start", Date.valueOf(period.start()));
                    values.put("period_end", Date.valueOf(period.end()));
                }
            }
            case ID_NUMBER -> {
                String number = Text.halfWidth(text).toUpperCase(Locale.ROOT);
                if (!PersonalNumbers.isResidentId(number)) {
                    throw new RowRejected(Rule.ID_NUMBER_INVALID.reject(name, "", ""));
                }
                values.put(name + "_masked", PersonalNumbers.maskResidentId(number));
                values.put(name + "_hash", context.personalDataHasher().hash(number));
            }
            case PHONE -> {
                String phone = Text.withoutSpacesOrHyphens(Text.halfWidth(text));
                if (!PersonalNumbers.isMobilePhone(phone)) {
                    throw new RowRejected(Rule.PHONE_INVALID.reject(name, "", ""));
                }
                values.put(name + "_masked", PersonalNumbers.maskPhone(phone));
                values.put(name + "_hash", context.personalDataHasher().hash(phone));
            }
            case PERSON_NAME -> values.put(name.equals("attendee_name") ? "attendee_hash" : name + "_hash",
                    context.personalDataHasher().hash(Text.withoutSpaces(text)));
            case REGISTRATION_NUMBER -> values.put(name, Text.halfWidth(text).replace(" ", ""));
            case DIVISION_CODE -> {
                String code = Text.withoutSpaces(Text.halfWidth(text));
                if (!TWELVE_DIGITS.matcher(code).matches()) {
                    throw new RowRejected(Rule.COMMUNITY_CODE_INVALID.reject(name, text, ""));
                }
                values.put(name, code);
            }
            case FLAG -> values.put(name, switch (Text.halfWidth(text).strip().toLowerCase(Locale.ROOT)) {
                case "是", "true", "yes", "y", "1" -> true;
                case "否", "false", "no", "n", "0" -> false;
                default -> throw new RowRejected(Rule.FLAG_INVALID.reject(name, text, ""));
            });
        }
    }

    private void applyCrossColumnRules(Map<String, String> raw, Map<String, Object> values)
    {
        if (namesCommunities) {
            resolveCommunity(raw).ifPresent(community -> values.put("community_code", community.code()));
        }
        if (family == Family.TALENTS && values.get("cycle_end") != null
                && ((Date) values.get("cycle_end")).before((Date) values.get("cycle_start"))) {
            throw new RowRejected(Rule.DATE_ORDER.reject("cycle_end", values.get("cycle_end").toString(), ""));
        }
        if (family == Family.IP_OUTPUTS && values.get("registration_no") != null) {
            checkRegistrationNumber((String) values.get("registration_no"), (String) values.get("output_type"));
        }
        if (family == Family.INDUSTRY_OUTPUTS) {
            boolean valueHasMultiplier = NumberParser.parse(raw.get("value")).map(ParsedNumber::hasMultiplier).orElse(false);
            if (valueHasMultiplier && !values.get("unit").equals("yuan") && ((String) values.get("unit")).endsWith("_yuan")) {
                // 1.05万 with unit 万元 could mean 10,500 yuan or 105 million: the clerk must say which
                throw new RowRejected(Rule.NUMBER_UNIT_AMBIGUOUS.reject("value", raw.get("value"), raw.get("unit")));
            }
            convertMoneyUnit(values);
            values.putIfAbsent("product", "");
        }
        if (family == Family.COMMUNITIES) {
            values.putIfAbsent("in_program", true); // a community listed without the flag joins the program
        }
        if (family == Family.SERVICE_LOGS) {
            values.putIfAbsent("days", 1.0); // the contract's default: a log without days is one day on site
            double days = (Double) values.get("days");
            if (days <= 0 || days > 1) {
                throw new RowRejected(Rule.DAYS_OUT_OF_RANGE.reject("days", raw.get("days"), ""));
            }
        }
        if (family == Family.IP_OUTPUTS && values.get("granted_on") == null && values.get("filed_on") == null) {
            throw new RowRejected(Rule.OUTPUT_DATE_MISSING.reject("granted_on", "", ""));
        }
        if (family == Family.TRAINING_ATTENDANCE) {
            values.putIfAbsent("phone_hash", "");
        }
    }

    private Optional<Community> resolveCommunity(Map<String, String> raw)
    {
        Optional<String> code = Text.present(raw.get("community_code"));
        Optional<String> name = Text.present(raw.get("community_name"));
        if (code.isEmpty() && name.isEmpty()) {
            if (family.communityRequired()) {
                throw new RowRejected(Rule.COMMUNITY_MISSING.reject("community_code", "", ""));
            }
            return Optional.empty();
        }
        Optional<Community> byCode = code.map(value -> context.communities().byCode(value)
                .orElseThrow(() -> new RowRejected(Rule.COMMUNITY_UNKNOWN.reject("community_code", value, ""))));
        Optional<Community> byName = name.map(value -> context.communities().byName(value)
                .orElseThrow(() -> new RowRejected(Rule.COMMUNITY_UNKNOWN.reject("community_name", value, ""))));
        if (byCode.isPresent() && byName.isPresent() && !byCode.get().equals(byName.get())) {
            throw new RowRejected(Rule.COMMUNITY_MISMATCH.reject("community_code", code.get(),
                    code.get() + " = " + byCode.get().name() + ", " + name.get()));
        }
        return byCode.or(() -> byName);
    }

    private void checkRegistrationNumber(String number, String outputType)
    {
        switch (outputType) {
            case "invention_patent", "utility_model", "design_patent" -> {
                PatentNumbers.Result result = PatentNumbers.check(number);
                if (!result.checkDigitValid()) {
                    throw new RowRejected(Rule.PATENT_CHECK_DIGIT.reject("registration_no", number, ""));
                }
                char typeDigit = result.number()
                        .orElseThrow(() -> new RowRejected(Rule.REGISTRATION_INVALID.reject("registration_no", number, "专利号/patent number")))
                        .typeDigit();
                String impliedType = switch (typeDigit) {
                    case '1', '8' -> "invention_patent";
                    case '2', '9' -> "utility_model";
                    case '3' -> "design_patent";
                    default -> "unknown";
                };
                if (!impliedType.equals(outputType)) {
                    throw new RowRejected(Rule.PATENT_TYPE_MISMATCH.reject("registration_no", number,
                            Enumerations.OUTPUT_TYPE.chinese(impliedType) + "/" + impliedType));
                }
            }
            case "software_copyright" -> requireFormat(RegistrationNumbers.isSoftwareCopyright(number), number, "软件著作权登记号/software copyright number (YYYYSR…)");
            case "enterprise_standard" -> requireFormat(RegistrationNumbers.isEnterpriseStandard(number), number, "企业标准编号/enterprise standard (Q/…-YYYY)");
            case "new_variety" -> requireFormat(RegistrationNumbers.isVariety(number), number, "品种审定/登记编号/variety number (滇审…, GPD…)");
            default -> {
                // other outputs have no registration format to check
            }
        }
    }

    private static void requireFormat(boolean valid, String number, String format)
    {
        if (!valid) {
            throw new RowRejected(Rule.REGISTRATION_INVALID.reject("registration_no", number, format));
        }
    }

    /** Industry values in 万元/亿元 are stored in yuan, so every money figure in the lake has one unit. */
    private static void convertMoneyUnit(Map<String, Object> values)
    {
        String unit = (String) values.get("unit");
        double value = (Double) values.get("value");
        if (unit.equals("10k_yuan")) {
            values.put("value", BigDecimal.valueOf(value).multiply(TEN_THOUSAND).doubleValue());
            values.put("unit", "yuan");
        }
        else if (unit.equals("100m_yuan")) {
            values.put("value", BigDecimal.valueOf(value).multiply(HUNDRED_MILLION).doubleValue());
            values.put("unit", "yuan");
        }
    }

    private static Optional<String> moneyUnit(String column, Map<String, String> raw, Map<String, String> headerUnits)
    {
        return Optional.ofNullable(headerUnits.get(column)).or(() -> Text.present(raw.get("unit")));
    }

    private static double money(String column, String text, Optional<String> unit)
    {
        ParsedNumber number = nonNegative(column, text);
        if (number.hasMultiplier() || unit.isEmpty()) {
            return number.value().doubleValue();
        }
        String canonicalUnit = Enumerations.UNIT.canonical(unit.get())
                .orElseThrow(() -> new RowRejected(Rule.ENUMERATION_UNKNOWN.reject("unit", unit.get(), "元/yuan, 万元/10k_yuan, 亿元/100m_yuan")));
        return switch (canonicalUnit) {
            case "yuan" -> number.value().doubleValue();
            case "10k_yuan" -> number.value().multiply(TEN_THOUSAND).doubleValue();
            case "100m_yuan" -> number.value().multiply(HUNDRED_MILLION).doubleValue();
            default -> throw new RowRejected(Rule.ENUMERATION_UNKNOWN.reject("unit", unit.get(), "元/yuan, 万元/10k_yuan, 亿元/100m_yuan"));
        };
    }

    private LocalDate date(String column, String text)
    {
        LocalDate date = DateParser.parse(text).orElseThrow(() -> new RowRejected(Rule.DATE_INVALID.reject(column, text, "")));
        if (date.isBefore(ValidationContext.EARLIEST_DATE) || date.isAfter(context.latestDate())) {
            throw new RowRejected(Rule.DATE_OUT_OF_RANGE.reject(column, text, ""));
        }
        return date;
    }

    private static long count(String column, String text)
    {
        BigDecimal value = nonNegative(column, text).value();
        if (value.stripTrailingZeros().scale() > 0) {
            throw new RowRejected(Rule.NUMBER_NOT_WHOLE.reject(column, text, ""));
        }
        return value.longValueExact();
    }

    private static ParsedNumber nonNegative(String column, String text)
    {
        ParsedNumber number = NumberParser.parse(text).orElseThrow(() -> new RowRejected(Rule.NUMBER_INVALID.reject(column, text, "")));
        if (number.value().signum() < 0) {
            throw new RowRejected(Rule.NUMBER_NEGATIVE.reject(column, text, ""));
        }
        return number;
    }

    private static String identifier(String text)
    {
        return Text.withoutSpaces(Text.halfWidth(text)).toUpperCase(Locale.ROOT);
    }

    /** Ends validation of a row at its first failed rule. */
    private static final class RowRejected
            extends RuntimeException
    {
        private final Rejection rejection;

        RowRejected(Rejection rejection)
        {
            super(rejection.rule().id(), null, false, false);
            this.rejection = rejection;
        }
    }
}
