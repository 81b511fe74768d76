package xingcun.warehouse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guard in front of ad hoc SQL: one statement, and only a query. The warehouse is a set of views over the
 * lake's files; a user statement that writes, attaches, copies out, installs or loads is refused before DuckDB
 * sees it.
 */
public final class ReadOnlyQueries
{
    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "from", "table", "values", "describe", "show", "summarize", "explain", "pivot", "unpivot");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*\\(*\\s*([A-Za-z_]+)", Pattern.DOTALL);

    private ReadOnlyQueries() {}

    public static void requireReadOnly(String sql)
    {
        String statement = withoutTrailingSemicolon(sql);
        if (hasSemicolonOutsideQuotes(statement)) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Refused: give one statement at a time");
        }
        Matcher first = FIRST_WORD.matcher(statement);
        String keyword = first.find() ? first.group(1).toLowerCase(Locale.ROOT) : "";
        if (!QUERY_KEYWORDS.contains(keyword)) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Refused " + (keyword.isEmpty() ? "an empty statement" : keyword.toUpperCase(Locale.ROOT))
                    + ": the warehouse is read-only; run queries (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN), and export with --out");
        }
    }

    public static String withoutTrailingSemicolon(String sql)
    {
        String statement = sql.strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        return statement;
    }

    private static boolean hasSemicolonOutsideQuotes(String sql)
    {
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
            }
            else if (c == ';') {
                return true;
            }
        }
        return false;
    }
}
