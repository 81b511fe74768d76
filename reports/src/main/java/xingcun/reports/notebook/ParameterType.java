package xingcun.reports.notebook;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a notebook parameter holds; the SQL type its placeholder is cast to, so DuckDB compares like with like. */
public enum ParameterType
{
    DATE("date", "a date such as 2021-01-01"),
    INTEGER("bigint", "a whole number such as 2021"),
    NUMBER("double", "a number such as 0.5"),
    TEXT("varchar", "any text");

    private final String sqlType;
    private final String example;

    ParameterType(String sqlType, String example)
    {
        this.sqlType = sqlType;
        this.example = example;
    }

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sqlType()
    {
        return sqlType;
    }

    public static Optional<ParameterType> of(String id)
    {
        return Arrays.stream(values()).filter(type -> type.id().equals(id)).findFirst();
    }

    public static String names()
    {
        return Arrays.stream(values()).map(ParameterType::id).collect(Collectors.joining(", "));
    }

    /** The type YAML gives a default: an unquoted whole number, a number, a date written 2021-01-01, else text. */
    static ParameterType inferred(JsonNode defaultValue)
    {
        if (defaultValue == null || defaultValue.isNull()) {
            return TEXT;
        }
        if (defaultValue.isIntegralNumber()) {
            return INTEGER;
        }
        if (defaultValue.isNumber()) {
            return NUMBER;
        }
        return defaultValue.asText().matches("\\d{4}-\\d{2}-\\d{2}") ? DATE : TEXT;
    }

    /** The value bound for a text given on the command line or as a default; empty when the text does not fit. */
    Optional<Object> value(String text)
    {
        try {
            return Optional.of(switch (this) {
                case DATE -> Date.valueOf(LocalDate.parse(text.strip()));
                case INTEGER -> Long.parseLong(text.strip());
                case NUMBER -> new BigDecimal(text.strip()).doubleValue();
                case TEXT -> text;
            });
        }
        catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String example()
    {
        return example;
    }
}
