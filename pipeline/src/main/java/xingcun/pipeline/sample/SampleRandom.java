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

    /** A number in [0, 1). */
    double fraction()
    {
        return random.nextDouble();
    }

    /** A number of the standard normal distribution. */
    double gaussian()
    {
        return random.nextGaussian();
    }

    /**
     * An independent seed for one part of a generated inbox (a county, a family): SplitMix64's finaliser over the
     * run's seed and the part's number, so neighbouring parts do not get correlated java.util.Random streams.
     */
    static long derive(long seed, long part)
    {
        long z = seed + 0x9E3779B97F4A7C15L * (part + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A day in [from, to], both included. */
    LocalDate day(LocalDate from, LocalDate to)
    {
        return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    <T> T pick(List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    <T> void shuffle(List<T> values)
    {
        Collections.shuffle(values, random);
    }

    /** An index into weights, drawn with those weights. */
    int weighted(int[] weights)
    {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * A month of the `count` months starting at `first`, drawn with a weight per month of the year (index 0 = January):
     * field work follows the farming calendar, so months are not equally likely.
     */
    YearMonth month(YearMonth first, int count, int[] weightByMonthOfYear)
    {
        int[] weights = new int[count];
        for (int i = 0; i < count; i++) {
            weights[i] = weightByMonthOfYear[first.plusMonths(i).getMonthValue() - 1];
        }
        return first.plusMonths(weighted(weights));
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
