package xingcun.warehouse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first guard in front of ad hoc SQL, on the text: one statement, starting like a query, with a clear
 * refusal for anything else. The second guard is DuckDB's own parser ({@link Warehouse#runUserQuery}), which
 * comments or quotes cannot fool.
 */
public final class ReadOnlyQueries
{
    private static final Set<String> QUERY_KEYWORDS = Set.of("select", "with", "from", "table", "values", "describe", "show", "summarize");
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
                    + ": the warehouse is read-only; run queries (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE), and export with --out");
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
            if (quote == 0 && c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                continue;
            }
            if (quote == 0 && c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                continue;
            }
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
