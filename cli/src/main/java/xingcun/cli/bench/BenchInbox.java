package xingcun.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The generated inbox the bench measures on: its manifest, its service-log files and their encodings, UTF-8 copies, a daily batch. */
final class BenchInbox
{
    static final Charset GB18030 = Charset.forName("GB18030");
    private static final Set<String> ACTIVITY_TYPES = Set.of("技术指导", "培训授课", "联席会议", "目标分析", "进度汇报", "深度走访", "项目对接", "线上咨询", "其他",
            "field_guidance", "teaching", "joint_meeting", "target_analysis", "progress_report", "in_depth_visit", "project_matching", "online_consultation", "other");

    private final Path folder;
    private final JsonNode manifest;

    BenchInbox(Path folder, JsonNode manifest)
    {
        this.folder = folder;
        this.manifest = manifest;
    }

    Path folder()
    {
        return folder;
    }

    JsonNode manifest()
    {
        return manifest;
    }

    /** The manifest of a generated inbox in folder, if there is one. */
    static JsonNode readManifest(Path folder)
    {
        Path file = folder.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ChildResult.JSON.readTree(file.toFile());
        }
        catch (IOException e) {
            return null;
        }
    }

    /** Whether a manifest is the inbox asked for: the profile and seed, the experts when given, one year. */
    static boolean matches(JsonNode manifest, String profile, long seed, Integer talents)
    {
        return manifest != null && profile.equals(manifest.path("profile").asText()) && manifest.path("seed").asLong() == seed
                && (talents == null || manifest.path("talents").asInt() == talents) && manifest.path("years").asInt() == 1;
    }

    long rows()
    {
        return manifest.path("rows").asLong();
    }

    long serviceLogRows()
    {
        return manifest.path("families").path("service_logs").path("rows").asLong();
    }

    /** The reporting period of the bench: the generated calendar year. */
    String year()
    {
        return manifest.path("period_start").asText().substring(0, 4);
    }

    LocalDate periodEnd()
    {
        return LocalDate.parse(manifest.path("period_end").asText());
    }

    List<Path> serviceLogFiles()
    {
        try (Stream<Path> files = Files.list(folder.resolve("service_logs"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list the service logs of " + folder, e);
        }
    }

    /** UTF-8 when the bytes decode strictly as UTF-8, else GB18030 (the superset of GBK), as the ingest decides. */
    static Charset encoding(Path file)
    {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return StandardCharsets.UTF_8;
        }
        catch (CharacterCodingException e) {
            return GB18030;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The header of a CSV file, decoded, without a byte-order mark. */
    static List<String> header(Path file, Charset charset)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            String line = reader.readLine();
            if (line == null) {
                throw BenchErrors.failed(file + " is empty");
            }
            line = line.startsWith("\uFEFF") ? line.substring(1) : line;
            try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
                List<String> header = new ArrayList<>();
                parser.getRecords().get(0).forEach(header::add);
                return header;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Writes each file as UTF-8 into target (same names); files that are UTF-8 already are copied as they are. */
    static void utf8Copies(List<Path> files, Path target)
    {
        try {
            LakeFiles.delete(target);
            Files.createDirectories(target);
            for (Path file : files) {
                Charset charset = encoding(file);
                Path copy = target.resolve(file.getFileName().toString());
                if (charset.equals(StandardCharsets.UTF_8)) {
                    Files.copy(file, copy);
                    continue;
                }
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16);
                        Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(copy), StandardCharsets.UTF_8), 1 << 16)) {
                    reader.transferTo(writer);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot convert the service logs to UTF-8 in " + target, e);
        }
    }

    /**
     * A daily batch of service logs as a district sends it: rows rows of the largest service-log file, each a valid log
     * (the file's deliberately bad rows left out: unknown activity types, truncated talent ids), given a new log id
     * (SL-BATCH-…) and the day day, written in the file's own encoding and header to target/service_logs/.
     */
    Path writeBatch(Path target, LocalDate day, int rows)
    {
        Path source = serviceLogFiles().stream().max(Comparator.comparingLong(BenchInbox::size)).orElseThrow(() -> BenchErrors.failed(folder + " has no service logs"));
        Charset charset = encoding(source);
        List<List<String>> valid = new ArrayList<>();
        List<String> header;
        int logId;
        int talentId;
        int serviceOn;
        try (CSVParser parser = CSVParser.parse(source, charset, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            header = parser.getHeaderNames().stream().map(name -> name.startsWith("\uFEFF") ? name.substring(1) : name).toList();
            logId = column(header, "日志编号", 0);
            talentId = column(header, "人才编号", 1);
            serviceOn = column(header, "服务日期", 3);
            int activityType = column(header, "服务类型", 4);
            List<CSVRecord> records = parser.getRecords();
            Map<Integer, Integer> talentIdLengths = new HashMap<>();
            records.forEach(record -> talentIdLengths.merge(record.get(talentId).length(), 1, Integer::sum));
            int talentIdLength = talentIdLengths.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            for (CSVRecord record : records) {
                if (ACTIVITY_TYPES.contains(record.get(activityType).strip()) && record.get(talentId).length() == talentIdLength) {
                    List<String> cells = new ArrayList<>();
                    record.forEach(cells::add);
                    valid.add(cells);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        if (valid.isEmpty()) {
            throw BenchErrors.failed(source + " has no valid service-log row to make a batch of");
        }
        Path file = target.resolve("service_logs").resolve(day + "服务日报.csv");
        try {
            LakeFiles.delete(target);
            Files.createDirectories(file.getParent());
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset));
                    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
                printer.printRecord(header);
                for (int i = 0; i < rows; i++) {
                    List<String> cells = new ArrayList<>(valid.get(i % valid.size()));
                    cells.set(logId, String.format("SL-BATCH-%07d", i + 1));
                    cells.set(serviceOn, day.toString());
                    printer.printRecord(cells);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the batch " + file, e);
        }
        return file;
    }

    /** The position of a column by its Chinese header, else where the generator puts it. */
    private static int column(List<String> header, String name, int fallback)
    {
        int index = header.indexOf(name);
        return index >= 0 ? index : fallback;
    }

    private static long size(Path file)
    {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
