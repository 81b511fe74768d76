package xingcun.reports.chart;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
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
 * A GraalJS context is single-threaded: rendering is synchronised. To draw on more cores, a {@link #sibling()} is a
 * second context on the same engine: it reuses the parsed ECharts and starts in a fraction of a second.
 */
public final class ChartRenderer
        implements AutoCloseable
{
    public static final String ECHARTS_SCRIPT = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    public static final String STYLE_SCRIPT = "xingcun/reports/js/xingcun-charts.js";
    private static final String BOOTSTRAP_SCRIPT = "xingcun/reports/js/server-side-rendering.js";

    private final Engine engine;
    private final boolean ownsEngine;
    private final Context context;
    private final Value renderSvg;

    private ChartRenderer(Engine engine, boolean ownsEngine, Context context)
    {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
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
        Engine engine = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                // the engine's own log would print at JVM exit, after our handler is gone
                .logHandler(OutputStream.nullOutputStream())
                .build();
        try {
            return start(engine, true);
        }
        catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Another renderer on this one's engine, for another thread: the engine keeps the scripts it parsed, so this
     * costs a fraction of a second instead of the seconds of {@link #start()} (measured: 0.22 s against 3.3 s).
     * Closing it leaves this renderer and the engine running.
     */
    public ChartRenderer sibling()
    {
        return start(engine, false);
    }

    private static ChartRenderer start(Engine engine, boolean ownsEngine)
    {
        Context context = Context.newBuilder("js").engine(engine).allowAllAccess(false).build();
        try {
            // the same Source objects each time: the engine finds their parsed code in its cache
            context.eval(Scripts.BOOTSTRAP);
            context.eval(Scripts.ECHARTS);
            context.eval(Scripts.STYLE);
            return new ChartRenderer(engine, ownsEngine, context);
        }
        catch (RuntimeException | Error e) {
            context.close();
            throw e;
        }
    }

    /** Read when the first renderer starts (not when the page template asks for the script texts). */
    private static final class Scripts
    {
        private static final Source BOOTSTRAP = source(BOOTSTRAP_SCRIPT);
        private static final Source ECHARTS = source(ECHARTS_SCRIPT);
        private static final Source STYLE = source(STYLE_SCRIPT);
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
        if (ownsEngine) {
            engine.close(true); // and with it the contexts of siblings still open, cancelling a chart one still draws
        }
    }
}
