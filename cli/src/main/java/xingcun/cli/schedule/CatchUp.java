package xingcun.cli.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a job does with fires it could not run when they came due: while the scheduler was not running, or while
 * an earlier run was still going (jobs run one at a time). Never two runs of one job at once.
 */
public enum CatchUp
{
    /** Every fire runs, oldest first, each with its own period: every missed month's report matters. */
    ALL,
    /** Only the most recent fire runs; the others are recorded as skipped: one catch-up ingest loads the whole inbox. */
    LATEST,
    /** Fires missed while the scheduler was down are skipped; of fires that queued up while it ran, only the most recent runs. */
    NONE;

    /** Which of a job's due fires (oldest first) runs next, and which are recorded as skipped. */
    public FirePlan plan(List<Instant> due, Instant schedulerStarted)
    {
        if (due.isEmpty()) {
            return new FirePlan(List.of(), Optional.empty());
        }
        return switch (this) {
            case ALL -> new FirePlan(List.of(), Optional.of(due.get(0)));
            case LATEST -> skipAllBut(due.get(due.size() - 1), due, schedulerStarted, "catch_up: latest runs only the most recent fire");
            case NONE -> {
                List<Instant> whileUp = due.stream().filter(fire -> !fire.isBefore(schedulerStarted)).toList();
                if (whileUp.isEmpty()) {
                    yield skipAllBut(null, due, schedulerStarted, "catch_up: none runs no missed fire");
                }
                yield skipAllBut(whileUp.get(whileUp.size() - 1), due, schedulerStarted, "catch_up: none runs only the most recent fire");
            }
        };
    }

    private static FirePlan skipAllBut(Instant run, List<Instant> due, Instant schedulerStarted, String policy)
    {
        List<SkippedFire> skipped = new ArrayList<>();
        for (Instant fire : due) {
            if (!fire.equals(run)) {
                String cause = fire.isBefore(schedulerStarted) ? "missed while the scheduler was not running" : "came due while an earlier run was in progress";
                skipped.add(new SkippedFire(fire, cause + "; " + policy));
            }
        }
        return new FirePlan(skipped, Optional.ofNullable(run));
    }

    /** The due fires of one job: those recorded as skipped, and the one to run next (if any). */
    public record FirePlan(List<SkippedFire> skipped, Optional<Instant> run)
    {
        public FirePlan
        {
            skipped = List.copyOf(skipped);
            requireNonNull(run, "run is null");
        }
    }

    public record SkippedFire(Instant scheduledFor, String reason)
    {
        public SkippedFire
        {
            requireNonNull(scheduledFor, "scheduledFor is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
