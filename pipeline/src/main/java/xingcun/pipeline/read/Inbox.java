package xingcun.pipeline.read;

import xingcun.pipeline.PipelineErrorCode;
import xingcun.pipeline.PipelineException;
import xingcun.pipeline.contract.Family;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What an inbox folder holds: the readable batch files of each family, in the lexical order of their paths,
 * and what is skipped (unknown extensions, folders that are no family) so it can be reported, never ignored.
 */
public record Inbox(Path root, List<InboxFile> files, List<String> skipped)
{
    /** Levels walked below the inbox: family/file, and one more to name what sits a folder too deep. */
    private static final int INBOX_DEPTH = 3;

    public Inbox
    {
        requireNonNull(root, "root is null");
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public static Inbox scan(Path root)
    {
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Cannot read inbox " + root + ": it is not a readable folder; give the folder that holds talents/, service_logs/ …");
        }
        List<Path> paths;
        List<Path> deepFolders;
        // Links are followed: an inbox is often a link to a shared folder, or holds links to the ledgers (a link loop
        // ends in a FileSystemLoopException, reported below like any unreadable inbox). Deeper trees than
        // INBOX_DEPTH are not walked; the folders where the walk stopped are reported as skipped.
        try (Stream<Path> walk = Files.walk(root, INBOX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> walked = walk.map(root::relativize).sorted().toList();
            paths = walked.stream().filter(path -> Files.isRegularFile(root.resolve(path))).toList();
            deepFolders = walked.stream().filter(path -> path.getNameCount() == INBOX_DEPTH && Files.isDirectory(root.resolve(path))).toList();
        }
        catch (IOException | UncheckedIOException e) {
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT, "Cannot read inbox " + root + ": " + e.getMessage());
        }
        List<InboxFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        deepFolders.forEach(folder -> skipped.add(folder.toString().replace('\\', '/') + "/: a folder nested too deep, not read; move its files into their family folder"));
        for (Path relative : paths) {
            String name = relative.toString().replace('\\', '/');
            String fileName = relative.getFileName().toString();
            if (fileName.startsWith("~$")) {
                skipped.add(name + ": an Excel lock file (the workbook is open in Excel); close Excel and ingest again if the workbook changed");
                continue;
            }
            if (fileName.startsWith(".") || fileName.equalsIgnoreCase("README.md")) {
                skipped.add(name + ": " + (fileName.startsWith(".") ? "a hidden file" : "the inbox's notes") + ", not a batch");
                continue;
            }
            if (relative.getNameCount() == 1 && fileName.equals("manifest.json")) {
                skipped.add(name + ": the generator's manifest (what xingcun generate wrote), not a batch");
                continue;
            }
            Optional<Family> family = relative.getNameCount() == 2 ? Family.fromFolder(relative.getName(0).toString()) : Optional.empty();
            if (family.isEmpty() && relative.getNameCount() > 2 && Family.fromFolder(relative.getName(0).toString()).isPresent()) {
                skipped.add(name + ": sub-folders of a family folder are not read; move the file up into " + relative.getName(0) + "/");
                continue;
            }
            if (family.isEmpty()) {
                skipped.add(name + ": not in a family folder (talents/, service_logs/, trainings/, …)");
                continue;
            }
            FileKind kind = FileKind.of(fileName);
            if (kind == FileKind.UNKNOWN) {
                skipped.add(name + ": unknown file kind; save it as .csv, .tsv, .xlsx or .jsonl");
                continue;
            }
            files.add(new InboxFile(family.get(), root.resolve(relative), name, kind, files.size()));
        }
        if (files.isEmpty()) {
            Optional<String> nested = paths.stream().filter(path -> path.getNameCount() == 3 && Family.fromFolder(path.getName(1).toString()).isPresent())
                    .map(path -> root.resolve(path.getName(0)).toString()).findFirst();
            throw new PipelineException(PipelineErrorCode.INVALID_ARGUMENT,
                    "Cannot ingest inbox " + root + ": it has no batch files in family folders (talents/, service_logs/ …)"
                            + nested.map(inbox -> "; did you mean --inbox " + inbox + "?").orElse(""));
        }
        return new Inbox(root, files, skipped);
    }

    public List<InboxFile> filesOf(Family family)
    {
        return files.stream().filter(file -> file.family() == family).toList();
    }
}
