package xingcun.reports.chart;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The font every exported chart is drawn with: a Simplified-Chinese subset of Noto Sans CJK shipped in this jar
 * (reports/fonts/), registered with Java's font system so Batik finds it on a machine with no CJK font installed.
 * It carries its own family name, so a system font can never stand in for it unnoticed.
 */
public final class ChartFont
{
    public static final String FAMILY = "Xingcun Sans SC";
    /** What charts ask for: our font first; browsers without it fall back to the reader's Chinese fonts. */
    public static final String CSS_FAMILIES = "'Xingcun Sans SC', 'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
    private static final String RESOURCE = "xingcun/reports/fonts/XingcunSansSC-Regular.ttf";

    private static final Font FONT = load();

    private ChartFont() {}

    public static Font font()
    {
        return FONT;
    }

    /** The characters of the text the font has no glyph for (tofu boxes if drawn); empty when all are there. */
    public static List<String> missingGlyphs(String text)
    {
        List<String> missing = new ArrayList<>();
        text.codePoints()
                .filter(codePoint -> !Character.isWhitespace(codePoint) && !Character.isISOControl(codePoint))
                .filter(codePoint -> !FONT.canDisplay(codePoint))
                .distinct()
                .forEach(codePoint -> missing.add(new String(Character.toChars(codePoint))));
        return missing;
    }

    private static Font load()
    {
        try (InputStream input = ChartFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot find the chart font " + RESOURCE + " on the classpath: rebuild with mvn package");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, input);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        }
        catch (IOException | FontFormatException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot load the chart font " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
