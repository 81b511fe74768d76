package xingcun.reports.notebook;

import java.util.Locale;
import java.util.Set;

/** SQL as HTML with keywords, strings, comments, numbers and parameters in spans; every character escaped. */
final class SqlHighlighter
{
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "group", "by", "order", "having", "limit", "offset",
            "with", "as", "join", "left", "right", "inner", "outer", "full", "cross", "on", "using", "and", "or", "not", "in", "is",
            "null", "case", "when", "then", "else", "end", "distinct", "union", "all", "except", "intersect", "between", "like",
            "ilike", "cast", "filter", "over", "partition", "asc", "desc", "nulls", "first", "last", "true", "false", "exists",
            "collate", "qualify", "window", "describe", "summarize", "show", "values", "interval", "date");

    private SqlHighlighter() {}

    static String html(String sql)
    {
        StringBuilder html = new StringBuilder();
        for (SqlTokens.Token token : SqlTokens.of(sql)) {
            String style = switch (token.kind()) {
                case STRING -> "s";
                case COMMENT -> "c";
                case NUMBER -> "n";
                case PARAMETER -> "p";
                case WORD -> KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT)) ? "k" : null;
                case QUOTED_NAME, OTHER -> null;
            };
            if (style == null) {
                html.append(escape(token.text()));
            }
            else {
                html.append("<span class=\"").append(style).append("\">").append(escape(token.text())).append("</span>");
            }
        }
        return html.toString();
    }

    static String escape(String text)
    {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
