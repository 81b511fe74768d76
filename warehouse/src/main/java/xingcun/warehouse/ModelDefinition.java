package xingcun.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** One model of models.yml: its name (and SQL file), its grain, and the data tests declared beside it. */
public record ModelDefinition(String name, String grain, ModelTests tests)
{
    public ModelDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(grain, "grain is null");
        tests = tests == null ? new ModelTests(null, null, null, null, null) : tests;
    }

    /** The test declarations of a model (see models.yml for their meaning). */
    public record ModelTests(
            @JsonProperty("not_null") List<String> notNull,
            @JsonProperty("unique") List<String> unique,
            @JsonProperty("accepted_values") Map<String, List<String>> acceptedValues,
            @JsonProperty("relationships") Map<String, String> relationships,
            @JsonProperty("expressions") List<String> expressions)
    {
        public ModelTests
        {
            notNull = notNull == null ? List.of() : List.copyOf(notNull);
            unique = unique == null ? List.of() : List.copyOf(unique);
            acceptedValues = acceptedValues == null ? Map.of() : new java.util.TreeMap<>(acceptedValues);
            relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
            expressions = expressions == null ? List.of() : List.copyOf(expressions);
        }
    }
}
