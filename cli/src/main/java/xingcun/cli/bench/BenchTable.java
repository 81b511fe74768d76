package xingcun.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The bench's table: one row per measurement (median wall, rows/s, peak RSS, ratio, runs), then the notes. */
final class BenchTable
{
    private BenchTable() {}

    static void print(List<Measurement> measurements, List<String> notes, PrintWriter out)
    {
        int width = Math.max(4, measurements.stream().mapToInt(measurement -> measurement.what.length()).max().orElse(4));
        String row = "%-" + width + "s  %11s  %10s  %9s  %-30s  %4s%n";
        out.printf(Locale.ROOT, row, "what", "median wall", "rows/s", "peak RSS", "ratio", "runs");
        out.println("-".repeat(width + 11 + 10 + 9 + 30 + 4 + 10));
        String section = null;
        for (Measurement measurement : measurements) {
            if (section != null && !section.equals(measurement.section)) {
                out.println();
            }
            section = measurement.section;
            out.printf(Locale.ROOT, row, measurement.what, seconds(measurement.medianWall()),
                    measurement.rowsPerSecond() == null ? "" : String.format(Locale.ROOT, "%,d", Math.round(measurement.rowsPerSecond())),
                    measurement.peakRss() == null ? "" : megabytes(measurement.peakRss()),
                    measurement.ratio == null ? "" : String.format(Locale.ROOT, "%6.2f  %s", measurement.ratio, measurement.ratioText),
                    measurement.runs.size());
        }
        if (!notes.isEmpty()) {
            out.println();
            for (String note : notes) {
                out.println("Note: " + note);
            }
        }
        out.flush();
    }

    static String seconds(double millis)
    {
        return millis < 10_000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000) : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    static String megabytes(double megabytes)
    {
        return megabytes >= 1024 ? String.format(Locale.ROOT, "%.2f GB", megabytes / 1024) : String.format(Locale.ROOT, "%.0f MB", megabytes);
    }
}
