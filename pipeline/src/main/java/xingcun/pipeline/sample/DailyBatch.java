package xingcun.pipeline.sample;

import xingcun.pipeline.contract.Family;
import xingcun.pipeline.read.EncodingDetector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One day's service-log batch for an inbox already ingested: the day's rows as a district would send them the next
 * morning (service_logs/YYYY-MM-DD服务台账.csv, UTF-8), made from the base inbox's service-log rows with new log ids and
 * the day's date, so talents and communities are known to the lake and the batch is pure new data. How incremental
 * ingest is tested and benchmarked: a batch must cost in proportion to itself, not to the lake.
 */
public final class DailyBatch
{
    private static final DateTimeFormatter ID_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private DailyBatch() {}

    /** Writes {@code rows} rows dated {@code day} into {@code out}/service_logs/ and returns the file. */
    public static Path write(Path baseInbox, Path out, LocalDate day, int rows)
    {
        if (rows < 1) {
            throw new IllegalArgumentException("Invalid daily batch size: " + rows + " (at least 1 row)");
        }
        try {
            List<String> header = new ArrayList<>();
            List<String> templates = templateRows(baseInbox.resolve(Family.SERVICE_LOGS.folder()), rows, header);
            Path file = out.resolve(Family.SERVICE_LOGS.folder()).resolve(day + "服务台账.csv");
            Files.createDirectories(file.getParent());
            List<String> columns = List.of(header.get(0).split(",", -1));
            int idColumn = columns.indexOf("日志编号");
            int dateColumn = columns.indexOf("服务日期");
            if (idColumn < 0 || dateColumn < 0) {
                throw new IllegalArgumentException("Cannot make a daily batch from " + baseInbox + ": its service logs have no 日志编号 and 服务日期 columns");
            }
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write(header.get(0));
                writer.newLine();
                for (int i = 0; i < rows; i++) {
                    String[] cells = templates.get(i % templates.size()).split(",", -1);
                    cells[idColumn] = "SL-" + ID_DAY.format(day) + "-" + String.format("%07d", i + 1); // new ids: every row is new to the lake
                    cells[dateColumn] = day.toString();
                    writer.write(String.join(",", cells));
                    writer.newLine();
                }
            }
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the daily batch into " + out + ": " + e.getMessage(), e);
        }
    }

    /** Up to {@code wanted} unquoted data rows of the base inbox's service-log CSV files (quoted ones would not split on commas). */
    private static List<String> templateRows(Path folder, int wanted, List<String> header)
            throws IOException
    {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        List<String> rows = new ArrayList<>();
        for (Path file : files) {
            Charset charset = EncodingDetector.detect(file).orElse(EncodingDetector.GB18030);
            List<String> lines = Files.readAllLines(file, charset);
            if (lines.isEmpty()) {
                continue;
            }
            if (header.isEmpty()) {
                header.add(lines.get(0).replace("\uFEFF", ""));
            }
            lines.stream().skip(1).filter(line -> !line.isBlank() && line.indexOf('"') < 0).limit(wanted - rows.size()).forEach(rows::add);
            if (rows.size() >= wanted) {
                break;
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Cannot make a daily batch from " + folder + ": it has no service-log CSV rows (generate an inbox first)");
        }
        return rows;
    }
}
