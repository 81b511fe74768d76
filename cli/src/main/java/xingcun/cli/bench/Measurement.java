package xingcun.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the bench table: what was measured, every run, the median wall time, the rows it read (and which rows),
 * the peak memory of its process, and its ratio to the row it is compared with.
 */
final class Measurement
{
    final String id;
    final String section;
    final String what;
    final List<Map<String, Object>> runs = new ArrayList<>();
    final List<Double> wallMillis = new ArrayList<>();
    final List<Double> peakRssMegabytes = new ArrayList<>();
    Long rows;
    String rowsCounted;
    Double ratio;
    String ratioText;
    /** A contender's ratio in each round, where the contenders ran one after another (the machine's drift touches all alike). */
    final List<Double> roundRatios = new ArrayList<>();
    /** The ratio of the contenders' median walls, kept beside the median of {@link #roundRatios} that {@link #ratio} holds. */
    Double ratioOfMedians;
    final List<String> notes = new ArrayList<>();

    Measurement(String id, String section, String what)
    {
        this.id = id;
        this.section = section;
        this.what = what;
    }

    Measurement add(double wall, Double peakRss, Map<String, Object> run)
    {
        wallMillis.add(wall);
        if (peakRss != null) {
            peakRssMegabytes.add(peakRss);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("wall_ms", round(wall));
        if (peakRss != null) {
            entry.put("peak_rss_mb", round(peakRss));
        }
        entry.putAll(run);
        runs.add(entry);
        return this;
    }

    Measurement rows(long rows, String counted)
    {
        this.rows = rows;
        this.rowsCounted = counted;
        return this;
    }

    Measurement note(String note)
    {
        notes.add(note);
        return this;
    }

    double medianWall()
    {
        return median(wallMillis);
    }

    Double rowsPerSecond()
    {
        return rows == null || wallMillis.isEmpty() ? null : rows / (medianWall() / 1000.0);
    }

    /** The largest peak of the runs: a peak is what a machine must have room for. */
    Double peakRss()
    {
        return peakRssMegabytes.stream().max(Double::compare).orElse(null);
    }

    Map<String, Object> json()
    {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("section", section);
        json.put("what", what);
        json.put("runs", runs.size());
        json.put("median_wall_ms", round(medianWall()));
        json.put("min_wall_ms", round(wallMillis.stream().min(Double::compare).orElse(0.0)));
        json.put("max_wall_ms", round(wallMillis.stream().max(Double::compare).orElse(0.0)));
        if (rows != null) {
            json.put("rows", rows);
            json.put("rows_counted", rowsCounted);
            json.put("rows_per_s", Math.round(rowsPerSecond()));
        }
        if (peakRss() != null) {
            json.put("peak_rss_mb", round(peakRss()));
        }
        if (ratio != null) {
            json.put("ratio", Math.round(ratio * 1000) / 1000.0);
            json.put("ratio_means", ratioText);
        }
        if (!roundRatios.isEmpty()) {
            json.put("round_ratios", roundRatios.stream().map(value -> Math.round(value * 1000) / 1000.0).toList());
        }
        if (ratioOfMedians != null) {
            json.put("ratio_of_medians", Math.round(ratioOfMedians * 1000) / 1000.0);
        }
        if (!notes.isEmpty()) {
            json.put("notes", notes);
        }
        json.put("individual_runs", runs);
        return json;
    }

    static double median(List<Double> values)
    {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double round(double value)
    {
        return Math.round(value * 10) / 10.0;
    }
}
