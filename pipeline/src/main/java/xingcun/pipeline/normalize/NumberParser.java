package xingcun.pipeline.normalize;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-typed numbers: full-width digits, thousands separators, a 万/亿 multiplier and a trailing unit
 * ("1.05万", "１，２００", "80,000,000元", "105万元", "42户").
 */
public final class NumberParser
{
    private static final Pattern NUMBER = Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)\\s*(万|亿)?\\s*(?:[^\\d\\s.+-][^\\d]*)?");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private NumberParser() {}

    /** A parsed number: its value with any 万/亿 multiplier applied, and whether such a multiplier was written. */
    public record ParsedNumber(BigDecimal value, boolean hasMultiplier) {}

    public static Optional<ParsedNumber> parse(String value)
    {
        if (!value.isEmpty() && value.length() <= 18 && Text.isAsciiDigits(value, 0, value.length())) {
            // a plain count (most cells): what the pattern would read, without a regex
            return Optional.of(new ParsedNumber(BigDecimal.valueOf(Long.parseLong(value)), false));
        }
        String text = Text.halfWidth(value).strip().replace(",", "").replace("，", "").replace(" ", "");
        Matcher matcher = NUMBER.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String multiplier = matcher.group(2);
        if (multiplier == null) {
            return Optional.of(new ParsedNumber(number, false));
        }
        return Optional.of(new ParsedNumber(number.multiply(multiplier.equals("万") ? TEN_THOUSAND : HUNDRED_MILLION), true));
    }
}
