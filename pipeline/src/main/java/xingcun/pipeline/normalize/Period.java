package xingcun.pipeline.normalize;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A statistics period — a year, a quarter or a month — with its canonical label (2021, 2021Q3, 2021-07). */
public record Period(String label, LocalDate start, LocalDate end)
{
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年?(?:度)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*(?:年)?\\s*[-_ ]?\\s*(?:Q|第)\\s*([1-4一二三四])\\s*(?:季度?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/.年])?\\s*(\\d{1,2})\\s*月?");

    public Period
    {
        requireNonNull(label, "label is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    public static Optional<Period> parse(String value)
    {
        String text = Text.halfWidth(value).strip();
        Matcher year = YEAR.matcher(text);
        if (year.matches()) {
            int y = Integer.parseInt(year.group(1));
            return Optional.of(new Period(String.valueOf(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            int y = Integer.parseInt(quarter.group(1));
            int q = "1一2二3三4四".indexOf(quarter.group(2)) / 2 + 1;
            LocalDate start = LocalDate.of(y, q * 3 - 2, 1);
            return Optional.of(new Period(y + "Q" + q, start, start.plusMonths(3).minusDays(1)));
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            int y = Integer.parseInt(month.group(1));
            int m = Integer.parseInt(month.group(2));
            if (m < 1 || m > 12) {
                return Optional.empty();
            }
            LocalDate start = LocalDate.of(y, m, 1);
            return Optional.of(new Period("%d-%02d".formatted(y, m), start, start.plusMonths(1).minusDays(1)));
        }
        return Optional.empty();
    }
}
