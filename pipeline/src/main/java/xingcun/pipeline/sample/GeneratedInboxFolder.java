package xingcun.pipeline.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a county or province inbox is written to: new, empty, or holding an inbox generated before, whose files
 * (as its manifest lists them) are removed first — a file left from a larger run would otherwise be ingested with the
 * new one and break the manifest's counts. Any other content is the user's, and is never touched.
 */
final class GeneratedInboxFolder
{
    private GeneratedInboxFolder() {}

    static void prepare(Path inbox)
            throws IOException
    {
        if (!Files.exists(inbox) || isEmpty(inbox)) {
            Files.createDirectories(inbox);
            return;
        }
        Path manifest = inbox.resolve(InboxManifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Cannot generate into " + inbox + ": it holds files but no " + InboxManifest.FILE_NAME + " of an inbox generated before; give a new or empty folder");
        }
        for (String file : listedFiles(manifest)) {
            Path path = inbox.resolve(file).normalize();
            if (path.startsWith(inbox)) {
                Files.deleteIfExists(path);
                deleteIfEmpty(path.getParent());
            }
        }
        Files.delete(manifest);
    }

    private static List<String> listedFiles(Path manifest)
            throws IOException
    {
        List<String> files = new ArrayList<>();
        for (JsonNode family : new ObjectMapper().readTree(manifest.toFile()).path("families")) {
            for (Iterator<String> names = family.path("rows_by_file").fieldNames(); names.hasNext(); ) {
                files.add(names.next());
            }
        }
        return files;
    }

    private static void deleteIfEmpty(Path folder)
            throws IOException
    {
        if (isEmpty(folder)) {
            Files.delete(folder);
        }
    }

    private static boolean isEmpty(Path folder)
            throws IOException
    {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
