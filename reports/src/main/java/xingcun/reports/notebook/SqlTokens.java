package xingcun.reports.notebook;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * SQL split just finely enough for binding :name placeholders and for highlighting: strings, quoted names and
 * comments are whole tokens (a ':' inside them is text), "::" is DuckDB's cast, not a placeholder.
 */
public final class SqlTokens
{
    public enum Kind { STRING, QUOTED_NAME, COMMENT, PARAMETER, WORD, NUMBER, OTHER }

    public record Token(Kind kind, String text)
    {
        public Token
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
        }
    }

    private SqlTokens() {}

    public static List<Token> of(String sql)
    {
        List<Token> tokens = new ArrayList<>();
        int index = 0;
        while (index < sql.length()) {
            char c = sql.charAt(index);
            Kind kind;
            int end;
            if (c == '\'' || c == '"') {
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_NAME;
                end = quoted(sql, index, c);
            }
            else if (sql.startsWith("--", index)) {
                kind = Kind.COMMENT;
                end = sql.indexOf('\n', index) < 0 ? sql.length() : sql.indexOf('\n', index);
            }
            else if (sql.startsWith("/*", index)) {
                kind = Kind.COMMENT;
                end = sql.indexOf("*/", index + 2) < 0 ? sql.length() : sql.indexOf("*/", index + 2) + 2;
            }
            else if (sql.startsWith("::", index)) {
                kind = Kind.OTHER;
                end = index + 2;
            }
            else if (c == ':' && index + 1 < sql.length() && Character.isLetter(sql.charAt(index + 1))) {
                kind = Kind.PARAMETER;
                end = wordEnd(sql, index + 1);
            }
            else if (Character.isLetter(c) || c == '_') {
                kind = Kind.WORD;
                end = wordEnd(sql, index);
            }
            else if (Character.isDigit(c)) {
                kind = Kind.NUMBER;
                end = index;
                while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
            }
            else {
                kind = Kind.OTHER;
                end = index + 1;
            }
            tokens.add(new Token(kind, sql.substring(index, end)));
            index = end;
        }
        return tokens;
    }

    private static int wordEnd(String sql, int start)
    {
        int end = start;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    private static int quoted(String sql, int start, char quote)
    {
        int end = start + 1;
        while (end < sql.length()) {
            if (sql.charAt(end) == quote) {
                if (end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
                    end += 2; // a doubled quote stays inside
                    continue;
                }
                return end + 1;
            }
            end++;
        }
        return sql.length();
    }
}
