package xingcun.pipeline.identity;

import xingcun.pipeline.normalize.Text;

import java.util.regex.Pattern;

/** Checks of personal identifiers: the 18-digit resident id and the mobile phone number. */
public final class PersonalNumbers
{
    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK = "10X98765432";

    private PersonalNumbers() {}

    public static boolean isResidentId(String value)
    {
        String text = value.toUpperCase();
        return RESIDENT_ID.matcher(text).matches() && residentIdCheck(text.substring(0, 17)) == text.charAt(17);
    }

    /** The check character of the first 17 digits: "10X98765432"[Σ dᵢ·wᵢ mod 11]. */
    public static char residentIdCheck(String first17)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        return RESIDENT_ID_CHECK.charAt(sum % 11);
    }

    public static boolean isMobilePhone(String value)
    {
        // 1[3-9]\d{9} without the regex engine: checked for every attendee of every training
        return value.length() == 11 && value.charAt(0) == '1' && value.charAt(1) >= '3' && value.charAt(1) <= '9' && Text.isAsciiDigits(value, 2, 11);
    }

    /** Keeps the first 4 and last 4 characters of an id number: 5301**********123X. */
    public static String maskResidentId(String value)
    {
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /** Keeps the first 3 and last 4 digits of a phone: 138****5678. */
    public static String maskPhone(String value)
    {
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}
