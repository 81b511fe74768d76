package xingcun.pipeline.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One column of an input family: its canonical name, the Chinese aliases staff write in headers,
 * whether a file must have it, and how its values are normalised.
 */
public record ColumnSpec(String name, List<String> aliases, boolean required, ValueKind kind, Optional<Enumeration> enumeration)
        implements Serializable
{
    public ColumnSpec
    {
        requireNonNull(name, "name is null");
        aliases = List.copyOf(requireNonNull(aliases, "aliases is null"));
        requireNonNull(kind, "kind is null");
        requireNonNull(enumeration, "enumeration is null");
        if ((kind == ValueKind.ENUMERATION) != enumeration.isPresent()) {
            throw new IllegalArgumentException("Invalid column " + name + ": an enumeration column needs exactly one enumeration");
        }
    }

    static ColumnSpec required(String name, ValueKind kind, String... aliases)
    {
        return new ColumnSpec(name, List.of(aliases), true, kind, Optional.empty());
    }

    static ColumnSpec optional(String name, ValueKind kind, String... aliases)
    {
        return new ColumnSpec(name, List.of(aliases), false, kind, Optional.empty());
    }

    static ColumnSpec requiredEnumeration(String name, Enumeration enumeration, String... aliases)
    {
        return new ColumnSpec(name, List.of(aliases), true, ValueKind.ENUMERATION, Optional.of(enumeration));
    }

    static ColumnSpec optionalEnumeration(String name, Enumeration enumeration, String... aliases)
    {
        return new ColumnSpec(name, List.of(aliases), false, ValueKind.ENUMERATION, Optional.of(enumeration));
    }
}
