package xingcun.pipeline.sample;

import java.time.LocalDate;

/**
 * The ways staff type a date by hand. The ingest must read all of them, so the sample mixes them on purpose.
 */
enum DateStyles
{
    SLASH, CHINESE, DOTTED, ISO, COMPACT;

    String format(LocalDate date)
    {
        int y = date.getYear();
        int m = date.getMonthValue();
        int d = date.getDayOfMonth();
        return switch (this) {
            case SLASH -> y + "/" + m + "/" + d;
            case CHINESE -> y + "年" + m + "月" + d + "日";
            case DOTTED -> y + "." + Digits.padded(m, 2) + "." + Digits.padded(d, 2);
            case ISO -> date.toString();
            case COMPACT -> y + Digits.padded(m, 2) + Digits.padded(d, 2);
        };
    }
}
