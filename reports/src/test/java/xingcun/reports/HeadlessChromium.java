package xingcun.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real browser for tests: Debian's chromium, headless, with every host name unresolvable (no network), a fresh
 * profile per page, and the page's console captured. Our report pages log nothing, so any console line is a finding.
 */
public final class HeadlessChromium
{
    private static final Pattern CONSOLE = Pattern.compile("INFO:CONSOLE(?::\\d+)?\\] (.*)");
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final int ATTEMPTS = 3;
    private static final int ATTEMPT_SECONDS = 40;

    private HeadlessChromium() {}

    /** What the browser made of a page after its scripts ran: the DOM and every console message. */
    public record Page(String dom, List<String> console) {}

    public static Page open(Path html)
            throws IOException, InterruptedException
    {
        Result result = run(html, "--dump-dom");
        List<String> console = new ArrayList<>();
        for (String line : result.stderr().lines().toList()) {
            Matcher matcher = CONSOLE.matcher(line);
            if (matcher.find()) {
                console.add(matcher.group(1));
            }
        }
        return new Page(result.stdout(), console);
    }

    public static void screenshot(Path html, Path png, int width, int height)
            throws IOException, InterruptedException
    {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
    }

    private record Result(String stdout, String stderr) {}

    private static Result run(Path html, String... action)
            throws IOException, InterruptedException
    {
        // Chromium's virtual time budget now and then never expires and the browser hangs with the page drawn (a known
        // headless bug, about one run in hundreds here): such a run is killed and the page opened again in a fresh
        // profile. A page that is really broken fails every attempt, with the browser's last words in the message.
        List<String> lastLines = List.of();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Attempt outcome = attempt(html, action);
            if (outcome.result() != null) {
                return outcome.result();
            }
            lastLines = outcome.stderrTail();
        }
        throw new IllegalStateException("Chromium did not finish " + html + " within " + ATTEMPT_SECONDS + " s in " + ATTEMPTS
                + " attempts; its last log lines: " + String.join(" | ", lastLines));
    }

    /** One browser run: its output, or (when it hung) null and the tail of its log. */
    private record Attempt(Result result, List<String> stderrTail) {}

    private static Attempt attempt(Path html, String... action)
            throws IOException, InterruptedException
    {
        Path profile = Files.createTempDirectory("xingcun-chromium-");
        Path stdout = profile.resolve("stdout.txt");
        Path stderr = profile.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--mute-audio",
                "--user-data-dir=" + profile.resolve("profile"),
                // no network at all: every host name fails to resolve
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=15000", "--run-all-compositor-stages-before-draw"));
        command.addAll(List.of(action));
        command.add(html.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(ATTEMPT_SECONDS, TimeUnit.SECONDS)) {
                List<String> lines = new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).lines().toList(); // a log need not be valid UTF-8
                return new Attempt(null, lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            }
            return new Attempt(new Result(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8)), List.of());
        }
        finally {
            // the renderer and GPU processes too, or a hung attempt leaves them running beside the next
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String executable()
    {
        return CANDIDATES.stream().filter(candidate -> Files.isExecutable(Path.of(candidate))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Headless Chromium not found (looked for " + String.join(", ", CANDIDATES)
                        + "): install Debian's chromium (apt-get install chromium), as .ci/run does"));
    }
}
