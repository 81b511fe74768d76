package xingcun.reports.notebook;

import xingcun.reports.ReportErrorCode;
import xingcun.reports.ReportException;
import xingcun.reports.build.CsvFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Writes a run into a folder: NAME.html, and NAME/RESULT.csv for every result (all rows, exact values, UTF-8 with
 * BOM for Excel). Several notebooks can share one folder; a rerun replaces its own page and CSV files only.
 */
public final class NotebookFiles
{
    private NotebookFiles() {}

    /** Where the page links a result's CSV, relative to the page. */
    static String csvPath(Notebook notebook, String result)
    {
        return notebook.name() + "/" + result + ".csv";
    }

    public static Path write(NotebookRun run, Path folder)
    {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ReportException(ReportErrorCode.INVALID_ARGUMENT, "Cannot write notebook to " + folder + ": it is a file; give a folder");
        }
        String name = run.notebook().name();
        Path page = folder.resolve(name + ".html");
        String html = NotebookPage.html(run);
        try {
            Path data = Files.createDirectories(folder.resolve(name));
            try (Stream<Path> old = Files.list(data)) {
                for (Path file : old.filter(path -> path.getFileName().toString().endsWith(".csv")).toList()) {
                    Files.delete(file); // a result renamed or removed since the last run leaves no stale CSV behind
                }
            }
            for (CellOutcome.Query query : run.queries()) {
                if (query.result().isPresent()) {
                    Files.writeString(folder.resolve(csvPath(run.notebook(), query.name())),
                            CsvFiles.csv(query.result().get().columns(), query.result().get().rows()), StandardCharsets.UTF_8);
                }
            }
            // the page appears whole or not at all: a reader never opens half a page
            Path staging = Files.createTempFile(folder, "." + name, ".html.tmp");
            Files.writeString(staging, html, StandardCharsets.UTF_8);
            Files.move(staging, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new ReportException(ReportErrorCode.RENDER_FAILED, "Cannot write notebook to " + folder + ": " + e.getMessage(), e);
        }
        return page;
    }
}
