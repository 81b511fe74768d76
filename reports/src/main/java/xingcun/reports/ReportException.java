package xingcun.reports;

import static java.util.Objects.requireNonNull;

public class ReportException
        extends RuntimeException
{
    private final ReportErrorCode errorCode;

    public ReportException(ReportErrorCode errorCode, String message)
    {
        super(message);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ReportException(ReportErrorCode errorCode, String message, Throwable cause)
    {
        super(message, cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ReportErrorCode errorCode()
    {
        return errorCode;
    }
}
