package xingcun.warehouse.metrics;

import xingcun.warehouse.WarehouseErrorCode;
import xingcun.warehouse.WarehouseException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** A window of days a metric is computed over, with a label (2021, 2021Q3, 2021-07, or from…to). */
public record ReportingPeriod(String label, LocalDate from, LocalDate to)
{
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public ReportingPeriod
    {
        requireNonNull(label, "label is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Invalid period: " + to + " is before " + from);
        }
    }

    /** 2021, 2021Q3 or 2021-07. */
    public static ReportingPeriod parse(String text)
    {
        String value = text.strip().toUpperCase();
        Matcher year = YEAR.matcher(value);
        if (year.matches()) {
            int y = Integer.parseInt(year.group(1));
            return new ReportingPeriod(value, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3 - 2, 1);
            return new ReportingPeriod(value, start, start.plusMonths(3).minusDays(1));
        }
        Matcher month = MONTH.matcher(value);
        if (month.matches() && Integer.parseInt(month.group(2)) >= 1 && Integer.parseInt(month.group(2)) <= 12) {
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
            return new ReportingPeriod(value, yearMonth.atDay(1), yearMonth.atEndOfMonth());
        }
        throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Invalid period " + text + ": write a year (2021), a quarter (2021Q3) or a month (2021-07)");
    }

    public static ReportingPeriod between(String from, String to)
    {
        try {
            return new ReportingPeriod(from + "…" + to, LocalDate.parse(from), LocalDate.parse(to));
        }
        catch (DateTimeParseException e) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Invalid date " + e.getParsedString() + ": write it as 2021-07-13");
        }
    }

    /** The period just before this one: the previous year, quarter or month, or a window of the same length. */
    public ReportingPeriod previous()
    {
        if (label.matches("\\d{4}")) {
            return parse(String.valueOf(from.getYear() - 1));
        }
        if (label.matches("\\d{4}Q[1-4]")) {
            LocalDate start = from.minusMonths(3);
            return new ReportingPeriod(start.getYear() + "Q" + ((start.getMonthValue() + 2) / 3), start, from.minusDays(1));
        }
        if (label.matches("\\d{4}-\\d{2}")) {
            YearMonth month = YearMonth.from(from).minusMonths(1);
            return new ReportingPeriod(month.toString(), month.atDay(1), month.atEndOfMonth());
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(days - 1);
        return new ReportingPeriod(previousFrom + "…" + previousTo, previousFrom, previousTo);
    }
}
