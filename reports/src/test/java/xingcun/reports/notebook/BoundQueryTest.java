package xingcun.reports.notebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xingcun.reports.ReportException;
import xingcun.warehouse.QueryResult;
import xingcun.warehouse.Warehouse;

import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameters reach DuckDB as bound values: whatever a value holds, it is never SQL. */
class BoundQueryTest
{
    @TempDir
    Path folder;

    @Test
    void placeholdersBecomeTypedBindingsAndTheRestIsLeftAlone()
    {
        BoundQuery bound = BoundQuery.bind("""
                select ':from' as text, x::date, "a:from" -- :from in a comment
                /* and :to here */ from t where day between :from and :to and code = :code""", values(Map.of("from", "2021-01-01", "to", "2021-12-31", "code", "x")));

        assertThat(bound.sql()).isEqualTo("""
                select ':from' as text, x::date, "a:from" -- :from in a comment
                /* and :to here */ from t where day between cast(? as date) and cast(? as date) and code = cast(? as varchar)""");
        assertThat(bound.values()).containsExactly(Date.valueOf("2021-01-01"), Date.valueOf("2021-12-31"), "x");
    }

    @Test
    void anUnknownPlaceholderIsNamed()
    {
        assertThatThrownBy(() -> BoundQuery.bind("select :commmunity", values(Map.of("community", "西华", "from", "2021-01-01"))))
                .isInstanceOf(ReportException.class)
                .hasMessage("Unknown parameter :commmunity; the notebook declares: community, from");
        assertThatThrownBy(() -> BoundQuery.bind("select :x", Map.of()))
                .isInstanceOf(ReportException.class)
                .hasMessage("Unknown parameter :x; the notebook declares none");
    }

    @Test
    void aValueHoldingQuotesOrSqlIsOnlyEverAValue()
            throws Exception
    {
        String hostile = "西华' or '1'='1'; drop view dim_talent; --";
        try (Warehouse warehouse = Warehouse.open(EmptyLake.in(folder))) {
            BoundQuery bound = BoundQuery.bind("select :code as code, :code = 'x' as is_x, (select count(*) from dim_talent) as talents",
                    values(Map.of("code", hostile)));
            QueryResult result = warehouse.runUserQuery(bound.sql(), bound.values());
            assertThat(result.rows()).containsExactly(Arrays.asList(hostile, false, 0L));
            // the view the value names is still there
            assertThat(warehouse.runUserQuery("select count(*) from dim_talent").single()).isEqualTo(0L);
        }
    }

    private static Map<String, ParameterValues.Value> values(Map<String, String> texts)
    {
        String front = "---\ntitle: t\nparameters:\n" + texts.keySet().stream().sorted()
                .map(name -> "  " + name + ":\n    default: \"" + texts.get(name).replace("\"", "\\\"") + "\"\n    type: " + (texts.get(name).matches("\\d{4}-\\d{2}-\\d{2}") ? "date" : "text") + "\n")
                .reduce("", String::concat) + "---\n";
        Notebook notebook = NotebookReader.parse("t", front, "t.md");
        return ParameterValues.resolve(notebook, Map.of()).byName();
    }
}
