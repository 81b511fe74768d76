package xingcun.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the test declarations of models.yml into failure queries, and runs them. */
public final class DataTests
{
    private static final int SAMPLE_ROWS = 5;

    private DataTests() {}

    public static List<DataTest> of(List<ModelDefinition> models)
    {
        List<DataTest> tests = new ArrayList<>();
        for (ModelDefinition model : models) {
            String name = model.name();
            ModelDefinition.ModelTests declared = model.tests();
            for (String column : declared.notNull()) {
                tests.add(new DataTest(name, "not_null(" + column + ")", "select * from " + name + " where " + column + " is null"));
            }
            if (!declared.unique().isEmpty()) {
                String key = String.join(", ", declared.unique());
                tests.add(new DataTest(name, "unique(" + key + ")",
                        "select " + key + ", count(*) as occurrences from " + name + " group by " + key + " having count(*) > 1"));
            }
            for (Map.Entry<String, List<String>> accepted : declared.acceptedValues().entrySet()) {
                String values = accepted.getValue().stream().map(value -> "'" + value.replace("'", "''") + "'").collect(Collectors.joining(", "));
                tests.add(new DataTest(name, "accepted_values(" + accepted.getKey() + ")",
                        "select * from " + name + " where " + accepted.getKey() + " not in (" + values + ")"));
            }
            for (Map.Entry<String, String> relationship : declared.relationships().entrySet()) {
                String[] target = relationship.getValue().split("\\.");
                tests.add(new DataTest(name, "relationships(" + relationship.getKey() + " → " + relationship.getValue() + ")",
                        "select * from " + name + " as child where child." + relationship.getKey() + " is not null and not exists "
                                + "(select 1 from " + target[0] + " as parent where parent." + target[1] + " = child." + relationship.getKey() + ")"));
            }
            for (String expression : declared.expressions()) {
                tests.add(new DataTest(name, "expression(" + expression + ")", "select * from " + name + " where not coalesce((" + expression + "), false)"));
            }
        }
        return tests;
    }

    /** A test's outcome: how many rows failed, and the first few of them. */
    public record Outcome(DataTest test, long failures, QueryResult sample) {}

    public static List<Outcome> run(Warehouse warehouse)
    {
        List<Outcome> outcomes = new ArrayList<>();
        for (DataTest test : of(warehouse.models())) {
            long failures = ((Number) warehouse.query("select count(*) from (" + test.failuresSql() + ")", List.of()).single()).longValue();
            QueryResult sample = failures == 0 ? new QueryResult(List.of(), List.of())
                    : warehouse.query("select * from (" + test.failuresSql() + ") limit " + SAMPLE_ROWS, List.of());
            outcomes.add(new Outcome(test, failures, sample));
        }
        return outcomes;
    }
}
