package xingcun.pipeline.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a generated inbox holds, written beside its family folders as manifest.json: per family the files, the rows
 * and what the ingest must make of them — accepted, duplicates, rejected by rule — so that a test or a benchmark can
 * check a run against it. The ingest lists the file as skipped (it is in no family folder).
 */
public record InboxManifest(String profile, long seed, int talents, int years, String periodStart, String periodEnd,
        int prefectures, int counties, int subdistricts, int communities, long rows, long badRows, Map<String, FamilyCounts> families)
{
    public static final String FILE_NAME = "manifest.json";

    /** One family: badRows = duplicates + rejected; no row is an update. */
    public record FamilyCounts(int files, long rows, long accepted, long duplicates, long rejected, long badRows,
            Map<String, Long> rejectedByRule, Map<String, Long> rowsByFile)
    {
        public FamilyCounts
        {
            rejectedByRule = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByRule));
            rowsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByFile));
        }
    }

    public InboxManifest
    {
        requireNonNull(profile, "profile is null");
        requireNonNull(periodStart, "periodStart is null");
        requireNonNull(periodEnd, "periodEnd is null");
        families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
    }

    void write(Path file)
            throws IOException
    {
        new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), this);
    }
}
