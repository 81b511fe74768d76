package xingcun.cli.schedule;

import xingcun.warehouse.WarehouseException;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The period a job reports on, as written in the schedule: a word relative to the day the run was scheduled for
 * (last-month, last-quarter, last-year, this-month, this-quarter, this-year) or a fixed period (2021, 2021Q3, 2021-07).
 */
public record SchedulePeriod(String text)
{
    static final List<String> WORDS = List.of("last-month", "last-quarter", "last-year", "this-month", "this-quarter", "this-year");

    public SchedulePeriod
    {
        requireNonNull(text, "text is null");
        if (!WORDS.contains(text)) {
            try {
                ReportingPeriod.parse(text);
            }
            catch (WarehouseException e) {
                throw new IllegalArgumentException("invalid period '" + text + "'; write " + String.join(", ", WORDS)
                        + ", or a fixed period such as 2021, 2021Q3 or 2021-07");
            }
        }
    }

    /** The label the warehouse knows (2026, 2026Q4, 2026-11) for a run scheduled on this day in the schedule's zone. */
    public String label(LocalDate day)
    {
        YearMonth month = YearMonth.from(day);
        return switch (text) {
            case "last-month" -> month.minusMonths(1).toString();
            case "this-month" -> month.toString();
            case "last-quarter" -> quarter(month.minusMonths(3));
            case "this-quarter" -> quarter(month);
            case "last-year" -> String.valueOf(day.getYear() - 1);
            case "this-year" -> String.valueOf(day.getYear());
            default -> ReportingPeriod.parse(text).label();
        };
    }

    private static String quarter(YearMonth month)
    {
        return month.getYear() + "Q" + ((month.getMonthValue() + 2) / 3);
    }
}
