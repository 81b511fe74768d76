package xingcun.reports.notebook;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A parameter a notebook declares in its front matter; without a default it must be given with --param. */
public record NotebookParameter(String name, ParameterType type, Optional<String> defaultValue, String description)
{
    public NotebookParameter
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
    }
}
