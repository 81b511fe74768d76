package xingcun.pipeline.sample;

import java.time.LocalDate;

/**
 * The deliberately bad rows of a generated inbox: after about 3 in 1,000 good rows comes a twin — the same row pasted
 * again (a duplicate), or with one cell typed wrong (a rejection) — the mistakes the Xishan sample shows: impossible
 * dates, values outside an enumeration, wrong check characters, unknown references. A twin keeps its row's key, so
 * the good row still loads and nothing that refers to it breaks.
 */
final class BadRows
{
    static final double SHARE = 0.003;

    static final Expectation DATE_INVALID = Expectation.reject("date.invalid");
    static final Expectation ENUMERATION_UNKNOWN = Expectation.reject("enumeration.unknown");

    /** Its own stream, so that how often twins come does not change the good rows. */
    private final SampleRandom random;

    BadRows(SampleRandom random)
    {
        this.random = random;
    }

    /** -1 for most rows; otherwise which of `kinds` kinds of twin this row gets, 0 being the plain repeat. */
    int twin(int kinds)
    {
        return random.chance(SHARE) ? random.between(0, kinds - 1) : -1;
    }

    /** The month typed as 13, as in the sample's 2021-13-05. */
    static String impossibleDate(LocalDate day)
    {
        return "%d-13-%02d".formatted(day.getYear(), day.getDayOfMonth());
    }

    /** A resident id or patent number with its check character (0-9 or X, the last) mistyped. */
    static String wrongCheckCharacter(String number)
    {
        String checks = "0123456789X";
        char wrong = checks.charAt((checks.indexOf(number.charAt(number.length() - 1)) + 4) % checks.length());
        return number.substring(0, number.length() - 1) + wrong;
    }

    /** A copy of the row with one cell replaced. */
    static Object[] with(Object[] cells, int column, Object value)
    {
        Object[] copy = cells.clone();
        copy[column] = value;
        return copy;
    }
}
