package xingcun.reports.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;

/**
 * Numbers as a report prints them, the same way xingcun-charts.js draws them: in Chinese 1.05亿, 105万, 2,695;
 * in English 1.05B, 105M, 2,695; ratios as percentages. Units follow in the report's language.
 */
public final class NumberStyle
{
    private NumberStyle() {}

    public static String number(Double value, String unit, Language language)
    {
        if (value == null) {
            return "—";
        }
        if (unit.equals("ratio")) {
            return trim(BigDecimal.valueOf(value * 100).setScale(1, RoundingMode.HALF_UP)) + "%";
        }
        double magnitude = Math.abs(value);
        if (language == Language.ZH) {
            if (magnitude >= 1e8) {
                return scaled(value, 1e8) + "亿";
            }
            if (magnitude >= 1e4) {
                return scaled(value, 1e4) + "万";
            }
        }
        else {
            if (magnitude >= 1e9) {
                return scaled(value, 1e9) + "B";
            }
            if (magnitude >= 1e6) {
                return scaled(value, 1e6) + "M";
            }
        }
        return new DecimalFormat(value == Math.rint(value) ? "#,##0" : "#,##0.##").format(value);
    }

    /** The number with its unit: 201人次, 1.05亿元, 201 person-times. */
    public static String withUnit(Double value, String unit, Language language)
    {
        String number = number(value, unit, language);
        String unitText = unit(unit, language);
        if (value == null || unitText.isEmpty()) {
            return number;
        }
        return language == Language.ZH ? number + unitText : number + " " + unitText;
    }

    public static String unit(String unit, Language language)
    {
        return switch (unit) {
            case "persons" -> language.pick("人", "persons");
            case "person_times" -> language.pick("人次", "person-times");
            case "days" -> language.pick("天", "days");
            case "count" -> language.pick("项", "");
            case "sessions" -> language.pick("期", "sessions");
            case "yuan" -> language.pick("元", "yuan");
            default -> "";
        };
    }

    /** A change against the previous period: +12.5%, −3.0%, or new when there was nothing before. */
    public static String change(Double current, Double previous, Language language)
    {
        if (current == null || previous == null) {
            return "";
        }
        if (previous == 0) {
            // nothing to compare with (often: the program had not started): say nothing rather than "new" on every card
            return current == 0 ? language.pick("持平", "no change") : "";
        }
        double change = (current - previous) / Math.abs(previous) * 100;
        String text = trim(BigDecimal.valueOf(Math.abs(change)).setScale(1, RoundingMode.HALF_UP)) + "%";
        return change == 0 ? language.pick("持平", "no change") : (change > 0 ? "+" : "−") + text;
    }

    private static String scaled(double value, double unit)
    {
        return trim(BigDecimal.valueOf(value / unit).setScale(2, RoundingMode.HALF_UP));
    }

    private static String trim(BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }
}
