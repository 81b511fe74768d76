package xingcun.reports;

/** Why a report or chart could not be made; the command line maps each to an exit code. */
public enum ReportErrorCode
{
    /** A bad option or definition: fix the command or the file. */
    INVALID_ARGUMENT,
    /** The report was built but failed its own checks, so it is not published. */
    CHECK_FAILED,
    /** Rendering or writing failed. */
    RENDER_FAILED,
}
