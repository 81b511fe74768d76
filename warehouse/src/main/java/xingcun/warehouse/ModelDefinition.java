package xingcun.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One model of models.yml: its name (and SQL file), its grain, the data tests declared beside it, and whether a
 * warehouse keeps it as a view (computed by every query that reads it, the default) or as a table (computed once,
 * the first time a query reads it: small results that are costly to compute, such as the dimensions and marts).
 */
public record ModelDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("grain") String grain,
        @JsonProperty("materialized") String materialized,
        @JsonProperty("tests") ModelTests tests)
{
    public ModelDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(grain, "grain is null");
        materialized = materialized == null ? "view" : materialized;
        if (!materialized.equals("view") && !materialized.equals("table")) {
            throw new IllegalArgumentException("Invalid model " + name + " in models.yml: materialized is view or table, not " + materialized);
        }
        tests = tests == null ? new ModelTests(null, null, null, null, null) : tests;
    }

    public ModelDefinition(String name, String grain, ModelTests tests)
    {
        this(name, grain, null, tests);
    }

    /** Computed once per warehouse, on first use, and kept as a table. */
    public boolean isTable()
    {
        return materialized.equals("table");
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
