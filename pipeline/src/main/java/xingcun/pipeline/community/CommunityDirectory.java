package xingcun.pipeline.community;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import xingcun.pipeline.normalize.Text;

/**
 * The communities a program serves, from the Xishan division table (NBS statistics codes). By default the program
 * set is every community of the agriculture-related sub-districts 碧鸡, 海口 and 团结 (36 communities).
 */
public final class CommunityDirectory
        implements Serializable
{
    private static final String DIVISIONS_RESOURCE = "/xingcun/pipeline/xishan_divisions.csv";
    private static final Pattern SUFFIX = Pattern.compile("(社区居民委员会|社区居委会|村民委员会|村委会|居委会|社区)$");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private final Map<String, Community> byCode = new LinkedHashMap<>();
    private final Map<String, List<Community>> byShortName = new HashMap<>();

    private CommunityDirectory(List<Community> communities)
    {
        for (Community community : communities) {
            byCode.put(community.code(), community);
            byShortName.computeIfAbsent(community.shortName(), ignored -> new ArrayList<>()).add(community);
        }
    }

    /** The default program set: the agriculture-related communities of the shipped Xishan division table. */
    public static CommunityDirectory xishanProgram()
    {
        try (InputStream stream = CommunityDirectory.class.getResourceAsStream(DIVISIONS_RESOURCE);
                Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            List<Community> communities = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (record.get("level").equals("community") && Boolean.parseBoolean(record.get("agricultural_subdistrict"))) {
                    String name = record.get("name");
                    communities.add(new Community(record.get("code"), name, shortName(name), record.get("parent_code"), true));
                }
            }
            return new CommunityDirectory(communities);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in division table " + DIVISIONS_RESOURCE, e);
        }
    }

    /**
     * This directory changed by the lake's communities table: a listed community joins the program set (added, or
     * renamed when its code is known), one flagged out of the program leaves it.
     */
    public CommunityDirectory withOverrides(List<CommunityOverride> overrides)
    {
        Map<String, Community> communities = new LinkedHashMap<>(byCode);
        for (CommunityOverride override : overrides) {
            if (!override.inProgram()) {
                communities.remove(override.code());
                continue;
            }
            String subdistrict = override.parentCode()
                    .or(() -> Optional.ofNullable(communities.get(override.code())).map(Community::subdistrictCode))
                    .orElse(override.code().substring(0, 9) + "000");
            communities.put(override.code(), new Community(override.code(), override.name(), shortName(override.name()), subdistrict, true));
        }
        return new CommunityDirectory(List.copyOf(communities.values()));
    }

    /** One row of the lake's communities table. */
    public record CommunityOverride(String code, String name, Optional<String> parentCode, boolean inProgram)
            implements Serializable
    {
        public CommunityOverride
        {
            java.util.Objects.requireNonNull(code, "code is null");
            java.util.Objects.requireNonNull(name, "name is null");
            java.util.Objects.requireNonNull(parentCode, "parentCode is null");
        }
    }

    public List<Community> communities()
    {
        return List.copyOf(byCode.values());
    }

    public Optional<Community> byCode(String code)
    {
        if (code.length() == 12 && Text.isAsciiDigits(code, 0, 12)) {
            return Optional.ofNullable(byCode.get(code)); // typed as stored: no folding or pattern needed
        }
        String digits = Text.halfWidth(code).strip();
        return TWELVE_DIGITS.matcher(digits).matches() ? Optional.ofNullable(byCode.get(digits)) : Optional.empty();
    }

    /** The one community of the set with this name, with or without its suffix; empty if none or several. */
    public Optional<Community> byName(String name)
    {
        List<Community> matches = byShortName.getOrDefault(shortName(Text.halfWidth(name).strip()), List.of());
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** 西华社区居委会 → 西华. */
    public static String shortName(String name)
    {
        return SUFFIX.matcher(Text.withoutSpaces(name)).replaceFirst("");
    }
}
