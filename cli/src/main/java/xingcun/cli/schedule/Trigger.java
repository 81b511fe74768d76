package xingcun.cli.schedule;

/** Why a run happened: its fire came due, it was missed while the scheduler was down, or someone asked with --run-now. */
public enum Trigger
{
    SCHEDULE("schedule"),
    CATCH_UP("catch_up"),
    RUN_NOW("run_now");

    private final String text;

    Trigger(String text)
    {
        this.text = text;
    }

    public String text()
    {
        return text;
    }
}
