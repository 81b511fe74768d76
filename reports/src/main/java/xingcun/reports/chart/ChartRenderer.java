package xingcun.reports.chart;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * ECharts' own server-side renderer inside GraalJS: the SVG is what a browser would draw, without a browser.
 * Starting the engine and evaluating ECharts takes seconds, so a process starts one and renders every chart with it.
 * A GraalJS context is single-threaded: rendering is synchronised.
 */
public final class ChartRenderer
        implements AutoCloseable
{
    public static final String ECHARTS_SCRIPT = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    public static final String STYLE_SCRIPT = "xingcun/reports/js/xingcun-charts.js";
    private static final String BOOTSTRAP_SCRIPT = "xingcun/reports/js/server-side-rendering.js";

    private final Context context;
    private final Value renderSvg;

    private ChartRenderer(Context context)
    {
        this.context = context;
        this.renderSvg = context.getBindings("js").getMember("renderSvg");
    }

    /**
     * The process's renderer, started on first use: a scheduler that builds a report every month pays the engine's
     * start once, not per report. GraalVM closes it at exit; a failed start is retried by the next caller.
     */
    public static synchronized ChartRenderer shared()
    {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static ChartRenderer shared;

    public static ChartRenderer start()
    {
        // interpreter mode on a stock JDK: the warning about the missing Graal compiler is expected, not news
        Context context = Context.newBuilder("js")
                .allowAllAccess(false)
                .option("engine.WarnInterpreterOnly", "false")
                // the engine's own log would print at JVM exit, after our handler is gone
                .logHandler(OutputStream.nullOutputStream())
                .build();
        try {
            context.eval(source(BOOTSTRAP_SCRIPT));
            context.eval(source(ECHARTS_SCRIPT));
            context.eval(source(STYLE_SCRIPT));
            return new ChartRenderer(context);
        }
        catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** The SVG of one ECharts option (JSON as ChartOptions writes it). */
    public synchronized String renderSvg(String optionJson, int width, int height)
    {
        try {
            return renderSvg.execute(optionJson, width, height).asString();
        }
        catch (PolyglotException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot render chart: ECharts said " + e.getMessage(), e);
        }
    }

    public static String script(String resource)
    {
        try (InputStream input = ChartRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source source(String resource)
    {
        try (Reader reader = new InputStreamReader(
                ChartRenderer.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            return Source.newBuilder("js", reader, resource).build();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close()
    {
        context.close();
    }
}
