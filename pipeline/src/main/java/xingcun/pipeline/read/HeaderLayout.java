package xingcun.pipeline.read;

import xingcun.pipeline.contract.ColumnSpec;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.normalize.HeaderMatcher;
import xingcun.pipeline.normalize.HeaderMatcher.HeaderMatch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A file's header row, understood: the canonical column at each position (or none, for columns the contract does
 * not know, which are kept only in the raw record), and the units written in brackets.
 */
public record HeaderLayout(List<String> headers, List<String> canonicalByPosition, Map<String, String> headerUnits)
        implements Serializable
{
    public HeaderLayout
    {
        headers = List.copyOf(requireNonNull(headers, "headers is null"));
        canonicalByPosition = new ArrayList<>(requireNonNull(canonicalByPosition, "canonicalByPosition is null")); // may hold nulls
        headerUnits = Map.copyOf(requireNonNull(headerUnits, "headerUnits is null"));
    }

    public static HeaderLayout of(Family family, List<String> headers)
    {
        HeaderMatcher matcher = new HeaderMatcher(family);
        List<String> canonical = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String header : headers) {
            HeaderMatch match = matcher.match(header);
            // the first column that maps to a canonical name wins; a repeat is kept only in the raw record
            String name = match.canonical().filter(column -> !canonical.contains(column)).orElse(null);
            canonical.add(name);
            if (name != null) {
                match.unit().ifPresent(unit -> units.put(name, unit));
            }
        }
        return new HeaderLayout(headers, canonical, units);
    }

    /** The first required column the header lacks, if any; the community may be given by code or by name. */
    public Optional<String> missingRequiredColumn(Family family)
    {
        for (ColumnSpec column : family.columns()) {
            if (column.required() && !canonicalByPosition.contains(column.name())) {
                return Optional.of(column.aliases().isEmpty() ? column.name() : column.name() + "（" + column.aliases().get(0) + "）");
            }
        }
        if (family.communityRequired() && !canonicalByPosition.contains("community_code") && !canonicalByPosition.contains("community_name")) {
            return Optional.of("community_code（社区代码）/community_name（社区）");
        }
        return Optional.empty();
    }

    /** "unit=万元;…", carried beside each raw row so validation scales money columns given in 万元. */
    public String headerUnitsText()
    {
        StringBuilder text = new StringBuilder();
        headerUnits.forEach((column, unit) -> text.append(column).append('=').append(unit).append(';'));
        return text.toString();
    }

    public static Map<String, String> parseHeaderUnits(String text)
    {
        Map<String, String> units = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    units.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return units;
    }
}
