package xingcun.pipeline.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese patent application numbers: since 2003-10 "YYYY T NNNNNNN . C" (12 digits, check character C, type digit T),
 * before that 8 digits and a check character; optional CN/ZL prefix. Also publication numbers CN + type + 8 digits + kind.
 */
public final class PatentNumbers
{
    private static final Pattern APPLICATION = Pattern.compile("(?:CN|ZL)?(\\d{12}|\\d{8})\\.?([\\dX])");
    private static final Pattern PUBLICATION = Pattern.compile("CN([123])\\d{8}([ABUS]\\d?)");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    private static final String CHECK_CHARACTERS = "0123456789X";

    private PatentNumbers() {}

    /** What a well-formed number says: the patent type digit (1 invention, 2 utility model, 3 design, 8/9 PCT). */
    public record PatentNumber(char typeDigit) {}

    /** The type digit of a valid number; empty when the shape is wrong; a wrong check character is reported apart. */
    public static Result check(String value)
    {
        String text = value.toUpperCase().replace(" ", "");
        Matcher publication = PUBLICATION.matcher(text);
        if (publication.matches()) {
            String kind = publication.group(2).substring(0, 1);
            char type = publication.group(1).charAt(0);
            boolean kindAgrees = switch (type) {
                case '1' -> kind.equals("A") || kind.equals("B");
                case '2' -> kind.equals("U");
                default -> kind.equals("S");
            };
            return kindAgrees ? new Result(Optional.of(new PatentNumber(type)), true) : new Result(Optional.empty(), true);
        }
        Matcher application = APPLICATION.matcher(text);
        if (!application.matches()) {
            return new Result(Optional.empty(), true);
        }
        String digits = application.group(1);
        char expected = checkCharacter(digits);
        if (expected != application.group(2).charAt(0)) {
            return new Result(Optional.empty(), false);
        }
        char type = digits.length() == 12 ? digits.charAt(4) : digits.charAt(2);
        return new Result(Optional.of(new PatentNumber(type)), true);
    }

    /** The check character for 12 (or, before 2003, 8) digits: weights 2,3,4,5,6,7,8,9,2,3,4,5, sum mod 11. */
    public static char checkCharacter(String digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** number: present when valid; checkDigitValid: false only when the shape is right but the check character is wrong. */
    public record Result(Optional<PatentNumber> number, boolean checkDigitValid) {}
}
