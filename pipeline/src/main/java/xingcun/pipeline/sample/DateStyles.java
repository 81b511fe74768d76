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
            case DOTTED -> "%d.%02d.%02d".formatted(y, m, d);
            case ISO -> date.toString();
            case COMPACT -> "%d%02d%02d".formatted(y, m, d);
        };
    }
}
