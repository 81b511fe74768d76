package xingcun.pipeline.contract;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A closed list of values. Each value has a canonical English word (what the lake stores) and a Chinese word;
 * either is accepted, ignoring case, surrounding spaces and '_'/space/'-' differences.
 */
public final class Enumeration
        implements Serializable
{
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

    private final String name;
    private final Map<String, String> canonicalByMatchKey = new LinkedHashMap<>();
    private final Map<String, String> chineseByCanonical = new LinkedHashMap<>();

    private Enumeration(String name)
    {
        this.name = requireNonNull(name, "name is null");
    }

    /** pairs: canonical English word, Chinese word, canonical, Chinese, … ; extra Chinese aliases after a '|'. */
    public static Enumeration of(String name, String... pairs)
    {
        Enumeration enumeration = new Enumeration(name);
        for (int i = 0; i < pairs.length; i += 2) {
            String canonical = pairs[i];
            String[] chinese = pairs[i + 1].split("\\|");
            enumeration.chineseByCanonical.put(canonical, chinese[0]);
            enumeration.addMatchKey(canonical, canonical);
            for (String word : chinese) {
                enumeration.addMatchKey(word, canonical);
            }
        }
        return enumeration;
    }

    public String name()
    {
        return name;
    }

    private void addMatchKey(String word, String canonical)
    {
        String key = matchKey(word);
        if (!matchKey(key).equals(key)) {
            throw new IllegalArgumentException("The word \"" + word + "\" of enumeration " + name + " has a match key that changes when matched again: \"" + key + "\"");
        }
        canonicalByMatchKey.put(key, canonical);
    }

    public Optional<String> canonical(String value)
    {
        // most cells are typed exactly as a match key ("技术指导", "teaching"): found without building one; a match key
        // is its own match key (checked in of()), so this finds what the match key would
        String exact = canonicalByMatchKey.get(value);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(canonicalByMatchKey.get(matchKey(value)));
    }

    public String chinese(String canonical)
    {
        return chineseByCanonical.get(canonical);
    }

    /** The allowed values as a clerk reads them: "技术指导/field_guidance, 培训授课/teaching, …". */
    public String describeAllowed()
    {
        StringBuilder allowed = new StringBuilder();
        chineseByCanonical.forEach((canonical, chinese) -> {
            if (!allowed.isEmpty()) {
                allowed.append(", ");
            }
            allowed.append(chinese).append('/').append(canonical);
        });
        return allowed.toString();
    }

    private static String matchKey(String value)
    {
        return SEPARATORS.matcher(value.strip().toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
