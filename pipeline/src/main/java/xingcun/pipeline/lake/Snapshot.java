package xingcun.pipeline.lake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One committed state of the lake: which Parquet files (relative to the lake root) make up each table, and which
 * runs have been committed. Readers use the newest snapshot only, so they never see a half-written run.
 *
 * @param tables file lists by table: a family's folder ("service_logs") or its quarantine ("_quarantine/service_logs")
 */
public record Snapshot(long id, String runId, Instant committedAt, Map<String, List<String>> tables, List<String> runs)
{
    public Snapshot
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(committedAt, "committedAt is null");
        tables = new TreeMap<>(requireNonNull(tables, "tables is null"));
        tables.replaceAll((table, files) -> List.copyOf(files));
        tables = java.util.Collections.unmodifiableMap(tables);
        runs = List.copyOf(requireNonNull(runs, "runs is null"));
    }

    public static Snapshot empty()
    {
        return new Snapshot(0, "none", Instant.EPOCH, Map.of(), List.of());
    }

    public List<String> files(String table)
    {
        return tables.getOrDefault(table, List.of());
    }
}
