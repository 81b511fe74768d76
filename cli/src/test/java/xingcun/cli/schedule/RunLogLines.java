package xingcun.cli.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a run log back as the JSON objects of its lines. */
final class RunLogLines
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunLogLines() {}

    static List<JsonNode> read(Path file)
    {
        try {
            return Files.readAllLines(file).stream().map(RunLogLines::parse).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line)
    {
        try {
            return JSON.readTree(line);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
