package xingcun.reports.html;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.chart.ChartRenderer;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What every offline xingcun page shares (the report, the notebook): templates under xingcun/reports/ with the
 * html/page-start and html/page-scripts partials, ECharts and our number style inlined, and a fresh nonce per page
 * so the Content-Security-Policy lets only our own scripts run.
 */
public final class PageShell
{
    private static final String ECHARTS = ChartRenderer.script(ChartRenderer.ECHARTS_SCRIPT);
    private static final String STYLE = ChartRenderer.script(ChartRenderer.STYLE_SCRIPT);

    private PageShell() {}

    /** A template by its path under xingcun/reports/, e.g. "html/report"; Handlebars escapes HTML by default. */
    public static Template template(String name)
    {
        try {
            return new Handlebars(new ClassPathTemplateLoader("/xingcun/reports", ".hbs")).compile(name);
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot read the page template " + name + ": " + e.getMessage(), e);
        }
    }

    /** The model entries the shared partials read: language, title, nonce and the inlined scripts. */
    public static Map<String, Object> model(String htmlLanguage, String title)
    {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", htmlLanguage);
        model.put("title", title);
        model.put("nonce", nonce());
        model.put("echartsScript", ECHARTS);
        model.put("styleScript", STYLE);
        return model;
    }

    public static String apply(Template template, Map<String, Object> model)
    {
        try {
            return template.apply(model);
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot write the page: " + e.getMessage(), e);
        }
    }

    /** JSON inside a script element ends at the first "</script": escape every '<' (and '>', '&') as JSON allows. */
    public static String scriptSafeJson(String json)
    {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String nonce()
    {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
