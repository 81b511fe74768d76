package xingcun.pipeline.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.validate.Rule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a JSON Lines file (one object a line, UTF-8): keys may be canonical names or Chinese aliases. */
final class JsonLinesFileReader
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesFileReader() {}

    static FileRead read(SparkSession spark, InboxFile file)
            throws IOException
    {
        Optional<Charset> charset = EncodingDetector.detect(file.path());
        if (charset.isEmpty() || !charset.get().equals(StandardCharsets.UTF_8)) {
            return FileRead.unreadable(file, Rule.JSON_LINES_ENCODING.reject("", "", ""), countLines(file, charset.isPresent() ? charset.get() : EncodingDetector.forCountingLines(file.path())));
        }
        LineParser parser = new LineParser(file.family(), file.name(), file.order());
        JavaRDD<RawRecord> records = FileReaders.pathInOneTask(spark, file).flatMap(parser::records);
        return FileRead.rows(file, records, List.of());
    }

    private static long countLines(InboxFile file, Charset charset)
            throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(file.path(), charset)) {
            return reader.lines().filter(line -> !line.isBlank()).count();
        }
    }

    /** Turns the lines of a file into raw records inside a Spark task; the row number of a JSON Lines file is its line number. */
    private record LineParser(Family family, String fileName, int fileOrder)
            implements Serializable
    {
        Iterator<RawRecord> records(String path)
                throws IOException
        {
            List<RawRecord> records = new ArrayList<>();
            try (BufferedReader reader = Files.newBufferedReader(java.nio.file.Path.of(path), StandardCharsets.UTF_8)) {
                long lineNumber = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        records.add(record(lineNumber, line));
                    }
                }
            }
            return records.iterator();
        }

        private RawRecord record(long lineNumber, String line)
        {
            try {
                JsonNode node = JSON.readTree(line.replace("\uFEFF", ""));
                if (node == null || !node.isObject()) {
                    return RawRecord.malformed(fileName, lineNumber, fileOrder, HeaderLayout.of(family, List.of()), line, "JSON: not an object");
                }
                List<String> keys = new ArrayList<>();
                List<String> cells = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    keys.add(field.getKey());
                    cells.add(field.getValue().isNull() ? null : field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
                }
                // every line names its own keys, so every line has its own header
                return RawRecord.of(fileName, lineNumber, fileOrder, HeaderLayout.of(family, keys), cells);
            }
            catch (IOException e) {
                // the location only: Jackson's message quotes the offending text, which may be a name
                String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException parsing && parsing.getLocation() != null
                        ? "column " + parsing.getLocation().getColumnNr() : "this line";
                return RawRecord.malformed(fileName, lineNumber, fileOrder, HeaderLayout.of(family, List.of()), line, "JSON 格式错误/invalid JSON at " + where);
            }
        }
    }
}
