package xingcun.pipeline.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-typed dates: 2021-07-13, 2021/7/13, 2021.07.13, 20210713, 2021年7月13日, an optional time after the date,
 * and Excel serial day numbers (days since 1899-12-30).
 */
public final class DateParser
{
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("(\\d{5})(?:\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private DateParser() {}

    /** The date, or empty when the text is no date this parser knows (including impossible ones like 2021-02-30). */
    public static Optional<LocalDate> parse(String value)
    {
        boolean canonical = isoDate(value);
        String text = canonical ? value : Text.halfWidth(value).strip();
        try {
            if (canonical) {
                // typed the canonical way (most cells of generated and exported ledgers): what SEPARATED would read,
                // without a regex (the regex engine was ≈ 1 % of a province ingest's executor samples here)
                return Optional.of(date(text.substring(0, 4), text.substring(5, 7), text.substring(8, 10)));
            }
            Matcher separated = SEPARATED.matcher(text);
            if (separated.matches()) {
                return Optional.of(date(separated.group(1), separated.group(2), separated.group(3)));
            }
            Matcher compact = COMPACT.matcher(text);
            if (compact.matches()) {
                return Optional.of(date(compact.group(1), compact.group(2), compact.group(3)));
            }
            Matcher serial = EXCEL_SERIAL.matcher(text);
            if (serial.matches()) {
                return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(serial.group(1))));
            }
        }
        catch (DateTimeException impossible) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** 2021-07-13 exactly: ASCII digits, hyphens, nothing around them. */
    private static boolean isoDate(String value)
    {
        return value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-'
                && Text.isAsciiDigits(value, 0, 4) && Text.isAsciiDigits(value, 5, 7) && Text.isAsciiDigits(value, 8, 10);
    }

    private static LocalDate date(String year, String month, String day)
    {
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }
}
