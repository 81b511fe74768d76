package xingcun.warehouse;

import static java.util.Objects.requireNonNull;

/** One data test of a model: a name that says what it checks and a query whose rows are the failures. */
public record DataTest(String model, String name, String failuresSql)
{
    public DataTest
    {
        requireNonNull(model, "model is null");
        requireNonNull(name, "name is null");
        requireNonNull(failuresSql, "failuresSql is null");
    }
}
