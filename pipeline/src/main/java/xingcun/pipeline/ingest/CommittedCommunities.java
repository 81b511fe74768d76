package xingcun.pipeline.ingest;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import xingcun.pipeline.community.CommunityDirectory.CommunityOverride;
import xingcun.pipeline.contract.Family;
import xingcun.pipeline.lake.Lake;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The communities table as a run will commit it: the lake's rows, each replaced by the row of its code that the run
 * staged, in the order of their codes. Read with Parquet's own reader on the driver: the table is small (a province's
 * 7,000 communities, a country's 700,000), and the Spark query it was before (planning, code generation, three jobs)
 * held every other family of a province run for 1.1 s after the communities were staged.
 */
final class CommittedCommunities
{
    private CommittedCommunities() {}

    static List<CommunityOverride> read(Lake lake, String runId)
            throws IOException
    {
        FileSystem fileSystem = lake.fileSystem();
        Map<String, CommunityOverride> byCode = new TreeMap<>();
        for (String file : lake.currentFiles(Family.COMMUNITIES.folder())) {
            readInto(fileSystem, new Path(file), byCode);
        }
        Path staged = lake.resolve(Lake.STAGING + "/" + runId + "/" + Family.COMMUNITIES.folder());
        if (fileSystem.exists(staged)) {
            // the table has no partition folders: its staged files are the folder's own
            for (FileStatus file : fileSystem.listStatus(staged, path -> path.getName().endsWith(".parquet"))) {
                readInto(fileSystem, file.getPath(), byCode); // a staged row replaces the lake's row of its code
            }
        }
        return List.copyOf(byCode.values());
    }

    private static void readInto(FileSystem fileSystem, Path file, Map<String, CommunityOverride> byCode)
            throws IOException
    {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(fileSystem.getConf()).build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                String code = text(row, "code").orElseThrow(() -> new IOException(file + " holds a community without a code"));
                // a missing flag means in the program, as a communities file without the column says
                boolean inProgram = !row.getType().containsField("in_program") || row.getFieldRepetitionCount("in_program") == 0
                        || row.getBoolean("in_program", 0);
                byCode.put(code, new CommunityOverride(code, text(row, "name").orElseThrow(() -> new IOException(file + " holds community " + code + " without a name")), text(row, "parent_code"), inProgram));
            }
        }
    }

    private static Optional<String> text(Group row, String column)
    {
        return row.getType().containsField(column) && row.getFieldRepetitionCount(column) > 0 ? Optional.of(row.getString(column, 0)) : Optional.empty();
    }
}
