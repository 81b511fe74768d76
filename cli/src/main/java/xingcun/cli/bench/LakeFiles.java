package xingcun.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a folder by relative path with size and modification time, their difference, and folder copies. */
final class LakeFiles
{
    private LakeFiles() {}

    record FileState(long size, long modifiedNanos) {}

    static Map<String, FileState> list(Path folder)
    {
        Map<String, FileState> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isRegularFile()) {
                    files.put(folder.relativize(path).toString(), new FileState(attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return files;
    }

    /** What a run did to a folder: files added, changed in place (size or mtime), removed, and left untouched. */
    record Difference(List<String> added, List<String> changed, List<String> removed, List<String> untouched)
    {
        Map<String, Object> summary(int shown)
        {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("new", added.size());
            summary.put("changed", changed.size());
            summary.put("removed", removed.size());
            summary.put("untouched", untouched.size());
            summary.put("new_files", added.stream().limit(shown).toList());
            summary.put("changed_files", changed.stream().limit(shown).toList());
            summary.put("removed_files", removed.stream().limit(shown).toList());
            return summary;
        }

        /** Only the files the filter keeps (for example the Parquet data files). */
        Difference only(java.util.function.Predicate<String> filter)
        {
            return new Difference(added.stream().filter(filter).toList(), changed.stream().filter(filter).toList(),
                    removed.stream().filter(filter).toList(), untouched.stream().filter(filter).toList());
        }
    }

    static Difference difference(Map<String, FileState> before, Map<String, FileState> after)
    {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> untouched = new ArrayList<>();
        after.forEach((path, state) -> {
            FileState old = before.get(path);
            if (old == null) {
                added.add(path);
            }
            else if (old.equals(state)) {
                untouched.add(path);
            }
            else {
                changed.add(path);
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(removed::add);
        return new Difference(added, changed, removed, untouched);
    }

    static long bytes(Path folder)
    {
        return list(folder).values().stream().mapToLong(FileState::size).sum();
    }

    /** Copies a folder keeping modification times, so a copy's files count as untouched until something writes them. */
    static void copy(Path from, Path to)
    {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                        throws IOException
                {
                    Files.createDirectories(to.resolve(from.relativize(directory).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                        throws IOException
                {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    static void delete(Path folder)
    {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
