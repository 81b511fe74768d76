package xingcun.cli.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;

import static java.util.Objects.requireNonNull;

/**
 * The run log: one JSON object per line and per attempt, appended as each attempt ends. Every field is on every
 * line (null when it does not apply), so the log reads as a table with jq or DuckDB's read_json.
 */
public final class RunLog
{
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fires fall on whole seconds; start and end times keep milliseconds, always three digits so the lines align. */
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final Path file;

    /** Creates the log's folder and checks the log can be appended to, so a bad run_log stops the scheduler before any job runs. */
    public RunLog(Path file)
    {
        this.file = requireNonNull(file, "file is null");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new ScheduleException(ScheduleErrorCode.STATE_FAILED, "Cannot write run log " + file + ": " + e.getMessage() + "; set run_log to a file in a writable folder", e);
        }
    }

    public Path file()
    {
        return file;
    }

    /** One write per line, so lines from a --run-now beside a running scheduler never interleave. */
    public synchronized void append(RunRecord record)
    {
        try {
            Files.writeString(file, JSON.writeValueAsString(toJson(record)) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a run record always serialises", e);
        }
        catch (IOException e) {
            throw new ScheduleException(ScheduleErrorCode.STATE_FAILED, "Cannot write run log " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode toJson(RunRecord record)
    {
        ObjectNode line = JSON.createObjectNode();
        line.put("job", record.job());
        line.put("trigger", record.trigger().text());
        line.put("scheduled_for", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.scheduledFor()));
        line.put("started", record.started().map(MOMENT::format).orElse(null));
        line.put("finished", record.finished().map(MOMENT::format).orElse(null));
        line.put("attempt", record.attempt());
        line.put("status", record.status().text());
        if (record.exitCode().isPresent()) {
            line.put("exit_code", record.exitCode().getAsInt());
        }
        else {
            line.putNull("exit_code");
        }
        line.put("reason", record.reason().orElse(null));
        line.put("period", record.period().orElse(null));
        ArrayNode outputs = line.putArray("outputs");
        record.outputs().forEach(outputs::add);
        return line;
    }
}
