package xingcun.cli.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a schedule file (YAML) and checks all of it before anything starts: every problem is one line naming the
 * file, the job and the fix. Relative paths are relative to the file's folder.
 */
public final class ScheduleConfigReader
{
    /** Duplicate keys would otherwise silently keep the last one: a job defined twice is a mistake, not an override. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)");
    private static final List<String> SCHEDULE_KEYS = List.of("zone", "run_log", "stop_timeout", "jobs");
    private static final List<String> JOB_KEYS = List.of("run", "cron", "catch_up", "retries", "retry_delay");
    private static final Map<String, List<String>> COMMAND_KEYS = Map.of(
            "ingest", List.of("inbox", "lake", "master"),
            "report", List.of("lake", "kind", "period", "out", "lang", "community", "talent"),
            "metrics", List.of("lake", "period", "out", "format", "metrics", "by", "community", "lang"));
    private static final List<String> LANGUAGES = List.of("zh", "en");

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    static final String DEFAULT_RUN_LOG = "schedule-runs.jsonl";
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(30);

    private ScheduleConfigReader() {}

    public static ScheduleConfig read(Path file)
    {
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode root = parse(absolute);
        Path folder = absolute.getParent();
        if (root == null || !root.isObject()) {
            throw invalid(absolute, "it holds no mapping; start it with zone: Asia/Shanghai and a jobs: mapping (see schedules.yml at the repository root)");
        }
        Context schedule = problem -> invalid(absolute, problem);
        requireKnownKeys(root, SCHEDULE_KEYS, schedule, "a schedule");
        ZoneId zone = zone(absolute, root.get("zone"));
        Path runLog = folder.resolve(scalar(root, "run_log", schedule).orElse(DEFAULT_RUN_LOG)).normalize();
        Duration stopTimeout = scalar(root, "stop_timeout", schedule).map(text -> duration(text, "stop_timeout", schedule)).orElse(DEFAULT_STOP_TIMEOUT);
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isObject() || jobs.isEmpty()) {
            throw invalid(absolute, "it has no jobs; add a jobs: mapping of job ids to jobs (see schedules.yml at the repository root)");
        }
        List<JobDefinition> definitions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = jobs.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            definitions.add(new JobReader(absolute, folder, zone, entry.getKey(), entry.getValue()).read());
        }
        return new ScheduleConfig(absolute, zone, runLog, stopTimeout, definitions);
    }

    private static JsonNode parse(Path file)
    {
        try {
            return YAML.readTree(Files.readString(file));
        }
        catch (NoSuchFileException e) {
            throw new ScheduleException(ScheduleErrorCode.INVALID_CONFIG, "Cannot read schedule " + file + ": no such file; give the path of a schedule file such as schedules.yml");
        }
        catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ScheduleException(ScheduleErrorCode.INVALID_CONFIG, "Cannot read schedule " + file + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + where + "; fix the YAML");
        }
        catch (IOException e) {
            throw new ScheduleException(ScheduleErrorCode.INVALID_CONFIG, "Cannot read schedule " + file + ": " + e.getMessage());
        }
    }

    private static ZoneId zone(Path file, JsonNode node)
    {
        if (node == null) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(node.asText());
        }
        catch (DateTimeException e) {
            throw invalid(file, "invalid zone '" + node.asText() + "'; write a region id such as Asia/Shanghai");
        }
    }

    private static ScheduleException invalid(Path file, String problem)
    {
        return new ScheduleException(ScheduleErrorCode.INVALID_CONFIG, "Invalid schedule " + file + ": " + problem);
    }

    private interface Context
    {
        /** The exception for a problem, with the file (and job) in front of it. */
        ScheduleException problem(String text);
    }

    private static void requireKnownKeys(JsonNode node, List<String> keys, Context context, String what)
    {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw context.problem("unknown key '" + name + "'; " + what + " takes " + String.join(", ", keys));
            }
        }
    }

    private static Optional<String> scalar(JsonNode node, String key, Context context)
    {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw context.problem("'" + key + "' must be one non-empty value");
        }
        return Optional.of(value.asText().strip());
    }

    private static Duration duration(String text, String key, Context context)
    {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw context.problem("invalid " + key + " '" + text + "'; write it as 30s, 5m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** One job's mapping, read with the job's id in every message. */
    private static final class JobReader
            implements Context
    {
        private final Path file;
        private final Path folder;
        private final ZoneId zone;
        private final String id;
        private final JsonNode node;

        JobReader(Path file, Path folder, ZoneId zone, String id, JsonNode node)
        {
            this.file = file;
            this.folder = folder;
            this.zone = zone;
            this.id = id;
            this.node = node;
        }

        @Override
        public ScheduleException problem(String text)
        {
            return invalid(file, "job " + id + ": " + text);
        }

        JobDefinition read()
        {
            if (!JobDefinition.ID.matcher(id).matches()) {
                throw problem("invalid job id; use letters, digits, '-', '_' and '.'");
            }
            if (node == null || !node.isObject()) {
                throw problem("it must be a mapping with run:, cron: and the command's options");
            }
            String command = required("run", "run: ingest, report or metrics");
            List<String> commandKeys = COMMAND_KEYS.get(command);
            if (commandKeys == null) {
                throw problem("unknown run '" + command + "'; write run: ingest, report or metrics");
            }
            List<String> keys = new ArrayList<>(JOB_KEYS);
            keys.addAll(commandKeys);
            requireKnownKeys(node, keys, this, "a " + command + " job");
            String expression = required("cron", "cron: \"0 6 1 * *\" (minute hour day-of-month month day-of-week)");
            CronSchedule cron;
            try {
                cron = CronSchedule.parse(expression, zone);
            }
            catch (IllegalArgumentException e) {
                throw problem("invalid cron '" + expression + "' (" + e.getMessage().lines().findFirst().orElse("") + "); write five fields, minute hour "
                        + "day-of-month month day-of-week, such as \"0 6 1 * *\" for 06:00 on the 1st, or six with seconds first");
            }
            JobAction action = switch (command) {
                case "ingest" -> new IngestAction(path(required("inbox", "the inbox folder")), lake(), optional("master"));
                case "report" -> new ReportAction(path(required("lake", "the lake folder")), oneOf("kind", required("kind", "kind: monthly"), ReportAction.KINDS),
                        period(), out(ReportAction.PLACEHOLDERS), language(), optional("community"), optional("talent"));
                default -> metrics();
            };
            CatchUp catchUp = optional("catch_up").map(text -> CatchUp.valueOf(oneOf("catch_up", text, List.of("all", "latest", "none")).toUpperCase()))
                    .orElse(command.equals("report") ? CatchUp.ALL : CatchUp.LATEST);
            int retries = optional("retries").map(this::retries).orElse(0);
            Duration retryDelay = optional("retry_delay").map(text -> duration(text, "retry_delay", this)).orElse(DEFAULT_RETRY_DELAY);
            return new JobDefinition(id, cron, action, catchUp, retries, retryDelay);
        }

        private MetricsAction metrics()
        {
            OutputTemplate out = out(MetricsAction.PLACEHOLDERS);
            // out: exports/m.xlsx says the format already; a CSV written under that name would not open
            String extension = out.text().substring(out.text().lastIndexOf('.') + 1);
            String format = optional("format").orElse(MetricsAction.FORMATS.contains(extension) ? extension : "csv");
            return new MetricsAction(path(required("lake", "the lake folder")), period(), out, oneOf("format", format, MetricsAction.FORMATS),
                    list("metrics"), list("by"), optional("community"), language());
        }

        private String required(String key, String example)
        {
            return optional(key).orElseThrow(() -> problem("missing '" + key + "'; add " + (example.contains(":") ? example : key + ": " + example)));
        }

        private Optional<String> optional(String key)
        {
            return scalar(node, key, this);
        }

        private String lake()
        {
            String lake = required("lake", "the lake folder");
            // a Hadoop URI (hdfs://, s3a://) is the ingest's business; only a local folder is relative to the schedule file
            return lake.contains("://") ? lake : path(lake).toString();
        }

        private Path path(String text)
        {
            return folder.resolve(text).normalize();
        }

        private SchedulePeriod period()
        {
            String text = required("period", "period: last-month");
            try {
                return new SchedulePeriod(text);
            }
            catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        private OutputTemplate out(Set<String> placeholders)
        {
            try {
                return OutputTemplate.of(required("out", "the path to write, e.g. out: reports/{kind}-{period}"), folder, placeholders);
            }
            catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        private Optional<String> language()
        {
            return optional("lang").map(text -> oneOf("lang", text, LANGUAGES));
        }

        private String oneOf(String key, String text, List<String> values)
        {
            if (!values.contains(text)) {
                throw problem("invalid " + key + " '" + text + "'; write one of " + String.join(", ", values));
            }
            return text;
        }

        private List<String> list(String key)
        {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(item -> items.add(item.asText().strip()));
            }
            else {
                items.addAll(Arrays.stream(value.asText().split(",")).map(String::strip).toList());
            }
            if (items.stream().anyMatch(String::isEmpty)) {
                throw problem("'" + key + "' has an empty item; write a list such as " + key + ": [a, b]");
            }
            return items;
        }

        private int retries(String text)
        {
            if (!text.matches("\\d{1,2}")) {
                throw problem("invalid retries '" + text + "'; write a whole number from 0 to 99");
            }
            return Integer.parseInt(text);
        }
    }
}
