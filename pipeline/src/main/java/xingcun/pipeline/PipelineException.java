package xingcun.pipeline;

import static java.util.Objects.requireNonNull;

/** The one unchecked exception of the pipeline module; its message is a single line meant for the user. */
public final class PipelineException
        extends RuntimeException
{
    private final PipelineErrorCode errorCode;

    public PipelineException(PipelineErrorCode errorCode, String message)
    {
        this(errorCode, message, null);
    }

    public PipelineException(PipelineErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public PipelineErrorCode errorCode()
    {
        return errorCode;
    }
}
