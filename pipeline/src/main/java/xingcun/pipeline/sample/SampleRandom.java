package xingcun.pipeline.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded java.util.Random with the few draws the generator needs. Every family gets its own instance with its
 * own seed, so that changing how one family is drawn does not reshuffle the others' committed files.
 */
final class SampleRandom
{
    private final Random random;

    SampleRandom(long seed)
    {
        this.random = new Random(seed);
    }

    /** A whole number in [low, high], both included. */
    int between(int low, int high)
    {
        return low + random.nextInt(high - low + 1);
    }

    boolean chance(double probability)
    {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    <T> void shuffle(List<T> values)
    {
        Collections.shuffle(values, random);
    }

    /**
     * A month of the `count` months starting at `first`, drawn with a weight per month of the year (index 0 = January):
     * field work follows the farming calendar, so months are not equally likely.
     */
    YearMonth month(YearMonth first, int count, int[] weightByMonthOfYear)
    {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += weightByMonthOfYear[first.plusMonths(i).getMonthValue() - 1];
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < count; i++) {
            YearMonth month = first.plusMonths(i);
            draw -= weightByMonthOfYear[month.getMonthValue() - 1];
            if (draw < 0) {
                return month;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * A day of the month within [notBefore, notAfter] that is not yet taken, preferring weekdays other than Sunday:
     * one talent is at one place a day, so a day is used once per talent.
     */
    LocalDate freeDay(YearMonth month, LocalDate notBefore, LocalDate notAfter, Set<LocalDate> taken)
    {
        List<LocalDate> candidates = new ArrayList<>();
        List<LocalDate> sundays = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.isBefore(notBefore) || day.isAfter(notAfter) || taken.contains(day)) {
                continue;
            }
            (day.getDayOfWeek() == DayOfWeek.SUNDAY ? sundays : candidates).add(day);
        }
        if (candidates.isEmpty()) {
            candidates = sundays;
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No free day left in " + month);
        }
        return pick(candidates);
    }
}
