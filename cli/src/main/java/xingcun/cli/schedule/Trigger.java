package xingcun.cli.schedule;

import java.util.Locale;

/** Why a run happened: its fire came due, it was missed while the scheduler was down, or someone asked with --run-now. */
public enum Trigger
{
    SCHEDULE,
    CATCH_UP,
    RUN_NOW;

    /** As the run log writes it: schedule, catch_up, run_now. */
    public String text()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
