package xingcun.pipeline;

/** What went wrong, by category; the command line maps each category to an exit code. */
public enum PipelineErrorCode
{
    /** The user gave an argument or an inbox that cannot be used: fix the command and run again. */
    INVALID_ARGUMENT,
    /** The run failed after it started; nothing was committed to the lake. */
    RUN_FAILED,
}
