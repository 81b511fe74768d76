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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Draws a report's charts while the report is still being compiled. One thread starts the chart engine (seconds of
 * loading and evaluating ECharts) and then draws each chart's SVG as soon as the compiler hands the chart over — a
 * GraalJS context runs one script at a time — while the warehouse's queries go on beside it; each PNG is rasterised
 * by a pool on the other cores (Batik needs no shared state), which also takes other work such as the data CSVs.
 */
public final class ChartDrawer
        implements AutoCloseable
{
    private final Language language;
    private final ExecutorService svgThread;
    private final ExecutorService workers;
    private final Future<ChartRenderer> renderer;
    private final Map<String, Future<Future<ChartFiles>>> charts = new LinkedHashMap<>();
    private volatile long engineMillis;
    private volatile long engineReady;
    private volatile long lastDrawn;

    public ChartDrawer(Supplier<ChartRenderer> renderer, Language language)
    {
        this.language = language;
        this.svgThread = Executors.newSingleThreadExecutor(task -> daemon(task, "xingcun-chart-svg"));
        this.workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), task -> daemon(task, "xingcun-report-worker"));
        this.renderer = svgThread.submit(() -> {
            long started = System.nanoTime();
            ChartRenderer engine = renderer.get();
            engineReady = System.nanoTime();
            engineMillis = (engineReady - started) / 1_000_000;
            return engine;
        });
    }

    /** Queues one chart: its SVG after the engine and the charts before it, its PNG on the pool. */
    public synchronized void draw(ChartSection chart)
    {
        if (charts.containsKey(chart.id())) {
            return;
        }
        charts.put(chart.id(), svgThread.submit(() -> {
            ChartFiles svg = ChartDrawing.drawSvg(engine(), chart, language, ReportBuilder.CHART_WIDTH, ReportBuilder.CHART_HEIGHT, Optional.empty());
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
        svgThread.shutdownNow();
        workers.shutdownNow();
    }
}
