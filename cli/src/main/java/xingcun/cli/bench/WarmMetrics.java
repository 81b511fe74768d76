package xingcun.cli.bench;

import xingcun.warehouse.Warehouse;
import xingcun.warehouse.metrics.MetricCatalog;
import xingcun.warehouse.metrics.MetricEngine;
import xingcun.warehouse.metrics.MetricQuery;
import xingcun.warehouse.metrics.MetricValue;
import xingcun.warehouse.metrics.ReportingPeriod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headline metrics computed again and again in one JVM, exactly as xingcun metrics computes them (MetricEngine
 * on an open Warehouse, every value with its previous period): the first computation is cold, the rest warm. Run as a
 * child JVM by xingcun bench: {@code WarmMetrics LAKE PERIOD ITERATIONS}.
 */
public final class WarmMetrics
{
    private WarmMetrics() {}

    public static void main(String[] args)
    {
        Path lake = Path.of(args[0]);
        ReportingPeriod period = ReportingPeriod.parse(args[1]);
        int iterations = Integer.parseInt(args[2]);
        long started = System.nanoTime();
        MetricCatalog catalog = MetricCatalog.load();
        Map<String, Object> result = new LinkedHashMap<>();
        try (Warehouse warehouse = Warehouse.open(lake)) {
            result.put("open_ms", ChildResult.millisSince(started));
            MetricEngine engine = new MetricEngine(warehouse, catalog);
            MetricQuery query = new MetricQuery(List.of(), period, List.of(), Optional.empty());
            List<Double> runs = new ArrayList<>();
            List<MetricValue> values = List.of();
            for (int i = 0; i < iterations; i++) {
                long runStarted = System.nanoTime();
                values = engine.compute(query);
                runs.add(ChildResult.millisSince(runStarted));
            }
            result.put("run_ms", runs);
            Map<String, Object> byMetric = new LinkedHashMap<>();
            for (MetricValue value : values) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", value.value());
                entry.put("previous_value", value.previousValue().orElse(null));
                byMetric.put(value.metric().id(), entry);
            }
            result.put("metrics", byMetric.size());
            result.put("values", byMetric);
        }
        ChildResult.print(result);
    }
}
