package xingcun.reports.notebook;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The value of every parameter of a run: given with --param or the default, typed as declared. The values are only
 * ever bound to placeholders, never written into SQL text.
 */
public record ParameterValues(List<Value> values)
{
    public ParameterValues
    {
        values = List.copyOf(requireNonNull(values, "values is null"));
    }

    /** One parameter's value: the text as given or defaulted, the typed value bound, and whether it was given. */
    public record Value(NotebookParameter parameter, String text, Object bound, boolean isGiven)
    {
        public Value
        {
            requireNonNull(parameter, "parameter is null");
            requireNonNull(text, "text is null");
            requireNonNull(bound, "bound is null");
        }
    }

    /** Checks what was given against what the notebook declares: unknown, missing and ill-typed values are errors. */
    public static ParameterValues resolve(Notebook notebook, Map<String, String> given)
    {
        for (String name : given.keySet()) {
            if (notebook.parameter(name).isEmpty()) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Unknown parameter " + name + " for notebook " + notebook.name() + "; "
                        + (notebook.parameters().isEmpty() ? "it takes none" : "it takes: " + names(notebook)));
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (NotebookParameter parameter : notebook.parameters()) {
            boolean isGiven = given.containsKey(parameter.name());
            String text = isGiven ? given.get(parameter.name()) : parameter.defaultValue().orElseThrow(() -> new ReportException(ReportErrorCode.INVALID_ARGUMENT,
                    "Missing parameter " + parameter.name() + " for notebook " + notebook.name() + ": give --param " + parameter.name() + "=…"
                            + (parameter.description().isEmpty() ? "" : " (" + parameter.description() + ")")));
            Object bound = parameter.type().value(text).orElseThrow(() -> new ReportException(ReportErrorCode.INVALID_ARGUMENT,
                    "Invalid --param " + parameter.name() + "=" + text + ": give " + parameter.type().example()));
            values.put(parameter.name(), new Value(parameter, text, bound, isGiven));
        }
        return new ParameterValues(List.copyOf(values.values()));
    }

    public Map<String, Value> byName()
    {
        Map<String, Value> byName = new LinkedHashMap<>();
        values.forEach(value -> byName.put(value.parameter().name(), value));
        return byName;
    }

    private static String names(Notebook notebook)
    {
        return notebook.parameters().stream().map(NotebookParameter::name).collect(Collectors.joining(", "));
    }
}
