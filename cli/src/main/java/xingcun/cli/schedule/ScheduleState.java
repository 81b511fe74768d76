package xingcun.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Per job, the last fire the scheduler has dealt with (run to its end, or skipped), kept in a small JSON file beside
 * the run log. A restart runs or skips every fire after it, by the job's catch_up; a run that was interrupted never
 * advanced it, so it counts as missed.
 */
public final class ScheduleState
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final ZoneId zone;
    private final Map<String, Instant> lastHandled;

    private ScheduleState(Path file, ZoneId zone, Map<String, Instant> lastHandled)
    {
        this.file = file;
        this.zone = zone;
        this.lastHandled = lastHandled;
    }

    public static ScheduleState load(Path file, ZoneId zone)
    {
        requireNonNull(file, "file is null");
        requireNonNull(zone, "zone is null");
        Map<String, Instant> lastHandled = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                JsonNode jobs = JSON.readTree(file.toFile()).path("last_handled");
                for (Iterator<Map.Entry<String, JsonNode>> entries = jobs.fields(); entries.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    lastHandled.put(entry.getKey(), OffsetDateTime.parse(entry.getValue().asText()).toInstant());
                }
            }
            catch (IOException | DateTimeParseException e) {
                throw new ScheduleException(ScheduleErrorCode.STATE_FAILED, "Cannot read schedule state " + file + ": " + e.getMessage().lines().findFirst().orElse("")
                        + "; delete it to start afresh (missed runs since the last stop are then not caught up)", e);
            }
        }
        return new ScheduleState(file, zone, lastHandled);
    }

    public synchronized Optional<Instant> lastHandled(String job)
    {
        return Optional.ofNullable(lastHandled.get(job));
    }

    /** Records that every fire of the job up to this one is dealt with; written at once, so a crash loses nothing done. */
    public synchronized void handled(String job, Instant fire)
    {
        lastHandled.put(job, fire);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode jobs = root.putObject("last_handled");
        lastHandled.forEach((id, instant) -> jobs.put(id, instant.atZone(zone).toOffsetDateTime().toString()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), root);
            // a crash mid-write leaves the old state whole: the rename is atomic
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new ScheduleException(ScheduleErrorCode.STATE_FAILED, "Cannot write schedule state " + file + ": " + e.getMessage(), e);
        }
    }
}
