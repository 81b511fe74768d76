package xingcun.reports.definition;

import java.util.Locale;

/** The language a report is written in: Chinese by default, English on request. */
public enum Language
{
    ZH, EN;

    public static Language of(String id)
    {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "zh" -> ZH;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("Invalid language " + id + ": use zh or en");
        };
    }

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public String pick(String chinese, String english)
    {
        return this == ZH || english == null ? chinese : english;
    }
}
