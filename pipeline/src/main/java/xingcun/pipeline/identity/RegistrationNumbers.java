package xingcun.pipeline.identity;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Formats of the non-patent registration numbers: software copyright, enterprise standard, plant variety. */
public final class RegistrationNumbers
{
    private static final Pattern SOFTWARE_COPYRIGHT = Pattern.compile("(\\d{4})SR\\d{6,7}");
    private static final Pattern ENTERPRISE_STANDARD = Pattern.compile("Q/[A-Z0-9]{2,10}(?:/[JGZ])?\\s*\\d{1,6}\\s*[-—–]\\s*(\\d{4})");
    private static final Pattern YUNNAN_VARIETY = Pattern.compile("滇审(?:稻|玉米|小麦|大豆)(\\d{4})\\d{3}号?");
    private static final Pattern VARIETY_REGISTRATION = Pattern.compile("GPD[\\p{IsHan}A-Za-z]+\\((\\d{4})\\)53\\d{4}");

    private RegistrationNumbers() {}

    /** YYYYSR + 6-7 digits, with a year from 1991 (the first software registrations) to next year. */
    public static boolean isSoftwareCopyright(String value)
    {
        Matcher matcher = SOFTWARE_COPYRIGHT.matcher(value.strip().toUpperCase());
        return matcher.matches() && plausibleYear(matcher.group(1), 1991);
    }

    /** Q/ + enterprise code + optional /J /G /Z + serial + -YYYY (an em dash is common). */
    public static boolean isEnterpriseStandard(String value)
    {
        Matcher matcher = ENTERPRISE_STANDARD.matcher(value.strip().toUpperCase());
        return matcher.matches() && plausibleYear(matcher.group(1), 1980);
    }

    /** 滇审 + crop + year + serial (+号), or a non-major crop registration GPD<crop>(YYYY)53NNNN. */
    public static boolean isVariety(String value)
    {
        String text = value.strip().replace('（', '(').replace('）', ')');
        Matcher yunnan = YUNNAN_VARIETY.matcher(text);
        if (yunnan.matches()) {
            return plausibleYear(yunnan.group(1), 1980);
        }
        Matcher registration = VARIETY_REGISTRATION.matcher(text);
        return registration.matches() && plausibleYear(registration.group(1), 2017);
    }

    private static boolean plausibleYear(String year, int earliest)
    {
        int value = Integer.parseInt(year);
        return value >= earliest && value <= LocalDate.now().getYear() + 1;
    }
}
