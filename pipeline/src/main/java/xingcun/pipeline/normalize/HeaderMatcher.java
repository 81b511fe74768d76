package xingcun.pipeline.normalize;

import xingcun.pipeline.contract.ColumnSpec;
import xingcun.pipeline.contract.Family;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a header cell to a family's canonical column, ignoring case, spaces, full-width/half-width differences
 * and a trailing unit in brackets ("服务人次（人次）", "到位资金(万元)"); the unit is kept, since a money header
 * in 万元 scales its values.
 */
public final class HeaderMatcher
{
    private static final Pattern TRAILING_UNIT = Pattern.compile("(.*?)[(\\[【]([^)\\]】]*)[)\\]】]");

    private final Map<String, String> canonicalByKey = new HashMap<>();

    public HeaderMatcher(Family family)
    {
        for (ColumnSpec column : family.columns()) {
            canonicalByKey.put(key(column.name()), column.name());
            column.aliases().forEach(alias -> canonicalByKey.putIfAbsent(key(alias), column.name()));
        }
    }

    /** One header cell, matched: the canonical column (if any) and the unit written in brackets (if any). */
    public record HeaderMatch(Optional<String> canonical, Optional<String> unit) {}

    public HeaderMatch match(String header)
    {
        String text = Text.halfWidth(header == null ? "" : header).replace("\uFEFF", "").strip();
        Optional<String> unit = Optional.empty();
        Matcher withUnit = TRAILING_UNIT.matcher(text);
        if (withUnit.matches()) {
            text = withUnit.group(1);
            unit = Text.present(withUnit.group(2));
        }
        return new HeaderMatch(Optional.ofNullable(canonicalByKey.get(key(text))), unit);
    }

    private static String key(String text)
    {
        return Text.halfWidth(text).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }
}
