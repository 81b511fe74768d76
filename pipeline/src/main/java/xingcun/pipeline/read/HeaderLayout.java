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
public record HeaderLayout(List<String> headers, List<String> canonicalByPosition, List<Boolean> personalByPosition, Map<String, String> headerUnits)
        implements Serializable
{
    public HeaderLayout
    {
        headers = List.copyOf(requireNonNull(headers, "headers is null"));
        canonicalByPosition = new ArrayList<>(requireNonNull(canonicalByPosition, "canonicalByPosition is null")); // may hold nulls
        personalByPosition = List.copyOf(requireNonNull(personalByPosition, "personalByPosition is null"));
        headerUnits = Map.copyOf(requireNonNull(headerUnits, "headerUnits is null"));
    }

    static final java.util.Set<xingcun.pipeline.contract.ValueKind> PERSONAL_KINDS = java.util.EnumSet.of(
            xingcun.pipeline.contract.ValueKind.ID_NUMBER, xingcun.pipeline.contract.ValueKind.PHONE, xingcun.pipeline.contract.ValueKind.PERSON_NAME);

    public static HeaderLayout of(Family family, List<String> headers)
    {
        HeaderMatcher matcher = new HeaderMatcher(family);
        List<String> canonical = new ArrayList<>();
        List<Boolean> personal = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String header : headers) {
            HeaderMatch match = matcher.match(header);
            // judged on the header itself, so a second 联系电话 column is as personal as the first
            personal.add(match.canonical().flatMap(column -> family.columns().stream().filter(spec -> spec.name().equals(column)).findFirst())
                    .map(spec -> PERSONAL_KINDS.contains(spec.kind())).orElse(false));
            // the first column that maps to a canonical name wins; a repeat is kept only in the raw record
            String name = match.canonical().filter(column -> !canonical.contains(column)).orElse(null);
            canonical.add(name);
            if (name != null) {
                match.unit().ifPresent(unit -> units.put(name, unit));
            }
        }
        return new HeaderLayout(headers, canonical, personal, units);
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
}
