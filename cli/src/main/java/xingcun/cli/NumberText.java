package xingcun.cli;

import java.text.DecimalFormat;

/** Numbers as a terminal table shows them: thousands separators, ratios as percentages, CJK at double width. */
final class NumberText
{
    private NumberText() {}

    static String format(Double number, String unit)
    {
        if (number == null) {
            return "—";
        }
        if (unit.equals("ratio")) {
            return new DecimalFormat("0.0%").format(number);
        }
        if (number == Math.rint(number)) {
            return new DecimalFormat("#,##0").format(number);
        }
        return new DecimalFormat("#,##0.##").format(number);
    }

    static String unitChinese(String unit)
    {
        return switch (unit) {
            case "persons" -> "人";
            case "person_times" -> "人次";
            case "days" -> "天";
            case "count" -> "个/件";
            case "sessions" -> "次";
            case "yuan" -> "元";
            case "ratio" -> "比例";
            default -> unit;
        };
    }

    /** Terminal columns a text takes: CJK characters and full-width forms take two. */
    static int displayWidth(String text)
    {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += isWide(codePoint) ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }

    private static boolean isWide(int codePoint)
    {
        return (codePoint >= 0x1100 && codePoint <= 0x115F) || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6) || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    }
}
