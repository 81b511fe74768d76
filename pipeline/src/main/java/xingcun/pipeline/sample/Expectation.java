package xingcun.pipeline.sample;

import static java.util.Objects.requireNonNull;

/**
 * What the ingest should do with one generated row. The sample deliberately contains a few bad rows; recording the
 * expected outcome next to each row lets the self-check count only the rows the ingest will accept, and lets the
 * README list the bad rows without anyone keeping a second list by hand.
 */
record Expectation(Outcome outcome, String rule)
{
    enum Outcome
    {
        ACCEPTED, DUPLICATE, REJECTED
    }

    static final Expectation ACCEPT = new Expectation(Outcome.ACCEPTED, "");
    /** An exact repeat of a row loaded before (same natural key, same content). */
    static final Expectation REPEAT = new Expectation(Outcome.DUPLICATE, "duplicate");

    Expectation
    {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(rule, "rule is null");
    }

    /** A row the ingest must reject under the rule with this id (see xingcun.pipeline.validate.Rule). */
    static Expectation reject(String ruleId)
    {
        return new Expectation(Outcome.REJECTED, ruleId);
    }

    boolean accepted()
    {
        return outcome == Outcome.ACCEPTED;
    }

    boolean bad()
    {
        return outcome != Outcome.ACCEPTED;
    }
}
