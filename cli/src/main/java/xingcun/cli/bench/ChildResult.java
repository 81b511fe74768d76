package xingcun.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** How a bench child hands its own timings to the bench: one line "BENCH-RESULT {json}" on stdout. */
final class ChildResult
{
    static final String PREFIX = "BENCH-RESULT ";
    static final ObjectMapper JSON = new ObjectMapper();

    private ChildResult() {}

    static void print(Map<String, Object> result)
    {
        try {
            System.out.println(PREFIX + JSON.writeValueAsString(result));
            System.out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(ChildJvm.Run run)
    {
        String line = run.stdout().lines().filter(text -> text.startsWith(PREFIX)).reduce((first, second) -> second)
                .orElseThrow(() -> BenchErrors.failed(run.name() + " printed no result; see " + run.stdoutFile()));
        try {
            return JSON.readTree(line.substring(PREFIX.length()));
        }
        catch (IOException e) {
            throw BenchErrors.failed(run.name() + " printed an unreadable result: " + e.getMessage());
        }
    }

    static double millisSince(long startedNanos)
    {
        return (System.nanoTime() - startedNanos) / 1_000_000.0;
    }
}
