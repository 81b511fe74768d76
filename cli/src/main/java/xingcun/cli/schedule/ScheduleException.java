package xingcun.cli.schedule;

import static java.util.Objects.requireNonNull;

/** The one unchecked exception of the scheduler; its message is a single line meant for the user. */
public final class ScheduleException
        extends RuntimeException
{
    private final ScheduleErrorCode errorCode;

    public ScheduleException(ScheduleErrorCode errorCode, String message)
    {
        this(errorCode, message, null);
    }

    public ScheduleException(ScheduleErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ScheduleErrorCode errorCode()
    {
        return errorCode;
    }
}
