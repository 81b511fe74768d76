package xingcun.reports.build;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.chart.ChartRenderer;
import xingcun.reports.definition.Language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Draws a report's charts while the report is still being compiled. One thread starts the chart engine (seconds of
 * loading and evaluating ECharts) while the warehouse's queries go on beside it; then the SVG threads, one per core
 * (at most {@value #MAX_SVG_THREADS}), each with its own GraalJS context on that engine (a context runs one script
 * at a time), draw each chart's SVG as soon as the compiler hands the chart over. Each PNG is rasterised by a pool of
 * workers (Batik needs no shared state), which also takes other work such as the data CSVs.
 */
public final class ChartDrawer
        implements AutoCloseable
{
    /** More contexts than this cost memory (ECharts in each) for little: a report has a dozen charts or so. */
    static final int MAX_SVG_THREADS = 4;

    private final Language language;
    private final ExecutorService svgThreads;
    private final ExecutorService workers;
    private final Future<ChartRenderer> renderer;
    /** The renderer of each SVG thread: the started engine's on the thread that started it, a sibling on the others. */
    private final ThreadLocal<ChartRenderer> threadRenderer = new ThreadLocal<>();
    private final List<ChartRenderer> siblings = new ArrayList<>();
    private boolean closed;
    private final Map<String, Future<Future<ChartFiles>>> charts = new LinkedHashMap<>();
    private volatile long engineMillis;
    private volatile long engineReady;
    private volatile long lastDrawn;

    public ChartDrawer(Supplier<ChartRenderer> renderer, Language language)
    {
        this.language = language;
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.svgThreads = Executors.newFixedThreadPool(Math.min(cores, MAX_SVG_THREADS), task -> daemon(task, "xingcun-chart-svg"));
        this.workers = Executors.newFixedThreadPool(cores, task -> daemon(task, "xingcun-report-worker"));
        this.renderer = svgThreads.submit(() -> {
            long started = System.nanoTime();
            ChartRenderer engine = renderer.get();
            engineReady = System.nanoTime();
            engineMillis = (engineReady - started) / 1_000_000;
            threadRenderer.set(engine);
            return engine;
        });
    }

    /** Queues one chart: its SVG on the first free SVG thread once the engine is up, its PNG on the pool. */
    public synchronized void draw(ChartSection chart)
    {
        if (charts.containsKey(chart.id())) {
            return;
        }
        charts.put(chart.id(), svgThreads.submit(() -> {
            ChartFiles svg = ChartDrawing.drawSvg(threadRenderer(), chart, language, ReportBuilder.CHART_WIDTH, ReportBuilder.CHART_HEIGHT, Optional.empty());
            return workers.submit(() -> {
                ChartFiles drawn = ChartDrawing.rasterise(svg, ReportBuilder.CHART_WIDTH);
                lastDrawn = System.nanoTime();
                return drawn;
            });
        }));
    }

    /** Other work for the pool while charts are drawn. */
    public <T> Future<T> submit(Callable<T> work)
    {
        return workers.submit(work);
    }

    /** Every chart drawn, in the order given (those not queued yet are queued now). */
    public List<ChartFiles> drawn(List<ChartSection> sections)
    {
        sections.forEach(this::draw);
        List<ChartFiles> drawn = new ArrayList<>();
        try {
            for (ChartSection section : sections) {
                Future<Future<ChartFiles>> svg;
                synchronized (this) {
                    svg = charts.get(section.id());
                }
                drawn.add(svg.get().get());
            }
            return drawn;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Interrupted while drawing the charts", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof ExecutionException inner ? inner.getCause() : e.getCause();
            if (cause instanceof ReportException reportException) {
                throw reportException;
            }
            if (cause instanceof RuntimeException engineFailed && engineFailed == engineFailure()) {
                // the engine did not start: its own error, as ChartRenderer.shared() says it
                throw engineFailed;
            }
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot draw a chart: " + cause.getMessage(), cause);
        }
    }

    /** This SVG thread's renderer: waits for the engine, then makes a sibling on it the first time. */
    private ChartRenderer threadRenderer()
            throws InterruptedException
    {
        ChartRenderer mine = threadRenderer.get();
        if (mine == null) {
            mine = engine().sibling();
            synchronized (siblings) {
                if (closed) {
                    mine.close(); // made while the drawer closed: nobody else would close it
                    throw new CancellationException("The chart drawer is closed");
                }
                siblings.add(mine);
            }
            threadRenderer.set(mine);
        }
        return mine;
    }

    /** The engine, or the error that kept it from starting. */
    private ChartRenderer engine()
            throws InterruptedException
    {
        try {
            return renderer.get();
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Throwable engineFailure()
    {
        if (!renderer.isDone()) {
            return null;
        }
        try {
            renderer.get();
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** How long the chart engine took to start on its thread (0 when the process had started it before). */
    public long engineMillis()
    {
        return engineMillis;
    }

    /** From the engine being ready to the last chart drawn (SVG and PNG). */
    public long drawingMillis()
    {
        return lastDrawn == 0 || engineReady == 0 ? 0 : Math.max(0, (lastDrawn - engineReady) / 1_000_000);
    }

    private static Thread daemon(Runnable task, String name)
    {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close()
    {
        svgThreads.shutdownNow();
        workers.shutdownNow();
        // the siblings are this drawer's (one still drawing finishes its chart first: a context closes between
        // scripts); the engine's first renderer belongs to whoever supplied it
        synchronized (siblings) {
            closed = true;
            siblings.forEach(ChartRenderer::close);
            siblings.clear();
        }
    }
}
