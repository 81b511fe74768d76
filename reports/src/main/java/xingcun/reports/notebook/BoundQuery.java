package xingcun.reports.notebook;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A cell's SQL with each :name placeholder replaced by cast(? as TYPE) and its value in order, as the report
 * definitions' named queries bind :from and :to. The value is never written into the SQL.
 */
public record BoundQuery(String sql, List<Object> values)
{
    public BoundQuery
    {
        requireNonNull(sql, "sql is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
    }

    public static BoundQuery bind(String sql, Map<String, ParameterValues.Value> parameters)
    {
        StringBuilder bound = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (SqlTokens.Token token : SqlTokens.of(sql)) {
            if (token.kind() != SqlTokens.Kind.PARAMETER) {
                bound.append(token.text());
                continue;
            }
            String name = token.text().substring(1);
            ParameterValues.Value value = parameters.get(name);
            if (value == null) {
                throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Unknown parameter :" + name + "; "
                        + (parameters.isEmpty() ? "the notebook declares none" : "the notebook declares: " + String.join(", ", parameters.keySet())));
            }
            bound.append("cast(? as ").append(value.parameter().type().sqlType()).append(')');
            values.add(value.bound());
        }
        return new BoundQuery(bound.toString(), values);
    }
}
