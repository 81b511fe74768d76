package xingcun.reports.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A lake with one committed snapshot and no rows: the warehouse opens over every model's empty shape. */
final class EmptyLake
{
    private EmptyLake() {}

    static Path in(Path folder)
            throws IOException
    {
        Path lake = folder.resolve("lake");
        Files.createDirectories(lake.resolve("_snapshots"));
        Files.writeString(lake.resolve("_snapshots/00000001.json"), "{\"id\": 1, \"runs\": [], \"tables\": {}}");
        return lake;
    }
}
