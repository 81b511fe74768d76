package xingcun.reports.notebook;

import xingcun.reports.definition.Language;
import xingcun.reports.definition.NumberStyle;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Locale;

/**
 * A result cell as the notebook's table shows it, the Chinese way: 8050万, 1.05亿, 2,695; a column named like a
 * rate (_rate, _ratio, …率) in percent; a year as it is. The CSV beside the page keeps every exact value.
 */
final class CellText
{
    private CellText() {}

    static String of(String column, Object value)
    {
        if (value == null) {
            return "—";
        }
        if (value instanceof Boolean bool) {
            return bool ? "是" : "否";
        }
        if (value instanceof Number number) {
            if (isYear(column)) {
                return exact(number);
            }
            return NumberStyle.number(number.doubleValue(), isRate(column) ? "ratio" : "", Language.ZH);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString().replace('T', ' ');
        }
        return value.toString();
    }

    /** The value in full where the table rounds it (8050万 is 80,500,000), for the cell's tooltip; empty otherwise. */
    static String exactIfRounded(String column, Object value)
    {
        if (!(value instanceof Number number)) {
            return "";
        }
        String exact = exact(number);
        return exact.equals(of(column, value).replace(",", "")) ? "" : exact;
    }

    private static String exact(Number number)
    {
        if (number instanceof Double real && !Double.isFinite(real)) {
            return real.toString();
        }
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    private static boolean isYear(String column)
    {
        String name = column.toLowerCase(Locale.ROOT);
        return name.equals("year") || name.endsWith("_year") || name.equals("年") || name.endsWith("年份") || name.endsWith("年度");
    }

    private static boolean isRate(String column)
    {
        String name = column.toLowerCase(Locale.ROOT);
        return name.endsWith("_rate") || name.endsWith("_ratio") || name.endsWith("率");
    }
}
