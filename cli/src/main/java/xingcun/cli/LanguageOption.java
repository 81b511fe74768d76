package xingcun.cli;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.definition.Language;

/** --lang as the report commands take it: zh or en, anything else one clear line. */
final class LanguageOption
{
    private LanguageOption() {}

    static Language parse(String value)
    {
        try {
            return Language.of(value);
        }
        catch (IllegalArgumentException e) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, e.getMessage());
        }
    }
}
