package xingcun.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The lake as of its last committed ingest run, read from lake/_snapshots/&lt;id&gt;.json (the pipeline's commit
 * record): the Parquet files of each table and the runs committed. Reading only what a snapshot lists is what
 * keeps queries from seeing a run that is still being written.
 */
public record LakeSnapshot(long id, List<String> runs, Map<String, List<Path>> tables)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    public LakeSnapshot
    {
        runs = List.copyOf(requireNonNull(runs, "runs is null"));
        tables = Map.copyOf(requireNonNull(tables, "tables is null"));
    }

    public List<Path> files(String table)
    {
        return tables.getOrDefault(table, List.of());
    }

    public static LakeSnapshot latest(Path lake)
    {
        Path folder = lake.resolve("_snapshots");
        if (!Files.isDirectory(folder)) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT,
                    "Cannot read lake " + lake + ": it has no committed ingest run (no _snapshots/); run xingcun ingest first");
        }
        Path latest;
        try (Stream<Path> snapshots = Files.list(folder)) {
            latest = snapshots.filter(path -> path.getFileName().toString().matches("\\d{8}\\.json")).max(Path::compareTo)
                    .orElseThrow(() -> new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT,
                            "Cannot read lake " + lake + ": it has no committed ingest run yet; run xingcun ingest first"));
        }
        catch (IOException e) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Cannot read lake " + lake + ": " + e.getMessage(), e);
        }
        try {
            JsonNode snapshot = JSON.readTree(latest.toFile());
            List<String> runs = new ArrayList<>();
            snapshot.path("runs").forEach(run -> runs.add(run.asText()));
            Map<String, List<Path>> tables = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> entries = snapshot.path("tables").fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                List<Path> files = new ArrayList<>();
                entry.getValue().forEach(file -> files.add(lake.resolve(file.asText())));
                tables.put(entry.getKey(), files);
            }
            return new LakeSnapshot(snapshot.path("id").asLong(), runs, tables);
        }
        catch (IOException e) {
            throw new WarehouseException(WarehouseErrorCode.INVALID_ARGUMENT, "Cannot read snapshot " + latest + ": " + e.getMessage(), e);
        }
    }
}
