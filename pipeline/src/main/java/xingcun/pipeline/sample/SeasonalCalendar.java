package xingcun.pipeline.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * When things happen in a year of the program. Field service follows the farming calendar — spring planting
 * (March–May) and the autumn harvest (September–October) peak; trainings follow the slack season, winter and early
 * spring; both almost stop in the fortnight around the Spring Festival, and Sundays are quiet.
 */
final class SeasonalCalendar
{
    private static final int[] SERVICE_MONTH_WEIGHTS = {3, 3, 8, 9, 8, 5, 4, 5, 8, 9, 6, 3};
    private static final int[] TRAINING_MONTH_WEIGHTS = {6, 4, 5, 4, 3, 2, 2, 3, 3, 4, 6, 7};

    /** 春节 (the first day of the lunar year) for every year a profile can cover; it moves between 21 January and 20 February. */
    private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(
            2016, LocalDate.of(2016, 2, 8), 2017, LocalDate.of(2017, 1, 28), 2018, LocalDate.of(2018, 2, 16),
            2019, LocalDate.of(2019, 2, 5), 2020, LocalDate.of(2020, 1, 25), 2021, LocalDate.of(2021, 2, 12),
            2022, LocalDate.of(2022, 2, 1), 2023, LocalDate.of(2023, 1, 22), 2024, LocalDate.of(2024, 2, 10),
            2025, LocalDate.of(2025, 1, 29));
    /** From 小年 a week before to the end of the first lunar fortnight, little work is done. */
    private static final int HOLIDAY_BEFORE = 7;
    private static final int HOLIDAY_AFTER = 10;
    private static final double HOLIDAY_FACTOR = 0.1;
    private static final double SUNDAY_FACTOR = 0.4;

    private final LocalDate firstDay;
    private final double[] serviceWeights;
    private final double[] trainingWeights;

    SeasonalCalendar(int year)
    {
        LocalDate festival = SPRING_FESTIVAL.get(year);
        if (festival == null) {
            throw new IllegalArgumentException("Invalid year " + year + ": the calendar knows the Spring Festival of 2016 to 2025");
        }
        this.firstDay = LocalDate.of(year, 1, 1);
        this.serviceWeights = weights(SERVICE_MONTH_WEIGHTS, festival);
        this.trainingWeights = weights(TRAINING_MONTH_WEIGHTS, festival);
    }

    private double[] weights(int[] monthWeights, LocalDate festival)
    {
        double[] weights = new double[firstDay.lengthOfYear()];
        for (int i = 0; i < weights.length; i++) {
            LocalDate day = firstDay.plusDays(i);
            double weight = monthWeights[day.getMonthValue() - 1];
            if (!day.isBefore(festival.minusDays(HOLIDAY_BEFORE)) && !day.isAfter(festival.plusDays(HOLIDAY_AFTER))) {
                weight *= HOLIDAY_FACTOR;
            }
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weight *= SUNDAY_FACTOR;
            }
            weights[i] = weight;
        }
        return weights;
    }

    LocalDate firstDay()
    {
        return firstDay;
    }

    LocalDate lastDay()
    {
        return firstDay.withDayOfYear(firstDay.lengthOfYear());
    }

    /** The day of a day index (0 = 1 January) as {@link #trainingDays} and {@link #serviceDays} return them. */
    LocalDate day(int dayOfYearIndex)
    {
        return firstDay.plusDays(dayOfYearIndex);
    }

    /** Training days: see {@link #pick}. */
    int[] trainingDays(LocalDate from, int count, BitSet taken, SampleRandom random)
    {
        return pick(trainingWeights, from, count, taken, random);
    }

    /** Service days: see {@link #pick}. */
    int[] serviceDays(LocalDate from, int count, BitSet taken, SampleRandom random)
    {
        return pick(serviceWeights, from, count, taken, random);
    }

    /**
     * count different days of the year from `from` on, none of them in taken (which gets them added), drawn with the
     * day weights and without replacement (Efraimidis–Spirakis: the days with the largest log(u)/weight win); as day
     * indexes in date order. Fewer when fewer days are free.
     */
    private int[] pick(double[] weights, LocalDate from, int count, BitSet taken, SampleRandom random)
    {
        double[] keys = new double[weights.length];
        List<Integer> free = new ArrayList<>();
        for (int i = (int) (from.toEpochDay() - firstDay.toEpochDay()); i < weights.length; i++) {
            if (!taken.get(i)) {
                keys[i] = Math.log(random.fraction()) / weights[i];
                free.add(i);
            }
        }
        free.sort((a, b) -> Double.compare(keys[b], keys[a]));
        int[] days = new int[Math.min(count, free.size())];
        for (int k = 0; k < days.length; k++) {
            days[k] = free.get(k);
            taken.set(days[k]);
        }
        Arrays.sort(days);
        return days;
    }
}
