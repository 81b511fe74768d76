package xingcun.pipeline.sample;

import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.time.LocalDate;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What to generate: a profile, the seed that makes it reproducible (the same seed writes the same bytes), optionally
 * how many experts, and how many calendar years, which end with {@link #LAST_YEAR} so that no date lies in the future.
 */
public record ScaleOptions(ScaleProfile profile, long seed, OptionalInt talents, int years)
{
    /** The last year of the program's first five-year plan (2021–2025): a fixed year, not the clock's, so output never changes. */
    public static final int LAST_YEAR = 2025;
    public static final int MAX_YEARS = 10;
    public static final int MAX_TALENTS = 100_000;

    public ScaleOptions
    {
        requireNonNull(profile, "profile is null");
        requireNonNull(talents, "talents is null");
        if (talents.isPresent() && (talents.getAsInt() < 1 || talents.getAsInt() > MAX_TALENTS)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Invalid --talents " + talents.getAsInt() + ": give a number from 1 to " + MAX_TALENTS);
        }
        if (years < 1 || years > MAX_YEARS) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Invalid --years " + years + ": give a number from 1 to " + MAX_YEARS + " (the years end with " + LAST_YEAR + ")");
        }
    }

    public LocalDate periodStart()
    {
        return LocalDate.of(LAST_YEAR - years + 1, 1, 1);
    }

    public LocalDate periodEnd()
    {
        return LocalDate.of(LAST_YEAR, 12, 31);
    }
}
